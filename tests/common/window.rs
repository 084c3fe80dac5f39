//! Helpers for the tests that drive the window headless with egui_kittest
//! (only for the test binaries that need the `gui` feature).
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;

use egui::{Pos2, vec2};
use egui_kittest::Harness;
use randnotiz::document::CharRange;
use randnotiz::storage::recovery::RecoveryStore;
use randnotiz::ui::{App, StartOptions};

/// The window at 1280×800 in German, on `file` (the bundled article when
/// `None`), autosaving into `recovery` if given, settled.
pub fn app(file: Option<PathBuf>, recovery: Option<RecoveryStore>) -> Harness<'static, App> {
    randnotiz::i18n::set_lang(randnotiz::i18n::Lang::De);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            App::new(
                &cc.egui_ctx,
                None,
                StartOptions {
                    file,
                    native_dialogs: false,
                    recovery,
                },
            )
        });
    harness.run();
    harness
}

/// Drags the mouse over document chars `range` as a user would: press at the
/// start, move through the middle, release at the end.
pub fn drag_over(harness: &mut Harness<'_, App>, range: CharRange) {
    let start = harness
        .state()
        .char_rect(range.start)
        .expect("start of the passage on screen");
    let end = harness
        .state()
        .char_rect(range.end)
        .expect("end of the passage on screen");
    let from = start.left_center() + vec2(0.5, 0.0);
    let to = end.left_center() - vec2(0.5, 0.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    let middle = Pos2::new(f32::midpoint(from.x, to.x), f32::midpoint(from.y, to.y));
    for pos in [middle, to] {
        harness.hover_at(pos);
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}
