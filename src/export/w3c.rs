//! W3C Web Annotation JSON-LD, out and back in.
//!
//! Out: an `AnnotationCollection` whose first page holds every annotation,
//! each with a `TextQuoteSelector` and a `TextPositionSelector` (positions in
//! Unicode code points, which is what Randnotiz counts), the note as a
//! commenting `TextualBody`, each actor as a tagging `TextualBody` (its name)
//! plus an identifying `SpecificResource` (its id), and the colour as a
//! classifying body. In: the same, and annotations from other tools: a
//! single annotation, an array, a page or a collection; `bodyValue`; a target
//! that is an object, an array, or has one selector or several.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::Input;
use crate::actors::{Actor, ActorId, ActorKind, unique_id};
use crate::anchor::{Target, TextQuote};
use crate::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, DocumentRef, Edit, Session, Stance,
    Statement, Timestamp, now,
};
use crate::document::Document;
use crate::i18n::{fill, tr};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI of an actor, as identifying bodies name it.
#[must_use]
pub fn actor_iri(id: &ActorId) -> String {
    format!("urn:randnotiz:actor:{}", percent(id.as_str()))
}

/// The IRI of a concept, as statements name it.
#[must_use]
pub fn concept_iri(id: &ConceptId) -> String {
    format!("urn:randnotiz:concept:{}", percent(id.as_str()))
}

/// The annotation property that carries a statement. An IRI of its own
/// (the `randnotiz:` scheme), so JSON-LD processors keep it.
pub const STATEMENT_PROPERTY: &str = "randnotiz:statement";

/// The IRI of the text: its file URL, or its content hash.
#[must_use]
pub fn source_iri(input: &Input<'_>) -> String {
    match input.source {
        Some(path) => {
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            format!("file://{}", percent_path(&absolute.to_string_lossy()))
        }
        None => format!(
            "urn:randnotiz:text:{}",
            input.document.hash().replace(':', "-")
        ),
    }
}

/// One annotation as a JSON-LD object.
#[must_use]
pub fn annotation(input: &Input<'_>, a: &Annotation) -> Value {
    let mut body = Vec::new();
    if !a.note.trim().is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "value": a.note,
            "format": "text/plain",
            "language": crate::i18n::lang_code(),
            "purpose": "commenting",
        }));
    }
    for id in &a.actors {
        let name = input
            .session
            .actor(id)
            .map_or(id.as_str(), |actor| actor.name.as_str());
        body.push(json!({ "type": "TextualBody", "value": name, "purpose": "tagging" }));
        body.push(json!({ "type": "SpecificResource", "source": actor_iri(id), "purpose": "identifying" }));
    }
    body.push(json!({
        "type": "TextualBody",
        "value": format!("{:?}", a.colour),
        "purpose": "classifying",
    }));
    let quote = &a.target.quote;
    let mut object = json!({
        "@context": CONTEXT,
        "id": format!("urn:randnotiz:annotation:{}:{}", short_hash(input.document), percent(&a.id.0)),
        "type": "Annotation",
        "motivation": if a.note.trim().is_empty() { "highlighting" } else { "commenting" },
        "created": a.created.to_string(),
        "modified": a.modified.to_string(),
        "body": body,
        "target": {
            "source": source_iri(input),
            "selector": [
                { "type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix },
                { "type": "TextPositionSelector", "start": a.target.start, "end": a.target.end },
            ],
        },
    });
    if let Some(map) = object.as_object_mut() {
        map.insert(
            "label".into(),
            Value::String(input.session.meaning(a.colour).to_owned()),
        );
        if let Some(reader) = &a.reader {
            map.insert(
                "creator".into(),
                json!({ "type": "Person", "name": reader }),
            );
        }
        if let Some(s) = &a.statement {
            let concept = input
                .session
                .concept(&s.concept)
                .map_or(s.concept.as_str(), |c| c.name.as_str());
            map.insert(
                STATEMENT_PROPERTY.into(),
                json!({
                    "actor": actor_iri(&s.actor),
                    "concept": concept_iri(&s.concept),
                    "conceptLabel": concept,
                    "stance": s.stance.name(),
                }),
            );
        }
    }
    object
}

/// The session as an `AnnotationCollection` with one page.
#[must_use]
pub fn collection(input: &Input<'_>) -> Value {
    let items: Vec<Value> = input
        .in_order()
        .into_iter()
        .map(|a| annotation(input, a))
        .collect();
    let id = format!("urn:randnotiz:collection:{}", short_hash(input.document));
    json!({
        "@context": CONTEXT,
        "id": id,
        "type": "AnnotationCollection",
        "label": input.document.title_or_default(),
        "total": items.len(),
        "first": {
            "id": format!("{id}:page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// The session as pretty JSON-LD text.
#[must_use]
pub fn export(input: &Input<'_>) -> String {
    let mut text = serde_json::to_string_pretty(&collection(input)).unwrap_or_default();
    text.push('\n');
    text
}

fn short_hash(doc: &Document) -> String {
    doc.hash()
        .trim_start_matches("blake3:")
        .chars()
        .take(16)
        .collect()
}

/// Percent-encodes everything but unreserved chars (RFC 3986).
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-encodes a path, keeping its slashes.
fn percent_path(path: &str) -> String {
    path.split('/').map(percent).collect::<Vec<_>>().join("/")
}

/// What an import found.
#[derive(Debug, Default)]
pub struct Imported {
    /// Annotations read.
    pub annotations: Vec<Annotation>,
    /// Actors the annotations name that were not known yet.
    pub new_actors: Vec<Actor>,
    /// Concepts the statements name that were not known yet.
    pub new_concepts: Vec<Concept>,
    /// What the reader should know: items not read (no text selector, not
    /// an annotation), passages widened to whole words.
    pub skipped: Vec<String>,
}

impl Imported {
    /// The import as one undoable edit (new actors and concepts first), and
    /// how many annotations it adds.
    #[must_use]
    pub fn into_edit(self) -> (Edit, usize) {
        let count = self.annotations.len();
        let mut edits: Vec<Edit> = self
            .new_actors
            .into_iter()
            .map(|actor| Edit::AddActor { actor, index: None })
            .collect();
        edits.extend(
            self.new_concepts
                .into_iter()
                .map(|concept| Edit::AddConcept {
                    concept,
                    index: None,
                }),
        );
        edits.push(Edit::AddAnnotations(self.annotations));
        (Edit::Batch(edits), count)
    }
}

/// Why a file could not be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// Not JSON.
    #[error("{}", fill(tr().err_import_json, &[("line", line), ("col", col), ("what", what)]))]
    Json {
        /// Line of the error.
        line: usize,
        /// Column of the error.
        col: usize,
        /// What the parser said.
        what: String,
    },
    /// JSON, but no annotations in it.
    #[error("{}", tr().err_import_empty)]
    NoAnnotations,
    /// Not UTF-8, which JSON always is (a Latin-1 file would turn its
    /// umlauts into "�" without a word).
    #[error("{}", fill(tr().err_import_not_utf8, &[("byte", byte)]))]
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        byte: usize,
    },
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] crate::fsio::ReadError),
}

impl ImportError {
    /// The message with the file named last (a read error names it itself).
    #[must_use]
    pub fn with_path(&self, path: &std::path::Path) -> String {
        match self {
            Self::Read(_) => self.to_string(),
            _ => format!("{self} ({})", path.display()),
        }
    }
}

/// The largest annotation file imported: far beyond 100 000 annotations.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// The JSON text of an annotation file: read with the size limit, a
/// byte-order mark dropped (editors write one), UTF-8 or a clear refusal.
///
/// # Errors
/// An [`ImportError`] saying why the file cannot be read as JSON text.
pub fn read_json(path: &std::path::Path) -> Result<String, ImportError> {
    let bytes = crate::fsio::read_limited(path, MAX_IMPORT_BYTES)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(ImportError::NotUtf8 {
            byte: e.valid_up_to(),
        }),
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

/// Reads Web Annotations from JSON text, for `session` on `doc`: actors are
/// matched by id or name (new ones created), ids kept where free.
///
/// # Errors
/// An [`ImportError`] when the text is not JSON or holds no annotation.
pub fn import(text: &str, session: &Session, doc: &Document) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        col: e.column(),
        what: e.to_string(),
    })?;
    let items = annotations_in(&value);
    if items.is_empty() {
        return Err(ImportError::NoAnnotations);
    }
    let mut imported = Imported::default();
    // Looked up by id and name once per annotation: sets, so that an import
    // of a hundred thousand annotations (and as many new tags) is linear.
    let mut actors = KnownActors::new(&session.actors);
    let mut concepts: HashSet<ConceptId> = session.concepts.iter().map(|c| c.id.clone()).collect();
    let mut taken: HashSet<AnnotationId> =
        session.annotations.iter().map(|a| a.id.clone()).collect();
    let mut next = session
        .next_annotation_id()
        .0
        .trim_start_matches('a')
        .parse::<u64>()
        .unwrap_or(1);
    let mut widened = 0;
    for (n, item) in items.into_iter().enumerate() {
        let mut target = match target_of(item, doc) {
            Ok(target) => target,
            Err(NoTarget::NoSelector) => {
                imported
                    .skipped
                    .push(fill(tr().import_skipped, &[("n", &(n + 1))]));
                continue;
            }
            Err(NoTarget::Outside { start, end }) => {
                imported.skipped.push(fill(
                    tr().import_outside,
                    &[
                        ("n", &(n + 1)),
                        ("start", &start),
                        ("end", &end),
                        ("len", &doc.len_chars()),
                    ],
                ));
                continue;
            }
        };
        let mut note = Vec::new();
        let mut colour = Colour::Yellow;
        let mut ids: Vec<ActorId> = Vec::new();
        let mut tags: Vec<String> = Vec::new();
        if let Some(value) = item.get("bodyValue").and_then(Value::as_str) {
            note.push(value.to_owned());
        }
        // Hypothesis's own fields: the note, its tags, who wrote it.
        if let Some(text) = item.get("text").and_then(Value::as_str)
            && !text.trim().is_empty()
        {
            note.push(text.to_owned());
        }
        for tag in as_list(item.get("tags")) {
            if let Some(tag) = tag.as_str() {
                tags.push(tag.to_owned());
            }
        }
        for body in as_list(item.get("body")) {
            let purpose = body
                .get("purpose")
                .and_then(Value::as_str)
                .unwrap_or("commenting");
            let value = body.get("value").and_then(Value::as_str);
            let source = body.get("source").and_then(Value::as_str);
            match (purpose, value, source) {
                ("tagging", Some(name), _) => tags.push(name.to_owned()),
                ("classifying", Some(name), _) => {
                    colour = Colour::ALL
                        .into_iter()
                        .find(|c| {
                            format!("{c:?}").eq_ignore_ascii_case(name)
                                || c.name().eq_ignore_ascii_case(name)
                        })
                        .unwrap_or(colour);
                }
                ("identifying", _, Some(iri)) => {
                    if let Some(id) = iri.strip_prefix("urn:randnotiz:actor:") {
                        ids.push(ActorId(unpercent(id)));
                    }
                }
                (_, Some(text), _) => note.push(text.to_owned()),
                _ => {}
            }
        }
        // Identified actors first; tags name the rest.
        let mut chosen: Vec<ActorId> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if !actors.ids.contains(id) {
                let name = tags.get(i).cloned().unwrap_or_else(|| id.0.clone());
                let actor = Actor::new(id.clone(), name, ActorKind::Other);
                actors.add(&actor);
                imported.new_actors.push(actor);
            }
            chosen.push(id.clone());
        }
        for tag in tags {
            let id = match actors.by_name.get(&tag) {
                Some(id) => id.clone(),
                None => {
                    let id = unique_id(&tag, |id| actors.ids.contains(id));
                    let actor = Actor::new(id.clone(), tag, ActorKind::Other);
                    actors.add(&actor);
                    imported.new_actors.push(actor);
                    id
                }
            };
            if !chosen.contains(&id) {
                chosen.push(id);
            }
        }
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .and_then(|iri| iri.rsplit(':').next())
            .map(|s| AnnotationId(unpercent(s)))
            .filter(|id| !id.0.is_empty() && !taken.contains(id))
            .unwrap_or_else(|| {
                let mut id = AnnotationId(format!("a{next}"));
                while taken.contains(&id) {
                    next += 1;
                    id = AnnotationId(format!("a{next}"));
                }
                next += 1;
                id
            });
        taken.insert(id.clone());
        let reader = item
            .get("creator")
            .and_then(|c| c.get("name").or(Some(c)))
            .and_then(Value::as_str)
            .or_else(|| item.get("user").and_then(Value::as_str))
            .map(hypothesis_user);
        let statement = item.get(STATEMENT_PROPERTY).and_then(|s| {
            let actor = ActorId(unpercent(
                s.get("actor")?
                    .as_str()?
                    .strip_prefix("urn:randnotiz:actor:")?,
            ));
            let concept = ConceptId(unpercent(
                s.get("concept")?
                    .as_str()?
                    .strip_prefix("urn:randnotiz:concept:")?,
            ));
            let stance = match s.get("stance").and_then(Value::as_str) {
                Some("agrees") => Stance::Agrees,
                Some("disagrees") => Stance::Disagrees,
                _ => Stance::Neutral,
            };
            if concepts.insert(concept.clone()) {
                let name = s
                    .get("conceptLabel")
                    .and_then(Value::as_str)
                    .unwrap_or(concept.as_str());
                imported
                    .new_concepts
                    .push(Concept::new(concept.clone(), name));
            }
            if !chosen.contains(&actor) {
                if !actors.ids.contains(&actor) {
                    let new = Actor::new(actor.clone(), actor.0.clone(), ActorKind::Other);
                    actors.add(&new);
                    imported.new_actors.push(new);
                }
                chosen.push(actor.clone());
            }
            Some(Statement {
                actor,
                concept,
                stance,
            })
        });
        // Other tools mark characters; a passage in Randnotiz is whole
        // words, as the reader would have marked it (orphans stay as they
        // are, and so do Randnotiz's own annotations: one made with Alt for
        // exact characters comes back as it went out).
        let ours = item
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(|iri| iri.starts_with("urn:randnotiz:annotation:"));
        if !ours && target.matches(doc) {
            let range = target.range();
            let snapped = crate::document::words::snap(doc, range);
            if snapped != range {
                target = Target::from_range(doc, snapped);
                widened += 1;
            }
        }
        let created = time(item.get("created"));
        imported.annotations.push(Annotation {
            reader,
            actors: chosen,
            statement,
            note: note.join("\n\n"),
            modified: item.get("modified").map_or(created, |v| time(Some(v))),
            ..Annotation::on(id, target, colour, created)
        });
    }
    if widened > 0 {
        imported
            .skipped
            .push(fill(tr().import_widened, &[("n", &widened)]));
    }
    Ok(imported)
}

/// A new session on `doc` holding what `text` imports.
///
/// # Errors
/// An [`ImportError`] when the text is not JSON or holds no annotation.
pub fn import_session(
    text: &str,
    doc: &Document,
    path: Option<String>,
) -> Result<(Session, Vec<String>), ImportError> {
    let empty = Session::new(DocumentRef::to(doc, path), Vec::new());
    let imported = import(text, &empty, doc)?;
    let mut session = empty;
    session.actors = imported.new_actors;
    session.annotations = imported.annotations;
    Ok((session, imported.skipped))
}

/// `acct:anna@hypothes.is` as the reader name `anna`; other names as they are.
fn hypothesis_user(user: &str) -> String {
    user.strip_prefix("acct:")
        .map_or(user, |u| u.split('@').next().unwrap_or(u))
        .to_owned()
}

fn as_list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => Vec::new(),
    }
}

/// Every annotation object in a document: an annotation, an array, a page,
/// or a collection with an embedded first page.
fn annotations_in(value: &Value) -> Vec<&Map<String, Value>> {
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    match value {
        Value::Array(items) => items.iter().flat_map(annotations_in).collect(),
        Value::Object(map) if kind == "Annotation" || map.contains_key("target") => vec![map],
        Value::Object(map) if kind == "AnnotationPage" => {
            map.get("items").map(annotations_in).unwrap_or_default()
        }
        Value::Object(map) if kind == "AnnotationCollection" => {
            map.get("first").map(annotations_in).unwrap_or_default()
        }
        // The Hypothesis client's export: {export_date, annotations: […]}.
        Value::Object(map) if map.contains_key("annotations") => map
            .get("annotations")
            .map(annotations_in)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The target of an annotation: its quote and position selectors.
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
fn target_of(item: &Map<String, Value>, doc: &Document) -> Result<Target, NoTarget> {
    let targets = as_list(item.get("target"));
    let mut outside = None;
    for target in targets {
        let mut quote: Option<TextQuote> = None;
        let mut position: Option<(usize, usize)> = None;
        // (selector, refines another)
        let mut selectors: Vec<(&Value, bool)> = as_list(target.get("selector"))
            .into_iter()
            .map(|s| (s, false))
            .collect();
        let mut i = 0;
        while i < selectors.len() {
            if let Some(refined) = selectors[i].0.get("refinedBy") {
                selectors.extend(as_list(Some(refined)).into_iter().map(|s| (s, true)));
            }
            i += 1;
        }
        for (selector, refining) in selectors {
            match selector.get("type").and_then(Value::as_str) {
                Some("TextQuoteSelector") => {
                    let field = |k: &str| {
                        selector
                            .get(k)
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned()
                    };
                    quote = Some(TextQuote {
                        prefix: field("prefix"),
                        exact: field("exact"),
                        suffix: field("suffix"),
                    });
                }
                Some("TextPositionSelector") if !refining => {
                    let number = |k: &str| {
                        selector
                            .get(k)
                            .and_then(Value::as_u64)
                            .and_then(|n| usize::try_from(n).ok())
                    };
                    if let (Some(start), Some(end)) = (number("start"), number("end")) {
                        position = Some((start.min(end), start.max(end)));
                    }
                }
                _ => {}
            }
        }
        match (quote, position) {
            (Some(quote), Some((start, end))) if !quote.exact.is_empty() => {
                return Ok(Target { start, end, quote });
            }
            (Some(quote), None) if !quote.exact.is_empty() => {
                // Only a quote: find its place now, so that it arrives anchored.
                let unplaced = Target {
                    start: 0,
                    end: 0,
                    quote,
                };
                return Ok(crate::anchor::Reanchorer::new(doc)
                    .anchor(&unplaced)
                    .range()
                    .map_or(unplaced, |range| Target::from_range(doc, range)));
            }
            (None, Some((start, end))) if end > start && end <= doc.len_chars() => {
                return Ok(Target::from_range(
                    doc,
                    crate::document::CharRange::new(start, end),
                ));
            }
            (None, Some((start, end))) => outside = Some(NoTarget::Outside { start, end }),
            _ => {}
        }
    }
    Err(outside.unwrap_or(NoTarget::NoSelector))
}

fn time(value: Option<&Value>) -> Timestamp {
    value
        .and_then(Value::as_str)
        .and_then(|s| s.parse::<Timestamp>().ok())
        .unwrap_or_else(now)
}

fn unpercent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_round_trip() {
        assert_eq!(percent("kasachische-regierung"), "kasachische-regierung");
        assert_eq!(unpercent(&percent("ä ö/ü")), "ä ö/ü");
        assert_eq!(
            percent_path("/tmp/mein Artikel.txt"),
            "/tmp/mein%20Artikel.txt"
        );
    }
}
