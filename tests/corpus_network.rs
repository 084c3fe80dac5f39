//! A project's statements over time and its statement network, as
//! discourse network analysis computes it: a project of eight articles
//! coded through the library as the window codes, then asked through the
//! command line as a user asks, the CSV read back as a matrix and the
//! GraphML parsed. Every expected matrix is worked out by hand from the
//! statements below.
//!
//! | article | date       | outlet        | statements                        |
//! |---------|------------|---------------|-----------------------------------|
//! | 0       | 2022-01-01 | Tagesblatt    | tok+abzug ovks+abzug              |
//! | 1       | 2022-01-02 | Abendpost     | opp-abzug mos+wahlen              |
//! | 2       | 2022-01-03 | Rundfunk Nord | tok+abzug tok+abzug opp+wahlen    |
//! | 3       | 2022-01-04 | Wochenspiegel | ovks-wahlen mos-abzug             |
//! | 4       | 2022-01-05 | Netzzeitung   | opp-abzug tok~wahlen              |
//! | 5       | 2022-01-06 | Tagesblatt    | ovks+abzug mos+wahlen             |
//! | 6       | (none)     | Abendpost     | tok-wahlen                        |
//! | 7       | 2022-01    | Rundfunk Nord | opp+abzug                         |
//!
//! (`+` agrees, `-` disagrees, `~` neutral. 1 and 2 January 2022 are in
//! ISO week 2021-W52, 3 to 6 January in 2022-W01.)
#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::cast_possible_truncation
)]

#[path = "common/corpus.rs"]
mod corpus;

use corpus::randnotiz;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::analysis::corpus::DocFilter;
use randnotiz::analysis::corpus_network::{Aggregation, Mode, Network, NetworkOptions, TimeWindow};
use randnotiz::analysis::timeline::{Period, TimelineOptions, timeline};
use randnotiz::annotation::{Colour, Concept, ConceptId, Edit, Stance, Statement};
use randnotiz::document::CharRange;
use randnotiz::workspace::project::{Progress, Project};

const CODING: [&str; 8] = [
    "tok+abzug ovks+abzug",
    "opp-abzug mos+wahlen",
    "tok+abzug tok+abzug opp+wahlen",
    "ovks-wahlen mos-abzug",
    "opp-abzug tok~wahlen",
    "ovks+abzug mos+wahlen",
    "tok-wahlen",
    "opp+abzug",
];

fn ok(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (String, String) {
    let out = randnotiz(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

/// The project of the table above, in `dir/projekt`.
fn project(dir: &Path) -> PathBuf {
    let root = dir.join("projekt");
    let texts = corpus::write(&dir.join("artikel"), 0..CODING.len());
    let mut project = Project::create(&root, "Kasachstan").unwrap();
    project.add(&texts, false, &Progress::default()).unwrap();
    for (n, spec) in CODING.iter().enumerate() {
        code(&mut project, n, spec);
    }
    let undated = project.find("Lage in Kasachstan, Bericht 6").unwrap();
    project.edit_entry(undated, |e| e.date = None).unwrap();
    let monthly = project.find("Lage in Kasachstan, Bericht 7").unwrap();
    project
        .edit_entry(monthly, |e| e.date = Some("2022-01".into()))
        .unwrap();
    root
}

/// Codes article `n` with the statements of `spec`, as the window does:
/// the actors and concepts join the registry with the first article.
fn code(project: &mut Project, n: usize, spec: &str) {
    let index = project
        .find(&format!("Lage in Kasachstan, Bericht {n}"))
        .unwrap();
    corpus::edit_document(project, index, |workspace| {
        if n == 0 {
            for (id, name) in [
                ("tok", "Tokajew"),
                ("ovks", "OVKS"),
                ("opp", "Opposition"),
                ("mos", "Moskau"),
            ] {
                let actor = Actor::new(ActorId(id.into()), name, ActorKind::Organisation);
                workspace
                    .apply(Edit::AddActor { actor, index: None })
                    .unwrap();
            }
            for (id, name) in [("abzug", "Abzug der Truppen"), ("wahlen", "Neue Wahlen")] {
                let concept = Concept::new(ConceptId(id.into()), name);
                workspace
                    .apply(Edit::AddConcept {
                        concept,
                        index: None,
                    })
                    .unwrap();
            }
        }
        for (k, word) in spec.split_whitespace().enumerate() {
            let at = word.find(['+', '-', '~']).unwrap();
            let actor = ActorId(word[..at].into());
            let stance = match &word[at..=at] {
                "+" => Stance::Agrees,
                "-" => Stance::Disagrees,
                _ => Stance::Neutral,
            };
            let range = CharRange::new(100 + 20 * k, 110 + 20 * k);
            let mut annotation =
                workspace.new_annotation(range, Colour::Yellow, vec![actor.clone()], String::new());
            annotation.statement = Some(Statement {
                actor,
                concept: ConceptId(word[at + 1..].into()),
                stance,
            });
            corpus::add(workspace, annotation);
        }
    });
}

/// A CSV matrix read back as R and pandas read it: the first row the
/// column labels, the first column the row labels.
fn read_matrix(text: &str) -> (Vec<String>, BTreeMap<String, Vec<i64>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "", "the top-left cell is empty");
    let columns = header.iter().skip(1).map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let values = r.iter().skip(1).map(|v| v.parse().unwrap()).collect();
            (r[0].to_owned(), values)
        })
        .collect();
    (columns, rows)
}

/// The rows of a matrix written the way one writes them by hand.
fn by_hand(rows: &[(&str, &[i64])]) -> BTreeMap<String, Vec<i64>> {
    rows.iter()
        .map(|(label, values)| ((*label).to_owned(), values.to_vec()))
        .collect()
}

/// Nodes (id → label, type) and edges (source label, target label, data)
/// of a GraphML file, parsed with quick-xml.
struct Graph {
    nodes: BTreeMap<String, (String, String)>,
    edges: Vec<(String, String, BTreeMap<String, String>)>,
    graph_data: BTreeMap<String, String>,
}

fn parse_graphml(text: &str) -> Graph {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut graph = Graph {
        nodes: BTreeMap::new(),
        edges: Vec::new(),
        graph_data: BTreeMap::new(),
    };
    let mut node: Option<(String, BTreeMap<String, String>)> = None;
    let mut edge: Option<(String, String, BTreeMap<String, String>)> = None;
    let mut key = String::new();
    let attr = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        e.try_get_attribute(name).unwrap().map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned()
        })
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => match e.name().as_ref() {
                b"node" => node = Some((attr(&e, "id").unwrap(), BTreeMap::new())),
                b"edge" => {
                    edge = Some((
                        attr(&e, "source").unwrap(),
                        attr(&e, "target").unwrap(),
                        BTreeMap::new(),
                    ));
                }
                b"data" => key = attr(&e, "key").unwrap(),
                _ => {}
            },
            Event::Text(t) => {
                let value = t.decode().unwrap().into_owned();
                if let Some((_, data)) = node.as_mut() {
                    data.insert(key.clone(), value);
                } else if let Some((_, _, data)) = edge.as_mut() {
                    data.insert(key.clone(), value);
                } else {
                    graph.graph_data.insert(key.clone(), value);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"node" => {
                    let (id, data) = node.take().unwrap();
                    graph
                        .nodes
                        .insert(id, (data["label"].clone(), data["type"].clone()));
                }
                b"edge" => graph.edges.push(edge.take().unwrap()),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let label = |id: &str| graph.nodes[id].0.clone();
    graph.edges = graph
        .edges
        .iter()
        .map(|(s, t, d)| (label(s), label(t), d.clone()))
        .collect();
    graph
}

fn network_of(dir: &Path, options: &NetworkOptions) -> Vec<Network> {
    let (project, _) = Project::open(dir).unwrap();
    project.networks(options).unwrap().networks
}

#[test]
fn the_two_mode_network_counts_statements_per_actor_and_concept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    // Whole project, no dates needed: articles 6 and 7 count too.
    let (csv, _) = ok(&[&"network", &dir, &"--type", &"twomode", &"--format", &"csv"]);
    let (columns, rows) = read_matrix(&csv);
    assert_eq!(columns, ["Abzug der Truppen", "Neue Wahlen"]);
    assert_eq!(
        rows,
        by_hand(&[
            ("Moskau", &[1, 2]),
            ("Opposition", &[3, 1]),
            ("OVKS", &[2, 1]),
            ("Tokajew", &[3, 2]),
        ])
    );
    // Rows in the order of the names, as DNA sorts them.
    assert!(csv.lines().nth(1).unwrap().starts_with("Moskau,"), "{csv}");

    // Tokajew's twice-said statement in article 2 once per document.
    let (csv, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--duplicates",
        &"document",
        &"--format",
        &"csv",
    ]);
    assert_eq!(read_matrix(&csv).1["Tokajew"], [2, 2]);

    // Agreeing minus disagreeing: negative numbers stay numbers.
    let (csv, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--qualifier-aggregation",
        &"subtract",
        &"--format",
        &"csv",
    ]);
    assert_eq!(
        read_matrix(&csv).1,
        by_hand(&[
            ("Moskau", &[-1, 2]),
            ("Opposition", &[-1, 1]),
            ("OVKS", &[2, -1]),
            ("Tokajew", &[3, -1]),
        ])
    );

    // Split by stance: a column per concept and stance said.
    let split = &network_of(
        &dir,
        &NetworkOptions {
            aggregation: Aggregation::Split,
            ..NetworkOptions::default()
        },
    )[0];
    let agrees = split.column("abzug", Some(Stance::Agrees)).unwrap();
    let disagrees = split.column("abzug", Some(Stance::Disagrees)).unwrap();
    let opposition = split.row("opp").unwrap();
    assert_eq!(split.value(opposition, agrees), 1.0);
    assert_eq!(split.value(opposition, disagrees), 2.0);

    // The same network as GraphML: actors and concepts with their type,
    // an edge per value.
    let (xml, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--format",
        &"graphml",
    ]);
    let graph = parse_graphml(&xml);
    assert_eq!(graph.nodes.len(), 6);
    assert_eq!(
        graph.nodes["concept:abzug"],
        ("Abzug der Truppen".to_owned(), "concept".to_owned())
    );
    assert_eq!(graph.nodes["actor:tok"].1, "actor");
    assert!(
        xml.contains("<data key=\"colour\">#"),
        "actors carry colours"
    );
    let weight = |a: &str, b: &str| {
        graph
            .edges
            .iter()
            .find(|(s, t, _)| s == a && t == b)
            .map(|(_, _, d)| d["weight"].clone())
    };
    assert_eq!(weight("Tokajew", "Abzug der Truppen").as_deref(), Some("3"));
    assert_eq!(weight("Moskau", "Neue Wahlen").as_deref(), Some("2"));
    assert_eq!(graph.edges.len(), 8);
}

#[test]
fn the_one_mode_network_ties_actors_by_congruence_and_conflict() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    // abzug: Tokajew +3, OVKS +2, Opposition +1 −2, Moskau −1;
    // wahlen: Tokajew ~1 −1, OVKS −1, Opposition +1, Moskau +2.
    let (csv, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"onemode",
        &"--qualifier-aggregation",
        &"congruence",
        &"--format",
        &"csv",
    ]);
    let (columns, rows) = read_matrix(&csv);
    // DNA's order: as Java sorts strings, upper case before lower case.
    assert_eq!(columns, ["Moskau", "OVKS", "Opposition", "Tokajew"]);
    assert_eq!(
        rows,
        by_hand(&[
            ("Moskau", &[0, 0, 4, 0]),
            ("OVKS", &[0, 0, 2, 7]),
            ("Opposition", &[4, 2, 0, 3]),
            ("Tokajew", &[0, 7, 3, 0]),
        ])
    );

    let conflict = &network_of(
        &dir,
        &NetworkOptions {
            mode: Mode::OneMode,
            aggregation: Aggregation::Conflict,
            ..NetworkOptions::default()
        },
    )[0];
    let matrix: Vec<Vec<i64>> = (0..4)
        .map(|r| (0..4).map(|c| conflict.value(r, c) as i64).collect())
        .collect();
    assert_eq!(
        matrix,
        [[0, 4, 1, 5], [4, 0, 5, 0], [1, 5, 0, 7], [5, 0, 7, 0]]
    );

    // Conflict as GraphML: each tie once, undirected, with its relation.
    let (xml, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"onemode",
        &"--qualifier-aggregation",
        &"conflict",
        &"--format",
        &"graphml",
    ]);
    assert!(xml.contains("edgedefault=\"undirected\""));
    let graph = parse_graphml(&xml);
    let mut ties: Vec<(String, String, String)> = graph
        .edges
        .iter()
        .map(|(s, t, d)| {
            assert_eq!(d["relation"], "conflict");
            let (a, b) = if s < t { (s, t) } else { (t, s) };
            (a.clone(), b.clone(), d["weight"].clone())
        })
        .collect();
    ties.sort();
    let expected: Vec<(String, String, String)> = [
        ("Moskau", "OVKS", "4"),
        ("Moskau", "Opposition", "1"),
        ("Moskau", "Tokajew", "5"),
        ("OVKS", "Opposition", "5"),
        ("Opposition", "Tokajew", "7"),
    ]
    .iter()
    .map(|(a, b, w)| ((*a).to_owned(), (*b).to_owned(), (*w).to_owned()))
    .collect();
    assert_eq!(ties, expected);

    // Subtract: congruence minus conflict.
    let subtract = &network_of(
        &dir,
        &NetworkOptions {
            mode: Mode::OneMode,
            aggregation: Aggregation::Subtract,
            ..NetworkOptions::default()
        },
    )[0];
    assert_eq!(subtract.get("tok", "ovks"), 7.0);
    assert_eq!(subtract.get("tok", "opp"), f64::from(3 - 7));

    // Congruence is not a two-mode aggregation: said, with what fits.
    let out = randnotiz(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--qualifier-aggregation",
        &"congruence",
        &"--format",
        &"csv",
    ]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("for twomode ignore, subtract, combine or split"),
        "{said}"
    );
}

#[test]
fn a_date_range_and_an_outlet_narrow_the_network_and_say_what_is_left_out() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let (csv, said) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--from",
        &"2022-01-03",
        &"--to",
        &"2022-01-06",
        &"--format",
        &"csv",
    ]);
    assert_eq!(
        read_matrix(&csv).1,
        by_hand(&[
            ("Moskau", &[1, 1]),
            ("Opposition", &[1, 1]),
            ("OVKS", &[1, 1]),
            ("Tokajew", &[2, 1]),
        ])
    );
    // Article 6 has no date, article 7 only January, which the range cuts.
    assert!(
        said.contains(
            "1 documents without a date and 1 with a date not precise enough, with their 2 statements: bericht-0006, bericht-0007"
        ),
        "{said}"
    );
    let (csv, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--outlet",
        &"Tagesblatt",
        &"--format",
        &"csv",
    ]);
    assert_eq!(
        read_matrix(&csv).1,
        by_hand(&[("Moskau", &[0, 1]), ("OVKS", &[2, 0]), ("Tokajew", &[1, 0])])
    );
}

#[test]
fn time_windows_slide_and_each_has_its_own_network() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let options = NetworkOptions {
        window: Some(TimeWindow::parse("days:3,step:2").unwrap()),
        ..NetworkOptions::default()
    };
    let windows = network_of(&dir, &options);
    let spans: Vec<(String, String, usize)> = windows
        .iter()
        .map(|n| {
            let (s, e) = n.window.unwrap();
            (s.to_string(), e.to_string(), n.statements)
        })
        .collect();
    // 1–3 January: articles 0, 1, 2; 3–5: 2, 3, 4; 5–7: 4, 5. The undated
    // article and the one of only a month are in none.
    let expected: Vec<(String, String, usize)> = [
        ("2022-01-01", "2022-01-03", 7),
        ("2022-01-03", "2022-01-05", 7),
        ("2022-01-05", "2022-01-07", 4),
    ]
    .iter()
    .map(|(s, e, n)| ((*s).to_owned(), (*e).to_owned(), *n))
    .collect();
    assert_eq!(spans, expected);

    // With isolates every window has every actor and concept of the range;
    // without, only those who speak in it.
    let same_nodes = network_of(
        &dir,
        &NetworkOptions {
            isolates: true,
            window: Some(TimeWindow::parse("days:1,step:1").unwrap()),
            ..NetworkOptions::default()
        },
    );
    assert_eq!(same_nodes.len(), 6);
    assert!(
        same_nodes
            .iter()
            .all(|n| n.rows.len() == 4 && n.columns.len() == 2)
    );
    let own_nodes = network_of(
        &dir,
        &NetworkOptions {
            window: Some(TimeWindow::parse("days:1").unwrap()),
            ..NetworkOptions::default()
        },
    );
    assert_eq!(
        own_nodes[0].rows.len(),
        2,
        "1 January: Tokajew and the OVKS"
    );

    let out_dir = tmp.path().join("fenster");
    let (_, said) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--time-window",
        &"days:3,step:2",
        &"--format",
        &"csv",
        &"-o",
        &out_dir,
    ]);
    assert!(said.contains("3 networks written"), "{said}");
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "window-1-2022-01-01.csv",
            "window-2-2022-01-03.csv",
            "window-3-2022-01-05.csv"
        ]
    );
    let first = std::fs::read_to_string(out_dir.join(&files[0])).unwrap();
    assert_eq!(
        read_matrix(&first).1,
        by_hand(&[
            ("Moskau", &[0, 1]),
            ("Opposition", &[1, 1]),
            ("OVKS", &[1, 0]),
            ("Tokajew", &[3, 0]),
        ])
    );
    let last = std::fs::read_to_string(out_dir.join(&files[2])).unwrap();
    assert_eq!(
        read_matrix(&last).1,
        by_hand(&[
            ("Moskau", &[0, 1]),
            ("Opposition", &[1, 0]),
            ("OVKS", &[1, 0]),
            ("Tokajew", &[0, 1]),
        ])
    );

    // One dynamic GraphML: every edge with its window's days.
    let (xml, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--time-window",
        &"days:3,step:2",
        &"--dynamic",
        &"--format",
        &"graphml",
    ]);
    let graph = parse_graphml(&xml);
    assert_eq!(graph.nodes.len(), 6, "each node once");
    let in_window = |w: &str| {
        graph
            .edges
            .iter()
            .filter(|(_, _, d)| d["window"] == w)
            .map(|(s, t, d)| {
                (
                    s.clone(),
                    t.clone(),
                    d["weight"].clone(),
                    d["edge_start"].clone(),
                    d["edge_end"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let third = in_window("3");
    assert_eq!(third.len(), 4, "{third:?}");
    assert!(third.contains(&(
        "Tokajew".into(),
        "Neue Wahlen".into(),
        "1".into(),
        "2022-01-05".into(),
        "2022-01-07".into()
    )));
    assert_eq!(in_window("1").len(), 5);
    // Without a folder, windows are refused with what to do.
    let out = randnotiz(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--time-window",
        &"days:3",
        &"--format",
        &"csv",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give -o DIR"));

    // A window's own file says its days.
    let (_, _) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"onemode",
        &"--time-window",
        &"days:3,step:2",
        &"--format",
        &"graphml",
        &"-o",
        &out_dir,
    ]);
    let xml = std::fs::read_to_string(out_dir.join("window-2-2022-01-03.graphml")).unwrap();
    let graph = parse_graphml(&xml);
    assert_eq!(graph.graph_data["window_start"], "2022-01-03");
    assert_eq!(graph.graph_data["window_end"], "2022-01-05");

    // Fewer windows into the same folder: the CSV files of the earlier
    // series go (a glob would mix two series), the GraphML files and a
    // file of the user's stay, and it is said.
    std::fs::write(out_dir.join("window-notes.csv"), "meine Notizen").unwrap();
    let (_, said) = ok(&[
        &"network",
        &dir,
        &"--type",
        &"twomode",
        &"--time-window",
        &"days:3,step:4",
        &"--format",
        &"csv",
        &"-o",
        &out_dir,
    ]);
    assert!(said.contains("2 networks written"), "{said}");
    assert!(said.contains("2 older window files"), "{said}");
    let mut files: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "window-1-2022-01-01.csv",
            "window-2-2022-01-05.csv",
            "window-notes.csv"
        ]
    );
    assert!(out_dir.join("window-2-2022-01-03.graphml").exists());
}

#[test]
fn the_timeline_counts_statements_per_actor_per_week_and_the_undated_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let (csv, said) = ok(&[&"timeline", &dir]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        ["actor_id", "actor", "2021-W52", "2022-W01", "undated"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let expected: Vec<Vec<String>> = [
        ["tok", "Tokajew", "1", "3", "1"],
        ["ovks", "OVKS", "1", "2", "0"],
        ["opp", "Opposition", "1", "2", "1"],
        ["mos", "Moskau", "1", "2", "0"],
    ]
    .iter()
    .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
    .collect();
    assert_eq!(rows, expected);
    assert!(said.contains("bericht-0006, bericht-0007"), "{said}");

    // By month, January holds the article dated only by its month.
    let (json, _) = ok(&[&"timeline", &dir, &"--by", &"month", &"--json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["periods"], serde_json::json!(["2022-01"]));
    assert_eq!(json["actors"][2]["id"], "opp");
    assert_eq!(json["actors"][2]["counts"], serde_json::json!([4]));
    assert_eq!(
        json["undated_documents"],
        serde_json::json!(["bericht-0006"])
    );

    // Only statements on one concept (by name), from one outlet.
    let (project, _) = Project::open(&dir).unwrap();
    let options = TimelineOptions {
        by: Period::Week,
        concepts: vec![ConceptId("wahlen".into())],
        filter: DocFilter {
            outlets: vec!["Tagesblatt".into(), "Abendpost".into()],
            ..DocFilter::default()
        },
        ..TimelineOptions::default()
    };
    let t = timeline(&project.corpus_docs(), &project.file().actors, &options);
    let counts: Vec<(&str, Vec<usize>, usize)> = t
        .series
        .iter()
        .map(|s| (s.actor.as_str(), s.counts.clone(), s.apart))
        .collect();
    // Moskau on wahlen in articles 1 (W52) and 5 (W01); Tokajew's undated
    // one in article 6 (Abendpost) apart.
    assert_eq!(counts, [("tok", vec![0, 0], 1), ("mos", vec![1, 1], 0)]);
    let (csv, _) = ok(&[
        &"timeline",
        &dir,
        &"--concept",
        &"Neue Wahlen",
        &"--annotations",
    ]);
    assert!(csv.contains("mos,Moskau,1,1,0"), "{csv}");
}

#[path = "common/window.rs"]
mod window;

#[test]
fn the_network_window_exports_what_the_command_line_writes() {
    use egui_kittest::kittest::Queryable as _;
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path());
    let mut harness = window::app(Some(dir.clone()), None);
    window::menu(&mut harness, &["Analyse", "Aussagen-Netzwerk …"]);
    // Two-mode over all documents first: it says what it holds and what
    // it leaves out (none: no date range, no windows).
    harness.get_by_label_contains("Aussagen: 4 Akteure, 2 Spalten");
    window::menu(
        &mut harness,
        &["Akteure × Akteure", "Haltung:", "gleiche Seite (Kongruenz)"],
    );
    window::type_into(&mut harness, "Bis:", "2022-01-05");
    let computed = harness.state().analysis_network_computed();
    harness.run_steps(5);
    assert_eq!(
        harness.state().analysis_network_computed(),
        computed,
        "computed when a choice changes, not per frame"
    );
    let from_window = window::write_through(
        &mut harness,
        "Exportieren …",
        &tmp.path().join("fenster.graphml"),
    );
    let cli = tmp.path().join("befehl.graphml");
    ok(&[
        &"network",
        &dir,
        &"--type",
        &"onemode",
        &"--qualifier-aggregation",
        &"congruence",
        &"--to",
        &"2022-01-05",
        &"-f",
        &"graphml",
        &"-o",
        &cli,
    ]);
    assert_eq!(from_window, std::fs::read_to_string(&cli).unwrap());
    assert!(!parse_graphml(&from_window).edges.is_empty());
    let notice = harness
        .state()
        .messages()
        .current_notice()
        .unwrap_or_default()
        .to_owned();
    assert!(notice.contains("fenster.graphml"), "{notice}");
}
