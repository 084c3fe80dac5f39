//! The actor network: actors as nodes, an edge between two actors that share
//! an annotation, weighted by how many they share. As GraphML (Gephi, visone,
//! yEd) and as a CSV edge list.

use std::collections::BTreeMap;

use super::escape::{Csv, xml};
use super::{Input, putln};
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
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n\
         \x20 <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         \x20 <key id=\"colour\" for=\"node\" attr.name=\"colour\" attr.type=\"string\"/>\n\
         \x20 <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n\
         \x20 <key id=\"annotations\" for=\"node\" attr.name=\"annotations\" attr.type=\"int\"/>\n\
         \x20 <key id=\"note\" for=\"node\" attr.name=\"note\" attr.type=\"string\"/>\n\
         \x20 <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
    );
    putln!(
        out,
        "  <graph id=\"{}\" edgedefault=\"undirected\">",
        xml("actors")
    );
    for (i, actor) in session.actors.iter().enumerate() {
        let annotated = session
            .annotations
            .iter()
            .filter(|a| a.actors.contains(&actor.id))
            .count();
        putln!(out, "    <node id=\"{}\">", node_id(actor.id.as_str()));
        putln!(out, "      <data key=\"label\">{}</data>", xml(&actor.name));
        putln!(out, "      <data key=\"kind\">{:?}</data>", actor.kind);
        putln!(
            out,
            "      <data key=\"colour\">{}</data>",
            actor.colour.to_hex()
        );
        putln!(
            out,
            "      <data key=\"mentions\">{}</data>",
            mentions.of(i).len()
        );
        putln!(out, "      <data key=\"annotations\">{annotated}</data>");
        if !actor.note.is_empty() {
            putln!(out, "      <data key=\"note\">{}</data>", xml(&actor.note));
        }
        out.push_str("    </node>\n");
    }
    for (n, ((a, b), weight)) in co_occurrence(input).iter().enumerate() {
        putln!(
            out,
            "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{weight}</data></edge>",
            node_id(a.as_str()),
            node_id(b.as_str())
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
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

const GRAPHML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
     <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
     xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
     xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

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
    let mut out = String::from(GRAPHML_HEAD);
    out.push_str(
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n\
         \x20 <key id=\"stance\" for=\"edge\" attr.name=\"stance\" attr.type=\"string\"/>\n\
         \x20 <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         \x20 <graph id=\"actors-concepts\" edgedefault=\"directed\">\n",
    );
    let speaking: std::collections::BTreeSet<&ActorId> = counts.keys().map(|(a, _, _)| a).collect();
    for actor in session.actors.iter().filter(|a| speaking.contains(&a.id)) {
        putln!(
            out,
            "    <node id=\"actor:{}\"><data key=\"label\">{}</data><data key=\"type\">actor</data></node>",
            node_id(actor.id.as_str()),
            xml(&actor.name)
        );
    }
    for concept in &session.concepts {
        putln!(
            out,
            "    <node id=\"concept:{}\"><data key=\"label\">{}</data><data key=\"type\">concept</data></node>",
            node_id(concept.id.as_str()),
            xml(&concept.name)
        );
    }
    for (n, ((actor, concept, stance), weight)) in counts.iter().enumerate() {
        putln!(
            out,
            "    <edge id=\"e{n}\" source=\"actor:{}\" target=\"concept:{}\"><data key=\"stance\">{}</data><data key=\"weight\">{weight}</data></edge>",
            node_id(actor.as_str()),
            node_id(concept.as_str()),
            stance.name()
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
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
    let mut out = String::from(GRAPHML_HEAD);
    out.push_str(
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n\
         \x20 <key id=\"concepts\" for=\"edge\" attr.name=\"concepts\" attr.type=\"string\"/>\n\
         \x20 <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
         \x20 <graph id=\"congruence-conflict\" edgedefault=\"undirected\">\n",
    );
    for actor in &session.actors {
        putln!(
            out,
            "    <node id=\"{}\"><data key=\"label\">{}</data></node>",
            node_id(actor.id.as_str()),
            xml(&actor.name)
        );
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
            putln!(
                out,
                "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\"><data key=\"relation\">{relation}</data><data key=\"concepts\">{}</data><data key=\"weight\">{}</data></edge>",
                node_id(a.as_str()),
                node_id(b.as_str()),
                xml(&concept_names(concepts)),
                concepts.len()
            );
            n += 1;
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Chars a node id keeps as they are: ASCII letters, digits, `-`, `_`, `.`.
const NODE_ID_KEEPS: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.');

/// A node id for an actor or concept id: XML attribute text that is
/// different for every different id. `xml()` drops the control characters
/// XML cannot hold, so "a\u{1}" and "a" became one node; here every other
/// byte is percent-encoded (`%XX` of its UTF-8), `%` itself included, so the
/// id can be read back.
fn node_id(id: &str) -> String {
    percent_encoding::utf8_percent_encode(id, NODE_ID_KEEPS).to_string()
}
