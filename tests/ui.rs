//! The reading window, driven headless with egui_kittest: clicking by label,
//! dragging over text with the mouse, typing, saving and reopening.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::PathBuf;

use egui::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use randnotiz::actors::ActorId;
use randnotiz::annotation::Colour;
use randnotiz::document::CharRange;
use randnotiz::ui::App;
use window::drag_over;

fn app(file: Option<PathBuf>) -> Harness<'static, App> {
    window::app(file, None)
}

/// A text field by its accessible label (the label beside it).
fn text_field<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(|node| {
        matches!(node.role(), Role::TextInput | Role::MultilineTextInput)
            && node.label().as_deref() == Some(label)
    })
}

fn find(harness: &Harness<'_, App>, needle: &str) -> CharRange {
    common::find(harness.state().workspace().document().text(), needle)
}

const PASSAGE: &str = "Tokajew hatte Almaty am Mittwoch erstmals seit dem Beginn der tödlichen Zusammenstöße im Land besucht.";
const NOTE: &str =
    "Erster Besuch – spät, und „erstmals“ betont; prüfen, ob Ümläute & Kommas bleiben.";

#[test]
fn annotate_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesung.ron");
    let mut harness = app(None);

    // The bundled article opens on its first section.
    assert_eq!(harness.state().view().section, 0);
    harness.get_by_label("Tokajews Besuch in Almaty").click();
    harness.run();
    assert_eq!(harness.state().view().section, 1);

    // Select the passage with the mouse.
    let range = find(&harness, PASSAGE);
    drag_over(&mut harness, range);
    assert_eq!(harness.state().view().selection, Some(range));

    // Colour, actor, note.
    harness.get_by_role_and_label(Role::Button, "Lila").click();
    harness.run();
    let annotation_id = harness
        .state()
        .view()
        .focus
        .clone()
        .expect("the new annotation is focused");
    text_field(&harness, "Akteure").click();
    harness.run();
    text_field(&harness, "Akteure").type_text("Tokaj");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    text_field(&harness, "Notiz").click();
    harness.run();
    text_field(&harness, "Notiz").type_text(NOTE);
    harness.run();

    {
        let session = harness.state().workspace().session();
        let annotation = session.annotation(&annotation_id).unwrap();
        assert_eq!(annotation.quote(), PASSAGE);
        assert_eq!(annotation.colour, Colour::Purple);
        assert_eq!(annotation.actors, [ActorId("tokajew".into())]);
        assert_eq!(annotation.note, NOTE);
    }
    assert!(
        harness.state().title().starts_with("● "),
        "unsaved changes show in the title"
    );

    // Save as: no native dialog in tests, so the path field asks.
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label_contains("Speichern unter …").click();
    harness.run();
    let field = text_field(&harness, "Pfad:");
    field.click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    text_field(&harness, "Pfad:").type_text(path.to_str().unwrap());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Speichern")
        .click();
    harness.run();
    assert!(path.exists(), "the session was written");
    assert!(!harness.state().workspace().is_dirty());
    assert!(!harness.state().title().starts_with("● "));

    // A fresh app on the saved file (the first window closed: it holds the
    // file while open) finds the same annotation.
    drop(harness);
    let mut reopened = app(Some(path.clone()));
    let session = reopened.state().workspace().session();
    assert_eq!(session.annotations.len(), 1);
    let annotation = &session.annotations[0];
    assert_eq!(annotation.quote(), PASSAGE);
    assert_eq!(annotation.colour, Colour::Purple);
    assert_eq!(annotation.actors, [ActorId("tokajew".into())]);
    assert_eq!(annotation.note, NOTE);
    assert_eq!(
        annotation.range(),
        range,
        "the saved offsets are those highlighted"
    );
    assert!(reopened.state().messages().current_error().is_none());

    // And shows it: in the outline count and in the sidebar list.
    reopened
        .get_by_label("Tokajews Besuch in Almaty  (1)")
        .click();
    reopened.run();
    reopened
        .get_by_label_contains("Lila „Tokajew hatte Almaty")
        .click();
    reopened.run();
    assert_eq!(reopened.state().view().focus.as_ref(), Some(&annotation_id));
}

#[test]
fn undo_and_redo_of_an_annotation() {
    let mut harness = app(None);
    let range = find(&harness, "Das Bündnis übergab");
    drag_over(&mut harness, range);
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().workspace().session().annotations.len(), 1);
    assert_eq!(
        harness.state().workspace().session().annotations[0].colour,
        Colour::Yellow
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().workspace().session().annotations.is_empty());
    assert!(!harness.state().workspace().is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    let session = harness.state().workspace().session();
    assert_eq!(session.annotations.len(), 1);
    assert_eq!(session.annotations[0].quote(), "Das Bündnis übergab");

    // Undo through the menu too.
    harness.get_by_label("Bearbeiten").click();
    harness.run();
    harness.get_by_label_contains("Rückgängig").click();
    harness.run();
    assert!(harness.state().workspace().session().annotations.is_empty());
}

#[test]
fn a_selection_across_paragraphs_keeps_exact_offsets() {
    let mut harness = app(None);
    let start = find(&harness, "Die Einsatzkräfte würden").start;
    let end = find(&harness, "Die Organisation des Vertrags").end;
    let range = CharRange::new(start, end);
    drag_over(&mut harness, range);
    assert_eq!(harness.state().view().selection, Some(range));
    harness.key_press(Key::Num4);
    harness.run();
    let annotation = &harness.state().workspace().session().annotations[0];
    assert!(annotation.quote().starts_with("Die Einsatzkräfte"));
    assert!(
        annotation
            .quote()
            .ends_with("Die Organisation des Vertrags")
    );
    assert!(
        annotation.quote().contains("\n\n"),
        "it spans the paragraph break"
    );
}

#[test]
fn a_corrupt_session_shows_an_error_and_leaves_the_open_session_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("gut.ron");
    std::fs::copy(common::asset("example-session.ron"), &good).unwrap();
    let corrupt = dir.path().join("kaputt.ron");
    std::fs::write(
        &corrupt,
        "Session(\n    format: 1,\n    document: (title: \"x\",\n",
    )
    .unwrap();

    let mut harness = app(Some(good.clone()));
    let before = harness.state().workspace().session().clone();
    assert_eq!(before.annotations.len(), 11);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    text_field(&harness, "Pfad:").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    text_field(&harness, "Pfad:").type_text(corrupt.to_str().unwrap());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Öffnen")
        .click();
    harness.run();

    let error = harness
        .state()
        .messages()
        .current_error()
        .expect("an error is shown")
        .to_owned();
    assert!(error.contains("Zeile 3"), "{error}");
    assert!(error.contains("kaputt.ron"), "{error}");
    harness.get_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains("Zeile 3")));
    assert_eq!(harness.state().workspace().session(), &before);
    assert_eq!(
        harness.state().workspace().session_path(),
        Some(good.as_path())
    );
    harness.get_by_role_and_label(Role::Button, "OK").click();
    harness.run();
    assert!(harness.state().messages().current_error().is_none());
}

#[test]
fn keys_move_section_by_section_and_the_whole_text_toggles() {
    let mut harness = app(None);
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(harness.state().view().section, 1);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().view().section, 2);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness.state().view().section,
        2,
        "stays on the last section"
    );
    harness.key_press(Key::PageUp);
    harness.run();
    assert_eq!(harness.state().view().section, 1);

    harness.get_by_label("Ganzer Text am Stück").click();
    harness.run();
    assert!(harness.state().settings().continuous);
    // The whole text is on the page: the lead and the last section's heading.
    let lead = find(&harness, "Das von Russland angeführte");
    let last = find(&harness, "Schicksal von Festgenommenen unklar");
    harness
        .state()
        .char_rect(lead.start)
        .expect("the lead is laid out");
    harness
        .state()
        .char_rect(last.start)
        .expect("the last heading is laid out");
}

#[test]
fn choosing_an_actor_filters_the_annotations() {
    let mut harness = app(Some(common::asset("example-session.ron")));
    harness.get_by_label("Alle").click();
    harness.run();
    harness.get_by_label("Menschenrechtler").click();
    harness.run();
    assert_eq!(
        harness.state().view().actor,
        Some(ActorId("menschenrechtler".into()))
    );
    let rows: Vec<_> = harness
        .get_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.contains(" „")))
        .collect();
    assert_eq!(
        rows.len(),
        2,
        "two passages are tagged with the Menschenrechtler"
    );
}

#[test]
fn search_finds_text_and_notes() {
    let mut harness = app(Some(common::asset("example-session.ron")));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    text_field(&harness, "Suchen:").type_text("tokajew");
    harness.run();
    let summary = harness
        .get_by(|n| n.role() == Role::Label && n.value().is_some_and(|v| v.contains("im Text ·")));
    let summary = summary.value().unwrap();
    assert!(summary.contains("von 5 im Text"), "{summary}");
    assert!(summary.contains("1 in Notizen"), "{summary}");
}

#[test]
fn selection_on_umlauts_quotes_and_emoji_keeps_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("emoji.txt");
    std::fs::write(
        &text,
        "Grüße aus Düsseldorf 👍🏽\n\nÄrger über „Straßenblockaden“ in Almaty 🇰🇿 – e\u{301}twas später, sagte Tokajew.\n\nDer Rest.",
    )
    .unwrap();
    let mut harness = app(Some(text));
    let passage = "„Straßenblockaden“ in Almaty 🇰🇿 – e\u{301}twas";
    let range = find(&harness, passage);
    drag_over(&mut harness, range);
    assert_eq!(harness.state().view().selection, Some(range));
    harness.key_press(Key::Num3);
    harness.run();
    let annotation = &harness.state().workspace().session().annotations[0];
    assert_eq!(annotation.quote(), passage);
    assert_eq!(annotation.range(), range);
    assert_eq!(annotation.colour, Colour::Blue);
}

/// A row of the annotation list, by its quote.
fn list_row<'h>(harness: &'h Harness<'_, App>, quote: &'h str) -> egui_kittest::Node<'h> {
    harness
        .get_by(move |n| n.role() == Role::Button && n.label().is_some_and(|l| l.contains(quote)))
}

/// The example session, saved beside a text file of its own.
fn session_on(dir: &std::path::Path, text: &str) -> PathBuf {
    std::fs::write(dir.join("artikel.txt"), text).unwrap();
    let session = std::fs::read_to_string(common::asset("example-session.ron"))
        .unwrap()
        .replacen("path: None,", "path: Some(\"artikel.txt\"),", 1);
    let path = dir.join("lesung.ron");
    std::fs::write(&path, session).unwrap();
    path
}

#[test]
fn a_changed_text_is_reported_and_orphans_can_be_reattached() {
    let dir = tempfile::tempdir().unwrap();
    let deleted = "Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164.";
    let changed = randnotiz::document::bundled::ARTICLE
        .replacen(
            "Tokajews Besuch in Almaty",
            "Ein später eingefügter Absatz der Redaktion.\n\nTokajews Besuch in Almaty",
            1,
        )
        .replacen(&format!("{deleted} "), "", 1);
    let mut harness = app(Some(session_on(dir.path(), &changed)));
    // Asked first: the text is not the one the session was made on.
    harness
        .get_by_role_and_label(Role::Button, "Mit diesem Text öffnen")
        .click();
    harness.run();

    let report = harness
        .state()
        .messages()
        .report
        .clone()
        .expect("a re-anchoring report");
    assert_eq!((report.orphaned, report.anchored + report.moved), (1, 10));
    harness.get_by(|n| {
        n.role() == Role::Label
            && n.value()
                .is_some_and(|v| v.contains("verschoben, 1 verwaist"))
    });
    harness.get_by_label_contains("Verwaist (1)");

    // The orphan keeps its old quote; attach it to a new passage.
    harness.get_by_label_contains("Alle").click();
    harness.run();
    list_row(&harness, deleted).click();
    harness.run();
    let orphan = harness.state().view().focus.clone().unwrap();
    let new_place = find(
        &harness,
        "Bislang sind mehr als 300 strafrechtliche Untersuchungen",
    );
    harness
        .get_by_label("Schicksal von Festgenommenen unklar  (4)")
        .click();
    harness.run();
    drag_over(&mut harness, new_place);
    // The orphan stays focused while a new place is selected for it.
    assert_eq!(harness.state().view().selection, Some(new_place));
    assert_eq!(harness.state().view().focus.as_ref(), Some(&orphan));
    harness.get_by_label("An Auswahl heften").click();
    harness.run();
    let ws = harness.state().workspace();
    let attached = ws.session().annotation(&orphan).unwrap();
    assert_eq!(attached.range(), new_place);
    assert!(!ws.is_orphaned(attached));
    assert!(harness.query_by_label_contains("Verwaist (").is_none());

    // Moved ones are marked for review and can be confirmed.
    harness.get_by_label("Verschobene prüfen").click();
    harness.run();
    let moved_before = report.moved;
    assert!(moved_before > 0);
    let first_moved = harness
        .get_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.contains(" „")))
        .next()
        .unwrap();
    first_moved.click();
    harness.run();
    harness.get_by_label("Passt so").click();
    harness.run();
    let ws = harness.state().workspace();
    let still_moved = ws
        .session()
        .annotations
        .iter()
        .filter(|a| {
            matches!(
                ws.anchor_state(a),
                randnotiz::workspace::AnchorState::Moved { .. }
            )
        })
        .count();
    assert_eq!(still_moved, moved_before - 1);
}

#[test]
fn a_completely_different_text_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_on(
        dir.path(),
        "Wetterbericht für Hamburg\n\nEs regnet. Tokajew kommt hier nicht vor, Russland auch nicht.",
    );
    let mut harness = app(Some(path));
    harness
        .get_by_role_and_label(Role::Button, "Mit diesem Text öffnen")
        .click();
    harness.run();
    let report = harness.state().messages().report.clone().unwrap();
    assert_eq!(
        report.relation,
        randnotiz::workspace::DocumentMatch::Different
    );
    assert_eq!(report.orphaned, 11);
    assert!(report.notices.iter().any(|n| n.contains("anderer Text")));
    harness.get_by_label_contains("Verwaist (11)");
}

/// Types `path` into the path field of the open file prompt and confirms.
fn enter_path(harness: &mut Harness<'_, App>, path: &std::path::Path, button: &str) {
    text_field(harness, "Pfad:").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    text_field(harness, "Pfad:").type_text(path.to_str().unwrap());
    harness.run();
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

#[test]
fn export_and_import_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Some(common::asset("example-session.ron")));

    let csv = dir.path().join("lesung.csv");
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Exportieren").click();
    harness.run();
    harness.get_by_label("Tabelle (CSV) …").click();
    harness.run();
    enter_path(&mut harness, &csv, "Speichern");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("id,section,start,end,quote,colour,actors,statement_actor,concept,stance,note,reader,created,modified"));
    assert_eq!(text.matches("\r\na").count(), 11);

    let jsonld = dir.path().join("lesung.jsonld");
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Exportieren").click();
    harness.run();
    harness
        .get_by_label("W3C Web Annotation (JSON-LD) …")
        .click();
    harness.run();
    enter_path(&mut harness, &jsonld, "Speichern");
    assert!(
        std::fs::read_to_string(&jsonld)
            .unwrap()
            .contains("\"AnnotationCollection\"")
    );

    // Importing the same annotations adds eleven more (new ids), as one undo step.
    harness.get_by_label("Datei").click();
    harness.run();
    harness.get_by_label("Importieren").click();
    harness.run();
    harness
        .get_by_label("W3C-Anmerkungen importieren …")
        .click();
    harness.run();
    enter_path(&mut harness, &jsonld, "Öffnen");
    assert_eq!(harness.state().workspace().session().annotations.len(), 22);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().workspace().session().annotations.len(), 11);
}
