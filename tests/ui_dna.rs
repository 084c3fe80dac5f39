//! A DNA database imported in the window, as a user does it: *Datei →
//! Importieren → DNA-Datenbank …*, the database, then an empty folder; the
//! new project opens on its first document with DNA's statements on it, the
//! report says what was carried over and what not, and the corpus search
//! offers DNA's patterns. Reads `../shared/testdata/dna/sample.dna`
//! (skipped when missing).
#![allow(clippy::unwrap_used)]

#[path = "common/window.rs"]
mod window;

use egui::{Key, Modifiers, Role};
use egui_kittest::kittest::Queryable as _;

#[test]
fn a_dna_database_becomes_a_project_from_the_file_menu() {
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/dna/sample.dna");
    if !sample.is_file() {
        eprintln!("../shared/testdata/dna/sample.dna is not there: skipped");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("Klima");
    let mut harness = window::app(None, None);

    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Importieren").click();
    harness.run();
    harness.get_by_label("DNA-Datenbank …").click();
    harness.run();
    // First the database, then the folder of the new project.
    harness.get_by_label("DNA-Datenbank wählen");
    window::type_path(&mut harness, &sample);
    harness
        .get_by_role_and_label(Role::Button, "Öffnen")
        .click();
    harness.run();
    harness.get_by_label("Leerer Ordner für das neue Projekt");
    window::type_path(&mut harness, &target);
    harness
        .get_by_role_and_label(Role::Button, "Speichern")
        .click();
    harness.run();

    window::wait_for(&mut harness, "the imported project", |h| {
        !h.state().is_importing() && h.state().project().is_some()
    });
    let app = harness.state();
    assert_eq!(app.project().unwrap().documents().len(), 7);
    assert_eq!(app.project().unwrap().dir(), target.as_path());
    // The first document is open with its five statements.
    assert_eq!(app.project_document(), Some(0));
    assert_eq!(app.workspace().session().annotations.len(), 5);
    // What was carried over, and what not, waits to be read.
    let report = app.messages().current_error().unwrap().to_owned();
    assert!(
        report.contains("7 Dokumente, 40 Aussagen, 41 Annotationen"),
        "{report}"
    );
    assert!(
        report.contains("Nicht oder nur anders übernommen:"),
        "{report}"
    );
    assert!(report.contains("„Annotation“"), "{report}");
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();

    // DNA's patterns in the corpus search.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    window::wait_for(&mut harness, "the corpus index", |h| {
        !h.state().corpus_search_building()
    });
    harness
        .get_by(|n| n.role() == Role::ComboBox && n.label().as_deref() == Some("Gespeichert:"))
        .click();
    harness.run();
    harness.get_by_label("C[Oo0]2").click();
    harness.run();
    window::wait_for(&mut harness, "the hits", |h| {
        h.query_by_label("12 Treffer in 3 Dokumenten.").is_some()
    });
    assert_eq!(
        window::text_field(&harness, "Suche:").value().as_deref(),
        Some("C[Oo0]2")
    );
}
