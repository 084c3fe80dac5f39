//! Texts about a corpus over time: statements per actor per week or month,
//! and the statement networks of a project (its windows, what they leave
//! out). A table of its own beside [`super::Corpus`], German and English
//! side by side.

use super::Lang;

strings! {
    Timeline;
    /// An aggregation that does not fit the network type: {aggregation} {mode}
    err_aggregation,
    /// A time window that cannot be read: {window}
    err_window,
    /// Too many time windows: {n} {max}
    err_too_many_windows,
    /// A date that cannot be read: {date}
    err_date,
    /// A concept the project does not have: {name} {known}
    err_concept,
    /// --dynamic with another format than GraphML.
    err_dynamic_format,
    /// --dynamic without --time-window.
    err_dynamic_needs_window,
    /// Time windows without a folder to write them to.
    err_windows_need_dir,
    /// Network: documents left out for their dates: {undated} {imprecise} {statements} {docs}
    left_out,
    /// Timeline: documents counted apart: {undated} {imprecise} {docs}
    counted_apart,
    /// Network files written: {n} {path}
    windows_written,
    /// Older window files of the folder removed: {n}
    windows_removed,
    /// Network file written: {path}
    network_written,
    /// No statement in the documents chosen.
    no_statements,
    /// Menu.
    action_timeline,
    /// Hover.
    tip_timeline,
    /// Window title.
    window_title,
    /// Choice: by ISO week.
    by_week,
    /// Choice: by month.
    by_month,
    /// Choice: count statements.
    counted_statements,
    /// Choice: count all annotations.
    counted_annotations,
    /// Chart kind: bars.
    chart_bars,
    /// Chart kind: lines.
    chart_lines,
    /// Filter label.
    outlets_label,
    /// Filter label.
    concepts_label,
    /// Filter: everything.
    all_label,
    /// Below the chart: counted apart: {n} {docs}
    apart_note,
    /// Axis: count.
    axis_count,
    /// Needs an open project.
    needs_project,
}

/// Die deutschen Texte.
static DE: Timeline = Timeline {
    err_aggregation: "„--qualifier-aggregation {aggregation}“ passt nicht zu einem Netzwerk „{mode}“: für onemode ignore, congruence, conflict oder subtract, für twomode ignore, subtract, combine oder split.",
    err_window: "Das Zeitfenster „{window}“ ist nicht lesbar. Geben Sie es wie DNA als days:N, weeks:N, months:N oder years:N an (N Einheiten, um jeden Tag zentriert, Schritt eine Einheit) oder als days:N,step:M, etwa days:14,step:7 (N und M ganze Zahlen über 0, höchstens 200 Jahre).",
    err_too_many_windows: "Das wären {n} Zeitfenster, mehr als {max}. Wählen Sie einen größeren Schritt (step:M) oder einen kürzeren Zeitraum (--from, --to).",
    err_date: "Das Datum „{date}“ ist nicht lesbar. Schreiben Sie es als JJJJ-MM-TT, JJJJ-MM oder JJJJ, etwa 2022-01-13.",
    err_concept: "Das Projekt hat kein Konzept „{name}“. Vorhanden: {known}",
    err_dynamic_format: "--dynamic schreibt GraphML: geben Sie --format graphml an.",
    err_dynamic_needs_window: "--dynamic braucht Zeitfenster: geben Sie --time-window days:N,step:M an.",
    err_windows_need_dir: "Ein Netzwerk je Zeitfenster braucht einen Ordner: geben Sie -o ORDNER an (oder --dynamic für eine Datei).",
    left_out: "Nicht im Netzwerk: {undated} Dokumente ohne Datum und {imprecise} mit einem Datum, das nicht genau genug ist, mit ihren {statements} Aussagen: {docs}",
    counted_apart: "Gesondert gezählt (Spalte „undated“): {undated} Dokumente ohne Datum und {imprecise} mit einem Datum, das nicht genau genug ist: {docs}",
    windows_written: "{n} Netzwerke geschrieben nach {path}",
    windows_removed: "{n} ältere Fenster-Dateien eines früheren Laufs (window-…) entfernt, damit der Ordner nur diese Reihe enthält.",
    network_written: "Netzwerk geschrieben: {path}",
    no_statements: "In den gewählten Dokumenten steht keine Aussage.",
    action_timeline: "Aussagen im Zeitverlauf …",
    tip_timeline: "Wie oft jeder Akteur spricht, Woche für Woche oder Monat für Monat, nach den Daten der Dokumente des Projekts.",
    window_title: "Aussagen im Zeitverlauf",
    by_week: "Wochen",
    by_month: "Monate",
    counted_statements: "Aussagen",
    counted_annotations: "Alle Anmerkungen",
    chart_bars: "Balken",
    chart_lines: "Linien",
    outlets_label: "Medien:",
    concepts_label: "Konzepte:",
    all_label: "alle",
    apart_note: "{n} gesondert gezählt, in {docs} Dokumenten ohne genaues Datum (nicht im Diagramm).",
    axis_count: "Anzahl",
    needs_project: "Öffnen Sie zuerst ein Projekt: der Zeitverlauf braucht die Daten vieler Dokumente.",
};

/// The English texts.
static EN: Timeline = Timeline {
    err_aggregation: "“--qualifier-aggregation {aggregation}” does not fit a “{mode}” network: for onemode use ignore, congruence, conflict or subtract, for twomode ignore, subtract, combine or split.",
    err_window: "The time window “{window}” cannot be read. Give it as DNA does, days:N, weeks:N, months:N or years:N (N units, centred, moving by one unit), or as days:N,step:M, such as days:14,step:7 (N and M whole numbers above 0, at most 200 years).",
    err_too_many_windows: "That would be {n} time windows, more than {max}. Choose a larger step (step:M) or a shorter range (--from, --to).",
    err_date: "The date “{date}” cannot be read. Write it as YYYY-MM-DD, YYYY-MM or YYYY, such as 2022-01-13.",
    err_concept: "The project has no concept “{name}”. It has: {known}",
    err_dynamic_format: "--dynamic writes GraphML: give --format graphml.",
    err_dynamic_needs_window: "--dynamic needs time windows: give --time-window days:N,step:M.",
    err_windows_need_dir: "A network per time window needs a folder: give -o DIR (or --dynamic for one file).",
    left_out: "Not in the network: {undated} documents without a date and {imprecise} with a date not precise enough, with their {statements} statements: {docs}",
    counted_apart: "Counted apart (column “undated”): {undated} documents without a date and {imprecise} with a date not precise enough: {docs}",
    windows_written: "{n} networks written to {path}",
    windows_removed: "{n} older window files of an earlier run (window-…) removed, so that the folder holds this series only.",
    network_written: "Network written: {path}",
    no_statements: "The documents chosen hold no statement.",
    action_timeline: "Statements over time …",
    tip_timeline: "How often each actor speaks, week by week or month by month, by the dates of the project's documents.",
    window_title: "Statements over time",
    by_week: "Weeks",
    by_month: "Months",
    counted_statements: "Statements",
    counted_annotations: "All annotations",
    chart_bars: "Bars",
    chart_lines: "Lines",
    outlets_label: "Outlets:",
    concepts_label: "Concepts:",
    all_label: "all",
    apart_note: "{n} counted apart, in {docs} documents without a precise date (not in the chart).",
    axis_count: "Count",
    needs_project: "Open a project first: statements over time need the dates of many documents.",
};

/// The table of one language.
#[must_use]
pub(super) fn for_lang(lang: Lang) -> &'static Timeline {
    match lang {
        Lang::De => &DE,
        Lang::En => &EN,
    }
}
