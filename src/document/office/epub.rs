//! EPUB e-books (2 and 3): the chapters of the spine, in order, each read
//! through the web-page path's block walker (headings, lists, quotes,
//! notes). A chapter without a heading of its own takes its name from the
//! table of contents (EPUB 3 nav or EPUB 2 NCX), so every chapter opens a
//! section. Metadata from the package's Dublin Core.

use std::collections::HashMap;

use roxmltree::Node;
use scraper::{Html, Selector};

use super::{Archive, all_text, attr, child, date_part, is, non_empty, parse_xml};
use crate::document::article::{Article, Kind, is_note, superscript};
use crate::document::decode::DecodeError;
use crate::document::web;

const FORMAT: &str = "EPUB";
/// The most chapters read from one book.
const MAX_CHAPTERS: usize = 10_000;

/// Reads an e-book.
pub(crate) fn read(bytes: &[u8]) -> Result<Article, DecodeError> {
    let mut archive = Archive::open(bytes, FORMAT)?;
    let container = archive
        .xml("META-INF/container.xml")?
        .ok_or_else(|| archive.damaged("META-INF/container.xml missing".into()))?;
    let opf_path = {
        let doc = parse_xml(&archive, "META-INF/container.xml", &container)?;
        doc.descendants()
            .filter(|n| is(*n, "rootfile"))
            .find(|n| attr(*n, "media-type").is_none_or(|m| m.contains("oebps-package")))
            .and_then(|n| attr(n, "full-path"))
            .map(str::to_owned)
            .ok_or_else(|| archive.damaged("no rootfile".into()))?
    };
    let opf = archive
        .xml(&opf_path)?
        .ok_or_else(|| archive.damaged(format!("{opf_path} missing")))?;
    let package = parse_xml(&archive, &opf_path, &opf)?;
    let base = folder(&opf_path);

    let mut article = Article::default();
    if let Some(metadata) = package.descendants().find(|n| is(*n, "metadata")) {
        metadata_into(metadata, &mut article);
    }
    let mut manifest = HashMap::new();
    let mut toc_files = Vec::new();
    for item in package.descendants().filter(|n| is(*n, "item")) {
        let (Some(id), Some(href)) = (attr(item, "id"), attr(item, "href")) else {
            continue;
        };
        let path = resolve(base, href);
        let media = attr(item, "media-type").unwrap_or_default();
        if media == "application/x-dtbncx+xml"
            || attr(item, "properties").is_some_and(|p| p.split_whitespace().any(|p| p == "nav"))
        {
            toc_files.push(path.clone());
        }
        manifest.insert(id.to_owned(), (path, media.to_owned()));
    }
    let mut labels = HashMap::new();
    // The table of contents only names chapters: one that cannot be read
    // leaves them to their own headings.
    for toc in &toc_files {
        if let Ok(Some(xml)) = archive.xml(toc) {
            toc_labels(&xml, folder(toc), &mut labels);
        }
    }

    let spine: Vec<&str> = package
        .descendants()
        .filter(|n| is(*n, "itemref"))
        .filter(|n| attr(*n, "linear") != Some("no"))
        .filter_map(|n| attr(n, "idref"))
        .take(MAX_CHAPTERS)
        .collect();
    for idref in spine {
        let Some((path, media)) = manifest.get(idref) else {
            continue;
        };
        if !(media.contains("html") || media.is_empty()) {
            continue;
        }
        let Some(bytes) = archive.bytes(path)? else {
            continue;
        };
        let xhtml = String::from_utf8_lossy(&bytes);
        chapter(&xhtml, labels.get(path.as_str()), &mut article);
    }
    article.drop_title_heading();
    non_empty(article, FORMAT)
}

fn metadata_into(metadata: Node<'_, '_>, article: &mut Article) {
    let mut creators = Vec::new();
    for node in metadata.children().filter(Node::is_element) {
        let value = all_text(node).trim().to_owned();
        match node.tag_name().name() {
            "title" if article.title.is_empty() => article.title = value,
            "creator" if !value.is_empty() => creators.push(value),
            "date" if article.date.is_empty() => article.date = date_part(&value),
            "language" if article.language.is_empty() => article.language = value,
            "publisher" if article.outlet.is_empty() => article.outlet = value,
            _ => {}
        }
    }
    article.author = creators.join(", ");
}

/// One chapter's blocks; its name from the table of contents when it has
/// no heading before its text.
fn chapter(xhtml: &str, label: Option<&String>, article: &mut Article) {
    let page = Html::parse_document(xhtml);
    let Ok(body) = Selector::parse("body") else {
        return;
    };
    let Some(body) = page.select(&body).next() else {
        return;
    };
    let blocks = web::element_blocks(body);
    let starts_with_heading = blocks
        .first()
        .is_some_and(|b| matches!(b.kind, Kind::Heading(_)));
    if !starts_with_heading
        && !blocks.is_empty()
        && let Some(label) = label
    {
        article.push(Kind::Heading(1), label);
    }
    // Notes count in their chapter, as their references do; a note with a
    // mark of its own sets the count.
    let mut notes = 0;
    for block in blocks {
        if block.kind == Kind::Note && is_note(&block.text) {
            notes += 1;
            article.push(Kind::Note, &block.text);
        } else if block.kind == Kind::Note {
            // A note without its mark in front (an endnote list's item) is
            // given the number its reference shows: they count alike.
            notes += 1;
            let text = block
                .text
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            article.push(
                Kind::Note,
                &format!("{} {}", superscript(notes), text.trim()),
            );
        } else {
            article.push(block.kind, &block.text);
        }
    }
}

/// The chapter names of a table of contents (an EPUB 3 nav document or an
/// EPUB 2 NCX), by the file they point to (the first entry per file).
fn toc_labels(xml: &str, base: &str, labels: &mut HashMap<String, String>) {
    if super::declares_entities(xml) {
        return;
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let Ok(doc) = roxmltree::Document::parse_with_options(xml, options) else {
        return;
    };
    for point in doc.descendants().filter(|n| is(*n, "navPoint")) {
        let label = child(point, "navLabel").map(all_text);
        let src = child(point, "content").and_then(|c| attr(c, "src"));
        if let (Some(label), Some(src)) = (label, src) {
            labels
                .entry(resolve(base, src))
                .or_insert_with(|| crate::document::web_meta::flat(&label));
        }
    }
    for link in doc.descendants().filter(|n| is(*n, "a")) {
        let in_toc = link.ancestors().any(|n| {
            is(n, "nav")
                && attr(n, "type").is_some_and(|t| t.split_whitespace().any(|t| t == "toc"))
        });
        if let (true, Some(href)) = (in_toc, attr(link, "href")) {
            labels
                .entry(resolve(base, href))
                .or_insert_with(|| crate::document::web_meta::flat(&all_text(link)));
        }
    }
}

/// The folder of a part's path inside the archive ("" at the top).
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// An href resolved against a folder of the archive: the fragment cut,
/// percent escapes decoded, `.` and `..` taken away (never above the top,
/// as some books' `../text/…` from their package's folder need).
fn resolve(base: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or_default();
    let href = percent_encoding::percent_decode_str(href).decode_utf8_lossy();
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for part in href.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn hrefs_resolve_inside_the_archive() {
        assert_eq!(
            resolve("OEBPS", "text/ch1.xhtml#p3"),
            "OEBPS/text/ch1.xhtml"
        );
        assert_eq!(
            resolve("OEBPS", "../text/titlepage.xhtml"),
            "text/titlepage.xhtml"
        );
        assert_eq!(resolve("", "../../a%20b.xhtml"), "a b.xhtml");
        assert_eq!(resolve("OPS", "/root.xhtml"), "root.xhtml");
    }
}
