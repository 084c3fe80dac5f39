//! Saved web pages (`.html`, `.htm`, `.xhtml`) to an article.
//!
//! The main text comes from `trafilatura` (a port of the Python extractor,
//! chosen by measuring it against dom_smoothie, readex, legible and
//! readabilityrs on 150 German news pages); its HTML is then walked here for
//! what a reader needs and the extractor flattens: sub-headings (h2–h4),
//! list items and quotes as such, a lead paragraph it left beside the
//! headline, "Mehr zum Thema" tails and photo credits cut. The result is
//! written as Markdown with front matter (title, date, author, outlet, URL,
//! language), so a web page becomes a Document the way a Markdown article
//! does, its text in NFC.

use scraper::{ElementRef, Html, Node, Selector};

use super::article::{Article, Block, Kind, superscript};
use super::web_clean;
use super::web_meta::{self, flat};

/// Whether bytes look like an HTML page (whatever the file is called).
#[must_use]
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
}

/// The page as Markdown with front matter: what [`super::Document`] parses.
#[must_use]
pub fn to_markdown(html: &str) -> String {
    let lean = without_heavy_parts(html);
    let html = &*flattened(&lean);
    let page = Html::parse_document(html);
    let large = (html.len() > LARGE_PAGE_BYTES)
        .then(|| sole_article(&page))
        .flatten();
    let extracted = if large.is_some() {
        None
    } else {
        let options = trafilatura::Options::default().with_fallback(true);
        trafilatura::extract(html, &options).ok()
    };
    let mut blocks = match large {
        Some(article) => element_blocks(article),
        None => extracted
            .as_ref()
            .map(|e| blocks_of(&e.content_html))
            .unwrap_or_default(),
    };
    if blocks.is_empty()
        && let Some(e) = &extracted
    {
        blocks = e
            .content_text
            .split("\n\n")
            .map(flat)
            .filter(|t| !t.is_empty())
            .map(|text| Block {
                kind: Kind::Paragraph,
                text,
            })
            .collect();
    }
    let opening = opening_date(&blocks);
    blocks = web_clean::clean(blocks, &web_clean::link_texts(&page));
    // The lead beside the headline, else the page's description where the
    // page shows it: extractors often leave the lead out. Inserted in
    // reverse, so the lead beside the headline comes first.
    for lead in [described_lead(&page), lead(&page)].into_iter().flatten() {
        if !blocks
            .iter()
            .any(|b| b.text.contains(&lead) || lead.contains(&b.text))
        {
            blocks.insert(
                0,
                Block {
                    kind: Kind::Paragraph,
                    text: lead,
                },
            );
        }
    }
    let meta = extracted.as_ref().map(|e| &e.metadata);
    let own = web_meta::page_meta(&page);
    let from_extractor = |f: fn(&trafilatura::Metadata) -> String| {
        meta.map(|m| flat(&f(m))).filter(|v| !v.is_empty())
    };
    let site = own
        .site
        .or_else(|| from_extractor(|m| m.sitename.clone()))
        .unwrap_or_default();
    let title = own
        .title
        .or_else(|| {
            from_extractor(|m| m.title.clone()).map(|t| web_meta::cut_site(&t, Some(&site)))
        })
        .unwrap_or_default();
    let date = own.date.or(opening).or_else(|| {
        meta.and_then(|m| m.date)
            .map(|d| d.format("%Y-%m-%d").to_string())
    });
    let author = own.author.or_else(|| from_extractor(|m| m.author.clone()));

    // The headline and its kicker stand above the text already; the page's
    // sub-headings are all one level below it.
    blocks.retain(|b| !(matches!(b.kind, Kind::Heading(_)) && b.text == title));
    blocks.retain(|b| Some(&b.text) != own.kicker.as_ref());
    for block in &mut blocks {
        if let Kind::Heading(_) = block.kind {
            block.kind = Kind::Heading(2);
        }
    }
    Article {
        kicker: own.kicker.unwrap_or_default(),
        updated: own
            .updated
            .filter(|u| Some(u) != date.as_ref())
            .unwrap_or_default(),
        date: date.unwrap_or_default(),
        author: author.unwrap_or_default(),
        url: meta
            .map(|m| m.url.clone())
            .filter(|u| !u.is_empty())
            .or_else(|| attribute(&page, "link[rel=canonical]", "href"))
            .unwrap_or_default(),
        language: meta
            .map(|m| m.language.clone())
            .filter(|l| !l.is_empty())
            .or_else(|| attribute(&page, "html", "lang"))
            .unwrap_or_default(),
        title,
        outlet: site,
        blocks,
        ..Article::default()
    }
    .into_markdown()
}

/// A page this large once its scripts and styles are cut is read from its
/// article element by the block walker alone: the extractor scores every
/// node and takes half a second on 2 MB of text, and when one `<article>`
/// (or `<main>`) holds most of so much text, which part is the article is
/// no question. (The largest of 150 real news pages is 0.5 MB after the cut.)
const LARGE_PAGE_BYTES: usize = 1024 * 1024;

/// The page's one article element, when it holds most of the page's text.
fn sole_article(page: &Html) -> Option<ElementRef<'_>> {
    let length = |e: ElementRef<'_>| e.text().map(str::len).sum::<usize>();
    // An `<article>` first: a `<main>` holds the teasers and comments too.
    let largest = |css: &str| {
        let selector = Selector::parse(css).ok()?;
        page.select(&selector).max_by_key(|e| length(*e))
    };
    let article = largest("article").or_else(|| largest("main, [role=main]"))?;
    let body = Selector::parse("body").ok()?;
    let whole = page.select(&body).next().map_or(0, length);
    (length(article) * 2 > whole).then_some(article)
}

/// An attribute of the first element a selector finds, when not blank.
fn attribute(page: &Html, css: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(css).ok()?;
    page.select(&selector)
        .find_map(|e| e.value().attr(name))
        .map(flat)
        .filter(|v| !v.is_empty())
}

/// The page without what holds no article text but most of a large page's
/// bytes: scripts (JSON-LD kept, the metadata reads it), styles, inline
/// SVG and comments. Both HTML parsers after this (the extractor's and the
/// block walker's) then read a fraction of the page. Written by hand: a
/// scan for a few tags with `memchr`, no parser (that is what it saves).
fn without_heavy_parts(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    // Each step either moves past a whole construct or one byte; a construct
    // that is never closed runs to the end, as in a browser, so no part of
    // the page is scanned twice.
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start..];
        let end = if rest.starts_with(b"<!--") {
            Some(
                memchr::memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |e| start + 4 + e + 3),
            )
        } else {
            heavy_element_end(rest).map(|len| start + len)
        };
        match end {
            Some(end) => {
                out.push_str(&html[copied..start]);
                out.push(' ');
                copied = end;
                at = end;
            }
            None => at = start + 1,
        }
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// How long the script, style or SVG element at the start of `rest` is
/// (with its closing tag); `None` for any other tag, and for JSON-LD.
fn heavy_element_end(rest: &[u8]) -> Option<usize> {
    let tag = ["script", "style", "svg"].into_iter().find(|tag| {
        rest.get(1..=tag.len())
            .is_some_and(|open| open.eq_ignore_ascii_case(tag.as_bytes()))
            && matches!(
                rest.get(tag.len() + 1),
                Some(b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/')
            )
    })?;
    let Some(head_end) = memchr::memchr(b'>', rest) else {
        // A tag that never ends: the rest is not text.
        return Some(rest.len());
    };
    let head = &rest[..head_end];
    if tag == "script" && memchr::memmem::find(&head.to_ascii_lowercase(), b"ld+json").is_some() {
        return None;
    }
    if head.ends_with(b"/") {
        // `<svg … />`: nothing inside.
        return Some(head_end + 1);
    }
    let close = format!("</{tag}");
    let body = &rest[head_end..];
    let Some(close_at) = find_ignore_case(body, close.as_bytes()) else {
        // Never closed: a script or style runs to the end, as in a browser;
        // an SVG only loses its tag.
        return Some(if tag == "svg" {
            head_end + 1
        } else {
            rest.len()
        });
    };
    let after = memchr::memchr(b'>', &body[close_at..]).map_or(body.len() - close_at, |a| a + 1);
    Some(head_end + close_at + after)
}

/// How deep elements may nest before their tags are dropped (their text
/// kept): real pages stay far below; a page of 50 000 nested spans would
/// overflow the stack of the extractor, which walks the tree recursively.
const MAX_NESTING: usize = 400;

/// Elements that are never closed (void) or whose end tag may be left out:
/// not counted as nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// The page with the tags of elements nested beyond [`MAX_NESTING`]
/// dropped, their text kept; the page itself when it nests less (nearly
/// always: one pass over the tags, nothing copied).
fn flattened(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    // The tags: (start, end, name, closing, self-closed).
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let Some(len) = memchr::memchr(b'>', &bytes[start..]) else {
            break;
        };
        let end = start + len + 1;
        let inner = &html[start + 1..end - 1];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        at = end;
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let self_closed = inner.ends_with('/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed {
            depth += 1;
            deepest = deepest.max(depth);
        }
        tags.push((start, end, closing, self_closed));
    }
    if deepest <= MAX_NESTING {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut depth = 0usize;
    for (start, end, closing, self_closed) in tags {
        let drop = if closing {
            let deep = depth > MAX_NESTING;
            depth = depth.saturating_sub(1);
            deep
        } else if self_closed {
            depth >= MAX_NESTING
        } else {
            depth += 1;
            depth > MAX_NESTING
        };
        if drop {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Where `needle` (lower-case ASCII) first stands in `hay`, case aside.
fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut at = 0;
    while let Some(i) = memchr::memchr2(*first, first.to_ascii_uppercase(), &hay[at..]) {
        let i = at + i;
        if hay
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Block elements: each starts a new block of text.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "ul",
    "ol",
    "main",
    "br",
    "hr",
    "list",
    "item",
    "head",
    "quote",
    "code",
    "row",
    "cell",
];

/// The blocks of the extractor's HTML, in order, each with its kind.
fn blocks_of(fragment: &str) -> Vec<Block> {
    let doc = Html::parse_fragment(fragment);
    element_blocks(doc.root_element())
}

/// The blocks under an element, in order, each with its kind: headings with
/// their level, list items, quotes, and the notes of an e-book (EPUB's
/// `footnote`/`endnote` asides and sections); scripts, styles, the head and
/// a note's link back to its mark are left out.
pub(super) fn element_blocks(root: ElementRef<'_>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    walk(root, Kind::Paragraph, 0, &mut blocks, &mut current);
    flush(&mut blocks, &mut current, Kind::Paragraph);
    blocks
}

/// Elements nested deeper than this are read as plain text: a page of
/// 50 000 nested spans must not overflow the stack.
const MAX_DEPTH: usize = 200;

/// Elements whose text is not the article's.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg"];

fn kind_of(element: &scraper::node::Element, inherited: Kind) -> Kind {
    if inherited == Kind::Note {
        return Kind::Note;
    }
    let name = element.name();
    if let Some(level) = name
        .strip_prefix('h')
        .and_then(|n| n.parse::<u8>().ok())
        .filter(|n| (1..=6).contains(n))
    {
        return Kind::Heading(level);
    }
    let semantics = [element.attr("epub:type"), element.attr("role")];
    let is_note = semantics.iter().flatten().any(|s| {
        s.split_whitespace().any(|t| {
            matches!(
                t,
                "footnote" | "footnotes" | "endnote" | "endnotes" | "rearnote" | "rearnotes"
            ) || t.starts_with("doc-endnote")
                || t.starts_with("doc-footnote")
        })
    });
    if is_note {
        return Kind::Note;
    }
    match name {
        "head" => Kind::Heading(2),
        "li" | "item" | "dd" | "dt" => Kind::Item,
        "blockquote" | "quote" => Kind::Quote,
        _ => inherited,
    }
}

/// A note's link back to where it is referred to ("↩").
fn is_back_link(element: &scraper::node::Element) -> bool {
    element.name() == "a"
        && (element.attr("role") == Some("doc-backlink")
            || element
                .attr("class")
                .is_some_and(|c| c.split_whitespace().any(|c| c == "footnote-back")))
}

/// A link to a note, showing its number (an e-book's `noteref`).
fn is_note_ref(element: &scraper::node::Element) -> bool {
    element.name() == "a"
        && (element.attr("role") == Some("doc-noteref")
            || element
                .attr("epub:type")
                .is_some_and(|t| t.split_whitespace().any(|t| t == "noteref")))
}

fn walk(
    element: ElementRef<'_>,
    kind: Kind,
    depth: usize,
    blocks: &mut Vec<Block>,
    current: &mut String,
) {
    if depth > MAX_DEPTH {
        // `text()` walks the subtree without recursion.
        current.extend(element.text());
        return;
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) || is_back_link(e) {
                    continue;
                }
                if is_note_ref(e)
                    && let Some(link) = ElementRef::wrap(child)
                {
                    let mark = flat(&link.text().collect::<String>());
                    match mark.parse::<usize>() {
                        Ok(n) => current.push_str(&superscript(n)),
                        Err(_) => current.push_str(&mark),
                    }
                    continue;
                }
                let block = BLOCKS.contains(&name) || name == "aside";
                let inner = kind_of(e, kind);
                if block {
                    flush(blocks, current, kind);
                }
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, inner, depth + 1, blocks, current);
                }
                if block {
                    flush(blocks, current, inner);
                }
            }
            _ => {}
        }
    }
}

fn flush(blocks: &mut Vec<Block>, current: &mut String, kind: Kind) {
    let text = flat(current);
    current.clear();
    if text.is_empty() {
        return;
    }
    // A heading as long as a paragraph is a paragraph set in bold.
    let kind = match kind {
        Kind::Heading(_) if text.chars().count() > 160 => Kind::Paragraph,
        other => other,
    };
    blocks.push(Block { kind, text });
}

/// Class names that mark a lead (teaser) paragraph.
const LEAD_CLASSES: &[&str] = &[
    "intro",
    "teaser",
    "abstract",
    "lead",
    "excerpt",
    "chapo",
    "standfirst",
    "summary",
    "vorspann",
    "kurztext",
    "subtitle",
    "subline",
    "description",
    "header__text",
    "einleitung",
];

/// The lead paragraph beside the headline, which extractors often leave out:
/// an element with a lead-like class among the headline's next siblings.
fn lead(page: &Html) -> Option<String> {
    let h1 = Selector::parse("h1").ok()?;
    let h1 = page
        .select(&h1)
        .find(|h| flat(&h.text().collect::<String>()).split(' ').count() >= 2)?;
    let mut scopes = vec![h1];
    if let Some(parent) = h1.parent().and_then(ElementRef::wrap) {
        scopes.push(parent);
        if let Some(grand) = parent.parent().and_then(ElementRef::wrap) {
            scopes.push(grand);
        }
    }
    for scope in scopes {
        for sibling in scope.next_siblings().filter_map(ElementRef::wrap).take(4) {
            let candidates =
                std::iter::once(sibling).chain(sibling.descendants().filter_map(ElementRef::wrap));
            for element in candidates {
                let class = element
                    .value()
                    .attr("class")
                    .unwrap_or_default()
                    .to_lowercase();
                let is_lead = LEAD_CLASSES.iter().any(|k| class.contains(k))
                    || element.value().attr("itemprop") == Some("description");
                if !is_lead {
                    continue;
                }
                let text = flat(&element.text().collect::<String>());
                if (40..=1200).contains(&text.len()) {
                    return Some(text);
                }
            }
        }
    }
    None
}

/// A date the article opens with ("29.11.2022 – Der Rat …", a line
/// "2021-10-16 | Meldung"): where the page gives no date in its markup,
/// this is its date, surer than the extractor's guess from the whole page.
fn opening_date(blocks: &[Block]) -> Option<String> {
    blocks.iter().take(3).find_map(|b| {
        let head: String = b.text.chars().take(12).collect();
        let at_start = head.chars().next().is_some_and(|c| c.is_ascii_digit());
        at_start.then(|| web_meta::ymd(&head)).flatten()
    })
}

/// The page's description (`og:description`, `description`) where the
/// page also shows it: the text of the block element that starts with it.
/// Pages put their lead there, and it is then the lead even where it
/// stands far from the headline, where [`lead`] does not look.
fn described_lead(page: &Html) -> Option<String> {
    let description = web_meta::meta_content(page, &["og:description", "description"])?;
    // Some pages put HTML into the description.
    let description = flat(&without_tags(&description));
    let probe: String = description.chars().take(40).collect();
    if description.chars().count() < 60 {
        return None;
    }
    let body = page.select(&Selector::parse("body").ok()?).next()?;
    for node in body.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let text = flat(text);
        if text.chars().count() < 20
            || !description.starts_with(&text.chars().take(40).collect::<String>())
        {
            continue;
        }
        // The nearest block around it, as long as it is the description's
        // own (not a whole column that happens to start with it).
        let Some(block) = node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| BLOCKS.contains(&e.value().name()))
        else {
            continue;
        };
        let shown = flat(&block.text().collect::<String>());
        // A description cut short ("…") stands for a longer lead; a whole
        // one is the lead, and what follows it in the block (a photo
        // credit, say) is not.
        let whole = description.ends_with(['.', '!', '?', '"', '“', '«']);
        if whole && shown.starts_with(&description) {
            return Some(description);
        }
        if shown.starts_with(&probe) && shown.len() <= description.len() * 3 / 2 + 40 {
            return Some(shown);
        }
    }
    None
}

/// Text with anything between `<` and `>` taken out.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '<' => inside = true,
            '>' if inside => {
                inside = false;
                out.push(' ');
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_suffix_is_cut_from_the_title() {
        use web_meta::cut_site;
        assert_eq!(
            cut_site(
                "Bündnis beginnt mit Abzug | tagesschau.de",
                Some("tagesschau.de")
            ),
            "Bündnis beginnt mit Abzug"
        );
        assert_eq!(
            cut_site("Kasachstan: Bündnis zieht ab - DER SPIEGEL", None),
            "Kasachstan: Bündnis zieht ab"
        );
        assert_eq!(
            cut_site(
                "Krieg und Frieden - ein Roman in vier Bänden über Russland",
                None
            ),
            "Krieg und Frieden - ein Roman in vier Bänden über Russland"
        );
    }

    #[test]
    fn scripts_styles_and_comments_go_before_extraction_json_ld_stays() {
        let page = "<html><head><STYLE>p{x:1}</STYLE><script src=a.js></script>\
            <script type=\"application/ld+json\">{\"a\":1}</script></head>\
            <body><!-- <p>alt</p> --><svg><text>Icon</text></svg><p>Text <scripty></p>\
            <script>var s = \"</p>\";</script></body></html>";
        let lean = without_heavy_parts(page);
        assert_eq!(
            lean,
            "<html><head>  <script type=\"application/ld+json\">{\"a\":1}</script></head>\
             <body>  <p>Text <scripty></p> </body></html>"
        );
        assert_eq!(
            without_heavy_parts("<p>kein Skript</p>"),
            "<p>kein Skript</p>"
        );
        // An unclosed script runs to the end, as in a browser; an
        // unclosed SVG only loses its tag, a self-closed one is one tag.
        assert_eq!(
            without_heavy_parts("<p>a</p><script>x<p>b</p>"),
            "<p>a</p> "
        );
        assert_eq!(without_heavy_parts("<svg><p>b</p>"), " <p>b</p>");
        assert_eq!(without_heavy_parts("<svg/><p>b</p>"), " <p>b</p>");
        assert_eq!(without_heavy_parts("<p>c</p><!-- offen"), "<p>c</p> ");
    }

    #[test]
    fn odd_markup_is_read_in_one_pass_and_deep_nesting_does_not_overflow() {
        // Unclosed tags by the ten thousand: the first runs to the end.
        let page = format!("<p>vorn</p>{}", "<style x<script y".repeat(20_000));
        assert_eq!(without_heavy_parts(&page), "<p>vorn</p> ");
        let deep = format!(
            "<html><body><article><p>{}Ein Satz im tiefsten Innern.{}</p></article></body></html>",
            "<span>".repeat(50_000),
            "</span>".repeat(50_000)
        );
        let doc = crate::document::Document::parse(&deep, crate::document::TextFormat::Html);
        assert!(doc.text().contains("tiefsten Innern"), "{}", doc.text());
    }

    #[test]
    fn the_description_the_page_shows_is_the_lead_one_it_hides_is_not() {
        let shown = Html::parse_document(
            "<html><head><meta name=\"description\" content=\"Der Rat hat den Radweg am \
             Fluss beschlossen, nach langem Streit um die Parkplätze.\"></head><body>\
             <div class=\"x\"><p>Der Rat hat den Radweg am Fluss beschlossen, nach langem \
             Streit um die Parkplätze. Foto: Muster</p></div></body></html>",
        );
        assert_eq!(
            described_lead(&shown).as_deref(),
            Some(
                "Der Rat hat den Radweg am Fluss beschlossen, nach langem Streit um die Parkplätze."
            )
        );
        let hidden = Html::parse_document(
            "<html><head><meta name=\"description\" content=\"Der Rat hat den Radweg am \
             Fluss beschlossen, nach langem Streit um die Parkplätze.\"></head><body>\
             <p>Ganz anderer Text.</p></body></html>",
        );
        assert_eq!(described_lead(&hidden), None);
    }

    #[test]
    fn a_date_the_text_opens_with_dates_it() {
        let para = |t: &str| Block {
            kind: Kind::Paragraph,
            text: t.to_owned(),
        };
        assert_eq!(
            opening_date(&[para("29.11.2022 – Der Rat hat entschieden.")]).as_deref(),
            Some("2022-11-29")
        );
        assert_eq!(
            opening_date(&[para("Der Rat hat am 29.11.2022 entschieden.")]),
            None
        );
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<html lang=\"de\">"));
        assert!(!looks_like_html(b"Ein Text <b>mit</b> Markup."));
    }
}
