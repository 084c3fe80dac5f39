//! Links: a page served by a real HTTP server on 127.0.0.1 opens as its
//! article, from the command line and as a session; the session keeps a
//! snapshot beside it and reopens offline with the identical text; errors
//! (404, a paywall's stub, an image) say what happened.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;
use std::thread;

use randnotiz::fetch::Limits;
use randnotiz::workspace::Workspace;
use randnotiz::workspace::link::{self, LinkError};

/// The test page, written for these tests, re-encoded as Windows-1252 and
/// served with that charset named only in the header.
fn page_1252() -> Vec<u8> {
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/artikel.html"),
    )
    .unwrap()
    .replace("charset=\"utf-8\"", "")
    .replace("charset=utf-8", "");
    encoding_rs::WINDOWS_1252.encode(&page).0.into_owned()
}

/// Serves `/artikel` (the page), `/kurz` (a paywall's stub), `/bild` (a
/// PNG) and 404 for the rest; `connections` requests, then stops.
fn server(connections: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let mut stream = stream.unwrap();
            let mut request = String::new();
            BufReader::new(&stream).read_line(&mut request).unwrap();
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, kind, body): (&str, &str, Vec<u8>) = match path.as_str() {
                "/artikel" => ("200 OK", "text/html; charset=windows-1252", page_1252()),
                "/kurz" => (
                    "200 OK",
                    "text/html; charset=utf-8",
                    b"<html><head><title>Abo</title></head><body><h1>Nur mit Abo</h1><p>Jetzt weiterlesen.</p></body></html>".to_vec(),
                ),
                "/bild" => ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n....".to_vec()),
                _ => ("404 Not Found", "text/html", b"<h1>weg</h1>".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

fn randnotiz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .env("RANDNOTIZ_LANG", "de")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("ALL_PROXY")
        .output()
        .unwrap()
}

#[test]
fn the_command_line_reads_a_link_as_it_reads_the_saved_page() {
    let base = server(4);
    let out = randnotiz(&["text", &format!("{base}/artikel")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let saved = randnotiz(&["text", "tests/data/web/artikel.html"]);
    // The page came as Windows-1252, named in the header only: the same text.
    assert_eq!(text, String::from_utf8(saved.stdout).unwrap());
    assert!(text.contains("„guten Tag für alle"));

    let out = randnotiz(&["outline", &format!("{base}/artikel"), "--json"]);
    let outline: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(outline["source_format"], "html");

    let out = randnotiz(&["text", &format!("{base}/fehlt")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("404") && err.contains("Seite nicht gefunden"),
        "{err}"
    );

    let out = randnotiz(&["text", &format!("{base}/kurz")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("Bezahlschranke"),
        "{err}"
    );
}

#[test]
fn a_session_on_a_link_reopens_offline_with_the_identical_text() {
    let base = server(3);
    let cancel = AtomicBool::new(false);
    let limits = Limits::default();
    let page = link::fetch_page(&format!("{base}/artikel"), &limits, &cancel, &|_, _| {}).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let snapshot = page.keep_in(cache.path()).unwrap();
    let mut ws = Workspace::open_page(&page, snapshot).unwrap();
    let text = ws.document().text().to_owned();
    let at = text.find("Quartiersgarage").unwrap();
    let start = text[..at].chars().count();
    let annotation = ws.new_annotation(
        randnotiz::document::CharRange::new(start, start + 15),
        randnotiz::annotation::Colour::Yellow,
        Vec::new(),
        String::new(),
    );
    ws.apply(randnotiz::annotation::Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();

    let folder = tempfile::tempdir().unwrap();
    let session = folder.path().join("lesung.ron");
    ws.save(&session).unwrap();
    let kept = folder.path().join("lesung.page.html");
    assert!(kept.is_file(), "the snapshot is kept beside the session");
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(
        saved.contains(&format!("url: Some(\"{base}/artikel\")")),
        "{saved}"
    );
    assert!(
        saved.contains("path: Some(\"lesung.page.html\")"),
        "{saved}"
    );

    // The site is gone (the server answers no more), the cache emptied:
    // the session opens from its own snapshot, the passage in place.
    drop(cache);
    let (reopened, report) = Workspace::open_session(&session, None).unwrap();
    assert_eq!(reopened.document().text(), text);
    assert_eq!((report.anchored, report.orphaned), (1, 0));
    assert_eq!(
        reopened.session().document.url.as_deref(),
        Some(&*format!("{base}/artikel"))
    );

    // Not a document at all.
    let err = link::fetch_page(&format!("{base}/bild"), &limits, &cancel, &|_, _| {}).unwrap_err();
    assert!(matches!(err, LinkError::Unsupported { .. }), "{err:?}");
    assert!(err.to_string().contains("image/png"), "{err}");
}
