//! Writing session files fast: the same text ron's pretty-printer makes.
//!
//! ron formats at about 150 MB/s, so a session with 100 000 annotations
//! (50 MB) took a third of a second to format alone. A session has a fixed
//! shape, so this module writes it directly, with ron's layout (four-space
//! indent, structures nested three deep on their own lines, deeper ones on
//! one line) and ron's string escaping (`char::escape_debug`, char by char).
//! Reading stays with ron. A property test checks that this writer and ron
//! produce the same bytes for random sessions.

use crate::actors::{Actor, ActorId};
use crate::annotation::{Annotation, Concept, SessionView};

/// Appends `text` as a RON string literal, escaped as ron escapes it.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            // What `char::escape_debug` does to these, done directly.
            '"' | '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push('"');
}

/// Appends `items` as a one-line RON list of strings: `["a", "b"]`.
fn string_list<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, item);
    }
    out.push(']');
}

/// Appends a record's unknown fields, kept from the file it was read from,
/// one a line at `indent`, as they were written.
fn extra(out: &mut String, extra: &crate::extra::Extra, indent: &str) {
    for (name, value) in extra.iter() {
        out.push_str(indent);
        out.push_str(name);
        out.push_str(": ");
        out.push_str(value);
        out.push_str(",\n");
    }
}

/// Appends a record's attributes on one line, as ron writes a map below
/// its depth limit (`attributes: {"Type": "NGO"},`); nothing when empty.
fn attributes(out: &mut String, attributes: &std::collections::BTreeMap<String, String>) {
    if attributes.is_empty() {
        return;
    }
    out.push_str("            attributes: {");
    for (i, (name, value)) in attributes.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, name);
        out.push_str(": ");
        string(out, value);
    }
    out.push_str("},\n");
}

fn actor(out: &mut String, a: &Actor) {
    out.push_str("        (\n            id: ");
    string(out, a.id.as_str());
    out.push_str(",\n            name: ");
    string(out, &a.name);
    out.push_str(&format!(
        ",\n            kind: {:?},\n            aliases: ",
        a.kind
    ));
    string_list(out, a.aliases.iter().map(String::as_str));
    out.push_str(",\n            colour: ");
    string(out, &a.colour.to_hex());
    out.push_str(",\n            note: ");
    string(out, &a.note);
    out.push_str(",\n");
    attributes(out, &a.attributes);
    extra(out, &a.extra, "            ");
    out.push_str("        ),\n");
}

fn concept(out: &mut String, c: &Concept) {
    out.push_str("        (\n            id: ");
    string(out, c.id.as_str());
    out.push_str(",\n            name: ");
    string(out, &c.name);
    out.push_str(",\n            note: ");
    string(out, &c.note);
    out.push_str(",\n");
    attributes(out, &c.attributes);
    extra(out, &c.extra, "            ");
    out.push_str("        ),\n");
}

fn annotation(out: &mut String, a: &Annotation) {
    let quote = &a.target.quote;
    out.push_str("        (\n            id: ");
    string(out, &a.id.0);
    if let Some(reader) = &a.reader {
        out.push_str(",\n            reader: Some(");
        string(out, reader);
        out.push(')');
    }
    out.push_str(&format!(
        ",\n            target: (start: {}, end: {}, quote: (prefix: ",
        a.target.start, a.target.end
    ));
    string(out, &quote.prefix);
    out.push_str(", exact: ");
    string(out, &quote.exact);
    out.push_str(", suffix: ");
    string(out, &quote.suffix);
    out.push_str(&format!(
        ")),\n            colour: {:?},\n            actors: ",
        a.colour
    ));
    string_list(out, a.actors.iter().map(ActorId::as_str));
    if let Some(statement) = &a.statement {
        out.push_str(",\n            statement: Some((actor: ");
        string(out, statement.actor.as_str());
        out.push_str(", concept: ");
        string(out, statement.concept.as_str());
        out.push_str(&format!(", stance: {:?}))", statement.stance));
    }
    out.push_str(",\n            note: ");
    string(out, &a.note);
    out.push_str(",\n            created: ");
    string(out, &a.created.to_string());
    out.push_str(",\n            modified: ");
    string(out, &a.modified.to_string());
    out.push_str(",\n");
    extra(out, &a.extra, "            ");
    out.push_str("        ),\n");
}

/// The session as RON text, starting with `Session(`.
#[must_use]
pub fn session_text(session: &SessionView<'_>) -> String {
    // About 500 bytes an annotation; one allocation for most sessions.
    let mut out =
        String::with_capacity(1024 + 600 * session.annotations.len() + 400 * session.actors.len());
    let doc = &session.document;
    out.push_str(&format!(
        "Session(\n    format: {},\n    document: (\n        title: ",
        session.format
    ));
    string(&mut out, &doc.title);
    out.push_str(",\n        path: ");
    match &doc.path {
        Some(path) => {
            out.push_str("Some(");
            string(&mut out, path);
            out.push(')');
        }
        None => out.push_str("None"),
    }
    out.push_str(",\n        hash: ");
    string(&mut out, &doc.hash);
    out.push_str(&format!(",\n        chars: {},\n", doc.chars));
    for (name, value) in [
        ("source_hash", &doc.source_hash),
        ("extractor", &doc.extractor),
        ("url", &doc.url),
    ] {
        if let Some(value) = value {
            out.push_str(&format!("        {name}: Some("));
            string(&mut out, value);
            out.push_str("),\n");
        }
    }
    extra(&mut out, &doc.extra, "        ");
    out.push_str("    ),\n    actors: ");
    if session.actors.is_empty() {
        out.push_str("[],\n");
    } else {
        out.push_str("[\n");
        for a in session.actors {
            actor(&mut out, a);
        }
        out.push_str("    ],\n");
    }
    if !session.concepts.is_empty() {
        out.push_str("    concepts: [\n");
        for c in session.concepts {
            concept(&mut out, c);
        }
        out.push_str("    ],\n");
    }
    out.push_str("    annotations: ");
    if session.annotations.is_empty() {
        out.push_str("[],\n");
    } else {
        out.push_str("[\n");
        for a in session.annotations {
            annotation(&mut out, a);
        }
        out.push_str("    ],\n");
    }
    if !session.legend.is_empty() {
        out.push_str("    legend: {\n");
        for (colour, meaning) in session.legend {
            out.push_str(&format!("        {colour:?}: "));
            string(&mut out, meaning);
            out.push_str(",\n");
        }
        out.push_str("    },\n");
    }
    extra(&mut out, session.extra, "    ");
    out.push_str(")\n");
    out
}

#[cfg(test)]
mod tests {
    use crate::actors::{Actor, ActorId, ActorKind};
    use crate::annotation::{Concept, ConceptId, DocumentRef, Session};

    #[test]
    fn attributes_of_actors_and_concepts_are_written_as_ron_writes_them() {
        let mut actor = Actor::new(ActorId("epa".into()), "EPA", ActorKind::Organisation);
        actor.attributes.insert("Type".into(), "Government".into());
        actor
            .attributes
            .insert("Ort \"DC\"".into(), "Washington, D.C.".into());
        let mut session = Session::new(DocumentRef::default(), vec![actor]);
        let mut concept = Concept::new(ConceptId("co2".into()), "CO2");
        concept.attributes.insert("Type".into(), "policy".into());
        session.concepts.push(concept);
        let ours = super::session_text(&session.view());
        let ron = crate::storage::session_to_ron_by_ron(&session).unwrap();
        assert_eq!(ours, ron);
        assert!(ours.contains("attributes: {"), "{ours}");
        let (back, _) = crate::storage::parse_session(&ours).unwrap();
        assert_eq!(back.actors[0].attributes["Type"], "Government");
        assert_eq!(back.concepts[0].attributes["Type"], "policy");
    }
}
