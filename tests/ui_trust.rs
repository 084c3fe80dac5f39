//! What a new user hit in the window, each a behaviour that must hold:
//! nothing on screen from another session, keys where the selection is,
//! Enter doing what the button does, whole words, the section indicator in
//! the whole text, the place remembered, colours apart, nothing tiny.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::path::PathBuf;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use randnotiz::annotation::Colour;
use randnotiz::document::CharRange;
use randnotiz::storage::recovery::{RecoveryStore, Snapshot};
use randnotiz::storage::session_to_ron;
use randnotiz::ui::App;
use window::{drag_over, painted_texts, text_field, type_path};

fn app(file: Option<PathBuf>) -> Harness<'static, App> {
    window::app(file, None)
}

fn find(harness: &Harness<'_, App>, needle: &str) -> CharRange {
    common::find(harness.state().workspace().document().text(), needle)
}

/// Runs frames until the window settles: lists lay out a budget of rows per
/// frame, and scrolling is animated.
fn settle(harness: &mut Harness<'_, App>) {
    harness.run_steps(12);
}

fn painted_contains(harness: &Harness<'_, App>, needle: &str) -> bool {
    painted_texts(harness).iter().any(|t| t.contains(needle))
}

/// A session of three of the example's passages, with notes of its own.
fn s1(dir: &std::path::Path) -> PathBuf {
    let mut session = common::example();
    session.annotations.truncate(3);
    for a in &mut session.annotations {
        a.note = format!("Notiz aus s1 zu {}", a.id);
    }
    let path = dir.join("s1.ron");
    std::fs::write(&path, session_to_ron(&session).unwrap()).unwrap();
    path
}

/// Asserts that the window holds the example session's annotations; their number.
fn holds_the_example(harness: &Harness<'_, App>) -> usize {
    let total = common::example().annotations.len();
    assert_eq!(
        harness.state().workspace().session().annotations.len(),
        total
    );
    total
}

#[test]
fn opening_another_session_shows_its_own_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(Some(s1(dir.path())));
    harness.get_by_label("Alle").click();
    settle(&mut harness);
    assert!(painted_contains(&harness, "Notiz aus s1"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    type_path(
        &mut harness,
        &window::private_copy(common::asset("example-session.ron")),
    );
    harness
        .get_by_role_and_label(Role::Button, "Öffnen")
        .click();
    settle(&mut harness);

    let total = holds_the_example(&harness);
    assert!(
        !painted_contains(&harness, "Notiz aus s1"),
        "a row of the session opened before is still on screen"
    );
    harness.get_by_label(&format!("{total} angezeigt, {total} insgesamt"));
    // The last row is a row of this session.
    let example = common::example();
    let first_quote: String = example.annotations[total - 1]
        .quote()
        .chars()
        .take(12)
        .collect();
    assert!(painted_contains(&harness, &first_quote));

    // And back to this section's rows: those of the example, not of s1.
    harness.get_by_label("Dieser Abschnitt").click();
    settle(&mut harness);
    let counts = &harness.state().derived().section_counts;
    harness.get_by_label(&format!("{} angezeigt, {total} insgesamt", counts[0]));
}

#[test]
fn restoring_from_recovery_lists_the_sections_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(dir.path().join("recovery"));
    let mut snapshot = Snapshot::new(common::example(), None, None);
    snapshot.pid = u32::MAX; // a process that is gone
    store.write("dead", &snapshot).unwrap();

    let mut harness = window::app(None, Some(store));
    harness
        .get_by_role_and_label(Role::Button, "Wiederherstellen")
        .click();
    settle(&mut harness);
    let total = holds_the_example(&harness);
    let shown = harness.state().derived().section_counts[0];
    assert!(
        shown > 0,
        "the first section holds annotations of the example"
    );
    harness.get_by_label(&format!("{shown} angezeigt, {total} insgesamt"));
}

/// Opens the path field for each file operation of the File menu, in turn.
fn ask_for_path(harness: &mut Harness<'_, App>, what: &str) {
    match what {
        "open" => harness.key_press_modifiers(Modifiers::COMMAND, Key::O),
        "save as" => harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S),
        menu => {
            harness.get_by_label("Datei").click();
            harness.run();
            if menu == "export" {
                harness.get_by_label("Exportieren").click();
                harness.run();
                harness.get_by_label("Tabelle (CSV) …").click();
            } else if menu.starts_with("W3C") {
                // Every import is in the submenu Importieren.
                harness.get_by_label("Importieren").click();
                harness.run();
                harness.get_by_label_contains(menu).click();
            } else {
                harness.get_by_label_contains(menu).click();
            }
        }
    }
    harness.run();
}

#[test]
fn enter_in_the_path_field_does_what_the_button_does() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gibt-es-nicht/datei.ron");
    let binary = dir.path().join("bild.ron");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe, 0, 1]).unwrap();
    let cases = [
        ("open", &missing, "Öffnen"),
        ("open", &binary, "Öffnen"),
        ("save as", &missing, "Speichern"),
        ("export", &missing, "Speichern"),
        ("zusammenführen", &missing, "Öffnen"),
        ("zusammenführen", &binary, "Öffnen"),
        ("W3C-Anmerkungen", &binary, "Öffnen"),
    ];
    for (what, path, button) in cases {
        let mut by_button = app(None);
        ask_for_path(&mut by_button, what);
        type_path(&mut by_button, path);
        by_button
            .get_by_role_and_label(Role::Button, button)
            .click();
        settle(&mut by_button);
        let expected = by_button
            .state()
            .messages()
            .current_error()
            .unwrap_or_else(|| panic!("{what} {}: the button shows an error", path.display()))
            .to_owned();

        let mut by_enter = app(None);
        ask_for_path(&mut by_enter, what);
        type_path(&mut by_enter, path);
        by_enter.key_press(Key::Enter);
        settle(&mut by_enter);
        assert_eq!(
            by_enter.state().messages().current_error(),
            Some(expected.as_str()),
            "{what} {}: Enter shows what the button shows",
            path.display()
        );
        // The message stays until it is acknowledged, by Enter too.
        by_enter.get_by_label(&expected);
        by_enter.key_press(Key::Enter);
        settle(&mut by_enter);
        assert_eq!(by_enter.state().messages().current_error(), None);
    }
}

const PASSAGE: &str = "Tokajew hatte Almaty am Mittwoch erstmals seit dem Beginn der tödlichen Zusammenstöße im Land besucht.";
const SECOND: &str = "In der Stadt selbst gilt weiterhin der Ausnahmezustand.";

/// What the text field with accessibility id `$id` holds.
macro_rules! field_value {
    ($harness:expr, $id:expr) => {
        $harness
            .get_by(|node| node.id() == $id)
            .value()
            .unwrap_or_default()
    };
}

/// The one annotation on exactly `needle`'s passage.
fn annotation_on(harness: &Harness<'_, App>, needle: &str) -> Option<Colour> {
    let range = find(harness, needle);
    harness
        .state()
        .workspace()
        .session()
        .annotations
        .iter()
        .find(|a| a.range() == range)
        .map(|a| a.colour)
}

#[test]
fn a_new_selection_takes_the_keys_from_every_text_field() {
    let mut harness = app(None);
    harness.get_by_label("Tokajews Besuch in Almaty").click();
    harness.run();

    // The sidebar's filter had the cursor; a drag over the text takes it.
    let filter = window::field_by_hint(&harness, "Zitat oder Notiz filtern …");
    let filter_id = filter.accesskit_node().id();
    filter.click();
    harness.run();
    let range = find(&harness, PASSAGE);
    drag_over(&mut harness, range);
    window::type_key(&mut harness, Key::Num3, "3");
    settle(&mut harness);
    assert_eq!(field_value!(harness, filter_id), "");
    assert_eq!(annotation_on(&harness, PASSAGE), Some(Colour::Blue));

    // The same from the search field.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let search = window::field_by_hint(&harness, "Im Text und in Notizen suchen …");
    let search_id = search.accesskit_node().id();
    search.type_text("Almaty");
    harness.run();
    let range = find(&harness, SECOND);
    drag_over(&mut harness, range);
    window::type_key(&mut harness, Key::Num2, "2");
    settle(&mut harness);
    assert_eq!(field_value!(harness, search_id), "Almaty");
    assert_eq!(annotation_on(&harness, SECOND), Some(Colour::Green));

    // And from the actor picker of the annotation just made: Delete acts on
    // the new selection's annotation, not in the field.
    text_field(&harness, "Akteure").click();
    harness.run();
    text_field(&harness, "Akteure").type_text("Tok");
    harness.run();
    let third = "Er versprach, die Schäden in der größten Stadt und Finanzmetropole des ölreichen Landes beheben zu lassen.";
    let range = find(&harness, third);
    drag_over(&mut harness, range);
    window::type_key(&mut harness, Key::Num5, "5");
    settle(&mut harness);
    assert_eq!(annotation_on(&harness, third), Some(Colour::Purple));
    harness.key_press(Key::Delete);
    settle(&mut harness);
    assert_eq!(annotation_on(&harness, third), None, "Delete removed it");
}

/// True when `range` starts and ends on word boundaries of the document.
fn on_word_boundaries(harness: &Harness<'_, App>, range: CharRange) -> bool {
    let chars: Vec<char> = harness
        .state()
        .workspace()
        .document()
        .text()
        .chars()
        .collect();
    let word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let cut_start = range.start > 0 && word(range.start - 1) && word(range.start);
    let cut_end = range.end > 0 && word(range.end - 1) && word(range.end);
    !cut_start && !cut_end
}

#[test]
fn a_drag_inside_words_takes_whole_words() {
    let mut harness = app(None);
    harness.get_by_label("Tokajews Besuch in Almaty").click();
    harness.run();
    let first = find(&harness, "Ausnahmezustand");
    let last = find(&harness, "einreisen");
    // From "Ausnahme|zustand" to "einrei|sen".
    window::drag_between(&mut harness, first.start + 8, last.start + 6);
    let selection = harness.state().view().selection.unwrap();
    let doc = harness.state().workspace().document().clone();
    assert_eq!(
        doc.slice(selection),
        "Ausnahmezustand. Unklar ist auch noch, ab wann Ausländer wieder einreisen"
    );
    window::type_key(&mut harness, Key::Num3, "3");
    let annotation = harness.state().workspace().session().annotations[0].clone();
    assert_eq!(annotation.quote(), doc.slice(selection));
    assert_eq!(annotation.colour, Colour::Blue);

    // With Alt held, exactly the characters dragged over.
    harness.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    let word = find(&harness, "Finanzmetropole");
    window::drag_between(&mut harness, word.start + 6, word.start + 11);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let selection = harness.state().view().selection.unwrap();
    assert_eq!(doc.slice(selection), "metro");
}

#[test]
fn the_extent_buttons_move_a_passage_a_word_at_a_time() {
    let mut harness = app(None);
    harness.get_by_label("Tokajews Besuch in Almaty").click();
    harness.run();
    let range = find(&harness, PASSAGE);
    drag_over(&mut harness, range);
    window::type_key(&mut harness, Key::Num1, "1");
    let quote = |h: &Harness<'_, App>| {
        h.state().workspace().session().annotations[0]
            .quote()
            .to_owned()
    };
    // Each button, and what the quote starts or ends with after it.
    let steps = [
        ("Anfang ein Wort später", "hatte Almaty", true),
        ("Anfang ein Wort später", "Almaty am", true),
        ("Ende ein Wort früher", " im Land", false),
        ("Ende ein Wort später", "im Land besucht", false),
        ("Anfang ein Wort früher", "hatte Almaty", true),
    ];
    for (label, expected, at_start) in steps {
        harness.get_by_role_and_label(Role::Button, label).click();
        settle(&mut harness);
        let quote = quote(&harness);
        let holds = if at_start {
            quote.starts_with(expected)
        } else {
            quote.ends_with(expected)
        };
        assert!(holds, "after {label}: {quote}");
    }
    let a = &harness.state().workspace().session().annotations[0];
    assert!(on_word_boundaries(&harness, a.range()));

    // A passage of one word cannot lose it: its start cannot pass its end.
    let word = find(&harness, "Finanzmetropole");
    drag_over(&mut harness, word);
    window::type_key(&mut harness, Key::Num2, "2");
    settle(&mut harness);
    for label in ["Anfang ein Wort später", "Ende ein Wort früher"] {
        let button = harness.get_by_role_and_label(Role::Button, label);
        assert!(button.accesskit_node().is_disabled(), "{label} is disabled");
    }
    assert_eq!(
        harness.state().workspace().session().annotations[1].quote(),
        "Finanzmetropole"
    );
}

#[test]
fn marking_all_mentions_takes_whole_words() {
    let mut harness = app(None);
    harness.get_by_label("Tokajew").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Alle Erwähnungen markieren")
        .click();
    settle(&mut harness);
    let session = harness.state().workspace().session();
    assert!(session.annotations.len() >= 5, "Tokajew is named often");
    for a in &session.annotations {
        assert!(on_word_boundaries(&harness, a.range()), "{:?}", a.quote());
    }
}

#[test]
fn imported_passages_cut_inside_words_arrive_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(None);
    let doc = harness.state().workspace().document().clone();
    let word = common::find(doc.text(), "Ausnahmezustand");
    // Another tool marked "nahmezusta" by characters.
    let cut = CharRange::new(word.start + 3, word.end - 2);
    let jsonld = dir.path().join("fremd.jsonld");
    let json = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "aus einem anderen Werkzeug"},
        "target": {"selector": [
            {"type": "TextQuoteSelector", "exact": doc.slice(cut)},
            {"type": "TextPositionSelector", "start": cut.start, "end": cut.end}
        ]}
    });
    std::fs::write(&jsonld, json.to_string()).unwrap();
    ask_for_path(&mut harness, "W3C-Anmerkungen");
    type_path(&mut harness, &jsonld);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let session = harness.state().workspace().session();
    assert_eq!(session.annotations.len(), 1);
    assert_eq!(session.annotations[0].quote(), "Ausnahmezustand");
    assert!(
        harness
            .state()
            .messages()
            .current_notice()
            .is_some_and(|n| n.contains("ganze Wörter")),
        "the import says that it widened a passage"
    );
    harness.get_by_label("Alle").click();
    settle(&mut harness);
    assert!(painted_contains(&harness, "„Ausnahmezustand“"));
}

/// The section the header, the outline and the sidebar say is current.
fn shown_section(harness: &Harness<'_, App>) -> (usize, Vec<usize>) {
    let doc = harness.state().workspace().document().clone();
    let n = doc.sections().len();
    let header = (0..n)
        .find(|&i| {
            let label = format!("Abschnitt {} von {n}: {}", i + 1, doc.sections()[i].label());
            harness.query_by_label(&label).is_some()
        })
        .expect("the header names a section");
    let outline: Vec<usize> = (0..n)
        .filter(|&i| {
            harness
                .query_all_by_role(Role::Button)
                .find(|node| {
                    node.accesskit_node()
                        .label()
                        .is_some_and(|l| l.starts_with(doc.sections()[i].label()))
                })
                .is_some_and(|node| {
                    node.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
                })
        })
        .collect();
    (header, outline)
}

#[test]
fn the_whole_text_keeps_the_section_indicator_current() {
    let mut harness = app(Some(common::asset("example-session.ron")));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    settle(&mut harness);
    assert_eq!(shown_section(&harness), (0, vec![0]));
    let sections = harness.state().workspace().document().sections().len();
    for i in 1..sections {
        harness.key_press(Key::PageDown);
        settle(&mut harness);
        assert_eq!(shown_section(&harness), (i, vec![i]), "after PageDown {i}");
        let count = harness.state().derived().section_counts[i];
        harness.get_by_label(&format!(
            "{count} angezeigt, {} insgesamt",
            common::example().annotations.len()
        ));
    }
    for i in (0..sections - 1).rev() {
        harness.key_press(Key::PageUp);
        settle(&mut harness);
        assert_eq!(shown_section(&harness), (i, vec![i]), "after PageUp to {i}");
    }

    // A search hit in the last section: the indicator goes with it, and the
    // next PageUp steps back from there.
    let last = sections - 1;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    window::field_by_hint(&harness, "Im Text und in Notizen suchen …")
        .type_text("Leichenschauhäuser");
    settle(&mut harness);
    assert_eq!(
        shown_section(&harness),
        (last, vec![last]),
        "after the search hit"
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::Escape);
    settle(&mut harness);
    harness.key_press(Key::PageUp);
    settle(&mut harness);
    assert_eq!(shown_section(&harness), (last - 1, vec![last - 1]));
    harness.key_press(Key::PageUp);
    settle(&mut harness);

    // By wheel: down until the last section's heading reaches the top.
    let centre = harness
        .state()
        .char_rect(0)
        .map_or(egui::pos2(640.0, 400.0), |r| {
            egui::pos2(640.0, r.top() + 200.0)
        });
    harness.hover_at(centre);
    let mut seen = vec![0];
    for _ in 0..80 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -40.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        settle(&mut harness);
        let (header, outline) = shown_section(&harness);
        assert_eq!(outline, vec![header], "the outline agrees with the header");
        if seen.last() != Some(&header) {
            seen.push(header);
        }
    }
    assert_eq!(seen, (0..=last).collect::<Vec<_>>(), "each section in turn");
}

/// Settings kept in memory, as eframe keeps them in a file.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

fn app_with_storage(file: Option<PathBuf>, storage: &MemoryStorage) -> Harness<'static, App> {
    randnotiz::i18n::set_lang(randnotiz::i18n::Lang::De);
    let settings = storage.0.clone();
    let mut harness = window::builder().build_eframe(move |cc| {
        let storage = MemoryStorage(settings);
        App::new(
            &cc.egui_ctx,
            Some(&storage),
            randnotiz::ui::StartOptions {
                file,
                native_dialogs: false,
                recovery: None,
                snapshots: None,
            },
        )
    });
    harness.run_steps(8);
    harness
}

fn wheel(harness: &mut Harness<'_, App>, times: usize) {
    harness.hover_at(egui::pos2(640.0, 500.0));
    for _ in 0..times {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -40.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        harness.run_steps(3);
    }
    settle(harness);
}

/// Ctrl+O, the path typed, Enter.
fn open_by_path(harness: &mut Harness<'_, App>, path: &std::path::Path) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    type_path(harness, path);
    harness.key_press(Key::Enter);
    settle(harness);
}

#[test]
fn a_reopened_session_returns_to_where_the_user_was() {
    let dir = tempfile::tempdir().unwrap();
    let s1 = s1(dir.path());
    let other = dir.path().join("anderer.ron");
    std::fs::copy(common::asset("example-session.ron"), &other).unwrap();
    let storage = MemoryStorage::default();

    // Section by section: the third section, scrolled a little.
    let mut harness = app_with_storage(Some(s1.clone()), &storage);
    harness.key_press(Key::PageDown);
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    wheel(&mut harness, 3);
    let section = harness.state().view().section;
    let place = harness.state().reading_char().unwrap();
    assert_eq!(section, 2);
    assert!(
        place
            > harness.state().workspace().document().sections()[2]
                .range
                .start,
        "scrolled into the section"
    );

    // Another file, then back: the same place.
    open_by_path(&mut harness, &other);
    assert_eq!(
        harness.state().view().section,
        0,
        "the other file starts at its top"
    );
    open_by_path(&mut harness, &s1);
    assert_eq!(harness.state().view().section, section);
    let back = harness.state().reading_char().unwrap();
    assert_eq!(back, place, "back where the user was");

    // And after quitting and starting again, in the whole text.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    settle(&mut harness);
    harness.key_press(Key::PageDown);
    settle(&mut harness);
    wheel(&mut harness, 2);
    let section = harness.state().view().section;
    let place = harness.state().reading_char().unwrap();
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    drop(harness);
    let restarted = app_with_storage(Some(s1.clone()), &storage);
    assert_eq!(restarted.state().view().section, section);
    let back = restarted.state().reading_char().unwrap();
    assert_eq!(back, place, "back where the user was");
    // Never in the session file.
    let text = std::fs::read_to_string(&s1).unwrap();
    assert!(!text.contains("place") && !text.contains("section:"));
}

#[test]
fn a_new_actor_gets_a_colour_far_from_those_in_use() {
    let mut harness = app(None);
    harness.get_by_label("Tokajews Besuch in Almaty").click();
    harness.run();
    let range = find(&harness, PASSAGE);
    drag_over(&mut harness, range);
    // Two new actors, one from the toolbar's picker and one from the panel.
    text_field(&harness, "Akteure").click();
    harness.run();
    text_field(&harness, "Akteure").type_text("Flughafenbehörde");
    harness.run();
    harness.key_press(Key::Enter);
    settle(&mut harness);
    window::field_by_hint(&harness, "Neuer Akteur …").click();
    harness.run();
    window::field_by_hint(&harness, "Neuer Akteur …").type_text("Passagiere");
    harness.run();
    harness.key_press(Key::Enter);
    settle(&mut harness);

    let actors = &harness.state().workspace().session().actors;
    let bundled = randnotiz::actors::default_actors().len();
    assert_eq!(actors.len(), bundled + 2);
    for (i, new) in actors.iter().enumerate().skip(bundled) {
        for old in &actors[..i] {
            let d = new.colour.distance(old.colour);
            assert!(
                d > 0.06,
                "{} ({}) looks like {} ({}): {d:.3}",
                new.name,
                new.colour,
                old.name,
                old.colour
            );
        }
    }
}

#[test]
fn marking_all_mentions_uses_the_actors_colour() {
    let mut harness = app(None);
    // The last colour used is Yellow.
    let range = find(&harness, "Militärbündnis sieht seine Mission erfüllt");
    drag_over(&mut harness, range);
    window::type_key(&mut harness, Key::Num1, "1");
    harness.get_by_label("Tokajew").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Alle Erwähnungen markieren")
        .click();
    settle(&mut harness);
    let session = harness.state().workspace().session();
    let tokajew = randnotiz::actors::ActorId("tokajew".into());
    let marked: Vec<_> = session
        .annotations
        .iter()
        .filter(|a| a.actors.contains(&tokajew))
        .collect();
    assert!(marked.len() >= 5);
    assert!(
        marked.iter().all(|a| a.colour == Colour::Blue),
        "Tokajew is blue in the panel: {:?}",
        marked.iter().map(|a| a.colour).collect::<Vec<_>>()
    );
}

fn open_menu_item(harness: &mut Harness<'_, App>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(item).click();
    settle(harness);
}

/// Texts painted smaller than `min` pixels in the last frame.
fn tiny_texts(harness: &Harness<'_, App>, min: f32) -> Vec<(String, f32)> {
    let ppp = harness.ctx.pixels_per_point();
    window::painted_sizes(harness)
        .into_iter()
        .map(|(text, size)| (text, size * ppp))
        .filter(|(_, px)| *px < min - 0.01)
        .collect()
}

#[test]
fn no_text_is_smaller_than_11_px() {
    let dir = tempfile::tempdir().unwrap();
    let (anna, ben) = common::two_readers(dir.path());
    let merged = dir.path().join("beide.ron");
    let merge = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(["merge", anna.to_str().unwrap(), ben.to_str().unwrap(), "-o"])
        .arg(&merged)
        .output()
        .unwrap();
    assert!(merge.status.success());
    let mut harness = app(Some(merged));
    harness.get_by_label("Alle").click();
    settle(&mut harness);
    let range = find(&harness, PASSAGE);
    harness
        .get_by_label_contains("Tokajews Besuch in Almaty")
        .click();
    settle(&mut harness);
    drag_over(&mut harness, range);
    settle(&mut harness);
    let mut tiny = tiny_texts(&harness, 11.0);

    open_menu_item(&mut harness, "Analyse", "Akteursstatistik…");
    tiny.extend(tiny_texts(&harness, 11.0));
    open_menu_item(&mut harness, "Analyse", "Übereinstimmung…");
    tiny.extend(tiny_texts(&harness, 11.0));
    open_menu_item(&mut harness, "Hilfe", "Tastenkürzel");
    tiny.extend(tiny_texts(&harness, 11.0));
    tiny.sort_by(|a, b| a.0.cmp(&b.0));
    tiny.dedup_by(|a, b| a.0 == b.0);
    assert!(tiny.is_empty(), "text below 11 px: {tiny:?}");
}

#[test]
fn the_interface_has_a_scale_of_its_own_apart_from_the_reading_font() {
    let mut harness = app(None);
    let font = harness.state().settings().font_size;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    settle(&mut harness);
    assert_eq!(harness.state().settings().font_size, font + 1.0);
    assert!(
        (harness.ctx.zoom_factor() - 1.0).abs() < 1e-3,
        "only the text grew"
    );

    harness.get_by_label("Ansicht").click();
    harness.run();
    harness.get_by_label("Oberflächengröße").click();
    harness.run();
    harness.get_by_label("150 %").click();
    settle(&mut harness);
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 1e-3);
    assert_eq!(harness.state().settings().ui_scale, 1.5, "remembered");
    assert_eq!(harness.state().settings().font_size, font + 1.0);
    // Ctrl+0 (egui's own zoom reset) does not undo it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    settle(&mut harness);
    assert!((harness.ctx.zoom_factor() - 1.5).abs() < 1e-3);
    // Everything grew by half, but the text being read, which keeps its size.
    let reading = font + 1.0;
    let ppp = harness.ctx.pixels_per_point();
    let sizes = window::painted_sizes(&harness);
    let lead = sizes
        .iter()
        .find(|(text, _)| text.starts_with("Das von Russland angeführte"))
        .expect("the lead is on screen");
    assert!(
        (lead.1 * ppp - reading).abs() < 0.1,
        "the lead at {} px",
        lead.1 * ppp
    );
    let not_grown: Vec<_> = sizes
        .iter()
        .filter(|(_, size)| size * ppp < 16.5 - 0.01)
        .collect();
    assert!(not_grown.is_empty(), "not grown: {not_grown:?}");
}

/// Set in the child process of the language test.
const LANG_CHILD: &str = "RANDNOTIZ_TEST_LANG_CHILD";

#[test]
#[ignore = "run by the_language_menu_shows_the_language_in_use, as a child process with its own language"]
fn child_shows_the_language_menu() {
    if std::env::var_os(LANG_CHILD).is_none() {
        return;
    }
    // No language set here: the app reads RANDNOTIZ_LANG itself.
    let mut harness = window::builder().build_eframe(|cc| {
        App::new(
            &cc.egui_ctx,
            None,
            randnotiz::ui::StartOptions {
                file: None,
                native_dialogs: false,
                recovery: None,
                snapshots: None,
            },
        )
    });
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    let state = |label: &str| harness.get_by_label(label).accesskit_node().toggled();
    assert_eq!(state("English"), Some(egui::accesskit::Toggled::True));
    assert_eq!(state("Deutsch"), Some(egui::accesskit::Toggled::False));
}

#[test]
fn the_language_menu_shows_the_language_in_use() {
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "child_shows_the_language_menu",
            "--test-threads=1",
        ])
        .env(LANG_CHILD, "1")
        .env("RANDNOTIZ_LANG", "en")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn find_again_selects_the_old_query_so_typing_replaces_it() {
    let mut harness = app(None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let field = window::field_by_hint(&harness, "Im Text und in Notizen suchen …");
    let id = field.accesskit_node().id();
    field.type_text("Almaty");
    harness.run();
    // Into the text and back with Ctrl+F: what is typed replaces the query.
    let range = find(&harness, PASSAGE);
    harness
        .get_by_role_and_label(Role::Button, "Tokajews Besuch in Almaty")
        .click();
    harness.run();
    drag_over(&mut harness, range);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by(|node| node.id() == id).type_text("OVKS");
    harness.run();
    assert_eq!(field_value!(harness, id), "OVKS");
}

/// Where the toolbar is, if it is shown: its first colour button ("Gelb";
/// the sidebar's filter buttons are named "Filter: Gelb" and so on).
fn toolbar_at(harness: &Harness<'_, App>) -> Option<egui::Rect> {
    harness
        .query_all_by_role(Role::Button)
        .find(|n| n.accesskit_node().label().as_deref() == Some("Gelb"))
        .and_then(|n| n.accesskit_node().bounding_box())
        .map(|b| {
            #[allow(clippy::cast_possible_truncation)]
            egui::Rect::from_min_max(
                egui::pos2(b.x0 as f32, b.y0 as f32),
                egui::pos2(b.x1 as f32, b.y1 as f32),
            )
        })
}

#[test]
fn the_toolbar_waits_for_the_drag_and_stays_put() {
    let mut harness = app(None);
    harness
        .get_by_role_and_label(Role::Button, "Tokajews Besuch in Almaty")
        .click();
    harness.run();
    let range = find(&harness, PASSAGE);
    let from = harness.state().char_rect(range.start).unwrap().center();
    let to = harness.state().char_rect(range.end - 1).unwrap().center();
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for t in [0.3, 0.6, 1.0] {
        harness.hover_at(from + (to - from) * t);
        harness.run();
        assert!(harness.state().view().selection.is_some());
        assert!(toolbar_at(&harness).is_none(), "no toolbar while dragging");
    }
    harness.drop_at(to);
    settle(&mut harness);
    let before = toolbar_at(&harness).expect("the toolbar once the mouse is up");

    // Adding actors, a new one and a known one, and a statement row appearing
    // under them: the toolbar stays where it is.
    for name in ["Flughafenbehörde", "Tokaj"] {
        text_field(&harness, "Akteure").click();
        harness.run();
        text_field(&harness, "Akteure").type_text(name);
        harness.run();
        harness.key_press(Key::Enter);
        settle(&mut harness);
        let after = toolbar_at(&harness).expect("still shown");
        assert!(
            (after.min - before.min).length() < 0.5,
            "the toolbar moved from {before:?} to {after:?} after adding {name}"
        );
    }
    assert_eq!(
        harness.state().workspace().session().annotations[0]
            .actors
            .len(),
        2
    );
}
