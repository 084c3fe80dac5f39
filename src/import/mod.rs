//! Projects of other tools brought in as Randnotiz projects: each importer
//! reads its format and writes a new project folder through
//! [`crate::workspace::project::Project`], and returns a report of what it
//! carried over and what it could not (said to the user, never dropped in
//! silence). The command line (`randnotiz import … -o DIR`) and the window
//! (*Datei → Importieren*) call the same functions.

pub mod refi;
