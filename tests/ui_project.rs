//! A project in the window, as a user works with one: it opens on its
//! first document with the list beside it; a passage marked there is saved
//! when the user moves to the next document, and is there on coming back;
//! the list filters; files dropped onto the window join the project in the
//! background.
#![allow(clippy::unwrap_used)]

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/window.rs"]
mod window;

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use randnotiz::document::CharRange;
use randnotiz::workspace::project::{Progress, Project};

fn project(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let texts = corpus::write(&dir.join("artikel"), 0..n);
    let project_dir = dir.join("Kasachstan");
    let mut project = Project::create(&project_dir, "Kasachstan").unwrap();
    project.add(&texts, false, &Progress::default()).unwrap();
    project_dir
}

/// Where `needle` stands in the document open in the window.
fn find(harness: &egui_kittest::Harness<'_, randnotiz::ui::App>, needle: &str) -> CharRange {
    let text = harness.state().workspace().document().text().to_owned();
    let byte = text.find(needle).unwrap();
    let start = text[..byte].chars().count();
    CharRange::new(start, start + needle.chars().count())
}

#[test]
fn coding_a_corpus_document_after_document() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 5);
    let mut harness = window::app(Some(dir.clone()), None);

    // The project is open on its first document, with its list.
    let app = harness.state();
    assert_eq!(app.project().unwrap().documents().len(), 5);
    assert_eq!(app.project_document(), Some(0));
    assert!(app.workspace().is_shared());
    assert!(app.title().contains("Kasachstan"), "{}", app.title());
    harness.get_by_label("5 von 5 Dokumenten");

    // A passage marked in the first document.
    harness.run_steps(2);
    let range = find(&harness, "Nasarbajew");
    window::drag_over(&mut harness, range);
    harness.key_press(Key::Num1);
    harness.run();
    assert_eq!(harness.state().workspace().session().annotations.len(), 1);

    // The next document: the first is saved on leaving it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert_eq!(harness.state().project_document(), Some(1));
    assert!(harness.state().workspace().session().annotations.is_empty());
    let saved = std::fs::read_to_string(dir.join("annotations/bericht-0000.ron")).unwrap();
    assert!(saved.contains("Nasarbajew"), "{saved}");
    assert_eq!(harness.state().project().unwrap().annotations(0).len(), 1);
    // The list counts it.
    harness.get_by_label_contains("2022-01-01 · Tagesblatt · Redaktion Rundfunk Nord · ");
    harness.get_by_label_contains(" · 1 Anm.");

    // Clicking the first document's row goes back to it, passage and all.
    harness
        .get_by_label_contains("Lage in Kasachstan, Bericht 0 — ")
        .click();
    harness.run();
    assert_eq!(harness.state().project_document(), Some(0));
    let session = harness.state().workspace().session();
    assert_eq!(session.annotations.len(), 1);
    assert_eq!(session.annotations[0].quote(), "Nasarbajew");

    // The filter narrows the list.
    window::field_by_hint(&harness, "Filtern: Titel, Medium, Autor, Datum, Merkmal").click();
    harness.run();
    window::field_by_hint(&harness, "Filtern: Titel, Medium, Autor, Datum, Merkmal")
        .type_text("Bericht 3");
    harness.run();
    harness.get_by_label("1 von 5 Dokumenten");
}

/// A file dropped onto the window, as the platform hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_onto_the_window_join_the_project_in_the_background() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 2);
    let more = corpus::write(&tmp.path().join("neu"), 10..13);
    std::fs::write(tmp.path().join("neu/foto.jpg"), [0xff, 0xd8, 0xff, 0]).unwrap();
    let mut harness = window::app(Some(dir.clone()), None);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(tmp.path().join("neu"))));
    let start = Instant::now();
    while harness.state().project().unwrap().documents().len() < 5
        && start.elapsed() < Duration::from_secs(20)
    {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.documents().len(), 5);
    assert_eq!(
        project.documents()[4].source.title,
        "Lage in Kasachstan, Bericht 12"
    );
    // Copied in: the project holds its texts.
    assert!(dir.join("texts/bericht-0012.md").is_file());
    // The picture is named as passed over; the document in the reader stays.
    let said = harness
        .state()
        .messages()
        .current_error()
        .unwrap_or_default()
        .to_owned();
    assert!(said.contains("foto.jpg"), "{said}");
    assert_eq!(harness.state().project_document(), Some(0));
    assert_eq!(more.len(), 3);
}

#[test]
fn corpus_search_lists_hits_and_codes_them_in_one_step_taken_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 4);
    {
        let (mut project, _) = Project::open(&dir).unwrap();
        project
            .add_actor(randnotiz::actors::Actor::new(
                randnotiz::actors::ActorId("ovks".into()),
                "Ordnungsmacht",
                randnotiz::actors::ActorKind::Organisation,
            ))
            .unwrap();
    }
    let mut harness = window::app(Some(dir.clone()), None);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.step();
    // The texts are read for the index on a worker.
    let start = Instant::now();
    while harness.state().corpus_search_building() && start.elapsed() < Duration::from_secs(20) {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    window::field_by_hint(&harness, "Wort, Wendung oder regulärer Ausdruck").type_text("OVKS");
    harness.key_press(Key::Enter);
    harness.run();
    let expected: usize = (0..4)
        .map(|n| corpus::article(n).matches("OVKS").count())
        .sum();
    harness.get_by_label(&format!("{expected} Treffer in 4 Dokumenten."));

    // Choose the actor, mark all.
    harness.get_by_label("Akteur:").click();
    harness.run();
    let items = harness
        .query_all_by_label("Ordnungsmacht")
        .collect::<Vec<_>>();
    items.last().unwrap().click();
    harness.run();
    harness
        .get_by_label(&format!("{expected} Treffer markieren"))
        .click();
    harness.run();
    let project = harness.state().project().unwrap();
    let coded: usize = (0..4).map(|i| project.annotations(i).len()).sum();
    assert_eq!(coded, expected);
    // The open document shows its share at once.
    let here = corpus::article(0).matches("OVKS").count();
    assert_eq!(
        harness.state().workspace().session().annotations.len(),
        here
    );

    // Ctrl+Z takes the whole step back, in every document.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.all_annotations().count(), 0);
    assert!(harness.state().workspace().session().annotations.is_empty());
}

#[test]
fn an_actors_counts_and_dossier_span_the_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    {
        let (mut project, _) = Project::open(&dir).unwrap();
        let id = randnotiz::actors::ActorId("ovks".into());
        project
            .add_actor(randnotiz::actors::Actor::new(
                id.clone(),
                "Ordnungsmacht",
                randnotiz::actors::ActorKind::Organisation,
            ))
            .unwrap();
        let texts = project.load_all();
        let hits: Vec<_> = [1usize, 2]
            .iter()
            .map(|&doc| {
                let text = texts[doc].as_ref().unwrap().text();
                let byte = text.find("OVKS").unwrap();
                let start = text[..byte].chars().count();
                (doc, CharRange::new(start, start + 4))
            })
            .collect();
        project
            .mark_hits(&hits, randnotiz::annotation::Colour::Green, &id)
            .unwrap();
    }
    let mut harness = window::app(Some(dir.clone()), None);
    // On document 0: none here, two in the corpus.
    let texts = window::painted_texts(&harness);
    assert!(texts.iter().any(|t| t.ends_with("· 0 · 2")), "{texts:?}");
    // The dossier lists the two passages of the other documents.
    harness.state_mut().apply(
        &egui::Context::default(),
        randnotiz::ui::command::Intent::Dossier(randnotiz::actors::ActorId("ovks".into())),
    );
    harness.run();
    harness.get_by_label("In den anderen Dokumenten");
    let passages = harness.query_all_by_label_contains("„OVKS“").count();
    assert_eq!(passages, 2);
    harness
        .query_all_by_label_contains("„OVKS“")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().project_document(), Some(1));
    assert!(harness.state().view().focus.is_some());
}

#[test]
fn the_whole_project_exports_from_the_menu_in_the_background() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    let mut harness = window::app(Some(dir.clone()), None);
    harness.state_mut().apply(
        &egui::Context::default(),
        randnotiz::ui::command::Intent::List(randnotiz::ui::corpus::ListIntent::Export(
            randnotiz::export::Format::Csv,
        )),
    );
    harness.run();
    let out = tmp.path().join("korpus.csv");
    window::type_path(&mut harness, &out);
    harness.key_press(Key::Enter);
    // Done when the window says so, the file written.
    window::wait_for(&mut harness, "the export's notice", |h| {
        h.state()
            .messages()
            .current_notice()
            .is_some_and(|n| n.contains("korpus.csv"))
    });
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(
        csv.starts_with("document,title,outlet,date,author"),
        "{csv}"
    );
}

#[test]
fn the_list_filters_by_date_range_and_by_actor() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 5);
    {
        let (mut project, _) = Project::open(&dir).unwrap();
        let id = randnotiz::actors::ActorId("ovks".into());
        project
            .add_actor(randnotiz::actors::Actor::new(
                id.clone(),
                "Ordnungsmacht",
                randnotiz::actors::ActorKind::Organisation,
            ))
            .unwrap();
        project
            .mark_hits(
                &[(4, CharRange::new(100, 110))],
                randnotiz::annotation::Colour::Green,
                &id,
            )
            .unwrap();
    }
    let mut harness = window::app(Some(dir), None);
    harness.get_by_label("5 von 5 Dokumenten");
    // The filters beyond the text wait behind a button, which counts those set.
    assert!(window::query_text_field(&harness, "Von:").is_none());
    harness.get_by_label("Filter").click();
    harness.run();
    window::text_field(&harness, "Von:").click();
    harness.run();
    window::text_field(&harness, "Von:").type_text("2022-01-03");
    harness.run();
    harness.get_by_label("3 von 5 Dokumenten");
    window::text_field(&harness, "Bis:").click();
    harness.run();
    window::text_field(&harness, "Bis:").type_text("2022-01-04");
    harness.run();
    harness.get_by_label("2 von 5 Dokumenten");

    harness.get_by_label("Mit Akteur:").click();
    harness.run();
    let items = harness
        .query_all_by_label("Ordnungsmacht")
        .collect::<Vec<_>>();
    assert_eq!(items.len(), 2, "the actor panel's row and the menu's item");
    // The menu opens under the list's combo box, inside the document list
    // (the leftmost panel, 300 points wide); the actor panel's row stands
    // right of it.
    items
        .iter()
        .find(|n| n.rect().max.x <= 300.0)
        .expect("the menu's item")
        .click();
    harness.run();
    // Document 4 (the 5th of January) is the one coded, and outside the range.
    let shown: Vec<String> = window::painted_texts(&harness)
        .into_iter()
        .filter(|t| t.contains("von 5 Dokumenten") || t.contains("Akteur"))
        .collect();
    assert!(
        harness.query_by_label("0 von 5 Dokumenten").is_some(),
        "{shown:?}"
    );
    // Folded away, the button says how many filters hold, and they hold.
    harness.get_by_label("Filter (2)").click();
    harness.run();
    assert!(window::query_text_field(&harness, "Von:").is_none());
    harness.get_by_label("0 von 5 Dokumenten");
}

#[test]
fn the_open_documents_details_are_edited_in_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    let mut harness = window::app(Some(dir.clone()), None);
    assert_eq!(harness.state().project_document(), Some(0));
    // Shown only when asked for: the row says date, outlet and author.
    assert!(window::query_text_field(&harness, "Medium").is_none());
    harness.get_by_label("✏ Angaben").click();
    harness.run();
    window::text_field(&harness, "Medium").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    window::text_field(&harness, "Medium").type_text("Abendpost");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.documents()[0].outlet.as_deref(), Some("Abendpost"));
    // Written to the project file, and the row shows it.
    let (reopened, _) = Project::open(&dir).unwrap();
    assert_eq!(reopened.documents()[0].outlet.as_deref(), Some("Abendpost"));
    harness.get_by_label_contains("Lage in Kasachstan, Bericht 0 — 2022-01-01 · Abendpost · ");
}

#[test]
fn a_missing_text_is_marked_in_the_list_once_the_texts_are_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    let (project, _) = Project::open(&dir).unwrap();
    std::fs::remove_file(project.text_path(2).unwrap()).unwrap();
    let mut harness = window::app(Some(dir), None);
    // The texts are read and hashed on a worker thread; the window is
    // usable meanwhile, and says what it found when the worker is done.
    let row = "Lage in Kasachstan, Bericht 2 — ";
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        harness.get_by_label_contains(row).hover();
        harness.run();
        if harness.query_by_label_contains("fehlt").is_some() {
            break;
        }
        assert!(Instant::now() < deadline, "no word of the missing text");
        std::thread::sleep(Duration::from_millis(20));
    }
    let tip = harness
        .get_by_label_contains("fehlt")
        .value()
        .unwrap_or_default();
    assert!(
        tip.contains("Bericht 2") && tip.contains("nicht mehr da"),
        "{tip}"
    );
    // The others are fine: hovering one shows its title, no warning.
    harness
        .get_by_label_contains("Lage in Kasachstan, Bericht 1 — ")
        .hover();
    harness.run();
    harness.run();
    assert!(harness.query_by_label_contains("fehlt").is_none());
}

#[test]
fn details_edited_in_the_window_merge_with_another_writers_and_a_clash_is_said() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    let mut harness = window::app(Some(dir.clone()), None);
    // Meanwhile another program (a colleague's window, a script) sets the
    // first document's outlet and author.
    let (mut other, _) = Project::open(&dir).unwrap();
    other
        .edit_entry(0, |e| {
            e.outlet = Some("Abendpost".into());
            e.author = Some("Redaktion Süd".into());
        })
        .unwrap();
    harness.get_by_label("✏ Angaben").click();
    harness.run();
    window::text_field(&harness, "Medium").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    window::text_field(&harness, "Medium").type_text("Morgenblatt");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    // The author set elsewhere stays; the outlet both set is this window's,
    // and the window says so.
    let (reopened, _) = Project::open(&dir).unwrap();
    let entry = &reopened.documents()[0];
    assert_eq!(entry.outlet.as_deref(), Some("Morgenblatt"));
    assert_eq!(entry.author.as_deref(), Some("Redaktion Süd"));
    let error = harness
        .state()
        .messages()
        .current_error()
        .map(ToOwned::to_owned)
        .unwrap_or_default();
    assert!(
        error.contains("zugleich anderswo geändert") && error.contains("outlet"),
        "{error}"
    );
}

/// Opens the Projekt menu and picks `item`.
fn project_menu(harness: &mut egui_kittest::Harness<'_, randnotiz::ui::App>, item: &str) {
    harness.get_by_label("Projekt").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn attributes_come_from_a_spreadsheet_chosen_in_the_menu() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    // A German spreadsheet: semicolons, a row for a file not in the project.
    let csv = tmp.path().join("merkmale.csv");
    std::fs::write(
        &csv,
        "Datei;Ressort;Tendenz\nbericht-0001.md;Ausland;kritisch\nfehlt.md;Inland;\n",
    )
    .unwrap();
    let mut harness = window::app(Some(dir.clone()), None);
    project_menu(&mut harness, "Merkmale aus CSV …");
    window::type_path(&mut harness, &csv);
    harness.key_press(Key::Enter);
    harness.run();
    let project = harness.state().project().unwrap();
    assert_eq!(project.file().attributes, ["Ressort", "Tendenz"]);
    assert_eq!(project.documents()[1].attributes["Ressort"], "Ausland");
    assert_eq!(project.documents()[1].attributes["Tendenz"], "kritisch");
    assert!(project.documents()[0].attributes.is_empty());
    // The row not matched is said, with the summary.
    let said = harness
        .state()
        .messages()
        .current_error()
        .unwrap_or_default()
        .to_owned();
    assert!(said.contains("fehlt.md"), "{said}");
    // On disk, and in the list's row.
    let (reopened, _) = Project::open(&dir).unwrap();
    assert_eq!(reopened.documents()[1].attributes["Ressort"], "Ausland");
    harness.get_by_label_contains("Lage in Kasachstan, Bericht 1 — ");
    harness.get_by_label_contains(" · Ausland · kritisch");
}

#[test]
fn a_colleagues_project_is_merged_in_from_the_menu() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project(tmp.path(), 3);
    // The colleague copied the project and coded document 1.
    let theirs = tmp.path().join("Kollegin");
    let status = std::process::Command::new("cp")
        .args(["-r"])
        .arg(&dir)
        .arg(&theirs)
        .status()
        .unwrap();
    assert!(status.success());
    {
        let (mut colleague, _) = Project::open(&theirs).unwrap();
        let id = randnotiz::actors::ActorId("ovks".into());
        colleague
            .add_actor(randnotiz::actors::Actor::new(
                id.clone(),
                "OVKS",
                randnotiz::actors::ActorKind::Organisation,
            ))
            .unwrap();
        colleague
            .mark_hits(
                &[(1, CharRange::new(100, 110))],
                randnotiz::annotation::Colour::Green,
                &id,
            )
            .unwrap();
    }
    let mut harness = window::app(Some(dir.clone()), None);
    // A passage of mine in the document in the reader, not yet saved.
    let range = find(&harness, "Nasarbajew");
    window::drag_over(&mut harness, range);
    harness.key_press(Key::Num1);
    harness.run();
    project_menu(&mut harness, "Projekt eines Kollegen einarbeiten …");
    window::type_path(&mut harness, &theirs);
    harness.key_press(Key::Enter);
    window::wait_for(&mut harness, "the merge", |h| {
        !h.state().project().unwrap().annotations(1).is_empty()
    });
    let project = harness.state().project().unwrap();
    assert_eq!(project.annotations(1).len(), 1);
    assert!(project.file().actors.iter().any(|a| a.name == "OVKS"));
    // Mine was saved first and is in the reader still, with the project's
    // new actor.
    assert_eq!(harness.state().project_document(), Some(0));
    let session = harness.state().workspace().session();
    assert_eq!(session.annotations.len(), 1);
    assert_eq!(session.annotations[0].quote(), "Nasarbajew");
    assert!(session.actors.iter().any(|a| a.name == "OVKS"));
    let notice = harness
        .state()
        .messages()
        .current_notice()
        .unwrap_or_default()
        .to_owned();
    assert!(
        notice.starts_with("1 Anmerkungen von ")
            && notice.contains("3 Dokumente gibt es in beiden"),
        "{notice}"
    );
}
