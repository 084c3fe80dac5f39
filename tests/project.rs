//! Projects: a corpus of articles in one folder with one set of actors.
//! Made, filled and listed through the command line as a user does, opened
//! and edited through the library as the window does; and the bad input of
//! the issue: files that are not texts, identical texts, a text removed, a
//! newer project file, a damaged one, a writer killed while saving.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use corpus::{randnotiz, stderr};

use std::path::{Path, PathBuf};
use std::process::Command;

use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::annotation::{Colour, Edit};
use randnotiz::storage::{self, ProjectError};
use randnotiz::workspace::project::{Project, TextState};

fn list_json(dir: &Path) -> Vec<serde_json::Value> {
    let out = randnotiz(&[&"project", &"list", &dir, &"--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

/// A project with articles 0..n added (referenced, not copied).
fn project_with(dir: &Path, n: usize) -> (PathBuf, Vec<PathBuf>) {
    let project = dir.join("projekt");
    let texts = corpus::write(&dir.join("artikel"), 0..n);
    assert!(randnotiz(&[&"project", &"new", &project]).status.success());
    let out = randnotiz(&[&"project", &"add", &project, &dir.join("artikel")]);
    assert!(out.status.success(), "{}", stderr(&out));
    (project, texts)
}

#[test]
fn a_folder_of_articles_becomes_a_project_with_their_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let (project, _) = project_with(tmp.path(), 12);
    for name in ["project.ron", ".gitattributes", ".gitignore"] {
        assert!(project.join(name).is_file(), "{name}");
    }
    let attributes = std::fs::read_to_string(project.join(".gitattributes")).unwrap();
    assert!(attributes.contains("*.ron merge=randnotiz"));

    let listed = list_json(&project);
    assert_eq!(listed.len(), 12);
    let third = &listed[3];
    assert_eq!(third["title"], "Lage in Kasachstan, Bericht 3");
    assert_eq!(third["outlet"], "Wochenspiegel");
    assert_eq!(third["date"], "2022-01-04");
    assert_eq!(third["author"], "Redaktion Tagesblatt");
    assert_eq!(third["annotations"], 0);
    assert_eq!(third["text"], "same");
    assert_eq!(third["path"], "../artikel/bericht-0003.md");
    // Ids are the files' names, unique.
    let ids: std::collections::HashSet<_> = listed.iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids.len(), 12);

    // Making it again is refused, and the project is untouched.
    let before = std::fs::read(project.join("project.ron")).unwrap();
    let again = randnotiz(&[&"project", &"new", &project]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already holds a project"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read(project.join("project.ron")).unwrap(), before);
}

#[test]
fn what_is_not_a_text_or_already_there_is_named_and_passed_over() {
    let tmp = tempfile::tempdir().unwrap();
    let (project, texts) = project_with(tmp.path(), 3);
    let extra = tmp.path().join("mehr");
    std::fs::create_dir_all(extra.join("unten")).unwrap();
    std::fs::write(extra.join("bild.png"), [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
    std::fs::write(extra.join("kaputt.pdf"), b"%PDF-1.4 not really").unwrap();
    std::fs::copy(&texts[1], extra.join("unten/kopie.md")).unwrap();
    std::fs::write(extra.join("unten/neu.txt"), corpus::article(77)).unwrap();

    let out = randnotiz(&[&"project", &"add", &project, &extra, &"--copy"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("bild.png: not a text"), "{said}");
    assert!(said.contains("kaputt.pdf"), "{said}");
    assert!(
        said.contains("kopie.md: the same text as “Lage in Kasachstan, Bericht 1”"),
        "{said}"
    );
    assert!(
        said.contains("1 documents added, 3 files passed over"),
        "{said}"
    );

    let listed = list_json(&project);
    assert_eq!(listed.len(), 4);
    // Copied in: the project folder holds the text.
    assert_eq!(listed[3]["path"], "texts/neu.txt");
    assert!(project.join("texts/neu.txt").is_file());
}

#[test]
fn a_session_joins_with_its_annotations_and_the_project_keeps_its_actors() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 2);
    let session = common::asset("example-session.ron");
    let out = randnotiz(&[&"project", &"add", &dir, &session]);
    assert!(out.status.success(), "{}", stderr(&out));
    let example = common::example();

    let (project, notices) = Project::open(&dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let index = project.documents().len() - 1;
    assert_eq!(project.annotations(index).len(), example.annotations.len());
    assert_eq!(project.file().actors.len(), example.actors.len());

    // Opened, it is the session as it was: every passage anchored, with
    // the project's actors.
    let (mut workspace, report) = project.open_document(index).unwrap();
    assert_eq!(report.orphaned, 0, "{report:?}");
    assert!(workspace.is_shared());
    assert_eq!(workspace.session().annotations, example.annotations);

    // A new actor and a recoloured passage, saved: the actor goes to the
    // project file, the passage to the document's own file, which holds
    // no actors.
    let mut project = project;
    workspace
        .apply(Edit::AddActor {
            actor: Actor::new(ActorId("moskau".into()), "Moskau", ActorKind::State),
            index: None,
        })
        .unwrap();
    let mut first = workspace.session().annotations[0].clone();
    first.colour = Colour::Red;
    workspace.apply(Edit::ReplaceAnnotation(first)).unwrap();
    let path = project.annotations_path(index);
    workspace.save(&path).unwrap();
    project.take_back(index, &workspace).unwrap();

    let own = std::fs::read_to_string(&path).unwrap();
    assert!(own.contains("actors: [],"), "{own}");
    assert!(own.contains("colour: Red"), "{own}");
    let registry = std::fs::read_to_string(dir.join("project.ron")).unwrap();
    assert!(registry.contains("\"Moskau\""), "{registry}");

    let (again, _) = Project::open(&dir).unwrap();
    assert!(again.file().actors.iter().any(|a| a.name == "Moskau"));
    assert_eq!(again.annotations(index)[0].colour, Colour::Red);
    let (reopened, report) = again.open_document(index).unwrap();
    assert!(report.notices.is_empty(), "{:?}", report.notices);
    assert_eq!(reopened.session().actors, again.file().actors);

    // The document's file is an ordinary session: `check` takes it.
    let out = randnotiz(&[&"check", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_text_removed_from_disk_is_reported_and_its_annotations_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, texts) = project_with(tmp.path(), 3);
    let (mut project, _) = Project::open(&dir).unwrap();
    corpus::edit_document(&mut project, 1, |workspace| {
        let range = randnotiz::document::CharRange::new(200, 230);
        let annotation =
            workspace.new_annotation(range, Colour::Yellow, Vec::new(), "wichtig".into());
        corpus::add(workspace, annotation);
    });

    std::fs::remove_file(&texts[1]).unwrap();
    std::fs::write(&texts[2], "Ganz anderer Text.").unwrap();
    let (project, _) = Project::open(&dir).unwrap();
    assert_eq!(
        project.text_states(),
        [TextState::Same, TextState::Missing, TextState::Changed]
    );
    let err = project.open_document(1).unwrap_err().to_string();
    assert!(err.contains("bericht-0001.md"), "{err}");
    assert_eq!(project.annotations(1).len(), 1, "the note is still there");

    let out = randnotiz(&[&"project", &"list", &dir]);
    assert!(out.status.success());
    let said = stderr(&out);
    assert!(said.contains("is missing"), "{said}");
    assert!(said.contains("has changed"), "{said}");
    let listed = list_json(&dir);
    assert_eq!(listed[1]["annotations"], 1);
    assert_eq!(listed[1]["text"], "missing");
}

#[test]
fn a_damaged_or_newer_project_file_is_refused_clearly_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 2);
    let file = dir.join("project.ron");
    let good = std::fs::read_to_string(&file).unwrap();

    let broken = good.replacen("),", ")", 1);
    std::fs::write(&file, &broken).unwrap();
    let err = Project::open(&dir).unwrap_err();
    assert!(matches!(err, ProjectError::Syntax { .. }), "{err}");
    let out = randnotiz(&[&"project", &"list", &dir]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("damaged: line"), "{}", stderr(&out));
    let added = randnotiz(&[
        &"project",
        &"add",
        &dir,
        &common::asset("000_350a11ec01cad79f.txt"),
    ]);
    assert!(!added.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken);

    let newer = good.replacen("format: 1", "format: 7", 1) + "\n";
    let newer = newer.replacen("name:", "shiny: Glitter(true),\n    name:", 1);
    std::fs::write(&file, &newer).unwrap();
    let err = Project::open(&dir).unwrap_err();
    assert!(matches!(err, ProjectError::Newer { found: 7, .. }), "{err}");
    let out = randnotiz(&[&"project", &"list", &dir]);
    assert!(stderr(&out).contains("has format 7"), "{}", stderr(&out));

    // A field this version does not know: the project opens, says so, and
    // will not write the file over it.
    let unknown = good.replacen("name:", "priority: 5,\n    name:", 1);
    std::fs::write(&file, &unknown).unwrap();
    let (mut project, notices) = Project::open(&dir).unwrap();
    assert!(
        notices.iter().any(|n| n.contains("priority")),
        "{notices:?}"
    );
    assert!(!project.registry_writable());
    assert!(project.add_attribute("Ressort").is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), unknown);
}

#[test]
fn two_writers_of_the_project_file_keep_both_their_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 2);
    let (mut mine, _) = Project::open(&dir).unwrap();
    let (mut theirs, _) = Project::open(&dir).unwrap();
    theirs.add_attribute("Tendenz").unwrap();
    theirs
        .edit_entry(0, |e| {
            e.attributes.insert("Tendenz".into(), "kritisch".into());
        })
        .unwrap();
    corpus::edit_document(&mut theirs, 0, |workspace| {
        workspace
            .apply(Edit::AddActor {
                actor: Actor::new(ActorId("moskau".into()), "Moskau", ActorKind::State),
                index: None,
            })
            .unwrap();
    });

    // Mine still knows the file as it was; my change merges theirs in.
    mine.add_attribute("Ressort").unwrap();
    let (merged, _) = Project::open(&dir).unwrap();
    assert!(merged.file().actors.iter().any(|a| a.name == "Moskau"));
    assert_eq!(merged.file().attributes, ["Ressort", "Tendenz"]);
    assert_eq!(merged.documents()[0].attributes["Tendenz"], "kritisch");
}

#[test]
fn two_writers_of_one_documents_fields_keep_both_and_name_a_clash() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 2);
    let (mut mine, _) = Project::open(&dir).unwrap();
    let (mut theirs, _) = Project::open(&dir).unwrap();
    theirs
        .edit_entry(0, |e| {
            e.author = Some("Redaktion Nord".into());
            e.outlet = Some("Abendpost".into());
        })
        .unwrap();
    // Mine sets the date (theirs left it) and the outlet (theirs set it
    // too, otherwise): the date and their author stay, the outlet is mine
    // and the clash is said.
    mine.edit_entry(0, |e| {
        e.date = Some("2022-02-01".into());
        e.outlet = Some("Morgenblatt".into());
    })
    .unwrap();
    let (merged, _) = Project::open(&dir).unwrap();
    let entry = &merged.documents()[0];
    assert_eq!(entry.author.as_deref(), Some("Redaktion Nord"));
    assert_eq!(entry.date.as_deref(), Some("2022-02-01"));
    assert_eq!(entry.outlet.as_deref(), Some("Morgenblatt"));
    let conflicts = mine.take_conflicts();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert!(conflicts[0].contains("outlet"), "{conflicts:?}");
    assert!(mine.take_conflicts().is_empty(), "said once");
}

#[test]
fn a_writer_killed_while_saving_a_large_project_loses_nothing() {
    // A project of 2 000 documents, then one more added again and again,
    // each time killed (SIGKILL: no chance to clean up) at another moment of
    // its run, some in the middle of writing the project file. Every kill
    // leaves the project as it was or as it became: never a damaged file,
    // never fewer documents.
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 2000);
    let more = corpus::write(&tmp.path().join("mehr"), 5000..5030);
    let add = |file: &Path| {
        Command::new(env!("CARGO_BIN_EXE_randnotiz"))
            .args(["project", "add"])
            .arg(&dir)
            .arg(file)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let started = std::time::Instant::now();
    add(&more[0]).wait().unwrap();
    let whole = started.elapsed();
    let mut last = 2001;
    for (i, file) in more[1..].iter().enumerate() {
        let mut child = add(file);
        // From a third of a whole run to its end.
        let fraction = 0.33 + 0.67 * (i as f64) / (more.len() as f64 - 1.0);
        std::thread::sleep(whole.mul_f64(fraction));
        child.kill().unwrap();
        child.wait().unwrap();
        let text = std::fs::read_to_string(dir.join(storage::PROJECT_FILE)).unwrap();
        let (file, _) = storage::parse_project(&text, &dir).unwrap();
        assert!(
            file.documents.len() >= last,
            "{} < {last}",
            file.documents.len()
        );
        last = file.documents.len();
    }
    let (project, notices) = Project::open(&dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(project.documents().len(), last);
}

#[test]
fn corpus_search_lists_hits_in_context_and_codes_them_all() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 6);
    let out = randnotiz(&[&"search", &dir, &"OVKS", &"--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let total = found["total"].as_u64().unwrap();
    assert!(total > 6, "{found}");
    let first = &found["hits"][0];
    assert_eq!(first["hit"], "OVKS");
    assert!(first["left"].as_str().unwrap().ends_with("ie "), "{first}");
    assert_eq!(first["coded"], false);

    // A regular expression, case aside.
    let out = randnotiz(&[
        &"search",
        &dir,
        &r"kritisier\w*\s+die",
        &"--regex",
        &"--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let regex: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(regex["total"].as_u64().unwrap() > 0);
    let bad = randnotiz(&[&"search", &dir, &"(unclosed", &"--regex"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("regular expression is not valid"),
        "{}",
        stderr(&bad)
    );

    // Code all these: a new actor, every hit an annotation; then marked.
    let out = randnotiz(&[
        &"search",
        &dir,
        &"OVKS",
        &"--annotate",
        &"OVKS",
        &"--colour",
        &"red",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!("{total} annotations for OVKS")),
        "{said}"
    );
    let (project, _) = Project::open(&dir).unwrap();
    assert!(project.file().actors.iter().any(|a| a.name == "OVKS"));
    let coded: usize = (0..6).map(|i| project.annotations(i).len()).sum();
    assert_eq!(coded as u64, total);
    assert!(
        project
            .all_annotations()
            .all(|(_, a)| a.colour == Colour::Red)
    );
    let again = randnotiz(&[&"search", &dir, &"OVKS", &"--json"]);
    let found: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(found["hits"][0]["coded"], true);
    // Running it again adds nothing twice.
    let out = randnotiz(&[&"search", &dir, &"OVKS", &"--annotate", &"ovks"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("0 annotations"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn coding_all_hits_is_one_step_taken_back_without_touching_later_edits() {
    use randnotiz::analysis::corpus_search::{CorpusIndex, Query};
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 4);
    let (mut project, _) = Project::open(&dir).unwrap();
    let texts = project.load_all();
    let index = CorpusIndex::build(texts.iter().map(|t| t.as_ref().unwrap().text()));
    let found = index.search(&Query::parse("Moskau", false).unwrap(), 1000);
    assert!(found.total > 3);
    project
        .add_actor(Actor::new(
            ActorId("moskau".into()),
            "Moskau",
            ActorKind::State,
        ))
        .unwrap();
    let hits: Vec<_> = found.hits.iter().map(|h| (h.doc, h.range)).collect();
    let step = project
        .mark_hits(&hits, Colour::Blue, &ActorId("moskau".into()))
        .unwrap();
    assert_eq!(step.added, found.total);
    let marked: usize = (0..4).map(|i| project.annotations(i).len()).sum();
    assert_eq!(marked, found.total);

    // The reader writes a note on one of them meanwhile.
    let doc = found.hits[0].doc;
    corpus::edit_document(&mut project, doc, |workspace| {
        let mut kept = workspace.session().annotations[0].clone();
        kept.note = "Moskau schickt Truppen".into();
        workspace.apply(Edit::ReplaceAnnotation(kept)).unwrap();
    });

    project.undo_marks(&step).unwrap();
    let (reopened, _) = Project::open(&dir).unwrap();
    let left: Vec<_> = reopened.all_annotations().map(|(_, a)| a.clone()).collect();
    // Every marked passage is gone, but not the one the reader changed.
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].note, "Moskau schickt Truppen");
}

#[test]
fn a_folder_of_ten_thousand_files_is_walked_and_what_is_no_text_passed_over() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = project_with(tmp.path(), 1);
    let folder = tmp.path().join("alles");
    for n in 0..100 {
        let sub = folder.join(format!("ordner-{n:03}"));
        std::fs::create_dir_all(&sub).unwrap();
        for m in 0..100 {
            std::fs::write(sub.join(format!("bild-{m:03}.jpg")), [0xff, 0xd8]).unwrap();
        }
    }
    corpus::write(&folder.join("ordner-050"), 20..23);
    let (mut project, _) = Project::open(&dir).unwrap();
    let report = project
        .add(
            &[folder],
            false,
            &randnotiz::workspace::project::Progress::default(),
        )
        .unwrap();
    assert_eq!(report.added.len(), 3);
    assert_eq!(report.skipped.len(), 10_000);
    assert!(
        report.skipped[0].why.contains("bild-000.jpg"),
        "{:?}",
        report.skipped[0]
    );
    assert_eq!(Project::open(&dir).unwrap().0.documents().len(), 4);
}
