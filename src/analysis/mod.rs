//! What readers do with coded articles after reading: several readers'
//! sessions merged into one, their agreement measured, actor statistics,
//! and a keyword-in-context search over a whole corpus of documents.
//! The statement networks (actor–concept, congruence and conflict) are
//! formats of the export module (`export::network`): analysis computes,
//! export writes.

pub mod agreement;
pub mod corpus_search;
pub mod merge;
pub mod stats;
