//! Native file dialogs without freezing the window, and a path field where
//! none can be shown.
//!
//! The dialog runs on a worker thread and reports back through a channel.
//! Without a desktop portal and without zenity, rfd returns "nothing chosen"
//! within milliseconds — indistinguishable from a cancel except by its speed.
//! An answer faster than a person can cancel therefore counts as "no dialog
//! available": the app says so and offers a path field instead.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use egui::{Key, RichText, Ui};

use crate::document::TextFormat;
use crate::i18n::{fill, tr, tr_in};

/// An answer faster than this was no dialog at all.
const TOO_FAST_FOR_A_PERSON: Duration = Duration::from_millis(150);

/// What a chosen path is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Open a text or session.
    Open,
    /// Save the session under a new name.
    SaveAs,
    /// Find the text a session belongs to.
    LocateText {
        /// The session that needs it.
        session: PathBuf,
    },
    /// Export the session in a format.
    Export(crate::export::Format),
    /// Import W3C Web Annotations into the session.
    ImportW3c,
    /// A DNA database to make a new project of.
    ImportDna,
    /// The folder the new project of the DNA database `file` goes into.
    ImportDnaTarget {
        /// The database chosen.
        file: PathBuf,
    },
    /// Merge another reader's session into this one.
    Merge,
    /// The folder of a new project.
    NewProject,
    /// A project folder to open.
    OpenProject,
    /// A folder to add to the open project.
    AddToProject,
    /// Export the whole project in a format.
    ExportProject(crate::export::Format),
    /// A CSV file of attributes for the open project's documents.
    ImportAttributes,
    /// A colleague's project folder to merge into the open one.
    MergeProject,
    /// Where the project's statement network goes: a folder for a file per
    /// time window, else a file with this extension.
    ExportNetwork {
        /// A folder.
        folder: bool,
        /// The file's extension.
        extension: &'static str,
    },
}

struct Pending {
    purpose: Purpose,
    started: Instant,
    answer: Receiver<Option<PathBuf>>,
    /// Where the dialog started and the name it offered, for the path field
    /// if no dialog could be shown.
    folder: Option<PathBuf>,
    name: Option<String>,
}

/// The path field shown when no dialog can be.
struct Prompt {
    purpose: Purpose,
    path: String,
    /// Why the field is shown.
    reason: Option<String>,
    focus: bool,
}

/// Dialogs in flight and the fallback path field.
#[derive(Default)]
pub struct Files {
    pending: Option<Pending>,
    prompt: Option<Prompt>,
    /// False in tests and where dialogs are known to be missing: go straight
    /// to the path field.
    pub native: bool,
}

impl Files {
    /// Files with native dialogs on or off.
    #[must_use]
    pub fn new(native: bool) -> Self {
        Self {
            pending: None,
            prompt: None,
            native,
        }
    }

    /// True while a dialog is open.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some() || self.prompt.is_some()
    }

    /// Asks for a path; the answer comes from [`Files::poll`] or the path field.
    pub fn ask(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        folder: Option<&Path>,
        name: Option<&str>,
    ) {
        if self.busy() {
            return;
        }
        if !self.native {
            self.prompt = Some(Prompt {
                path: default_path(folder, name),
                purpose,
                reason: None,
                focus: true,
            });
            return;
        }
        let t = tr();
        let mut dialog = rfd::AsyncFileDialog::new();
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        if let Some(name) = name {
            dialog = dialog.set_file_name(name);
        }
        let future = match purpose {
            Purpose::Merge => {
                let dialog = dialog
                    .set_title(t.dialog_merge_title)
                    .add_filter(t.filter_sessions, &["ron"]);
                Box::pin(dialog.pick_file())
                    as std::pin::Pin<
                        Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>,
                    >
            }
            Purpose::ImportW3c => {
                let dialog = dialog
                    .set_title(t.dialog_import_title)
                    .add_filter("JSON-LD", &["jsonld", "json"]);
                Box::pin(dialog.pick_file())
                    as std::pin::Pin<
                        Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>,
                    >
            }
            Purpose::Export(format) | Purpose::ExportProject(format) => {
                let dialog = dialog.set_title(format.label()).add_filter(
                    format.label(),
                    &[format.extension().rsplit('.').next().unwrap_or("txt")],
                );
                Box::pin(dialog.save_file())
            }
            Purpose::Open | Purpose::LocateText { .. } => {
                let documents = TextFormat::DOCUMENT_EXTENSIONS;
                let mut readable = vec!["txt", "md", "markdown", "html", "htm", "xhtml", "ron"];
                readable.extend(documents);
                let dialog = dialog
                    .set_title(t.dialog_open_title)
                    .add_filter(t.filter_readable, &readable)
                    .add_filter(t.filter_sessions, &["ron"])
                    .add_filter(t.filter_texts, &["txt", "md", "markdown"])
                    .add_filter(t.filter_web_pages, &["html", "htm", "xhtml"])
                    .add_filter(tr_in().filter_documents, &documents);
                Box::pin(dialog.pick_file())
                    as std::pin::Pin<
                        Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>,
                    >
            }
            Purpose::NewProject
            | Purpose::OpenProject
            | Purpose::AddToProject
            | Purpose::MergeProject => {
                let title = match purpose {
                    Purpose::NewProject => crate::i18n::tr_co().action_new_project,
                    Purpose::OpenProject => crate::i18n::tr_co().action_open_project,
                    Purpose::MergeProject => crate::i18n::tr_co().action_merge_project,
                    _ => crate::i18n::tr_co().action_add,
                };
                Box::pin(dialog.set_title(title).pick_folder())
            }
            Purpose::ExportNetwork { folder: true, .. } => Box::pin(
                dialog
                    .set_title(crate::i18n::tr_nw().window_title)
                    .pick_folder(),
            ),
            Purpose::ExportNetwork { extension, .. } => Box::pin(
                dialog
                    .set_title(crate::i18n::tr_nw().window_title)
                    .add_filter(extension, &[extension])
                    .save_file(),
            ),
            Purpose::ImportDna => Box::pin(
                dialog
                    .set_title(crate::i18n::tr_im().dialog_dna_file)
                    .add_filter("DNA", &["dna", "sqlite"])
                    .pick_file(),
            ),
            Purpose::ImportDnaTarget { .. } => Box::pin(
                dialog
                    .set_title(crate::i18n::tr_im().dialog_dna_target)
                    .pick_folder(),
            ),
            Purpose::ImportAttributes => Box::pin(
                dialog
                    .set_title(crate::i18n::tr_co().action_import_attributes)
                    .add_filter("CSV", &["csv", "tsv", "txt"])
                    .pick_file(),
            ),
            Purpose::SaveAs => {
                let dialog = dialog
                    .set_title(t.dialog_save_title)
                    .add_filter(t.filter_sessions, &["ron"]);
                Box::pin(dialog.save_file())
            }
        };
        let (send, answer) = channel();
        let waker = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let chosen = pollster::block_on(future).map(|handle| handle.path().to_path_buf());
                // The window may be gone when the dialog closes: nothing to tell then.
                send.send(chosen).ok();
                waker.request_repaint();
            });
        if spawned.is_err() {
            self.fallback(purpose, folder, name, t.no_dialog_thread);
            return;
        }
        self.pending = Some(Pending {
            purpose,
            started: Instant::now(),
            answer,
            folder: folder.map(Path::to_path_buf),
            name: name.map(str::to_owned),
        });
    }

    fn fallback(
        &mut self,
        purpose: Purpose,
        folder: Option<&Path>,
        name: Option<&str>,
        reason: &str,
    ) {
        self.prompt = Some(Prompt {
            path: default_path(folder, name),
            purpose,
            reason: Some(reason.to_owned()),
            focus: true,
        });
    }

    /// A path chosen in a native dialog, if one came back this frame.
    pub fn poll(&mut self) -> Option<(Purpose, PathBuf)> {
        let pending = self.pending.as_ref()?;
        match pending.answer.try_recv() {
            Err(TryRecvError::Empty) => None,
            Ok(Some(path)) => self.pending.take().map(|p| (p.purpose, path)),
            Ok(None) | Err(TryRecvError::Disconnected) => {
                let pending = self.pending.take()?;
                if pending.started.elapsed() < TOO_FAST_FOR_A_PERSON {
                    self.fallback(
                        pending.purpose,
                        pending.folder.as_deref(),
                        pending.name.as_deref(),
                        tr().no_dialog_available,
                    );
                }
                None
            }
        }
    }

    /// Draws the path field, if shown; returns the path entered.
    pub fn prompt_ui(&mut self, ctx: &egui::Context) -> Option<(Purpose, PathBuf)> {
        let prompt = self.prompt.as_mut()?;
        let t = tr();
        let title = match prompt.purpose {
            Purpose::Open => t.dialog_open_title,
            Purpose::SaveAs => t.dialog_save_title,
            Purpose::LocateText { .. } => t.dialog_locate_title,
            Purpose::Export(format) | Purpose::ExportProject(format) => format.label(),
            Purpose::ImportW3c => t.dialog_import_title,
            Purpose::ImportDna => crate::i18n::tr_im().dialog_dna_file,
            Purpose::ImportDnaTarget { .. } => crate::i18n::tr_im().dialog_dna_target,
            Purpose::Merge => t.dialog_merge_title,
            Purpose::NewProject => crate::i18n::tr_co().action_new_project,
            Purpose::OpenProject => crate::i18n::tr_co().action_open_project,
            Purpose::AddToProject => crate::i18n::tr_co().action_add,
            Purpose::ImportAttributes => crate::i18n::tr_co().action_import_attributes,
            Purpose::MergeProject => crate::i18n::tr_co().action_merge_project,
            Purpose::ExportNetwork { .. } => crate::i18n::tr_nw().window_title,
        };
        let mut chosen = None;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(ctx, |ui: &mut Ui| {
            ui.set_width(460.0);
            ui.heading(title);
            if let Some(reason) = &prompt.reason {
                ui.label(RichText::new(reason.as_str()).small());
            }
            let label = ui.label(t.path_label);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.path)
                        .id_salt("path-field")
                        .hint_text(t.path_hint)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if prompt.focus {
                field.request_focus();
                prompt.focus = false;
            }
            let enter = crate::ui::widgets::submitted(ui, &field);
            ui.horizontal(|ui| {
                let ok = match prompt.purpose {
                    Purpose::SaveAs
                    | Purpose::Export(_)
                    | Purpose::ExportProject(_)
                    | Purpose::ExportNetwork { .. }
                    | Purpose::NewProject
                    | Purpose::ImportDnaTarget { .. } => t.button_save,
                    Purpose::AddToProject => crate::i18n::tr_co().add_button,
                    Purpose::Open
                    | Purpose::LocateText { .. }
                    | Purpose::ImportW3c
                    | Purpose::ImportDna
                    | Purpose::Merge
                    | Purpose::MergeProject
                    | Purpose::ImportAttributes
                    | Purpose::OpenProject => t.button_open,
                };
                if ui.button(ok).clicked() || enter {
                    let path = expand_home(prompt.path.trim());
                    if !path.as_os_str().is_empty() {
                        chosen = Some((prompt.purpose.clone(), path));
                    }
                }
                if ui.button(t.button_cancel).clicked()
                    || crate::ui::widgets::take_key(ui.ctx(), Key::Escape)
                {
                    cancel = true;
                }
            });
        });
        if chosen.is_some() || cancel {
            self.prompt = None;
        }
        chosen
    }
}

fn default_path(folder: Option<&Path>, name: Option<&str>) -> String {
    let folder = folder
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    match name {
        Some(name) => folder.join(name).display().to_string(),
        None => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
    }
}

/// `~/x` to the home folder's `x`, as people type paths.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), directories::BaseDirs::new()) {
        (Some(rest), Some(base)) => base.home_dir().join(rest),
        _ => PathBuf::from(path),
    }
}

/// `path` with `.ron` appended unless it has it.
#[must_use]
pub fn with_session_extension(path: PathBuf) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        path
    } else {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".ron");
        path.with_file_name(name)
    }
}

/// A session file name for a text: `artikel.txt` → `artikel.ron`.
#[must_use]
pub fn session_name_for(text: Option<&Path>) -> String {
    text.and_then(|p| p.file_stem())
        .map_or_else(|| "lesung".to_owned(), |s| s.to_string_lossy().into_owned())
        + ".ron"
}

/// Says why a native dialog may be missing, for the help menu.
#[must_use]
pub fn dialog_help() -> String {
    fill(tr().dialog_help, &[])
}
