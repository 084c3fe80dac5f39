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
/// `None`), autosaving into `recovery` if given, settled (a file opened in
/// the background loaded).
pub fn app(file: Option<PathBuf>, recovery: Option<RecoveryStore>) -> Harness<'static, App> {
    window(StartOptions {
        file: file.map(private_copy),
        native_dialogs: false,
        recovery,
        snapshots: None,
    })
}

/// The window on the bundled article, keeping link snapshots in `snapshots`.
pub fn app_with_snapshots(snapshots: &std::path::Path) -> Harness<'static, App> {
    window(StartOptions {
        file: None,
        native_dialogs: false,
        recovery: None,
        snapshots: Some(snapshots.to_path_buf()),
    })
}

/// The harness builder every window test uses: 1280×800, and room for the
/// frames the window takes to settle when background work reports back.
///
/// `Harness::run` steps until no frame asks for an immediate repaint, and
/// fails after `max_steps` (4 by default). The window's background threads
/// (autosave, loading, adding documents) wake it with an immediate repaint
/// whenever they finish, so how many frames a `run` takes depends on when a
/// thread finishes on a busy machine: on CI an autosave finished inside a
/// `run` and the window settled after 6 frames, failing a correct test. A
/// window that never settles still fails, after `MAX_STEPS`.
pub fn builder() -> egui_kittest::HarnessBuilder<App> {
    Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(MAX_STEPS)
}

/// Frames a `run` may take before the window counts as never settling.
pub const MAX_STEPS: u64 = 40;

fn window(options: StartOptions) -> Harness<'static, App> {
    randnotiz::i18n::set_lang(randnotiz::i18n::Lang::De);
    let mut harness = builder().build_eframe(move |cc| App::new(&cc.egui_ctx, None, options));
    harness.step();
    // A large file or a document loads in the background: settled means loaded.
    let start = std::time::Instant::now();
    while harness.state().is_loading() && start.elapsed() < std::time::Duration::from_secs(30) {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    harness
}

/// A session of the repository's `assets/` as a file of this test's own: a
/// window locks the session it opens, and tests run side by side would
/// otherwise find one another's windows holding the example (and leave lock
/// files in `assets/`).
pub fn private_copy(path: PathBuf) -> PathBuf {
    let assets = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets");
    if !(path.starts_with(&assets) && path.extension().is_some_and(|e| e == "ron")) {
        return path;
    }
    let dir = tempfile::tempdir().unwrap().keep();
    let copy = dir.join(path.file_name().unwrap());
    std::fs::copy(&path, &copy).unwrap();
    copy
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
    drag(harness, from, to);
}

/// Every galley painted in the last frame, in paint order.
fn painted_galleys(harness: &Harness<'_, App>) -> Vec<std::sync::Arc<egui::Galley>> {
    fn walk(shape: &egui::Shape, out: &mut Vec<std::sync::Arc<egui::Galley>>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.galley.clone()),
            egui::Shape::Vec(shapes) => {
                for shape in shapes {
                    walk(shape, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// Every text painted in the last frame, in paint order: what the user sees
/// (unlike widget labels, which are built from the data each frame, painted
/// galleys may come from a cache).
pub fn painted_texts(harness: &Harness<'_, App>) -> Vec<String> {
    painted_galleys(harness)
        .iter()
        .map(|g| g.job.text.clone())
        .collect()
}

/// Every text painted in the last frame with its font size in points.
pub fn painted_sizes(harness: &Harness<'_, App>) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for galley in painted_galleys(harness) {
        let job = &galley.job;
        for section in &job.sections {
            let part = &job.text[section.byte_range.start.0..section.byte_range.end.0];
            if !part.trim().is_empty() {
                out.push((part.to_owned(), section.format.font_id.size));
            }
        }
    }
    out
}

/// A text field by its accessible label (the label beside it).
pub fn text_field<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::Queryable;
    harness.get_by(|node| {
        matches!(
            node.role(),
            egui::Role::TextInput | egui::Role::MultilineTextInput
        ) && node.label().as_deref() == Some(label)
    })
}

/// Steps the window until `done` holds, as a user waits for what a worker
/// thread does: a frame every 10 ms, for at most 30 seconds (then it fails,
/// saying what it waited for). Waiting for a side effect (a file written)
/// and then a fixed number of frames raced the worker on a busy machine:
/// the file was there before the worker had reported back.
pub fn wait_for(
    harness: &mut Harness<'_, App>,
    what: &str,
    done: impl Fn(&Harness<'_, App>) -> bool,
) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done(harness) {
        assert!(
            std::time::Instant::now() < deadline,
            "waited 30 s for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

/// The text field labelled `label`, if the window shows one.
pub fn query_text_field<'h>(
    harness: &'h Harness<'_, App>,
    label: &'h str,
) -> Option<egui_kittest::Node<'h>> {
    use egui_kittest::kittest::Queryable;
    harness.query_by(|node| {
        matches!(
            node.role(),
            egui::Role::TextInput | egui::Role::MultilineTextInput
        ) && node.label().as_deref() == Some(label)
    })
}

/// Replaces what the path field holds with `path`.
pub fn type_path(harness: &mut Harness<'_, App>, path: &std::path::Path) {
    text_field(harness, "Pfad:").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    text_field(harness, "Pfad:").type_text(path.to_str().unwrap());
    harness.run();
}

/// Clicks through the menus of `path`: `["Analyse", "Aussagen-Netzwerk …"]`.
pub fn menu(harness: &mut Harness<'_, App>, path: &[&str]) {
    use egui_kittest::kittest::Queryable;
    for label in path {
        harness.get_by_label(label).click();
        harness.run();
    }
}

/// Types `text` into the text field labelled `label`.
pub fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    text_field(harness, label).click();
    harness.run();
    text_field(harness, label).type_text(text);
    harness.run();
}

/// Clicks the button `button`, answers the path field it opens with
/// `path` and Enter, and returns what was written there.
pub fn write_through(
    harness: &mut Harness<'_, App>,
    button: &str,
    path: &std::path::Path,
) -> String {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label(button).click();
    harness.run();
    type_path(harness, path);
    harness.key_press(egui::Key::Enter);
    harness.run();
    std::fs::read_to_string(path).unwrap()
}

/// A text field by its hint (what it shows while empty).
pub fn field_by_hint<'h>(harness: &'h Harness<'_, App>, hint: &'h str) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::Queryable;
    harness.get_by(|node| {
        matches!(
            node.role(),
            egui::Role::TextInput | egui::Role::MultilineTextInput
        ) && node.placeholder() == Some(hint)
    })
}

/// A key typed as a keyboard sends it: the key press and the text it types
/// (which a focused text field would take).
pub fn type_key(harness: &mut Harness<'_, App>, key: egui::Key, text: &str) {
    harness.key_press(key);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

/// Drags from the middle of document char `from` to the middle of char
/// `to`, as a user whose mouse lands inside words.
pub fn drag_between(harness: &mut Harness<'_, App>, from: usize, to: usize) {
    let start = harness.state().char_rect(from).expect("start on screen");
    let end = harness.state().char_rect(to).expect("end on screen");
    drag(harness, start.center(), end.center());
}

/// Press at `from`, move through the middle, release at `to`.
fn drag(harness: &mut Harness<'_, App>, from: Pos2, to: Pos2) {
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
