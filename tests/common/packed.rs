//! Word, OpenDocument and EPUB files written here for the tests: small,
//! each with the features a reader must get right.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write as _;

use zip::write::SimpleFileOptions;

/// A zip made of `(name, content)` parts, the first stored (as EPUB and
/// OpenDocument want their `mimetype`), the rest deflated.
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
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

pub fn docx(body: &str, footnotes: &str) -> Vec<u8> {
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

pub fn word_article() -> Vec<u8> {
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

pub fn odt() -> Vec<u8> {
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

pub fn epub() -> Vec<u8> {
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
