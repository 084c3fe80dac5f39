//! Design tokens: every colour, size and font the window uses.
//!
//! Panels ask this module for paints and measures instead of writing numbers
//! of their own, so light and dark themes and the reading font size change in
//! one place. Highlight colours derive from the core's named colours (which
//! exports share).

use egui::{Color32, FontFamily, FontId, Stroke, Visuals};

use crate::annotation::Colour;
use crate::document::Role;

/// Name of the serif family, when a serif font was found on the system.
pub const SERIF: &str = "serif";

/// Reading-font size bounds and step, in points.
pub const FONT_MIN: f32 = 12.0;
/// Largest reading-font size.
pub const FONT_MAX: f32 = 32.0;
/// Reading-font size step for zooming.
pub const FONT_STEP: f32 = 1.0;
/// Default reading-font size.
pub const FONT_DEFAULT: f32 = 18.0;

/// The smallest text the interface draws, in points at 100 %: counts, the
/// status line, hints and footnotes (egui's own default is 9, too small to
/// read comfortably on a laptop screen).
pub const SMALL_TEXT: f32 = 11.0;
/// Body and button text of the interface (not the reading column).
pub const BODY_TEXT: f32 = 13.5;

/// Sizes of the interface's text, applied once at start.
pub fn apply_text_styles(ctx: &egui::Context) {
    use egui::TextStyle;
    ctx.all_styles_mut(|style| {
        for (text_style, font) in &mut style.text_styles {
            font.size = match text_style {
                TextStyle::Small => SMALL_TEXT,
                TextStyle::Body | TextStyle::Button => BODY_TEXT,
                TextStyle::Monospace => BODY_TEXT - 0.5,
                TextStyle::Heading => 19.0,
                TextStyle::Name(_) => font.size.max(SMALL_TEXT),
            };
        }
    });
}

/// The interface sizes offered in the View menu (the reading column has
/// its own, Ctrl+Plus and Ctrl+Minus).
/// None below 100 %: text would fall under 11 px.
pub const UI_SCALES: [f32; 6] = [1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

/// Height of the selection toolbar: its fullest form (colours, actors and
/// their suggestions, statement, note) fits.
pub const TOOLBAR_HEIGHT: f32 = 340.0;

/// Width of the left and right panels.
pub const SIDE_PANEL_WIDTH: f32 = 280.0;
/// Lane width of the overlap stripes in the margin.
pub const STRIPE_WIDTH: f32 = 4.0;
/// Gap between stripe lanes.
pub const STRIPE_GAP: f32 = 2.0;
/// Most stripe lanes drawn; deeper overlaps share the last.
pub const MAX_LANES: usize = 6;

/// The reading column's width: about 68 characters of the reading font.
#[must_use]
pub fn column_width(font_size: f32, available: f32) -> f32 {
    (font_size * 36.0)
        .min(available - 2.0 * margin(font_size))
        .max(160.0)
}

/// Space left and right of the column for stripes and note markers.
#[must_use]
pub fn margin(font_size: f32) -> f32 {
    (font_size * 1.6).max(28.0)
}

/// Vertical space between paragraphs.
#[must_use]
pub fn paragraph_gap(font_size: f32) -> f32 {
    font_size * 0.75
}

/// The font of a block of the reading column.
#[must_use]
pub fn block_font(
    family: &FontFamily,
    font_size: f32,
    heading_level: Option<u8>,
    role: Role,
) -> FontId {
    let size = match (heading_level, role) {
        (Some(1), _) => font_size * 1.45,
        (Some(_), _) => font_size * 1.22,
        (None, Role::Byline | Role::Aside | Role::Interjection | Role::Note) => font_size * 0.85,
        (None, _) => font_size,
    };
    FontId::new(size, family.clone())
}

/// Text colour of a block.
#[must_use]
pub fn block_colour(visuals: &Visuals, heading: bool, role: Role) -> Color32 {
    if heading || role == Role::Lead {
        visuals.strong_text_color()
    } else if matches!(
        role,
        Role::Byline | Role::Aside | Role::Interjection | Role::Note
    ) {
        visuals.weak_text_color()
    } else {
        visuals.text_color()
    }
}

/// RGB of a named colour as an egui colour.
#[must_use]
pub fn solid(colour: Colour) -> Color32 {
    let [r, g, b] = colour.rgb();
    Color32::from_rgb(r, g, b)
}

/// A highlight's fill: translucent, so overlaps show darker and light text
/// stays readable on a dark background.
#[must_use]
pub fn highlight(colour: Colour, dark: bool, emphasised: bool) -> Color32 {
    let alpha = match (dark, emphasised) {
        (false, false) => 150,
        (false, true) => 230,
        (true, false) => 80,
        (true, true) => 140,
    };
    let [r, g, b] = colour.rgb();
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// An actor's colour as an egui colour.
#[must_use]
pub fn actor_colour(rgb: crate::actors::Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

/// Fill behind search hits; the current hit gets a stronger one.
#[must_use]
pub fn search_hit(dark: bool, current: bool) -> (Color32, Stroke) {
    let orange = Color32::from_rgb(0xe6, 0x7e, 0x22);
    let fill = match (dark, current) {
        (_, true) => Color32::from_rgba_unmultiplied(0xe6, 0x7e, 0x22, 150),
        (false, false) => Color32::from_rgba_unmultiplied(0xe6, 0x7e, 0x22, 50),
        (true, false) => Color32::from_rgba_unmultiplied(0xe6, 0x7e, 0x22, 70),
    };
    (fill, Stroke::new(if current { 2.0 } else { 1.0 }, orange))
}

/// Fill of the reader's own text selection.
#[must_use]
pub fn selection(visuals: &Visuals) -> Color32 {
    visuals.selection.bg_fill.gamma_multiply(0.55)
}

/// Colour of the marker that says "this passage has a note".
#[must_use]
pub fn note_marker(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xf5, 0xd0, 0x6f)
    } else {
        Color32::from_rgb(0xb9, 0x77, 0x0e)
    }
}

/// Colour of warnings (moved annotations, orphans).
#[must_use]
pub fn warning(visuals: &Visuals) -> Color32 {
    visuals.warn_fg_color
}

/// Colour of errors.
#[must_use]
pub fn error(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color
}

/// Loads a serif reading font from the system, if one is installed, and
/// registers it as the [`SERIF`] family (with egui's fonts as fallback for
/// emoji and symbols). Returns whether one was found.
pub fn install_fonts(ctx: &egui::Context) -> bool {
    const CANDIDATES: &[&str] = &[
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
        "/usr/share/fonts/noto/NotoSerif-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSerif.ttf",
        "/Library/Fonts/Georgia.ttf",
        "/System/Library/Fonts/Supplemental/Georgia.ttf",
        "C:\\Windows\\Fonts\\georgia.ttf",
    ];
    let mut fonts = egui::FontDefinitions::default();
    let found = CANDIDATES
        .iter()
        .find_map(|path| std::fs::read(path).ok().map(|bytes| (path, bytes)));
    let Some((_, bytes)) = found else {
        ctx.set_fonts(fonts);
        return false;
    };
    fonts.font_data.insert(
        SERIF.to_owned(),
        std::sync::Arc::new(egui::FontData::from_owned(bytes)),
    );
    let mut family = vec![SERIF.to_owned()];
    family.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts
        .families
        .insert(FontFamily::Name(SERIF.into()), family);
    ctx.set_fonts(fonts);
    true
}
