//! The fetch module against a real HTTP server on 127.0.0.1 (raw responses
//! written to a `TcpListener`, one thread per connection). Messages are
//! checked in German, the language the interface speaks unless told.
#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use randnotiz::fetch::{FetchError, Fetched, Kind, Limits, fetch, is_url};

/// Connections one test server accepts before it stops.
const MAX_CONNECTIONS: usize = 40;
/// The longest any handler keeps a connection open.
const HANDLER_CAP: Duration = Duration::from_secs(5);

/// Starts a server; `handler` gets the request head (lowercased) and the
/// stream. Returns `http://127.0.0.1:PORT`.
fn serve(handler: impl Fn(&str, &mut TcpStream) + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handler = Arc::new(handler);
    thread::spawn(move || {
        for stream in listener.incoming().take(MAX_CONNECTIONS) {
            let Ok(mut stream) = stream else { continue };
            let handler = Arc::clone(&handler);
            thread::spawn(move || {
                let Some(head) = read_head(&mut stream) else {
                    return;
                };
                handler(&head, &mut stream);
            });
        }
    });
    base
}

/// Reads up to the blank line after the request headers.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(HANDLER_CAP)).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    Some(String::from_utf8_lossy(&head).to_ascii_lowercase())
}

/// The path of the request line.
fn path(head: &str) -> &str {
    head.split(' ').nth(1).unwrap_or("/")
}

/// Writes a complete response and closes.
fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let _ = stream.write_all(out.as_bytes());
    let _ = stream.write_all(body);
    let _ = stream.flush();
}

/// A server answering every request with the same response.
fn serve_static(
    status: &'static str,
    content_type: Option<&'static str>,
    body: &'static [u8],
) -> String {
    serve(move |_, stream| {
        let headers: Vec<(&str, &str)> = content_type
            .map(|t| ("Content-Type", t))
            .into_iter()
            .collect();
        respond(stream, status, &headers, body);
    })
}

fn limits() -> Limits {
    Limits {
        max_bytes: 1024 * 1024,
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        max_redirects: 10,
    }
}

fn get(url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
    fetch(url, limits, &AtomicBool::new(false), &|_, _| {})
}

#[test]
fn latin1_header_charset_decodes_umlauts() {
    let base = serve_static(
        "200 OK",
        Some("text/html; charset=ISO-8859-1"),
        b"<html><body>Gr\xFC\xDFe aus K\xF6ln</body></html>",
    );
    let page = get(&format!("{base}/"), &limits()).unwrap();
    assert_eq!(page.content_type.as_deref(), Some("text/html"));
    assert_eq!(page.charset.as_deref(), Some("iso-8859-1"));
    assert_eq!(page.kind(), Kind::Html);
    assert_eq!(
        page.text().unwrap(),
        "<html><body>Grüße aus Köln</body></html>"
    );
}

#[test]
fn meta_charset_without_header_charset() {
    let base = serve_static(
        "200 OK",
        Some("text/html"),
        b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>x</title></head>\
          <body>Stra\xDFe \x80 \x84Zitat\x93</body></html>",
    );
    let page = get(&base, &limits()).unwrap();
    assert_eq!(page.charset, None);
    let text = page.text().unwrap();
    assert!(text.contains("Straße € „Zitat“"), "{text}");
}

#[test]
fn meta_http_equiv_and_no_content_type() {
    let base = serve_static(
        "200 OK",
        None,
        b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-15\">\
          </head><body>\xA4 und \xE4</body></html>",
    );
    let page = get(&base, &limits()).unwrap();
    assert_eq!(page.content_type, None);
    assert_eq!(page.kind(), Kind::Html);
    assert!(page.text().unwrap().contains("€ und ä"));
}

#[test]
fn redirect_chain_gives_final_url() {
    let base = serve(|head, stream| match path(head) {
        "/a" => respond(stream, "301 Moved Permanently", &[("Location", "/b")], b""),
        "/b" => {
            let port = head
                .split("host: 127.0.0.1:")
                .nth(1)
                .and_then(|r| r.lines().next())
                .unwrap_or("");
            let target = format!("http://127.0.0.1:{port}/c?x=1");
            respond(
                stream,
                "302 Found",
                &[("Location", target.as_str())],
                b"moved",
            );
        }
        "/c?x=1" => respond(
            stream,
            "200 OK",
            &[("Content-Type", "text/plain")],
            b"arrived",
        ),
        _ => respond(stream, "404 Not Found", &[], b""),
    });
    let page = get(&format!("{base}/a#frag"), &limits()).unwrap();
    assert_eq!(page.url, format!("{base}/c?x=1"));
    assert_eq!(page.kind(), Kind::Text);
    assert_eq!(page.text().as_deref(), Some("arrived"));
}

#[test]
fn redirect_loop_is_too_many_redirects() {
    let base = serve(|_, stream| respond(stream, "302 Found", &[("Location", "/loop")], b""));
    let err = get(&format!("{base}/loop"), &limits()).unwrap_err();
    assert_eq!(err, FetchError::TooManyRedirects);
}

#[test]
fn no_redirects_allowed_is_too_many_redirects() {
    let base =
        serve(|_, stream| respond(stream, "301 Moved Permanently", &[("Location", "/x")], b""));
    let limits = Limits {
        max_redirects: 0,
        ..limits()
    };
    assert_eq!(
        get(&base, &limits).unwrap_err(),
        FetchError::TooManyRedirects
    );
}

#[test]
fn not_found_is_status_404() {
    let base = serve_static("404 Not Found", Some("text/html"), b"<h1>nope</h1>");
    let err = get(&format!("{base}/missing"), &limits()).unwrap_err();
    assert!(
        matches!(err, FetchError::Status { code: 404, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Der Server antwortet mit 404: Seite nicht gefunden."
    );
}

#[test]
fn server_error_is_status_500() {
    let base = serve_static("500 Internal Server Error", None, b"");
    let err = get(&base, &limits()).unwrap_err();
    assert!(
        matches!(err, FetchError::Status { code: 500, .. }),
        "{err:?}"
    );
}

#[test]
fn endless_chunked_stream_is_too_large() {
    let base = serve(|_, stream| {
        let head =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let chunk = format!("4000\r\n{}\r\n", "x".repeat(0x4000));
        let started = Instant::now();
        // Until the client hangs up (bounded in time all the same).
        while started.elapsed() < HANDLER_CAP && stream.write_all(chunk.as_bytes()).is_ok() {}
    });
    let limits = Limits {
        max_bytes: 100_000,
        ..limits()
    };
    let started = Instant::now();
    let err = get(&base, &limits).unwrap_err();
    assert_eq!(err, FetchError::TooLarge { limit: 100_000 });
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(
        err.to_string(),
        "Das Dokument ist größer als 98 KiB und wurde nicht geladen."
    );
}

#[test]
fn content_length_over_limit_is_too_large_before_reading() {
    let base = serve(|_, stream| {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 900000000\r\n\r\n%PDF-";
        let _ = stream.write_all(head.as_bytes());
        thread::sleep(HANDLER_CAP);
    });
    let started = Instant::now();
    assert_eq!(
        get(&base, &limits()).unwrap_err(),
        FetchError::TooLarge { limit: 1024 * 1024 }
    );
    assert!(started.elapsed() < Duration::from_secs(1));
}

#[test]
fn body_of_exactly_max_bytes_is_accepted() {
    let base = serve_static("200 OK", Some("text/plain"), b"0123456789");
    let page = get(
        &base,
        &Limits {
            max_bytes: 10,
            ..limits()
        },
    )
    .unwrap();
    assert_eq!(page.bytes, b"0123456789");
    let err = get(
        &base,
        &Limits {
            max_bytes: 9,
            ..limits()
        },
    )
    .unwrap_err();
    assert_eq!(err, FetchError::TooLarge { limit: 9 });
}

#[test]
fn silent_server_times_out() {
    let base = serve(|_, _| thread::sleep(HANDLER_CAP));
    let limits = Limits {
        total_timeout: Duration::from_millis(500),
        ..limits()
    };
    let started = Instant::now();
    assert_eq!(get(&base, &limits).unwrap_err(), FetchError::Timeout);
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(450) && took < Duration::from_secs(2),
        "{took:?}"
    );
}

#[test]
fn dripping_server_times_out_by_total_deadline() {
    let base = serve(|_, stream| {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        for _ in 0..50 {
            thread::sleep(Duration::from_millis(100));
            if stream.write_all(b"x").is_err() {
                return;
            }
        }
    });
    let limits = Limits {
        total_timeout: Duration::from_millis(800),
        ..limits()
    };
    let seen = Mutex::new(Vec::new());
    let started = Instant::now();
    let result = fetch(&base, &limits, &AtomicBool::new(false), &|bytes, total| {
        seen.lock().unwrap().push((bytes, total));
    });
    assert_eq!(result.unwrap_err(), FetchError::Timeout);
    assert!(started.elapsed() < Duration::from_secs(2));
    let seen = seen.into_inner().unwrap();
    assert_eq!(
        seen.first(),
        Some(&(0, Some(1000))),
        "progress at the headers"
    );
    let last = seen.last().unwrap().0;
    assert!(
        (2..1000).contains(&last),
        "some bytes came before the deadline: {last}"
    );
}

#[test]
fn pdf_content_type_is_pdf() {
    let base = serve_static("200 OK", Some("application/pdf"), b"%PDF-1.7\n...");
    let page = get(&base, &limits()).unwrap();
    assert_eq!(page.kind(), Kind::Pdf);
    assert_eq!(page.text(), None);
}

#[test]
fn octet_stream_with_pdf_magic_is_pdf() {
    let base = serve_static(
        "200 OK",
        Some("application/octet-stream"),
        b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n",
    );
    assert_eq!(get(&base, &limits()).unwrap().kind(), Kind::Pdf);
}

#[test]
fn gzip_body_is_decoded_and_headers_are_sent() {
    let base = serve(|head, stream| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(head.as_bytes()).unwrap();
        let body = gz.finish().unwrap();
        respond(
            stream,
            "200 OK",
            &[
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Encoding", "gzip"),
            ],
            &body,
        );
    });
    let page = get(&base, &limits()).unwrap();
    let echoed = page.text().unwrap();
    assert!(
        echoed.contains("user-agent: randnotiz/0.1 (+reader)"),
        "{echoed}"
    );
    assert!(echoed.contains("accept: text/html,"), "{echoed}");
    assert!(echoed.contains("accept-encoding: gzip"), "{echoed}");
}

#[test]
fn closed_port_is_no_network() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = get(&format!("http://127.0.0.1:{port}/"), &limits()).unwrap_err();
    assert!(matches!(err, FetchError::NoNetwork(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Keine Verbindung zu 127.0.0.1: der Server hat die Verbindung abgelehnt."
    );
}

#[test]
fn https_to_a_plain_http_server_is_tls_error() {
    // A plain HTTP server answers the TLS hello with "400 Bad Request".
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut hello = [0u8; 512];
        let _ = stream.read(&mut hello);
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    });
    let err = get(&format!("https://{addr}/"), &limits()).unwrap_err();
    assert!(matches!(err, FetchError::Tls(_)), "{err:?}");
    eprintln!("{err}");
}

#[test]
fn bad_urls() {
    for url in [
        "ftp://x",
        "file:///etc/passwd",
        "x",
        "",
        "http://",
        "javascript:alert(1)",
    ] {
        let err = get(url, &limits()).unwrap_err();
        assert!(matches!(err, FetchError::BadUrl(_)), "{url}: {err:?}");
    }
    assert_eq!(
        get("ftp://x", &limits()).unwrap_err().to_string(),
        "„ftp://x“ ist keine Webadresse, die sich öffnen lässt (sie muss mit http:// oder https:// beginnen)."
    );
}

#[test]
fn cancel_returns_promptly() {
    let base = serve(|_, _| thread::sleep(HANDLER_CAP));
    let cancel = AtomicBool::new(false);
    let limits = Limits {
        total_timeout: Duration::from_secs(30),
        ..limits()
    };
    let started = Instant::now();
    let result = thread::scope(|scope| {
        scope.spawn(|| {
            thread::sleep(Duration::from_millis(200));
            cancel.store(true, Ordering::Relaxed);
        });
        fetch(&base, &limits, &cancel, &|_, _| {})
    });
    assert_eq!(result.unwrap_err(), FetchError::Cancelled);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn cancel_set_before_start_does_not_connect() {
    let connected = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&connected);
    let base = serve(move |_, _| flag.store(true, Ordering::Relaxed));
    let err = fetch(&base, &limits(), &AtomicBool::new(true), &|_, _| {}).unwrap_err();
    assert_eq!(err, FetchError::Cancelled);
    thread::sleep(Duration::from_millis(100));
    assert!(!connected.load(Ordering::Relaxed));
}

#[test]
fn www_address_is_taken_as_https() {
    assert!(is_url("http://example.org"));
    assert!(is_url("HTTPS://example.org/a?b=c#d"));
    assert!(is_url("  www.example.org/artikel  "));
    assert!(is_url("https://www.süddeutsche.de/ä"));
    assert!(!is_url("ftp://example.org"));
    assert!(!is_url("example.org"));
    assert!(!is_url("www."));
    assert!(!is_url("http://"));
    assert!(!is_url("https://example.org/a b"));
    assert!(!is_url("mailto:a@example.org"));
}

fn fetched(content_type: Option<&str>, charset: Option<&str>, bytes: &[u8]) -> Fetched {
    Fetched {
        url: "https://example.org/".to_owned(),
        content_type: content_type.map(str::to_owned),
        charset: charset.map(str::to_owned),
        bytes: bytes.to_vec(),
    }
}

/// A zip whose first entry is stored uncompressed (as EPUB and ODF demand).
fn zip_with_first_entry(name: &str, content: &[u8]) -> Vec<u8> {
    let mut zip = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
    zip.extend_from_slice(&[0; 4]); // crc (not checked by the sniffer)
    let len = u32::try_from(content.len()).unwrap().to_le_bytes();
    zip.extend_from_slice(&len);
    zip.extend_from_slice(&len);
    zip.extend_from_slice(&u16::try_from(name.len()).unwrap().to_le_bytes());
    zip.extend_from_slice(&[0, 0]);
    zip.extend_from_slice(name.as_bytes());
    zip.extend_from_slice(content);
    zip
}

#[test]
fn kinds_from_types_and_magic() {
    let epub = zip_with_first_entry("mimetype", b"application/epub+zip");
    let odt = zip_with_first_entry("mimetype", b"application/vnd.oasis.opendocument.text");
    let ods = zip_with_first_entry(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    let docx = zip_with_first_entry("[Content_Types].xml", b"<Types/>word/document.xml");
    let cases: Vec<(Option<&str>, &[u8], Kind)> = vec![
        (Some("application/epub+zip"), b"", Kind::Epub),
        (None, &epub, Kind::Epub),
        (Some("application/zip"), &odt, Kind::Odt),
        (Some("application/octet-stream"), &docx, Kind::Docx),
        (None, &ods, Kind::Other("application/zip".to_owned())),
        (Some("text/plain"), b"%PDF-1.3", Kind::Pdf),
        (Some("text/plain"), b"<html>", Kind::Text),
        (None, b"\xEF\xBB\xBF  <!DOCTYPE html><p>", Kind::Html),
        (
            Some("application/octet-stream"),
            b"<?xml version=\"1.0\"?>\n<html xmlns=",
            Kind::Html,
        ),
        (None, b"Just some words.", Kind::Text),
        (
            None,
            b"\x00\x01\x02binary",
            Kind::Other("application/octet-stream".to_owned()),
        ),
        (
            Some("image/png"),
            b"\x89PNG",
            Kind::Other("image/png".to_owned()),
        ),
        (Some("application/xhtml+xml"), b"", Kind::Html),
    ];
    for (content_type, bytes, kind) in cases {
        assert_eq!(
            fetched(content_type, None, bytes).kind(),
            kind,
            "{content_type:?} {bytes:?}"
        );
    }
}

#[test]
fn decoding_order() {
    let text = |ct, cs, bytes| fetched(ct, cs, bytes).text();
    // BOM wins over the header.
    assert_eq!(
        text(
            Some("text/html"),
            Some("iso-8859-1"),
            b"\xEF\xBB\xBF\xC3\xA4"
        )
        .as_deref(),
        Some("ä")
    );
    assert_eq!(
        text(Some("text/plain"), None, b"\xFF\xFEa\x00").as_deref(),
        Some("a")
    );
    // Header over meta.
    let page = b"<meta charset=utf-8>\xE4";
    assert_eq!(
        text(Some("text/html"), Some("windows-1252"), page).as_deref(),
        Some("<meta charset=utf-8>ä")
    );
    // An unknown header label falls through to meta.
    let page = b"<meta charset='koi8-r'>\xC1";
    assert_eq!(
        text(Some("text/html"), Some("bogus"), page).as_deref(),
        Some("<meta charset='koi8-r'>а")
    );
    // Meta is not read in plain text; valid UTF-8, else windows-1252.
    assert_eq!(
        text(Some("text/plain"), None, b"<meta charset=koi8-r>\xC3\xA4").unwrap(),
        "<meta charset=koi8-r>ä"
    );
    assert_eq!(
        text(Some("text/plain"), None, b"\xE4\x80").as_deref(),
        Some("ä€")
    );
    // A meta past the first 4 KiB is not seen.
    let mut late = vec![b' '; 5000];
    late.extend_from_slice(b"<meta charset=koi8-r>\xC1");
    assert!(text(Some("text/html"), None, &late).unwrap().ends_with('Á'));
    // XML declaration; meta claiming UTF-16 means UTF-8.
    let xhtml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>\xFC</html>";
    assert!(
        text(Some("application/xhtml+xml"), None, xhtml)
            .unwrap()
            .contains('ü')
    );
    assert_eq!(
        text(Some("text/html"), None, b"<meta charset=utf-16>\xC3\xA4").unwrap(),
        "<meta charset=utf-16>ä"
    );
    // `<metadata charset=…>` is not a meta tag.
    assert!(
        text(Some("text/html"), None, b"<metadata charset=koi8-r>\xE4")
            .unwrap()
            .ends_with('ä')
    );
    assert_eq!(
        text(Some("application/json"), None, b"{}").as_deref(),
        Some("{}")
    );
    assert_eq!(text(Some("image/png"), None, b"x"), None);
}

#[test]
fn redirect_without_location_or_to_ftp() {
    let base = serve(|head, stream| match path(head) {
        "/ftp" => respond(
            stream,
            "302 Found",
            &[("Location", "ftp://example.org/x")],
            b"",
        ),
        _ => respond(stream, "303 See Other", &[], b""),
    });
    let err = get(&base, &limits()).unwrap_err();
    assert!(matches!(err, FetchError::Other(_)), "{err:?}");
    let err = get(&format!("{base}/ftp"), &limits()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Das Dokument konnte nicht geladen werden: der Server leitet an eine Adresse \
         weiter, die sich nicht öffnen lässt (unknown scheme: ftp)."
    );
}
