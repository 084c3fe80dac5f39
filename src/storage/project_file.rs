//! Project files: the registry of a corpus (`project.ron`), read safely and
//! written atomically.
//!
//! A project is a folder a person can read, diff and keep in git:
//!
//! ```text
//! Kasachstan/
//!   project.ron            actors, concepts, legend, attribute columns, documents
//!   annotations/ID.ron     one session file per document: its annotations only
//!   texts/                 the texts, when copied in (else referenced by path)
//!   .cache/                extracted texts for quick opening (not kept in git)
//!   .gitattributes         *.ron merge=randnotiz
//! ```
//!
//! Why this shape: the registry changes rarely and is shared by every
//! document, so it is one file; annotations change all the time and per
//! document, so two coders working on different articles touch different
//! files, and git merges them without ever looking inside. Each document's
//! file is an ordinary session file (format, document, annotations) whose
//! actors and concepts are the project's: any version of Randnotiz reads
//! it, `check` and `export` take it, and the merge driver merges it like any
//! session.
//!
//! The registry's records are written with ron's pretty-printer, one field a
//! line, so a changed colour or a new document is a small diff. Fields this
//! version does not know are found on reading; the project is then opened
//! for reading only, so saving never drops them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::actors::Actor;
use crate::annotation::{Colour, Concept, DocumentRef};
use crate::fsio::{self, ReadError, SaveError, ron_options};
use crate::i18n::{fill, tr_co};

/// The registry's file name inside a project folder.
pub const PROJECT_FILE: &str = "project.ron";
/// The folder of the per-document annotation files.
pub const ANNOTATIONS_DIR: &str = "annotations";
/// The folder texts are copied into.
pub const TEXTS_DIR: &str = "texts";
/// The folder of extracted texts kept for quick opening.
pub const CACHE_DIR: &str = ".cache";
/// The project format this version writes and reads up to.
pub const PROJECT_FORMAT: u32 = 1;
/// The largest project file read: 10 000 documents with attributes take
/// about 10 MB.
pub const MAX_PROJECT_BYTES: u64 = 128 * 1024 * 1024;

/// The registry of a project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Project")]
pub struct ProjectFile {
    /// The file format version ([`PROJECT_FORMAT`]).
    pub format: u32,
    /// The project's name, as the window's title shows it.
    #[serde(default)]
    pub name: String,
    /// The actors, shared by every document.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// The concepts statements take positions on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concepts: Vec<Concept>,
    /// What each colour means.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub legend: BTreeMap<Colour, String>,
    /// The user's own document columns ("Ressort", "Tendenz"), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// The documents, in the order they were added.
    #[serde(default)]
    pub documents: Vec<Entry>,
    /// Searches kept with the project, offered by name in the corpus
    /// search (another tool's highlighter patterns, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub searches: Vec<SavedSearch>,
}

/// A search kept with a project: what the corpus search fills in when it
/// is chosen by its name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SavedSearch {
    /// The name the list shows.
    pub name: String,
    /// What is searched: words as typed, or a regular expression.
    pub pattern: String,
    /// True when `pattern` is a regular expression (searched as the corpus
    /// search searches them: case aside unless it says `(?-i)`).
    #[serde(default)]
    pub regex: bool,
    /// The colour the hits were highlighted in, where the other tool had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<crate::actors::Rgb>,
}

/// One document of a project.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// Stable identifier: the annotations are in `annotations/ID.ron`.
    pub id: String,
    /// The text: title, path relative to the project folder, hashes.
    pub source: DocumentRef,
    /// Where it appeared (from the article, or as the user set it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// When it appeared: `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`), for sorting
    /// and for statements over time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The user's attributes: column name to value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

impl ProjectFile {
    /// An empty project called `name`.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            format: PROJECT_FORMAT,
            name: name.into(),
            ..Self::default()
        }
    }

    /// The document with `id`.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.documents.iter().find(|e| e.id == id)
    }
}

/// Why a project could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The folder holds no project file.
    #[error("{}", fill(tr_co().err_no_project, &[("path", &path.display())]))]
    NoProject {
        /// The folder.
        path: PathBuf,
    },
    /// The RON does not parse or does not fit a project's shape.
    #[error("{}", fill(tr_co().err_project_syntax, &[("line", line), ("col", col), ("what", what), ("path", &path.display())]))]
    Syntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        col: usize,
        /// What is wrong there.
        what: String,
        /// The file.
        path: PathBuf,
    },
    /// A newer version of Randnotiz wrote the file.
    #[error("{}", fill(tr_co().err_project_newer, &[("found", found), ("supported", &PROJECT_FORMAT), ("path", &path.display())]))]
    Newer {
        /// The file's format version.
        found: u64,
        /// The file.
        path: PathBuf,
    },
}

/// Only the `format` field, to call a newer file newer rather than broken.
#[derive(Deserialize)]
#[serde(rename = "Project")]
struct Declared {
    format: u64,
}

/// A project file as read: the registry, the fields this version does not
/// know (their paths; saving the registry is refused while there are any),
/// and the file's state to notice a change by someone else.
#[derive(Debug)]
pub struct ReadProject {
    /// The registry.
    pub file: ProjectFile,
    /// Paths of unknown fields, e.g. `documents[3].priority`.
    pub unknown: Vec<String>,
    /// What the file held when read.
    pub disk: fsio::DiskState,
}

/// Parses a project file's text.
///
/// # Errors
/// A [`ProjectError`] with line and column; its path is `path`.
pub fn parse_project(text: &str, path: &Path) -> Result<(ProjectFile, Vec<String>), ProjectError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ron_options();
    let declared = options.from_str::<Declared>(text).ok().map(|d| d.format);
    if let Some(found) = declared
        && found > u64::from(PROJECT_FORMAT)
    {
        return Err(ProjectError::Newer {
            found,
            path: path.to_path_buf(),
        });
    }
    let mut unknown = Vec::new();
    let mut deserializer =
        ron::Deserializer::from_str_with_options(text, &options).map_err(|e| {
            ProjectError::Syntax {
                line: e.span.start.line,
                col: e.span.start.col,
                what: e.code.to_string(),
                path: path.to_path_buf(),
            }
        })?;
    let parsed: Result<ProjectFile, _> = serde_ignored::deserialize(&mut deserializer, |p| {
        unknown.push(p.to_string());
    });
    let file = parsed
        .and_then(|file| deserializer.end().map(|()| file))
        .map_err(|e| {
            let span = deserializer.span_error(e);
            ProjectError::Syntax {
                line: span.span.start.line,
                col: span.span.start.col,
                what: span.code.to_string(),
                path: path.to_path_buf(),
            }
        })?;
    Ok((file, unknown))
}

/// Reads the project file of the folder `dir`.
///
/// # Errors
/// A [`ProjectError`]: no project there, unreadable, damaged or newer.
pub fn read_project(dir: &Path) -> Result<ReadProject, ProjectError> {
    let path = dir.join(PROJECT_FILE);
    if !path.exists() {
        return Err(ProjectError::NoProject {
            path: dir.to_path_buf(),
        });
    }
    let (bytes, disk) = fsio::read_with_state(&path, MAX_PROJECT_BYTES)?;
    let text = String::from_utf8_lossy(&bytes);
    let (file, unknown) = parse_project(&text, &path)?;
    Ok(ReadProject {
        file,
        unknown,
        disk,
    })
}

/// True when the text opens like a project file.
#[must_use]
pub fn looks_like_project(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text.trim_start();
    rest.starts_with("Project(")
}

/// The registry as the file holds it.
///
/// # Errors
/// Only if serde fails, which plain data does not.
pub fn project_to_ron(file: &ProjectFile) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .struct_names(false)
        .escape_strings(true)
        .depth_limit(4);
    let body = ron_options().to_string_pretty(file, config)?;
    Ok(format!("Project{body}\n"))
}

/// Writes the registry to `dir/project.ron` atomically (the previous
/// version kept as `project.ron.bak`); returns the new file's state.
///
/// # Errors
/// A [`SaveError`]; the file on disk is then unchanged.
pub fn write_project(dir: &Path, file: &ProjectFile) -> Result<fsio::DiskState, SaveError> {
    let path = dir.join(PROJECT_FILE);
    let text = project_to_ron(file).map_err(|e| SaveError::Io {
        path: path.clone(),
        source: std::io::Error::other(e.to_string()),
    })?;
    fsio::write_atomic(&path, text.as_bytes(), looks_like_project)?;
    let meta = std::fs::metadata(&path).map_err(|e| SaveError::from_io(&path, e))?;
    Ok(fsio::DiskState::new(text.as_bytes(), &meta))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{ActorId, ActorKind};

    fn sample() -> ProjectFile {
        let mut file = ProjectFile::new("Kasachstan");
        file.actors.push(Actor::new(
            ActorId("tokajew".into()),
            "Tokajew",
            ActorKind::Person,
        ));
        file.attributes.push("Ressort".into());
        let mut entry = Entry {
            id: "a".into(),
            outlet: Some("tagesschau".into()),
            date: Some("2022-01-13".into()),
            ..Entry::default()
        };
        entry.source.title = "Kasachstan".into();
        entry.source.hash = "blake3:00".into();
        entry.attributes.insert("Ressort".into(), "Ausland".into());
        file.documents.push(entry);
        file.searches.push(SavedSearch {
            name: "CO2".into(),
            pattern: "C[Oo0]2".into(),
            regex: true,
            colour: crate::actors::Rgb::parse("#ff0000"),
        });
        file
    }

    #[test]
    fn a_project_reads_back_as_written() {
        let file = sample();
        let text = project_to_ron(&file).unwrap();
        assert!(looks_like_project(&text), "{text}");
        let (back, unknown) = parse_project(&text, Path::new("p.ron")).unwrap();
        assert_eq!(back, file);
        assert!(unknown.is_empty());
        // One field a line: a changed outlet is a one-line diff.
        assert!(
            text.lines()
                .any(|l| l.trim() == "outlet: Some(\"tagesschau\"),")
        );
    }

    #[test]
    fn unknown_fields_are_named_and_a_newer_file_is_called_newer() {
        let text =
            project_to_ron(&sample())
                .unwrap()
                .replacen("name: ", "priority: 5,\n    name: ", 1);
        let (_, unknown) = parse_project(&text, Path::new("p.ron")).unwrap();
        assert_eq!(unknown, ["priority"]);

        let newer = "Project(format: 9, name: \"x\", shiny: Thing(1))";
        let err = parse_project(newer, Path::new("p.ron")).unwrap_err();
        assert!(matches!(err, ProjectError::Newer { found: 9, .. }), "{err}");
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let text =
            project_to_ron(&sample())
                .unwrap()
                .replacen("attributes: [", "attributes: [[", 1);
        let err = parse_project(&text, Path::new("p.ron")).unwrap_err();
        let ProjectError::Syntax { line, .. } = err else {
            panic!("{err}");
        };
        assert!(line > 1);
    }
}
