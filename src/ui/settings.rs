//! What the app remembers between starts: reading font and size, theme,
//! language, view mode, recent files. The window's size and place are
//! remembered by eframe itself.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::annotation::Colour;
use crate::i18n::Lang;
use crate::ui::theme;

/// Key under which the settings are stored.
pub const STORAGE_KEY: &str = "randnotiz-settings";
/// Recent files kept.
const MAX_RECENT: usize = 10;
/// Reading places kept, one per file, the most recent first.
const MAX_PLACES: usize = 200;

/// Where the user was in a file: kept in the app's settings, never in the
/// session file (a colleague opening it starts at the top).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The session file (or the text, when no session was saved).
    pub path: PathBuf,
    /// The section shown or being read.
    pub section: usize,
    /// The document char at the reading line.
    pub char: usize,
}

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// The remembered settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reading-font size in points.
    pub font_size: f32,
    /// Serif reading font (when one is installed).
    pub serif: bool,
    /// Light or dark.
    pub theme: ThemeChoice,
    /// Interface language.
    pub lang: Lang,
    /// The whole text instead of one section.
    pub continuous: bool,
    /// Colour of new annotations.
    pub colour: Colour,
    /// Files opened recently, newest first.
    pub recent: Vec<PathBuf>,
    /// The reader's name, stamped on new annotations (empty: none).
    pub reader: String,
    /// Where the user was in the files read, the most recent first.
    pub places: Vec<Place>,
    /// The size of everything but the reading column (1.0 = 100 %).
    pub ui_scale: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            font_size: theme::FONT_DEFAULT,
            serif: true,
            theme: ThemeChoice::Light,
            lang: Lang::De,
            continuous: false,
            colour: Colour::Yellow,
            recent: Vec::new(),
            reader: String::new(),
            places: Vec::new(),
            ui_scale: 1.0,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Remembers where the user is in `place.path`.
    pub fn remember_place(&mut self, place: Place) {
        self.places.retain(|p| p.path != place.path);
        self.places.insert(0, place);
        self.places.truncate(MAX_PLACES);
    }

    /// Where the user was in `path`, if they read it before.
    #[must_use]
    pub fn place(&self, path: &std::path::Path) -> Option<&Place> {
        self.places.iter().find(|p| p.path == path)
    }

    /// The reading-font size one step larger or smaller, within bounds.
    pub fn zoom(&mut self, larger: bool) {
        let step = if larger {
            theme::FONT_STEP
        } else {
            -theme::FONT_STEP
        };
        self.font_size = (self.font_size + step).clamp(theme::FONT_MIN, theme::FONT_MAX);
    }
}
