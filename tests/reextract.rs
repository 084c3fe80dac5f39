//! Sessions saved before the source record, and before a newer reader made
//! a different text of the same file, open with every annotation anchored:
//! the bundled example, and sessions on a hard-wrapped book written the way
//! earlier versions wrote them (the file's decoded text as the text, no
//! source digest). Where the new text differs, the passages are found again
//! through their quotes, and the window is told so.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::Path;

use randnotiz::document::{Document, content_hash};
use randnotiz::workspace::Workspace;

mod common;

/// A passage as a careful reader would compare it: blanks folded, a word
/// broken at a line end ("Ein-\nschnitt") taken whole.
fn reading(text: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-'
            && i > 0
            && chars[i - 1].is_lowercase()
            && chars.get(i + 1) == Some(&'\n')
            && chars.get(i + 2).is_some_and(|c| c.is_lowercase())
        {
            i += 2;
            continue;
        }
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        i += 1;
    }
    out.trim().to_owned()
}

/// Writes, beside a copy of `text_file`, a session as earlier versions
/// wrote it: `n` passages of about eight words spread over the text, their
/// positions and quotes in the decoded file. Returns the session's path and
/// the passages.
fn legacy_session(dir: &Path, text_file: &Path, n: usize) -> (std::path::PathBuf, Vec<String>) {
    let raw = std::fs::read_to_string(text_file)
        .unwrap()
        .replace("\r\n", "\n");
    let name = text_file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    std::fs::write(dir.join(&name), &raw).unwrap();
    let chars: Vec<char> = raw.chars().collect();
    let mut annotations = String::new();
    let mut passages = Vec::new();
    for k in 0..n {
        let mut start = (k * 2 + 1) * chars.len() / (2 * n);
        while start < chars.len() && !chars[start].is_whitespace() {
            start += 1;
        }
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
        let mut end = start;
        let mut words = 0;
        while end < chars.len() && words < 8 {
            end += 1;
            if end < chars.len() && chars[end].is_whitespace() && !chars[end - 1].is_whitespace() {
                words += 1;
            }
        }
        if end <= start + 10 {
            continue;
        }
        let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        let exact = slice(start, end);
        let prefix = slice(start.saturating_sub(32), start);
        let suffix = slice(end, (end + 32).min(chars.len()));
        writeln!(
            annotations,
            "        (id: \"a{k}\", target: (start: {start}, end: {end}, quote: (prefix: {}, exact: {}, suffix: {})), colour: Yellow, actors: [], note: \"\", created: \"2026-11-20T09:14:00Z\", modified: \"2026-11-20T09:14:00Z\"),",
            ron::to_string(&prefix).unwrap(),
            ron::to_string(&exact).unwrap(),
            ron::to_string(&suffix).unwrap(),
        )
        .unwrap();
        passages.push(exact);
    }
    let session = format!(
        "Session(\n    format: 1,\n    document: (\n        title: \"Buch\",\n        path: Some({}),\n        hash: \"{}\",\n        chars: {},\n    ),\n    actors: [],\n    annotations: [\n{annotations}    ],\n)\n",
        ron::to_string(&name).unwrap(),
        content_hash(&raw),
        chars.len()
    );
    let path = dir.join("lesung.ron");
    std::fs::write(&path, session).unwrap();
    (path, passages)
}

/// Opens the session and checks that every passage is where a reader
/// finds it; returns whether the text was made anew (the notice given).
fn opens_anchored(session: &Path, passages: &[String]) -> bool {
    let (ws, report) = Workspace::open_session(session, None).unwrap();
    assert_eq!(report.orphaned, 0, "{report:?}");
    for (annotation, passage) in ws.session().annotations.iter().zip(passages) {
        let now = ws.document().slice(annotation.range());
        assert_eq!(reading(now), reading(passage), "{}", annotation.id);
    }
    let anew = ws.document().hash()
        != content_hash(
            &std::fs::read_to_string(
                session.with_file_name(ws.document_path().unwrap().file_name().unwrap()),
            )
            .unwrap(),
        );
    if anew {
        assert!(
            report.notices.iter().any(|n| n.contains("neu gewonnen")),
            "{:?}",
            report.notices
        );
    }
    anew
}

#[test]
fn the_example_session_opens_with_every_annotation_where_it_was() {
    let path = common::asset("example-session.ron");
    let (ws, report) = Workspace::open_session(&path, None).unwrap();
    let total = ws.session().annotations.len();
    assert!(total > 10);
    assert_eq!(
        (report.anchored, report.moved, report.orphaned),
        (total, 0, 0),
        "{report:?}"
    );
}

#[test]
fn a_session_on_a_hard_wrapped_book_opens_anchored_whatever_the_reader_now_makes_of_it() {
    let dir = tempfile::tempdir().unwrap();
    // The product's own hard-wrapped text: written for the tests.
    let text = dir.path().join("buch.txt");
    let mut book = String::new();
    for chapter in ["Erstes Kapitel", "Zweites Kapitel", "Drittes Kapitel"] {
        book.push_str(chapter);
        book.push_str("\n\n");
        for n in 0..12 {
            book.push_str(&format!(
                "In Hohen-Cremmen fiel schon seit Mittag heller Sonnenschein auf die\n\
                 stille Dorfstraße, und die Schatten der Linden lagen ({n}) quer über\n\
                 dem Weg, der zum Herrenhaus führte; niemand war zu sehen, nur ein Hund\n\
                 schlief vor der Schmiede, und die Glocke der Kirche schlug eben drei.\n\n"
            ));
        }
    }
    std::fs::write(&text, book).unwrap();
    let (session, passages) = legacy_session(dir.path(), &text, 30);
    // The reader reflows a hard-wrapped book now: another text than the
    // session's, of the same file.
    assert!(opens_anchored(&session, &passages), "the book is reflowed");
}

#[test]
fn a_session_on_effi_briest_opens_anchored() {
    let novel = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/testdata/long/fontane_effi_briest_1896.txt");
    if !novel.is_file() {
        eprintln!("{} is not there: skipped", novel.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (session, passages) = legacy_session(dir.path(), &novel, 60);
    let anew = opens_anchored(&session, &passages);
    // Saved again, it records its source and opens as the very same text.
    let (mut ws, _) = Workspace::open_session(&session, None).unwrap();
    ws.save(&session).unwrap();
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(
        saved.contains("source_hash: Some(\"blake3:"),
        "saved with its source"
    );
    let (again, report) = Workspace::open_session(&session, None).unwrap();
    assert_eq!(report.moved + report.orphaned, 0);
    assert!(report.notices.is_empty(), "{:?}", report.notices);
    assert_eq!(
        again.document().hash(),
        Document::open(&dir.path().join("fontane_effi_briest_1896.txt"))
            .unwrap()
            .hash()
    );
    assert!(anew, "the novel is reflowed");
}
