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

use super::xml::Xml;
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
    let mut out = Xml::new();
    let version = format!("Randnotiz {}", env!("CARGO_PKG_VERSION"));
    out.open(
        "Project",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                &format!("{NAMESPACE} Project-mrt2019.xsd"),
            ),
            ("name", doc.title_or_default()),
            ("origin", &version),
            ("creatingUserGUID", &user_guid),
            ("creationDateTime", &now),
        ],
    );
    out.open("Users", &[]);
    out.empty("User", &[("guid", &user_guid), ("name", "Randnotiz")]);
    for reader in &readers {
        let guid = guid(input, &format!("user:{reader}"));
        out.empty("User", &[("guid", &guid), ("name", reader)]);
    }
    out.close("Users");

    // Codes: actors and colours.
    out.open("CodeBook", &[]);
    out.open("Codes", &[]);
    let group = |out: &mut Xml, key: &str, name: &str| {
        out.open(
            "Code",
            &[
                ("guid", &guid(input, key)),
                ("name", name),
                ("isCodable", "false"),
            ],
        );
    };
    let code = |out: &mut Xml, key: &str, name: &str, colour: &str, description: &str| {
        out.open(
            "Code",
            &[
                ("guid", &guid(input, key)),
                ("name", name),
                ("isCodable", "true"),
                ("color", colour),
            ],
        );
        out.text("Description", &[], description);
        out.close("Code");
    };
    group(&mut out, "code:actors", t.actors_title);
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
        code(
            &mut out,
            &format!("actor:{}", actor.id),
            &actor.name,
            &actor.colour.to_hex(),
            &description,
        );
    }
    out.close("Code");
    group(&mut out, "code:colours", t.report_colours);
    for colour in Colour::ALL {
        code(
            &mut out,
            &format!("colour:{colour:?}"),
            &format!("{} – {}", colour.name(), session.meaning(colour)),
            &colour.hex(),
            session.meaning(colour),
        );
    }
    out.close("Code");
    // Concepts, each with a code per stance: a statement is a coding with
    // its concept's stance code (the speaker is among the actor codings).
    if !session.concepts.is_empty() {
        group(&mut out, "code:concepts", t.qdpx_concepts);
        for concept in &session.concepts {
            group(&mut out, &format!("concept:{}", concept.id), &concept.name);
            if !concept.note.trim().is_empty() {
                out.text("Description", &[], &concept.note);
            }
            for stance in Stance::ALL {
                out.empty(
                    "Code",
                    &[
                        (
                            "guid",
                            &guid(input, &format!("concept:{}:{}", concept.id, stance.name())),
                        ),
                        ("name", &format!("{} – {}", concept.name, stance.label())),
                        ("isCodable", "true"),
                    ],
                );
            }
            out.close("Code");
        }
        out.close("Code");
    }
    out.close("Codes");
    out.close("CodeBook");

    // The text and its selections.
    let (placed, orphans): (Vec<&Annotation>, Vec<&Annotation>) = input
        .in_order()
        .into_iter()
        .partition(|a| !input.is_orphaned(a));
    out.open("Sources", &[]);
    out.open(
        "TextSource",
        &[
            ("guid", &source_guid),
            ("name", doc.title_or_default()),
            ("plainTextPath", &format!("internal://{source_guid}.txt")),
            ("creatingUser", &user_guid),
            ("creationDateTime", &now),
        ],
    );
    out.text("Description", &[], &input.source_name());
    for a in &placed {
        let range = a.range();
        let user_guid = user_of(a);
        let created = a.created.to_string();
        out.open(
            "PlainTextSelection",
            &[
                ("guid", &guid(input, &format!("annotation:{}", a.id))),
                ("name", &super::excerpt(a.quote(), 60)),
                ("startPosition", &range.start.to_string()),
                ("endPosition", &range.end.to_string()),
                ("creatingUser", &user_guid),
                ("creationDateTime", &created),
                ("modifyingUser", &user_guid),
                ("modifiedDateTime", &a.modified.to_string()),
            ],
        );
        if !a.note.trim().is_empty() {
            out.text("Description", &[], &a.note);
        }
        let coding = |out: &mut Xml, key: &str, target: &str| {
            out.open(
                "Coding",
                &[
                    ("guid", &guid(input, &format!("coding:{}:{key}", a.id))),
                    ("creatingUser", &user_guid),
                    ("creationDateTime", &created),
                ],
            );
            out.empty("CodeRef", &[("targetGUID", &guid(input, target))]);
            out.close("Coding");
        };
        for id in &a.actors {
            coding(&mut out, id.as_str(), &format!("actor:{id}"));
        }
        coding(&mut out, "colour", &format!("colour:{:?}", a.colour));
        if let Some(s) = a
            .statement
            .as_ref()
            .filter(|s| session.concept(&s.concept).is_some())
        {
            coding(
                &mut out,
                "statement",
                &format!("concept:{}:{}", s.concept, s.stance.name()),
            );
        }
        out.close("PlainTextSelection");
    }
    out.close("TextSource");
    out.close("Sources");

    // Orphans as notes: their quote and note, kept.
    if !orphans.is_empty() {
        out.open("Notes", &[]);
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
            out.open(
                "Note",
                &[
                    ("guid", &guid(input, &format!("orphan:{}", a.id))),
                    ("name", &fill(t.qdpx_orphan_name, &[("id", &a.id)])),
                    ("creatingUser", &user_guid),
                    ("creationDateTime", &a.created.to_string()),
                ],
            );
            out.text("PlainTextContent", &[], &content);
            out.close("Note");
        }
        out.close("Notes");
    }
    out.close("Project");
    out.finish()
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
