//! QDA-XML 1.0 (`project.qde`) read into plain data: users, the code tree,
//! variables, cases, text sources with their selections and codings, notes;
//! and a count of everything else the file holds, so that the import can
//! say what it did not carry over.
//!
//! Elements are matched by their local names (the namespace
//! `urn:QDA-XML:project:1.0` aside): tools differ in how they declare it.

use std::collections::BTreeMap;

use roxmltree::Node;

/// A code of the code book, with its place in the tree.
#[derive(Clone, Debug, Default)]
pub struct Code {
    /// Its GUID, which codings refer to.
    pub guid: String,
    /// Its name.
    pub name: String,
    /// The index (in [`Qde::codes`]) of the code it is nested in.
    pub parent: Option<usize>,
    /// `#RRGGBB`, if the tool gave one.
    pub color: Option<String>,
    /// Its description.
    pub description: String,
    /// False for a code that only groups others.
    pub codable: bool,
    /// GUIDs of the notes it refers to.
    pub notes: Vec<String>,
}

/// A variable (a source or case attribute).
#[derive(Clone, Debug, Default)]
pub struct Variable {
    /// Its GUID.
    pub guid: String,
    /// Its name.
    pub name: String,
}

/// A case: a group of sources with values of its own.
#[derive(Clone, Debug, Default)]
pub struct Case {
    /// Its name.
    pub name: String,
    /// GUIDs of its sources.
    pub sources: Vec<String>,
    /// Its variable values: variable GUID and value.
    pub values: Vec<(String, String)>,
    /// Codes and selections it refers to (not carried over).
    pub other_refs: usize,
}

/// One coding of a selection: a code, by whom.
#[derive(Clone, Debug, Default)]
pub struct Coding {
    /// The code's GUID.
    pub code: String,
    /// The user's GUID.
    pub user: Option<String>,
}

/// A `PlainTextSelection`: char offsets into the source's plain text.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Who made it.
    pub user: Option<String>,
    /// When it was made (RFC 3339).
    pub created: Option<String>,
    /// When it was last changed.
    pub modified: Option<String>,
    /// Its description (a memo on the passage).
    pub description: String,
    /// Its codings, in file order.
    pub codings: Vec<Coding>,
    /// GUIDs of the notes it refers to.
    pub notes: Vec<String>,
}

/// A `TextSource`.
#[derive(Clone, Debug, Default)]
pub struct TextSource {
    /// Its GUID.
    pub guid: String,
    /// Its name.
    pub name: String,
    /// Where its plain text is (`internal://…`, relative or absolute).
    pub plain_path: Option<String>,
    /// Where its original is (a Word file, a PDF, a page).
    pub rich_path: Option<String>,
    /// Its plain text, when the file holds it inline.
    pub plain_content: Option<String>,
    /// Its description.
    pub description: String,
    /// Its selections.
    pub selections: Vec<Selection>,
    /// Its variable values: variable GUID and value.
    pub values: Vec<(String, String)>,
    /// GUIDs of the notes it refers to.
    pub notes: Vec<String>,
    /// Codings of the whole source (not carried over).
    pub whole_codings: usize,
}

/// A note (memo) of the project.
#[derive(Clone, Debug, Default)]
pub struct Note {
    /// Its GUID.
    pub guid: String,
    /// Its name.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// What a `project.qde` holds.
#[derive(Clone, Debug, Default)]
pub struct Qde {
    /// The project's name.
    pub name: String,
    /// The tool that wrote it (`origin`).
    pub origin: String,
    /// Where sources named by a relative path are (`basePath`).
    pub base_path: String,
    /// Users: GUID to name.
    pub users: BTreeMap<String, String>,
    /// The codes, each after the code it is nested in.
    pub codes: Vec<Code>,
    /// The variables.
    pub variables: Vec<Variable>,
    /// The cases.
    pub cases: Vec<Case>,
    /// The text sources.
    pub sources: Vec<TextSource>,
    /// The notes.
    pub notes: Vec<Note>,
    /// What is there but cannot be carried over: element name and count.
    pub unsupported: BTreeMap<&'static str, usize>,
}

/// Why a `project.qde` could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// Not well-formed XML.
    #[error("{0}")]
    Xml(#[from] roxmltree::Error),
    /// Some other root than `Project`.
    #[error("{0}")]
    NotAProject(String),
}

/// Reads `project.qde`.
///
/// # Errors
/// A [`ParseError`] for XML that is not well-formed or not a project.
pub fn parse(text: &str) -> Result<Qde, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let xml = roxmltree::Document::parse_with_options(text, options)?;
    let root = xml.root_element();
    if root.tag_name().name() != "Project" {
        return Err(ParseError::NotAProject(root.tag_name().name().to_owned()));
    }
    let mut qde = Qde {
        name: attr(root, "name"),
        origin: attr(root, "origin"),
        base_path: attr(root, "basePath"),
        ..Qde::default()
    };
    for part in root.children().filter(Node::is_element) {
        match part.tag_name().name() {
            "Users" => {
                for user in elements(part, "User") {
                    qde.users.insert(attr(user, "guid"), attr(user, "name"));
                }
            }
            "CodeBook" => {
                for codes in elements(part, "Codes") {
                    for code in elements(codes, "Code") {
                        read_code(code, None, &mut qde.codes);
                    }
                }
            }
            "Variables" => {
                for variable in elements(part, "Variable") {
                    qde.variables.push(Variable {
                        guid: attr(variable, "guid"),
                        name: attr(variable, "name"),
                    });
                }
            }
            "Cases" => {
                for case in elements(part, "Case") {
                    qde.cases.push(read_case(case));
                }
            }
            "Sources" => read_sources(part, &mut qde),
            "Notes" => {
                for note in elements(part, "Note") {
                    qde.notes.push(Note {
                        guid: attr(note, "guid"),
                        name: attr(note, "name"),
                        text: child_text(note, "PlainTextContent")
                            .or_else(|| child_text(note, "Description"))
                            .unwrap_or_default(),
                    });
                    count_unsupported(note, &mut qde.unsupported);
                }
            }
            "Links" => add(&mut qde.unsupported, "Link", elements(part, "Link").count()),
            "Sets" => add(&mut qde.unsupported, "Set", elements(part, "Set").count()),
            "Graphs" => add(
                &mut qde.unsupported,
                "Graph",
                elements(part, "Graph").count(),
            ),
            "Description" | "NoteRef" => {}
            _ => add(&mut qde.unsupported, "other", 1),
        }
    }
    Ok(qde)
}

fn read_code(node: Node<'_, '_>, parent: Option<usize>, codes: &mut Vec<Code>) {
    let index = codes.len();
    codes.push(Code {
        guid: attr(node, "guid"),
        name: attr(node, "name"),
        parent,
        color: node.attribute("color").map(str::to_owned),
        description: child_text(node, "Description").unwrap_or_default(),
        codable: node.attribute("isCodable") != Some("false"),
        notes: refs(node, "NoteRef"),
    });
    for child in elements(node, "Code") {
        read_code(child, Some(index), codes);
    }
}

fn read_case(node: Node<'_, '_>) -> Case {
    Case {
        name: attr(node, "name"),
        sources: refs(node, "SourceRef"),
        values: values(node),
        other_refs: elements(node, "CodeRef").count() + elements(node, "SelectionRef").count(),
    }
}

fn read_sources(node: Node<'_, '_>, qde: &mut Qde) {
    for source in node.children().filter(Node::is_element) {
        let kind = source.tag_name().name();
        if kind != "TextSource" {
            let name = match kind {
                "PictureSource" => "PictureSource",
                "PDFSource" => "PDFSource",
                "AudioSource" => "AudioSource",
                "VideoSource" => "VideoSource",
                _ => "other",
            };
            add(&mut qde.unsupported, name, 1);
            continue;
        }
        let mut text = TextSource {
            guid: attr(source, "guid"),
            name: attr(source, "name"),
            plain_path: source.attribute("plainTextPath").map(str::to_owned),
            rich_path: source.attribute("richTextPath").map(str::to_owned),
            plain_content: child_text(source, "PlainTextContent"),
            description: child_text(source, "Description").unwrap_or_default(),
            values: values(source),
            notes: refs(source, "NoteRef"),
            whole_codings: elements(source, "Coding").count(),
            ..TextSource::default()
        };
        for selection in elements(source, "PlainTextSelection") {
            let number = |name: &str| {
                selection
                    .attribute(name)
                    .and_then(|v| v.trim().parse::<usize>().ok())
            };
            let (Some(start), Some(end)) = (number("startPosition"), number("endPosition")) else {
                add(
                    &mut qde.unsupported,
                    "PlainTextSelection without positions",
                    1,
                );
                continue;
            };
            text.selections.push(Selection {
                start: start.min(end),
                end: start.max(end),
                user: selection.attribute("creatingUser").map(str::to_owned),
                created: selection.attribute("creationDateTime").map(str::to_owned),
                modified: selection.attribute("modifiedDateTime").map(str::to_owned),
                description: child_text(selection, "Description").unwrap_or_default(),
                codings: elements(selection, "Coding")
                    .filter_map(|coding| {
                        Some(Coding {
                            code: elements(coding, "CodeRef")
                                .next()?
                                .attribute("targetGUID")?
                                .to_owned(),
                            user: coding.attribute("creatingUser").map(str::to_owned),
                        })
                    })
                    .collect(),
                notes: refs(selection, "NoteRef"),
            });
        }
        qde.sources.push(text);
    }
}

/// Selections of kinds a note may hold (a note is a text source too).
fn count_unsupported(note: Node<'_, '_>, unsupported: &mut BTreeMap<&'static str, usize>) {
    let n = elements(note, "PlainTextSelection").count();
    add(unsupported, "PlainTextSelection in a note", n);
}

fn add(map: &mut BTreeMap<&'static str, usize>, key: &'static str, n: usize) {
    if n > 0 {
        *map.entry(key).or_default() += n;
    }
}

/// The variable values below `node`: variable GUID and value as text.
fn values(node: Node<'_, '_>) -> Vec<(String, String)> {
    elements(node, "VariableValue")
        .filter_map(|value| {
            let variable = elements(value, "VariableRef")
                .next()?
                .attribute("targetGUID")?
                .to_owned();
            let text = value
                .children()
                .filter(Node::is_element)
                .find(|n| n.tag_name().name() != "VariableRef")
                .map(|n| n.text().unwrap_or_default().trim().to_owned())?;
            Some((variable, text))
        })
        .collect()
}

/// The `targetGUID`s of the `name` children of `node`.
fn refs(node: Node<'_, '_>, name: &str) -> Vec<String> {
    elements(node, name)
        .filter_map(|r| r.attribute("targetGUID").map(str::to_owned))
        .collect()
}

/// The element children of `node` called `name`.
fn elements<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// The text of the first `name` child of `node`.
fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    elements(node, name).next().map(|n| {
        n.descendants()
            .filter(Node::is_text)
            .filter_map(|t| t.text())
            .collect()
    })
}

fn attr(node: Node<'_, '_>, name: &str) -> String {
    node.attribute(name).unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_project_reads_with_its_tree_and_what_it_cannot_carry() {
        let qde = parse(
            r##"<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="t">
            <Users><User guid="u1" name="Ann"/></Users>
            <CodeBook><Codes><Code guid="c1" name="Staat" isCodable="false" color="#ff0000">
              <Description>Alle Staaten</Description><Code guid="c2" name="Russland"/></Code></Codes></CodeBook>
            <Sources><TextSource guid="s1" name="a" plainTextPath="internal://s1.txt">
              <PlainTextSelection guid="x" startPosition="4" endPosition="2" creatingUser="u1">
                <Coding guid="k"><CodeRef targetGUID="c2"/></Coding></PlainTextSelection>
              <VariableValue><VariableRef targetGUID="v"/><IntegerValue> 3 </IntegerValue></VariableValue>
            </TextSource><PictureSource guid="p1" path="internal://p.png"/></Sources>
            <Sets><Set guid="s" name="x"/></Sets></Project>"##,
        )
        .unwrap();
        assert_eq!(qde.users["u1"], "Ann");
        assert_eq!(qde.codes.len(), 2);
        assert_eq!(qde.codes[1].parent, Some(0));
        assert!(!qde.codes[0].codable);
        assert_eq!(qde.codes[0].description, "Alle Staaten");
        let selection = &qde.sources[0].selections[0];
        assert_eq!((selection.start, selection.end), (2, 4));
        assert_eq!(selection.codings[0].code, "c2");
        assert_eq!(qde.sources[0].values, [("v".to_owned(), "3".to_owned())]);
        assert_eq!(qde.unsupported["PictureSource"], 1);
        assert_eq!(qde.unsupported["Set"], 1);
    }
}
