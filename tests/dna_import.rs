//! A Discourse Network Analyzer database becomes a project: DNA's sample
//! database (`../shared/testdata/dna/sample.dna`, skipped when missing) and
//! a small database made here, with characters outside the BMP so that
//! DNA's UTF-16 offsets and Randnotiz's char offsets differ.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod common;

use randnotiz::actors::ActorKind;
use randnotiz::annotation::Stance;
use randnotiz::i18n::{fill, tr_im};
use randnotiz::import::dna::{self, DnaReport, ImportError};
use randnotiz::workspace::project::Project;

fn sample() -> Option<PathBuf> {
    common::shared("testdata/dna/sample.dna")
}

/// Each statement's passage as DNA shows it, by the database itself: the
/// document's text as UTF-16 code units, cut at `Start` and `Stop`.
fn dna_quotes(path: &Path) -> HashMap<i64, String> {
    let db =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut query = db
        .prepare("SELECT s.ID, d.Text, s.Start, s.Stop FROM STATEMENTS s JOIN DOCUMENTS d ON d.ID = s.DocumentId")
        .unwrap();
    query
        .query_map([], |r| {
            let text: String = r.get(1)?;
            let (start, stop): (i64, i64) = (r.get(2)?, r.get(3)?);
            let (start, stop) = (start as usize, stop as usize);
            let units: Vec<u16> = text.encode_utf16().collect();
            Ok((r.get(0)?, String::from_utf16(&units[start..stop]).unwrap()))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn import(path: &Path) -> (tempfile::TempDir, Project, DnaReport) {
    let dir = tempfile::tempdir().unwrap();
    let (project, report) = dna::import(path, &dir.path().join("projekt")).unwrap();
    (dir, project, report)
}

#[test]
fn the_sample_database_becomes_a_project_with_its_documents_and_statements() {
    let Some(path) = sample() else { return };
    let before = std::fs::read(&path).unwrap();
    let (_dir, project, report) = import(&path);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the .dna is unchanged"
    );

    assert_eq!(project.documents().len(), 7);
    assert_eq!(report.documents, 7);
    let first = &project.documents()[0];
    assert_eq!(first.source.title, "109-876: Bluestein, Joel-BUS-Y");
    assert_eq!(first.date.as_deref(), Some("2005-01-26"));
    assert_eq!(first.author.as_deref(), Some("Bluestein, Joel"));
    assert_eq!(first.outlet.as_deref(), Some("109"));
    assert_eq!(first.attributes["Section"], "876");
    assert_eq!(first.attributes["Coder"], "Coder 1");
    assert_eq!(project.file().attributes, ["Section", "Type", "Coder"]);
    let last = &project.documents()[6];
    assert_eq!(last.date.as_deref(), Some("2005-02-16"));
    assert_eq!(last.attributes["Section"], "1");

    // 41 statements: 40 of the type "DNA Statement", one "Annotation".
    let annotations: Vec<_> = project.all_annotations().map(|(_, a)| a).collect();
    assert_eq!(annotations.len(), 41);
    assert_eq!(report.annotations, 41);
    let statements: Vec<_> = annotations
        .iter()
        .filter_map(|a| a.statement.as_ref().map(|s| (*a, s)))
        .collect();
    assert_eq!(statements.len(), 40);
    assert_eq!(report.statements, 40);
    let actor = |id: &randnotiz::actors::ActorId| {
        project.file().actors.iter().find(|a| &a.id == id).unwrap()
    };
    for (annotation, statement) in &statements {
        // The organisation speaks; the person is on the annotation too.
        assert_eq!(actor(&statement.actor).kind, ActorKind::Organisation);
        assert_eq!(annotation.actors.len(), 2, "{annotation:?}");
        assert_eq!(annotation.actors[0], statement.actor);
        assert_eq!(actor(&annotation.actors[1]).kind, ActorKind::Person);
        assert!(
            project
                .file()
                .concepts
                .iter()
                .any(|c| c.id == statement.concept)
        );
        assert_eq!(annotation.reader.as_deref(), Some("Coder 1"));
    }
    let agrees = statements
        .iter()
        .filter(|(_, s)| s.stance == Stance::Agrees)
        .count();
    let disagrees = statements
        .iter()
        .filter(|(_, s)| s.stance == Stance::Disagrees)
        .count();
    assert_eq!((agrees, disagrees), (29, 11));
    let note = annotations.iter().find(|a| a.statement.is_none()).unwrap();
    assert_eq!(note.reader.as_deref(), Some("Coder 2"));
    assert!(
        note.note
            .starts_with("DNA: Annotation\nnote: This is a note."),
        "{}",
        note.note
    );
    assert!(note.actors.is_empty());

    // Entities: 7 persons, 7 organisations, 6 concepts, with colours and
    // attributes; DNA's three empty entities are said, not made.
    let file = project.file();
    assert_eq!(file.actors.len(), 14);
    assert_eq!(file.concepts.len(), 6);
    let sierra = file
        .actors
        .iter()
        .find(|a| a.name == "Sierra Club")
        .unwrap();
    assert_eq!(sierra.kind, ActorKind::Organisation);
    assert_eq!(sierra.colour.to_hex(), "#00cc00");
    assert_eq!(sierra.attributes["Type"], "NGO");
    let voinovich = file
        .actors
        .iter()
        .find(|a| a.name == "George Voinovich")
        .unwrap();
    assert_eq!(voinovich.kind, ActorKind::Person);
    assert_eq!(voinovich.colour.to_hex(), "#ff0033");
    assert_eq!(voinovich.attributes["Type"], "Congress-Republican");
    let senate = file.actors.iter().find(|a| a.name == "Senate").unwrap();
    assert_eq!(senate.colour.to_hex(), "#000000");
    assert!(
        file.concepts
            .iter()
            .any(|c| c.name == "Cap and trade is the solution.")
    );

    // The highlighter's six patterns, all readable by the regex crate.
    let patterns: Vec<&str> = file.searches.iter().map(|s| s.pattern.as_str()).collect();
    assert_eq!(
        patterns,
        [
            "C[Oo0]2",
            "climat",
            "emission",
            "dioxide",
            "greenhouse",
            "ozone"
        ]
    );
    assert!(file.searches.iter().all(|s| s.regex));
    assert_eq!(file.searches[0].colour.unwrap().to_hex(), "#ff0000");
    assert!(report.invalid_patterns.is_empty(), "{report:?}");
    assert_eq!(report.searches, 6);

    // What was not carried over is said.
    let said = report.lines().join("\n");
    assert!(said.contains("Annotation"), "{said}");
    assert!(said.contains("3.0.7"), "{said}");
}

#[test]
fn every_passage_is_the_text_dna_shows() {
    let Some(path) = sample() else { return };
    let (_dir, project, _) = import(&path);
    let quotes = dna_quotes(&path);
    assert_eq!(quotes.len(), 41);
    // Read by eye in DNA's window, and by python from the database.
    let by_eye = [
        "My name is Joel Bluestein and I am the President of Energy and Environmental Analysis, Inc.",
        "We urge Congress to include a mandatory cap on carbon emissions similar to the Gilchrest-Olver proposal introduced in the House.",
        "The report concludes that some continued warming is inevitable given the buildup of carbon dioxide but says that the ``speed and amount'' of warming can be minimized by substantially reducing future emissions",
        "Time is of the essence. It is either now or never. I met with several of my colleagues on the other side and plan to keep working with them and every member on this Committee to get something done to reduce sulfur dioxide, nitrogen oxides, and mercury emissions substantially.",
    ];
    let mut seen = 0;
    for index in 0..project.documents().len() {
        let document = project.load_document(index).unwrap();
        for annotation in project.annotations(index) {
            let range = annotation.range();
            let text = document.slice(range);
            assert_eq!(text, annotation.quote());
            assert!(
                quotes.values().any(|q| q == text),
                "{text:?} is no passage of DNA's"
            );
            seen += 1;
        }
        let texts: Vec<&str> = project
            .annotations(index)
            .iter()
            .map(randnotiz::annotation::Annotation::quote)
            .collect();
        for quote in by_eye {
            if document.text().contains(quote) {
                assert!(texts.contains(&quote), "{quote:?} not annotated");
            }
        }
    }
    assert_eq!(seen, 41);
    let mut all: Vec<&str> = project.all_annotations().map(|(_, a)| a.quote()).collect();
    let mut expected: Vec<&str> = quotes.values().map(String::as_str).collect();
    all.sort_unstable();
    expected.sort_unstable();
    assert_eq!(all, expected);
    // Each document opens in the reader with every annotation in place.
    for index in 0..project.documents().len() {
        let (workspace, report) = project.open_document(index).unwrap();
        assert_eq!(report.moved + report.orphaned, 0);
        assert_eq!(
            workspace.session().annotations.len(),
            project.annotations(index).len()
        );
    }
}

#[test]
fn a_folder_with_something_in_it_is_refused_and_a_file_that_is_no_dna_database_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("voll");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("notiz.txt"), "da").unwrap();
    let made = made_database(dir.path());
    let err = dna::import(&made, &target).unwrap_err();
    assert!(matches!(err, ImportError::Target(_)), "{err}");
    assert!(err.to_string().contains("voll"), "{err}");
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 1);

    let text = dir.path().join("text.dna");
    std::fs::write(&text, "Kein SQLite, nur Text.").unwrap();
    let err = dna::import(&text, &dir.path().join("a")).unwrap_err();
    assert!(err.to_string().contains("SQLite"), "{err}");
    assert!(
        !dir.path().join("a").exists(),
        "nothing made for a bad file"
    );

    let other = dir.path().join("andere.dna");
    let db = rusqlite::Connection::open(&other).unwrap();
    db.execute_batch("CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY);")
        .unwrap();
    drop(db);
    let err = dna::import(&other, &dir.path().join("b")).unwrap_err();
    assert!(err.to_string().contains("STATEMENTS"), "{err}");

    // Cut off in the middle: damaged, said with the file's name.
    let bytes = std::fs::read(&made).unwrap();
    let cut = dir.path().join("kaputt.dna");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let err = dna::import(&cut, &dir.path().join("c")).unwrap_err();
    assert!(err.to_string().contains("kaputt.dna"), "{err}");
}

#[test]
fn a_database_another_program_holds_locked_is_said_to_be_locked() {
    let dir = tempfile::tempdir().unwrap();
    let made = made_database(dir.path());
    let writer = rusqlite::Connection::open(&made).unwrap();
    writer.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    let err = dna::import(&made, &dir.path().join("p")).unwrap_err();
    writer.execute_batch("ROLLBACK;").unwrap();
    assert!(
        matches!(err, ImportError::Read(dna::ReadError::Locked { .. })),
        "{err}"
    );
}

/// The text of the made database's document, with `\r\n` line ends, an
/// emoji and a mathematical letter (two UTF-16 units each) before the
/// passages.
const TEXT: &str = "Lage in Kasachstan 😀\r\n\r\nDie OVKS 𝔘 schickt Truppen, sagt Tokajew. Herr Tokajew spricht von Terroristen 🙂.\r\nMenschenrechtler widersprechen.";

/// `Start` and `Stop` of `passage` in `TEXT` as DNA counts them: UTF-16
/// units in the text with `\n` line ends, as its window shows it.
fn units_of(passage: &str) -> (usize, usize) {
    let shown = TEXT.replace("\r\n", "\n");
    let byte = shown.find(passage).unwrap();
    let start = shown[..byte].encode_utf16().count();
    (start, start + passage.encode_utf16().count())
}

/// A DNA-shaped database of its own: one document with characters
/// outside the BMP and `\r\n` line ends, an empty document, statements of
/// both kinds, entities with attributes, two patterns.
fn made_database(dir: &Path) -> PathBuf {
    let path = dir.join("eigen.dna");
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute_batch(
        "CREATE TABLE SETTINGS(Property TEXT PRIMARY KEY, Value TEXT NOT NULL);
         CREATE TABLE CODERS(ID INTEGER PRIMARY KEY, Name TEXT NOT NULL, Red INTEGER, Green INTEGER, Blue INTEGER);
         CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY, Title TEXT NOT NULL, Text TEXT NOT NULL, Coder INTEGER, Author TEXT NOT NULL DEFAULT '', Source TEXT NOT NULL DEFAULT '', Section TEXT NOT NULL DEFAULT '', Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '', Date INTEGER NOT NULL);
         CREATE TABLE STATEMENTTYPES(ID INTEGER PRIMARY KEY, Label TEXT NOT NULL, Red INTEGER NOT NULL, Green INTEGER NOT NULL, Blue INTEGER NOT NULL);
         CREATE TABLE VARIABLES(ID INTEGER PRIMARY KEY, Variable TEXT NOT NULL, DataType TEXT NOT NULL, StatementTypeId INTEGER);
         CREATE TABLE REGEXES(Label TEXT PRIMARY KEY, Red INTEGER NOT NULL, Green INTEGER NOT NULL, Blue INTEGER NOT NULL);
         CREATE TABLE STATEMENTS(ID INTEGER PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER, Start INTEGER NOT NULL, Stop INTEGER NOT NULL, Coder INTEGER);
         CREATE TABLE DATABOOLEAN(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Value INTEGER NOT NULL);
         CREATE TABLE DATALONGTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Value TEXT);
         CREATE TABLE ENTITIES(ID INTEGER PRIMARY KEY, VariableId INTEGER NOT NULL, Value TEXT NOT NULL, Red INTEGER, Green INTEGER, Blue INTEGER, ChildOf INTEGER);
         CREATE TABLE DATASHORTTEXT(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Entity INTEGER NOT NULL);
         CREATE TABLE ATTRIBUTEVARIABLES(ID INTEGER PRIMARY KEY, VariableId INTEGER NOT NULL, AttributeVariable TEXT NOT NULL);
         CREATE TABLE ATTRIBUTEVALUES(ID INTEGER PRIMARY KEY, EntityId INTEGER NOT NULL, AttributeVariableId INTEGER NOT NULL, AttributeValue TEXT NOT NULL);
         INSERT INTO SETTINGS VALUES ('version', '3.0.11');
         INSERT INTO CODERS VALUES (1, 'Anna', 255, 0, 0), (2, 'Ben', 0, 0, 255);
         INSERT INTO STATEMENTTYPES VALUES (1, 'DNA Statement', 239, 208, 51), (2, 'NPF Story Element', 100, 200, 190);
         INSERT INTO VARIABLES VALUES (1, 'person', 'short text', 1), (2, 'organization', 'short text', 1),
             (3, 'concept', 'short text', 1), (4, 'agreement', 'boolean', 1), (5, 'hero', 'short text', 2),
             (6, 'comment', 'long text', 2);
         INSERT INTO ENTITIES VALUES (1, 1, '', 0, 0, 0, NULL), (2, 1, 'Kassym-Schomart Tokajew', 255, 153, 0, NULL),
             (3, 2, 'OVKS', 0, 102, 204, NULL), (4, 3, 'Truppen nach Kasachstan', 0, 0, 0, NULL),
             (5, 3, '', 0, 0, 0, NULL), (6, 5, 'Menschenrechtler', 0, 0, 0, NULL), (7, 2, 'Russland', 200, 0, 0, NULL),
             (8, 2, 'Kreml', 200, 0, 0, 7), (9, 2, '', 0, 0, 0, NULL);
         INSERT INTO ATTRIBUTEVARIABLES VALUES (1, 2, 'Type'), (2, 2, 'Alias'), (3, 2, 'Notes'), (4, 2, 'Sitz'), (5, 3, 'Notes');
         INSERT INTO ATTRIBUTEVALUES VALUES (1, 3, 1, 'Bündnis'), (2, 3, 2, 'Organisation des Vertrags über kollektive Sicherheit; CSTO'),
             (3, 3, 3, 'Militärbündnis unter Führung Russlands.'), (4, 3, 4, 'Moskau'), (5, 4, 5, 'Entsendung der Truppen.'),
             (6, 7, 4, '');
         INSERT INTO REGEXES VALUES ('Tokaj(ew|ev)', 255, 0, 0), ('(?<=Herr )\\w+', 0, 0, 255);",
    )
    .unwrap();
    db.execute(
        "INSERT INTO DOCUMENTS VALUES (1, 'Lage in Kasachstan', ?1, 1, 'Redaktion', 'Tagesblatt', 'Ausland', 'Erste Meldung', 'Bericht', 1641995940)",
        [TEXT],
    )
    .unwrap();
    db.execute(
        "INSERT INTO DOCUMENTS VALUES (2, 'Leer', '', 1, '', '', '', '', '', 1642032000)",
        [],
    )
    .unwrap();
    let statements = [
        // id, type, passage, coder
        (1, 1, "Die OVKS 𝔘 schickt Truppen", 1),
        (2, 1, "Herr Tokajew spricht von Terroristen 🙂", 2),
        (3, 1, "sagt Tokajew", 1),
        (4, 2, "Menschenrechtler widersprechen.", 2),
    ];
    for (id, kind, passage, coder) in statements {
        let (start, stop) = units_of(passage);
        db.execute(
            "INSERT INTO STATEMENTS VALUES (?1, ?2, 1, ?3, ?4, ?5)",
            rusqlite::params![id, kind, start as i64, stop as i64, coder],
        )
        .unwrap();
    }
    // Past the end of the text.
    db.execute("INSERT INTO STATEMENTS VALUES (5, 1, 1, 10, 9999, 1)", [])
        .unwrap();
    db.execute_batch(
        "INSERT INTO DATASHORTTEXT(StatementId, VariableId, Entity) VALUES
             (1, 1, 1), (1, 2, 3), (1, 3, 4),
             (2, 1, 2), (2, 2, 9), (2, 3, 4),
             (3, 1, 2), (3, 2, 9), (3, 3, 5),
             (4, 5, 6),
             (5, 1, 2), (5, 2, 3), (5, 3, 4);
         INSERT INTO DATABOOLEAN(StatementId, VariableId, Value) VALUES (1, 4, 1), (2, 4, 0), (3, 4, 1), (5, 4, 1);
         INSERT INTO DATALONGTEXT(StatementId, VariableId, Value) VALUES (4, 6, 'Die Opfer sprechen.');",
    )
    .unwrap();
    path
}

#[test]
fn a_database_of_our_own_lands_on_the_same_chars_despite_utf16_and_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let made = made_database(dir.path());
    let (project, report) = dna::import(&made, &dir.path().join("projekt")).unwrap();
    let said = report.lines().join("\n");

    // The empty document cannot be a text: said, with its statements.
    assert_eq!(project.documents().len(), 1, "{said}");
    assert!(said.contains("Leer"), "{said}");
    let entry = &project.documents()[0];
    assert_eq!(entry.date.as_deref(), Some("2022-01-12"));
    assert_eq!(entry.attributes["Time"], "13:59:00");
    assert_eq!(entry.attributes["Notes"], "Erste Meldung");
    assert_eq!(entry.attributes["Type"], "Bericht");
    assert_eq!(entry.outlet.as_deref(), Some("Tagesblatt"));
    assert_eq!(
        project.file().attributes,
        ["Section", "Type", "Notes", "Coder", "Time"]
    );

    let document = project.load_document(0).unwrap();
    let annotations = project.annotations(0);
    assert_eq!(annotations.len(), 4, "{said}");
    let quotes: Vec<&str> = annotations
        .iter()
        .map(|a| document.slice(a.range()))
        .collect();
    assert_eq!(
        quotes,
        [
            "Die OVKS 𝔘 schickt Truppen",
            "sagt Tokajew",
            "Herr Tokajew spricht von Terroristen 🙂",
            "Menschenrechtler widersprechen.",
        ]
    );
    let file = project.file();
    let id_of = |name: &str| {
        file.actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} in {:?}", file.actors))
            .id
            .clone()
    };
    // The organisation and the person: the organisation speaks.
    let ovks = &annotations[0];
    assert_eq!(ovks.actors, [id_of("OVKS")]);
    let statement = ovks.statement.as_ref().unwrap();
    assert_eq!(statement.actor, id_of("OVKS"));
    assert_eq!(statement.stance, Stance::Agrees);
    assert_eq!(ovks.reader.as_deref(), Some("Anna"));
    // Only a person: the person speaks, and disagrees.
    let tokajew = &annotations[2];
    let statement = tokajew.statement.as_ref().unwrap();
    assert_eq!(statement.actor, id_of("Kassym-Schomart Tokajew"));
    assert_eq!(statement.stance, Stance::Disagrees);
    assert_eq!(tokajew.reader.as_deref(), Some("Ben"));
    // No concept: an annotation with its actor, no statement, said.
    assert!(annotations[1].statement.is_none());
    assert_eq!(annotations[1].actors, [id_of("Kassym-Schomart Tokajew")]);
    assert!(
        said.contains(&fill(tr_im().stmt_no_concept, &[("id", &3)])),
        "{said}"
    );
    // Another type: the values in the note.
    assert_eq!(
        annotations[3].note,
        "DNA: NPF Story Element\nhero: Menschenrechtler\ncomment: Die Opfer sprechen."
    );
    assert!(said.contains("NPF Story Element"), "{said}");
    // Past the end of the text: said.
    assert!(said.contains("9999"), "{said}");

    // Entities: colours, aliases, notes, attributes, a parent.
    let ovks = file.actors.iter().find(|a| a.name == "OVKS").unwrap();
    assert_eq!(ovks.kind, ActorKind::Organisation);
    assert_eq!(ovks.colour.to_hex(), "#0066cc");
    assert_eq!(
        ovks.aliases,
        [
            "Organisation des Vertrags über kollektive Sicherheit",
            "CSTO"
        ]
    );
    assert_eq!(ovks.note, "Militärbündnis unter Führung Russlands.");
    assert_eq!(ovks.attributes["Type"], "Bündnis");
    assert_eq!(ovks.attributes["Sitz"], "Moskau");
    let kreml = file.actors.iter().find(|a| a.name == "Kreml").unwrap();
    assert_eq!(kreml.attributes["parent"], "Russland");
    let tokajew = file
        .actors
        .iter()
        .find(|a| a.name == "Kassym-Schomart Tokajew")
        .unwrap();
    assert_eq!(tokajew.kind, ActorKind::Person);
    let concept = &file.concepts[0];
    assert_eq!(concept.name, "Truppen nach Kasachstan");
    assert_eq!(concept.note, "Entsendung der Truppen.");
    assert!(file.actors.iter().all(|a| a.name != "Menschenrechtler"));

    // Patterns: both kept, the look-behind Java reads and the regex crate
    // does not is named.
    assert_eq!(file.searches.len(), 2);
    assert_eq!(report.invalid_patterns.len(), 1, "{said}");
    assert_eq!(report.invalid_patterns[0].0, "(?<=Herr )\\w+");
    assert!(said.contains("(?<=Herr )"), "{said}");

    // The highlight colour of the statement type, named in the legend.
    assert_eq!(
        file.legend.get(&annotations[0].colour).map(String::as_str),
        Some("DNA Statement")
    );
}

#[test]
fn an_agreement_on_an_integer_scale_takes_its_sign_and_keeps_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let made = made_database(dir.path());
    {
        // agreement as DNA's integer type: −1, 0, 1 in DATAINTEGER.
        let db = rusqlite::Connection::open(&made).unwrap();
        db.execute_batch(
            "UPDATE VARIABLES SET DataType = 'integer' WHERE ID = 4;
             CREATE TABLE DATAINTEGER(ID INTEGER PRIMARY KEY, StatementId INTEGER NOT NULL, VariableId INTEGER NOT NULL, Value INTEGER NOT NULL);
             INSERT INTO DATAINTEGER(StatementId, VariableId, Value) VALUES (1, 4, -1), (2, 4, 0), (3, 4, 1), (5, 4, 1);
             DELETE FROM DATABOOLEAN;",
        )
        .unwrap();
    }
    let (project, report) = dna::import(&made, &dir.path().join("projekt")).unwrap();
    let said = report.lines().join("\n");
    let annotations = project.annotations(0);
    // −1 disagrees, 0 is neutral (not DNA's boolean "no"), each value kept.
    let ovks = &annotations[0];
    assert_eq!(ovks.statement.as_ref().unwrap().stance, Stance::Disagrees);
    assert!(ovks.note.contains("agreement: -1"), "{}", ovks.note);
    let tokajew = &annotations[2];
    assert_eq!(tokajew.statement.as_ref().unwrap().stance, Stance::Neutral);
    assert!(tokajew.note.contains("agreement: 0"), "{}", tokajew.note);
    // And the scale is said, with how DNA's networks differ on it.
    assert!(
        said.contains(&fill(
            tr_im().agreement_scale,
            &[("type", &"DNA Statement")]
        )),
        "{said}"
    );
}

#[test]
fn a_document_without_a_date_stays_undated_not_1970() {
    let dir = tempfile::tempdir().unwrap();
    let made = made_database(dir.path());
    {
        // DNA's schema says NOT NULL; a database another program wrote
        // may still hold none.
        let db = rusqlite::Connection::open(&made).unwrap();
        db.execute_batch(
            "ALTER TABLE DOCUMENTS RENAME TO OLD;
             CREATE TABLE DOCUMENTS AS SELECT * FROM OLD;
             DROP TABLE OLD;
             UPDATE DOCUMENTS SET Date = NULL WHERE ID = 1;",
        )
        .unwrap();
    }
    let (project, _) = dna::import(&made, &dir.path().join("projekt")).unwrap();
    let entry = &project.documents()[0];
    assert_eq!(entry.date, None);
    assert!(!entry.attributes.contains_key("Time"));
}
