//! PDFs open as articles: the real files of `../shared/testdata/docs/pdf`
//! (read when they are there, skipped when not) give the sentences that must
//! come out, whole and in order, without running headers, page numbers or
//! hyphen breaks; a scan, a protected and a broken PDF say what is wrong.
//! (The PDFs made by the tests themselves are in `src/document/pdf/tests.rs`.)
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use randnotiz::document::{DecodeError, Document, DocumentError, Role, TextFormat};

#[path = "common/expected.rs"]
mod expected;

fn shared_pdf(name: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/testdata/docs/pdf")
        .join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("{} is not there: skipped", path.display());
        None
    }
}

fn why(result: Result<Document, DocumentError>) -> DecodeError {
    match result {
        Err(DocumentError::NotText { why, .. }) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn real_pdfs_give_what_must_come_out_and_nothing_of_the_page_furniture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/docs");
    let Ok(expected) = std::fs::read_to_string(dir.join("expected.json")) else {
        eprintln!("../shared/testdata/docs is not there: skipped");
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
    let mut checked = 0;
    for (file, want) in expected.as_object().unwrap() {
        if !file.starts_with("pdf/") || want.get("must").is_none() {
            continue;
        }
        let doc = Document::open(&dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(doc.format(), TextFormat::Pdf);
        expected::check(file, &doc, want);
        checked += 1;
    }
    assert_eq!(checked, 4);
}

#[test]
fn a_two_column_protocol_keeps_its_footnote_as_a_note_and_its_words_whole() {
    let Some(path) = shared_pdf("GENERATED_bt_plenarprotokoll_18-181_auszug_2col.pdf") else {
        return;
    };
    let doc = Document::open(&path).unwrap();
    let notes: Vec<&str> = doc
        .paragraphs()
        .filter(|p| p.role == Role::Note)
        .map(|p| doc.slice(p.range))
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("Artikel 50 des Vertrags")),
        "{notes:?}"
    );
    let text = doc.text();
    assert!(text.contains("Einschnitt") && text.contains("CDU/CSU"));
    assert!(doc.sections().len() >= 3, "headings open sections");
}

#[test]
fn a_scan_a_protected_and_a_broken_pdf_say_what_is_wrong() {
    if let Some(scan) = shared_pdf("scan_no_textlayer_wikipedia_linux_de.pdf") {
        let err = why(Document::open(&scan));
        assert!(
            matches!(err, DecodeError::NoTextLayer { pages: 1 }),
            "{err:?}"
        );
        assert!(err.to_string().contains("ocrmypdf"), "{err}");
    }
    if let Some(locked) = shared_pdf("encrypted_aes256_userpw_paesswoert.pdf") {
        let err = why(Document::open(&locked));
        assert!(err.to_string().contains("passwortgeschützt"), "{err}");
        let wrong = why(Document::open_with_password(&locked, Some("passwoert")));
        assert_eq!(wrong, DecodeError::WrongPassword);
        let doc = Document::open_with_password(&locked, Some("pässwört")).unwrap();
        assert!(
            doc.text()
                .contains("If you can read this, decryption succeeded.")
        );
    }
    if let Some(open) = shared_pdf("encrypted_aes256_no_userpw_nocopy.pdf") {
        let doc = Document::open(&open).unwrap();
        assert!(doc.text().contains("Security Handler"));
    }
    // Broken: a header and nothing else; and the same as the product's own
    // bytes, so this runs without ../shared.
    let err = Document::from_bytes(
        b"%PDF-1.3\nThis is not a valid PDF file\n%%EOF\n",
        TextFormat::Pdf,
    )
    .unwrap_err();
    assert!(
        matches!(err, DecodeError::Damaged { format: "PDF", .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("beschädigt"), "{err}");
    // Named .pdf but not one.
    let err = Document::from_bytes(b"Nur ein Text.", TextFormat::Pdf).unwrap_err();
    assert!(matches!(err, DecodeError::Damaged { .. }), "{err:?}");
}

#[test]
fn truncated_and_bit_flipped_pdfs_are_refused_or_read_never_a_panic() {
    let Some(path) = shared_pdf("GENERATED_bt_plenarprotokoll_18-181_auszug_2col.pdf") else {
        return;
    };
    let real = std::fs::read(path).unwrap();
    for cut in (0..real.len()).step_by(real.len() / 40 + 1) {
        let _ = Document::from_bytes(&real[..cut], TextFormat::Pdf);
    }
    let mut flipped = real.clone();
    for i in (0..flipped.len()).step_by(997) {
        flipped[i] ^= 0x5a;
    }
    let _ = Document::from_bytes(&flipped, TextFormat::Pdf);
}

#[test]
fn a_text_that_mentions_the_pdf_header_is_a_text() {
    let text = "# Dateiformate\n\nJede PDF-Datei beginnt mit %PDF-1.7 in ihrer ersten Zeile.\n";
    let doc = Document::from_bytes(text.as_bytes(), TextFormat::Markdown).unwrap();
    assert_eq!(doc.format(), TextFormat::Markdown);
    let doc = Document::from_bytes(text.as_bytes(), TextFormat::Plain).unwrap();
    assert_eq!(doc.format(), TextFormat::Plain);
    // A PDF with a few blanks before its header is a PDF all the same.
    let err = Document::from_bytes(b"\n %PDF-1.4\nkaputt", TextFormat::Plain).unwrap_err();
    assert!(
        matches!(err, DecodeError::Damaged { format: "PDF", .. }),
        "{err:?}"
    );
}
