//! Zotero's annotation notes as Markdown: out in the shape Zotero's *Note
//! Markdown* export gives a note made with *Add Note from Annotations*, and
//! back in from that shape (see [`super`] for what is written and read).
//!
//! ```text
//! # Anmerkungen (2026-12-02)
//!
//! ## Kasachstan: Militärbündnis beginnt mit Abzug
//!
//! <mark style="background-color: #ffd400" data-date="2022-01-13T10:00:00Z">“Das von Russland angeführte Militärbündnis sieht seine Mission erfüllt”</mark> (“Kasachstan …”, 2022, para. 1) Erfolg behauptet. #OVKS
//! ```

use super::{Highlight, Paragraphs, Read, colour_of_hex, hashtags, place_of, split_tags, tags_of};
use crate::annotation::{Annotation, Colour, Timestamp};
use crate::export::Input;
use crate::i18n::{fill, tr_hl};

/// Zotero's eight highlight colours, as its note templates name them.
pub const COLOURS: [(Colour, &str); 8] = [
    (Colour::Yellow, "#ffd400"),
    (Colour::Red, "#ff6666"),
    (Colour::Green, "#5fb236"),
    (Colour::Blue, "#2ea8e5"),
    (Colour::Purple, "#a28ae5"),
    (Colour::Pink, "#e56eee"),
    (Colour::Orange, "#f19837"),
    (Colour::Grey, "#aaaaaa"),
];

/// Zotero's hex value of a colour.
#[must_use]
pub fn hex(colour: Colour) -> &'static str {
    COLOURS
        .iter()
        .find(|(c, _)| *c == colour)
        .map_or("#ffd400", |(_, h)| h)
}

/// The session as a Zotero note in Markdown.
#[must_use]
pub fn export(input: &Input<'_>) -> String {
    let mut out = title();
    document(&mut out, input);
    out
}

/// Several sessions (a project's documents) as one note: a `##` heading
/// per document, as Zotero heads the highlights of each item in a note
/// made from several.
#[must_use]
pub fn export_many(inputs: &[Input<'_>]) -> String {
    let mut out = title();
    for input in inputs {
        document(&mut out, input);
    }
    out
}

fn title() -> String {
    let date = crate::annotation::now().strftime("%Y-%m-%d");
    format!("# {} ({date})\n\n", tr_hl().zotero_title)
}

fn document(out: &mut String, input: &Input<'_>) {
    let paragraphs = Paragraphs::of(input.document);
    out.push_str(&format!(
        "## {}\n\n",
        escape(input.document.title_or_default())
    ));
    for a in input.in_order() {
        out.push_str(&paragraph(input, &paragraphs, a));
        out.push_str("\n\n");
    }
}

/// One highlight as Zotero's default template writes it: the quote in
/// quotation marks, the citation, the comment, the tags.
fn paragraph(input: &Input<'_>, paragraphs: &Paragraphs, a: &Annotation) -> String {
    let (number, _) = place_of(input, paragraphs, a);
    let mut line = format!(
        "<mark style=\"background-color: {}\" data-date=\"{}\">“{}”</mark> ({})",
        hex(a.colour),
        a.created,
        escape(a.quote()),
        citation(input, number)
    );
    if !a.note.trim().is_empty() {
        line.push(' ');
        line.push_str(&escape(a.note.trim()));
    }
    let tags = tags_of(input, a);
    if !tags.is_empty() {
        line.push(' ');
        line.push_str(&hashtags(&tags));
    }
    line
}

/// `Author, Year, para. N` as Zotero formats a citation (the title in
/// quotation marks where no author is known).
fn citation(input: &Input<'_>, paragraph: Option<usize>) -> String {
    let meta = input.document.meta();
    let mut parts = vec![
        match meta.author.as_deref().filter(|a| !a.trim().is_empty()) {
            Some(author) => escape_cited(author),
            None => format!("“{}”", escape_cited(input.document.title_or_default())),
        },
    ];
    if let Some(year) = meta
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .filter(|y| y.chars().all(|c| c.is_ascii_digit()))
    {
        parts.push(year.to_owned());
    }
    if let Some(n) = paragraph {
        parts.push(format!("para. {n}"));
    }
    parts.join(", ")
}

/// Text as Markdown that reads back as the same text: every char Markdown
/// (or HTML in it) could take for markup escaped, line breaks as `<br>`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// [`escape`], and parentheses too: the citation is read as a balanced group.
fn escape_cited(text: &str) -> String {
    escape(text).replace('(', "\\(").replace(')', "\\)")
}

/// Opening quotation marks, in the languages Zotero writes notes in.
const OPENING: &[char] = &['“', '„', '«', '»', '‚', '‘', '"', '‹', '›', '「', '『', '”'];
/// Closing quotation marks.
const CLOSING: &[char] = &['”', '“', '»', '«', '’', '‘', '"', '›', '‹', '」', '』'];

/// True when `text` looks like a Zotero note: a paragraph that opens with a
/// quotation mark (perhaps inside `<mark>` or a blockquote) and closes it.
#[must_use]
pub fn looks_like(text: &str) -> bool {
    text.lines().any(|line| {
        let (_, rest) = opening_tags(line.trim_start().trim_start_matches('>').trim_start());
        let mut chars = rest.chars();
        chars.next().is_some_and(|c| OPENING.contains(&c)) && chars.as_str().contains(CLOSING)
    })
}

/// One block of the Markdown: a heading, a rule, a blockquote or a paragraph.
enum Block {
    Heading(usize, String),
    Rule,
    Quote(String),
    Paragraph(String),
}

/// The blocks of a Markdown text, in order.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |lines: &mut Vec<&str>, out: &mut Vec<Block>| {
        if lines.is_empty() {
            return;
        }
        if lines.iter().all(|l| l.trim_start().starts_with('>')) {
            let inner: Vec<&str> = lines
                .iter()
                .map(|l| {
                    let l = l.trim_start().trim_start_matches('>');
                    l.strip_prefix(' ').unwrap_or(l)
                })
                .collect();
            out.push(Block::Quote(join_lines(&inner)));
        } else {
            out.push(Block::Paragraph(join_lines(lines)));
        }
        lines.clear();
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut lines, &mut out);
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            flush(&mut lines, &mut out);
            out.push(Block::Heading(hashes, trimmed[hashes..].trim().to_owned()));
            continue;
        }
        if is_rule(trimmed) && lines.is_empty() {
            out.push(Block::Rule);
            continue;
        }
        lines.push(line);
    }
    flush(&mut lines, &mut out);
    out
}

fn is_rule(line: &str) -> bool {
    let marks: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| marks.chars().all(|c| c == m))
}

/// A paragraph's lines as one: a hard break (two spaces or a backslash at
/// the line's end) as `<br>`, a soft one as a space.
fn join_lines(lines: &[&str]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let hard = line.ends_with("  ") || (line.ends_with('\\') && !line.ends_with("\\\\"));
        let text = line.trim_end();
        let text = if hard && text.ends_with('\\') {
            &text[..text.len() - 1]
        } else {
            text
        };
        out.push_str(if i == 0 { text } else { text.trim_start() });
        if !last {
            out.push_str(if hard { "<br>" } else { " " });
        }
    }
    out
}

/// What the HTML tags in front of a highlight say.
#[derive(Default)]
struct Tags {
    colour: Option<Colour>,
    unknown_colour: Option<String>,
    created: Option<Timestamp>,
    /// How many tags were opened (to be closed after the quote).
    opened: usize,
}

/// The `<mark>` and `<span>` tags a paragraph opens with, and the rest.
fn opening_tags(text: &str) -> (Tags, &str) {
    let mut tags = Tags::default();
    let mut rest = text;
    loop {
        let lower = rest.get(..6).unwrap_or(rest).to_ascii_lowercase();
        if !(lower.starts_with("<mark") || lower.starts_with("<span")) {
            break;
        }
        let Some(end) = rest.find('>') else { break };
        read_attributes(&rest[5..end], &mut tags);
        tags.opened += 1;
        rest = &rest[end + 1..];
    }
    (tags, rest)
}

/// The colour and date in a tag's attributes: `style`'s background colour,
/// `data-date`, Zotero's `data-annotation` (percent-encoded JSON).
fn read_attributes(attributes: &str, tags: &mut Tags) {
    let mut rest = attributes;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq]
            .trim()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = after[1..].find(quote) else {
            break;
        };
        let value = decode_entities(&after[1..=close]);
        rest = &after[close + 2..];
        match name.to_ascii_lowercase().as_str() {
            "style" => {
                if let Some(hex) = background(&value) {
                    set_colour(tags, &hex);
                }
            }
            "data-date" => tags.created = value.parse().ok(),
            "data-annotation" => {
                let json = percent_encoding::percent_decode_str(&value).decode_utf8_lossy();
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json)
                    && let Some(hex) = v.get("color").and_then(|c| c.as_str())
                    && tags.colour.is_none()
                {
                    set_colour(tags, hex);
                }
            }
            _ => {}
        }
    }
}

fn set_colour(tags: &mut Tags, hex: &str) {
    match colour_of_hex(hex, &COLOURS) {
        Some(c) => tags.colour = Some(c),
        None => tags.unknown_colour = Some(hex.to_owned()),
    }
}

/// The `#rrggbb` of `background-color:` (or `background:`) in a style.
fn background(style: &str) -> Option<String> {
    style.split(';').find_map(|decl| {
        let (name, value) = decl.split_once(':')?;
        let name = name.trim().to_ascii_lowercase();
        (name == "background-color" || name == "background")
            .then(|| value.trim())
            .filter(|v| v.starts_with('#'))
            .map(str::to_owned)
    })
}

/// Reads the highlights of a Zotero note in Markdown.
#[must_use]
pub fn read(text: &str) -> Read {
    let text = text.replace("\r\n", "\n");
    let blocks = blocks(&text);
    let mut read = Read::default();
    let mut title: Option<String> = None;
    let mut had_h2 = false;
    let mut after_h1 = false;
    let mut number = 0;
    let mut i = 0;
    while i < blocks.len() {
        let block = &blocks[i];
        i += 1;
        match block {
            Block::Heading(level, text) => {
                after_h1 = *level == 1;
                if *level == 2 || (*level == 3 && !had_h2) {
                    had_h2 |= *level == 2;
                    title = Some(inline_text(text));
                }
            }
            Block::Rule => after_h1 = false,
            Block::Quote(quote) => {
                after_h1 = false;
                number += 1;
                let quote = quote.trim();
                let quote = match (
                    quote
                        .strip_prefix(OPENING)
                        .and_then(|q| q.strip_suffix(CLOSING)),
                    quote.starts_with(OPENING),
                ) {
                    (Some(inner), true) => inner,
                    _ => quote,
                };
                let mut h = Highlight {
                    quote: inline_text(quote),
                    source_title: title.clone(),
                    ..Highlight::default()
                };
                if let Some(Block::Paragraph(next)) = blocks.get(i)
                    && next.trim_start().starts_with('(')
                {
                    i += 1;
                    number += 1;
                    after_quote(next, &mut h);
                }
                read.highlights.push(h);
            }
            Block::Paragraph(text) => {
                let date_line = after_h1 && text.starts_with('(') && text.ends_with(')');
                after_h1 = false;
                if date_line {
                    continue;
                }
                number += 1;
                match highlight(text) {
                    Some(mut h) => {
                        h.source_title.clone_from(&title);
                        read.highlights.push(h);
                    }
                    None => read.skipped.push(fill(
                        tr_hl().no_quote,
                        &[
                            ("n", &number),
                            ("text", &crate::export::excerpt(&inline_text(text), 60)),
                        ],
                    )),
                }
            }
        }
    }
    read
}

/// A paragraph as a highlight: `“quote” (citation) comment #tags`, the
/// quote perhaps in `<mark>` or `<span>`.
fn highlight(text: &str) -> Option<Highlight> {
    let (tags, rest) = opening_tags(text.trim());
    let open = rest.chars().next().filter(|c| OPENING.contains(c))?;
    let inner = &rest[open.len_utf8()..];
    let (quote, after) = if tags.opened > 0 {
        let lower = inner.to_ascii_lowercase();
        let close = ["</mark>", "</span>"]
            .iter()
            .filter_map(|t| lower.find(t))
            .min()?;
        let mut after = &inner[close..];
        for _ in 0..tags.opened {
            let lower = after.to_ascii_lowercase();
            if lower.starts_with("</mark>") || lower.starts_with("</span>") {
                after = &after[7..];
            }
        }
        let quote = inner[..close].trim_end();
        let quote = quote
            .strip_suffix(|c: char| CLOSING.contains(&c))
            .unwrap_or(quote);
        (quote, after)
    } else {
        let close = quote_end(inner)?;
        let mark = inner[close..].chars().next().map_or(1, char::len_utf8);
        (&inner[..close], &inner[close + mark..])
    };
    let mut h = Highlight {
        quote: inline_text(quote),
        colour: tags.colour,
        unknown_colour: tags.unknown_colour,
        created: tags.created,
        ..Highlight::default()
    };
    after_quote(after, &mut h);
    Some(h)
}

/// Where the quote of an unmarked paragraph ends: the first closing mark
/// followed by a citation, else the first one followed by a space or the end.
fn quote_end(inner: &str) -> Option<usize> {
    let closes: Vec<usize> = inner
        .char_indices()
        .filter(|(i, c)| {
            CLOSING.contains(c)
                && inner[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect();
    closes
        .iter()
        .copied()
        .find(|&i| {
            let mark = inner[i..].chars().next().map_or(1, char::len_utf8);
            inner[i + mark..].trim_start().starts_with('(')
        })
        .or_else(|| closes.first().copied())
}

/// The citation, the app links and the comment after a quote.
fn after_quote(text: &str, h: &mut Highlight) {
    let mut rest = text.trim_start();
    if rest.starts_with('(')
        && let Some(end) = group_end(rest)
    {
        read_locator(&rest[1..end], h);
        rest = rest[end + 1..].trim_start();
        // Zotero's link to the PDF: ([pdf](zotero://open-pdf/…?page=3&…)).
        while rest.starts_with('(')
            && let Some(end) = group_end(rest)
            && rest[..end].contains("zotero://")
        {
            if h.page.is_none()
                && let Some(page) = rest[..end]
                    .split(['?', '&'])
                    .find_map(|p| p.strip_prefix("page="))
                    .and_then(leading_number)
            {
                h.page = Some((page, None));
            }
            rest = rest[end + 1..].trim_start();
        }
    }
    let (comment, tags) = split_tags(rest);
    h.note = inline_text(comment).trim().to_owned();
    h.tags = tags.iter().map(|t| unescape(t)).collect();
}

/// The byte index of the `)` closing the group `text` opens, skipping
/// escaped parentheses.
fn group_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A citation's locator: `p. 3`, `para. 3`, `S. 3`, `Abs. 3` at its end.
fn read_locator(citation: &str, h: &mut Highlight) {
    let text = inline_text(citation);
    let Some(last) = text.rsplit([',', ';']).next() else {
        return;
    };
    let last = last.trim();
    let Some((label, number)) = last.split_once(|c: char| c == '.' || c.is_whitespace()) else {
        return;
    };
    let Some(n) = leading_number(number.trim_start_matches(['.', ' '])) else {
        return;
    };
    match label.to_ascii_lowercase().as_str() {
        "para" | "paras" | "abs" | "absatz" | "¶" => h.paragraph = Some(n),
        "p" | "pp" | "s" | "page" | "seite" => h.page = Some((n, None)),
        _ => {}
    }
}

fn leading_number(text: &str) -> Option<usize> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Markdown (and the HTML in it) as the text it shows: escapes resolved,
/// `<br>` as a line break, entities decoded, other tags, emphasis marks and
/// link targets left out.
fn inline_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some(&(_, next)) if next.is_ascii_punctuation() => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push('\\'),
            },
            '<' => {
                let rest = &text[i..];
                let lower = rest.get(..6).unwrap_or(rest).to_ascii_lowercase();
                let is_tag = rest[1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_alphabetic() || n == '/');
                match rest.find('>').filter(|_| is_tag) {
                    Some(end) => {
                        if lower.starts_with("<br") {
                            out.push('\n');
                        }
                        while chars.peek().is_some_and(|&(j, _)| j <= i + end) {
                            chars.next();
                        }
                    }
                    None => out.push('<'),
                }
            }
            '&' => {
                let rest = &text[i..];
                match rest
                    .find(';')
                    .filter(|&e| e <= 10)
                    .and_then(|e| entity(&rest[1..e]).map(|c| (c, e)))
                {
                    Some((decoded, end)) => {
                        out.push(decoded);
                        while chars.peek().is_some_and(|&(j, _)| j <= i + end) {
                            chars.next();
                        }
                    }
                    None => out.push('&'),
                }
            }
            '*' | '_' => {}
            ']' if text[i + 1..].starts_with('(') => {
                // A link's target: `[text](url)` shows as its text.
                if let Some(end) = group_end(&text[i + 1..]) {
                    while chars.peek().is_some_and(|&(j, _)| j <= i + 1 + end) {
                        chars.next();
                    }
                }
            }
            '[' => {}
            c => out.push(c),
        }
    }
    out
}

/// Backslash escapes resolved, nothing else: a tag's `\_` is its `_`.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next)) if next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The char an HTML entity names (`amp`, `#39`, `#x27`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn decode_entities(text: &str) -> String {
    if text.contains('&') {
        let mut out = String::new();
        let mut rest = text;
        while let Some(amp) = rest.find('&') {
            out.push_str(&rest[..amp]);
            let after = &rest[amp..];
            match after
                .find(';')
                .filter(|&e| e <= 10)
                .and_then(|e| entity(&after[1..e]).map(|c| (c, e)))
            {
                Some((c, e)) => {
                    out.push(c);
                    rest = &after[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &after[1..];
                }
            }
        }
        out.push_str(rest);
        out
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_reads_back_as_itself() {
        let text = "a*b_c [d] <br> & #3 \\ ~x~ | (e)\nzweite Zeile";
        assert_eq!(inline_text(&escape(text)), text);
        assert_eq!(
            inline_text(&escape_cited("Titel (Teil 1)")),
            "Titel (Teil 1)"
        );
    }

    #[test]
    fn zoteros_own_paragraph_is_read() {
        let h = highlight(
            "“Die Truppen \\[der OVKS\\] ziehen ab” ([Meier, 2022, p. 3](zotero://select/library/items/ABCD1234)) ([pdf](zotero://open-pdf/library/items/EFGH5678?page=3&annotation=IJKL9012)) Wichtig.  #OVKS #Abzug",
        )
        .unwrap();
        assert_eq!(h.quote, "Die Truppen [der OVKS] ziehen ab");
        assert_eq!(h.note, "Wichtig.");
        assert_eq!(h.tags, ["OVKS", "Abzug"]);
        assert_eq!(h.page, Some((3, None)));
        assert_eq!(h.colour, None);
    }

    #[test]
    fn colours_come_from_mark_span_or_data_annotation() {
        let h = highlight("<mark style=\"background-color: #5fb236\">“grün”</mark> (X)").unwrap();
        assert_eq!(h.colour, Some(Colour::Green));
        let h = highlight(
            "<span class=\"highlight\" data-annotation=\"%7B%22color%22%3A%22%23e56eee%22%7D\">„rosa“</span> (X, S. 2) Kommentar",
        )
        .unwrap();
        assert_eq!(h.colour, Some(Colour::Pink));
        assert_eq!(h.quote, "rosa");
        assert_eq!(h.note, "Kommentar");
        assert_eq!(h.page, Some((2, None)));
    }
}
