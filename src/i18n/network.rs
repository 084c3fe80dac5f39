//! Texts of the window *Aussagen-Netzwerk*: the statement network of the
//! open project, as DNA computes it, to look at and to export. A table of
//! its own, German and English side by side.

use super::Lang;

strings! {
    Network;
    /// Menu.
    action_network,
    /// Hover.
    tip_network,
    /// Window title.
    window_title,
    /// Choice: actors × concepts.
    two_mode,
    /// Choice: actors × actors.
    one_mode,
    /// Label of the aggregation choice.
    aggregation_label,
    /// Aggregation: every statement counts.
    agg_ignore,
    /// Aggregation: same side.
    agg_congruence,
    /// Aggregation: opposite sides.
    agg_conflict,
    /// Aggregation: agreeing minus disagreeing.
    agg_subtract,
    /// Aggregation: a column per concept and stance.
    agg_split,
    /// Label: duplicates.
    duplicates_label,
    /// Duplicates: every statement.
    dup_include,
    /// Duplicates: once per document.
    dup_document,
    /// Label: from.
    from_label,
    /// Label: to.
    to_label,
    /// Hint of a date field.
    date_hint,
    /// Checkbox: time windows.
    windows_label,
    /// Label: days per window.
    days_label,
    /// Label: days between windows.
    step_label,
    /// Choice: one dynamic GraphML file.
    dynamic_label,
    /// Choice: a file per window.
    per_window_label,
    /// Choice: format GraphML.
    format_graphml,
    /// Choice: format CSV matrix.
    format_csv,
    /// Summary: {statements} {rows} {columns} {ties}
    summary,
    /// Summary of windows: {n} {statements}
    summary_windows,
    /// Button: export.
    export_button,
    /// A number field that is not a whole number above 0: {field}
    err_number,
    /// Written: {path}
    written,
    /// Aggregation: DNA's code of the stances used.
    agg_combine,
    /// Label: whom a statement counts for.
    variable1_label,
    /// Rows: the speaker.
    var_actor,
    /// Rows: the organisation.
    var_organization,
    /// Rows: the person.
    var_person,
    /// Label: normalisation.
    normalization_label,
    /// Normalisation: none.
    norm_no,
    /// Normalisation: average.
    norm_average,
    /// Normalisation: Jaccard.
    norm_jaccard,
    /// Normalisation: cosine.
    norm_cosine,
    /// Normalisation: per row.
    norm_activity,
    /// Normalisation: per column.
    norm_prominence,
    /// Duplicates: once per week number.
    dup_week,
    /// Duplicates: once per month number.
    dup_month,
    /// Duplicates: once per year.
    dup_year,
    /// Duplicates: once in the range.
    dup_acrossrange,
    /// Label: values to leave out.
    exclude_label,
    /// Hint of the exclusions field.
    exclude_hint,
    /// Checkbox: DNA's centred windows.
    centred_label,
    /// Error: a normalisation that does not fit: {normalization} {mode}
    err_normalization,
    /// Error: combine with a normalisation.
    err_combine_normalized,
    /// Error: an exclusion that does not read: {exclude}
    err_exclude,
    /// Error: an attribute no document has: {name} {known}
    err_unknown_variable,
    /// Note: statements without the row variable: {n} {variable}
    lacking,
    /// Exclusions that took nothing out: {exclude}
    unmatched,
}

/// Die deutschen Texte.
static DE: Network = Network {
    action_network: "Aussagen-Netzwerk …",
    tip_network: "Das Netzwerk der Aussagen im Projekt, wie DNA es rechnet: Akteure × Konzepte oder Akteure × Akteure, über Zeiträume und Medien, als GraphML oder CSV.",
    window_title: "Aussagen-Netzwerk",
    two_mode: "Akteure × Konzepte",
    one_mode: "Akteure × Akteure",
    aggregation_label: "Haltung:",
    agg_ignore: "gleich welche",
    agg_congruence: "gleiche Seite (Kongruenz)",
    agg_conflict: "Gegenseite (Konflikt)",
    agg_subtract: "dafür minus dagegen",
    agg_split: "je Konzept und Haltung",
    duplicates_label: "Gleiche Aussagen:",
    dup_include: "alle zählen",
    dup_document: "einmal je Dokument",
    from_label: "Von:",
    to_label: "Bis:",
    date_hint: "JJJJ-MM-TT",
    windows_label: "Zeitfenster",
    days_label: "Tage:",
    step_label: "Schritt:",
    dynamic_label: "eine dynamische GraphML-Datei",
    per_window_label: "eine Datei je Fenster (Ordner)",
    format_graphml: "GraphML",
    format_csv: "CSV-Matrix",
    summary: "{statements} Aussagen: {rows} Akteure, {columns} Spalten, {ties} Verbindungen.",
    summary_windows: "{n} Zeitfenster mit zusammen {statements} Aussagen.",
    export_button: "Exportieren …",
    err_number: "„{field}“ braucht eine ganze Zahl über 0.",
    written: "Netzwerk geschrieben nach {path}",
    agg_combine: "Kombination (1 dafür, 2 dagegen, 3 beides)",
    variable1_label: "Zeilen:",
    var_actor: "Sprecher (Akteur)",
    var_organization: "Organisation",
    var_person: "Person",
    normalization_label: "Normalisierung:",
    norm_no: "keine",
    norm_average: "mittlere Aktivität (average)",
    norm_jaccard: "Jaccard",
    norm_cosine: "Kosinus (cosine)",
    norm_activity: "je Zeile (activity)",
    norm_prominence: "je Spalte (prominence)",
    dup_week: "einmal je Kalenderwoche (Nummer, wie DNA)",
    dup_month: "einmal je Monat (Nummer, wie DNA)",
    dup_year: "einmal je Jahr",
    dup_acrossrange: "einmal im ganzen Zeitraum",
    exclude_label: "Ausschließen:",
    exclude_hint: "VARIABLE=WERT; … (organization, person, concept, agreement, author, source, section …)",
    centred_label: "wie DNA: um jeden Tag zentriert",
    err_normalization: "„--normalization {normalization}“ passt nicht zu einem Netzwerk „{mode}“: für onemode no, average, jaccard oder cosine, für twomode no, activity oder prominence (wie in DNA).",
    err_combine_normalized: "„--qualifier-aggregation combine“ ergibt Codes (1, 2, 3), keine Anzahlen; DNA warnt, dass sie normalisiert nicht zu deuten sind. Wählen Sie --normalization no.",
    err_exclude: "„{exclude}“ ist keine Ausschlussangabe. Schreiben Sie VARIABLE=WERT, etwa organization=Senate, concept=…, agreement=0 (oder 1), author=…, source=…, section=… oder ein Dokumentattribut.",
    err_unknown_variable: "Kein Dokument hat ein Attribut „{name}“. Möglich sind actor, organization, person, concept, agreement, author, source und die Attribute der Dokumente: {known}",
    unmatched: "Ausschließen ohne Wirkung: {exclude} trifft kein Dokument und keine Aussage (Schreibweise prüfen: Werte werden genau verglichen, wie in DNA).",
    lacking: "{n} Aussagen ohne {variable} sind in keinem Netzwerk (wie in DNA, das Aussagen mit leerer Variable auslässt).",
};

/// The English texts.
static EN: Network = Network {
    action_network: "Statement network …",
    tip_network: "The network of the project's statements as DNA computes it: actors × concepts or actors × actors, over periods and outlets, as GraphML or CSV.",
    window_title: "Statement network",
    two_mode: "Actors × concepts",
    one_mode: "Actors × actors",
    aggregation_label: "Stance:",
    agg_ignore: "any",
    agg_congruence: "same side (congruence)",
    agg_conflict: "opposite sides (conflict)",
    agg_subtract: "for minus against",
    agg_split: "per concept and stance",
    duplicates_label: "Identical statements:",
    dup_include: "all count",
    dup_document: "once per document",
    from_label: "From:",
    to_label: "To:",
    date_hint: "YYYY-MM-DD",
    windows_label: "Time windows",
    days_label: "Days:",
    step_label: "Step:",
    dynamic_label: "one dynamic GraphML file",
    per_window_label: "a file per window (folder)",
    format_graphml: "GraphML",
    format_csv: "CSV matrix",
    summary: "{statements} statements: {rows} actors, {columns} columns, {ties} ties.",
    summary_windows: "{n} time windows with {statements} statements in all.",
    export_button: "Export …",
    err_number: "“{field}” needs a whole number above 0.",
    written: "Network written to {path}",
    agg_combine: "combined (1 for, 2 against, 3 both)",
    variable1_label: "Rows:",
    var_actor: "speaker (actor)",
    var_organization: "organisation",
    var_person: "person",
    normalization_label: "Normalisation:",
    norm_no: "none",
    norm_average: "average activity",
    norm_jaccard: "Jaccard",
    norm_cosine: "cosine",
    norm_activity: "per row (activity)",
    norm_prominence: "per column (prominence)",
    dup_week: "once per calendar week (its number, as DNA)",
    dup_month: "once per month (its number, as DNA)",
    dup_year: "once per year",
    dup_acrossrange: "once in the whole range",
    exclude_label: "Leave out:",
    exclude_hint: "VARIABLE=VALUE; … (organization, person, concept, agreement, author, source, section …)",
    centred_label: "as DNA: centred on each day",
    err_normalization: "“--normalization {normalization}” does not fit a “{mode}” network: for onemode use no, average, jaccard or cosine, for twomode no, activity or prominence (as in DNA).",
    err_combine_normalized: "“--qualifier-aggregation combine” gives codes (1, 2, 3), not counts; DNA warns that normalised they cannot be interpreted. Choose --normalization no.",
    err_exclude: "“{exclude}” is not an exclusion. Write VARIABLE=VALUE, such as organization=Senate, concept=…, agreement=0 (or 1), author=…, source=…, section=… or a document attribute.",
    err_unknown_variable: "No document has an attribute “{name}”. Possible are actor, organization, person, concept, agreement, author, source and the documents' attributes: {known}",
    unmatched: "Leaving out to no effect: {exclude} matches no document and no statement (check the spelling: values are compared exactly, as in DNA).",
    lacking: "{n} statements without {variable} are in no network (as in DNA, which leaves out statements with an empty variable).",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Network {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
