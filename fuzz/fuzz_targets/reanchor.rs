//! Re-anchoring: a text, passages in it, and an edit of the text from the
//! fuzzer's bytes. Never a panic; exact finds point at the quote; the
//! unchanged text gives every passage back where it was.
#![no_main]

use libfuzzer_sys::fuzz_target;
use randnotiz::anchor::{Outcome, Reanchorer, Target};
use randnotiz::document::{CharRange, Document, TextFormat};

fuzz_target!(|data: &[u8]| {
    // Layout: [4 bytes of numbers] text \0 inserted text
    if data.len() < 4 {
        return;
    }
    let (numbers, rest) = data.split_at(4);
    let rest = String::from_utf8_lossy(rest);
    let (text, insert) = rest.split_once('\0').unwrap_or((&rest, ""));
    let doc = Document::parse(text, TextFormat::Plain);
    let len = doc.len_chars();
    if len == 0 {
        return;
    }
    let start = usize::from(numbers[0]) * len / 256;
    let end = (start + 1 + usize::from(numbers[1]) * len / 256).min(len);
    let range = CharRange::new(start, end);
    let target = Target::from_range(&doc, range);
    assert_eq!(Reanchorer::new(&doc).anchor(&target), Outcome::Anchored(range));

    let chars: Vec<char> = doc.text().chars().collect();
    let at = usize::from(numbers[2]) * chars.len() / 256;
    let cut = (at + usize::from(numbers[3]) % 8).min(chars.len());
    let edited: String = chars[..at].iter().copied().chain(insert.chars()).chain(chars[cut..].iter().copied()).collect();
    let new = Document::parse(&edited, TextFormat::Plain);
    match Reanchorer::new(&new).anchor(&target) {
        Outcome::Anchored(r) | Outcome::Moved { range: r, exact: true, .. } => assert_eq!(new.slice(r), target.quote.exact),
        Outcome::Moved { range: r, .. } => assert!(r.end <= new.len_chars()),
        Outcome::Orphaned => {}
    }
});
