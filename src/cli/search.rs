//! `randnotiz search FILE QUERY [--json]`: where a text says something,
//! case aside, as the window's Ctrl+F finds it (char offsets, as `outline`
//! gives them); for a session, the notes that say it too.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::document::search::{Folded, Needle};
use randnotiz::document::{CharRange, Document};
use randnotiz::workspace::Workspace;
use serde::Serialize;

/// Most hits printed, as in the window.
const MAX_HITS: usize = 20_000;
/// Chars of context on each side of a hit in the text output.
const CONTEXT: usize = 30;

#[derive(Serialize)]
struct Hit<'d> {
    start: usize,
    end: usize,
    /// 1-based, as `outline` numbers sections.
    section: Option<usize>,
    text: &'d str,
}

#[derive(Serialize)]
struct Found<'d> {
    query: &'d str,
    hits: Vec<Hit<'d>>,
    /// Annotations whose note holds the query (sessions only).
    notes: Vec<&'d str>,
}

pub fn run(file: &Path, query: &str, json: bool) -> Result<ExitCode, String> {
    let workspace = if super::is_session_path(file) {
        let (ws, _) = Workspace::open_session(file, None).map_err(|e| e.to_string())?;
        Some(ws)
    } else {
        None
    };
    let opened;
    let doc: &Document = match &workspace {
        Some(ws) => ws.document(),
        None => {
            opened = Document::open(file).map_err(|e| e.to_string())?;
            &opened
        }
    };
    let Some(needle) = Needle::new(query) else {
        return Err(randnotiz::i18n::tr().cli_search_empty.to_owned());
    };
    let ranges = Folded::of(doc).find(&needle, MAX_HITS);
    let found = Found {
        query,
        hits: ranges
            .iter()
            .map(|&r| Hit {
                start: r.start,
                end: r.end,
                section: doc.section_at(r.start).map(|s| s + 1),
                text: doc.slice(r),
            })
            .collect(),
        notes: workspace.as_ref().map_or_else(Vec::new, |ws| {
            ws.session()
                .annotations
                .iter()
                .filter(|a| needle.found_in(&a.note))
                .map(|a| a.id.0.as_str())
                .collect()
        }),
    };
    let mut out = super::Out::new();
    if json {
        out.line(serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?)?;
    } else {
        for (hit, &range) in found.hits.iter().zip(&ranges) {
            let before = CharRange::new(range.start.saturating_sub(CONTEXT), range.start);
            let after = CharRange::new(range.end, range.end + CONTEXT).clamped(doc.len_chars());
            let line = |r: CharRange| doc.slice(r).replace(['\n', '\t'], " ");
            out.line(super::printable(&format!(
                "{:>7}..{:<7} §{:<3} …{}[{}]{}…",
                hit.start,
                hit.end,
                hit.section.map_or_else(String::new, |s| s.to_string()),
                line(before),
                hit.text,
                line(after),
            )))?;
        }
        for id in &found.notes {
            out.line(format!("note {}", super::printable(id)))?;
        }
    }
    Ok(if found.hits.is_empty() && found.notes.is_empty() {
        // As grep: nothing found is exit status 1, for scripts.
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
