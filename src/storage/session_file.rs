//! Session files: RON text to a checked [`Session`] and back.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::actors::{Actor, ActorId, ActorKind, MAX_NAME_CHARS};
use crate::annotation::{
    AnnotationId, Concept, ConceptId, FORMAT_VERSION, Session, SessionView, concept_id_for,
};
use crate::fsio::{ReadError, ron_options};
use crate::i18n::{fill, tr};

/// The largest session file the app reads. A session with 100 000
/// annotations takes about 60 MB.
pub const MAX_SESSION_BYTES: u64 = 256 * 1024 * 1024;

/// Why a session file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The file is not text.
    #[error("{}", fill(tr().err_session_not_text, &[("path", &path.display())]))]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The file is text but not a Randnotiz session.
    #[error("{}", fill(tr().err_not_a_session, &[("path", &path.display())]))]
    NotASession {
        /// The file.
        path: PathBuf,
    },
    /// The RON does not parse, or does not fit the session's shape.
    #[error("{}", fill(tr().err_session_syntax, &[("line", line), ("col", col), ("what", what), ("path", &path.display())]))]
    Syntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        col: usize,
        /// What the parser expected or found.
        what: String,
        /// The file.
        path: PathBuf,
    },
    /// The file nests deeper than any session does.
    #[error("{}", fill(tr().err_session_too_deep, &[("line", line), ("col", col), ("path", &path.display())]))]
    TooDeep {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        col: usize,
        /// The file.
        path: PathBuf,
    },
    /// A newer Randnotiz wrote the file.
    #[error("{}", fill(tr().err_session_newer, &[("found", found), ("supported", &FORMAT_VERSION), ("path", &path.display())]))]
    NewerFormat {
        /// The file's format version.
        found: u32,
        /// The file.
        path: PathBuf,
    },
}

impl SessionError {
    /// The error placed at `path`: for a session read from a string, or
    /// from a file that stands for another (git's copy of one side of a
    /// merge, named by the path in the repository). A read error keeps the
    /// file it was about.
    #[must_use]
    pub fn at(self, path: &Path) -> Self {
        match self {
            Self::NotText { .. } => Self::NotText {
                path: path.to_path_buf(),
            },
            Self::NotASession { .. } => Self::NotASession {
                path: path.to_path_buf(),
            },
            Self::Syntax {
                line, col, what, ..
            } => Self::Syntax {
                line,
                col,
                what,
                path: path.to_path_buf(),
            },
            Self::TooDeep { line, col, .. } => Self::TooDeep {
                line,
                col,
                path: path.to_path_buf(),
            },
            Self::NewerFormat { found, .. } => Self::NewerFormat {
                found,
                path: path.to_path_buf(),
            },
            other @ Self::Read(_) => other,
        }
    }
}

/// What was repaired in a session while loading it, one line per repair.
pub type Repairs = Vec<String>;

/// Only the `format` field of a session, read with the real parser (every
/// other field skipped, in whatever order and with whatever comments): a
/// newer file whose new parts do not parse is reported as newer, not broken.
#[derive(serde::Deserialize)]
#[serde(rename = "Session")]
struct Declared {
    format: u64,
}

/// The format a session file declares, if the parser can find it.
fn declared_format(text: &str) -> Option<u64> {
    ron_options()
        .from_str::<Declared>(text)
        .ok()
        .map(|d| d.format)
}

/// The error for a newer format.
fn newer(found: u64) -> SessionError {
    SessionError::NewerFormat {
        found: u32::try_from(found).unwrap_or(u32::MAX),
        path: PathBuf::new(),
    }
}

/// True when the text opens like a Randnotiz session (`Session(` or `(`).
#[must_use]
pub fn looks_like_session(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if rest.starts_with("#![") {
            rest = rest.split_once(']').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    rest.starts_with("Session") || rest.starts_with('(')
}

/// Parses a session from RON text and repairs what can be repaired.
///
/// # Errors
/// A [`SessionError`] with line and column; its path is empty.
pub fn parse_session(text: &str) -> Result<(Session, Repairs), SessionError> {
    parse_session_with(text, |_| {})
}

/// [`parse_session`], with `shared` applied to the session before it is
/// checked: a project's document file has no actors or concepts of its own,
/// and gets the project's here, so its references to them are not taken for
/// unknown ones.
///
/// # Errors
/// As [`parse_session`].
pub fn parse_session_with(
    text: &str,
    shared: impl FnOnce(&mut Session),
) -> Result<(Session, Repairs), SessionError> {
    // Editors such as Notepad put a byte-order mark before the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !looks_like_session(text) {
        return Err(SessionError::NotASession {
            path: PathBuf::new(),
        });
    }
    let options = ron_options();
    let mut skipped = Vec::new();
    let parsed: Result<Session, _> = options.from_str_seed(
        text,
        super::unknown::Watch {
            skipped: &mut skipped,
        },
    );
    if let Ok(session) = &parsed
        && session.format > FORMAT_VERSION
    {
        return Err(newer(u64::from(session.format)));
    }
    let mut session: Session = parsed.map_err(|e| {
        // A newer file may fail where its new parts are: say it is newer.
        if let Some(found) = declared_format(text)
            && found > u64::from(FORMAT_VERSION)
        {
            return newer(found);
        }
        let (line, col) = (e.span.start.line, e.span.start.col);
        if matches!(e.code, ron::Error::ExceededRecursionLimit) {
            SessionError::TooDeep {
                line,
                col,
                path: PathBuf::new(),
            }
        } else {
            SessionError::Syntax {
                line,
                col,
                what: e.code.to_string(),
                path: PathBuf::new(),
            }
        }
    })?;
    let mut repairs = Vec::new();
    if !skipped.is_empty() {
        let unkept = super::unknown::keep(text, &options, &mut session, &skipped);
        let kept: Vec<String> = skipped
            .iter()
            .map(|p| super::unknown::describe(p))
            .filter(|p| !unkept.contains(p))
            .collect();
        if !kept.is_empty() {
            repairs.push(fill(
                tr().notice_unknown_kept,
                &[("n", &kept.len()), ("fields", &excerpt_list(&kept))],
            ));
        }
        if !unkept.is_empty() {
            repairs.push(fill(
                tr().notice_unknown_unkept,
                &[("fields", &excerpt_list(&unkept))],
            ));
        }
        session.unkept = unkept;
    }
    shared(&mut session);
    repairs.extend(repair(&mut session));
    Ok((session, repairs))
}

/// The first few of `items`, for a message.
fn excerpt_list(items: &[String]) -> String {
    let mut shown: Vec<&str> = items.iter().take(5).map(String::as_str).collect();
    shown.dedup();
    let mut out = shown.join(", ");
    if items.len() > 5 {
        out.push_str(", …");
    }
    out
}

/// Reads a session file.
///
/// # Errors
/// A [`SessionError`] naming the cause, the place and the path.
pub fn read_session(path: &Path) -> Result<(Session, Repairs), SessionError> {
    read_session_with_state(path).map(|(session, repairs, _)| (session, repairs))
}

/// [`read_session`], with the state of the file as read, to notice later
/// whether someone else has changed it.
///
/// # Errors
/// A [`SessionError`] naming the cause, the place and the path.
pub fn read_session_with_state(
    path: &Path,
) -> Result<(Session, Repairs, crate::fsio::DiskState), SessionError> {
    read_session_with(path, |_| {})
}

/// [`read_session_with_state`], with `shared` applied before the session is
/// checked (see [`parse_session_with`]).
///
/// # Errors
/// A [`SessionError`] naming the cause, the place and the path.
pub fn read_session_with(
    path: &Path,
    shared: impl FnOnce(&mut Session),
) -> Result<(Session, Repairs, crate::fsio::DiskState), SessionError> {
    let (bytes, state) = crate::fsio::read_with_state(path, MAX_SESSION_BYTES)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| SessionError::NotText {
        path: path.to_path_buf(),
    })?;
    let (session, repairs) = parse_session_with(text, shared).map_err(|e| e.at(path))?;
    Ok((session, repairs, state))
}

/// The session as pretty RON, starting with `Session(`.
///
/// # Errors
/// Only if serde fails, which plain data does not.
pub fn session_to_ron(session: &Session) -> Result<String, ron::Error> {
    let mut out = Vec::new();
    write_session(&mut out, &session.view()).map_err(|e| ron::Error::Io(e.to_string()))?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Pretty-printing for session files: one line per field of an annotation,
/// its target and actor list on one line each (a change is a one-line diff).
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true)
        .depth_limit(3)
}

/// Writes a session as RON, starting with `Session(`, straight into `out`.
///
/// # Errors
/// The I/O error from `out`, with its kind (a full disk stays a full disk).
pub fn write_session(
    out: &mut dyn std::io::Write,
    session: &SessionView<'_>,
) -> std::io::Result<()> {
    out.write_all(super::writer::session_text(session).as_bytes())
}

/// The session as ron itself formats it: what [`write_session`] must match.
///
/// # Errors
/// Only if serde fails, which plain data does not.
pub fn session_to_ron_by_ron(session: &Session) -> Result<String, ron::Error> {
    let body = ron_options().to_string_pretty(&session.view(), pretty())?;
    Ok(format!("Session{body}\n"))
}

/// A RON string literal (for a field kept in a record's extras).
fn ron_string(text: &str) -> String {
    ron::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

/// Names longer than [`MAX_NAME_CHARS`] are cut for showing and searching;
/// the whole name, and aliases too long to search, stay in the file as
/// fields of the record (`full_name`, `long_aliases`), so nothing is lost.
fn limit_names(session: &mut Session, repairs: &mut Repairs) {
    let t = tr();
    let cut = |name: &mut String, extra: &mut crate::extra::Extra| -> Option<usize> {
        let n = name.chars().count();
        if n <= MAX_NAME_CHARS {
            return None;
        }
        if !extra.0.iter().any(|(k, _)| k == "full_name") {
            extra.0.push(("full_name".to_owned(), ron_string(name)));
        }
        *name = name.chars().take(MAX_NAME_CHARS).collect();
        Some(n)
    };
    for actor in &mut session.actors {
        if let Some(n) = cut(&mut actor.name, &mut actor.extra) {
            repairs.push(fill(
                t.repair_long_name,
                &[
                    ("what", &t.label_actors),
                    ("id", &actor.id),
                    ("n", &n),
                    ("max", &MAX_NAME_CHARS),
                ],
            ));
        }
        let (long, short): (Vec<String>, Vec<String>) = std::mem::take(&mut actor.aliases)
            .into_iter()
            .partition(|a| a.chars().count() > MAX_NAME_CHARS);
        actor.aliases = short;
        if !long.is_empty() {
            let list: Vec<String> = long.iter().map(|a| ron_string(a)).collect();
            actor
                .extra
                .0
                .push(("long_aliases".to_owned(), format!("[{}]", list.join(", "))));
            repairs.push(fill(
                t.repair_long_alias,
                &[
                    ("n", &long.len()),
                    ("id", &actor.id),
                    ("max", &MAX_NAME_CHARS),
                ],
            ));
        }
    }
    for concept in &mut session.concepts {
        if let Some(n) = cut(&mut concept.name, &mut concept.extra) {
            repairs.push(fill(
                t.repair_long_name,
                &[
                    ("what", &t.label_statement),
                    ("id", &concept.id),
                    ("n", &n),
                    ("max", &MAX_NAME_CHARS),
                ],
            ));
        }
    }
}

/// Fixes what a hand-edited or merged file can get wrong, saying what it did.
fn repair(session: &mut Session) -> Repairs {
    let t = tr();
    let mut repairs = Vec::new();
    limit_names(session, &mut repairs);

    // Duplicate actor ids: later ones get a fresh id.
    let mut seen: HashSet<ActorId> = HashSet::new();
    for index in 0..session.actors.len() {
        let id = session.actors[index].id.clone();
        if !seen.insert(id.clone()) {
            let fresh =
                crate::actors::unique_id(&session.actors[index].name, |id| seen.contains(id));
            repairs.push(fill(
                t.repair_duplicate_actor,
                &[("id", &id), ("new", &fresh)],
            ));
            seen.insert(fresh.clone());
            session.actors[index].id = fresh;
        }
    }

    // Duplicate annotation ids: later ones get a fresh id.
    let mut seen: HashSet<AnnotationId> = HashSet::new();
    for index in 0..session.annotations.len() {
        let id = session.annotations[index].id.clone();
        if !seen.insert(id.clone()) {
            let fresh = session.next_annotation_id();
            repairs.push(fill(
                t.repair_duplicate_annotation,
                &[("id", &id), ("new", &fresh)],
            ));
            seen.insert(fresh.clone());
            session.annotations[index].id = fresh;
        }
    }

    // Duplicate concept ids: later ones get a fresh id.
    let mut seen: HashSet<String> = HashSet::new();
    for index in 0..session.concepts.len() {
        let id = session.concepts[index].id.clone();
        if !seen.insert(id.0.clone()) {
            let fresh = concept_id_for(&session.concepts[index].name, |id| seen.contains(id));
            repairs.push(fill(
                t.repair_duplicate_concept,
                &[("id", &id), ("new", &fresh)],
            ));
            seen.insert(fresh.0.clone());
            session.concepts[index].id = fresh;
        }
    }

    // A statement's speaker not among the annotation's actors: added to them.
    for annotation in &mut session.annotations {
        if let Some(statement) = &annotation.statement
            && !annotation.actors.contains(&statement.actor)
        {
            annotation.actors.push(statement.actor.clone());
            repairs.push(fill(
                t.repair_statement_actor,
                &[("id", &annotation.id), ("actor", &statement.actor)],
            ));
        }
    }

    // Concepts referred to but not listed: listed, so the statement is kept.
    let known: HashSet<ConceptId> = session.concepts.iter().map(|c| c.id.clone()).collect();
    let mut missing: Vec<ConceptId> = session
        .annotations
        .iter()
        .filter_map(|a| a.statement.as_ref())
        .map(|s| s.concept.clone())
        .filter(|id| !known.contains(id))
        .collect();
    missing.sort();
    missing.dedup();
    for id in missing {
        repairs.push(fill(t.repair_unknown_concept, &[("id", &id)]));
        session
            .concepts
            .push(Concept::new(id.clone(), id.0.clone()));
    }

    // Actors referred to but not listed: listed, so the reference is kept.
    let known: HashSet<ActorId> = session.actors.iter().map(|a| a.id.clone()).collect();
    let mut missing: Vec<ActorId> = session
        .annotations
        .iter()
        .flat_map(|a| a.actors.iter())
        .filter(|id| !known.contains(*id))
        .cloned()
        .collect();
    missing.sort();
    missing.dedup();
    for id in missing {
        repairs.push(fill(t.repair_unknown_actor, &[("id", &id)]));
        session
            .actors
            .push(Actor::new(id.clone(), id.0.clone(), ActorKind::Other));
    }

    // An annotation listing an actor twice.
    for annotation in &mut session.annotations {
        let before = annotation.actors.len();
        let mut seen = HashSet::new();
        annotation.actors.retain(|id| seen.insert(id.clone()));
        if annotation.actors.len() != before {
            repairs.push(fill(t.repair_repeated_actor, &[("id", &annotation.id)]));
        }
    }

    // Reversed positions; offsets past the text are left to re-anchoring.
    for annotation in &mut session.annotations {
        let target = &mut annotation.target;
        if target.start > target.end {
            std::mem::swap(&mut target.start, &mut target.end);
            repairs.push(fill(t.repair_reversed_range, &[("id", &annotation.id)]));
        }
    }
    repairs
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"Session(
    format: 1,
    document: (title: "T", path: None, hash: "blake3:00", chars: 10),
    actors: [],
    annotations: [],
)"#;

    #[test]
    fn a_minimal_session_parses_and_round_trips() {
        let (session, repairs) = parse_session(MINIMAL).unwrap();
        assert!(repairs.is_empty());
        let text = session_to_ron(&session).unwrap();
        assert!(text.starts_with("Session(\n    format: 1,"), "{text}");
        assert_eq!(parse_session(&text).unwrap().0, session);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let broken = MINIMAL.replace("chars: 10)", "chars: 10,,)");
        let err = parse_session(&broken).unwrap_err();
        let SessionError::Syntax { line, col, .. } = err else {
            panic!("expected a syntax error, got {err:?}");
        };
        assert_eq!((line, col), (3, 69));
    }

    #[test]
    fn newer_formats_and_foreign_files_are_named_as_such() {
        let newer = MINIMAL
            .replace("format: 1", "format: 7")
            .replace("actors: []", "actors: [], future: true");
        assert!(matches!(
            parse_session(&newer),
            Err(SessionError::NewerFormat { found: 7, .. })
        ));
        assert!(matches!(
            parse_session("Militärbündnis beginnt mit Abzug"),
            Err(SessionError::NotASession { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_refused() {
        // Typed fields reject a wrong shape at once; the danger is an unknown
        // field, which the parser skips by recursing into it.
        let deep = MINIMAL.replace(
            "actors: []",
            &format!(
                "extra: {}{}, actors: []",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        );
        let result = parse_session(&deep);
        assert!(
            matches!(result, Err(SessionError::TooDeep { .. })),
            "{result:?}"
        );
    }

    #[test]
    fn negative_offsets_and_wrong_types_are_syntax_errors() {
        let negative = MINIMAL.replace("chars: 10", "chars: -10");
        assert!(matches!(
            parse_session(&negative),
            Err(SessionError::Syntax { .. })
        ));
        let wrong = MINIMAL.replace("chars: 10", "chars: \"zehn\"");
        assert!(matches!(
            parse_session(&wrong),
            Err(SessionError::Syntax { .. })
        ));
    }
}
