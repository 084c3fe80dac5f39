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
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Network {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
