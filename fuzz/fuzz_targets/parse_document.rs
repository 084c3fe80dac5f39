//! Any bytes, as an article of every format (text, Markdown, web page, Word,
//! OpenDocument, EPUB, PDF): a Document or a
//! clear error, never a panic; every range of the result slices the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use randnotiz::actors::{MentionIndex, default_actors};
use randnotiz::document::{Document, TextFormat};

fuzz_target!(|data: &[u8]| {
    for format in [
        TextFormat::Plain,
        TextFormat::Markdown,
        TextFormat::Html,
        TextFormat::Docx,
        TextFormat::Odt,
        TextFormat::Epub,
        TextFormat::Pdf,
    ] {
        let Ok(doc) = Document::from_bytes(data, format) else {
            continue;
        };
        let len = doc.len_chars();
        for section in doc.sections() {
            assert!(section.range.end <= len);
            if let Some(heading) = &section.heading {
                assert_eq!(doc.slice(heading.range), heading.text);
            }
            for p in &section.paragraphs {
                assert_eq!(&doc.text()[p.bytes.as_std()], doc.slice(p.range));
            }
        }
        let mentions = MentionIndex::build(&default_actors(), doc.text());
        assert!(mentions.all().iter().all(|m| m.range.end <= len));
    }
});
