//! Word, OpenDocument and EPUB files open as sectioned articles: the
//! product's own files, made here, and the real files of `../shared` (read
//! when they are there, skipped when not).

#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use randnotiz::document::{DecodeError, Document, Role, TextFormat};
use zip::write::SimpleFileOptions;

/// A zip made of `(name, content)` parts, the first stored (as EPUB and
/// OpenDocument want their `mimetype`), the rest deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (i, (name, content)) in parts.iter().enumerate() {
        let method = if i == 0 {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(content.len() > u32::MAX as usize / 2);
        writer.start_file(*name, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx(body: &str, footnotes: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let styles = format!(
        r#"<w:styles {W}>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
        <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Zwischentitel"><w:name w:val="Zwischentitel"/><w:basedOn w:val="berschrift1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Aufzaehlung"><w:name w:val="Aufzählung"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        </w:styles>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>{footnotes}</w:footnotes>"#
    );
    let core = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>Kasachstan: Bündnis zieht ab</dc:title><dc:creator>Anna Müller</dc:creator><dcterms:created>2022-01-13T09:59:00Z</dcterms:created><dc:language>de-DE</dc:language></cp:coreProperties>"#;
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}

fn p(style: &str, runs: &str) -> String {
    let style = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!("<w:p>{style}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn word_article() -> Vec<u8> {
    let body = [
        p("Title", &r("Kasachstan: Bündnis zieht ab")),
        p("", &r("Das Militärbündnis beginnt mit dem Abzug seiner Truppen.")),
        p("Zwischentitel", &r("Was Tokajew sagt")),
        p(
            "",
            &format!(
                "{}{}{}<w:del><w:r><w:delText>gestrichener Satz </w:delText></w:r></w:del>{}{}",
                r("Der Präsident dankte den Verbündeten"),
                r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#,
                r(". Die Lage sei "),
                r("stabil."),
                r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"#
            ),
        ),
        p("Aufzaehlung", &r("Erstens: Abzug binnen zehn Tagen")),
        p("Aufzaehlung", &r("Zweitens: Flughafen wieder offen")),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Zelle eins</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            .to_owned(),
        p("berschrift1", &r("Reaktionen")),
        p(
            "",
            &format!(
                "{}<w:r><w:t>Moskau</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>nah.</w:t></w:r>",
                r("Die Opposition bleibt ")
            ),
        ),
    ]
    .concat();
    let notes = format!(
        r#"<w:footnote w:id="1"><w:p>{}</w:p></w:footnote>"#,
        r("Rede vom 11. Januar 2022.")
    );
    docx(&body, &notes)
}

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

fn odt() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/></office:automatic-styles>
<office:body><office:text>
<text:tracked-changes><text:changed-region><text:deletion><text:p>Gelöschter Text</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:table-of-content><text:index-body><text:p>Eröffnung ........ 1</text:p></text:index-body></text:table-of-content>
<text:p text:style-name="P1">Stenografischer Bericht</text:p>
<text:h text:outline-level="2">Eröffnung</text:h>
<text:section text:name="Spalten">
<text:p>Die Sitzung ist<text:s text:c="2"/>eröffnet.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Eine Anmerkung.</text:p></text:note-body></text:note> Weiter<office:annotation><dc:creator>X</dc:creator><text:p>Kommentar</text:p></office:annotation> im Text.</text:p>
<text:list><text:list-item><text:p>Punkt eins</text:p></text:list-item></text:list>
</text:section>
<text:h text:outline-level="2">Schluss</text:h>
<text:p>Ende.</text:p>
</office:text></office:body></office:document-content>"#;
    let meta = r#"<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta><meta:initial-creator>Bundestag</meta:initial-creator><meta:creation-date>2016-06-28T10:00:00</meta:creation-date><dc:language>de-DE</dc:language></office:meta></office:document-meta>"#;
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_bytes()),
        ("meta.xml", meta.as_bytes()),
    ])
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

fn epub() -> Vec<u8> {
    let container = r#"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
    let opf = r#"<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Ein kleines Buch</dc:title><dc:creator>Erika Muster</dc:creator><dc:language>de</dc:language><dc:date>1896-10-01</dc:date></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="c1" href="../text/kapitel%201.xhtml" media-type="application/xhtml+xml"/><item id="c2" href="kap2.xhtml" media-type="application/xhtml+xml"/><item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="cover" linear="no"/><itemref idref="c1"/><itemref idref="c2"/></spine></package>"#;
    let nav = r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="../text/kapitel%201.xhtml">Erstes Kapitel</a></li><li><a href="kap2.xhtml">Zweites Kapitel</a></li></ol></nav></body></html>"#;
    let c1 = r#"<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title><style>p { margin: 0 }</style></head><body><p>In Hohen-Cremmen fiel schon seit Mittag heller Sonnenschein auf die stille Dorfstraße.</p></body></html>"#;
    let c2 = r##"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><h2>Zweites Kapitel</h2><p>Effi kam erst spät<a epub:type="noteref" href="#n1">1</a> zurück.</p><ul><li>ein Punkt</li></ul><aside epub:type="footnote" id="n1"><p>Nach dem Gewitter.</p></aside></body></html>"##;
    let cover = r#"<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Umschlag</p></body></html>"#;
    zip(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", container.as_bytes()),
        ("OEBPS/content.opf", opf.as_bytes()),
        ("OEBPS/nav.xhtml", nav.as_bytes()),
        ("text/kapitel 1.xhtml", c1.as_bytes()),
        ("OEBPS/kap2.xhtml", c2.as_bytes()),
        ("OEBPS/cover.xhtml", cover.as_bytes()),
    ])
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

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
        let text = squeeze(doc.text());
        let mut from = 0;
        for must in want["must"].as_array().unwrap() {
            let must = squeeze(must.as_str().unwrap());
            assert!(text.contains(&must), "{file}: missing {must:?}");
            // The sentences come in order (headings are checked by presence).
            if must.ends_with(['.', '!', '?', ':']) && must.len() > 30 {
                let at = text[from..]
                    .find(&must)
                    .unwrap_or_else(|| panic!("{file}: {must:?} out of order"));
                from += at;
            }
        }
        for must_not in want["must_not"].as_array().unwrap() {
            let must_not = squeeze(must_not.as_str().unwrap());
            assert!(!text.contains(&must_not), "{file}: {must_not:?} leaked");
        }
        checked += 1;
    }
    assert_eq!(checked, 11);
}
