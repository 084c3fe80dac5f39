//! A Discourse Network Analyzer 3 database (`.dna`, SQLite) as a new
//! Randnotiz project.
//!
//! The database is opened read-only and never changed. What becomes what:
//!
//! - **documents**: each DNA document's text is written to `texts/ID.txt`
//!   and added with its title; `Date` (Unix seconds, UTC) becomes the
//!   project's date (`YYYY-MM-DD`; a time of day other than midnight goes
//!   to the column `Time`), `Author` the author, `Source` the outlet,
//!   `Section` and `Type` (and `Notes`, the document's `Coder` where there
//!   are any) attribute columns.
//! - **statements** of a type with the variables of DNA's default "DNA
//!   Statement" (`person`, `organization`, `concept`, `agreement`): one
//!   annotation per statement on its passage, with `actors` = [the
//!   organisation's actor, the person's actor] (those present) and a
//!   statement whose actor is **the organisation, else the person**, whose
//!   concept is the concept and whose stance is `agreement` (1 → agrees,
//!   0 → disagrees). The coder becomes the annotation's reader (the coder's
//!   name). This is the convention the statement networks rely on: DNA's
//!   `--variable1 organization` is the annotation's actor of kind
//!   [`ActorKind::Organisation`], `person` the one of kind
//!   [`ActorKind::Person`], `actor` the statement's actor. Further
//!   variables of such a type are written into the annotation's note as
//!   `variable: value` lines.
//! - **statements of other types** ("NPF Story Element", "Annotation"):
//!   annotations on their passages without a statement, the type and every
//!   variable's value in the note.
//! - **entities**: those of `person` become actors of kind person, those of
//!   `organization` actors of kind organisation, those of `concept`
//!   concepts. The entity's colour is the actor's; of its attributes,
//!   `Alias` gives aliases (several separated by `;`), `Notes` the note,
//!   and every other one (`Type`, …) goes into the record's `attributes`;
//!   a parent entity (`ChildOf`) is the attribute `parent`. A concept's
//!   `Alias` and a colour other than DNA's default black are attributes.
//! - **the highlighter's regular expressions** become saved searches
//!   (regular expressions, case aside, as DNA searches them); those the
//!   `regex` crate cannot read (Java has look-behind, for one) are kept
//!   and named in the report.
//! - **statement types' colours** become the highlight colours nearest to
//!   them, the legend naming the type.
//!
//! Positions: DNA's `Start` and `Stop` index its window's text, a Java
//! string, so they count UTF-16 code units, and Swing's text pane reads
//! `\r\n` and a lone `\r` as one `\n`. The text is written with its line
//! ends made `\n` as DNA shows it, and the offsets counted in chars of it;
//! where the project reads the text differently (a text it reflows), the
//! passage is found again by its quote and the report says how many were.
//!
//! What cannot be carried over is listed in [`DnaReport::lines`], never
//! dropped silently: coders' colours, passwords and permissions, links
//! between variables, DNA's own settings, DNA's empty placeholder entities,
//! passages outside their text.

mod model;
mod read;

use std::collections::BTreeMap;
use std::path::Path;

use crate::actors::Rgb;
use crate::anchor::{CONTEXT_CHARS, Outcome, Reanchorer, Target, TextQuote};
use crate::annotation::AnnotationId;
use crate::document::{CharPos, CharRange};
use crate::i18n::{fill, tr_im};
use crate::storage::SavedSearch;
use crate::workspace::project::{ImportedEntry, ImportedRegistry, Project};

use model::Model;

pub use read::ReadError;

/// The document attribute columns DNA always has.
const SECTION: &str = "Section";
/// The document type column.
const TYPE: &str = "Type";
/// The document notes column, where any document has notes.
const NOTES: &str = "Notes";
/// The column of the coder who added the document.
const CODER: &str = "Coder";
/// The column of a document's time of day, where any is not midnight.
const TIME: &str = "Time";
/// The attribute naming an entity's parent entity.
const PARENT: &str = "parent";

/// What an import carried over, and what not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DnaReport {
    /// Documents added.
    pub documents: usize,
    /// DNA statements that became statements (actor, concept, stance).
    pub statements: usize,
    /// Annotations written (statements of every type).
    pub annotations: usize,
    /// Actors made from person and organisation entities.
    pub actors: usize,
    /// Concepts made from concept entities.
    pub concepts: usize,
    /// Saved searches made from the highlighter's patterns.
    pub searches: usize,
    /// Readers (coders of statements).
    pub readers: usize,
    /// Patterns kept as saved searches that the corpus search cannot run,
    /// with why.
    pub invalid_patterns: Vec<(String, String)>,
    /// What was not carried over, or differently, one line each.
    pub not_carried: Vec<String>,
    /// The project folder.
    pub dir: std::path::PathBuf,
}

impl DnaReport {
    /// One line: the counts.
    #[must_use]
    pub fn summary(&self) -> String {
        fill(
            tr_im().summary,
            &[
                ("documents", &self.documents),
                ("statements", &self.statements),
                ("annotations", &self.annotations),
                ("actors", &self.actors),
                ("concepts", &self.concepts),
                ("searches", &self.searches),
                ("readers", &self.readers),
                ("path", &self.dir.display()),
            ],
        )
    }

    /// The summary, then what was not carried over (under a heading).
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![self.summary()];
        if !self.not_carried.is_empty() {
            lines.push(tr_im().not_carried.to_owned());
            lines.extend(self.not_carried.iter().map(|l| format!("- {l}")));
        }
        lines
    }
}

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The database could not be read; nothing was written.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The target folder is not empty, or a file.
    #[error("{0}")]
    Target(String),
    /// Writing the project failed (what was written stays, for a look).
    #[error("{0}")]
    Write(String),
}

/// True for a path that names a DNA database (`.dna`).
#[must_use]
pub fn is_dna_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("dna"))
}

/// Reads the DNA database `file` and makes a new project of it in `dir`
/// (made if missing; refused when it holds anything).
///
/// # Errors
/// An [`ImportError`]: the database unreadable (not SQLite, not DNA's,
/// locked, damaged), the folder not empty, or the project not writable.
pub fn import(file: &Path, dir: &Path) -> Result<(Project, DnaReport), ImportError> {
    check_target(dir)?;
    let db = read::read(file)?;
    let name = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut project = Project::create(dir, &name).map_err(ImportError::Write)?;
    let mut report = DnaReport {
        dir: project.dir().to_path_buf(),
        ..DnaReport::default()
    };
    let mut registry = ImportedRegistry::default();
    let model = Model::of(&db, &mut registry, &mut report);
    registry.attributes = document_columns(&db);
    registry.searches = searches(&db, &mut report);
    registry.legend = model.legend.clone();
    report.actors = registry.actors.len();
    report.concepts = registry.concepts.len();
    report.searches = registry.searches.len();
    // The registry first: a document opened while the rest is written
    // finds its actors.
    project
        .take_in_imported_registry(registry)
        .map_err(|e| ImportError::Write(e.to_string()))?;
    let mut moved = 0;
    let mut readers: Vec<&str> = Vec::new();
    for doc in &db.documents {
        let statements: Vec<&read::StatementRow> = db
            .statements
            .iter()
            .filter(|s| s.document == doc.id)
            .collect();
        let shown = as_dna_shows(&doc.text);
        let (index, document) = match project.add_imported_text(entry_of(doc, &db), &shown) {
            Ok(added) => added,
            Err(why) => {
                report.not_carried.push(fill(
                    tr_im().doc_unreadable,
                    &[
                        ("id", &doc.id),
                        ("title", &doc.title),
                        ("why", &why),
                        ("n", &statements.len()),
                    ],
                ));
                continue;
            }
        };
        report.documents += 1;
        let positions = Positions::of(&shown);
        let mut anchorer = Reanchorer::new(&document);
        let same = document.text() == shown;
        let mut annotations = Vec::new();
        for statement in statements {
            let Some(range) = positions.chars(statement, &mut report) else {
                continue;
            };
            let range = if same {
                range
            } else {
                let target = positions.target(&shown, range);
                match anchorer.anchor(&target) {
                    Outcome::Anchored(range) => range,
                    Outcome::Moved { range, .. } => {
                        moved += 1;
                        range
                    }
                    Outcome::Orphaned => {
                        let quote: String = target.quote.exact.chars().take(60).collect();
                        report.not_carried.push(fill(
                            tr_im().stmt_orphaned,
                            &[("id", &statement.id), ("quote", &quote)],
                        ));
                        continue;
                    }
                }
            };
            let id = AnnotationId(format!("a{}", annotations.len() + 1));
            let (mut annotation, lack) = model.annotation(id, &document, range, statement, &db);
            if annotation.statement.is_some() {
                report.statements += 1;
            }
            report.not_carried.extend(lack);
            if let Some(reader) = statement.coder.and_then(|c| db.coders.get(&c)) {
                if !readers.contains(&reader.as_str()) {
                    readers.push(reader);
                }
                annotation.reader = Some(reader.clone());
            }
            annotations.push(annotation);
        }
        report.annotations += annotations.len();
        project
            .set_imported_annotations(index, annotations)
            .map_err(|e| ImportError::Write(e.to_string()))?;
    }
    for statement in &db.statements {
        if db.documents.iter().all(|d| d.id != statement.document) {
            report.not_carried.push(fill(
                tr_im().stmt_no_document,
                &[("id", &statement.id), ("doc", &statement.document)],
            ));
        }
    }
    if moved > 0 {
        report
            .not_carried
            .push(fill(tr_im().stmt_moved, &[("n", &moved)]));
    }
    project
        .save_registry()
        .map_err(|e| ImportError::Write(e.to_string()))?;
    report.readers = readers.len();
    report.not_carried.extend(model.notes(&db, &readers));
    // Reads the project back as the window and the command line will.
    let (project, notices) =
        Project::open(&report.dir).map_err(|e| ImportError::Write(e.to_string()))?;
    report.not_carried.extend(notices);
    Ok((project, report))
}

/// Refuses a target that is a file or a folder with anything in it.
fn check_target(dir: &Path) -> Result<(), ImportError> {
    if dir.is_file() {
        return Err(ImportError::Target(fill(
            tr_im().err_target_file,
            &[("path", &dir.display())],
        )));
    }
    let occupied = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if occupied {
        return Err(ImportError::Target(fill(
            tr_im().err_target_not_empty,
            &[("path", &dir.display())],
        )));
    }
    Ok(())
}

/// The text as DNA's window shows it (and counts its offsets in): Swing's
/// text pane reads `\r\n` and a lone `\r` as `\n`.
fn as_dna_shows(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A document's record: title, outlet, date, author and the attribute
/// columns.
fn entry_of(doc: &read::DocRow, db: &read::Database) -> ImportedEntry {
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let (date, time) = day_and_time(doc.date);
    let mut attributes = BTreeMap::new();
    let coder = doc
        .coder
        .and_then(|c| db.coders.get(&c))
        .map(String::as_str);
    for (column, value) in [
        (SECTION, Some(doc.section.as_str())),
        (TYPE, Some(doc.kind.as_str())),
        (NOTES, Some(doc.notes.as_str())),
        (CODER, coder),
        (TIME, time.as_deref()),
    ] {
        if let Some(value) = value.and_then(some) {
            attributes.insert(column.to_owned(), value);
        }
    }
    ImportedEntry {
        name: doc.title.clone(),
        title: doc.title.clone(),
        outlet: some(&doc.source),
        date,
        author: some(&doc.author),
        attributes,
    }
}

/// The day (`YYYY-MM-DD`) of Unix seconds in UTC, and the time of day
/// (`HH:MM:SS`) unless it is midnight; neither without a date.
fn day_and_time(seconds: Option<i64>) -> (Option<String>, Option<String>) {
    let Some(Ok(stamp)) = seconds.map(jiff::Timestamp::from_second) else {
        return (None, None);
    };
    let zoned = stamp.to_zoned(jiff::tz::TimeZone::UTC);
    let day = zoned.date().strftime("%Y-%m-%d").to_string();
    let time = zoned.time();
    let time =
        (time != jiff::civil::Time::midnight()).then(|| time.strftime("%H:%M:%S").to_string());
    (Some(day), time)
}

/// The attribute columns: DNA's section and type always, its notes, coder
/// and time of day where any document has one.
fn document_columns(db: &read::Database) -> Vec<String> {
    let mut columns = vec![SECTION.to_owned(), TYPE.to_owned()];
    if db.documents.iter().any(|d| !d.notes.trim().is_empty()) {
        columns.push(NOTES.to_owned());
    }
    if db.documents.iter().any(|d| d.coder.is_some()) {
        columns.push(CODER.to_owned());
    }
    if db
        .documents
        .iter()
        .any(|d| day_and_time(d.date).1.is_some())
    {
        columns.push(TIME.to_owned());
    }
    columns
}

/// The highlighter's patterns as saved searches; those the corpus search
/// cannot run are named.
fn searches(db: &read::Database, report: &mut DnaReport) -> Vec<SavedSearch> {
    let mut out: Vec<SavedSearch> = Vec::new();
    for (pattern, colour) in &db.regexes {
        if let Err(why) = crate::analysis::corpus_search::Query::parse(pattern, true) {
            report.not_carried.push(fill(
                tr_im().regex_invalid,
                &[("pattern", pattern), ("why", &why)],
            ));
            report
                .invalid_patterns
                .push((pattern.clone(), why.to_string()));
        }
        if out.iter().any(|s| s.name == *pattern) {
            continue;
        }
        out.push(SavedSearch {
            name: pattern.clone(),
            pattern: pattern.clone(),
            regex: true,
            colour: Some(Rgb(*colour)),
        });
    }
    out
}

/// Where a document's chars are in UTF-16 code units and bytes.
struct Positions {
    /// UTF-16 offset of each char's start, and of the end.
    units: Vec<usize>,
    /// Byte offset of each char's start, and of the end.
    bytes: Vec<usize>,
}

impl Positions {
    fn of(text: &str) -> Self {
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut bytes = Vec::with_capacity(text.len() + 1);
        let mut unit = 0;
        for (byte, c) in text.char_indices() {
            units.push(unit);
            bytes.push(byte);
            unit += c.len_utf16();
        }
        units.push(unit);
        bytes.push(text.len());
        Self { units, bytes }
    }

    /// The chars a statement's `Start`..`Stop` (UTF-16 units) cover; an
    /// offset inside a surrogate pair takes the whole char. `None`, said
    /// in the report, when it lies outside the text.
    fn chars(&self, statement: &read::StatementRow, report: &mut DnaReport) -> Option<CharRange> {
        let total = self.units.last().copied().unwrap_or_default();
        let start = usize::try_from(statement.start).ok();
        let stop = usize::try_from(statement.stop).ok();
        let (Some(start), Some(stop)) = (start, stop) else {
            return outside(statement, total, report);
        };
        if stop > total || start >= stop {
            return outside(statement, total, report);
        }
        let first = match self.units.binary_search(&start) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let end = match self.units.binary_search(&stop) {
            Ok(i) | Err(i) => i,
        };
        Some(CharRange::new(first, end))
    }

    /// The target of chars `range` of `text`, with its quote and context,
    /// to find it in the text as the project reads it.
    fn target(&self, text: &str, range: CharRange) -> Target {
        let slice = |from: usize, to: usize| {
            let n = self.bytes.len() - 1;
            &text[self.bytes[from.min(n)]..self.bytes[to.min(n)]]
        };
        Target {
            start: CharPos(range.start),
            end: CharPos(range.end),
            quote: TextQuote {
                prefix: slice(range.start.saturating_sub(CONTEXT_CHARS), range.start).to_owned(),
                exact: slice(range.start, range.end).to_owned(),
                suffix: slice(range.end, range.end + CONTEXT_CHARS).to_owned(),
            },
        }
    }
}

/// Says that a statement lies outside its text of `total` UTF-16 units.
fn outside(
    statement: &read::StatementRow,
    total: usize,
    report: &mut DnaReport,
) -> Option<CharRange> {
    report.not_carried.push(fill(
        tr_im().stmt_out_of_text,
        &[
            ("id", &statement.id),
            ("start", &statement.start),
            ("stop", &statement.stop),
            ("doc", &statement.document),
            ("len", &total),
        ],
    ));
    None
}
