//! REFI positions (chars into the source's plain text as the other tool
//! kept it) mapped onto the text Randnotiz reads: the same text with line
//! ends normalised and hard-wrapped lines reflowed, or a text Randnotiz
//! extracted itself from the original (a Word file, a page).
//!
//! The two texts are walked side by side: equal chars pair up, whitespace
//! pairs with whitespace (a line break become a space), whitespace on one
//! side only is passed over, and where the texts part (a hyphen joined
//! across a line end, a Markdown mark) the walk finds the nearest place
//! where a run of chars agrees again. The result maps every position of
//! the plain text to one in Randnotiz's; the importer checks each
//! selection's text at the mapped place and re-anchors by quote where it
//! does not agree.

/// Chars that must agree for the walk to take up again after the texts
/// part.
const RESYNC_RUN: usize = 8;
/// How far ahead (in chars, on either side) a place to take up again is
/// looked for first, passing over chars on both sides.
const RESYNC_WINDOW: usize = 96;
/// Chars that must agree where the walk takes up again farther away.
const FAR_RUN: usize = 16;
/// How far ahead a stretch only one side has (front matter and a title
/// Randnotiz's reader puts before a Word file's text, a passage the other
/// tool added) is looked past.
const FAR_WINDOW: usize = 8192;

/// Where each char of the plain text is in ours.
#[derive(Clone, Debug, Default)]
pub struct Map {
    /// For each position `0..=plain.len()`: the position in ours of the
    /// same char, or for a char ours dropped, of the next char ours kept.
    pos: Vec<usize>,
    /// For each char of the plain text: true when ours has it.
    kept: Vec<bool>,
}

/// Maps every position of `plain` into `ours`.
#[must_use]
pub fn map(plain: &[char], ours: &[char]) -> Map {
    let mut out = Vec::with_capacity(plain.len() + 1);
    let mut kept = vec![false; plain.len()];
    let (mut i, mut j) = (0, 0);
    while i < plain.len() && j < ours.len() {
        let (a, b) = (plain[i], ours[j]);
        if a == b || a.is_whitespace() && b.is_whitespace() {
            out.push(j);
            kept[i] = true;
            i += 1;
            j += 1;
        } else if a.is_whitespace() {
            out.push(j);
            i += 1;
        } else if b.is_whitespace() {
            j += 1;
        } else if let Some((di, dj)) =
            resync(plain, ours, i, j).or_else(|| far_resync(plain, ours, i, j))
        {
            out.extend(std::iter::repeat_n(j + dj, di));
            i += di;
            j += dj;
        } else {
            // Nothing agrees near here: this stretch is taken as dropped
            // (a whole window, so that texts unlike each other cost a pass,
            // not a search per char).
            let n = RESYNC_WINDOW.min(plain.len() - i);
            out.extend(std::iter::repeat_n(j, n));
            i += n;
        }
    }
    out.extend(std::iter::repeat_n(j, plain.len() + 1 - out.len()));
    Map { pos: out, kept }
}

/// The nearest `(di, dj)` (fewest chars passed over in both) where runs of
/// [`RESYNC_RUN`] chars agree again.
fn resync(plain: &[char], ours: &[char], i: usize, j: usize) -> Option<(usize, usize)> {
    for total in 1..=2 * RESYNC_WINDOW {
        for di in total.saturating_sub(RESYNC_WINDOW)..=total.min(RESYNC_WINDOW) {
            let dj = total - di;
            // Far from where the texts parted, a short run agrees by
            // chance ("zieht ab" in a title and in the text): ask more.
            let run = if total <= 3 * RESYNC_RUN {
                RESYNC_RUN
            } else {
                FAR_RUN
            };
            if agree(plain, ours, i + di, j + dj, run) {
                return Some((di, dj));
            }
        }
    }
    None
}

/// The nearest place farther away where [`FAR_RUN`] chars agree again,
/// passing over chars on one side only: `(0, dj)` or `(di, 0)`.
fn far_resync(plain: &[char], ours: &[char], i: usize, j: usize) -> Option<(usize, usize)> {
    let agree_far = |i: usize, j: usize| {
        i + FAR_RUN <= plain.len()
            && j + FAR_RUN <= ours.len()
            && (0..FAR_RUN).all(|k| {
                let (a, b) = (plain[i + k], ours[j + k]);
                a == b || a.is_whitespace() && b.is_whitespace()
            })
    };
    let ahead_ours =
        (1..FAR_WINDOW.min(ours.len().saturating_sub(j))).find(|&dj| agree_far(i, j + dj));
    let ahead_plain =
        (1..FAR_WINDOW.min(plain.len().saturating_sub(i))).find(|&di| agree_far(i + di, j));
    match (ahead_ours, ahead_plain) {
        (Some(dj), Some(di)) if di < dj => Some((di, 0)),
        (Some(dj), _) => Some((0, dj)),
        (None, Some(di)) => Some((di, 0)),
        (None, None) => None,
    }
}

/// True when the runs of `wanted` chars at `i` and `j` agree (whitespace
/// as whitespace), or both texts end there.
fn agree(plain: &[char], ours: &[char], i: usize, j: usize, wanted: usize) -> bool {
    if i >= plain.len() || j >= ours.len() {
        return i >= plain.len() && j >= ours.len();
    }
    let run = wanted.min(plain.len() - i).min(ours.len() - j);
    if run < wanted && (i + run < plain.len() || j + run < ours.len()) {
        return false;
    }
    (0..run).all(|k| {
        let (a, b) = (plain[i + k], ours[j + k]);
        a == b || a.is_whitespace() && b.is_whitespace()
    })
}

/// The range in `ours` of the plain text's `start..end`, by `map`: from
/// the first char's place to one past the last char's (to the place of
/// the next kept char where ours dropped the last).
#[must_use]
pub fn range(map: &Map, start: usize, end: usize) -> (usize, usize) {
    let last = map.pos.len().saturating_sub(1);
    let from = map.pos[start.min(last)];
    let to = match end
        .checked_sub(1)
        .filter(|&e| e >= start && e < map.kept.len())
    {
        Some(e) if map.kept[e] => map.pos[e] + 1,
        Some(e) => map.pos[e],
        None => from,
    };
    (from, to.max(from))
}

/// True when two passages hold the same text but for whitespace and
/// hyphens at line ends (what normalising and reflowing change).
#[must_use]
pub fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{ad}')
            .collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn mapped(plain: &str, ours: &str, needle: &str) -> String {
        let (p, o) = (chars(plain), chars(ours));
        let m = map(&p, &o);
        let byte = plain.find(needle).unwrap();
        let start = plain[..byte].chars().count();
        let (from, to) = range(&m, start, start + needle.chars().count());
        o[from..to].iter().collect()
    }

    #[test]
    fn line_ends_reflow_and_joined_hyphens_keep_the_passage() {
        let plain = "\u{2028}Die OVKS be-\r\nginnt mit dem\r\nAbzug.\r\n\r\n\r\nTokajew spricht.";
        let ours = "\u{2028}Die OVKS beginnt mit dem Abzug.\n\nTokajew spricht.";
        assert_eq!(mapped(plain, ours, "OVKS be-\r\nginnt"), "OVKS beginnt");
        assert_eq!(mapped(plain, ours, "dem\r\nAbzug."), "dem Abzug.");
        assert_eq!(mapped(plain, ours, "Tokajew"), "Tokajew");
        assert_eq!(mapped(plain, ours, "spricht."), "spricht.");
    }

    #[test]
    fn a_long_front_matter_and_a_tail_only_the_plain_text_has_are_passed_over() {
        let plain = "Lage in Almaty\r\nDer Präsident sprach lange.\r\nNachtrag des Bearbeiters.";
        let ours = "---\ntitle: Kasachstan: Bündnis zieht ab, und noch viel mehr Titel\nauthor: Anna Müller, Redaktion Außenpolitik\n---\n\n# Kasachstan\n\n## Lage in Almaty\n\nDer Präsident sprach lange.\n";
        assert_eq!(mapped(plain, ours, "Almaty"), "Almaty");
        assert_eq!(mapped(plain, ours, "sprach lange."), "sprach lange.");
        assert_eq!(mapped(plain, ours, "Nachtrag"), "");
    }

    #[test]
    fn markdown_marks_in_our_text_are_stepped_over() {
        let plain = "Lage in Almaty\n\nDer Präsident sprach lange über die Lage.";
        let ours = "# Lage in Almaty\n\nDer **Präsident** sprach lange über die Lage.";
        assert_eq!(mapped(plain, ours, "Almaty"), "Almaty");
        assert_eq!(mapped(plain, ours, "sprach lange"), "sprach lange");
        assert!(same_words("die\nLage", "die Lage"));
    }
}
