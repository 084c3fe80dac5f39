//! What readers do with coded articles after reading: several readers'
//! sessions merged into one, their agreement measured, actor statistics,
//! a keyword-in-context search over a whole corpus of documents, and the
//! corpus over time (statements per actor per week or month, the statement
//! networks of a project and of its time windows). The one-session
//! statement networks are formats of the export module
//! (`export::network`): analysis computes, export writes.

pub mod agreement;
pub mod corpus;
pub mod corpus_network;
pub mod corpus_search;
pub mod merge;
pub mod stats;
pub mod timeline;
