//! Several readers: `randnotiz merge` and `randnotiz agree` run as real
//! processes on real session files, the statement networks they feed, and
//! the merge rules (actors unified by name, identical annotations
//! recognised, another text refused).
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use randnotiz::actors::ActorId;
use randnotiz::analysis::merge;
use randnotiz::annotation::ConceptId;
use randnotiz::export::{Format, Input, network};
use randnotiz::workspace::Workspace;

fn randnotiz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap()
}

fn text(out: &[u8]) -> String {
    String::from_utf8(out.to_vec()).unwrap()
}

use common::two_readers;

fn load(path: &Path) -> Workspace {
    Workspace::open_session(path, None).unwrap().0
}

#[test]
fn merge_keeps_who_made_what_and_unifies_actors_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben) = two_readers(dir.path());
    let merged = dir.path().join("zusammen.ron");
    let out = randnotiz(&[
        "merge",
        anna.to_str().unwrap(),
        ben.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("6 Anmerkungen von ben"), "{said}");
    assert!(said.contains("zusammengeführt: OVKS"), "{said}");

    let ws = load(&merged);
    let session = ws.session();
    assert_eq!(session.annotations.len(), 11 + 6);
    let by = |r: &str| {
        session
            .annotations
            .iter()
            .filter(|a| a.reader.as_deref() == Some(r))
            .count()
    };
    assert_eq!(
        (by("anna"), by("ben")),
        (11, 6),
        "every annotation keeps its reader"
    );
    let mut ids: Vec<&str> = session
        .annotations
        .iter()
        .map(|a| a.id.0.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 17, "ids are unique");
    // One OVKS, with Ben's extra alias; his annotations point to it.
    assert!(session.actor(&ActorId("csto".into())).is_none());
    let ovks = session.actor(&ActorId("ovks".into())).unwrap();
    assert!(ovks.aliases.contains(&"Organisation".to_owned()));
    let bens_first = session
        .annotations
        .iter()
        .find(|a| a.reader.as_deref() == Some("ben"))
        .unwrap();
    assert!(bens_first.actors.contains(&ActorId("ovks".into())));
    assert_eq!(
        bens_first.statement.as_ref().unwrap().actor,
        ActorId("ovks".into())
    );
    assert_eq!(session.concepts.len(), 1);
    // Every annotation still sits on its quote.
    for a in &session.annotations {
        assert_eq!(ws.document().slice(a.range()), a.quote());
    }
    // The file says it needs format 2 (readers, statements).
    assert!(
        std::fs::read_to_string(&merged)
            .unwrap()
            .contains("format: 2,")
    );
}

#[test]
fn merging_the_same_reading_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben) = two_readers(dir.path());
    let merged = dir.path().join("zusammen.ron");
    let args = |a: &Path, b: &Path| {
        randnotiz(&[
            "merge",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "-o",
            merged.to_str().unwrap(),
        ])
    };
    assert!(args(&anna, &ben).status.success());
    // Ben's file again, and a renamed copy of Anna's.
    let copy = dir.path().join("anna-kopie.ron");
    std::fs::copy(&anna, &copy).unwrap();
    let again = args(&merged, &ben);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("6 identische Anmerkungen"),
        "{}",
        text(&again.stdout)
    );
    let copied = args(&merged, &copy);
    assert!(text(&copied.stdout).contains("11 identische Anmerkungen"));
    assert_eq!(load(&merged).session().annotations.len(), 17);
}

#[test]
fn a_session_on_another_text_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, _) = two_readers(dir.path());
    let other_text = dir.path().join("anders.txt");
    std::fs::write(&other_text, "Ein ganz anderer Text über Wahlen in Sachsen.").unwrap();
    let other = dir.path().join("anders.ron");
    let mut ws = Workspace::open_text(&other_text).unwrap();
    ws.save(&other).unwrap();
    let merged = dir.path().join("zusammen.ron");
    let out = randnotiz(&[
        "merge",
        anna.to_str().unwrap(),
        other.to_str().unwrap(),
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("anderen Text"), "{err}");
    assert!(!merged.exists());
}

#[test]
fn agree_on_two_files_and_on_the_merged_file_agree() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben) = two_readers(dir.path());
    let two = randnotiz(&[
        "agree",
        anna.to_str().unwrap(),
        ben.to_str().unwrap(),
        "--json",
    ]);
    assert!(two.status.success(), "{}", text(&two.stderr));
    let json: serde_json::Value = serde_json::from_str(&text(&two.stdout)).unwrap();
    assert_eq!(json["readers"], serde_json::json!(["anna", "ben"]));
    assert_eq!(json["annotations"], serde_json::json!([11, 6]));
    assert_eq!(json["unit"], "token");
    assert!(json["tokens"].as_u64().unwrap() > 400);
    let percent = json["overall"]["percent"].as_f64().unwrap();
    assert!(percent > 0.5 && percent < 1.0, "{percent}");
    let actors = json["actors"].as_array().unwrap();
    let actor = |id: &str| actors.iter().find(|a| a["actor"] == id).unwrap();
    // Every OVKS passage of Anna's is among the five Ben kept.
    assert_eq!(actor("ovks")["agreement"]["kappa"], 1.0);
    // Tokajew: Ben has two of Anna's four passages.
    let kappa = actor("tokajew")["agreement"]["kappa"].as_f64().unwrap();
    assert!(kappa > 0.3 && kappa < 1.0, "{kappa}");
    let coded = &actor("tokajew")["coded"];
    assert!(coded[1].as_u64() < coded[0].as_u64(), "{coded}");

    let merged = dir.path().join("zusammen.ron");
    assert!(
        randnotiz(&[
            "merge",
            anna.to_str().unwrap(),
            ben.to_str().unwrap(),
            "-o",
            merged.to_str().unwrap()
        ])
        .status
        .success()
    );
    let one = randnotiz(&["agree", merged.to_str().unwrap(), "--json"]);
    assert!(one.status.success(), "{}", text(&one.stderr));
    let from_merged: serde_json::Value = serde_json::from_str(&text(&one.stdout)).unwrap();
    assert_eq!(from_merged["overall"], json["overall"]);
    assert_eq!(from_merged["actors"], json["actors"]);

    // The table for people: every actor, κ and α, and how units are defined.
    let table = randnotiz(&["agree", anna.to_str().unwrap(), ben.to_str().unwrap()]);
    let table = text(&table.stdout);
    assert!(
        table.contains("Übereinstimmung zwischen anna (11 Anmerkungen) und ben (6 Anmerkungen)")
    );
    assert!(table.contains("OVKS") && table.contains("κ") && table.contains("α"));
    assert!(table.contains("mittleres Zeichen"));
}

#[test]
fn a_reading_agrees_perfectly_with_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, _) = two_readers(dir.path());
    let copy = dir.path().join("zweitlesung.ron");
    std::fs::copy(&anna, &copy).unwrap();
    let out = randnotiz(&[
        "agree",
        anna.to_str().unwrap(),
        copy.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(json["overall"]["percent"], 1.0);
    assert_eq!(json["overall"]["kappa"], 1.0);
    assert_eq!(json["overall"]["alpha"], 1.0);
}

#[test]
fn statement_networks_from_the_merged_reading() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben) = two_readers(dir.path());
    let mut base = load(&anna).session().clone();
    merge::name_reader(&mut base, "anna");
    randnotiz::i18n::set_lang(randnotiz::i18n::Lang::De);
    let report = merge::merge_into(&mut base, load(&ben).session(), "ben").unwrap();
    // a2–a4: the same passages with the same actors (a1 and a5 differ by
    // Ben's statements).
    assert_eq!(report.coded_alike, 3);
    let doc = randnotiz::document::bundled::document();
    let input = Input {
        session: &base,
        document: &doc,
        source: None,
    };

    // Two-mode: OVKS and Tokajew agree with the withdrawal, the
    // Menschenrechtler disagree.
    let graphml = network::concept_graphml(&input);
    let xml = roxmltree::Document::parse(&graphml).unwrap();
    let edges: Vec<(String, String, String)> = xml
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .map(|e| {
            let stance = e
                .children()
                .find(|d| d.attribute("key") == Some("stance"))
                .and_then(|d| d.text())
                .unwrap()
                .to_owned();
            (
                e.attribute("source").unwrap().to_owned(),
                e.attribute("target").unwrap().to_owned(),
                stance,
            )
        })
        .collect();
    assert_eq!(
        edges,
        [
            (
                "actor:menschenrechtler".into(),
                "concept:abzug".into(),
                "disagrees".into()
            ),
            ("actor:ovks".into(), "concept:abzug".into(), "agrees".into()),
            (
                "actor:tokajew".into(),
                "concept:abzug".into(),
                "agrees".into()
            ),
        ]
    );

    // One-mode: OVKS–Tokajew congruent; both in conflict with the
    // Menschenrechtler.
    let ties = network::actor_ties(&input);
    let id = |s: &str| ActorId(s.into());
    assert_eq!(
        ties[&(id("ovks"), id("tokajew"))].congruence,
        [ConceptId("abzug".into())]
    );
    assert!(ties[&(id("ovks"), id("tokajew"))].conflict.is_empty());
    assert_eq!(
        ties[&(id("menschenrechtler"), id("ovks"))].conflict.len(),
        1
    );
    assert_eq!(
        ties[&(id("menschenrechtler"), id("tokajew"))]
            .conflict
            .len(),
        1
    );
    let graphml = network::congruence_graphml(&input);
    let xml = roxmltree::Document::parse(&graphml).unwrap();
    let relations: Vec<&str> = xml
        .descendants()
        .filter(|n| n.attribute("key") == Some("relation"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(relations, ["conflict", "conflict", "congruence"]);

    // The exports by name, as the command line and the menu offer them.
    for format in [
        Format::Concepts,
        Format::Congruence,
        Format::ActorStats,
        Format::CoOccurrence,
    ] {
        assert_eq!(Format::from_name(format.name()), Some(format));
        assert!(
            !randnotiz::export::render(&input, format)
                .unwrap()
                .is_empty()
        );
    }
    // CSV and the report carry statements and readers.
    let csv = randnotiz::export::table::csv(&input);
    assert!(
        csv.contains("Menschenrechtler,Abzug der Truppen,disagrees"),
        "{csv}"
    );
    assert_eq!(csv.matches(",ben,").count(), 6, "the reader column");
    // W3C JSON-LD carries statements and readers, and reads them back.
    let json = randnotiz::export::w3c::export(&input);
    let fresh = randnotiz::annotation::Session::new(base.document.clone(), Vec::new());
    let imported = randnotiz::export::w3c::import(&json, &fresh, &doc).unwrap();
    let statements: Vec<_> = imported
        .annotations
        .iter()
        .filter_map(|a| a.statement.clone())
        .collect();
    assert_eq!(statements.len(), 3);
    assert!(
        statements
            .iter()
            .any(|s| s.actor == ActorId("menschenrechtler".into())
                && s.stance == randnotiz::annotation::Stance::Disagrees)
    );
    assert_eq!(imported.new_concepts.len(), 1);
    assert_eq!(imported.new_concepts[0].name, "Abzug der Truppen");
    assert_eq!(
        imported
            .annotations
            .iter()
            .filter(|a| a.reader.as_deref() == Some("ben"))
            .count(),
        6
    );

    // REFI-QDA: the readers are users, the statement a concept-stance code.
    let project = randnotiz::export::qdpx::project_xml(&input);
    let xml = roxmltree::Document::parse(&project).unwrap();
    let users: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name("User"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(users, ["Randnotiz", "anna", "ben"]);
    let code = xml
        .descendants()
        .find(|n| n.attribute("name") == Some("Abzug der Truppen – lehnt ab"))
        .unwrap();
    let coded = xml
        .descendants()
        .filter(|n| {
            n.has_tag_name("CodeRef") && n.attribute("targetGUID") == code.attribute("guid")
        })
        .count();
    assert_eq!(coded, 1, "the Menschenrechtler's statement");
    let report = randnotiz::export::report::markdown(&input);
    assert!(
        report.contains("Aussage: OVKS – stimmt zu – Abzug der Truppen"),
        "{report}"
    );
    assert!(report.contains("Leser/in: ben"));
}
