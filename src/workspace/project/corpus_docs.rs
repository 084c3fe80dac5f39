//! The project as the analyses over time read it: each document's date,
//! outlet and annotations (see `analysis::corpus`).

use super::Project;
use crate::analysis::corpus::CorpusDoc;

impl Project {
    /// Every document as the analyses over a corpus read it, in the
    /// project's order (a document whose annotation file cannot be read
    /// has none).
    #[must_use]
    pub fn corpus_docs(&self) -> Vec<CorpusDoc<'_>> {
        self.documents()
            .iter()
            .enumerate()
            .map(|(i, entry)| CorpusDoc {
                date: entry.date.as_deref(),
                outlet: entry.outlet.as_deref(),
                annotations: self.annotations(i),
                author: entry.author.as_deref(),
                attributes: Some(&entry.attributes),
            })
            .collect()
    }
}
