//! `randnotiz timeline PROJECT [--by week|month] [--statements|--annotations]
//! [--outlet …] [--concept …] [--json]`: statements per actor per period,
//! as CSV (one row per actor, one column per period, then the ones counted
//! apart) or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use randnotiz::analysis::timeline::{Counted, Period, Timeline, TimelineOptions, timeline};
use randnotiz::annotation::ConceptId;
use randnotiz::export::escape::Csv;
use randnotiz::i18n::{fill, tr_tl};
use randnotiz::workspace::project::Project;
use serde::Serialize;

use super::{Out, note};

/// `randnotiz timeline`.
#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// The project folder.
    dir: PathBuf,
    /// week: ISO weeks (2022-W01); month: calendar months (2022-01).
    #[arg(long, default_value = "week", value_parser = ["week", "month"])]
    by: String,
    /// Count statements, for their speaker (the default).
    #[arg(long, conflicts_with = "annotations")]
    statements: bool,
    /// Count every annotation, for each of its actors.
    #[arg(long)]
    annotations: bool,
    /// Only documents from this outlet (repeat for several).
    #[arg(long, value_name = "NAME")]
    outlet: Vec<String>,
    /// Only statements on this concept, by id or name (repeat for several).
    #[arg(long, value_name = "CONCEPT")]
    concept: Vec<String>,
    /// Nothing before this day (YYYY-MM-DD; YYYY-MM is its first day).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Nothing after this day (YYYY-MM-DD; YYYY-MM is its last day).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Print JSON instead of CSV.
    #[arg(long)]
    json: bool,
}

/// One actor as `timeline --json` gives it.
#[derive(Serialize)]
struct Row<'t> {
    id: &'t str,
    name: &'t str,
    counts: &'t [usize],
    undated: usize,
    total: usize,
}

/// What `timeline --json` prints.
#[derive(Serialize)]
struct Json<'t> {
    by: &'static str,
    counted: &'static str,
    periods: Vec<String>,
    actors: Vec<Row<'t>>,
    undated_documents: Vec<&'t str>,
    imprecise_documents: Vec<&'t str>,
}

/// Runs `timeline`.
pub fn run(args: &TimelineArgs) -> Result<ExitCode, String> {
    let filter = randnotiz::analysis::corpus::DocFilter::parse(
        &args.outlet,
        args.from.as_deref(),
        args.to.as_deref(),
    )?;
    let project = super::project::open(&args.dir)?;
    let options = TimelineOptions {
        by: if args.by == "month" {
            Period::Month
        } else {
            Period::Week
        },
        counted: if args.annotations {
            Counted::Annotations
        } else {
            Counted::Statements
        },
        filter,
        concepts: args
            .concept
            .iter()
            .map(|c| concept(&project, c))
            .collect::<Result<_, _>>()?,
    };
    let result = timeline(&project.corpus_docs(), &project.file().actors, &options);
    if !result.unplaced.is_empty() {
        note(fill(
            tr_tl().counted_apart,
            &[
                ("undated", &result.unplaced.undated.len()),
                ("imprecise", &result.unplaced.imprecise.len()),
                ("docs", &super::network::named(&project, &result.unplaced)),
            ],
        ));
    }
    let text = if args.json {
        json(&project, &result)?
    } else {
        csv(&result)
    };
    Out::new().bytes(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The concept called `which` (an id or a name, case aside).
fn concept(project: &Project, which: &str) -> Result<ConceptId, String> {
    let concepts = &project.file().concepts;
    concepts
        .iter()
        .find(|c| c.id.as_str() == which)
        .or_else(|| {
            let lower = which.to_lowercase();
            concepts.iter().find(|c| c.name.to_lowercase() == lower)
        })
        .map(|c| c.id.clone())
        .ok_or_else(|| {
            let known: Vec<&str> = concepts.iter().map(|c| c.name.as_str()).collect();
            fill(
                tr_tl().err_concept,
                &[("name", &which), ("known", &known.join(", "))],
            )
        })
}

/// The timeline as CSV: `actor_id, actor`, a column per period, `undated`.
fn csv(timeline: &Timeline) -> String {
    let mut header = vec!["actor_id".to_owned(), "actor".to_owned()];
    header.extend(timeline.periods.iter().map(|p| p.label()));
    header.push("undated".to_owned());
    let mut out = Csv::with_header(&header);
    for series in &timeline.series {
        let mut row = vec![series.actor.0.clone(), series.name.clone()];
        row.extend(series.counts.iter().map(ToString::to_string));
        row.push(series.apart.to_string());
        out.row(&row);
    }
    out.finish()
}

fn json(project: &Project, timeline: &Timeline) -> Result<String, String> {
    let ids = |list: &[usize]| {
        list.iter()
            .filter_map(|&i| project.documents().get(i).map(|e| e.id.as_str()))
            .collect()
    };
    let json = Json {
        by: timeline.by.name(),
        counted: timeline.counted.name(),
        periods: timeline.periods.iter().map(|p| p.label()).collect(),
        actors: timeline
            .series
            .iter()
            .map(|s| Row {
                id: s.actor.as_str(),
                name: &s.name,
                counts: &s.counts,
                undated: s.apart,
                total: s.total(),
            })
            .collect(),
        undated_documents: ids(&timeline.unplaced.undated),
        imprecise_documents: ids(&timeline.unplaced.imprecise),
    };
    let mut text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}
