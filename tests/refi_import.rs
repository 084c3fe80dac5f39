//! REFI-QDA projects come in as Randnotiz projects: the real exports of
//! `../shared/testdata/refi` (QualCoder's demo, NVivo's), a project written
//! here that holds a bit of everything, and the round trip out and in again.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/packed.rs"]
mod packed;

use std::collections::HashMap;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use randnotiz::import::refi::{self, CodesAs, NotCarried, RefiOptions, RefiReport};
use randnotiz::workspace::project::Project;

fn shared(name: &str) -> Option<PathBuf> {
    common::shared(&format!("testdata/refi/{name}"))
}

fn import(file: &Path, dir: &Path) -> RefiReport {
    refi::import(file, dir, RefiOptions::default()).unwrap()
}

/// Text without whitespace: what a passage says, whichever line breaks the
/// text it stands in has.
fn words(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A selection as the `.qde` has it: source index, start, end, code names.
#[derive(Debug)]
struct Expected {
    source: usize,
    start: usize,
    end: usize,
    codes: Vec<String>,
}

/// The selections of a `.qde`, read here with roxmltree on their own.
fn selections(qde: &str) -> (Vec<Expected>, Vec<String>) {
    let xml = roxmltree::Document::parse(qde.trim_start_matches('\u{feff}')).unwrap();
    let names: HashMap<&str, &str> = xml
        .descendants()
        .filter(|n| n.has_tag_name(("urn:QDA-XML:project:1.0", "Code")))
        .map(|n| (n.attribute("guid").unwrap(), n.attribute("name").unwrap()))
        .collect();
    let mut out = Vec::new();
    let mut paths = Vec::new();
    for (i, source) in xml
        .descendants()
        .filter(|n| n.tag_name().name() == "TextSource")
        .enumerate()
    {
        paths.push(source.attribute("plainTextPath").unwrap().to_owned());
        for selection in source
            .children()
            .filter(|n| n.tag_name().name() == "PlainTextSelection")
        {
            out.push(Expected {
                source: i,
                start: selection
                    .attribute("startPosition")
                    .unwrap()
                    .parse()
                    .unwrap(),
                end: selection.attribute("endPosition").unwrap().parse().unwrap(),
                codes: selection
                    .descendants()
                    .filter(|n| n.tag_name().name() == "CodeRef")
                    .map(|n| names[n.attribute("targetGUID").unwrap()].to_owned())
                    .collect(),
            });
        }
    }
    (out, paths)
}

fn unzip(qdpx: &Path, name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(qdpx).unwrap()).unwrap();
    let mut out = Vec::new();
    zip.by_name(name).unwrap().read_to_end(&mut out).unwrap();
    out
}

/// Every annotation of the project with its document's index, in order.
fn annotations(project: &Project) -> Vec<(usize, randnotiz::annotation::Annotation)> {
    project
        .all_annotations()
        .map(|(i, a)| (i, a.clone()))
        .collect()
}

fn actor_names(project: &Project, annotation: &randnotiz::annotation::Annotation) -> Vec<String> {
    annotation
        .actors
        .iter()
        .map(|id| {
            project
                .file()
                .actors
                .iter()
                .find(|a| &a.id == id)
                .unwrap()
                .name
                .clone()
        })
        .collect()
}

#[test]
fn the_demo_project_comes_in_with_every_passage_on_its_text() {
    let Some(demo) = shared("demo.qdpx") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let report = import(&demo, &dir);
    assert_eq!(report.documents, 2, "{report:?}");
    assert_eq!(report.annotations, 158);
    assert_eq!(report.assignments, 205);
    assert_eq!(report.codes, 262);
    assert_eq!(report.unplaced, 0, "{:?}", report.details());
    assert!(report.not_carried.is_empty(), "{:?}", report.details());

    let (project, notices) = Project::open(&dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(project.file().actors.len(), 262);
    let all = annotations(&project);
    assert_eq!(all.len(), 158);
    let assigned: usize = all.iter().map(|(_, a)| a.actors.len()).sum();
    assert_eq!(assigned, 205);
    // Every passage says what the source text says at REFI's offsets, and
    // carries the codes of its selection.
    let qde = String::from_utf8(unzip(&demo, "project.qde")).unwrap();
    let (expected, paths) = selections(&qde);
    let texts: Vec<Vec<char>> = paths
        .iter()
        .map(|p| {
            String::from_utf8(unzip(&demo, &format!("sources/{p}")))
                .unwrap()
                .chars()
                .collect()
        })
        .collect();
    for ((doc, annotation), want) in all.iter().zip(&expected) {
        assert_eq!(*doc, want.source);
        let quote: String = texts[want.source][want.start..want.end].iter().collect();
        assert_eq!(words(annotation.quote()), words(&quote), "{want:?}");
        let document = project.load_document(*doc).unwrap();
        assert_eq!(document.slice(annotation.range()), annotation.quote());
        assert_eq!(actor_names(&project, annotation), want.codes);
        assert_eq!(annotation.reader.as_deref(), Some("cp"));
    }
    // The code tree: "programming" under "competencies" under "rq1_definition".
    let actor = |name: &str| {
        project
            .file()
            .actors
            .iter()
            .find(|a| a.name == name)
            .unwrap()
    };
    let programming = actor("programming");
    assert_eq!(programming.parent.as_ref(), Some(&actor("competencies").id));
    assert_eq!(
        actor("competencies").parent.as_ref(),
        Some(&actor("rq1_definition").id)
    );
    assert_eq!(actor("rq1_definition").parent, None);
}

fn randnotiz(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap()
}

/// What a project holds, document by document: title, and each
/// annotation's span, quote, actors, reader and note; and its actors with
/// their parents, colours and notes.
fn content(dir: &Path) -> (Vec<String>, Vec<String>) {
    let (project, _) = Project::open(dir).unwrap();
    let name_of = |id: &randnotiz::actors::ActorId| {
        project
            .file()
            .actors
            .iter()
            .find(|a| &a.id == id)
            .map(|a| a.name.clone())
    };
    let actors = project
        .file()
        .actors
        .iter()
        .map(|a| {
            format!(
                "{} < {:?} {} {:?} {:?}",
                a.name,
                a.parent.as_ref().and_then(name_of),
                a.colour.to_hex(),
                a.kind,
                a.note
            )
        })
        .collect();
    let mut documents: Vec<String> = project
        .file()
        .concepts
        .iter()
        .map(|c| format!("concept {} < {:?} {:?}", c.name, c.parent, c.note))
        .collect();
    for (i, entry) in project.documents().iter().enumerate() {
        documents.push(format!(
            "{} {:?} {:?}",
            entry.source.title, entry.outlet, entry.attributes
        ));
        for a in project.annotations(i) {
            documents.push(format!(
                "  {} {:?} {:?} {:?} {:?} {:?} {} {:?}",
                a.range(),
                a.quote(),
                actor_names(&project, a),
                a.reader,
                a.note,
                a.colour,
                a.created,
                a.statement
                    .as_ref()
                    .map(|s| (name_of(&s.actor), s.concept.as_str(), s.stance)),
            ));
        }
    }
    (documents, actors)
}

#[test]
fn the_demo_project_exports_valid_and_comes_back_the_same() {
    let Some(demo) = shared("demo.qdpx") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("eins");
    import(&demo, &first);
    let second = tmp.path().join("zwei");
    let (said, left_over) = out_and_in(&first, &second);
    // The tree is written as nested codes.
    let xml = std::fs::read_to_string(first.with_extension("qde")).unwrap();
    assert!(
        xml.contains(r#"name="competencies" isCodable="true""#),
        "{}",
        &xml[..2000]
    );
    assert!(
        said.contains("158 Anmerkungen mit 205 Zuordnungen"),
        "{said}"
    );
    // Nothing left over: Randnotiz's own group and colour codes are known.
    assert!(left_over.is_empty(), "{left_over}");
    let (docs_a, actors_a) = content(&first);
    let (docs_b, actors_b) = content(&second);
    assert_eq!(actors_a.len(), 262);
    for (a, b) in actors_a.iter().zip(&actors_b) {
        assert_eq!(a, b);
    }
    assert_eq!(actors_a.len(), actors_b.len());
    for (a, b) in docs_a.iter().zip(&docs_b) {
        assert_eq!(a, b);
    }
    assert_eq!(docs_a.len(), docs_b.len());
}

/// `randnotiz export PROJECT --format qdpx` into `PROJECT.qdpx`.
fn export_qdpx(project: &Path) -> PathBuf {
    let qdpx = project.with_extension("qdpx");
    let out = randnotiz(&[
        "export".as_ref(),
        project.as_os_str(),
        "--format".as_ref(),
        "qdpx".as_ref(),
        "-o".as_ref(),
        qdpx.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    qdpx
}

/// Exports the project in `first` with the command line and imports the
/// export again into `second`; returns what the import said on stdout and
/// on stderr.
fn out_and_in(first: &Path, second: &Path) -> (String, String) {
    let qdpx = export_qdpx(first);
    let qde = first.with_extension("qde");
    std::fs::write(&qde, unzip(&qdpx, "project.qde")).unwrap();
    common::validate_qde(&qde);
    let out = randnotiz(&[
        "import".as_ref(),
        qdpx.as_os_str(),
        "-o".as_ref(),
        second.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_small_project_goes_out_and_in_the_same_with_statements_attributes_and_readers() {
    for codes_as in [CodesAs::Actors, CodesAs::Concepts] {
        let tmp = tempfile::tempdir().unwrap();
        let qdpx = tmp.path().join("klein.qdpx");
        small_project(&qdpx);
        let first = tmp.path().join("eins");
        refi::import(&qdpx, &first, RefiOptions { codes_as }).unwrap();
        let second = tmp.path().join("zwei");
        let (_, said) = out_and_in(&first, &second);
        assert!(said.is_empty(), "{said}");
        let (docs_a, actors_a) = content(&first);
        let (docs_b, actors_b) = content(&second);
        assert_eq!(docs_a, docs_b);
        assert_eq!(actors_a, actors_b);
        let statements = docs_a.iter().filter(|l| l.contains("Some((Some(")).count();
        assert_eq!(
            statements,
            if codes_as == CodesAs::Concepts { 3 } else { 0 }
        );
    }
}

#[test]
fn a_bare_qde_with_its_sources_beside_it_comes_in_too() {
    let Some(qde) = shared("demo._temporary/project.qde") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let report = import(&qde, &tmp.path().join("p"));
    assert_eq!(
        (report.documents, report.annotations, report.assignments),
        (2, 158, 205)
    );
}

#[test]
fn the_nvivo_export_brings_its_word_files_and_codes_and_claims_nothing_more() {
    let Some(nvivo) = shared("nvivo_project.qdpx") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nvivo");
    let report = import(&nvivo, &dir);
    assert_eq!(report.documents, 2);
    assert_eq!(report.codes, 262);
    assert_eq!(report.annotations, 0);
    assert_eq!(report.assignments, 0);
    assert_eq!(report.readers, 0);
    assert_eq!(report.notes, 0);
    // The Word files hold no text (NVivo's .txt twins are a line break):
    // said so, not made up.
    let said = report.details().join("\n");
    assert_eq!(said.matches("enthält keinen Text").count(), 2, "{said}");
    let (project, _) = Project::open(&dir).unwrap();
    assert_eq!(project.documents().len(), 2);
    for (i, entry) in project.documents().iter().enumerate() {
        assert!(entry.source.path.as_deref().unwrap().ends_with(".docx"));
        assert!(project.text_path(i).unwrap().is_file());
        assert_eq!(entry.source.chars, 0);
    }
    assert_eq!(project.file().actors.len(), 262);
}

#[test]
fn a_folder_with_files_in_it_is_not_written_into() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("notiz.txt"), "meins").unwrap();
    let err = refi::import(
        &tmp.path().join("gibt-es-nicht.qdpx"),
        tmp.path(),
        RefiOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("nicht leer"), "{err}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
}

/// The source text of the small project: Windows line ends, a byte-order
/// mark, umlauts, hard-wrapped lines and a hyphen across a line end.
const SOURCE: &str = "\u{feff}Abzug aus Kasachstan\r\n\r\nDie OVKS beginnt mit dem Abzug ihrer Trup-\r\npen aus Kasachstan. Präsident Tokajew\r\ndankte dem Bündnis.\r\n\r\nMenschenrechtler fordern Aufklärung über die Festgenommenen.\r\n";

/// Writes the small project: a text with three selections (one with two
/// codes and a note, one by another user), a code tree with a colour and
/// a description, notes, a case with a variable, a variable on the
/// source, and a picture source Randnotiz cannot take.
fn small_project(path: &Path) {
    let chars: Vec<char> = SOURCE.trim_start_matches('\u{feff}').chars().collect();
    let text: String = chars.iter().collect();
    let at = |needle: &str| {
        let byte = text.find(needle).unwrap();
        let start = text[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let (a0, a1) = at("Die OVKS beginnt mit dem Abzug ihrer Trup-\r\npen");
    let (b0, b1) = at("Präsident Tokajew\r\ndankte");
    let (c0, c1) = at("Menschenrechtler");
    let (d0, d1) = at("Festgenommenen");
    let g = |n: u32| format!("00000000-0000-4000-8000-{n:012}");
    let qde = format!(
        r##"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Kasachstan" origin="Handarbeit 1.0">
<Users><User guid="{u1}" name="Anna"/><User guid="{u2}" name="Ben"/></Users>
<CodeBook><Codes>
  <Code guid="{code1}" name="Staaten" isCodable="false" color="#C0392B"><Description>Staatliche Akteure</Description>
    <Code guid="{code2}" name="Tokajew" isCodable="true" color="#1f77b4"><NoteRef targetGUID="{n2}"/></Code>
  </Code>
  <Code guid="{code3}" name="OVKS" isCodable="true"/>
  <Code guid="{code4}" name="Abzug" isCodable="true"/>
</Codes></CodeBook>
<Variables><Variable guid="{v1}" name="Ressort" typeOfVariable="Text"/><Variable guid="{v2}" name="Seiten" typeOfVariable="Integer"/></Variables>
<Cases><Case guid="{k1}" name="Zentralasien"><VariableValue><VariableRef targetGUID="{v2}"/><IntegerValue>3</IntegerValue></VariableValue><SourceRef targetGUID="{s1}"/></Case></Cases>
<Sources>
  <TextSource guid="{s1}" name="Abzug aus Kasachstan" plainTextPath="internal://{s1}.txt">
    <PlainTextSelection guid="{p1}" startPosition="{a0}" endPosition="{a1}" creatingUser="{u1}" creationDateTime="2024-05-01T10:00:00Z">
      <Description>Beginn des Abzugs</Description>
      <Coding guid="{k2}" creatingUser="{u1}"><CodeRef targetGUID="{code3}"/></Coding>
      <Coding guid="{k3}" creatingUser="{u1}"><CodeRef targetGUID="{code4}"/></Coding>
      <NoteRef targetGUID="{n3}"/>
    </PlainTextSelection>
    <PlainTextSelection guid="{p2}" startPosition="{b0}" endPosition="{b1}" creatingUser="{u2}">
      <Coding guid="{k4}" creatingUser="{u2}"><CodeRef targetGUID="{code2}"/></Coding>
    </PlainTextSelection>
    <PlainTextSelection guid="{p3}" startPosition="{c0}" endPosition="{c1}" creatingUser="{u1}"/>
    <PlainTextSelection guid="{p4}" startPosition="{d0}" endPosition="{d1}" creatingUser="{u2}">
      <Description>Wie viele?</Description>
      <Coding guid="{k5}" creatingUser="{u2}"><CodeRef targetGUID="{gone}"/></Coding>
      <NoteRef targetGUID="{n4}"/>
    </PlainTextSelection>
    <VariableValue><VariableRef targetGUID="{v1}"/><TextValue>Ausland</TextValue></VariableValue>
  </TextSource>
  <PictureSource guid="{s2}" name="Foto" path="internal://{s2}.png"/>
</Sources>
<Notes>
  <Note guid="{n1}" name="Forschungsfrage"><PlainTextContent>Wer spricht über den Abzug?</PlainTextContent></Note>
  <Note guid="{n2}" name="Zu Tokajew"><PlainTextContent>Präsident seit 2019.</PlainTextContent></Note>
  <Note guid="{n3}" name="Zweifel"><PlainTextContent>Datum prüfen.</PlainTextContent></Note>
  <Note guid="{n4}" name="Zahl"><PlainTextContent>Amnesty nennt 10 000.</PlainTextContent></Note>
</Notes>
</Project>"##,
        u1 = g(1),
        u2 = g(2),
        code1 = g(11),
        code2 = g(12),
        code3 = g(13),
        code4 = g(14),
        v1 = g(21),
        v2 = g(22),
        k1 = g(31),
        k2 = g(32),
        k3 = g(33),
        k4 = g(34),
        k5 = g(35),
        gone = g(99),
        s1 = g(41),
        s2 = g(42),
        p1 = g(51),
        p2 = g(52),
        p3 = g(53),
        p4 = g(54),
        n1 = g(61),
        n2 = g(62),
        n3 = g(63),
        n4 = g(64),
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", options).unwrap();
    zip.write_all(qde.as_bytes()).unwrap();
    zip.start_file(format!("sources/{}.txt", g(41)), options)
        .unwrap();
    zip.write_all(SOURCE.as_bytes()).unwrap();
    zip.start_file(format!("sources/{}.png", g(42)), options)
        .unwrap();
    zip.write_all(b"\x89PNG\r\n").unwrap();
    zip.finish().unwrap();
}

#[test]
fn a_small_project_brings_codes_notes_users_cases_and_says_what_it_left() {
    let tmp = tempfile::tempdir().unwrap();
    let qdpx = tmp.path().join("klein.qdpx");
    small_project(&qdpx);
    let dir = tmp.path().join("klein");
    let report = import(&qdpx, &dir);
    // The text plus the notes' document.
    assert_eq!(report.documents, 2, "{report:?}");
    assert_eq!(report.annotations, 4, "{report:?}");
    assert_eq!(report.assignments, 3);
    assert_eq!(report.readers, 2);
    assert_eq!(report.notes, 4);
    assert_eq!(report.not_carried.count(NotCarried::UNKNOWN_CODE), 1);
    assert_eq!(report.not_carried.count("PictureSource"), 1);
    let said = report.details().join("\n");
    assert!(said.contains("1 × Bildquelle (PictureSource)"), "{said}");

    let (project, _) = Project::open(&dir).unwrap();
    let document = project.load_document(0).unwrap();
    // Randnotiz's text: line ends normalised, the mark gone.
    assert!(!document.text().contains('\r'));
    let list = project.annotations(0);
    // Two codes on one selection: one annotation with both actors, its
    // description and note joined; the offsets (into the raw text with
    // \r\n and a byte-order mark) landed on the same words.
    assert_eq!(actor_names(&project, &list[0]), ["OVKS", "Abzug"]);
    assert_eq!(
        words(list[0].quote()),
        words("Die OVKS beginnt mit dem Abzug ihrer Trup-pen")
    );
    assert_eq!(document.slice(list[0].range()), list[0].quote());
    assert_eq!(list[0].note, "Beginn des Abzugs\n\nZweifel: Datum prüfen.");
    assert_eq!(list[0].reader.as_deref(), Some("Anna"));
    assert_eq!(list[0].created.to_string(), "2024-05-01T10:00:00Z");
    assert_eq!(words(list[1].quote()), "PräsidentTokajewdankte");
    assert_eq!(list[1].reader.as_deref(), Some("Ben"));
    assert_eq!(actor_names(&project, &list[1]), ["Tokajew"]);
    // A selection without codes stays a marked passage.
    assert_eq!(list[2].quote(), "Menschenrechtler");
    assert!(list[2].actors.is_empty());
    // A selection coded only with a code the code book lacks: the code is
    // said to be missing, the passage and its notes still come.
    assert_eq!(list[3].quote(), "Festgenommenen");
    assert!(list[3].actors.is_empty());
    assert_eq!(list[3].note, "Wie viele?\n\nZahl: Amnesty nennt 10 000.");
    assert_eq!(list[3].reader.as_deref(), Some("Ben"));
    // The tree, the colour, the description and the code's note.
    let tokajew = project
        .file()
        .actors
        .iter()
        .find(|a| a.name == "Tokajew")
        .unwrap();
    let staaten = project
        .file()
        .actors
        .iter()
        .find(|a| a.name == "Staaten")
        .unwrap();
    assert_eq!(tokajew.parent.as_ref(), Some(&staaten.id));
    assert_eq!(tokajew.colour.to_hex(), "#1f77b4");
    assert_eq!(staaten.colour.to_hex(), "#c0392b");
    assert_eq!(staaten.note, "Staatliche Akteure");
    assert_eq!(tokajew.note, "Zu Tokajew: Präsident seit 2019.");
    // Variables and the case as attributes.
    let entry = &project.documents()[0];
    assert_eq!(entry.source.title, "Abzug aus Kasachstan");
    assert_eq!(entry.attributes["Ressort"], "Ausland");
    assert_eq!(entry.attributes["Seiten"], "3");
    assert_eq!(entry.attributes["Fall"], "Zentralasien");
    assert!(project.file().attributes.contains(&"Fall".to_owned()));
    // The project's own note is a document of its own.
    let memo = project.load_document(1).unwrap();
    assert!(
        memo.text().contains("Wer spricht über den Abzug?"),
        "{}",
        memo.text()
    );
}

#[test]
fn codes_as_concepts_make_a_statement_per_coding() {
    let tmp = tempfile::tempdir().unwrap();
    let qdpx = tmp.path().join("klein.qdpx");
    small_project(&qdpx);
    let dir = tmp.path().join("klein");
    let report = refi::import(
        &qdpx,
        &dir,
        RefiOptions {
            codes_as: CodesAs::Concepts,
        },
    )
    .unwrap();
    let (project, _) = Project::open(&dir).unwrap();
    assert_eq!(project.file().concepts.len(), 4);
    let tokajew = project
        .file()
        .concepts
        .iter()
        .find(|c| c.name == "Tokajew")
        .unwrap();
    assert_eq!(tokajew.parent.as_ref().unwrap().as_str(), "staaten");
    let list = project.annotations(0);
    // The selection with two codes: two statements on the same words.
    let statements: Vec<&str> = list
        .iter()
        .filter_map(|a| a.statement.as_ref().map(|s| s.concept.as_str()))
        .collect();
    assert_eq!(statements, ["ovks", "abzug", "tokajew"]);
    assert_eq!(list[0].range(), list[1].range());
    assert_eq!(report.assignments, 3);
    let said = report.details().join("\n");
    assert!(said.contains("3 Aussagen ohne Sprecher"), "{said}");
    assert!(said.contains("Farbe eines Codes"), "{said}");
}

#[test]
fn an_actors_parent_and_a_field_this_version_does_not_know_both_survive_a_save() {
    let text = std::fs::read_to_string(common::asset("example-session.ron")).unwrap();
    let text = text.replacen(
        "            colour: \"#2471a3\",\n",
        "            colour: \"#2471a3\",\n            parent: Some(\"russland\"),\n            rang: 3,\n",
        1,
    );
    let (session, _) = randnotiz::storage::parse_session(&text).unwrap();
    let tokajew = session
        .actors
        .iter()
        .find(|a| a.id.as_str() == "tokajew")
        .unwrap();
    assert_eq!(tokajew.parent.as_ref().unwrap().as_str(), "russland");
    assert_eq!(tokajew.extra.len(), 1);
    let written = randnotiz::storage::session_to_ron(&session).unwrap();
    assert!(
        written.contains("parent: Some(\"russland\"),\n            rang: 3,"),
        "{written}"
    );
    let (again, _) = randnotiz::storage::parse_session(&written).unwrap();
    assert_eq!(again, session);
}

#[test]
fn a_word_source_is_read_by_randnotiz_and_its_passages_found_on_that_text() {
    let body = [
        r#"<w:p><w:pPr><w:pStyle w:val="berschrift1"/></w:pPr><w:r><w:t>Lage in Almaty</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>Der Präsident sprach lange über die </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Lage</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>Die OVKS zieht ab.</w:t></w:r></w:p>"#,
    ]
    .concat();
    let docx = packed::docx(&body, "");
    // The plain text the other tool kept, and its positions in it; one
    // passage's words are not in the Word file at all.
    let plain = "Lage in Almaty\r\nDer Präsident sprach lange über die Lage.\r\nDie OVKS zieht ab.\r\nNachtrag des Bearbeiters.";
    let at = |needle: &str| {
        let byte = plain.find(needle).unwrap();
        let start = plain[..byte].chars().count();
        (start, start + needle.chars().count())
    };
    let g = |n: u32| format!("00000000-0000-4000-8000-{n:012}");
    let selection = |(start, end): (usize, usize), n: u32| {
        format!(
            r#"<PlainTextSelection guid="{}" startPosition="{start}" endPosition="{end}"><Coding guid="{}"><CodeRef targetGUID="{}"/></Coding></PlainTextSelection>"#,
            g(100 + n),
            g(200 + n),
            g(1)
        )
    };
    let qde = format!(
        r#"<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="Wort" origin="NVivo">
<CodeBook><Codes><Code guid="{c}" name="Lage" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="{s}" name="Almaty" richTextPath="internal://{s}.docx" plainTextPath="internal://{s}.txt">{a}{b}{c2}</TextSource></Sources></Project>"#,
        c = g(1),
        s = g(2),
        a = selection(at("sprach lange über die Lage"), 1),
        b = selection(at("OVKS zieht ab."), 2),
        c2 = selection(at("Nachtrag des Bearbeiters"), 3),
    );
    let tmp = tempfile::tempdir().unwrap();
    let qdpx = tmp.path().join("wort.qdpx");
    let bytes = packed::zip(&[
        ("project.qde", qde.as_bytes()),
        (&format!("sources/{}.docx", g(2)), &docx),
        (&format!("sources/{}.txt", g(2)), plain.as_bytes()),
    ]);
    std::fs::write(&qdpx, bytes).unwrap();
    let dir = tmp.path().join("wort");
    let report = import(&qdpx, &dir);
    assert_eq!(report.annotations, 3, "{report:?}");
    assert_eq!(report.unplaced, 1, "{report:?}");
    let said = report.details().join("\n");
    assert!(
        said.contains("1 Stellen fanden sich im Text nicht wieder"),
        "{said}"
    );
    let (project, _) = Project::open(&dir).unwrap();
    let entry = &project.documents()[0];
    assert!(entry.source.path.as_deref().unwrap().ends_with(".docx"));
    let document = project.load_document(0).unwrap();
    // Randnotiz's own reading of the Word file, which is not REFI's text.
    assert_ne!(document.text(), plain);
    let list = project.annotations(0);
    assert_eq!(list[0].quote(), "sprach lange über die Lage");
    assert_eq!(document.slice(list[0].range()), list[0].quote());
    assert_eq!(list[1].quote(), "OVKS zieht ab.");
    assert_eq!(actor_names(&project, &list[1]), ["Lage"]);
    // The passage that is not there is kept, orphaned, with its words.
    assert_eq!(list[2].quote(), "Nachtrag des Bearbeiters");
    assert!(!list[2].target.matches(&document));
}

#[test]
fn a_source_read_from_outside_the_package_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("anderswo.txt");
    std::fs::write(&outside, "Ein Text, der neben dem Paket liegt.\n").unwrap();
    let qde = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Draußen">
<Sources>
  <TextSource guid="00000000-0000-4000-8000-000000000001" name="Anderswo" plainTextPath="{}"/>
</Sources>
</Project>"#,
        outside.display()
    );
    let qdpx = tmp.path().join("draussen.qdpx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&qdpx).unwrap());
    zip.start_file("project.qde", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(qde.as_bytes()).unwrap();
    zip.finish().unwrap();
    let report = import(&qdpx, &tmp.path().join("projekt"));
    assert_eq!(report.documents, 1, "{report:?}");
    let said = report.details().join("\n");
    assert!(
        said.contains(&outside.display().to_string()) && said.contains("Anderswo"),
        "{said}"
    );
}

#[test]
fn two_stance_codes_on_one_passage_come_back_as_two_statements() {
    // A project of statements (DNA's sample), out as REFI-QDA; in another
    // tool someone adds a second stance code to a coded passage.
    let Some(sample) = common::shared("testdata/dna/sample.dna") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("eins");
    randnotiz::import::dna::import(&sample, &first).unwrap();
    let qdpx = export_qdpx(&first);
    let qde = String::from_utf8(unzip(&qdpx, "project.qde")).unwrap();
    let doc = roxmltree::Document::parse(&qde).unwrap();
    // A concept's "agrees" code, and another concept's "disagrees".
    let codes: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Code"))
        .filter_map(|n| Some((n.attribute("guid")?, n.attribute("name")?)))
        .collect();
    let (agrees, agrees_name) = *codes
        .iter()
        .find(|(_, name)| name.ends_with(" – stimmt zu"))
        .unwrap();
    let concept = agrees_name.trim_end_matches(" – stimmt zu");
    let (disagrees, _) = *codes
        .iter()
        .find(|(_, name)| name.ends_with(" – lehnt ab") && !name.starts_with(concept))
        .unwrap();
    let coding = format!(r#"<CodeRef targetGUID="{agrees}"/>"#);
    let at = qde.find(&coding).expect("a passage coded as agreeing");
    let end = at + coding.len();
    let added = format!(
        r#"</Coding><Coding guid="00000000-0000-4000-8000-00000000abcd"><CodeRef targetGUID="{disagrees}"/>"#
    );
    let changed = format!("{}{added}{}", &qde[..end], &qde[end..]);
    // The package again, with the changed project.qde.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&qdpx).unwrap()).unwrap();
    let second_qdpx = tmp.path().join("zwei.qdpx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&second_qdpx).unwrap());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        zip.start_file(&name, zip::write::SimpleFileOptions::default())
            .unwrap();
        let bytes = if name == "project.qde" {
            changed.clone().into_bytes()
        } else {
            bytes
        };
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap();
    let second = tmp.path().join("zwei");
    let report = import(&second_qdpx, &second);
    let (before, _) = Project::open(&first).unwrap();
    let (after, _) = Project::open(&second).unwrap();
    let statements = |p: &Project| {
        annotations(p)
            .iter()
            .filter(|(_, a)| a.statement.is_some())
            .count()
    };
    // Both stances are there: one statement more than went out.
    assert_eq!(statements(&after), statements(&before) + 1, "{report:?}");
}
