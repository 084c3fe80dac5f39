//! A small PDF content-stream interpreter: it walks each page's text
//! operators (and form XObjects) and yields positioned glyphs with their font
//! size and weight. Everything is bounded: operations, nesting and stream size.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

use super::metrics::Builtin;

/// Largest decompressed content stream (per page or form) we interpret.
const MAX_STREAM: usize = 64 * 1024 * 1024;
/// Deepest form-XObject nesting followed.
const MAX_FORM_DEPTH: usize = 12;
/// Deepest `q` nesting kept (further pushes are ignored, pops still balance).
const MAX_GSTATE_DEPTH: usize = 256;

/// One drawn glyph, in page space with y growing downwards from the top edge.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub size: f32,
    pub bold: bool,
    pub text: String,
}

/// The glyphs of one page and its size.
#[derive(Debug, Default)]
pub(crate) struct PageGlyphs {
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// Shared work budget across the whole document.
pub(crate) struct Budget {
    /// Content-stream operations still allowed.
    pub ops: u64,
    /// Glyphs still allowed (the caller's character limit).
    pub chars: usize,
    /// Set once either budget ran out.
    pub exhausted: bool,
}

type Mat = [f32; 6];
const IDENTITY: Mat = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Mat, b: &Mat) -> Mat {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

struct FontInfo<'a> {
    enc: Option<Encoding<'a>>,
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_w: f32,
    bold: bool,
    /// Metrics for fonts without a `/Widths` array.
    builtin: Option<Builtin>,
    cache: HashMap<u32, String>,
}

#[derive(Clone, Copy)]
struct GState {
    ctm: Mat,
    font: Option<usize>,
    size: f32,
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
}

struct Interp<'a, 'b> {
    doc: &'a Document,
    fonts: Vec<FontInfo<'a>>,
    font_ids: HashMap<ObjectId, usize>,
    budget: &'b mut Budget,
    page: PageGlyphs,
    top: f32,
    left: f32,
    forms: Vec<ObjectId>,
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
    .clamp(-1.0e7, 1.0e7)
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn get_dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    deref(doc, d.get(key).ok()?).as_dict().ok()
}

fn get_array<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Vec<Object>> {
    deref(doc, d.get(key).ok()?).as_array().ok()
}

/// Looks `key` up in a page and its ancestors (bounded, cycle-proof).
pub(crate) fn inherited<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    let mut d = page;
    for _ in 0..32 {
        if let Ok(o) = d.get(key) {
            return Some(deref(doc, o));
        }
        d = get_dict(doc, d, b"Parent")?;
    }
    None
}

fn is_bold_name(name: &[u8]) -> bool {
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    let base = name.split_once('+').map_or(name.as_str(), |(_, b)| b);
    [
        "bold",
        "black",
        "heavy",
        "semibold",
        "demi",
        "cmbx",
        "cmb10",
        "ecbx",
        "sfbx",
        "lmroman10-bold",
    ]
    .iter()
    .any(|k| base.contains(k))
}

fn load_font<'a>(doc: &'a Document, font: &'a Dictionary) -> FontInfo<'a> {
    let subtype = font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let two_byte = subtype == b"Type0";
    let enc = font.get_font_encoding_with_limit(doc, MAX_STREAM).ok();
    let mut widths = HashMap::new();
    let mut default_w = 0.5;
    let mut bold = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .is_ok_and(is_bold_name);
    let mut descriptor = get_dict(doc, font, b"FontDescriptor");
    if two_byte {
        if let Some(desc) = get_array(doc, font, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok())
        {
            descriptor = get_dict(doc, desc, b"FontDescriptor").or(descriptor);
            bold |= desc
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .is_ok_and(is_bold_name);
            default_w = desc.get(b"DW").map_or(1000.0, num) / 1000.0;
            if let Some(w) = get_array(doc, desc, b"W") {
                let mut i = 0;
                while i + 1 < w.len() && widths.len() < 70_000 {
                    let first = num(deref(doc, &w[i])).max(0.0) as u32;
                    match deref(doc, &w[i + 1]) {
                        Object::Array(list) => {
                            for (k, v) in list.iter().enumerate().take(70_000) {
                                widths.insert(first + k as u32, num(v) / 1000.0);
                            }
                            i += 2;
                        }
                        last if i + 2 < w.len() => {
                            let last = (num(last).max(0.0) as u32).min(first + 70_000);
                            let v = num(deref(doc, &w[i + 2])) / 1000.0;
                            for c in first..=last {
                                widths.insert(c, v);
                            }
                            i += 3;
                        }
                        _ => break,
                    }
                }
            }
        }
    } else {
        let scale = if subtype == b"Type3" {
            get_array(doc, font, b"FontMatrix")
                .and_then(|m| m.first())
                .map_or(0.001, num)
        } else {
            0.001
        };
        let first = font.get(b"FirstChar").map_or(0.0, num).max(0.0) as u32;
        if let Some(w) = get_array(doc, font, b"Widths") {
            for (k, v) in w.iter().enumerate().take(256) {
                widths.insert(first + k as u32, num(deref(doc, v)) * scale);
            }
        }
        if let Some(d) = descriptor {
            let missing = d.get(b"MissingWidth").map_or(0.0, num);
            if missing > 0.0 {
                default_w = missing * scale;
            }
        }
    }
    if let Some(d) = descriptor {
        bold |= d.get(b"FontWeight").map_or(0.0, num) >= 600.0;
        bold |= d
            .get(b"FontName")
            .and_then(Object::as_name)
            .is_ok_and(is_bold_name);
        let flags = d.get(b"Flags").and_then(Object::as_i64).unwrap_or(0);
        bold |= flags & (1 << 18) != 0;
    }
    let builtin = (!two_byte && widths.is_empty()).then(|| {
        let name = font
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        Builtin::from_name(&String::from_utf8_lossy(name), bold)
    });
    FontInfo {
        enc,
        two_byte,
        widths,
        default_w,
        bold,
        builtin,
        cache: HashMap::new(),
    }
}

impl<'a> Interp<'a, '_> {
    fn font_for(&mut self, resources: &'a Dictionary, name: &[u8]) -> Option<usize> {
        let fonts = get_dict(self.doc, resources, b"Font")?;
        let obj = fonts.get(name).ok()?;
        if let Ok(id) = obj.as_reference()
            && let Some(&i) = self.font_ids.get(&id)
        {
            return Some(i);
        }
        let dict = deref(self.doc, obj).as_dict().ok()?;
        self.fonts.push(load_font(self.doc, dict));
        let i = self.fonts.len() - 1;
        if let Ok(id) = obj.as_reference() {
            self.font_ids.insert(id, i);
        }
        Some(i)
    }

    fn run(&mut self, data: &[u8], resources: &'a Dictionary, gs0: GState) {
        let Ok(content) = Content::decode(data) else {
            return;
        };
        let mut gs = gs0;
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in &content.operations {
            if self.budget.ops == 0 || self.budget.exhausted {
                self.budget.exhausted = true;
                return;
            }
            self.budget.ops -= 1;
            let a = &op.operands;
            let n = |i: usize| a.get(i).map_or(0.0, num);
            match op.operator.as_str() {
                "q" if stack.len() < MAX_GSTATE_DEPTH => stack.push(gs),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" if a.len() == 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.font = a
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|nm| self.font_for(resources, nm));
                    gs.size = n(1);
                }
                "Tc" => gs.tc = n(0),
                "Tw" => gs.tw = n(0),
                "Tz" => gs.th = n(0) / 100.0,
                "TL" => gs.tl = n(0),
                "Ts" => gs.rise = n(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.tl = -n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if a.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            gs.tw = n(0);
                            gs.tc = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], &tlm);
                        tm = tlm;
                    }
                    if let Some(Ok(s)) = a.last().map(Object::as_str) {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Ok(items)) = a.first().map(Object::as_array) {
                        for it in items {
                            match it {
                                Object::String(s, _) => self.show(s, &gs, &mut tm),
                                other => {
                                    let tx = -num(other) / 1000.0 * gs.size * gs.th;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    if let Some(Ok(name)) = a.first().map(Object::as_name) {
                        self.form(resources, name, &gs);
                    }
                }
                _ => {}
            }
        }
    }

    fn form(&mut self, resources: &'a Dictionary, name: &[u8], gs: &GState) {
        let doc = self.doc;
        let Some(xobjects) = get_dict(doc, resources, b"XObject") else {
            return;
        };
        let Ok(obj) = xobjects.get(name) else { return };
        let Ok(id) = obj.as_reference() else { return };
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        self.form_stream(id, stream, resources, gs);
    }

    fn form_stream(
        &mut self,
        id: ObjectId,
        stream: &'a lopdf::Stream,
        resources: &'a Dictionary,
        gs: &GState,
    ) {
        let doc = self.doc;
        if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(&id) {
            return;
        }
        let Ok(data) = stream
            .decompressed_content_with_limit(MAX_STREAM)
            .or_else(|_| {
                if stream.dict.has(b"Filter") {
                    Err(())
                } else {
                    Ok(stream.content.clone())
                }
            })
        else {
            return;
        };
        let res = get_dict(doc, &stream.dict, b"Resources").unwrap_or(resources);
        let mut inner = *gs;
        if let Some(m) = get_array(doc, &stream.dict, b"Matrix")
            && m.len() == 6
        {
            let m: Vec<f32> = m.iter().map(num).collect();
            inner.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
        }
        self.forms.push(id);
        self.run(&data, res, inner);
        self.forms.pop();
    }

    /// Text in the appearance streams of form fields (widgets), placed at their rectangles.
    fn annotations(&mut self, page: &'a Dictionary, resources: &'a Dictionary) {
        let doc = self.doc;
        let Some(annots) = get_array(doc, page, b"Annots") else {
            return;
        };
        for a in annots.iter().take(10_000) {
            let Ok(id_or_dict) = doc.dereference(a) else {
                continue;
            };
            let Ok(annot) = id_or_dict.1.as_dict() else {
                continue;
            };
            if annot.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Widget".as_slice()) {
                continue;
            }
            if annot.get(b"F").and_then(Object::as_i64).unwrap_or(0) & 2 != 0 {
                continue; // hidden
            }
            let Some(ap) = get_dict(doc, annot, b"AP") else {
                continue;
            };
            let Ok(normal) = ap.get(b"N") else { continue };
            let (id, obj) = match normal {
                Object::Reference(id) => (*id, doc.get_object(*id)),
                _ => continue,
            };
            let (id, stream) = match obj.and_then(Object::as_stream) {
                Ok(s) => (id, s),
                Err(_) => {
                    // A dictionary of appearance states: take the current one.
                    let Some(states) = deref(doc, normal).as_dict().ok() else {
                        continue;
                    };
                    let Ok(state) = annot.get(b"AS").and_then(Object::as_name) else {
                        continue;
                    };
                    let Ok(sid) = states.get(state).and_then(Object::as_reference) else {
                        continue;
                    };
                    let Ok(s) = doc.get_object(sid).and_then(Object::as_stream) else {
                        continue;
                    };
                    (sid, s)
                }
            };
            let rect: Vec<f32> = get_array(doc, annot, b"Rect")
                .map(|r| r.iter().map(num).collect())
                .unwrap_or_default();
            let bbox: Vec<f32> = get_array(doc, &stream.dict, b"BBox")
                .map(|r| r.iter().map(num).collect())
                .unwrap_or_default();
            if rect.len() != 4 || bbox.len() != 4 {
                continue;
            }
            let ctm = [
                1.0,
                0.0,
                0.0,
                1.0,
                rect[0].min(rect[2]) - bbox[0].min(bbox[2]),
                rect[1].min(rect[3]) - bbox[1].min(bbox[3]),
            ];
            let gs = GState {
                ctm,
                font: None,
                size: 0.0,
                tc: 0.0,
                tw: 0.0,
                th: 1.0,
                tl: 0.0,
                rise: 0.0,
            };
            self.form_stream(id, stream, resources, &gs);
        }
    }

    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Mat) {
        let Some(fi) = gs.font else { return };
        let step = if self.fonts[fi].two_byte { 2 } else { 1 };
        for code_bytes in bytes.chunks(step) {
            let code = code_bytes
                .iter()
                .fold(0u32, |acc, b| acc * 256 + u32::from(*b));
            let font = &mut self.fonts[fi];
            let w0 = font.widths.get(&code).copied().unwrap_or(font.default_w);
            let text = match font.cache.get(&code) {
                Some(t) => t.clone(),
                None => {
                    let t = font
                        .enc
                        .as_ref()
                        .and_then(|e| e.bytes_to_string(code_bytes).ok())
                        .unwrap_or_default();
                    let t: String = t
                        .chars()
                        .filter(|c| *c != '\u{FFFD}' && !c.is_control())
                        .collect();
                    font.cache.insert(code, t.clone());
                    t
                }
            };
            let w0 = match font.builtin {
                Some(b) if !text.is_empty() => b.width(&text),
                _ => w0,
            };
            let bold = font.bold;
            let m = mul(tm, &gs.ctm);
            let trm = mul(&[gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.rise], &m);
            let size = (m[2] * m[2] + m[3] * m[3]).sqrt() * gs.size.abs();
            let space = step == 1 && code == 32;
            let adv = (w0 * gs.size + gs.tc + if space { gs.tw } else { 0.0 }) * gs.th;
            let upright = m[0] > 0.0 && m[1].abs() <= 0.2 * m[0] && m[3] > 0.0;
            if !text.is_empty() && upright && size.is_finite() && size > 0.5 {
                if self.budget.chars == 0 {
                    self.budget.exhausted = true;
                    return;
                }
                self.budget.chars = self.budget.chars.saturating_sub(text.chars().count());
                self.page.glyphs.push(Glyph {
                    x: trm[4] - self.left,
                    y: self.top - trm[5],
                    w: (w0 * gs.size * gs.th * m[0]).abs(),
                    size,
                    bold,
                    text,
                });
            }
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, adv, 0.0], tm);
        }
    }
}

/// Interprets every page in order, stopping early when the budget runs out.
pub(crate) fn pages(doc: &Document, budget: &mut Budget) -> Vec<PageGlyphs> {
    let empty = Dictionary::new();
    let mut out = Vec::new();
    let mut it = Interp {
        doc,
        fonts: Vec::new(),
        font_ids: HashMap::new(),
        budget,
        page: PageGlyphs::default(),
        top: 0.0,
        left: 0.0,
        forms: Vec::new(),
    };
    for (_, page_id) in doc.get_pages() {
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let bbox = inherited(doc, page, b"CropBox")
            .or_else(|| inherited(doc, page, b"MediaBox"))
            .and_then(|o| o.as_array().ok())
            .filter(|a| a.len() == 4)
            .map_or([0.0, 0.0, 595.0, 842.0], |a| {
                [num(&a[0]), num(&a[1]), num(&a[2]), num(&a[3])]
            });
        it.page = PageGlyphs {
            height: (bbox[3] - bbox[1]).abs().max(1.0),
            glyphs: Vec::new(),
        };
        it.top = bbox[1].max(bbox[3]);
        it.left = bbox[0].min(bbox[2]);
        let resources = inherited(doc, page, b"Resources")
            .and_then(|o| o.as_dict().ok())
            .unwrap_or(&empty);
        if let Ok(data) = doc.get_page_content_with_limit(page_id, MAX_STREAM) {
            let gs = GState {
                ctm: IDENTITY,
                font: None,
                size: 0.0,
                tc: 0.0,
                tw: 0.0,
                th: 1.0,
                tl: 0.0,
                rise: 0.0,
            };
            it.run(&data, resources, gs);
        }
        it.annotations(page, resources);
        out.push(std::mem::take(&mut it.page));
        if it.budget.exhausted {
            break;
        }
    }
    out
}
