//! Agreement over a project: two readers compared in every document both
//! coded, and pooled over those documents (the tokens of each, one after
//! another, as one grid). Documents only one of them coded are left out
//! and counted: they would count as disagreement about texts the other
//! never read. The command line's `agree DIR` and the window's agreement
//! window both show this.

use super::{OpenedCorpus, OpenedDocument};
use crate::analysis::agreement::{self, ReaderKey, Report};
use crate::i18n::{fill, tr, tr_co};

/// Two readers compared over a project.
#[derive(Clone, Debug)]
pub struct ProjectAgreement {
    /// The two readers (`None`: annotations without a reader's name).
    pub readers: [Option<String>; 2],
    /// Per document both coded: its index in the project, and the report.
    pub per_document: Vec<(usize, Report)>,
    /// Over all of them at once.
    pub pooled: Report,
    /// The documents only one of them coded (indices).
    pub left_out: Vec<usize>,
}

impl OpenedCorpus {
    /// The readers of the documents more than one reader coded, each once,
    /// in the order met.
    #[must_use]
    pub fn shared_readers(&self) -> Vec<Option<String>> {
        let mut found: Vec<Option<String>> = Vec::new();
        for doc in self.documents.iter().filter(|d| d.is_open()) {
            let here = doc.session.readers();
            if here.len() < 2 {
                continue;
            }
            for r in here {
                let r = r.map(str::to_owned);
                if !found.contains(&r) {
                    found.push(r);
                }
            }
        }
        found
    }

    /// Compares `readers` (or, when `None`, the two readers who share
    /// documents) per document and pooled.
    ///
    /// # Errors
    /// The message when the two are one reader, when not exactly two
    /// readers share documents, or when no document has both.
    pub fn agreement(
        &self,
        readers: Option<[Option<String>; 2]>,
    ) -> Result<ProjectAgreement, String> {
        let [a, b] = match readers {
            Some(pair) => pair,
            None => {
                let found = self.shared_readers();
                <[Option<String>; 2]>::try_from(found).map_err(|names| {
                    let shown: Vec<String> = names
                        .iter()
                        .map(|r| agreement::reader_name(r.as_deref()))
                        .collect();
                    fill(
                        tr_co().agree_project_readers,
                        &[("n", &names.len()), ("readers", &shown.join(", "))],
                    )
                })?
            }
        };
        if a == b {
            return Err(fill(
                tr().cli_agree_same_reader,
                &[("reader", &agreement::reader_name(a.as_deref()))],
            ));
        }
        let (ka, kb): (ReaderKey<'_>, ReaderKey<'_>) = (a.as_deref(), b.as_deref());
        let coded_by = |doc: &OpenedDocument, r: ReaderKey<'_>| {
            agreement::by_reader(&doc.session, r).next().is_some()
        };
        let (both, left_out): (Vec<&OpenedDocument>, Vec<&OpenedDocument>) = self
            .documents
            .iter()
            .filter(|d| d.is_open())
            .partition(|d| coded_by(d, ka) && coded_by(d, kb));
        if both.is_empty() {
            return Err(fill(
                tr_co().agree_no_common,
                &[
                    ("a", &agreement::reader_name(ka)),
                    ("b", &agreement::reader_name(kb)),
                ],
            ));
        }
        let per_document = both
            .iter()
            .map(|d| (d.index, agreement::compare(&d.document, &d.session, ka, kb)))
            .collect();
        let pooled = agreement::compare_pooled(
            &self.file.actors,
            both.iter().map(|d| (&*d.document, &d.session)),
            ka,
            kb,
        );
        Ok(ProjectAgreement {
            readers: [a.clone(), b.clone()],
            per_document,
            pooled,
            left_out: left_out.iter().map(|d| d.index).collect(),
        })
    }
}
