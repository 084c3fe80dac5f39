//! Randnotiz: a desktop reader for close reading and actor-centred annotation
//! of news articles.
//!
//! The library is the whole application. Its modules form layers, and each
//! uses only those below it (`tests/architecture.rs` checks this, and that
//! no file passes 800 lines). Bottom first:
//!
//! 1. [`i18n`]: every string a user reads, German and English;
//! 2. `ids`: the one definition of the identifier newtypes;
//! 3. [`fsio`]: files read with limits, written atomically, locked;
//! 4. [`extra`]: fields of a record this version does not know, kept;
//! 5. [`document`]: bytes to a parsed article (metadata, sections,
//!    paragraphs, words, the bundled article), every position a char offset
//!    into the normalised text;
//! 6. [`anchor`]: where an annotation sits, and finding it again after edits;
//! 7. [`actors`]: who the article is about, and where they are named;
//! 8. [`annotation`]: annotations, sessions, undoable edits, three-way
//!    reconciling;
//! 9. [`storage`]: session files in RON, and recovery files;
//! 10. [`analysis`]: merging readers, agreement, statistics (computed only);
//! 11. [`export`]: the session in formats other tools read, and W3C import;
//! 12. [`workspace`]: a session at run time on its document: open, review,
//!     undo, draft, merge, import, save;
//! 13. [`import`]: projects made from other tools' files (DNA);
//! 14. [`ui`]: the window, in egui;
//!
//! and on top, in the binary, the command line.

pub mod actors;
pub mod analysis;
pub mod anchor;
pub mod annotation;
pub mod document;
pub mod export;
pub mod extra;
pub mod fetch;
pub mod fsio;
pub mod i18n;
mod ids;
pub mod import;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workspace;
