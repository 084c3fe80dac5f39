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

mod import;
mod wire;

use serde_json::Value;

pub use import::import;
use wire::{
    AnnotationOut, BodyOut, CollectionOut, PageOut, PersonOut, PositionSelectorOut,
    QuoteSelectorOut, SpecificResourceOut, StatementOut, TargetOut, TextualBodyOut,
};

use super::Input;
use crate::actors::{Actor, ActorId};
use crate::annotation::{Annotation, Concept, ConceptId, DocumentRef, Edit, Session};
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

/// One annotation in its JSON-LD shape.
fn annotation<'a>(input: &'a Input<'_>, a: &'a Annotation) -> AnnotationOut<'a> {
    let mut body = Vec::new();
    if !a.note.trim().is_empty() {
        body.push(BodyOut::Text(TextualBodyOut {
            kind: "TextualBody",
            value: a.note.as_str().into(),
            format: Some("text/plain"),
            language: Some(crate::i18n::lang_code()),
            purpose: "commenting",
        }));
    }
    for id in &a.actors {
        let name = input
            .session
            .actor(id)
            .map_or(id.as_str(), |actor| actor.name.as_str());
        body.push(BodyOut::Text(TextualBodyOut {
            kind: "TextualBody",
            value: name.into(),
            format: None,
            language: None,
            purpose: "tagging",
        }));
        body.push(BodyOut::Resource(SpecificResourceOut {
            kind: "SpecificResource",
            source: actor_iri(id),
            purpose: "identifying",
        }));
    }
    body.push(BodyOut::Text(TextualBodyOut {
        kind: "TextualBody",
        value: format!("{:?}", a.colour).into(),
        format: None,
        language: None,
        purpose: "classifying",
    }));
    let quote = &a.target.quote;
    AnnotationOut {
        context: CONTEXT,
        id: format!(
            "urn:randnotiz:annotation:{}:{}",
            short_hash(input.document),
            percent(&a.id.0)
        ),
        kind: "Annotation",
        motivation: if a.note.trim().is_empty() {
            "highlighting"
        } else {
            "commenting"
        },
        label: input.session.meaning(a.colour),
        created: a.created.to_string(),
        modified: a.modified.to_string(),
        creator: a.reader.as_deref().map(|name| PersonOut {
            kind: "Person",
            name,
        }),
        body,
        target: TargetOut {
            source: source_iri(input),
            selector: (
                QuoteSelectorOut {
                    kind: "TextQuoteSelector",
                    exact: &quote.exact,
                    prefix: &quote.prefix,
                    suffix: &quote.suffix,
                },
                PositionSelectorOut {
                    kind: "TextPositionSelector",
                    start: a.target.start.get(),
                    end: a.target.end.get(),
                },
            ),
        },
        statement: a.statement.as_ref().map(|s| StatementOut {
            actor: actor_iri(&s.actor),
            concept: concept_iri(&s.concept),
            concept_label: input
                .session
                .concept(&s.concept)
                .map_or(s.concept.as_str(), |c| c.name.as_str()),
            stance: s.stance.name(),
        }),
    }
}

/// The session as an `AnnotationCollection` with one page.
fn collection_out<'a>(input: &'a Input<'_>) -> CollectionOut<'a> {
    let items: Vec<AnnotationOut<'a>> = input
        .in_order()
        .into_iter()
        .map(|a| annotation(input, a))
        .collect();
    let id = format!("urn:randnotiz:collection:{}", short_hash(input.document));
    CollectionOut {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label: input.document.title_or_default(),
        total: items.len(),
        first: PageOut {
            id: format!("{id}:page1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
        id,
    }
}

/// The session as an `AnnotationCollection` with one page, as JSON.
#[must_use]
pub fn collection(input: &Input<'_>) -> Value {
    serde_json::to_value(collection_out(input)).unwrap_or_default()
}

/// The session as pretty JSON-LD text.
#[must_use]
pub fn export(input: &Input<'_>) -> String {
    let mut text = serde_json::to_string_pretty(&collection_out(input)).unwrap_or_default();
    text.push('\n');
    text
}

/// Several sessions (a project's documents) as one `AnnotationCollection`
/// called `label`, with one page: each annotation's target names its own
/// text as its `source`; the sessions in the order given, each one's
/// annotations in document order.
#[must_use]
pub fn export_many(label: &str, inputs: &[Input<'_>]) -> String {
    let items: Vec<AnnotationOut<'_>> = inputs
        .iter()
        .flat_map(|input| {
            input
                .in_order()
                .into_iter()
                .map(move |a| annotation(input, a))
        })
        .collect();
    let name: String = blake3::hash(label.as_bytes())
        .to_hex()
        .chars()
        .take(16)
        .collect();
    let id = format!("urn:randnotiz:collection:project:{name}");
    let collection = CollectionOut {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label,
        total: items.len(),
        first: PageOut {
            id: format!("{id}:page1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
        id,
    };
    let mut text = serde_json::to_string_pretty(&collection).unwrap_or_default();
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

/// The chars RFC 3986 leaves unreserved: everything else is encoded.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but unreserved chars (RFC 3986).
fn percent(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, UNRESERVED).to_string()
}

/// `%XX` back to bytes; a `%` without two hex digits stays as it is.
fn unpercent(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
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
