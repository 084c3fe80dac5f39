//! The annotation sidebar: filters, the focused annotation's editor, the
//! list of annotations (this section or all), and orphans apart.
//!
//! The list is drawn with `ScrollArea::show_rows`, one row per annotation, so
//! a session with ten thousand annotations costs what the visible rows cost.
//! The focused annotation is edited in a panel above the list, with the same
//! editor as the selection toolbar plus controls for the passage's extent.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Galley, RichText, Ui};

use crate::actors::ActorId;
use crate::annotation::{Annotation, AnnotationId, Colour, Edit};
use crate::document::{CharRange, words};
use crate::i18n::{fill, tr};
use crate::ui::command::Intent;
use crate::ui::derived::{Derived, Readers};
use crate::ui::theme;
use crate::ui::toolbar::{Editor, Subject};
use crate::ui::widgets;
use crate::workspace::{AnchorState, Workspace};

/// Which annotations the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    /// Those of the current section.
    #[default]
    Section,
    /// All of them.
    All,
}

/// The sidebar's own state.
#[derive(Default)]
pub struct Sidebar {
    /// Section or all.
    pub scope: Scope,
    /// Colours shown; empty means all.
    pub colours: Vec<Colour>,
    /// Text the quote or note must contain.
    pub text: String,
    /// Show only annotations moved by re-anchoring.
    pub only_moved: bool,
    editor: Editor,
    /// The list as last filtered, and what it was filtered for.
    cache: Option<(ListKey, Vec<usize>, Vec<usize>)>,
    /// The rows' laid-out text.
    rows: RowCache,
}

/// Everything the list depends on: when none of it changes, neither does the list.
#[derive(Clone, PartialEq)]
struct ListKey {
    revision: u64,
    scope: Scope,
    section: usize,
    colours: Vec<Colour>,
    text: String,
    only_moved: bool,
    actor: Option<ActorId>,
}

/// What the sidebar needs to draw.
pub struct SidebarInput<'a> {
    /// The workspace.
    pub ws: &'a Workspace,
    /// Its derived facts.
    pub derived: &'a Derived,
    /// The current section.
    pub section: usize,
    /// The focused annotation.
    pub focus: Option<&'a AnnotationId>,
    /// The chosen actor (filters the list).
    pub actor: Option<&'a ActorId>,
    /// The reader's selection, for re-attaching.
    pub selection: Option<CharRange>,
    /// Colour for new annotations.
    pub colour: Colour,
    /// Show the annotation editor (false while the toolbar in the text shows it).
    pub show_editor: bool,
}

impl Sidebar {
    /// True when `annotation` passes the filters.
    fn shows(&self, input: &SidebarInput<'_>, needle: &str, annotation: &Annotation) -> bool {
        if let Some(actor) = input.actor
            && !annotation.actors.contains(actor)
        {
            return false;
        }
        if !self.colours.is_empty() && !self.colours.contains(&annotation.colour) {
            return false;
        }
        if self.only_moved
            && !matches!(input.ws.anchor_state(annotation), AnchorState::Moved { .. })
        {
            return false;
        }
        needle.is_empty()
            || annotation.quote().to_lowercase().contains(needle)
            || annotation.note.to_lowercase().contains(needle)
    }

    /// Draws the sidebar.
    #[must_use = "the intents are what the user asked for"]
    pub fn ui(&mut self, ui: &mut Ui, input: &SidebarInput<'_>) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let session = input.ws.session();

        ui.heading(t.sidebar_title);
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.scope, Scope::Section, t.scope_section);
            ui.selectable_value(&mut self.scope, Scope::All, t.scope_all);
        });
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = 2.0;
            for c in Colour::ALL {
                let on = self.colours.contains(&c);
                let label = fill(t.filter_colour, &[("name", &c.name())]);
                if widgets::colour_swatch(ui, c, on, session.meaning(c), Some(&label)).clicked() {
                    if on {
                        self.colours.retain(|x| *x != c);
                    } else {
                        self.colours.push(c);
                    }
                }
            }
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.text)
                .hint_text(t.filter_hint)
                .desired_width(f32::INFINITY),
        );
        if let Some(actor) = input.actor.and_then(|id| session.actor(id)) {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.filtered_by_actor).small());
                widgets::actor_chip(ui, actor, false);
                if ui
                    .small_button("×")
                    .on_hover_text(t.clear_actor_filter)
                    .clicked()
                {
                    intents.push(Intent::ChooseActor(None));
                }
            });
        }
        let readers = &input.derived.reader_names;
        if readers.len() > 1 {
            let name = |r: &Option<String>| crate::analysis::agreement::reader_name(r.as_deref());
            let current = input.derived.readers();
            let text = match current {
                Readers::All => t.readers_all.to_owned(),
                Readers::One(r) => name(r),
                Readers::Differences(a, b) => {
                    fill(t.readers_differences, &[("a", &name(a)), ("b", &name(b))])
                }
            };
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new(t.readers_label).small());
                egui::ComboBox::from_id_salt("readers")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        let mut choose = |ui: &mut Ui, choice: Readers, text: String| {
                            if ui.selectable_label(current == &choice, text).clicked() {
                                intents.push(Intent::ShowReaders(choice));
                            }
                        };
                        choose(ui, Readers::All, t.readers_all.to_owned());
                        for r in readers {
                            choose(ui, Readers::One(r.clone()), name(r));
                        }
                        for (i, a) in readers.iter().enumerate() {
                            for b in &readers[i + 1..] {
                                choose(
                                    ui,
                                    Readers::Differences(a.clone(), b.clone()),
                                    fill(
                                        t.readers_differences,
                                        &[("a", &name(a)), ("b", &name(b))],
                                    ),
                                );
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
        }
        if self.only_moved {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.only_moved).small());
                if ui.small_button("×").clicked() {
                    self.only_moved = false;
                }
            });
        }
        ui.separator();

        // The focused annotation, editable.
        if let Some(annotation) = input.focus.and_then(|id| session.annotation(id)) {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                intents.extend(self.focused_ui(ui, input, annotation));
            });
            ui.add_space(4.0);
        }

        // The list, filtered again only when something it depends on changed:
        // with ten thousand annotations, filtering every frame would cost more
        // than drawing the rows.
        let key = ListKey {
            revision: input.derived.generation,
            scope: self.scope,
            section: input.section,
            colours: self.colours.clone(),
            text: self.text.clone(),
            only_moved: self.only_moved,
            actor: input.actor.cloned(),
        };
        if self.cache.as_ref().is_none_or(|(k, _, _)| k != &key) {
            let (placed, orphans) = self.filter(input);
            self.cache = Some((key, placed, orphans));
        }
        let Some((key, placed, orphans)) = self.cache.take() else {
            return intents;
        };
        ui.label(
            RichText::new(fill(
                t.list_count,
                &[
                    ("shown", &placed.len()),
                    ("total", &session.annotations.len()),
                ],
            ))
            .small()
            .weak(),
        );
        let row_height =
            ui.text_style_height(&egui::TextStyle::Body) * 2.0 + ui.spacing().item_spacing.y * 3.0;
        let orphan_height = if orphans.is_empty() {
            0.0
        } else {
            140.0_f32.min(ui.available_height() / 3.0)
        };
        self.rows.begin(
            ui.ctx(),
            input.derived.generation,
            ui.available_width(),
            ui.visuals().dark_mode,
        );
        egui::ScrollArea::vertical()
            .id_salt("annotation-list")
            .max_height((ui.available_height() - orphan_height).max(80.0))
            .auto_shrink([false, true])
            .show_rows(ui, row_height, placed.len(), |ui, rows| {
                for &i in &placed[rows] {
                    let annotation = &session.annotations[i];
                    if row_ui(ui, input, &mut self.rows, i, annotation, row_height) {
                        intents.push(Intent::Focus(annotation.id.clone()));
                    }
                }
            });

        if !orphans.is_empty() {
            ui.separator();
            ui.label(
                RichText::new(fill(t.orphans_title, &[("n", &orphans.len())]))
                    .color(theme::warning(ui.visuals())),
            )
            .on_hover_text(t.orphans_help);
            egui::ScrollArea::vertical()
                .id_salt("orphan-list")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for &i in &orphans {
                        let annotation = &session.annotations[i];
                        if row_ui(ui, input, &mut self.rows, i, annotation, row_height) {
                            intents.push(Intent::Focus(annotation.id.clone()));
                        }
                    }
                });
        }
        self.cache = Some((key, placed, orphans));
        intents
    }

    /// The annotations the filters let through: placed ones in text order,
    /// then orphans.
    fn filter(&self, input: &SidebarInput<'_>) -> (Vec<usize>, Vec<usize>) {
        let session = input.ws.session();
        let sections = input.ws.document().sections();
        let needle = self.text.trim().to_lowercase();
        // Placed annotations are sorted by start: a section's are a slice
        // (those starting where `Document::section_at` says it holds).
        let all = &input.derived.placed[..];
        let placed = match self.scope {
            Scope::All => all,
            Scope::Section => {
                let from = match input.section {
                    0 => 0,
                    i => sections.get(i).map_or(usize::MAX, |s| s.range.start),
                };
                let to = sections
                    .get(input.section + 1)
                    .map_or(usize::MAX, |s| s.range.start);
                let first = all.partition_point(|p| p.range.start < from);
                let end = all.partition_point(|p| p.range.start < to);
                &all[first..end.max(first)]
            }
        };
        let placed = placed
            .iter()
            .map(|p| p.index)
            .filter(|&i| self.shows(input, &needle, &session.annotations[i]))
            .collect();
        let orphans = input
            .derived
            .orphans
            .iter()
            .copied()
            .filter(|&i| self.shows(input, &needle, &session.annotations[i]))
            .collect();
        (placed, orphans)
    }

    #[must_use = "the intents are what the user asked for"]
    fn focused_ui(
        &mut self,
        ui: &mut Ui,
        input: &SidebarInput<'_>,
        annotation: &Annotation,
    ) -> Vec<Intent> {
        let t = tr();
        let mut intents = Vec::new();
        let ws = input.ws;
        let doc = ws.document();
        let state = ws.anchor_state(annotation);
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.label(RichText::new(fill(t.focused_title, &[("id", &annotation.id)])).strong());
                match &state {
                    AnchorState::Anchored => {}
                    AnchorState::Moved { exact, .. } => {
                        let text = if *exact {
                            t.badge_moved
                        } else {
                            t.badge_changed
                        };
                        widgets::badge(ui, text, theme::warning(ui.visuals()))
                            .on_hover_text(t.moved_help);
                    }
                    AnchorState::Orphaned => {
                        widgets::badge(ui, t.badge_orphaned, theme::error(ui.visuals()))
                            .on_hover_text(t.orphans_help);
                    }
                }
            },
            |ui| {
                if ui.small_button("×").on_hover_text(t.close_editor).clicked() {
                    intents.push(Intent::Unfocus);
                }
            },
        );
        ui.label(
            RichText::new(format!("„{}“", widgets::excerpt(annotation.quote(), 240))).italics(),
        );
        if let AnchorState::Moved { from, .. } = state {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(fill(
                        t.moved_from,
                        &[("from", &from.start), ("to", &annotation.range().start)],
                    ))
                    .small(),
                );
                if ui.small_button(t.confirm_moved).clicked() {
                    intents.push(Intent::Confirm(annotation.id.clone()));
                }
            });
        }
        if matches!(state, AnchorState::Orphaned) {
            ui.label(
                RichText::new(fill(
                    t.orphan_context,
                    &[
                        ("prefix", &annotation.target.quote.prefix),
                        ("suffix", &annotation.target.quote.suffix),
                    ],
                ))
                .small()
                .weak(),
            );
        }
        let reattach = ui.add_enabled(input.selection.is_some(), egui::Button::new(t.reattach));
        if reattach
            .on_hover_text(t.reattach_help)
            .on_disabled_hover_text(t.reattach_disabled)
            .clicked()
        {
            intents.push(Intent::Reattach(annotation.id.clone()));
        }

        if input.show_editor {
            intents.extend(self.editor.ui(
                ui,
                ws,
                Subject::Annotation(annotation),
                input.colour,
                "sidebar",
            ));
        } else {
            widgets::annotation_view(ui, ws.session(), annotation, false);
        }

        // The passage's extent, a word at a time, without selecting again.
        if !matches!(state, AnchorState::Orphaned) {
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.extent).small());
                let range = annotation.range();
                let moves = [
                    (
                        "⏴",
                        t.extent_start_earlier,
                        Some(words::step_start(doc, range.start, false)),
                        None,
                    ),
                    (
                        "⏵",
                        t.extent_start_later,
                        Some(words::step_start(doc, range.start, true)),
                        None,
                    ),
                    (
                        "⏴",
                        t.extent_end_earlier,
                        None,
                        Some(words::step_end(doc, range.end, false)),
                    ),
                    (
                        "⏵",
                        t.extent_end_later,
                        None,
                        Some(words::step_end(doc, range.end, true)),
                    ),
                ];
                for (n, (icon, help, start, end)) in moves.into_iter().enumerate() {
                    if n == 2 {
                        ui.label("…");
                    }
                    // Built unordered: `CharRange::new` would turn a start moved
                    // past the end into a passage of the blank between them.
                    let (new_start, new_end) =
                        (start.unwrap_or(range.start), end.unwrap_or(range.end));
                    let new = CharRange::new(new_start, new_end);
                    let valid = new_start < new_end && new != range;
                    let button = ui.add_enabled(valid, egui::Button::new(icon).small());
                    // Screen readers and tests name the button by what it does.
                    button
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, valid, help));
                    if button
                        .on_hover_text(help)
                        .on_disabled_hover_text(help)
                        .clicked()
                    {
                        let changed = annotation.moved_to(doc, new);
                        intents.push(Intent::edit(Edit::ReplaceAnnotation(changed), None));
                    }
                }
            });
        }
        intents
    }
}

/// One row of the list: colour bar, quote, actors and note on two lines.
/// Returns true when clicked.
/// New rows laid out per frame. Switching to a section of a densely
/// annotated book brings a screenful of rows never seen before; shaping all
/// their text in one frame made that frame the slowest of all. Rows beyond
/// the budget show their colour bar and get their text in the next frames.
const NEW_ROWS_PER_FRAME: usize = 8;

/// The rows' laid-out text, kept while the list is unchanged: drawing a row
/// is then painting two galleys.
#[derive(Default)]
pub struct RowCache {
    /// What the galleys were laid out for: list generation, width, theme.
    key: (u64, u32, bool),
    /// Per annotation index: quote line, second line, its colour, and the
    /// frame it was last drawn in.
    rows: HashMap<usize, (Arc<Galley>, Arc<Galley>, Color32, u64)>,
    frame: u64,
    /// New rows this frame may still lay out.
    budget: usize,
    atlas: widgets::AtlasWatch,
}

impl RowCache {
    /// Starts a frame of drawing rows `width` wide.
    fn begin(&mut self, ctx: &egui::Context, generation: u64, width: f32, dark: bool) {
        let key = (generation, width.to_bits(), dark);
        if self.atlas.cleared(ctx) || self.key != key {
            self.key = key;
            self.rows.clear();
        }
        self.frame += 1;
        self.budget = NEW_ROWS_PER_FRAME;
        // Rows scrolled far away are dropped once there are many.
        if self.rows.len() > 512 {
            let recent = self.frame.saturating_sub(2);
            self.rows.retain(|_, row| row.3 >= recent);
        }
    }
}

/// The two lines of a row, laid out.
fn row_text(
    ui: &Ui,
    input: &SidebarInput<'_>,
    annotation: &Annotation,
    width: f32,
) -> (Arc<Galley>, Arc<Galley>, Color32) {
    let session = input.ws.session();
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    // Shape only what can show: a row is one line, and no glyph of these
    // fonts is narrower than 0.4 em.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let fits = |size: f32| ((width / (size * 0.4)) as usize).clamp(8, 80);
    let quote = widgets::excerpt(annotation.quote(), fits(body.size));
    let actors: Vec<&str> = annotation
        .actors
        .iter()
        .filter_map(|id| session.actor(id).map(|a| a.name.as_str()))
        .collect();
    let mut second = actors.join(", ");
    if let Some(s) = &annotation.statement {
        let speaker = session
            .actor(&s.actor)
            .map_or(s.actor.as_str(), |a| a.name.as_str());
        let concept = session
            .concept(&s.concept)
            .map_or(s.concept.as_str(), |c| c.name.as_str());
        second = format!("{second} · {speaker} {} {concept}", s.stance.sign());
    }
    if let Some(reader) = &annotation.reader {
        second = format!("{reader}: {second}");
    }
    if !annotation.note.trim().is_empty() {
        if !second.is_empty() {
            second.push_str(" · ");
        }
        second.push_str(&widgets::excerpt(&annotation.note, 60));
    }
    let second = widgets::excerpt(&second, fits(small.size));
    let mut first = egui::text::LayoutJob::single_section(
        format!("„{quote}“"),
        egui::TextFormat {
            font_id: body,
            color: visuals.text_color(),
            italics: true,
            ..Default::default()
        },
    );
    first.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let line_colour = if matches!(input.ws.anchor_state(annotation), AnchorState::Anchored) {
        visuals.weak_text_color()
    } else {
        theme::warning(visuals)
    };
    let mut second_line =
        egui::text::LayoutJob::single_section(second, egui::TextFormat::simple(small, line_colour));
    second_line.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let fonts = |job| ui.ctx().fonts_mut(|f| f.layout_job(job));
    (fonts(first), fonts(second_line), line_colour)
}

fn row_ui(
    ui: &mut Ui,
    input: &SidebarInput<'_>,
    rows: &mut RowCache,
    index: usize,
    annotation: &Annotation,
    height: f32,
) -> bool {
    let focused = input.focus == Some(&annotation.id);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click());
    let visuals = ui.visuals().clone();
    if focused {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.selection.bg_fill.gamma_multiply(0.3));
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let bar = egui::Rect::from_min_size(
        rect.min + egui::vec2(0.0, 3.0),
        egui::vec2(4.0, height - 6.0),
    );
    ui.painter()
        .rect_filled(bar, 2.0, theme::solid(annotation.colour));
    let text_rect = rect
        .shrink2(egui::vec2(4.0, 2.0))
        .with_min_x(rect.left() + 10.0);
    let frame = rows.frame;
    let text = match rows.rows.get_mut(&index) {
        Some(row) => {
            row.3 = frame;
            Some((row.0.clone(), row.1.clone(), row.2))
        }
        None if rows.budget > 0 => {
            rows.budget -= 1;
            let (first, second, colour) = row_text(ui, input, annotation, text_rect.width());
            rows.rows
                .insert(index, (first.clone(), second.clone(), colour, frame));
            Some((first, second, colour))
        }
        None => {
            // Over this frame's budget: the text comes in the next frame.
            ui.ctx().request_repaint();
            None
        }
    };
    if let Some((first, second, line_colour)) = text {
        // Two lines painted from one-line layouts, clipped to the row.
        let painter = ui.painter_at(text_rect);
        let second_top = text_rect.top() + first.size().y + 2.0;
        painter.galley(text_rect.left_top(), first, visuals.text_color());
        painter.galley(
            egui::pos2(text_rect.left(), second_top),
            second,
            line_colour,
        );
    }
    response.widget_info(|| {
        let label = format!(
            "{} „{}“",
            annotation.colour.name(),
            widgets::excerpt(annotation.quote(), 80)
        );
        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
    });
    response.clicked()
}
