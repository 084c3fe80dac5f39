//! Each panel on its own: drawn in a kittest harness, clicked by label, and
//! checked for the intents it returns. A panel never changes the session
//! itself, so what it returns is all it does.

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::annotation::{Colour, Edit};
use crate::ui::actor_panel::ActorPanel;
use crate::ui::command::{Action, Intent};
use crate::ui::derived::Derived;
use crate::ui::sidebar::{Sidebar, SidebarInput};
use crate::ui::toolbar::{Editor, Subject};
use crate::workspace::Workspace;

/// The bundled article with one purple annotation on its first passage
/// naming Tokajew.
fn workspace() -> Workspace {
    let mut ws = Workspace::bundled();
    let text = ws.document().text();
    let start = text.find("Tokajew").expect("the article names Tokajew");
    let start = text[..start].chars().count();
    let range = crate::document::CharRange::new(start, start + "Tokajew".chars().count());
    let annotation = ws.new_annotation(range, Colour::Purple, Vec::new(), String::new());
    ws.apply(Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .expect("a new annotation applies");
    ws
}

fn derived(ws: &Workspace) -> Derived {
    let mut derived = Derived::default();
    derived.update(ws);
    derived
}

/// What one panel returned in the frames of one click.
#[derive(Default)]
struct Returned(Vec<Intent>);

impl Returned {
    fn describe(&self) -> Vec<String> {
        self.0.iter().map(|i| format!("{i:?}")).collect()
    }
}

#[test]
fn the_outline_asks_for_the_section_clicked_and_for_the_whole_text() {
    let ws = workspace();
    let derived = derived(&ws);
    let doc = ws.document().clone();
    let second = doc.sections()[1].label().to_owned();
    let mut harness = Harness::new_ui_state(
        |ui, returned: &mut Returned| {
            let intents = crate::ui::outline::ui(ui, &doc, &derived, 0, false);
            returned.0.extend(intents);
        },
        Returned::default(),
    );
    harness.run();
    harness.state_mut().0.clear();
    harness.get_by_label(&second).click();
    harness.run();
    assert!(
        matches!(harness.state().0.as_slice(), [Intent::GoToSection(1)]),
        "{:?}",
        harness.state().describe()
    );

    harness.state_mut().0.clear();
    harness
        .get_by_label(Action::ToggleContinuous.label())
        .click();
    harness.run();
    assert!(
        matches!(
            harness.state().0.as_slice(),
            [Intent::Action(Action::ToggleContinuous)]
        ),
        "{:?}",
        harness.state().describe()
    );
}

#[test]
fn the_actor_panel_chooses_an_actor_and_lets_go_of_it() {
    let ws = workspace();
    let derived = derived(&ws);
    let actor = ws.session().actors[0].clone();
    let mut chosen = None;
    for expected in [Some(actor.id.clone()), None] {
        let mut panel = ActorPanel::default();
        let shown = chosen.clone();
        let mut harness = Harness::new_ui_state(
            |ui, returned: &mut Returned| {
                let intents = panel.ui(ui, &ws, &derived, shown.as_ref(), None);
                returned.0.extend(intents);
            },
            Returned::default(),
        );
        harness.run();
        harness.state_mut().0.clear();
        harness.get_by_label(&actor.name).click();
        harness.run();
        let returned = harness.state();
        assert!(
            matches!(returned.0.as_slice(), [Intent::ChooseActor(id)] if *id == expected),
            "{:?}",
            returned.describe()
        );
        chosen = expected;
    }
}

#[test]
fn the_toolbar_colours_a_selection_and_deletes_an_annotation() {
    let ws = workspace();
    let annotation = ws.session().annotations[0].clone();

    let mut editor = Editor::default();
    let mut harness = Harness::new_ui_state(
        |ui, returned: &mut Returned| {
            let subject = Subject::Selection(annotation.range());
            let intents = editor.ui(ui, &ws, subject, Colour::Yellow, "test");
            returned.0.extend(intents);
        },
        Returned::default(),
    );
    harness.run();
    harness.state_mut().0.clear();
    harness
        .get_by_role_and_label(Role::Button, Colour::Green.name())
        .click();
    harness.run();
    assert!(
        matches!(
            harness.state().0.as_slice(),
            [Intent::Annotate(Colour::Green)]
        ),
        "{:?}",
        harness.state().describe()
    );

    let mut editor = Editor::default();
    let mut harness = Harness::new_ui_state(
        |ui, returned: &mut Returned| {
            let intents = editor.ui(
                ui,
                &ws,
                Subject::Annotation(&annotation),
                Colour::Yellow,
                "test",
            );
            returned.0.extend(intents);
        },
        Returned::default(),
    );
    harness.run();
    harness.state_mut().0.clear();
    harness.get_by_label("🗑").click();
    harness.run();
    let returned = harness.state();
    assert!(
        matches!(
            returned.0.as_slice(),
            [Intent::Edit(edit, None), Intent::Unfocus]
                if matches!(edit.as_ref(), Edit::RemoveAnnotation(id) if *id == annotation.id)
        ),
        "{:?}",
        returned.describe()
    );
}

#[test]
fn the_sidebar_focuses_the_annotation_clicked() {
    let ws = workspace();
    let derived = derived(&ws);
    let annotation = ws.session().annotations[0].clone();
    let section = ws
        .document()
        .section_at(annotation.range().start)
        .expect("the annotation lies in a section");
    let mut sidebar = Sidebar::default();
    let mut harness = Harness::new_ui_state(
        |ui, returned: &mut Returned| {
            let input = SidebarInput {
                ws: &ws,
                derived: &derived,
                section,
                focus: None,
                actor: None,
                selection: None,
                colour: Colour::Yellow,
                show_editor: false,
            };
            let intents = sidebar.ui(ui, &input);
            returned.0.extend(intents);
        },
        Returned::default(),
    );
    // Rows are laid out within a budget per frame.
    for _ in 0..3 {
        harness.run();
    }
    harness.state_mut().0.clear();
    let row = format!("{} „{}“", Colour::Purple.name(), annotation.quote());
    harness.get_by_label(&row).click();
    harness.run();
    let returned = harness.state();
    assert!(
        returned
            .0
            .iter()
            .any(|i| matches!(i, Intent::Focus(id) if *id == annotation.id)),
        "{:?}",
        returned.describe()
    );
}

#[test]
fn every_action_has_a_label_a_tooltip_and_keys_of_its_own() {
    let mut seen: Vec<(egui::KeyboardShortcut, Action)> = Vec::new();
    for action in Action::iter() {
        assert!(!action.label().trim().is_empty(), "{action:?}");
        assert!(!action.tooltip().trim().is_empty(), "{action:?}");
        assert_ne!(action.label(), action.tooltip(), "{action:?}");
        for shortcut in action.shortcuts() {
            if let Some((_, other)) = seen.iter().find(|(s, _)| s == shortcut) {
                panic!("{action:?} and {other:?} share {shortcut:?}");
            }
            seen.push((*shortcut, action));
        }
    }
}
