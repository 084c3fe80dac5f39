//! Glyph widths of the standard 14 fonts (from their AFM files, printable
//! ASCII), for fonts drawn without a `/Widths` array (e.g. OCR text layers).

/// Widths in 1/1000 em for ' '..='~' (95 glyphs).
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
    556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
    722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
    278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const TIMES_BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
    611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
    722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
    278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/// Which built-in metrics a font without widths falls back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Builtin {
    Helvetica,
    HelveticaBold,
    Times,
    TimesBold,
    Courier,
}

impl Builtin {
    /// Picks metrics from a base font name (serif unless it looks sans or mono).
    pub(crate) fn from_name(name: &str, bold: bool) -> Builtin {
        let n = name.to_ascii_lowercase();
        if n.contains("courier") || n.contains("mono") {
            Builtin::Courier
        } else if n.contains("helvetica") || n.contains("arial") || n.contains("sans") {
            if bold {
                Builtin::HelveticaBold
            } else {
                Builtin::Helvetica
            }
        } else if bold {
            Builtin::TimesBold
        } else {
            Builtin::Times
        }
    }

    /// Width in em of the glyph showing `text` (accents ignored).
    pub(crate) fn width(self, text: &str) -> f32 {
        let table = match self {
            Builtin::Courier => return 0.6,
            Builtin::Helvetica => &HELVETICA,
            Builtin::HelveticaBold => &HELVETICA_BOLD,
            Builtin::Times => &TIMES,
            Builtin::TimesBold => &TIMES_BOLD,
        };
        let mut total = 0u32;
        for c in text.chars() {
            let base = match c {
                'ä' | 'à' | 'á' | 'â' | 'å' => 'a',
                'ö' | 'ò' | 'ó' | 'ô' => 'o',
                'ü' | 'ù' | 'ú' | 'û' => 'u',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'Ä' => 'A',
                'Ö' => 'O',
                'Ü' => 'U',
                'ß' => 'b',
                '–' => 'n',
                '—' => 'M',
                c => c,
            };
            let i = (base as u32).wrapping_sub(32) as usize;
            total += u32::from(table.get(i).copied().unwrap_or(500));
        }
        total as f32 / 1000.0
    }
}
