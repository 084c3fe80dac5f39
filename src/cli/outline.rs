//! `randnotiz outline FILE [--json]`: metadata and sections.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::document::{Document, Role};
use serde::Serialize;

#[derive(Serialize)]
struct Outline<'d> {
    /// What the text was read as: "text" or "markdown".
    source_format: &'static str,
    title: Option<&'d str>,
    kicker: Option<&'d str>,
    date: Option<&'d str>,
    stand: Option<&'d str>,
    /// When it appeared: the date (`YYYY-MM-DD` where the source says so).
    published: Option<&'d str>,
    /// When it was last changed (a web page's `dateModified`, a "Stand:").
    updated: Option<&'d str>,
    author: Option<&'d str>,
    outlet: Option<&'d str>,
    url: Option<&'d str>,
    language: Option<&'d str>,
    sections: Vec<SectionOut<'d>>,
}

#[derive(Serialize)]
struct SectionOut<'d> {
    heading: Option<&'d str>,
    lead: bool,
    start: usize,
    end: usize,
    /// In a transcript: who speaks in this turn.
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'d randnotiz::document::transcript::Speaker>,
    /// In a transcript: the speaker's words in the turn, interjections from
    /// the floor not counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<usize>,
    paragraphs: Vec<ParagraphOut>,
}

#[derive(Serialize)]
struct ParagraphOut {
    start: usize,
    end: usize,
    /// What kind of prose: lead, body, byline, list, quote, aside, interjection.
    kind: &'static str,
}

fn kind(role: Role) -> &'static str {
    match role {
        Role::Lead => "lead",
        Role::Body => "body",
        Role::Byline => "byline",
        Role::ListItem => "list",
        Role::Quote => "quote",
        Role::Aside => "aside",
        Role::Note => "note",
        Role::Interjection => "interjection",
    }
}

fn outline(doc: &Document) -> Outline<'_> {
    let meta = doc.meta();
    Outline {
        source_format: doc.format().name(),
        title: meta.title.as_deref(),
        kicker: meta.kicker.as_deref(),
        published: meta.date.as_deref(),
        updated: meta.stand.as_deref(),
        date: meta.date.as_deref(),
        stand: meta.stand.as_deref(),
        author: meta.author.as_deref(),
        outlet: meta.outlet.as_deref(),
        url: meta.url.as_deref(),
        language: meta.language.as_deref(),
        sections: doc
            .sections()
            .iter()
            .map(|s| SectionOut {
                heading: s.heading.as_ref().map(|h| h.text.as_str()),
                lead: s.lead,
                start: s.range.start,
                end: s.range.end,
                speaker: s.speaker.as_ref(),
                words: s.speaker.as_ref().map(|_| {
                    s.paragraphs
                        .iter()
                        .filter(|p| p.role != Role::Interjection)
                        .map(|p| doc.slice(p.range).split_whitespace().count())
                        .sum()
                }),
                paragraphs: s
                    .paragraphs
                    .iter()
                    .map(|p| ParagraphOut {
                        start: p.range.start,
                        end: p.range.end,
                        kind: kind(p.role),
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn run(file: &Path, json: bool) -> Result<ExitCode, String> {
    let mut stdout = super::Out::new();
    let doc = super::load_document(file)?;
    let outline = outline(&doc);
    if json {
        let text = serde_json::to_string_pretty(&outline).map_err(|e| e.to_string())?;
        stdout.line(text)?;
        return Ok(ExitCode::SUCCESS);
    }
    stdout.line(doc.title_or_default())?;
    let mut facts = Vec::new();
    if let Some(date) = outline.date {
        facts.push(format!("date {date}"));
    }
    if let Some(stand) = outline.stand {
        facts.push(format!("Stand: {stand}"));
    }
    facts.push(format!(
        "{} sections, {} paragraphs, {} chars",
        outline.sections.len(),
        doc.paragraphs().count(),
        doc.len_chars()
    ));
    stdout.line(format!("{}\n", facts.join("  ·  ")))?;
    for (n, (section, out)) in doc.sections().iter().zip(&outline.sections).enumerate() {
        let lead = if section.lead { "  [lead]" } else { "" };
        stdout.line(format!(
            "{:>3}. {:<44} {:>7}..{:<7} {:>4} ¶{lead}",
            n + 1,
            doc.section_label(section),
            out.start,
            out.end,
            out.paragraphs.len()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}
