//! The text sources as documents, their selections as annotations, the
//! variables and cases as attributes, the notes as a document of their
//! own: the project written.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::align;
use super::codes::{self, Meaning, Registry};
use super::ours::{Field, Ours};
use super::package::{self, Package};
use super::parse::{Qde, Selection, TextSource};
use super::{NotCarried, RefiOptions, RefiReport};
use crate::actors::{Actor, ActorId, ActorKind};
use crate::anchor::{CONTEXT_CHARS, Reanchorer, Target, TextQuote};
use crate::annotation::{
    Annotation, AnnotationId, Colour, DocumentRef, Session, Stance, Statement, Timestamp,
};
use crate::document::{CharPos, CharRange, DecodeError, Document, TextFormat};
use crate::fsio::SaveError;
use crate::i18n::{fill, tr_refi};
use crate::workspace::project::Project;

/// A source read: the document Randnotiz made of it and the bytes it made
/// it from (copied into the project), and the plain text REFI's positions
/// count in.
pub struct Loaded {
    /// REFI's plain text of the source, if the project has one with text.
    pub plain: Option<String>,
    /// The document.
    pub document: Document,
    /// The file it was made from.
    pub bytes: Vec<u8>,
    /// That file's extension.
    pub extension: String,
}

/// Reads every text source (`None` for one without a text to be found,
/// counted in the report).
pub fn load(qde: &Qde, package: &mut Package, report: &mut RefiReport) -> Vec<Option<Loaded>> {
    qde.sources
        .iter()
        .map(|source| {
            let loaded = load_one(qde, source, package, report);
            if loaded.is_none() {
                report.not_carried.add(NotCarried::NO_TEXT, 1);
                report
                    .not_carried
                    .add(NotCarried::NO_TEXT_SELECTION, source.selections.len());
            }
            loaded
        })
        .collect()
}

fn load_one(
    qde: &Qde,
    source: &TextSource,
    package: &mut Package,
    report: &mut RefiReport,
) -> Option<Loaded> {
    let t = tr_refi();
    let label = label(source);
    let said_outside = |outside: Option<std::path::PathBuf>, report: &mut RefiReport| {
        if let Some(path) = outside {
            report.notices.push(fill(
                t.source_outside,
                &[("source", &label), ("path", &path.display())],
            ));
        }
    };
    let plain_file = match &source.plain_content {
        Some(text) => Some(("plain.txt".to_owned(), text.clone().into_bytes())),
        None => source.plain_path.as_ref().and_then(|path| {
            let (bytes, outside) = package.read(path, &qde.base_path)?;
            said_outside(outside, report);
            Some((path.clone(), bytes))
        }),
    };
    let plain = plain_file
        .as_ref()
        .map(|(_, bytes)| package::text(bytes.clone()))
        .filter(|text| !text.trim().is_empty());
    let rich = source.rich_path.as_ref().and_then(|path| {
        let (bytes, outside) = package.read(path, &qde.base_path)?;
        said_outside(outside, report);
        Some((path.clone(), bytes))
    });
    let empty = |path: &str, bytes: Vec<u8>, report: &mut RefiReport| {
        report
            .notices
            .push(fill(t.source_empty, &[("source", &label)]));
        Some(Loaded {
            plain: None,
            document: Document::parse("", TextFormat::Plain),
            bytes,
            extension: extension(path),
        })
    };
    if let Some((path, bytes)) = rich {
        match Document::from_bytes(&bytes, TextFormat::from_path(Path::new(&path))) {
            Ok(document) => {
                return Some(Loaded {
                    plain,
                    document,
                    bytes,
                    extension: extension(&path),
                });
            }
            Err(DecodeError::Empty | DecodeError::NoText { .. }) if plain.is_none() => {
                return empty(&path, bytes, report);
            }
            Err(why) if plain.is_some() => report
                .notices
                .push(fill(t.rich_failed, &[("source", &label), ("why", &why)])),
            Err(_) => return None,
        }
    }
    let (path, bytes) = plain_file?;
    if plain.is_none() {
        return empty(&path, bytes, report);
    }
    let document = Document::from_bytes(&bytes, TextFormat::from_path(Path::new(&path))).ok()?;
    Some(Loaded {
        plain,
        document,
        bytes,
        extension: extension(&path),
    })
}

/// A source's name for messages: its name, else its file, else its GUID.
fn label(source: &TextSource) -> String {
    [
        source.name.as_str(),
        source.plain_path.as_deref().unwrap_or_default(),
    ]
    .into_iter()
    .find(|s| !s.trim().is_empty())
    .unwrap_or(source.guid.as_str())
    .to_owned()
}

/// The extension of a path as REFI writes it, `txt` where it has none.
fn extension(path: &str) -> String {
    Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_else(|| "txt".to_owned())
}

/// Everything the selections need to become annotations.
struct Context<'a> {
    qde: &'a Qde,
    ours: Option<&'a Ours>,
    registry: &'a Registry,
    notes: &'a dyn Fn(&str) -> Option<String>,
    /// The placeholder speaker, once a statement needs one.
    speaker: RefCell<Option<ActorId>>,
    /// Statements that name it.
    spoken_for: RefCell<usize>,
}

/// Writes the project: the registry, each loaded source as a document
/// with its annotations and attributes, the notes' document.
///
/// # Errors
/// A [`SaveError`] when a file of the project cannot be written.
pub fn build(
    qde: &Qde,
    ours: Option<&Ours>,
    loaded: Vec<Option<Loaded>>,
    project: &mut Project,
    options: RefiOptions,
    report: &mut RefiReport,
) -> Result<(), SaveError> {
    let by_guid: HashMap<&str, &super::parse::Note> =
        qde.notes.iter().map(|n| (n.guid.as_str(), n)).collect();
    let used: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    let notes = |guid: &str| -> Option<String> {
        let note = by_guid.get(guid)?;
        used.borrow_mut().insert(guid.to_owned());
        Some(note_text(&note.name, &note.text))
    };
    let mut registry =
        codes::registry(qde, ours, options.codes_as, &notes, &mut report.not_carried);
    let cx = Context {
        qde,
        ours,
        registry: &registry,
        notes: &notes,
        speaker: RefCell::new(None),
        spoken_for: RefCell::new(0),
    };
    let attributes = attributes(qde, ours, &mut report.not_carried);
    let mut columns: Vec<String> = Vec::new();
    let mut readers: HashSet<String> = HashSet::new();
    let mut memos: Vec<(String, String)> = Vec::new();
    for (source, loaded) in qde.sources.iter().zip(loaded) {
        let Some(loaded) = loaded else {
            continue;
        };
        report
            .not_carried
            .add(NotCarried::WHOLE_CODING, source.whole_codings);
        let document = &loaded.document;
        let name = title(source, document);
        let index = project.add_imported(document, &name, &loaded.extension, &loaded.bytes)?;
        let annotations = cx.annotations(source, document, loaded.plain.as_deref(), report);
        let values = attributes
            .get(source.guid.as_str())
            .cloned()
            .unwrap_or_default();
        if let Some(entry) = project.entry_mut(index) {
            entry.source.title.clone_from(&name);
            for (key, value) in values {
                match key {
                    Key::Field(Field::Outlet) => entry.outlet = Some(value),
                    Key::Field(Field::Date) => entry.date = Some(value),
                    Key::Field(Field::Author) => entry.author = Some(value),
                    Key::Column(column) => {
                        if !columns.contains(&column) {
                            columns.push(column.clone());
                        }
                        entry.attributes.insert(column, value);
                    }
                }
            }
            if ours.is_none() && !source.description.trim().is_empty() {
                let column = tr_refi().attribute_description.to_owned();
                if !columns.contains(&column) {
                    columns.push(column.clone());
                }
                entry
                    .attributes
                    .insert(column, source.description.trim().to_owned());
            }
        }
        for guid in &source.notes {
            if let Some(note) = by_guid.get(guid.as_str()) {
                used.borrow_mut().insert(guid.clone());
                let heading = fill(
                    tr_refi().memo_of_source,
                    &[("name", &note.name), ("source", &name)],
                );
                memos.push((heading, note.text.clone()));
            }
        }
        readers.extend(annotations.iter().filter_map(|a| a.reader.clone()));
        report.annotations += annotations.len();
        report.documents += 1;
        if !annotations.is_empty() {
            let mut session = Session::new(DocumentRef::to(document, None), Vec::new());
            session.annotations = annotations;
            project.write_imported(index, &session)?;
        }
    }
    report.notes += used.borrow().len();
    for note in &qde.notes {
        if !used.borrow().contains(&note.guid) {
            memos.push((note.name.clone(), note.text.clone()));
            report.notes += 1;
        }
    }
    if !memos.is_empty() {
        let t = tr_refi();
        let mut text = format!("# {}\n\n", t.memo_title);
        for (name, body) in &memos {
            text.push_str(&format!("## {}\n\n{}\n\n", one_line(name), body.trim()));
        }
        let document = Document::parse(&text, TextFormat::Markdown);
        project.add_imported(&document, t.memo_title, "md", text.as_bytes())?;
        report.documents += 1;
    }
    let spoken_for = cx.spoken_for.take();
    if let Some(id) = cx.speaker.take() {
        let name = tr_refi().no_speaker;
        registry.actors.push(Actor::new(id, name, ActorKind::Other));
        report.notices.push(fill(
            tr_refi().statements_without_speaker,
            &[("n", &spoken_for), ("name", &name)],
        ));
    }
    report.codes = registry
        .meanings
        .values()
        .filter(|m| matches!(m, Meaning::Actor(_) | Meaning::Concept(_)))
        .count();
    report.readers = readers.len();
    report.attributes = columns.len();
    project.extend_registry(registry.actors, registry.concepts, columns);
    project.save_registry()
}

/// A document's title: the source's name, else the title its text gives,
/// else its file's name.
fn title(source: &TextSource, document: &Document) -> String {
    let stem = |path: &Option<String>| {
        let path = path.as_deref()?;
        let name = path.strip_prefix("internal://").unwrap_or(path);
        Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
    };
    [
        Some(source.name.clone()),
        document.meta().title.clone(),
        stem(&source.plain_path),
        stem(&source.rich_path),
    ]
    .into_iter()
    .flatten()
    .find(|n| !n.trim().is_empty())
    .unwrap_or_else(|| document.title_or_default().to_owned())
}

/// A note's text, its name first where it says more.
fn note_text(name: &str, text: &str) -> String {
    let (name, text) = (name.trim(), text.trim());
    if name.is_empty() || text.starts_with(name) {
        text.to_owned()
    } else if text.is_empty() {
        name.to_owned()
    } else {
        format!("{name}: {text}")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where an attribute value goes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Key {
    /// A document column of Randnotiz's export.
    Field(Field),
    /// An attribute column.
    Column(String),
}

/// Each source's attribute values, by its GUID: its variables' values,
/// then its cases (their names and their values).
fn attributes<'q>(
    qde: &'q Qde,
    ours: Option<&Ours>,
    not_carried: &mut NotCarried,
) -> HashMap<&'q str, Vec<(Key, String)>> {
    let names: HashMap<&str, &str> = qde
        .variables
        .iter()
        .map(|v| (v.guid.as_str(), v.name.as_str()))
        .collect();
    let key = |guid: &str| -> Option<Key> {
        if let Some(&field) = ours.and_then(|o| o.fields.get(guid)) {
            return Some(Key::Field(field));
        }
        names.get(guid).map(|n| Key::Column((*n).to_owned()))
    };
    let mut out: HashMap<&str, Vec<(Key, String)>> = HashMap::new();
    for source in &qde.sources {
        let values = source
            .values
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(guid, value)| Some((key(guid)?, value.clone())))
            .collect();
        out.insert(source.guid.as_str(), values);
    }
    let mut cases: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for case in &qde.cases {
        not_carried.add(NotCarried::CASE_REFS, case.other_refs);
        for source in &case.sources {
            cases.entry(source.as_str()).or_default().push(&case.name);
            let values = out.entry(source.as_str()).or_default();
            for (guid, value) in &case.values {
                if let Some(key) = key(guid).filter(|_| !value.is_empty()) {
                    values.retain(|(k, _)| *k != key);
                    values.push((key, value.clone()));
                }
            }
        }
    }
    for (source, names) in cases {
        out.entry(source).or_default().push((
            Key::Column(tr_refi().attribute_case.to_owned()),
            names.join("; "),
        ));
    }
    out
}

/// Where a selection landed.
enum Placed {
    /// At its mapped place (or its own, where there is no plain text).
    At(CharRange),
    /// Found by its quote elsewhere.
    Found(CharRange),
    /// Not found: kept with its quote, orphaned.
    Orphan(Target),
    /// Past the end of its text.
    PastEnd,
}

/// REFI positions onto one document.
struct Placer<'d> {
    doc: &'d Document,
    plain: Option<Vec<char>>,
    map: Option<align::Map>,
    reanchorer: Reanchorer<'d>,
}

impl<'d> Placer<'d> {
    fn new(doc: &'d Document, plain: Option<&str>) -> Self {
        let plain: Option<Vec<char>> = plain.map(|p| p.chars().collect());
        let map = plain.as_ref().and_then(|p| {
            (p.iter().copied().ne(doc.text().chars()))
                .then(|| align::map(p, &doc.text().chars().collect::<Vec<_>>()))
        });
        Self {
            doc,
            plain,
            map,
            reanchorer: Reanchorer::new(doc),
        }
    }

    fn place(&mut self, start: usize, end: usize) -> Placed {
        let len = self.doc.len_chars();
        let Some(plain) = &self.plain else {
            return if end <= len {
                Placed::At(CharRange::new(start, end))
            } else {
                Placed::PastEnd
            };
        };
        if end > plain.len() {
            return Placed::PastEnd;
        }
        let Some(map) = &self.map else {
            return Placed::At(CharRange::new(start, end));
        };
        let exact: String = plain[start..end].iter().collect();
        // The words' span: whitespace at either edge may have gone.
        let first = (start..end).find(|&i| !plain[i].is_whitespace());
        let last = (start..end).rev().find(|&i| !plain[i].is_whitespace());
        let (from, to) = match (first, last) {
            (Some(first), Some(last)) => align::range(map, first, last + 1),
            _ => align::range(map, start, end),
        };
        let range = CharRange::new(from, to).clamped(len);
        if align::same_words(self.doc.slice(range), &exact) && !exact.trim().is_empty() {
            return Placed::At(range);
        }
        let prefix: String = plain[start.saturating_sub(CONTEXT_CHARS)..start]
            .iter()
            .collect();
        let suffix: String = plain[end..(end + CONTEXT_CHARS).min(plain.len())]
            .iter()
            .collect();
        let target = Target {
            start: CharPos(from),
            end: CharPos(from + exact.chars().count()),
            quote: TextQuote {
                prefix,
                exact,
                suffix,
            },
        };
        match self.reanchorer.anchor(&target).range() {
            Some(found) => Placed::Found(found),
            None => Placed::Orphan(target),
        }
    }
}

impl Context<'_> {
    /// The reader a user's GUID names (none for Randnotiz's default user).
    fn reader(&self, user: Option<&str>) -> Option<String> {
        let user = user?;
        if self.ours.is_some_and(|o| o.default_user == user) {
            return None;
        }
        self.qde.users.get(user).cloned()
    }

    /// The annotations of a source's selections.
    fn annotations(
        &self,
        source: &TextSource,
        doc: &Document,
        plain: Option<&str>,
        report: &mut RefiReport,
    ) -> Vec<Annotation> {
        let mut placer = Placer::new(doc, plain);
        let mut out: Vec<Annotation> = Vec::new();
        let mut unchecked = 0;
        for selection in &source.selections {
            let target = match placer.place(selection.start, selection.end) {
                Placed::At(range) => {
                    unchecked += usize::from(plain.is_none());
                    Target::from_range(doc, range)
                }
                Placed::Found(range) => {
                    report.reanchored += 1;
                    Target::from_range(doc, range)
                }
                Placed::Orphan(target) => {
                    report.unplaced += 1;
                    target
                }
                Placed::PastEnd => {
                    report.not_carried.add(NotCarried::PAST_END, 1);
                    continue;
                }
            };
            for annotation in self.of_selection(selection, &target, report) {
                let id = AnnotationId(format!("a{}", out.len() + 1));
                out.push(Annotation { id, ..annotation });
            }
        }
        if unchecked > 0 {
            report.notices.push(fill(
                tr_refi().position_only,
                &[("n", &unchecked), ("source", &label(source))],
            ));
        }
        out
    }

    /// One selection's annotations: one per coding user, with its codes
    /// (in concepts mode, one per concept).
    fn of_selection(
        &self,
        selection: &Selection,
        target: &Target,
        report: &mut RefiReport,
    ) -> Vec<Annotation> {
        let created =
            timestamp(selection.created.as_deref()).unwrap_or_else(crate::annotation::now);
        let modified = timestamp(selection.modified.as_deref()).unwrap_or(created);
        let mut note = selection.description.trim().to_owned();
        for text in selection
            .notes
            .iter()
            .filter_map(|g| (self.notes)(g.as_str()))
        {
            if !note.is_empty() {
                note.push_str("\n\n");
            }
            note.push_str(&text);
        }
        // The codings by who made them, in the order they first code.
        let mut groups: Vec<(Option<String>, Vec<&Meaning>)> = Vec::new();
        let selection_reader = self.reader(selection.user.as_deref());
        for coding in &selection.codings {
            let reader = match coding.user.as_deref() {
                Some(user) => self.reader(Some(user)),
                None => selection_reader.clone(),
            };
            let Some(meaning) = self.registry.meanings.get(&coding.code) else {
                report.not_carried.add(NotCarried::UNKNOWN_CODE, 1);
                continue;
            };
            match groups.iter_mut().find(|(r, _)| *r == reader) {
                Some((_, meanings)) => meanings.push(meaning),
                None => groups.push((reader, vec![meaning])),
            }
        }
        // Not coded, or coded only with codes the code book lacks: the
        // passage still comes, with its note.
        if groups.is_empty() {
            groups.push((selection_reader.clone(), Vec::new()));
        }
        let colour_of = |codes: &[&Meaning]| -> Colour {
            let guid_colour = selection
                .codings
                .iter()
                .find_map(|c| self.registry.colours.get(&c.code).copied());
            codes
                .iter()
                .find_map(|m| match m {
                    Meaning::Colour(c) => Some(*c),
                    _ => None,
                })
                .or_else(|| guid_colour.map(Colour::nearest_to))
                .unwrap_or_default()
        };
        let mut out = Vec::new();
        for (reader, meanings) in groups {
            let base = Annotation {
                reader,
                note: note.clone(),
                modified,
                ..Annotation::on(
                    AnnotationId(String::new()),
                    target.clone(),
                    colour_of(&meanings),
                    created,
                )
            };
            let mut annotation = base.clone();
            let mut concepts = Vec::new();
            // A second stance code on the passage: a statement of its own,
            // on the same passage (one annotation holds one statement).
            let mut more_statements = Vec::new();
            let mut previous: Option<&ActorId> = None;
            for meaning in &meanings {
                match meaning {
                    Meaning::Actor(id) => {
                        if !annotation.actors.contains(id) {
                            annotation.actors.push(id.clone());
                        }
                        previous = Some(id);
                    }
                    Meaning::Stance(concept, stance) => {
                        let speaker = previous
                            .or(annotation.actors.first())
                            .cloned()
                            .unwrap_or_else(|| self.placeholder());
                        if !annotation.actors.contains(&speaker) {
                            annotation.actors.push(speaker.clone());
                        }
                        let statement = Statement {
                            actor: speaker,
                            concept: concept.clone(),
                            stance: *stance,
                        };
                        if annotation.statement.is_none() {
                            annotation.statement = Some(statement);
                        } else {
                            more_statements.push(statement);
                        }
                    }
                    Meaning::Concept(concept) => concepts.push(concept.clone()),
                    Meaning::Colour(_) | Meaning::Nothing => {}
                }
            }
            report.assignments +=
                annotation.actors.len() + usize::from(annotation.statement.is_some());
            let only_concepts = annotation.actors.is_empty() && !concepts.is_empty();
            for statement in more_statements {
                report.assignments += 1;
                out.push(Annotation {
                    actors: vec![statement.actor.clone()],
                    statement: Some(statement),
                    ..base.clone()
                });
            }
            if !only_concepts {
                out.push(annotation);
            }
            for concept in concepts {
                let speaker = self.placeholder();
                report.assignments += 1;
                out.push(Annotation {
                    actors: vec![speaker.clone()],
                    statement: Some(Statement {
                        actor: speaker,
                        concept,
                        stance: Stance::Neutral,
                    }),
                    ..base.clone()
                });
            }
        }
        out
    }

    /// The placeholder speaker's id, made on first use; counts the use.
    fn placeholder(&self) -> ActorId {
        *self.spoken_for.borrow_mut() += 1;
        let mut speaker = self.speaker.borrow_mut();
        speaker
            .get_or_insert_with(|| {
                crate::actors::unique_id(tr_refi().no_speaker, |id| {
                    self.registry.actors.iter().any(|a| &a.id == id)
                })
            })
            .clone()
    }
}

/// An `xsd:dateTime` as a timestamp (without a zone: UTC).
fn timestamp(text: Option<&str>) -> Option<Timestamp> {
    let text = text?.trim();
    text.parse::<Timestamp>().ok().or_else(|| {
        let civil: jiff::civil::DateTime = text.parse().ok()?;
        civil
            .to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    })
}
