//! The Markdown report of a project, actor by actor: what the corpus says
//! about each one. For each actor its kind, counts and note; then every
//! passage coded with it, grouped by document in date order (each
//! document's title, outlet and date as a heading), each passage as the
//! single-session report shows it (quote in context, colour, statement,
//! note, reader). Passages coded with no actor close the report, so none is
//! left out.

use super::super::escape::markdown as md;
use super::super::report::entry;
use super::super::{Input, putln};
use super::{Corpus, Item};
use crate::annotation::Annotation;
use crate::i18n::{fill, tr, tr_co};

/// The report as Markdown.
#[must_use]
pub fn markdown(corpus: &Corpus<'_>) -> String {
    let t = tr();
    let tc = tr_co();
    let mut out = String::new();
    putln!(out, "# {}\n", md(corpus.name()));
    let annotations: usize = corpus
        .documents
        .iter()
        .map(|item| item.input.session.annotations.len())
        .sum();
    let orphans: usize = corpus
        .documents
        .iter()
        .map(|item| {
            let input = &item.input;
            input
                .session
                .annotations
                .iter()
                .filter(|a| input.is_orphaned(a))
                .count()
        })
        .sum();
    putln!(
        out,
        "- {}\n",
        md(&fill(
            tc.report_corpus_counts,
            &[
                ("documents", &corpus.documents.len()),
                ("annotations", &annotations),
                ("actors", &corpus.project.actors.len()),
                ("orphans", &orphans),
            ],
        ))
    );

    let by_date = corpus.by_date();
    for actor in &corpus.project.actors {
        let tagged = |a: &Annotation| a.actors.contains(&actor.id);
        let groups = passages(&by_date, tagged);
        putln!(out, "## {}\n", md(&actor.name));
        let n: usize = groups.iter().map(|(_, list)| list.len()).sum();
        putln!(
            out,
            "{} · {}\n",
            actor.kind.label(),
            md(&fill(
                tc.report_actor_passages,
                &[("passages", &n), ("documents", &groups.len())],
            ))
        );
        if !actor.note.trim().is_empty() {
            putln!(out, "*{}*: {}\n", t.actor_note, md(&actor.note));
        }
        if groups.is_empty() {
            putln!(out, "{}\n", t.report_none);
        }
        write_groups(&mut out, &groups);
    }

    let untagged = passages(&by_date, |a: &Annotation| a.actors.is_empty());
    if !untagged.is_empty() {
        putln!(out, "## {}\n", tc.report_no_actor);
        write_groups(&mut out, &untagged);
    }
    putln!(
        out,
        "---\n\n{}",
        md(&fill(
            t.report_footer,
            &[("version", &env!("CARGO_PKG_VERSION"))]
        ))
    );
    out
}

/// The passages `wanted` picks, per document (in the order given, those
/// with none left out), each document's in text order.
fn passages<'c, 'i>(
    items: &[&'c Item<'i>],
    wanted: impl Fn(&Annotation) -> bool,
) -> Vec<(&'c Item<'i>, Vec<&'c Annotation>)> {
    items
        .iter()
        .filter_map(|item| {
            let list: Vec<&Annotation> = item
                .input
                .in_order()
                .into_iter()
                .filter(|a| wanted(a))
                .collect();
            (!list.is_empty()).then_some((*item, list))
        })
        .collect()
}

/// Each document's heading (title, outlet, date), then its passages.
fn write_groups(out: &mut String, groups: &[(&Item<'_>, Vec<&Annotation>)]) {
    for (item, list) in groups {
        putln!(out, "### {}\n", heading(item));
        let input: &Input<'_> = &item.input;
        for annotation in list {
            entry(out, input, annotation, "-");
        }
    }
}

/// "Title – Outlet, 2022-01-13", the parts there are.
fn heading(item: &Item<'_>) -> String {
    let entry = item.entry;
    let title = if entry.source.title.trim().is_empty() {
        item.input.document.title_or_default()
    } else {
        &entry.source.title
    };
    let place: Vec<&str> = [entry.outlet.as_deref(), entry.date.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if place.is_empty() {
        md(title)
    } else {
        format!("{} – {}", md(title), md(&place.join(", ")))
    }
}
