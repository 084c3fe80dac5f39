//! The statement networks of a corpus (computed in
//! `analysis::corpus_network`) as files other tools read: a labelled CSV
//! matrix (R's `read.csv(row.names = 1)`, pandas' `read_csv(index_col=0)`),
//! GraphML with node attributes (Gephi, visone, yEd, igraph), a folder of
//! one file per time window, and one dynamic GraphML whose edges carry the
//! first and last day of their window (`start`, `end`).
//!
//! Gephi reads `start` and `end` as columns; *Data Laboratory → Merge
//! columns → Create time interval* (format `yyyy-MM-dd`) makes them the
//! interval its timeline plays.

use std::path::{Path, PathBuf};

use super::ExportError;
use super::escape::Csv;
use super::network::{data, node_id, open_edge};
use super::xml::Xml;
use crate::analysis::corpus_network::{Mode, Network, Node, format_value};
use crate::fsio::{self, Backup, SaveError};
use crate::storage;

/// A file format for networks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NetworkFormat {
    /// A labelled matrix.
    Csv,
    /// GraphML.
    GraphMl,
}

impl NetworkFormat {
    /// The command line's name, and the file extension.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::GraphMl => "graphml",
        }
    }

    /// The network in this format.
    #[must_use]
    pub fn render(self, network: &Network) -> String {
        match self {
            Self::Csv => matrix_csv(network),
            Self::GraphMl => graphml(network),
        }
    }
}

/// The labels of `nodes` as a matrix shows them: a split column's stance
/// after its concept (`Abzug (agrees)`), and a label that is already there
/// followed by the node's id, so every row and column has its own name (R
/// refuses a matrix with two rows of one name).
#[must_use]
pub fn labels(nodes: &[Node]) -> Vec<String> {
    let base = |n: &Node| match n.stance {
        Some(stance) => format!("{} ({})", n.label, stance.name()),
        None => n.label.clone(),
    };
    let mut out: Vec<String> = Vec::with_capacity(nodes.len());
    let mut taken = std::collections::HashSet::new();
    for node in nodes {
        let mut label = base(node);
        if !taken.insert(label.clone()) {
            label = format!("{label} [{}]", node.id);
            let mut n = 2;
            while !taken.insert(label.clone()) {
                label = format!("{} [{}] {n}", base(node), node.id);
                n += 1;
            }
        }
        out.push(label);
    }
    out
}

/// The network as a CSV matrix: the first row the column labels (its
/// first cell empty), then one row per actor, its label first.
#[must_use]
pub fn matrix_csv(network: &Network) -> String {
    let mut header = vec![String::new()];
    header.extend(labels(&network.columns));
    let mut out = Csv::with_header(&header);
    let width = network.columns.len();
    for (r, label) in labels(&network.rows).iter().enumerate() {
        let values: Vec<String> = network.cells[r * width..(r + 1) * width]
            .iter()
            .map(|&v| format_value(v, network.integer))
            .collect();
        out.labelled_values(label, &values);
    }
    out.finish()
}

/// The keys a network's GraphML declares: `(id, for, name, type)`.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("type", "node", "type", "string"),
    ("colour", "node", "colour", "string"),
    ("kind", "node", "kind", "string"),
    ("statements", "node", "statements", "int"),
    ("weight", "edge", "weight", "double"),
    ("relation", "edge", "relation", "string"),
    ("stance", "edge", "stance", "string"),
    ("normalization", "graph", "normalization", "string"),
];

/// The keys a dynamic GraphML adds: the days a node or edge is there.
const DYNAMIC_KEYS: &[(&str, &str, &str, &str)] = &[
    ("start", "node", "start", "string"),
    ("end", "node", "end", "string"),
    ("edge_start", "edge", "start", "string"),
    ("edge_end", "edge", "end", "string"),
    ("window", "edge", "window", "int"),
];

/// The keys of a window's own file: its first and last day.
const WINDOW_KEYS: &[(&str, &str, &str, &str)] = &[
    ("window_start", "graph", "start", "string"),
    ("window_end", "graph", "end", "string"),
    ("window_centre", "graph", "centre", "string"),
];

fn head(keys: &[&[(&str, &str, &str, &str)]]) -> Xml {
    let mut out = Xml::new();
    out.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    for (id, of, name, kind) in keys.iter().flat_map(|k| k.iter()) {
        out.empty(
            "key",
            &[
                ("id", id),
                ("for", of),
                ("attr.name", name),
                ("attr.type", kind),
            ],
        );
    }
    out
}

/// A node's GraphML id: `actor:ID`, `concept:ID`.
fn graph_id(node: &Node) -> String {
    format!("{}:{}", node.kind.name(), node_id(&node.id))
}

/// A node element with its attributes (and, for a dynamic file, its days).
fn write_node(out: &mut Xml, node: &Node, days: Option<(&str, &str)>) {
    out.open("node", &[("id", &graph_id(node))]);
    data(out, "label", &node.label);
    data(out, "type", node.kind.name());
    if let Some(colour) = node.colour {
        data(out, "colour", &colour.to_hex());
    }
    if let Some(kind) = node.actor_kind {
        data(out, "kind", &format!("{kind:?}"));
    }
    // Statements differ from window to window: a dynamic file's edges say
    // them, its nodes do not.
    if days.is_none() {
        data(out, "statements", &node.statements.to_string());
    }
    // A node of no window (kept by `isolates`) has no days.
    if let Some((start, end)) = days.filter(|(start, _)| !start.is_empty()) {
        data(out, "start", start);
        data(out, "end", end);
    }
    out.close("node");
}

/// The nodes of `network` once each (a split network's columns name each
/// concept once per stance).
fn distinct_nodes(network: &Network) -> Vec<&Node> {
    let mut seen = std::collections::HashSet::new();
    let mut nodes = Vec::new();
    let columns = match network.mode {
        Mode::TwoMode => network.columns.as_slice(),
        Mode::OneMode => &[],
    };
    for node in network.rows.iter().chain(columns) {
        if seen.insert((node.kind, node.id.as_str())) {
            nodes.push(node);
        }
    }
    nodes
}

/// The edges of `network`: (row, column, value) for every value not 0; a
/// one-mode network's ties once (row before column).
fn edges(network: &Network) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
    let width = network.columns.len();
    (0..network.rows.len()).flat_map(move |r| {
        let from = match network.mode {
            Mode::OneMode => r + 1,
            Mode::TwoMode => 0,
        };
        (from..width).filter_map(move |c| {
            let v = network.value(r, c);
            (v != 0.0).then_some((r, c, v))
        })
    })
}

/// Writes the edges of `network` (numbered from `n`); for a dynamic file
/// with the window's days and number. Returns the next edge number.
fn write_edges(
    out: &mut Xml,
    network: &Network,
    mut n: usize,
    dynamic: Option<(usize, &str, &str)>,
) -> usize {
    for (r, c, value) in edges(network) {
        let (row, column) = (&network.rows[r], &network.columns[c]);
        open_edge(out, n, &graph_id(row), &graph_id(column));
        data(out, "weight", &format_value(value, network.integer));
        data(out, "relation", network.aggregation.name());
        if let Some(stance) = column.stance {
            data(out, "stance", stance.name());
        }
        if let Some((window, start, end)) = dynamic {
            data(out, "edge_start", start);
            data(out, "edge_end", end);
            data(out, "window", &window.to_string());
        }
        out.close("edge");
        n += 1;
    }
    n
}

/// The network as GraphML: actors and concepts as nodes (`type`, `label`,
/// `colour`, `kind`, `statements`), an edge for every value not 0
/// (`weight`, a double: a count, or a normalised value; `relation` the
/// aggregation; `stance` for a split column); the graph says its
/// `normalization`, a window's file its days (`start`, `end`, and for
/// DNA's centred windows `centre`).
#[must_use]
pub fn graphml(network: &Network) -> String {
    let mut out = head(&[KEYS, WINDOW_KEYS]);
    out.open(
        "graph",
        &[
            (
                "id",
                &format!("{}-{}", network.mode.name(), network.aggregation.name()),
            ),
            ("edgedefault", "undirected"),
        ],
    );
    data(&mut out, "normalization", network.normalization.name());
    if let Some((start, end)) = network.window {
        data(&mut out, "window_start", &start.to_string());
        data(&mut out, "window_end", &end.to_string());
    }
    if let Some(centre) = network.centre {
        data(&mut out, "window_centre", &centre.to_string());
    }
    for node in distinct_nodes(network) {
        write_node(&mut out, node, None);
    }
    write_edges(&mut out, network, 0, None);
    out.close("graph");
    out.close("graphml");
    out.finish()
}

/// The networks of a series of windows as one dynamic GraphML: every node
/// once, with the first day of the first window and the last day of the
/// last window it has statements in (`start`, `end`; no `statements`, which
/// differ per window); an edge per window and tie, with the window's days
/// (`start`, `end`) and number (`window`, from 1).
#[must_use]
pub fn dynamic_graphml(windows: &[Network]) -> String {
    let mut out = head(&[KEYS, DYNAMIC_KEYS]);
    let (mode, aggregation) = windows.first().map_or(("twomode", "ignore"), |n| {
        (n.mode.name(), n.aggregation.name())
    });
    out.open(
        "graph",
        &[
            ("id", &format!("{mode}-{aggregation}-dynamic")),
            ("edgedefault", "undirected"),
        ],
    );
    if let Some(first) = windows.first() {
        data(&mut out, "normalization", first.normalization.name());
    }
    let day = |n: &Network, last: bool| {
        n.window
            .map(|(s, e)| if last { e } else { s }.to_string())
            .unwrap_or_default()
    };
    // Each node with the windows it has statements in.
    let mut nodes: Vec<(&Node, String, String)> = Vec::new();
    let mut at = std::collections::HashMap::new();
    for network in windows {
        for node in distinct_nodes(network) {
            let active = node.statements > 0;
            let key = (node.kind, node.id.as_str());
            match at.get(&key) {
                None => {
                    at.insert(key, nodes.len());
                    let (s, e) = if active {
                        (day(network, false), day(network, true))
                    } else {
                        (String::new(), String::new())
                    };
                    nodes.push((node, s, e));
                }
                Some(&i) if active => {
                    let entry = &mut nodes[i];
                    if entry.1.is_empty() {
                        entry.1 = day(network, false);
                    }
                    entry.2 = day(network, true);
                }
                Some(_) => {}
            }
        }
    }
    for (node, start, end) in &nodes {
        write_node(&mut out, node, Some((start, end)));
    }
    let mut n = 0;
    for (i, network) in windows.iter().enumerate() {
        let (start, end) = (day(network, false), day(network, true));
        n = write_edges(&mut out, network, n, Some((i + 1, &start, &end)));
    }
    out.close("graph");
    out.close("graphml");
    out.finish()
}

/// The networks as one file: with `dynamic`, the windows as one dynamic
/// GraphML; else the (first) network in `format`.
#[must_use]
pub fn one_file(networks: &[Network], format: NetworkFormat, dynamic: bool) -> String {
    if dynamic {
        dynamic_graphml(networks)
    } else {
        networks
            .first()
            .map(|n| format.render(n))
            .unwrap_or_default()
    }
}

/// The file name of window `index` (from 0) of `count`:
/// `window-01-2022-01-03.graphml`, numbered with as many digits as the
/// last needs, so the files sort in order.
#[must_use]
pub fn window_file_name(
    index: usize,
    count: usize,
    network: &Network,
    format: NetworkFormat,
) -> String {
    let digits = count.max(1).to_string().len();
    let start = network
        .window
        .map(|(s, _)| s.to_string())
        .unwrap_or_default();
    format!("window-{:0digits$}-{start}.{}", index + 1, format.name())
}

/// Writes `text` to `path` atomically (the previous version kept as
/// `.bak`); never over a session file.
///
/// # Errors
/// An [`ExportError`] saying why; an existing file is then unchanged.
pub fn write(path: &Path, text: &str) -> Result<(), ExportError> {
    write_with(path, text, Backup::Keep)
}

fn write_with(path: &Path, text: &str, backup: Backup) -> Result<(), ExportError> {
    fsio::write_replacing(
        path,
        |out| out.write_all(text.as_bytes()),
        |head| !storage::looks_like_session(head),
        backup,
    )
    .map_err(|e| match e {
        SaveError::Foreign { path } => ExportError::WouldOverwrite { path },
        other => ExportError::Save(other),
    })
}

/// Writes every window's network into `dir` (made if missing), one file
/// each, named by [`window_file_name`]; rewriting them keeps no backups
/// (they are a set made anew). Window files of this format an earlier run
/// left there and this one did not write are removed, so that a folder
/// read as one series (`*.csv` in R) holds this series only. Returns the
/// files written and how many were removed.
///
/// # Errors
/// An [`ExportError`] for the first file that could not be written, or an
/// old one that could not be removed.
pub fn write_windows(
    dir: &Path,
    windows: &[Network],
    format: NetworkFormat,
) -> Result<(Vec<PathBuf>, usize), ExportError> {
    std::fs::create_dir_all(dir).map_err(|e| ExportError::Save(SaveError::from_io(dir, e)))?;
    let mut written = Vec::with_capacity(windows.len());
    for (i, network) in windows.iter().enumerate() {
        let path = dir.join(window_file_name(i, windows.len(), network, format));
        write_with(&path, &format.render(network), Backup::None)?;
        written.push(path);
    }
    let mut removed = 0;
    let entries =
        std::fs::read_dir(dir).map_err(|e| ExportError::Save(SaveError::from_io(dir, e)))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let stale = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| is_window_file_name(n, format));
        if stale && !written.contains(&path) && path.is_file() {
            std::fs::remove_file(&path)
                .map_err(|e| ExportError::Save(SaveError::from_io(&path, e)))?;
            removed += 1;
        }
    }
    Ok((written, removed))
}

/// True for a name [`window_file_name`] makes for `format`:
/// `window-DIGITS-[YYYY-MM-DD].EXT`.
fn is_window_file_name(name: &str, format: NetworkFormat) -> bool {
    let Some(rest) = name
        .strip_prefix("window-")
        .and_then(|r| r.strip_suffix(&format!(".{}", format.name())))
    else {
        return false;
    };
    let (number, date) = rest.split_once('-').unwrap_or((rest, ""));
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && (date.is_empty() || date.parse::<jiff::civil::Date>().is_ok())
}
