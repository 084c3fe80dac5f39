//! Other readers' session files merged into this workspace: the one merge
//! the window (*Datei → Lesung zusammenführen*) and the command line
//! (`merge`, `agree`) both make.

use std::path::{Path, PathBuf};

use super::{OpenError, Workspace};
use crate::analysis::merge::{self, Identical, MergeError, MergeReport};
use crate::annotation::EditError;
use crate::i18n::tr;

/// What merging files into a workspace did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    /// The name this workspace's own annotations without a reader now go by.
    pub own: String,
    /// What came in, per merged file in order (`added` names their readers).
    pub report: MergeReport,
    /// What opening the files found worth saying (repairs, moved passages),
    /// with the file it concerns.
    pub notices: Vec<(PathBuf, String)>,
}

impl Merged {
    /// Every reader: this workspace's first, then each merged file's.
    #[must_use]
    pub fn readers(&self) -> Vec<String> {
        std::iter::once(self.own.clone())
            .chain(self.report.added.iter().map(|(r, _)| r.clone()))
            .collect()
    }
}

/// Why files could not be merged in; the workspace is then unchanged.
#[derive(Debug, thiserror::Error)]
pub enum MergeFilesError {
    /// A file could not be opened.
    #[error("{source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: OpenError,
    },
    /// A file's session belongs to another text.
    #[error("{source} ({})", path.display())]
    Merge {
        /// The file.
        path: PathBuf,
        /// Why.
        source: MergeError,
    },
    /// The merged session could not be applied (a record it expected was
    /// not there).
    #[error(transparent)]
    Edit(#[from] EditError),
}

impl Workspace {
    /// Merges the sessions of `files` (other readers' readings of this
    /// text) into this one, as one undo step.
    ///
    /// Every reader keeps a name of their own: this workspace's annotations
    /// without a reader go by the reader set for it, else by the one reader
    /// its annotations name, else by its file's name; where two files would
    /// go by the same name, their folders (then numbers) tell them apart.
    ///
    /// # Errors
    /// A [`MergeFilesError`] for the first file that cannot be opened or
    /// merged; nothing changed then.
    pub fn merge_files(
        &mut self,
        files: &[&Path],
        identical: Identical,
    ) -> Result<Merged, MergeFilesError> {
        let mut notices = Vec::new();
        let mut others = Vec::with_capacity(files.len());
        for &path in files {
            let (other, report) =
                Self::open_session(path, None).map_err(|source| MergeFilesError::Open {
                    path: path.to_path_buf(),
                    source,
                })?;
            notices.extend(report.notices.into_iter().map(|n| (path.to_path_buf(), n)));
            others.push((path, other));
        }
        let own_path = self
            .session_path()
            .map_or_else(PathBuf::new, Path::to_path_buf);
        let mut named = vec![(own_path.as_path(), self.session())];
        named.extend(others.iter().map(|(p, w)| (*p, w.session())));
        let mut names = merge::reader_names(&named);
        if let Some(reader) = self.reader() {
            names[0] = reader.to_owned();
        } else if names[0].is_empty() {
            // Never saved, and no one reader named in it.
            names[0] = tr().reader_unnamed.to_owned();
        }
        // Set by hand or not, this side's name is nobody else's.
        if let Some((own, others)) = names.split_first_mut() {
            for name in others.iter_mut().filter(|n| *n == own) {
                name.push_str(" (2)");
            }
        }

        let before = self.session().clone();
        let mut session = before.clone();
        merge::name_reader(&mut session, &names[0]);
        let mut report = MergeReport::default();
        for ((path, other), reader) in others.iter().zip(&names[1..]) {
            let step = merge::merge_with(&mut session, other.session(), reader, identical)
                .map_err(|source| MergeFilesError::Merge {
                    path: path.to_path_buf(),
                    source,
                })?;
            report.added.extend(step.added);
            report.identical += step.identical;
            report.coded_alike += step.coded_alike;
            report.unified_actors.extend(step.unified_actors);
            report.unified_concepts += step.unified_concepts;
            report.renumbered += step.renumbered;
        }
        self.apply(merge::as_edit(&before, &session))?;
        Ok(Merged {
            own: names.swap_remove(0),
            report,
            notices,
        })
    }
}
