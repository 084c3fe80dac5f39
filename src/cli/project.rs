//! `randnotiz project new|add|list`: a corpus of articles in one folder,
//! coded with one set of actors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use randnotiz::i18n::{fill, tr_co};
use randnotiz::workspace::project::{Progress, Project, TextState};
use serde::Serialize;

use super::{Out, note};

/// `project new DIR [--name NAME]`.
pub fn new(dir: &Path, name: Option<&str>) -> Result<ExitCode, String> {
    let project = Project::create(dir, name.unwrap_or_default())?;
    note(fill(
        tr_co().project_created,
        &[("path", &project.dir().display())],
    ));
    Ok(ExitCode::SUCCESS)
}

/// Opens the project in `dir`, its notices on standard error.
pub fn open(dir: &Path) -> Result<Project, String> {
    let (project, notices) = Project::open(dir).map_err(|e| e.to_string())?;
    for notice in notices {
        note(notice);
    }
    Ok(project)
}

/// `project add DIR FILES… [--copy]`.
pub fn add(dir: &Path, files: &[PathBuf], copy: bool) -> Result<ExitCode, String> {
    let mut project = open(dir)?;
    let report = project
        .add(files, copy, &Progress::default())
        .map_err(|e| e.to_string())?;
    for skipped in &report.skipped {
        note(&skipped.why);
    }
    for notice in &report.notices {
        note(notice);
    }
    note(report.summary());
    Ok(ExitCode::SUCCESS)
}

/// One document as `project list --json` gives it.
#[derive(Serialize)]
struct Listed<'p> {
    id: &'p str,
    title: &'p str,
    outlet: Option<&'p str>,
    date: Option<&'p str>,
    author: Option<&'p str>,
    path: Option<&'p str>,
    url: Option<&'p str>,
    chars: usize,
    annotations: usize,
    statements: usize,
    /// `same`, `changed` or `missing`.
    text: &'static str,
    attributes: &'p BTreeMap<String, String>,
}

/// `project list DIR [--json]`.
pub fn list(dir: &Path, json: bool) -> Result<ExitCode, String> {
    let project = open(dir)?;
    let states = project.text_states();
    let listed: Vec<Listed<'_>> = project
        .documents()
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let annotations = project.annotations(i);
            Listed {
                id: &entry.id,
                title: &entry.source.title,
                outlet: entry.outlet.as_deref(),
                date: entry.date.as_deref(),
                author: entry.author.as_deref(),
                path: entry.source.path.as_deref(),
                url: entry.source.url.as_deref(),
                chars: entry.source.chars,
                annotations: annotations.len(),
                statements: annotations.iter().filter(|a| a.statement.is_some()).count(),
                text: match states[i] {
                    TextState::Same => "same",
                    TextState::Changed => "changed",
                    TextState::Missing => "missing",
                },
                attributes: &entry.attributes,
            }
        })
        .collect();
    let mut out = Out::new();
    if json {
        let text = serde_json::to_string_pretty(&listed).map_err(|e| e.to_string())?;
        out.line(text)?;
        return Ok(ExitCode::SUCCESS);
    }
    for (i, (doc, entry)) in listed.iter().zip(project.documents()).enumerate() {
        let mut line = format!(
            "{:>4}  {:<10}  {:<16}  {:>4} {}  {}",
            i + 1,
            doc.date.unwrap_or("–"),
            cut(doc.outlet.unwrap_or("–"), 16),
            doc.annotations,
            tr_co().list_header,
            doc.title,
        );
        for (key, value) in doc.attributes {
            line.push_str(&format!("  [{key}: {value}]"));
        }
        out.line(line)?;
        if let Some(message) = states[i].message(entry) {
            note(message);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `text` cut to `chars`, with an ellipsis.
fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('…');
    out
}
