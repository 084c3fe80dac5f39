//! Texts about projects: a corpus of many documents, its list, its search.
//! A table of its own beside [`super::Strings`], German and English side by
//! side.

use super::Lang;

strings! {
    Corpus;
    /// No project file in a folder: {path}
    err_no_project,
    /// Project file damaged: {line} {col} {what} {path}
    err_project_syntax,
    /// Project file newer: {found} {supported} {path}
    err_project_newer,
    /// A folder that is already a project: {path}
    err_project_exists,
    /// A folder that holds other files: {path}
    err_project_not_empty,
    /// The project file holds unknown fields; saving it is refused: {fields} {path}
    err_project_unknown_fields,
    /// The project file was changed by someone else: {path}
    err_project_changed,
    /// No document of that id or number: {which}
    err_no_document,
    /// A document's text is missing: {title} {path}
    doc_missing,
    /// A document's text changed: {title} {path}
    doc_changed,
    /// A document's annotation file cannot be read: {title} {why}
    doc_unreadable,
    /// Adding: not a format Randnotiz reads: {path}
    add_not_a_text,
    /// Adding: the text is the same as a document's already there: {path} {title}
    add_duplicate,
    /// Adding: a file that cannot be read: {path} {why}
    add_failed,
    /// Adding: more files than one adding takes: {limit} {path}
    add_too_many,
    /// Adding: a summary: {added} {skipped}
    add_summary,
    /// Adding: a session and its annotations: {path} {n}
    add_session,
    /// Adding: an actor of an added session renamed because its id was taken: {id} {new}
    add_actor_renamed,
    /// CLI project list: header of the count columns.
    list_header,
    /// CLI search: an invalid regular expression: {why}
    err_regex,
    /// CLI search --annotate: annotations added: {n} {actor} {docs}
    annotated,
    /// CLI search --annotate: a new actor made for the name: {name}
    actor_created,
    /// CLI: a project made: {path}
    project_created,
    /// CLI: a colour name not known: {name} {known}
    err_colour,
}

/// The German texts.
static DE: Corpus = Corpus {
    err_no_project: "In „{path}“ ist kein Randnotiz-Projekt (es fehlt die Datei project.ron). Legen Sie eines an mit „randnotiz project new ORDNER“ oder Datei → Neues Projekt …",
    err_project_syntax: "Die Projektdatei ist beschädigt: Zeile {line}, Spalte {col}: {what}. Korrigieren Sie die Stelle in einem Texteditor oder nehmen Sie die Sicherung project.ron.bak daneben. ({path})",
    err_project_newer: "Dieses Projekt hat Format {found}; diese Randnotiz-Version liest bis Format {supported}. Aktualisieren Sie Randnotiz. ({path})",
    err_project_exists: "In „{path}“ ist schon ein Projekt; öffnen Sie es, statt ein neues anzulegen.",
    err_project_not_empty: "„{path}“ ist kein leerer Ordner. Legen Sie das Projekt in einem neuen oder leeren Ordner an.",
    err_project_unknown_fields: "Die Projektdatei enthält Felder, die diese Version nicht kennt ({fields}); damit sie nicht verloren gehen, wird sie nicht überschrieben. Die Anmerkungen der Dokumente werden weiter gespeichert. Aktualisieren Sie Randnotiz, um auch Akteure und Dokumentliste zu ändern. ({path})",
    err_project_changed: "Die Projektdatei wurde inzwischen von jemand anderem geändert; ihre Änderungen wurden übernommen. ({path})",
    err_no_document: "Im Projekt gibt es kein Dokument „{which}“.",
    doc_missing: "Der Text von „{title}“ fehlt: {path} ist nicht mehr da. Legen Sie die Datei zurück oder fügen Sie sie neu hinzu; die Anmerkungen bleiben erhalten.",
    doc_changed: "Der Text von „{title}“ hat sich geändert ({path}); beim Öffnen werden die Anmerkungen über ihre Zitate wiedergefunden.",
    doc_unreadable: "Die Anmerkungen zu „{title}“ lassen sich nicht lesen: {why}",
    add_not_a_text: "{path}: keine Text-, Web-, PDF-, E-Book- oder Word-Datei; nicht aufgenommen.",
    add_duplicate: "{path}: derselbe Text wie „{title}“, schon im Projekt; nicht noch einmal aufgenommen.",
    add_failed: "{path}: {why}",
    add_too_many: "Mehr als {limit} Dateien in {path}: nur die ersten {limit} wurden angesehen.",
    add_summary: "{added} Dokumente aufgenommen, {skipped} Dateien übergangen.",
    add_session: "{path}: Sitzung mit {n} Anmerkungen aufgenommen.",
    add_actor_renamed: "Akteur „{id}“ der hinzugefügten Sitzung heißt im Projekt anders und wurde zu „{new}“.",
    list_header: "Anm.",
    err_regex: "Der reguläre Ausdruck gilt nicht: {why}",
    annotated: "{n} Anmerkungen für {actor} in {docs} Dokumenten angelegt.",
    actor_created: "Neuer Akteur „{name}“ angelegt.",
    project_created: "Projekt angelegt: {path}",
    err_colour: "Die Farbe „{name}“ gibt es nicht; bekannt sind: {known}.",
};

/// The English texts.
static EN: Corpus = Corpus {
    err_no_project: "“{path}” is not a Randnotiz project (it has no project.ron). Make one with “randnotiz project new FOLDER” or File → New project …",
    err_project_syntax: "The project file is damaged: line {line}, column {col}: {what}. Fix that place in a text editor or take the backup project.ron.bak beside it. ({path})",
    err_project_newer: "This project has format {found}; this version of Randnotiz reads up to format {supported}. Update Randnotiz. ({path})",
    err_project_exists: "“{path}” already holds a project; open it instead of making a new one.",
    err_project_not_empty: "“{path}” is not an empty folder. Make the project in a new or empty folder.",
    err_project_unknown_fields: "The project file holds fields this version does not know ({fields}); so that they are not lost it is not overwritten. The documents' annotations are still saved. Update Randnotiz to change actors and the document list too. ({path})",
    err_project_changed: "Someone else changed the project file meanwhile; their changes were taken in. ({path})",
    err_no_document: "The project has no document “{which}”.",
    doc_missing: "The text of “{title}” is missing: {path} is gone. Put the file back or add it again; the annotations are kept.",
    doc_changed: "The text of “{title}” has changed ({path}); on opening, the annotations are found again through their quotes.",
    doc_unreadable: "The annotations of “{title}” cannot be read: {why}",
    add_not_a_text: "{path}: not a text, web page, PDF, e-book or Word file; not added.",
    add_duplicate: "{path}: the same text as “{title}”, already in the project; not added again.",
    add_failed: "{path}: {why}",
    add_too_many: "More than {limit} files in {path}: only the first {limit} were looked at.",
    add_summary: "{added} documents added, {skipped} files passed over.",
    add_session: "{path}: session with {n} annotations added.",
    add_actor_renamed: "Actor “{id}” of the added session has another name in the project and became “{new}”.",
    list_header: "Ann.",
    err_regex: "The regular expression is not valid: {why}",
    annotated: "{n} annotations for {actor} made in {docs} documents.",
    actor_created: "New actor “{name}” made.",
    project_created: "Project made: {path}",
    err_colour: "There is no colour “{name}”; known are: {known}.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Corpus {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
