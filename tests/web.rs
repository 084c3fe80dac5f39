//! Saved web pages open as their article: the main text without the page
//! around it, sub-headings as sections, the metadata in the header; in any
//! encoding, in NFC; and a session on a page reopens anchored.
//!
//! The page under `tests/data/web/` was written for these tests. The 150 real
//! pages of `../shared/testdata/html` are scored by `.ci/html-eval`.
#![allow(clippy::unwrap_used)]

mod common;

use randnotiz::annotation::{Colour, Edit};
use randnotiz::document::{Document, Role, TextFormat};
use randnotiz::workspace::Workspace;

fn page() -> Document {
    Document::open(&common::data("web/artikel.html")).unwrap()
}

#[test]
fn a_saved_web_page_opens_as_its_article() {
    let doc = page();
    assert_eq!(doc.format(), TextFormat::Html);
    let meta = doc.meta();
    // The title without the site's name after it.
    assert_eq!(
        meta.title.as_deref(),
        Some("Stadtrat beschließt neuen Radweg am Fluss")
    );
    assert_eq!(meta.date.as_deref(), Some("2024-05-17"));
    assert_eq!(meta.author.as_deref(), Some("Marta Beispiel"));
    assert_eq!(meta.outlet.as_deref(), Some("Lokalblatt Beispielstadt"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://lokalblatt.example/stadt/radweg-am-fluss")
    );
    assert_eq!(meta.language.as_deref(), Some("de"));

    // Sub-headings open sections; the headline is not one of them.
    let headings: Vec<Option<&str>> = doc
        .sections()
        .iter()
        .map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
        .collect();
    assert_eq!(
        headings,
        [
            None,
            Some("Streit um die Parkplätze"),
            Some("Wie es weitergeht")
        ]
    );
    // The teaser is the lead.
    let first = &doc.sections()[0].paragraphs[0];
    assert_eq!(first.role, Role::Lead);
    assert!(doc.slice(first.range).starts_with("Nach einer Debatte"));

    let text = doc.text();
    for kept in [
        "auf einer Länge von 4,2 Kilometern",
        "„guten Tag für alle, die in dieser Stadt mit dem Rad unterwegs sind“",
        "Wir sind nicht gegen Radwege",
        "eine Quartiersgarage am Nordbahnhof",
        "Kurzzeitparkplätze für Lieferverkehr",
        "Ein Bürgerentscheid gegen den Beschluss gilt als unwahrscheinlich",
    ] {
        assert!(text.contains(kept), "{kept:?} is missing from {text}");
    }
    for left_out in [
        "Cookies",
        "Startseite",
        "Mehr zum Thema",
        "Neue Buslinie",
        "Leser123",
        "Impressum",
        "Foto: Stadtarchiv",
        "<p>",
        "&quot;",
    ] {
        assert!(!text.contains(left_out), "{left_out:?} is in {text}");
    }
    let list: Vec<&str> = doc
        .paragraphs()
        .filter(|p| p.role == Role::ListItem)
        .map(|p| doc.slice(p.range))
        .collect();
    assert_eq!(list.len(), 2, "{list:?}");
    let quotes: Vec<&str> = doc
        .paragraphs()
        .filter(|p| p.role == Role::Quote)
        .map(|p| doc.slice(p.range))
        .collect();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert!(quotes[0].contains("Wir sind nicht gegen Radwege"));
}

#[test]
fn a_page_reads_in_its_own_encoding_and_in_nfc() {
    let dir = tempfile::tempdir().unwrap();
    // Latin-1 bytes, as older sites still send them.
    let mut latin1 =
        b"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"iso-8859-1\"><title>".to_vec();
    latin1.extend(b"\xc4rger \xfcber Stra\xdfen</title></head><body><article><h1>\xc4rger \xfcber Stra\xdfen</h1>");
    latin1.extend(
        b"<p>Die Anwohner der Hauptstra\xdfe beschweren sich seit Monaten \xfcber L\xe4rm und \xdcberf\xfcllung.</p>"
            .repeat(3),
    );
    latin1.extend(b"</article></body></html>");
    let path = dir.path().join("alt.htm");
    std::fs::write(&path, &latin1).unwrap();
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.meta().title.as_deref(), Some("Ärger über Straßen"));
    assert!(
        doc.text().contains("über Lärm und Überfüllung"),
        "{}",
        doc.text()
    );

    // Decomposed umlauts (u + combining diaeresis) come out composed.
    let decomposed = "<!DOCTYPE html><html><head><title>Gru\u{308}n</title></head><body><article>\
        <h1>Gru\u{308}ne Wiesen</h1><p>Die Wiesen sind gru\u{308}n und die Ba\u{308}ume stehen schon lange am Ufer des Flusses.</p>\
        <p>Im Fru\u{308}hjahr bluhen sie, und im Sommer wird das Gras zweimal gema\u{308}ht.</p></article></body></html>";
    let doc = Document::parse(decomposed, TextFormat::Html);
    assert!(doc.text().contains("grün und die Bäume"), "{}", doc.text());
    assert!(!doc.text().contains('\u{308}'));
}

#[test]
fn a_page_saved_under_another_name_is_still_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seite.txt");
    std::fs::copy(common::data("web/artikel.html"), &path).unwrap();
    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.format(), TextFormat::Html);
    assert_eq!(doc.text(), page().text());
}

#[test]
fn a_session_on_a_page_reopens_with_its_annotations_anchored() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("artikel.html");
    std::fs::copy(common::data("web/artikel.html"), &html).unwrap();
    let mut ws = Workspace::open_text(&html).unwrap();
    let range = common::find(ws.document().text(), "45 Parkplätze an der Uferstraße");
    let annotation = ws.new_annotation(range, Colour::Blue, Vec::new(), "Zahl prüfen".into());
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    let session = dir.path().join("lesung.ron");
    ws.save(&session).unwrap();

    let (again, report) = Workspace::open_session(&session, None).unwrap();
    assert_eq!((report.anchored, report.moved, report.orphaned), (1, 0, 0));
    let a = &again.session().annotations[0];
    assert_eq!(
        again.document().slice(a.range()),
        "45 Parkplätze an der Uferstraße"
    );
}

#[test]
fn a_page_of_megabytes_reads_as_its_article_like_a_small_one() {
    // The test page with its article grown past a megabyte: read from its
    // article element alone, without the extractor's scoring.
    let html = std::fs::read_to_string(common::data("web/artikel.html")).unwrap();
    let (head, tail) = html.split_once("</article>").unwrap();
    let mut big = head.to_owned();
    while big.len() < 1_500_000 {
        big.push_str("<p>Die Verwaltung prüft die Pläne für den Radweg bis zum Herbst.</p>\n");
    }
    big.push_str("</article>");
    big.push_str(tail);
    let large = Document::from_bytes(big.as_bytes(), TextFormat::Html).unwrap();
    let small = page();
    assert_eq!(large.meta().title, small.meta().title);
    assert_eq!(large.meta().author, small.meta().author);
    assert_eq!(large.meta().date, small.meta().date);
    let text = large.text();
    assert!(text.contains("Nach einer Debatte von mehr als drei Stunden"));
    assert!(text.contains("## Wie es weitergeht"));
    for outside in [
        "Startseite",
        "Neue Buslinie",
        "Leser123",
        "Impressum",
        "Foto: Stadtarchiv",
    ] {
        assert!(!text.contains(outside), "{outside} is not the article's");
    }
}
