//! Loads that run in the background (see [`crate::ui::loading`]): starting
//! them, taking their result in, and the "open address" dialog.

use egui::{Key, Ui};

use crate::document::{DecodeError, DocumentError};
use crate::i18n::{fill, tr, tr_in};
use crate::ui::loading::Loaded;
use crate::ui::messages::AfterConfirm;
use crate::ui::widgets;

use super::App;

/// The password field for a protected PDF.
pub(crate) struct PasswordPrompt {
    path: std::path::PathBuf,
    /// The file is a session on the PDF, not the PDF.
    session: bool,
    password: String,
    /// The last password tried did not open it.
    wrong: bool,
    focus: bool,
}

/// The address field of *Datei → Adresse öffnen …*.
pub(crate) struct UrlPrompt {
    text: String,
    focus: bool,
}

impl Default for UrlPrompt {
    fn default() -> Self {
        Self {
            text: String::new(),
            focus: true,
        }
    }
}

impl App {
    /// Fetches `url` in the background and opens it as a new session.
    pub fn open_url(&mut self, url: &str) {
        let ctx = self.ctx.clone();
        self.loader.open_link(&ctx, url, self.snapshots.clone());
    }

    /// True while a file or link loads in the background.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.loader.busy()
    }

    /// Takes in a finished background load. Edits made while it loaded are
    /// not thrown away: "save changes?" comes first.
    pub(super) fn poll_loading(&mut self) {
        let Some(loaded) = self.loader.poll() else {
            return;
        };
        let replaces = matches!(
            &loaded,
            Loaded::Text { result: Ok(_), .. }
                | Loaded::Page { result: Ok(_), .. }
                | Loaded::Session { result: Ok(_), .. }
        );
        if replaces && self.ws.is_dirty() {
            self.loaded = Some(loaded);
            self.messages.confirm = Some(AfterConfirm::ShowLoaded);
            return;
        }
        self.show_loaded(loaded);
    }

    /// Shows a finished load: its session, or why it failed.
    pub(super) fn show_loaded(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Text { path, result } => match result {
                Ok(ws) => {
                    if let Some(notice) = ws.document().encoding().notice() {
                        self.messages.error(notice);
                    }
                    self.replace(ws);
                    self.lock = None;
                    self.settings.remember(path);
                }
                Err(DocumentError::NotText {
                    why: why @ (DecodeError::NeedsPassword | DecodeError::WrongPassword),
                    ..
                }) => {
                    self.password_prompt = Some(PasswordPrompt {
                        path,
                        session: false,
                        password: String::new(),
                        wrong: why == DecodeError::WrongPassword,
                        focus: true,
                    });
                }
                Err(err) => self.messages.error(err.to_string()),
            },
            Loaded::Session { path, lock, result } => self.session_opened(&path, lock, result),
            Loaded::Failed { what } => self
                .messages
                .error(fill(tr_in().err_load_failed, &[("what", &what)])),
            Loaded::Page { url, result } => match result {
                Ok(ws) => {
                    self.replace(ws);
                    self.lock = None;
                    self.messages
                        .notice(fill(tr_in().opened_link, &[("url", &url)]));
                }
                Err(err) => self.messages.error(err),
            },
        }
    }

    /// Asks for the password of the PDF a session is on.
    pub(super) fn ask_password_for_session(&mut self, session: &std::path::Path, wrong: bool) {
        self.password_prompt = Some(PasswordPrompt {
            path: session.to_path_buf(),
            session: true,
            password: String::new(),
            wrong,
            focus: true,
        });
    }

    /// The password dialog of a protected PDF, while open.
    pub(super) fn password_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.password_prompt.as_mut() else {
            return;
        };
        let mut go = false;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("password-prompt")).show(ctx, |ui: &mut Ui| {
            ui.set_width(420.0);
            ui.heading(tr_in().dialog_password_title);
            let name = prompt
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let label = ui.label(fill(tr_in().password_for, &[("name", &name)]));
            if prompt.wrong {
                ui.colored_label(
                    crate::ui::theme::warning(ui.visuals()),
                    tr_in().err_pdf_wrong_password,
                );
            }
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.password)
                        .password(true)
                        .id_salt("password-field")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if prompt.focus {
                field.request_focus();
                prompt.focus = false;
            }
            let enter = widgets::submitted(ui, &field);
            ui.horizontal(|ui| {
                if ui.button(tr().button_open).clicked() || enter {
                    go = true;
                }
                if ui.button(tr().button_cancel).clicked()
                    || widgets::take_key(ui.ctx(), Key::Escape)
                {
                    close = true;
                }
            });
        });
        if go {
            if let Some(prompt) = self.password_prompt.take() {
                if prompt.session {
                    self.open_session_with_password(&prompt.path, &prompt.password);
                } else {
                    let ctx = ctx.clone();
                    self.loader
                        .open_text(&ctx, &prompt.path, Some(prompt.password));
                }
            }
        } else if close {
            self.password_prompt = None;
        }
    }

    /// The address dialog, while open.
    pub(super) fn url_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.url_prompt.as_mut() else {
            return;
        };
        let mut go = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("url-prompt")).show(ctx, |ui: &mut Ui| {
            ui.set_width(520.0);
            let title = ui.heading(tr_in().dialog_open_url_title);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .id_salt("url-field")
                        .hint_text(tr_in().open_url_hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(title.id);
            if prompt.focus {
                field.request_focus();
                prompt.focus = false;
            }
            let enter = widgets::submitted(ui, &field);
            ui.horizontal(|ui| {
                let load = ui.add_enabled(
                    !prompt.text.trim().is_empty(),
                    egui::Button::new(tr_in().open_url_button),
                );
                if (load.clicked() || enter) && !prompt.text.trim().is_empty() {
                    go = Some(prompt.text.trim().to_owned());
                }
                if ui.button(tr().button_cancel).clicked()
                    || widgets::take_key(ui.ctx(), Key::Escape)
                {
                    close = true;
                }
            });
        });
        if let Some(url) = go {
            self.url_prompt = None;
            if self.ws.is_dirty() {
                self.messages.confirm = Some(AfterConfirm::OpenUrl(url));
            } else {
                self.open_url(&url);
            }
        } else if close {
            self.url_prompt = None;
        }
    }
}
