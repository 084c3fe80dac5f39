//! REFI-QDA projects (`.qdpx`), the exchange format of QualCoder, MAXQDA,
//! ATLAS.ti and NVivo.
//!
//! A ZIP with `project.qde` (QDA-XML 1.0) and the article under `sources/`.
//! Actors become codes (with their colours) under an "Akteure" code, the
//! eight colours codes under "Farben"; each annotation becomes a
//! `PlainTextSelection` (start and end in characters, which is what
//! Randnotiz counts) coded with its actors and colour, its note as the
//! selection's description. Concepts are codes under "Konzepte", each with a
//! code per stance that a statement's selection is coded with; the readers
//! of a merged session are the project's users, each selection created by
//! its reader. Orphaned annotations have no place in the text,
//! so they go into the project's notes with their quote: nothing is dropped.

use std::io::Write as _;

use super::escape::xml;
use super::{ExportError, Input};
use crate::annotation::{Annotation, Colour, Stance};
use crate::i18n::{fill, tr};

/// The namespace of QDA-XML 1.0 projects.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// A GUID derived from the document and a name: the same session exports
/// the same GUIDs, so a re-import recognises its codes.
fn guid(input: &Input<'_>, name: &str) -> String {
    let hash = blake3::hash(format!("{}\u{0}{name}", input.document.hash()).as_bytes());
    let b = hash.as_bytes();
    let hex =
        |r: std::ops::Range<usize>| b[r].iter().map(|x| format!("{x:02x}")).collect::<String>();
    // Version 4 and RFC 4122 variant bits, so tools that check them are content.
    let version = format!("4{}", &hex(6..8)[1..]);
    let variant = format!("{:x}{}", (b[8] & 0x3) | 0x8, &hex(8..10)[1..]);
    format!(
        "{}-{}-{}-{}-{}",
        hex(0..4),
        hex(4..6),
        version,
        variant,
        hex(10..16)
    )
}

/// `project.qde` as XML.
#[must_use]
pub fn project_xml(input: &Input<'_>) -> String {
    let t = tr();
    let session = input.session;
    let doc = input.document;
    let now = crate::annotation::now().to_string();
    let source_guid = guid(input, "source");
    let user_guid = guid(input, "user");
    // Each reader of a merged session is a user of the project; annotations
    // without a reader belong to the default user.
    let readers: Vec<&str> = session.readers().into_iter().flatten().collect();
    let user_of = |a: &Annotation| {
        a.reader
            .as_deref()
            .map_or_else(|| user_guid.clone(), |r| guid(input, &format!("user:{r}")))
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<Project xmlns=\"{NAMESPACE}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"{NAMESPACE} Project-mrt2019.xsd\" name=\"{}\" origin=\"Randnotiz {}\" \
         creatingUserGUID=\"{user_guid}\" creationDateTime=\"{now}\">\n",
        xml(doc.title_or_default()),
        env!("CARGO_PKG_VERSION"),
    ));
    out.push_str(&format!(
        "  <Users>\n    <User guid=\"{user_guid}\" name=\"Randnotiz\"/>\n"
    ));
    for reader in &readers {
        out.push_str(&format!(
            "    <User guid=\"{}\" name=\"{}\"/>\n",
            guid(input, &format!("user:{reader}")),
            xml(reader)
        ));
    }
    out.push_str("  </Users>\n");

    // Codes: actors and colours.
    out.push_str("  <CodeBook>\n    <Codes>\n");
    out.push_str(&format!(
        "      <Code guid=\"{}\" name=\"{}\" isCodable=\"false\">\n",
        guid(input, "code:actors"),
        xml(t.actors_title)
    ));
    for actor in &session.actors {
        let mut description = actor.kind.label().to_owned();
        if !actor.aliases.is_empty() {
            description.push_str(&format!(
                " · {}",
                fill(t.dossier_aliases, &[("aliases", &actor.aliases.join(", "))])
            ));
        }
        if !actor.note.trim().is_empty() {
            description.push_str(&format!("\n{}", actor.note));
        }
        out.push_str(&format!(
            "        <Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n          <Description>{}</Description>\n        </Code>\n",
            guid(input, &format!("actor:{}", actor.id)),
            xml(&actor.name),
            actor.colour.to_hex(),
            xml(&description),
        ));
    }
    out.push_str("      </Code>\n");
    out.push_str(&format!(
        "      <Code guid=\"{}\" name=\"{}\" isCodable=\"false\">\n",
        guid(input, "code:colours"),
        xml(t.report_colours)
    ));
    for colour in Colour::ALL {
        out.push_str(&format!(
            "        <Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"{}\">\n          <Description>{}</Description>\n        </Code>\n",
            guid(input, &format!("colour:{colour:?}")),
            xml(&format!("{} – {}", colour.name(), session.meaning(colour))),
            colour.hex(),
            xml(session.meaning(colour)),
        ));
    }
    out.push_str("      </Code>\n");
    // Concepts, each with a code per stance: a statement is a coding with
    // its concept's stance code (the speaker is among the actor codings).
    if !session.concepts.is_empty() {
        out.push_str(&format!(
            "      <Code guid=\"{}\" name=\"{}\" isCodable=\"false\">\n",
            guid(input, "code:concepts"),
            xml(t.qdpx_concepts)
        ));
        for concept in &session.concepts {
            out.push_str(&format!(
                "        <Code guid=\"{}\" name=\"{}\" isCodable=\"false\">\n",
                guid(input, &format!("concept:{}", concept.id)),
                xml(&concept.name)
            ));
            if !concept.note.trim().is_empty() {
                out.push_str(&format!(
                    "          <Description>{}</Description>\n",
                    xml(&concept.note)
                ));
            }
            for stance in Stance::ALL {
                out.push_str(&format!(
                    "          <Code guid=\"{}\" name=\"{}\" isCodable=\"true\"/>\n",
                    guid(input, &format!("concept:{}:{}", concept.id, stance.name())),
                    xml(&format!("{} – {}", concept.name, stance.label())),
                ));
            }
            out.push_str("        </Code>\n");
        }
        out.push_str("      </Code>\n");
    }
    out.push_str("    </Codes>\n  </CodeBook>\n");

    // The text and its selections.
    let (placed, orphans): (Vec<&Annotation>, Vec<&Annotation>) = input
        .in_order()
        .into_iter()
        .partition(|a| !input.is_orphaned(a));
    out.push_str("  <Sources>\n");
    out.push_str(&format!(
        "    <TextSource guid=\"{source_guid}\" name=\"{}\" plainTextPath=\"internal://{source_guid}.txt\" creatingUser=\"{user_guid}\" creationDateTime=\"{now}\">\n",
        xml(doc.title_or_default()),
    ));
    out.push_str(&format!(
        "      <Description>{}</Description>\n",
        xml(&input.source_name())
    ));
    for a in &placed {
        let range = a.range();
        let user_guid = user_of(a);
        out.push_str(&format!(
            "      <PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{}\" endPosition=\"{}\" creatingUser=\"{user_guid}\" creationDateTime=\"{}\" modifyingUser=\"{user_guid}\" modifiedDateTime=\"{}\">\n",
            guid(input, &format!("annotation:{}", a.id)),
            xml(&super::excerpt(a.quote(), 60)),
            range.start,
            range.end,
            a.created,
            a.modified,
        ));
        if !a.note.trim().is_empty() {
            out.push_str(&format!(
                "        <Description>{}</Description>\n",
                xml(&a.note)
            ));
        }
        for id in &a.actors {
            out.push_str(&format!(
                "        <Coding guid=\"{}\" creatingUser=\"{user_guid}\" creationDateTime=\"{}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
                guid(input, &format!("coding:{}:{id}", a.id)),
                a.created,
                guid(input, &format!("actor:{id}")),
            ));
        }
        out.push_str(&format!(
            "        <Coding guid=\"{}\" creatingUser=\"{user_guid}\" creationDateTime=\"{}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
            guid(input, &format!("coding:{}:colour", a.id)),
            a.created,
            guid(input, &format!("colour:{:?}", a.colour)),
        ));
        if let Some(s) = a
            .statement
            .as_ref()
            .filter(|s| session.concept(&s.concept).is_some())
        {
            out.push_str(&format!(
                "        <Coding guid=\"{}\" creatingUser=\"{user_guid}\" creationDateTime=\"{}\">\n          <CodeRef targetGUID=\"{}\"/>\n        </Coding>\n",
                guid(input, &format!("coding:{}:statement", a.id)),
                a.created,
                guid(input, &format!("concept:{}:{}", s.concept, s.stance.name())),
            ));
        }
        out.push_str("      </PlainTextSelection>\n");
    }
    out.push_str("    </TextSource>\n  </Sources>\n");

    // Orphans as notes: their quote and note, kept.
    if !orphans.is_empty() {
        out.push_str("  <Notes>\n");
        for a in &orphans {
            let names = input.actor_names(a).join(", ");
            let content = fill(
                t.qdpx_orphan_note,
                &[
                    ("quote", &a.quote()),
                    ("actors", &names),
                    ("note", &a.note),
                    ("colour", &a.colour.name()),
                ],
            );
            out.push_str(&format!(
                "    <Note guid=\"{}\" name=\"{}\" creatingUser=\"{user_guid}\" creationDateTime=\"{}\">\n      <PlainTextContent>{}</PlainTextContent>\n    </Note>\n",
                guid(input, &format!("orphan:{}", a.id)),
                xml(&fill(t.qdpx_orphan_name, &[("id", &a.id)])),
                a.created,
                xml(&content),
            ));
        }
        out.push_str("  </Notes>\n");
    }
    out.push_str("</Project>\n");
    out
}

/// The `.qdpx` ZIP: `project.qde` and `sources/<guid>.txt`.
///
/// # Errors
/// [`ExportError::Build`] when the ZIP cannot be assembled.
pub fn export(input: &Input<'_>) -> Result<Vec<u8>, ExportError> {
    let build = |e: &dyn std::fmt::Display| ExportError::Build(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", options)
        .map_err(|e| build(&e))?;
    zip.write_all(project_xml(input).as_bytes())
        .map_err(|e| build(&e))?;
    zip.start_file(format!("sources/{}.txt", guid(input, "source")), options)
        .map_err(|e| build(&e))?;
    zip.write_all(input.document.text().as_bytes())
        .map_err(|e| build(&e))?;
    let cursor = zip.finish().map_err(|e| build(&e))?;
    Ok(cursor.into_inner())
}
