//! The verbs on a whole project folder: `export`, `check`, `agree` and
//! `merge` given a project instead of a session, and `project attributes`.
//! Each opens the project, every document re-anchored on its text
//! ([`Project::open_all`]), and says on standard error which documents
//! could not be opened (their annotations are kept, and exported as
//! orphaned).

use std::path::Path;
use std::process::ExitCode;

use randnotiz::analysis::agreement;
use randnotiz::export::{self, ExportError, Format};
use randnotiz::i18n::{fill, tr, tr_co};
use randnotiz::workspace::project::{OpenedCorpus, OpenedDocument, Project, TextState};

use super::project::open;
use super::{Out, note};

/// Exit status of `check --strict` when annotations are orphaned.
const EXIT_ORPHANS: u8 = 3;

/// True when `path` is a project folder.
pub fn is_project(path: &Path) -> bool {
    path.join(randnotiz::storage::PROJECT_FILE).is_file()
}

/// A document's title as the project lists it.
fn title<'c>(corpus: &'c OpenedCorpus, doc: &OpenedDocument) -> &'c str {
    corpus
        .file
        .documents
        .get(doc.index)
        .map_or("", |e| e.source.title.as_str())
}

/// Why `doc` could not be opened, in the clearest words there are: a
/// missing or changed text says so with the path.
fn problem(corpus: &OpenedCorpus, doc: &OpenedDocument) -> String {
    let entry = corpus.file.documents.get(doc.index);
    match (&doc.state, entry) {
        (TextState::Missing, Some(entry)) => doc.state.message(entry).unwrap_or_default(),
        _ => doc.problem.clone().unwrap_or_default(),
    }
}

/// Opens the project in `dir` with every document, saying on standard
/// error what could not be opened and what re-anchoring found.
fn open_all(dir: &Path) -> Result<(Project, OpenedCorpus), String> {
    let project = open(dir)?;
    let opened = project.open_all();
    for doc in &opened.documents {
        if doc.is_open() {
            for notice in doc.report.iter().flat_map(|r| &r.notices) {
                note(format!("randnotiz: {}: {notice}", title(&opened, doc)));
            }
        }
    }
    Ok((project, opened))
}

/// `export PROJECT --format F [-o FILE]`.
pub fn export(dir: &Path, format: &str, output: Option<&Path>) -> Result<ExitCode, String> {
    let format = Format::from_name(format).ok_or_else(|| format!("unknown format {format}"))?;
    if !format.for_projects() {
        return Err(ExportError::NotForProjects {
            format: format.name(),
        }
        .to_string());
    }
    let (_, opened) = open_all(dir)?;
    for doc in opened.problems() {
        note(format!(
            "randnotiz: {}",
            fill(
                tr_co().export_unopened,
                &[
                    ("why", &problem(&opened, doc)),
                    ("n", &doc.session.annotations.len())
                ],
            )
        ));
    }
    let corpus = opened.corpus();
    match output {
        Some(path) => {
            export::corpus::write(&corpus, format, path).map_err(|e| e.to_string())?;
            note(fill(tr().cli_exported, &[("path", &path.display())]));
        }
        None if format.is_text() => {
            let bytes = export::corpus::render(&corpus, format).map_err(|e| e.to_string())?;
            Out::new().bytes(&bytes)?;
        }
        None => return Err(tr().cli_binary_needs_output.to_owned()),
    }
    Ok(ExitCode::SUCCESS)
}

/// `check PROJECT [--strict]`: every document re-anchored and counted.
pub fn check(dir: &Path, strict: bool) -> Result<ExitCode, String> {
    let (project, opened) = open_all(dir)?;
    let t = tr_co();
    let mut out = Out::new();
    out.line(fill(
        t.cli_project,
        &[
            ("name", &opened.file.name),
            ("path", &project.dir().display()),
            ("n", &opened.documents.len()),
        ],
    ))?;
    let (mut anchored, mut moved, mut orphaned) = (0, 0, 0);
    let (mut unopened, mut unchecked) = (0, 0);
    for doc in &opened.documents {
        let name = title(&opened, doc);
        match &doc.report {
            Some(report) => {
                anchored += report.anchored;
                moved += report.moved;
                orphaned += report.orphaned;
                out.line(format!(
                    "{:>4}  {name}: {}",
                    doc.index + 1,
                    report.summary()
                ))?;
                for notice in &report.notices {
                    out.line(format!("      - {notice}"))?;
                }
            }
            None => {
                let n = doc.session.annotations.len();
                unopened += 1;
                unchecked += n;
                out.line(format!("{:>4}  {name}:", doc.index + 1))?;
                out.line(format!(
                    "      - {}",
                    fill(
                        t.check_unopened,
                        &[("why", &problem(&opened, doc)), ("n", &n)]
                    )
                ))?;
            }
        }
    }
    out.line(fill(
        t.check_total,
        &[
            ("anchored", &anchored),
            ("moved", &moved),
            ("orphaned", &orphaned),
            ("unopened", &unopened),
            ("unchecked", &unchecked),
        ],
    ))?;
    if strict && orphaned + unchecked > 0 {
        note(format!(
            "randnotiz: {}",
            fill(
                t.check_strict,
                &[("orphaned", &orphaned), ("unchecked", &unchecked)]
            )
        ));
        return Ok(ExitCode::from(EXIT_ORPHANS));
    }
    Ok(ExitCode::SUCCESS)
}

/// The two readers `--readers A,B` names, if given.
fn readers_given(readers: Option<&str>) -> Result<Option<[Option<String>; 2]>, String> {
    let Some(list) = readers else {
        return Ok(None);
    };
    let names: Vec<Option<String>> = list.split(',').map(|r| Some(r.trim().to_owned())).collect();
    <[Option<String>; 2]>::try_from(names)
        .map(Some)
        .map_err(|_| tr_co().agree_readers_two.to_owned())
}

/// `agree PROJECT [--readers A,B] [--json]`: per document, and pooled over
/// the documents both readers coded.
pub fn agree(dir: &Path, readers: Option<&str>, json: bool) -> Result<ExitCode, String> {
    let (_, opened) = open_all(dir)?;
    for doc in opened.problems() {
        note(format!("randnotiz: {}", problem(&opened, doc)));
    }
    let result = opened.agreement(readers_given(readers)?)?;
    let pooled = &result.pooled;
    let doc = |index: usize| &opened.documents[index];
    let mut out = Out::new();
    if json {
        let documents: Vec<serde_json::Value> = result
            .per_document
            .iter()
            .map(|(index, report)| {
                let id = opened.file.documents.get(*index).map_or("", |e| &e.id);
                serde_json::json!({
                    "id": id,
                    "title": title(&opened, doc(*index)),
                    "agreement": super::analyse::report_json(report),
                })
            })
            .collect();
        let left: Vec<&str> = result
            .left_out
            .iter()
            .filter_map(|&i| opened.file.documents.get(i).map(|e| e.id.as_str()))
            .collect();
        let value = serde_json::json!({
            "readers": pooled.readers,
            "pooled": super::analyse::report_json(pooled),
            "documents": documents,
            "left_out": left,
        });
        out.line(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?)?;
        return Ok(ExitCode::SUCCESS);
    }
    out.line(fill(
        tr_co().agree_pooled,
        &[
            ("documents", &result.per_document.len()),
            ("left", &result.left_out.len()),
        ],
    ))?;
    for line in super::analyse::table(pooled) {
        out.line(line)?;
    }
    out.line("")?;
    out.line(tr_co().agree_per_document)?;
    out.line(format!(
        "{:>4}  {:>8}  {:>7}  {:>7}  {:>6}",
        "",
        "%",
        "κ",
        "α",
        tr().agree_tokens
    ))?;
    for (index, report) in &result.per_document {
        let all = &report.overall;
        out.line(format!(
            "{:>4}  {:>7.1}%  {:>7}  {:>7}  {:>6}  {}",
            index + 1,
            all.percent * 100.0,
            agreement::coefficient(all.kappa),
            agreement::coefficient(all.alpha),
            report.tokens,
            title(&opened, doc(*index)),
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `merge OTHER_PROJECT -o MY_PROJECT`: the colleague's project merged
/// into one's own.
pub fn merge(other: &Path, mine: &Path) -> Result<ExitCode, String> {
    let mut project = open(mine)?;
    let theirs = open(other)?;
    let report = project.merge_in(&theirs).map_err(|e| e.to_string())?;
    for notice in &report.notices {
        note(format!("randnotiz: {notice}"));
    }
    Out::new().line(report.summary())?;
    Ok(ExitCode::SUCCESS)
}

/// `project attributes DIR FILE.csv`.
pub fn attributes(dir: &Path, file: &Path) -> Result<ExitCode, String> {
    let mut project = open(dir)?;
    let report = project.import_attributes(file).map_err(|e| e.to_string())?;
    for line in report.lines() {
        note(line);
    }
    Ok(ExitCode::SUCCESS)
}
