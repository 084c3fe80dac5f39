//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;

use randnotiz::document::CharRange;

/// A text with one passage marked as `[…]`: the text without the brackets
/// and the marked range in chars. Reads like the behaviour it tests.
pub fn marked(text: &str) -> (String, CharRange) {
    let open = text.find('[').expect("a [ in the text");
    let close = text.find(']').expect("a ] in the text");
    let start = text[..open].chars().count();
    let end = start + text[open + 1..close].chars().count();
    let plain = format!(
        "{}{}{}",
        &text[..open],
        &text[open + 1..close],
        &text[close + 1..]
    );
    (plain, CharRange::new(start, end))
}

/// A file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A file under `assets`.
pub fn asset(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

/// The char range of the first occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> CharRange {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}
