//! Files: opening texts and sessions (with their locks), saving, the
//! answers about a file changed on disk, exporting, merging, importing.

use std::path::{Path, PathBuf};

use crate::document::{DecodeError, DocumentError};
use crate::fsio::lock::{SessionLock, WINDOW};
use crate::i18n::{fill, tr};
use crate::ui::derived::Derived;
use crate::ui::files::{self, Purpose};
use crate::ui::messages::{AfterConfirm, Choice, DiskAnswer, DiskQuestion};
use crate::ui::reader::ReaderView;
use crate::workspace::{OpenError, Workspace};

use super::{App, View};

impl App {
    pub(super) fn restore(&mut self, snapshot: crate::storage::recovery::Snapshot, path: &Path) {
        match Workspace::restore(snapshot) {
            Ok((ws, report)) => {
                self.replace(ws);
                // The restored session's file, if it has one, is this
                // window's to write now (unless another window has it open).
                self.lock = self
                    .ws
                    .session_path()
                    .and_then(|p| SessionLock::try_lock(p, WINDOW).ok().flatten());
                self.autosave.restored(path);
                self.messages
                    .notice(fill(tr().recovery_done, &[("summary", &report.summary())]));
                if report.moved + report.orphaned > 0 || !report.notices.is_empty() {
                    self.messages.report = Some(report);
                }
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.ws.session_path().map(Path::to_path_buf) {
            Some(path) => self.save_to(&path),
            None => self.save_as(ctx),
        }
    }

    pub(super) fn save_as(&mut self, ctx: &egui::Context) {
        let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
        let name = files::session_name_for(self.ws.document_path());
        self.files
            .ask(ctx, Purpose::SaveAs, folder.as_deref(), Some(&name));
    }

    pub(super) fn save_to(&mut self, path: &Path) {
        let path = files::with_session_extension(path.to_path_buf());
        let own = self
            .ws
            .session_path()
            .is_some_and(|p| Some(p.to_path_buf()) == std::path::absolute(&path).ok());
        // A file another window has open is written only from there; this
        // window's own file is checked for their changes by the save itself.
        let lock = if own && self.lock.is_some() {
            None
        } else {
            match SessionLock::try_lock(&path, WINDOW) {
                Ok(lock) => lock,
                Err(held) if !own => {
                    self.after_save = None;
                    self.messages.error(held.to_string());
                    return;
                }
                Err(_) => None,
            }
        };
        match self.ws.save(&path) {
            Ok(()) => {
                if lock.is_some() {
                    self.lock = lock;
                }
                self.disk_ignored = false;
                self.messages
                    .notice(fill(tr().saved, &[("path", &path.display())]));
                if self.ws.is_shared() {
                    self.saved_into_project();
                } else {
                    self.settings.remember(path);
                }
                if let Some(after) = self.after_save.take() {
                    self.proceed(after);
                }
            }
            // Someone else wrote the file: ask (a save before quitting waits).
            Err(crate::fsio::SaveError::ChangedOnDisk { .. }) => {
                self.messages.disk = Some(DiskQuestion::BeforeSave(path));
            }
            // A file its owner protected, or one that keeps what this version
            // cannot: said so, with the way out.
            Err(
                err @ (crate::fsio::SaveError::FileReadOnly { .. }
                | crate::fsio::SaveError::PermissionDenied { .. }
                | crate::fsio::SaveError::WouldDrop { .. }
                | crate::fsio::SaveError::ReadOnly { .. }),
            ) => {
                self.after_save = None;
                self.messages.error_save_as(err.to_string());
            }
            Err(err) => {
                self.after_save = None;
                self.messages.error(err.to_string());
            }
        }
    }

    /// Carries out the answer about a session file changed on disk.
    pub(super) fn disk_answered(
        &mut self,
        ctx: &egui::Context,
        question: DiskQuestion,
        answer: DiskAnswer,
    ) {
        match (question, answer) {
            (question, DiskAnswer::Merge) => match self.ws.take_in_disk_changes() {
                Ok(report) => {
                    self.derived.update(&self.ws);
                    self.drop_stale_focus();
                    self.messages.notice(fill(
                        tr().disk_merged,
                        &[
                            ("taken", &report.taken),
                            ("removed", &report.removed),
                            ("conflicts", &report.conflicts.len()),
                        ],
                    ));
                    if let DiskQuestion::BeforeSave(path) = question {
                        self.save_to(&path);
                    }
                }
                Err(err) => {
                    self.after_save = None;
                    self.messages.error(err.to_string());
                }
            },
            (DiskQuestion::BeforeSave(_), DiskAnswer::SaveAs) => self.save_as(ctx),
            (DiskQuestion::BeforeSave(path), DiskAnswer::Overwrite) => {
                self.ws.adopt_disk_state();
                self.save_to(&path);
            }
            (_, DiskAnswer::Reload) => {
                // The same file, open here already: no asking again.
                if let Some(path) = self.ws.session_path().map(Path::to_path_buf) {
                    let lock = self.lock.take();
                    self.open_session(&path, lock);
                }
            }
            (_, DiskAnswer::Keep | DiskAnswer::SaveAs | DiskAnswer::Overwrite) => {
                self.after_save = None;
                self.disk_ignored = true;
            }
        }
        ctx.request_repaint();
    }

    pub(super) fn export_to(&mut self, format: crate::export::Format, path: &Path) {
        let input = crate::export::Input {
            session: self.ws.session(),
            document: self.ws.document(),
            source: self.ws.document_path(),
        };
        match crate::export::write(&input, format, path) {
            Ok(()) => self
                .messages
                .notice(fill(tr().exported, &[("path", &path.display())])),
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    /// Adds the annotations of a W3C file to the session, as one undo step.
    /// Merges another reader's session on the same text into this one, as
    /// one undoable step.
    pub(super) fn merge_from(&mut self, path: &Path) {
        match self
            .ws
            .merge_files(&[path], crate::analysis::merge::Identical::Recognise)
        {
            Ok(merged) => {
                self.derived.update(&self.ws);
                self.drop_stale_focus();
                self.messages.notice(merged.report.summary());
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    /// Adds Web Annotations to the session, as one undo step.
    pub(super) fn import_w3c(&mut self, path: &Path) {
        let result = self.ws.import_w3c(path);
        self.took_in(path, result, tr().imported);
    }

    /// Adds another app's highlights to the session, as one undo step.
    pub(super) fn import_highlights(&mut self, path: &Path, kind: crate::export::highlights::Kind) {
        let result = self.ws.import_highlights(path, kind);
        self.took_in(path, result, crate::i18n::tr_hl().imported);
    }

    /// Says what an import into the session added (`template`, filled with
    /// `n` and `path`) and what could not be placed, or why it failed.
    fn took_in(
        &mut self,
        path: &Path,
        result: Result<crate::workspace::import::ImportReport, String>,
        template: &str,
    ) {
        match result {
            Ok(report) => {
                self.derived.update(&self.ws);
                self.drop_stale_focus();
                let mut message =
                    fill(template, &[("n", &report.added), ("path", &path.display())]);
                for skipped in report.skipped {
                    message.push(' ');
                    message.push_str(&skipped);
                }
                self.messages.notice(message);
            }
            Err(err) => self.messages.error(err),
        }
    }

    pub(super) fn open_guarded(&mut self, path: &Path) {
        if self.ws.is_dirty() {
            self.messages.confirm = Some(AfterConfirm::Open(path.to_path_buf()));
        } else {
            self.open(path);
        }
    }

    /// Opens a text or session; on failure the open session stays as it was.
    /// A session another window has open is opened only when the user says so.
    pub fn open(&mut self, path: &Path) {
        if super::project_ops::is_project(path) {
            self.open_project(path);
            return;
        }
        let is_session = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if !is_session && !crate::ui::loading::is_instant(path) {
            let ctx = self.ctx.clone();
            self.loader.open_text(&ctx, path, None);
            return;
        }
        if !is_session {
            self.loader.cancel();
            self.password_prompt = None;
            match Workspace::open_text(path) {
                Ok(ws) => {
                    if let Some(notice) = ws.document().encoding().notice() {
                        self.messages.error(notice);
                    }
                    self.replace(ws);
                    self.lock = None;
                    self.settings.remember(path.to_path_buf());
                }
                Err(err) => self.messages.error(err.to_string()),
            }
            return;
        }
        match self.take_lock(path) {
            Ok(lock) => self.open_session(path, lock),
            Err(held) => {
                let holder = fill(
                    tr().locked_holder,
                    &[
                        ("path", &path.display()),
                        ("what", &held.holder.what),
                        ("pid", &held.holder.pid),
                        ("since", &held.holder.since),
                    ],
                );
                self.messages.locked = Some((path.to_path_buf(), holder));
            }
        }
    }

    /// The lock of session file `path`: the one this window holds already,
    /// or a new one.
    pub(super) fn take_lock(
        &mut self,
        path: &Path,
    ) -> Result<Option<SessionLock>, crate::fsio::lock::Held> {
        let wanted =
            SessionLock::file_of(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        if self.lock.as_ref().is_some_and(|l| {
            std::path::absolute(l.path()).unwrap_or_else(|_| l.path().to_path_buf()) == wanted
        }) {
            return Ok(self.lock.take());
        }
        SessionLock::try_lock(path, WINDOW)
    }

    /// Opens session file `path`, holding `lock` while it is open.
    pub(super) fn open_session(&mut self, path: &Path, lock: Option<SessionLock>) {
        self.open_session_with(path, lock, None);
    }

    /// Opens session file `path` on a PDF protected by `password`.
    pub(super) fn open_session_with_password(&mut self, path: &Path, password: &str) {
        match self.take_lock(path) {
            Ok(lock) => self.open_session_with(path, lock, Some(password)),
            Err(_) => self.open_session_with(path, None, Some(password)),
        }
    }

    fn open_session_with(
        &mut self,
        path: &Path,
        lock: Option<SessionLock>,
        password: Option<&str>,
    ) {
        // What was loading is not wanted any more: this is opened instead.
        self.loader.cancel();
        self.password_prompt = None;
        if !crate::ui::loading::is_instant_session(path) {
            let ctx = self.ctx.clone();
            self.loader
                .open_session(&ctx, path, lock, password.map(str::to_owned));
            return;
        }
        let result = Workspace::open_session_with_password(path, None, password);
        self.session_opened(path, lock, result);
    }

    /// Shows a session that opened, or says why it did not.
    pub(super) fn session_opened(
        &mut self,
        path: &Path,
        lock: Option<SessionLock>,
        result: Result<(Workspace, crate::workspace::LoadReport), OpenError>,
    ) {
        match result {
            Ok((ws, report)) => {
                self.replace(ws);
                self.lock = lock;
                if report.moved + report.orphaned > 0 || !report.notices.is_empty() {
                    self.messages.report = Some(report);
                } else {
                    self.messages
                        .notice(fill(tr().opened_session, &[("summary", &report.summary())]));
                }
                self.settings.remember(path.to_path_buf());
            }
            Err(err) => {
                // Reopening the file open here failed: it stays open, and
                // keeps its lock. A lock taken for another file goes.
                let same = self
                    .ws
                    .session_path()
                    .is_some_and(|p| Some(p.to_path_buf()) == std::path::absolute(path).ok());
                if same && self.lock.is_none() {
                    self.lock = lock;
                }
                if let OpenError::Document(DocumentError::NotText {
                    why: why @ (DecodeError::NeedsPassword | DecodeError::WrongPassword),
                    ..
                }) = &err
                {
                    self.ask_password_for_session(path, *why == DecodeError::WrongPassword);
                } else if let OpenError::TextDiffers { found, .. } = &err {
                    self.messages.text_differs =
                        Some((path.to_path_buf(), found.clone(), err.to_string()));
                } else if matches!(err, OpenError::DocumentMissing { .. }) {
                    self.messages.notice(tr().locate_text);
                    self.files.ask(
                        &self.ctx.clone(),
                        Purpose::LocateText {
                            session: path.to_path_buf(),
                        },
                        path.parent(),
                        None,
                    );
                } else {
                    self.messages.error(err.to_string());
                }
            }
        }
    }

    /// Opens `session` against the text the user named.
    pub(super) fn open_with_text(&mut self, session: &Path, text: &Path) {
        self.loader.cancel();
        // Held by another window: opened all the same (the user chose this
        // text for it); saves check for the other side's changes.
        let lock = self.take_lock(session).ok().flatten();
        match Workspace::open_session(session, Some(text)) {
            Ok((ws, report)) => {
                self.replace(ws);
                self.lock = lock;
                self.messages.report = Some(report);
                self.settings.remember(session.to_path_buf());
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    pub(super) fn replace(&mut self, ws: Workspace) {
        self.remember_place();
        self.ws = ws;
        self.view = View::default();
        self.reader = ReaderView::default();
        self.derived = Derived::default();
        self.derived.update(&self.ws);
        self.search.close();
        self.dossier = None;
        self.messages.report = None;
        self.sidebar.only_moved = false;
        self.return_to_place();
    }

    pub(super) fn chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => self.open_guarded(path),
            Purpose::SaveAs => self.save_to(path),
            Purpose::LocateText { session } => self.open_with_text(&session, path),
            Purpose::Export(format) => self.export_to(format, path),
            Purpose::ImportW3c => self.import_w3c(path),
            Purpose::Import(kind) => self.import_chosen(ctx, kind, path),
            Purpose::ImportTarget { kind, source } => self.start_import(kind, &source, path),
            Purpose::ImportHighlights(kind) => self.import_highlights(path, kind),
            Purpose::Merge => self.merge_from(path),
            Purpose::ExportNetwork { .. } => self.export_network(path),
            Purpose::NewProject
            | Purpose::OpenProject
            | Purpose::AddToProject
            | Purpose::ImportAttributes
            | Purpose::MergeProject
            | Purpose::ExportProject(_) => {
                self.project_folder_chosen(&purpose, path);
            }
        }
        ctx.request_repaint();
    }

    pub(super) fn answered(&mut self, ctx: &egui::Context, after: AfterConfirm, choice: Choice) {
        match choice {
            Choice::Discard => self.proceed(after),
            Choice::Save => {
                self.after_save = Some(after);
                self.save(ctx);
            }
        }
        ctx.request_repaint();
    }

    pub(super) fn proceed(&mut self, after: AfterConfirm) {
        match after {
            AfterConfirm::Quit => {
                self.quitting = true;
                self.close_now = true;
                self.autosave.clear();
            }
            AfterConfirm::Open(path) => self.open(&path),
            AfterConfirm::OpenUrl(url) => self.open_url(&url),
            AfterConfirm::ShowLoaded => {
                if let Some(loaded) = self.loaded.take() {
                    self.show_loaded(loaded);
                }
            }
        }
    }
}

/// The folder a file dialog starts in: the one holding `path`.
pub(super) fn folder_of(path: Option<&Path>) -> Option<PathBuf> {
    path.and_then(Path::parent).map(Path::to_path_buf)
}
