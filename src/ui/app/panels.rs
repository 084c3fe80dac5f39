//! Drawing: the menu, the status line, the side panels, the reading
//! column, the toolbar at the selection and the windows over it.

use std::path::Path;

use egui::{RichText, Ui};

use crate::i18n::{self, fill, tr};
use crate::ui::autosave;
use crate::ui::command::{Action, Intent};
use crate::ui::files::{self, Purpose};
use crate::ui::messages::TextChoice;
use crate::ui::reader::{Marks, ReaderInput};
use crate::ui::settings::ThemeChoice;
use crate::ui::sidebar::{Scope, SidebarInput};
use crate::ui::toolbar::Subject;
use crate::ui::{dossier, outline, theme};

use super::App;
use super::commands::dropped_files;

impl App {
    /// Draws the window: every panel draws and returns intents, then they
    /// are carried out in order. What they changed that [`App::logic`]
    /// shows (the title, the recovery file, a close) is taken up in the pass
    /// after.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let revision = self.ws.revision();
        let mut intents = self.keyboard(&ctx);
        intents.extend(dropped_files(&ctx));

        egui::Panel::top("menu").show(ui, |ui| intents.extend(self.menu_ui(ui)));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        intents.extend(self.project_panel_ui(ui));
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
                        let shared = self.ws.is_shared();
                        let elsewhere = self
                            .project
                            .as_mut()
                            .filter(|_| shared)
                            .map(crate::ui::corpus::ProjectState::counts_elsewhere);
                        intents.extend(self.actors.ui(
                            ui,
                            &self.ws,
                            &self.derived,
                            self.view.actor.as_ref(),
                            elsewhere,
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
        let corpus = self
            .project
            .as_ref()
            .filter(|_| self.ws.is_shared())
            .map(|state| (&state.project, state.current));
        intents.extend(dossier::window(
            &ctx,
            &mut self.dossier,
            &self.ws,
            &self.derived,
            corpus,
        ));
        if let Some(state) = &self.project {
            intents.extend(
                self.corpus_search
                    .window(&ctx, &state.project)
                    .into_iter()
                    .map(Intent::CorpusSearch),
            );
        }
        intents.extend(self.analysis.agreement_window(
            &ctx,
            &self.ws,
            &self.derived,
            self.project.as_ref().map(|s| &s.project),
        ));
        intents.extend(self.analysis.stats_window(&ctx, &self.ws, &self.derived));
        let project = self.project.as_ref().map(|state| &state.project);
        self.analysis.timeline.window(&ctx, project);
        for intent in self.analysis.network.window(&ctx, project) {
            self.network_intent(&ctx, intent);
        }
        self.shortcuts_window(&ctx);
        if let Some((purpose, path)) = self.files.prompt_ui(&ctx) {
            self.chosen(&ctx, purpose, &path);
        }
        self.url_prompt_ui(&ctx);
        self.password_prompt_ui(&ctx);
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
        if self.ws.revision() != revision || self.close_now {
            ctx.request_repaint();
        }
        self.log_startup(&ctx);
    }

    #[must_use = "the intents are what the user asked for"]
    pub(super) fn menu_ui(&mut self, ui: &mut Ui) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let item = |ui: &mut Ui, action: Action, enabled: bool, intents: &mut Vec<Intent>| {
            let mut button = egui::Button::new(action.label());
            if let Some(keys) = action.shortcut_text(ui.ctx()) {
                button = button.shortcut_text(keys);
            }
            if ui
                .add_enabled(enabled, button)
                .on_hover_text(action.tooltip())
                .clicked()
            {
                intents.push(Intent::Action(action));
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.menu_file, |ui| {
                item(ui, Action::Open, true, &mut intents);
                item(ui, Action::OpenUrl, true, &mut intents);
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
                ui.menu_button(crate::i18n::tr_im().menu_import, |ui| {
                    item(ui, Action::ImportDna, true, &mut intents);
                });
                item(ui, Action::ImportW3c, true, &mut intents);
                item(ui, Action::Merge, true, &mut intents);
                ui.separator();
                item(ui, Action::Quit, true, &mut intents);
            });
            ui.menu_button(crate::i18n::tr_co().menu_project, |ui| {
                item(ui, Action::NewProject, true, &mut intents);
                item(ui, Action::OpenProject, true, &mut intents);
                let open = self.project.is_some();
                item(ui, Action::AddToProject, open, &mut intents);
                item(ui, Action::ImportAttributes, open, &mut intents);
                item(ui, Action::MergeProject, open, &mut intents);
                ui.separator();
                item(ui, Action::ShowDocuments, open, &mut intents);
                item(ui, Action::NextDocument, open, &mut intents);
                item(ui, Action::PreviousDocument, open, &mut intents);
                ui.separator();
                item(ui, Action::CorpusSearch, open, &mut intents);
                ui.add_enabled_ui(open, |ui| {
                    ui.menu_button(crate::i18n::tr_co().menu_export_project, |ui| {
                        for format in crate::export::Format::ALL {
                            if format.for_projects() && ui.button(format.label()).clicked() {
                                intents.push(Intent::List(crate::ui::corpus::ListIntent::Export(
                                    format,
                                )));
                            }
                        }
                    });
                });
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
                    .on_hover_text(Action::ToggleContinuous.hover_text(ui.ctx()))
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
                if ui
                    .checkbox(&mut dark, Action::ToggleDark.label())
                    .on_hover_text(Action::ToggleDark.hover_text(ui.ctx()))
                    .changed()
                {
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
                item(ui, Action::ShowAgreement, true, &mut intents);
                item(ui, Action::ShowStats, true, &mut intents);
                item(
                    ui,
                    Action::ShowTimeline,
                    self.project.is_some(),
                    &mut intents,
                );
                item(
                    ui,
                    Action::ShowNetwork,
                    self.project.is_some(),
                    &mut intents,
                );
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
                item(ui, Action::ShowShortcuts, true, &mut intents);
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

    pub(super) fn status_ui(&mut self, ui: &mut Ui) {
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
            self.loader.ui(ui);
            self.messages.notice_ui(ui);
        });
    }

    #[must_use = "the intents are what the user asked for"]
    pub(super) fn central_ui(&mut self, ui: &mut Ui) -> Vec<Intent> {
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
            if let Some(kicker) = &doc.meta().kicker {
                ui.label(
                    RichText::new(kicker)
                        .font(egui::FontId::new(font_size * 0.9, family.clone()))
                        .color(ui.visuals().hyperlink_color),
                );
            }
            ui.label(
                RichText::new(doc.title_or_default())
                    .font(egui::FontId::new(font_size * 1.5, family.clone()))
                    .strong(),
            );
            let meta = doc.meta();
            let mut facts = Vec::new();
            for who in [&meta.author, &meta.outlet].into_iter().flatten() {
                facts.push(who.clone());
            }
            if let Some(date) = &meta.date {
                facts.push(fill(t.header_date, &[("date", date)]));
            }
            if let Some(stand) = &meta.stand {
                facts.push(fill(t.header_stand, &[("stand", stand)]));
            }
            if let Some(url) = &self.ws.session().document.url {
                facts.push(url.clone());
            } else if let Some(path) = self.ws.document_path().and_then(Path::file_name) {
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
                    .on_hover_text(Action::PreviousSection.icon_hover_text(ui.ctx()))
                    .clicked()
                {
                    intents.push(Intent::Action(Action::PreviousSection));
                }
            });
            ui.add_enabled_ui(current + 1 < sections, |ui| {
                if ui
                    .button("▶")
                    .on_hover_text(Action::NextSection.icon_hover_text(ui.ctx()))
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
                        ("label", &doc.section_label(section)),
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
    #[must_use = "the intents are what the user asked for"]
    pub(super) fn toolbar_ui(&mut self, ctx: &egui::Context) -> Vec<Intent> {
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

    pub(super) fn shortcuts_window(&mut self, ctx: &egui::Context) {
        let t = tr();
        let mut open = self.show_shortcuts;
        egui::Window::new(Action::ShowShortcuts.label())
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                    for action in Action::iter().filter(|a| !a.shortcuts().is_empty()) {
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
}
