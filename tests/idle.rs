//! An idle window draws nothing: after the first frames, five seconds
//! without input produce no frame, with the bundled article, with a book,
//! and after an annotation (whose autosave may add its own frames, then
//! stops).
//!
//! The harness drives the real app the way eframe's reactive mode does: a
//! frame runs only when the last one asked for a repaint, at the delay it
//! asked for. Frames are counted over five real seconds.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{Key, Pos2, vec2};
use egui_kittest::Harness;
use randnotiz::ui::App;

fn app(file: Option<PathBuf>, recovery: Option<PathBuf>) -> Harness<'static, App> {
    window::app(
        file,
        recovery.map(randnotiz::storage::recovery::RecoveryStore::new),
    )
}

const IDLE: Duration = Duration::from_secs(5);

/// Frames the app asks for during `span` of real time without input,
/// running each at the time it asked for, as eframe's reactive loop does.
fn frames_while_idle(harness: &mut Harness<'_, App>, span: Duration) -> usize {
    let end = Instant::now() + span;
    let mut frames = 0;
    loop {
        let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        let now = Instant::now();
        let Some(at) = now.checked_add(delay).filter(|at| *at < end) else {
            std::thread::sleep(end.saturating_duration_since(now));
            return frames;
        };
        std::thread::sleep(at.saturating_duration_since(now));
        harness.step();
        frames += 1;
    }
}

#[test]
fn the_bundled_article_at_rest_draws_nothing() {
    let mut harness = app(None, None);
    assert_eq!(frames_while_idle(&mut harness, IDLE), 0);
}

#[test]
fn a_book_at_rest_draws_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("effi.txt");
    std::fs::copy(common::data("long/fontane_effi_briest_1896.txt"), &path).unwrap();
    let mut harness = app(Some(path), None);
    // Scrolled to somewhere in the middle, then left alone.
    harness.hover_at(Pos2::new(640.0, 400.0));
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        // Input makes a frame; scrolling animates for a few more.
        harness.step();
        frames_while_idle(&mut harness, Duration::from_millis(100));
    }
    frames_while_idle(&mut harness, Duration::from_millis(500));
    assert!(
        harness
            .state()
            .char_rect(0)
            .is_none_or(|r| r.bottom() < 0.0),
        "scrolled away from the start of the book"
    );
    assert_eq!(frames_while_idle(&mut harness, IDLE), 0);
}

#[test]
fn after_an_annotation_only_the_autosave_draws_then_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(None, Some(dir.path().join("recovery")));
    let text = harness.state().workspace().document().text().to_owned();
    let range = common::find(&text, "Das von Russland angeführte Militärbündnis");
    window::drag_over(&mut harness, range);
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().workspace().session().annotations.len(), 1);

    // The autosave may take a few frames (its timer, the write on a worker);
    // once the recovery file is written, the window is quiet.
    let deadline = Instant::now() + Duration::from_secs(30);
    while harness.state().recovery_file().is_none_or(|f| !f.exists()) {
        assert!(Instant::now() < deadline, "no autosave within 30 s");
        frames_while_idle(&mut harness, Duration::from_millis(200));
    }
    frames_while_idle(&mut harness, Duration::from_millis(500));
    assert_eq!(frames_while_idle(&mut harness, IDLE), 0);
}
