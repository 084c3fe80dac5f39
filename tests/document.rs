//! The article parser: the bundled article, article shapes from other sites,
//! long texts, and bytes that are not text at all.
#![allow(clippy::unwrap_used)]

mod common;

use randnotiz::document::{DecodeError, Document, DocumentError, Layout, Role, TextFormat};

fn headings(doc: &Document) -> Vec<&str> {
    doc.sections()
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
        .collect()
}

fn parse(text: &str) -> Document {
    Document::parse(text, TextFormat::Plain)
}

#[test]
fn the_bundled_article() {
    let doc = randnotiz::document::bundled::document();
    let meta = doc.meta();
    assert_eq!(meta.date.as_deref(), Some("2022-01"));
    assert!(
        meta.title
            .as_deref()
            .unwrap()
            .contains("Militärbündnis beginnt mit Abzug")
    );
    assert_eq!(meta.stand.as_deref(), Some("13.01.2022 09:59 Uhr"));
    assert_eq!(
        headings(&doc),
        [
            "Tokajews Besuch in Almaty",
            "Schicksal von Festgenommenen unklar"
        ]
    );

    let sections = doc.sections();
    assert_eq!(sections.len(), 3);
    let paragraph_counts: Vec<usize> = sections.iter().map(|s| s.paragraphs.len()).collect();
    assert_eq!(
        paragraph_counts,
        [3, 3, 2],
        "all eight paragraphs, in the right sections"
    );

    // The lead is the first paragraph, and only it.
    let lead = &sections[0].paragraphs[0];
    assert_eq!(lead.role, Role::Lead);
    assert!(sections[0].lead && !sections[1].lead && !sections[2].lead);
    assert!(
        doc.slice(lead.range)
            .starts_with("Das von Russland angeführte Militärbündnis")
    );
    assert!(
        doc.slice(lead.range)
            .ends_with("Unklar bleibt das Schicksal der Festgenommen.")
    );
    assert_eq!(doc.paragraphs().filter(|p| p.role == Role::Lead).count(), 1);

    // Every paragraph starts where the text says it does, and sections start
    // with their heading.
    let second = &sections[1];
    assert_eq!(
        doc.slice(second.range).lines().next(),
        Some("Tokajews Besuch in Almaty")
    );
    assert!(
        doc.slice(second.paragraphs[0].range)
            .starts_with("Die kasachische Regierung spricht")
    );
    assert!(
        doc.slice(sections[2].paragraphs[1].range)
            .ends_with("fairen Prozess gewährleisten.")
    );
}

#[test]
fn the_bundled_asset_is_the_seed_byte_for_byte() {
    let asset = std::fs::read(common::asset("000_350a11ec01cad79f.txt")).unwrap();
    assert_eq!(asset, randnotiz::document::bundled::ARTICLE.as_bytes());
    assert_eq!(randnotiz::document::bundled::document().len_chars(), 3574);
}

/// An article shaped like those on tagesschau.de: header line, byline, lead,
/// sub-headings, an "Unsere Quellen" list, an update note.
const NEWS: &str = " date 2023-05 Wahl in der Türkei Erdogan muss in die Stichwahl Stand: 15.05.2023 12:01 Uhr

Von Karin Senz, ARD-Studio Istanbul

Keiner der Kandidaten hat die absolute Mehrheit erreicht. Nun entscheidet eine Stichwahl in zwei Wochen.

Erstmeldung

Präsident Erdogan kam nach vorläufigen Ergebnissen auf 49,5 Prozent der Stimmen. Sein Herausforderer Kilicdaroglu erreichte 44,9 Prozent.

Opposition spricht von Manipulation

Die Opposition warf der Wahlbehörde vor, Ergebnisse zurückzuhalten. \"Wir werden jede Urne prüfen\", sagte ein Sprecher.

Unsere Quellen:

- Nachrichtenagentur AP
- Hohe Wahlkommission

Wie es weitergeht

Die Stichwahl ist für den 28. Mai angesetzt.";

#[test]
fn a_news_article_with_byline_labels_and_sources() {
    let doc = parse(NEWS);
    assert_eq!(doc.meta().date.as_deref(), Some("2023-05"));
    assert_eq!(doc.meta().stand.as_deref(), Some("15.05.2023 12:01 Uhr"));
    assert_eq!(
        headings(&doc),
        ["Opposition spricht von Manipulation", "Wie es weitergeht"]
    );
    let roles: Vec<Role> = doc.sections()[0]
        .paragraphs
        .iter()
        .map(|p| p.role)
        .collect();
    assert_eq!(roles, [Role::Byline, Role::Lead, Role::Aside, Role::Body]);
    let list: Vec<Role> = doc.sections()[1]
        .paragraphs
        .iter()
        .map(|p| p.role)
        .collect();
    assert_eq!(list, [Role::Body, Role::Aside, Role::ListItem]);
}

/// An interview: the questions are short lines, but they are not headings.
const INTERVIEW: &str = "Interview zur Lage in Kasachstan \"Die Proteste kamen nicht aus dem Nichts\"

Seit Tagen erschüttern Unruhen Kasachstan. Wie konnte es so weit kommen? Fragen an die Politologin Anna Beispiel.

tagesschau.de: Frau Beispiel, was ist in Kasachstan passiert?

Anna Beispiel: Die Proteste begannen wegen der Gaspreise, aber dahinter liegt viel mehr.

Warum hat Tokajew die OVKS gerufen?

Er wollte zeigen, dass er die Lage im Griff hat.

Und Russland?

Moskau nutzt die Gelegenheit, seinen Einfluss zu festigen.

Das Interview führte Max Muster.";

#[test]
fn interview_questions_are_not_headings() {
    let doc = parse(INTERVIEW);
    assert!(headings(&doc).is_empty(), "{:?}", headings(&doc));
    assert_eq!(
        doc.sections().len(),
        1,
        "a text without headings is one section"
    );
    assert!(
        doc.meta()
            .title
            .as_deref()
            .unwrap()
            .starts_with("Interview zur Lage")
    );
}

#[test]
fn markdown_headings_and_front_matter() {
    let text = "---\ntitle: Abzug aus Kasachstan\ndate: 2022-01-13\n---\n\n# Abzug aus Kasachstan\n\nDer Vorspann.\n\n## Erste Reaktionen\n\nText eins.\nmit weicher Umbruchzeile.\n\n## Und jetzt?\n\n* Punkt eins\n* Punkt zwei\n";
    let doc = Document::parse(text, TextFormat::Markdown);
    assert_eq!(doc.meta().title.as_deref(), Some("Abzug aus Kasachstan"));
    assert_eq!(doc.meta().date.as_deref(), Some("2022-01-13"));
    assert_eq!(headings(&doc), ["Erste Reaktionen", "Und jetzt?"]);
    let heading = doc.sections()[1].heading.as_ref().unwrap();
    assert_eq!(doc.slice(heading.range), "Erste Reaktionen");
    assert_eq!(heading.level, 2);
    assert!(
        doc.sections()[1].paragraphs[0].hard_wrapped,
        "Markdown soft breaks reflow"
    );
    assert_eq!(doc.sections()[2].paragraphs[0].role, Role::ListItem);
}

#[test]
fn an_english_article() {
    let text = "Russia-led alliance begins Kazakhstan withdrawal\n\nBy Jane Doe\n\nTroops from the CSTO began leaving on Thursday, the alliance said.\n\nA city under curfew\n\nAlmaty remained under a state of emergency.\n\nWhat happens next\n\nThe withdrawal is to be completed within ten days.";
    let doc = parse(text);
    assert_eq!(
        doc.meta().title.as_deref(),
        Some("Russia-led alliance begins Kazakhstan withdrawal")
    );
    assert_eq!(headings(&doc), ["A city under curfew", "What happens next"]);
    assert_eq!(doc.sections()[0].paragraphs[0].role, Role::Byline);
    assert_eq!(doc.sections()[0].paragraphs[1].role, Role::Lead);
}

#[test]
fn texts_in_other_scripts_open() {
    let text = "Казахстан: начался вывод войск ОДКБ\n\nМиротворцы ОДКБ начали покидать Казахстан.\n\nРеакция Москвы\n\nВ Кремле заявили, что миссия выполнена.";
    let doc = parse(text);
    assert_eq!(headings(&doc), ["Реакция Москвы"]);
    let chinese = "集体安全条约组织开始撤军\n\n维和部队开始撤离哈萨克斯坦。\n\n莫斯科的反应\n\n克里姆林宫表示任务已经完成。";
    let doc = parse(chinese);
    assert_eq!(headings(&doc), ["莫斯科的反应"]);
    assert_eq!(
        doc.slice(doc.sections()[1].paragraphs[0].range),
        "克里姆林宫表示任务已经完成。"
    );
}

#[test]
fn long_texts_open_in_sections() {
    let effi = Document::open(&common::data("long/fontane_effi_briest_1896.txt")).unwrap();
    assert_eq!(effi.layout(), Layout::Book);
    // No chapter headings in this copy: its former page breaks between whole
    // sentences open the sections.
    assert!(
        (30..100).contains(&effi.sections().len()),
        "{} sections",
        effi.sections().len()
    );
    assert!(effi.sections().iter().all(|s| s.heading.is_none()));
    assert!(effi.paragraphs().count() > 1500);
    assert!(effi.paragraphs().all(|p| p.range.end <= effi.len_chars()));
    assert!(
        effi.paragraphs()
            .all(|p| !effi.slice(p.range).contains('\n')),
        "the hand-wrapped lines are reflowed"
    );

    let protocol = Document::open(&common::data(
        "long/bundestag_plenarprotokoll_18-181_2016-06-28.txt",
    ))
    .unwrap();
    assert_eq!(
        protocol.meta().title.as_deref(),
        Some("Plenarprotokoll 18/181")
    );
    assert!(
        headings(&protocol)
            .iter()
            .all(|h| !h.starts_with("Deutscher Bundestag") && !h.starts_with("Berlin")),
        "running page headers and datelines are not headings: {:?}",
        headings(&protocol)
    );
}

#[test]
fn a_five_megabyte_book_parses() {
    let effi = std::fs::read_to_string(common::data("long/fontane_effi_briest_1896.txt")).unwrap();
    let book = effi.repeat(9);
    assert!(book.len() > 5_000_000);
    let doc = Document::parse(&book, TextFormat::Plain);
    // Reflowed: the line breaks inside paragraphs became spaces.
    assert!(doc.len_chars() < book.chars().count());
    assert!(doc.len_chars() > book.chars().count() * 9 / 10);
    let last = doc.paragraphs().last().unwrap();
    assert!(
        doc.slice(last.range)
            .ends_with("das ist ein zu weites Feld.“"),
        "{:?}",
        doc.slice(last.range)
    );
}

#[test]
fn positions_are_chars_in_the_normalised_text() {
    let doc = Document::from_bytes(
        "\u{feff}Überschrift?\r\n\r\nÄrger in Düsseldorf 👍🏽.\r\n".as_bytes(),
        TextFormat::Plain,
    )
    .unwrap();
    assert_eq!(doc.text(), "Überschrift?\n\nÄrger in Düsseldorf 👍🏽.\n");
    let p = doc.paragraphs().next().unwrap();
    assert_eq!(p.range.start, 14);
    assert_eq!(doc.slice(p.range), "Ärger in Düsseldorf 👍🏽.");
    assert_eq!(p.range.len(), "Ärger in Düsseldorf 👍🏽.".chars().count());
}

#[test]
fn any_bytes_give_a_document_or_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.txt", Vec::new()),
        ("blank.txt", b"  \n\n \t".to_vec()),
        (
            "image.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
        ),
        ("latin1.txt", b"Gr\xfc\xdfe aus K\xf6ln".to_vec()),
        ("utf16.txt", {
            let mut v = vec![0xFF, 0xFE];
            v.extend("Grüße".encode_utf16().flat_map(u16::to_le_bytes));
            v
        }),
        (
            "noise.bin",
            (0..65_536u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
                .collect(),
        ),
        ("truncated.txt", "Militärbündnis".as_bytes()[..10].to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        match Document::open(&path) {
            Ok(doc) => assert!(doc.len_chars() > 0, "{name}"),
            Err(err) => {
                let message = err.to_string();
                assert!(
                    message.contains(name),
                    "the message names the file: {message}"
                );
                assert!(
                    matches!(err, DocumentError::NotText { .. }),
                    "{name}: {err:?}"
                );
            }
        }
    }
    let err = Document::open(&dir.path().join("empty.txt")).unwrap_err();
    assert!(matches!(
        err,
        DocumentError::NotText {
            why: DecodeError::Empty,
            ..
        }
    ));
    let err = Document::open(&dir.path().join("image.png")).unwrap_err();
    assert!(matches!(
        err,
        DocumentError::NotText {
            why: DecodeError::Binary,
            ..
        }
    ));
    let latin = Document::open(&dir.path().join("latin1.txt")).unwrap();
    assert_eq!(latin.text(), "Grüße aus Köln");
    assert!(Document::open(dir.path()).is_err(), "a folder is refused");
}

#[test]
fn rules_and_front_matter_never_swallow_text() {
    // Two rules around prose in a plain text are rules, not front matter.
    let doc = parse("---\nErster Absatz mit Inhalt.\n\nZweiter Absatz auch.\n---\n\nDritter.");
    let texts: Vec<&str> = doc.paragraphs().map(|p| doc.slice(p.range)).collect();
    assert!(
        texts.iter().any(|t| t.contains("Erster Absatz")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Zweiter Absatz")),
        "{texts:?}"
    );
    // Markdown front matter ends at its closing rule; the next line is text.
    let doc = Document::parse(
        "---\ntitle: Ein Titel\n---\nErster Absatz mit Inhalt.\n\nZweiter Absatz.",
        TextFormat::Markdown,
    );
    assert_eq!(doc.meta().title.as_deref(), Some("Ein Titel"));
    let texts: Vec<&str> = doc.paragraphs().map(|p| doc.slice(p.range)).collect();
    assert_eq!(texts, ["Erster Absatz mit Inhalt.", "Zweiter Absatz."]);
}
