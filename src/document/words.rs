//! The word rule: where a passage a reader marks may begin and end.
//!
//! A coder marks words, never parts of them: a saved quote that reads
//! "Ausnahmezusta" is wrong in every export and in every agreement token.
//! So a selection is widened to whole words, as word processors and PDF
//! readers do, and its edges follow what a careful reader marks: a
//! quotation takes its quotation marks, a whole sentence its full stop, and
//! a comma or a space at the edge is left out.
//!
//! One rule for every place that makes or moves a passage: the reader's
//! drag and double-click, the extent buttons, marking all mentions, and
//! annotations imported from other tools.
//!
//! A word is a run of letters and digits, joined by a hyphen or apostrophe
//! between two of them ("OVKS-Truppen", "Kassym-Jomart", "geht's") and by a
//! point or comma between two digits ("10.000", "3,5"). Everything here looks
//! at a bounded neighbourhood of a position ([`MAX_WORD`] chars), so a text
//! without spaces costs what a short word costs.

use super::{CharRange, Document};

/// Longest stretch looked at for one word: far beyond any real word, short
/// enough that a text without spaces cannot make a selection slow.
pub const MAX_WORD: usize = 128;

/// True for the chars words are made of.
#[must_use]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Joins two word chars into one word when it stands between them.
fn joins(before: char, joiner: char, after: char) -> bool {
    match joiner {
        // Hyphens (ASCII, U+2010, non-breaking), soft hyphen, apostrophes.
        '-' | '\u{2010}' | '\u{2011}' | '\u{ad}' | '\'' | '’' => {
            is_word_char(before) && is_word_char(after)
        }
        // "10.000", "3,5".
        '.' | ',' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// Quotation marks of every language; which side one is on is told by its
/// neighbours, since „…“, “…”, »…« and «…» use the same marks differently.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '»' | '«' | '›' | '‹'
    )
}

/// Sentence-ending punctuation.
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Chars of the text around a place, with their document offset.
struct Around {
    offset: usize,
    chars: Vec<char>,
}

impl Around {
    fn new(doc: &Document, range: CharRange) -> Self {
        let range = range.clamped(doc.len_chars());
        Self {
            offset: range.start,
            chars: doc.slice(range).chars().collect(),
        }
    }

    /// The char at document offset `pos`, if in the window.
    fn at(&self, pos: usize) -> Option<char> {
        pos.checked_sub(self.offset)
            .and_then(|i| self.chars.get(i))
            .copied()
    }

    /// True when the boundary before document offset `pos` lies inside a word.
    fn inside_word(&self, pos: usize) -> bool {
        let (Some(before), Some(after)) =
            (pos.checked_sub(1).and_then(|p| self.at(p)), self.at(pos))
        else {
            return false;
        };
        if is_word_char(before) && is_word_char(after) {
            return true;
        }
        let two_before = pos.checked_sub(2).and_then(|p| self.at(p));
        let next = self.at(pos + 1);
        // Before a joiner ("OVKS|-Truppen") or after one ("OVKS-|Truppen").
        next.is_some_and(|n| joins(before, after, n))
            || two_before.is_some_and(|b| joins(b, before, after))
    }

    /// Is the quote mark at `pos` an opening one (a word or another opening
    /// mark follows, and no word char stands before it)?
    fn opens(&self, pos: usize) -> bool {
        let before = pos.checked_sub(1).and_then(|p| self.at(p));
        let after = self.at(pos + 1);
        let word_after = after.is_some_and(|c| is_word_char(c) || is_quote(c) || c == '(');
        let word_before = before
            .is_some_and(|c| is_word_char(c) || ends_sentence(c) || matches!(c, ',' | ';' | ':'));
        word_after && !word_before
    }
}

/// The word around char `pos`: the whole word when `pos` is in one, else
/// the single char there. For a double-click.
#[must_use]
pub fn word_at(doc: &Document, pos: usize) -> CharRange {
    let len = doc.len_chars();
    if len == 0 {
        return CharRange::new(0, 0);
    }
    let pos = pos.min(len - 1);
    let around = Around::new(
        doc,
        CharRange::new(pos.saturating_sub(MAX_WORD), pos + MAX_WORD + 1),
    );
    let in_word = around.at(pos).is_some_and(is_word_char)
        || (around.inside_word(pos) && around.inside_word(pos + 1));
    if !in_word {
        return CharRange::new(pos, pos + 1);
    }
    let mut start = pos;
    while start > around.offset && around.inside_word(start) {
        start -= 1;
    }
    let mut end = pos + 1;
    while end < around.offset + around.chars.len() && around.inside_word(end) {
        end += 1;
    }
    CharRange::new(start, end)
}

/// True when the boundary before char `pos` lies inside a word.
#[must_use]
pub fn inside_word(doc: &Document, pos: usize) -> bool {
    Around::new(doc, CharRange::new(pos.saturating_sub(2), pos + 2)).inside_word(pos)
}

/// Where a boundary inside a word moves to: its word's start (or end,
/// `forward`); a boundary between words stays where it is.
#[must_use]
pub fn word_edge(doc: &Document, pos: usize, forward: bool) -> usize {
    out_of_word(doc, pos, forward)
}

/// Where a boundary inside a word moves to: its word's start (or end).
fn out_of_word(doc: &Document, pos: usize, forward: bool) -> usize {
    let around = Around::new(
        doc,
        CharRange::new(pos.saturating_sub(MAX_WORD), pos + MAX_WORD),
    );
    let mut pos = pos;
    let low = pos.saturating_sub(MAX_WORD - 2);
    let high = pos + MAX_WORD - 2;
    while around.inside_word(pos) && (if forward { pos < high } else { pos > low }) {
        if forward {
            pos += 1;
        } else {
            pos -= 1;
        }
    }
    pos
}

/// A passage as a careful reader marks it: widened to whole words,
/// without spaces, commas or a stray full stop or quotation mark at its
/// edges, with the quotation marks of a quotation it holds, and with the
/// full stop of the sentences it covers whole. An empty or blank range comes
/// back as it is. Snapping a snapped passage changes nothing.
///
/// Looks at the chars around its two edges; only a quotation mark at an
/// edge makes it count the marks inside (once, without copying them).
#[must_use]
pub fn snap(doc: &Document, range: CharRange) -> CharRange {
    let len = doc.len_chars();
    let range = range.clamped(len);
    if range.is_empty() {
        return range;
    }
    let mut start = out_of_word(doc, range.start, false);
    let mut end = out_of_word(doc, range.end, true);
    // Two small windows, one at each edge: a long passage costs what a
    // short one does.
    let head = Around::new(
        doc,
        CharRange::new(start.saturating_sub(MAX_WORD), (start + MAX_WORD).min(end)),
    );
    let tail = Around::new(
        doc,
        CharRange::new(
            end.saturating_sub(MAX_WORD).max(start),
            (end + MAX_WORD).min(len),
        ),
    );
    let at = |p: usize| head.at(p).or_else(|| tail.at(p));
    let opens = |p: usize| {
        if head.at(p).is_some() && head.at(p + 1).is_some() {
            head.opens(p)
        } else {
            tail.opens(p)
        }
    };
    let quote = |p: usize| at(p).is_some_and(is_quote) && !inside_word_at(&head, &tail, p);

    // Leave out blanks, punctuation and quotation marks that belong to the
    // neighbours: a closing mark at the start closes the sentence before, an
    // opening mark at the end opens the one after.
    loop {
        let before = (start, end);
        while start < end
            && at(start).is_some_and(|c| {
                c.is_whitespace()
                    || matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '…' | '–' | '—')
            })
        {
            start += 1;
        }
        if start < end && quote(start) && !opens(start) {
            start += 1;
        }
        while end > start
            && at(end - 1).is_some_and(|c| c.is_whitespace() || matches!(c, ',' | ';' | '–' | '—'))
        {
            end -= 1;
        }
        if end > start && quote(end - 1) && opens(end - 1) {
            end -= 1;
        }
        if (start, end) == before {
            break;
        }
    }
    if start >= end {
        return range;
    }

    // Quotation marks: a mark just outside belongs to the passage when its
    // partner is inside, or stands just outside the other edge; a mark at
    // an edge whose partner is neither inside nor just outside goes.
    let edge_marks = quote(start)
        || quote(end - 1)
        || start.checked_sub(1).is_some_and(quote)
        || quote(end)
        || quote(end + 1);
    let (mut open_inside, mut close_inside) = if edge_marks {
        unmatched_quotes(doc, CharRange::new(start, end))
    } else {
        (0, 0)
    };
    let closing_after = |end: usize| {
        // "Objekte". and "Objekte." both close at the mark.
        let after_stop = at(end).is_some_and(ends_sentence);
        [end, end + 1]
            .into_iter()
            .find(|&p| quote(p) && !opens(p) && (p == end || after_stop))
    };
    // Pair by pair, from the inside out: „»Nein«“ takes both.
    loop {
        let mut changed = false;
        let opening_before = start.checked_sub(1).filter(|&p| quote(p) && opens(p));
        if let Some(p) = opening_before
            && (close_inside > 0 || closing_after(end).is_some())
        {
            start = p;
            if close_inside > 0 {
                close_inside -= 1;
            } else {
                open_inside += 1;
            }
            changed = true;
        }
        if open_inside > 0
            && let Some(p) = closing_after(end)
        {
            end = p + 1;
            open_inside -= 1;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    // A mark at an edge that is still without a partner.
    if open_inside > 0 && quote(start) && opens(start) {
        start += 1;
        while start < end && at(start).is_some_and(char::is_whitespace) {
            start += 1;
        }
    }
    if close_inside > 0 && end > start && quote(end - 1) && !opens(end - 1) {
        end -= 1;
    }
    if start >= end {
        return range;
    }

    // The full stop of a sentence marked from its start ("…", "?!" whole),
    // and the closing mark after it when the quotation is the passage's.
    // Not when the passage is a quotation, mark to mark: the stop after it
    // is the outer sentence's.
    let is_quotation = quote(start) && opens(start) && quote(end - 1) && !opens(end - 1);
    if !is_quotation && at(end).is_some_and(ends_sentence) && sentence_starts_at(doc, start) {
        while at(end).is_some_and(ends_sentence) {
            end += 1;
        }
        if quote(end) && !opens(end) && open_inside > 0 {
            end += 1;
        }
    }
    CharRange::new(start, end)
}

/// True when the boundary before or after the mark at `p` lies inside a
/// word (an apostrophe, as in "geht's").
fn inside_word_at(head: &Around, tail: &Around, p: usize) -> bool {
    let window = if head.at(p).is_some() && head.at(p + 1).is_some() {
        head
    } else {
        tail
    };
    window.inside_word(p) || window.inside_word(p + 1)
}

/// Quotation marks in `range` without a partner in it: (opening, closing).
fn unmatched_quotes(doc: &Document, range: CharRange) -> (usize, usize) {
    let text = doc.slice(range);
    // Neighbours of each mark, kept as the scan goes: no copy of the range.
    let mut before = range
        .start
        .checked_sub(1)
        .map(|p| doc.slice(CharRange::new(p, p + 1)).chars().next());
    let mut chars = text.chars().peekable();
    let after_range = doc
        .slice(CharRange::new(range.end, range.end + 1))
        .chars()
        .next();
    let (mut open, mut unmatched_close) = (0usize, 0usize);
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().or(after_range);
        let prev = before.flatten();
        if is_quote(c) {
            let in_word = prev.is_some_and(is_word_char)
                && next.is_some_and(is_word_char)
                && (c == '\'' || c == '’');
            if !in_word {
                let word_after = next.is_some_and(|n| is_word_char(n) || is_quote(n) || n == '(');
                let word_before = prev.is_some_and(|p| {
                    is_word_char(p) || ends_sentence(p) || matches!(p, ',' | ';' | ':')
                });
                if word_after && !word_before {
                    open += 1;
                } else if open > 0 {
                    open -= 1;
                } else {
                    unmatched_close += 1;
                }
            }
        }
        before = Some(Some(c));
    }
    (open, unmatched_close)
}

/// True when a sentence starts at `pos`: at the start of a paragraph (a line
/// break before it), or after a sentence's end and blanks (and opening marks).
fn sentence_starts_at(doc: &Document, pos: usize) -> bool {
    let before = Around::new(doc, CharRange::new(pos.saturating_sub(8), pos));
    let mut p = pos;
    while p > before.offset {
        let Some(c) = before.at(p - 1) else { break };
        if c == '\n' {
            return true;
        }
        if c.is_whitespace() || (is_quote(c) && before.opens(p - 1)) || c == '(' {
            p -= 1;
            continue;
        }
        // "am 5. Januar": a point after a number is an ordinal's.
        let ordinal = c == '.' && p >= 2 && before.at(p - 2).is_some_and(|d| d.is_ascii_digit());
        return (ends_sentence(c) && !ordinal) || c == ':';
    }
    p == 0
}

/// The next word start after `pos` (`forward`) or the last one before it:
/// where the start of a passage moves a word at a time.
#[must_use]
pub fn step_start(doc: &Document, pos: usize, forward: bool) -> usize {
    step(doc, pos, forward, true)
}

/// The next word end after `pos` (`forward`) or the last one before it:
/// where the end of a passage moves a word at a time.
#[must_use]
pub fn step_end(doc: &Document, pos: usize, forward: bool) -> usize {
    step(doc, pos, forward, false)
}

fn step(doc: &Document, pos: usize, forward: bool, to_start: bool) -> usize {
    let len = doc.len_chars();
    let around = Around::new(
        doc,
        CharRange::new(pos.saturating_sub(4 * MAX_WORD), pos + 4 * MAX_WORD),
    );
    let word = |p: usize| around.at(p).is_some_and(is_word_char);
    // A word start: a word char after a boundary that is not inside a word.
    let is_start = |p: usize| word(p) && !around.inside_word(p);
    let is_end = |p: usize| p > 0 && word(p - 1) && !around.inside_word(p);
    let is_target = |p: usize| if to_start { is_start(p) } else { is_end(p) };
    let low = around.offset;
    let high = (around.offset + around.chars.len()).min(len);
    // A step crosses a word: "besucht." one word earlier ends after "Land",
    // not after "besucht".
    // From a blank (an old passage that starts or ends with a space), the
    // nearest word edge is one step.
    let mut crossed = around
        .at(if forward { pos } else { pos.wrapping_sub(1) })
        .is_some_and(char::is_whitespace);
    let mut p = pos;
    loop {
        if forward {
            if p >= high {
                return pos;
            }
            crossed |= word(p);
            p += 1;
        } else {
            if p <= low {
                return pos;
            }
            p -= 1;
            crossed |= word(p);
        }
        if crossed && is_target(p) {
            return p;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TextFormat;

    /// The text with `[` and `]` taken out, and the range they marked.
    fn marked(text: &str) -> (Document, CharRange) {
        let open = text.find('[').expect("a [");
        let close = text.find(']').expect("a ]");
        let start = text[..open].chars().count();
        let end = start + text[open + 1..close].chars().count();
        let plain = format!(
            "{}{}{}",
            &text[..open],
            &text[open + 1..close],
            &text[close + 1..]
        );
        (
            Document::parse(&plain, TextFormat::Plain),
            CharRange::new(start, end),
        )
    }

    /// What `snap` makes of the selection marked in `text`, marked the same way.
    fn snapped(text: &str) -> String {
        let (doc, range) = marked(text);
        let out = snap(&doc, range);
        let chars: Vec<char> = doc.text().chars().collect();
        let mut s: String = chars[..out.start].iter().collect();
        s.push('[');
        s.extend(&chars[out.start..out.end]);
        s.push(']');
        s.extend(&chars[out.end..]);
        s
    }

    #[test]
    fn a_selection_inside_words_takes_the_whole_words() {
        assert_eq!(
            snapped("In der Stadt gilt der Ausnah[mezusta]nd weiter."),
            "In der Stadt gilt der [Ausnahmezustand] weiter."
        );
        assert_eq!(
            snapped("Tokajew hatte Almaty am Mittwoch erst[ma]ls besucht"),
            "Tokajew hatte Almaty am Mittwoch [erstmals] besucht"
        );
        assert_eq!(
            snapped("die Verlegung der OV[KS-Tru]ppen, sagte er"),
            "die Verlegung der [OVKS-Truppen], sagte er"
        );
        assert_eq!(
            snapped("mehr als 10.[000 Men]schen"),
            "mehr als [10.000 Menschen]"
        );
        assert_eq!(
            snapped("Präsident Kassym-[Jomart] Tokajew"),
            "Präsident [Kassym-Jomart] Tokajew"
        );
        assert_eq!(snapped("Ümläute[ über]all"), "Ümläute [überall]");
    }

    #[test]
    fn blanks_and_commas_at_the_edges_are_left_out() {
        assert_eq!(
            snapped("den kasachischen[ Behörden, ]wie das"),
            "den kasachischen [Behörden], wie das"
        );
        assert_eq!(
            snapped("Behörden[, wie das] russische"),
            "Behörden, [wie das] russische"
        );
        assert_eq!(snapped("ein [   ] Leerraum"), "ein [   ] Leerraum");
    }

    #[test]
    fn a_quotation_takes_its_marks() {
        assert_eq!(
            snapped("Das Bündnis übergab \"[sozial wichtige Objekte]\" wieder"),
            "Das Bündnis übergab [\"sozial wichtige Objekte\"] wieder"
        );
        assert_eq!(
            snapped("Er sagte: „[Die Aufgabe besteht nun da]rin.“ Dann"),
            "Er sagte: [„Die Aufgabe besteht nun darin.“] Dann"
        );
        assert_eq!(
            snapped("so »[gewaltsam]« wie nie"),
            "so [»gewaltsam«] wie nie"
        );
        // Only a part of the quotation: the marks stay outside.
        assert_eq!(
            snapped("übergab \"sozial [wichtige] Objekte\" wieder"),
            "übergab \"sozial [wichtige] Objekte\" wieder"
        );
        // The closing mark after a word inside the selection's own quotation.
        assert_eq!(
            snapped("übergab [\"sozial wichtige Objekte]\" wieder"),
            "übergab [\"sozial wichtige Objekte\"] wieder"
        );
        // An apostrophe in a word is no quotation mark.
        assert_eq!(snapped("Das [geht']s nicht"), "Das [geht's] nicht");
    }

    #[test]
    fn a_whole_sentence_takes_its_full_stop() {
        assert_eq!(
            snapped("Er kam. [Die Soldaten hätten ihre Mission erfüll]t. Dann"),
            "Er kam. [Die Soldaten hätten ihre Mission erfüllt.] Dann"
        );
        assert_eq!(
            snapped("[Das Bündnis zieht ab]. Dann"),
            "[Das Bündnis zieht ab.] Dann"
        );
        // A part of a sentence does not.
        assert_eq!(
            snapped("Die Soldaten hätten ihre [Mission erfüllt]. Dann"),
            "Die Soldaten hätten ihre [Mission erfüllt]. Dann"
        );
        // A full stop the reader took stays.
        assert_eq!(
            snapped("ihre [Mission erfüllt.] Dann"),
            "ihre [Mission erfüllt.] Dann"
        );
    }

    #[test]
    fn sentence_endings_are_taken_whole() {
        assert_eq!(snapped("[Er ging]... Dann"), "[Er ging...] Dann");
        assert_eq!(snapped("[Wirklich]?! Ja"), "[Wirklich?!] Ja");
        assert_eq!(snapped("[Er kam]!!! Dann"), "[Er kam!!!] Dann");
        // An ordinal's point is no sentence's end.
        assert_eq!(
            snapped("am 5. [Januar kamen sie]. Dann"),
            "am 5. [Januar kamen sie]. Dann"
        );
        // After a quotation the passage took, the stop is the outer sentence's.
        assert_eq!(snapped("Er sagte: „[Ja]“. Dann"), "Er sagte: [„Ja“]. Dann");
    }

    #[test]
    fn quotation_marks_of_the_neighbours_are_left_out() {
        assert_eq!(
            snapped("Er sagte: „Das ist gut.[“ Dann kam er] nach"),
            "Er sagte: „Das ist gut.“ [Dann kam er] nach"
        );
        assert_eq!(snapped("[abc \"]def\" gh"), "[abc] \"def\" gh");
        // Nested quotations take both pairs at once.
        assert_eq!(snapped("so „»[Nein]«“ sagte"), "so [„»Nein«“] sagte");
        // An opening mark left without its partner goes.
        assert_eq!(
            snapped("übergab [\"sozial wichtige] Objekte\" wieder"),
            "übergab \"[sozial wichtige] Objekte\" wieder"
        );
    }

    /// Texts with quotations, numbers, hyphens and sentence ends of every kind.
    const TEXTS: [&str; 4] = [
        "Das Bündnis übergab \"sozial wichtige Objekte\" wieder. Er sagte: „Das ist gut.“ Dann?! Ja...",
        "Am 5. Januar: mehr als 10.000 Menschen, die OVKS-Truppen und »Friedenstruppen«; geht's?",
        "„»Nein«“, sagte er. (Tokajew) – so „weit“ – ‚ja‘ 'nein' … Ende.",
        "\"Anfang\"\n\nNeuer Absatz: \"Zitat ohne Ende\nund „noch eins“.",
    ];

    #[test]
    fn snapping_is_stable_keeps_every_letter_and_ends_on_words() {
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            usize::try_from(seed >> 33).unwrap_or(0) % n.max(1)
        };
        for text in TEXTS {
            let doc = Document::parse(text, TextFormat::Plain);
            let chars: Vec<char> = doc.text().chars().collect();
            let len = chars.len();
            for _ in 0..4000 {
                let (a, b) = (next(len + 1), next(len + 1));
                let range = CharRange::new(a, b);
                let once = snap(&doc, range);
                assert_eq!(snap(&doc, once), once, "{text:?} {range:?} -> {once:?}");
                let word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
                if once != range {
                    assert!(!(once.start > 0 && word(once.start - 1) && word(once.start)));
                    assert!(!(once.end > 0 && word(once.end - 1) && word(once.end)));
                }
                for i in range.start..range.end {
                    if word(i) {
                        assert!(once.contains(i), "{text:?} {range:?} -> {once:?} lost {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_word_of_a_double_click() {
        let doc = Document::parse("die OVKS-Truppen, 10.000 Mann", TextFormat::Plain);
        assert_eq!(doc.slice(word_at(&doc, 6)), "OVKS-Truppen");
        assert_eq!(doc.slice(word_at(&doc, 20)), "10.000");
        assert_eq!(doc.slice(word_at(&doc, 16)), ",");
        let doc = Document::parse("Die OVKS-Truppen ziehen ab. Ärger", TextFormat::Plain);
        assert_eq!(word_at(&doc, 6), CharRange::new(4, 16));
        assert_eq!(word_at(&doc, 3), CharRange::new(3, 4));
        assert_eq!(word_at(&doc, 0), CharRange::new(0, 3));
        assert_eq!(doc.slice(word_at(&doc, 30)), "Ärger");
    }

    #[test]
    fn extents_move_a_word_at_a_time() {
        let doc = Document::parse("Das Bündnis übergab die Objekte.", TextFormat::Plain);
        // Start later: from "Das" to "Bündnis"; earlier: back.
        assert_eq!(step_start(&doc, 0, true), 4);
        assert_eq!(step_start(&doc, 4, false), 0);
        assert_eq!(step_start(&doc, 6, false), 4);
        // End earlier: from after "Objekte" to after "die"; later: back.
        assert_eq!(step_end(&doc, 31, false), 23);
        assert_eq!(step_end(&doc, 23, true), 31);
        assert_eq!(step_end(&doc, 31, true), 31, "nothing after the last word");
    }

    #[test]
    fn a_text_without_spaces_stays_cheap_and_whole() {
        let long = "x".repeat(100_000);
        let doc = Document::parse(&long, TextFormat::Plain);
        let out = snap(&doc, CharRange::new(50_000, 50_010));
        assert!(out.contains(50_000) && out.end >= 50_010);
        assert!(out.len() <= 2 * MAX_WORD + 10);
    }
}
