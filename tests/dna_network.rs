//! DNA's networks on DNA's own sample database: `randnotiz import
//! sample.dna`, then `randnotiz network` with DNA's options, compared with
//! the matrices DNA computes for them (skipped when
//! `../shared/testdata/dna/sample.dna` is missing).
//!
//! Each expected matrix is given twice: written out (the values DNA 3's
//! exporter gives on this database: `Exporter.java`'s `filterStatements`,
//! `computeTwoModeMatrix`, `computeOneModeMatrix`, re-done by hand from the
//! 40 statements), and counted here straight from the database's tables
//! with SQL, so that neither the import nor the network code is trusted to
//! check itself.

#![allow(clippy::unwrap_used, clippy::float_cmp)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;
use std::process::Command;

fn sample() -> Option<PathBuf> {
    common::shared("testdata/dna/sample.dna")
}

fn randnotiz(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .env("LANG", "en")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// The sample database imported with the command line, as a user does.
fn imported(sample: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("klima");
    randnotiz(&[&"import", &sample, &"-o", &dir]);
    (tmp, dir)
}

/// A labelled matrix as R's `read.csv(row.names = 1)` reads it: the
/// column labels, and each row's label with its values.
type Matrix = (Vec<String>, BTreeMap<String, Vec<f64>>);

fn read_matrix(text: &str) -> Matrix {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "", "the top-left cell is empty");
    let columns: Vec<String> = header.iter().skip(1).map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), columns.len() + 1, "a value for every column");
            let values = r.iter().skip(1).map(|v| v.parse().unwrap()).collect();
            (r[0].to_owned(), values)
        })
        .collect();
    (columns, rows)
}

fn network(dir: &Path, options: &[&str]) -> Matrix {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"network", &dir];
    for option in options {
        args.push(option);
    }
    args.push(&"--format");
    args.push(&"csv");
    read_matrix(&randnotiz(&args).0)
}

const ALLIANCE: &str = "Alliance to Save Energy";
const EEA: &str = "Energy and Environmental Analysis, Inc.";
const EPA: &str = "Environmental Protection Agency";
const NPRA: &str = "National Petrochemical & Refiners Association";
const SENATE: &str = "Senate";
const SIERRA: &str = "Sierra Club";
const PIRG: &str = "U.S. Public Interest Research Group";
const ORGANIZATIONS: [&str; 7] = [ALLIANCE, EEA, EPA, NPRA, SENATE, SIERRA, PIRG];

const CONCEPTS: [&str; 6] = [
    "CO2 legislation will not hurt the economy.",
    "Cap and trade is the solution.",
    "Climate change is caused by greenhouse gases (CO2).",
    "Climate change is real and anthropogenic.",
    "Emissions legislation should regulate CO2.",
    "There should be legislation to regulate emissions.",
];

/// A matrix written out: labels in DNA's order and the rows' values.
fn written(columns: &[&str], rows: &[(&str, &[f64])]) -> Matrix {
    (
        columns.iter().map(|c| (*c).to_owned()).collect(),
        rows.iter()
            .map(|(label, values)| ((*label).to_owned(), values.to_vec()))
            .collect(),
    )
}

/// A symmetric one-mode matrix from its upper triangle, row by row.
fn symmetric(upper: &[&[f64]]) -> Matrix {
    let n = ORGANIZATIONS.len();
    let mut values = vec![vec![0.0; n]; n];
    for (i, row) in upper.iter().enumerate() {
        for (k, &v) in row.iter().enumerate() {
            let j = i + 1 + k;
            values[i][j] = v;
            values[j][i] = v;
        }
    }
    let rows: Vec<(&str, &[f64])> = ORGANIZATIONS
        .iter()
        .zip(&values)
        .map(|(label, row)| (*label, row.as_slice()))
        .collect();
    written(&ORGANIZATIONS, &rows)
}

/// One "DNA Statement" as the database holds it.
#[derive(Clone, Debug)]
struct Row {
    document: i64,
    organization: String,
    concept: String,
    agreement: i64,
}

/// The 40 "DNA Statement" statements, read with SQL from DNA's tables.
fn statements(path: &Path) -> Vec<Row> {
    let db =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let value = |statement: i64, variable: &str| -> String {
        db.query_row(
            "SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity
             JOIN VARIABLES v ON v.ID = d.VariableId
             WHERE d.StatementId = ?1 AND v.Variable = ?2",
            rusqlite::params![statement, variable],
            |r| r.get(0),
        )
        .unwrap_or_default()
    };
    let mut query = db
        .prepare(
            "SELECT s.ID, s.DocumentId FROM STATEMENTS s JOIN STATEMENTTYPES t
             ON t.ID = s.StatementTypeId WHERE t.Label = 'DNA Statement' ORDER BY s.ID",
        )
        .unwrap();
    let ids: Vec<(i64, i64)> = query
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    ids.into_iter()
        .map(|(id, document)| Row {
            document,
            organization: value(id, "organization"),
            concept: value(id, "concept"),
            agreement: db
                .query_row(
                    "SELECT d.Value FROM DATABOOLEAN d JOIN VARIABLES v ON v.ID = d.VariableId
                     WHERE d.StatementId = ?1 AND v.Variable = 'agreement'",
                    [id],
                    |r| r.get(0),
                )
                .unwrap(),
        })
        .collect()
}

/// How often each organisation said each concept with each agreement,
/// counting an identical statement once per document when `per_document`.
fn counts(rows: &[Row], per_document: bool) -> BTreeMap<(String, String, i64), f64> {
    let mut seen = BTreeSet::new();
    let mut counts = BTreeMap::new();
    for r in rows {
        let key = (r.organization.clone(), r.concept.clone(), r.agreement);
        if per_document && !seen.insert((key.clone(), r.document)) {
            continue;
        }
        *counts.entry(key).or_insert(0.0) += 1.0;
    }
    counts
}

/// The two-mode matrix, the stance ignored: statements per organisation
/// and concept.
fn two_mode_by_sql(rows: &[Row], per_document: bool) -> Matrix {
    // DNA's duplicate key holds the stance only when it is not ignored.
    let rows: Vec<Row> = rows
        .iter()
        .map(|r| Row {
            agreement: 1,
            ..r.clone()
        })
        .collect();
    let counts = counts(&rows, per_document);
    let matrix = ORGANIZATIONS
        .iter()
        .map(|&o| {
            let row = CONCEPTS
                .iter()
                .map(|&c| counts.get(&(o.into(), c.into(), 1)).copied().unwrap_or(0.0))
                .collect();
            (o.to_owned(), row)
        })
        .collect();
    (CONCEPTS.iter().map(|c| (*c).to_owned()).collect(), matrix)
}

/// The one-mode congruence matrix: for every pair of organisations, the
/// sum over concepts and stances of the products of how often each said
/// the concept with that stance.
fn congruence_by_sql(rows: &[Row], per_document: bool) -> Matrix {
    let counts = counts(rows, per_document);
    let n = |o: &str, c: &str, a: i64| counts.get(&(o.into(), c.into(), a)).copied().unwrap_or(0.0);
    let matrix = ORGANIZATIONS
        .iter()
        .map(|&a| {
            let row = ORGANIZATIONS
                .iter()
                .map(|&b| {
                    if a == b {
                        return 0.0;
                    }
                    CONCEPTS
                        .iter()
                        .flat_map(|&c| [0, 1].map(|q| n(a, c, q) * n(b, c, q)))
                        .sum()
                })
                .collect();
            (a.to_owned(), row)
        })
        .collect();
    (
        ORGANIZATIONS.iter().map(|o| (*o).to_owned()).collect(),
        matrix,
    )
}

#[test]
fn the_two_mode_network_of_the_sample_database_is_dnas() {
    let Some(path) = sample() else { return };
    let (_tmp, dir) = imported(&path);
    let rows = statements(&path);
    assert_eq!(rows.len(), 40);

    let net = network(&dir, &["--type", "twomode", "--variable1", "organization"]);
    assert_eq!(
        net,
        written(
            &CONCEPTS,
            &[
                (ALLIANCE, &[0.0, 0.0, 1.0, 0.0, 2.0, 1.0]),
                (EEA, &[2.0, 0.0, 0.0, 0.0, 2.0, 0.0]),
                (EPA, &[1.0, 0.0, 0.0, 0.0, 0.0, 10.0]),
                (NPRA, &[2.0, 0.0, 0.0, 0.0, 0.0, 2.0]),
                (SENATE, &[2.0, 0.0, 0.0, 0.0, 1.0, 2.0]),
                (SIERRA, &[2.0, 0.0, 1.0, 1.0, 1.0, 1.0]),
                (PIRG, &[1.0, 1.0, 1.0, 2.0, 1.0, 0.0]),
            ]
        )
    );
    assert_eq!(net, two_mode_by_sql(&rows, false));
    let total: f64 = net.1.values().flatten().sum();
    assert_eq!(total, 40.0, "every statement counted once");

    // DNA's own default (`--variable1 actor` here): the statement's actor
    // is the organisation DNA coded, so the same matrix.
    assert_eq!(network(&dir, &["--type", "twomode"]), net);

    // An identical statement once per document: 22 statements left.
    let once = network(
        &dir,
        &[
            "--type",
            "twomode",
            "--variable1",
            "organization",
            "--duplicates",
            "document",
        ],
    );
    assert_eq!(once, two_mode_by_sql(&rows, true));
    assert_eq!(once.1.values().flatten().sum::<f64>(), 22.0);
    assert_eq!(once.1[EPA], [1.0, 0.0, 0.0, 0.0, 0.0, 1.0]);
    assert_eq!(once.1[PIRG], [1.0, 1.0, 1.0, 1.0, 1.0, 0.0]);

    // Activity: each row divided by its organisation's statements.
    let activity = network(
        &dir,
        &[
            "--type",
            "twomode",
            "--variable1",
            "organization",
            "--normalization",
            "activity",
        ],
    );
    for (label, row) in &net.1 {
        let statements: f64 = row.iter().sum();
        let expected: Vec<f64> = row.iter().map(|v| v / statements).collect();
        assert_eq!(activity.1[label], expected, "{label}");
    }
}

#[test]
fn the_one_mode_congruence_network_of_the_sample_database_is_dnas() {
    let Some(path) = sample() else { return };
    let (_tmp, dir) = imported(&path);
    let rows = statements(&path);
    let onemode = [
        "--type",
        "onemode",
        "--variable1",
        "organization",
        "--qualifier-aggregation",
        "congruence",
    ];

    let net = network(&dir, &onemode);
    assert_eq!(
        net,
        symmetric(&[
            &[2.0, 10.0, 0.0, 2.0, 4.0, 3.0],
            &[2.0, 4.0, 5.0, 1.0, 1.0],
            &[2.0, 22.0, 10.0, 0.0],
            &[4.0, 0.0, 0.0],
            &[2.0, 0.0],
            &[6.0],
        ])
    );
    assert_eq!(net, congruence_by_sql(&rows, false));

    let once = network(
        &dir,
        &[&onemode[..], &["--duplicates", "document"]].concat(),
    );
    assert_eq!(
        once,
        symmetric(&[
            &[1.0, 1.0, 0.0, 1.0, 3.0, 2.0],
            &[1.0, 1.0, 2.0, 1.0, 1.0],
            &[1.0, 2.0, 1.0, 0.0],
            &[1.0, 0.0, 0.0],
            &[1.0, 0.0],
            &[4.0],
        ])
    );
    assert_eq!(once, congruence_by_sql(&rows, true));

    // Average: divided by the mean of the two organisations' statements.
    // EPA said 11 things, the Senate 5: 22 / 8.
    let average = network(
        &dir,
        &[&onemode[..], &["--normalization", "average"]].concat(),
    );
    let epa = ORGANIZATIONS.iter().position(|&o| o == EPA).unwrap();
    let senate = ORGANIZATIONS.iter().position(|&o| o == SENATE).unwrap();
    assert_eq!(average.1[EPA][senate], 2.75);
    assert_eq!(average.1[SENATE][epa], 2.75);
    let statements_of = |o: &str| rows.iter().filter(|r| r.organization == o).count() as f64;
    for (a, row) in &average.1 {
        for (j, value) in row.iter().enumerate() {
            let b = ORGANIZATIONS[j];
            let expected = net.1[a][j] / ((statements_of(a) + statements_of(b)) / 2.0);
            assert!(
                (value - expected).abs() < 1e-12,
                "{a}–{b}: {value} ≠ {expected}"
            );
        }
    }
    let average_once = network(
        &dir,
        &[
            &onemode[..],
            &["--duplicates", "document", "--normalization", "average"],
        ]
        .concat(),
    );
    assert_eq!(average_once.1[EPA][senate], 0.8);
}

#[test]
fn an_excluded_concept_and_the_graphml_of_the_sample_database() {
    let Some(path) = sample() else { return };
    let (_tmp, dir) = imported(&path);
    let rows = statements(&path);

    // Without the concept EPA said ten times, EPA is left with one
    // statement, and the concept's column is gone.
    let concept = CONCEPTS[5];
    let exclude = format!("concept={concept}");
    let net = network(
        &dir,
        &[
            "--type",
            "twomode",
            "--variable1",
            "organization",
            "--exclude",
            &exclude,
        ],
    );
    let kept: Vec<Row> = rows
        .iter()
        .filter(|r| r.concept != concept)
        .cloned()
        .collect();
    let mut expected = two_mode_by_sql(&kept, false);
    expected.0.pop();
    for row in expected.1.values_mut() {
        row.pop();
    }
    assert_eq!(net, expected);
    assert_eq!(net.1[EPA].iter().sum::<f64>(), 1.0);

    // The GraphML: a node per organisation and concept, an edge per cell
    // that is not 0, with its weight.
    let (xml, _) = randnotiz(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--variable1",
        &"organization",
        &"--format",
        &"graphml",
    ]);
    let doc = read_graphml(&xml);
    assert_eq!(doc.nodes, ORGANIZATIONS.len() + CONCEPTS.len());
    for label in ORGANIZATIONS.iter().chain(&CONCEPTS) {
        let escaped = label.replace('&', "&amp;");
        assert!(
            xml.contains(&format!(">{escaped}</data>")),
            "{label} is a node"
        );
    }
    let cells = two_mode_by_sql(&rows, false)
        .1
        .values()
        .flatten()
        .filter(|v| **v != 0.0)
        .count();
    assert_eq!(doc.edges, cells);
}

/// How many nodes and edges a GraphML file holds, read to its end with
/// quick-xml (so it is well-formed).
struct GraphSummary {
    nodes: usize,
    edges: usize,
}

fn read_graphml(xml: &str) -> GraphSummary {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut summary = GraphSummary { nodes: 0, edges: 0 };
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"node" => summary.nodes += 1,
                b"edge" => summary.edges += 1,
                _ => {}
            },
            _ => {}
        }
    }
    summary
}

#[path = "common/window.rs"]
mod window;

#[test]
fn the_network_window_offers_dnas_options_and_writes_what_the_command_line_writes() {
    let Some(path) = sample() else { return };
    let (tmp, dir) = imported(&path);
    let mut harness = window::app(Some(dir.clone()), None);
    window::menu(
        &mut harness,
        &["Analyse", "Aussagen-Netzwerk …", "Akteure × Akteure"],
    );
    for (combo, choice) in [
        ("Zeilen:", "Organisation"),
        ("Haltung:", "gleiche Seite (Kongruenz)"),
        ("Normalisierung:", "mittlere Aktivität (average)"),
        ("Gleiche Aussagen:", "einmal je Dokument"),
    ] {
        window::menu(&mut harness, &[combo, choice]);
    }
    let exclude = format!("concept={}", CONCEPTS[1]);
    window::type_into(&mut harness, "Ausschließen:", &exclude);
    let from_window = window::write_through(
        &mut harness,
        "Exportieren …",
        &tmp.path().join("fenster.graphml"),
    );

    let cli = tmp.path().join("befehl.graphml");
    randnotiz(&[
        &"network",
        &dir,
        &"--type",
        &"onemode",
        &"--variable1",
        &"organization",
        &"--qualifier-aggregation",
        &"congruence",
        &"--normalization",
        &"average",
        &"--duplicates",
        &"document",
        &"--exclude",
        &exclude,
        &"--format",
        &"graphml",
        &"-o",
        &cli,
    ]);
    assert_eq!(from_window, std::fs::read_to_string(&cli).unwrap());
    // The choices took: DNA's 0.8 between EPA and the Senate (the concept
    // left out is one neither said), and the normalisation named.
    assert!(from_window.contains(">average<"), "{from_window}");
    assert!(from_window.contains(">0.8<"), "{from_window}");
}

/// DNA's other options on the sample database, each matrix as DNA 3's
/// exporter computes it (its `filterStatements`, `computeTwoModeMatrix`
/// and `computeOneModeMatrix` re-done in Python from the database, outside
/// this code): (type, aggregation, normalisation, duplicates, rows).
type Case<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a [(&'a str, &'a [f64])],
);

const DNA_CASES: &[Case<'static>] = &[
    (
        "twomode",
        "combine",
        "no",
        "include",
        &[
            ("Alliance to Save Energy", &[0.0, 0.0, 1.0, 0.0, 1.0, 1.0]),
            (
                "Energy and Environmental Analysis, Inc.",
                &[2.0, 0.0, 0.0, 0.0, 3.0, 0.0],
            ),
            (
                "Environmental Protection Agency",
                &[2.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            ),
            (
                "National Petrochemical & Refiners Association",
                &[2.0, 0.0, 0.0, 0.0, 0.0, 2.0],
            ),
            ("Senate", &[2.0, 0.0, 0.0, 0.0, 2.0, 1.0]),
            ("Sierra Club", &[1.0, 0.0, 1.0, 1.0, 1.0, 1.0]),
            (
                "U.S. Public Interest Research Group",
                &[1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
            ),
        ],
    ),
    (
        "twomode",
        "subtract",
        "prominence",
        "include",
        &[
            (
                "Alliance to Save Energy",
                &[
                    0.0,
                    0.0,
                    0.3333333333333333,
                    0.0,
                    0.2857142857142857,
                    0.0625,
                ],
            ),
            (
                "Energy and Environmental Analysis, Inc.",
                &[-0.2, 0.0, 0.0, 0.0, 0.0, 0.0],
            ),
            (
                "Environmental Protection Agency",
                &[-0.1, 0.0, 0.0, 0.0, 0.0, 0.625],
            ),
            (
                "National Petrochemical & Refiners Association",
                &[-0.2, 0.0, 0.0, 0.0, 0.0, -0.125],
            ),
            (
                "Senate",
                &[-0.2, 0.0, 0.0, 0.0, -0.14285714285714285, 0.125],
            ),
            (
                "Sierra Club",
                &[
                    0.2,
                    0.0,
                    0.3333333333333333,
                    0.3333333333333333,
                    0.14285714285714285,
                    0.0625,
                ],
            ),
            (
                "U.S. Public Interest Research Group",
                &[
                    0.1,
                    1.0,
                    0.3333333333333333,
                    0.6666666666666666,
                    0.14285714285714285,
                    0.0,
                ],
            ),
        ],
    ),
    (
        "onemode",
        "conflict",
        "jaccard",
        "include",
        &[
            (
                "Alliance to Save Energy",
                &[0.0, 0.2857142857142857, 0.0, 0.25, 0.25, 0.0, 0.0],
            ),
            (
                "Energy and Environmental Analysis, Inc.",
                &[
                    0.2857142857142857,
                    0.0,
                    0.0,
                    0.0,
                    0.125,
                    0.5555555555555556,
                    0.3333333333333333,
                ],
            ),
            (
                "Environmental Protection Agency",
                &[
                    0.0,
                    0.0,
                    0.0,
                    1.4285714285714286,
                    0.0,
                    0.125,
                    0.058823529411764705,
                ],
            ),
            (
                "National Petrochemical & Refiners Association",
                &[
                    0.25,
                    0.0,
                    1.4285714285714286,
                    0.0,
                    0.4444444444444444,
                    0.6,
                    0.2,
                ],
            ),
            (
                "Senate",
                &[
                    0.25,
                    0.125,
                    0.0,
                    0.4444444444444444,
                    0.0,
                    0.5,
                    0.2727272727272727,
                ],
            ),
            (
                "Sierra Club",
                &[0.0, 0.5555555555555556, 0.125, 0.6, 0.5, 0.0, 0.0],
            ),
            (
                "U.S. Public Interest Research Group",
                &[
                    0.0,
                    0.3333333333333333,
                    0.058823529411764705,
                    0.2,
                    0.2727272727272727,
                    0.0,
                    0.0,
                ],
            ),
        ],
    ),
    (
        "onemode",
        "subtract",
        "cosine",
        "include",
        &[
            (
                "Alliance to Save Energy",
                &[
                    0.0,
                    0.0,
                    0.22727272727272727,
                    -0.125,
                    0.0,
                    0.16666666666666666,
                    0.125,
                ],
            ),
            (
                "Energy and Environmental Analysis, Inc.",
                &[
                    0.0,
                    0.0,
                    0.045454545454545456,
                    0.25,
                    0.2,
                    -0.16666666666666666,
                    -0.08333333333333333,
                ],
            ),
            (
                "Environmental Protection Agency",
                &[
                    0.22727272727272727,
                    0.045454545454545456,
                    0.0,
                    -0.4090909090909091,
                    0.4,
                    0.12121212121212122,
                    -0.015151515151515152,
                ],
            ),
            (
                "National Petrochemical & Refiners Association",
                &[
                    -0.125,
                    0.25,
                    -0.4090909090909091,
                    0.0,
                    0.0,
                    -0.25,
                    -0.08333333333333333,
                ],
            ),
            ("Senate", &[0.0, 0.2, 0.4, 0.0, 0.0, -0.1, -0.1]),
            (
                "Sierra Club",
                &[
                    0.16666666666666666,
                    -0.16666666666666666,
                    0.12121212121212122,
                    -0.25,
                    -0.1,
                    0.0,
                    0.16666666666666666,
                ],
            ),
            (
                "U.S. Public Interest Research Group",
                &[
                    0.125,
                    -0.08333333333333333,
                    -0.015151515151515152,
                    -0.08333333333333333,
                    -0.1,
                    0.16666666666666666,
                    0.0,
                ],
            ),
        ],
    ),
    (
        "onemode",
        "congruence",
        "no",
        "month",
        &[
            (
                "Alliance to Save Energy",
                &[0.0, 1.0, 1.0, 0.0, 1.0, 3.0, 2.0],
            ),
            (
                "Energy and Environmental Analysis, Inc.",
                &[1.0, 0.0, 1.0, 1.0, 2.0, 1.0, 1.0],
            ),
            (
                "Environmental Protection Agency",
                &[1.0, 1.0, 0.0, 1.0, 2.0, 1.0, 0.0],
            ),
            (
                "National Petrochemical & Refiners Association",
                &[0.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0],
            ),
            ("Senate", &[1.0, 2.0, 2.0, 1.0, 0.0, 1.0, 0.0]),
            ("Sierra Club", &[3.0, 1.0, 1.0, 0.0, 1.0, 0.0, 4.0]),
            (
                "U.S. Public Interest Research Group",
                &[2.0, 1.0, 0.0, 0.0, 0.0, 4.0, 0.0],
            ),
        ],
    ),
    (
        "twomode",
        "ignore",
        "no",
        "year",
        &[
            ("Alliance to Save Energy", &[0.0, 0.0, 1.0, 0.0, 1.0, 1.0]),
            (
                "Energy and Environmental Analysis, Inc.",
                &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
            ),
            (
                "Environmental Protection Agency",
                &[1.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            ),
            (
                "National Petrochemical & Refiners Association",
                &[1.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            ),
            ("Senate", &[1.0, 0.0, 0.0, 0.0, 1.0, 1.0]),
            ("Sierra Club", &[1.0, 0.0, 1.0, 1.0, 1.0, 1.0]),
            (
                "U.S. Public Interest Research Group",
                &[1.0, 1.0, 1.0, 1.0, 1.0, 0.0],
            ),
        ],
    ),
];

#[test]
fn dnas_other_aggregations_normalisations_and_duplicates_on_the_sample_database() {
    let Some(path) = sample() else { return };
    let (_tmp, dir) = imported(&path);
    for &(mode, aggregation, normalization, duplicates, rows) in DNA_CASES {
        let case = format!("{mode} {aggregation} {normalization} {duplicates}");
        let (_, net) = network(
            &dir,
            &[
                "--type",
                mode,
                "--variable1",
                "organization",
                "--qualifier-aggregation",
                aggregation,
                "--normalization",
                normalization,
                "--duplicates",
                duplicates,
            ],
        );
        assert_eq!(
            net.keys().collect::<Vec<_>>(),
            rows.iter().map(|(label, _)| label).collect::<Vec<_>>(),
            "{case}"
        );
        for (label, expected) in rows {
            let got = &net[*label];
            assert_eq!(got.len(), expected.len(), "{case}: {label}");
            for (j, (a, b)) in got.iter().zip(*expected).enumerate() {
                assert!(
                    (a - b).abs() < 1e-12,
                    "{case}: {label}, column {j}: {a} ≠ {b}"
                );
            }
        }
    }
}
