//! The actor network: actors as nodes, an edge between two actors that share
//! an annotation, weighted by how many they share. As GraphML (Gephi, visone,
//! yEd) and as a CSV edge list.

use std::collections::BTreeMap;

use super::escape::{csv_line, xml};
use super::{Input, putln};
use crate::actors::{ActorId, MentionIndex};

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
        putln!(out, "    <node id=\"{}\">", xml(actor.id.as_str()));
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
            xml(a.as_str()),
            xml(b.as_str())
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The network as a CSV edge list (Gephi's "Source,Target,Type,Weight").
#[must_use]
pub fn edges_csv(input: &Input<'_>) -> String {
    let mut out = csv_line(&[
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
        out.push_str(&csv_line(&[
            a.0.clone(),
            b.0.clone(),
            "Undirected".into(),
            weight.to_string(),
            name(&a),
            name(&b),
        ]));
    }
    out
}
