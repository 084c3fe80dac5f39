//! A project as a whole: exported (CSV read back as a spreadsheet does, a
//! REFI-QDA project checked against the schema, the report by actor, Web
//! Annotations), checked with a text removed, two readers' agreement pooled
//! over the corpus, a colleague's project merged in, attributes read from a
//! table. Projects are built here with articles written for the tests, as
//! a user builds them: made, filled, coded document by document.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/corpus.rs"]
mod corpus;

use corpus::{randnotiz, stderr, stdout};

use std::io::Read as _;
use std::path::Path;

use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::analysis::agreement::{self, Coding};
use randnotiz::annotation::{Colour, Edit};
use randnotiz::document::CharRange;
use randnotiz::export::corpus::DOCUMENT_COLUMNS;
use randnotiz::export::table;
use randnotiz::workspace::project::{Progress, Project};

/// A project in `dir/name` with articles `range` (written to
/// `dir/name-texts`) and the actors Tokajew and die OVKS.
fn project(dir: &Path, name: &str, range: std::ops::Range<usize>, copy: bool) -> Project {
    let texts = corpus::write(&dir.join(format!("{name}-texts")), range);
    let mut project = Project::create(&dir.join(name), "Kasachstan").unwrap();
    project.add(&texts, copy, &Progress::default()).unwrap();
    for (id, name) in [("tokajew", "Tokajew"), ("ovks", "die OVKS")] {
        project
            .add_actor(Actor::new(ActorId(id.into()), name, ActorKind::Person))
            .unwrap();
    }
    project
}

/// The `nth` sentence of the text that starts with `word` (to its
/// "Januar."), as chars.
fn sentence(text: &str, word: &str, nth: usize) -> CharRange {
    let byte = text
        .match_indices(word)
        .nth(nth)
        .unwrap_or_else(|| panic!("{word:?} #{nth} not in the text"))
        .0;
    let end = byte + text[byte..].find("Januar.").unwrap() + "Januar.".len();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + text[byte..end].chars().count())
}

/// What one passage is: where, with which actors, the note.
struct Passage<'a> {
    word: &'a str,
    nth: usize,
    /// Only the word, not its sentence.
    word_only: bool,
    actors: &'a [&'a str],
    note: &'a str,
}

fn passage<'a>(word: &'a str, nth: usize, actors: &'a [&'a str]) -> Passage<'a> {
    Passage {
        word,
        nth,
        word_only: false,
        actors,
        note: "",
    }
}

/// Codes document `doc` as `reader` (none: no name) with `passages`, saves
/// it and takes it back into the project, as the window does.
fn code(project: &mut Project, doc: usize, reader: Option<&str>, passages: &[Passage<'_>]) {
    corpus::edit_document(project, doc, |workspace| {
        if let Some(reader) = reader {
            workspace.set_reader(reader);
        }
        let text = workspace.document().text().to_owned();
        for p in passages {
            let mut range = sentence(&text, p.word, p.nth);
            if p.word_only {
                range.end = range.start + p.word.chars().count();
            }
            let actors = p.actors.iter().map(|a| ActorId((*a).into())).collect();
            let annotation = workspace.new_annotation(range, Colour::Green, actors, p.note.into());
            corpus::add(workspace, annotation);
        }
    });
}

/// Gives actor `id` a note, through a document's workspace as the window does.
fn note_actor(project: &mut Project, id: &str, note: &str) {
    corpus::edit_document(project, 0, |workspace| {
        let mut actor = workspace
            .session()
            .actor(&ActorId(id.into()))
            .unwrap()
            .clone();
        actor.note = note.into();
        workspace.apply(Edit::ReplaceActor(actor)).unwrap();
    });
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_csv_has_the_document_and_attribute_columns_before_each_annotation() {
    // The session's CSV below is made here, in this process's language:
    // the command line is asked in the same one. (Setting the language
    // here would change it under the window tests of this binary.)
    let lang = randnotiz::i18n::lang_code();
    let tmp = tempfile::tempdir().unwrap();
    let mut project = project(tmp.path(), "projekt", 0..4, false);
    project.add_attribute("Ressort").unwrap();
    project.add_attribute("Tendenz").unwrap();
    project
        .edit_entry(0, |e| {
            e.attributes.insert("Ressort".into(), "Politik".into());
            e.attributes.insert("Tendenz".into(), "=1+1".into());
        })
        .unwrap();
    project
        .edit_entry(2, |e| {
            e.attributes
                .insert("Ressort".into(), "Ausland, Asien".into());
        })
        .unwrap();
    code(
        &mut project,
        0,
        None,
        &[
            passage("Tokajew", 0, &["tokajew"]),
            Passage {
                note: "Quelle?\nZweite Zeile, mit Komma",
                ..passage("Die OVKS", 0, &["ovks", "tokajew"])
            },
        ],
    );
    code(&mut project, 2, None, &[passage("Die OVKS", 1, &["ovks"])]);
    let dir = project.dir().to_path_buf();

    let out = corpus::randnotiz_in(lang, &[&"export", &dir, &"--format", &"csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = csv_rows(&stdout(&out));
    let header: Vec<&str> = rows[0].iter().map(String::as_str).collect();
    let mut expected: Vec<&str> = DOCUMENT_COLUMNS.to_vec();
    expected.extend(["Ressort", "Tendenz"]);
    expected.extend(table::COLUMNS);
    assert_eq!(header, expected);
    assert_eq!(rows.len(), 1 + 3, "one row per annotation");
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();

    let first = &rows[1];
    let entry = &project.documents()[0];
    assert_eq!(first[column("document")], entry.id);
    assert_eq!(first[column("title")], "Lage in Kasachstan, Bericht 0");
    assert_eq!(first[column("outlet")], "Tagesblatt");
    assert_eq!(first[column("date")], "2022-01-01");
    assert_eq!(first[column("author")], "Redaktion Rundfunk Nord");
    assert_eq!(first[column("Ressort")], "Politik");
    assert_eq!(
        first[column("Tendenz")],
        "'=1+1",
        "a formula is neutralised"
    );
    assert_eq!(first[column("actors")], "Tokajew");
    let second = &rows[2];
    assert_eq!(second[column("actors")], "die OVKS; Tokajew");
    assert_eq!(second[column("note")], "Quelle?\nZweite Zeile, mit Komma");
    let third = &rows[3];
    assert_eq!(third[column("document")], project.documents()[2].id);
    assert_eq!(third[column("Ressort")], "Ausland, Asien");
    assert_eq!(third[column("Tendenz")], "");
    assert!(third[column("quote")].starts_with("Die OVKS"));
    // The annotation columns are the single-session CSV's, cell by cell.
    let (workspace, _) = project.open_document(2).unwrap();
    let session_csv = randnotiz::export::table::csv(&randnotiz::export::Input {
        session: workspace.session(),
        document: workspace.document(),
        source: workspace.document_path(),
    });
    assert_eq!(csv_rows(&session_csv)[1], third[column("id")..].to_vec());
}

#[test]
fn the_refi_qda_project_validates_and_holds_every_document_and_annotation() {
    let tmp = tempfile::tempdir().unwrap();
    let mut project = project(tmp.path(), "projekt", 0..3, true);
    project
        .edit_entry(1, |e| {
            e.attributes
                .insert("Ressort".into(), "Politik & <Recht>".into());
        })
        .unwrap();
    code(
        &mut project,
        0,
        Some("anna"),
        &[
            passage("Tokajew", 0, &["tokajew"]),
            passage("Moskau", 0, &[]),
        ],
    );
    code(
        &mut project,
        1,
        Some("ben"),
        &[Passage {
            note: "Wer sagt das?",
            ..passage("Die OVKS", 0, &["ovks"])
        }],
    );
    let dir = project.dir().to_path_buf();
    let file = tmp.path().join("korpus.qdpx");
    let out = randnotiz(&[&"export", &dir, &"-f", &"qdpx", &"-o", &file]);
    assert!(out.status.success(), "{}", stderr(&out));

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut qde = String::new();
    zip.by_name("project.qde")
        .unwrap()
        .read_to_string(&mut qde)
        .unwrap();
    let qde_path = tmp.path().join("project.qde");
    std::fs::write(&qde_path, &qde).unwrap();
    common::validate_qde(&qde_path);

    let xml = roxmltree::Document::parse(&qde).unwrap();
    let nodes = |name: &str| {
        xml.descendants()
            .filter(|n| n.has_tag_name(name))
            .collect::<Vec<_>>()
    };
    assert_eq!(xml.root_element().attribute("name"), Some("Kasachstan"));
    let sources = nodes("TextSource");
    assert_eq!(sources.len(), 3, "every document a source");
    let users: Vec<_> = nodes("User")
        .iter()
        .filter_map(|u| u.attribute("name"))
        .collect();
    assert!(
        users.contains(&"anna") && users.contains(&"ben"),
        "{users:?}"
    );

    let mut selections = 0;
    for (i, source) in sources.iter().enumerate() {
        let (workspace, _) = project.open_document(i).unwrap();
        let path = source
            .attribute("plainTextPath")
            .unwrap()
            .strip_prefix("internal://")
            .unwrap();
        let mut text = String::new();
        zip.by_name(&format!("sources/{path}"))
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, workspace.document().text(), "its normalised text");
        assert_eq!(
            source.attribute("name"),
            Some(project.documents()[i].source.title.as_str())
        );
        let chars: Vec<char> = text.chars().collect();
        let quotes: Vec<String> = source
            .children()
            .filter(|n| n.has_tag_name("PlainTextSelection"))
            .map(|s| {
                let at = |name| s.attribute(name).unwrap().parse::<usize>().unwrap();
                chars[at("startPosition")..at("endPosition")]
                    .iter()
                    .collect()
            })
            .collect();
        let mut expected: Vec<String> = workspace
            .session()
            .annotations
            .iter()
            .map(|a| a.quote().to_owned())
            .collect();
        let mut found = quotes.clone();
        expected.sort();
        found.sort();
        assert_eq!(found, expected, "document {i}'s selections");
        selections += quotes.len();
    }
    assert_eq!(selections, 3);

    // Codes once for the corpus; codings point at them.
    let codes = nodes("Code");
    let tokajew: Vec<_> = codes
        .iter()
        .filter(|c| c.attribute("name") == Some("Tokajew"))
        .collect();
    assert_eq!(tokajew.len(), 1);
    let code_guids: Vec<&str> = codes.iter().filter_map(|c| c.attribute("guid")).collect();
    for reference in nodes("CodeRef") {
        assert!(code_guids.contains(&reference.attribute("targetGUID").unwrap()));
    }
    // Outlet, date, author and the attribute as variables, valued per source.
    let variables: Vec<(&str, &str)> = nodes("Variable")
        .iter()
        .map(|v| (v.attribute("name").unwrap(), v.attribute("guid").unwrap()))
        .collect();
    let names: Vec<&str> = variables.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["Outlet", "Date", "Author", "Ressort"]);
    let ressort = variables[3].1;
    let valued: Vec<(&str, &str)> = sources[1]
        .children()
        .filter(|n| n.has_tag_name("VariableValue"))
        .map(|v| {
            let target = v
                .children()
                .find(|n| n.has_tag_name("VariableRef"))
                .and_then(|r| r.attribute("targetGUID"))
                .unwrap();
            let value = v
                .children()
                .find(|n| n.has_tag_name("TextValue"))
                .and_then(|t| t.text())
                .unwrap();
            (target, value)
        })
        .collect();
    assert!(
        valued.contains(&(ressort, "Politik & <Recht>")),
        "{valued:?}"
    );
    assert!(
        valued.contains(&(variables[1].1, "2022-01-02")),
        "{valued:?}"
    );
    // Every GUID is distinct.
    let mut guids: Vec<&str> = xml
        .descendants()
        .filter_map(|n| n.attribute("guid"))
        .collect();
    let all = guids.len();
    guids.sort_unstable();
    guids.dedup();
    assert_eq!(guids.len(), all);
}

#[test]
fn the_report_lists_an_actors_passages_by_document_in_date_order() {
    let tmp = tempfile::tempdir().unwrap();
    let mut project = project(tmp.path(), "projekt", 0..4, false);
    // Document 0 appeared last: the report follows the dates, not the order added.
    project
        .edit_entry(0, |e| e.date = Some("2022-03-01".into()))
        .unwrap();
    note_actor(&mut project, "tokajew", "Präsident; spricht selten selbst.");
    for doc in [0, 1, 3] {
        code(
            &mut project,
            doc,
            None,
            &[Passage {
                note: "bemerkenswert",
                ..passage("Tokajew", 0, &["tokajew"])
            }],
        );
    }
    code(&mut project, 2, None, &[passage("Die OVKS", 0, &["ovks"])]);
    code(&mut project, 3, None, &[passage("Moskau", 0, &[])]);
    let dir = project.dir().to_path_buf();
    let out = randnotiz(&[&"export", &dir, &"-f", &"md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = stdout(&out);

    let section = |heading: &str| {
        let start = report.find(heading).unwrap_or_else(|| panic!("{heading}"));
        let rest = &report[start + heading.len()..];
        let end = rest.find("\n## ").map_or(rest.len(), |e| e);
        rest[..end].to_owned()
    };
    let tokajew = section("## Tokajew\n");
    assert!(tokajew.contains("3 passages in 3 documents"), "{tokajew}");
    assert!(tokajew.contains("Präsident; spricht selten selbst."));
    let at = |heading: &str| {
        tokajew
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} not in\n{tokajew}"))
    };
    let one = at("### Lage in Kasachstan, Bericht 1 – Abendpost, 2022-01-02");
    let three = at("### Lage in Kasachstan, Bericht 3 – Wochenspiegel, 2022-01-04");
    let zero = at("### Lage in Kasachstan, Bericht 0 – Tagesblatt, 2022-03-01");
    assert!(one < three && three < zero, "date order:\n{tokajew}");
    assert!(!tokajew.contains("Bericht 2"), "not coded with Tokajew");
    assert_eq!(
        tokajew.matches("**Tokajew ").count(),
        3,
        "each quote in bold"
    );
    assert_eq!(tokajew.matches("bemerkenswert").count(), 3, "each note");

    let ovks = section("## die OVKS\n");
    assert!(ovks.contains("Bericht 2"), "{ovks}");
    // A passage with no actor is not left out.
    let none = section("## Passages without an actor\n");
    assert!(none.contains("**Moskau"), "{none}");
}

#[test]
fn check_names_a_removed_text_and_strict_says_so_by_its_status() {
    let tmp = tempfile::tempdir().unwrap();
    let mut project = project(tmp.path(), "projekt", 0..3, false);
    code(
        &mut project,
        0,
        None,
        &[passage("Tokajew", 0, &["tokajew"])],
    );
    code(
        &mut project,
        1,
        None,
        &[
            passage("Tokajew", 0, &["tokajew"]),
            passage("Die OVKS", 0, &["ovks"]),
        ],
    );
    let dir = project.dir().to_path_buf();
    let out = randnotiz(&[&"check", &dir, &"--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Together: 3 anchored, 0 moved, 0 orphaned"),
        "{}",
        stdout(&out)
    );

    let text = project.text_path(1).unwrap();
    std::fs::remove_file(&text).unwrap();
    let out = randnotiz(&[&"check", &dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("Project “Kasachstan”"), "{said}");
    assert!(
        said.contains("The text of “Lage in Kasachstan, Bericht 1” is missing"),
        "{said}"
    );
    assert!(said.contains("bericht-0001.md is gone"), "{said}");
    assert!(
        said.contains("Its 2 annotations are not checked."),
        "{said}"
    );
    assert!(
        said.contains("   1  Lage in Kasachstan, Bericht 0: 1 anchored, 0 moved, 0 orphaned"),
        "{said}"
    );
    assert!(
        said.contains("1 documents could not be opened (2 annotations not checked)"),
        "{said}"
    );
    let strict = randnotiz(&[&"check", &dir, &"--strict"]);
    assert_eq!(strict.status.code(), Some(3), "{}", stderr(&strict));
    assert!(
        stderr(&strict).contains("2 not checked"),
        "{}",
        stderr(&strict)
    );

    // The export still carries them, as orphaned.
    let out = randnotiz(&[&"export", &dir, &"-f", &"csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Its 2 annotations are exported as orphaned."),
        "{}",
        stderr(&out)
    );
    let rows = csv_rows(&stdout(&out));
    assert_eq!(rows.len(), 1 + 3);
    let section = rows[0].iter().position(|h| h == "section").unwrap();
    assert_eq!(
        rows.iter().filter(|r| r[section] == "orphaned").count(),
        2,
        "{rows:?}"
    );

    // A changed text: re-anchored, counted, named.
    let other = project.text_path(0).unwrap();
    let changed = std::fs::read_to_string(&other).unwrap().replacen(
        "# Lage",
        "Vorab ein neuer Satz.\n\n# Lage",
        1,
    );
    std::fs::write(&other, changed).unwrap();
    let out = randnotiz(&[&"check", &dir]);
    let said = stdout(&out);
    assert!(
        said.contains("Bericht 0: 0 anchored, 1 moved, 0 orphaned"),
        "{said}"
    );
    assert!(said.contains("The text has changed"), "{said}");
}

/// Two projects on overlapping articles, coded by ben (mine: articles
/// 0..4) and anna (theirs: articles 2..6, copied into her folder). Her
/// "OVKS" actor has another id and spelling; she has an actor of her own.
fn two_projects(tmp: &Path) -> (Project, Project) {
    let mut mine = project(tmp, "ben", 0..4, false);
    let texts = corpus::write(&tmp.join("anna-texts"), 2..6);
    let mut theirs = Project::create(&tmp.join("anna"), "Kasachstan").unwrap();
    theirs.add(&texts, true, &Progress::default()).unwrap();
    for (id, name) in [
        ("tokajew", "Tokajew"),
        ("organisation-ovks", "Die OVKS"),
        ("moskau", "Moskau"),
    ] {
        theirs
            .add_actor(Actor::new(
                ActorId(id.into()),
                name,
                ActorKind::Organisation,
            ))
            .unwrap();
    }
    for doc in 0..4 {
        code(
            &mut mine,
            doc,
            Some("ben"),
            &[
                passage("Tokajew", 0, &["tokajew"]),
                passage("Die OVKS", 0, &["ovks"]),
            ],
        );
    }
    for doc in 0..4 {
        code(
            &mut theirs,
            doc,
            Some("anna"),
            &[
                Passage {
                    word_only: true,
                    ..passage("Tokajew", 0, &["tokajew"])
                },
                // The same passage as ben's, made in the same second: her
                // note tells it apart (else merging takes it for a copy of his).
                Passage {
                    note: "laut Agentur",
                    ..passage("Die OVKS", 0, &["organisation-ovks"])
                },
                passage("Moskau", 0, &["moskau"]),
            ],
        );
    }
    (mine, theirs)
}

/// Every annotation of `project` as (text hash, quote, reader, actors).
fn all_codings(project: &Project) -> Vec<(String, String, Option<String>, Vec<String>)> {
    let mut out: Vec<_> = project
        .all_annotations()
        .map(|(i, a)| {
            let names = a
                .actors
                .iter()
                .map(|id| {
                    project
                        .file()
                        .actors
                        .iter()
                        .find(|x| &x.id == id)
                        .map_or(id.0.clone(), |x| x.name.to_lowercase())
                })
                .collect();
            (
                project.documents()[i].source.hash.clone(),
                a.quote().to_owned(),
                a.reader.clone(),
                names,
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn merging_a_colleagues_project_keeps_every_annotation_of_both() {
    let tmp = tempfile::tempdir().unwrap();
    let (mine, theirs) = two_projects(tmp.path());
    let mut expected = all_codings(&mine);
    expected.extend(all_codings(&theirs));
    expected.sort();
    let (mine_dir, their_dir) = (mine.dir().to_path_buf(), theirs.dir().to_path_buf());
    drop((mine, theirs));

    let out = randnotiz(&[&"merge", &their_dir, &"-o", &mine_dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("12 annotations by anna taken in: 2 documents are in both projects, 2 documents added, 1 new actors."),
        "{}",
        stdout(&out)
    );
    let (merged, notices) = Project::open(&mine_dir).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(merged.documents().len(), 6);
    assert_eq!(all_codings(&merged), expected, "every annotation of both");
    // Actors: the same id is the same, the same name (case aside) too.
    let names: Vec<&str> = merged
        .file()
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Tokajew", "die OVKS", "Moskau"]);
    assert!(merged.all_annotations().all(|(_, a)| {
        a.actors
            .iter()
            .all(|id| merged.file().actors.iter().any(|x| &x.id == id))
    }));
    // Her documents came with their texts, copied into this folder.
    for i in 4..6 {
        let path = merged.text_path(i).unwrap();
        assert!(path.starts_with(&mine_dir), "{}", path.display());
        let (workspace, report) = merged.open_document(i).unwrap();
        assert_eq!(report.orphaned, 0);
        assert_eq!(workspace.session().annotations.len(), 3);
    }
    // The two shared documents hold both readings.
    for i in 2..4 {
        let readers = merged.session_of(i).readers().len();
        assert_eq!(readers, 2, "document {i}");
    }
    let check = randnotiz(&[&"check", &mine_dir, &"--strict"]);
    assert!(check.status.success(), "{}", stdout(&check));

    // Merged again: nothing comes twice.
    let again = randnotiz(&[&"merge", &their_dir, &"-o", &mine_dir]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("0 annotations"),
        "{}",
        stdout(&again)
    );
    let (merged, _) = Project::open(&mine_dir).unwrap();
    assert_eq!(all_codings(&merged), expected);
}

#[test]
fn pooled_agreement_is_the_agreement_over_all_documents_units_together() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut mine, theirs) = two_projects(tmp.path());
    mine.merge_in(&theirs).unwrap();
    let opened = mine.open_all();
    let (a, b) = (Some("ben"), Some("anna"));
    let both: Vec<_> = opened
        .documents
        .iter()
        .filter(|d| d.session.readers().len() == 2)
        .collect();
    assert_eq!(both.len(), 2, "documents 2 and 3 were coded by both");

    let pooled = agreement::compare_pooled(
        &opened.file.actors,
        both.iter().map(|d| (&*d.document, &d.session)),
        a,
        b,
    );
    // The same, by hand: each text's tokens coded, all put together.
    let (mut units_a, mut units_b) = (Coding::default(), Coding::default());
    for doc in &both {
        let tokens = agreement::tokens(doc.document.text());
        for (units, reader) in [(&mut units_a, a), (&mut units_b, b)] {
            let coding = Coding::of(
                &doc.document,
                &doc.session,
                &tokens,
                agreement::by_reader(&doc.session, reader),
            );
            units.actors.extend(coding.actors);
            units.marked.extend(coding.marked);
        }
    }
    assert_eq!(pooled.tokens, units_a.actors.len());
    assert_eq!(
        pooled.overall,
        agreement::agreement(&units_a.actors, &units_b.actors)
    );
    assert_eq!(
        pooled.marked,
        agreement::agreement(&units_a.marked, &units_b.marked)
    );
    let ovks = opened
        .file
        .actors
        .iter()
        .position(|x| x.id.0 == "ovks")
        .unwrap();
    let ovks = u32::try_from(ovks).unwrap();
    assert_eq!(
        pooled.per_actor[1].agreement,
        agreement::agreement(&units_a.has(ovks), &units_b.has(ovks))
    );
    assert_eq!(pooled.annotations, [4, 6]);
    let kappa = pooled.overall.kappa.unwrap();
    assert!(kappa > 0.0 && kappa < 1.0, "partly alike: {kappa}");

    // The command line gives the same figures, per document and pooled.
    let out = randnotiz(&[&"agree", &mine.dir(), &"--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["readers"], serde_json::json!(["ben", "anna"]));
    assert_eq!(json["pooled"]["tokens"], pooled.tokens);
    let figure = |v: &serde_json::Value| v.as_f64().unwrap();
    assert!((figure(&json["pooled"]["overall"]["kappa"]) - kappa).abs() < 1e-12);
    assert_eq!(json["documents"].as_array().unwrap().len(), 2);
    assert_eq!(json["left_out"].as_array().unwrap().len(), 4);
    let first = &json["documents"][0];
    let by_hand = agreement::compare(&both[0].document, &both[0].session, a, b);
    assert_eq!(first["agreement"]["tokens"], by_hand.tokens);
    let table = randnotiz(&[&"agree", &mine.dir()]);
    assert!(
        stdout(&table).contains("Pooled over the corpus: the tokens of the 2 documents both coded"),
        "{}",
        stdout(&table)
    );
    // Naming readers nobody shares a document with is said plainly.
    let none = randnotiz(&[&"agree", &mine.dir(), &"--readers", &"ben,carla"]);
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("have not both coded any document"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn attributes_come_from_a_table_and_rows_without_a_document_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let mut project = project(tmp.path(), "projekt", 0..4, false);
    project
        .edit_entry(3, |e| {
            e.attributes.insert("Ressort".into(), "Sport".into());
        })
        .unwrap();
    let dir = project.dir().to_path_buf();
    let id = project.documents()[2].id.clone();
    // As a German spreadsheet saves it: semicolons, Windows-1252.
    let table = format!(
        "Datei;Ressort;Tendenz\n\
         bericht-0000.md;Politik;kritisch\n\
         ../irgendwo/bericht-0001.md;Wirtschaft;\n\
         {id};Außenpolitik;neutral\n\
         bericht-0003.md;;positiv\n\
         bericht-0099.md;Feuilleton;neutral\n"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&table);
    let file = tmp.path().join("merkmale.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = randnotiz(&[&"project", &"attributes", &dir, &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("is not saved as UTF-8"), "{said}");
    assert!(
        said.contains("Line 6: “bericht-0099.md” matches no document"),
        "{said}"
    );
    assert!(
        said.contains("6 values set on 4 documents; columns: Ressort, Tendenz."),
        "{said}"
    );

    let (project, _) = Project::open(&dir).unwrap();
    assert_eq!(project.file().attributes, ["Ressort", "Tendenz"]);
    let value = |i: usize, name: &str| project.documents()[i].attributes.get(name).cloned();
    assert_eq!(value(0, "Ressort").as_deref(), Some("Politik"));
    assert_eq!(value(0, "Tendenz").as_deref(), Some("kritisch"));
    assert_eq!(value(1, "Ressort").as_deref(), Some("Wirtschaft"));
    assert_eq!(value(1, "Tendenz"), None, "an empty cell sets nothing");
    assert_eq!(value(2, "Ressort").as_deref(), Some("Außenpolitik"));
    assert_eq!(value(3, "Ressort").as_deref(), Some("Sport"), "kept");
    assert_eq!(value(3, "Tendenz").as_deref(), Some("positiv"));

    // A table with only the file column names no attribute.
    std::fs::write(&file, "Datei\nbericht-0000.md\n").unwrap();
    let out = randnotiz(&[&"project", &"attributes", &dir, &file]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("has no attribute columns"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn formats_made_for_one_text_are_refused_for_a_project_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let project = project(tmp.path(), "projekt", 0..2, false);
    let dir = project.dir().to_path_buf();
    for format in ["graphml", "actor-stats", "cooccurrence"] {
        let out = randnotiz(&[&"export", &dir, &"-f", &format]);
        assert!(!out.status.success(), "{format}");
        let said = stderr(&out);
        assert!(said.contains("is made for one text"), "{said}");
        assert!(said.contains("annotations/ID.ron"), "{said}");
    }
    // A qdpx needs a file; the text formats go to standard output.
    let out = randnotiz(&[&"export", &dir, &"-f", &"qdpx"]);
    assert!(!out.status.success());
    let out = randnotiz(&[&"export", &dir, &"-f", &"w3c"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["type"], "AnnotationCollection");
    assert_eq!(json["total"], 0);
    // An export never goes over the project file.
    let over = randnotiz(&[
        &"export",
        &dir,
        &"-f",
        &"md",
        &"-o",
        &dir.join("project.ron"),
    ]);
    assert!(!over.status.success());
    assert!(dir.join("project.ron").is_file());
    let (again, _) = Project::open(&dir).unwrap();
    assert_eq!(again.documents().len(), 2);
}

#[test]
fn web_annotations_name_each_document_as_their_source() {
    let tmp = tempfile::tempdir().unwrap();
    let mut project = project(tmp.path(), "projekt", 0..3, false);
    code(
        &mut project,
        0,
        None,
        &[passage("Tokajew", 0, &["tokajew"])],
    );
    code(&mut project, 2, None, &[passage("Die OVKS", 0, &["ovks"])]);
    let out = randnotiz(&[&"export", &project.dir(), &"-f", &"w3c"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["label"], "Kasachstan");
    let items = json["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let sources: Vec<&str> = items
        .iter()
        .map(|i| i["target"]["source"].as_str().unwrap())
        .collect();
    assert!(sources[0].ends_with("/bericht-0000.md"), "{sources:?}");
    assert!(sources[1].ends_with("/bericht-0002.md"), "{sources:?}");
    let ids: std::collections::HashSet<&str> =
        items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 2, "ids distinct across documents");
}

#[path = "common/window.rs"]
mod window;

#[test]
fn the_agreement_window_compares_the_readers_over_the_whole_project() {
    use egui_kittest::kittest::Queryable as _;
    let tmp = tempfile::tempdir().unwrap();
    let (mut mine, theirs) = two_projects(tmp.path());
    mine.merge_in(&theirs).unwrap();
    let expected = mine.open_all().agreement(None).unwrap();
    let mut harness = window::app(Some(mine.dir().to_path_buf()), None);
    harness.get_by_label("Analyse").click();
    harness.run();
    harness.get_by_label("Übereinstimmung…").click();
    harness.run();
    harness.get_by_label("Berechnen").click();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while harness
        .query_by_label_contains("Über das Korpus gepoolt")
        .is_none()
    {
        assert!(std::time::Instant::now() < deadline, "no pooled agreement");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    harness.get_by_label_contains("die Tokens der 2 Dokumente");
    // The pooled figures as the library (and `agree DIR`) has them.
    let percent = format!("{:.1} %", expected.pooled.overall.percent * 100.0);
    assert!(
        harness.query_all_by_label(&percent).count() >= 1,
        "{percent}"
    );
    let kappa = randnotiz::analysis::agreement::coefficient(expected.pooled.overall.kappa);
    assert!(harness.query_all_by_label(&kappa).count() >= 1, "{kappa}");
    // A document's row opens it.
    let (index, _) = expected.per_document[1];
    let title = mine.documents()[index].source.title.clone();
    harness.get_by_label(&title).click();
    harness.run();
    assert_eq!(harness.state().project_document(), Some(index));
}
