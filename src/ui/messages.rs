//! What the app tells the user: errors that need an answer, short notices
//! that fade, the re-anchoring report, and "save changes?" before losing work.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::{RichText, Ui};

use crate::i18n::tr;
use crate::ui::{theme, widgets};
use crate::workspace::{DocumentMatch, LoadReport};

/// How long a notice stays.
const NOTICE_TIME: Duration = Duration::from_secs(4);

/// What waits for the answer to "save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterConfirm {
    /// Close the window.
    Quit,
    /// Open a file.
    Open(PathBuf),
    /// Fetch a link and open it.
    OpenUrl(String),
    /// Show what finished loading in the background (kept by the app).
    ShowLoaded,
}

/// The answer to "save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
}

/// When the session file was found changed on disk by someone else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskQuestion {
    /// Saving to it now.
    BeforeSave(PathBuf),
    /// The window came to the front.
    OnFocus,
}

/// What to do about a session file changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskAnswer {
    /// Take the other side's changes in (and save, before a save).
    Merge,
    /// Save under another name instead.
    SaveAs,
    /// Write over it knowingly.
    Overwrite,
    /// Throw this side's copy away and read the file again (nothing unsaved).
    Reload,
    /// Keep this side's copy; ask again before saving.
    Keep,
}

/// Messages to show.
#[derive(Default)]
pub struct Messages {
    errors: VecDeque<String>,
    notice: Option<(String, Instant)>,
    /// The last load's re-anchoring report, until dismissed.
    pub report: Option<LoadReport>,
    /// An action that waits for "save changes?".
    pub confirm: Option<AfterConfirm>,
    /// The session file changed on disk: what now?
    pub disk: Option<DiskQuestion>,
    /// A session to open that another window has open: the file and who.
    pub locked: Option<(PathBuf, String)>,
    /// A session whose text is not the one it was made on: the session,
    /// the text found, and the message.
    pub text_differs: Option<(PathBuf, PathBuf, String)>,
    /// The error that offers "save as", while shown.
    save_as_offer: Option<String>,
    /// The user chose "save as" there.
    save_as_chosen: bool,
}

/// What to do with a session whose text differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextChoice {
    /// Open it against the text found (and re-anchor).
    OpenWith(PathBuf, PathBuf),
    /// Choose the text by hand, for this session.
    Choose(PathBuf),
}

impl Messages {
    /// Shows an error until the user acknowledges it.
    pub fn error(&mut self, message: impl Into<String>) {
        self.errors.push_back(message.into());
    }

    /// Shows an error about a file that may not be written, with a button
    /// to save under another name.
    pub fn error_save_as(&mut self, message: impl Into<String>) {
        let message = message.into();
        self.save_as_offer = Some(message.clone());
        self.errors.push_back(message);
    }

    /// True once after the user chose "save as" on such an error.
    pub fn take_save_as(&mut self) -> bool {
        std::mem::take(&mut self.save_as_chosen)
    }

    /// Shows a short notice at the bottom for a few seconds.
    pub fn notice(&mut self, message: impl Into<String>) {
        self.notice = Some((message.into(), Instant::now()));
    }

    /// The error on screen, if any (for tests and the status line).
    #[must_use]
    pub fn current_error(&self) -> Option<&str> {
        self.errors.front().map(String::as_str)
    }

    /// The notice on screen, if any.
    #[must_use]
    pub fn current_notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|(m, _)| m.as_str())
    }

    /// Draws the modal error and the "save changes?" question. Returns the
    /// answer to the question when given.
    pub fn modals_ui(&mut self, ctx: &egui::Context) -> Option<(AfterConfirm, Choice)> {
        let t = tr();
        if let Some(error) = self.errors.front().cloned() {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                ui.set_max_width(480.0);
                ui.label(
                    RichText::new(t.error_title)
                        .heading()
                        .color(theme::error(ui.visuals())),
                );
                ui.label(&error);
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    if self.save_as_offer.as_ref() == Some(&error)
                        && ui.button(t.action_save_as).clicked()
                    {
                        self.save_as_chosen = true;
                        close = true;
                    }
                    if ui.button(t.button_ok).clicked()
                        || widgets::take_key(ui.ctx(), egui::Key::Enter)
                        || widgets::take_key(ui.ctx(), egui::Key::Escape)
                    {
                        close = true;
                    }
                });
            });
            if close {
                self.errors.pop_front();
                if self.save_as_offer.as_ref() == Some(&error) {
                    self.save_as_offer = None;
                }
            }
            return None;
        }
        let after = self.confirm.clone()?;
        let mut answer = None;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(RichText::new(t.unsaved_title).heading());
            ui.label(t.unsaved_body);
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(t.button_save).clicked() {
                    answer = Some(Choice::Save);
                }
                if ui.button(t.button_discard).clicked() {
                    answer = Some(Choice::Discard);
                }
                if ui.button(t.button_cancel).clicked()
                    || widgets::take_key(ui.ctx(), egui::Key::Escape)
                {
                    cancel = true;
                }
            });
        });
        if cancel || answer.is_some() {
            self.confirm = None;
        }
        answer.map(|a| (after, a))
    }

    /// True while a question waits for an answer (the keyboard is its).
    #[must_use]
    pub fn asking(&self) -> bool {
        self.current_error().is_some()
            || self.confirm.is_some()
            || self.disk.is_some()
            || self.locked.is_some()
            || self.text_differs.is_some()
    }

    /// Asks what to do about a session file changed on disk; `dirty` says
    /// whether this side has unsaved changes (then reloading would lose them).
    pub fn disk_ui(
        &mut self,
        ctx: &egui::Context,
        dirty: bool,
    ) -> Option<(DiskQuestion, DiskAnswer)> {
        let question = self.disk.clone()?;
        if self.current_error().is_some() {
            return None;
        }
        let t = tr();
        let path = match &question {
            DiskQuestion::BeforeSave(path) => path.display().to_string(),
            DiskQuestion::OnFocus => String::new(),
        };
        let mut answer = None;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("disk-changed")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.label(RichText::new(t.disk_changed_title).heading());
            ui.label(crate::i18n::fill(t.disk_changed_body, &[("path", &path)]));
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                let choices: &[(DiskAnswer, &str)] = match (&question, dirty) {
                    (DiskQuestion::BeforeSave(_), _) => &[
                        (DiskAnswer::Merge, t.disk_merge_save),
                        (DiskAnswer::SaveAs, t.action_save_as),
                        (DiskAnswer::Overwrite, t.disk_overwrite),
                    ],
                    (DiskQuestion::OnFocus, true) => &[
                        (DiskAnswer::Merge, t.disk_merge),
                        (DiskAnswer::Keep, t.disk_keep),
                    ],
                    (DiskQuestion::OnFocus, false) => &[
                        (DiskAnswer::Reload, t.disk_reload),
                        (DiskAnswer::Keep, t.disk_keep),
                    ],
                };
                for (choice, label) in choices {
                    if ui.button(*label).clicked() {
                        answer = Some(*choice);
                    }
                }
                if matches!(question, DiskQuestion::BeforeSave(_))
                    && (ui.button(t.button_cancel).clicked()
                        || widgets::take_key(ui.ctx(), egui::Key::Escape))
                {
                    cancel = true;
                }
            });
        });
        if answer.is_some() || cancel {
            self.disk = None;
        }
        answer.map(|a| (question, a))
    }

    /// Asks whether to open a session another window has open; returns the
    /// file when the answer is yes.
    pub fn locked_ui(&mut self, ctx: &egui::Context) -> Option<PathBuf> {
        let (path, holder) = self.locked.clone()?;
        let t = tr();
        let mut open = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("session-locked")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.label(RichText::new(t.locked_title).heading());
            ui.label(crate::i18n::fill(t.locked_body, &[("holder", &holder)]));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(t.locked_open_anyway).clicked() {
                    open = true;
                }
                if ui.button(t.button_cancel).clicked()
                    || widgets::take_key(ui.ctx(), egui::Key::Escape)
                {
                    cancel = true;
                }
            });
        });
        if open || cancel {
            self.locked = None;
        }
        open.then_some(path)
    }

    /// Asks what to do with a session whose text is not the one it was
    /// made on.
    pub fn text_differs_ui(&mut self, ctx: &egui::Context) -> Option<TextChoice> {
        let (session, found, message) = self.text_differs.clone()?;
        let t = tr();
        let mut choice = None;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("text-differs")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new(t.text_differs_title).heading());
            ui.label(message);
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(t.text_differs_open).clicked() {
                    choice = Some(TextChoice::OpenWith(session.clone(), found.clone()));
                }
                if ui.button(t.text_differs_choose).clicked() {
                    choice = Some(TextChoice::Choose(session.clone()));
                }
                if ui.button(t.button_cancel).clicked()
                    || widgets::take_key(ui.ctx(), egui::Key::Escape)
                {
                    cancel = true;
                }
            });
        });
        if choice.is_some() || cancel {
            self.text_differs = None;
        }
        choice
    }

    /// Draws the notice line at the bottom, if a notice is fresh.
    pub fn notice_ui(&mut self, ui: &mut Ui) {
        let Some((text, at)) = &self.notice else {
            return;
        };
        let age = at.elapsed();
        if age > NOTICE_TIME {
            self.notice = None;
            return;
        }
        ui.label(RichText::new(text.as_str()).small());
        ui.ctx().request_repaint_after(NOTICE_TIME - age);
    }

    /// Draws the re-anchoring report as a banner; returns true when the user
    /// asks to review moved annotations.
    pub fn report_ui(&mut self, ui: &mut Ui) -> bool {
        let t = tr();
        let Some(report) = &self.report else {
            return false;
        };
        let mut review = false;
        let mut dismiss = false;
        let colour = match report.relation {
            DocumentMatch::Same if report.orphaned == 0 => ui.visuals().text_color(),
            DocumentMatch::Different => theme::error(ui.visuals()),
            _ => theme::warning(ui.visuals()),
        };
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.0, colour))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(report.summary()).color(colour));
                    if report.moved > 0 && ui.small_button(t.review_moved).clicked() {
                        review = true;
                    }
                    if ui.small_button("×").on_hover_text(t.dismiss).clicked() {
                        dismiss = true;
                    }
                });
                for notice in &report.notices {
                    ui.label(RichText::new(notice).small());
                }
            });
        if dismiss {
            self.report = None;
        }
        review
    }
}
