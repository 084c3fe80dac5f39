//! `randnotiz network PROJECT …` and `randnotiz timeline PROJECT …`: a
//! project's statement network as discourse network analysis computes it
//! (a CSV matrix or GraphML; per time window, into a folder or as one
//! dynamic GraphML), and its statements per actor per week or month.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use randnotiz::analysis::corpus::{DocFilter, Unplaced};
use randnotiz::analysis::corpus_network::{
    Aggregation, Duplicates, Mode, NetworkOptions, TimeWindow, networks,
};
use randnotiz::export::corpus_network::{self as out, NetworkFormat};
use randnotiz::i18n::{fill, tr_tl};
use randnotiz::workspace::project::Project;

use super::{Out, note};

/// The verbs on a project over time.
#[derive(Debug, clap::Subcommand)]
pub enum CorpusCommand {
    /// A project's statement network, as discourse network analysis (DNA)
    /// computes it: two-mode (actors × concepts) or one-mode (actors ×
    /// actors by shared concepts: congruence, conflict), as a CSV matrix
    /// or GraphML; with --time-window one network per window.
    Network(NetworkArgs),
    /// A project's statements (or annotations) per actor per ISO week or
    /// month, from the documents' dates, as CSV (or JSON). Documents
    /// without a date precise enough are counted apart (column
    /// "undated") and named on standard error.
    Timeline(super::timeline::TimelineArgs),
}

/// `randnotiz network`.
#[derive(Debug, clap::Args)]
pub struct NetworkArgs {
    /// The project folder.
    dir: PathBuf,
    /// twomode: actors × concepts; onemode: actors × actors.
    #[arg(long = "type", value_parser = ["twomode", "onemode"])]
    kind: String,
    /// How the stance makes ties: onemode ignore, congruence (the same
    /// side), conflict (opposite sides), subtract (congruence − conflict);
    /// twomode ignore, subtract (agrees − disagrees), split (a column per
    /// concept and stance).
    #[arg(long, default_value = "ignore", value_parser = ["ignore", "congruence", "conflict", "subtract", "split"])]
    qualifier_aggregation: String,
    /// include: every statement; document: an identical statement once
    /// per document.
    #[arg(long, default_value = "include", value_parser = ["include", "document"])]
    duplicates: String,
    /// Only documents from this outlet (repeat for several).
    #[arg(long, value_name = "NAME")]
    outlet: Vec<String>,
    /// Nothing before this day (YYYY-MM-DD; YYYY-MM is its first day).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Nothing after this day (YYYY-MM-DD; YYYY-MM is its last day).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// A network per window of N days, one starting every M days
    /// (days:14,step:7; without step, every day).
    #[arg(long, value_name = "days:N,step:M")]
    time_window: Option<String>,
    /// With --time-window: one GraphML file whose edges carry their
    /// window's first and last day (start, end), instead of a folder.
    #[arg(long)]
    dynamic: bool,
    /// Keep every actor and concept of the range in every window's
    /// network, so all have the same rows and columns.
    #[arg(long)]
    isolates: bool,
    /// csv: a labelled matrix; graphml: nodes with type, label, colour.
    #[arg(long, short = 'f', value_parser = ["csv", "graphml"])]
    format: String,
    /// Where to write: a file (standard output when missing); with
    /// --time-window, a folder for the windows' files.
    #[arg(long, short = 'o', value_name = "FILE_OR_DIR")]
    output: Option<PathBuf>,
}

/// Runs `network`.
pub fn run(command: CorpusCommand) -> Result<ExitCode, String> {
    match command {
        CorpusCommand::Network(args) => network(&args),
        CorpusCommand::Timeline(args) => super::timeline::run(&args),
    }
}

fn network(args: &NetworkArgs) -> Result<ExitCode, String> {
    let t = tr_tl();
    let format = match args.format.as_str() {
        "csv" => NetworkFormat::Csv,
        _ => NetworkFormat::GraphMl,
    };
    let window = args
        .time_window
        .as_deref()
        .map(TimeWindow::parse)
        .transpose()
        .map_err(|e| e.to_string())?;
    if args.dynamic && window.is_none() {
        return Err(t.err_dynamic_needs_window.to_owned());
    }
    if args.dynamic && format != NetworkFormat::GraphMl {
        return Err(t.err_dynamic_format.to_owned());
    }
    if window.is_some() && !args.dynamic && args.output.is_none() {
        return Err(t.err_windows_need_dir.to_owned());
    }
    let options = NetworkOptions {
        mode: if args.kind == "onemode" {
            Mode::OneMode
        } else {
            Mode::TwoMode
        },
        aggregation: Aggregation::from_name(&args.qualifier_aggregation).unwrap_or_default(),
        duplicates: if args.duplicates == "document" {
            Duplicates::Document
        } else {
            Duplicates::Include
        },
        filter: DocFilter::parse(&args.outlet, args.from.as_deref(), args.to.as_deref())?,
        window,
        isolates: args.isolates,
    };
    let project = super::project::open(&args.dir)?;
    let registry = project.file();
    let result = networks(
        &project.corpus_docs(),
        &registry.actors,
        &registry.concepts,
        &options,
    )
    .map_err(|e| e.to_string())?;
    if !result.unplaced.is_empty() {
        note(fill(
            t.left_out,
            &[
                ("undated", &result.unplaced.undated.len()),
                ("imprecise", &result.unplaced.imprecise.len()),
                ("statements", &result.left_out),
                ("docs", &named(&project, &result.unplaced)),
            ],
        ));
    }
    if result.networks.iter().all(|n| n.statements == 0) {
        note(t.no_statements);
    }
    match (window, &args.output) {
        (Some(_), Some(dir)) if !args.dynamic => {
            let written =
                out::write_windows(dir, &result.networks, format).map_err(|e| e.to_string())?;
            note(fill(
                t.windows_written,
                &[("n", &written.len()), ("path", &dir.display())],
            ));
        }
        _ => {
            let text = out::one_file(&result.networks, format, args.dynamic);
            write_or_print(args.output.as_deref(), &text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `path` (saying so), or prints it.
fn write_or_print(path: Option<&Path>, text: &str) -> Result<(), String> {
    match path {
        Some(path) => {
            out::write(path, text).map_err(|e| e.to_string())?;
            note(fill(tr_tl().network_written, &[("path", &path.display())]));
            Ok(())
        }
        None => Out::new().bytes(text.as_bytes()),
    }
}

/// The documents of `unplaced` by id, the first ten.
pub fn named(project: &Project, unplaced: &Unplaced) -> String {
    const SHOWN: usize = 10;
    let all: Vec<&str> = unplaced
        .undated
        .iter()
        .chain(&unplaced.imprecise)
        .filter_map(|&i| project.documents().get(i).map(|e| e.id.as_str()))
        .collect();
    let mut text = all
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if all.len() > SHOWN {
        text.push_str(", …");
    }
    text
}
