//! Autosave: a recovery file while the session has unsaved changes, and the
//! offer to restore one at start.
//!
//! The snapshot is written on a worker thread at most every
//! [`INTERVAL`] and whenever the reader moves to another section; the window
//! asks egui to wake it when the interval runs out, so an idle window still
//! repaints nothing. A clean save or quit removes the file.

use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use crate::fsio::SaveError;
use crate::i18n::{fill, tr};
use crate::storage::recovery::{Pending, RecoveryStore, Snapshot};
use crate::workspace::Workspace;

/// Longest time unsaved changes go without a recovery file.
pub const INTERVAL: Duration = Duration::from_secs(2);

/// Autosave state of one window.
pub struct Autosave {
    store: Option<RecoveryStore>,
    instance: String,
    /// The workspace revision last written.
    written: Option<u64>,
    last: Option<Instant>,
    section: Option<usize>,
    writer: Option<JoinHandle<Result<(), SaveError>>>,
    /// The last write's failure, shown once.
    pub error: Option<String>,
    /// Recovery files found at start, offered until restored or discarded.
    pub pending: Vec<Pending>,
}

/// What the user chose for a recovery file.
pub enum Choice {
    /// Restore this snapshot.
    Restore(Box<Snapshot>, std::path::PathBuf),
}

impl Autosave {
    /// Autosave into `store` (none: autosave off), with what earlier runs left.
    #[must_use]
    pub fn new(store: Option<RecoveryStore>) -> Self {
        let pending = store
            .as_ref()
            .map(RecoveryStore::pending)
            .unwrap_or_default();
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        Self {
            store,
            instance: format!("{}-{started}", std::process::id()),
            written: None,
            last: None,
            section: None,
            writer: None,
            error: None,
            pending,
        }
    }

    /// The recovery file this window writes.
    #[must_use]
    pub fn file(&self) -> Option<std::path::PathBuf> {
        self.store.as_ref().map(|s| s.file(&self.instance))
    }

    /// Called every frame: writes or removes the recovery file as needed.
    pub fn tick(&mut self, ctx: &egui::Context, ws: &Workspace, section: usize) {
        let Some(store) = self.store.clone() else {
            return;
        };
        self.collect_writer(false);
        let section_changed = self.section.is_some_and(|s| s != section);
        self.section = Some(section);
        if !ws.is_dirty() {
            if self.written.is_some() {
                self.collect_writer(true);
                store.remove(&self.instance);
                self.written = None;
            }
            return;
        }
        if self.written == Some(ws.revision()) {
            return;
        }
        let elapsed = self.last.map_or(INTERVAL, |t| t.elapsed());
        if elapsed < INTERVAL && !section_changed {
            ctx.request_repaint_after(INTERVAL - elapsed);
            return;
        }
        if self.writer.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
            return;
        }
        let snapshot = ws.snapshot();
        let instance = self.instance.clone();
        let waker = ctx.clone();
        self.writer = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                let written = store.write(&instance, &snapshot);
                waker.request_repaint();
                written
            })
            .ok();
        self.written = Some(ws.revision());
        self.last = Some(Instant::now());
    }

    /// Takes the result of a finished write; `wait` waits for a running one.
    fn collect_writer(&mut self, wait: bool) {
        let finished = self.writer.as_ref().is_some_and(JoinHandle::is_finished);
        if !(finished || wait) {
            return;
        }
        if let Some(writer) = self.writer.take() {
            match writer.join() {
                Ok(Ok(())) => {}
                Ok(Err(err)) => self.error = Some(fill(tr().autosave_failed, &[("error", &err)])),
                Err(_) => self.error = Some(fill(tr().autosave_failed, &[("error", &"panic")])),
            }
        }
    }

    /// Removes the recovery file: the changes were saved, or the user said
    /// to discard them.
    pub fn clear(&mut self) {
        self.collect_writer(true);
        if let Some(store) = &self.store {
            store.remove(&self.instance);
        }
        self.written = None;
    }

    /// Writes the recovery file now if there are unwritten changes (before
    /// the window closes with changes the user has not decided about).
    pub fn flush(&mut self, ws: &Workspace) {
        self.collect_writer(true);
        if let Some(store) = &self.store
            && ws.is_dirty()
            && self.written != Some(ws.revision())
        {
            if let Err(err) = store.write(&self.instance, &ws.snapshot()) {
                self.error = Some(fill(tr().autosave_failed, &[("error", &err)]));
            }
            self.written = Some(ws.revision());
        }
    }

    /// The offer to restore what earlier runs left; returns the choice.
    pub fn offer_ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        if self.pending.is_empty() {
            return None;
        }
        let t = tr();
        let mut choice = None;
        let mut discard = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui: &mut Ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new(t.recovery_title).heading());
            ui.label(t.recovery_body);
            ui.add_space(6.0);
            for (i, pending) in self.pending.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| match &pending.snapshot {
                    Ok(snapshot) => {
                        ui.label(RichText::new(describe(snapshot)).strong());
                        ui.horizontal(|ui| {
                            if ui.button(t.recovery_restore).clicked() {
                                choice = Some(Choice::Restore(
                                    Box::new(snapshot.clone()),
                                    pending.path.clone(),
                                ));
                            }
                            if ui.button(t.recovery_discard).clicked() {
                                discard = Some(i);
                            }
                        });
                    }
                    Err(err) => {
                        ui.label(fill(t.recovery_broken, &[("error", err)]));
                        if ui.button(t.recovery_discard).clicked() {
                            discard = Some(i);
                        }
                    }
                });
            }
        });
        if let Some(i) = discard {
            let pending = self.pending.remove(i);
            if let Some(store) = &self.store {
                store.discard(&pending.path);
            }
        }
        if let Some(Choice::Restore(_, path)) = &choice {
            self.pending.retain(|p| &p.path != path);
        }
        choice
    }

    /// Removes a restored recovery file (the window's own autosave takes over).
    pub fn restored(&mut self, path: &std::path::Path) {
        if let Some(store) = &self.store {
            store.discard(path);
        }
    }
}

/// "lesung.ron – 24.11.2026 10:14 – 12 Anmerkungen".
fn describe(snapshot: &Snapshot) -> String {
    let name = snapshot
        .session_path
        .as_deref()
        .and_then(|p| std::path::Path::new(p).file_name())
        .map_or_else(
            || snapshot.session.document.title.clone(),
            |n| n.to_string_lossy().into_owned(),
        );
    let time = snapshot
        .written
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime("%d.%m.%Y %H:%M")
        .to_string();
    fill(
        tr().recovery_entry,
        &[
            ("name", &name),
            ("time", &time),
            ("n", &snapshot.session.annotations.len()),
        ],
    )
}
