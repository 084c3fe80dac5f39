//! Plain texts that open as real articles: hard-wrapped books reflowed into
//! paragraphs and sections, transcripts of debates cut into speaker turns.
//!
//! The fixtures under `tests/data/plain` are invented for these tests. The
//! two long texts are read from `../shared/testdata/long` when that folder
//! stands beside the project, and skipped otherwise.
#![allow(missing_docs, clippy::unwrap_used)]

mod common;

use std::path::PathBuf;

use randnotiz::document::{Document, Layout, Role, Section, TextFormat, bundled};

fn open(name: &str) -> Document {
    Document::open(&common::data(&format!("plain/{name}"))).unwrap()
}

/// A file of `../shared/testdata/long`, or `None` (the test is skipped).
fn shared(name: &str) -> Option<Document> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/testdata/long")
        .join(name);
    if !path.exists() {
        eprintln!("{} is not here; skipped", path.display());
        return None;
    }
    Some(Document::open(&path).unwrap())
}

fn labels(doc: &Document) -> Vec<&str> {
    doc.sections().iter().map(Section::label).collect()
}

fn section<'d>(doc: &'d Document, label: &str) -> &'d Section {
    doc.sections()
        .iter()
        .find(|s| s.label() == label)
        .unwrap_or_else(|| panic!("no section {label:?} in {:?}", labels(doc)))
}

fn section_text(doc: &Document, section: &Section) -> String {
    section
        .paragraphs
        .iter()
        .map(|p| doc.slice(p.range))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn interjections(doc: &Document) -> Vec<&str> {
    doc.paragraphs()
        .filter(|p| p.role == Role::Interjection)
        .map(|p| doc.slice(p.range))
        .collect()
}

#[test]
fn an_article_that_is_not_hard_wrapped_keeps_its_text_byte_for_byte() {
    let doc = bundled::document();
    assert_eq!(doc.layout(), Layout::Prose);
    assert_eq!(doc.text(), bundled::ARTICLE);
    let plain = "Titel\n\nErster Absatz.\nMit einer zweiten Zeile.\n\nZweiter Absatz.\n";
    assert_eq!(Document::parse(plain, TextFormat::Plain).text(), plain);
}

#[test]
fn a_hard_wrapped_book_is_reflowed_into_chapters() {
    let doc = open("buch.txt");
    assert_eq!(doc.layout(), Layout::Book);
    assert_eq!(doc.meta().title.as_deref(), Some("Das alte Haus"));
    assert_eq!(
        labels(&doc)[..2],
        ["Erstes Kapitel", "Zweites Kapitel"],
        "{:?}",
        labels(&doc)
    );
    let text = doc.text();
    assert!(text.contains("Durch einen schmalen Einschnitt in der Hecke"));
    assert!(
        text.contains("Heil- und Kräutersammlung"),
        "a suspended hyphen stays"
    );
    assert!(text.contains("es sei wohl der Wind gewesen"));
    // The page break after "nach dem" cut a sentence: joined.
    assert!(text.contains("um nach dem Rechten zu sehen."), "{text}");
    for p in doc.paragraphs() {
        assert!(
            !doc.slice(p.range).contains('\n'),
            "{:?}",
            doc.slice(p.range)
        );
    }
    // A page break between whole sentences opens a section of its own.
    assert_eq!(doc.sections().len(), 3, "{:?}", labels(&doc));
    let last = &doc.sections()[2];
    assert!(last.heading.is_none());
    assert!(section_text(&doc, last).starts_with("Erst am Sonntag"));
}

#[test]
fn a_transcript_is_cut_into_turns() {
    let doc = open("sitzung.txt");
    assert_eq!(doc.layout(), Layout::Transcript);
    assert_eq!(doc.meta().title.as_deref(), Some("Plenarprotokoll 99/1"));
    let labels = labels(&doc);
    assert!(labels.contains(&"Inhalt"), "{labels:?}");
    let turns: Vec<&str> = doc
        .sections()
        .iter()
        .filter(|s| s.speaker.is_some())
        .map(Section::label)
        .collect();
    assert_eq!(
        turns,
        [
            "Vizepräsidentin Claudia Roth",
            "Dr. Anna Beispiel (SPD)",
            "Vizepräsidentin Claudia Roth",
            "Max Muster (CDU/CSU)",
            "Dr. Angela Merkel, Bundeskanzlerin",
        ]
    );
    let beispiel = section(&doc, "Dr. Anna Beispiel (SPD)");
    let speech = section_text(&doc, beispiel);
    assert!(speech.contains("des Vereinigten Königreichs der Niederlande sind kein Thema dieses Hauses, aber die Haushaltsdisziplin ist es."), "{speech}");
    assert!(speech.contains("Die CDU/CSU-Fraktion weiß das."));
    assert!(speech.contains("Die Verhandlungen"));
    assert!(
        speech.ends_with("Vielen Dank.\n\n(Beifall bei der SPD und dem BÜNDNIS 90/DIE GRÜNEN)"),
        "{speech}"
    );
    assert!(
        !speech.contains("Landtag Beispielland"),
        "page lines are dropped"
    );
    assert!(!speech.contains("(A)"));
    assert!(
        !speech.contains("Dr. Anna Beispiel\n"),
        "the running head is dropped"
    );
    assert_eq!(
        interjections(&doc),
        [
            "(Beifall bei der SPD – Zuruf von der AfD: Das stimmt doch nicht!)",
            "(Heiterkeit)",
            "(Beifall bei der SPD und dem BÜNDNIS 90/DIE GRÜNEN)",
            "(Beifall bei der CDU/CSU)",
            "(Beifall bei der CDU/CSU und der SPD)",
        ]
    );
    let merkel = section(&doc, "Dr. Angela Merkel, Bundeskanzlerin");
    assert!(section_text(&doc, merkel).contains("Die Euro-Staaten halten zusammen."));

    let speakers = doc.speakers();
    let names: Vec<&str> = speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Claudia Roth",
            "Anna Beispiel",
            "Max Muster",
            "Angela Merkel"
        ]
    );
    assert_eq!(speakers[1].full_name, "Dr. Anna Beispiel");
    assert_eq!(speakers[1].party.as_deref(), Some("SPD"));
    assert_eq!(speakers[0].role.as_deref(), Some("Vizepräsidentin"));
    assert_eq!(speakers[3].role.as_deref(), Some("Bundeskanzlerin"));
    // The heading is the speaker line, without its colon.
    let heading = merkel.heading.as_ref().unwrap();
    assert_eq!(
        doc.slice(heading.range),
        "Dr. Angela Merkel, Bundeskanzlerin"
    );
}

#[test]
fn effi_briest_opens_in_dozens_of_sections_without_page_break_scars() {
    let Some(doc) = shared("fontane_effi_briest_1896.txt") else {
        return;
    };
    assert_eq!(doc.layout(), Layout::Book);
    let sections = doc.sections().len();
    assert!((30..100).contains(&sections), "{sections} sections");
    for section in doc.sections() {
        let first = section.paragraphs.first().unwrap();
        let text = doc.slice(first.range);
        // A section that opens in lower case continues a sentence cut by a
        // former page break.
        assert!(
            !randnotiz::document::classify::starts_lowercase(text),
            "{text:?}"
        );
    }
    for p in doc.paragraphs() {
        let text = doc.slice(p.range);
        assert!(!text.contains('\n'), "{text:?}");
        assert!(!text.contains("-\n"));
    }
    let text = doc.text();
    assert!(text.contains(
        "Seidendocken lagen auf einem großen, runden Tisch bunt durcheinander, dazwischen"
    ));
    assert!(text.contains("Heil- und Zimmergymnastik"));
    assert!(text.contains("auf dem Wege nach Rußland."));
}

#[test]
fn the_bundestag_protocol_opens_in_speaker_turns() {
    let Some(doc) = shared("bundestag_plenarprotokoll_18-181_2016-06-28.txt") else {
        return;
    };
    assert_eq!(doc.layout(), Layout::Transcript);
    let labels = labels(&doc);
    assert!(labels.len() >= 25, "{labels:?}");
    for label in [
        "Präsident Dr. Norbert Lammert",
        "Dr. Angela Merkel, Bundeskanzlerin",
        "Dr. Dietmar Bartsch (DIE LINKE)",
        "Katrin Göring-Eckardt (BÜNDNIS 90/DIE GRÜNEN)",
        "Ralph Brinkhaus (CDU/CSU)",
    ] {
        assert!(labels.contains(&label), "{label:?} in {labels:?}");
    }
    let merkel = section(&doc, "Dr. Angela Merkel, Bundeskanzlerin");
    let speech = section_text(&doc, merkel);
    assert!(speech.starts_with("Sehr geehrter Herr Präsident! Liebe Kolleginnen und Kollegen!"));
    assert!(speech.contains("Vereinigten Königreich"));
    assert!(speech.contains(
        "Es muss und es wird einen spürbaren Unterschied machen, ob ein Land Mitglied der Familie der Europäischen Union sein möchte oder nicht."
    ));
    let text = doc.text();
    assert!(text.contains("Königreichs"));
    assert!(!text.contains("König-"));
    assert!(!text.contains("(A) (C)"));
    assert!(!text.contains("Wahlperiode – 181. Sitzung"));
    assert!(
        merkel
            .paragraphs
            .iter()
            .any(|p| p.role == Role::Interjection
                && doc.slice(p.range) == "(Beifall bei der CDU/CSU und der SPD)")
    );
    let speakers = doc.speakers();
    let merkel = speakers.iter().find(|s| s.name == "Angela Merkel").unwrap();
    assert_eq!(merkel.role.as_deref(), Some("Bundeskanzlerin"));
    let bartsch = speakers
        .iter()
        .find(|s| s.name == "Dietmar Bartsch")
        .unwrap();
    assert_eq!(bartsch.full_name, "Dr. Dietmar Bartsch");
    assert_eq!(bartsch.party.as_deref(), Some("DIE LINKE"));
    assert_eq!(speakers.len(), 12, "{speakers:?}");
}

#[test]
fn a_transcript_opens_with_its_speakers_as_actors() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/plain/sitzung.txt");
    let ws = randnotiz::workspace::Workspace::open_text(&path).unwrap();
    let actors = &ws.session().actors;
    let anna = actors
        .iter()
        .find(|a| a.name == "Anna Beispiel")
        .expect("the speaker is an actor");
    assert_eq!(anna.kind, randnotiz::actors::ActorKind::Person);
    assert!(anna.note.contains("SPD"), "{}", anna.note);
    assert!(anna.aliases.contains(&"Dr. Anna Beispiel".to_owned()));
    let chair = actors.iter().find(|a| a.name == "Claudia Roth").unwrap();
    assert!(chair.note.contains("Vizepräsidentin"), "{}", chair.note);
    // Each speaker once, each in a colour of its own.
    let mut colours: Vec<_> = actors.iter().map(|a| a.colour).collect();
    colours.dedup();
    assert_eq!(colours.len(), actors.len());
    // The mentions of their names are found like any actor's.
    let mentions = randnotiz::actors::mentions(actors, ws.document().text());
    let index = actors.iter().position(|a| a.id == anna.id).unwrap();
    assert!(mentions.iter().any(|m| m.actor == index));
}
