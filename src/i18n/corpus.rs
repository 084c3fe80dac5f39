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
    /// List sort: order added.
    sort_added,
    /// List sort: date.
    sort_date,
    /// List sort: title.
    sort_title,
    /// List sort: outlet.
    sort_outlet,
    /// List sort: length.
    sort_length,
    /// List sort: annotations.
    sort_annotations,
    /// Hover: flip the sort direction.
    sort_direction,
    /// Filter: all documents.
    coded_all,
    /// Filter: coded documents.
    coded_yes,
    /// Filter: uncoded documents.
    coded_no,
    /// Filter: every outlet.
    all_outlets,
    /// Button: add documents.
    add_button,
    /// Hover: add documents.
    add_help,
    /// Progress: {done} {total}
    adding,
    /// Hint of the list filter.
    filter_hint,
    /// Count: {shown} {total}
    shown_of,
    /// Button showing the other filters.
    more_filters,
    /// The same with filters set: {n}
    more_filters_set,
    /// Hover: the other filters.
    more_filters_help,
    /// Button: edit the document's metadata.
    edit_details,
    /// Hover: the same.
    edit_details_help,
    /// An empty project.
    empty_project,
    /// Count: {n}
    n_annotations,
    /// Field label.
    field_outlet,
    /// Field label.
    field_date,
    /// Field label.
    field_author,
    /// Hint: a new attribute column.
    new_column_hint,
    /// Button: add the attribute column.
    new_column_button,
    /// Menu.
    action_new_project,
    /// Hover.
    tip_new_project,
    /// Menu.
    action_open_project,
    /// Hover.
    tip_open_project,
    /// Menu.
    action_add,
    /// Menu: attributes from a CSV file.
    action_import_attributes,
    /// Menu: merge a colleague's project.
    action_merge_project,
    /// Hover of the same.
    tip_import_attributes,
    /// Hover of the same.
    tip_merge_project,
    /// Notice: merging begun.
    merging,
    /// Notice: a merge is running.
    merging_busy,
    /// Hover.
    tip_add,
    /// Menu.
    action_documents,
    /// Hover.
    tip_documents,
    /// Menu.
    action_next_document,
    /// Hover.
    tip_next_document,
    /// Menu.
    action_previous_document,
    /// Hover.
    tip_previous_document,
    /// Menu.
    menu_project,
    /// Status: {name} {n}
    opened_project,
    /// Message.
    no_project_open,
    /// Message.
    adding_busy,
    /// Label of the sort menu.
    sort_label,
    /// A file whose reading ran into a bug.
    read_crashed,
    /// Label.
    date_from,
    /// Label.
    date_to,
    /// Hint.
    date_hint,
    /// Label.
    with_actor,
    /// Combo.
    all_actors,
    /// Count: {n}
    n_chars,
    /// Menu: export the whole project.
    menu_export_project,
    /// Adding: more files passed over than are named: {n}
    add_more_skipped,
    /// Search: the index could not be built.
    index_failed,
    /// Another writer's changes merged in, with clashes: {lines}
    registry_merged,
    /// Window title.
    search_title,
    /// Field label.
    search_label,
    /// Field hint.
    search_hint,
    /// Checkbox.
    search_regex,
    /// Checkbox.
    search_whole,
    /// Button.
    search_button,
    /// Heading: {name}
    search_mentions_of,
    /// Progress: {n}
    index_building,
    /// Summary: {n} {docs}
    search_found,
    /// Summary: {n}
    search_shown,
    /// Button.
    select_all,
    /// Button.
    select_none,
    /// Hover.
    select_row,
    /// Label.
    mark_actor,
    /// Combo: none.
    mark_no_actor,
    /// Label.
    mark_colour,
    /// Button: {n}
    mark_button,
    /// Hover.
    mark_help,
    /// Hover.
    mark_needs_actor,
    /// Button: {n}
    mark_undo,
    /// Hover.
    hit_coded,
    /// Hover.
    hit_open,
    /// Sort.
    order_document,
    /// Sort.
    order_left,
    /// Sort.
    order_right,
    /// Menu.
    action_corpus_search,
    /// Hover.
    tip_corpus_search,
    /// Notice: {n} {docs}
    marked,
    /// Notice.
    unmarked,
    /// Button.
    mentions_button,
    /// Hover.
    mentions_help,
    /// Heading.
    dossier_elsewhere,
    /// Empty.
    dossier_elsewhere_none,
    /// Actor panel: {n}
    corpus_count,
    /// Label of the coded filter.
    show_label,
    /// CLI: --regex or --annotate on a single file.
    err_needs_project,
    /// Corpus search: the query is blank.
    search_empty,
    /// Corpus search: the regular expression does not parse: {why}
    search_bad_regex,
    /// Corpus search: the regular expression compiles too large: {limit}
    search_regex_too_big,
    /// Merge: a record both sides changed differently: {what} {name}
    merge_conflict,
    /// Merge: what.
    merge_name,
    /// Merge: what.
    merge_actor,
    /// Merge: what.
    merge_concept,
    /// Merge: what.
    merge_document,
    /// Merge: what.
    merge_legend,
    /// Merge: what.
    merge_attribute,
    /// Export: a format made for one text, asked of a project: {format}
    err_format_not_for_projects,
    /// Corpus report: counts: {documents} {annotations} {actors} {orphans}
    report_corpus_counts,
    /// Corpus report: an actor's passages: {passages} {documents}
    report_actor_passages,
    /// Corpus report: heading of the passages coded with no actor.
    report_no_actor,
    /// Merging a project in: a summary: {annotations} {reader} {matched} {added} {actors}
    merge_in_summary,
    /// Merging a project in: both folders are the same project: {path}
    err_merge_same_project,
    /// CLI merge: a project folder given with a session, or the other way round.
    err_merge_needs_project,
    /// Attributes from a CSV: a summary: {values} {documents} {columns}
    attributes_summary,
    /// Attributes from a CSV: a row that matches no document: {line} {name}
    attributes_unmatched,
    /// Attributes from a CSV: a row that matches several documents: {line} {name} {ids}
    attributes_ambiguous,
    /// Attributes from a CSV: the file is not UTF-8: {path}
    attributes_not_utf8,
    /// Attributes from a CSV: a column without a name: {column}
    attributes_unnamed_column,
    /// Attributes from a CSV: the file does not parse: {line} {why} {path}
    err_attributes_csv,
    /// Attributes from a CSV: no attribute columns: {path}
    err_attributes_no_columns,
    /// CLI check on a project: the first line: {name} {path} {n}
    cli_project,
    /// CLI check on a project: a document that could not be opened: {why} {n}
    check_unopened,
    /// CLI check on a project: the totals: {anchored} {moved} {orphaned} {unopened} {unchecked}
    check_total,
    /// CLI check --strict on a project: why the status is 3: {orphaned} {unchecked}
    check_strict,
    /// CLI export of a project: a document that could not be opened: {why} {n}
    export_unopened,
    /// CLI: --text or --write given with a project folder.
    err_project_options,
    /// CLI agree on a project: not exactly two readers to compare: {n} {readers}
    agree_project_readers,
    /// CLI agree on a project: no document both readers coded: {a} {b}
    agree_no_common,
    /// CLI agree on a project: heading of the pooled figures: {documents} {left}
    agree_pooled,
    /// CLI agree on a project: heading of the per-document lines.
    agree_per_document,
    /// Heading of the project's agreement.
    agree_project_title,
    /// Button: compute it.
    agree_project_button,
    /// Heading of the open document's agreement.
    agree_this_document,
    /// Hover of the same.
    agree_project_help,
    /// CLI agree on a project: --readers names not two readers.
    agree_readers_two,
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
    sort_added: "Reihenfolge der Aufnahme",
    sort_date: "Datum",
    sort_title: "Titel",
    sort_outlet: "Medium",
    sort_length: "Länge",
    sort_annotations: "Anmerkungen",
    sort_direction: "Auf- oder absteigend",
    coded_all: "Alle",
    coded_yes: "Mit Anmerkungen",
    coded_no: "Ohne Anmerkungen",
    all_outlets: "Alle Medien",
    add_button: "Hinzufügen …",
    add_help: "Einen Ordner oder Dateien ins Projekt aufnehmen (Texte, Webseiten, PDF, EPUB, Word, Sitzungen). Dateien lassen sich auch ins Fenster ziehen.",
    adding: "Nehme auf: {done} von {total}",
    filter_hint: "Filtern: Titel, Medium, Autor, Datum, Merkmal",
    shown_of: "{shown} von {total} Dokumenten",
    more_filters: "Filter",
    more_filters_set: "Filter ({n})",
    more_filters_help: "Nach Anmerkungen, Medium, Zeitraum und Akteur filtern",
    edit_details: "✏ Angaben",
    edit_details_help: "Medium, Datum, Autor und Merkmale des Dokuments bearbeiten",
    empty_project: "Noch keine Dokumente. Ziehen Sie Dateien oder einen Ordner ins Fenster oder wählen Sie „Hinzufügen …“.",
    n_annotations: "{n} Anm.",
    field_outlet: "Medium",
    field_date: "Datum",
    field_author: "Autor",
    new_column_hint: "Neues Merkmal (z. B. Ressort)",
    new_column_button: "Spalte hinzufügen",
    action_new_project: "Neues Projekt …",
    tip_new_project: "Ein Projekt anlegen: viele Artikel in einem Ordner, mit einer gemeinsamen Akteursliste.",
    action_open_project: "Projekt öffnen …",
    tip_open_project: "Einen Projektordner öffnen (mit project.ron).",
    action_add: "Zum Projekt hinzufügen …",
    action_import_attributes: "Merkmale aus CSV …",
    action_merge_project: "Projekt eines Kollegen einarbeiten …",
    tip_import_attributes: "Merkmale der Dokumente aus einer CSV-Tabelle übernehmen: die erste Spalte nennt das Dokument (Dateiname oder Kennung), die übrigen werden Merkmale.",
    tip_merge_project: "Die Anmerkungen eines anderen Projekts zu denselben Texten übernehmen, als Lesart des Kollegen; seine übrigen Dokumente kommen hinzu.",
    merging: "Arbeite das Projekt ein …",
    merging_busy: "Es wird noch ein Projekt eingearbeitet; warten Sie, bis das fertig ist.",
    tip_add: "Einen Ordner mit Texten ins offene Projekt aufnehmen.",
    action_documents: "Dokumentliste",
    tip_documents: "Die Dokumente des Projekts zeigen oder verbergen.",
    action_next_document: "Nächstes Dokument",
    tip_next_document: "Das nächste Dokument der Liste öffnen (die Anmerkungen werden gespeichert).",
    action_previous_document: "Voriges Dokument",
    tip_previous_document: "Das vorige Dokument der Liste öffnen.",
    menu_project: "Projekt",
    opened_project: "Projekt „{name}“ geöffnet: {n} Dokumente.",
    no_project_open: "Es ist kein Projekt offen. Legen Sie eines an oder öffnen Sie eines (Menü Projekt).",
    sort_label: "Ordnen:",
    read_crashed: "Beim Lesen dieser Datei ist Randnotiz auf einen Fehler gestoßen; bitte melden Sie die Datei.",
    date_from: "Von:",
    date_to: "Bis:",
    date_hint: "JJJJ-MM-TT",
    with_actor: "Mit Akteur:",
    all_actors: "Alle Akteure",
    n_chars: "{n} Zeichen",
    menu_export_project: "Projekt exportieren",
    add_more_skipped: "… und {n} weitere Dateien, die keine Texte sind oder sich nicht lesen ließen.",
    index_failed: "Der Suchindex ließ sich nicht aufbauen (ein Fehler in Randnotiz; bitte melden).",
    registry_merged: "Die Projektdatei wurde zugleich anderswo geändert; beides ist zusammengeführt. Wo beide Seiten dasselbe Feld verschieden setzten, gilt die Fassung dieses Fensters:\n{lines}",
    search_title: "Im Korpus suchen",
    search_label: "Suche:",
    search_hint: "Wort, Wendung oder regulärer Ausdruck",
    search_regex: "Regulärer Ausdruck",
    search_whole: "Ganze Wörter",
    search_button: "Suchen",
    search_mentions_of: "Wo {name} genannt wird (Name und andere Namen)",
    index_building: "Die {n} Texte werden für die Suche gelesen …",
    search_found: "{n} Treffer in {docs} Dokumenten.",
    search_shown: "Die ersten {n} sind aufgelistet.",
    select_all: "Alle auswählen",
    select_none: "Auswahl aufheben",
    select_row: "Diesen Treffer auswählen",
    mark_actor: "Akteur:",
    mark_no_actor: "(Akteur wählen)",
    mark_colour: "Farbe:",
    mark_button: "{n} Treffer markieren",
    mark_help: "Jeden gewählten Treffer (ohne Auswahl: alle) zu einer Anmerkung mit dem Akteur machen, in allen Dokumenten; ein Schritt, der sich zurücknehmen lässt.",
    mark_needs_actor: "Wählen Sie zuerst einen Akteur.",
    mark_undo: "Markieren zurücknehmen ({n})",
    hit_coded: "Schon markiert. Klicken öffnet das Dokument an dieser Stelle.",
    hit_open: "Das Dokument an dieser Stelle öffnen",
    order_document: "Dokument",
    order_left: "Linker Kontext",
    order_right: "Rechter Kontext",
    action_corpus_search: "Im Korpus suchen …",
    tip_corpus_search: "Alle Dokumente des Projekts nach einem Wort, einer Wendung oder einem regulären Ausdruck durchsuchen; Treffer im Kontext, auf einmal markierbar.",
    marked: "{n} Anmerkungen in {docs} Dokumenten angelegt.",
    unmarked: "Das Markieren wurde zurückgenommen.",
    mentions_button: "Nennungen im Korpus",
    mentions_help: "Wo dieser Akteur in allen Dokumenten genannt wird, als Liste im Kontext.",
    dossier_elsewhere: "In den anderen Dokumenten",
    dossier_elsewhere_none: "In den anderen Dokumenten noch keine Stelle.",
    corpus_count: "{n} im Korpus",
    show_label: "Zeigen:",
    search_empty: "Wonach suchen? Die Suche ist leer.",
    search_bad_regex: "Der reguläre Ausdruck ist fehlerhaft. Prüfen Sie Klammern, Wiederholungen und Zeichen mit \\ davor; wer den Text wörtlich sucht, schaltet „Regulärer Ausdruck“ aus.\n{why}",
    search_regex_too_big: "Der reguläre Ausdruck ist zu groß: übersetzt bräuchte er mehr als {limit} MB. Meist liegt das an verschachtelten oder großen Wiederholungen wie \\w{1000}; suchen Sie mit einem einfacheren Ausdruck.",
    merge_conflict: "{what} „{name}“: beide Seiten haben es verschieden geändert; diese Fassung bleibt.",
    merge_name: "Projektname",
    merge_actor: "Akteur",
    merge_concept: "Konzept",
    merge_document: "Dokument",
    merge_legend: "Farbbedeutung",
    merge_attribute: "Merkmal",
    err_needs_project: "--regex und --annotate durchsuchen ein Projekt: geben Sie einen Projektordner an.",
    adding_busy: "Es werden noch Dokumente aufgenommen; warten Sie, bis das fertig ist.",
    err_format_not_for_projects: "Das Format „{format}“ gilt einem einzelnen Text (Netzwerke, Statistik), nicht einem ganzen Projekt. Ein Projekt wird als md, csv, w3c oder qdpx exportiert; ein einzelnes Dokument mit „randnotiz export PROJEKT/annotations/ID.ron --format {format}“.",
    report_corpus_counts: "{documents} Dokumente, {annotations} Anmerkungen, {actors} Akteure, {orphans} verwaist",
    report_actor_passages: "{passages} Passagen in {documents} Dokumenten",
    report_no_actor: "Passagen ohne Akteur",
    merge_in_summary: "{annotations} Anmerkungen von {reader} übernommen: {matched} Dokumente gibt es in beiden Projekten, {added} Dokumente neu aufgenommen, {actors} Akteure neu.",
    err_merge_same_project: "Das ist dasselbe Projekt ({path}). Geben Sie den Projektordner der Kollegin oder des Kollegen an und mit -o Ihren eigenen.",
    err_merge_needs_project: "Ein Projekt wird in ein Projekt zusammengeführt: „randnotiz merge PROJEKT_DER_KOLLEGIN -o MEIN_PROJEKT“ (beides Ordner mit project.ron). Sitzungen führt „randnotiz merge A.ron B.ron -o ZUSAMMEN.ron“ zusammen.",
    attributes_summary: "{values} Werte bei {documents} Dokumenten gesetzt; Spalten: {columns}.",
    attributes_unmatched: "Zeile {line}: „{name}“ passt zu keinem Dokument (weder Kennung noch Dateiname); übergangen.",
    attributes_ambiguous: "Zeile {line}: „{name}“ passt zu mehreren Dokumenten ({ids}); übergangen. Geben Sie die Kennung des Dokuments an.",
    attributes_not_utf8: "{path} ist nicht in UTF-8 gespeichert und wurde als Windows-1252 gelesen. Stimmen Umlaute nicht, speichern Sie die Tabelle als „CSV UTF-8“.",
    attributes_unnamed_column: "Spalte {column} hat in der Kopfzeile keinen Namen und wurde übergangen.",
    err_attributes_csv: "Die Tabelle lässt sich in Zeile {line} nicht lesen: {why}. Prüfen Sie die Anführungszeichen dort. ({path})",
    err_attributes_no_columns: "Die Tabelle hat keine Merkmalsspalten: die erste Spalte nennt die Dokumente (Dateiname oder Kennung), jede weitere ein Merkmal, mit seinem Namen in der Kopfzeile. ({path})",
    cli_project: "Projekt „{name}“ ({path}): {n} Dokumente",
    check_unopened: "{why} Seine {n} Anmerkungen sind nicht geprüft.",
    check_total: "Zusammen: {anchored} verankert, {moved} verschoben, {orphaned} verwaist; {unopened} Dokumente nicht zu öffnen ({unchecked} Anmerkungen nicht geprüft).",
    check_strict: "{orphaned} Anmerkungen sind verwaist, {unchecked} nicht geprüft, weil ihr Text fehlt (--strict).",
    export_unopened: "{why} Seine {n} Anmerkungen werden als verwaist exportiert.",
    err_project_options: "--text und --write gelten einer einzelnen Sitzung. Ein Projekt kennt die Texte seiner Dokumente selbst; für ein Dokument geben Sie seine Datei an: PROJEKT/annotations/ID.ron.",
    agree_project_readers: "Im Projekt haben {n} Leser gemeinsame Dokumente codiert ({readers}); wählen Sie zwei mit --readers NAME,NAME. (Ein Projekt mit zwei Lesungen entsteht mit „randnotiz merge PROJEKT_DER_KOLLEGIN -o MEIN_PROJEKT“.)",
    agree_no_common: "{a} und {b} haben kein Dokument beide codiert; es gibt nichts zu vergleichen.",
    agree_pooled: "Über das Korpus gepoolt: die Tokens der {documents} Dokumente, die beide codiert haben, als ein Raster ({left} Dokumente ausgelassen, die nicht beide codiert haben).",
    agree_per_document: "Je Dokument (alle Akteure zugleich):",
    agree_project_title: "Im ganzen Projekt",
    agree_project_button: "Berechnen",
    agree_this_document: "Im offenen Dokument",
    agree_project_help: "Die beiden Leser/innen, die Dokumente gemeinsam haben, je Dokument und über alle gepoolt vergleichen (liest jeden Text, im Hintergrund).",
    agree_readers_two: "--readers nennt die zwei Leser, die verglichen werden: --readers NAME,NAME.",
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
    sort_added: "Order added",
    sort_date: "Date",
    sort_title: "Title",
    sort_outlet: "Outlet",
    sort_length: "Length",
    sort_annotations: "Annotations",
    sort_direction: "Ascending or descending",
    coded_all: "All",
    coded_yes: "Coded",
    coded_no: "Not coded",
    all_outlets: "All outlets",
    add_button: "Add …",
    add_help: "Add a folder or files to the project (texts, web pages, PDF, EPUB, Word, sessions). Files can also be dropped onto the window.",
    adding: "Adding: {done} of {total}",
    filter_hint: "Filter: title, outlet, author, date, attribute",
    shown_of: "{shown} of {total} documents",
    more_filters: "Filters",
    more_filters_set: "Filters ({n})",
    more_filters_help: "Filter by annotations, outlet, period and actor",
    edit_details: "✏ Details",
    edit_details_help: "Edit the document's outlet, date, author and attributes",
    empty_project: "No documents yet. Drop files or a folder onto the window, or choose “Add …”.",
    n_annotations: "{n} ann.",
    field_outlet: "Outlet",
    field_date: "Date",
    field_author: "Author",
    new_column_hint: "New attribute (e.g. section)",
    new_column_button: "Add column",
    action_new_project: "New project …",
    tip_new_project: "Make a project: many articles in one folder, with one list of actors.",
    action_open_project: "Open project …",
    tip_open_project: "Open a project folder (one with project.ron).",
    action_add: "Add to project …",
    action_import_attributes: "Attributes from CSV …",
    action_merge_project: "Merge a colleague's project …",
    tip_import_attributes: "Take the documents' attributes from a CSV table: the first column names the document (file name or id), the others become attributes.",
    tip_merge_project: "Take in another project's annotations on the same texts, as the colleague's reading; their other documents are added.",
    merging: "Merging the project …",
    merging_busy: "A project is still being merged; wait until it is done.",
    tip_add: "Add a folder of texts to the open project.",
    action_documents: "Document list",
    tip_documents: "Show or hide the project's documents.",
    action_next_document: "Next document",
    tip_next_document: "Open the next document of the list (the annotations are saved).",
    action_previous_document: "Previous document",
    tip_previous_document: "Open the previous document of the list.",
    menu_project: "Project",
    opened_project: "Opened project “{name}”: {n} documents.",
    no_project_open: "No project is open. Make or open one (Project menu).",
    sort_label: "Sort:",
    read_crashed: "Randnotiz ran into a bug reading this file; please report the file.",
    date_from: "From:",
    date_to: "To:",
    date_hint: "YYYY-MM-DD",
    with_actor: "With actor:",
    all_actors: "All actors",
    n_chars: "{n} chars",
    menu_export_project: "Export the project",
    add_more_skipped: "… and {n} more files that are not texts or could not be read.",
    index_failed: "The search index could not be built (a bug in Randnotiz; please report it).",
    registry_merged: "The project file was changed elsewhere at the same time; both are merged. Where both sides set one field differently, this window's version stands:\n{lines}",
    search_title: "Search the corpus",
    search_label: "Search:",
    search_hint: "Word, phrase or regular expression",
    search_regex: "Regular expression",
    search_whole: "Whole words",
    search_button: "Search",
    search_mentions_of: "Where {name} is named (name and aliases)",
    index_building: "Reading the {n} texts for searching …",
    search_found: "{n} hits in {docs} documents.",
    search_shown: "The first {n} are listed.",
    select_all: "Select all",
    select_none: "Select none",
    select_row: "Select this hit",
    mark_actor: "Actor:",
    mark_no_actor: "(choose an actor)",
    mark_colour: "Colour:",
    mark_button: "Mark {n} hits",
    mark_help: "Make each chosen hit (none chosen: all) an annotation with the actor, in every document; one step that can be taken back.",
    mark_needs_actor: "Choose an actor first.",
    mark_undo: "Take the marking back ({n})",
    hit_coded: "Already coded. Click to open the document here.",
    hit_open: "Open the document here",
    order_document: "Document",
    order_left: "Left context",
    order_right: "Right context",
    action_corpus_search: "Search the corpus …",
    tip_corpus_search: "Search every document of the project for a word, a phrase or a regular expression; hits in context, to be marked at once.",
    marked: "{n} annotations made in {docs} documents.",
    unmarked: "The marking was taken back.",
    mentions_button: "Mentions in the corpus",
    mentions_help: "Where this actor is named across all documents, as a list in context.",
    dossier_elsewhere: "In the other documents",
    dossier_elsewhere_none: "No passage in the other documents yet.",
    corpus_count: "{n} in the corpus",
    show_label: "Show:",
    search_empty: "Search for what? The query is empty.",
    search_bad_regex: "The regular expression is not valid. Check its brackets, repetitions and characters with a \\ before them; to search for the text as it stands, turn “Regular expression” off.\n{why}",
    search_regex_too_big: "The regular expression is too large: compiled, it would need more than {limit} MB. Nested or large repetitions such as \\w{1000} usually cause this; search with a simpler expression.",
    merge_conflict: "{what} “{name}”: both sides changed it differently; this side's version is kept.",
    merge_name: "Project name",
    merge_actor: "Actor",
    merge_concept: "Concept",
    merge_document: "Document",
    merge_legend: "Colour meaning",
    merge_attribute: "Attribute",
    err_needs_project: "--regex and --annotate search a project: give a project folder.",
    adding_busy: "Documents are still being added; wait until that is done.",
    err_format_not_for_projects: "The format “{format}” is made for one text (networks, statistics), not for a whole project. A project is exported as md, csv, w3c or qdpx; a single document with “randnotiz export PROJECT/annotations/ID.ron --format {format}”.",
    report_corpus_counts: "{documents} documents, {annotations} annotations, {actors} actors, {orphans} orphaned",
    report_actor_passages: "{passages} passages in {documents} documents",
    report_no_actor: "Passages without an actor",
    merge_in_summary: "{annotations} annotations by {reader} taken in: {matched} documents are in both projects, {added} documents added, {actors} new actors.",
    err_merge_same_project: "That is the same project ({path}). Give your colleague's project folder, and your own with -o.",
    err_merge_needs_project: "A project is merged into a project: “randnotiz merge COLLEAGUES_PROJECT -o MY_PROJECT” (both folders with a project.ron). Sessions are merged with “randnotiz merge A.ron B.ron -o MERGED.ron”.",
    attributes_summary: "{values} values set on {documents} documents; columns: {columns}.",
    attributes_unmatched: "Line {line}: “{name}” matches no document (neither id nor file name); passed over.",
    attributes_ambiguous: "Line {line}: “{name}” matches several documents ({ids}); passed over. Give the document's id instead.",
    attributes_not_utf8: "{path} is not saved as UTF-8 and was read as Windows-1252. If umlauts come out wrong, save the table as “CSV UTF-8”.",
    attributes_unnamed_column: "Column {column} has no name in the header row and was passed over.",
    err_attributes_csv: "The table cannot be read at line {line}: {why}. Check the quotes there. ({path})",
    err_attributes_no_columns: "The table has no attribute columns: the first column names the documents (file name or id), each further one an attribute, its name in the header row. ({path})",
    cli_project: "Project “{name}” ({path}): {n} documents",
    check_unopened: "{why} Its {n} annotations are not checked.",
    check_total: "Together: {anchored} anchored, {moved} moved, {orphaned} orphaned; {unopened} documents could not be opened ({unchecked} annotations not checked).",
    check_strict: "{orphaned} annotations are orphaned, {unchecked} not checked because their text is missing (--strict).",
    export_unopened: "{why} Its {n} annotations are exported as orphaned.",
    err_project_options: "--text and --write are for a single session. A project knows its documents' texts itself; for one document give its file: PROJECT/annotations/ID.ron.",
    agree_project_readers: "In the project {n} readers coded documents in common ({readers}); choose two with --readers NAME,NAME. (A project with two readings comes from “randnotiz merge COLLEAGUES_PROJECT -o MY_PROJECT”.)",
    agree_no_common: "{a} and {b} have not both coded any document; there is nothing to compare.",
    agree_pooled: "Pooled over the corpus: the tokens of the {documents} documents both coded, as one grid ({left} documents left out that not both coded).",
    agree_per_document: "Per document (all actors at once):",
    agree_project_title: "In the whole project",
    agree_project_button: "Compute",
    agree_this_document: "In the open document",
    agree_project_help: "Compare the two readers who share documents, per document and pooled over all (reads every text, in the background).",
    agree_readers_two: "--readers names the two readers to compare: --readers NAME,NAME.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Corpus {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
