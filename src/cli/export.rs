//! `randnotiz export SESSION --format F [-o FILE]` and
//! `randnotiz import FILE (--text FILE | --into SESSION) -o SESSION` for
//! W3C Web Annotations, Zotero notes (Markdown) and KOReader exports (JSON).

use std::path::Path;
use std::process::ExitCode;

use randnotiz::export::{self, Format, Input};
use randnotiz::i18n::{fill, tr};
use randnotiz::workspace::Workspace;

pub fn run(
    session: &Path,
    format: &str,
    output: Option<&Path>,
    text: Option<&Path>,
) -> Result<ExitCode, String> {
    let format = Format::from_name(format).ok_or_else(|| format!("unknown format {format}"))?;
    let (ws, report) = Workspace::open_session(session, text).map_err(|e| e.to_string())?;
    for notice in &report.notices {
        super::note(format!("randnotiz: {notice}"));
    }
    let input = Input {
        session: ws.session(),
        document: ws.document(),
        source: ws.document_path(),
    };
    match output {
        Some(path) => {
            export::write(&input, format, path).map_err(|e| e.to_string())?;
            super::note(fill(tr().cli_exported, &[("path", &path.display())]));
        }
        None if format.is_text() => {
            let bytes = export::render(&input, format).map_err(|e| e.to_string())?;
            super::Out::new().bytes(&bytes)?;
        }
        None => return Err(tr().cli_binary_needs_output.to_owned()),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn import(
    file: &Path,
    text: Option<&Path>,
    into: Option<&Path>,
    output: &Path,
) -> Result<ExitCode, String> {
    let mut ws = match (into, text) {
        (Some(session), _) => {
            Workspace::open_session(session, None)
                .map_err(|e| e.to_string())?
                .0
        }
        (None, Some(text)) => Workspace::open_text(text).map_err(|e| e.to_string())?,
        (None, None) => Workspace::new(randnotiz::document::bundled::document(), None, Vec::new()),
    };
    let imported = ws.import_any(file)?;
    for skipped in &imported.skipped {
        super::note(format!("randnotiz: {skipped}"));
    }
    let count = imported.added;
    // Re-anchor what came in against the text: save, then open again.
    ws.save(output).map_err(|e| e.to_string())?;
    let (_, report) = Workspace::open_session(output, None).map_err(|e| e.to_string())?;
    let mut stdout = super::Out::new();
    stdout.line(fill(
        tr().cli_imported,
        &[("n", &count), ("path", &output.display())],
    ))?;
    stdout.line(report.summary())?;
    Ok(ExitCode::SUCCESS)
}
