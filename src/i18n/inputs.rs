//! Texts about reading files and pages: formats, extraction, links. A table
//! of its own beside [`super::Strings`], German and English side by side.

use super::Lang;

strings! {
    Inputs;
    /// A packed or PDF document cannot be read: {format} {why}
    err_damaged,
    /// A packed document unpacks to more than {limit} MB: {format}
    err_unpacked_too_large,
    /// A document holds no text: {format}
    err_no_text_in,
    /// PDF without a text layer: {pages}
    err_pdf_no_text_layer,
    /// PDF asks for a password.
    err_pdf_password,
    /// PDF: the password given is wrong.
    err_pdf_wrong_password,
    /// PDF with more than {limit} pages: {pages}
    err_pdf_too_many_pages,
    /// File dialog filter: documents.
    filter_documents,
    /// Notice: the text was made anew from the same source: {before} {now}
    notice_reextracted,
    /// Link: not a web address: {url}
    fetch_bad_url,
    /// Link: no connection: {why}
    fetch_no_network,
    /// Link: the server took too long.
    fetch_timeout,
    /// Link: error status: {code} {reason}
    fetch_status,
    /// Link: too large: {limit}
    fetch_too_large,
    /// Link: redirect loop.
    fetch_redirects,
    /// Link: secure connection failed: {why}
    fetch_tls,
    /// Link: cancelled.
    fetch_cancelled,
    /// Link: other failure: {why}
    fetch_other,
    /// Reason: the host name was not found.
    reason_host_not_found,
    /// Reason: the connection failed.
    reason_connection_failed,
    /// Reason: the server cannot be reached.
    reason_unreachable,
    /// Reason: the server refused.
    reason_refused,
    /// Reason: the connection broke off.
    reason_broke_off,
    /// Status reason: 401–403.
    reason_403,
    /// Status reason: 404, 410.
    reason_404,
    /// Status reason: 429.
    reason_429,
    /// Status reason: 3xx without a target.
    reason_3xx,
    /// Status reason: other 4xx.
    reason_4xx,
    /// Status reason: 502–504.
    reason_503,
    /// Status reason: other 5xx.
    reason_5xx,
    /// Link: the page holds too little text (paywall?): {url} {chars}
    fetch_too_little_text,
    /// Link: a kind of document the reader cannot open: {kind} {url}
    fetch_unsupported,
    /// Menu: open a link.
    menu_open_url,
    /// Tooltip: open a link.
    tip_open_url,
    /// Dialog: open a link, title.
    dialog_open_url_title,
    /// Dialog: open a link, hint in the field.
    open_url_hint,
    /// Dialog: open a link, button.
    open_url_button,
    /// Progress: loading a link: {url}
    progress_fetching,
    /// Progress: reading a file: {name}
    progress_reading,
    /// Button: cancel a running load.
    cancel_loading,
    /// Notice: a link was opened: {url}
    opened_link,
    /// Dialog title: the password of a PDF.
    dialog_password_title,
    /// A background load broke off: {what}
    err_load_failed,
    /// Link failure reason.
    r_no_thread,
    /// Link failure reason.
    r_stopped,
    /// Link failure reason.
    r_no_answer,
    /// Link failure reason.
    r_the_server,
    /// Link failure reason.
    r_bad_redirect,
    /// Link failure reason.
    r_no_tls,
    /// Link failure reason.
    r_unpack,
    /// Link failure reason.
    r_garbled,
    /// Link failure reason.
    r_header,
    /// Link failure reason.
    r_proxy,
    /// Link failure reason.
    r_closed,
    /// Link failure reason.
    r_cert_expired,
    /// Link failure reason.
    r_cert_not_yet,
    /// Link failure reason.
    r_cert_unknown,
    /// Link failure reason.
    r_cert_other,
    /// Link failure reason.
    r_cert_revoked,
    /// Link failure reason.
    r_cert_refused,
    /// Link failure reason.
    r_not_https,
    /// Link failure reason.
    r_tls_alert,
    /// Dialog: which file wants a password: {name}
    password_for,
}

/// The German texts.
static DE: Inputs = Inputs {
    err_damaged: "Die {format}-Datei ist beschädigt und kann nicht gelesen werden ({why}).",
    err_unpacked_too_large: "Die {format}-Datei ergäbe entpackt mehr als {limit} MB – so groß ist kein Artikel und kein Buch (eine „Zip-Bombe“?). Sie wird nicht geöffnet.",
    err_no_text_in: "In der {format}-Datei steht kein Text (sie ist leer oder enthält nur Bilder).",
    err_pdf_no_text_layer: "Die PDF-Datei hat keine Textebene: Sie ist ein Scan (nur Bilder; Seitenzahl: {pages}). Lassen Sie zuerst eine Texterkennung laufen, z. B. „ocrmypdf scan.pdf scan-ocr.pdf“, und öffnen Sie dann das Ergebnis.",
    err_pdf_password: "Die PDF-Datei ist passwortgeschützt. Geben Sie das Passwort an (im Fenster wird danach gefragt, auf der Kommandozeile mit --password) oder öffnen Sie eine ungeschützte Fassung.",
    err_pdf_wrong_password: "Das Passwort passt nicht zu dieser PDF-Datei.",
    err_pdf_too_many_pages: "Die PDF-Datei hat {pages} Seiten; geöffnet werden höchstens {limit}. Teilen Sie sie auf (z. B. „qpdf --split-pages“).",
    filter_documents: "Dokumente (PDF, EPUB, Word, OpenDocument)",
    notice_reextracted: "Der Text wurde aus derselben Quelldatei neu gewonnen, von einer neueren Fassung des Lesers ({before} → {now}); die Anmerkungen wurden über ihre Zitate wiedergefunden.",
    fetch_bad_url: "„{url}“ ist keine Webadresse, die sich öffnen lässt (sie muss mit http:// oder https:// beginnen).",
    fetch_no_network: "Keine Verbindung zu {why}.",
    fetch_timeout: "Der Server hat zu lange nicht geantwortet; das Laden wurde abgebrochen.",
    fetch_status: "Der Server antwortet mit {code}: {reason}.",
    fetch_too_large: "Das Dokument ist größer als {limit} und wurde nicht geladen.",
    fetch_redirects: "Die Adresse leitet zu oft weiter (eine Weiterleitungsschleife?).",
    fetch_tls: "Die sichere Verbindung ist gescheitert: {why}.",
    fetch_cancelled: "Das Laden wurde abgebrochen.",
    fetch_other: "Das Dokument konnte nicht geladen werden: {why}.",
    reason_host_not_found: "die Adresse wurde nicht gefunden (Schreibweise und Internetverbindung prüfen)",
    reason_connection_failed: "die Verbindung kam nicht zustande",
    reason_unreachable: "der Server ist nicht erreichbar",
    reason_refused: "der Server hat die Verbindung abgelehnt",
    reason_broke_off: "die Verbindung ist abgebrochen",
    reason_403: "Zugriff verweigert (eine Anmeldung wäre nötig)",
    reason_404: "Seite nicht gefunden",
    reason_429: "zu viele Anfragen, später noch einmal versuchen",
    reason_3xx: "die Seite leitet weiter, ohne zu sagen wohin",
    reason_4xx: "die Anfrage wurde abgelehnt",
    reason_503: "ein Server dazwischen ist ausgefallen oder überlastet",
    reason_5xx: "Fehler auf dem Server",
    fetch_too_little_text: "Auf der Seite {url} steht kaum Text ({chars} Zeichen): Vielleicht liegt der Artikel hinter einer Bezahlschranke oder wird erst im Browser nachgeladen. Speichern Sie die Seite im Browser („Seite speichern unter …“) und öffnen Sie die gespeicherte Datei.",
    fetch_unsupported: "Unter {url} liegt kein Artikel, sondern {kind}; das kann Randnotiz nicht öffnen.",
    menu_open_url: "Adresse öffnen …",
    tip_open_url: "Einen Artikel aus dem Netz laden: die Webseite (oder ein PDF, E-Book, Word-Dokument) unter einer Adresse. Die Seite wird als Kopie neben der Sitzung aufbewahrt.",
    dialog_open_url_title: "Adresse öffnen",
    open_url_hint: "https://www.tagesschau.de/…",
    open_url_button: "Laden",
    progress_fetching: "Lade {url} …",
    progress_reading: "Lese {name} …",
    cancel_loading: "Abbrechen",
    opened_link: "Geladen: {url} – beim Speichern wird die Seite als Kopie neben die Sitzung gelegt.",
    dialog_password_title: "Passwort der PDF-Datei",
    r_no_thread: "es konnte kein Arbeitsfaden gestartet werden ({why})",
    r_stopped: "der Download brach unerwartet ab",
    r_no_answer: "der Server hat nicht geantwortet",
    r_the_server: "der Server",
    r_bad_redirect: "der Server leitet an eine Adresse weiter, die sich nicht öffnen lässt ({why})",
    r_no_tls: "es kam keine sichere Verbindung zustande",
    r_unpack: "das komprimierte Dokument ließ sich nicht entpacken ({why})",
    r_garbled: "die Antwort des Servers war verstümmelt ({why})",
    r_header: "die Antwort des Servers begann mit zu vielen Kopfdaten",
    r_proxy: "der Proxy: {why}",
    r_closed: "der Server hat die Verbindung beendet, bevor das Dokument vollständig war",
    r_cert_expired: "das Zertifikat der Seite ist abgelaufen",
    r_cert_not_yet: "das Zertifikat der Seite gilt noch nicht (geht die Uhr des Rechners richtig?)",
    r_cert_unknown: "das Zertifikat der Seite stammt von keiner bekannten Stelle",
    r_cert_other: "das Zertifikat gehört zu einer anderen Seite",
    r_cert_revoked: "das Zertifikat der Seite wurde widerrufen",
    r_cert_refused: "das Zertifikat der Seite wurde nicht angenommen ({why})",
    r_not_https: "der Server spricht unter dieser Adresse kein sicheres HTTP",
    r_tls_alert: "der Server hat die sichere Verbindung abgebrochen ({why})",
    err_load_failed: "{what} ist abgebrochen: Randnotiz ist dabei auf einen Fehler gestoßen. Was offen war, bleibt offen; bitte melden Sie die Datei.",
    password_for: "„{name}“ ist passwortgeschützt. Mit welchem Passwort soll sie geöffnet werden?",
};

/// The English texts.
static EN: Inputs = Inputs {
    err_damaged: "The {format} file is damaged and cannot be read ({why}).",
    err_unpacked_too_large: "The {format} file would unpack to more than {limit} MB; no article or book is that large (a “zip bomb”?). It is not opened.",
    err_no_text_in: "The {format} file holds no text (it is empty or holds only images).",
    err_pdf_no_text_layer: "The PDF has no text layer: it is a scan (images only; pages: {pages}). Run text recognition first, e.g. “ocrmypdf scan.pdf scan-ocr.pdf”, then open the result.",
    err_pdf_password: "The PDF is protected by a password. Give the password (the window asks for it; on the command line use --password) or open an unprotected copy.",
    err_pdf_wrong_password: "The password does not open this PDF.",
    err_pdf_too_many_pages: "The PDF has {pages} pages; at most {limit} are opened. Split it first (e.g. “qpdf --split-pages”).",
    filter_documents: "Documents (PDF, EPUB, Word, OpenDocument)",
    notice_reextracted: "The text was made anew from the same source file by a newer version of the reader ({before} → {now}); the annotations were found again by their quotes.",
    fetch_bad_url: "“{url}” is not a web address that can be opened (it must start with http:// or https://).",
    fetch_no_network: "No connection to {why}.",
    fetch_timeout: "The server took too long to answer, so loading was stopped.",
    fetch_status: "The server answered {code}: {reason}.",
    fetch_too_large: "The document is larger than {limit} and was not loaded.",
    fetch_redirects: "The address forwards to other addresses too many times (a redirect loop?).",
    fetch_tls: "The secure connection failed: {why}.",
    fetch_cancelled: "Loading was cancelled.",
    fetch_other: "The document could not be loaded: {why}.",
    reason_host_not_found: "the address was not found (check the spelling and the internet connection)",
    reason_connection_failed: "the connection failed",
    reason_unreachable: "the server cannot be reached",
    reason_refused: "the server refused the connection",
    reason_broke_off: "the connection broke off",
    reason_403: "access denied (a login would be needed)",
    reason_404: "page not found",
    reason_429: "too many requests, try again later",
    reason_3xx: "the page forwards elsewhere without saying where",
    reason_4xx: "the request was refused",
    reason_503: "a server in between failed or is overloaded",
    reason_5xx: "error on the server",
    fetch_too_little_text: "The page {url} holds hardly any text ({chars} characters): the article may be behind a paywall or loaded only in a browser. Save the page in the browser (“Save page as …”) and open the saved file.",
    fetch_unsupported: "{url} holds no article but {kind}, which Randnotiz cannot open.",
    menu_open_url: "Open address …",
    tip_open_url: "Load an article from the web: the page (or a PDF, e-book, Word document) at an address. The page is kept as a copy beside the session.",
    dialog_open_url_title: "Open address",
    open_url_hint: "https://www.theguardian.com/…",
    open_url_button: "Load",
    progress_fetching: "Loading {url} …",
    progress_reading: "Reading {name} …",
    cancel_loading: "Cancel",
    opened_link: "Loaded {url}; saving the session keeps a copy of the page beside it.",
    dialog_password_title: "PDF password",
    r_no_thread: "no thread could be started ({why})",
    r_stopped: "the download stopped unexpectedly",
    r_no_answer: "the server sent no answer",
    r_the_server: "the server",
    r_bad_redirect: "the server forwards to an address that cannot be opened ({why})",
    r_no_tls: "no secure connection could be made",
    r_unpack: "the compressed document could not be unpacked ({why})",
    r_garbled: "the server's answer was garbled ({why})",
    r_header: "the server's answer began with too much header data",
    r_proxy: "the proxy: {why}",
    r_closed: "the server closed the connection before the document was complete",
    r_cert_expired: "the site's certificate has expired",
    r_cert_not_yet: "the site's certificate is not valid yet (is the computer's clock right?)",
    r_cert_unknown: "the site's certificate is not from a known authority",
    r_cert_other: "the site's certificate belongs to another site",
    r_cert_revoked: "the site's certificate has been revoked",
    r_cert_refused: "the site's certificate was not accepted ({why})",
    r_not_https: "the server does not speak secure HTTP on this address",
    r_tls_alert: "the server broke off the secure connection ({why})",
    err_load_failed: "{what} broke off: Randnotiz ran into a bug. What was open stays open; please report the file.",
    password_for: "“{name}” is protected by a password. Which password opens it?",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Inputs {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
