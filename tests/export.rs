//! Exports on the bundled article with the example session (several actors,
//! overlapping passages, notes with quotes, commas, newlines and umlauts),
//! plus hostile notes: what another tool or a person will read.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Read as _;

use randnotiz::annotation::{Colour, Edit};
use randnotiz::export::{self, Format, Input, network, qdpx, table};
use randnotiz::workspace::Workspace;

fn example() -> Workspace {
    Workspace::open_session(&common::asset("example-session.ron"), None)
        .unwrap()
        .0
}

fn input(ws: &Workspace) -> Input<'_> {
    Input {
        session: ws.session(),
        document: ws.document(),
        source: ws.document_path(),
    }
}

/// The example plus annotations whose notes try to break every format.
fn hostile() -> Workspace {
    let mut ws = example();
    let notes = [
        "=HYPERLINK(\"http://evil.example\",\"klick\")",
        "+SUMME(1;2)",
        "-2+3",
        "@wer",
        "# Keine Überschrift\n- keine Liste\n<script>alert('x')</script>",
        "**fett** _kursiv_ [Link](javascript:alert(1)) | Tabelle |",
        "Komma, \"Zitat\", Semikolon; Zeilenumbruch\nzweite Zeile \u{1}Steuerzeichen",
    ];
    let quotes = [
        "Einige besuchten Leichenschauhäuser",
        "Unklar ist auch noch",
        "Der Flugverkehr war",
        "Die Kontrolle über den Airport",
        "Es seien wieder nationale",
        "In der Stadt selbst",
        "Bislang sind mehr als 300",
    ];
    for (note, quote) in notes.iter().zip(quotes) {
        let range = common::find(ws.document().text(), quote);
        let annotation = ws.new_annotation(range, Colour::Grey, Vec::new(), (*note).to_owned());
        ws.apply(Edit::AddAnnotation {
            annotation,
            index: None,
        })
        .unwrap();
    }
    ws
}

/// The CSV read back as a spreadsheet would (RFC 4180, by the csv crate).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|row| row.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_one_row_per_annotation_quoted_and_formula_safe() {
    let ws = hostile();
    let text = table::csv(&input(&ws));
    let rows = read_csv(&text);
    assert_eq!(rows[0], table::COLUMNS);
    assert_eq!(rows.len() - 1, ws.session().annotations.len());
    assert!(
        rows.iter().all(|r| r.len() == table::COLUMNS.len()),
        "every row has every column"
    );
    let by_id = |id: &str| rows.iter().find(|r| r[0] == id).unwrap();
    let note = table::COLUMNS.iter().position(|c| *c == "note").unwrap();
    let a2 = by_id("a2");
    assert_eq!(a2[1], "Anfang");
    assert_eq!(
        a2[4],
        "Das Bündnis übergab \"sozial wichtige Objekte\" wieder den kasachischen Behörden, wie das russische Verteidigungsministerium mitteilte."
    );
    assert_eq!(a2[6], "OVKS; Russland; Kasachische Regierung und Behörden");
    assert_eq!(
        a2[note],
        "Quelle ist Moskau, nicht die OVKS selbst.\nWas sind \"sozial wichtige Objekte\"?"
    );
    assert_eq!((a2[2].as_str(), a2[3].as_str()), ("515", "648"));
    // No cell starts a formula.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell: {cell:?}"
            );
        }
    }
    let notes: Vec<&str> = rows.iter().map(|r| r[note].as_str()).collect();
    assert!(notes.contains(&"'=HYPERLINK(\"http://evil.example\",\"klick\")"));
    assert!(notes.contains(&"'-2+3"));
}

#[test]
fn markdown_report_reads_well_and_escapes_user_text() {
    let ws = hostile();
    let report = export::report::markdown(&input(&ws));
    assert!(report.starts_with("# Kasachstan Militärbündnis beginnt mit Abzug\n"));
    assert!(report.contains("- Datum: 2022-01\n- Stand: 13.01.2022 09:59 Uhr"));
    assert!(report.contains("## Anmerkungen nach Abschnitten"));
    assert!(report.contains("## Anmerkungen nach Akteuren"));
    // Sections in order, each passage in bold inside its context.
    let a = report.find("### Anfang").unwrap();
    let b = report.find("### Tokajews Besuch in Almaty").unwrap();
    let c = report
        .find("### Schicksal von Festgenommenen unklar")
        .unwrap();
    assert!(a < b && b < c);
    assert!(report.contains("Behörden, **wie das russische Verteidigungsministerium mitteilte**."));
    // Counts per actor, and the actor's own note.
    assert!(report.contains("| Tokajew | Person | 6 | 4 |"));
    assert!(report.contains("### Menschenrechtler (2)"));
    assert!(report.contains("Einzige Stimme für die Festgenommenen"));
    // The note's second line is a line; the hostile note is text, not markup.
    assert!(report.contains("Quelle ist Moskau, nicht die OVKS selbst.  \n   Was sind"));
    assert!(report.contains("\\# Keine Überschrift  \n   \\- keine Liste  \n   &lt;script&gt;"));
    assert!(
        report.contains(
            "\\*\\*fett\\*\\* \\_kursiv\\_ \\[Link\\](javascript:alert(1)) \\| Tabelle \\|"
        )
    );
    assert!(!report.contains("<script>"));
}

#[test]
fn qdpx_holds_the_project_and_the_text() {
    let ws = example();
    let bytes = qdpx::export(&input(&ws)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut project = String::new();
    zip.by_name("project.qde")
        .unwrap()
        .read_to_string(&mut project)
        .unwrap();
    let doc = roxmltree::Document::parse(&project).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(qdpx::NAMESPACE));
    assert_eq!(
        root.attribute("name"),
        Some("Kasachstan Militärbündnis beginnt mit Abzug")
    );

    // The text file the source points to, and selections that slice it.
    let source = doc
        .descendants()
        .find(|n| n.has_tag_name("TextSource"))
        .unwrap();
    let path = source
        .attribute("plainTextPath")
        .unwrap()
        .strip_prefix("internal://")
        .unwrap();
    let mut text = String::new();
    zip.by_name(&format!("sources/{path}"))
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(text, ws.document().text());
    let chars: Vec<char> = text.chars().collect();
    let selections: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("PlainTextSelection"))
        .collect();
    assert_eq!(selections.len(), 11);
    for selection in &selections {
        let start: usize = selection
            .attribute("startPosition")
            .unwrap()
            .parse()
            .unwrap();
        let end: usize = selection.attribute("endPosition").unwrap().parse().unwrap();
        let quoted: String = chars[start..end].iter().collect();
        assert!(
            ws.session().annotations.iter().any(|a| a.quote() == quoted),
            "{quoted}"
        );
    }

    // Actors are codes with colours; codings point at existing codes.
    let codes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Code"))
        .collect();
    let tokajew = codes
        .iter()
        .find(|c| c.attribute("name") == Some("Tokajew"))
        .unwrap();
    assert_eq!(tokajew.attribute("color"), Some("#2471a3"));
    let guids: Vec<&str> = codes.iter().filter_map(|c| c.attribute("guid")).collect();
    for reference in doc.descendants().filter(|n| n.has_tag_name("CodeRef")) {
        assert!(guids.contains(&reference.attribute("targetGUID").unwrap()));
    }
    // GUIDs have the schema's form, and are all distinct.
    let all: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("guid"))
        .collect();
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len());
    for guid in all {
        let parts: Vec<&str> = guid.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12],
            "{guid}"
        );
    }
    // The note with a line break is the selection's description.
    assert!(project.contains("<Description>Quelle ist Moskau, nicht die OVKS selbst.\nWas sind &quot;sozial wichtige Objekte&quot;?</Description>"));
}

#[test]
fn qdpx_keeps_orphans_as_notes() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("geaendert.txt");
    std::fs::write(
        &text,
        randnotiz::document::bundled::ARTICLE.replacen(
            "Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164. ",
            "",
            1,
        ),
    )
    .unwrap();
    let (ws, report) =
        Workspace::open_session(&common::asset("example-session.ron"), Some(&text)).unwrap();
    assert_eq!(report.orphaned, 1);
    let project = qdpx::project_xml(&input(&ws));
    let doc = roxmltree::Document::parse(&project).unwrap();
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("PlainTextSelection"))
            .count(),
        10
    );
    let note = doc.descendants().find(|n| n.has_tag_name("Note")).unwrap();
    assert!(note.descendants().any(|n| n.text().is_some_and(|t| {
        t.contains("Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164.")
    })));
}

#[test]
fn the_actor_network() {
    let ws = example();
    let edges = network::co_occurrence(&input(&ws));
    // a2 (OVKS, Russland, Kasachische Regierung) and a1 (OVKS, Russland): OVKS–Russland twice.
    let ovks_russland = edges
        .iter()
        .find(|((a, b), _)| a.as_str() == "ovks" && b.as_str() == "russland")
        .unwrap();
    assert_eq!(*ovks_russland.1, 2);
    let graphml = network::graphml(&input(&ws));
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("node")).count(),
        ws.session().actors.len()
    );
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("edge")).count(),
        edges.len()
    );
    let edge = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("edge")
                && n.attribute("source") == Some("ovks")
                && n.attribute("target") == Some("russland")
        })
        .unwrap();
    assert_eq!(
        edge.children()
            .find(|c| c.has_tag_name("data"))
            .unwrap()
            .text(),
        Some("2")
    );
    let csv = read_csv(&network::edges_csv(&input(&ws)));
    assert_eq!(csv[0][..4], ["Source", "Target", "Type", "Weight"]);
    assert_eq!(csv.len() - 1, edges.len());
    assert!(
        csv.iter()
            .any(|r| r[0] == "ovks" && r[1] == "russland" && r[3] == "2")
    );
}

#[test]
fn every_format_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let session = common::asset("example-session.ron");
    for format in Format::ALL {
        let out = dir.path().join(format!("export.{}", format.extension()));
        let result = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
            .args([
                "export",
                session.to_str().unwrap(),
                "--format",
                format.name(),
                "-o",
                out.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(
            result.status.success(),
            "{}: {}",
            format.name(),
            String::from_utf8_lossy(&result.stderr)
        );
        assert!(
            std::fs::metadata(&out).unwrap().len() > 100,
            "{}",
            format.name()
        );
    }
    // Text formats go to standard output without -o; the ZIP does not.
    let md = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(["export", session.to_str().unwrap(), "-f", "md"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# Kasachstan"));
    let zip = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(["export", session.to_str().unwrap(), "-f", "qdpx"])
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap();
    assert_eq!(zip.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&zip.stderr).contains("-o"));
}

#[test]
fn an_export_never_replaces_the_text_or_a_session() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("lesung.ron");
    std::fs::copy(common::asset("example-session.ron"), &session).unwrap();
    let ws = example();
    let err = export::write(&input(&ws), Format::Csv, &session).unwrap_err();
    assert!(
        matches!(err, export::ExportError::WouldOverwrite { .. }),
        "{err:?}"
    );
    assert_eq!(
        std::fs::read(&session).unwrap(),
        std::fs::read(common::asset("example-session.ron")).unwrap()
    );
}
