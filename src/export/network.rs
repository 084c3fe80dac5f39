//! The actor network: actors as nodes, an edge between two actors that share
//! an annotation, weighted by how many they share. As GraphML (Gephi, visone,
//! yEd) and as a CSV edge list.

use std::collections::BTreeMap;

use super::Input;
use super::escape::Csv;
use super::xml::Xml;
use crate::actors::{ActorId, MentionIndex};
use crate::annotation::{ConceptId, Stance};

/// Undirected edges between actor ids with their weights, in id order.
#[must_use]
pub fn co_occurrence(input: &Input<'_>) -> BTreeMap<(ActorId, ActorId), usize> {
    let mut edges = BTreeMap::new();
    for annotation in &input.session.annotations {
        let mut ids: Vec<&ActorId> = annotation.actors.iter().collect();
        ids.sort();
        ids.dedup();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                *edges.entry(((*a).clone(), (*b).clone())).or_default() += 1;
            }
        }
    }
    edges
}

/// The network as GraphML.
#[must_use]
pub fn graphml(input: &Input<'_>) -> String {
    let session = input.session;
    let mentions = MentionIndex::build(&session.actors, input.document.text());
    let mut out = graphml_head(&[
        ("label", "node", "string"),
        ("kind", "node", "string"),
        ("colour", "node", "string"),
        ("mentions", "node", "int"),
        ("annotations", "node", "int"),
        ("note", "node", "string"),
        ("weight", "edge", "double"),
    ]);
    out.open("graph", &[("id", "actors"), ("edgedefault", "undirected")]);
    for (i, actor) in session.actors.iter().enumerate() {
        let annotated = session
            .annotations
            .iter()
            .filter(|a| a.actors.contains(&actor.id))
            .count();
        out.open("node", &[("id", &node_id(actor.id.as_str()))]);
        data(&mut out, "label", &actor.name);
        data(&mut out, "kind", &format!("{:?}", actor.kind));
        data(&mut out, "colour", &actor.colour.to_hex());
        data(&mut out, "mentions", &mentions.of(i).len().to_string());
        data(&mut out, "annotations", &annotated.to_string());
        if !actor.note.is_empty() {
            data(&mut out, "note", &actor.note);
        }
        out.close("node");
    }
    for (n, ((a, b), weight)) in co_occurrence(input).iter().enumerate() {
        open_edge(&mut out, n, &node_id(a.as_str()), &node_id(b.as_str()));
        data(&mut out, "weight", &weight.to_string());
        out.close("edge");
    }
    graphml_end(out)
}

/// The network as a CSV edge list (Gephi's "Source,Target,Type,Weight").
#[must_use]
pub fn edges_csv(input: &Input<'_>) -> String {
    let mut out = Csv::with_header(&[
        "Source",
        "Target",
        "Type",
        "Weight",
        "Source label",
        "Target label",
    ]);
    let name = |id: &ActorId| {
        input
            .session
            .actor(id)
            .map_or_else(|| id.0.clone(), |a| a.name.clone())
    };
    for ((a, b), weight) in co_occurrence(input) {
        out.row(&[
            a.0.clone(),
            b.0.clone(),
            "Undirected".into(),
            weight.to_string(),
            name(&a),
            name(&b),
        ]);
    }
    out.finish()
}

/// A GraphML document up to its keys: `(id, for, type)` each, the id
/// doubling as the attribute's name.
pub(super) fn graphml_head(keys: &[(&str, &str, &str)]) -> Xml {
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
    for (id, of, kind) in keys {
        out.empty(
            "key",
            &[
                ("id", id),
                ("for", of),
                ("attr.name", id),
                ("attr.type", kind),
            ],
        );
    }
    out
}

/// Closes the graph and the document.
pub(super) fn graphml_end(mut out: Xml) -> String {
    out.close("graph");
    out.close("graphml");
    out.finish()
}

/// Opens the `n`th edge, from `source` to `target` (node ids).
pub(super) fn open_edge(out: &mut Xml, n: usize, source: &str, target: &str) {
    out.open(
        "edge",
        &[
            ("id", &format!("e{n}")),
            ("source", source),
            ("target", target),
        ],
    );
}

/// One `<data>` value of a node or edge.
pub(super) fn data(out: &mut Xml, key: &str, value: &str) {
    out.text("data", &[("key", key)], value);
}

/// Statements counted by (actor, concept, stance), in id order.
#[must_use]
pub fn statements(input: &Input<'_>) -> BTreeMap<(ActorId, ConceptId, Stance), usize> {
    let mut counts = BTreeMap::new();
    for s in input
        .session
        .annotations
        .iter()
        .filter_map(|a| a.statement.as_ref())
    {
        *counts
            .entry((s.actor.clone(), s.concept.clone(), s.stance))
            .or_default() += 1;
    }
    counts
}

/// The two-mode actor–concept network as GraphML: actors and concepts as
/// nodes (`type` says which), an edge from an actor to a concept per stance
/// it takes, weighted by how many statements say so.
#[must_use]
pub fn concept_graphml(input: &Input<'_>) -> String {
    let session = input.session;
    let counts = statements(input);
    let mut out = graphml_head(&[
        ("label", "node", "string"),
        ("type", "node", "string"),
        ("stance", "edge", "string"),
        ("weight", "edge", "double"),
    ]);
    out.open(
        "graph",
        &[("id", "actors-concepts"), ("edgedefault", "directed")],
    );
    let speaking: std::collections::BTreeSet<&ActorId> = counts.keys().map(|(a, _, _)| a).collect();
    for actor in session.actors.iter().filter(|a| speaking.contains(&a.id)) {
        out.open(
            "node",
            &[("id", &format!("actor:{}", node_id(actor.id.as_str())))],
        );
        data(&mut out, "label", &actor.name);
        data(&mut out, "type", "actor");
        out.close("node");
    }
    for concept in &session.concepts {
        out.open(
            "node",
            &[("id", &format!("concept:{}", node_id(concept.id.as_str())))],
        );
        data(&mut out, "label", &concept.name);
        data(&mut out, "type", "concept");
        out.close("node");
    }
    for (n, ((actor, concept, stance), weight)) in counts.iter().enumerate() {
        open_edge(
            &mut out,
            n,
            &format!("actor:{}", node_id(actor.as_str())),
            &format!("concept:{}", node_id(concept.as_str())),
        );
        data(&mut out, "stance", stance.name());
        data(&mut out, "weight", &weight.to_string());
        out.close("edge");
    }
    graphml_end(out)
}

/// An edge of the one-mode actor network: two actors (in id order) and the
/// concepts on which they take the same side (congruence) or opposite sides
/// (conflict).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorTie {
    /// Concepts both agree with or both disagree with.
    pub congruence: Vec<ConceptId>,
    /// Concepts one agrees with and the other disagrees with.
    pub conflict: Vec<ConceptId>,
}

/// The one-mode actor network by shared concepts, as discourse network
/// analysis builds it: two actors are congruent on a concept when both
/// agree or both disagree with it, in conflict when one agrees and the
/// other disagrees. Neutral statements take no side and make no tie. An
/// actor that both agrees and disagrees with a concept counts with both.
#[must_use]
pub fn actor_ties(input: &Input<'_>) -> BTreeMap<(ActorId, ActorId), ActorTie> {
    // For each concept: who agrees, who disagrees.
    let mut sides: BTreeMap<&ConceptId, [std::collections::BTreeSet<&ActorId>; 2]> =
        BTreeMap::new();
    for s in input
        .session
        .annotations
        .iter()
        .filter_map(|a| a.statement.as_ref())
    {
        let side = match s.stance {
            Stance::Agrees => 0,
            Stance::Disagrees => 1,
            Stance::Neutral => continue,
        };
        sides.entry(&s.concept).or_default()[side].insert(&s.actor);
    }
    let mut ties: BTreeMap<(ActorId, ActorId), ActorTie> = BTreeMap::new();
    let pair = |a: &ActorId, b: &ActorId| {
        if a < b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    for (concept, [agree, disagree]) in &sides {
        for side in [agree, disagree] {
            let members: Vec<&&ActorId> = side.iter().collect();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    let tie = ties.entry(pair(a, b)).or_default();
                    tie.congruence.push((*concept).clone());
                }
            }
        }
        for a in agree {
            for b in disagree {
                if a != b {
                    let tie = ties.entry(pair(a, b)).or_default();
                    tie.conflict.push((*concept).clone());
                }
            }
        }
    }
    ties
}

/// The one-mode congruence and conflict network as GraphML: actors as
/// nodes; between two actors an edge with `relation` "congruence" weighted
/// by the concepts they agree on, and one with "conflict" weighted by the
/// concepts they disagree on (parallel edges, as GraphML allows).
#[must_use]
pub fn congruence_graphml(input: &Input<'_>) -> String {
    let session = input.session;
    let ties = actor_ties(input);
    let mut out = graphml_head(&[
        ("label", "node", "string"),
        ("relation", "edge", "string"),
        ("concepts", "edge", "string"),
        ("weight", "edge", "double"),
    ]);
    out.open(
        "graph",
        &[("id", "congruence-conflict"), ("edgedefault", "undirected")],
    );
    for actor in &session.actors {
        out.open("node", &[("id", &node_id(actor.id.as_str()))]);
        data(&mut out, "label", &actor.name);
        out.close("node");
    }
    let concept_names = |ids: &[ConceptId]| {
        ids.iter()
            .map(|id| session.concept(id).map_or(id.as_str(), |c| c.name.as_str()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut n = 0;
    for ((a, b), tie) in &ties {
        for (relation, concepts) in [("congruence", &tie.congruence), ("conflict", &tie.conflict)] {
            if concepts.is_empty() {
                continue;
            }
            open_edge(&mut out, n, &node_id(a.as_str()), &node_id(b.as_str()));
            data(&mut out, "relation", relation);
            data(&mut out, "concepts", &concept_names(concepts));
            data(&mut out, "weight", &concepts.len().to_string());
            out.close("edge");
            n += 1;
        }
    }
    graphml_end(out)
}

/// Chars a node id keeps as they are: ASCII letters, digits, `-`, `_`, `.`.
const NODE_ID_KEEPS: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

/// A node id for an actor or concept id: XML attribute text that is
/// different for every different id. XML out drops the control characters
/// XML cannot hold, so "a\u{1}" and "a" would be one node; here every other
/// byte is percent-encoded (`%XX` of its UTF-8), `%` itself included, so the
/// id can be read back.
pub(super) fn node_id(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, NODE_ID_KEEPS).to_string()
}
