//! Three-way merging of two versions of a project file against their
//! ancestor, record by record: what git's merge driver does with
//! `project.ron` when two coders each changed the registry.

use std::collections::{BTreeMap, HashMap};

use crate::annotation::three_way::{Outcome, Pick, Record, hashes, merge_records, pick};
use crate::i18n::{fill, tr_co};
use crate::storage::{Entry, ProjectFile};

impl Record for Entry {
    type Id = String;

    fn id(&self) -> &String {
        &self.id
    }
}

/// The merged project file, and the records both sides changed differently
/// (this side's version of each is kept), one line each.
#[derive(Debug)]
pub struct MergedProject {
    /// The merge.
    pub file: ProjectFile,
    /// What both sides changed differently.
    pub conflicts: Vec<String>,
}

/// Merges `theirs` into `ours` against `base`: additions, changes and
/// deletions of either side are taken; where both changed a record
/// differently, this side's version stays and the conflict is named.
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
    let actors = merge_list(
        &base.actors,
        &ours.actors,
        &theirs.actors,
        t.merge_actor,
        |a| a.name.clone(),
        &mut conflicts,
    );
    let concepts = merge_list(
        &base.concepts,
        &ours.concepts,
        &theirs.concepts,
        t.merge_concept,
        |c| c.name.clone(),
        &mut conflicts,
    );
    let documents = merge_list(
        &base.documents,
        &ours.documents,
        &theirs.documents,
        t.merge_document,
        |e| e.source.title.clone(),
        &mut conflicts,
    );
    let pairs = |legend: &BTreeMap<_, String>| {
        legend
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect::<Vec<_>>()
    };
    let legend = merge_list(
        &pairs(&base.legend),
        &pairs(&ours.legend),
        &pairs(&theirs.legend),
        t.merge_legend,
        |(c, _)| c.name().to_owned(),
        &mut conflicts,
    )
    .into_iter()
    .collect();
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
    MergedProject {
        file: ProjectFile {
            format: ours.format.max(theirs.format),
            name,
            actors,
            concepts,
            legend,
            attributes,
            documents,
        },
        conflicts,
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
        assert_eq!(merged.conflicts.len(), 1);
        assert!(merged.conflicts[0].contains("Tokajew"));
        assert_eq!(merged.file.actors[0].note, "ours");
    }
}
