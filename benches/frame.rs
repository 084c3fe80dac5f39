//! One headless frame of the whole window (egui run + tessellate, no GPU):
//! the bundled article with its example session shown whole, 60 kB of the
//! novel annotated as densely as the book, and the 5 MB text with 10 000
//! annotations scrolled to the middle; idle, scrolling, dragging a
//! selection, switching sections; a project of 1,040 documents idle with
//! its document list, beside one of its documents read alone.
//! Target: the book's frame at most 1.3 times the article's, and under 2 ms.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "data.rs"]
mod data;
#[path = "common/project_data.rs"]
mod project_data;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Event, Pos2, RawInput, Rect, vec2};
use randnotiz::document::CharRange;
use randnotiz::ui::command::{Action, Intent};
use randnotiz::ui::{App, StartOptions};

struct Window {
    ctx: egui::Context,
    app: App,
}

impl Window {
    fn new(file: Option<std::path::PathBuf>) -> Self {
        let ctx = egui::Context::default();
        let app = App::new(
            &ctx,
            None,
            StartOptions {
                file,
                native_dialogs: false,
                recovery: None,
                snapshots: None,
            },
        );
        let mut window = Self { ctx, app };
        for _ in 0..5 {
            window.frame(Vec::new());
        }
        window
    }

    fn input(events: Vec<Event>) -> RawInput {
        RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
            events,
            ..Default::default()
        }
    }

    /// One frame: run the app, tessellate what it drew.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        let app = &mut self.app;
        let output = self.ctx.run_ui(Self::input(events), |ui| app.frame(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }

    fn middle(&mut self) {
        let len = self.app.workspace().document().len_chars();
        let ctx = self.ctx.clone();
        self.app
            .apply(&ctx, Intent::Reveal(CharRange::new(len / 2, len / 2 + 1)));
        for _ in 0..5 {
            self.frame(Vec::new());
        }
    }
}

fn hover() -> Vec<Event> {
    vec![Event::PointerMoved(Pos2::new(640.0, 400.0))]
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let book = data::session_file(dir.path(), &data::book(), 10_000);
    // The same novel, 60 000 chars, annotated as densely: what changes is
    // only the length of the document.
    let excerpt_dir = tempfile::tempdir().unwrap();
    let novel: String = data::novel().chars().take(60_000).collect();
    let excerpt = data::session_file(excerpt_dir.path(), &novel, 110);
    let chapters_dir = tempfile::tempdir().unwrap();
    let chapters = data::session_file(chapters_dir.path(), &data::book_with_chapters(), 10_000);

    // The bundled article with the example session, shown whole (it fills
    // the screen as the book does).
    let mut article = Window::new(Some(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example-session.ron"),
    ));
    let ctx = article.ctx.clone();
    article
        .app
        .apply(&ctx, Intent::Action(Action::ToggleContinuous));
    for _ in 0..3 {
        article.frame(Vec::new());
    }
    let mut small = Window::new(Some(excerpt));
    small.middle();
    let mut big = Window::new(Some(book));
    big.middle();

    // The book under 600 headings: the outline is long, only its rows in
    // view are built.
    let outlined_dir = tempfile::tempdir().unwrap();
    let outlined = data::session_file(
        outlined_dir.path(),
        &data::sections(&data::book(), 600),
        10_000,
    );
    let mut outlined = Window::new(Some(outlined));
    outlined.middle();

    // A project of 1,040 articles with 52,000 annotations, on one of its
    // documents with the document list beside it.
    let project_root = tempfile::tempdir().unwrap();
    let mut corpus = Window::new(Some(project_data::build(project_root.path())));
    // The same window on a project of one of those articles: what the
    // corpus's size costs, apart from the list's panel.
    let one_root = tempfile::tempdir().unwrap();
    let one_dir = project_data::build_n(one_root.path(), 1);
    let mut one = Window::new(Some(one_dir.clone()));
    // That article alone, as a session file with the project's actors and
    // concepts: what the corpus costs, all of it.
    let mut alone = Window::new(Some(project_data::alone(&one_dir)));

    let mut group = c.benchmark_group("frame");
    group.bench_function(
        BenchmarkId::new("idle", "project of 1,040 documents, list shown"),
        |b| {
            b.iter(|| corpus.frame(hover()));
        },
    );
    group.bench_function(
        BenchmarkId::new("idle", "project of 1 document, list shown"),
        |b| {
            b.iter(|| one.frame(hover()));
        },
    );
    group.bench_function(
        BenchmarkId::new("idle", "that document alone, without the project"),
        |b| {
            b.iter(|| alone.frame(hover()));
        },
    );
    group.bench_function(
        BenchmarkId::new("idle", "5 MB in 600 sections + 10k annotations"),
        |b| {
            b.iter(|| outlined.frame(hover()));
        },
    );
    for (name, window) in [
        ("article", &mut article),
        ("60 kB of the novel + 110 annotations", &mut small),
        ("5 MB + 10k annotations", &mut big),
    ] {
        group.bench_function(BenchmarkId::new("idle", name), |b| {
            b.iter(|| window.frame(hover()));
        });
        let mut down = true;
        group.bench_function(BenchmarkId::new("scroll", name), |b| {
            b.iter(|| {
                down = !down;
                let delta = if down { -120.0 } else { 120.0 };
                window.frame(vec![Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: vec2(0.0, delta),
                    phase: egui::TouchPhase::Move,
                    modifiers: egui::Modifiers::NONE,
                    source: egui::MouseWheelSource::Wheel,
                }])
            });
        });
        window.frame(vec![Event::PointerButton {
            pos: Pos2::new(420.0, 300.0),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        }]);
        let mut x = 420.0;
        group.bench_function(BenchmarkId::new("drag-select", name), |b| {
            b.iter(|| {
                x = if x > 800.0 { 420.0 } else { x + 3.0 };
                window.frame(vec![Event::PointerMoved(Pos2::new(x, 340.0))])
            });
        });
        window.frame(vec![Event::PointerButton {
            pos: Pos2::new(x, 340.0),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        }]);
        window.frame(vec![Event::Key {
            key: egui::Key::Escape,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }]);
    }

    // Switching sections: the article's three, the chaptered book's nine;
    // shown a section at a time (each switch lays out a new screen) and
    // whole (each switch scrolls).
    let article_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/example-session.ron");
    let mut sections = Window::new(Some(article_path.clone()));
    let mut chaptered = Window::new(Some(chapters.clone()));
    let mut sections_whole = Window::new(Some(article_path));
    let mut chaptered_whole = Window::new(Some(chapters));
    // The same nine chapters at 60 kB in all: what changes is only the size.
    let small_chapters_dir = tempfile::tempdir().unwrap();
    let small_chapter: String = data::novel().chars().take(6_600).collect();
    let small_chapters = data::session_file(
        small_chapters_dir.path(),
        &data::chapters(&small_chapter),
        110,
    );
    let mut small_chaptered = Window::new(Some(small_chapters.clone()));
    let mut small_chaptered_whole = Window::new(Some(small_chapters));
    for window in [
        &mut sections_whole,
        &mut small_chaptered_whole,
        &mut chaptered_whole,
    ] {
        let ctx = window.ctx.clone();
        window
            .app
            .apply(&ctx, Intent::Action(Action::ToggleContinuous));
        window.frame(Vec::new());
    }
    for (name, window) in [
        ("article", &mut sections),
        ("60 kB, nine chapters", &mut small_chaptered),
        ("5 MB, nine chapters", &mut chaptered),
        ("article, whole", &mut sections_whole),
        ("60 kB, nine chapters, whole", &mut small_chaptered_whole),
        ("5 MB, nine chapters, whole", &mut chaptered_whole),
    ] {
        let mut forward = true;
        group.bench_function(BenchmarkId::new("next section", name), |b| {
            b.iter(|| {
                let count = window.app.workspace().document().sections().len();
                let current = window.app.view().section.min(count - 1);
                if current + 1 >= count {
                    forward = false;
                } else if current == 0 {
                    forward = true;
                }
                let ctx = window.ctx.clone();
                let action = if forward {
                    Action::NextSection
                } else {
                    Action::PreviousSection
                };
                window.app.apply(&ctx, Intent::Action(action));
                window.frame(hover())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
