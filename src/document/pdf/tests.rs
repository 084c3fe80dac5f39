//! Tests on PDFs generated here with lopdf's writer (no external files).

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

use super::{BlockKind, Limits, PdfError, extract};

/// One text line to draw: x, baseline y (from the bottom), size, bold, text.
type Run = (f32, f32, f32, bool, &'static str);

fn latin1(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '–' => 0x96,
            '•' => 0x95,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

/// Builds an A4 PDF with Helvetica (no /Widths: the built-in metrics apply).
fn make_pdf(pages: &[Vec<Run>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = |base: &str| {
        dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => base, "Encoding" => "WinAnsiEncoding",
        }
    };
    let regular = doc.add_object(font("Helvetica"));
    let bold = doc.add_object(font("Helvetica-Bold"));
    let resources =
        doc.add_object(dictionary! { "Font" => dictionary! { "F1" => regular, "F2" => bold } });
    let mut kids = Vec::new();
    for runs in pages {
        let mut ops = Vec::new();
        for &(x, y, size, b, text) in runs {
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new(
                "Tf",
                vec![(if b { "F2" } else { "F1" }).into(), size.into()],
            ));
            ops.push(Operation::new("Td", vec![x.into(), y.into()]));
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(latin1(text))],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
        let content = Content { operations: ops }.encode().unwrap_or_default();
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()], "Resources" => resources,
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id, "Lang" => "de-DE" });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("writing to memory");
    out
}

fn column(x: f32, lines: &[&'static str]) -> Vec<Run> {
    lines
        .iter()
        .enumerate()
        .map(|(i, t)| (x, 720.0 - 13.0 * i as f32, 10.0, false, *t))
        .collect()
}

fn page(
    n: &'static str,
    title: Option<&'static str>,
    left: &[&'static str],
    right: &[&'static str],
) -> Vec<Run> {
    let mut runs = vec![
        (50.0, 800.0, 9.0, false, "Testblatt – Ausgabe 7 – Randnotiz"),
        (290.0, 40.0, 9.0, false, n),
    ];
    if let Some(t) = title {
        runs.push((50.0, 740.0, 16.0, true, t));
    }
    runs.extend(column(50.0, left));
    runs.extend(column(310.0, right));
    runs
}

fn text_of(bytes: &[u8]) -> (Vec<super::Block>, String) {
    let a = extract(bytes, None, &Limits::default()).expect("generated PDF extracts");
    let all = a
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    (a.blocks, all)
}

#[test]
fn two_columns_header_and_hyphenation() {
    let pages = vec![
        page(
            "1",
            Some("Ein Titel über zwei Spalten"),
            &[
                "Der vergangene Donnerstag war ein Ein-",
                "schnitt für Europa. Die CDU/CSU-",
                "Fraktion stimmt zu, und zwar so, wie",
                "man es von ihr erwartet hat, ohne",
            ],
            &[
                "jeden Zweifel und ohne Zögern. Die",
                "Euro-Staaten und die Nicht-Euro-",
                "Staaten arbeiten zusammen, wie sie",
                "es immer getan haben, und sie werden",
            ],
        ),
        page(
            "2",
            None,
            &[
                "das auch weiter tun. Nun folgt ein",
                "zweiter Absatz auf der linken Seite,",
                "der bis zum Ende der Spalte reicht und",
                "auf der rechten Seite weitergeht, so",
            ],
            &[
                "wie man es aus Zeitungen kennt. Zum",
                "Schluss steht hier noch ein weiterer",
                "Satz, der die Spalte ganz ausfüllt und",
                "erst auf der dritten Seite endet, nach",
            ],
        ),
        page(
            "3",
            None,
            &[
                "dem langen Weg über die Seiten.",
                "Danach kommt nur noch ein kurzer,",
                "sauber gesetzter Schlusssatz für den",
                "Test dieser Datei.",
            ],
            &[
                "Rechts steht ein eigener Absatz.",
                "Er hat drei Zeilen, die alle",
                "zusammengehören und hier enden.",
            ],
        ),
    ];
    let (blocks, all) = text_of(&make_pdf(&pages));
    assert_eq!(
        blocks[0],
        super::Block {
            kind: BlockKind::Heading(1),
            text: "Ein Titel über zwei Spalten".into()
        }
    );
    for want in [
        "Der vergangene Donnerstag war ein Einschnitt für Europa.",
        "Die CDU/CSU-Fraktion stimmt zu, und zwar so, wie man es von ihr erwartet hat, ohne jeden Zweifel und ohne Zögern.",
        "Die Euro-Staaten und die Nicht-Euro-Staaten arbeiten zusammen,",
        "Zum Schluss steht hier noch ein weiterer Satz, der die Spalte ganz ausfüllt und erst auf der dritten Seite endet, nach dem langen Weg über die Seiten.",
        "Rechts steht ein eigener Absatz. Er hat drei Zeilen, die alle zusammengehören und hier enden.",
    ] {
        assert!(all.contains(want), "missing {want:?} in\n{all}");
    }
    let first = all.find("Donnerstag").expect("left column");
    let second = all.find("Euro-Staaten").expect("right column");
    assert!(first < second, "left column before right column");
    assert!(!all.contains("Testblatt"), "running header leaked:\n{all}");
    assert!(
        !blocks
            .iter()
            .any(|b| b.text == "1" || b.text == "2" || b.text == "3"),
        "page number leaked"
    );
}

#[test]
fn footnote_and_list_items() {
    let mut runs = vec![(50.0, 760.0, 14.0, true, "Liste und Fußnote")];
    runs.extend(column(
        50.0,
        &[
            "• Der erste Punkt der Liste.",
            "• Der zweite Punkt der Liste.",
            "Ein Absatz mit einem Verweis auf eine Fußnote, die unten auf",
            "der Seite steht und nicht in diesen Satz gehört, wie man sieht.",
        ],
    ));
    runs.push((50.0, 80.0, 7.0, false, "1 Dies ist die Fußnote."));
    let (blocks, _) = text_of(&make_pdf(&[runs]));
    let kinds: Vec<BlockKind> = blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(1),
            BlockKind::Item,
            BlockKind::Item,
            BlockKind::Paragraph,
            BlockKind::Note
        ],
        "{blocks:?}"
    );
    assert_eq!(blocks[1].text, "Der erste Punkt der Liste.");
    assert!(blocks[3].text.ends_with("wie man sieht."));
}

#[test]
fn empty_pages_have_no_text_layer() {
    let r = extract(&make_pdf(&[vec![], vec![]]), None, &Limits::default());
    assert!(
        matches!(r, Err(PdfError::NoTextLayer { pages: 2 })),
        "{r:?}"
    );
}

#[test]
fn page_limit_is_checked_first() {
    let pages: Vec<Vec<Run>> = (0..10_000).map(|_| Vec::new()).collect();
    let bytes = make_pdf(&pages);
    let r = extract(&bytes, None, &Limits::default());
    assert!(
        matches!(
            r,
            Err(PdfError::TooManyPages {
                pages: 10_000,
                limit: 2000
            })
        ),
        "{r:?}"
    );
}

#[test]
fn fifty_pages_of_two_columns_read_through() {
    const LINES: [&str; 4] = [
        "Dies ist eine ganz gewöhnliche Zeile mit Text, die",
        "sich über die Breite der Spalte erstreckt und mit",
        "einem Bindestrich endet, damit der Test etwas zu tun-",
        "hat, bis der Absatz schließlich zu Ende ist.",
    ];
    let lines: Vec<&'static str> = (0..48).map(|i| LINES[i % 4]).collect();
    let pages: Vec<Vec<Run>> = (0..50).map(|_| page("7", None, &lines, &lines)).collect();
    let bytes = make_pdf(&pages);
    let (blocks, _) = text_of(&bytes);
    assert!(
        blocks
            .iter()
            .any(|b| b.text.contains("zu tunhat") || b.text.contains("zu tun-hat"))
    );
    // No running header or page number among them.
    assert!(!blocks.iter().any(|b| b.text.trim() == "7"));
}

#[test]
fn limits_truncate_text() {
    let pages = vec![page(
        "1",
        None,
        &["Ein Satz, der gekürzt wird, weil die Grenze klein ist."; 6],
        &[],
    )];
    let a = extract(
        &make_pdf(&pages),
        None,
        &Limits {
            max_pages: 10,
            max_chars: 20,
        },
    )
    .expect("extracts");
    assert!(a.truncated);
    assert!(
        a.blocks
            .iter()
            .map(|b| b.text.chars().count())
            .sum::<usize>()
            <= 40
    );
}
