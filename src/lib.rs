//! Randnotiz: a desktop reader for close reading and actor-centred annotation
//! of news articles.
//!
//! The library is the whole application. Its core knows nothing of windows:
//!
//! - [`document`]: bytes to a parsed article (metadata, sections, paragraphs),
//!   every position a char offset into the normalised text;
//! - [`anchor`]: where an annotation sits, and finding it again after edits;
//! - [`actors`]: who the article is about, and where they are named;
//! - [`annotation`]: annotations, sessions, undoable edits, the workspace;
//! - [`storage`]: session files in RON, read safely and written atomically;
//! - [`export`]: the session in formats other tools read;
//! - [`i18n`]: every string a user reads, German and English.
//!
//! [`ui`] draws it all with egui; the binary adds the command line.

pub mod actors;
pub mod analysis;
pub mod anchor;
pub mod annotation;
pub mod document;
pub mod export;
pub mod extra;
pub mod fsio;
pub mod i18n;
pub mod storage;
#[cfg(feature = "gui")]
pub mod ui;
pub mod workspace;
