//! REFI-QDA projects in: a `.qdpx` (QDA-XML 1.0, from QualCoder, MAXQDA,
//! ATLAS.ti, NVivo) made into a new Randnotiz project folder.
//!
//! - Text sources become documents: the original (`richTextPath`: a Word
//!   file, a page, a PDF) read with Randnotiz's own readers where there is
//!   one, else the plain text. REFI positions are chars into the plain
//!   text as the other tool kept it; Randnotiz's text differs from it
//!   where it normalises line ends, reflows hard-wrapped lines or extracts
//!   the original itself, so every position is mapped across
//!   ([`align`]) and each selection's text checked at its new place; where
//!   it does not agree, the passage is found by its quote ([`Reanchorer`]),
//!   and where not even so it stays an orphaned annotation.
//! - Codes become actors (by default) or concepts, the tree kept as each
//!   one's parent, colours and descriptions kept.
//! - Each `PlainTextSelection` becomes one annotation per coding user,
//!   holding all its codes; its creator is the reader; its description
//!   and the notes it refers to are its note.
//! - Users become the annotations' readers; variables and cases become
//!   the documents' attributes; the project's notes (and those of sources)
//!   become one Markdown document of their own.
//! - What Randnotiz cannot represent (pictures, audio, video, PDF region
//!   selections, sets, graphs, links, …) is counted in the report.
//!
//! A project Randnotiz exported itself comes back as it was ([`ours`]).

mod align;
mod codes;
mod ours;
mod package;
mod parse;
mod sources;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::i18n::{fill, tr_refi};
use crate::workspace::project::{Project, is_empty_folder};

/// What codes become.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CodesAs {
    /// Actors: a passage may have several, each with its colour, and a
    /// code tree is an actor's group. REFI's coding is exactly this: any
    /// number of codes on a passage.
    #[default]
    Actors,
    /// Concepts: each coding a statement on the concept (with a
    /// placeholder speaker, since REFI has none).
    Concepts,
}

/// How to import.
#[derive(Clone, Copy, Debug, Default)]
pub struct RefiOptions {
    /// What codes become.
    pub codes_as: CodesAs,
}

/// What REFI holds that Randnotiz cannot represent, counted by kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotCarried(pub BTreeMap<&'static str, usize>);

impl NotCarried {
    /// Kind: a source without a text to be found.
    pub const NO_TEXT: &'static str = "no text";
    /// Kind: a passage of a source without a text to be found.
    pub const NO_TEXT_SELECTION: &'static str = "no text selection";
    /// Kind: a selection past the end of its text.
    pub const PAST_END: &'static str = "past end";
    /// Kind: a coding with a code the code book lacks.
    pub const UNKNOWN_CODE: &'static str = "unknown code";
    /// Kind: the colour of a code made a concept.
    pub const CONCEPT_COLOUR: &'static str = "concept colour";
    /// Kind: a coding of a whole source.
    pub const WHOLE_CODING: &'static str = "whole coding";
    /// Kind: a case's reference to a code or selection.
    pub const CASE_REFS: &'static str = "case refs";

    /// Counts `n` of `kind`.
    pub fn add(&mut self, kind: &'static str, n: usize) {
        if n > 0 {
            *self.0.entry(kind).or_default() += n;
        }
    }

    /// True when everything was carried over.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many of `kind`.
    #[must_use]
    pub fn count(&self, kind: &str) -> usize {
        self.0.get(kind).copied().unwrap_or(0)
    }

    /// One line per kind, `3 × picture source (PictureSource)`.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        let t = tr_refi();
        self.0
            .iter()
            .map(|(kind, n)| {
                let what = match *kind {
                    "PictureSource" => t.kind_picture,
                    "PDFSource" => t.kind_pdf,
                    "AudioSource" => t.kind_audio,
                    "VideoSource" => t.kind_video,
                    "Set" => t.kind_set,
                    "Graph" => t.kind_graph,
                    "Link" => t.kind_link,
                    "PlainTextSelection without positions" => t.kind_no_positions,
                    "PlainTextSelection in a note" => t.kind_note_selection,
                    Self::NO_TEXT => t.kind_no_text,
                    Self::NO_TEXT_SELECTION => t.kind_no_text_selection,
                    Self::PAST_END => t.kind_past_end,
                    Self::UNKNOWN_CODE => t.kind_unknown_code,
                    Self::CONCEPT_COLOUR => t.kind_concept_colour,
                    Self::WHOLE_CODING => t.kind_whole_coding,
                    Self::CASE_REFS => t.kind_case_refs,
                    _ => t.kind_other,
                };
                fill(t.not_carried_line, &[("n", n), ("what", &what)])
            })
            .collect()
    }
}

/// What an import made.
#[derive(Clone, Debug, Default)]
pub struct RefiReport {
    /// The new project's folder.
    pub dir: PathBuf,
    /// The file imported.
    pub source: PathBuf,
    /// What codes became.
    pub codes_as: CodesAs,
    /// Documents made (the notes' document among them, if any).
    pub documents: usize,
    /// Codes taken (as actors or concepts).
    pub codes: usize,
    /// Annotations made.
    pub annotations: usize,
    /// Actors and concepts assigned to them, together.
    pub assignments: usize,
    /// Readers the annotations name.
    pub readers: usize,
    /// Notes and memos taken (on passages, codes, sources and the project).
    pub notes: usize,
    /// Attribute columns made (variables, cases, descriptions).
    pub attributes: usize,
    /// Passages found by their quote, not at their mapped position.
    pub reanchored: usize,
    /// Passages found nowhere: kept as orphaned annotations.
    pub unplaced: usize,
    /// What else to say (empty sources, originals that could not be read).
    pub notices: Vec<String>,
    /// What was not carried over.
    pub not_carried: NotCarried,
}

impl RefiReport {
    /// One line: what came in.
    #[must_use]
    pub fn summary(&self) -> String {
        let t = tr_refi();
        let what = match self.codes_as {
            CodesAs::Actors => t.as_actors,
            CodesAs::Concepts => t.as_concepts,
        };
        fill(
            t.summary,
            &[
                ("path", &self.source.display()),
                ("documents", &self.documents),
                ("codes", &self.codes),
                ("what", &what),
                ("annotations", &self.annotations),
                ("assignments", &self.assignments),
                ("readers", &self.readers),
                ("notes", &self.notes),
                ("attributes", &self.attributes),
            ],
        )
    }

    /// Everything beyond the summary, a line each: the notices, the
    /// passages found by quote or not at all, and what was not carried
    /// over under its heading.
    #[must_use]
    pub fn details(&self) -> Vec<String> {
        let t = tr_refi();
        let mut lines = self.notices.clone();
        if self.reanchored > 0 {
            lines.push(fill(t.reanchored, &[("n", &self.reanchored)]));
        }
        if self.unplaced > 0 {
            lines.push(fill(t.unplaced, &[("n", &self.unplaced)]));
        }
        if !self.not_carried.is_empty() {
            lines.push(t.not_carried.to_owned());
            lines.extend(
                self.not_carried
                    .lines()
                    .into_iter()
                    .map(|l| format!("  {l}")),
            );
        }
        lines
    }
}

/// Why an import was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum RefiError {
    /// The target folder holds files already.
    #[error("{}", fill(tr_refi().err_not_empty, &[("path", &.0.display())]))]
    NotEmpty(PathBuf),
    /// The file cannot be read.
    #[error("{}", fill(tr_refi().err_read, &[("path", &path.display()), ("why", why)]))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The file holds no `project.qde`.
    #[error("{}", fill(tr_refi().err_no_qde, &[("path", &.0.display())]))]
    NoQde(PathBuf),
    /// The `project.qde` is not QDA-XML.
    #[error("{}", fill(tr_refi().err_xml, &[("path", &path.display()), ("why", why)]))]
    Xml {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// The new project could not be written.
    #[error("{}", fill(tr_refi().err_write, &[("why", .0)]))]
    Write(String),
}

/// True for a file the REFI import takes: `.qdpx` or `.qde`.
#[must_use]
pub fn is_refi(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("qdpx") || e.eq_ignore_ascii_case("qde"))
}

/// Imports the REFI project `input` (a `.qdpx`, or a `.qde` with its
/// sources beside it) as a new project in `dir`, which must be missing or
/// empty.
///
/// # Errors
/// A [`RefiError`]: `dir` not empty, the file unreadable or not a REFI
/// project, the new project not writable (what was written stays, for
/// looking into).
pub fn import(input: &Path, dir: &Path, options: RefiOptions) -> Result<RefiReport, RefiError> {
    if !is_empty_folder(dir) {
        return Err(RefiError::NotEmpty(dir.to_path_buf()));
    }
    let (mut package, text) = package::Package::open(input).map_err(|why| {
        if why.is_empty() {
            RefiError::NoQde(input.to_path_buf())
        } else {
            RefiError::Read {
                path: input.to_path_buf(),
                why,
            }
        }
    })?;
    let qde = parse::parse(&text).map_err(|e| RefiError::Xml {
        path: input.to_path_buf(),
        why: e.to_string(),
    })?;
    drop(text);
    let mut report = RefiReport {
        dir: dir.to_path_buf(),
        source: input.to_path_buf(),
        codes_as: options.codes_as,
        ..RefiReport::default()
    };
    for (kind, n) in &qde.unsupported {
        report.not_carried.add(kind, *n);
    }
    let loaded = sources::load(&qde, &mut package, &mut report);
    let plain: Vec<String> = loaded
        .iter()
        .filter_map(|l| l.as_ref().and_then(|l| l.plain.clone()))
        .collect();
    let ours = ours::recognise(&qde, &plain);
    let name = if qde.name.trim().is_empty() {
        input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        qde.name.clone()
    };
    let mut project = Project::create(dir, &name).map_err(RefiError::Write)?;
    sources::build(
        &qde,
        ours.as_ref(),
        loaded,
        &mut project,
        options,
        &mut report,
    )
    .map_err(|e| RefiError::Write(e.to_string()))?;
    Ok(report)
}
