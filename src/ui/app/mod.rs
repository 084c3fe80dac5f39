//! The application: panels around the reading column, and the one place
//! where what panels ask for is carried out.
//!
//! One file per job, as rerun splits its viewer: this one holds the state
//! and eframe's `App`; `logic` what runs without drawing; `panels` the
//! drawing; `commands` keys and intents carried out; `file_ops` opening,
//! saving, exporting, merging and importing.
//!
//! Each frame: derived facts are brought up to date, keys and dropped files
//! become intents, every panel draws and returns intents, and then
//! [`App::apply`] carries them out in order — edits through the workspace's
//! undo history, everything else on the view. Drawing never changes the
//! session.

mod commands;
mod file_ops;
mod import_ops;
mod loading;
mod logic;
mod panels;
mod project_ops;

use std::path::PathBuf;

use egui::{FontFamily, Ui};

use super::actor_panel::ActorPanel;
use super::autosave::Autosave;
use super::derived::Derived;
use super::files::Files;
use super::messages::{AfterConfirm, Messages};
use super::reader::{ReaderView, Span};
use super::search::Search;
use super::settings::{STORAGE_KEY, Settings, ThemeChoice};
use super::sidebar::Sidebar;
use super::theme;
use super::toolbar::Editor;
use crate::actors::ActorId;
use crate::annotation::AnnotationId;
use crate::document::CharRange;
use crate::fsio::lock::SessionLock;
use crate::i18n;
use crate::workspace::Workspace;

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A text or session to open instead of the bundled article.
    pub file: Option<PathBuf>,
    /// Use native file dialogs (off in tests: the path field is used).
    pub native_dialogs: bool,
    /// Where autosave writes recovery files; `None` turns autosave off.
    pub recovery: Option<crate::storage::recovery::RecoveryStore>,
    /// Where snapshots of opened links go until their session is saved
    /// (`None`: the user's data folder).
    pub snapshots: Option<PathBuf>,
}

/// What the reader is looking at, apart from the session itself.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// The section shown (section mode) or last navigated to.
    pub section: usize,
    /// The reader's selection, in document chars.
    pub selection: Option<CharRange>,
    /// The annotation being looked at or edited.
    pub focus: Option<AnnotationId>,
    /// The actor whose mentions are underlined and whose annotations are listed.
    pub actor: Option<ActorId>,
}

/// The Randnotiz window.
pub struct App {
    ws: Workspace,
    derived: Derived,
    view: View,
    reader: ReaderView,
    toolbar: Editor,
    sidebar: Sidebar,
    actors: ActorPanel,
    search: Search,
    files: Files,
    messages: Messages,
    settings: Settings,
    dossier: Option<ActorId>,
    analysis: super::analysis::Analysis,
    show_shortcuts: bool,
    serif_available: bool,
    title: String,
    /// Close without asking (the user said "discard").
    quitting: bool,
    /// What to do once a save asked for by "save changes?" has succeeded.
    after_save: Option<AfterConfirm>,
    /// Whether the toolbar was shown in the last frame (then the sidebar
    /// does not show a second editor).
    toolbar_visible: bool,
    /// How tall the toolbar's content was in the last frame.
    toolbar_content: f32,
    /// Close on the next frame (after "discard" or a save before quitting).
    close_now: bool,
    applied_theme: Option<ThemeChoice>,
    /// Frames counted for `RANDNOTIZ_STARTUP_LOG` (up to two).
    frames_logged: u8,
    autosave: Autosave,
    /// The open session file's lock, while this window writes it.
    lock: Option<SessionLock>,
    /// The user chose to keep this side's copy of a session file changed on
    /// disk: not asked again until the next save.
    disk_ignored: bool,
    /// The load running in the background, if any.
    loader: super::loading::Loader,
    /// The address dialog, while open.
    url_prompt: Option<loading::UrlPrompt>,
    /// The password dialog of a protected PDF, while open.
    password_prompt: Option<loading::PasswordPrompt>,
    /// A finished load waiting for "save changes?".
    loaded: Option<super::loading::Loaded>,
    /// Where link snapshots go.
    snapshots: Option<PathBuf>,
    /// The open project, if any, with its document list.
    project: Option<super::corpus::ProjectState>,
    /// The corpus search window.
    corpus_search: super::corpus_search::CorpusSearch,
    /// An import from another tool running on its worker.
    importing: Option<import_ops::Importing>,
    ctx: egui::Context,
}

impl App {
    /// The app on the bundled article, or on `options.file`.
    #[must_use]
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: StartOptions,
    ) -> Self {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        if let Some(lang) = i18n::Lang::from_env() {
            i18n::set_lang(lang);
        } else {
            i18n::set_lang(settings.lang);
        }
        let serif_available = theme::install_fonts(ctx);
        theme::apply_text_styles(ctx);
        // Ctrl+Plus and Ctrl+Minus size the reading column; the interface has
        // its own size in the View menu, which Ctrl+0 must not undo.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let mut app = Self {
            ws: Workspace::bundled(),
            derived: Derived::default(),
            view: View::default(),
            reader: ReaderView::default(),
            toolbar: Editor::default(),
            sidebar: Sidebar::default(),
            actors: ActorPanel::default(),
            search: Search::default(),
            files: Files::new(options.native_dialogs),
            messages: Messages::default(),
            settings,
            dossier: None,
            analysis: super::analysis::Analysis::default(),
            show_shortcuts: false,
            serif_available,
            title: String::new(),
            quitting: false,
            after_save: None,
            toolbar_visible: false,
            toolbar_content: 0.0,
            close_now: false,
            applied_theme: None,
            frames_logged: 0,
            autosave: Autosave::new(options.recovery),
            lock: None,
            disk_ignored: false,
            loader: super::loading::Loader::default(),
            url_prompt: None,
            password_prompt: None,
            loaded: None,
            snapshots: options.snapshots,
            project: None,
            corpus_search: super::corpus_search::CorpusSearch::default(),
            importing: None,
            ctx: ctx.clone(),
        };
        if let Some(file) = options.file {
            let name = file.to_string_lossy();
            if !file.exists() && crate::fetch::is_url(&name) {
                let url = name.into_owned();
                app.open_url(&url);
            } else {
                app.open(&file);
            }
        }
        app
    }

    /// The workspace shown.
    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.ws
    }

    /// The view state: section, selection, focus, chosen actor.
    #[must_use]
    pub fn view(&self) -> &View {
        &self.view
    }

    /// The facts derived from the session, as the panels read them.
    #[must_use]
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// How often the network window computed its network (for tests: on
    /// a change, not per frame).
    #[must_use]
    pub fn analysis_network_computed(&self) -> usize {
        self.analysis.network.computed()
    }

    /// The messages on screen.
    #[must_use]
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The remembered settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The window title as last set.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The document char at the reader's reading line in the last frame.
    #[must_use]
    pub fn reading_char(&self) -> Option<usize> {
        self.reader.reading_char()
    }

    /// Where document char `pos` was drawn in the last frame.
    #[must_use]
    pub fn char_rect(&self, pos: impl Into<crate::document::CharPos>) -> Option<egui::Rect> {
        self.reader.char_rect(pos)
    }

    /// The recovery file this window writes (for tests and the help text).
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.autosave.file()
    }

    fn family(&self) -> FontFamily {
        if self.settings.serif && self.serif_available {
            FontFamily::Name(theme::SERIF.into())
        } else {
            FontFamily::Proportional
        }
    }

    fn span(&self) -> Span {
        if self.settings.continuous {
            Span::All
        } else {
            Span::Section(self.view.section)
        }
    }

    /// The section shown, or being read in the whole text: the one navigated
    /// to, or scrolled to since (see [`ReaderView::scrolled_to_section`]).
    fn current_section(&self) -> usize {
        self.view.section
    }

    /// One pass as eframe makes it: [`App::logic`], then [`App::ui`].
    pub fn frame(&mut self, ui: &mut Ui) {
        self.logic(ui.ctx());
        self.ui(ui);
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.logic(ctx);
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_place();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.ws.is_dirty() && !self.quitting {
            // Closed without being asked (a signal, the session ending):
            // keep the changes for the next start.
            self.autosave.flush(&self.ws);
        } else {
            self.autosave.clear();
        }
    }
}
