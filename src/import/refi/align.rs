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
/// looked for.
const RESYNC_WINDOW: usize = 96;

/// For each position `0..=plain.len()` of `plain`, the position in `ours`
/// that holds the same char (or, for a char `ours` dropped, the position of
/// the next char it kept).
#[must_use]
pub fn map(plain: &[char], ours: &[char]) -> Vec<usize> {
    let mut out = Vec::with_capacity(plain.len() + 1);
    let (mut i, mut j) = (0, 0);
    while i < plain.len() && j < ours.len() {
        let (a, b) = (plain[i], ours[j]);
        if a == b || a.is_whitespace() && b.is_whitespace() {
            out.push(j);
            i += 1;
            j += 1;
        } else if a.is_whitespace() {
            out.push(j);
            i += 1;
        } else if b.is_whitespace() {
            j += 1;
        } else if let Some((di, dj)) = resync(plain, ours, i, j) {
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
    out
}

/// The nearest `(di, dj)` (fewest chars passed over in both) where runs of
/// [`RESYNC_RUN`] chars agree again.
fn resync(plain: &[char], ours: &[char], i: usize, j: usize) -> Option<(usize, usize)> {
    for total in 1..=2 * RESYNC_WINDOW {
        for di in total.saturating_sub(RESYNC_WINDOW)..=total.min(RESYNC_WINDOW) {
            let dj = total - di;
            if agree(plain, ours, i + di, j + dj) {
                return Some((di, dj));
            }
        }
    }
    None
}

/// True when the runs at `i` and `j` agree (whitespace as whitespace),
/// or both texts end there.
fn agree(plain: &[char], ours: &[char], i: usize, j: usize) -> bool {
    if i >= plain.len() || j >= ours.len() {
        return i >= plain.len() && j >= ours.len();
    }
    let run = RESYNC_RUN.min(plain.len() - i).min(ours.len() - j);
    if run < RESYNC_RUN && (i + run < plain.len() || j + run < ours.len()) {
        return false;
    }
    (0..run).all(|k| {
        let (a, b) = (plain[i + k], ours[j + k]);
        a == b || a.is_whitespace() && b.is_whitespace()
    })
}

/// The range in `ours` of the plain text's `start..end`, by `map`: from
/// the first char's place to one past the last char's.
#[must_use]
pub fn range(map: &[usize], start: usize, end: usize) -> (usize, usize) {
    let last = map.len().saturating_sub(1);
    let from = map[start.min(last)];
    let to = if end > start {
        map[(end - 1).min(last)] + 1
    } else {
        from
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
    fn markdown_marks_in_our_text_are_stepped_over() {
        let plain = "Lage in Almaty\n\nDer Präsident sprach lange über die Lage.";
        let ours = "# Lage in Almaty\n\nDer **Präsident** sprach lange über die Lage.";
        assert_eq!(mapped(plain, ours, "Almaty"), "Almaty");
        assert_eq!(mapped(plain, ours, "sprach lange"), "sprach lange");
        assert!(same_words("die\nLage", "die Lage"));
    }
}
