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
//!
//! The parts (users, code book, one text source, the orphans' notes, the
//! ZIP) are written by functions of their own, which the corpus export
//! (`export::corpus`) puts together for many documents.

use std::io::Write as _;

use super::xml::Xml;
use super::{ExportError, Input};
use crate::annotation::{Annotation, Colour, Session, Stance};
use crate::i18n::{fill, tr};

/// The namespace of QDA-XML 1.0 projects.
pub const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

/// GUIDs derived from a seed and a name: the same session (seeded with its
/// text's hash) or the same project (seeded with its name) exports the same
/// GUIDs, so a re-import recognises its codes.
pub struct Guids<'s>(pub &'s str);

impl Guids<'_> {
    /// The GUID of the thing called `name`.
    pub fn of(&self, name: &str) -> String {
        let hash = blake3::hash(format!("{}\u{0}{name}", self.0).as_bytes());
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

    /// The user who made `annotation`: its reader, else the default user.
    pub(super) fn user_of(&self, annotation: &Annotation) -> String {
        self.of(&annotation
            .reader
            .as_deref()
            .map_or_else(|| "user".to_owned(), |reader| format!("user:{reader}")))
    }
}

/// Opens the `Project` element named `name`, and writes its users: the
/// default user and one per reader.
pub(super) fn open_project(out: &mut Xml, guids: &Guids<'_>, name: &str, readers: &[&str]) {
    let user_guid = guids.of("user");
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
            ("name", name),
            ("origin", &version),
            ("creatingUserGUID", &user_guid),
            ("creationDateTime", &crate::annotation::now().to_string()),
        ],
    );
    out.open("Users", &[]);
    out.empty("User", &[("guid", &user_guid), ("name", "Randnotiz")]);
    for reader in readers {
        let guid = guids.of(&format!("user:{reader}"));
        out.empty("User", &[("guid", &guid), ("name", reader)]);
    }
    out.close("Users");
}

/// The code book: actors and colours, and concepts with a code per stance
/// (the actors, concepts and legend of `registry`).
pub(super) fn code_book(out: &mut Xml, guids: &Guids<'_>, registry: &Session) {
    let t = tr();
    out.open("CodeBook", &[]);
    out.open("Codes", &[]);
    let group = |out: &mut Xml, key: &str, name: &str| {
        out.open(
            "Code",
            &[
                ("guid", &guids.of(key)),
                ("name", name),
                ("isCodable", "false"),
            ],
        );
    };
    let code = |out: &mut Xml, key: &str, name: &str, colour: &str, description: &str| {
        out.open(
            "Code",
            &[
                ("guid", &guids.of(key)),
                ("name", name),
                ("isCodable", "true"),
                ("color", colour),
            ],
        );
        out.text("Description", &[], description);
    };
    group(out, "code:actors", t.actors_title);
    // The actor tree as nested codes: each actor inside its parent's code.
    for i in tree_order(
        &registry.actors,
        |a| a.id.as_str(),
        |a| a.parent.as_ref().map(crate::actors::ActorId::as_str),
    ) {
        match i {
            Step::Open(i) => {
                let actor = &registry.actors[i];
                code(
                    out,
                    &format!("actor:{}", actor.id),
                    &actor.name,
                    &actor.colour.to_hex(),
                    &actor_description(actor),
                );
            }
            Step::Close => out.close("Code"),
        }
    }
    out.close("Code");
    group(out, "code:colours", t.report_colours);
    for colour in Colour::ALL {
        code(
            out,
            &format!("colour:{colour:?}"),
            &format!("{} – {}", colour.name(), registry.meaning(colour)),
            &colour.hex(),
            registry.meaning(colour),
        );
        out.close("Code");
    }
    out.close("Code");
    // Concepts, each with a code per stance: a statement is a coding with
    // its concept's stance code (the speaker is among the actor codings).
    if !registry.concepts.is_empty() {
        group(out, "code:concepts", t.qdpx_concepts);
        for step in tree_order(
            &registry.concepts,
            |c| c.id.as_str(),
            |c| c.parent.as_ref().map(crate::annotation::ConceptId::as_str),
        ) {
            let Step::Open(i) = step else {
                out.close("Code");
                continue;
            };
            let concept = &registry.concepts[i];
            group(out, &format!("concept:{}", concept.id), &concept.name);
            if !concept.note.trim().is_empty() {
                out.text("Description", &[], &concept.note);
            }
            for stance in Stance::ALL {
                out.empty(
                    "Code",
                    &[
                        (
                            "guid",
                            &guids.of(&format!("concept:{}:{}", concept.id, stance.name())),
                        ),
                        ("name", &format!("{} – {}", concept.name, stance.label())),
                        ("isCodable", "true"),
                    ],
                );
            }
        }
        out.close("Code");
    }
    out.close("Codes");
    out.close("CodeBook");
}

/// An actor code's description: the kind, the aliases, then the note on
/// a line of its own (the REFI import reads it back).
fn actor_description(actor: &crate::actors::Actor) -> String {
    let t = tr();
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
    description
}

/// One step of writing a tree as nested elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Open item `i` (its children follow, then its [`Step::Close`]).
    Open(usize),
    /// Close the item opened last.
    Close,
}

/// `items` as a tree by their parents, depth first in the list's order:
/// an item whose parent is missing (or in a cycle) stands at the top.
fn tree_order<T>(
    items: &[T],
    id: impl Fn(&T) -> &str,
    parent: impl Fn(&T) -> Option<&str>,
) -> Vec<Step> {
    let index: std::collections::HashMap<&str, usize> =
        items.iter().enumerate().map(|(i, x)| (id(x), i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    let mut roots = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match parent(item).and_then(|p| index.get(p)) {
            Some(&p) if p != i => children[p].push(i),
            _ => roots.push(i),
        }
    }
    let mut out = Vec::with_capacity(items.len() * 2);
    let mut done = vec![false; items.len()];
    let walk = |start: usize, out: &mut Vec<Step>, done: &mut Vec<bool>| {
        let mut stack = vec![(start, 0usize)];
        done[start] = true;
        out.push(Step::Open(start));
        while let Some((at, next)) = stack.last_mut() {
            if let Some(&child) = children[*at].get(*next) {
                *next += 1;
                if !done[child] {
                    done[child] = true;
                    out.push(Step::Open(child));
                    stack.push((child, 0));
                }
            } else {
                stack.pop();
                out.push(Step::Close);
            }
        }
    };
    for root in roots {
        walk(root, &mut out, &mut done);
    }
    // Items in a cycle of parents: each at the top, with what hangs below.
    for i in 0..items.len() {
        if !done[i] {
            walk(i, &mut out, &mut done);
        }
    }
    out
}

/// One text and its selections.
pub(super) struct Source<'a> {
    /// The session on the text.
    pub input: &'a Input<'a>,
    /// What this source's GUID keys begin with (empty for a session's one
    /// text; the document's id for a corpus).
    pub prefix: String,
    /// The source's name.
    pub name: &'a str,
    /// Variable values: (GUID of the variable, its text value).
    pub variables: Vec<(String, &'a str)>,
}

impl Source<'_> {
    /// The GUID of the source (and the name of its text file).
    pub(super) fn guid(&self, guids: &Guids<'_>) -> String {
        guids.of(&format!("{}source", self.prefix))
    }
}

/// A `TextSource` with a `PlainTextSelection` per placed annotation (coded
/// with its actors, colour and statement), then the variable values.
/// Returns the orphaned annotations, which have no place in the text.
pub(super) fn text_source<'a>(
    out: &mut Xml,
    guids: &Guids<'_>,
    source: &Source<'a>,
) -> Vec<&'a Annotation> {
    let input = source.input;
    let prefix = &source.prefix;
    let source_guid = source.guid(guids);
    let (placed, orphans): (Vec<&Annotation>, Vec<&Annotation>) = input
        .in_order()
        .into_iter()
        .partition(|a| !input.is_orphaned(a));
    out.open(
        "TextSource",
        &[
            ("guid", &source_guid),
            ("name", source.name),
            ("plainTextPath", &format!("internal://{source_guid}.txt")),
            ("creatingUser", &guids.of("user")),
            ("creationDateTime", &crate::annotation::now().to_string()),
        ],
    );
    out.text("Description", &[], &input.source_name());
    for a in &placed {
        let range = a.range();
        let user_guid = guids.user_of(a);
        let created = a.created.to_string();
        out.open(
            "PlainTextSelection",
            &[
                ("guid", &guids.of(&format!("{prefix}annotation:{}", a.id))),
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
                    ("guid", &guids.of(&format!("{prefix}coding:{}:{key}", a.id))),
                    ("creatingUser", &user_guid),
                    ("creationDateTime", &created),
                ],
            );
            out.empty("CodeRef", &[("targetGUID", &guids.of(target))]);
            out.close("Coding");
        };
        // The statement's coding right after its speaker's: the REFI
        // import takes the actor coded just before a stance as the speaker.
        let statement = a
            .statement
            .as_ref()
            .filter(|s| input.session.concept(&s.concept).is_some());
        let stance = |out: &mut Xml, s: &crate::annotation::Statement| {
            coding(
                out,
                "statement",
                &format!("concept:{}:{}", s.concept, s.stance.name()),
            );
        };
        for id in &a.actors {
            coding(out, id.as_str(), &format!("actor:{id}"));
            if let Some(s) = statement.filter(|s| &s.actor == id) {
                stance(out, s);
            }
        }
        coding(out, "colour", &format!("colour:{:?}", a.colour));
        if let Some(s) = statement.filter(|s| !a.actors.contains(&s.actor)) {
            stance(out, s);
        }
        out.close("PlainTextSelection");
    }
    for (variable, value) in &source.variables {
        out.open("VariableValue", &[]);
        out.empty("VariableRef", &[("targetGUID", variable)]);
        out.text("TextValue", &[], value);
        out.close("VariableValue");
    }
    out.close("TextSource");
    orphans
}

/// The project's notes: each orphaned annotation with its quote, actors,
/// note and colour (in a corpus, the note's name says its document too).
pub(super) fn orphan_notes(
    out: &mut Xml,
    guids: &Guids<'_>,
    orphans: &[(&Source<'_>, &Annotation)],
) {
    if orphans.is_empty() {
        return;
    }
    let t = tr();
    out.open("Notes", &[]);
    for (source, a) in orphans {
        let names = source.input.actor_names(a).join(", ");
        let content = fill(
            t.qdpx_orphan_note,
            &[
                ("quote", &a.quote()),
                ("actors", &names),
                ("note", &a.note),
                ("colour", &a.colour.name()),
            ],
        );
        let mut name = fill(t.qdpx_orphan_name, &[("id", &a.id)]);
        if !source.prefix.is_empty() {
            name = format!("{name} ({})", source.name);
        }
        out.open(
            "Note",
            &[
                (
                    "guid",
                    &guids.of(&format!("{}orphan:{}", source.prefix, a.id)),
                ),
                ("name", &name),
                ("creatingUser", &guids.of("user")),
                ("creationDateTime", &a.created.to_string()),
            ],
        );
        out.text("PlainTextContent", &[], &content);
        out.close("Note");
    }
    out.close("Notes");
}

/// `project.qde` as XML.
#[must_use]
pub fn project_xml(input: &Input<'_>) -> String {
    let guids = Guids(input.document.hash());
    let readers: Vec<&str> = input.session.readers().into_iter().flatten().collect();
    let mut out = Xml::new();
    let name = input.document.title_or_default();
    open_project(&mut out, &guids, name, &readers);
    code_book(&mut out, &guids, input.session);
    let source = Source {
        input,
        prefix: String::new(),
        name,
        variables: Vec::new(),
    };
    out.open("Sources", &[]);
    let orphans = text_source(&mut out, &guids, &source);
    out.close("Sources");
    let orphans: Vec<(&Source<'_>, &Annotation)> =
        orphans.into_iter().map(|a| (&source, a)).collect();
    orphan_notes(&mut out, &guids, &orphans);
    out.close("Project");
    out.finish()
}

/// The `.qdpx` ZIP: `project.qde` and `sources/<guid>.txt`.
///
/// # Errors
/// [`ExportError::Build`] when the ZIP cannot be assembled.
pub fn export(input: &Input<'_>) -> Result<Vec<u8>, ExportError> {
    let guids = Guids(input.document.hash());
    let source = guids.of("source");
    package(&project_xml(input), &[(source, input.document.text())])
}

/// A `.qdpx` ZIP of `project` (the `project.qde`) and the texts, each as
/// `sources/<guid>.txt`.
///
/// # Errors
/// [`ExportError::Build`] when the ZIP cannot be assembled.
pub(super) fn package(project: &str, texts: &[(String, &str)]) -> Result<Vec<u8>, ExportError> {
    let build = |e: &dyn std::fmt::Display| ExportError::Build(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("project.qde", options)
        .map_err(|e| build(&e))?;
    zip.write_all(project.as_bytes()).map_err(|e| build(&e))?;
    for (guid, text) in texts {
        zip.start_file(format!("sources/{guid}.txt"), options)
            .map_err(|e| build(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| build(&e))?;
    }
    let cursor = zip.finish().map_err(|e| build(&e))?;
    Ok(cursor.into_inner())
}
