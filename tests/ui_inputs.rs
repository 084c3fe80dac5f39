//! The window opens documents and links without freezing: a Word file or a
//! page loads on a worker thread while frames go on, with its progress in
//! the status line; a link typed into *Datei → Adresse öffnen …* (served
//! by a real HTTP server on 127.0.0.1) opens as its article; a dead link
//! says why.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead as _, BufReader, Write as _};
use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use randnotiz::document::TextFormat;
use randnotiz::ui::App;

#[path = "common/packed.rs"]
mod packed;
#[path = "common/window.rs"]
mod window;

/// Runs frames until the background load is done (or 10 s pass); returns
/// how many frames were drawn meanwhile.
fn until_loaded(harness: &mut Harness<'_, App>) -> usize {
    let start = Instant::now();
    let mut frames = 0;
    while harness.state().is_loading() && start.elapsed() < Duration::from_secs(10) {
        harness.step();
        frames += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!harness.state().is_loading(), "the load did not finish");
    harness.run_steps(4);
    frames
}

/// Serves the test page at `/artikel` and 404 elsewhere; slowly (the page
/// in two halves, 300 ms apart), so the window is seen loading.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let page =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/artikel.html"))
            .unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let mut stream = stream.unwrap();
            let mut request = String::new();
            BufReader::new(&stream).read_line(&mut request).unwrap();
            if request.starts_with("GET /artikel ") {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    page.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let (first, second) = page.split_at(page.len() / 2);
                let _ = stream.write_all(first);
                let _ = stream.flush();
                std::thread::sleep(Duration::from_millis(300));
                let _ = stream.write_all(second);
            } else {
                let _ = stream.write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        }
    });
    base
}

#[test]
fn a_word_file_opens_in_the_background_and_reads_as_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bericht.docx");
    std::fs::write(&path, packed::word_article()).unwrap();
    let mut harness = window::app(None, None);
    harness.state_mut().open(&path);
    assert!(
        harness.state().is_loading(),
        "a document opens off the UI thread"
    );
    until_loaded(&mut harness);
    let doc = harness.state().workspace().document().clone();
    assert_eq!(doc.format(), TextFormat::Docx);
    assert!(
        harness
            .state()
            .title()
            .contains("Kasachstan: Bündnis zieht ab")
    );
    // The outline names its sections.
    harness.get_by_label_contains("Was Tokajew sagt");
    assert!(harness.state().messages().current_error().is_none());
}

#[test]
fn a_link_opens_from_the_address_dialog_while_the_window_goes_on() {
    let base = server();
    let snapshots = tempfile::tempdir().unwrap();
    let mut harness = window::app_with_snapshots(snapshots.path());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    harness.run();
    // The field has the keys as soon as the dialog opens.
    harness
        .input_mut()
        .events
        .push(egui::Event::Text(format!("{base}/artikel")));
    harness.run();
    harness.key_press(Key::Enter);
    harness.step();
    assert!(harness.state().is_loading());
    let frames = until_loaded(&mut harness);
    assert!(
        frames >= 10,
        "the window drew {frames} frames while the page came"
    );
    let ws = harness.state().workspace();
    assert_eq!(ws.document().format(), TextFormat::Html);
    assert_eq!(
        ws.session().document.url.as_deref(),
        Some(&*format!("{base}/artikel"))
    );
    assert!(
        ws.document_path()
            .is_some_and(|p| p.starts_with(snapshots.path())),
        "the page is kept as a snapshot"
    );
    assert!(harness.state().title().contains("Radweg"));

    // A dead link: the reader is told why, the article stays.
    harness.state_mut().open_url(&format!("{base}/weg"));
    until_loaded(&mut harness);
    let error = harness
        .state()
        .messages()
        .current_error()
        .unwrap()
        .to_owned();
    assert!(error.contains("404"), "{error}");
    assert!(harness.state().title().contains("Radweg"));
}

#[test]
fn a_protected_pdf_asks_for_its_password_and_opens_with_it() {
    let locked = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/testdata/docs/pdf/encrypted_aes256_userpw_paesswoert.pdf");
    if !locked.is_file() {
        eprintln!("{} is not there: skipped", locked.display());
        return;
    }
    let mut harness = window::app(None, None);
    let type_password = |harness: &mut Harness<'_, App>, password: &str| {
        harness.run_steps(2);
        harness
            .input_mut()
            .events
            .push(egui::Event::Text(password.to_owned()));
        harness.run_steps(2);
        harness.key_press(Key::Enter);
        harness.step();
        until_loaded(harness);
    };
    harness.state_mut().open(&locked);
    until_loaded(&mut harness);
    harness.get_by_label("Passwort der PDF-Datei");
    type_password(&mut harness, "passwoert");
    harness.get_by_label("Das Passwort passt nicht zu dieser PDF-Datei.");
    type_password(&mut harness, "pässwört");
    let text = harness.state().workspace().document().text().to_owned();
    assert!(
        text.contains("If you can read this, decryption succeeded."),
        "{text}"
    );
    assert!(harness.query_by_label("Passwort der PDF-Datei").is_none());

    // A session on it, saved and opened again, asks again: the password is
    // never written into the session.
    let dir = tempfile::tempdir().unwrap();
    let text = harness.state().workspace().document().text().to_owned();
    let at = text.find("decryption").unwrap();
    let start = text[..at].chars().count();
    window::drag_over(
        &mut harness,
        randnotiz::document::CharRange::new(start, start + "decryption".len()),
    );
    harness.key_press(Key::Num2);
    harness.run();
    let session = dir.path().join("geschuetzt.ron");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    window::type_path(&mut harness, &session);
    harness.key_press(Key::Enter);
    harness.run();
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(!saved.contains("pässwört"));
    harness.state_mut().open(&session);
    until_loaded(&mut harness);
    harness.get_by_label("Passwort der PDF-Datei");
    type_password(&mut harness, "pässwört");
    let ws = harness.state().workspace();
    assert_eq!(ws.session().annotations.len(), 1);
    assert_eq!(ws.session_path(), Some(session.as_path()));
}

#[test]
fn a_link_that_loads_while_the_reader_codes_asks_before_it_replaces_the_work() {
    let base = server();
    let snapshots = tempfile::tempdir().unwrap();
    let mut harness = window::app_with_snapshots(snapshots.path());
    // The reader marks a passage of the article open, then asks for a link
    // (as a script or the start options do, without the dialog's question).
    let text = harness.state().workspace().document().text().to_owned();
    let at = text.find("angeführte").unwrap();
    let start = text[..at].chars().count();
    window::drag_over(
        &mut harness,
        randnotiz::document::CharRange::new(start, start + "angeführte".chars().count()),
    );
    harness.key_press(Key::Num3);
    harness.run();
    assert_eq!(harness.state().workspace().session().annotations.len(), 1);
    harness.state_mut().open_url(&format!("{base}/artikel"));
    until_loaded(&mut harness);
    // Nothing replaced yet: "save changes?" first.
    assert!(harness.state().messages().confirm.is_some());
    assert_eq!(harness.state().workspace().session().annotations.len(), 1);
    harness.get_by_label("Verwerfen").click();
    harness.run_steps(3);
    assert!(harness.state().title().contains("Radweg"));
}

#[test]
fn a_session_on_a_document_opens_in_the_background_with_its_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bericht.docx");
    std::fs::write(&path, packed::word_article()).unwrap();
    // A session on the Word file, made and saved by the core.
    let mut ws = randnotiz::workspace::Workspace::open_text(&path).unwrap();
    let text = ws.document().text().to_owned();
    let at = text.find("Verbündeten").unwrap();
    let start = text[..at].chars().count();
    let annotation = ws.new_annotation(
        randnotiz::document::CharRange::new(start, start + "Verbündeten".chars().count()),
        randnotiz::annotation::Colour::Red,
        Vec::new(),
        "Wer genau?".into(),
    );
    ws.apply(randnotiz::annotation::Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    let session = dir.path().join("bericht.ron");
    ws.save(&session).unwrap();

    let mut harness = window::app(None, None);
    harness.state_mut().open(&session);
    assert!(
        harness.state().is_loading(),
        "the Word file is read off the UI thread"
    );
    until_loaded(&mut harness);
    let ws = harness.state().workspace();
    assert_eq!(ws.session_path(), Some(session.as_path()));
    assert_eq!(ws.session().annotations.len(), 1);
    assert_eq!(ws.document().format(), TextFormat::Docx);
    assert!(harness.state().messages().current_error().is_none());
}
