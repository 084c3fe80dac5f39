//! The project as the analyses over time read it: each document's date,
//! outlet and annotations (see `analysis::corpus`).

use super::Project;
use crate::analysis::corpus::CorpusDoc;
use crate::analysis::corpus_network::{NetworkError, NetworkOptions, Networks, networks};

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

    /// The project's statement network(s) for `options`, over its
    /// documents and with its actors and concepts.
    ///
    /// # Errors
    /// As [`networks`].
    pub fn networks(&self, options: &NetworkOptions) -> Result<Networks, NetworkError> {
        let registry = self.file();
        networks(
            &self.corpus_docs(),
            &registry.actors,
            &registry.concepts,
            options,
        )
    }
}
