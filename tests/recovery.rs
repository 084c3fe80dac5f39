//! Nothing lost: a window killed with SIGKILL in the middle of annotating,
//! and a new one that recovers every annotation from the autosave.
//!
//! The child is this test binary run again with `--ignored`, driving the real
//! app headless through egui_kittest; the parent kills it with SIGKILL (what
//! `kill -9`, a crash or a power cut leave behind) and starts a fresh app on
//! the same data folder.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use randnotiz::storage::recovery::{RecoveryStore, read};
use randnotiz::ui::App;
use window::drag_over;

fn app(store: Option<RecoveryStore>) -> Harness<'static, App> {
    window::app(None, store)
}

const CHILD_ENV: &str = "RANDNOTIZ_TEST_RECOVERY_DIR";

/// Passages the child annotates, one after another.
const PASSAGES: [&str; 5] = [
    "Das von Russland angeführte Militärbündnis",
    "wie das russische Verteidigungsministerium mitteilte",
    "mehr als 2000 Soldaten nach Kasachstan entsandt",
    "dass die \"Friedenstruppen\" der OVKS",
    "Die Organisation des Vertrags über kollektive Sicherheit",
];
/// How many the child finishes (and sees autosaved) before it is killed.
const FINISHED: usize = 4;

/// Annotations in this window's recovery file, if it has one.
fn autosaved(harness: &Harness<'_, App>) -> usize {
    harness
        .state()
        .recovery_file()
        .and_then(|f| read(&f).ok())
        .map_or(0, |s| s.session.annotations.len())
}

/// The child: annotates until killed, saying after each annotation once the
/// autosave holds it.
#[test]
#[ignore = "run by a_killed_window_is_recovered_at_the_next_start as a child process"]
fn child_annotates_until_killed() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut harness = app(Some(RecoveryStore::new(PathBuf::from(dir))));
    for (n, passage) in PASSAGES.iter().enumerate() {
        let range = common::find(harness.state().workspace().document().text(), passage);
        drag_over(&mut harness, range);
        println!("selected {n}");
        if n == FINISHED {
            // In the middle of annotating: selected, not yet coloured.
            loop {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        harness.key_press(Key::Num1);
        harness.run();
        let deadline = Instant::now() + Duration::from_secs(20);
        while autosaved(&harness) < n + 1 {
            assert!(
                Instant::now() < deadline,
                "autosave did not write annotation {n}"
            );
            std::thread::sleep(Duration::from_millis(100));
            harness.step();
        }
        println!("saved {}", n + 1);
    }
}

fn spawn_child(dir: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_annotates_until_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, dir)
        .env("RANDNOTIZ_LANG", "de")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_killed_window_is_recovered_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_child(dir.path());
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut saved = 0;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(n) = line.strip_prefix("saved ") {
            saved = n.trim().parse().unwrap();
        }
        if line == format!("selected {FINISHED}") {
            break;
        }
    }
    assert_eq!(saved, FINISHED, "the child reported every autosave");
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    let status = child.wait().unwrap();
    assert!(!status.success());

    // A new window on the same data folder offers what the dead one left.
    let store = RecoveryStore::new(dir.path().to_path_buf());
    let pending = store.pending();
    assert_eq!(pending.len(), 1);
    let old_file = pending[0].path.clone();
    let mut harness = app(Some(store.clone()));
    harness.get_by(|n| {
        n.role() == Role::Label
            && n.value()
                .is_some_and(|v| v.contains(&format!("{FINISHED} Anmerkungen")))
    });
    harness
        .get_by_role_and_label(Role::Button, "Wiederherstellen")
        .click();
    harness.run();

    let ws = harness.state().workspace();
    let quotes: Vec<&str> = ws
        .session()
        .annotations
        .iter()
        .map(randnotiz::annotation::Annotation::quote)
        .collect();
    assert_eq!(
        quotes,
        PASSAGES[..FINISHED],
        "every finished annotation is back, in order"
    );
    for annotation in &ws.session().annotations {
        assert_eq!(ws.document().slice(annotation.range()), annotation.quote());
    }
    assert!(ws.is_dirty(), "restored changes are unsaved until saved");
    assert!(!old_file.exists(), "the old recovery file is gone");
    // What is left is at most this window's own autosave of the restored
    // (still unsaved) changes, never the dead window's file.
    let own = harness.state().recovery_file();
    for left in store.pending() {
        assert_eq!(
            Some(&left.path),
            own.as_ref(),
            "only this window's autosave"
        );
    }
}

#[test]
fn a_clean_save_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("lesung.ron");
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let mut harness = app(Some(store.clone()));
    let range = common::find(harness.state().workspace().document().text(), PASSAGES[0]);
    drag_over(&mut harness, range);
    harness.key_press(Key::Num2);
    harness.run();
    let deadline = Instant::now() + Duration::from_secs(10);
    while autosaved(&harness) < 1 {
        assert!(Instant::now() < deadline, "no autosave");
        std::thread::sleep(Duration::from_millis(100));
        harness.step();
    }
    let file = harness.state().recovery_file().unwrap();
    assert!(file.exists());

    // Save as, through the path field.
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    harness.run();
    let field =
        harness.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some("Pfad:"));
    field.click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some("Pfad:"))
        .type_text(session.to_str().unwrap());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Speichern")
        .click();
    harness.run();
    harness.step();
    assert!(session.exists());
    assert!(!file.exists(), "a clean save removes the recovery file");
    assert!(store.pending().is_empty());
}
