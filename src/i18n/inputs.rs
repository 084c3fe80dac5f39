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
}

/// The German texts.
static DE: Inputs = Inputs {
    err_damaged: "Die {format}-Datei ist beschädigt und kann nicht gelesen werden ({why}).",
    err_unpacked_too_large: "Die {format}-Datei ergäbe entpackt mehr als {limit} MB – so groß ist kein Artikel und kein Buch (eine „Zip-Bombe“?). Sie wird nicht geöffnet.",
    err_no_text_in: "In der {format}-Datei steht kein Text (sie ist leer oder enthält nur Bilder).",
    err_pdf_no_text_layer: "Die PDF-Datei hat keine Textebene: Sie ist ein Scan ({pages} Seiten, nur Bilder). Lassen Sie zuerst eine Texterkennung laufen, z. B. „ocrmypdf scan.pdf scan-ocr.pdf“, und öffnen Sie dann das Ergebnis.",
    err_pdf_password: "Die PDF-Datei ist passwortgeschützt. Geben Sie das Passwort an (Kommandozeile: --password) oder öffnen Sie eine ungeschützte Fassung.",
    err_pdf_wrong_password: "Das Passwort passt nicht zu dieser PDF-Datei.",
    err_pdf_too_many_pages: "Die PDF-Datei hat {pages} Seiten; geöffnet werden höchstens {limit}. Teilen Sie sie auf (z. B. „qpdf --split-pages“).",
    filter_documents: "Dokumente (PDF, EPUB, Word, OpenDocument)",
};

/// The English texts.
static EN: Inputs = Inputs {
    err_damaged: "The {format} file is damaged and cannot be read ({why}).",
    err_unpacked_too_large: "The {format} file would unpack to more than {limit} MB; no article or book is that large (a “zip bomb”?). It is not opened.",
    err_no_text_in: "The {format} file holds no text (it is empty or holds only images).",
    err_pdf_no_text_layer: "The PDF has no text layer: it is a scan ({pages} pages, images only). Run text recognition first, e.g. “ocrmypdf scan.pdf scan-ocr.pdf”, then open the result.",
    err_pdf_password: "The PDF is protected by a password. Give the password (command line: --password) or open an unprotected copy.",
    err_pdf_wrong_password: "The password does not open this PDF.",
    err_pdf_too_many_pages: "The PDF has {pages} pages; at most {limit} are opened. Split it first (e.g. “qpdf --split-pages”).",
    filter_documents: "Documents (PDF, EPUB, Word, OpenDocument)",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Inputs {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
