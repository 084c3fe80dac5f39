//! The window's *Datei → Importieren* of Zotero notes and KOReader exports:
//! the highlights arrive anchored, as one undo step, and what was left out
//! is said.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use egui::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use randnotiz::ui::App;

/// Types `path` into the path field of the open file prompt and confirms.
fn enter_path(harness: &mut Harness<'_, App>, path: &std::path::Path, button: &str) {
    window::type_path(harness, path);
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

fn import(harness: &mut Harness<'_, App>, item: &str, file: &str) {
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Importieren").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
    enter_path(harness, &common::data("highlights").join(file), "Öffnen");
}

#[test]
fn zotero_and_koreader_highlights_come_in_from_the_file_menu() {
    let mut harness = window::app(Some(common::asset("example-session.ron")), None);
    let before = harness.state().workspace().session().annotations.len();

    import(&mut harness, "Zotero-Notiz (Markdown) …", "zotero-note.md");
    assert_eq!(
        harness.state().workspace().session().annotations.len(),
        before + 5
    );
    window::wait_for(&mut harness, "the notice names the quote not found", |h| {
        h.query_by_label_contains("steht nicht im Text").is_some()
    });

    import(
        &mut harness,
        "KOReader-Markierungen (JSON) …",
        "koreader.json",
    );
    assert_eq!(
        harness.state().workspace().session().annotations.len(),
        before + 10
    );

    // Each import is one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().workspace().session().annotations.len(),
        before + 5
    );
}
