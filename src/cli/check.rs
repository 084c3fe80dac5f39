//! `randnotiz check SESSION [--text FILE] [--strict]`: load, re-anchor, report.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::i18n::{fill, tr};
use randnotiz::workspace::{OpenError, Workspace};

/// Exit status of `--strict` when annotations are orphaned.
const EXIT_ORPHANS: u8 = 3;

pub fn run(
    session: &Path,
    text: Option<&Path>,
    strict: bool,
    write: bool,
) -> Result<ExitCode, String> {
    let mut stdout = super::Out::new();
    let (mut workspace, report) = Workspace::open_session(session, text).map_err(|e| match e {
        OpenError::DocumentMissing { .. } => format!("{e}\n{}", tr().cli_hint_text),
        other => other.to_string(),
    })?;
    let t = tr();
    stdout.line(fill(t.cli_session, &[("path", &session.display())]))?;
    let doc = workspace.document();
    stdout.line(fill(
        t.cli_text,
        &[
            ("title", &doc.title_or_default()),
            ("chars", &doc.len_chars()),
        ],
    ))?;
    stdout.line(report.summary())?;
    for notice in &report.notices {
        stdout.line(format!("- {notice}"))?;
    }
    if write {
        workspace.save(session).map_err(|e| e.to_string())?;
        stdout.line(fill(t.cli_written, &[("path", &session.display())]))?;
    }
    if strict && report.orphaned > 0 {
        super::note(format!(
            "randnotiz: {}",
            fill(t.cli_strict_orphans, &[("orphaned", &report.orphaned)])
        ));
        return Ok(ExitCode::from(EXIT_ORPHANS));
    }
    Ok(ExitCode::SUCCESS)
}
