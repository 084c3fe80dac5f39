//! KOReader's highlight export as JSON: out in the shape of its exporter
//! plugin's `json` target, and back in from it (see [`super`] for what is
//! written and read).
//!
//! ```json
//! {
//!   "title": "Kasachstan: Militärbündnis beginnt mit Abzug",
//!   "file": "artikel.txt",
//!   "number_of_pages": 24,
//!   "created_on": 1764660000,
//!   "version": "randnotiz/0.1.0",
//!   "entries": [
//!     { "sort": "highlight", "page": 3, "time": 1642068000,
//!       "text": "Das von Russland angeführte Militärbündnis …",
//!       "note": "Erfolg behauptet.\n\n#OVKS", "chapter": "Anfang",
//!       "drawer": "lighten", "color": "yellow" }
//!   ]
//! }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{
    Highlight, HighlightError, Paragraphs, Read, colour_of_hex, hashtags, place_of, split_tags,
    tags_of,
};
use crate::annotation::{Colour, Timestamp};
use crate::export::Input;
use crate::export::w3c::ImportError;
use crate::i18n::{fill, tr_hl};

/// Randnotiz's colours by KOReader's names (pink is not KOReader's).
pub const COLOURS: [(Colour, &str); 8] = [
    (Colour::Yellow, "yellow"),
    (Colour::Green, "green"),
    (Colour::Blue, "blue"),
    (Colour::Red, "red"),
    (Colour::Purple, "purple"),
    (Colour::Orange, "orange"),
    (Colour::Pink, "pink"),
    (Colour::Grey, "gray"),
];

/// KOReader's other colour names, read as the nearest of Randnotiz's.
const ALSO: [(&str, Colour); 6] = [
    ("olive", Colour::Green),
    ("cyan", Colour::Blue),
    ("grey", Colour::Grey),
    ("magenta", Colour::Pink),
    ("white", Colour::Grey),
    ("black", Colour::Grey),
];

/// The `version` Randnotiz writes: its exporter and release. An import of
/// a file with it reads `page` as a paragraph's number.
#[must_use]
pub fn version() -> String {
    format!("randnotiz/{}", env!("CARGO_PKG_VERSION"))
}

/// KOReader's name of a colour.
#[must_use]
pub fn colour_name(colour: Colour) -> &'static str {
    COLOURS
        .iter()
        .find(|(c, _)| *c == colour)
        .map_or("yellow", |(_, n)| n)
}

#[derive(Serialize)]
struct EntryOut<'a> {
    sort: &'static str,
    page: usize,
    time: i64,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    chapter: Option<String>,
    drawer: &'static str,
    color: &'static str,
}

#[derive(Serialize)]
struct BookOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    file: String,
    number_of_pages: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_on: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<String>,
    entries: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct ManyOut<'a> {
    created_on: i64,
    version: String,
    documents: Vec<BookOut<'a>>,
}

fn book<'a>(input: &'a Input<'_>) -> BookOut<'a> {
    let paragraphs = Paragraphs::of(input.document);
    let entries = input
        .in_order()
        .into_iter()
        .map(|a| {
            let (number, chapter) = place_of(input, &paragraphs, a);
            let tags = tags_of(input, a);
            let note = match (a.note.trim(), tags.is_empty()) {
                ("", true) => None,
                ("", false) => Some(hashtags(&tags)),
                (note, true) => Some(note.to_owned()),
                (note, false) => Some(format!("{note}\n\n{}", hashtags(&tags))),
            };
            EntryOut {
                sort: "highlight",
                page: number.unwrap_or(0),
                time: a.created.as_second(),
                text: a.quote(),
                note,
                chapter: (!chapter.is_empty()).then_some(chapter),
                drawer: "lighten",
                color: colour_name(a.colour),
            }
        })
        .collect();
    let file = input.source.map_or_else(
        || crate::document::bundled::FILE_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    BookOut {
        title: input.document.title_or_default(),
        author: input
            .document
            .meta()
            .author
            .as_deref()
            .filter(|a| !a.trim().is_empty()),
        file,
        number_of_pages: paragraphs.len(),
        created_on: None,
        version: None,
        entries,
    }
}

/// The session as KOReader's JSON export of one book.
#[must_use]
pub fn export(input: &Input<'_>) -> String {
    let mut one = book(input);
    one.created_on = Some(crate::annotation::now().as_second());
    one.version = Some(version());
    pretty(&one)
}

/// Several sessions (a project's documents) as KOReader's export of
/// several books: `{created_on, version, documents: […]}`.
#[must_use]
pub fn export_many(inputs: &[Input<'_>]) -> String {
    pretty(&ManyOut {
        created_on: crate::annotation::now().as_second(),
        version: version(),
        documents: inputs.iter().map(book).collect(),
    })
}

fn pretty(value: &impl Serialize) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The keys that tell KOReader's export from a Web Annotation file.
#[derive(Deserialize)]
struct Probe {
    entries: Option<serde::de::IgnoredAny>,
    documents: Option<serde::de::IgnoredAny>,
    #[serde(rename = "@context")]
    context: Option<serde::de::IgnoredAny>,
    #[serde(rename = "type")]
    kind: Option<serde::de::IgnoredAny>,
}

/// True when `text` is a JSON object with KOReader's `entries` (or
/// `documents`) and nothing of a Web Annotation's (`@context`, `type`).
#[must_use]
pub fn looks_like(text: &str) -> bool {
    serde_json::from_str::<Probe>(text).is_ok_and(|p| {
        (p.entries.is_some() || p.documents.is_some()) && p.context.is_none() && p.kind.is_none()
    })
}

/// Reads the highlights of KOReader's JSON export.
///
/// # Errors
/// [`HighlightError::File`] when the text is not JSON,
/// [`HighlightError::NotKoreader`] when it is not KOReader's shape.
pub fn read(text: &str) -> Result<Read, HighlightError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        col: e.column(),
        what: e.to_string(),
    })?;
    let books: Vec<&Value> = if value.get("entries").is_some_and(Value::is_array) {
        vec![&value]
    } else if let Some(documents) = value.get("documents").and_then(Value::as_array) {
        documents.iter().collect()
    } else {
        return Err(HighlightError::NotKoreader);
    };
    let ours = value
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| v.starts_with("randnotiz/"));
    let mut read = Read::default();
    let mut n = 0;
    for book in books {
        let title = book.get("title").and_then(Value::as_str).map(str::to_owned);
        let pages = book
            .get("number_of_pages")
            .and_then(Value::as_u64)
            .and_then(|p| usize::try_from(p).ok());
        for entry in book
            .get("entries")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            n += 1;
            match self::entry(entry, ours, pages) {
                Ok(mut h) => {
                    h.source_title.clone_from(&title);
                    read.highlights.push(h);
                }
                Err(kind) => read.skipped.push(kind.say(n)),
            }
        }
    }
    Ok(read)
}

/// Why an entry is no highlight.
enum NotHighlight {
    /// Another sort (a bookmark, a note of My Clippings).
    Sort(String),
    /// No text (an image clipping of an old version).
    NoText,
}

impl NotHighlight {
    fn say(&self, n: usize) -> String {
        match self {
            Self::Sort(kind) => fill(tr_hl().other_entry, &[("n", &n), ("kind", kind)]),
            Self::NoText => fill(tr_hl().no_text, &[("n", &n)]),
        }
    }
}

fn entry(entry: &Value, ours: bool, pages: Option<usize>) -> Result<Highlight, NotHighlight> {
    let text = |key: &str| entry.get(key).and_then(Value::as_str);
    if let Some(sort) = text("sort").filter(|s| *s != "highlight") {
        return Err(NotHighlight::Sort(sort.to_owned()));
    }
    let quote = text("text")
        .filter(|t| !t.trim().is_empty())
        .ok_or(NotHighlight::NoText)?;
    let page = match entry.get("page") {
        Some(Value::Number(n)) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        // A publisher's page label (KOReader's `pageref`): its number.
        Some(Value::String(s)) => s
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok(),
        _ => None,
    }
    .filter(|&p| p > 0);
    let (note, tags) = split_tags(text("note").unwrap_or(""));
    let (colour, unknown_colour) = match text("color").map(str::trim) {
        None | Some("") => (None, None),
        Some(name) => match colour_named(name) {
            Some(c) => (Some(c), None),
            None => (None, Some(name.to_owned())),
        },
    };
    Ok(Highlight {
        quote: quote.to_owned(),
        note: note.trim().to_owned(),
        colour,
        unknown_colour,
        tags,
        paragraph: if ours { page } else { None },
        page: if ours { None } else { page.map(|p| (p, pages)) },
        chapter: text("chapter")
            .filter(|c| !c.trim().is_empty())
            .map(str::to_owned),
        created: entry
            .get("time")
            .and_then(Value::as_i64)
            .and_then(|s| Timestamp::from_second(s).ok()),
        styled: text("drawer").is_some_and(|d| d != "lighten"),
        source_title: None,
    })
}

/// A colour by KOReader's name (or a `#rrggbb`).
fn colour_named(name: &str) -> Option<Colour> {
    let lower = name.to_ascii_lowercase();
    COLOURS
        .iter()
        .find(|(_, n)| *n == lower)
        .map(|(c, _)| *c)
        .or_else(|| ALSO.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c))
        .or_else(|| {
            lower
                .starts_with('#')
                .then(|| colour_of_hex(&lower, &[]))
                .flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn koreaders_shape_is_told_from_web_annotations() {
        assert!(looks_like(r#"{"title":"X","entries":[]}"#));
        assert!(looks_like(
            r#"{"created_on":1,"documents":[{"entries":[]}]}"#
        ));
        assert!(!looks_like(
            r#"{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection"}"#
        ));
        assert!(!looks_like(r#"[{"type":"Annotation"}]"#));
        assert!(!looks_like("# Anmerkungen"));
    }

    #[test]
    fn entries_are_read_with_colour_page_and_tags() {
        let read = read(
            r##"{"title":"Buch","number_of_pages":200,"version":"json/1.0.0","entries":[
            {"sort":"highlight","page":12,"time":1700000000,"text":"Wort","note":"Gut.\n\n#OVKS","chapter":"Eins","drawer":"underscore","color":"olive"},
            {"sort":"highlight","page":"iv","text":""},
            {"sort":"bookmark","page":3,"text":"Seite 3"}]}"##,
        )
        .unwrap();
        let [h] = read.highlights.as_slice() else {
            panic!("{:?}", read.highlights)
        };
        assert_eq!(h.quote, "Wort");
        assert_eq!(h.note, "Gut.");
        assert_eq!(h.tags, ["OVKS"]);
        assert_eq!(h.colour, Some(Colour::Green));
        assert_eq!(h.page, Some((12, Some(200))));
        assert!(h.styled);
        assert_eq!(read.skipped.len(), 2);
    }
}
