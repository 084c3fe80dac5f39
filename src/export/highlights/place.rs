//! Highlights placed in the text by their quotes, their tags read as actors
//! and statements.

use std::collections::{HashMap, HashSet};

use super::{Highlight, Paragraphs, stance_named};
use crate::actors::{Actor, ActorId, ActorKind, unique_id};
use crate::anchor::{Outcome, Reanchorer, Target, TextQuote};
use crate::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, Session, Stance, Statement,
    concept_id_for, now,
};
use crate::document::{ByteToChar, CharPos, CharRange, Document};
use crate::export::excerpt;
use crate::export::w3c::Imported;
use crate::i18n::{fill, tr, tr_hl};

/// How many chars of a quote a report line shows.
const QUOTE_SHOWN: usize = 60;

/// Places `highlights` in `doc` for `session`: each found by its quote
/// (narrowed by the paragraph, page or chapter it names), its tags read as
/// actors (new ones made) and statements. What cannot be found, and what
/// was found several times or only approximately, is said in `skipped`.
#[must_use]
pub fn place(highlights: Vec<Highlight>, session: &Session, doc: &Document) -> Imported {
    let mut placer = Placer::new(session, doc);
    let highlights = placer.of_this_text(highlights);
    for highlight in &highlights {
        placer.highlight(highlight);
    }
    placer.finish()
}

/// Where a quote was found.
enum Found {
    /// Once (where the hint points, or in the whole text).
    Exact(CharRange),
    /// Several times where the hint points: the first of `n`.
    Ambiguous(CharRange, usize),
    /// Not word for word: the closest passage.
    Approximate(CharRange),
}

/// The text with white space runs folded to one space and soft hyphens
/// dropped, and where each of its chars stands in the text.
struct Folded {
    text: String,
    at: Vec<u32>,
}

impl Folded {
    fn of(doc: &Document) -> Self {
        let mut text = String::with_capacity(doc.text().len());
        let mut at = Vec::with_capacity(doc.len_chars());
        let mut space = false;
        for (i, c) in doc.text().chars().enumerate() {
            if c == '\u{ad}' {
                continue;
            }
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            if c.is_whitespace() {
                if !space {
                    text.push(' ');
                    at.push(i);
                }
                space = true;
            } else {
                text.push(c);
                at.push(i);
                space = false;
            }
        }
        Self { text, at }
    }
}

/// `text` folded as [`Folded`] folds the text, trimmed.
fn fold(text: &str) -> String {
    let kept: String = text.chars().filter(|&c| c != '\u{ad}').collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Finds quotes in one text.
struct Finder<'d> {
    doc: &'d Document,
    paragraphs: Paragraphs,
    folded: Option<Folded>,
}

impl<'d> Finder<'d> {
    fn new(doc: &'d Document) -> Self {
        Self {
            doc,
            paragraphs: Paragraphs::of(doc),
            folded: None,
        }
    }

    fn find(&mut self, h: &Highlight) -> Option<Found> {
        let quote = h.quote.trim();
        if quote.is_empty() {
            return None;
        }
        let mut hits = self.exact(quote);
        if hits.is_empty() {
            hits = self.folded(quote);
        }
        let areas = self.areas(h);
        if hits.is_empty() {
            return self.approximate(quote, &areas);
        }
        if let [only] = hits.as_slice() {
            return Some(Found::Exact(*only));
        }
        for area in &areas {
            let inside: Vec<CharRange> = hits
                .iter()
                .copied()
                .filter(|hit| {
                    area.iter()
                        .all(|a| a.start <= hit.start && hit.start < a.end)
                })
                .collect();
            match inside.as_slice() {
                [] => {}
                [only] => return Some(Found::Exact(*only)),
                [first, ..] => return Some(Found::Ambiguous(*first, inside.len())),
            }
        }
        Some(Found::Ambiguous(hits[0], hits.len()))
    }

    /// Where the quote stands word for word, on word boundaries where it
    /// begins or ends with a letter (else anywhere).
    fn exact(&self, quote: &str) -> Vec<CharRange> {
        let text = self.doc.text();
        let len = quote.chars().count();
        let mut walk = ByteToChar::new(text);
        let all: Vec<CharRange> = text
            .match_indices(quote)
            .map(|(b, _)| {
                let start = walk.convert(b);
                CharRange::new(start, start + len)
            })
            .collect();
        self.on_word_edges(quote, all)
    }

    /// Where the quote stands with white space folded.
    fn folded(&mut self, quote: &str) -> Vec<CharRange> {
        let quote = fold(quote);
        if quote.is_empty() {
            return Vec::new();
        }
        let folded = self.folded.get_or_insert_with(|| Folded::of(self.doc));
        let len = quote.chars().count();
        let mut walk = ByteToChar::new(&folded.text);
        let mut all = Vec::new();
        for (b, _) in folded.text.match_indices(&quote) {
            let first = walk.convert(b);
            let (Some(&start), Some(&last)) =
                (folded.at.get(first), folded.at.get(first + len - 1))
            else {
                continue;
            };
            all.push(CharRange::new(start as usize, last as usize + 1));
        }
        self.on_word_edges(&quote, all)
    }

    fn on_word_edges(&self, quote: &str, all: Vec<CharRange>) -> Vec<CharRange> {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let (first, last) = (quote.chars().next(), quote.chars().next_back());
        let doc = self.doc;
        let char_at = |pos: usize| {
            doc.slice(CharRange::new(pos, pos + 1).clamped(doc.len_chars()))
                .chars()
                .next()
        };
        let whole: Vec<CharRange> = all
            .iter()
            .copied()
            .filter(|r| {
                let before = r.start.checked_sub(1).and_then(char_at);
                let after = char_at(r.end);
                !((word(first) && word(before)) || (word(last) && word(after)))
            })
            .collect();
        if whole.is_empty() { all } else { whole }
    }

    /// The closest passage, searched from the hinted place.
    fn approximate(&self, quote: &str, areas: &[Vec<CharRange>]) -> Option<Found> {
        let start = areas
            .first()
            .and_then(|a| a.iter().map(|r| r.start).max())
            .unwrap_or(0);
        let target = Target {
            start: CharPos(start),
            end: CharPos(start + quote.chars().count()),
            quote: TextQuote {
                exact: quote.to_owned(),
                ..TextQuote::default()
            },
        };
        match Reanchorer::new(self.doc).anchor(&target) {
            Outcome::Anchored(range) => Some(Found::Exact(range)),
            Outcome::Moved { range, .. } => Some(Found::Approximate(range)),
            Outcome::Orphaned => None,
        }
    }

    /// The places a highlight's hints point to, most precise first; each
    /// a list of ranges a passage must begin in all of.
    fn areas(&self, h: &Highlight) -> Vec<Vec<CharRange>> {
        let doc = self.doc;
        let paragraph = h.paragraph.and_then(|n| self.paragraphs.get(n));
        let page = h.page.and_then(|(page, of)| {
            let of = of.filter(|&of| of > 0 && page > 0 && page <= of)?;
            let len = doc.len_chars();
            // The page's share of the text, a page to either side: another
            // app's pages are not Randnotiz's chars.
            // In u128: page numbers come from another app's file.
            let share = |p: usize| u128::try_from(p).unwrap_or(u128::MAX) * len as u128;
            let of = of as u128;
            let from = share((page - 1).saturating_sub(1)) / of;
            let to = share(page.saturating_add(1)).div_ceil(of).min(len as u128);
            let at = |n: u128| usize::try_from(n).unwrap_or(len).min(len);
            Some(CharRange::new(at(from), at(to)))
        });
        let chapter = h.chapter.as_deref().map(str::trim).and_then(|name| {
            let ranges: Vec<CharRange> = doc
                .sections()
                .iter()
                .filter(|s| {
                    s.label().trim().eq_ignore_ascii_case(name)
                        || doc.section_label(s).trim().eq_ignore_ascii_case(name)
                })
                .map(|s| s.range)
                .collect();
            let first = ranges.first()?;
            let last = ranges.last()?;
            Some(CharRange::new(first.start, last.end))
        });
        let mut areas = Vec::new();
        if let Some(p) = paragraph {
            areas.push(vec![p]);
        }
        if let (Some(p), Some(c)) = (page, chapter) {
            areas.push(vec![p, c]);
        }
        if let Some(c) = chapter {
            areas.push(vec![c]);
        }
        if let Some(p) = page {
            areas.push(vec![p]);
        }
        areas
    }
}

/// An import under way.
struct Placer<'d> {
    doc: &'d Document,
    title: String,
    finder: Finder<'d>,
    actor_ids: HashSet<ActorId>,
    /// Every actor's names (and aliases), folded to lower case.
    actor_names: HashMap<String, ActorId>,
    concept_ids: HashSet<ConceptId>,
    concept_names: HashMap<String, ConceptId>,
    ids: Box<dyn Iterator<Item = AnnotationId>>,
    time: crate::annotation::Timestamp,
    widened: usize,
    styled: usize,
    unknown_colours: Vec<String>,
    unknown_count: usize,
    imported: Imported,
}

impl<'d> Placer<'d> {
    fn new(session: &Session, doc: &'d Document) -> Self {
        let mut placer = Self {
            doc,
            title: session.document.title.clone(),
            finder: Finder::new(doc),
            actor_ids: HashSet::new(),
            actor_names: HashMap::new(),
            concept_ids: HashSet::new(),
            concept_names: HashMap::new(),
            ids: Box::new(session.free_annotation_ids()),
            time: now(),
            widened: 0,
            styled: 0,
            unknown_colours: Vec::new(),
            unknown_count: 0,
            imported: Imported::default(),
        };
        for actor in &session.actors {
            placer.know_actor(actor);
        }
        for concept in &session.concepts {
            placer.know_concept(concept);
        }
        placer
    }

    fn know_actor(&mut self, actor: &Actor) {
        self.actor_ids.insert(actor.id.clone());
        for name in actor.names() {
            self.actor_names
                .entry(name.to_lowercase())
                .or_insert_with(|| actor.id.clone());
        }
    }

    fn know_concept(&mut self, concept: &Concept) {
        self.concept_ids.insert(concept.id.clone());
        self.concept_names
            .entry(concept.name.to_lowercase())
            .or_insert_with(|| concept.id.clone());
    }

    /// The highlights of this text: where the file holds several texts and
    /// one of them is this one, only its; the others are counted.
    fn of_this_text(&mut self, highlights: Vec<Highlight>) -> Vec<Highlight> {
        let mut titles: Vec<&str> = Vec::new();
        for h in &highlights {
            if let Some(t) = h.source_title.as_deref()
                && !titles.contains(&t)
            {
                titles.push(t);
            }
        }
        let ours = |t: &str| {
            let t = t.trim();
            t.eq_ignore_ascii_case(self.title.trim())
                || t.eq_ignore_ascii_case(self.doc.title_or_default().trim())
        };
        if titles.len() < 2 || !titles.iter().any(|t| ours(t)) {
            return highlights;
        }
        let others: Vec<String> = titles
            .iter()
            .filter(|t| !ours(t))
            .map(|t| (*t).to_owned())
            .collect();
        let (kept, left): (Vec<Highlight>, Vec<Highlight>) = highlights
            .into_iter()
            .partition(|h| h.source_title.as_deref().is_none_or(ours));
        self.imported.skipped.push(fill(
            tr_hl().other_documents,
            &[("n", &left.len()), ("titles", &others.join("; "))],
        ));
        kept
    }

    fn highlight(&mut self, h: &Highlight) {
        let quote = excerpt(h.quote.trim(), QUOTE_SHOWN);
        let place = where_of(h);
        let range = match self.finder.find(h) {
            None => {
                self.imported.skipped.push(fill(
                    tr_hl().not_found,
                    &[("quote", &quote), ("place", &place)],
                ));
                return;
            }
            Some(Found::Exact(range)) => range,
            Some(Found::Ambiguous(range, n)) => {
                self.imported.skipped.push(fill(
                    tr_hl().ambiguous,
                    &[
                        ("quote", &quote),
                        ("place", &place),
                        ("n", &n),
                        ("start", &range.start),
                    ],
                ));
                range
            }
            Some(Found::Approximate(range)) => {
                self.imported.skipped.push(fill(
                    tr_hl().approximate,
                    &[
                        ("quote", &quote),
                        ("place", &place),
                        ("start", &range.start),
                    ],
                ));
                range
            }
        };
        let snapped = crate::document::words::snap(self.doc, range);
        if snapped != range {
            self.widened += 1;
        }
        if h.styled {
            self.styled += 1;
        }
        let colour = h.colour.unwrap_or_else(|| {
            if let Some(name) = &h.unknown_colour {
                self.unknown_count += 1;
                if !self.unknown_colours.contains(name) {
                    self.unknown_colours.push(name.clone());
                }
            }
            Colour::Yellow
        });
        let (actors, statement, kept_tags) = self.tags(&h.tags);
        let mut note = h.note.clone();
        if !kept_tags.is_empty() {
            if !note.is_empty() {
                note.push(' ');
            }
            note.push_str(&super::hashtags(&kept_tags));
        }
        let id = self.next_id();
        let created = h.created.unwrap_or(self.time);
        self.imported.annotations.push(Annotation {
            actors,
            statement,
            note,
            ..Annotation::on(id, Target::from_range(self.doc, snapped), colour, created)
        });
    }

    fn next_id(&mut self) -> AnnotationId {
        self.ids
            .next()
            .unwrap_or_else(|| AnnotationId(format!("a{}", self.imported.annotations.len() + 1)))
    }

    /// A highlight's actors and statement from its tags, and the tags that
    /// name a concept where no actor speaks (kept in the note).
    fn tags(&mut self, tags: &[String]) -> (Vec<ActorId>, Option<Statement>, Vec<String>) {
        let mut actors: Vec<ActorId> = Vec::new();
        let mut statement = None;
        let mut concepts: Vec<(ConceptId, &String)> = Vec::new();
        for tag in tags {
            let parts: Vec<&str> = tag.split('/').collect();
            if let [speaker, stance, concept] = parts.as_slice()
                && let Some(stance) = stance_named(stance)
                && !speaker.is_empty()
                && !concept.is_empty()
            {
                let actor = self.actor(speaker);
                let concept = self.concept(concept);
                if !actors.contains(&actor) {
                    actors.push(actor.clone());
                }
                statement = Some(Statement {
                    actor,
                    concept,
                    stance,
                });
                continue;
            }
            if self.known_actor(tag).is_none()
                && let Some(concept) = self.known_concept(tag)
            {
                concepts.push((concept, tag));
                continue;
            }
            let actor = self.actor(tag);
            if !actors.contains(&actor) {
                actors.push(actor);
            }
        }
        let mut kept = Vec::new();
        for (concept, tag) in concepts {
            match (&statement, actors.first()) {
                (None, Some(first)) => {
                    statement = Some(Statement {
                        actor: first.clone(),
                        concept,
                        stance: Stance::Neutral,
                    });
                }
                _ => kept.push(tag.clone()),
            }
        }
        (actors, statement, kept)
    }

    fn known_actor(&self, tag: &str) -> Option<ActorId> {
        let id = ActorId(tag.to_owned());
        if self.actor_ids.contains(&id) {
            return Some(id);
        }
        let spaced = tag.replace('_', " ").to_lowercase();
        self.actor_names
            .get(&spaced)
            .or_else(|| self.actor_names.get(&tag.to_lowercase()))
            .cloned()
    }

    fn known_concept(&self, tag: &str) -> Option<ConceptId> {
        let id = ConceptId(tag.to_owned());
        if self.concept_ids.contains(&id) {
            return Some(id);
        }
        let spaced = tag.replace('_', " ").to_lowercase();
        self.concept_names
            .get(&spaced)
            .or_else(|| self.concept_names.get(&tag.to_lowercase()))
            .cloned()
    }

    /// The actor a tag names, made when there is none.
    fn actor(&mut self, tag: &str) -> ActorId {
        if let Some(id) = self.known_actor(tag) {
            return id;
        }
        let name = tag.replace('_', " ");
        let id = unique_id(&name, |id| self.actor_ids.contains(id));
        let actor = Actor::new(id.clone(), name, ActorKind::Other);
        self.know_actor(&actor);
        self.imported.new_actors.push(actor);
        id
    }

    /// The concept a statement tag names, made when there is none.
    fn concept(&mut self, tag: &str) -> ConceptId {
        if let Some(id) = self.known_concept(tag) {
            return id;
        }
        let name = tag.replace('_', " ");
        let id = concept_id_for(&name, |id| self.concept_ids.contains(&ConceptId(id.into())));
        let concept = Concept::new(id.clone(), name);
        self.know_concept(&concept);
        self.imported.new_concepts.push(concept);
        id
    }

    fn finish(mut self) -> Imported {
        let t = tr_hl();
        if self.widened > 0 {
            self.imported
                .skipped
                .push(fill(tr().import_widened, &[("n", &self.widened)]));
        }
        if self.styled > 0 {
            self.imported
                .skipped
                .push(fill(t.styles, &[("n", &self.styled)]));
        }
        if self.unknown_count > 0 {
            self.imported.skipped.push(fill(
                t.unknown_colours,
                &[
                    ("colours", &self.unknown_colours.join(", ")),
                    ("n", &self.unknown_count),
                ],
            ));
        }
        if !self.imported.new_actors.is_empty() {
            let names: Vec<&str> = self
                .imported
                .new_actors
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            self.imported
                .skipped
                .push(fill(t.new_actors, &[("names", &names.join(", "))]));
        }
        self.imported
    }
}

/// Where a report says a highlight stood: its paragraph, page or chapter.
fn where_of(h: &Highlight) -> String {
    let t = tr_hl();
    if let Some(n) = h.paragraph {
        fill(t.where_paragraph, &[("n", &n)])
    } else if let Some((n, _)) = h.page {
        fill(t.where_page, &[("n", &n)])
    } else if let Some(chapter) = h.chapter.as_deref().filter(|c| !c.trim().is_empty()) {
        fill(t.where_chapter, &[("chapter", &chapter)])
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TextFormat;

    fn doc(text: &str) -> Document {
        Document::parse(text, TextFormat::Plain)
    }

    fn quoted(quote: &str) -> Highlight {
        Highlight {
            quote: quote.to_owned(),
            ..Highlight::default()
        }
    }

    #[test]
    fn quotes_are_found_across_line_breaks_and_on_whole_words() {
        let doc = doc("Die Truppen ziehen ab.\n\nSie ziehen\nheute ab, sagt Abzugsplaner Abzug.");
        let mut finder = Finder::new(&doc);
        let Some(Found::Exact(range)) = finder.find(&quoted("ziehen heute ab")) else {
            panic!("not found")
        };
        assert_eq!(doc.slice(range), "ziehen\nheute ab");
        // "Abzug" inside "Abzugsplaner" does not count: one whole word.
        let Some(Found::Exact(range)) = finder.find(&quoted("Abzug")) else {
            panic!("not found once")
        };
        assert_eq!(range.start, doc.text().chars().count() - 6);
        assert!(finder.find(&quoted("Panzer rollen")).is_none());
    }

    #[test]
    fn a_repeated_quote_takes_the_hinted_paragraph() {
        let doc = doc("Er sagte nein.\n\nSie sagte ja.\n\nEr sagte nein.");
        let mut finder = Finder::new(&doc);
        let hinted = Highlight {
            paragraph: Some(3),
            ..quoted("Er sagte nein.")
        };
        let Some(Found::Exact(range)) = finder.find(&hinted) else {
            panic!("not placed by its hint")
        };
        assert_eq!(range.start, 31);
        assert!(matches!(
            finder.find(&quoted("Er sagte nein.")),
            Some(Found::Ambiguous(r, 2)) if r.start == 0
        ));
    }
}
