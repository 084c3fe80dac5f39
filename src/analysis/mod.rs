//! What readers do with coded articles after reading: several readers'
//! sessions merged into one, their agreement measured, and actor statistics.
//! The statement networks (actor–concept, congruence and conflict) are
//! formats of the export module (`export::network`): analysis computes,
//! export writes.

pub mod agreement;
pub mod merge;
pub mod stats;
