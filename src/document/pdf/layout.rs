//! Reading order (columns), footnotes, paragraphs and block kinds.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::interp::PageGlyphs;
use super::lines::{Frag, Seg, remove_furniture, segments};
use super::{Block, BlockKind};

/// A line in reading order with the context needed to rebuild paragraphs.
struct Line {
    seg: Seg,
    group: usize,
    cx0: f32,
    cx1: f32,
}

/// Most common text size, weighted by characters (0.5 pt steps).
fn body_size(pages: &[Vec<Seg>]) -> f32 {
    let mut sizes: HashMap<i32, usize> = HashMap::new();
    for s in pages.iter().flatten() {
        *sizes.entry((s.size * 2.0).round() as i32).or_default() += s.text.chars().count();
    }
    sizes
        .into_iter()
        .max_by_key(|(s, n)| (*n, *s))
        .map_or(10.0, |(s, _)| s as f32 / 2.0)
}

fn split_at_gutter(s: Seg, g0: f32, g1: f32) -> (Option<Seg>, Option<Seg>, Option<Seg>) {
    let crosses = s.frags.iter().any(|f| f.x0 < g1 - 0.5 && f.x1 > g0 + 0.5);
    if crosses {
        return (None, None, Some(s));
    }
    let (l, r): (Vec<Frag>, Vec<Frag>) = s.frags.into_iter().partition(|f| f.x1 <= g0 + 0.5);
    let l = (!l.is_empty()).then(|| Seg::new(l));
    let r = (!r.is_empty()).then(|| Seg::new(r));
    (l, r, None)
}

/// Orders segments into column groups (each top to bottom), recursively.
fn order(mut segs: Vec<Seg>, depth: usize, out: &mut Vec<Vec<Seg>>) {
    segs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let minx = segs.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let maxx = segs.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    let width = maxx - minx;
    if segs.len() < 6 || depth > 2 || !(width > 60.0 && width < 20_000.0) {
        if !segs.is_empty() {
            out.push(segs);
        }
        return;
    }
    let nb = width.ceil() as usize + 1;
    let mut cov = vec![0u32; nb];
    for f in segs.iter().flat_map(|s| &s.frags) {
        let a = ((f.x0 - minx).max(0.0) as usize).min(nb - 1);
        let b = ((f.x1 - minx).max(0.0) as usize).min(nb - 1);
        for c in &mut cov[a..=b] {
            *c += 1;
        }
    }
    let (lo, hi) = ((width * 0.2) as usize, (width * 0.8) as usize);
    let cmin = cov[lo..hi].iter().copied().min().unwrap_or(u32::MAX);
    let mut best: Option<(usize, usize)> = None;
    let mut i = lo;
    while i < hi {
        if cov[i] == cmin {
            let start = i;
            while i < hi && cov[i] == cmin {
                i += 1;
            }
            if best.is_none_or(|(a, b)| i - start > b - a) {
                best = Some((start, i));
            }
        } else {
            i += 1;
        }
    }
    let Some((a, b)) = best.filter(|(a, b)| b - a >= 2 && cmin as usize <= segs.len() / 4) else {
        out.push(segs);
        return;
    };
    let (g0, g1) = (minx + a as f32, minx + b as f32);
    let mut labelled: Vec<(u8, Seg)> = Vec::new();
    for s in segs.iter().cloned() {
        let (l, r, w) = split_at_gutter(s, g0, g1);
        labelled.extend(
            l.map(|s| (0, s))
                .into_iter()
                .chain(r.map(|s| (1, s)))
                .chain(w.map(|s| (2, s))),
        );
    }
    let count = |k: u8| labelled.iter().filter(|(l, _)| *l == k).count();
    let (nl, nr, nw) = (count(0), count(1), count(2));
    let yr = |k: u8| {
        let ys = labelled.iter().filter(|(l, _)| *l == k).map(|(_, s)| s.y);
        let (mut a, mut b) = (f32::MAX, f32::MIN);
        for y in ys {
            a = a.min(y);
            b = b.max(y);
        }
        (a, b)
    };
    let ((la, lb), (ra, rb)) = (yr(0), yr(1));
    let overlap = lb.min(rb) - la.max(ra);
    if nl < 3 || nr < 3 || nw * 2 > nl + nr || overlap < 0.3 * (lb - la).min(rb - ra) {
        out.push(segs);
        return;
    }
    labelled.sort_by(|a, b| a.1.y.total_cmp(&b.1.y));
    let (mut left, mut right, mut wide): (Vec<Seg>, Vec<Seg>, Vec<Seg>) = (vec![], vec![], vec![]);
    let flush_cols = |left: &mut Vec<Seg>, right: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>| {
        order(std::mem::take(left), depth + 1, out);
        order(std::mem::take(right), depth + 1, out);
    };
    for (k, s) in labelled {
        if k == 2 {
            flush_cols(&mut left, &mut right, out);
            wide.push(s);
        } else {
            if !wide.is_empty() {
                out.push(std::mem::take(&mut wide));
            }
            if k == 0 { left.push(s) } else { right.push(s) }
        }
    }
    flush_cols(&mut left, &mut right, out);
    if !wide.is_empty() {
        out.push(wide);
    }
}

const SENTENCE_END: &[char] = &['.', '!', '?', ':', ';', '"', '“', '”', '»', '«', ')'];

fn bullet_start(t: &str) -> bool {
    let mut cs = t.chars();
    matches!(
        cs.next(),
        Some('•' | '◦' | '▪' | '‣' | '·' | '–' | '—' | '-' | '*' | '\u{f0b7}')
    ) && cs.next() == Some(' ')
}

fn numbered_start(t: &str) -> bool {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let mut rest = t[digits..].chars();
    (1..=3).contains(&digits) && matches!(rest.next(), Some('.' | ')')) && rest.next() == Some(' ')
}

/// A contents line: dot leaders, then a page reference.
fn toc_entry(t: &str) -> bool {
    let tail: String = t.chars().rev().take(12).collect();
    (t.contains(". . .") || t.contains("..."))
        && tail.chars().next().is_some_and(char::is_alphanumeric)
        && tail.chars().any(char::is_numeric)
}

fn breaks(p: &Line, c: &Line, spacing: f32) -> bool {
    let (ps, cs) = (&p.seg, &c.seg);
    let em = cs.size.max(1.0);
    if (ps.size - cs.size).abs() > 0.12 * ps.size.max(cs.size)
        || (ps.bold_share > 0.6) != (cs.bold_share > 0.6)
    {
        return true;
    }
    let ended = ps.text.ends_with(SENTENCE_END);
    if toc_entry(&ps.text) {
        return true;
    }
    if bullet_start(&cs.text) || (numbered_start(&cs.text) && ended) {
        return true;
    }
    // A line that starts in lower case after one without final punctuation
    // continues the sentence, whatever its indentation.
    let continues = !ended && cs.text.chars().next().is_some_and(char::is_lowercase);
    let col_w = (p.cx1 - p.cx0).max(1.0);
    let short = ps.x1 < p.cx1 - 0.4 * col_w && !ps.text.ends_with('-');
    if !continues && (short || (ended && ps.x1 < p.cx1 - 2.5 * ps.size)) {
        return true;
    }
    let centred = ps.x0 > p.cx0 + 0.8 * em && ((ps.x0 + ps.x1) - (cs.x0 + cs.x1)).abs() < 2.0 * em;
    if c.group == p.group {
        let dy = cs.y - ps.y;
        if dy <= 0.0 || dy > spacing * em * 1.4 + 0.1 * em {
            return true;
        }
        if !continues && !centred && cs.x0 > c.cx0 + 0.8 * em && cs.x0 > ps.x0 + 0.8 * em {
            return true;
        }
    } else if !continues && cs.x0 > c.cx0 + 0.8 * em {
        return true;
    }
    false
}

fn join(buf: &mut String, next: &str) {
    let Some(last) = buf.chars().last() else {
        buf.push_str(next);
        return;
    };
    let first = next.chars().next().unwrap_or(' ');
    if last == '\u{AD}' {
        buf.pop();
    } else if last == '-' || last == '\u{2010}' {
        let before = buf.chars().rev().nth(1).unwrap_or(' ');
        if before.is_lowercase() && first.is_lowercase() {
            buf.pop();
        } else if before.is_whitespace() {
            buf.push(' ');
        }
    } else {
        buf.push(' ');
    }
    buf.push_str(next);
}

/// Final text form: ligatures expanded, NFC, whitespace folded to one line.
pub(crate) fn clean(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ﬀ' => s.push_str("ff"),
            'ﬁ' => s.push_str("fi"),
            'ﬂ' => s.push_str("fl"),
            'ﬃ' => s.push_str("ffi"),
            'ﬄ' => s.push_str("ffl"),
            'ﬅ' => s.push_str("ft"),
            'ﬆ' => s.push_str("st"),
            '\u{AD}' => {}
            c if c.is_whitespace() => s.push(' '),
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    let n: String = s.nfc().collect();
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Para {
    text: String,
    lines: usize,
    size: f32,
    bold: f32,
    note: bool,
}

fn classify(paras: Vec<Para>, body: f32) -> Vec<Block> {
    let heading = |p: &Para| {
        let n = p.text.chars().count();
        !p.note
            && p.lines <= 3
            && (2..=160).contains(&n)
            && p.text.chars().any(char::is_alphabetic)
            && (p.size >= 1.15 * body
                || (p.bold > 0.7 && !p.text.ends_with(['.', ':', ',']) && n <= 120))
    };
    let mut sizes: Vec<i32> = paras
        .iter()
        .filter(|p| heading(p) && p.size >= 1.15 * body)
        .map(|p| (p.size * 2.0).round() as i32)
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    let mut out = Vec::new();
    for p in paras {
        let text = clean(&p.text);
        if text.is_empty() {
            continue;
        }
        let kind = if p.note {
            BlockKind::Note
        } else if heading(&p) {
            let rank = if p.size >= 1.15 * body {
                sizes
                    .iter()
                    .position(|s| *s == (p.size * 2.0).round() as i32)
                    .unwrap_or(0)
            } else {
                sizes.len()
            };
            BlockKind::Heading((rank + 1).min(3) as u8)
        } else if bullet_start(&text) || numbered_start(&text) {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        };
        let text = if kind == BlockKind::Item && bullet_start(&text) {
            text.chars().skip(2).collect()
        } else {
            text
        };
        out.push(Block { kind, text });
    }
    out
}

/// Joins the segments of one column group that share a baseline (table of
/// contents rows, section numbers set apart from their titles).
fn merge_rows(g: Vec<Seg>) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::with_capacity(g.len());
    for s in g {
        match out.last_mut() {
            Some(p) if (p.y - s.y).abs() < 0.3 * p.size.min(s.size) && s.x0 >= p.x1 => {
                let mut frags = std::mem::take(&mut p.frags);
                frags.extend(s.frags);
                *p = Seg::new(frags);
            }
            _ => out.push(s),
        }
    }
    out
}

/// Turns interpreted pages into blocks in reading order.
pub(crate) fn blocks(pages: &[PageGlyphs]) -> Vec<Block> {
    let mut segs: Vec<Vec<Seg>> = pages.iter().map(segments).collect();
    let body = body_size(&segs);
    let heights: Vec<f32> = pages.iter().map(|p| p.height).collect();
    remove_furniture(&mut segs, &heights, body);

    // Reading order per page; trailing small-print lines of a group are notes.
    let mut lines: Vec<Line> = Vec::new();
    let mut notes_per_page: Vec<Vec<Line>> = Vec::new();
    let mut group_id = 0;
    for (page_segs, h) in segs.into_iter().zip(&heights) {
        let px0 = page_segs.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
        let px1 = page_segs.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
        // Small print below all body text is footnotes.
        let lowest_body = page_segs
            .iter()
            .filter(|s| s.size >= 0.93 * body && s.text.chars().count() > 3)
            .map(|s| s.y)
            .fold(f32::MIN, f32::max);
        let (foot, page_segs): (Vec<Seg>, Vec<Seg>) = page_segs
            .into_iter()
            .partition(|s| s.size < 0.88 * body && s.y > 0.55 * h && s.y > lowest_body);
        let mut notes = Vec::new();
        let mut foot_groups = Vec::new();
        order(foot, 0, &mut foot_groups);
        for g in foot_groups {
            group_id += 1;
            notes.extend(merge_rows(g).into_iter().map(|seg| Line {
                seg,
                group: group_id,
                cx0: px0,
                cx1: px1,
            }));
        }
        let mut groups = Vec::new();
        order(page_segs, 0, &mut groups);
        for g in groups {
            let mut g = merge_rows(g);
            group_id += 1;
            let (mut cx0, mut cx1) = (px0, px1);
            if g.len() >= 4 {
                cx0 = g.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
                cx1 = g.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
            }
            let mut cut = g.len();
            while cut > 0 && g[cut - 1].size < 0.88 * body && g[cut - 1].y > 0.55 * h {
                cut -= 1;
            }
            let has_body = g[..cut].iter().any(|s| s.size >= 0.93 * body);
            if cut < g.len() && (has_body || cut == 0) {
                for seg in g.drain(cut..) {
                    notes.push(Line {
                        seg,
                        group: group_id,
                        cx0,
                        cx1,
                    });
                }
            }
            lines.extend(g.into_iter().map(|seg| Line {
                seg,
                group: group_id,
                cx0,
                cx1,
            }));
        }
        notes_per_page.push(notes);
        lines.push(Line {
            seg: Seg::new(Vec::new()),
            group: usize::MAX,
            cx0: 0.0,
            cx1: 0.0,
        });
    }

    // Typical baseline distance in ems.
    let mut ratios: Vec<f32> = lines
        .windows(2)
        .filter(|w| {
            w[0].group == w[1].group && (w[0].seg.size - w[1].seg.size).abs() < 0.05 * w[0].seg.size
        })
        .map(|w| (w[1].seg.y - w[0].seg.y) / w[1].seg.size.max(1.0))
        .filter(|r| *r > 0.8 && *r < 3.0)
        .collect();
    ratios.sort_by(f32::total_cmp);
    let spacing = ratios.get(ratios.len() / 2).copied().unwrap_or(1.2);

    let mut paras: Vec<Para> = Vec::new();
    let mut pending: Vec<Para> = Vec::new();
    let mut cur: Option<(Para, usize)> = None; // paragraph and index of its last line
    let mut page = 0;
    let close =
        |cur: &mut Option<(Para, usize)>, paras: &mut Vec<Para>, pending: &mut Vec<Para>| {
            if let Some((p, _)) = cur.take() {
                paras.push(p);
                paras.append(pending);
            }
        };
    let mut last_idx: Option<usize> = None;
    for i in 0..lines.len() {
        let l = &lines[i];
        if l.group == usize::MAX {
            // Page end: this page's notes wait for the open paragraph to close.
            pending.extend(note_paras(&notes_per_page[page], spacing));
            page += 1;
            if cur.is_none() {
                paras.append(&mut pending);
            }
            continue;
        }
        let brk = last_idx.is_none_or(|j| breaks(&lines[j], l, spacing));
        if brk {
            close(&mut cur, &mut paras, &mut pending);
            let p = Para {
                text: l.seg.text.clone(),
                lines: 1,
                size: l.seg.size,
                bold: l.seg.bold_share,
                note: false,
            };
            cur = Some((p, i));
        } else if let Some((p, _)) = cur.as_mut() {
            join(&mut p.text, &l.seg.text);
            p.lines += 1;
            p.bold = p.bold.min(l.seg.bold_share);
        }
        last_idx = Some(i);
    }
    close(&mut cur, &mut paras, &mut pending);
    paras.append(&mut pending);
    classify(paras, body)
}

fn note_paras(notes: &[Line], spacing: f32) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    for (i, l) in notes.iter().enumerate() {
        let starts_new = i == 0 || {
            let p = &notes[i - 1];
            let first = l
                .seg
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == '*');
            (l.seg.y - p.seg.y).abs() > spacing * l.seg.size * 1.5
                || (first && p.seg.text.ends_with(SENTENCE_END))
        };
        match out.last_mut() {
            Some(p) if !starts_new => {
                join(&mut p.text, &l.seg.text);
                p.lines += 1;
            }
            _ => out.push(Para {
                text: l.seg.text.clone(),
                lines: 1,
                size: l.seg.size,
                bold: 0.0,
                note: true,
            }),
        }
    }
    out
}
