//! Any bytes as a PDF (with and without a password): a Document or a clear
//! error, never a panic, never a hang; every range of the result slices the
//! text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use randnotiz::document::{Document, TextFormat};

fuzz_target!(|data: &[u8]| {
    // Most inputs are not PDFs at all: give every one the header, so the
    // fuzzer reaches the parser and the content-stream interpreter.
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend_from_slice(data);
    for password in [None, Some("pässwört")] {
        let Ok(doc) = Document::from_bytes_with_password(&bytes, TextFormat::Pdf, password) else {
            continue;
        };
        for p in doc.paragraphs() {
            assert_eq!(&doc.text()[p.bytes.as_std()], doc.slice(p.range));
        }
    }
});
