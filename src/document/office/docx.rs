//! Word files (`.docx`, Office Open XML): the body of `word/document.xml`
//! with its headings (from the paragraph styles), list items, tables read
//! cell by cell, and footnotes and endnotes as notes at the end of their
//! section. Deleted text (tracked changes), comments, field codes, headers,
//! footers and drawings are not the article's text and are left out.

use std::collections::HashMap;

use roxmltree::Node;

use super::{Archive, all_text, attr, child, date_part, is, non_empty, parse_xml};
use crate::document::article::{Article, Kind, superscript};
use crate::document::decode::DecodeError;

const FORMAT: &str = "DOCX";
/// Elements nested deeper than this are read as plain text (a hostile file
/// of 30 000 nested runs must not overflow the stack).
const MAX_DEPTH: usize = 200;

/// What a paragraph style says.
#[derive(Clone, Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    numbered: bool,
}

/// Reads a Word file.
pub(crate) fn read(bytes: &[u8]) -> Result<Article, DecodeError> {
    let mut archive = Archive::open(bytes, FORMAT)?;
    let document = archive
        .xml("word/document.xml")?
        .ok_or_else(|| archive.damaged("word/document.xml missing".into()))?;
    let styles = match archive.xml("word/styles.xml")? {
        Some(xml) => styles(&parse_xml(&archive, "word/styles.xml", &xml)?),
        None => HashMap::new(),
    };
    let mut notes = HashMap::new();
    for (part, kind) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if let Some(xml) = archive.xml(part)? {
            let doc = parse_xml(&archive, part, &xml)?;
            for note in doc.descendants().filter(|n| is(*n, kind)) {
                if attr(note, "type").is_some_and(|t| t != "normal") {
                    continue;
                }
                if let Some(id) = attr(note, "id") {
                    let text = note
                        .descendants()
                        .filter(|n| is(*n, "p"))
                        .map(|p| paragraph_text(p, &mut |_| String::new()))
                        .collect::<Vec<_>>()
                        .join(" ");
                    notes.insert((kind, id.to_owned()), text);
                }
            }
        }
    }
    let mut article = Article::default();
    if let Some(xml) = archive.xml("docProps/core.xml")? {
        let doc = parse_xml(&archive, "docProps/core.xml", &xml)?;
        core_properties(&doc, &mut article);
    }
    let doc = parse_xml(&archive, "word/document.xml", &document)?;
    let body = doc
        .descendants()
        .find(|n| is(*n, "body"))
        .ok_or_else(|| archive.damaged("no w:body".into()))?;
    let mut reader = Body {
        styles: &styles,
        notes: &notes,
        article,
        numbered: 0,
    };
    reader.blocks(body, 0);
    let mut article = reader.article;
    article.drop_title_heading();
    non_empty(article, FORMAT)
}

/// The title from `docProps/core.xml`, and the rest of the Dublin Core there.
fn core_properties(doc: &roxmltree::Document<'_>, article: &mut Article) {
    for node in doc.root_element().children().filter(Node::is_element) {
        let value = all_text(node);
        match node.tag_name().name() {
            "title" => article.title = value,
            "creator" => article.author = value,
            "created" if article.date.is_empty() => article.date = date_part(&value),
            "language" => article.language = value,
            _ => {}
        }
    }
}

fn styles(doc: &roxmltree::Document<'_>) -> HashMap<String, Style> {
    let mut out = HashMap::new();
    for style in doc.descendants().filter(|n| is(*n, "style")) {
        let Some(id) = attr(style, "styleId") else {
            continue;
        };
        let val = |name: &str| child(style, name).and_then(|n| attr(n, "val"));
        let ppr = child(style, "pPr");
        let outline = ppr
            .and_then(|p| child(p, "outlineLvl"))
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse::<u8>().ok());
        out.insert(
            id.to_owned(),
            Style {
                name: val("name").unwrap_or(id).to_lowercase(),
                based_on: val("basedOn").map(str::to_owned),
                outline,
                numbered: ppr.and_then(|p| child(p, "numPr")).is_some(),
            },
        );
    }
    out
}

/// The heading level a style gives ("heading 2", "Überschrift 2", an
/// outline level), following `basedOn` a few steps.
fn heading_level(styles: &HashMap<String, Style>, id: &str) -> Option<u8> {
    let mut id = id;
    for _ in 0..8 {
        let style = styles.get(id)?;
        let named = ["heading ", "überschrift ", "titre ", "kop "]
            .iter()
            .find_map(|prefix| style.name.strip_prefix(prefix))
            .and_then(|n| n.trim().parse::<u8>().ok());
        if let Some(level) = named.or(style.outline.map(|l| l.saturating_add(1))) {
            return (1..=6).contains(&level).then_some(level);
        }
        if style.name == "title" || style.name == "titel" {
            return Some(1);
        }
        id = style.based_on.as_deref()?;
    }
    None
}

fn is_numbered(styles: &HashMap<String, Style>, id: &str) -> bool {
    let mut id = id;
    for _ in 0..8 {
        let Some(style) = styles.get(id) else {
            return false;
        };
        if style.numbered {
            return true;
        }
        let Some(parent) = style.based_on.as_deref() else {
            return false;
        };
        id = parent;
    }
    false
}

struct Body<'s> {
    styles: &'s HashMap<String, Style>,
    notes: &'s HashMap<(&'static str, String), String>,
    article: Article,
    numbered: usize,
}

impl Body<'_> {
    /// Paragraphs and tables, in order; content controls and inserted runs
    /// looked into.
    fn blocks(&mut self, node: Node<'_, '_>, depth: usize) {
        if depth > MAX_DEPTH {
            self.article.push(Kind::Paragraph, &all_text(node));
            return;
        }
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "p" => self.paragraph(child),
                "tbl" | "tr" | "tc" | "sdt" | "sdtContent" | "customXml" | "ins" => {
                    self.blocks(child, depth + 1);
                }
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node<'_, '_>) {
        let ppr = child(p, "pPr");
        let style = ppr
            .and_then(|n| child(n, "pStyle"))
            .and_then(|n| attr(n, "val"));
        let outline = ppr
            .and_then(|n| child(n, "outlineLvl"))
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse::<u8>().ok())
            .map(|l| l.saturating_add(1))
            .filter(|l| (1..=6).contains(l));
        let level = outline.or_else(|| style.and_then(|s| heading_level(self.styles, s)));
        let listed = ppr.and_then(|n| child(n, "numPr")).is_some()
            || style.is_some_and(|s| is_numbered(self.styles, s));
        let mut refs = Vec::new();
        let text = paragraph_text(p, &mut |reference: Node<'_, '_>| {
            let kind = if is(reference, "endnoteReference") {
                "endnote"
            } else {
                "footnote"
            };
            let Some(id) = attr(reference, "id")
                .filter(|id| self.notes.contains_key(&(kind, (*id).to_owned())))
            else {
                return String::new();
            };
            self.numbered += 1;
            let mark = superscript(self.numbered);
            refs.push((mark.clone(), kind, id.to_owned()));
            mark
        });
        let kind = match (level, listed) {
            (Some(level), _) => Kind::Heading(level),
            (None, true) => Kind::Item,
            (None, false) => Kind::Paragraph,
        };
        self.article.push(kind, &text);
        for (mark, kind, id) in refs {
            if let Some(note) = self.notes.get(&(kind, id)) {
                self.article.note(&mark, note);
            }
        }
    }
}

/// The visible text of a paragraph: runs, tabs and breaks as blanks,
/// hyphens that do not break kept, soft hyphens dropped; deleted and moved
/// text, field instructions, comments and drawings left out. A note
/// reference is replaced by what `reference` makes of it (its mark).
fn paragraph_text(p: Node<'_, '_>, reference: &mut dyn FnMut(Node<'_, '_>) -> String) -> String {
    let mut out = String::new();
    collect(p, &mut out, reference, 0);
    out
}

fn collect(
    node: Node<'_, '_>,
    out: &mut String,
    reference: &mut dyn FnMut(Node<'_, '_>) -> String,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        out.push_str(&all_text(node));
        return;
    }
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "t" => out.push_str(child.text().unwrap_or_default()),
            "tab" | "br" | "cr" => out.push(' '),
            "noBreakHyphen" => out.push('-'),
            "footnoteReference" | "endnoteReference" => out.push_str(&reference(child)),
            // Not the article's text: tracked deletions, field codes,
            // drawings and text boxes, properties, comments, the
            // compatibility fallback of an alternative.
            "del" | "moveFrom" | "delText" | "instrText" | "drawing" | "pict" | "object"
            | "pPr" | "rPr" | "commentReference" | "Fallback" | "softHyphen" => {}
            _ => collect(child, out, reference, depth + 1),
        }
    }
}
