//! Command-line verbs: argument parsing and dispatch.
//!
//! Each verb prints its result to stdout (text, or JSON with `--json`) and
//! returns an error message for stderr; `main` turns that into exit status 1.

mod check;
mod mentions;
mod outline;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use randnotiz::annotation::Workspace;
use randnotiz::document::Document;

/// Command-line arguments.
#[derive(Debug, clap::Parser)]
#[command(
    name = "randnotiz",
    version,
    about = "Close reading and actor-centred annotation of news articles.",
    long_about = "Close reading and actor-centred annotation of news articles.\n\n\
                  Without a command, opens the reading window on FILE (a text, .txt or .md, \
                  or a session, .ron), or on the bundled article when FILE is missing.",
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    /// A text (.txt, .md) or a session (.ron) to open in the window.
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print a text's metadata and sections (char offsets).
    Outline {
        /// The text (or a session, for its text).
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print where actors are named in a text.
    Mentions {
        /// The text.
        file: PathBuf,
        /// An actor list in RON; the bundled article's actors when missing.
        #[arg(long, value_name = "ACTORS.ron")]
        actors: Option<PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Load a session, re-anchor it against its text and report how it went.
    Check {
        /// The session file.
        session: PathBuf,
        /// The text to check against, instead of the one the session names.
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// Exit with status 3 when any annotation is orphaned.
        #[arg(long)]
        strict: bool,
        /// Write the re-anchored session back to its file (atomically, the
        /// previous version kept as SESSION.bak).
        #[arg(long)]
        write: bool,
    },
}

/// Runs the verb and returns the exit status, or an error message.
pub fn run(args: Args) -> Result<ExitCode, String> {
    match args.command {
        Some(Command::Outline { file, json }) => outline::run(&file, json),
        Some(Command::Mentions { file, actors, json }) => {
            mentions::run(&file, actors.as_deref(), json)
        }
        Some(Command::Check {
            session,
            text,
            strict,
            write,
        }) => check::run(&session, text.as_deref(), strict, write),
        None => open_window(args.file.as_deref()),
    }
}

/// True for a path that names a session file.
pub fn is_session_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Opens `path` as a text, or, for a session, the text it belongs to.
fn load_document(path: &Path) -> Result<Document, String> {
    if is_session_path(path) {
        let (workspace, _) = Workspace::open_session(path, None).map_err(|e| e.to_string())?;
        Ok(workspace.document().as_ref().clone())
    } else {
        Document::open(path).map_err(|e| e.to_string())
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<&Path>) -> Result<ExitCode, String> {
    randnotiz::ui::run(file.map(Path::to_path_buf))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<&Path>) -> Result<ExitCode, String> {
    Err("this build has no window (built without the \"gui\" feature); use outline, mentions or check".to_owned())
}
