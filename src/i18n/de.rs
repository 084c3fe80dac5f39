//! Deutsch: die Sprache der Oberfläche, wenn nichts anderes eingestellt ist.

use super::Strings;

/// Die deutschen Texte.
pub static STRINGS: Strings = Strings {
    section_lead: "Anfang",
    section_untitled: "Ohne Überschrift",
    untitled_document: "Ohne Titel",

    kind_person: "Person",
    kind_organisation: "Organisation",
    kind_state: "Staat",
    kind_group: "Gruppe",
    kind_other: "Sonstige",

    colour_yellow: "Gelb",
    colour_green: "Grün",
    colour_blue: "Blau",
    colour_red: "Rot",
    colour_purple: "Lila",
    colour_orange: "Orange",
    colour_pink: "Rosa",
    colour_grey: "Grau",
    meaning_yellow: "Wichtig",
    meaning_green: "Beleg, Quelle",
    meaning_blue: "Aussage eines Akteurs",
    meaning_red: "Zweifel, Widerspruch",
    meaning_purple: "Handlung eines Akteurs",
    meaning_orange: "Zahl oder Fakt prüfen",
    meaning_pink: "Wertung, Framing",
    meaning_grey: "Hintergrund",

    err_not_found: "Die Datei gibt es nicht. Prüfen Sie den Pfad. ({path})",
    err_permission: "Keine Berechtigung, die Datei zu lesen. Prüfen Sie die Zugriffsrechte. ({path})",
    err_is_directory: "Das ist ein Ordner, keine Datei. Wählen Sie eine Datei darin. ({path})",
    err_too_large: "Die Datei ist mit {size} zu groß (höchstens {limit}). Teilen Sie den Text auf. ({path})",
    err_io_read: "Die Datei konnte nicht gelesen werden: {error}. ({path})",
    err_empty_text: "Die Datei ist leer.",
    err_binary_text: "Die Datei ist kein Text, sondern Binärdaten (Bild, Archiv, Programm?). Öffnen Sie eine Text- oder Markdown-Datei.",
    err_not_text: "Der Text kann nicht geöffnet werden: {why} ({path})",
    notice_encoding: "Die Datei war nicht in UTF-8 gespeichert und wurde als {encoding} gelesen. Prüfen Sie Umlaute und Anführungszeichen.",

    err_session_not_text: "Die Sitzungsdatei ist kein Text (Binärdaten?). Öffnen Sie eine .ron-Datei, die Randnotiz gespeichert hat. ({path})",
    err_not_a_session: "Diese Datei ist keine Randnotiz-Sitzung. Texte öffnen Sie als .txt oder .md, Sitzungen als .ron. ({path})",
    err_session_syntax: "Die Sitzungsdatei ist beschädigt: Zeile {line}, Spalte {col}: {what}. Korrigieren Sie die Stelle in einem Texteditor oder öffnen Sie die Sicherung (.bak) daneben. ({path})",
    err_session_too_deep: "Die Sitzungsdatei ist unzulässig tief verschachtelt (Zeile {line}, Spalte {col}) und wird nicht gelesen. ({path})",
    err_session_newer: "Diese Sitzung hat Format {found}; diese Randnotiz-Version liest bis Format {supported}. Aktualisieren Sie Randnotiz. ({path})",
    err_document_missing: "Der Text „{title}“ zu dieser Sitzung wurde nicht gefunden (erwartet: {expected}). Legen Sie ihn dorthin oder geben Sie ihn ausdrücklich an. ({path})",

    err_save_is_directory: "Dort liegt ein Ordner; gespeichert wurde nichts. Wählen Sie einen Dateinamen. ({path})",
    err_save_foreign: "Dort liegt eine Datei, die keine Randnotiz-Sitzung ist; sie wird nicht überschrieben. Wählen Sie einen anderen Namen. ({path})",
    err_save_no_folder: "Den Ordner gibt es nicht; gespeichert wurde nichts. Wählen Sie einen vorhandenen Ordner. ({path})",
    err_save_permission: "Keine Schreibberechtigung; die bisherige Datei ist unverändert. Speichern Sie an einem anderen Ort. ({path})",
    err_save_read_only: "Das Laufwerk ist schreibgeschützt; die bisherige Datei ist unverändert. Speichern Sie an einem anderen Ort. ({path})",
    err_save_disk_full: "Der Datenträger ist voll; die bisherige Datei ist unverändert. Schaffen Sie Platz oder speichern Sie woanders. ({path})",
    err_save_io: "Speichern fehlgeschlagen: {error}. Die bisherige Datei ist unverändert. ({path})",

    err_no_annotation: "Die Anmerkung {id} gibt es nicht (mehr).",
    err_no_actor: "Den Akteur {id} gibt es nicht (mehr).",
    err_duplicate_id: "Die Kennung {id} ist schon vergeben.",

    repair_duplicate_actor: "Die Akteurskennung {id} kam doppelt vor; der zweite heißt jetzt {new}.",
    repair_duplicate_annotation: "Die Anmerkungskennung {id} kam doppelt vor; die zweite heißt jetzt {new}.",
    repair_unknown_actor: "Der Akteur {id} wurde verwendet, stand aber nicht in der Liste; er wurde ergänzt.",
    repair_repeated_actor: "Anmerkung {id} nannte einen Akteur doppelt; einmal genügt.",
    repair_reversed_range: "Anmerkung {id} hatte Anfang und Ende vertauscht; korrigiert.",
    report_summary: "{anchored} verankert, {moved} verschoben, {orphaned} verwaist",
    notice_text_changed: "Der Text hat sich seit dem Speichern verändert. Verschobene Anmerkungen sind zur Prüfung markiert.",
    notice_text_different: "Das ist ein anderer Text als „{title}“, zu dem diese Sitzung gehört. Die Anmerkungen werden nicht verteilt, sondern als verwaist geführt.",

    cli_hint_text: "Geben Sie den Text mit --text DATEI an.",
    cli_session: "Sitzung: {path}",
    cli_text: "Text:    {title} ({chars} Zeichen)",
    cli_read_actors: "Akteursliste {path}",
    cli_strict_orphans: "{orphaned} Anmerkungen sind verwaist (--strict).",
};
