//! *Datei → Importieren → REFI-QDA-Projekt …*, as a user goes through it:
//! the file, then the folder of the new project; the window stays usable
//! while the worker reads, then opens the new project and says what came
//! in and what did not.
#![allow(clippy::unwrap_used)]

#[path = "common/window.rs"]
mod window;

use std::io::Write as _;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

/// A small REFI project of this test's own: one text with two passages,
/// one coded with two codes, and a picture Randnotiz cannot take.
fn qdpx(path: &std::path::Path) {
    let text = "Die OVKS beginnt mit dem Abzug.\r\nPräsident Tokajew dankte dem Bündnis.\r\n";
    let g = |n: u32| format!("00000000-0000-4000-8000-{n:012}");
    let qde = format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Abzug" origin="Handarbeit">
<Users><User guid="{u}" name="Anna"/></Users>
<CodeBook><Codes><Code guid="{c1}" name="OVKS" isCodable="true" color="#C0392B"/><Code guid="{c2}" name="Abzug" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="{s}" name="Bericht" plainTextPath="internal://{s}.txt">
<PlainTextSelection guid="{p1}" startPosition="4" endPosition="30" creatingUser="{u}"><Coding guid="{k1}"><CodeRef targetGUID="{c1}"/></Coding><Coding guid="{k2}"><CodeRef targetGUID="{c2}"/></Coding></PlainTextSelection>
<PlainTextSelection guid="{p2}" startPosition="43" endPosition="50" creatingUser="{u}"><Coding guid="{k3}"><CodeRef targetGUID="{c1}"/></Coding></PlainTextSelection>
</TextSource><PictureSource guid="{f}" name="Foto" path="internal://{f}.png"/></Sources></Project>"##,
        u = g(1),
        c1 = g(2),
        c2 = g(3),
        s = g(4),
        p1 = g(5),
        p2 = g(6),
        k1 = g(7),
        k2 = g(8),
        k3 = g(9),
        f = g(10),
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", options).unwrap();
    zip.write_all(qde.as_bytes()).unwrap();
    zip.start_file(format!("sources/{}.txt", g(4)), options)
        .unwrap();
    zip.write_all(text.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn a_refi_project_is_imported_from_the_file_menu_and_opened() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("abzug.qdpx");
    qdpx(&file);
    let target = tmp.path().join("Abzug-Projekt");
    let mut harness = window::app(None, None);

    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Importieren").click();
    harness.run();
    harness.get_by_label("REFI-QDA-Projekt …").click();
    harness.run();
    window::type_path(&mut harness, &file);
    harness.key_press(Key::Enter);
    harness.run();
    // Then the folder, offered beside the file under its name.
    harness.get_by_label("Ordner für das neue Projekt (neu oder leer)");
    window::type_path(&mut harness, &target);
    harness.key_press(Key::Enter);
    window::wait_for(&mut harness, "the imported project", |h| {
        !h.state().is_importing() && h.state().project().is_some()
    });

    let app = harness.state();
    let project = app.project().unwrap();
    assert_eq!(project.dir(), target.as_path());
    assert_eq!(project.documents().len(), 1);
    assert_eq!(project.documents()[0].source.title, "Bericht");
    // The new project's document is in the reader, its passages on it.
    assert_eq!(app.project_document(), Some(0));
    let session = app.workspace().session();
    assert_eq!(session.annotations.len(), 2);
    assert_eq!(session.annotations[0].quote(), "OVKS beginnt mit dem Abzug");
    assert_eq!(session.annotations[0].actors.len(), 2);
    assert_eq!(session.annotations[1].quote(), "Tokajew");
    // What came in, and the picture named as not carried over.
    let said = app
        .messages()
        .current_error()
        .unwrap_or_default()
        .to_owned();
    assert!(
        said.contains("1 Dokumente, 2 Codes als Akteure, 2 Anmerkungen"),
        "{said}"
    );
    assert!(said.contains("1 × Bildquelle (PictureSource)"), "{said}");
    harness.get_by_label_contains("Bildquelle (PictureSource)");
}

#[test]
fn a_folder_with_files_is_refused_before_anything_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("abzug.qdpx");
    qdpx(&file);
    let mut harness = window::app(None, None);
    harness.state_mut().apply(
        &egui::Context::default(),
        randnotiz::ui::command::Intent::Action(randnotiz::ui::command::Action::ImportRefi),
    );
    harness.run();
    window::type_path(&mut harness, &file);
    harness.key_press(Key::Enter);
    harness.run();
    // The folder the file is in holds the file: not a place for a project.
    window::type_path(&mut harness, tmp.path());
    harness.key_press_modifiers(Modifiers::NONE, Key::Enter);
    harness.run();
    let said = harness
        .state()
        .messages()
        .current_error()
        .unwrap_or_default()
        .to_owned();
    assert!(said.contains("ist nicht leer"), "{said}");
    assert!(harness.state().project().is_none());
    assert!(!tmp.path().join("project.ron").exists());
}
