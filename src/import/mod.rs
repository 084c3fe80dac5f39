//! Projects of other tools brought in as Randnotiz projects: each importer
//! reads its format and writes a new project folder through
//! [`crate::workspace::project::Project`], and returns a report of what it
//! carried over and what it could not (said to the user, never dropped in
//! silence). The command line (`randnotiz import … -o DIR`) and the window
//! (*Datei → Importieren*) call the same functions.
//!
//! - [`refi`]: a REFI-QDA project (`.qdpx`, or a `.qde` with its sources).
//! - [`dna`]: a Discourse Network Analyzer 3 database (`.dna`, SQLite).

pub mod dna;
pub mod refi;

/// Which tool's project an import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A REFI-QDA project (`.qdpx`, `.qde`).
    Refi,
    /// A DNA 3 database (`.dna`).
    Dna,
}
