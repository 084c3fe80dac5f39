//! Analysis in the window, driven headless with egui_kittest: a statement
//! coded in the toolbar, another reader's session merged from the File
//! menu (one undo takes it back), the reader filter, the agreement and
//! statistics windows.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::PathBuf;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use randnotiz::actors::ActorId;
use randnotiz::annotation::{ConceptId, Stance};
use randnotiz::ui::App;
use window::drag_over;

fn app(file: Option<PathBuf>) -> Harness<'static, App> {
    window::app(file, None)
}

fn field<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by(|n| {
        matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
            && n.label().as_deref() == Some(label)
    })
}

/// Types into a field, replacing what it holds.
fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    field(harness, label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    field(harness, label).type_text(text);
    harness.run();
}

#[test]
fn a_statement_is_coded_in_the_toolbar_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(None);
    let text = harness.state().workspace().document().text().to_owned();
    let range = common::find(
        &text,
        "Das von Russland angeführte Militärbündnis sieht seine Mission erfüllt",
    );
    drag_over(&mut harness, range);
    harness.key_press(Key::Num1);
    harness.run();
    type_into(&mut harness, "Akteure", "OVKS");
    harness.key_press(Key::Enter);
    harness.run();

    // A new concept, typed where the statement is coded.
    type_into(&mut harness, "Aussage", "Abzug der Truppen");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("stimmt zu").click();
    harness.run();

    let ws = harness.state().workspace();
    let annotation = &ws.session().annotations[0];
    let statement = annotation.statement.as_ref().expect("a statement");
    assert_eq!(statement.actor, ActorId("ovks".into()));
    assert_eq!(statement.stance, Stance::Agrees);
    assert_eq!(
        ws.session().concept(&statement.concept).unwrap().name,
        "Abzug der Truppen"
    );
    // The concept list shows it with one statement.
    harness.get_by_label("Konzepte (1)");

    // Saved, the file carries concept and statement in format 2.
    let path = dir.path().join("aussagen.ron");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    type_into(&mut harness, "Pfad:", path.to_str().unwrap());
    harness
        .get_by_role_and_label(Role::Button, "Speichern")
        .click();
    harness.run();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("format: 2,"));
    assert!(
        saved.contains(
            "statement: Some((actor: \"ovks\", concept: \"abzug-der-truppen\", stance: Agrees))"
        ),
        "{saved}"
    );

    // Undo takes the stance back, then the concept with the statement.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let s = harness.state().workspace().session().annotations[0]
        .statement
        .clone()
        .unwrap();
    assert_eq!(s.stance, Stance::Neutral);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let session = harness.state().workspace().session();
    assert_eq!(session.annotations[0].statement, None);
    assert!(
        session
            .concept(&ConceptId("abzug-der-truppen".into()))
            .is_none()
    );
}

#[test]
fn merge_from_the_file_menu_then_filter_and_compare_readers() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben) = common::two_readers(dir.path());
    let mut harness = app(Some(anna));
    assert_eq!(harness.state().workspace().session().annotations.len(), 11);

    harness.get_by_label("Datei").click();
    harness.run();
    harness
        .get_by_label_contains("Sitzung zusammenführen")
        .click();
    harness.run();
    type_into(&mut harness, "Pfad:", ben.to_str().unwrap());
    harness
        .get_by_role_and_label(Role::Button, "Öffnen")
        .click();
    harness.run();

    let session = harness.state().workspace().session();
    assert_eq!(session.annotations.len(), 17);
    assert!(session.annotations.iter().all(|a| a.reader.is_some()));
    assert!(
        session.actor(&ActorId("csto".into())).is_none(),
        "OVKS unified by name"
    );
    harness.get_by_label_contains("6 Anmerkungen von ben übernommen");

    // The list shows both readers; the filter narrows it to the passages
    // where they differ.
    harness.get_by_label("Alle").click();
    harness.run();
    harness.get_by_label_contains("17 angezeigt");
    harness
        .get_by(|n| n.role() == Role::ComboBox && n.label().as_deref() == Some("Leser:"))
        .click();
    harness.run();
    harness.get_by_label("Unterschiede anna ↔ ben").click();
    harness.run();
    let count = std::cell::RefCell::new(String::new());
    harness.get_by(|n| {
        let label = n.value().or_else(|| n.label()).unwrap_or_default();
        let found = n.role() == Role::Label && label.contains("angezeigt");
        if found {
            count.replace(label);
        }
        found
    });
    let shown: usize = count
        .borrow()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // Ben coded Anna's first five passages with the same actors; her a6–a11
    // are hers alone, and his one passage of his own (on the
    // Menschenrechtler) lies in her a10, coded with fewer actors: 6 + 1.
    assert_eq!(shown, 7);

    // The agreement window: κ and α for every actor.
    harness.get_by_label("Analyse").click();
    harness.run();
    harness.get_by_label_contains("Übereinstimmung").click();
    harness.run();
    harness.get_by_label_contains(
        "Übereinstimmung zwischen anna (11 Anmerkungen) und ben (6 Anmerkungen)",
    );
    harness.get_by_label("κ");
    // Tokajew in the actor panel and as a row of the table.
    assert!(harness.query_all_by_label("Tokajew").count() >= 2);

    // The statistics window with its chart and table.
    harness.get_by_label("Analyse").click();
    harness.run();
    harness.get_by_label_contains("Akteursstatistik").click();
    harness.run();
    harness.get_by_label("Gemeinsam in einer Anmerkung");

    // One undo takes the whole merge back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let session = harness.state().workspace().session();
    assert_eq!(session.annotations.len(), 11);
    assert!(session.annotations.iter().all(|a| a.reader.is_none()));
}
