//! `merge` and `agree`: several readers' sessions on one text.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::analysis::agreement::{self, Agreement, Report, coefficient};
use randnotiz::analysis::merge;
use randnotiz::i18n::{fill, tr};
use randnotiz::workspace::Workspace;
use randnotiz::workspace::merge::Merged;

use super::Out;

fn open(path: &Path) -> Result<Workspace, String> {
    let (ws, report) = Workspace::open_session(path, None).map_err(|e| e.to_string())?;
    for notice in &report.notices {
        super::note(format!("randnotiz: {}: {notice}", path.display()));
    }
    Ok(ws)
}

/// Merges `others` into the first session: the workspace holding the
/// result, and what the merge did.
fn merged(
    first: &Path,
    others: &[&Path],
    identical: merge::Identical,
) -> Result<(Workspace, Merged), String> {
    let mut ws = open(first)?;
    let merged = ws
        .merge_files(others, identical)
        .map_err(|e| e.to_string())?;
    for (path, notice) in &merged.notices {
        super::note(format!("randnotiz: {}: {notice}", path.display()));
    }
    Ok((ws, merged))
}

/// `randnotiz merge A.ron B.ron … -o MERGED.ron`.
pub fn merge(sessions: &[std::path::PathBuf], output: &Path) -> Result<ExitCode, String> {
    let Some((first, rest)) = sessions.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        return Err(tr().cli_merge_needs_two.to_owned());
    };
    let others: Vec<&Path> = rest.iter().map(std::path::PathBuf::as_path).collect();
    let (mut ws, merged) = merged(first, &others, merge::Identical::Recognise)?;
    let replaced = output.exists();
    ws.save(output).map_err(|e| e.to_string())?;
    let mut out = Out::new();
    out.line(merged.report.summary())?;
    // A backup only where there was a file before.
    let written = if replaced {
        tr().cli_written
    } else {
        tr().cli_written_new
    };
    out.line(fill(written, &[("path", &output.display())]))?;
    Ok(ExitCode::SUCCESS)
}

/// `randnotiz agree A.ron B.ron` or `randnotiz agree MERGED.ron`.
pub fn agree(
    sessions: &[std::path::PathBuf],
    readers: Option<&str>,
    json: bool,
) -> Result<ExitCode, String> {
    let (ws, names) = match sessions {
        [one] => {
            let ws = open(one)?;
            let names: Vec<Option<String>> = match readers {
                Some(list) => list.split(',').map(|r| Some(r.trim().to_owned())).collect(),
                None => ws
                    .session()
                    .readers()
                    .into_iter()
                    .map(|r| r.map(str::to_owned))
                    .collect(),
            };
            (ws, names)
        }
        [a, b] => {
            let (ws, merged) = merged(a, &[b.as_path()], merge::Identical::Keep)?;
            let names = merged.readers();
            if names.first() == names.get(1) {
                return Err(fill(tr().cli_agree_same_reader, &[("reader", &names[0])]));
            }
            (ws, names.into_iter().map(Some).collect())
        }
        _ => return Err(tr().cli_agree_needs_two.to_owned()),
    };
    if let [a, b] = names.as_slice()
        && a == b
    {
        return Err(fill(
            tr().cli_agree_same_reader,
            &[("reader", &agreement::reader_name(a.as_deref()))],
        ));
    }
    let [a, b] = names.as_slice() else {
        let found: Vec<String> = names
            .iter()
            .map(|r| agreement::reader_name(r.as_deref()))
            .collect();
        return Err(fill(
            tr().cli_agree_readers,
            &[("n", &names.len()), ("readers", &found.join(", "))],
        ));
    };
    let known = ws.session().readers();
    for r in [a, b] {
        if !known.contains(&r.as_deref()) {
            return Err(fill(
                tr().cli_agree_unknown_reader,
                &[("reader", &agreement::reader_name(r.as_deref()))],
            ));
        }
    }
    let report = agreement::compare(ws.document(), ws.session(), a.as_deref(), b.as_deref());
    let mut out = Out::new();
    if json {
        out.line(serde_json::to_string_pretty(&report_json(&report)).unwrap_or_default())?;
    } else {
        for line in table(&report) {
            out.line(line)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn figures(a: &Agreement) -> serde_json::Value {
    serde_json::json!({
        "units": a.units,
        "percent": a.percent,
        "kappa": a.kappa,
        "alpha": a.alpha,
    })
}

/// A report as JSON: readers, counts, the figures overall, marked and
/// per actor.
pub(super) fn report_json(report: &Report) -> serde_json::Value {
    let actors: Vec<serde_json::Value> = report
        .per_actor
        .iter()
        .map(|x| {
            serde_json::json!({
                "actor": x.actor.as_str(),
                "name": x.name,
                "coded": x.coded,
                "agreement": figures(&x.agreement),
            })
        })
        .collect();
    serde_json::json!({
        "readers": report.readers,
        "annotations": report.annotations,
        "unit": "token",
        "tokens": report.tokens,
        "overall": figures(&report.overall),
        "marked": figures(&report.marked),
        "actors": actors,
    })
}

/// A report as a table: the heading, overall, marked, then one row per
/// actor, and how the figures are made.
pub(super) fn table(report: &Report) -> Vec<String> {
    let t = tr();
    let mut lines = vec![report.heading()];
    let width = report
        .per_actor
        .iter()
        .map(|x| x.name.chars().count())
        .chain([
            t.agree_overall.chars().count(),
            t.agree_marked.chars().count(),
        ])
        .max()
        .unwrap_or(10);
    lines.push(format!(
        "{:<width$}  {:>9}  {:>9}  {:>8}  {:>7}  {:>7}",
        "",
        format!("{} A", t.agree_tokens),
        format!("{} B", t.agree_tokens),
        "%",
        "κ",
        "α"
    ));
    let row = |name: &str, coded: Option<[usize; 2]>, a: &Agreement| {
        let (ca, cb) = coded.map_or((String::new(), String::new()), |[x, y]| {
            (x.to_string(), y.to_string())
        });
        format!(
            "{name:<width$}  {ca:>9}  {cb:>9}  {:>7.1}%  {:>7}  {:>7}",
            a.percent * 100.0,
            coefficient(a.kappa),
            coefficient(a.alpha)
        )
    };
    lines.push(row(t.agree_overall, None, &report.overall));
    lines.push(row(t.agree_marked, None, &report.marked));
    for x in &report.per_actor {
        lines.push(row(&x.name, Some(x.coded), &x.agreement));
    }
    lines.push(String::new());
    lines.push(t.agree_method.to_owned());
    lines
}
