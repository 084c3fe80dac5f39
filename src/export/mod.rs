//! Exports: the reading session in formats other tools read.
//!
//! A Markdown report for papers, CSV for spreadsheets, W3C Web Annotation
//! JSON-LD for other annotation tools (and back), a REFI-QDA project for
//! QualCoder, MAXQDA, ATLAS.ti and NVivo, the actor network as GraphML and
//! as an edge list, and a project's statement networks ([`corpus_network`]:
//! matrices, GraphML, time windows). Every export writes user text (quotes,
//! notes, actor names) only through [`escape`], so spreadsheets never see
//! formulas and reports never see markup the reader did not write as text.
//! Orphaned annotations are exported too, marked as such: nothing is
//! dropped. A whole project goes out through [`corpus`], in the formats that
//! make sense for many texts at once. Highlights go out (and back in) as
//! readers' apps carry them ([`highlights`]): a Zotero note in Markdown,
//! KOReader's JSON.

pub mod corpus;
pub mod corpus_network;
pub mod escape;
pub mod highlights;
pub mod network;
pub mod qdpx;
pub mod report;
pub mod table;
pub mod w3c;
mod xml;

use std::path::Path;

use crate::annotation::{Annotation, Session};
use crate::document::{CharRange, Document};
use crate::fsio::{self, SaveError};
use crate::i18n::{fill, tr};
use crate::storage;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A Markdown report.
    Markdown,
    /// One CSV row per annotation.
    Csv,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// A REFI-QDA project (`.qdpx`).
    Qdpx,
    /// The actor network as GraphML.
    GraphMl,
    /// The actor network as a CSV edge list.
    Edges,
    /// The two-mode actor–concept network of statements as GraphML.
    Concepts,
    /// The one-mode actor network by shared concepts (congruence, conflict).
    Congruence,
    /// Mentions and annotations per actor per section, as CSV.
    ActorStats,
    /// How often actors are coded in the same passage, as a CSV matrix.
    CoOccurrence,
    /// A Zotero note of the highlights, as Markdown.
    ZoteroMd,
    /// KOReader's highlight export, as JSON.
    KoreaderJson,
}

impl Format {
    /// All formats, in menu order.
    pub const ALL: [Self; 12] = [
        Self::Markdown,
        Self::Csv,
        Self::W3c,
        Self::Qdpx,
        Self::GraphMl,
        Self::Edges,
        Self::Concepts,
        Self::Congruence,
        Self::ActorStats,
        Self::CoOccurrence,
        Self::ZoteroMd,
        Self::KoreaderJson,
    ];

    /// The name used on the command line (`--format md`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::W3c => "w3c",
            Self::Qdpx => "qdpx",
            Self::GraphMl => "graphml",
            Self::Edges => "edges",
            Self::Concepts => "concepts",
            Self::Congruence => "congruence",
            Self::ActorStats => "actor-stats",
            Self::CoOccurrence => "cooccurrence",
            Self::ZoteroMd => "zotero-md",
            Self::KoreaderJson => "koreader-json",
        }
    }

    /// The format named `name` on the command line.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name || (name == "markdown" && *f == Self::Markdown))
    }

    /// The file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::W3c => "jsonld",
            Self::Qdpx => "qdpx",
            Self::GraphMl => "graphml",
            Self::Edges => "edges.csv",
            Self::Concepts => "concepts.graphml",
            Self::Congruence => "congruence.graphml",
            Self::ActorStats => "actors.csv",
            Self::CoOccurrence => "cooccurrence.csv",
            Self::ZoteroMd => "zotero.md",
            Self::KoreaderJson => "koreader.json",
        }
    }

    /// The menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        let t = tr();
        match self {
            Self::Markdown => t.export_markdown,
            Self::Csv => t.export_csv,
            Self::W3c => t.export_w3c,
            Self::Qdpx => t.export_qdpx,
            Self::GraphMl => t.export_graphml,
            Self::Edges => t.export_edges,
            Self::Concepts => t.export_concepts,
            Self::Congruence => t.export_congruence,
            Self::ActorStats => t.export_actor_stats,
            Self::CoOccurrence => t.export_cooccurrence,
            Self::ZoteroMd => crate::i18n::tr_hl().export_zotero,
            Self::KoreaderJson => crate::i18n::tr_hl().export_koreader,
        }
    }

    /// True for the formats a whole project is exported in (see
    /// [`corpus`]); the others are made for one text.
    #[must_use]
    pub fn for_projects(self) -> bool {
        matches!(
            self,
            Self::Csv
                | Self::Qdpx
                | Self::Markdown
                | Self::W3c
                | Self::ZoteroMd
                | Self::KoreaderJson
        )
    }

    /// True for formats that are text (and may go to standard output).
    #[must_use]
    pub fn is_text(self) -> bool {
        self != Self::Qdpx
    }
}

/// What an export reads.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The session.
    pub session: &'a Session,
    /// The text the annotations point into.
    pub document: &'a Document,
    /// Where the text came from; `None` for the bundled article.
    pub source: Option<&'a Path>,
}

impl Input<'_> {
    /// True when the annotation's position no longer holds its quote.
    #[must_use]
    pub fn is_orphaned(&self, annotation: &Annotation) -> bool {
        !annotation.target.matches(self.document)
    }

    /// The label of the section an annotation stands in, or "verwaist".
    #[must_use]
    pub fn section_label(&self, annotation: &Annotation) -> String {
        if self.is_orphaned(annotation) {
            return tr().badge_orphaned.to_owned();
        }
        self.document
            .section_at(annotation.range().start)
            .and_then(|i| self.document.sections().get(i))
            .map_or_else(String::new, |s| s.label().to_owned())
    }

    /// The annotations in document order (orphans last, in session order).
    #[must_use]
    pub fn in_order(&self) -> Vec<&Annotation> {
        let (mut placed, orphans): (Vec<&Annotation>, Vec<&Annotation>) = self
            .session
            .annotations
            .iter()
            .partition(|a| !self.is_orphaned(a));
        placed.sort_by_key(|a| (a.range().start, std::cmp::Reverse(a.range().end)));
        placed.extend(orphans);
        placed
    }

    /// The names of an annotation's actors, in its order.
    #[must_use]
    pub fn actor_names<'s>(&'s self, annotation: &'s Annotation) -> Vec<&'s str> {
        annotation
            .actors
            .iter()
            .map(|id| {
                self.session
                    .actor(id)
                    .map_or(id.as_str(), |a| a.name.as_str())
            })
            .collect()
    }

    /// An annotation's statement as text: "OVKS – stimmt zu – Abzug".
    #[must_use]
    pub fn statement_text(&self, annotation: &Annotation) -> Option<String> {
        let s = annotation.statement.as_ref()?;
        let actor = self
            .session
            .actor(&s.actor)
            .map_or(s.actor.as_str(), |a| a.name.as_str());
        let concept = self
            .session
            .concept(&s.concept)
            .map_or(s.concept.as_str(), |c| c.name.as_str());
        Some(format!("{actor} – {} – {concept}", s.stance.label()))
    }

    /// Where the text came from, for reports: its path or "the bundled article".
    #[must_use]
    pub fn source_name(&self) -> String {
        self.source.map_or_else(
            || {
                fill(
                    tr().export_bundled,
                    &[("name", &crate::document::bundled::FILE_NAME)],
                )
            },
            |p| p.display().to_string(),
        )
    }

    /// Up to `chars` chars of text before and after `range`, cut at spaces,
    /// white space folded; a space stays at the joint where the text had one.
    #[must_use]
    pub fn context(&self, range: CharRange, chars: usize) -> (String, String) {
        let doc = self.document;
        let before = doc.slice(CharRange::new(
            range.start.saturating_sub(chars),
            range.start,
        ));
        let after = doc.slice(
            CharRange::new(range.end, range.end.saturating_add(chars)).clamped(doc.len_chars()),
        );
        let before = match before.find(' ') {
            Some(i) if range.start > chars => &before[i + 1..],
            _ => before,
        };
        let after = match after.rfind(' ') {
            Some(i) if range.end + chars < doc.len_chars() => &after[..i],
            _ => after,
        };
        let mut before_flat = flatten(before);
        if before.ends_with(char::is_whitespace) && !before_flat.is_empty() {
            before_flat.push(' ');
        }
        let after_flat = flatten(after);
        let after_flat = if after.starts_with(char::is_whitespace) && !after_flat.is_empty() {
            format!(" {after_flat}")
        } else {
            after_flat
        };
        (before_flat, after_flat)
    }
}

/// The first `max` chars of `text` on one line, with an ellipsis if cut.
#[must_use]
pub fn excerpt(text: &str, max: usize) -> String {
    let flat = flatten(text);
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Appends a formatted line to a `String` (which cannot fail to grow).
macro_rules! putln {
    ($out:expr) => { $out.push('\n') };
    ($out:expr, $($arg:tt)*) => {{ $out.push_str(&format!($($arg)*)); $out.push('\n'); }};
}
pub(crate) use putln;

/// White space (line breaks included) folded to single spaces.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// The output would replace the text or a session.
    #[error("{}", fill(tr().err_export_overwrite, &[("path", &path.display())]))]
    WouldOverwrite {
        /// The refused target.
        path: std::path::PathBuf,
    },
    /// The format is made for one text, not for a whole project.
    #[error("{}", fill(crate::i18n::tr_co().err_format_not_for_projects, &[("format", format)]))]
    NotForProjects {
        /// The format's command-line name.
        format: &'static str,
    },
    /// Building the output failed (a ZIP or JSON library error).
    #[error("{}", fill(tr().err_export_build, &[("error", &.0)]))]
    Build(String),
}

/// The bytes of `input` in `format`.
///
/// # Errors
/// [`ExportError::Build`] when a library fails to build the output.
pub fn render(input: &Input<'_>, format: Format) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Markdown => report::markdown(input).into_bytes(),
        Format::Csv => table::csv(input).into_bytes(),
        Format::W3c => w3c::export(input).into_bytes(),
        Format::Qdpx => qdpx::export(input)?,
        Format::GraphMl => network::graphml(input).into_bytes(),
        Format::Edges => network::edges_csv(input).into_bytes(),
        Format::Concepts => network::concept_graphml(input).into_bytes(),
        Format::Congruence => network::congruence_graphml(input).into_bytes(),
        Format::ActorStats => {
            let mentions =
                crate::actors::MentionIndex::build(&input.session.actors, input.document.text());
            let table =
                crate::analysis::stats::ActorTable::build(input.document, input.session, &mentions);
            table::actor_stats(&table).into_bytes()
        }
        Format::CoOccurrence => table::co_occurrence(input.session).into_bytes(),
        Format::ZoteroMd => highlights::zotero::export(input).into_bytes(),
        Format::KoreaderJson => highlights::koreader::export(input).into_bytes(),
    })
}

/// Writes `input` in `format` to `path`, atomically. Never replaces the text
/// itself or a session file.
///
/// # Errors
/// An [`ExportError`] saying why; an existing file is then unchanged.
pub fn write(input: &Input<'_>, format: Format, path: &Path) -> Result<(), ExportError> {
    let refuses = |p: &Path| input.source.is_some_and(|s| same_file(s, p));
    if refuses(path) {
        return Err(ExportError::WouldOverwrite {
            path: path.to_path_buf(),
        });
    }
    let bytes = render(input, format)?;
    fsio::write_atomic(path, &bytes, |head| !storage::looks_like_session(head)).map_err(|e| match e
    {
        SaveError::Foreign { path } => ExportError::WouldOverwrite { path },
        other => ExportError::Save(other),
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
