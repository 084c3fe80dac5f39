//! The expectations of `../shared/testdata/docs/expected.json`: what must
//! and must not come out of each real document file.
#![allow(dead_code, clippy::unwrap_used)]

use randnotiz::document::{Document, Role};

/// Blanks folded, as the expectations are written.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks `doc` (read from `file`) against `want`: every "must" in the text,
/// the body's sentences in the order of the source (notes aside, they stand
/// at the end of their section), no "must not" anywhere.
pub fn check(file: &str, doc: &Document, want: &serde_json::Value) {
    let text = squeeze(doc.text());
    let body = squeeze(
        &doc.paragraphs()
            .filter(|p| p.role != Role::Note)
            .map(|p| doc.slice(p.range))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let mut from = 0;
    for must in want["must"].as_array().unwrap() {
        let must = squeeze(must.as_str().unwrap());
        assert!(text.contains(&must), "{file}: missing {must:?}");
        // Sentences are checked for order, headings by presence.
        if must.ends_with(['.', '!', '?', ',', ':']) && must.len() > 40 && body.contains(&must) {
            let at = body[from..]
                .find(&must)
                .unwrap_or_else(|| panic!("{file}: {must:?} out of order"));
            from += at;
        }
    }
    for must_not in want["must_not"].as_array().unwrap() {
        let must_not = squeeze(must_not.as_str().unwrap());
        assert!(!text.contains(&must_not), "{file}: {must_not:?} leaked");
    }
}
