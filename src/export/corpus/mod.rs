//! Exports of a whole project: every document's annotations in one file.
//!
//! A project is many sessions sharing one registry; its exports are the
//! per-session ones put side by side, reusing their code: the CSV's rows
//! are [`super::table::cells`] with the document's columns in front, the
//! REFI-QDA project is [`super::qdpx`]'s parts with one text source per
//! document and the attributes as variables, the Markdown report gathers
//! each actor's passages across documents with [`super::report`]'s entries,
//! and the Web Annotations are [`super::w3c`]'s with each document as its
//! own `source`. The exports read a [`Corpus`]: plain data that the
//! workspace loads (this layer knows nothing of project folders).

mod qdpx;
mod report;

use std::path::Path;

use super::escape::Csv;
use super::{ExportError, Format, Input, table};
use crate::annotation::{DocumentRef, Session};
use crate::fsio::{self, SaveError};
use crate::storage::{self, Entry, ProjectFile};

pub use qdpx::{export as qdpx, project_xml};
pub use report::markdown;

/// The columns every corpus CSV begins with, before the attributes.
pub const DOCUMENT_COLUMNS: [&str; 5] = ["document", "title", "outlet", "date", "author"];

/// What a corpus export reads: the registry and every document's session
/// on its text.
#[derive(Clone, Debug)]
pub struct Corpus<'a> {
    /// The project file: name, actors, concepts, legend, attribute columns.
    pub project: &'a ProjectFile,
    /// The documents, in the project's order.
    pub documents: Vec<Item<'a>>,
}

/// One document of a [`Corpus`].
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    /// Its entry in the project file: id, metadata, attributes.
    pub entry: &'a Entry,
    /// Its annotations (with the registry's actors) on its text.
    pub input: Input<'a>,
}

impl Corpus<'_> {
    /// The registry as a session without annotations.
    #[must_use]
    pub fn registry(&self) -> Session {
        let mut session = Session::new(DocumentRef::default(), self.project.actors.clone());
        session.concepts.clone_from(&self.project.concepts);
        session.legend.clone_from(&self.project.legend);
        session
    }

    /// The project's name, or the untitled one.
    #[must_use]
    pub fn name(&self) -> &str {
        if self.project.name.trim().is_empty() {
            crate::i18n::tr().untitled_document
        } else {
            &self.project.name
        }
    }

    /// The documents in date order (undated last), the project's order
    /// among those of the same date.
    #[must_use]
    pub fn by_date(&self) -> Vec<&Item<'_>> {
        let mut items: Vec<&Item<'_>> = self.documents.iter().collect();
        items.sort_by(|a, b| match (&a.entry.date, &b.entry.date) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        items
    }

    /// Every reader named in the corpus, in order of appearance.
    #[must_use]
    pub fn readers(&self) -> Vec<&str> {
        let mut readers: Vec<&str> = Vec::new();
        for item in &self.documents {
            for reader in item.input.session.readers().into_iter().flatten() {
                if !readers.contains(&reader) {
                    readers.push(reader);
                }
            }
        }
        readers
    }
}

/// One row per annotation: `document, title, outlet, date, author`, a column
/// per attribute (in the project's order), then the single-session CSV's
/// columns ([`table::COLUMNS`]); documents in the project's order, each
/// one's annotations in text order. Quoted and neutralised as every export.
#[must_use]
pub fn csv(corpus: &Corpus<'_>) -> String {
    let attributes = &corpus.project.attributes;
    let mut header: Vec<&str> = DOCUMENT_COLUMNS.to_vec();
    header.extend(attributes.iter().map(String::as_str));
    header.extend(table::COLUMNS);
    let mut out = Csv::with_header(&header);
    for item in &corpus.documents {
        let entry = item.entry;
        let mut front = vec![
            entry.id.clone(),
            entry.source.title.clone(),
            entry.outlet.clone().unwrap_or_default(),
            entry.date.clone().unwrap_or_default(),
            entry.author.clone().unwrap_or_default(),
        ];
        front.extend(
            attributes
                .iter()
                .map(|name| entry.attributes.get(name).cloned().unwrap_or_default()),
        );
        for annotation in item.input.in_order() {
            let mut row = front.clone();
            row.extend(table::cells(&item.input, annotation));
            out.row(&row);
        }
    }
    out.finish()
}

/// Every document's annotations as one W3C `AnnotationCollection`, each
/// annotation's target naming its document's text as `source`.
#[must_use]
pub fn w3c(corpus: &Corpus<'_>) -> String {
    let inputs: Vec<Input<'_>> = corpus.documents.iter().map(|item| item.input).collect();
    super::w3c::export_many(corpus.name(), &inputs)
}

fn inputs<'a>(corpus: &Corpus<'a>) -> Vec<Input<'a>> {
    corpus.documents.iter().map(|item| item.input).collect()
}

/// The bytes of `corpus` in `format`.
///
/// # Errors
/// [`ExportError::NotForProjects`] for a format made for one text (the
/// networks and statistics); [`ExportError::Build`] when a library fails.
pub fn render(corpus: &Corpus<'_>, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Csv => csv(corpus).into_bytes(),
        Format::Qdpx => qdpx(corpus)?,
        Format::Markdown => markdown(corpus).into_bytes(),
        Format::W3c => w3c(corpus).into_bytes(),
        Format::ZoteroMd => super::highlights::zotero::export_many(&inputs(corpus)).into_bytes(),
        Format::KoreaderJson => {
            super::highlights::koreader::export_many(&inputs(corpus)).into_bytes()
        }
        other => {
            return Err(ExportError::NotForProjects {
                format: other.name(),
            });
        }
    })
}

/// Writes `corpus` in `format` to `path`, atomically. Never replaces a
/// document's text, a session file or a project file.
///
/// # Errors
/// An [`ExportError`] saying why; an existing file is then unchanged.
pub fn write(corpus: &Corpus<'_>, format: Format, path: &Path) -> Result<(), ExportError> {
    let is_text = |item: &Item<'_>| {
        item.input
            .source
            .is_some_and(|source| super::same_file(source, path))
    };
    if corpus.documents.iter().any(is_text) {
        return Err(ExportError::WouldOverwrite {
            path: path.to_path_buf(),
        });
    }
    let bytes = render(corpus, format)?;
    let ours =
        |head: &str| !storage::looks_like_session(head) && !storage::looks_like_project(head);
    fsio::write_atomic(path, &bytes, ours).map_err(|e| match e {
        SaveError::Foreign { path } => ExportError::WouldOverwrite { path },
        other => ExportError::Save(other),
    })
}
