//! Command-line verbs: argument parsing and dispatch.
//!
//! Each verb prints its result to stdout (text, or JSON with `--json`) and
//! returns an error message for stderr; `main` turns that into exit status 1.

mod analyse;
mod check;
mod corpus;
mod corpus_search;
mod export;
mod mentions;
mod merge_driver;
mod network;
mod outline;
mod project;
mod search;
mod timeline;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use randnotiz::document::Document;
use randnotiz::workspace::{Workspace, link};

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
    /// Projects: a corpus of articles in one folder, coded with one set of
    /// actors (see `randnotiz project --help`).
    Project {
        #[command(subcommand)]
        command: ProjectCommand,
    },
    /// A project over time: its statement network, its statements per
    /// week or month (`network`, `timeline`).
    #[command(flatten)]
    Corpus(Box<network::CorpusCommand>),
    /// Print a text as Randnotiz reads it: normalised, exactly the text every
    /// char offset (outline, mentions, search, sessions) points into.
    Text {
        /// The text, web page, PDF, e-book, Word or OpenDocument file, a
        /// link (http:// or https://), or a session, for its text.
        file: PathBuf,
        /// The password of a protected PDF.
        #[arg(long)]
        password: Option<String>,
    },
    /// Print a text's metadata and sections (char offsets).
    Outline {
        /// The text, document or link (or a session, for its text).
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print where a text says QUERY, case aside (char offsets, section,
    /// context), and for a session the notes that say it. Exit status 1 when
    /// nothing is found.
    ///
    /// On a project folder: every document, as a keyword-in-context list
    /// (document, date, char offsets, left context, hit, right context; `*`
    /// where an annotation covers the hit already).
    Search {
        /// The text (or a session, for its text and notes), or a project
        /// folder.
        file: PathBuf,
        /// What to look for.
        query: String,
        /// Read QUERY as a regular expression (projects), case aside.
        #[arg(long)]
        regex: bool,
        /// Make every hit an annotation with ACTOR (an actor's id or name;
        /// made when the project has none of that name) and print how many
        /// were added (projects).
        #[arg(long, value_name = "ACTOR")]
        annotate: Option<String>,
        /// The colour of those annotations: a name (yellow, gelb, …) or 1–8.
        #[arg(long, value_name = "C", requires = "annotate")]
        colour: Option<String>,
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
    ///
    /// On a project folder: every document, each re-anchored and counted;
    /// texts missing or changed are named.
    Check {
        /// The session file, or a project folder.
        session: PathBuf,
        /// The text to check against, instead of the one the session names.
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
        /// Exit with status 3 when any annotation is orphaned (in a project,
        /// also when a document's text cannot be read).
        #[arg(long)]
        strict: bool,
        /// Write the re-anchored session back to its file (atomically, the
        /// previous version kept as SESSION.bak).
        #[arg(long)]
        write: bool,
    },
    /// Export a session: a Markdown report, CSV, W3C Web Annotation JSON-LD,
    /// a REFI-QDA project, the actor network (GraphML, CSV edge list), the
    /// statement networks (actor–concept; congruence and conflict, GraphML),
    /// actor statistics per section or actor co-occurrence (CSV), the
    /// highlights as a Zotero note (Markdown) or as KOReader's export (JSON).
    ///
    /// On a project folder: every document in one file (md, csv, w3c, qdpx,
    /// zotero-md or koreader-json): the report by actor across documents,
    /// one CSV row per annotation with the document's columns and
    /// attributes first, one collection of Web Annotations, one REFI-QDA
    /// project with every text, one Zotero note with a heading per
    /// document, one KOReader export with a book per document.
    Export {
        /// The session file, or a project folder.
        session: PathBuf,
        /// The format.
        #[arg(long, short = 'f', value_parser = ["md", "csv", "w3c", "qdpx", "graphml", "edges", "concepts", "congruence", "actor-stats", "cooccurrence", "zotero-md", "koreader-json"])]
        format: String,
        /// Where to write; standard output when missing (not for qdpx).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// The text to use, instead of the one the session names.
        #[arg(long, value_name = "FILE")]
        text: Option<PathBuf>,
    },
    /// Merge several readers' sessions on the same text into one; each
    /// annotation keeps who made it.
    ///
    /// Or merge a colleague's project into one's own: `merge
    /// THEIR_PROJECT -o MY_PROJECT`. Documents are matched by their text,
    /// the colleague's annotations merged into the same document's (each
    /// keeps its reader), documents only the colleague has are added, actors
    /// matched by id, then by name.
    Merge {
        /// The session files (the first one's text and order come first), or
        /// the colleague's project folder.
        #[arg(required = true, num_args = 1..)]
        sessions: Vec<PathBuf>,
        /// The merged session to write, or one's own project folder to
        /// merge into.
        #[arg(long, short = 'o', value_name = "MERGED.ron")]
        output: PathBuf,
        /// Replace OUTPUT if it exists and is not one of the sessions merged.
        #[arg(long)]
        force: bool,
    },
    /// Merge a session file for git, as its merge driver: three-way, from
    /// the common ancestor BASE (%O), this side's OURS (%A) and the other
    /// side's THEIRS (%B); the result goes to OURS. Exit status 0 when
    /// merged cleanly; 1 when annotations were changed on both sides (both
    /// versions kept, named on standard error); 2 when a file is not a
    /// session or the sides are on different texts (OURS untouched).
    MergeDriver {
        /// The common ancestor (git's %O); empty or missing when both
        /// sides added the file.
        base: PathBuf,
        /// This side's version (git's %A), replaced by the result.
        ours: PathBuf,
        /// The other side's version (git's %B).
        theirs: PathBuf,
        /// The file's path in the repository (git's %P), for messages.
        path: Option<PathBuf>,
    },
    /// Agreement of two readers: percent agreement, Cohen's kappa and
    /// Krippendorff's alpha, overall and per actor, on the text's tokens.
    ///
    /// On a project folder: per document, and pooled over the corpus (the
    /// tokens of every document both readers coded, as one grid).
    Agree {
        /// Two session files, one merged session, or a project folder.
        #[arg(required = true, num_args = 1..=2)]
        sessions: Vec<PathBuf>,
        /// For a merged session or a project with more than two readers:
        /// which two.
        #[arg(long, value_name = "NAME,NAME")]
        readers: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Import W3C Web Annotations (JSON-LD), a Zotero note of highlights
    /// (Markdown) or KOReader's highlight export (JSON) into a new session,
    /// or add them to an existing one. Zotero's and KOReader's highlights
    /// are anchored by their quotes; what is not found in the text is
    /// named on standard error.
    ///
    /// Or a REFI-QDA project (`.qdpx`, or a `.qde` with its `sources/`
    /// folder beside it, from QualCoder, MAXQDA, ATLAS.ti or NVivo) as a new
    /// project in the folder OUTPUT (new or empty): its texts, codes (as
    /// actors, or concepts), coded passages, notes, users, cases and
    /// variables. What it holds that Randnotiz cannot represent is listed
    /// on standard error. A Discourse Network Analyzer 3 database
    /// (`.dna`) likewise becomes a new project.
    Import {
        /// The JSON, JSON-LD or Markdown file, the .qdpx or .qde, or a DNA 3
        /// database (.dna).
        file: PathBuf,
        /// The text the annotations point into (for a new session).
        #[arg(long, value_name = "FILE", conflicts_with = "into")]
        text: Option<PathBuf>,
        /// A session to add the annotations to.
        #[arg(long, value_name = "SESSION")]
        into: Option<PathBuf>,
        /// The session file to write (for a REFI project or a DNA
        /// database: the new project's folder).
        #[arg(long, short = 'o', value_name = "SESSION|DIR")]
        output: PathBuf,
        /// Replace SESSION if it exists and is not the one given with --into.
        #[arg(long)]
        force: bool,
        /// What a REFI project's codes become: actors (the default: a
        /// passage may carry several, each with its colour, as REFI codings
        /// do) or concepts (each coding a statement, its speaker left open).
        #[arg(long, value_name = "WHAT", value_parser = ["actors", "concepts"])]
        codes_as: Option<String>,
    },
}

/// Runs the verb and returns the exit status, or an error message.
pub fn run(args: Args) -> Result<ExitCode, String> {
    match args.command {
        Some(Command::Project { command }) => match command {
            ProjectCommand::New { dir, name } => project::new(&dir, name.as_deref()),
            ProjectCommand::Add { dir, files, copy } => {
                let _lock = lock(&dir.join(randnotiz::storage::PROJECT_FILE), "project add")?;
                project::add(&dir, &files, copy)
            }
            ProjectCommand::List { dir, json } => project::list(&dir, json),
            ProjectCommand::Attributes { dir, file } => {
                let _lock = lock(
                    &dir.join(randnotiz::storage::PROJECT_FILE),
                    "project attributes",
                )?;
                corpus::attributes(&dir, &file)
            }
        },
        Some(Command::Corpus(command)) => network::run(*command),
        Some(Command::Text { file, password }) => {
            let doc = match password {
                Some(password) => Document::open_with_password(&file, Some(&password))
                    .map_err(|e| e.to_string())?,
                None => load_document(&file)?,
            };
            Out::new().bytes(doc.text().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Outline { file, json }) => outline::run(&file, json),
        Some(Command::Search {
            file,
            query,
            regex,
            annotate,
            colour,
            json,
        }) => {
            if file.join(randnotiz::storage::PROJECT_FILE).is_file() {
                let ask = corpus_search::Ask {
                    query: &query,
                    regex,
                    json,
                    annotate: annotate.as_deref(),
                    colour: colour.as_deref(),
                };
                corpus_search::run(&file, &ask)
            } else if regex || annotate.is_some() {
                Err(randnotiz::i18n::tr_co().err_needs_project.to_owned())
            } else {
                search::run(&file, &query, json)
            }
        }
        Some(Command::Mentions { file, actors, json }) => {
            mentions::run(&file, actors.as_deref(), json)
        }
        Some(Command::Check {
            session,
            text,
            strict,
            write,
        }) => {
            if corpus::is_project(&session) {
                if text.is_some() || write {
                    return Err(randnotiz::i18n::tr_co().err_project_options.to_owned());
                }
                return corpus::check(&session, strict);
            }
            let _lock = if write {
                lock(&session, "check")?
            } else {
                None
            };
            check::run(&session, text.as_deref(), strict, write)
        }
        Some(Command::Export {
            session,
            format,
            output,
            text,
        }) => {
            if corpus::is_project(&session) {
                if text.is_some() {
                    return Err(randnotiz::i18n::tr_co().err_project_options.to_owned());
                }
                return corpus::export(&session, &format, output.as_deref());
            }
            export::run(&session, &format, output.as_deref(), text.as_deref())
        }
        Some(Command::Import {
            file,
            text,
            into,
            output,
            force,
            codes_as,
        }) => {
            if randnotiz::import::refi::is_refi(&file) {
                if text.is_some() || into.is_some() || force {
                    return Err(randnotiz::i18n::tr_refi().err_options.to_owned());
                }
                return import_refi(&file, &output, codes_as.as_deref());
            }
            if codes_as.is_some() {
                return Err(randnotiz::i18n::tr_refi().err_codes_as.to_owned());
            }
            if randnotiz::import::dna::is_dna_path(&file) {
                if text.is_some() || into.is_some() || force {
                    return Err(randnotiz::i18n::tr_im().err_dna_options.to_owned());
                }
                return import_dna(&file, &output);
            }
            let _lock = lock(&output, "import")?;
            may_replace(&output, into.as_slice(), force)?;
            export::import(&file, text.as_deref(), into.as_deref(), &output)
        }
        Some(Command::Merge {
            sessions,
            output,
            force,
        }) => {
            if corpus::is_project(&output) || sessions.iter().any(|s| corpus::is_project(s)) {
                let [other] = sessions.as_slice() else {
                    return Err(randnotiz::i18n::tr_co().err_merge_needs_project.to_owned());
                };
                if !corpus::is_project(other) || !corpus::is_project(&output) {
                    return Err(randnotiz::i18n::tr_co().err_merge_needs_project.to_owned());
                }
                let _lock = lock(&output.join(randnotiz::storage::PROJECT_FILE), "merge")?;
                return corpus::merge(other, &output);
            }
            let _lock = lock(&output, "merge")?;
            may_replace(&output, &sessions, force)?;
            analyse::merge(&sessions, &output)
        }
        Some(Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        }) => Ok(merge_driver::run(&base, &ours, &theirs, path.as_deref())),
        Some(Command::Agree {
            sessions,
            readers,
            json,
        }) => match sessions.as_slice() {
            [dir] if corpus::is_project(dir) => corpus::agree(dir, readers.as_deref(), json),
            _ => analyse::agree(&sessions, readers.as_deref(), json),
        },
        None => open_window(args.file.as_deref()),
    }
}

/// `import PROJECT.qdpx -o DIR [--codes-as actors|concepts]`: the summary
/// on standard output, the rest (what was not carried over, with counts)
/// on standard error.
fn import_refi(file: &Path, dir: &Path, codes_as: Option<&str>) -> Result<ExitCode, String> {
    use randnotiz::import::refi::{self, CodesAs, RefiOptions};
    let options = RefiOptions {
        codes_as: match codes_as {
            Some("concepts") => CodesAs::Concepts,
            _ => CodesAs::Actors,
        },
    };
    let report = refi::import(file, dir, options).map_err(|e| e.to_string())?;
    for line in report.details() {
        note(line);
    }
    Out::new().line(report.summary())?;
    Ok(ExitCode::SUCCESS)
}

/// What `randnotiz project` does.
#[derive(Debug, clap::Subcommand)]
enum ProjectCommand {
    /// Make a new project in DIR (made if missing): project.ron, and
    /// .gitattributes and .gitignore for keeping it in git.
    New {
        /// The project folder.
        dir: PathBuf,
        /// The project's name; the folder's name when missing.
        #[arg(long)]
        name: Option<String>,
    },
    /// Add texts, web pages, PDF, EPUB, Word and OpenDocument files, and
    /// sessions with their annotations, to the project in DIR. Folders are
    /// walked with everything below them.
    Add {
        /// The project folder.
        dir: PathBuf,
        /// Files and folders to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Copy the files into the project's texts/ folder (else they are
        /// referenced where they are, by a path relative to the project).
        #[arg(long)]
        copy: bool,
    },
    /// List the project's documents: date, outlet, title, annotations,
    /// attributes; whether each text is still there and unchanged.
    List {
        /// The project folder.
        dir: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Set the documents' attributes from a table (CSV): the first column
    /// names the document (its file name or id), every further column is an
    /// attribute, named in the header row. Rows that match no document are
    /// reported; an empty cell leaves a value as it is.
    Attributes {
        /// The project folder.
        dir: PathBuf,
        /// The table (comma, semicolon or tab between cells; UTF-8 or
        /// Windows-1252).
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
}

/// `import FILE.dna -o DIR`: the database as a new project; what was not
/// carried over on standard error.
fn import_dna(file: &Path, dir: &Path) -> Result<ExitCode, String> {
    let (_, report) = randnotiz::import::dna::import(file, dir).map_err(|e| e.to_string())?;
    for line in report.lines() {
        note(line);
    }
    Ok(ExitCode::SUCCESS)
}

/// How long a verb waits for another command writing the same session.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

/// The session's lock, held from before a verb reads it until it has
/// written it: two writers (`check --write` and `import --into` at once)
/// then take turns instead of one losing the other's change. A window that
/// has the session open is named at once.
fn lock(session: &Path, what: &str) -> Result<Option<randnotiz::fsio::lock::SessionLock>, String> {
    randnotiz::fsio::lock::SessionLock::lock_waiting(session, what, LOCK_PATIENCE)
        .map_err(|held| held.to_string())
}

/// Refuses to write a new session over an existing file unless asked
/// (`--force`) or the file is one of the `inputs` (updating a session in
/// place, `import --into S -o S`, `merge S B -o S`).
fn may_replace(output: &Path, inputs: &[PathBuf], force: bool) -> Result<(), String> {
    if force || !output.exists() {
        return Ok(());
    }
    let same = |input: &PathBuf| match (std::fs::canonicalize(input), std::fs::canonicalize(output))
    {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if inputs.iter().any(same) {
        return Ok(());
    }
    Err(randnotiz::i18n::fill(
        randnotiz::i18n::tr().cli_would_replace,
        &[("path", &output.display())],
    ))
}

/// Standard output for the verbs. A closed pipe (`randnotiz mentions … | head`)
/// ends the output quietly instead of panicking like `println!`.
pub struct Out {
    out: std::io::StdoutLock<'static>,
    closed: bool,
}

impl Out {
    /// Locks standard output.
    pub fn new() -> Self {
        Self {
            out: std::io::stdout().lock(),
            closed: false,
        }
    }

    /// Writes `text` and a line break.
    pub fn line(&mut self, text: impl std::fmt::Display) -> Result<(), String> {
        use std::io::Write as _;
        if self.closed {
            return Ok(());
        }
        match writeln!(self.out, "{}", printable(&text.to_string())) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Writes raw bytes (a binary export).
    /// On a terminal, control characters are shown escaped (see
    /// [`printable`]); into a pipe or a file the bytes go as they are.
    pub fn bytes(&mut self, bytes: &[u8]) -> Result<(), String> {
        use std::io::{IsTerminal as _, Write as _};
        let shown;
        let bytes = if self.out.is_terminal() {
            shown = printable(&String::from_utf8_lossy(bytes)).into_owned();
            shown.as_bytes()
        } else {
            bytes
        };
        match self.out.write_all(bytes).and_then(|()| self.out.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
            _ => Ok(()),
        }
    }
}

/// `text` fit for a terminal: control characters (an escape sequence in an
/// actor's id or a file name, a bell, a carriage return that overwrites the
/// line) are shown as `\u{1b}` instead of being obeyed. Line breaks and
/// tabs stay. JSON output needs nothing of this: serde escapes them itself.
#[must_use]
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Writes a message to standard error, fit for a terminal.
pub fn note(text: impl std::fmt::Display) {
    eprintln!("{}", printable(&text.to_string()));
}

/// True for a path that names a session file.
pub fn is_session_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// Opens `path` as a text, or, for a session, the text it belongs to.
fn load_document(path: &Path) -> Result<Document, String> {
    let name = path.to_string_lossy();
    if !path.exists() && randnotiz::fetch::is_url(&name) {
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let page = link::fetch_page(
            &name,
            &randnotiz::fetch::Limits::default(),
            &cancel,
            &|_, _| {},
        )
        .map_err(|e| e.to_string())?;
        return page.document().map_err(|e| e.to_string());
    }
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

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(printable("OVKS\tTokajew\n"), "OVKS\tTokajew\n");
        assert_eq!(printable("a\u{1b}[2Jb\u{7}\r"), "a\\u{1b}[2Jb\\u{7}\\u{d}");
        // C1 controls too (CSI as one char).
        assert_eq!(printable("x\u{9b}31m"), "x\\u{9b}31m");
    }
}
