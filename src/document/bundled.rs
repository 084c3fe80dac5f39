//! The article that opens when no file is given, shipped inside the
//! program (its actors come with the actors module, `default_actors`).

use super::{Document, TextFormat};

/// The bundled article's text, byte for byte as in `assets/`.
pub const ARTICLE: &str = include_str!("../../assets/000_350a11ec01cad79f.txt");

/// Its file name, as sessions and messages name it.
pub const FILE_NAME: &str = "000_350a11ec01cad79f.txt";

/// The bundled article, parsed.
#[must_use]
pub fn document() -> Document {
    Document::parse(ARTICLE, TextFormat::Plain)
}
