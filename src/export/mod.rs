//! Exports: the reading session in formats other tools read.
//!
//! Every export writes user text (quotes, notes, actor names) only through
//! [`escape`], so spreadsheets never see formulas and reports never see
//! markup that the reader did not write as text.

pub mod escape;
