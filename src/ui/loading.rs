//! Opening that takes long (a link, a PDF, a book, a large web page) runs on
//! a worker thread: the window keeps drawing, shows what it loads with its
//! progress, and the reader may cancel. The result comes back as the
//! workspace to show, or the message to give.
//!
//! A short text opens at once on the UI thread (it parses in milliseconds),
//! so opening stays immediate where it can be.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Instant;

use egui::Ui;

use crate::document::{DocumentError, TextFormat};
use crate::fetch::Limits;
use crate::fsio::lock::SessionLock;
use crate::i18n::{fill, tr_in};
use crate::workspace::link::{self, LinkError};
use crate::workspace::{LoadReport, OpenError, Workspace};

/// A text file above this size opens in the background.
const INSTANT_BYTES: u64 = 2 * 1024 * 1024;

/// What a finished job hands back.
pub enum Loaded {
    /// A text or document file, opened as a new session.
    Text {
        /// The file.
        path: PathBuf,
        /// The session on it, or why not.
        result: Result<Workspace, DocumentError>,
    },
    /// A session file and its text, opened and re-anchored.
    Session {
        /// The session file.
        path: PathBuf,
        /// Its lock, taken before the load.
        lock: Option<SessionLock>,
        /// The session, or why not.
        result: Result<(Workspace, LoadReport), OpenError>,
    },
    /// The worker stopped without an answer (a bug it ran into).
    Failed {
        /// What it was loading.
        what: String,
    },
    /// A link, fetched, kept as a snapshot and opened.
    Page {
        /// The address asked for.
        url: String,
        /// The session on the page, or why not.
        result: Result<Workspace, String>,
    },
}

struct Job {
    label: String,
    cancel: Arc<AtomicBool>,
    /// Bytes read so far and expected (0: not known), for a download.
    done: Arc<AtomicU64>,
    total: Arc<AtomicU64>,
    answer: Receiver<Loaded>,
    started: Instant,
}

/// The one background load at a time.
#[derive(Default)]
pub struct Loader {
    job: Option<Job>,
}

/// True when opening `path` as a text is quick enough for the UI thread
/// (and when it cannot be opened at all: the error is quick too).
#[must_use]
pub fn is_instant(path: &Path) -> bool {
    let small = std::fs::metadata(path).map_or(true, |m| !m.is_file() || m.len() <= INSTANT_BYTES);
    small
        && matches!(
            TextFormat::from_path(path),
            TextFormat::Plain | TextFormat::Markdown
        )
}

/// True when opening session file `path` is quick enough for the UI
/// thread: a session of a few MB at most, on a text that opens at once (or
/// on the bundled article). Its text's path is read from the head of the
/// file, where the session names it.
#[must_use]
pub fn is_instant_session(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return true;
    };
    if !meta.is_file() {
        // Not a file: the error says so at once.
        return true;
    }
    if meta.len() > INSTANT_BYTES {
        return false;
    }
    let Some(text) = recorded_text(path) else {
        return true;
    };
    let text = path
        .parent()
        .map_or_else(|| text.clone(), |folder| folder.join(&text));
    is_instant(&text)
}

/// The text path a session file names (`document: (… path: Some("…")`),
/// from the first lines of the file; `None` for the bundled article or
/// when the head does not say.
fn recorded_text(session: &Path) -> Option<PathBuf> {
    use std::io::Read as _;
    let mut head = Vec::new();
    std::fs::File::open(session)
        .ok()?
        .take(8 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    let line = head
        .lines()
        .take(12)
        .find_map(|l| l.trim().strip_prefix("path: Some("))?;
    let quoted = line.strip_suffix("),")?;
    ron::from_str::<String>(quoted).ok().map(PathBuf::from)
}

/// "Lese NAME …", for the status line.
fn reading(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    fill(tr_in().progress_reading, &[("name", &name)])
}

impl Loader {
    /// True while something loads.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Opens a text or document file in the background (with the password
    /// of a protected PDF, if given).
    pub fn open_text(&mut self, ctx: &egui::Context, path: &Path, password: Option<String>) {
        let label = reading(path);
        let path = path.to_path_buf();
        self.start(ctx, label, move |_, _| {
            let result = Workspace::open_text_with_password(&path, password.as_deref());
            Loaded::Text { path, result }
        });
    }

    /// Opens a session file and its text in the background, holding `lock`.
    pub fn open_session(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        lock: Option<SessionLock>,
        password: Option<String>,
    ) {
        let label = reading(path);
        let path = path.to_path_buf();
        self.start(ctx, label, move |_, _| {
            let result = Workspace::open_session_with_password(&path, None, password.as_deref());
            Loaded::Session { path, lock, result }
        });
    }

    /// Fetches a link, keeps its snapshot in `snapshots` and opens it.
    pub fn open_link(&mut self, ctx: &egui::Context, url: &str, snapshots: Option<PathBuf>) {
        let label = fill(tr_in().progress_fetching, &[("url", &url)]);
        let url = url.trim().to_owned();
        let repaint = ctx.clone();
        self.start(ctx, label, move |cancel, progress| {
            let report = |done: u64, total: Option<u64>| {
                progress.0.store(done, Ordering::Relaxed);
                progress.1.store(total.unwrap_or(0), Ordering::Relaxed);
                repaint.request_repaint();
            };
            let result = (|| {
                let page = link::fetch_page(&url, &Limits::default(), cancel, &report)?;
                let dir = snapshots
                    .or_else(link::snapshot_dir)
                    .unwrap_or_else(|| std::env::temp_dir().join("randnotiz-pages"));
                let snapshot = page.keep_in(&dir)?;
                Workspace::open_page(&page, snapshot)
            })()
            .map_err(|e: LinkError| e.to_string());
            Loaded::Page { url, result }
        });
    }

    fn start(
        &mut self,
        ctx: &egui::Context,
        label: String,
        work: impl FnOnce(&AtomicBool, (&AtomicU64, &AtomicU64)) -> Loaded + Send + 'static,
    ) {
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicU64::new(0));
        let total = Arc::new(AtomicU64::new(0));
        let (send, answer) = channel();
        let ctx = ctx.clone();
        let (c, d, t) = (cancel.clone(), done.clone(), total.clone());
        let spawned = std::thread::Builder::new()
            .name("randnotiz-load".into())
            // Extractors walk trees recursively: room beyond the default.
            .stack_size(32 * 1024 * 1024)
            .spawn(move || {
                let loaded = work(&c, (&d, &t));
                // Nobody waits any more when the load was cancelled.
                let _ = send.send(loaded);
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            // A load started while another runs replaces it.
            if let Some(old) = self.job.take() {
                old.cancel.store(true, Ordering::Relaxed);
            }
            self.job = Some(Job {
                label,
                cancel,
                done,
                total,
                answer,
                started: Instant::now(),
            });
        }
    }

    /// The finished load, if one finished.
    pub fn poll(&mut self) -> Option<Loaded> {
        let job = self.job.as_ref()?;
        match job.answer.try_recv() {
            Ok(loaded) => {
                self.job = None;
                Some(loaded)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => self
                .job
                .take()
                .map(|job| Loaded::Failed { what: job.label }),
        }
    }

    /// Stops waiting for the running load (a download stops at once; an
    /// extraction runs out and its result is dropped).
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// The progress row: what loads, how far, a cancel button. Nothing when
    /// idle.
    pub fn ui(&mut self, ui: &mut Ui) {
        let Some(job) = &self.job else {
            return;
        };
        let mut cancel = false;
        ui.horizontal(|ui| {
            let done = job.done.load(Ordering::Relaxed);
            let total = job.total.load(Ordering::Relaxed);
            #[allow(clippy::cast_precision_loss)]
            let bar = if total > 0 {
                egui::ProgressBar::new(done as f32 / total as f32).show_percentage()
            } else {
                egui::ProgressBar::new(0.0).animate(true)
            };
            ui.add(bar.desired_width(160.0));
            let seconds = job.started.elapsed().as_secs();
            let text = if done > 0 {
                format!("{} · {} kB · {seconds} s", job.label, done / 1024)
            } else {
                format!("{} · {seconds} s", job.label)
            };
            ui.label(text);
            if ui.button(tr_in().cancel_loading).clicked() {
                cancel = true;
            }
        });
        if cancel {
            self.cancel();
        }
        // The seconds count on while the worker is silent.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
}
