//! Any bytes as a saved web page: the extractor and the block walker give a
//! Document, never a panic; its text is NFC and every range slices it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use randnotiz::document::{Document, TextFormat};

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes(data, TextFormat::Html) else {
        return;
    };
    for section in doc.sections() {
        if let Some(heading) = &section.heading {
            assert_eq!(doc.slice(heading.range), heading.text);
        }
        for p in &section.paragraphs {
            assert_eq!(&doc.text()[p.bytes.as_std()], doc.slice(p.range));
        }
    }
});
