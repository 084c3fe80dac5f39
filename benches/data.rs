//! Inputs shared by the benchmarks: the 5 MB book, sessions with many
//! annotations on it, a lightly edited copy of it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use randnotiz::actors::{Actor, ActorId, ActorKind, default_actors};
use randnotiz::anchor::Target;
use randnotiz::annotation::{Annotation, AnnotationId, Colour, DocumentRef, Session, now};
use randnotiz::document::{CharRange, Document, TextFormat};

/// The novel, as in `tests/data/long`.
pub fn novel() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/long/fontane_effi_briest_1896.txt");
    std::fs::read_to_string(path).unwrap()
}

/// A 5 MB text: the novel nine times (5.5 MB).
pub fn book() -> String {
    novel().repeat(9)
}

/// The book with nine chapters, as Markdown headings, to switch between.
pub fn book_with_chapters() -> String {
    chapters(&novel())
}

/// Nine chapters, each `text` under a Markdown heading.
pub fn chapters(text: &str) -> String {
    (1..=9)
        .map(|n| format!("# Kapitel {n}\n\n{text}\n\n"))
        .collect()
}

/// `text` under `n` Markdown headings, spread over its paragraphs: a long
/// outline.
pub fn sections(text: &str, n: usize) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let per = paragraphs.len().div_ceil(n).max(1);
    paragraphs
        .chunks(per)
        .enumerate()
        .map(|(i, chunk)| format!("# Abschnitt {}\n\n{}\n\n", i + 1, chunk.join("\n\n")))
        .collect()
}

/// The book lightly edited: a sentence inserted every 500 000 chars and a
/// few words changed, as a corrected edition would be.
pub fn edited(book: &str) -> String {
    let chars: Vec<char> = book.chars().collect();
    let mut out = String::with_capacity(book.len() + 1000);
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && i % 500_000 == 0 {
            out.push_str(" Ein Satz, den die neue Ausgabe einfügt. ");
        }
        out.push(*c);
    }
    out.replacen("Effi", "Effie", 20)
        .replacen("Innstetten", "Instetten", 10)
}

/// Actors for the novel.
pub fn actors() -> Vec<Actor> {
    let mut actors = default_actors();
    for (id, name) in [
        ("effi", "Effi"),
        ("innstetten", "Innstetten"),
        ("crampas", "Crampas"),
        ("briest", "Briest"),
        ("roswitha", "Roswitha"),
    ] {
        actors.push(Actor::new(ActorId(id.into()), name, ActorKind::Person));
    }
    actors
}

/// A session with `n` annotations spread evenly over `doc`, 40–200 chars
/// each, every third with a note, some overlapping.
pub fn session(doc: &Document, n: usize) -> Session {
    session_with(doc, n, actors())
}

/// Like [`session`], with the given actor list.
pub fn session_with(doc: &Document, n: usize, actors: Vec<Actor>) -> Session {
    let mut session = Session::new(DocumentRef::to(doc, None), actors);
    let len = doc.len_chars();
    let step = len / n;
    let time = now();
    for i in 0..n {
        let start = i * step + (i * 7919) % (step / 2).max(1);
        let span = 40 + (i * 104_729) % 160;
        let range = CharRange::new(start, (start + span).min(len));
        session.annotations.push(Annotation {
            id: AnnotationId(format!("a{}", i + 1)),
            reader: None,
            target: Target::from_range(doc, range),
            colour: Colour::ALL[i % 8],
            actors: vec![session.actors[i % session.actors.len()].id.clone()],
            statement: None,
            note: if i % 3 == 0 {
                format!(
                    "Notiz {i}: „{}“",
                    doc.slice(CharRange::new(start, start + 20))
                )
            } else {
                String::new()
            },
            created: time,
            modified: time,
            extra: Default::default(),
        });
    }
    session
}

/// Writes `text` and a session with `n` annotations on it into `dir`;
/// returns the session's path.
pub fn session_file(dir: &Path, text: &str, n: usize) -> PathBuf {
    session_file_with(dir, text, n, actors())
}

/// Like [`session_file`], with the given actor list.
pub fn session_file_with(dir: &Path, text: &str, n: usize, actors: Vec<Actor>) -> PathBuf {
    let text_path = dir.join("buch.txt");
    std::fs::write(&text_path, text).unwrap();
    let doc = Document::parse(text, TextFormat::Plain);
    let mut session = session_with(&doc, n, actors);
    session.document.path = Some("buch.txt".into());
    let path = dir.join("buch.ron");
    std::fs::write(&path, randnotiz::storage::session_to_ron(&session).unwrap()).unwrap();
    path
}

/// Peak resident memory of this process so far, in MB (Linux).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// How many documents the corpus has at least.
pub const DOCUMENTS: usize = 1_000;

/// About how long a part of a long text is, in bytes: a long news article.
const PART: usize = 6_000;

/// The texts the corpus is made of, before they are repeated.
pub fn originals() -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata");
    let mut texts = Vec::new();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(shared.join("html"))
        .map(|dir| dir.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    pages.sort();
    for page in &pages {
        if let Ok(doc) = Document::open(page) {
            texts.push(doc.text().to_owned());
        }
    }
    let mut long = long_texts(&shared);
    if texts.is_empty() && long.is_empty() {
        eprintln!("../shared/testdata is missing: the corpus is cut from tests/data/long");
        long = long_texts(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data"));
    }
    for text in &long {
        texts.extend(parts(text));
    }
    texts
}

/// The novel and the Bundestag protocol of `dir/long`, those there are.
fn long_texts(dir: &Path) -> Vec<String> {
    [
        "long/fontane_effi_briest_1896.txt",
        "long/bundestag_plenarprotokoll_18-181_2016-06-28.txt",
    ]
    .iter()
    .filter_map(|name| Document::open(&dir.join(name)).ok())
    .map(|doc| doc.text().to_owned())
    .collect()
}

/// `text` cut at paragraph breaks into parts of about [`PART`] bytes.
fn parts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut part = String::new();
    for paragraph in text.split("\n\n") {
        if !part.is_empty() {
            part.push_str("\n\n");
        }
        part.push_str(paragraph);
        if part.len() >= PART {
            out.push(std::mem::take(&mut part));
        }
    }
    if !part.trim().is_empty() {
        out.push(part);
    }
    out
}

/// `text` with its paragraphs rotated by `by`: the same words, another text.
fn rotated(text: &str, by: usize) -> String {
    let mut paragraphs: Vec<&str> = text.split("\n\n").collect();
    let len = paragraphs.len();
    paragraphs.rotate_left(by % len.max(1));
    paragraphs.join("\n\n")
}

/// At least [`DOCUMENTS`] texts: the originals, then rotated copies.
pub fn corpus() -> Vec<String> {
    let originals = originals();
    let mut texts = Vec::new();
    let mut round = 0;
    while texts.len() < DOCUMENTS {
        texts.extend(originals.iter().map(|t| rotated(t, round)));
        round += 1;
    }
    texts
}
