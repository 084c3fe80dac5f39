//! Texts of imports from other tools (a Discourse Network Analyzer
//! database made into a project), and of the saved searches they bring. A
//! table of its own, German and English side by side.

use super::Lang;

strings! {
    Import;
    /// Menu: the submenu of the file menu.
    menu_import,
    /// Menu item.
    action_import_dna,
    /// Hover.
    tip_import_dna,
    /// Dialog title: which database.
    dialog_dna_file,
    /// Dialog title: where the new project goes.
    dialog_dna_target,
    /// Status while importing: {path}
    importing,
    /// The import's worker stopped without an answer.
    import_crashed,
    /// What a merge conflict names: a saved search.
    merge_search,
    /// Label of the saved searches in the corpus search.
    saved_label,
    /// Hover of that choice.
    saved_tip,
    /// The choice when none is chosen.
    saved_none,
    /// Not an SQLite file: {path}
    err_not_sqlite,
    /// An SQLite file without DNA's tables: {path} {table}
    err_not_dna,
    /// Locked by another program: {path}
    err_locked,
    /// Damaged: {path} {why}
    err_corrupt,
    /// Any other error reading it: {path} {why}
    err_read,
    /// The target folder is not empty: {path}
    err_target_not_empty,
    /// The target is a file: {path}
    err_target_file,
    /// Options of the W3C import given for a DNA database.
    err_dna_options,
    /// Summary: {documents} {statements} {annotations} {actors} {concepts} {searches} {readers} {path}
    summary,
    /// Heading of what was not carried over.
    not_carried,
    /// A document whose text cannot be a document: {id} {title} {why} {n}
    doc_unreadable,
    /// A document's day and time: the time kept as an attribute {column}
    doc_time,
    /// A statement of a document not in the database: {id} {doc}
    stmt_no_document,
    /// A statement past its text's end: {id} {start} {stop} {doc} {len}
    stmt_out_of_text,
    /// A statement whose passage the text does not hold: {id} {quote}
    stmt_orphaned,
    /// Statements found by their quote, not their offsets: {n}
    stmt_moved,
    /// A statement without concept: {id}
    stmt_no_concept,
    /// A statement without person or organisation: {id}
    stmt_no_actor,
    /// An agreement that is neither 1 nor 0: {id} {value}
    stmt_agreement_other,
    /// A statement type whose agreement is an integer scale: {type}
    agreement_scale,
    /// Statements of another type: {n} {type} {variables}
    other_type,
    /// A statement type without statements: {type} {variables}
    unused_type,
    /// Further variables of a statement type: {type} {variables}
    extra_variables,
    /// DNA's empty entities: {n}
    empty_entities,
    /// Entities of other variables: {n} {variable} {type}
    other_entities,
    /// A pattern the regex crate does not read: {pattern} {why}
    regex_invalid,
    /// Coders as readers: {names}
    coders,
    /// Statement type colours as highlight colours: {colours}
    type_colours,
    /// Links between variables: {n}
    variable_links,
    /// The database's settings: {version}
    settings,
    /// Entity hierarchy as an attribute: {n} {column}
    hierarchy,
}

/// Die deutschen Texte.
static DE: Import = Import {
    menu_import: "Importieren",
    action_import_dna: "DNA-Datenbank …",
    tip_import_dna: "Eine Datenbank des Discourse Network Analyzer (DNA 3, .dna) als neues Projekt: Dokumente, Aussagen, Akteure, Konzepte, Suchmuster.",
    dialog_dna_file: "DNA-Datenbank wählen",
    dialog_dna_target: "Leerer Ordner für das neue Projekt",
    importing: "Importiere {path} …",
    import_crashed: "Der Import ist unerwartet abgebrochen; es wurde nichts geöffnet.",
    merge_search: "gespeicherte Suche",
    saved_label: "Gespeichert:",
    saved_tip: "Eine mit dem Projekt gespeicherte Suche (etwa ein Suchmuster aus DNA) in das Suchfeld übernehmen.",
    saved_none: "–",
    err_not_sqlite: "{path} ist keine SQLite-Datei, also keine DNA-Datenbank.",
    err_not_dna: "{path} ist eine SQLite-Datenbank, aber keine von DNA 3: ihr fehlt die Tabelle {table}.",
    err_locked: "{path} ist gesperrt: ein anderes Programm (DNA?) schreibt gerade hinein. Schließen Sie es und versuchen Sie es noch einmal.",
    err_corrupt: "{path} ist beschädigt und kann nicht gelesen werden: {why}",
    err_read: "{path} kann nicht gelesen werden: {why}",
    err_target_not_empty: "{path} ist nicht leer. Ein Import legt ein neues Projekt an: wählen Sie einen leeren oder neuen Ordner.",
    err_target_file: "{path} ist eine Datei; ein Import legt ein neues Projekt in einem Ordner an.",
    err_dna_options: "--text, --into und --force gelten nicht für eine DNA-Datenbank: sie wird ein neues Projekt (-o ORDNER).",
    summary: "Aus DNA übernommen nach {path}: {documents} Dokumente, {statements} Aussagen, {annotations} Annotationen, {actors} Akteure, {concepts} Konzepte, {searches} gespeicherte Suchen, {readers} Leser.",
    not_carried: "Nicht oder nur anders übernommen:",
    doc_unreadable: "Dokument {id} „{title}“: sein Text ist kein lesbarer Text ({why}); das Dokument und seine {n} Aussagen fehlen.",
    doc_time: "Uhrzeiten der Dokumente: das Projekt kennt nur Tage; die Uhrzeit steht in der Spalte „{column}“.",
    stmt_no_document: "Aussage {id}: ihr Dokument {doc} fehlt in der Datenbank.",
    stmt_out_of_text: "Aussage {id}: Start {start} bis Stop {stop} liegt außerhalb des Texts von Dokument {doc} ({len} UTF-16-Einheiten).",
    stmt_orphaned: "Aussage {id}: ihre Stelle „{quote}“ ist im Text nicht zu finden.",
    stmt_moved: "{n} Aussagen über ihr Zitat gefunden, weil Randnotiz den Text anders umbricht: bitte prüfen.",
    stmt_no_concept: "Aussage {id}: ohne Konzept; als Annotation mit ihren Akteuren übernommen, ohne Aussage.",
    stmt_no_actor: "Aussage {id}: ohne Person und Organisation; als Annotation ohne Aussage übernommen, das Konzept in der Notiz.",
    agreement_scale: "Aussagetyp „{type}“: agreement ist eine ganze Zahl (eine Skala), nicht DNAs Ja/Nein. Ihr Vorzeichen wurde die Haltung (über 0 stimmt zu, unter 0 widerspricht, 0 neutral), der Wert steht in der Notiz. DNA rechnet Kongruenz auf einer Skala als 1 − |a − b| / Spannweite; Randnotiz mit den drei Haltungen, Netzwerke weichen dort von DNAs ab.",
    stmt_agreement_other: "Aussage {id}: agreement = {value} ist weder 1 noch 0; als neutral übernommen, der Wert in der Notiz.",
    other_type: "{n} Aussagen des Typs „{type}“ (Variablen: {variables}): als Annotationen, ihre Werte in der Notiz; Randnotiz hat für sie keine Aussage.",
    unused_type: "Aussagetyp „{type}“ (Variablen: {variables}): ohne Aussagen in der Datenbank; Randnotiz hat keine Aussagetypen.",
    extra_variables: "Weitere Variablen des Typs „{type}“ ({variables}): in den Notizen der Annotationen.",
    empty_entities: "{n} leere Einträge (DNAs Platzhalter für „kein Wert“): nicht als Akteure oder Konzepte angelegt.",
    other_entities: "{n} Einträge der Variablen „{variable}“ ({type}): keine Akteure oder Konzepte; ihre Werte stehen in den Notizen der Annotationen.",
    regex_invalid: "Suchmuster „{pattern}“: als gespeicherte Suche übernommen, aber als regulärer Ausdruck hier nicht lesbar: {why}",
    coders: "DNA-Codierer als Leser: {names}; ihre Farben, Passwörter, Rechte und Beziehungen nicht.",
    type_colours: "Farben der Aussagetypen als Markierfarben (die nächste der acht): {colours}.",
    variable_links: "{n} Verknüpfungen zwischen Variablen: Randnotiz kennt sie nicht.",
    settings: "Einstellungen der Datenbank (DNA {version}): nicht übernommen.",
    hierarchy: "{n} Einträge unter einem anderen (ChildOf): der übergeordnete steht im Attribut „{column}“.",
};

/// The English texts.
static EN: Import = Import {
    menu_import: "Import",
    action_import_dna: "DNA database …",
    tip_import_dna: "A Discourse Network Analyzer database (DNA 3, .dna) as a new project: documents, statements, actors, concepts, patterns.",
    dialog_dna_file: "Choose a DNA database",
    dialog_dna_target: "Empty folder for the new project",
    importing: "Importing {path} …",
    import_crashed: "The import stopped unexpectedly; nothing was opened.",
    merge_search: "saved search",
    saved_label: "Saved:",
    saved_tip: "Put a search saved with the project (such as a pattern from DNA) into the search field.",
    saved_none: "–",
    err_not_sqlite: "{path} is not an SQLite file, so not a DNA database.",
    err_not_dna: "{path} is an SQLite database but not one of DNA 3: it lacks the table {table}.",
    err_locked: "{path} is locked: another program (DNA?) is writing to it. Close it and try again.",
    err_corrupt: "{path} is damaged and cannot be read: {why}",
    err_read: "{path} cannot be read: {why}",
    err_target_not_empty: "{path} is not empty. An import makes a new project: choose an empty or new folder.",
    err_target_file: "{path} is a file; an import makes a new project in a folder.",
    err_dna_options: "--text, --into and --force do not apply to a DNA database: it becomes a new project (-o FOLDER).",
    summary: "Carried over from DNA to {path}: {documents} documents, {statements} statements, {annotations} annotations, {actors} actors, {concepts} concepts, {searches} saved searches, {readers} readers.",
    not_carried: "Not carried over, or carried over differently:",
    doc_unreadable: "Document {id} “{title}”: its text is not a readable text ({why}); the document and its {n} statements are missing.",
    doc_time: "Times of day of the documents: the project knows days only; the time is in the column “{column}”.",
    stmt_no_document: "Statement {id}: its document {doc} is not in the database.",
    stmt_out_of_text: "Statement {id}: Start {start} to Stop {stop} lies outside the text of document {doc} ({len} UTF-16 units).",
    stmt_orphaned: "Statement {id}: its passage “{quote}” is not in the text.",
    stmt_moved: "{n} statements found by their quote because Randnotiz wraps the text differently: please check.",
    stmt_no_concept: "Statement {id}: no concept; carried over as an annotation with its actors, without a statement.",
    stmt_no_actor: "Statement {id}: no person and no organisation; carried over as an annotation without a statement, the concept in its note.",
    agreement_scale: "Statement type “{type}”: agreement is an integer (a scale), not DNA's yes/no. Its sign became the stance (above 0 agrees, below 0 disagrees, 0 neutral), the value is in the note. DNA computes congruence on a scale as 1 − |a − b| / range; Randnotiz with the three stances, so networks differ from DNA's there.",
    stmt_agreement_other: "Statement {id}: agreement = {value} is neither 1 nor 0; carried over as neutral, the value in the note.",
    other_type: "{n} statements of the type “{type}” (variables: {variables}): as annotations, their values in the note; Randnotiz has no statement for them.",
    unused_type: "Statement type “{type}” (variables: {variables}): no statements in the database; Randnotiz has no statement types.",
    extra_variables: "Further variables of the type “{type}” ({variables}): in the annotations' notes.",
    empty_entities: "{n} empty entities (DNA's placeholder for “no value”): not made actors or concepts.",
    other_entities: "{n} entities of the variable “{variable}” ({type}): not actors or concepts; their values are in the annotations' notes.",
    regex_invalid: "Pattern “{pattern}”: carried over as a saved search, but not readable as a regular expression here: {why}",
    coders: "DNA coders as readers: {names}; not their colours, passwords, permissions and relations.",
    type_colours: "Colours of the statement types as highlight colours (the nearest of the eight): {colours}.",
    variable_links: "{n} links between variables: Randnotiz does not know them.",
    settings: "The database's settings (DNA {version}): not carried over.",
    hierarchy: "{n} entities under another (ChildOf): the parent is in the attribute “{column}”.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Import {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
