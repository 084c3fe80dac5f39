//! OpenDocument text (`.odt`): the body of `content.xml`, walked into its
//! sections (where the two-column part of a document lives), lists and
//! tables; headings with their outline level, the title by its style, notes
//! at the end of their section. Comments, tracked changes, generated
//! indexes, frames and the page's header and footer (in `styles.xml`) are
//! left out.

use std::collections::HashMap;

use roxmltree::Node;

use super::{Archive, all_text, attr, date_part, is, non_empty, parse_xml};
use crate::document::article::{Article, Kind, superscript};
use crate::document::decode::DecodeError;

const FORMAT: &str = "ODT";
/// Elements nested deeper than this are read as plain text.
const MAX_DEPTH: usize = 200;

/// Reads an OpenDocument text.
pub(crate) fn read(bytes: &[u8]) -> Result<Article, DecodeError> {
    let mut archive = Archive::open(bytes, FORMAT)?;
    let content = archive
        .xml("content.xml")?
        .ok_or_else(|| archive.damaged("content.xml missing".into()))?;
    let mut parents = HashMap::new();
    if let Some(xml) = archive.xml("styles.xml")? {
        style_parents(&parse_xml(&archive, "styles.xml", &xml)?, &mut parents);
    }
    let mut article = Article::default();
    if let Some(xml) = archive.xml("meta.xml")? {
        let doc = parse_xml(&archive, "meta.xml", &xml)?;
        for node in doc.descendants().filter(Node::is_element) {
            let value = all_text(node);
            match (node.tag_name().name(), node.tag_name().namespace()) {
                ("title", _) => article.title = value,
                ("creator" | "initial-creator", _) if article.author.is_empty() => {
                    article.author = value;
                }
                ("date" | "creation-date", _) if article.date.is_empty() => {
                    article.date = date_part(&value);
                }
                ("language", _) => article.language = value,
                _ => {}
            }
        }
    }
    let doc = parse_xml(&archive, "content.xml", &content)?;
    style_parents(&doc, &mut parents);
    let text = doc
        .descendants()
        .find(|n| is(*n, "text") && n.parent().is_some_and(|p| is(p, "body")))
        .ok_or_else(|| archive.damaged("no office:text".into()))?;
    let mut reader = Body {
        parents: &parents,
        article,
        notes: 0,
    };
    reader.blocks(text, false, 0);
    let mut article = reader.article;
    article.drop_title_heading();
    non_empty(article, FORMAT)
}

/// Each style's parent, named and automatic alike, to find a paragraph's
/// "Title" or "Heading" style behind its automatic one.
fn style_parents(doc: &roxmltree::Document<'_>, parents: &mut HashMap<String, String>) {
    for style in doc.descendants().filter(|n| is(*n, "style")) {
        if let (Some(name), Some(parent)) = (attr(style, "name"), attr(style, "parent-style-name"))
        {
            parents.insert(name.to_owned(), parent.to_owned());
        }
    }
}

struct Body<'s> {
    parents: &'s HashMap<String, String>,
    article: Article,
    notes: usize,
}

impl Body<'_> {
    fn blocks(&mut self, node: Node<'_, '_>, in_list: bool, depth: usize) {
        if depth > MAX_DEPTH {
            self.article.push(Kind::Paragraph, &all_text(node));
            return;
        }
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "h" => {
                    let level = attr(child, "outline-level")
                        .and_then(|l| l.parse::<u8>().ok())
                        .unwrap_or(1)
                        .clamp(1, 6);
                    self.paragraph(child, Kind::Heading(level));
                }
                "p" => {
                    let kind = if in_list {
                        Kind::Item
                    } else if self.is_title(attr(child, "style-name")) {
                        Kind::Heading(1)
                    } else {
                        Kind::Paragraph
                    };
                    self.paragraph(child, kind);
                }
                "list" | "list-item" | "list-header" => self.blocks(child, true, depth + 1),
                "section" | "table" | "table-rows" | "table-row" | "table-cell"
                | "table-header-rows" | "soft-page-break" => self.blocks(child, in_list, depth + 1),
                // Generated indexes repeat the headings; the rest holds no
                // article text.
                _ => {}
            }
        }
    }

    fn is_title(&self, style: Option<&str>) -> bool {
        let mut style = style;
        for _ in 0..8 {
            match style {
                Some("Title" | "Titel") => return true,
                Some(name) => style = self.parents.get(name).map(String::as_str),
                None => return false,
            }
        }
        false
    }

    fn paragraph(&mut self, p: Node<'_, '_>, kind: Kind) {
        let mut text = String::new();
        let mut notes = Vec::new();
        self.inline(p, &mut text, &mut notes, 0);
        self.article.push(kind, &text);
        for (mark, note) in notes {
            self.article.note(&mark, &note);
        }
    }

    fn inline(
        &mut self,
        node: Node<'_, '_>,
        out: &mut String,
        notes: &mut Vec<(String, String)>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            out.push_str(&all_text(node));
            return;
        }
        for child in node.children() {
            if child.is_text() {
                out.push_str(child.text().unwrap_or_default());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            match child.tag_name().name() {
                "s" => {
                    let n = attr(child, "c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    out.extend(std::iter::repeat_n(' ', n));
                }
                "tab" | "line-break" => out.push(' '),
                "note" => {
                    self.notes += 1;
                    let mark = superscript(self.notes);
                    out.push_str(&mark);
                    let mut body = String::new();
                    if let Some(note_body) = child.children().find(|n| is(*n, "note-body")) {
                        self.note_text(note_body, &mut body, depth + 1);
                    }
                    notes.push((mark, body));
                }
                // Comments, their ends, tracked changes, frames and
                // images: not the text.
                "annotation" | "annotation-end" | "change" | "change-start" | "change-end"
                | "frame" => {}
                _ => self.inline(child, out, notes, depth + 1),
            }
        }
    }

    /// A note's text: its paragraphs, also those in lists and sections,
    /// each once, a blank between them.
    fn note_text(&mut self, node: Node<'_, '_>, out: &mut String, depth: usize) {
        if depth > MAX_DEPTH {
            out.push_str(&all_text(node));
            return;
        }
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "p" | "h" => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    // A note inside a note is read as its text.
                    self.inline(child, out, &mut Vec::new(), depth + 1);
                }
                "list" | "list-item" | "list-header" | "section" => {
                    self.note_text(child, out, depth + 1);
                }
                _ => {}
            }
        }
    }
}
