//! From glyphs to line segments, and the removal of page furniture
//! (running headers and footers, page numbers, margin notes).

use std::collections::{HashMap, HashSet};

use super::interp::{Glyph, PageGlyphs};

/// A run of text on one baseline without a wide gap inside, with its box.
#[derive(Debug, Clone)]
pub(crate) struct Frag {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
    pub chars: usize,
    pub bold: usize,
}

/// A line segment: fragments on one baseline, left to right.
#[derive(Debug, Clone)]
pub(crate) struct Seg {
    pub frags: Vec<Frag>,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
    pub bold_share: f32,
}

impl Seg {
    pub(crate) fn new(frags: Vec<Frag>) -> Seg {
        let mut text = String::new();
        let (mut chars, mut bold) = (0usize, 0usize);
        let mut sizes: HashMap<i32, usize> = HashMap::new();
        let mut last_x1 = f32::MIN;
        let mut y_weighted = 0.0f32;
        for f in &frags {
            if !text.is_empty() && f.x0 - last_x1 > 0.12 * f.size && !text.ends_with(' ') {
                text.push(' ');
            }
            text.push_str(&f.text);
            last_x1 = last_x1.max(f.x1);
            chars += f.chars;
            bold += f.bold;
            *sizes.entry((f.size * 2.0).round() as i32).or_default() += f.chars;
            y_weighted += f.y * f.chars as f32;
        }
        let size = sizes
            .iter()
            .max_by_key(|(s, n)| (**n, **s))
            .map_or(10.0, |(s, _)| *s as f32 / 2.0);
        let main: Vec<&Frag> = frags
            .iter()
            .filter(|f| (f.size - size).abs() < 0.15 * size)
            .collect();
        let y = if main.is_empty() {
            y_weighted / chars.max(1) as f32
        } else {
            main.iter().map(|f| f.y).sum::<f32>() / main.len() as f32
        };
        Seg {
            x0: frags.iter().map(|f| f.x0).fold(f32::MAX, f32::min),
            x1: frags.iter().map(|f| f.x1).fold(f32::MIN, f32::max),
            y,
            size,
            text: text.trim().to_string(),
            bold_share: bold as f32 / chars.max(1) as f32,
            frags,
        }
    }
}

fn frags(glyphs: &[Glyph]) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::new();
    let mut last: Option<(f32, &str)> = None;
    for g in glyphs {
        let ws = g.text.chars().all(char::is_whitespace);
        if let Some(f) = out.last_mut() {
            let same_line = (g.y - f.y).abs() < 0.25 * f.size.max(g.size);
            let ratio = g.size / f.size.max(0.1);
            let gap = g.x - f.x1;
            if same_line
                && (0.75..1.33).contains(&ratio)
                && gap > -0.6 * f.size
                && gap < 0.8 * f.size
            {
                if last.is_some_and(|(lx, lt)| lt == g.text && (g.x - lx).abs() < 0.2 * g.size) {
                    continue; // overprinted (fake bold) glyph
                }
                if ws {
                    if !f.text.ends_with(' ') {
                        f.text.push(' ');
                    }
                } else {
                    if gap > 0.15 * f.size && !f.text.ends_with(' ') {
                        f.text.push(' ');
                    }
                    f.text.push_str(&g.text);
                    f.chars += 1;
                    if g.bold {
                        f.bold += 1;
                    }
                }
                f.x1 = f.x1.max(g.x + g.w);
                last = Some((g.x, g.text.as_str()));
                continue;
            }
        }
        if ws {
            continue;
        }
        out.push(Frag {
            x0: g.x,
            x1: g.x + g.w,
            y: g.y,
            size: g.size,
            text: g.text.clone(),
            chars: 1,
            bold: usize::from(g.bold),
        });
        last = Some((g.x, g.text.as_str()));
    }
    for f in &mut out {
        let t = f.text.trim_end().len();
        f.text.truncate(t);
    }
    out
}

/// Groups a page's glyphs into line segments (split at gaps wider than ~1 em).
pub(crate) fn segments(page: &PageGlyphs) -> Vec<Seg> {
    let mut fr = frags(&page.glyphs);
    fr.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // Rows: fragments whose baselines agree (superscripts join the row below them).
    let mut rows: Vec<Vec<Frag>> = Vec::new();
    let mut row_y: Vec<(f32, f32)> = Vec::new();
    for f in fr {
        let mut target = None;
        for i in (0..row_y.len()).rev() {
            let (y, s) = (&row_y[i].0, &row_y[i].1);
            if f.y - *y > 1.5 * s.max(f.size) {
                break;
            }
            let same = (f.y - y).abs() < 0.3 * s.min(f.size);
            let sup = f.size < 0.85 * s && f.y < *y && *y - f.y < 0.6 * s;
            let under_sup = *s < 0.85 * f.size && f.y > *y && f.y - *y < 0.6 * f.size;
            if same || sup || under_sup {
                target = Some(i);
                if under_sup {
                    row_y[i] = (f.y, f.size);
                }
                break;
            }
        }
        match target {
            Some(i) => rows[i].push(f),
            None => {
                row_y.push((f.y, f.size));
                rows.push(vec![f]);
            }
        }
    }
    let mut segs = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut cur: Vec<Frag> = Vec::new();
        for f in row {
            if let Some(p) = cur.last() {
                let em = p.size.max(f.size);
                if f.x0 - p.x1 > 1.0 * em {
                    segs.push(Seg::new(std::mem::take(&mut cur)));
                }
            }
            cur.push(f);
        }
        if !cur.is_empty() {
            segs.push(Seg::new(cur));
        }
    }
    segs.retain(|s| !s.text.is_empty());
    segs
}

/// Normalised key for repetition: lower case, no spaces, digit runs as '#'.
fn key(text: &str) -> String {
    let mut k = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !k.ends_with('#') {
                k.push('#');
            }
        } else {
            k.extend(c.to_lowercase());
        }
    }
    k
}

fn is_page_number(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || "-–—|·•[]()".contains(c));
    let lower = t.to_lowercase();
    let rest = lower
        .strip_prefix("seite")
        .or_else(|| lower.strip_prefix("page"))
        .unwrap_or(&lower)
        .trim();
    if rest.is_empty() {
        return t.is_empty();
    }
    let words: Vec<&str> = rest
        .split([' ', '/'])
        .filter(|w| !w.is_empty() && *w != "von" && *w != "of")
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| {
            (w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 6)
                || (w.len() <= 6 && w.chars().all(|c| "ivxlc".contains(c)))
        })
}

fn bigrams(s: &str) -> HashSet<(char, char)> {
    let v: Vec<char> = s.chars().collect();
    v.windows(2).map(|w| (w[0], w[1])).collect()
}

fn similar(a: &str, b: &str) -> bool {
    if a.chars().count() >= 12 && b.chars().count() >= 12 && (a.contains(b) || b.contains(a)) {
        return true;
    }
    let (x, y) = (bigrams(a), bigrams(b));
    if x.len() < 12 || y.len() < 12 {
        return false;
    }
    let common = x.intersection(&y).count();
    2.0 * common as f32 / (x.len() + y.len()) as f32 >= 0.8
}

fn in_margin_zone(s: &Seg, h: f32) -> bool {
    s.y < 0.11 * h || s.y - s.size > 0.90 * h
}

/// Drops running headers/footers, page numbers and margin notes, in place.
pub(crate) fn remove_furniture(pages: &mut [Vec<Seg>], heights: &[f32], body_size: f32) {
    // Keys seen in the top/bottom zones, counted once per page.
    // Per key: the relative vertical positions where it occurs, once per page.
    let mut seen: HashMap<String, Vec<f32>> = HashMap::new();
    for (segs, h) in pages.iter().zip(heights) {
        let mut keys: HashMap<String, f32> = HashMap::new();
        for s in segs.iter().filter(|s| in_margin_zone(s, *h)) {
            keys.entry(key(&s.text)).or_insert(s.y / h);
        }
        for (k, y) in keys {
            seen.entry(k).or_default().push(y);
        }
    }
    // Pages on which a key sits at (about) the same height as its median.
    let repeated: Vec<(String, usize)> = seen
        .into_iter()
        .map(|(k, mut ys)| {
            ys.sort_by(f32::total_cmp);
            let mid = ys[ys.len() / 2];
            let n = ys.iter().filter(|y| (*y - mid).abs() < 0.02).count();
            (k, n)
        })
        .filter(|(k, n)| *n >= 2 && k.chars().count() >= 3)
        .collect();
    let half = pages.len().div_ceil(2).max(3);
    let strong: HashSet<&str> = repeated
        .iter()
        .filter(|(k, n)| *n >= half && k.chars().count() >= 10)
        .map(|(k, _)| k.as_str())
        .collect();
    // The horizontal extent of the body text, to recognise margin notes.
    let mut x0s: Vec<f32> = Vec::new();
    let mut x1s: Vec<f32> = Vec::new();
    for segs in pages.iter() {
        for s in segs
            .iter()
            .filter(|s| (s.size - body_size).abs() < 0.1 * body_size && s.text.len() > 20)
        {
            x0s.push(s.x0);
            x1s.push(s.x1);
        }
    }
    x0s.sort_by(f32::total_cmp);
    x1s.sort_by(f32::total_cmp);
    let body =
        (!x0s.is_empty()).then(|| (x0s[x0s.len() / 20], x1s[x1s.len() - 1 - x1s.len() / 20]));
    for (segs, h) in pages.iter_mut().zip(heights) {
        let top = segs.iter().map(|s| s.y).fold(f32::MAX, f32::min);
        let bottom = segs.iter().map(|s| s.y).fold(f32::MIN, f32::max);
        segs.retain(|s| {
            if is_page_number(&s.text) && (s.y <= top + 1.0 || s.y >= bottom - 1.0) {
                return false;
            }
            let k = key(&s.text);
            if strong.contains(k.as_str())
                || strong
                    .iter()
                    .any(|sk| sk.chars().count() >= 20 && k.contains(sk))
            {
                return false;
            }
            if in_margin_zone(s, *h)
                && (is_page_number(&s.text)
                    || repeated.iter().any(|(r, _)| *r == k || similar(r, &k)))
            {
                return false;
            }
            if let Some((bx0, bx1)) = body
                && (s.x1 < bx0 - 2.0 || s.x0 > bx1 + 2.0)
                && s.size < 0.95 * body_size
            {
                return false;
            }
            true
        });
    }
}
