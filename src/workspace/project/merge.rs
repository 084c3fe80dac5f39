//! Three-way merging of two versions of a project file against their
//! ancestor: what git's merge driver does with `project.ron` when two
//! coders each changed the registry, and what a window does when another
//! writer changed it while it was open. One merge for both.
//!
//! - actors, concepts and the legend as in a session
//!   ([`reconcile::merge`]): field by field, aliases as a set, notes both
//!   texts where both changed them;
//! - documents record by record, and a document both sides changed field by
//!   field (one coder set the outlet, the other the date: both kept);
//! - the name and the attribute columns as values.
//!
//! Where both sides set one field differently, this side's value stays
//! and the conflict is named.

use std::collections::{BTreeMap, HashMap};

use crate::annotation::reconcile;
use crate::annotation::three_way::{Outcome, Pick, Record, hashes, merge_records, pick};
use crate::i18n::{fill, tr_co};
use crate::storage::{Entry, ProjectFile, SavedSearch};

impl Record for Entry {
    type Id = String;

    fn id(&self) -> &String {
        &self.id
    }
}

/// A saved search is known by its name.
impl Record for SavedSearch {
    type Id = String;

    fn id(&self) -> &String {
        &self.name
    }
}

/// The merged project file, and the fields both sides changed differently
/// (this side's value of each is kept), one line each.
#[derive(Debug)]
pub struct MergedProject {
    /// The merge.
    pub file: ProjectFile,
    /// What both sides changed differently.
    pub conflicts: Vec<String>,
}

/// Merges `theirs` into `ours` against `base`: additions, changes and
/// deletions of either side are taken; where both changed a field
/// differently, this side's value stays and the conflict is named.
#[must_use]
pub fn merge_projects(
    base: &ProjectFile,
    ours: &ProjectFile,
    theirs: &ProjectFile,
) -> MergedProject {
    let mut conflicts = Vec::new();
    let t = tr_co();
    let name = match pick(Some(&base.name), &ours.name, &theirs.name) {
        Pick::Theirs => theirs.name.clone(),
        Pick::Ours => ours.name.clone(),
        Pick::Clash => {
            conflicts.push(fill(
                t.merge_conflict,
                &[("what", &t.merge_name), ("name", &ours.name)],
            ));
            ours.name.clone()
        }
    };
    // The registry merges as a session's does. Its annotations are in the
    // documents' own files: none here keeps an actor one side deleted.
    let (registry, report) = reconcile::merge(
        &reconcile::Base::of(&super::registry_session(base)),
        &super::registry_session(ours),
        &super::registry_session(theirs),
    );
    conflicts.extend(report.conflicts.iter().map(reconcile::Conflict::describe));
    let documents = merge_documents(base, ours, theirs, &mut conflicts);
    let units = |names: &[String]| names.iter().map(|n| (n.clone(), ())).collect::<Vec<_>>();
    let attributes = merge_list(
        &units(&base.attributes),
        &units(&ours.attributes),
        &units(&theirs.attributes),
        t.merge_attribute,
        |(n, ())| n.clone(),
        &mut conflicts,
    )
    .into_iter()
    .map(|(n, ())| n)
    .collect();
    let searches = merge_list(
        &base.searches,
        &ours.searches,
        &theirs.searches,
        crate::i18n::tr_im().merge_search,
        |s| s.name.clone(),
        &mut conflicts,
    );
    MergedProject {
        file: ProjectFile {
            format: ours.format.max(theirs.format),
            name,
            actors: registry.actors,
            concepts: registry.concepts,
            legend: registry.legend,
            attributes,
            documents,
            searches,
        },
        conflicts,
    }
}

/// The documents merged: each side's additions and deletions, one side's
/// changes; a document both sides changed (or both added) field by field.
fn merge_documents(
    base: &ProjectFile,
    ours: &ProjectFile,
    theirs: &ProjectFile,
    conflicts: &mut Vec<String>,
) -> Vec<Entry> {
    let hashes: HashMap<String, u64> = hashes(&base.documents);
    let base_entries: HashMap<&str, &Entry> =
        base.documents.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut out = Vec::new();
    for outcome in merge_records(
        |id| hashes.get(id).copied(),
        &ours.documents,
        &theirs.documents,
    ) {
        match outcome {
            Outcome::Ours(e) | Outcome::Theirs(e) | Outcome::Added(e) => out.push(e.clone()),
            Outcome::DeletedThere(_) | Outcome::DeletedHere(_) => {}
            Outcome::BothAdded { ours, theirs } | Outcome::BothChanged { ours, theirs } => {
                let base = base_entries.get(ours.id.as_str()).copied();
                out.push(merge_entry(base, ours, theirs, conflicts));
            }
            Outcome::ChangedHereDeletedThere(e) | Outcome::DeletedHereChangedThere(e) => {
                conflicts.push(fill(
                    tr_co().merge_conflict,
                    &[("what", &tr_co().merge_document), ("name", &e.source.title)],
                ));
                out.push(e.clone());
            }
        }
    }
    out
}

/// One document both sides changed, field by field; attributes by name.
fn merge_entry(
    base: Option<&Entry>,
    ours: &Entry,
    theirs: &Entry,
    conflicts: &mut Vec<String>,
) -> Entry {
    let t = tr_co();
    let title = &ours.source.title;
    let named = |name: &str| {
        fill(
            t.merge_conflict,
            &[
                ("what", &t.merge_document),
                ("name", &format!("{title}: {name}")),
            ],
        )
    };
    // Title, path and hashes go together: both sides' texts differ.
    let source = match pick(base.map(|b| &b.source), &ours.source, &theirs.source) {
        Pick::Theirs => theirs.source.clone(),
        Pick::Ours => ours.source.clone(),
        Pick::Clash => {
            conflicts.push(named("source"));
            ours.source.clone()
        }
    };
    let mut field = |name: &str,
                     b: Option<&Option<String>>,
                     o: &Option<String>,
                     th: &Option<String>| {
        match pick(b, o, th) {
            Pick::Ours => o.clone(),
            Pick::Theirs => th.clone(),
            Pick::Clash => {
                conflicts.push(named(name));
                o.clone()
            }
        }
    };
    let outlet = field(
        "outlet",
        base.map(|b| &b.outlet),
        &ours.outlet,
        &theirs.outlet,
    );
    let date = field("date", base.map(|b| &b.date), &ours.date, &theirs.date);
    let author = field(
        "author",
        base.map(|b| &b.author),
        &ours.author,
        &theirs.author,
    );
    let mut names: Vec<&String> = ours
        .attributes
        .keys()
        .chain(theirs.attributes.keys())
        .collect();
    if let Some(b) = base {
        names.extend(b.attributes.keys());
    }
    names.sort();
    names.dedup();
    let mut attributes = BTreeMap::new();
    for name in names {
        let get = |e: &Entry| e.attributes.get(name).cloned();
        let merged = field(name, base.map(get).as_ref(), &get(ours), &get(theirs));
        if let Some(value) = merged {
            attributes.insert(name.clone(), value);
        }
    }
    Entry {
        id: ours.id.clone(),
        source,
        outlet,
        date,
        author,
        attributes,
    }
}

/// One list merged: both sides' additions, either side's changes and
/// deletions; this side's record where both changed it.
fn merge_list<R: Record + Clone>(
    base: &[R],
    ours: &[R],
    theirs: &[R],
    what: &str,
    name: impl Fn(&R) -> String,
    conflicts: &mut Vec<String>,
) -> Vec<R>
where
    R::Id: Clone,
{
    let base: HashMap<R::Id, u64> = hashes(base);
    let mut out = Vec::new();
    for outcome in merge_records(|id| base.get(id).copied(), ours, theirs) {
        match outcome {
            Outcome::Ours(r) | Outcome::Theirs(r) | Outcome::Added(r) => out.push(r.clone()),
            Outcome::DeletedThere(_) | Outcome::DeletedHere(_) => {}
            Outcome::BothAdded { ours, .. } | Outcome::BothChanged { ours, .. } => {
                conflicts.push(fill(
                    tr_co().merge_conflict,
                    &[("what", &what), ("name", &name(ours))],
                ));
                out.push(ours.clone());
            }
            Outcome::ChangedHereDeletedThere(r) | Outcome::DeletedHereChangedThere(r) => {
                conflicts.push(fill(
                    tr_co().merge_conflict,
                    &[("what", &what), ("name", &name(r))],
                ));
                out.push(r.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{Actor, ActorId, ActorKind};

    fn actor(id: &str, name: &str) -> Actor {
        Actor::new(ActorId(id.into()), name, ActorKind::Person)
    }

    #[test]
    fn both_sides_additions_and_one_sides_changes_are_kept() {
        let mut base = ProjectFile::new("K");
        base.actors.push(actor("tokajew", "Tokajew"));
        base.documents.push(Entry {
            id: "a".into(),
            ..Entry::default()
        });
        let mut ours = base.clone();
        ours.actors.push(actor("moskau", "Moskau"));
        ours.documents[0].outlet = Some("Tagesblatt".into());
        let mut theirs = base.clone();
        theirs.actors[0].note = "Präsident".into();
        theirs.documents.push(Entry {
            id: "b".into(),
            ..Entry::default()
        });
        theirs.attributes.push("Ressort".into());
        let merged = merge_projects(&base, &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let file = merged.file;
        assert_eq!(file.actors.len(), 2);
        assert_eq!(file.actors[0].note, "Präsident");
        assert_eq!(file.documents.len(), 2);
        assert_eq!(file.documents[0].outlet.as_deref(), Some("Tagesblatt"));
        assert_eq!(file.attributes, ["Ressort"]);
    }

    #[test]
    fn a_record_both_changed_keeps_ours_and_is_named() {
        let mut base = ProjectFile::new("K");
        base.actors.push(actor("tokajew", "Tokajew"));
        let mut ours = base.clone();
        ours.actors[0].note = "ours".into();
        let mut theirs = base.clone();
        theirs.actors[0].note = "theirs".into();
        let merged = merge_projects(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        assert!(
            merged.conflicts[0].contains("tokajew"),
            "{:?}",
            merged.conflicts
        );
        // A note both changed keeps both texts, this side's first, as in a
        // session.
        let note = &merged.file.actors[0].note;
        assert!(
            note.starts_with("ours") && note.contains("theirs"),
            "{note}"
        );
    }

    #[test]
    fn one_record_changed_on_both_sides_in_different_fields_keeps_both() {
        let mut base = ProjectFile::new("K");
        base.actors.push(actor("tokajew", "Tokajew"));
        base.documents.push(Entry {
            id: "a".into(),
            outlet: Some("Tagesblatt".into()),
            ..Entry::default()
        });
        let mut ours = base.clone();
        ours.actors[0].note = "Präsident".into();
        ours.documents[0].date = Some("2022-01-05".into());
        ours.documents[0]
            .attributes
            .insert("Ressort".into(), "Ausland".into());
        let mut theirs = base.clone();
        theirs.actors[0]
            .aliases
            .push("Kassym-Schomart Tokajew".into());
        theirs.documents[0].outlet = Some("Abendpost".into());
        theirs.documents[0].author = Some("Redaktion".into());
        let merged = merge_projects(&base, &ours, &theirs);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let actor = &merged.file.actors[0];
        assert_eq!(actor.note, "Präsident");
        assert_eq!(actor.aliases, ["Kassym-Schomart Tokajew"]);
        let entry = &merged.file.documents[0];
        assert_eq!(entry.outlet.as_deref(), Some("Abendpost"));
        assert_eq!(entry.date.as_deref(), Some("2022-01-05"));
        assert_eq!(entry.author.as_deref(), Some("Redaktion"));
        assert_eq!(entry.attributes["Ressort"], "Ausland");
    }

    #[test]
    fn one_field_both_set_differently_keeps_ours_and_names_the_document() {
        let mut base = ProjectFile::new("K");
        base.documents.push(Entry {
            id: "a".into(),
            ..Entry::default()
        });
        base.documents[0].source.title = "Lage in Kasachstan".into();
        let mut ours = base.clone();
        ours.documents[0].outlet = Some("Tagesblatt".into());
        ours.documents[0].date = Some("2022-01-05".into());
        let mut theirs = base.clone();
        theirs.documents[0].outlet = Some("Abendpost".into());
        let merged = merge_projects(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        assert!(
            merged.conflicts[0].contains("Lage in Kasachstan: outlet"),
            "{:?}",
            merged.conflicts
        );
        let entry = &merged.file.documents[0];
        assert_eq!(entry.outlet.as_deref(), Some("Tagesblatt"));
        assert_eq!(entry.date.as_deref(), Some("2022-01-05"));
    }

    #[test]
    fn saved_searches_of_both_sides_are_kept_and_a_clash_is_named() {
        let search = |name: &str, pattern: &str| SavedSearch {
            name: name.into(),
            pattern: pattern.into(),
            regex: true,
            colour: None,
        };
        let mut base = ProjectFile::new("K");
        base.searches.push(search("CO2", "C[Oo0]2"));
        let mut ours = base.clone();
        ours.searches.push(search("Klima", "klima"));
        ours.searches[0].pattern = "CO2".into();
        let mut theirs = base.clone();
        theirs.searches.push(search("Ozon", "ozon"));
        theirs.searches[0].pattern = "C[O0]2".into();
        let merged = merge_projects(&base, &ours, &theirs);
        let names: Vec<&str> = merged
            .file
            .searches
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["CO2", "Klima", "Ozon"]);
        assert_eq!(merged.file.searches[0].pattern, "CO2");
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        assert!(
            merged.conflicts[0].contains("CO2"),
            "{:?}",
            merged.conflicts
        );
    }
}
