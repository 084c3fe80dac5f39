//! Every document of a project opened at once, re-anchored against its
//! text, for what works on the whole corpus: its exports, `check` and
//! agreement. A document whose text cannot be read keeps its annotations:
//! they stand on a placeholder text that says what is missing, so exports
//! carry them as orphaned (nothing is dropped) and `check` names them.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Project, TextState};
use crate::annotation::Session;
use crate::document::{Document, TextFormat};
use crate::export::Input;
use crate::export::corpus::{Corpus, Item};
use crate::i18n::{fill, tr_co};
use crate::storage::ProjectFile;
use crate::workspace::LoadReport;

/// One document of an [`OpenedCorpus`].
#[derive(Debug)]
pub struct OpenedDocument {
    /// Its index in the project.
    pub index: usize,
    /// Its annotations with the registry's actors, re-anchored when the
    /// text could be read.
    pub session: Session,
    /// Its text, or the placeholder that says it is missing.
    pub document: Arc<Document>,
    /// Where its text is.
    pub path: Option<PathBuf>,
    /// Whether the text is there and unchanged.
    pub state: TextState,
    /// How re-anchoring went; `None` when the document could not be opened.
    pub report: Option<LoadReport>,
    /// Why it could not be opened, if so.
    pub problem: Option<String>,
}

impl OpenedDocument {
    /// True when its annotations stand on their own text.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.problem.is_none()
    }
}

/// A project with every document opened.
#[derive(Debug)]
pub struct OpenedCorpus {
    /// The registry and document list, as the project held them.
    pub file: ProjectFile,
    /// The documents, in the project's order.
    pub documents: Vec<OpenedDocument>,
}

impl OpenedCorpus {
    /// The corpus as the exports read it.
    #[must_use]
    pub fn corpus(&self) -> Corpus<'_> {
        Corpus {
            project: &self.file,
            documents: self
                .documents
                .iter()
                .filter_map(|doc| {
                    Some(Item {
                        entry: self.file.documents.get(doc.index)?,
                        input: Input {
                            session: &doc.session,
                            document: &doc.document,
                            source: doc.path.as_deref(),
                        },
                    })
                })
                .collect(),
        }
    }

    /// The documents that could not be opened.
    pub fn problems(&self) -> impl Iterator<Item = &OpenedDocument> {
        self.documents.iter().filter(|d| !d.is_open())
    }
}

impl Project {
    /// Opens every document (on the machine's cores): its annotations
    /// re-anchored on its text, as [`Project::open_document`] does one.
    #[must_use]
    pub fn open_all(&self) -> OpenedCorpus {
        let states = self.text_states();
        let never = std::sync::atomic::AtomicBool::new(false);
        let documents = super::parallel::each(self.file.documents.len(), &never, |i| {
            self.open_for_corpus(i, states[i].clone())
        })
        .into_iter()
        .enumerate()
        // A document whose opening panicked is opened here again, so none
        // goes missing.
        .map(|(i, outcome)| {
            outcome
                .and_then(Result::ok)
                .unwrap_or_else(|| self.open_for_corpus(i, states[i].clone()))
        })
        .collect();
        OpenedCorpus {
            file: self.file.clone(),
            documents,
        }
    }

    /// Document `index` opened, or its annotations on a placeholder.
    fn open_for_corpus(&self, index: usize, state: TextState) -> OpenedDocument {
        let path = self.text_path(index);
        match self.open_document(index) {
            Ok((workspace, report)) => OpenedDocument {
                index,
                session: workspace.session().clone(),
                document: Arc::clone(workspace.document()),
                path,
                state,
                report: Some(report),
                problem: None,
            },
            Err(err) => {
                let document = self.load_document(index).unwrap_or_else(|_| {
                    let entry = &self.file.documents[index];
                    let recorded = entry.source.path.as_deref().unwrap_or("?");
                    let placeholder = fill(
                        tr_co().doc_missing,
                        &[("title", &entry.source.title), ("path", &recorded)],
                    );
                    Document::parse(&placeholder, TextFormat::Plain)
                });
                OpenedDocument {
                    index,
                    session: self.session_of(index),
                    document: Arc::new(document),
                    path,
                    state,
                    report: None,
                    problem: Some(
                        self.annotations_problem(index)
                            .map_or_else(|| err.to_string(), str::to_owned),
                    ),
                }
            }
        }
    }
}
