//! Blocks to metadata and sections.
//!
//! First the header is taken off the top (the `date … Stand: …` line, front
//! matter, a title line, a lone "Stand:" line); then every other block is
//! classified in order, each with its neighbours in view, and sections are cut
//! at the headings. The lead is the first prose paragraph under the title.

use super::blocks::{Block, split_blocks};
use super::classify::{self, Context, Role};
use super::meta::{HeaderFields, parse_date_line, parse_front_matter, split_stand};
use super::offsets::CharRange;
use super::reflow::Layout;
use super::transcript::{self, Speaker};
use super::{Heading, Meta, Paragraph, Section, TextFormat};

/// A lead longer than this is the first paragraph of a text, not a teaser.
const MAX_LEAD_CHARS: usize = 800;
/// A title line longer than this is prose.
const MAX_TITLE_CHARS: usize = 160;
/// Only blocks up to this size are checked for being boilerplate.
const MAX_ASIDE_CHARS: usize = 300;
/// An inner line this wide means the paragraph was wrapped by hand.
const WRAPPED_LINE_CHARS: usize = 40;
/// Leading spaces of a centred line in a reflowed book (see `reflow`).
const CENTRED_INDENT: usize = 8;

/// One classified block of the body.
enum Item {
    Heading {
        heading: Heading,
        block_start: usize,
        speaker: Option<Speaker>,
    },
    Paragraph(Paragraph),
    /// A former page or scene break of a book: a new section without heading.
    Break,
}

/// Parses normalised text into metadata and sections.
pub(super) fn parse(text: &str, format: TextFormat, layout: Layout) -> (Meta, Vec<Section>) {
    let mut meta = Meta::default();
    let markdown = format.is_markdown();
    // Front matter only in Markdown: two `---` rules in a plain text are rules.
    let front = markdown.then(|| parse_front_matter(text)).flatten();
    let skip = front.as_ref().map_or(0, |(_, bytes)| *bytes);
    if let Some((fields, fm_bytes)) = front {
        meta.header
            .push(CharRange::new(0, text[..fm_bytes].chars().count()));
        merge(&mut meta, fields);
    }
    let blocks = split_blocks(text, skip, markdown);

    let body_start = take_header(text, &blocks, &mut meta);
    let body = &blocks[body_start..];
    let items = if layout == Layout::Transcript {
        classify_turns(text, body)
    } else {
        classify_body(text, body, format, layout, meta.title.is_some())
    };
    (meta, sections(items))
}

fn merge(meta: &mut Meta, fields: HeaderFields) {
    meta.title = meta.title.take().or(fields.title);
    meta.kicker = meta.kicker.take().or(fields.kicker);
    meta.date = meta.date.take().or(fields.date);
    meta.stand = meta.stand.take().or(fields.stand);
    meta.author = meta.author.take().or(fields.author);
    meta.outlet = meta.outlet.take().or(fields.outlet);
    meta.url = meta.url.take().or(fields.url);
    meta.language = meta.language.take().or(fields.language);
}

fn block_text<'t>(text: &'t str, block: &Block) -> &'t str {
    &text[block.bytes.as_std()]
}

/// Moves header blocks into `meta`; returns the index of the first body block.
fn take_header(text: &str, blocks: &[Block], meta: &mut Meta) -> usize {
    let mut next = 0;
    if let Some(first) = blocks.first()
        && first.lines == 1
        && let Some(fields) = parse_date_line(block_text(text, first))
    {
        merge(meta, fields);
        meta.header.push(first.chars);
        next = 1;
    }

    // A Markdown title (even when front matter named it already), or a plain
    // first line shaped like a headline.
    if let Some(block) = blocks.get(next)
        && blocks.len() > next + 1
    {
        let line = block_text(text, block);
        if block.markdown_heading == Some(1) {
            let (range, bytes) = block.heading_text.unwrap_or((block.chars, block.bytes));
            if meta.title.is_none() {
                meta.title = Some(text[bytes.as_std()].to_owned());
            }
            meta.header.push(range);
            next += 1;
        } else if meta.title.is_none()
            && block.markdown_heading.is_none()
            && looks_like_title(line, block.lines)
        {
            let (title, stand) = split_stand(line);
            meta.title = Some(title.to_owned());
            if meta.stand.is_none() {
                meta.stand = stand.map(str::to_owned);
            }
            meta.header.push(block.chars);
            next += 1;
        }
    }

    // A "Stand: 13.01.2022 09:59 Uhr" line right under the title.
    if meta.stand.is_none()
        && let Some(block) = blocks.get(next)
        && block.lines == 1
    {
        let line = block_text(text, block);
        if let (before, Some(stand)) = split_stand(line)
            && before.is_empty()
            && !stand.is_empty()
        {
            meta.stand = Some(stand.to_owned());
            meta.header.push(block.chars);
            next += 1;
        }
    }
    next
}

fn looks_like_title(line: &str, lines: usize) -> bool {
    let trimmed = line.trim();
    let chars = trimmed.chars().count();
    // A headline may end with "?" or "!" but not with a full stop or a colon.
    let ends_like_prose =
        classify::ends_with_closing_punctuation(trimmed) && !trimmed.ends_with(['?', '!']);
    lines == 1
        && (2..=MAX_TITLE_CHARS).contains(&chars)
        && !ends_like_prose
        && !classify::starts_lowercase(trimmed)
        && !classify::is_list_item(trimmed)
        && !classify::is_byline(trimmed)
        && !classify::is_aside(trimmed)
}

fn classify_body(
    text: &str,
    blocks: &[Block],
    format: TextFormat,
    layout: Layout,
    has_title: bool,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(blocks.len());
    let mut previous_was_heading = false;
    let mut seen_heading = false;
    let mut lead_found = !has_title;
    // In an interview the questions stand alone like headings, and are not.
    let interview = blocks
        .iter()
        .any(|b| b.lines == 1 && classify::marks_interview(block_text(text, b)));
    // A protocol extracted from a PDF, Word or e-book: its speaker lines
    // open turns beside the headings it has, its calls from the floor are
    // interjections (plain-text transcripts are cut by `classify_turns`).
    let turns = format.is_extracted()
        && blocks
            .iter()
            .filter(|b| b.lines == 1 && transcript::parse_speaker(block_text(text, b)).is_some())
            .count()
            >= transcript::MIN_SPEAKER_LINES;

    for (i, block) in blocks.iter().enumerate() {
        let line = block_text(text, block);
        let previous = i
            .checked_sub(1)
            .map(|p| (block_text(text, &blocks[p]), previous_was_heading));
        let next = blocks.get(i + 1).map(|b| block_text(text, b));
        let book = layout == Layout::Book;
        if book && i > 0 && block.blank_before >= 2 && !previous_was_heading {
            items.push(Item::Break);
        }

        let heading = if let Some(level) = block.markdown_heading {
            let (range, bytes) = block.heading_text.unwrap_or((block.chars, block.bytes));
            Some(Heading {
                text: text[bytes.as_std()].to_owned(),
                range,
                level,
            })
        } else if !format.is_extracted()
            && (heading_shaped(line, block.lines, previous, next)
                || book && is_centred(text, block))
            && !(interview && classify::ends_as_question(line))
            && (Context {
                candidate: Some(line),
                previous,
                next,
            })
            .admits_heading()
        {
            Some(Heading {
                text: line.trim().to_owned(),
                range: block.chars,
                level: 2,
            })
        } else {
            None
        };

        let speaker = (turns && heading.is_none() && block.lines == 1)
            .then(|| transcript::parse_speaker(line))
            .flatten();
        if let Some(speaker) = speaker {
            previous_was_heading = true;
            seen_heading = true;
            items.push(turn_heading(line, block, 3, Some(speaker)));
            continue;
        }

        previous_was_heading = heading.is_some();
        if let Some(heading) = heading {
            seen_heading = true;
            items.push(Item::Heading {
                heading,
                block_start: block.chars.start,
                speaker: None,
            });
            continue;
        }

        let mut role = if turns && transcript::is_interjection(line) {
            Role::Interjection
        } else {
            paragraph_role(line, block, format)
        };
        if role == Role::Body && !lead_found {
            lead_found = true;
            if !seen_heading && block.chars.len() <= MAX_LEAD_CHARS {
                role = Role::Lead;
            }
        }
        let hard_wrapped = block.lines > 1
            && !matches!(role, Role::ListItem | Role::Quote)
            && (format.is_markdown() || block.widest_inner_line >= WRAPPED_LINE_CHARS);
        items.push(Item::Paragraph(Paragraph {
            range: block.chars,
            bytes: block.bytes,
            role,
            hard_wrapped,
        }));
    }
    items
}

/// The heading of a speaker's turn (or of a transcript's part): the line
/// without its closing colon, which is punctuation, not part of the name.
fn turn_heading(line: &str, block: &Block, level: u8, speaker: Option<Speaker>) -> Item {
    let trimmed = line.trim_end().trim_end_matches(':').trim_end();
    let cut_chars = line[trimmed.len()..].chars().count();
    Item::Heading {
        heading: Heading {
            text: trimmed.to_owned(),
            range: CharRange::new(block.chars.start, block.chars.end - cut_chars),
            level,
        },
        block_start: block.chars.start,
        speaker,
    }
}

/// A short line of its own set far in: centred, as chapter headings are.
fn is_centred(text: &str, block: &Block) -> bool {
    let before = &text[..block.bytes.start];
    let indent = before.len() - before.trim_end_matches(' ').len();
    block.lines == 1
        && indent >= CENTRED_INDENT
        && (before.len() == indent || before[..before.len() - indent].ends_with('\n'))
}

/// The blocks of a transcript: a speaker line opens a turn named after the
/// speaker, calls from the floor are interjections, the table of contents
/// and the annex are sections of their own ("Inhalt", "Anlage"), with their
/// dot-leader lines as asides. No other headings: turns are the structure.
fn classify_turns(text: &str, blocks: &[Block]) -> Vec<Item> {
    let mut items = Vec::with_capacity(blocks.len());
    let mut previous_was_heading = false;
    let mut turns = false;
    for block in blocks {
        let line = block_text(text, block);
        let single = block.lines == 1;
        let speaker = single.then(|| transcript::parse_speaker(line)).flatten();
        turns |= speaker.is_some();
        // Before the first turn only the table of contents, after it only
        // the annex: the contents list the annex too.
        let part = single
            && !previous_was_heading
            && transcript::is_part_heading(line)
            && turns == line.starts_with("Anlage");
        if speaker.is_some() || part {
            items.push(turn_heading(line, block, 2, speaker));
            previous_was_heading = true;
            continue;
        }
        previous_was_heading = false;
        let role = if transcript::is_interjection(line) {
            Role::Interjection
        } else if line.contains(". . .") {
            Role::Aside
        } else {
            paragraph_role(line, block, TextFormat::Plain)
        };
        items.push(Item::Paragraph(Paragraph {
            range: block.chars,
            bytes: block.bytes,
            role,
            hard_wrapped: false,
        }));
    }
    items
}

/// A block shaped like a heading: by its own shape, as a chapter heading, or
/// numbered ("2. Der Experimentierkasten kommt zum Einsatz") between blocks
/// that are not items of a list.
fn heading_shaped(
    line: &str,
    lines: usize,
    previous: Option<(&str, bool)>,
    next: Option<&str>,
) -> bool {
    if lines != 1 {
        return false;
    }
    if classify::looks_like_heading(line, lines) || classify::is_chapter_heading(line) {
        return true;
    }
    classify::looks_like_numbered_heading(line)
        && !previous.is_some_and(|(p, _)| classify::is_list_item(p))
        && !next.is_some_and(classify::is_list_item)
}

fn paragraph_role(line: &str, block: &Block, format: TextFormat) -> Role {
    let first_line = line.lines().next().unwrap_or_default();
    if format.is_markdown() && super::article::is_note(first_line) {
        Role::Note
    } else if first_line.trim_start().starts_with("> ") {
        Role::Quote
    } else if classify::is_list_item(first_line) {
        Role::ListItem
    } else if block.lines == 1 && classify::is_byline(line) {
        Role::Byline
    } else if block.chars.len() <= MAX_ASIDE_CHARS && classify::is_aside(line) {
        Role::Aside
    } else {
        Role::Body
    }
}

fn sections(items: Vec<Item>) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut open_new = false;
    for item in items {
        match item {
            Item::Break => open_new = true,
            Item::Heading {
                heading,
                block_start,
                speaker,
            } => {
                open_new = false;
                sections.push(Section {
                    range: CharRange::new(block_start, heading.range.end),
                    heading: Some(heading),
                    lead: false,
                    speaker,
                    paragraphs: Vec::new(),
                });
            }
            Item::Paragraph(paragraph) => {
                if sections.is_empty() || std::mem::take(&mut open_new) {
                    sections.push(Section {
                        heading: None,
                        lead: false,
                        speaker: None,
                        range: CharRange::new(paragraph.range.start, paragraph.range.end),
                        paragraphs: Vec::new(),
                    });
                }
                if let Some(section) = sections.last_mut() {
                    section.lead |= paragraph.role == Role::Lead;
                    section.range.end = paragraph.range.end;
                    section.paragraphs.push(paragraph);
                }
            }
        }
    }
    sections
}
