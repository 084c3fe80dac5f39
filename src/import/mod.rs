//! Projects made from other tools' files: what a researcher coded
//! elsewhere comes along when she moves to Randnotiz.
//!
//! - [`dna`]: a Discourse Network Analyzer 3 database (`.dna`, SQLite).

pub mod dna;
