//! The Markdown report: what a reader found, ready to paste into a paper.
//!
//! Title, source and date; the colours and what they meant; the actors with
//! their mentions, annotations and own notes; then every annotation in
//! document order grouped by section, and again grouped by actor. Each entry
//! shows the quote in bold inside a little of its context, the colour's
//! meaning, the actors and the note. All user text goes through
//! [`escape::markdown`].

use std::collections::BTreeMap;

use super::escape::markdown as md;
use super::{Input, putln};
use crate::actors::MentionIndex;
use crate::annotation::{Annotation, Colour};
use crate::i18n::{fill, tr};

/// Chars of context shown on either side of a quote.
const CONTEXT: usize = 60;

/// The report as Markdown.
#[must_use]
pub fn markdown(input: &Input<'_>) -> String {
    let t = tr();
    let session = input.session;
    let doc = input.document;
    let mut out = String::new();

    putln!(out, "# {}\n", md(doc.title_or_default()));
    let meta = doc.meta();
    putln!(out, "- {}: {}", t.report_source, md(&input.source_name()));
    if let Some(date) = &meta.date {
        putln!(out, "- {}: {}", t.report_date, md(date));
    }
    if let Some(stand) = &meta.stand {
        putln!(out, "- {}: {}", t.report_stand, md(stand));
    }
    let orphans = session
        .annotations
        .iter()
        .filter(|a| input.is_orphaned(a))
        .count();
    putln!(
        out,
        "- {}\n",
        md(&fill(
            t.report_counts,
            &[
                ("annotations", &session.annotations.len()),
                ("actors", &session.actors.len()),
                ("orphans", &orphans)
            ],
        ))
    );

    // Colours.
    let mut used: BTreeMap<Colour, usize> = BTreeMap::new();
    for a in &session.annotations {
        *used.entry(a.colour).or_default() += 1;
    }
    if !used.is_empty() {
        putln!(out, "## {}\n", t.report_colours);
        putln!(
            out,
            "| {} | {} | {} |\n|---|---|---:|",
            t.report_colour,
            t.report_meaning,
            t.report_annotations
        );
        for (colour, n) in &used {
            putln!(
                out,
                "| {} | {} | {n} |",
                colour.name(),
                md(session.meaning(*colour))
            );
        }
        out.push('\n');
    }

    // Actors.
    if !session.actors.is_empty() {
        let mentions = MentionIndex::build(&session.actors, doc.text());
        putln!(out, "## {}\n", t.report_actors);
        putln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---:|---:|",
            t.report_actor,
            t.actor_kind,
            t.report_mentions,
            t.report_annotations
        );
        for (i, actor) in session.actors.iter().enumerate() {
            let annotated = session
                .annotations
                .iter()
                .filter(|a| a.actors.contains(&actor.id))
                .count();
            putln!(
                out,
                "| {} | {} | {} | {annotated} |",
                md(&actor.name),
                actor.kind.label(),
                mentions.of(i).len()
            );
        }
        out.push('\n');
        for actor in session.actors.iter().filter(|a| !a.note.trim().is_empty()) {
            putln!(out, "- **{}**: {}", md(&actor.name), md(&actor.note));
        }
        out.push('\n');
    }

    let ordered = input.in_order();

    // By section.
    putln!(out, "## {}\n", t.report_by_section);
    let mut current: Option<String> = None;
    let mut n = 0;
    for annotation in ordered.iter().filter(|a| !input.is_orphaned(a)) {
        let section = input.section_label(annotation);
        if current.as_ref() != Some(&section) {
            putln!(out, "### {}\n", md(&section));
            current = Some(section);
            n = 0;
        }
        n += 1;
        entry(&mut out, input, annotation, &format!("{n}."));
    }
    if ordered.iter().all(|a| input.is_orphaned(a)) {
        putln!(out, "{}\n", t.report_none);
    }

    // By actor.
    putln!(out, "## {}\n", t.report_by_actor);
    for actor in &session.actors {
        let tagged: Vec<&&Annotation> = ordered
            .iter()
            .filter(|a| a.actors.contains(&actor.id))
            .collect();
        if tagged.is_empty() {
            continue;
        }
        putln!(out, "### {} ({})\n", md(&actor.name), tagged.len());
        if !actor.note.trim().is_empty() {
            putln!(out, "*{}*: {}\n", t.actor_note, md(&actor.note));
        }
        for annotation in tagged {
            entry(&mut out, input, annotation, "-");
        }
    }

    // Orphans.
    let orphaned: Vec<&&Annotation> = ordered.iter().filter(|a| input.is_orphaned(a)).collect();
    if !orphaned.is_empty() {
        putln!(
            out,
            "## {}\n\n{}\n",
            fill(t.orphans_title, &[("n", &orphaned.len())]),
            t.report_orphans_help
        );
        for annotation in orphaned {
            entry(&mut out, input, annotation, "-");
        }
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

/// One annotation as a list item: colour and meaning, actors, the quote in
/// its context as a block quote, the note.
pub(super) fn entry(out: &mut String, input: &Input<'_>, annotation: &Annotation, marker: &str) {
    let t = tr();
    let actors = input.actor_names(annotation);
    let mut head = format!(
        "**{}** – {}",
        annotation.colour.name(),
        md(input.session.meaning(annotation.colour))
    );
    if !actors.is_empty() {
        let names: Vec<String> = actors.iter().map(|n| md(n)).collect();
        head.push_str(&format!(" · {}", names.join(", ")));
    }
    if marker == "-" {
        head.push_str(&format!(" · *{}*", md(&input.section_label(annotation))));
    }
    putln!(out, "{marker} {head}\n");
    let quote = md(annotation.quote()).replace("  \n", " ");
    let (before, after) = if input.is_orphaned(annotation) {
        (
            annotation
                .target
                .quote
                .prefix
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                + " ",
            format!(
                " {}",
                annotation
                    .target
                    .quote
                    .suffix
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        )
    } else {
        input.context(annotation.range(), CONTEXT)
    };
    putln!(
        out,
        "   > …{}**{}**{}…\n",
        md(&before).replace("  \n", " "),
        quote.trim(),
        md(&after).replace("  \n", " ")
    );
    if let Some(statement) = input.statement_text(annotation) {
        putln!(out, "   {}: {}\n", t.label_statement, md(&statement));
    }
    if !annotation.note.trim().is_empty() {
        let note = md(annotation.note.trim()).replace("  \n", "  \n   ");
        putln!(out, "   {}: {}\n", t.label_note, note);
    }
    if let Some(reader) = &annotation.reader {
        putln!(out, "   {}: {}\n", t.label_reader, md(reader));
    }
}
