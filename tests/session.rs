//! Sessions: the example session, saving and reopening, atomic saves with
//! backups, undo and redo, broken and hostile files, changed texts.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use randnotiz::actors::ActorId;
use randnotiz::annotation::{Colour, Edit};
use randnotiz::storage::{self, SessionError};
use randnotiz::workspace::{AnchorState, DocumentMatch, OpenError, Workspace};

fn example() -> std::path::PathBuf {
    common::asset("example-session.ron")
}

#[test]
fn the_example_session_loads_and_anchors_every_annotation() {
    let (ws, report) = Workspace::open_session(&example(), None).unwrap();
    let session = ws.session();
    assert_eq!(report.relation, DocumentMatch::Same);
    assert_eq!((report.anchored, report.moved, report.orphaned), (11, 0, 0));
    assert!(report.notices.is_empty(), "{:?}", report.notices);
    assert!(!ws.is_dirty());
    assert!(session.actors.len() >= 6);
    // Notes with quotes, commas, newlines and umlauts survive the file.
    let a2 = session.annotations.iter().find(|a| a.id.0 == "a2").unwrap();
    assert_eq!(
        a2.note,
        "Quelle ist Moskau, nicht die OVKS selbst.\nWas sind \"sozial wichtige Objekte\"?"
    );
    assert!(a2.quote().contains("\"sozial wichtige Objekte\""));
    // Overlapping passages: a3 lies inside a2.
    let a3 = session.annotations.iter().find(|a| a.id.0 == "a3").unwrap();
    assert!(a2.range().start <= a3.range().start && a3.range().end <= a2.range().end);
    for annotation in &session.annotations {
        assert_eq!(ws.anchor_state(annotation), AnchorState::Anchored);
        assert_eq!(ws.document().slice(annotation.range()), annotation.quote());
    }
}

#[test]
fn save_and_reopen_gives_the_same_session() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesung.ron");
    let (mut ws, _) = Workspace::open_session(&example(), None).unwrap();
    let range = common::find(ws.document().text(), "Tokajews Besuch in Almaty");
    let annotation = ws.new_annotation(
        range,
        Colour::Purple,
        vec![ActorId("tokajew".into())],
        "Überschrift: „Besuch“, nicht „Inspektion“".into(),
    );
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    assert!(ws.is_dirty());
    ws.save(&path).unwrap();
    assert!(!ws.is_dirty());

    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Session(\n    format: 1,"));
    for word in ["history", "undo", "redo"] {
        assert!(
            !text.contains(word),
            "undo history must not be written ({word})"
        );
    }
    let (reopened, report) = Workspace::open_session(&path, None).unwrap();
    assert_eq!(report.anchored, 12);
    assert_eq!(reopened.session(), ws.session());
}

#[test]
fn saving_again_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesung.ron");
    let mut ws = Workspace::bundled();
    ws.save(&path).unwrap();
    let first = fs::read_to_string(&path).unwrap();
    let annotation = ws.new_annotation(
        common::find(ws.document().text(), "OVKS"),
        Colour::Red,
        Vec::new(),
        String::new(),
    );
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    ws.save(&path).unwrap();
    assert_eq!(
        fs::read_to_string(randnotiz::fsio::backup_path(&path)).unwrap(),
        first
    );
    assert_ne!(fs::read_to_string(&path).unwrap(), first);
}

#[test]
fn undo_and_redo_through_the_workspace_and_the_dirty_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesung.ron");
    let mut ws = Workspace::bundled();
    ws.save(&path).unwrap();
    let annotation = ws.new_annotation(
        common::find(ws.document().text(), "Almaty"),
        Colour::Green,
        Vec::new(),
        String::new(),
    );
    let id = annotation.id.clone();
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    let mut changed = ws.session().annotation(&id).unwrap().clone();
    changed.note = "Flughafen".into();
    ws.apply(Edit::ReplaceAnnotation(changed)).unwrap();
    assert!(ws.is_dirty());

    assert!(ws.undo());
    assert_eq!(ws.session().annotation(&id).unwrap().note, "");
    assert!(ws.undo());
    assert!(ws.session().annotation(&id).is_none());
    assert!(!ws.is_dirty(), "back at the saved state");
    assert!(!ws.undo());
    assert!(ws.redo() && ws.redo());
    assert_eq!(ws.session().annotation(&id).unwrap().note, "Flughafen");
    assert!(ws.is_dirty());
}

#[test]
fn a_corrupt_session_reports_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kaputt.ron");
    let text = fs::read_to_string(example())
        .unwrap()
        .replacen("colour: Blue,", "colour: Blau,", 1);
    fs::write(&path, &text).unwrap();
    let err = Workspace::open_session(&path, None).unwrap_err();
    let OpenError::Session(SessionError::Syntax { line, col, .. }) = &err else {
        panic!("{err:?}");
    };
    let expected_line = text
        .lines()
        .position(|l| l.contains("colour: Blau"))
        .unwrap()
        + 1;
    assert_eq!(*line, expected_line);
    assert!(*col > 1);
    let message = err.to_string();
    assert!(message.contains(&format!("Zeile {line}")), "{message}");
    assert!(
        message.ends_with(&format!("({})", path.display())),
        "{message}"
    );
    // Loading never writes: the broken file is as it was.
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn truncated_newer_and_foreign_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let full = fs::read_to_string(example()).unwrap();

    let truncated = dir.path().join("abgeschnitten.ron");
    let half = (0..=full.len() / 2)
        .rev()
        .find(|&i| full.is_char_boundary(i))
        .unwrap();
    fs::write(&truncated, &full[..half]).unwrap();
    assert!(matches!(
        Workspace::open_session(&truncated, None),
        Err(OpenError::Session(SessionError::Syntax { .. }))
    ));

    let newer = dir.path().join("neuer.ron");
    fs::write(
        &newer,
        full.replacen("format: 1,", "format: 3,\n    reader: \"X\",", 1),
    )
    .unwrap();
    let err = Workspace::open_session(&newer, None).unwrap_err();
    assert!(
        matches!(
            err,
            OpenError::Session(SessionError::NewerFormat { found: 3, .. })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("Format 2"));

    let article = dir.path().join("artikel.ron");
    fs::write(&article, randnotiz::document::bundled::ARTICLE).unwrap();
    assert!(matches!(
        Workspace::open_session(&article, None),
        Err(OpenError::Session(SessionError::NotASession { .. }))
    ));

    let binary = dir.path().join("binär.ron");
    fs::write(&binary, [0xff, 0xfe, 0x00, 0x53, 0x00]).unwrap();
    assert!(matches!(
        Workspace::open_session(&binary, None),
        Err(OpenError::Session(SessionError::NotText { .. }))
    ));
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("riesig.ron");
    let file = fs::File::create(&path).unwrap();
    file.set_len(storage::MAX_SESSION_BYTES + 1).unwrap(); // sparse: no disk used
    let err = Workspace::open_session(&path, None).unwrap_err();
    assert!(matches!(
        err,
        OpenError::Session(SessionError::Read(
            randnotiz::fsio::ReadError::TooLarge { .. }
        ))
    ));
}

#[test]
fn duplicate_ids_and_unknown_actors_are_repaired_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zusammengeführt.ron");
    let text = fs::read_to_string(example())
        .unwrap()
        .replacen("id: \"a2\"", "id: \"a1\"", 1)
        .replacen(
            "actors: [\"ovks\", \"russland\", \"kasachische-regierung\"]",
            "actors: [\"ovks\", \"russland\", \"kasachische-regierung\", \"nato\"]",
            1,
        );
    fs::write(&path, text).unwrap();
    let (ws, report) = Workspace::open_session(&path, None).unwrap();
    assert_eq!(ws.session().annotations.len(), 11, "nothing dropped");
    assert_eq!(report.notices.len(), 2, "{:?}", report.notices);
    assert!(ws.session().actor(&ActorId("nato".into())).is_some());
    let mut ids: Vec<&str> = ws
        .session()
        .annotations
        .iter()
        .map(|a| a.id.0.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 11, "ids are unique again");
    assert!(ws.is_dirty(), "repairs are changes the reader may save");
}

#[test]
fn a_changed_text_reports_anchored_moved_and_orphaned() {
    let dir = tempfile::tempdir().unwrap();
    let changed = randnotiz::document::bundled::ARTICLE
        .replacen(
            "Tokajews Besuch in Almaty",
            "Ein eingeschobener Satz.\n\nTokajews Besuch in Almaty",
            1,
        )
        .replacen(
            "Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164. ",
            "",
            1,
        );
    let text = dir.path().join("geaendert.txt");
    fs::write(&text, changed).unwrap();
    let (ws, report) = Workspace::open_session(&example(), Some(&text)).unwrap();
    assert_eq!(report.relation, DocumentMatch::Changed);
    assert_eq!(report.orphaned, 1);
    assert_eq!(report.anchored + report.moved + report.orphaned, 11);
    assert!(report.moved >= 5, "{report:?}");
    let orphan = ws
        .session()
        .annotations
        .iter()
        .find(|a| ws.is_orphaned(a))
        .unwrap();
    assert_eq!(
        orphan.quote(),
        "Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164."
    );
    let moved = ws
        .session()
        .annotations
        .iter()
        .filter(|a| matches!(ws.anchor_state(a), AnchorState::Moved { .. }))
        .count();
    assert_eq!(moved, report.moved);
}

#[test]
fn a_completely_different_text_scatters_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("anderer.txt");
    fs::write(&other, "Ein ganz anderer Text über das Wetter in Hamburg.\n\nEs regnet, und Tokajew kommt nicht darin vor. Russland auch nicht.").unwrap();
    let (ws, report) = Workspace::open_session(&example(), Some(&other)).unwrap();
    assert_eq!(report.relation, DocumentMatch::Different);
    assert_eq!(report.orphaned, 11);
    assert!(ws.session().annotations.iter().all(|a| ws.is_orphaned(a)));
    assert!(
        report.notices.iter().any(|n| n.contains("anderer Text")),
        "{:?}",
        report.notices
    );
}

#[test]
fn a_session_finds_its_text_beside_it_and_says_when_it_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("artikel.txt");
    fs::write(
        &text,
        "Überschrift\n\nEin Absatz über die OVKS.\n\nNoch einer.",
    )
    .unwrap();
    let mut ws = Workspace::open_text(&text).unwrap();
    let annotation = ws.new_annotation(
        common::find(ws.document().text(), "OVKS"),
        Colour::Yellow,
        Vec::new(),
        String::new(),
    );
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    let session = dir.path().join("sitzungen").join("lesung.ron");
    fs::create_dir(session.parent().unwrap()).unwrap();
    ws.save(&session).unwrap();
    assert!(
        fs::read_to_string(&session)
            .unwrap()
            .contains("path: Some(\"../artikel.txt\")")
    );
    let (reopened, report) = Workspace::open_session(&session, None).unwrap();
    assert_eq!(report.anchored, 1);
    assert_eq!(reopened.document_path(), Some(text.as_path()));

    fs::remove_file(&text).unwrap();
    let err = Workspace::open_session(&session, None).unwrap_err();
    assert!(matches!(err, OpenError::DocumentMissing { .. }));
    assert!(err.to_string().contains("Überschrift"), "{err}");
}

#[test]
fn opening_against_another_text_does_not_rebind_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("anderer.txt");
    fs::write(
        &other,
        "Ein ganz anderer Text.\n\nÜber das Wetter in Hamburg.",
    )
    .unwrap();
    let saved = dir.path().join("lesung.ron");
    fs::copy(example(), &saved).unwrap();
    let (mut ws, report) = Workspace::open_session(&saved, Some(&other)).unwrap();
    assert_eq!(report.relation, DocumentMatch::Different);
    assert!(!ws.is_dirty());
    ws.save(&saved).unwrap();
    let (again, report) = Workspace::open_session(&saved, None).unwrap();
    assert_eq!(
        report.relation,
        DocumentMatch::Same,
        "it still belongs to the bundled article"
    );
    assert_eq!((report.anchored, report.orphaned), (11, 0));
    assert!(again.document_path().is_none());
}

#[test]
fn repairs_never_give_an_annotation_to_another_actor() {
    let text = fs::read_to_string(example()).unwrap();
    // Two actors share the id "x"; a third is "ovks"; a1 refers to "ovks".
    let text = text.replacen("id: \"tokajew\"", "id: \"x\"", 1).replacen(
        "id: \"russland\",\n            name: \"Russland\"",
        "id: \"x\",\n            name: \"OVKS\"",
        1,
    );
    let (session, repairs) = storage::parse_session(&text).unwrap();
    assert!(!repairs.is_empty());
    let ovks_actor = session
        .actors
        .iter()
        .find(|a| a.id.as_str() == "ovks")
        .unwrap();
    assert_eq!(ovks_actor.name, "OVKS", "the real OVKS keeps its id");
    let ids: std::collections::HashSet<&str> =
        session.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), session.actors.len(), "ids are unique");
}

#[test]
fn the_largest_annotation_number_does_not_overflow() {
    let text = fs::read_to_string(example())
        .unwrap()
        .replacen("id: \"a1\"", "id: \"a18446744073709551615\"", 1)
        .replacen("id: \"a2\"", "id: \"a18446744073709551615\"", 1);
    let (session, repairs) = storage::parse_session(&text).unwrap();
    assert_eq!(repairs.len(), 1);
    let mut ids: Vec<&str> = session
        .annotations
        .iter()
        .map(|a| a.id.0.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 11);
    let next = session.next_annotation_id();
    assert!(session.annotation(&next).is_none());
}

#[test]
fn a_session_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notepad.ron");
    fs::write(
        &path,
        format!("\u{feff}{}", fs::read_to_string(example()).unwrap()),
    )
    .unwrap();
    let (ws, report) = Workspace::open_session(&path, None).unwrap();
    assert_eq!(report.anchored, 11);
    assert_eq!(ws.session().annotations.len(), 11);
}

#[test]
fn saving_through_a_symbolic_link_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("echt.ron");
    let link = dir.path().join("verweis.ron");
    fs::copy(example(), &real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (mut ws, _) = Workspace::open_session(&link, None).unwrap();
    let annotation = ws.new_annotation(
        common::find(ws.document().text(), "Almaty"),
        Colour::Green,
        Vec::new(),
        String::new(),
    );
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    ws.save(&link).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(
        Workspace::open_session(&real, None)
            .unwrap()
            .0
            .session()
            .annotations
            .len(),
        12
    );
}
