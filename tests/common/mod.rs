//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use randnotiz::actors::ActorId;
use randnotiz::anchor::Target;
use randnotiz::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, Session, Stance, Statement,
};
use randnotiz::document::CharRange;
use randnotiz::storage::{parse_session, session_to_ron};

/// A text with one passage marked as `[…]`: the text without the brackets
/// and the marked range in chars. Reads like the behaviour it tests.
pub fn marked(text: &str) -> (String, CharRange) {
    let open = text.find('[').expect("a [ in the text");
    let close = text.find(']').expect("a ] in the text");
    let start = text[..open].chars().count();
    let end = start + text[open + 1..close].chars().count();
    let plain = format!(
        "{}{}{}",
        &text[..open],
        &text[open + 1..close],
        &text[close + 1..]
    );
    (plain, CharRange::new(start, end))
}

/// A file under `tests/data`.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A file of the evaluation material beside the repository
/// (`../shared/RELATIVE`), or `None`, said on standard error, when it is
/// not there: tests that read it skip then, and do not fail.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("../shared/{relative} is not there: skipped");
        None
    }
}

/// A file under `assets`.
pub fn asset(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

/// The char range of the first occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> CharRange {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

pub fn example() -> Session {
    let text = std::fs::read_to_string(asset("example-session.ron")).unwrap();
    parse_session(&text).unwrap().0
}

pub fn statement(actor: &str, stance: Stance) -> Option<Statement> {
    Some(Statement {
        actor: ActorId(actor.into()),
        concept: ConceptId("abzug".into()),
        stance,
    })
}

/// Anna's reading is the example session. Ben read the same article: he
/// calls the OVKS "csto" in his actor list (same name), keeps Anna's first
/// five passages but codes them a minute later, marks one passage of his
/// own, and codes statements on the withdrawal.
pub fn two_readers(dir: &Path) -> (PathBuf, PathBuf) {
    let anna = dir.join("anna.ron");
    std::fs::copy(asset("example-session.ron"), &anna).unwrap();

    let mut ben = example();
    let doc = randnotiz::document::bundled::document();
    ben.actors[0].id = ActorId("csto".into());
    ben.actors[0].aliases.push("Organisation".into());
    ben.concepts
        .push(Concept::new(ConceptId("abzug".into()), "Abzug der Truppen"));
    ben.annotations.truncate(5);
    for a in &mut ben.annotations {
        for id in &mut a.actors {
            if id.as_str() == "ovks" {
                *id = ActorId("csto".into());
            }
        }
        a.created += jiff::SignedDuration::from_secs(60);
        a.modified = a.created;
        a.note = format!("Ben: {}", a.note);
    }
    ben.annotations[0].statement = statement("csto", Stance::Agrees);
    ben.annotations[4].statement = statement("tokajew", Stance::Agrees);
    let range = find(doc.text(), "Menschenrechtler mahnten");
    ben.annotations.push(Annotation {
        id: AnnotationId("a6".into()),
        reader: None,
        target: Target::from_range(&doc, range),
        colour: Colour::Green,
        actors: vec![ActorId("menschenrechtler".into())],
        statement: statement("menschenrechtler", Stance::Disagrees),
        note: String::new(),
        created: randnotiz::annotation::now(),
        modified: randnotiz::annotation::now(),
        extra: Default::default(),
    });
    let path = dir.join("ben.ron");
    std::fs::write(&path, session_to_ron(&ben).unwrap()).unwrap();
    (anna, path)
}

/// Runs git in `dir` with `home` as its home, without the system's or the
/// user's configuration (and with Randnotiz's messages in English, for a
/// merge driver it runs).
pub fn git(dir: &Path, home: &Path, args: &[&str]) -> std::process::Output {
    std::fs::create_dir_all(home).unwrap();
    std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("GIT_EDITOR", "true")
        .env("RANDNOTIZ_LANG", "en")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap()
}

/// Validates a `project.qde` against the REFI-QDA schema with xmllint, as
/// `.ci/export-checks` does; says so and passes when xmllint is missing.
pub fn validate_qde(qde: &Path) {
    let schema = data("refi/Project-mrt2019.xsd");
    match std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(qde)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "project.qde does not validate:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("xmllint not run ({e}): the schema check is left to .ci/export-checks"),
    }
}
