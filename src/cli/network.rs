//! `randnotiz network SOURCE …` and `randnotiz timeline PROJECT …`: a
//! project's (or one session's) statement network as DNA computes it, with
//! DNA's options
//! (a CSV matrix or GraphML; per time window, into a folder or as one
//! dynamic GraphML), and its statements per actor per week or month.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use randnotiz::analysis::corpus::{CorpusDoc, DocFilter, Unplaced};
use randnotiz::analysis::corpus_network::{
    Aggregation, Duplicates, Exclude, Mode, NetworkOptions, Networks, Normalization, TimeWindow,
    Variable1, networks,
};
use randnotiz::annotation::Session;
use randnotiz::export::corpus_network::{self as out, NetworkFormat};
use randnotiz::i18n::{fill, tr_nw, tr_tl};
use randnotiz::workspace::project::Project;

use super::{Out, note};

/// The verbs on a project over time.
#[derive(Debug, clap::Subcommand)]
pub enum CorpusCommand {
    /// A project's (or a session's) statement network, as the Discourse
    /// Network Analyzer (DNA) computes it, with its options: two-mode
    /// (actors × concepts) or one-mode (actors × actors by shared
    /// concepts: congruence, conflict), normalised or not, as a CSV
    /// matrix or GraphML; with --time-window one network per window.
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
    /// A project folder, or one session file (.ron).
    #[arg(value_name = "SOURCE")]
    dir: PathBuf,
    /// twomode: rows × concepts; onemode: rows × rows.
    #[arg(long = "type", value_parser = ["twomode", "onemode"])]
    kind: String,
    /// The rows: actor (the statement's speaker), organization or person
    /// (the statement's actor of that kind, as DNA's variable1).
    #[arg(long, default_value = "actor", value_parser = ["actor", "organization", "person"])]
    variable1: String,
    /// The columns (two-mode) or what ties the rows (one-mode): the
    /// concept, as DNA's variable2.
    #[arg(long, default_value = "concept", value_parser = ["concept"])]
    variable2: String,
    /// How the stance makes ties: onemode ignore, congruence (the same
    /// side), conflict (opposite sides), subtract (congruence − conflict);
    /// twomode ignore, subtract (agrees − disagrees), combine (DNA's code:
    /// 1 agrees, 2 disagrees, 3 both), split (a column per concept and
    /// stance).
    #[arg(long, default_value = "ignore", value_parser = ["ignore", "congruence", "conflict", "subtract", "combine", "split"])]
    qualifier_aggregation: String,
    /// DNA's normalisation: onemode no, average, jaccard, cosine; twomode
    /// no, activity, prominence.
    #[arg(long, default_value = "no", value_parser = ["no", "average", "jaccard", "cosine", "activity", "prominence"])]
    normalization: String,
    /// include: every statement; an identical statement (same row, concept
    /// and, unless the stance is ignored, stance) once per document, per
    /// week number, per month number (as DNA: not per year), per year, or
    /// once across the range.
    #[arg(long, default_value = "include", value_parser = ["include", "document", "week", "month", "year", "acrossrange"])]
    duplicates: String,
    /// Leave out statements with this value (repeat for several):
    /// organization=…, person=…, actor=…, concept=…, agreement=0|1, or a
    /// document's author=…, source=… (the outlet), section=…, type=… or
    /// other attribute.
    #[arg(long, value_name = "VARIABLE=VALUE")]
    exclude: Vec<String>,
    /// Only documents from this outlet (repeat for several).
    #[arg(long, value_name = "NAME")]
    outlet: Vec<String>,
    /// Nothing before this day (YYYY-MM-DD; YYYY-MM is its first day).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Nothing after this day (YYYY-MM-DD; YYYY-MM is its last day).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// DNA's moving windows, days:N (or weeks:N, months:N, years:N): N
    /// units centred on each day (week, …) of the range, moving by one;
    /// or days:N,step:M: N days, one window starting every M days.
    #[arg(long, value_name = "days:N[,step:M]")]
    time_window: Option<String>,
    /// With --time-window: one GraphML file whose edges carry their
    /// window's first and last day (start, end), instead of a folder.
    #[arg(long)]
    dynamic: bool,
    /// Keep every row and concept of the range in every window's
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

/// The options the arguments ask for.
fn options(args: &NetworkArgs) -> Result<NetworkOptions, String> {
    let window = args
        .time_window
        .as_deref()
        .map(TimeWindow::parse)
        .transpose()
        .map_err(|e| e.to_string())?;
    let exclude = args
        .exclude
        .iter()
        .map(|e| Exclude::parse(e))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let options = NetworkOptions {
        mode: if args.kind == "onemode" {
            Mode::OneMode
        } else {
            Mode::TwoMode
        },
        variable1: Variable1::from_name(&args.variable1).unwrap_or_default(),
        aggregation: Aggregation::from_name(&args.qualifier_aggregation).unwrap_or_default(),
        normalization: Normalization::from_name(&args.normalization).unwrap_or_default(),
        duplicates: Duplicates::from_name(&args.duplicates).unwrap_or_default(),
        exclude,
        filter: DocFilter::parse(&args.outlet, args.from.as_deref(), args.to.as_deref())?,
        window,
        isolates: args.isolates,
    };
    options.check().map_err(|e| e.to_string())?;
    Ok(options)
}

/// What a network is computed of: a project's documents, or one session.
enum Source {
    Project(Box<Project>),
    Session(Box<Session>),
}

impl Source {
    fn open(path: &Path) -> Result<Self, String> {
        if path.is_dir() {
            return Ok(Self::Project(Box::new(super::project::open(path)?)));
        }
        let (session, _) = randnotiz::storage::read_session(path).map_err(|e| e.to_string())?;
        Ok(Self::Session(Box::new(session)))
    }

    fn compute(&self, options: &NetworkOptions) -> Result<Networks, String> {
        let result = match self {
            Self::Project(project) => project.networks(options),
            Self::Session(session) => {
                let doc = CorpusDoc {
                    annotations: &session.annotations,
                    ..CorpusDoc::default()
                };
                networks(&[doc], &session.actors, &session.concepts, options)
            }
        };
        result.map_err(|e| e.to_string())
    }

    /// The documents of `unplaced`, named.
    fn named(&self, unplaced: &Unplaced) -> String {
        match self {
            Self::Project(project) => named(project, unplaced),
            Self::Session(session) => session.document.title.clone(),
        }
    }
}

fn network(args: &NetworkArgs) -> Result<ExitCode, String> {
    let t = tr_tl();
    let format = match args.format.as_str() {
        "csv" => NetworkFormat::Csv,
        _ => NetworkFormat::GraphMl,
    };
    let options = options(args)?;
    let window = options.window;
    if args.dynamic && window.is_none() {
        return Err(t.err_dynamic_needs_window.to_owned());
    }
    if args.dynamic && format != NetworkFormat::GraphMl {
        return Err(t.err_dynamic_format.to_owned());
    }
    if window.is_some() && !args.dynamic && args.output.is_none() {
        return Err(t.err_windows_need_dir.to_owned());
    }
    let source = Source::open(&args.dir)?;
    let result = source.compute(&options)?;
    if !result.unplaced.is_empty() {
        note(fill(
            t.left_out,
            &[
                ("undated", &result.unplaced.undated.len()),
                ("imprecise", &result.unplaced.imprecise.len()),
                ("statements", &result.left_out),
                ("docs", &source.named(&result.unplaced)),
            ],
        ));
    }
    if !result.unmatched.is_empty() {
        note(fill(
            tr_nw().unmatched,
            &[("exclude", &result.unmatched.join(", "))],
        ));
    }
    if result.lacking > 0 {
        note(fill(
            tr_nw().lacking,
            &[
                ("n", &result.lacking),
                ("variable", &options.variable1.name()),
            ],
        ));
    }
    if result.networks.iter().all(|n| n.statements == 0) {
        note(t.no_statements);
    }
    match (window, &args.output) {
        (Some(_), Some(dir)) if !args.dynamic => {
            let (written, removed) =
                out::write_windows(dir, &result.networks, format).map_err(|e| e.to_string())?;
            note(fill(
                t.windows_written,
                &[("n", &written.len()), ("path", &dir.display())],
            ));
            if removed > 0 {
                note(fill(t.windows_removed, &[("n", &removed)]));
            }
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
