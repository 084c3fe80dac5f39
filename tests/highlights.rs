//! Zotero notes (Markdown) and KOReader's highlight export (JSON), out and
//! back in: a round trip of the bundled reading through each format, and
//! files in the apps' own shapes (`tests/data/highlights`, written for
//! these tests) with a quote not in the text and one that stands twice.
#![allow(clippy::unwrap_used)]

mod common;

use randnotiz::actors::ActorId;
use randnotiz::annotation::{Colour, Concept, ConceptId, Edit, Session, Stance, Statement};
use randnotiz::export::highlights::{self, Kind};
use randnotiz::export::{self, Format, Input};
use randnotiz::workspace::Workspace;

fn example() -> Workspace {
    Workspace::open_session(&common::asset("example-session.ron"), None)
        .unwrap()
        .0
}

/// The example reading with more to carry: a statement, a note with
/// Markdown's and JSON's special characters and a line break, every colour.
fn rich_example() -> Workspace {
    let mut ws = example();
    let concept = Concept::new(ConceptId("abzug".into()), "Abzug der Truppen");
    ws.apply(Edit::AddConcept {
        concept,
        index: None,
    })
    .unwrap();
    let mut changed_all = Vec::new();
    for (i, a) in ws.session().annotations.iter().enumerate() {
        let mut changed = a.clone();
        changed.colour = Colour::ALL[i % Colour::ALL.len()];
        if i == 0 {
            changed.note =
                "*Nicht* [belegt] <b>#1</b> & \"so\"\\n\nzweite Zeile _x_ (Quelle: AFP)".into();
            changed.statement = Some(Statement {
                actor: changed.actors[0].clone(),
                concept: ConceptId("abzug".into()),
                stance: Stance::Agrees,
            });
        }
        changed_all.push(changed);
    }
    ws.apply(Edit::ReplaceAnnotations(changed_all)).unwrap();
    ws
}

fn input(ws: &Workspace) -> Input<'_> {
    Input {
        session: ws.session(),
        document: ws.document(),
        source: ws.document_path(),
    }
}

fn actor_names(session: &Session, ids: &[ActorId]) -> Vec<String> {
    ids.iter()
        .map(|id| session.actor(id).unwrap().name.clone())
        .collect()
}

fn statement_of(session: &Session, s: Option<&Statement>) -> Option<(String, String, Stance)> {
    s.map(|s| {
        (
            session.actor(&s.actor).unwrap().name.clone(),
            session.concept(&s.concept).unwrap().name.clone(),
            s.stance,
        )
    })
}

/// Exports the rich example in `format`, imports it into a fresh session on
/// the same text, and compares every annotation.
fn round_trip(format: Format, kind: Kind, same_time: fn(i64, i64) -> bool) {
    let ws = rich_example();
    let bytes = export::render(&input(&ws), format).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let (back, skipped) = highlights::import_session(kind, &text, ws.document(), None).unwrap();
    let original = ws.session();
    assert_eq!(
        back.annotations.len(),
        original.annotations.len(),
        "{skipped:?}"
    );
    // Only the new actors are said: nothing left out, nothing guessed.
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(skipped[0].contains("OVKS"), "{skipped:?}");
    for a in &original.annotations {
        let b = back
            .annotations
            .iter()
            .find(|b| b.range() == a.range())
            .unwrap_or_else(|| panic!("{:?} not back", a.quote()));
        assert_eq!(b.target, a.target);
        assert_eq!(b.note, a.note.trim(), "{:?}", a.quote());
        assert_eq!(b.colour, a.colour, "{:?}", a.quote());
        assert_eq!(
            actor_names(&back, &b.actors),
            actor_names(original, &a.actors)
        );
        assert_eq!(
            statement_of(&back, b.statement.as_ref()),
            statement_of(original, a.statement.as_ref())
        );
        assert!(
            same_time(b.created.as_millisecond(), a.created.as_millisecond()),
            "{} vs {}",
            b.created,
            a.created
        );
    }
}

#[test]
fn a_reading_goes_through_a_zotero_note_and_back() {
    round_trip(Format::ZoteroMd, Kind::Zotero, |a, b| a == b);
}

#[test]
fn a_reading_goes_through_koreaders_json_and_back() {
    // KOReader counts seconds.
    round_trip(Format::KoreaderJson, Kind::Koreader, |a, b| {
        a / 1000 == b / 1000
    });
}

#[test]
fn the_exports_have_the_apps_shapes() {
    let ws = rich_example();
    let md = highlights::zotero::export(&input(&ws));
    let first = md
        .lines()
        .find(|l| l.contains("Das von Russland angeführte"))
        .unwrap();
    assert!(
        first.starts_with("<mark style=\"background-color: #ffd400\""),
        "{first}"
    );
    assert!(first.contains("”</mark> ("), "{first}");
    assert!(first.contains("2022, para. 1)"), "{first}");
    assert!(
        first.ends_with("#OVKS #Russland #OVKS/agrees/Abzug_der_Truppen"),
        "{first}"
    );
    assert!(
        first.contains("\\*Nicht\\* \\[belegt\\] \\<b\\>\\#1"),
        "{first}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&highlights::koreader::export(&input(&ws))).unwrap();
    assert_eq!(json["title"], ws.document().title_or_default());
    assert!(json["version"].as_str().unwrap().starts_with("randnotiz/"));
    let entry = &json["entries"][0];
    assert_eq!(entry["sort"], "highlight");
    assert_eq!(entry["drawer"], "lighten");
    assert_eq!(entry["color"], "yellow");
    assert_eq!(entry["page"], 1);
    assert!(entry["time"].is_i64());
    assert!(
        entry["note"]
            .as_str()
            .unwrap()
            .ends_with("\n\n#OVKS #Russland #OVKS/agrees/Abzug_der_Truppen")
    );
    let entries = json["entries"].as_array().unwrap();
    assert!(entries.iter().any(|e| e["color"] == "pink"));
}

/// The example session without its annotations: its actors, its text.
fn empty_example() -> Workspace {
    let mut ws = example();
    let all = ws
        .session()
        .annotations
        .iter()
        .map(|a| a.id.clone())
        .collect();
    ws.apply(Edit::RemoveAnnotations(all)).unwrap();
    ws
}

fn quoted<'s>(
    session: &'s Session,
    doc: &randnotiz::document::Document,
    quote: &str,
) -> &'s randnotiz::annotation::Annotation {
    session
        .annotations
        .iter()
        .find(|a| doc.slice(a.range()) == quote)
        .unwrap_or_else(|| panic!("{quote:?} not imported"))
}

#[test]
fn a_zotero_note_comes_in_by_its_quotes() {
    let mut ws = empty_example();
    let report = ws
        .import_highlights(&common::data("highlights/zotero-note.md"), Kind::Zotero)
        .unwrap();
    assert_eq!(report.added, 5, "{:?}", report.skipped);
    let said = report.skipped.join("\n");
    assert!(said.contains("Absatz 3 der Notiz zitiert nichts"), "{said}");
    assert!(
        said.contains("„Die Panzer rollten durch Nur-Sultan“ (Seite 2) steht nicht im Text"),
        "{said}"
    );
    assert!(
        said.contains("„Die kasachische Regierung“ (Seite 2) steht 2-mal im Text"),
        "{said}"
    );
    let session = ws.session();
    let doc = ws.document();
    let first = quoted(
        session,
        doc,
        "Das von Russland angeführte Militärbündnis sieht seine Mission erfüllt",
    );
    assert_eq!(first.note, "Erfolgsbehauptung, ohne Beleg.");
    assert_eq!(first.actors, [ActorId("ovks".into())]);
    assert_eq!(first.colour, Colour::Yellow);
    // Widened to whole words, as a passage marked in Randnotiz is (the
    // quotation marks cling to the words), and said.
    let objects = quoted(session, doc, "\"sozial wichtige Objekte\"");
    assert!(
        said.contains("1 Passagen beginnen oder enden mitten im Wort"),
        "{said}"
    );
    assert_eq!(
        objects.note,
        "Was genau? Wer hat sie bewacht?\nZitat aus dem Ministerium, nicht überprüft."
    );
    assert_eq!(actor_names(session, &objects.actors), ["Russland", "OVKS"]);
    assert_eq!(
        statement_of(session, objects.statement.as_ref()),
        Some(("OVKS".into(), "Abzug der Truppen".into(), Stance::Agrees))
    );
    // The ambiguous one is on its first place.
    let government = quoted(session, doc, "Die kasachische Regierung");
    let first_place = common::find(doc.text(), "Die kasachische Regierung");
    assert_eq!(government.range(), first_place);
    let blockquote = quoted(
        session,
        doc,
        "Tokajew erklärt dennoch, es seien Hunderte Zivilisten und Angehörige der Sicherheitskräfte getötet und verletzt worden.",
    );
    assert_eq!(blockquote.note, "Mehr als die offiziellen 164.");
    assert_eq!(blockquote.actors, [ActorId("tokajew".into())]);
    let green = quoted(session, doc, "Menschenrechtler mahnten");
    assert_eq!(green.colour, Colour::Green);
    assert_eq!(green.actors, [ActorId("menschenrechtler".into())]);
    // One undo step takes it all back.
    assert!(ws.undo());
    assert!(ws.session().annotations.is_empty());
    assert!(ws.session().concepts.is_empty());
}

#[test]
fn a_koreader_export_comes_in_by_its_quotes() {
    let mut ws = empty_example();
    let report = ws
        .import_highlights(&common::data("highlights/koreader.json"), Kind::Koreader)
        .unwrap();
    assert_eq!(report.added, 5, "{:?}", report.skipped);
    let said = report.skipped.join("\n");
    assert!(
        said.contains(
            "„Die Regierung in Nur-Sultan schweigt zu den Opfern.“ (Seite 4) steht nicht im Text"
        ),
        "{said}"
    );
    assert!(
        said.contains("„Die kasachische Regierung“ (Seite 3) steht 2-mal im Text"),
        "{said}"
    );
    assert!(
        said.contains("1 Markierungen waren unterstrichen"),
        "{said}"
    );
    let session = ws.session();
    let doc = ws.document();
    // Twice in the text, once in the chapter KOReader names.
    let week = quoted(session, doc, "in der vergangenen Woche");
    let second = common::find(doc.text(), "Der Flugverkehr war in der vergangenen Woche");
    assert_eq!(week.range().end, second.end);
    assert_eq!(week.colour, Colour::Green);
    assert_eq!(week.note, "Flughafen wieder offen.");
    assert_eq!(week.actors, [ActorId("kasachische-regierung".into())]);
    assert_eq!(week.created.as_second(), 1_642_068_600);
    let promise = quoted(
        session,
        doc,
        "Er versprach, die Schäden in der größten Stadt und Finanzmetropole des ölreichen Landes beheben zu lassen.",
    );
    assert_eq!(promise.colour, Colour::Blue);
    assert_eq!(promise.actors, [ActorId("tokajew".into())]);
    assert!(promise.note.is_empty());
    assert_eq!(
        quoted(
            session,
            doc,
            "Unklar bleibt das Schicksal der Festgenommen."
        )
        .colour,
        Colour::Yellow
    );
}

#[test]
fn the_command_line_imports_both_and_names_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    for (file, found) in [("zotero-note.md", "5"), ("koreader.json", "5")] {
        let out = dir.path().join(format!("{file}.ron"));
        let result = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
            .args([
                "import",
                common::data("highlights").join(file).to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ])
            .env("RANDNOTIZ_LANG", "de")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&result.stderr);
        assert!(result.status.success(), "{file}: {stderr}");
        assert!(stderr.contains("steht nicht im Text"), "{file}: {stderr}");
        assert!(
            String::from_utf8_lossy(&result.stdout)
                .contains(&format!("{found} Anmerkungen importiert")),
            "{file}: {}",
            String::from_utf8_lossy(&result.stdout)
        );
        let (ws, _) = Workspace::open_session(&out, None).unwrap();
        assert_eq!(ws.session().annotations.len(), 5);
    }
    // And back out, for a project too.
    let session = common::asset("example-session.ron");
    for format in ["zotero-md", "koreader-json"] {
        let out = dir.path().join(format!("export.{format}"));
        let result = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
            .args([
                "export",
                session.to_str().unwrap(),
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        let back = dir.path().join(format!("back.{format}.ron"));
        let result = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
            .args([
                "import",
                out.to_str().unwrap(),
                "-o",
                back.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        let (ws, _) = Workspace::open_session(&back, None).unwrap();
        assert_eq!(
            ws.session().annotations.len(),
            example().session().annotations.len()
        );
    }
}

fn randnotiz(args: &[&str]) -> String {
    let result = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    String::from_utf8(result.stdout).unwrap()
}

#[test]
fn a_project_goes_out_as_one_note_and_one_export_of_several_books() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    std::fs::write(path("artikel.txt"), randnotiz::document::bundled::ARTICLE).unwrap();
    // A session on that text, by way of a KOReader export of the example.
    let session = common::asset("example-session.ron");
    let session = session.to_str().unwrap();
    let json = randnotiz(&["export", session, "--format", "koreader-json"]);
    std::fs::write(path("lesung.json"), json).unwrap();
    randnotiz(&[
        "import",
        &path("lesung.json"),
        "--text",
        &path("artikel.txt"),
        "-o",
        &path("artikel.ron"),
    ]);
    randnotiz(&["project", "new", &path("projekt")]);
    randnotiz(&["project", "add", &path("projekt"), &path("artikel.ron")]);
    let count = example().session().annotations.len();

    let json = randnotiz(&["export", &path("projekt"), "--format", "koreader-json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let books = json["documents"].as_array().unwrap();
    assert_eq!(books.len(), 1);
    assert_eq!(books[0]["entries"].as_array().unwrap().len(), count);

    let md = randnotiz(&["export", &path("projekt"), "--format", "zotero-md"]);
    assert_eq!(md.matches("\n## ").count(), 1, "{md}");
    assert_eq!(md.matches("<mark ").count(), count, "{md}");
}

#[test]
fn web_annotations_still_come_in_through_the_same_verb() {
    let ws = example();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("w3c.json");
    std::fs::write(&file, export::w3c::export(&input(&ws))).unwrap();
    assert_eq!(
        Kind::detect(&file, &std::fs::read_to_string(&file).unwrap()),
        None
    );
    let mut fresh = Workspace::new(randnotiz::document::bundled::document(), None, Vec::new());
    let report = fresh.import_any(&file).unwrap();
    assert_eq!(report.added, ws.session().annotations.len());
}

#[test]
fn page_numbers_past_any_book_are_no_panic_and_no_lost_highlight() {
    let json = std::fs::read_to_string(common::data("highlights/koreader.json"))
        .unwrap()
        .replace(
            "\"number_of_pages\": 5",
            "\"number_of_pages\": 18446744073709551615",
        )
        .replace("\"page\": 2,", "\"page\": 18446744073709551615,");
    let ws = empty_example();
    let (session, _) = highlights::import_session(Kind::Koreader, &json, ws.document(), None)
        .expect("a file with absurd page numbers still imports");
    // The page says nothing any more; every quote is still looked for.
    let week = session
        .annotations
        .iter()
        .filter(|a| a.quote() == "in der vergangenen Woche")
        .count();
    assert_eq!(week, 1);
}
