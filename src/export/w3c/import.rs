//! Web Annotations in: Randnotiz's own, and other tools' (Hypothesis, any
//! W3C client), read through the typed shapes of [`super::wire`].

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

use super::wire::{AnnotationIn, BodyIn, SelectorIn, StatementIn};
use super::{ImportError, Imported, unpercent};
use crate::actors::{Actor, ActorId, ActorKind, unique_id};
use crate::anchor::{Target, TextQuote};
use crate::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, Session, Stance, Statement, Timestamp,
    now,
};
use crate::document::{CharPos, CharRange, Document};
use crate::i18n::{fill, tr};

const ACTOR_IRI: &str = "urn:randnotiz:actor:";
const CONCEPT_IRI: &str = "urn:randnotiz:concept:";
const ANNOTATION_IRI: &str = "urn:randnotiz:annotation:";

/// Reads Web Annotations from JSON text, for `session` on `doc`: actors are
/// matched by id or name (new ones created), ids kept where free.
///
/// # Errors
/// An [`ImportError`] when the text is not JSON or holds no annotation.
pub fn import(text: &str, session: &Session, doc: &Document) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json_error = |e: serde_json::Error| ImportError::Json {
        line: e.line(),
        col: e.column(),
        what: e.to_string(),
    };
    // The whole text is checked as JSON first, then walked without building
    // its tree: each annotation is parsed on its own, and dropped before the
    // next. One tree of a hundred thousand annotations cost more to free
    // than to read.
    let whole: &RawValue = serde_json::from_str(text).map_err(json_error)?;
    let mut items = Vec::new();
    annotations_in(whole, &mut items);
    if items.is_empty() {
        return Err(ImportError::NoAnnotations);
    }
    let mut importer = Importer::new(session, doc);
    for (n, item) in items.into_iter().enumerate() {
        // Every field is lenient, so an object always reads; should one
        // not, it is named as skipped like any item without a passage.
        let value: Result<Value, _> = serde_json::from_str(item.get());
        match value.as_ref().map(AnnotationIn::deserialize) {
            Ok(Ok(item)) => importer.item(n + 1, &item),
            _ => importer.skip(n + 1),
        }
    }
    Ok(importer.finish())
}

/// The keys that tell what a JSON object in an annotation file is, each
/// as its raw JSON; a key given twice counts as JSON readers count it (the
/// last wins).
#[derive(Default)]
struct Node<'a> {
    kind: Option<&'a RawValue>,
    target: Option<&'a RawValue>,
    items: Option<&'a RawValue>,
    first: Option<&'a RawValue>,
    annotations: Option<&'a RawValue>,
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;

        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = Node<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut node = Node::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match key.as_ref() {
                        "type" => &mut node.kind,
                        "target" => &mut node.target,
                        "items" => &mut node.items,
                        "first" => &mut node.first,
                        "annotations" => &mut node.annotations,
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(map.next_value()?);
                }
                Ok(node)
            }
        }

        deserializer.deserialize_map(Keys)
    }
}

/// Every annotation object in a document, in order: an annotation, an
/// array, a page, or a collection with an embedded first page.
fn annotations_in<'a>(raw: &'a RawValue, out: &mut Vec<&'a RawValue>) {
    let json = raw.get();
    if json.starts_with('[') {
        if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(json) {
            for item in items {
                annotations_in(item, out);
            }
        }
        return;
    }
    if !json.starts_with('{') {
        return;
    }
    let Ok(node) = serde_json::from_str::<Node<'_>>(json) else {
        return;
    };
    let kind = node
        .kind
        .and_then(|k| serde_json::from_str::<std::borrow::Cow<'_, str>>(k.get()).ok())
        .unwrap_or_default();
    let inner = match kind.as_ref() {
        "Annotation" => {
            out.push(raw);
            return;
        }
        _ if node.target.is_some() => {
            out.push(raw);
            return;
        }
        "AnnotationPage" => node.items,
        "AnnotationCollection" => node.first,
        // The Hypothesis client's export: {export_date, annotations: […]}.
        _ => node.annotations,
    };
    if let Some(inner) = inner {
        annotations_in(inner, out);
    }
}

/// The actors an import knows so far, by id and by every name.
struct KnownActors {
    ids: HashSet<ActorId>,
    by_name: HashMap<String, ActorId>,
}

impl KnownActors {
    fn new(actors: &[Actor]) -> Self {
        let mut known = Self {
            ids: HashSet::new(),
            by_name: HashMap::new(),
        };
        for actor in actors {
            known.add(actor);
        }
        known
    }

    fn add(&mut self, actor: &Actor) {
        self.ids.insert(actor.id.clone());
        for name in actor.names() {
            self.by_name
                .entry(name.to_owned())
                .or_insert_with(|| actor.id.clone());
        }
    }
}

/// What the bodies of one annotation say.
struct Bodies {
    note: Vec<String>,
    colour: Colour,
    /// Actors named by IRI.
    ids: Vec<ActorId>,
    /// Tags: actors named by name.
    tags: Vec<String>,
}

/// An import under way. Actors, concepts and ids are looked up in sets, so
/// an import of a hundred thousand annotations (and as many new tags) is
/// linear.
struct Importer<'a> {
    doc: &'a Document,
    actors: KnownActors,
    concepts: HashSet<ConceptId>,
    taken: HashSet<AnnotationId>,
    /// The number of the next free `aN` id to try.
    next: u64,
    /// Passages widened to whole words.
    widened: usize,
    imported: Imported,
}

impl<'a> Importer<'a> {
    fn new(session: &Session, doc: &'a Document) -> Self {
        Self {
            doc,
            actors: KnownActors::new(&session.actors),
            concepts: session.concepts.iter().map(|c| c.id.clone()).collect(),
            taken: session.annotations.iter().map(|a| a.id.clone()).collect(),
            next: session
                .next_annotation_id()
                .0
                .trim_start_matches('a')
                .parse::<u64>()
                .unwrap_or(1),
            widened: 0,
            imported: Imported::default(),
        }
    }

    fn finish(mut self) -> Imported {
        if self.widened > 0 {
            self.imported
                .skipped
                .push(fill(tr().import_widened, &[("n", &self.widened)]));
        }
        self.imported
    }

    /// Notes that the `n`th item (from 1) brought no passage.
    fn skip(&mut self, n: usize) {
        let line = fill(tr().import_skipped, &[("n", &n)]);
        self.imported.skipped.push(line);
    }

    /// Reads the `n`th item (from 1): an annotation, or a line in
    /// `skipped` saying why not.
    fn item(&mut self, n: usize, item: &AnnotationIn<'_>) {
        let doc = self.doc;
        let mut target = match target_of(item, doc) {
            Ok(target) => target,
            Err(NoTarget::NoSelector) => {
                self.skip(n);
                return;
            }
            Err(NoTarget::Outside { start, end }) => {
                let line = fill(
                    tr().import_outside,
                    &[
                        ("n", &n),
                        ("start", &start),
                        ("end", &end),
                        ("len", &doc.len_chars()),
                    ],
                );
                self.imported.skipped.push(line);
                return;
            }
        };
        let Bodies {
            note,
            colour,
            ids,
            tags,
        } = bodies(item);
        let mut chosen = self.choose_actors(&ids, tags);
        let id = self.annotation_id(item.id.0);
        let reader = item
            .creator
            .0
            .as_ref()
            .and_then(super::wire::CreatorIn::name)
            .or(item.user.0)
            .map(hypothesis_user);
        let statement = item
            .statement
            .0
            .as_ref()
            .and_then(|s| self.statement(s, &mut chosen));
        // Other tools mark characters; a passage in Randnotiz is whole
        // words, as the reader would have marked it (orphans stay as they
        // are, and so do Randnotiz's own annotations: one made with Alt for
        // exact characters comes back as it went out).
        let ours = item.id.0.is_some_and(|iri| iri.starts_with(ANNOTATION_IRI));
        if !ours && target.matches(doc) {
            let range = target.range();
            let snapped = crate::document::words::snap(doc, range);
            if snapped != range {
                target = Target::from_range(doc, snapped);
                self.widened += 1;
            }
        }
        let created = time(item.created.0);
        self.imported.annotations.push(Annotation {
            reader,
            actors: chosen,
            statement,
            note: note.join("\n\n"),
            modified: item.modified.0.map_or(created, |v| time(Some(v))),
            ..Annotation::on(id, target, colour, created)
        });
    }

    /// The actors of an annotation: those identified by IRI first (made
    /// when unknown, named by the tag in the same place), then those the
    /// tags name (matched by any of an actor's names, made when unknown).
    fn choose_actors(&mut self, ids: &[ActorId], tags: Vec<String>) -> Vec<ActorId> {
        let mut chosen: Vec<ActorId> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if !self.actors.ids.contains(id) {
                let name = tags.get(i).cloned().unwrap_or_else(|| id.0.clone());
                self.new_actor(Actor::new(id.clone(), name, ActorKind::Other));
            }
            chosen.push(id.clone());
        }
        for tag in tags {
            let id = match self.actors.by_name.get(&tag) {
                Some(id) => id.clone(),
                None => {
                    let id = unique_id(&tag, |id| self.actors.ids.contains(id));
                    self.new_actor(Actor::new(id.clone(), tag, ActorKind::Other));
                    id
                }
            };
            if !chosen.contains(&id) {
                chosen.push(id);
            }
        }
        chosen
    }

    fn new_actor(&mut self, actor: Actor) {
        self.actors.add(&actor);
        self.imported.new_actors.push(actor);
    }

    /// The id the annotation had (the last part of its IRI) where it is
    /// free, else the next free `aN`.
    fn annotation_id(&mut self, iri: Option<&str>) -> AnnotationId {
        let id = iri
            .and_then(|iri| iri.rsplit(':').next())
            .map(|s| AnnotationId(unpercent(s)))
            .filter(|id| !id.0.is_empty() && !self.taken.contains(id))
            .unwrap_or_else(|| {
                loop {
                    let id = AnnotationId(format!("a{}", self.next));
                    self.next += 1;
                    if !self.taken.contains(&id) {
                        break id;
                    }
                }
            });
        self.taken.insert(id.clone());
        id
    }

    /// A Randnotiz statement ([`super::STATEMENT_PROPERTY`]): its concept made
    /// when unknown, its speaker added to the annotation's actors.
    fn statement(&mut self, s: &StatementIn<'_>, chosen: &mut Vec<ActorId>) -> Option<Statement> {
        let actor = ActorId(unpercent(s.actor.0?.strip_prefix(ACTOR_IRI)?));
        let concept = ConceptId(unpercent(s.concept.0?.strip_prefix(CONCEPT_IRI)?));
        let stance = match s.stance.0 {
            Some("agrees") => Stance::Agrees,
            Some("disagrees") => Stance::Disagrees,
            _ => Stance::Neutral,
        };
        if self.concepts.insert(concept.clone()) {
            let name = s.concept_label.0.unwrap_or(concept.as_str());
            self.imported
                .new_concepts
                .push(Concept::new(concept.clone(), name));
        }
        if !chosen.contains(&actor) {
            if !self.actors.ids.contains(&actor) {
                self.new_actor(Actor::new(actor.clone(), actor.0.clone(), ActorKind::Other));
            }
            chosen.push(actor.clone());
        }
        Some(Statement {
            actor,
            concept,
            stance,
        })
    }
}

/// The note, colour and actors the bodies carry (and Hypothesis's `text`
/// and `tags`); a body without a purpose is a comment.
fn bodies(item: &AnnotationIn<'_>) -> Bodies {
    let mut out = Bodies {
        note: Vec::new(),
        colour: Colour::Yellow,
        ids: Vec::new(),
        tags: Vec::new(),
    };
    out.note.extend(item.body_value.0.map(str::to_owned));
    if let Some(text) = item.text.0.filter(|t| !t.trim().is_empty()) {
        out.note.push(text.to_owned());
    }
    out.tags.extend(item.tags.0.iter().map(|t| (*t).to_owned()));
    for BodyIn {
        purpose,
        value,
        source,
    } in &item.body.0
    {
        match (purpose.0.unwrap_or("commenting"), value.0, source.0) {
            ("tagging", Some(name), _) => out.tags.push(name.to_owned()),
            ("classifying", Some(name), _) => {
                out.colour = Colour::ALL
                    .into_iter()
                    .find(|c| {
                        format!("{c:?}").eq_ignore_ascii_case(name)
                            || c.name().eq_ignore_ascii_case(name)
                    })
                    .unwrap_or(out.colour);
            }
            ("identifying", _, Some(iri)) => {
                if let Some(id) = iri.strip_prefix(ACTOR_IRI) {
                    out.ids.push(ActorId(unpercent(id)));
                }
            }
            (_, Some(text), _) => out.note.push(text.to_owned()),
            _ => {}
        }
    }
    out
}

/// `acct:anna@hypothes.is` as the reader name `anna`; other names as they are.
fn hypothesis_user(user: &str) -> String {
    user.strip_prefix("acct:")
        .map_or(user, |u| u.split('@').next().unwrap_or(u))
        .to_owned()
}

/// Why an item brought no passage.
enum NoTarget {
    /// No quote and no position in the text.
    NoSelector,
    /// Only a position, and that is not in the text.
    Outside { start: usize, end: usize },
}

/// The target of an annotation: its quote and position selectors. Only a
/// document-level position counts: a `TextPositionSelector` that refines
/// another selector (Hypothesis nests one in an `XPathSelector`) counts
/// chars inside that element, and taken as document offsets it moved a
/// passage onto another copy of a repeated paragraph.
fn target_of(item: &AnnotationIn<'_>, doc: &Document) -> Result<Target, NoTarget> {
    let mut outside = None;
    for target in &item.target.0 {
        let mut quote: Option<TextQuote> = None;
        let mut position: Option<(usize, usize)> = None;
        // (selector, refines another), the refining ones after the rest.
        let mut selectors: Vec<(&SelectorIn<'_>, bool)> =
            target.selector.0.iter().map(|s| (s, false)).collect();
        let mut i = 0;
        while i < selectors.len() {
            let refined = &selectors[i].0.refined_by.0;
            selectors.extend(refined.iter().map(|s| (s, true)));
            i += 1;
        }
        for (selector, refining) in selectors {
            match selector.kind.0 {
                Some("TextQuoteSelector") => {
                    let field = |f: Option<&str>| f.unwrap_or_default().to_owned();
                    quote = Some(TextQuote {
                        prefix: field(selector.prefix.0),
                        exact: field(selector.exact.0),
                        suffix: field(selector.suffix.0),
                    });
                }
                Some("TextPositionSelector") if !refining => {
                    let number = |n: Option<u64>| n.and_then(|n| usize::try_from(n).ok());
                    if let (Some(start), Some(end)) =
                        (number(selector.start.0), number(selector.end.0))
                    {
                        position = Some((start.min(end), start.max(end)));
                    }
                }
                _ => {}
            }
        }
        match (quote, position) {
            (Some(quote), Some((start, end))) if !quote.exact.is_empty() => {
                return Ok(Target {
                    start: CharPos(start),
                    end: CharPos(end),
                    quote,
                });
            }
            (Some(quote), None) if !quote.exact.is_empty() => {
                // Only a quote: find its place now, so that it arrives anchored.
                let unplaced = Target {
                    quote,
                    ..Target::default()
                };
                return Ok(crate::anchor::Reanchorer::new(doc)
                    .anchor(&unplaced)
                    .range()
                    .map_or(unplaced, |range| Target::from_range(doc, range)));
            }
            (None, Some((start, end))) if end > start && end <= doc.len_chars() => {
                return Ok(Target::from_range(doc, CharRange::new(start, end)));
            }
            (None, Some((start, end))) => outside = Some(NoTarget::Outside { start, end }),
            _ => {}
        }
    }
    Err(outside.unwrap_or(NoTarget::NoSelector))
}

fn time(value: Option<&str>) -> Timestamp {
    value
        .and_then(|s| s.parse::<Timestamp>().ok())
        .unwrap_or_else(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(json: &str) -> Vec<String> {
        let whole: &RawValue = serde_json::from_str(json).unwrap();
        let mut out = Vec::new();
        annotations_in(whole, &mut out);
        out.iter().map(|raw| raw.get().to_owned()).collect()
    }

    #[test]
    fn annotations_are_found_in_every_shape_a_file_takes() {
        let a = r#"{"type":"Annotation","id":"a"}"#;
        let b = r#"{"target":"x","id":"b"}"#;
        assert_eq!(found(a), [a]);
        assert_eq!(found(&format!("[{a},1,\"s\",[{b}]]")), [a, b]);
        let page = format!(r#"{{"type":"AnnotationPage","items":[{a},{b}]}}"#);
        assert_eq!(found(&page), [a, b]);
        let collection = format!(r#"{{"type":"AnnotationCollection","first":{page}}}"#);
        assert_eq!(found(&collection), [a, b]);
        let hypothesis = format!(r#"{{"export_date":"2024","annotations":[{b}]}}"#);
        assert_eq!(found(&hypothesis), [b]);
        // A key given twice: the last one counts; escapes are read.
        let twice = format!(r#"{{"type":"Annotation","type":"AnnotationPage","items":[{a}]}}"#);
        assert_eq!(found(&twice), [a]);
        let escaped = r#"{"type":"\u0041nnotation"}"#;
        assert_eq!(found(escaped), [escaped]);
        assert!(found(r#"{"type":"AnnotationPage"}"#).is_empty());
        assert!(found("42").is_empty());
    }
}
