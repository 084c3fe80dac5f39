//! Word, OpenDocument and EPUB files open as sectioned articles: the
//! product's own files, made here, and the real files of `../shared` (read
//! when they are there, skipped when not).

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use randnotiz::document::{DecodeError, Document, Role, TextFormat};

#[path = "common/expected.rs"]
mod expected;
#[path = "common/packed.rs"]
mod packed;
use packed::{docx, epub, odt, word_article, zip};

#[test]
fn a_word_file_opens_with_headings_lists_and_notes() {
    let doc = Document::from_bytes(&word_article(), TextFormat::Docx).unwrap();
    assert_eq!(doc.format(), TextFormat::Docx);
    let meta = doc.meta();
    assert_eq!(meta.title.as_deref(), Some("Kasachstan: Bündnis zieht ab"));
    assert_eq!(meta.author.as_deref(), Some("Anna Müller"));
    assert_eq!(meta.date.as_deref(), Some("2022-01-13"));
    assert_eq!(meta.language.as_deref(), Some("de-DE"));
    let labels: Vec<&str> = doc
        .sections()
        .iter()
        .map(randnotiz::document::Section::label)
        .collect();
    assert_eq!(labels[1..], ["Was Tokajew sagt", "Reaktionen"]);
    let text = doc.text();
    assert!(text.contains("Der Präsident dankte den Verbündeten¹. Die Lage sei stabil."));
    assert!(!text.contains("gestrichener"), "deleted text is not text");
    assert!(!text.contains("PAGE"), "field codes are not text");
    assert!(text.contains("Moskau-nah."));
    assert!(text.contains("Zelle eins"));
    // The note stands at the end of its section, before the next heading.
    let second = &doc.sections()[1];
    let roles: Vec<Role> = second.paragraphs.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            Role::Body,
            Role::ListItem,
            Role::ListItem,
            Role::Body,
            Role::Note
        ]
    );
    let note = second.paragraphs.last().unwrap();
    assert_eq!(doc.slice(note.range), "¹ Rede vom 11. Januar 2022.");
    // The first paragraph under the title is the lead.
    assert_eq!(doc.sections()[0].paragraphs[0].role, Role::Lead);
}

#[test]
fn the_format_is_known_by_its_bytes_whatever_the_name() {
    let doc = Document::from_bytes(&word_article(), TextFormat::Plain).unwrap();
    assert_eq!(doc.format(), TextFormat::Docx);
    assert_eq!(
        TextFormat::from_path(Path::new("Bericht.DOCX")),
        TextFormat::Docx
    );
    assert_eq!(
        TextFormat::from_path(Path::new("buch.epub")),
        TextFormat::Epub
    );
}

#[test]
fn an_opendocument_text_opens_into_its_sections() {
    let doc = Document::from_bytes(&odt(), TextFormat::Plain).unwrap();
    assert_eq!(doc.format(), TextFormat::Odt);
    assert_eq!(doc.meta().title.as_deref(), Some("Stenografischer Bericht"));
    assert_eq!(doc.meta().author.as_deref(), Some("Bundestag"));
    assert_eq!(doc.meta().date.as_deref(), Some("2016-06-28"));
    let text = doc.text();
    assert!(text.contains("Die Sitzung ist eröffnet.¹ Weiter im Text."));
    for absent in ["Gelöschter", "Kommentar", "........"] {
        assert!(!text.contains(absent), "{absent} is not the article's text");
    }
    let labels: Vec<&str> = doc
        .sections()
        .iter()
        .map(randnotiz::document::Section::label)
        .collect();
    assert_eq!(labels, ["Eröffnung", "Schluss"]);
    let roles: Vec<Role> = doc.sections()[0]
        .paragraphs
        .iter()
        .map(|p| p.role)
        .collect();
    assert_eq!(roles, [Role::Body, Role::ListItem, Role::Note]);
}

#[test]
fn an_epub_opens_with_its_chapters_as_sections() {
    let doc = Document::from_bytes(&epub(), TextFormat::Epub).unwrap();
    assert_eq!(doc.meta().title.as_deref(), Some("Ein kleines Buch"));
    assert_eq!(doc.meta().author.as_deref(), Some("Erika Muster"));
    let labels: Vec<&str> = doc
        .sections()
        .iter()
        .map(randnotiz::document::Section::label)
        .collect();
    // The first chapter has no heading of its own: the table of contents names it.
    assert_eq!(labels, ["Erstes Kapitel", "Zweites Kapitel"]);
    let text = doc.text();
    assert!(text.contains("Effi kam erst spät¹ zurück."));
    assert!(
        !text.contains("Umschlag"),
        "non-linear spine items are left out"
    );
    assert!(!text.contains("margin"), "styles are not text");
    let roles: Vec<Role> = doc.sections()[1]
        .paragraphs
        .iter()
        .map(|p| p.role)
        .collect();
    assert_eq!(roles, [Role::Body, Role::ListItem, Role::Note]);
}

#[test]
fn broken_empty_and_exploding_packages_are_refused_with_a_reason() {
    // Cut in half: not a zip any more, and the reader says so.
    let whole = word_article();
    let cut = &whole[..whole.len() / 2];
    let err = Document::from_bytes(cut, TextFormat::Docx).unwrap_err();
    assert!(
        matches!(err, DecodeError::Damaged { format: "DOCX", .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("DOCX"), "{err}");

    // A Word file without a word.
    let empty = docx("<w:p/>", "");
    let err = Document::from_bytes(&empty, TextFormat::Docx).unwrap_err();
    assert!(
        matches!(err, DecodeError::NoText { format: "DOCX" }),
        "{err:?}"
    );

    // Malformed XML.
    let bad = zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document><w:body><w:p>"),
    ]);
    let err = Document::from_bytes(&bad, TextFormat::Docx).unwrap_err();
    assert!(err.to_string().contains("word/document.xml"), "{err}");

    // A zip bomb: 80 MB of one byte, packed to a few hundred kB.
    let bomb_part = vec![b' '; 80 * 1024 * 1024];
    let bomb = zip(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", &bomb_part),
    ]);
    assert!(bomb.len() < 1024 * 1024);
    let err = Document::from_bytes(&bomb, TextFormat::Epub).unwrap_err();
    assert!(matches!(err, DecodeError::Unpacked { .. }), "{err:?}");
    assert!(err.to_string().contains("MB"), "{err}");
}

/// The real files and what must (and must not) come out of each.
fn shared_docs() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/docs");
    dir.join("expected.json").is_file().then_some(dir)
}

#[test]
fn real_word_opendocument_and_epub_files_give_what_must_come_out() {
    let Some(dir) = shared_docs() else {
        eprintln!("../shared/testdata/docs is not there: skipped");
        return;
    };
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut checked = 0;
    for (file, want) in expected.as_object().unwrap() {
        if file.starts_with("pdf/") {
            continue;
        }
        let doc = Document::open(&dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        expected::check(file, &doc, want);
        checked += 1;
    }
    assert_eq!(checked, 11);
}

#[test]
fn a_protocol_opens_in_speaker_turns_in_every_format() {
    let Some(dir) = shared_docs() else {
        eprintln!("../shared/testdata/docs is not there: skipped");
        return;
    };
    for file in [
        "pdf/GENERATED_bt_plenarprotokoll_18-181_auszug_2col.pdf",
        "docx/GENERATED_bt_plenarprotokoll_18-181_auszug.docx",
        "odt/GENERATED_bt_plenarprotokoll_18-181_auszug.odt",
        "epub/GENERATED_bt_plenarprotokoll_18-181_auszug_epub3.epub",
    ] {
        let ws = randnotiz::workspace::Workspace::open_text(&dir.join(file)).unwrap();
        let doc = ws.document();
        let merkel = doc
            .sections()
            .iter()
            .find(|s| {
                s.speaker
                    .as_ref()
                    .is_some_and(|p| p.name == "Angela Merkel")
            })
            .unwrap_or_else(|| panic!("{file}: no turn of Merkel"));
        assert_eq!(merkel.label(), "Dr. Angela Merkel, Bundeskanzlerin");
        let calls = merkel
            .paragraphs
            .iter()
            .filter(|p| p.role == Role::Interjection)
            .count();
        assert!(calls >= 20, "{file}: {calls} interjections");
        // The headings it has stay: the turns stand beside them.
        assert!(
            doc.sections()
                .iter()
                .any(|s| s.label() == "Eröffnung der Sitzung")
        );
        let names: Vec<&str> = ws
            .session()
            .actors
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert!(
            names.contains(&"Norbert Lammert") && names.contains(&"Dietmar Bartsch"),
            "{file}: {names:?}"
        );
    }
}

#[test]
fn hostile_xml_is_refused_or_read_without_overflowing_or_exploding() {
    // 30 000 runs nested in one another: read, not a stack overflow.
    let deep = format!(
        "<w:p>{}<w:t>tief</w:t>{}</w:p>",
        "<w:r>".repeat(30_000),
        "</w:r>".repeat(30_000)
    );
    let doc = Document::from_bytes(&docx(&deep, ""), TextFormat::Docx).unwrap();
    assert!(doc.text().contains("tief"));
    // One entity of 100 kB referred to 2 000 times would be 200 MB of text.
    let entity = format!(
        r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "{}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"#,
        "x".repeat(100_000),
        "&a;".repeat(2_000)
    );
    let bomb = zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", entity.as_bytes()),
    ]);
    let err = Document::from_bytes(&bomb, TextFormat::Docx).unwrap_err();
    assert!(matches!(err, DecodeError::Damaged { .. }), "{err:?}");
    // A heading level past any Word has: a paragraph, no overflow.
    let body =
        r#"<w:p><w:pPr><w:outlineLvl w:val="255"/></w:pPr><w:r><w:t>Ebene 256</w:t></w:r></w:p>"#;
    let doc = Document::from_bytes(&docx(body, ""), TextFormat::Docx).unwrap();
    assert!(doc.text().contains("Ebene 256"));
}
