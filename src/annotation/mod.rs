//! Annotations and the session that holds them, plus undoable edits.
//!
//! A [`Session`] is what a reading session saves: the document it belongs to
//! (title, path, content hash, length), the actors and the annotations. It is
//! plain data. Every change goes through an [`Edit`], which returns its own
//! inverse; the workspace (a layer above) keeps those inverses for undo and
//! redo, never in the session file, and joins a session to its parsed
//! document at run time. [`three_way`] and [`reconcile`] merge two versions
//! of a session against their common ancestor.

mod colour;
mod edit;
pub mod reconcile;
mod statement;
pub mod three_way;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use colour::Colour;
pub use edit::{Edit, EditError};
pub use statement::{Concept, ConceptId, Stance, Statement, concept_id_for};

use crate::actors::{Actor, ActorId};
use crate::anchor::Target;
use crate::document::{CharRange, Document};

/// The newest session format this version reads. It writes the oldest
/// format that holds a session: 1 without statements, concepts or readers,
/// 2 with them (so an older Randnotiz refuses such a file instead of
/// dropping what it does not know on its next save).
pub const FORMAT_VERSION: u32 = 2;

/// A point in time, written as RFC 3339 (`2026-11-24T10:00:00Z`).
pub type Timestamp = jiff::Timestamp;

/// Now, to the second: sub-second digits in a file a person reads are noise.
#[must_use]
pub fn now() -> Timestamp {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now)
}

crate::ids::string_id! {
    /// An annotation's identifier ("a1", "a2", …), unique within a session.
    AnnotationId
}

/// A marked passage with its colour, actors and note.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within the session.
    pub id: AnnotationId,
    /// Who made it, where the session holds several readers' annotations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// The passage: position and quote.
    pub target: Target,
    /// The highlight colour.
    pub colour: Colour,
    /// Who the passage is about or who speaks in it.
    #[serde(default)]
    pub actors: Vec<ActorId>,
    /// The passage read as a statement: an actor's stance on a concept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
    /// The reader's note.
    #[serde(default)]
    pub note: String,
    /// When it was made.
    pub created: Timestamp,
    /// When it was last changed.
    pub modified: Timestamp,
    /// Fields this version does not know, kept for writing back.
    #[serde(skip)]
    pub extra: crate::extra::Extra,
}

impl Annotation {
    /// A new annotation on `target`, made at `time`, with nothing coded on
    /// it yet: every annotation begins here (drafted in the window, marked
    /// for every mention, imported from another tool).
    #[must_use]
    pub fn on(id: AnnotationId, target: Target, colour: Colour, time: Timestamp) -> Self {
        Self {
            id,
            reader: None,
            target,
            colour,
            actors: Vec::new(),
            statement: None,
            note: String::new(),
            created: time,
            modified: time,
            extra: crate::extra::Extra::default(),
        }
    }

    /// A new annotation on chars `range` of `doc`, by `reader`, made now.
    #[must_use]
    pub fn draft(
        id: AnnotationId,
        doc: &Document,
        range: CharRange,
        colour: Colour,
        reader: Option<String>,
    ) -> Self {
        Self {
            reader,
            ..Self::on(id, Target::from_range(doc, range), colour, now())
        }
    }

    /// This annotation on another passage of `doc` (resized, or attached
    /// anew), changed now.
    #[must_use]
    pub fn moved_to(&self, doc: &Document, range: CharRange) -> Self {
        Self {
            target: Target::from_range(doc, range),
            modified: now(),
            ..self.clone()
        }
    }

    /// The passage's range as stored.
    #[must_use]
    pub fn range(&self) -> CharRange {
        self.target.range()
    }

    /// The passage's text as stored.
    #[must_use]
    pub fn quote(&self) -> &str {
        &self.target.quote.exact
    }
}

/// Which document a session belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The document's title when the session was saved.
    pub title: String,
    /// Where the text file was, relative to the session file when it can be;
    /// `None` for the bundled article.
    pub path: Option<String>,
    /// `blake3:` and the hex digest of the normalised text.
    pub hash: String,
    /// Number of chars in the normalised text.
    pub chars: usize,
    /// `blake3:` and the hex digest of the source file's bytes (the page,
    /// the PDF, the text file), so a text made anew from the same source by
    /// a newer extractor is known for the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_hash: Option<String>,
    /// What made the text of the source, with its revision (`html 1 …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<String>,
    /// The address the source was fetched from, for a page opened as a link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields this version does not know, kept for writing back.
    #[serde(skip)]
    pub extra: crate::extra::Extra,
}

impl DocumentRef {
    /// The reference to `doc`, found at `path`.
    #[must_use]
    pub fn to(doc: &Document, path: Option<String>) -> Self {
        Self {
            title: doc.title_or_default().to_owned(),
            path,
            hash: doc.hash().to_owned(),
            chars: doc.len_chars(),
            source_hash: Some(doc.source().hash.clone()),
            extractor: Some(doc.source().extractor.to_owned()),
            url: None,
            extra: crate::extra::Extra::default(),
        }
    }

    /// True when `doc` was made from the very source this reference was
    /// made on (the same bytes), whatever made the text of it: by the
    /// source's digest, or, for a reference older than source digests, by
    /// the decoded text's.
    #[must_use]
    pub fn same_source(&self, doc: &Document) -> bool {
        match &self.source_hash {
            Some(hash) => *hash == doc.source().hash,
            None => doc.source().decoded_hash.as_ref() == Some(&self.hash),
        }
    }
}

/// A session borrowed for writing: the same fields in the same order as
/// [`Session`], without copying the annotations.
#[derive(Debug, Serialize)]
#[serde(rename = "Session")]
pub struct SessionView<'a> {
    /// The file format version.
    pub format: u32,
    /// The document, possibly with its path made relative for the file.
    pub document: std::borrow::Cow<'a, DocumentRef>,
    /// The actors.
    pub actors: &'a [Actor],
    /// The concepts.
    #[serde(skip_serializing_if = "<[Concept]>::is_empty")]
    pub concepts: &'a [Concept],
    /// The annotations.
    pub annotations: &'a [Annotation],
    /// What colours mean.
    #[serde(skip_serializing_if = "no_legend")]
    pub legend: &'a BTreeMap<Colour, String>,
    /// Top-level fields this version does not know, written back last.
    #[serde(skip)]
    pub extra: &'a crate::extra::Extra,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip predicate takes a reference to the field"
)]
fn no_legend(legend: &&BTreeMap<Colour, String>) -> bool {
    legend.is_empty()
}

/// A reading session: one document, its actors and annotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The file format version ([`FORMAT_VERSION`]).
    pub format: u32,
    /// The document the annotations point into.
    pub document: DocumentRef,
    /// The actors of this reading.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// The concepts statements take positions on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<Concept>,
    /// The annotations, in the order they were made.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// What each colour means in this reading, where the reader said so.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub legend: BTreeMap<Colour, String>,
    /// Top-level fields this version does not know, kept for writing back.
    #[serde(skip)]
    pub extra: crate::extra::Extra,
    /// Unknown fields that could not be kept (nested where no record keeps
    /// them): saving refuses rather than drop them.
    #[serde(skip)]
    pub unkept: Vec<String>,
}

impl Session {
    /// An empty session on `doc` with the given actors.
    #[must_use]
    pub fn new(document: DocumentRef, actors: Vec<Actor>) -> Self {
        Self {
            format: 1,
            document,
            actors,
            concepts: Vec::new(),
            annotations: Vec::new(),
            legend: BTreeMap::new(),
            extra: crate::extra::Extra::default(),
            unkept: Vec::new(),
        }
    }

    /// The session borrowed for writing.
    #[must_use]
    pub fn view(&self) -> SessionView<'_> {
        SessionView {
            format: self.needed_format(),
            document: std::borrow::Cow::Borrowed(&self.document),
            actors: &self.actors,
            concepts: &self.concepts,
            annotations: &self.annotations,
            legend: &self.legend,
            extra: &self.extra,
        }
    }

    /// The oldest file format that holds this session: 2 when it has
    /// concepts, statements or readers, else 1.
    #[must_use]
    pub fn needed_format(&self) -> u32 {
        let new = !self.concepts.is_empty()
            || self
                .annotations
                .iter()
                .any(|a| a.statement.is_some() || a.reader.is_some());
        if new { 2 } else { 1 }
    }

    /// The concept with `id`.
    #[must_use]
    pub fn concept(&self, id: &ConceptId) -> Option<&Concept> {
        self.concepts.iter().find(|c| &c.id == id)
    }

    /// The readers whose annotations the session holds, in order of first
    /// appearance; annotations without a reader count as `None`.
    #[must_use]
    pub fn readers(&self) -> Vec<Option<&str>> {
        let mut readers: Vec<Option<&str>> = Vec::new();
        for a in &self.annotations {
            let r = a.reader.as_deref();
            if !readers.contains(&r) {
                readers.push(r);
            }
        }
        readers
    }

    /// The annotation with `id`.
    #[must_use]
    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    /// The actor with `id`.
    #[must_use]
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// Position of the actor with `id` in the list.
    #[must_use]
    pub fn actor_index(&self, id: &ActorId) -> Option<usize> {
        self.actors.iter().position(|a| &a.id == id)
    }

    /// An annotation id no annotation uses yet: `a` and the next number.
    #[must_use]
    pub fn next_annotation_id(&self) -> AnnotationId {
        self.free_annotation_ids()
            .next()
            .unwrap_or_else(|| AnnotationId(format!("a{}", self.annotations.len() + 1)))
    }

    /// Ids no annotation uses, in rising order: after the highest number in
    /// use, or (when that is the largest number there is) the first gaps.
    pub fn free_annotation_ids(&self) -> impl Iterator<Item = AnnotationId> + use<> {
        let used: std::collections::HashSet<u64> = self
            .annotations
            .iter()
            .filter_map(|a| a.id.0.strip_prefix('a')?.parse::<u64>().ok())
            .collect();
        let highest = used.iter().copied().max().unwrap_or(0);
        let start = highest.checked_add(1);
        let after = start.into_iter().flat_map(|s| s..=u64::MAX);
        let gaps = (1..=u64::MAX).filter(move |n| !used.contains(n));
        let taken: std::collections::HashSet<String> =
            self.annotations.iter().map(|a| a.id.0.clone()).collect();
        after
            .chain(gaps)
            .map(|n| format!("a{n}"))
            .filter(move |id| !taken.contains(id))
            .map(AnnotationId)
    }

    /// What `colour` means in this reading: the reader's word, or the default.
    #[must_use]
    pub fn meaning(&self, colour: Colour) -> &str {
        self.legend
            .get(&colour)
            .map_or_else(|| colour.default_meaning(), String::as_str)
    }
}
