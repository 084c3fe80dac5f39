//! Nothing lost between two windows on one session file: the second one is
//! told the first has it open, and whichever saves second takes the other's
//! changes in instead of writing over them.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use randnotiz::ui::App;

fn notes_on_disk(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let (session, _) = randnotiz::storage::parse_session(&text).unwrap();
    let mut notes: Vec<String> = session.annotations.iter().map(|a| a.note.clone()).collect();
    notes.sort();
    notes
}

/// Marks `passage` yellow and types `note` for it.
fn annotate(harness: &mut Harness<'_, App>, passage: &str, note: &str) {
    let range = common::find(harness.state().workspace().document().text(), passage);
    window::drag_over(harness, range);
    window::type_key(harness, Key::Num1, "1");
    window::text_field(harness, "Notiz").click();
    harness.run();
    window::text_field(harness, "Notiz").type_text(note);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

fn save(harness: &mut Harness<'_, App>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(4);
}

#[test]
fn two_windows_on_one_session_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesung.ron");
    std::fs::write(
        &path,
        randnotiz::storage::session_to_ron(&randnotiz::annotation::Session::new(
            randnotiz::annotation::DocumentRef::to(&randnotiz::document::bundled::document(), None),
            randnotiz::actors::default_actors(),
        ))
        .unwrap(),
    )
    .unwrap();

    let mut a = window::app(Some(path.clone()), None);
    assert!(a.state().messages().current_error().is_none());
    // The second window is told, and opens it only when asked to.
    let mut b = window::app(Some(path.clone()), None);
    b.get_by_label("Schon anderswo geöffnet");
    assert_eq!(b.state().workspace().session_path(), None, "not open yet");
    b.get_by_role_and_label(Role::Button, "Trotzdem öffnen")
        .click();
    b.run_steps(4);
    assert_eq!(
        b.state().workspace().session_path(),
        Some(std::path::absolute(&path).unwrap().as_path())
    );

    // B annotates and saves first; A annotates and saves after.
    annotate(
        &mut b,
        "Militärbündnis sieht seine Mission erfüllt",
        "von B",
    );
    save(&mut b);
    assert_eq!(notes_on_disk(&path), ["von B"]);
    annotate(&mut a, "Nach den tödlichen Zusammenstößen", "von A");
    save(&mut a);
    // A is asked, and merges: both annotations are in the file.
    a.get_by_label("Die Datei wurde inzwischen geändert");
    assert_eq!(notes_on_disk(&path), ["von B"], "nothing written unasked");
    a.get_by_role_and_label(Role::Button, "Zusammenführen und speichern")
        .click();
    a.run_steps(4);
    assert_eq!(notes_on_disk(&path), ["von A", "von B"]);
    assert!(!a.state().workspace().is_dirty());
    let backup = randnotiz::fsio::backup_path(&path);
    assert_eq!(
        notes_on_disk(&backup),
        ["von B"],
        "the backup holds B's save"
    );

    // B, clean, comes to the front: offered to reload, and then has both.
    b.event(egui::Event::WindowFocused(true));
    b.run_steps(4);
    b.get_by_role_and_label(Role::Button, "Neu laden").click();
    b.run_steps(4);
    let mut notes: Vec<String> = b
        .state()
        .workspace()
        .session()
        .annotations
        .iter()
        .map(|a| a.note.clone())
        .collect();
    notes.sort();
    assert_eq!(notes, ["von A", "von B"]);
}

#[test]
fn a_session_naming_another_text_asks_before_loading_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("geheim.txt"), "Geheim: nur für mich.").unwrap();
    let session = std::fs::read_to_string(common::asset("example-session.ron"))
        .unwrap()
        .replacen("path: None,", "path: Some(\"geheim.txt\"),", 1);
    let path = dir.path().join("s.ron");
    std::fs::write(&path, session).unwrap();
    let mut harness = window::app(Some(path), None);
    harness.get_by_label("Der Text ist nicht derselbe");
    assert_ne!(
        harness.state().workspace().document().text(),
        "Geheim: nur für mich.",
        "not loaded unasked"
    );
    harness
        .get_by_role_and_label(Role::Button, "Abbrechen")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label("Der Text ist nicht derselbe")
            .is_none()
    );
    assert_eq!(harness.state().workspace().session_path(), None);
}

#[test]
fn a_text_on_one_line_opens_and_reads_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("eine-zeile.txt");
    // 5 MB without a single line break: one paragraph, laid out in pieces.
    let words = "Tokajew sagte, die Truppen der OVKS zögen ab. ";
    std::fs::write(&path, format!("Titel\n\n{}", words.repeat(110_000))).unwrap();
    let mut harness = window::app(Some(path), None);
    harness.run();
    let range = common::find(
        harness.state().workspace().document().text(),
        "Tokajew sagte, die Truppen",
    );
    window::drag_over(&mut harness, range);
    assert_eq!(harness.state().view().selection, Some(range));
    // In the whole text, what is far from view is not laid out.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    let len = harness.state().workspace().document().len_chars();
    assert!(
        harness.state().char_rect(len - 10).is_none(),
        "not laid out up front"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_session_says_so_and_offers_save_as() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("geschuetzt.ron");
    std::fs::copy(common::asset("example-session.ron"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut harness = window::app(Some(path.clone()), None);
    annotate(&mut harness, "Nach den tödlichen Zusammenstößen", "neu");
    save(&mut harness);
    let error = harness
        .state()
        .messages()
        .current_error()
        .unwrap()
        .to_owned();
    assert!(error.contains("schreibgeschützt"), "{error}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file stays as it is"
    );
    harness
        .get_by_role_and_label(Role::Button, "Speichern unter …")
        .click();
    harness.run_steps(3);
    window::text_field(&harness, "Pfad:");
}

#[test]
fn an_absurdly_long_actor_name_is_shown_cut_and_the_window_stays_usable() {
    let long = format!("Tokajew{}", "w".repeat(60_000));
    let session = std::fs::read_to_string(common::asset("example-session.ron"))
        .unwrap()
        .replacen("name: \"Tokajew\"", &format!("name: {long:?}"), 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lang.ron");
    std::fs::write(&path, session).unwrap();
    let mut harness = window::app(Some(path), None);
    harness.run();
    // Every panel that names actors is drawn; none paints the whole name.
    harness.key_press(Key::ArrowRight);
    harness.run();
    let texts = window::painted_texts(&harness);
    assert!(
        texts.iter().any(|t| t.contains("Tokajewwww")),
        "the actor is shown"
    );
    let longest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
    assert!(longest < 2_000, "a text of {longest} chars was painted");
    // The file still holds it, and is saved back with it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = std::fs::read_to_string(dir.path().join("lang.ron")).unwrap();
    assert!(saved.contains(&long));
}
