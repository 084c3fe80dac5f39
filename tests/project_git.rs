//! A project kept in git by two coders: each codes on a branch (new actors
//! in the registry, annotations in the same document and in others), and
//! real `git merge` with `randnotiz merge-driver` merges project file and
//! document files without anyone editing RON by hand.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use std::path::Path;
use std::process::Output;

use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::annotation::{Colour, Edit};
use randnotiz::workspace::project::{Progress, Project};

fn git(dir: &Path, args: &[&str]) -> Output {
    common::git(dir, &dir.join("../home"), args)
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "git {args:?}: {said}");
    said
}

/// Codes in document `doc`: a new actor (if given) and a passage marked
/// with it, saved as the window saves.
fn code(dir: &Path, doc: usize, passage: &str, actor: Option<(&str, &str)>) {
    let (mut project, _) = Project::open(dir).unwrap();
    corpus::edit_document(&mut project, doc, |workspace| {
        let mut actors = Vec::new();
        if let Some((id, name)) = actor {
            workspace
                .apply(Edit::AddActor {
                    actor: Actor::new(ActorId(id.into()), name, ActorKind::Person),
                    index: None,
                })
                .unwrap();
            actors.push(ActorId(id.into()));
        }
        let text = workspace.document().text().to_owned();
        let byte = text.find(passage).unwrap();
        let start = text[..byte].chars().count();
        let range = randnotiz::document::CharRange::new(start, start + passage.chars().count());
        let annotation = workspace.new_annotation(range, Colour::Green, actors, String::new());
        corpus::add(workspace, annotation);
    });
}

#[test]
fn two_coders_branches_merge_through_the_driver() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("projekt");
    let texts = corpus::write(&tmp.path().join("artikel"), 0..3);
    let mut project = Project::create(&dir, "Kasachstan").unwrap();
    project.add(&texts, true, &Progress::default()).unwrap();
    drop(project);

    ok(&dir, &["init", "-q", "-b", "main"]);
    ok(&dir, &["config", "user.name", "Test"]);
    ok(&dir, &["config", "user.email", "test@example.org"]);
    // As the README says.
    ok(&dir, &["config", "merge.randnotiz.name", "Randnotiz"]);
    let driver = format!(
        "'{}' merge-driver %O %A %B %P",
        env!("CARGO_BIN_EXE_randnotiz")
    );
    ok(&dir, &["config", "merge.randnotiz.driver", &driver]);
    // A coding to start from, in document 0.
    code(&dir, 0, "Tokajew", Some(("tokajew", "Tokajew")));
    ok(&dir, &["add", "-A"]);
    ok(&dir, &["commit", "-q", "-m", "base"]);

    // Anna: a new actor, a passage in document 0.
    ok(&dir, &["checkout", "-q", "-b", "anna"]);
    code(&dir, 0, "Nasarbajew", Some(("nasarbajew", "Nasarbajew")));
    ok(&dir, &["add", "-A"]);
    ok(&dir, &["commit", "-q", "-m", "anna"]);

    // Ben: another actor, a passage in document 0 and one in document 2.
    ok(&dir, &["checkout", "-q", "main"]);
    ok(&dir, &["checkout", "-q", "-b", "ben"]);
    code(&dir, 0, "Die OVKS", Some(("ovks", "OVKS")));
    code(&dir, 2, "heißt es am", None);
    ok(&dir, &["add", "-A"]);
    ok(&dir, &["commit", "-q", "-m", "ben"]);

    ok(&dir, &["checkout", "-q", "anna"]);
    ok(&dir, &["merge", "-q", "--no-edit", "ben"]);
    assert!(ok(&dir, &["status", "--porcelain"]).trim().is_empty());

    let (merged, notices) = Project::open(&dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let names: Vec<&str> = merged
        .file()
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Tokajew", "Nasarbajew", "OVKS"]);
    let quotes = |doc: usize| -> Vec<String> {
        merged
            .annotations(doc)
            .iter()
            .map(|a| a.quote().to_owned())
            .collect()
    };
    assert_eq!(quotes(0), ["Tokajew", "Nasarbajew", "Die OVKS"]);
    assert_eq!(quotes(2), ["heißt es am"]);
    // The document file still holds no actors of its own.
    let file = std::fs::read_to_string(dir.join("annotations/bericht-0000.ron")).unwrap();
    assert!(file.contains("actors: [],"), "{file}");
    // And it opens with every passage in place.
    let (workspace, report) = merged.open_document(0).unwrap();
    assert_eq!(report.orphaned, 0);
    assert_eq!(workspace.session().annotations.len(), 3);
}
