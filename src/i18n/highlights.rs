//! Texts about the highlight formats readers carry between apps: Zotero's
//! annotation notes as Markdown and KOReader's highlight export as JSON,
//! out and back in. A table of its own, German and English side by side.

use super::Lang;

strings! {
    Highlights;
    /// Export menu: a Zotero note.
    export_zotero,
    /// Export menu: KOReader's highlights.
    export_koreader,
    /// Import menu: a Zotero note.
    import_zotero,
    /// Import menu: KOReader's highlights.
    import_koreader,
    /// Hover of the Zotero import.
    tip_import_zotero,
    /// Hover of the KOReader import.
    tip_import_koreader,
    /// The heading of an exported Zotero note (Zotero's own word).
    zotero_title,
    /// The file is neither: no highlight in it.
    err_no_highlights,
    /// JSON, but not KOReader's shape.
    err_not_koreader,
    /// Where a highlight stood: a paragraph {n}.
    where_paragraph,
    /// Where a highlight stood: a page {n}.
    where_page,
    /// Where a highlight stood: a chapter {chapter}.
    where_chapter,
    /// Not in the text: {quote} {place}
    not_found,
    /// Found several times: {quote} {place} {n} {start}
    ambiguous,
    /// Found only approximately: {quote} {place} {start}
    approximate,
    /// A highlight without quoted text: {n} {text}
    no_quote,
    /// An entry of another kind (a bookmark, a note): {n} {kind}
    other_entry,
    /// An entry without text: {n}
    no_text,
    /// Highlights of other books in the same file: {n} {titles}
    other_documents,
    /// Underlined or struck-out highlights that are highlights now: {n}
    styles,
    /// Colours not known: {colours} {n}
    unknown_colours,
    /// Actors made from tags: {names}
    new_actors,
    /// The summary in the window: {n} {path}
    imported,
}

/// The German texts.
static DE: Highlights = Highlights {
    export_zotero: "Zotero-Notiz (Markdown) …",
    export_koreader: "KOReader-Markierungen (JSON) …",
    import_zotero: "Zotero-Notiz (Markdown) …",
    import_koreader: "KOReader-Markierungen (JSON) …",
    tip_import_zotero: "Markierungen und Kommentare aus einer Zotero-Notiz (als Markdown exportiert) in diese Sitzung holen; sie werden an ihrem Zitat im Text verankert.",
    tip_import_koreader: "Markierungen und Notizen aus dem JSON-Export von KOReader in diese Sitzung holen; sie werden an ihrem Zitat im Text verankert.",
    zotero_title: "Anmerkungen",
    err_no_highlights: "Die Datei enthält keine Markierung: keinen Absatz, der mit einem Zitat beginnt (Zotero-Notiz), und keine „entries“ mit „text“ (KOReader).",
    err_not_koreader: "Die Datei ist JSON, aber kein Export von KOReader: ihr fehlen „entries“ (oder „documents“ mit „entries“).",
    where_paragraph: " (Absatz {n})",
    where_page: " (Seite {n})",
    where_chapter: " ({chapter})",
    not_found: "„{quote}“{place} steht nicht im Text; nicht übernommen.",
    ambiguous: "„{quote}“{place} steht {n}-mal im Text; die Markierung liegt an der ersten Stelle (Zeichen {start}), bitte prüfen.",
    approximate: "„{quote}“{place} steht nicht wörtlich im Text; die Markierung liegt an der ähnlichsten Stelle (Zeichen {start}), bitte prüfen.",
    no_quote: "Absatz {n} der Notiz zitiert nichts und wurde nicht übernommen: „{text}“",
    other_entry: "Eintrag {n} ist keine Markierung ({kind}) und wurde nicht übernommen.",
    no_text: "Eintrag {n} hat keinen Text und wurde nicht übernommen.",
    other_documents: "{n} Markierungen gehören zu anderen Texten der Datei ({titles}) und wurden nicht übernommen.",
    styles: "{n} Markierungen waren unterstrichen, durchgestrichen oder invertiert; sie sind jetzt farbige Markierungen.",
    unknown_colours: "Unbekannte Farben ({colours}): {n} Markierungen sind gelb.",
    new_actors: "Neue Akteure aus Schlagwörtern: {names}",
    imported: "{n} Markierungen importiert aus {path}.",
};

/// The English texts.
static EN: Highlights = Highlights {
    export_zotero: "Zotero note (Markdown) …",
    export_koreader: "KOReader highlights (JSON) …",
    import_zotero: "Zotero note (Markdown) …",
    import_koreader: "KOReader highlights (JSON) …",
    tip_import_zotero: "Bring the highlights and comments of a Zotero note (exported as Markdown) into this session, anchored by their quotes.",
    tip_import_koreader: "Bring the highlights and notes of KOReader's JSON export into this session, anchored by their quotes.",
    zotero_title: "Annotations",
    err_no_highlights: "The file holds no highlight: no paragraph opening with a quote (Zotero note), no “entries” with “text” (KOReader).",
    err_not_koreader: "The file is JSON but no KOReader export: it has no “entries” (nor “documents” with “entries”).",
    where_paragraph: " (paragraph {n})",
    where_page: " (page {n})",
    where_chapter: " ({chapter})",
    not_found: "“{quote}”{place} is not in the text; not imported.",
    ambiguous: "“{quote}”{place} is in the text {n} times; the highlight is on the first (char {start}), please check.",
    approximate: "“{quote}”{place} is not in the text word for word; the highlight is on the closest passage (char {start}), please check.",
    no_quote: "Paragraph {n} of the note quotes nothing and was not imported: “{text}”",
    other_entry: "Entry {n} is not a highlight ({kind}) and was not imported.",
    no_text: "Entry {n} has no text and was not imported.",
    other_documents: "{n} highlights belong to other texts in the file ({titles}) and were not imported.",
    styles: "{n} highlights were underlined, struck out or inverted; they are coloured highlights now.",
    unknown_colours: "Unknown colours ({colours}): {n} highlights are yellow.",
    new_actors: "New actors from tags: {names}",
    imported: "{n} highlights imported from {path}.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Highlights {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
