//! `randnotiz search PROJECT QUERY [--regex] [--json] [--annotate ACTOR
//! [--colour C]]`: a keyword-in-context search across every document of a
//! project, and, for scripts, "code all these": every hit made an
//! annotation with an actor.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::actors::{Actor, ActorKind};
use randnotiz::analysis::corpus_search::{Hit, Query};
use randnotiz::annotation::Colour;
use randnotiz::document::CharRange;
use randnotiz::i18n::{fill, tr_co};
use randnotiz::workspace::project::Project;
use serde::Serialize;

use super::{Out, note};

/// Most hits listed (all are counted).
const MAX_HITS: usize = 100_000;
/// Chars of context on each side.
const CONTEXT: usize = 40;

/// What `search` is asked.
pub struct Ask<'a> {
    /// The query.
    pub query: &'a str,
    /// Read it as a regular expression.
    pub regex: bool,
    /// Print JSON.
    pub json: bool,
    /// Make every hit an annotation with this actor (id or name).
    pub annotate: Option<&'a str>,
    /// In this colour.
    pub colour: Option<&'a str>,
}

#[derive(Serialize)]
struct Found<'p> {
    query: &'p str,
    regex: bool,
    total: usize,
    documents: usize,
    hits: Vec<Line<'p>>,
}

#[derive(Serialize)]
struct Line<'p> {
    document: &'p str,
    title: &'p str,
    date: Option<&'p str>,
    outlet: Option<&'p str>,
    start: usize,
    end: usize,
    left: String,
    hit: String,
    right: String,
    /// An annotation of the document covers the hit already.
    coded: bool,
}

/// Runs the search on the project in `dir`.
pub fn run(dir: &Path, ask: &Ask<'_>) -> Result<ExitCode, String> {
    let query = Query::parse(ask.query, ask.regex).map_err(|e| e.to_string())?;
    let mut project = super::project::open(dir)?;
    let (index, problems) = project.search_index();
    for (doc, why) in problems {
        note(format!("{}: {why}", project.documents()[doc].id));
    }
    let result = index.search(&query, MAX_HITS);
    if let Some(actor) = ask.annotate {
        let _lock = super::lock(
            &dir.join(randnotiz::storage::PROJECT_FILE),
            "search --annotate",
        )?;
        return annotate(&mut project, &result.hits, actor, ask.colour);
    }
    let hits: Vec<Line<'_>> = result
        .hits
        .iter()
        .map(|&hit| {
            let entry = &project.documents()[hit.doc];
            let kwic = index.context(hit, CONTEXT).unwrap_or_default();
            Line {
                document: &entry.id,
                title: &entry.source.title,
                date: entry.date.as_deref(),
                outlet: entry.outlet.as_deref(),
                start: hit.range.start,
                end: hit.range.end,
                left: kwic.left,
                hit: kwic.hit,
                right: kwic.right,
                coded: project.is_coded(hit.doc, hit.range),
            }
        })
        .collect();
    let found = Found {
        query: ask.query,
        regex: ask.regex,
        total: result.total,
        documents: result.per_doc.len(),
        hits,
    };
    let mut out = Out::new();
    if ask.json {
        out.line(serde_json::to_string_pretty(&found).map_err(|e| e.to_string())?)?;
    } else {
        for line in &found.hits {
            out.line(format!(
                "{:<24} {:<10} {:>7}..{:<7} {}{:>40} [{}] {:<40}",
                line.document,
                line.date.unwrap_or("–"),
                line.start,
                line.end,
                if line.coded { "*" } else { " " },
                line.left,
                line.hit,
                line.right,
            ))?;
        }
    }
    Ok(if found.total == 0 {
        // As grep: nothing found is exit status 1.
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// "Code all these": each hit an annotation with the actor (made when the
/// project has no actor of that id or name), document by document, each
/// saved.
fn annotate(
    project: &mut Project,
    hits: &[Hit],
    actor: &str,
    colour: Option<&str>,
) -> Result<ExitCode, String> {
    let colour = match colour {
        None => Colour::Yellow,
        Some(name) => colour_named(name)?,
    };
    let wanted = randnotiz::document::search::fold(actor.trim());
    let known = project.file().actors.iter().find(|a| {
        a.id.0 == actor
            || a.names()
                .any(|n| randnotiz::document::search::fold(n) == wanted)
    });
    let id = match known {
        Some(a) => a.id.clone(),
        None => {
            let id = randnotiz::actors::unique_id(actor, |id| {
                project.file().actors.iter().any(|a| &a.id == id)
            });
            project
                .add_actor(Actor::new(id.clone(), actor.trim(), ActorKind::Other))
                .map_err(|e| e.to_string())?;
            note(fill(tr_co().actor_created, &[("name", &actor.trim())]));
            id
        }
    };
    let hits: Vec<(usize, CharRange)> = hits.iter().map(|h| (h.doc, h.range)).collect();
    let step = project
        .mark_hits(&hits, colour, &id)
        .map_err(|(_, why)| why)?;
    let (added, documents) = (step.added, step.documents);
    let name = project
        .file()
        .actors
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.0.clone(), |a| a.name.clone());
    Out::new().line(fill(
        tr_co().annotated,
        &[("n", &added), ("actor", &name), ("docs", &documents)],
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// A colour by its name in either language or its number key (1–8).
fn colour_named(name: &str) -> Result<Colour, String> {
    let wanted = name.trim().to_lowercase();
    if let Some(colour) = wanted.parse::<usize>().ok().and_then(Colour::from_key) {
        return Ok(colour);
    }
    let found = Colour::ALL.into_iter().find(|c| {
        let english = format!("{c:?}").to_lowercase();
        english == wanted || c.name().to_lowercase() == wanted
    });
    found.ok_or_else(|| {
        let known: Vec<String> = Colour::ALL
            .iter()
            .map(|c| format!("{c:?}").to_lowercase())
            .collect();
        fill(
            tr_co().err_colour,
            &[("name", &name), ("known", &known.join(", "))],
        )
    })
}
