//! Fetching a linked document (web page, PDF, EPUB, DOCX, ODT, text) for the
//! reader.
//!
//! [`fetch`] downloads one URL over HTTP or HTTPS (rustls with the bundled
//! Mozilla root certificates, so nothing is needed from the system at run
//! time), follows redirects, and keeps to the [`Limits`]: a connect deadline,
//! a total deadline that also covers reading the body, a size cap, and a
//! redirect cap. The request runs on a worker thread so that the caller's
//! cancel flag and the total deadline are honoured even while the network is
//! silent; the caller's thread collects the body and reports progress.
//!
//! [`Fetched::kind`] tells what was downloaded (from the content type, else
//! from magic bytes) and [`Fetched::text`] decodes text with the charset a
//! browser would pick.

use std::io::{ErrorKind, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::{Duration, Instant};

use ureq::ResponseExt;

use crate::i18n::{fill, tr_in};

mod content;

/// The `User-Agent` header sent with every request.
pub const USER_AGENT: &str = "Randnotiz/0.1 (+reader)";

/// The `Accept` header: the kinds the reader can open, web pages first.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/pdf,application/epub+zip,\
application/vnd.openxmlformats-officedocument.wordprocessingml.document,\
application/vnd.oasis.opendocument.text,text/plain;q=0.9,*/*;q=0.8";

/// Bytes read from the network at a time.
const CHUNK: usize = 64 * 1024;
/// How often the caller's thread looks at the cancel flag and the clock.
const POLL: Duration = Duration::from_millis(20);
/// Chunks the worker may hold ready before it waits for the caller.
const QUEUE: usize = 8;

/// What one download may cost at most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest body accepted, after gzip decoding (default 50 MiB).
    pub max_bytes: u64,
    /// Deadline for name lookup, and again for the TCP connection and TLS
    /// handshake (default 10 s).
    pub connect_timeout: Duration,
    /// Deadline for the whole download, redirects and body included
    /// (default 60 s).
    pub total_timeout: Duration,
    /// Redirects followed before giving up (default 10). With 0 no redirect
    /// is followed and a redirect answer is [`FetchError::TooManyRedirects`].
    pub max_redirects: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 50 * 1024 * 1024,
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(60),
            max_redirects: 10,
        }
    }
}

/// A downloaded document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The final URL, after redirects.
    pub url: String,
    /// The mime type from the `Content-Type` header, lowercased and without
    /// parameters, e.g. `"text/html"`; `None` when the server sent none.
    pub content_type: Option<String>,
    /// The `charset` parameter of the `Content-Type` header, lowercased.
    pub charset: Option<String>,
    /// The body, gzip already decoded.
    pub bytes: Vec<u8>,
}

/// What kind of document was downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A web page (`text/html`, `application/xhtml+xml`).
    Html,
    /// A PDF file.
    Pdf,
    /// An EPUB book.
    Epub,
    /// A Word document (`.docx`).
    Docx,
    /// An OpenDocument text (`.odt`).
    Odt,
    /// Plain text.
    Text,
    /// Anything else, with its mime type (`"application/octet-stream"` when
    /// the server sent none and the bytes say nothing).
    Other(String),
}

impl Kind {
    /// Whether this kind is text that [`Fetched::text`] decodes: web pages,
    /// plain text, and other `text/*`, XML and JSON types.
    pub fn is_textual(&self) -> bool {
        match self {
            Kind::Html | Kind::Text => true,
            Kind::Pdf | Kind::Epub | Kind::Docx | Kind::Odt => false,
            Kind::Other(mime) => {
                mime.starts_with("text/")
                    || mime.ends_with("+xml")
                    || mime.ends_with("/xml")
                    || mime.ends_with("/json")
                    || mime.ends_with("+json")
            }
        }
    }
}

impl Fetched {
    /// The kind of document: from the content type, or from the first bytes
    /// when the type is missing or generic (`application/octet-stream`,
    /// `application/zip`, …). Binary magic (`%PDF-`, a zip) also overrides
    /// `text/plain`, which some servers send for anything unknown.
    pub fn kind(&self) -> Kind {
        content::kind_of(self.content_type.as_deref(), &self.bytes)
    }

    /// The body decoded as text, or `None` for binary kinds (see
    /// [`Kind::is_textual`]).
    ///
    /// The encoding is, in this order: a byte order mark (it wins over the
    /// header, as in browsers: a BOM is never there by accident); the
    /// `charset` of the `Content-Type` header; for web pages a
    /// `<meta charset>`, `<meta http-equiv="content-type">` or XML
    /// declaration in the first 4 KiB; UTF-8 when the bytes are valid UTF-8;
    /// else windows-1252. Labels follow the WHATWG Encoding Standard, so
    /// `iso-8859-1` decodes as windows-1252. Undecodable bytes become U+FFFD.
    pub fn text(&self) -> Option<String> {
        let kind = self.kind();
        if !kind.is_textual() {
            return None;
        }
        Some(content::decode(
            &self.bytes,
            self.charset.as_deref(),
            kind == Kind::Html,
        ))
    }
}

/// Why a download failed. The messages are written for the reader, not for
/// a programmer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not an http or https address, or not parsable; holds what was given.
    #[error("{}", fill(tr_in().fetch_bad_url, &[("url", .0)]))]
    BadUrl(String),
    /// The name was not found, the connection was refused or broke off, the
    /// network is unreachable. Holds the host and a plain reason,
    /// `"example.org: the server refused the connection"`.
    #[error("{}", fill(tr_in().fetch_no_network, &[("why", .0)]))]
    NoNetwork(String),
    /// The connect deadline or the total deadline passed.
    #[error("{}", tr_in().fetch_timeout)]
    Timeout,
    /// The server answered with an error status; `reason` is a plain
    /// description of the code, not the server's own wording.
    #[error("{}", fill(tr_in().fetch_status, &[("code", code), ("reason", reason)]))]
    Status {
        /// The HTTP status code, e.g. 404.
        code: u16,
        /// What the code means, e.g. "page not found".
        reason: String,
    },
    /// The body is larger than [`Limits::max_bytes`].
    #[error("{}", fill(tr_in().fetch_too_large, &[("limit", &human_size(*.limit))]))]
    TooLarge {
        /// The limit that was passed, in bytes.
        limit: u64,
    },
    /// More redirects than [`Limits::max_redirects`], e.g. a redirect loop.
    #[error("{}", tr_in().fetch_redirects)]
    TooManyRedirects,
    /// The secure (TLS) connection failed; holds the reason.
    #[error("{}", fill(tr_in().fetch_tls, &[("why", .0)]))]
    Tls(String),
    /// The cancel flag was set.
    #[error("{}", tr_in().fetch_cancelled)]
    Cancelled,
    /// Anything else; holds the reason.
    #[error("{}", fill(tr_in().fetch_other, &[("why", .0)]))]
    Other(String),
}

/// Whether `s` looks like a web address the reader can fetch: `http://…`,
/// `https://…` or `www.…` (taken as https), with a host and no spaces.
pub fn is_url(s: &str) -> bool {
    let s = s.trim();
    !s.contains(char::is_whitespace) && parse_url(s).is_ok()
}

/// `s` as an absolute http(s) URL: `www.…` gets `https://`, the fragment is
/// dropped (it is never sent), non-ASCII hosts become punycode.
fn parse_url(s: &str) -> Result<url::Url, FetchError> {
    let s = s.trim();
    let bad = || FetchError::BadUrl(s.to_owned());
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let candidate = if lower.starts_with("http://") || lower.starts_with("https://") {
        s.to_owned()
    } else if lower.starts_with("www.") && s.len() > 4 {
        format!("https://{s}")
    } else {
        return Err(bad());
    };
    let mut url = url::Url::parse(&candidate).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    url.set_fragment(None);
    Ok(url)
}

/// Downloads `url` within `limits`.
///
/// `www.example.org/…` is fetched as `https://www.example.org/…`. Redirects
/// are followed (the final URL is in [`Fetched::url`]); 4xx and 5xx answers
/// are [`FetchError::Status`]. The total deadline counts from this call and
/// covers the body too, so a server that never answers or drips bytes ends
/// in [`FetchError::Timeout`].
///
/// `cancel` is looked at every few milliseconds; once it is set, the call
/// returns [`FetchError::Cancelled`] at once (the network thread behind it
/// ends by itself at its next read or deadline). `progress` is called on the
/// calling thread with the bytes received so far and the announced length
/// (`None` when unknown, or when the body is gzip-compressed), once when the
/// headers arrive and after every chunk.
pub fn fetch(
    url: &str,
    limits: &Limits,
    cancel: &AtomicBool,
    progress: &dyn Fn(u64, Option<u64>),
) -> Result<Fetched, FetchError> {
    let start = Instant::now();
    let url = parse_url(url)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(FetchError::Cancelled);
    }
    let deadline = start.checked_add(limits.total_timeout);
    let stop = Arc::new(AtomicBool::new(false));
    // Tells the worker to stop whichever way this function returns.
    let _stop_on_return = StopOnDrop(Arc::clone(&stop));
    let (tx, rx) = mpsc::sync_channel(QUEUE);
    let worker = Worker {
        url,
        limits: limits.clone(),
        stop,
        tx,
    };
    thread::Builder::new()
        .name("fetch".to_owned())
        .spawn(move || worker.run())
        .map_err(|e| FetchError::Other(fill(tr_in().r_no_thread, &[("why", &e)])))?;

    let mut head: Option<Head> = None;
    let mut bytes = Vec::new();
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(FetchError::Cancelled);
        }
        let now = Instant::now();
        let wait = match deadline {
            Some(deadline) if now >= deadline => return Err(FetchError::Timeout),
            Some(deadline) => POLL.min(deadline - now),
            None => POLL,
        };
        let msg = match rx.recv_timeout(wait) {
            Ok(msg) => msg,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(FetchError::Other(tr_in().r_stopped.to_owned()));
            }
        };
        match msg {
            Msg::Head(h) => {
                progress(0, h.length);
                head = Some(h);
            }
            Msg::Chunk(chunk) => {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > limits.max_bytes {
                    return Err(FetchError::TooLarge {
                        limit: limits.max_bytes,
                    });
                }
                progress(bytes.len() as u64, head.as_ref().and_then(|h| h.length));
            }
            Msg::End => {
                let Some(head) = head else {
                    return Err(FetchError::Other(tr_in().r_no_answer.to_owned()));
                };
                return Ok(Fetched {
                    url: head.url,
                    content_type: head.content_type,
                    charset: head.charset,
                    bytes,
                });
            }
            Msg::Failed(e) => return Err(e),
        }
    }
}

/// Sets the flag when dropped.
struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// From the worker thread to the caller's.
enum Msg {
    /// The response headers (sent once, before any chunk).
    Head(Head),
    /// The next piece of the body.
    Chunk(Vec<u8>),
    /// The body is complete.
    End,
    /// The download failed.
    Failed(FetchError),
}

/// What the caller needs from the response headers.
struct Head {
    url: String,
    content_type: Option<String>,
    charset: Option<String>,
    length: Option<u64>,
}

/// The network side of one [`fetch`], run on its own thread.
struct Worker {
    url: url::Url,
    limits: Limits,
    stop: Arc<AtomicBool>,
    tx: SyncSender<Msg>,
}

impl Worker {
    fn run(self) {
        if let Err(e) = self.download() {
            // The caller may be gone already; then nobody needs to know.
            let _ = self.tx.send(Msg::Failed(e));
        }
    }

    /// Sends the head and the body chunks; `Ok` also when the caller left.
    fn download(&self) -> Result<(), FetchError> {
        let host = self
            .url
            .host_str()
            .unwrap_or(tr_in().r_the_server)
            .to_owned();
        let limits = &self.limits;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(limits.max_redirects)
            .max_redirects_will_error(true)
            .timeout_global(Some(limits.total_timeout))
            .timeout_resolve(Some(limits.connect_timeout))
            .timeout_connect(Some(limits.connect_timeout))
            .user_agent(USER_AGENT)
            .accept(ACCEPT)
            .build();
        let agent = ureq::Agent::new_with_config(config);
        let response = agent
            .get(self.url.as_str())
            .call()
            .map_err(|e| map_call_error(&e, &host))?;

        let status = response.status();
        let code = status.as_u16();
        if status.is_redirection() && limits.max_redirects == 0 {
            return Err(FetchError::TooManyRedirects);
        }
        if !status.is_success() {
            let reason = status_reason(code).to_owned();
            return Err(FetchError::Status { code, reason });
        }
        let (content_type, charset) = response
            .headers()
            .get(ureq::http::header::CONTENT_TYPE)
            .map(|v| content::parse_content_type(&String::from_utf8_lossy(v.as_bytes())))
            .unwrap_or_default();
        let url = response.get_uri().to_string();
        let body = response.into_body();
        let length = body.content_length();
        if length.is_some_and(|n| n > limits.max_bytes) {
            return Err(FetchError::TooLarge {
                limit: limits.max_bytes,
            });
        }
        if !self.send(Msg::Head(Head {
            url,
            content_type,
            charset,
            length,
        })) {
            return Ok(());
        }

        let mut reader = body.into_reader();
        let mut buf = vec![0u8; CHUNK];
        // Read one byte past the limit, never more: that byte proves the excess.
        let mut left = limits.max_bytes.saturating_add(1);
        while left > 0 {
            if self.stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            let want = usize::try_from(left).map_or(CHUNK, |l| l.min(CHUNK));
            let n = match reader.read(&mut buf[..want]) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(map_io_error(&e, &host)),
            };
            left -= n as u64;
            if !self.send(Msg::Chunk(buf[..n].to_vec())) {
                return Ok(());
            }
        }
        // With `left == 0` the caller has max_bytes + 1 bytes and says TooLarge.
        self.send(Msg::End);
        Ok(())
    }

    /// Hands `msg` to the caller; false when the caller is gone.
    fn send(&self, msg: Msg) -> bool {
        !self.stop.load(Ordering::Relaxed) && self.tx.send(msg).is_ok()
    }
}

/// Maps an error from sending the request and waiting for the answer.
fn map_call_error(e: &ureq::Error, host: &str) -> FetchError {
    match map_ureq_error(e, host) {
        // Before an answer, an I/O error of no known kind comes from the
        // name lookup (std gives it no kind) or the connection.
        FetchError::Other(_) if matches!(e, ureq::Error::Io(_)) => {
            FetchError::NoNetwork(unreachable_reason(e, host))
        }
        other => other,
    }
}

/// Maps a ureq error to what the reader is told.
fn map_ureq_error(e: &ureq::Error, host: &str) -> FetchError {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => FetchError::Timeout,
        E::HostNotFound => {
            FetchError::NoNetwork(format!("{host}: {}", tr_in().reason_host_not_found))
        }
        E::ConnectionFailed => {
            FetchError::NoNetwork(format!("{host}: {}", tr_in().reason_connection_failed))
        }
        E::Io(io) => map_io_error(io, host),
        E::TooManyRedirects => FetchError::TooManyRedirects,
        // The address given was checked before, so these come from a
        // redirect (ureq does not say to where).
        E::BadUri(why) => FetchError::Other(fill(tr_in().r_bad_redirect, &[("why", &why)])),
        E::Http(e) => FetchError::Other(fill(tr_in().r_bad_redirect, &[("why", &e)])),
        E::Rustls(e) => FetchError::Tls(describe_tls(e)),
        E::Tls(msg) => FetchError::Tls((*msg).to_owned()),
        E::Pem(e) => FetchError::Tls(e.to_string()),
        E::TlsRequired => FetchError::Tls(tr_in().r_no_tls.to_owned()),
        E::Decompress(_, e) => FetchError::Other(fill(tr_in().r_unpack, &[("why", &e)])),
        E::Protocol(e) => FetchError::Other(fill(tr_in().r_garbled, &[("why", &e)])),
        E::LargeResponseHeader(..) => FetchError::Other(tr_in().r_header.to_owned()),
        E::ConnectProxyFailed(msg) => {
            FetchError::NoNetwork(fill(tr_in().r_proxy, &[("why", &msg)]))
        }
        other => FetchError::Other(other.to_string()),
    }
}

/// Why `host` could not be reached, for an I/O error of no known kind.
fn unreachable_reason(e: &ureq::Error, host: &str) -> String {
    let text = e.to_string();
    if text.contains("lookup address") || text.contains("Name or service not known") {
        format!("{host}: {}", tr_in().reason_host_not_found)
    } else {
        format!("{host}: {} ({text})", tr_in().reason_unreachable)
    }
}

/// Maps an I/O error (ureq wraps its own errors into these while the body
/// is read, and rustls its errors during the handshake).
fn map_io_error(e: &std::io::Error, host: &str) -> FetchError {
    if let Some(inner) = e.get_ref() {
        if let Some(ureq_error) = inner.downcast_ref::<ureq::Error>() {
            return map_ureq_error(ureq_error, host);
        }
        if let Some(tls) = inner.downcast_ref::<rustls::Error>() {
            return FetchError::Tls(describe_tls(tls));
        }
    }
    let reason = match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => return FetchError::Timeout,
        ErrorKind::UnexpectedEof => {
            return FetchError::Other(tr_in().r_closed.to_owned());
        }
        ErrorKind::ConnectionRefused => tr_in().reason_refused,
        ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable
        | ErrorKind::NetworkDown
        | ErrorKind::AddrNotAvailable => tr_in().reason_unreachable,
        ErrorKind::ConnectionReset
        | ErrorKind::ConnectionAborted
        | ErrorKind::BrokenPipe
        | ErrorKind::NotConnected => tr_in().reason_broke_off,
        _ => return FetchError::Other(e.to_string()),
    };
    FetchError::NoNetwork(format!("{host}: {reason}"))
}

/// A plain reason for a TLS failure.
fn describe_tls(e: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    let text = match e {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::Expired | C::ExpiredContext { .. } => tr_in().r_cert_expired,
            C::NotValidYet | C::NotValidYetContext { .. } => tr_in().r_cert_not_yet,
            C::UnknownIssuer => tr_in().r_cert_unknown,
            C::NotValidForName | C::NotValidForNameContext { .. } => tr_in().r_cert_other,
            C::Revoked => tr_in().r_cert_revoked,
            other => return fill(tr_in().r_cert_refused, &[("why", &format!("{other:?}"))]),
        },
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
            tr_in().r_not_https
        }
        rustls::Error::AlertReceived(alert) => {
            return fill(tr_in().r_tls_alert, &[("why", &format!("{alert:?}"))]);
        }
        other => return other.to_string(),
    };
    text.to_owned()
}

/// What a status code means, in plain words, in the current language.
fn status_reason(code: u16) -> &'static str {
    let t = tr_in();
    match code {
        401..=403 => t.reason_403,
        404 | 410 => t.reason_404,
        429 => t.reason_429,
        _ if (300..400).contains(&code) => t.reason_3xx,
        _ if (400..500).contains(&code) => t.reason_4xx,
        502..=504 => t.reason_503,
        _ => t.reason_5xx,
    }
}

/// `52428800` → `"50 MiB"`.
fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB {
        format!("{} KiB", bytes.div_ceil(KIB))
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_failures_are_no_network() {
        let lookup = ureq::Error::Io(std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        ));
        assert_eq!(
            unreachable_reason(&lookup, "example.invalid"),
            format!("example.invalid: {}", tr_in().reason_host_not_found)
        );
        let err = map_ureq_error(&ureq::Error::HostNotFound, "example.invalid");
        assert_eq!(
            err.to_string(),
            "Keine Verbindung zu example.invalid: die Adresse wurde nicht gefunden \
             (Schreibweise und Internetverbindung prüfen)."
        );
    }

    #[test]
    fn wrapped_errors_are_unwrapped() {
        let timeout = ureq::Error::Timeout(ureq::Timeout::Global).into_io();
        assert_eq!(map_io_error(&timeout, "h"), FetchError::Timeout);
        let refused = std::io::Error::from(ErrorKind::ConnectionRefused);
        assert!(matches!(
            map_io_error(&refused, "h"),
            FetchError::NoNetwork(_)
        ));
        let expired = rustls::Error::InvalidCertificate(rustls::CertificateError::Expired);
        let wrapped = std::io::Error::new(ErrorKind::InvalidData, expired);
        assert_eq!(
            map_io_error(&wrapped, "h"),
            FetchError::Tls(tr_in().r_cert_expired.to_owned())
        );
    }

    #[test]
    fn sizes_read_plainly() {
        assert_eq!(human_size(50 * 1024 * 1024), "50 MiB");
        assert_eq!(human_size(1536 * 1024), "1.5 MiB");
        assert_eq!(human_size(100_000), "98 KiB");
        assert_eq!(human_size(9), "9 bytes");
    }
}
