//! Texts about merging sessions through git (`randnotiz merge-driver`): why
//! a file was not merged, and each conflict. A table of its own beside
//! [`super::Strings`], German and English side by side.

use super::Lang;

strings! {
    Merging;
    /// Not merged: {path} {why}
    not_merged,
    /// Why: {side} {error}
    why_unreadable,
    /// Why: {ours} {theirs}
    why_other_text,
    /// Why: {side} {fields}
    why_unkept,
    /// Why: {error}
    why_not_written,
    /// Side: the common ancestor.
    side_base,
    /// Side: this side's version.
    side_ours,
    /// Side: the other side's version.
    side_theirs,
    /// Both added one id: {path} {id} {quote} {copy}
    renumbered,
    /// Conflicts follow: {path} {n}
    conflicts,
    /// Conflict: {id} {quote} {copy}
    conflict_annotation,
    /// Conflict: {id} {quote}
    conflict_deleted_there,
    /// Conflict: {id} {quote}
    conflict_deleted_here,
    /// Conflict: {what}
    conflict_record_deleted_there,
    /// Conflict: {what}
    conflict_record_deleted_here,
    /// Conflict: {what} {field} {ours} {theirs}
    conflict_field,
    /// Conflict: {what} {field} {theirs}
    conflict_field_theirs,
    /// Conflict: {what} {field}
    conflict_field_both,
    /// A value, quoted: {value}
    value_quoted,
    /// A deleted value.
    value_deleted,
    /// Place: {id}
    place_actor,
    /// Place: {id}
    place_concept,
    /// Place: the colour legend.
    place_legend,
    /// Place: the document reference.
    place_document,
    /// Place: the session's own fields.
    place_session,
}

/// Die deutschen Texte.
static DE: Merging = Merging {
    not_merged: "{path} wurde nicht zusammengeführt: {why} Git meldet die Datei als Konflikt; im Arbeitsverzeichnis steht die Fassung dieser Seite. Die der anderen Seite holen Sie mit „git checkout --theirs {path}“.",
    why_unreadable: "{side} ist keine Sitzung, die diese Randnotiz lesen kann. {error}",
    why_other_text: "Die beiden Seiten gehören zu verschiedenen Texten („{ours}“ und „{theirs}“); Sitzungen auf verschiedenen Texten lassen sich nicht zusammenführen.",
    why_unkept: "{side} enthält Felder, die diese Version nicht erhalten kann ({fields}); eine neuere Randnotiz kann sie zusammenführen.",
    why_not_written: "Das Ergebnis konnte nicht geschrieben werden. {error}",
    side_base: "Der gemeinsame Vorgänger",
    side_ours: "Die Fassung dieser Seite",
    side_theirs: "Die Fassung der anderen Seite",
    renumbered: "{path}: {id} wurde auf beiden Seiten angelegt; die Anmerkung der anderen Seite („{quote}“) ist jetzt {copy}.",
    conflicts: "{path}, Konflikte: {n}. Beide Fassungen stehen in der Datei; klären Sie sie in Randnotiz und dann „git add {path}“:",
    conflict_annotation: "{id} „{quote}“: auf beiden Seiten geändert; die Fassung dieser Seite ist {id}, die der anderen Seite {copy}",
    conflict_deleted_there: "{id} „{quote}“: hier geändert, auf der anderen Seite gelöscht; behalten",
    conflict_deleted_here: "{id} „{quote}“: hier gelöscht, auf der anderen Seite geändert; die Fassung der anderen Seite behalten",
    conflict_record_deleted_there: "{what}: auf der anderen Seite gelöscht, hier geändert oder noch vergeben; behalten",
    conflict_record_deleted_here: "{what}: hier gelöscht, auf der anderen Seite geändert oder noch vergeben; behalten",
    conflict_field: "{what}, {field}: hier {ours}, auf der anderen Seite {theirs}; der Wert dieser Seite bleibt",
    conflict_field_theirs: "{what}, {field}: hier gelöscht, auf der anderen Seite {theirs}; der Wert der anderen Seite bleibt",
    conflict_field_both: "{what}, {field}: auf beiden Seiten geändert; beide Texte bleiben, der dieser Seite zuerst",
    value_quoted: "„{value}“",
    value_deleted: "(gelöscht)",
    place_actor: "Akteur {id}",
    place_concept: "Konzept {id}",
    place_legend: "Farblegende",
    place_document: "Dokument",
    place_session: "Sitzung",
};

/// The English texts.
static EN: Merging = Merging {
    not_merged: "{path} was not merged: {why} Git reports the file as a conflict; the work tree holds this side's version. Get the other side's with “git checkout --theirs {path}”.",
    why_unreadable: "{side} is not a session this Randnotiz can read. {error}",
    why_other_text: "The two sides belong to different texts (“{ours}” and “{theirs}”); sessions on different texts cannot be merged.",
    why_unkept: "{side} holds fields this version cannot keep ({fields}); a newer Randnotiz can merge it.",
    why_not_written: "The result could not be written. {error}",
    side_base: "The common ancestor",
    side_ours: "This side's version",
    side_theirs: "The other side's version",
    renumbered: "{path}: {id} was added on both sides; the other side's annotation (“{quote}”) is now {copy}.",
    conflicts: "{path}, conflicts: {n}. Both versions are in the file; settle them in Randnotiz, then “git add {path}”:",
    conflict_annotation: "{id} “{quote}”: changed on both sides; this side's version is {id}, the other side's {copy}",
    conflict_deleted_there: "{id} “{quote}”: changed here, deleted on the other side; kept",
    conflict_deleted_here: "{id} “{quote}”: deleted here, changed on the other side; the other side's version kept",
    conflict_record_deleted_there: "{what}: deleted on the other side, changed or still used here; kept",
    conflict_record_deleted_here: "{what}: deleted here, changed or still used on the other side; kept",
    conflict_field: "{what}, {field}: here {ours}, on the other side {theirs}; this side's value stays",
    conflict_field_theirs: "{what}, {field}: deleted here, on the other side {theirs}; the other side's value stays",
    conflict_field_both: "{what}, {field}: changed on both sides; both texts stay, this side's first",
    value_quoted: "“{value}”",
    value_deleted: "(deleted)",
    place_actor: "Actor {id}",
    place_concept: "Concept {id}",
    place_legend: "Colour legend",
    place_document: "Document",
    place_session: "Session",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Merging {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
