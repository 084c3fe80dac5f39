//! The eight named highlight colours.
//!
//! Named, not free RGB: a colour is a category the reader codes with ("Zweifel",
//! "Aussage"), and named colours survive exports to tools with their own
//! palettes. Their RGB values live here because exports need them too; the
//! UI theme derives its paints from [`Colour::rgb`].

use serde::{Deserialize, Serialize};

use crate::i18n::tr;

/// One of the eight highlight colours.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Colour {
    /// Yellow, the default.
    #[default]
    Yellow,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Red.
    Red,
    /// Purple.
    Purple,
    /// Orange.
    Orange,
    /// Pink.
    Pink,
    /// Grey.
    Grey,
}

impl Colour {
    /// All colours, in the order of keys 1–8.
    pub const ALL: [Self; 8] = [
        Self::Yellow,
        Self::Green,
        Self::Blue,
        Self::Red,
        Self::Purple,
        Self::Orange,
        Self::Pink,
        Self::Grey,
    ];

    /// The colour for key `n` (1–8).
    #[must_use]
    pub fn from_key(n: usize) -> Option<Self> {
        n.checked_sub(1).and_then(|i| Self::ALL.get(i).copied())
    }

    /// Its key, 1–8.
    #[must_use]
    pub fn key(self) -> usize {
        Self::ALL.iter().position(|&c| c == self).unwrap_or(0) + 1
    }

    /// The highlight's RGB value (a light tone that dark text reads on).
    #[must_use]
    pub fn rgb(self) -> [u8; 3] {
        match self {
            Self::Yellow => [0xff, 0xe0, 0x66],
            Self::Green => [0xa8, 0xe0, 0x8f],
            Self::Blue => [0x9f, 0xd3, 0xf5],
            Self::Red => [0xf8, 0xa3, 0xa3],
            Self::Purple => [0xcc, 0xb8, 0xf2],
            Self::Orange => [0xfc, 0xc4, 0x8a],
            Self::Pink => [0xf5, 0xb0, 0xe0],
            Self::Grey => [0xcf, 0xd4, 0xd8],
        }
    }

    /// The highlight colour that looks most like an actor's colour: the
    /// nearest hue in Oklab (the highlights are light tones, actor colours
    /// deeper ones, so lightness is left aside), Grey for a greyish colour.
    #[must_use]
    pub fn nearest_to(colour: crate::actors::Rgb) -> Self {
        /// Below this chroma a colour reads as grey.
        const GREYISH: f32 = 0.04;
        let lab = colour.oklab();
        let chroma = lab.a.hypot(lab.b);
        if chroma < GREYISH {
            return Self::Grey;
        }
        let hue = lab.b.atan2(lab.a);
        let apart = |c: Self| {
            let other = crate::actors::Rgb(c.rgb()).oklab();
            let d = (other.b.atan2(other.a) - hue).rem_euclid(std::f32::consts::TAU);
            d.min(std::f32::consts::TAU - d)
        };
        Self::ALL
            .into_iter()
            .filter(|&c| c != Self::Grey)
            .min_by(|&x, &y| apart(x).total_cmp(&apart(y)))
            .unwrap_or_default()
    }

    /// `#rrggbb`.
    #[must_use]
    pub fn hex(self) -> String {
        let [r, g, b] = self.rgb();
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The colour's name in the current language.
    #[must_use]
    pub fn name(self) -> &'static str {
        let t = tr();
        match self {
            Self::Yellow => t.colour_yellow,
            Self::Green => t.colour_green,
            Self::Blue => t.colour_blue,
            Self::Red => t.colour_red,
            Self::Purple => t.colour_purple,
            Self::Orange => t.colour_orange,
            Self::Pink => t.colour_pink,
            Self::Grey => t.colour_grey,
        }
    }

    /// What the colour stands for until the reader says otherwise.
    #[must_use]
    pub fn default_meaning(self) -> &'static str {
        let t = tr();
        match self {
            Self::Yellow => t.meaning_yellow,
            Self::Green => t.meaning_green,
            Self::Blue => t.meaning_blue,
            Self::Red => t.meaning_red,
            Self::Purple => t.meaning_purple,
            Self::Orange => t.meaning_orange,
            Self::Pink => t.meaning_pink,
            Self::Grey => t.meaning_grey,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::Rgb;

    #[test]
    fn an_actor_colour_finds_its_highlight() {
        let of = |hex: &str| Colour::nearest_to(Rgb::parse(hex).unwrap_or_else(|| panic!("{hex}")));
        assert_eq!(of("#2471a3"), Colour::Blue); // Tokajew
        assert_eq!(of("#c0392b"), Colour::Red); // the OVKS
        assert_eq!(of("#229954"), Colour::Green);
        assert_eq!(of("#7d3c98"), Colour::Purple);
        assert_eq!(of("#d68910"), Colour::Orange);
        assert_eq!(of("#5d6d7e"), Colour::Grey);
    }
}
