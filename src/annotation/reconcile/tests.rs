use super::*;
use crate::actors::ActorKind;
use crate::anchor::Target;
use crate::annotation::{Colour, DocumentRef, Stance, Statement, now};

fn annotation(id: &str, note: &str) -> Annotation {
    let mut target = Target::default();
    target.quote.exact = format!("Zitat {id}");
    Annotation {
        id: AnnotationId(id.into()),
        reader: None,
        target,
        colour: Colour::Yellow,
        actors: Vec::new(),
        statement: None,
        note: note.into(),
        created: now(),
        modified: now(),
        extra: Extra::default(),
    }
}

fn session(annotations: Vec<Annotation>) -> Session {
    let mut s = Session::new(DocumentRef::default(), Vec::new());
    s.annotations = annotations;
    s
}

/// `base` changed by `change`.
fn changed(base: &Session, change: impl FnOnce(&mut Session)) -> Session {
    let mut s = base.clone();
    change(&mut s);
    s
}

fn apply(ours: &Session, edit: Edit) -> Session {
    let mut out = ours.clone();
    edit.apply(&mut out).unwrap();
    out
}

/// Each annotation's id and note, in the session's order.
fn notes(s: &Session) -> Vec<(&str, &str)> {
    s.annotations
        .iter()
        .map(|a| (a.id.as_str(), a.note.as_str()))
        .collect()
}

/// Merges both ways, the window's and the merge driver's, checks that
/// they agree, and gives the driver's result.
fn merged(base: &Session, ours: &Session, theirs: &Session) -> (Session, Reconciled) {
    let base = Base::of(base);
    let (session, report) = merge(&base, ours, theirs);
    let (edit, again) = reconcile(&base, ours, theirs);
    assert_eq!(report, again);
    let mut by_edit = apply(ours, edit);
    by_edit.document = session.document.clone();
    by_edit.format = session.format;
    assert_eq!(by_edit, session, "the edit makes the merged session");
    (session, report)
}

#[test]
fn each_sides_changes_are_kept() {
    let base = session(vec![
        annotation("a1", "eins"),
        annotation("a2", "zwei"),
        annotation("a3", "drei"),
    ]);
    // Here: a1 changed, a2 deleted, a4 added.
    let ours = changed(&base, |s| {
        s.annotations[0].note = "eins, hier".into();
        s.annotations.remove(1);
        s.annotations.push(annotation("a4", "vier, hier"));
    });
    // There: a3 changed, a4 added (another one, same id), a2 untouched.
    let theirs = changed(&base, |s| {
        s.annotations[2].note = "drei, dort".into();
        s.annotations.push(annotation("a4", "vier, dort"));
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    assert_eq!(
        notes(&merged),
        [
            ("a1", "eins, hier"),
            ("a3", "drei, dort"),
            ("a4", "vier, hier"),
            ("a5", "vier, dort"),
        ]
    );
    assert_eq!((report.taken, report.removed), (2, 0));
    assert!(report.conflicts.is_empty(), "{report:?}");
}

#[test]
fn both_adding_under_one_id_keeps_both_without_conflict() {
    let base = session(vec![annotation("a1", "eins")]);
    let ours = changed(&base, |s| s.annotations.push(annotation("a2", "Annas")));
    let theirs = changed(&base, |s| {
        s.annotations.push(annotation("a2", "Bens"));
        s.annotations.push(annotation("a3", "Bens zweite"));
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    // Ben's a2 gets the first id neither side uses; his a3 keeps its id.
    assert_eq!(
        notes(&merged),
        [
            ("a1", "eins"),
            ("a2", "Annas"),
            ("a4", "Bens"),
            ("a3", "Bens zweite")
        ]
    );
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(
        report.renumbered,
        [Renumbered {
            id: AnnotationId("a2".into()),
            quote: "Zitat a2".into(),
            copy: AnnotationId("a4".into()),
        }]
    );
}

#[test]
fn one_side_edits_a_note_the_other_adds() {
    let base = session(vec![annotation("a1", "eins")]);
    let ours = changed(&base, |s| s.annotations[0].note = "eins, genauer".into());
    let theirs = changed(&base, |s| s.annotations.push(annotation("a2", "neu")));
    let (merged, report) = merged(&base, &ours, &theirs);
    assert_eq!(notes(&merged), [("a1", "eins, genauer"), ("a2", "neu")]);
    assert!(report.conflicts.is_empty());
    // And the other way round.
    let (merged, _) = self::merged(&base, &theirs, &ours);
    assert_eq!(notes(&merged), [("a1", "eins, genauer"), ("a2", "neu")]);
}

#[test]
fn both_changing_one_annotation_is_a_conflict_that_keeps_both() {
    let base = session(vec![annotation("a1", "eins")]);
    let ours = changed(&base, |s| s.annotations[0].note = "hier".into());
    let theirs = changed(&base, |s| s.annotations[0].note = "dort".into());
    let (merged, report) = merged(&base, &ours, &theirs);
    assert_eq!(notes(&merged), [("a1", "hier"), ("a2", "dort")]);
    assert_eq!(
        report.conflicts,
        [Conflict::Annotation {
            id: AnnotationId("a1".into()),
            quote: "Zitat a1".into(),
            copy: AnnotationId("a2".into()),
        }]
    );
    // Taking in the same file again adds nothing.
    let (again, report) = reconcile(&Base::of(&theirs), &merged, &theirs);
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(apply(&merged, again), merged);
}

#[test]
fn a_deletion_is_taken_where_the_other_side_left_the_annotation_alone() {
    let base = session(vec![annotation("a1", "eins"), annotation("a2", "zwei")]);
    let ours = changed(&base, |s| {
        s.annotations.remove(0);
    });
    let (merged, report) = merged(&base, &ours, &base);
    assert_eq!(notes(&merged), [("a2", "zwei")]);
    assert!(report.is_empty());
    let (merged, report) = self::merged(&base, &base, &ours);
    assert_eq!(notes(&merged), [("a2", "zwei")]);
    assert_eq!(report.removed, 1);
}

#[test]
fn a_deletion_against_an_edit_is_a_conflict_that_keeps_the_edit() {
    let base = session(vec![annotation("a1", "eins"), annotation("a2", "zwei")]);
    let edited = changed(&base, |s| s.annotations[1].note = "zwei, geändert".into());
    let deleted = session(Vec::new());
    let (merged, report) = merged(&base, &edited, &deleted);
    assert_eq!(notes(&merged), [("a2", "zwei, geändert")]);
    assert_eq!(report.removed, 1);
    assert_eq!(
        report.conflicts,
        [Conflict::AnnotationDeleted {
            id: AnnotationId("a2".into()),
            quote: "Zitat a2".into(),
            deleted_here: false,
        }]
    );
    let (merged, report) = self::merged(&base, &deleted, &edited);
    assert_eq!(notes(&merged), [("a2", "zwei, geändert")]);
    assert!(matches!(
        report.conflicts[..],
        [Conflict::AnnotationDeleted {
            deleted_here: true,
            ..
        }]
    ));
}

fn actor(id: &str, aliases: &[&str], note: &str) -> Actor {
    let mut a = Actor::new(ActorId(id.into()), id.to_uppercase(), ActorKind::Other);
    a.aliases = aliases.iter().map(|&s| s.to_owned()).collect();
    a.note = note.into();
    a
}

#[test]
fn actors_merge_field_by_field() {
    let mut base = session(Vec::new());
    base.actors = vec![
        actor("ovks", &["Bündnis"], "Militärbündnis."),
        actor("tokajew", &[], ""),
    ];
    // Here: an alias added to the OVKS, Tokajew's note written, Putin added.
    let ours = changed(&base, |s| {
        s.actors[0].aliases.push("CSTO".into());
        s.actors[1].note = "Staatschef.".into();
        s.actors.push(actor("putin", &["Wladimir Putin"], ""));
    });
    // There: the OVKS's note changed and an alias dropped, Tokajew's kind
    // set, Putin added too (another alias, a note), Russland added.
    let theirs = changed(&base, |s| {
        s.actors[0].note = "Militärbündnis unter Führung Russlands.".into();
        s.actors[0].aliases.clear();
        s.actors[1].kind = ActorKind::Person;
        s.actors.push(actor("putin", &["Putin"], "Präsident."));
        s.actors.push(actor("russland", &[], ""));
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    assert!(report.conflicts.is_empty(), "{report:?}");
    let ids: Vec<&str> = merged.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["ovks", "tokajew", "putin", "russland"]);
    let [ovks, tokajew, putin, _] = &merged.actors[..] else {
        panic!("four actors");
    };
    assert_eq!(ovks.aliases, ["CSTO"]);
    assert_eq!(ovks.note, "Militärbündnis unter Führung Russlands.");
    assert_eq!(
        (tokajew.kind, tokajew.note.as_str()),
        (ActorKind::Person, "Staatschef.")
    );
    assert_eq!(putin.aliases, ["Wladimir Putin", "Putin"]);
    assert_eq!(putin.note, "Präsident.");
}

#[test]
fn an_actor_note_both_sides_changed_keeps_both_texts() {
    let mut base = session(Vec::new());
    base.actors = vec![actor("ovks", &[], "Bündnis.")];
    let ours = changed(&base, |s| s.actors[0].note = "Bündnis, laut Anna.".into());
    let theirs = changed(&base, |s| {
        s.actors[0].note = "Bündnis, laut Ben.".into();
        s.actors[0].kind = ActorKind::Organisation;
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    assert_eq!(
        merged.actors[0].note,
        "Bündnis, laut Anna.\n\nBündnis, laut Ben."
    );
    assert_eq!(merged.actors[0].kind, ActorKind::Organisation);
    assert!(matches!(
        &report.conflicts[..],
        [Conflict::Field { field, kept: Kept::Both, .. }] if field == "note"
    ));
}

#[test]
fn an_actor_deleted_on_one_side_stays_while_the_other_names_it() {
    let mut base = session(vec![annotation("a1", "eins")]);
    base.actors = vec![actor("ovks", &[], ""), actor("putin", &[], "")];
    // Here both actors are deleted; there a new annotation names Putin.
    let ours = changed(&base, |s| s.actors.clear());
    let theirs = changed(&base, |s| {
        let mut a2 = annotation("a2", "Putin spricht");
        a2.actors.push(ActorId("putin".into()));
        s.annotations.push(a2);
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    let ids: Vec<&str> = merged.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["putin"]);
    assert_eq!(merged.annotations[1].actors, [ActorId("putin".into())]);
    assert_eq!(
        report.conflicts,
        [Conflict::RecordDeleted {
            place: Place::Actor(ActorId("putin".into())),
            deleted_here: true,
        }]
    );
}

#[test]
fn concepts_and_statements_merge() {
    let base = session(vec![annotation("a1", "eins")]);
    let abzug = Concept::new(ConceptId("abzug".into()), "Abzug");
    let ours = changed(&base, |s| {
        s.concepts.push(abzug.clone());
        s.actors.push(actor("ovks", &[], ""));
        s.annotations[0].actors.push(ActorId("ovks".into()));
        s.annotations[0].statement = Some(Statement {
            actor: ActorId("ovks".into()),
            concept: ConceptId("abzug".into()),
            stance: Stance::Agrees,
        });
    });
    let theirs = changed(&base, |s| {
        let mut same = abzug.clone();
        same.note = "Der Abzug der Truppen.".into();
        s.concepts.push(same);
        s.concepts
            .push(Concept::new(ConceptId("ordnung".into()), "Ordnung"));
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    assert!(report.conflicts.is_empty(), "{report:?}");
    let concepts: Vec<(&str, &str)> = merged
        .concepts
        .iter()
        .map(|c| (c.id.as_str(), c.note.as_str()))
        .collect();
    assert_eq!(
        concepts,
        [("abzug", "Der Abzug der Truppen."), ("ordnung", "")]
    );
    assert!(merged.annotations[0].statement.is_some());
}

#[test]
fn the_legend_merges_by_colour() {
    let mut base = session(Vec::new());
    base.legend.insert(Colour::Red, "Zweifel".into());
    base.legend.insert(Colour::Blue, "Aussage".into());
    let ours = changed(&base, |s| {
        s.legend.insert(Colour::Green, "Beleg".into());
        s.legend.insert(Colour::Blue, "Aussage, wörtlich".into());
    });
    let theirs = changed(&base, |s| {
        s.legend.remove(&Colour::Red);
        s.legend.insert(Colour::Blue, "Zitat".into());
        s.legend.insert(Colour::Grey, "Hintergrund".into());
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    let legend: Vec<(Colour, &str)> = merged
        .legend
        .iter()
        .map(|(c, m)| (*c, m.as_str()))
        .collect();
    assert_eq!(
        legend,
        [
            (Colour::Green, "Beleg"),
            (Colour::Blue, "Aussage, wörtlich"),
            (Colour::Grey, "Hintergrund"),
        ]
    );
    assert_eq!(
        report.conflicts,
        [Conflict::Field {
            place: Place::Legend,
            field: "Blue".into(),
            ours: Some("Aussage, wörtlich".into()),
            theirs: Some("Zitat".into()),
            kept: Kept::Ours,
        }]
    );
}

#[test]
fn unknown_top_level_fields_of_either_side_are_kept() {
    let mut base = session(Vec::new());
    base.extra = Extra(vec![("projekt".into(), "\"Kasachstan\"".into())]);
    let ours = changed(&base, |s| s.extra.0.push(("prioritaet".into(), "5".into())));
    let theirs = changed(&base, |s| {
        s.extra.0[0].1 = "\"Kasachstan 2022\"".into();
        s.extra.0.push(("codebuch".into(), "(version: 3)".into()));
        s.document.extra.0.push(("seiten".into(), "2".into()));
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(
        merged.extra.0,
        [
            ("projekt".to_owned(), "\"Kasachstan 2022\"".to_owned()),
            ("prioritaet".to_owned(), "5".to_owned()),
            ("codebuch".to_owned(), "(version: 3)".to_owned()),
        ]
    );
    assert_eq!(
        merged.document.extra.0,
        [("seiten".to_owned(), "2".to_owned())]
    );
}

#[test]
fn without_an_ancestor_everything_is_added_on_both_sides() {
    let empty = session(Vec::new());
    let ours = session(vec![annotation("a1", "Anna")]);
    let theirs = session(vec![annotation("a1", "Ben"), annotation("a2", "Ben")]);
    let (merged, report) = merged(&empty, &ours, &theirs);
    assert_eq!(
        notes(&merged),
        [("a1", "Anna"), ("a3", "Ben"), ("a2", "Ben")]
    );
    assert!(report.conflicts.is_empty());
}

#[test]
fn attributes_of_actors_and_concepts_merge_by_name() {
    use crate::annotation::{Concept, ConceptId};
    let mut base = session(Vec::new());
    let mut epa = actor("epa", &[], "");
    epa.attributes.insert("Type".into(), "Government".into());
    epa.attributes.insert("Ort".into(), "DC".into());
    base.actors = vec![epa];
    base.concepts = vec![Concept::new(ConceptId("co2".into()), "CO2")];
    // Here: one attribute changed, one added; the concept gets one.
    let ours = changed(&base, |s| {
        s.actors[0]
            .attributes
            .insert("Type".into(), "Agency".into());
        s.actors[0]
            .attributes
            .insert("Gründung".into(), "1970".into());
        s.concepts[0]
            .attributes
            .insert("Type".into(), "policy".into());
    });
    // There: one removed, another added; the same attribute changed the
    // other way is the one conflict.
    let theirs = changed(&base, |s| {
        s.actors[0].attributes.remove("Ort");
        s.actors[0].attributes.insert("Alias".into(), "EPA".into());
        s.concepts[0]
            .attributes
            .insert("Type".into(), "frame".into());
    });
    let (merged, report) = merged(&base, &ours, &theirs);
    let attributes: Vec<(&str, &str)> = merged.actors[0]
        .attributes
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        attributes,
        [("Alias", "EPA"), ("Gründung", "1970"), ("Type", "Agency")]
    );
    assert_eq!(merged.concepts[0].attributes["Type"], "policy");
    assert_eq!(report.conflicts.len(), 1, "{report:?}");
    assert!(
        format!("{:?}", report.conflicts[0]).contains("attributes.Type"),
        "{report:?}"
    );
}
