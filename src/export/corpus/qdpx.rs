//! A whole project as one REFI-QDA project: every document a `TextSource`
//! (its normalised text as the source file, so selections' char offsets
//! slice it), the registry's actors, colours and concepts as one code book,
//! the document columns (outlet, date, author) and the user's attributes as
//! variables with a value per source (the tools call them document or
//! source variables), and each orphaned annotation as a note naming its
//! document.

use std::collections::HashSet;

use super::super::qdpx::{self as one, Guids, Source};
use super::super::xml::Xml;
use super::{Corpus, ExportError};
use crate::annotation::Annotation;
use crate::i18n::tr_co;
use crate::storage::Entry;

/// A variable: a document column or one of the user's attributes.
enum Field<'a> {
    Outlet,
    Date,
    Author,
    Attribute(&'a str),
}

impl Field<'_> {
    /// The key its GUID is made from.
    fn key(&self) -> String {
        match self {
            Self::Outlet => "variable:outlet".to_owned(),
            Self::Date => "variable:date".to_owned(),
            Self::Author => "variable:author".to_owned(),
            Self::Attribute(name) => format!("attribute:{name}"),
        }
    }

    /// The name the tools show.
    fn name(&self) -> &str {
        let t = tr_co();
        match self {
            Self::Outlet => t.field_outlet,
            Self::Date => t.field_date,
            Self::Author => t.field_author,
            Self::Attribute(name) => name,
        }
    }

    /// Its value for `entry`, if it has one.
    fn value<'e>(&self, entry: &'e Entry) -> Option<&'e str> {
        match self {
            Self::Outlet => entry.outlet.as_deref(),
            Self::Date => entry.date.as_deref(),
            Self::Author => entry.author.as_deref(),
            Self::Attribute(name) => entry.attributes.get(*name).map(String::as_str),
        }
        .filter(|value| !value.trim().is_empty())
    }
}

/// The variables, the document columns first.
fn variables<'a>(corpus: &Corpus<'a>) -> Vec<Field<'a>> {
    let mut out = vec![Field::Outlet, Field::Date, Field::Author];
    out.extend(
        corpus
            .project
            .attributes
            .iter()
            .map(|name| Field::Attribute(name)),
    );
    out
}

/// The GUID seed of a project: the same project exports the same GUIDs.
fn seed(corpus: &Corpus<'_>) -> String {
    format!("randnotiz-project\u{0}{}", corpus.project.name)
}

/// The names of the sources: each document's title, told apart by its id
/// where two share one (the tools list sources by name).
fn source_names(corpus: &Corpus<'_>) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut twice: HashSet<&str> = HashSet::new();
    for item in &corpus.documents {
        if !seen.insert(&item.entry.source.title) {
            twice.insert(&item.entry.source.title);
        }
    }
    corpus
        .documents
        .iter()
        .map(|item| {
            let title = item.entry.source.title.as_str();
            let title = if title.trim().is_empty() {
                item.input.document.title_or_default()
            } else {
                title
            };
            if twice.contains(item.entry.source.title.as_str()) {
                format!("{title} ({})", item.entry.id)
            } else {
                title.to_owned()
            }
        })
        .collect()
}

/// The sources, one per document, with their variable values.
fn sources<'a>(corpus: &'a Corpus<'a>, guids: &Guids<'_>, names: &'a [String]) -> Vec<Source<'a>> {
    let variables = variables(corpus);
    corpus
        .documents
        .iter()
        .zip(names)
        .map(|(item, name)| {
            let entry = item.entry;
            let values = variables
                .iter()
                .filter_map(|field| Some((guids.of(&field.key()), field.value(entry)?)))
                .collect();
            Source {
                input: &item.input,
                prefix: format!("document:{}:", entry.id),
                name,
                variables: values,
            }
        })
        .collect()
}

/// `project.qde` of the whole project.
#[must_use]
pub fn project_xml(corpus: &Corpus<'_>) -> String {
    let seed = seed(corpus);
    let guids = Guids(&seed);
    let mut out = Xml::new();
    one::open_project(&mut out, &guids, corpus.name(), &corpus.readers());
    one::code_book(&mut out, &guids, &corpus.registry());
    out.open("Variables", &[]);
    for field in variables(corpus) {
        out.empty(
            "Variable",
            &[
                ("guid", &guids.of(&field.key())),
                ("name", field.name()),
                ("typeOfVariable", "Text"),
            ],
        );
    }
    out.close("Variables");
    let names = source_names(corpus);
    let sources = sources(corpus, &guids, &names);
    let mut orphans: Vec<(&Source<'_>, &Annotation)> = Vec::new();
    if !sources.is_empty() {
        out.open("Sources", &[]);
        for source in &sources {
            let lost = one::text_source(&mut out, &guids, source);
            orphans.extend(lost.into_iter().map(|a| (source, a)));
        }
        out.close("Sources");
    }
    one::orphan_notes(&mut out, &guids, &orphans);
    out.close("Project");
    out.finish()
}

/// The `.qdpx` ZIP: `project.qde` and every document's text as
/// `sources/<guid>.txt`.
///
/// # Errors
/// [`ExportError::Build`] when the ZIP cannot be assembled.
pub fn export(corpus: &Corpus<'_>) -> Result<Vec<u8>, ExportError> {
    let seed = seed(corpus);
    let guids = Guids(&seed);
    let names = source_names(corpus);
    let texts: Vec<(String, &str)> = sources(corpus, &guids, &names)
        .iter()
        .map(|source| (source.guid(&guids), source.input.document.text()))
        .collect();
    one::package(&project_xml(corpus), &texts)
}
