//! The verbs on a whole project folder: `export`, `check`, `agree` and
//! `merge` given a project instead of a session, and `project attributes`.
//! Each opens the project, every document re-anchored on its text
//! ([`Project::open_all`]), and says on standard error which documents
//! could not be opened (their annotations are kept, and exported as
//! orphaned).

use std::path::Path;
use std::process::ExitCode;

use randnotiz::analysis::agreement::{self, ReaderKey, Report};
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

/// The two readers compared: those named, else the only two who share a
/// document.
fn choose_readers(
    opened: &OpenedCorpus,
    readers: Option<&str>,
) -> Result<[Option<String>; 2], String> {
    let names: Vec<Option<String>> = match readers {
        Some(list) => {
            let names: Vec<Option<String>> =
                list.split(',').map(|r| Some(r.trim().to_owned())).collect();
            if names.len() != 2 {
                return Err(tr_co().agree_readers_two.to_owned());
            }
            names
        }
        None => {
            let mut found: Vec<Option<String>> = Vec::new();
            for doc in opened.documents.iter().filter(|d| d.is_open()) {
                let here = doc.session.readers();
                if here.len() < 2 {
                    continue;
                }
                for r in here {
                    let r = r.map(str::to_owned);
                    if !found.contains(&r) {
                        found.push(r);
                    }
                }
            }
            found
        }
    };
    match <[Option<String>; 2]>::try_from(names) {
        Ok([a, b]) if a == b => Err(fill(
            tr().cli_agree_same_reader,
            &[("reader", &agreement::reader_name(a.as_deref()))],
        )),
        Ok(pair) => Ok(pair),
        Err(names) => {
            let shown: Vec<String> = names
                .iter()
                .map(|r| agreement::reader_name(r.as_deref()))
                .collect();
            Err(fill(
                tr_co().agree_project_readers,
                &[("n", &names.len()), ("readers", &shown.join(", "))],
            ))
        }
    }
}

/// `agree PROJECT [--readers A,B] [--json]`: per document, and pooled over
/// the documents both readers coded.
pub fn agree(dir: &Path, readers: Option<&str>, json: bool) -> Result<ExitCode, String> {
    let (_, opened) = open_all(dir)?;
    for doc in opened.problems() {
        note(format!("randnotiz: {}", problem(&opened, doc)));
    }
    let [a, b] = choose_readers(&opened, readers)?;
    let (a, b): (ReaderKey<'_>, ReaderKey<'_>) = (a.as_deref(), b.as_deref());
    let coded_by = |doc: &OpenedDocument, r: ReaderKey<'_>| {
        agreement::by_reader(&doc.session, r).next().is_some()
    };
    let (both, left_out): (Vec<&OpenedDocument>, Vec<&OpenedDocument>) = opened
        .documents
        .iter()
        .filter(|d| d.is_open())
        .partition(|d| coded_by(d, a) && coded_by(d, b));
    if both.is_empty() {
        return Err(fill(
            tr_co().agree_no_common,
            &[
                ("a", &agreement::reader_name(a)),
                ("b", &agreement::reader_name(b)),
            ],
        ));
    }
    let per_document: Vec<(&OpenedDocument, Report)> = both
        .iter()
        .map(|d| (*d, agreement::compare(&d.document, &d.session, a, b)))
        .collect();
    let pooled = agreement::compare_pooled(
        &opened.file.actors,
        both.iter().map(|d| (&*d.document, &d.session)),
        a,
        b,
    );
    let mut out = Out::new();
    if json {
        let documents: Vec<serde_json::Value> = per_document
            .iter()
            .map(|(d, report)| {
                let id = opened.file.documents.get(d.index).map_or("", |e| &e.id);
                serde_json::json!({
                    "id": id,
                    "title": title(&opened, d),
                    "agreement": super::analyse::report_json(report),
                })
            })
            .collect();
        let left: Vec<&str> = left_out
            .iter()
            .filter_map(|d| opened.file.documents.get(d.index).map(|e| e.id.as_str()))
            .collect();
        let value = serde_json::json!({
            "readers": pooled.readers,
            "pooled": super::analyse::report_json(&pooled),
            "documents": documents,
            "left_out": left,
        });
        out.line(serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?)?;
        return Ok(ExitCode::SUCCESS);
    }
    out.line(fill(
        tr_co().agree_pooled,
        &[("documents", &both.len()), ("left", &left_out.len())],
    ))?;
    for line in super::analyse::table(&pooled) {
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
    for (doc, report) in &per_document {
        let all = &report.overall;
        out.line(format!(
            "{:>4}  {:>7.1}%  {:>7}  {:>7}  {:>6}  {}",
            doc.index + 1,
            all.percent * 100.0,
            agreement::coefficient(all.kappa),
            agreement::coefficient(all.alpha),
            report.tokens,
            title(&opened, doc),
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
