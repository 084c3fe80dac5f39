//! An RGB colour written as `#rrggbb`, as people write colours in files, and
//! how far apart two colours look.
//!
//! Distances are measured in Oklab (Björn Ottosson, 2020), where equal
//! distances look about equally different: `#1f77b4` and `#2471a3` are 0.03
//! apart (one blue to the eye), red and blue about 0.3. A new actor takes the
//! colour farthest from every colour in use, so the panel, the underlined
//! mentions and the charts tell the actors apart. Written by hand: the two
//! matrices of the published definition are all there is to it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A colour of an actor, stored as `"#c0392b"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// A grey that reads on light and dark backgrounds.
    #[must_use]
    pub const fn neutral() -> Self {
        Self([0x7f, 0x8c, 0x8d])
    }

    /// Reads `#rrggbb` or `rrggbb` (also `#rgb`).
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().trim_start_matches('#');
        let digit = |i: usize, len: usize| u8::from_str_radix(hex.get(i..i + len)?, 16).ok();
        match hex.len() {
            6 => Some(Self([digit(0, 2)?, digit(2, 2)?, digit(4, 2)?])),
            3 => Some(Self([
                digit(0, 1)? * 17,
                digit(1, 1)? * 17,
                digit(2, 1)? * 17,
            ])),
            _ => None,
        }
    }

    /// `#rrggbb`.
    #[must_use]
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// A colour in Oklab: lightness and two opponent axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Oklab {
    /// Perceived lightness, 0 (black) to 1 (white).
    pub l: f32,
    /// Green (negative) to red (positive).
    pub a: f32,
    /// Blue (negative) to yellow (positive).
    pub b: f32,
}

impl Oklab {
    /// The Euclidean distance: how different two colours look.
    #[must_use]
    pub fn distance(self, other: Self) -> f32 {
        ((self.l - other.l).powi(2) + (self.a - other.a).powi(2) + (self.b - other.b).powi(2))
            .sqrt()
    }

    /// Lightness, chroma and hue (radians) to Oklab.
    #[must_use]
    pub fn from_lch(l: f32, chroma: f32, hue: f32) -> Self {
        Self {
            l,
            a: chroma * hue.cos(),
            b: chroma * hue.sin(),
        }
    }

    /// The sRGB colour, if it lies inside the sRGB gamut.
    #[must_use]
    pub fn to_rgb(self) -> Option<Rgb> {
        let l_ = self.l + 0.396_337_78 * self.a + 0.215_803_76 * self.b;
        let m_ = self.l - 0.105_561_346 * self.a - 0.063_854_17 * self.b;
        let s_ = self.l - 0.089_484_18 * self.a - 1.291_485_5 * self.b;
        let (l, m, s) = (l_.powi(3), m_.powi(3), s_.powi(3));
        let linear = [
            4.076_741_7 * l - 3.307_711_6 * m + 0.230_969_94 * s,
            -1.268_438 * l + 2.609_757_4 * m - 0.341_319_38 * s,
            -0.004_196_086_3 * l - 0.703_418_6 * m + 1.707_614_7 * s,
        ];
        let mut out = [0u8; 3];
        for (channel, value) in out.iter_mut().zip(linear) {
            if !(-1e-4..=1.0 + 1e-4).contains(&value) {
                return None;
            }
            let v = value.clamp(0.0, 1.0);
            let encoded = if v <= 0.003_130_8 {
                12.92 * v
            } else {
                1.055 * v.powf(1.0 / 2.4) - 0.055
            };
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            {
                *channel = (encoded * 255.0).round() as u8;
            }
        }
        Some(Rgb(out))
    }
}

impl Rgb {
    /// The colour in Oklab.
    #[must_use]
    pub fn oklab(self) -> Oklab {
        let linear = self.0.map(|c| {
            let c = f32::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        });
        let [r, g, b] = linear;
        let l = (0.412_221_46 * r + 0.536_332_55 * g + 0.051_445_995 * b).cbrt();
        let m = (0.211_903_5 * r + 0.680_699_5 * g + 0.107_396_96 * b).cbrt();
        let s = (0.088_302_46 * r + 0.281_718_85 * g + 0.629_978_7 * b).cbrt();
        Oklab {
            l: 0.210_454_26 * l + 0.793_617_8 * m - 0.004_072_047 * s,
            a: 1.977_998_5 * l - 2.428_592_2 * m + 0.450_593_7 * s,
            b: 0.025_904_037 * l + 0.782_771_77 * m - 0.808_675_77 * s,
        }
    }

    /// How different the two colours look (Oklab distance).
    #[must_use]
    pub fn distance(self, other: Self) -> f32 {
        self.oklab().distance(other.oklab())
    }
}

/// The colours a new actor may get: medium lightness and clear chroma, so
/// that a dot, an underline and a bar read on light and dark backgrounds;
/// every 10° of hue at three lightnesses, inside sRGB.
#[must_use]
pub fn palette() -> Vec<Rgb> {
    let mut out = Vec::new();
    for l in [0.58_f32, 0.68, 0.48] {
        for step in 0..36u8 {
            let hue = f32::from(step) * 10.0_f32.to_radians();
            if let Some(rgb) = Oklab::from_lch(l, 0.14, hue).to_rgb() {
                out.push(rgb);
            }
        }
    }
    out
}

/// The colour of [`palette`] farthest from every colour in `used` (the
/// first of the palette when nothing is used yet).
#[must_use]
pub fn distinct_from(used: &[Rgb]) -> Rgb {
    let used: Vec<Oklab> = used.iter().map(|c| c.oklab()).collect();
    let mut best = (Rgb([0x1f, 0x77, 0xb4]), f32::MIN);
    for candidate in palette() {
        let lab = candidate.oklab();
        let nearest = used
            .iter()
            .map(|u| u.distance(lab))
            .fold(f32::INFINITY, f32::min);
        if nearest > best.1 {
            best = (candidate, nearest);
        }
    }
    best.0
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{text}\" is not a colour like \"#c0392b\""))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oklab_matches_the_published_values() {
        // Reference values from Ottosson's definition.
        let white = Rgb([255, 255, 255]).oklab();
        assert!((white.l - 1.0).abs() < 1e-3 && white.a.abs() < 1e-3 && white.b.abs() < 1e-3);
        let red = Rgb([255, 0, 0]).oklab();
        assert!((red.l - 0.628).abs() < 2e-3, "{red:?}");
        assert!((red.a - 0.2249).abs() < 2e-3 && (red.b - 0.1258).abs() < 2e-3);
        // And back.
        for rgb in [
            Rgb([0xc0, 0x39, 0x2b]),
            Rgb([0x24, 0x71, 0xa3]),
            Rgb([3, 200, 77]),
        ] {
            assert_eq!(rgb.oklab().to_rgb(), Some(rgb));
        }
    }

    #[test]
    fn two_blues_are_near_and_a_new_colour_is_far() {
        let tokajew = Rgb::parse("#2471a3").unwrap();
        assert!(tokajew.distance(Rgb::parse("#1f77b4").unwrap()) < 0.05);
        let used: Vec<Rgb> = crate::actors::default_actors()
            .iter()
            .map(|a| a.colour)
            .collect();
        let new = distinct_from(&used);
        for colour in &used {
            assert!(new.distance(*colour) > 0.08, "{new} is near {colour}");
        }
        // A second and a third new actor stay apart from all before them.
        let mut used = used;
        for _ in 0..3 {
            let next = distinct_from(&used);
            assert!(used.iter().all(|c| c.distance(next) > 0.06), "{next}");
            used.push(next);
        }
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(Rgb::parse("#c0392b"), Some(Rgb([0xc0, 0x39, 0x2b])));
        assert_eq!(Rgb::parse("fff"), Some(Rgb([255, 255, 255])));
        assert_eq!(Rgb([1, 2, 255]).to_hex(), "#0102ff");
        assert_eq!(Rgb::parse("#zzzzzz"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
    }
}
