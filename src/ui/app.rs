//! The application: panels around the reading column, and the one place
//! where what panels ask for is carried out.
//!
//! Each frame: derived facts are brought up to date, keys and dropped files
//! become intents, every panel draws and returns intents, and then
//! [`App::apply`] carries them out in order — edits through the workspace's
//! undo history, everything else on the view. Drawing never changes the
//! session.

use std::path::{Path, PathBuf};

use egui::{FontFamily, Key, Modifiers, RichText, Ui, ViewportCommand};

use super::actor_panel::ActorPanel;
use super::autosave::{self, Autosave};
use super::command::{Action, Intent};
use super::derived::Derived;
use super::files::{self, Files, Purpose};
use super::messages::{AfterConfirm, Choice, DiskAnswer, DiskQuestion, Messages, TextChoice};
use super::reader::{Marks, ReaderInput, ReaderView, Span};
use super::search::Search;
use super::settings::{STORAGE_KEY, Settings, ThemeChoice};
use super::sidebar::{Scope, Sidebar, SidebarInput};
use super::toolbar::{Editor, Subject};
use super::{dossier, outline, theme};
use crate::actors::ActorId;
use crate::anchor::Target;
use crate::annotation::{AnnotationId, Colour, Edit, now};
use crate::document::CharRange;
use crate::fsio::lock::{SessionLock, WINDOW};
use crate::i18n::{self, fill, tr};
use crate::workspace::{OpenError, Workspace};

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A text or session to open instead of the bundled article.
    pub file: Option<PathBuf>,
    /// Use native file dialogs (off in tests: the path field is used).
    pub native_dialogs: bool,
    /// Where autosave writes recovery files; `None` turns autosave off.
    pub recovery: Option<crate::storage::recovery::RecoveryStore>,
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
            ctx: ctx.clone(),
        };
        if let Some(file) = options.file {
            app.open(&file);
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
    pub fn char_rect(&self, pos: usize) -> Option<egui::Rect> {
        self.reader.char_rect(pos)
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

    /// One frame.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_theme(match self.settings.theme {
                ThemeChoice::Light => egui::Theme::Light,
                ThemeChoice::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(self.settings.theme);
        }
        let scale = self.settings.ui_scale.clamp(0.5, 3.0);
        if (ctx.zoom_factor() - scale).abs() > 1e-3 {
            ctx.set_zoom_factor(scale);
        }
        if self.ws.reader().unwrap_or("") != self.settings.reader.trim() {
            self.ws.set_reader(&self.settings.reader);
        }
        self.derived.update(&self.ws);

        // Back at the window: has another window or program changed the
        // session file meanwhile?
        if ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)))
        }) && !self.disk_ignored
            && self.messages.disk.is_none()
            && self.ws.changed_on_disk()
        {
            self.messages.disk = Some(DiskQuestion::OnFocus);
        }
        let mut intents = self.keyboard(&ctx);
        intents.extend(dropped_files(&ctx));
        if let Some((purpose, path)) = self.files.poll() {
            self.chosen(&ctx, purpose, &path);
        }

        egui::Panel::top("menu").show(ui, |ui| intents.extend(self.menu_ui(ui)));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        // The side panels leave the reading column at least half the window,
        // at any interface size.
        let window_width = ctx.content_rect().width();
        egui::Panel::left("left")
            .resizable(true)
            .default_size(theme::SIDE_PANEL_WIDTH.min(window_width * 0.24))
            .max_size(window_width * 0.3)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("left-scroll")
                    .show(ui, |ui| {
                        intents.extend(outline::ui(
                            ui,
                            self.ws.document(),
                            &self.derived,
                            self.current_section(),
                            self.settings.continuous,
                        ));
                        ui.separator();
                        intents.extend(self.actors.ui(
                            ui,
                            &self.ws,
                            &self.derived,
                            self.view.actor.as_ref(),
                        ));
                        ui.separator();
                        intents.extend(self.analysis.concepts_ui(ui, &self.ws, &self.derived));
                    });
            });
        egui::Panel::right("right")
            .resizable(true)
            .default_size((theme::SIDE_PANEL_WIDTH + 20.0).min(window_width * 0.25))
            .max_size(window_width * 0.3)
            .show(ui, |ui| {
                let input = SidebarInput {
                    ws: &self.ws,
                    derived: &self.derived,
                    section: self.current_section(),
                    focus: self.view.focus.as_ref(),
                    actor: self.view.actor.as_ref(),
                    selection: self.view.selection,
                    colour: self.settings.colour,
                    show_editor: !self.toolbar_visible,
                };
                intents.extend(self.sidebar.ui(ui, &input));
            });
        egui::CentralPanel::default().show(ui, |ui| intents.extend(self.central_ui(ui)));

        intents.extend(self.toolbar_ui(&ctx));
        intents.extend(dossier::window(
            &ctx,
            &mut self.dossier,
            &self.ws,
            &self.derived,
        ));
        intents.extend(
            self.analysis
                .agreement_window(&ctx, &self.ws, &self.derived),
        );
        intents.extend(self.analysis.stats_window(&ctx, &self.ws, &self.derived));
        self.shortcuts_window(&ctx);
        if let Some((purpose, path)) = self.files.prompt_ui(&ctx) {
            self.chosen(&ctx, purpose, &path);
        }
        if let Some((after, choice)) = self.messages.modals_ui(&ctx) {
            self.answered(&ctx, after, choice);
        }
        if self.messages.take_save_as() {
            self.save_as(&ctx);
        }
        if let Some((question, answer)) = self.messages.disk_ui(&ctx, self.ws.is_dirty()) {
            self.disk_answered(&ctx, question, answer);
        }
        if let Some(path) = self.messages.locked_ui(&ctx) {
            self.open_session(&path, None);
        }
        match self.messages.text_differs_ui(&ctx) {
            Some(TextChoice::OpenWith(session, text)) => self.open_with_text(&session, &text),
            Some(TextChoice::Choose(session)) => {
                let folder = session.parent().map(Path::to_path_buf);
                self.files.ask(
                    &ctx,
                    Purpose::LocateText { session },
                    folder.as_deref(),
                    None,
                );
            }
            None => {}
        }
        if let Some(autosave::Choice::Restore(snapshot, path)) = self.autosave.offer_ui(&ctx) {
            self.restore(*snapshot, &path);
        }

        for intent in intents {
            self.apply(&ctx, intent);
        }
        self.window_title(&ctx);
        self.close_request(&ctx);
        // RANDNOTIZ_STARTUP_LOG: when the first frame was built, and when
        // it was on screen (the next frame starts after eframe has painted
        // and presented the previous one; one is asked for to tell).
        if self.frames_logged < 2 {
            self.frames_logged += 1;
            if std::env::var_os("RANDNOTIZ_STARTUP_LOG").is_some()
                && let Some(ms) = since_process_start_ms()
            {
                if self.frames_logged == 1 {
                    eprintln!("randnotiz: first frame built {ms} ms after process start");
                    ctx.request_repaint();
                } else {
                    eprintln!("randnotiz: first frame on screen {ms} ms after process start");
                }
            }
        }
        let section = self.current_section();
        self.autosave.tick(&ctx, &self.ws, section);
        if let Some(error) = self.autosave.error.take() {
            self.messages.notice(error);
        }
    }

    /// The recovery file this window writes (for tests and the help text).
    #[must_use]
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.autosave.file()
    }

    fn restore(&mut self, snapshot: crate::storage::recovery::Snapshot, path: &Path) {
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

    /// Global keys: actions, and 1–8 for colours on a selection.
    fn keyboard(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let mut out = Vec::new();
        if self.files.busy() || self.messages.asking() {
            return out; // a modal has the keyboard
        }
        let typing = ctx.egui_wants_keyboard_input();
        // Shortcuts with more modifiers first: egui matches Ctrl+Shift+Z
        // "logically" against Ctrl+Z too.
        let mut shortcuts: Vec<(Action, egui::KeyboardShortcut)> = Action::ALL
            .into_iter()
            .filter(|action| !(typing && action.yields_to_text_fields()))
            .flat_map(|action| action.shortcuts().iter().map(move |s| (action, *s)))
            .collect();
        shortcuts.sort_by_key(|(_, s)| {
            let m = s.modifiers;
            std::cmp::Reverse(
                u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.alt),
            )
        });
        ctx.input_mut(|input| {
            for (action, shortcut) in shortcuts {
                if input.consume_shortcut(&shortcut) {
                    out.push(Intent::Action(action));
                }
            }
            if !typing {
                let keys = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                    Key::Num8,
                ];
                for (n, key) in keys.into_iter().enumerate() {
                    if input.consume_key(Modifiers::NONE, key)
                        && let Some(colour) = Colour::from_key(n + 1)
                    {
                        out.push(Intent::Annotate(colour));
                    }
                }
            }
        });
        out
    }

    fn menu_ui(&mut self, ui: &mut Ui) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let item = |ui: &mut Ui, action: Action, enabled: bool, intents: &mut Vec<Intent>| {
            let shortcut = ui.ctx().format_shortcut(&action.shortcuts()[0]);
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(action.label()).shortcut_text(shortcut),
                )
                .clicked()
            {
                intents.push(Intent::Action(action));
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                item(ui, Action::Open, true, &mut intents);
                ui.menu_button(t.menu_recent, |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(RichText::new(t.recent_none).weak());
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            intents.push(Intent::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                item(ui, Action::Save, true, &mut intents);
                item(ui, Action::SaveAs, true, &mut intents);
                ui.separator();
                ui.menu_button(t.menu_export, |ui| {
                    for format in crate::export::Format::ALL {
                        if ui.button(format.label()).clicked() {
                            intents.push(Intent::Export(format));
                        }
                    }
                });
                if ui.button(t.menu_import_w3c).clicked() {
                    intents.push(Intent::ImportW3c);
                }
                if ui
                    .button(t.menu_merge)
                    .on_hover_text(t.menu_merge_help)
                    .clicked()
                {
                    intents.push(Intent::Merge);
                }
                ui.separator();
                item(ui, Action::Quit, true, &mut intents);
            });
            ui.menu_button(t.menu_edit, |ui| {
                item(ui, Action::Undo, self.ws.can_undo(), &mut intents);
                item(ui, Action::Redo, self.ws.can_redo(), &mut intents);
                ui.separator();
                item(
                    ui,
                    Action::Copy,
                    self.view.selection.is_some(),
                    &mut intents,
                );
                item(ui, Action::Find, true, &mut intents);
                item(
                    ui,
                    Action::DeleteAnnotation,
                    self.view.focus.is_some(),
                    &mut intents,
                );
            });
            ui.menu_button(t.menu_view, |ui| {
                let mut continuous = self.settings.continuous;
                if ui
                    .checkbox(&mut continuous, Action::ToggleContinuous.label())
                    .changed()
                {
                    intents.push(Intent::Action(Action::ToggleContinuous));
                }
                item(ui, Action::NextSection, true, &mut intents);
                item(ui, Action::PreviousSection, true, &mut intents);
                ui.separator();
                item(ui, Action::ZoomIn, true, &mut intents);
                item(ui, Action::ZoomOut, true, &mut intents);
                let mut dark = self.settings.theme == ThemeChoice::Dark;
                if ui.checkbox(&mut dark, Action::ToggleDark.label()).changed() {
                    intents.push(Intent::Action(Action::ToggleDark));
                }
                ui.add_enabled_ui(self.serif_available, |ui| {
                    ui.checkbox(&mut self.settings.serif, t.serif_font)
                        .on_disabled_hover_text(t.serif_missing);
                });
                ui.menu_button(t.ui_scale, |ui| {
                    for scale in theme::UI_SCALES {
                        let label = format!("{:.0} %", scale * 100.0);
                        if ui
                            .radio((self.settings.ui_scale - scale).abs() < 1e-3, label)
                            .clicked()
                        {
                            self.settings.ui_scale = scale;
                        }
                    }
                })
                .response
                .on_hover_text(t.ui_scale_help);
                ui.separator();
                ui.label(RichText::new(t.language).small().weak());
                for lang in i18n::Lang::ALL {
                    // The language in use: RANDNOTIZ_LANG may override the setting.
                    if ui.radio(i18n::lang() == lang, lang.native_name()).clicked() {
                        self.settings.lang = lang;
                        i18n::set_lang(lang);
                    }
                }
            });
            ui.menu_button(t.menu_analysis, |ui| {
                if ui.button(t.menu_agreement).clicked() {
                    self.analysis.agreement_open = true;
                }
                if ui.button(t.menu_stats).clicked() {
                    self.analysis.stats_open = true;
                }
                ui.separator();
                let label = ui.label(RichText::new(t.reader_name_label).small().weak());
                ui.add(
                    egui::TextEdit::singleline(&mut self.settings.reader)
                        .hint_text(t.reader_name_hint)
                        .desired_width(180.0),
                )
                .labelled_by(label.id)
                .on_hover_text(t.reader_name_help);
            });
            ui.menu_button(t.menu_help, |ui| {
                if ui.button(t.help_shortcuts).clicked() {
                    self.show_shortcuts = true;
                }
                ui.label(RichText::new(files::dialog_help()).small().weak());
                ui.label(
                    RichText::new(format!("Randnotiz {}", env!("CARGO_PKG_VERSION")))
                        .small()
                        .weak(),
                );
            });
        });
        intents
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        let t = tr();
        ui.horizontal(|ui| {
            let session = self.ws.session();
            ui.label(
                RichText::new(fill(
                    t.status_counts,
                    &[
                        ("annotations", &session.annotations.len()),
                        ("actors", &session.actors.len()),
                        ("orphans", &self.derived.orphans.len()),
                    ],
                ))
                .small(),
            );
            if self.ws.is_dirty() {
                ui.label(
                    RichText::new(t.status_unsaved)
                        .small()
                        .color(theme::warning(ui.visuals())),
                );
            }
            self.messages.notice_ui(ui);
        });
    }

    fn central_ui(&mut self, ui: &mut Ui) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let doc = std::sync::Arc::clone(self.ws.document());
        let family = self.family();
        // The reading font keeps its own size in pixels whatever the
        // interface size: Ctrl+Plus and Ctrl+Minus size the one, the View
        // menu the other.
        let font_size = self.settings.font_size / ui.ctx().zoom_factor();

        // Title, date and Stand, then the section navigation.
        ui.vertical_centered(|ui| {
            ui.add_space(4.0);
            ui.label(
                RichText::new(doc.title_or_default())
                    .font(egui::FontId::new(font_size * 1.5, family.clone()))
                    .strong(),
            );
            let meta = doc.meta();
            let mut facts = Vec::new();
            if let Some(date) = &meta.date {
                facts.push(fill(t.header_date, &[("date", date)]));
            }
            if let Some(stand) = &meta.stand {
                facts.push(fill(t.header_stand, &[("stand", stand)]));
            }
            if let Some(path) = self.ws.document_path().and_then(Path::file_name) {
                facts.push(path.to_string_lossy().into_owned());
            }
            if !facts.is_empty() {
                ui.label(RichText::new(facts.join("  ·  ")).weak());
            }
        });
        let sections = doc.sections().len();
        let current = self.current_section();
        // Both arrows first, then where the reader is, cut to the width: on a
        // narrow column the arrows stay in reach.
        ui.horizontal(|ui| {
            ui.add_enabled_ui(current > 0, |ui| {
                if ui
                    .button("◀")
                    .on_hover_text(Action::PreviousSection.label())
                    .clicked()
                {
                    intents.push(Intent::Action(Action::PreviousSection));
                }
            });
            ui.add_enabled_ui(current + 1 < sections, |ui| {
                if ui
                    .button("▶")
                    .on_hover_text(Action::NextSection.label())
                    .clicked()
                {
                    intents.push(Intent::Action(Action::NextSection));
                }
            });
            if let Some(section) = doc.sections().get(current) {
                let position = fill(
                    t.section_position,
                    &[
                        ("i", &(current + 1)),
                        ("n", &sections),
                        ("label", &section.label()),
                    ],
                );
                ui.add(egui::Label::new(position).truncate());
            }
        });
        if self.messages.report_ui(ui) {
            self.sidebar.only_moved = true;
            self.sidebar.scope = Scope::All;
        }
        intents.extend(self.search.ui(ui, &self.ws));
        ui.separator();

        let mentions = self
            .view
            .actor
            .as_ref()
            .and_then(|id| self.ws.session().actor_index(id))
            .map_or(&[][..], |i| self.derived.mentions.of(i));
        let mention_colour = self
            .view
            .actor
            .as_ref()
            .and_then(|id| self.ws.session().actor(id))
            .map_or(egui::Color32::GRAY, |a| theme::actor_colour(a.colour));
        let actor = self.view.actor.clone();
        let dimmed = move |a: &crate::annotation::Annotation| {
            actor.as_ref().is_some_and(|id| !a.actors.contains(id))
        };
        let input = ReaderInput {
            ws: &self.ws,
            derived: &self.derived,
            span: self.span(),
            font_size,
            family,
            marks: Marks {
                annotations: &self.ws.session().annotations,
                derived: &self.derived,
                focus: self.view.focus.as_ref(),
                selection: self.view.selection,
                hits: &self.search.hits,
                current_hit: self.search.current,
                mentions,
                mention_colour,
                dimmed: &dimmed,
                dark: ui.visuals().dark_mode,
            },
        };
        intents.extend(self.reader.ui(ui, &input));
        if let Some(section) = self.reader.scrolled_to_section() {
            self.view.section = section;
        }
        intents
    }

    /// The small toolbar at the selection, or at the focused annotation.
    fn toolbar_ui(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let mut intents = Vec::new();
        self.toolbar_visible = false;
        if self.reader.dragging() {
            // Not while the passage is still being chosen: it would cover
            // the text the mouse is heading for.
            return intents;
        }
        let focused = self
            .view
            .focus
            .as_ref()
            .and_then(|id| self.ws.session().annotation(id));
        let (subject, range) = match (self.view.selection, focused) {
            (Some(selection), _) => (Subject::Selection(selection), selection),
            (None, Some(annotation)) if !self.ws.is_orphaned(annotation) => {
                (Subject::Annotation(annotation), annotation.range())
            }
            _ => return intents,
        };
        let Some(end) = self.reader.char_rect(range.end) else {
            return intents;
        };
        let start = self.reader.char_rect(range.start).unwrap_or(end);
        // Where the toolbar goes depends on the passage alone, never on what
        // it holds: adding an actor or a statement makes it taller, and a
        // toolbar that then moved (pushed back on screen) lost the user's
        // eye. Below the passage, growing downwards, where its fullest form
        // fits; else above it as a card of that full height, so growing
        // fills the card instead of moving it. What does not fit scrolls.
        let screen = ctx.content_rect();
        let width = 300.0;
        let x = end
            .left()
            .min(screen.right() - width - 8.0)
            .max(screen.left() + 8.0);
        let full = theme::TOOLBAR_HEIGHT.min(screen.height() - 16.0);
        let below = end.bottom() + 6.0;
        let room_below = screen.bottom() - 8.0 - below;
        let room_above = start.top() - 6.0 - (screen.top() + 8.0);
        // (top, most height, fixed height)
        let (y, height, fixed) = if room_below >= full {
            (below, room_below, false)
        } else if room_above >= full {
            (start.top() - 6.0 - full, full, true)
        } else if room_below >= room_above {
            (below, room_below, false)
        } else {
            (start.top() - 6.0 - room_above, room_above, true)
        };
        if height < 48.0 {
            return intents;
        }
        self.toolbar_visible = true;
        egui::Area::new(egui::Id::unique("selection-toolbar"))
            .order(egui::Order::Foreground)
            .fixed_pos(egui::pos2(x, y))
            .constrain(false)
            .show(ctx, |ui| {
                let frame = egui::Frame::popup(ui.style());
                let inner = height - frame.total_margin().sum().y;
                frame.show(ui, |ui| {
                    ui.set_width(width);
                    // Scrolled only when it did not fit last frame: a scroll
                    // area in an area keeps the area's last size, so one of
                    // changing height would never grow.
                    if !fixed && self.toolbar_content <= inner {
                        let top = ui.cursor().top();
                        intents.extend(self.toolbar.ui(
                            ui,
                            &self.ws,
                            subject,
                            self.settings.colour,
                            "toolbar",
                        ));
                        self.toolbar_content = ui.min_rect().bottom() - top;
                        return;
                    }
                    let shown = egui::ScrollArea::vertical()
                        .id_salt("toolbar-scroll")
                        .max_height(inner)
                        .min_scrolled_height(inner)
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            self.toolbar
                                .ui(ui, &self.ws, subject, self.settings.colour, "toolbar")
                        });
                    self.toolbar_content = shown.content_size.y;
                    intents.extend(shown.inner);
                });
            });
        intents
    }

    fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let t = tr();
        let mut open = self.show_shortcuts;
        egui::Window::new(t.help_shortcuts)
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for action in Action::ALL {
                        ui.label(action.label());
                        let keys: Vec<String> = action
                            .shortcuts()
                            .iter()
                            .map(|s| ctx.format_shortcut(s))
                            .collect();
                        ui.label(RichText::new(keys.join(", ")).monospace());
                        ui.end_row();
                    }
                    ui.label(t.shortcut_colours);
                    ui.label(RichText::new("1 – 8").monospace());
                    ui.end_row();
                });
            });
        self.show_shortcuts = open;
    }

    /// Carries out one intent.
    #[allow(clippy::too_many_lines)]
    pub fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::Action(action) => self.run(ctx, action),
            Intent::Edit(edit, key) => self.edit(*edit, key),
            Intent::GoToSection(i) => self.go_to_section(i),
            Intent::Focus(id) => {
                // An orphan waits for a new place: keep the selection to attach it to.
                let orphan = self
                    .ws
                    .session()
                    .annotation(&id)
                    .is_some_and(|a| self.ws.is_orphaned(a));
                if !orphan {
                    self.view.selection = None;
                }
                // Scroll only to what is not on screen: an annotation just
                // made in the toolbar stays where it is, and the toolbar with it.
                if let Some(range) = self
                    .ws
                    .session()
                    .annotation(&id)
                    .filter(|a| !self.ws.is_orphaned(a))
                    .map(crate::annotation::Annotation::range)
                    && !self.reader.shows(range)
                {
                    self.reveal(range);
                }
                if self.view.focus.as_ref() != Some(&id) {
                    self.toolbar.query.clear();
                    self.ws.seal_history();
                }
                self.view.focus = Some(id);
            }
            Intent::Unfocus => {
                self.view.focus = None;
                self.toolbar.query.clear();
                self.ws.seal_history();
            }
            Intent::ShowReaders(readers) => {
                self.derived.show_readers(readers);
                self.derived.update(&self.ws);
            }
            Intent::Reveal(range) => self.reveal(range),
            Intent::Select(selection) => {
                let focus_is_orphan = self
                    .view
                    .focus
                    .as_ref()
                    .and_then(|id| self.ws.session().annotation(id))
                    .is_some_and(|a| self.ws.is_orphaned(a));
                if selection.is_some() && !focus_is_orphan {
                    self.view.focus = None;
                }
                if selection.is_some() {
                    // The keys act on the new selection (1–8, Delete, Esc),
                    // not in whatever text field had the cursor: a drag is
                    // not a click, so egui's own "clicked elsewhere" does
                    // not take the focus away.
                    ctx.memory_mut(egui::Memory::stop_text_input);
                }
                self.view.selection = selection;
            }
            Intent::Annotate(colour) => self.annotate(colour),
            Intent::ChooseActor(actor) => self.view.actor = actor,
            Intent::OpenPath(path) => self.open_guarded(&path),
            Intent::SaveTo(path) => self.save_to(&path),
            Intent::Confirm(id) => self.ws.confirm(&id),
            Intent::Reattach(id) => self.reattach(&id),
            Intent::Dossier(id) => self.dossier = Some(id),
            Intent::MarkMentions(id) => self.mark_mentions(&id),
            Intent::Export(format) => {
                let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
                let stem =
                    files::session_name_for(self.ws.session_path().or(self.ws.document_path()));
                let name = format!("{}.{}", stem.trim_end_matches(".ron"), format.extension());
                self.files
                    .ask(ctx, Purpose::Export(format), folder.as_deref(), Some(&name));
            }
            Intent::Merge => {
                let folder = folder_of(self.ws.session_path());
                self.files.ask(ctx, Purpose::Merge, folder.as_deref(), None);
            }
            Intent::ImportW3c => {
                let folder = folder_of(self.ws.document_path());
                self.files
                    .ask(ctx, Purpose::ImportW3c, folder.as_deref(), None);
            }
        }
    }

    fn run(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Open => {
                let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
                self.files.ask(ctx, Purpose::Open, folder.as_deref(), None);
            }
            Action::Save => self.save(ctx),
            Action::SaveAs => self.save_as(ctx),
            Action::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            Action::Undo => {
                if self.ws.undo() {
                    self.after_history();
                }
            }
            Action::Redo => {
                if self.ws.redo() {
                    self.after_history();
                }
            }
            Action::Find => self.search.open(),
            Action::NextSection => self.step_section(true),
            Action::PreviousSection => self.step_section(false),
            Action::ToggleContinuous => {
                let section = self.current_section();
                self.settings.continuous = !self.settings.continuous;
                self.go_to_section(section);
            }
            Action::ZoomIn => self.settings.zoom(true),
            Action::ZoomOut => self.settings.zoom(false),
            Action::ToggleDark => {
                self.settings.theme = match self.settings.theme {
                    ThemeChoice::Light => ThemeChoice::Dark,
                    ThemeChoice::Dark => ThemeChoice::Light,
                };
            }
            Action::DeleteAnnotation => {
                if let Some(id) = self.view.focus.take() {
                    self.edit(Edit::RemoveAnnotation(id), None);
                }
            }
            Action::Escape => {
                if self.view.selection.is_some() || self.view.focus.is_some() {
                    self.view.selection = None;
                    self.view.focus = None;
                    self.ws.seal_history();
                } else if self.search.open {
                    self.search.close();
                }
            }
            Action::Copy => {
                if let Some(selection) = self.view.selection {
                    ctx.copy_text(self.ws.document().slice(selection).to_owned());
                }
            }
        }
    }

    fn edit(&mut self, edit: Edit, key: Option<String>) {
        match self.ws.apply_coalescing(edit, key) {
            Ok(()) => self.derived.update(&self.ws),
            Err(err) => self.messages.error(err.to_string()),
        }
        self.drop_stale_focus();
    }

    fn after_history(&mut self) {
        self.derived.update(&self.ws);
        self.drop_stale_focus();
    }

    fn drop_stale_focus(&mut self) {
        if let Some(id) = &self.view.focus
            && self.ws.session().annotation(id).is_none()
        {
            self.view.focus = None;
        }
        if let Some(id) = &self.view.actor
            && self.ws.session().actor(id).is_none()
        {
            self.view.actor = None;
        }
    }

    /// Shows `range`: its section becomes the current one in either mode
    /// (in the whole text the header, outline and list follow it).
    fn reveal(&mut self, range: CharRange) {
        if let Some(section) = self.ws.document().section_at(range.start) {
            self.view.section = section;
        }
        self.reader.reveal(range);
    }

    fn go_to_section(&mut self, i: usize) {
        let doc = self.ws.document();
        let i = i.min(doc.sections().len().saturating_sub(1));
        self.view.section = i;
        self.view.selection = None;
        if self.settings.continuous
            && let Some(section) = doc.sections().get(i)
        {
            let start = section.range.start;
            self.reader.reveal(CharRange::new(start, start));
        }
    }

    fn step_section(&mut self, forward: bool) {
        let current = self.current_section();
        let last = self.ws.document().sections().len().saturating_sub(1);
        let next = if forward {
            (current + 1).min(last)
        } else {
            current.saturating_sub(1)
        };
        if next != current {
            self.go_to_section(next);
        }
    }

    fn annotate(&mut self, colour: Colour) {
        self.settings.colour = colour;
        if let Some(selection) = self.view.selection.take() {
            let annotation = self
                .ws
                .new_annotation(selection, colour, Vec::new(), String::new());
            let id = annotation.id.clone();
            self.edit(
                Edit::AddAnnotation {
                    annotation,
                    index: None,
                },
                None,
            );
            self.view.focus = Some(id);
            self.toolbar.query.clear();
        } else if let Some(annotation) = self
            .view
            .focus
            .as_ref()
            .and_then(|id| self.ws.session().annotation(id))
        {
            let mut changed = annotation.clone();
            changed.colour = colour;
            changed.modified = now();
            self.edit(Edit::ReplaceAnnotation(changed), None);
        }
    }

    fn reattach(&mut self, id: &AnnotationId) {
        let (Some(selection), Some(annotation)) =
            (self.view.selection, self.ws.session().annotation(id))
        else {
            return;
        };
        let mut changed = annotation.clone();
        changed.target = Target::from_range(self.ws.document(), selection);
        changed.modified = now();
        self.edit(Edit::ReplaceAnnotation(changed), None);
        self.ws.confirm(id);
        self.view.selection = None;
        self.view.focus = Some(id.clone());
    }

    fn mark_mentions(&mut self, id: &ActorId) {
        let Some(index) = self.ws.session().actor_index(id) else {
            return;
        };
        let ranges: Vec<CharRange> = self.derived.mentions.of(index).to_vec();
        // The actor's own colour, as the panel and the charts show it.
        let colour = Colour::nearest_to(self.ws.session().actors[index].colour);
        let (edits, added) = self.ws.mark_ranges(&ranges, colour, id);
        if edits.is_empty() {
            self.messages.notice(tr().mentions_all_marked);
            return;
        }
        self.edit(Edit::Batch(edits), None);
        self.messages
            .notice(fill(tr().mentions_marked, &[("n", &added)]));
    }

    fn save(&mut self, ctx: &egui::Context) {
        match self.ws.session_path().map(Path::to_path_buf) {
            Some(path) => self.save_to(&path),
            None => self.save_as(ctx),
        }
    }

    fn save_as(&mut self, ctx: &egui::Context) {
        let folder = folder_of(self.ws.session_path().or(self.ws.document_path()));
        let name = files::session_name_for(self.ws.document_path());
        self.files
            .ask(ctx, Purpose::SaveAs, folder.as_deref(), Some(&name));
    }

    fn save_to(&mut self, path: &Path) {
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
                self.settings.remember(path);
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
    fn disk_answered(&mut self, ctx: &egui::Context, question: DiskQuestion, answer: DiskAnswer) {
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
                            ("conflicts", &report.conflicts),
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

    fn export_to(&mut self, format: crate::export::Format, path: &Path) {
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
    fn merge_from(&mut self, path: &Path) {
        let other = match Workspace::open_session(path, None) {
            Ok((other, _)) => other,
            Err(err) => return self.messages.error(err.to_string()),
        };
        let before = self.ws.session().clone();
        let mut after = before.clone();
        let own = self
            .ws
            .reader()
            .map(str::to_owned)
            .or_else(|| {
                self.ws
                    .session_path()
                    .and_then(Path::file_stem)
                    .map(|s| s.to_string_lossy().into_owned())
            })
            .unwrap_or_else(|| tr().reader_unnamed.to_owned());
        crate::analysis::merge::name_reader(&mut after, &own);
        let mut reader = crate::analysis::merge::reader_of(path, other.session());
        // Two readers whose files share a name stay two readers.
        if reader == own {
            let folder = path
                .canonicalize()
                .ok()
                .and_then(|p| {
                    p.parent()?
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                })
                .unwrap_or_else(|| "2".to_owned());
            reader = format!("{reader} ({folder})");
        }
        match crate::analysis::merge::merge_into(&mut after, other.session(), &reader) {
            Ok(report) => {
                self.edit(crate::analysis::merge::as_edit(&before, &after), None);
                self.messages.notice(report.summary());
            }
            Err(err) => self.messages.error(err.to_string()),
        }
    }

    fn import_w3c(&mut self, path: &Path) {
        let text = match crate::export::w3c::read_json(path) {
            Ok(text) => text,
            Err(err) => return self.messages.error(err.with_path(path)),
        };
        match crate::export::w3c::import(&text, self.ws.session(), self.ws.document()) {
            Ok(mut imported) => {
                let skipped = std::mem::take(&mut imported.skipped);
                let (edit, count) = imported.into_edit();
                self.edit(edit, None);
                let mut message = fill(tr().imported, &[("n", &count), ("path", &path.display())]);
                for skipped in skipped {
                    message.push(' ');
                    message.push_str(&skipped);
                }
                self.messages.notice(message);
            }
            Err(err) => self.messages.error(err.with_path(path)),
        }
    }

    fn open_guarded(&mut self, path: &Path) {
        if self.ws.is_dirty() {
            self.messages.confirm = Some(AfterConfirm::Open(path.to_path_buf()));
        } else {
            self.open(path);
        }
    }

    /// Opens a text or session; on failure the open session stays as it was.
    /// A session another window has open is opened only when the user says so.
    pub fn open(&mut self, path: &Path) {
        let is_session = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if !is_session {
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
    fn take_lock(&mut self, path: &Path) -> Result<Option<SessionLock>, crate::fsio::lock::Held> {
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
    fn open_session(&mut self, path: &Path, lock: Option<SessionLock>) {
        match Workspace::open_session(path, None) {
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
                if let OpenError::TextDiffers { found, .. } = &err {
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
    fn open_with_text(&mut self, session: &Path, text: &Path) {
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

    /// The file the reading place is remembered for: the session file, or
    /// the text while no session was saved (the bundled article has none).
    fn place_key(&self) -> Option<PathBuf> {
        self.ws
            .session_path()
            .or(self.ws.document_path())
            .map(Path::to_path_buf)
    }

    /// Remembers where the user is in the open file.
    fn remember_place(&mut self) {
        let (Some(path), Some(char)) = (self.place_key(), self.reader.reading_char()) else {
            return;
        };
        let section = self.current_section();
        self.settings.remember_place(super::settings::Place {
            path,
            section,
            char,
        });
    }

    /// Goes back to where the user was in the file just opened.
    fn return_to_place(&mut self) {
        let Some(place) = self
            .place_key()
            .and_then(|p| self.settings.place(&p).cloned())
        else {
            return;
        };
        let doc = self.ws.document();
        let sections = doc.sections().len();
        if place.char > doc.len_chars() || sections == 0 {
            return; // another text now: start at the top
        }
        self.view.section = place.section.min(sections - 1);
        if place.char > 0 {
            let at = CharRange::new(place.char, place.char);
            if !self.settings.continuous {
                // The section remembered, scrolled to the char within it.
                self.view.section = doc.section_at(place.char).unwrap_or(self.view.section);
            }
            self.reader.reveal(at);
        } else if self.settings.continuous
            && let Some(section) = doc.sections().get(self.view.section)
        {
            let start = section.range.start;
            self.reader.reveal(CharRange::new(start, start));
        }
    }

    fn replace(&mut self, ws: Workspace) {
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

    fn chosen(&mut self, ctx: &egui::Context, purpose: Purpose, path: &Path) {
        match purpose {
            Purpose::Open => self.open_guarded(path),
            Purpose::SaveAs => self.save_to(path),
            Purpose::LocateText { session } => self.open_with_text(&session, path),
            Purpose::Export(format) => self.export_to(format, path),
            Purpose::ImportW3c => self.import_w3c(path),
            Purpose::Merge => self.merge_from(path),
        }
        ctx.request_repaint();
    }

    fn answered(&mut self, ctx: &egui::Context, after: AfterConfirm, choice: Choice) {
        match choice {
            Choice::Discard => self.proceed(after),
            Choice::Save => {
                self.after_save = Some(after);
                self.save(ctx);
            }
        }
        ctx.request_repaint();
    }

    fn proceed(&mut self, after: AfterConfirm) {
        match after {
            AfterConfirm::Quit => {
                self.quitting = true;
                self.close_now = true;
                self.autosave.clear();
            }
            AfterConfirm::Open(path) => self.open(&path),
        }
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let name = self
            .ws
            .session_path()
            .and_then(Path::file_name)
            .map_or_else(
                || self.ws.document().title_or_default().to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        let dirty = if self.ws.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{name} – Randnotiz");
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn close_request(&mut self, ctx: &egui::Context) {
        if self.close_now {
            self.close_now = false;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.ws.is_dirty() && !self.quitting {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.messages.confirm = Some(AfterConfirm::Quit);
        }
    }
}

fn dropped_files(ctx: &egui::Context) -> Vec<Intent> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .take(1)
            .map(Intent::OpenPath)
            .collect()
    })
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
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

/// Milliseconds since this process started (Linux: from `/proc`, to the
/// clock tick), for `RANDNOTIZ_STARTUP_LOG`.
fn since_process_start_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Field 22, counted after the command name (which may hold spaces).
    let start_ticks: f64 = stat
        .rsplit(')')
        .next()?
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // Linux reports process start times in USER_HZ, 100 per second.
    let seconds = uptime - start_ticks / 100.0;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some((seconds * 1000.0).max(0.0) as u64)
}

/// The folder a file dialog starts in: the one holding `path`.
fn folder_of(path: Option<&Path>) -> Option<PathBuf> {
    path.and_then(Path::parent).map(Path::to_path_buf)
}
