//! Merging the small records of a session field by field: actors,
//! concepts, the document reference, and lists of named values (the colour
//! legend, fields this version does not know).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

use super::three_way::{Outcome, Pick, Record, hash_of, merge_records, pick};
use super::{Conflict, Kept, Place, Reconciled};
use crate::actors::Actor;
use crate::annotation::{Concept, DocumentRef};
use crate::extra::Extra;

/// A record merged field by field where both sides changed it: an actor,
/// a concept.
pub(super) trait Joined: Record + Clone + PartialEq {
    /// Where a conflict in it is.
    fn place(&self) -> Place;

    /// The record both sides changed (or both added: `base` is `None`),
    /// merged field by field, with the fields both set differently noted.
    fn join(base: Option<&Self>, ours: &Self, theirs: &Self, conflicts: &mut Vec<Conflict>)
    -> Self;
}

/// Merges a list of records by id, joining the two versions of a record
/// both sides changed. A record one side deleted stays when the other
/// changed it, or when the merge still `named` it.
pub(super) fn merge_kept<R: Joined>(
    base: &HashMap<R::Id, R>,
    ours: &[R],
    theirs: &[R],
    named: &dyn Fn(&R::Id) -> bool,
    report: &mut Reconciled,
) -> Vec<R> {
    let outcomes = merge_records(|id| base.get(id).map(hash_of), ours, theirs);
    let mut merged = Vec::with_capacity(outcomes.len());
    let mut kept_deleted = |r: &R, deleted_here: bool, merged: &mut Vec<R>| {
        report.conflicts.push(Conflict::RecordDeleted {
            place: r.place(),
            deleted_here,
        });
        merged.push(r.clone());
    };
    let mut taken = 0;
    let mut removed = 0;
    let mut joined_conflicts = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Ours(r) => merged.push(r.clone()),
            Outcome::Theirs(r) | Outcome::Added(r) => {
                merged.push(r.clone());
                taken += 1;
            }
            Outcome::DeletedThere(r) if named(r.id()) => kept_deleted(r, false, &mut merged),
            Outcome::DeletedThere(_) => removed += 1,
            Outcome::DeletedHere(r) if named(r.id()) => kept_deleted(r, true, &mut merged),
            Outcome::DeletedHere(_) => {}
            Outcome::BothAdded { ours, theirs } | Outcome::BothChanged { ours, theirs } => {
                let joined = R::join(base.get(ours.id()), ours, theirs, &mut joined_conflicts);
                if &joined != ours {
                    taken += 1;
                }
                merged.push(joined);
            }
            Outcome::ChangedHereDeletedThere(r) => kept_deleted(r, false, &mut merged),
            Outcome::DeletedHereChangedThere(r) => kept_deleted(r, true, &mut merged),
        }
    }
    report.conflicts.extend(joined_conflicts);
    report.taken += taken;
    report.removed += removed;
    merged
}

/// A field both sides may have changed: the side that changed it, or on a
/// clash this side's, with the conflict noted.
fn scalar<T: PartialEq + Clone>(
    place: &Place,
    field: &str,
    (base, ours, theirs): (Option<&T>, &T, &T),
    show: impl Fn(&T) -> Option<String>,
    conflicts: &mut Vec<Conflict>,
) -> T {
    match pick(base, ours, theirs) {
        Pick::Ours => ours.clone(),
        Pick::Theirs => theirs.clone(),
        Pick::Clash => {
            conflicts.push(Conflict::Field {
                place: place.clone(),
                field: field.to_owned(),
                ours: show(ours),
                theirs: show(theirs),
                kept: Kept::Ours,
            });
            ours.clone()
        }
    }
}

/// A note both sides may have changed: on a clash both texts, this side's
/// first, unless one already holds the other.
fn text(
    place: &Place,
    field: &str,
    (base, ours, theirs): (&str, &str, &str),
    conflicts: &mut Vec<Conflict>,
) -> String {
    match pick(Some(base), ours, theirs) {
        Pick::Ours => ours.to_owned(),
        Pick::Theirs => theirs.to_owned(),
        Pick::Clash => {
            let (o, t) = (ours.trim(), theirs.trim());
            if !o.is_empty() && !t.is_empty() && o.contains(t) {
                return ours.to_owned();
            }
            if !o.is_empty() && !t.is_empty() && t.contains(o) {
                return theirs.to_owned();
            }
            conflicts.push(Conflict::Field {
                place: place.clone(),
                field: field.to_owned(),
                ours: Some(ours.to_owned()),
                theirs: Some(theirs.to_owned()),
                kept: Kept::Both,
            });
            match (o.is_empty(), t.is_empty()) {
                (true, _) => theirs.to_owned(),
                (_, true) => ours.to_owned(),
                _ => format!("{ours}\n\n{theirs}"),
            }
        }
    }
}

/// A list of names (aliases) merged as a set: this side's, less what the
/// other side removed, with what it added.
fn names(base: &[String], ours: &[String], theirs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ours
        .iter()
        .filter(|n| !base.contains(n) || theirs.contains(n))
        .cloned()
        .collect();
    for n in theirs {
        if !base.contains(n) && !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// Merges named values (a colour's meaning, an unknown field's RON text)
/// by name. Where both sides set one differently this side's is kept; a
/// value one side changed and the other removed is kept as changed.
pub(super) fn merge_named<K, V>(
    place: &Place,
    base: &[(K, V)],
    ours: &[(K, V)],
    theirs: &[(K, V)],
    name: impl Fn(&K) -> String,
    report: &mut Reconciled,
) -> Vec<(K, V)>
where
    K: Eq + Hash + Clone,
    V: Hash + Clone + ToString,
{
    let base: HashMap<&K, u64> = base.iter().map(|(k, v)| (k, hash_of(&(k, v)))).collect();
    let mut merged = Vec::with_capacity(ours.len() + theirs.len());
    let mut clash = |k: &K, ours: Option<&V>, theirs: Option<&V>, kept: Kept| {
        report.conflicts.push(Conflict::Field {
            place: place.clone(),
            field: name(k),
            ours: ours.map(ToString::to_string),
            theirs: theirs.map(ToString::to_string),
            kept,
        });
    };
    let (mut taken, mut removed) = (0, 0);
    for outcome in merge_records(|k| base.get(k).copied(), ours, theirs) {
        match outcome {
            Outcome::Ours(r) => merged.push(r.clone()),
            Outcome::Theirs(r) | Outcome::Added(r) => {
                merged.push(r.clone());
                taken += 1;
            }
            Outcome::DeletedThere(_) => removed += 1,
            Outcome::DeletedHere(_) => {}
            Outcome::BothAdded { ours, theirs } | Outcome::BothChanged { ours, theirs } => {
                clash(&ours.0, Some(&ours.1), Some(&theirs.1), Kept::Ours);
                merged.push(ours.clone());
            }
            Outcome::ChangedHereDeletedThere(r) => {
                clash(&r.0, Some(&r.1), None, Kept::Ours);
                merged.push(r.clone());
            }
            Outcome::DeletedHereChangedThere(r) => {
                clash(&r.0, None, Some(&r.1), Kept::Theirs);
                merged.push(r.clone());
            }
        }
    }
    report.taken += taken;
    report.removed += removed;
    merged
}

/// A record's attributes: name to value.
type Attributes = BTreeMap<String, String>;

/// The attributes of a record both sides changed, merged by name: each
/// side's additions and removals; where both set one differently, this
/// side's value, the conflict noted.
fn attributes(
    place: &Place,
    (base, ours, theirs): (&Attributes, &Attributes, &Attributes),
    conflicts: &mut Vec<Conflict>,
) -> BTreeMap<String, String> {
    let pairs = |map: &BTreeMap<String, String>| -> Vec<(String, String)> {
        map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    let mut report = Reconciled::default();
    let merged = merge_named(
        place,
        &pairs(base),
        &pairs(ours),
        &pairs(theirs),
        |name: &String| format!("attributes.{name}"),
        &mut report,
    );
    conflicts.extend(report.conflicts);
    merged.into_iter().collect()
}

/// The unknown fields of a record both sides changed, merged by name.
fn extra(
    place: &Place,
    (base, ours, theirs): (&Extra, &Extra, &Extra),
    conflicts: &mut Vec<Conflict>,
) -> Extra {
    let mut report = Reconciled::default();
    let merged = merge_named(
        place,
        &base.0,
        &ours.0,
        &theirs.0,
        String::clone,
        &mut report,
    );
    conflicts.extend(report.conflicts);
    Extra(merged)
}

#[expect(clippy::ptr_arg, reason = "the field is a String")]
fn some(text: &String) -> Option<String> {
    Some(text.clone())
}

/// An actor: aliases merged as a set, notes joined.
impl Joined for Actor {
    fn place(&self) -> Place {
        Place::Actor(self.id.clone())
    }

    fn join(
        base: Option<&Self>,
        ours: &Self,
        theirs: &Self,
        conflicts: &mut Vec<Conflict>,
    ) -> Self {
        let place = ours.place();
        let no_extra = Extra::default();
        let no_attributes = BTreeMap::new();
        Actor {
            id: ours.id.clone(),
            name: scalar(
                &place,
                "name",
                (base.map(|b| &b.name), &ours.name, &theirs.name),
                some,
                conflicts,
            ),
            kind: scalar(
                &place,
                "kind",
                (base.map(|b| &b.kind), &ours.kind, &theirs.kind),
                |k| Some(format!("{k:?}")),
                conflicts,
            ),
            aliases: names(
                base.map_or(&[], |b| b.aliases.as_slice()),
                &ours.aliases,
                &theirs.aliases,
            ),
            colour: scalar(
                &place,
                "colour",
                (base.map(|b| &b.colour), &ours.colour, &theirs.colour),
                |c| Some(c.to_hex()),
                conflicts,
            ),
            note: text(
                &place,
                "note",
                (base.map_or("", |b| &b.note), &ours.note, &theirs.note),
                conflicts,
            ),
            attributes: attributes(
                &place,
                (
                    base.map_or(&no_attributes, |b| &b.attributes),
                    &ours.attributes,
                    &theirs.attributes,
                ),
                conflicts,
            ),
            extra: extra(
                &place,
                (
                    base.map_or(&no_extra, |b| &b.extra),
                    &ours.extra,
                    &theirs.extra,
                ),
                conflicts,
            ),
        }
    }
}

/// A concept: notes joined.
impl Joined for Concept {
    fn place(&self) -> Place {
        Place::Concept(self.id.clone())
    }

    fn join(
        base: Option<&Self>,
        ours: &Self,
        theirs: &Self,
        conflicts: &mut Vec<Conflict>,
    ) -> Self {
        let place = ours.place();
        let no_extra = Extra::default();
        let no_attributes = BTreeMap::new();
        Concept {
            id: ours.id.clone(),
            name: scalar(
                &place,
                "name",
                (base.map(|b| &b.name), &ours.name, &theirs.name),
                some,
                conflicts,
            ),
            note: text(
                &place,
                "note",
                (base.map_or("", |b| &b.note), &ours.note, &theirs.note),
                conflicts,
            ),
            attributes: attributes(
                &place,
                (
                    base.map_or(&no_attributes, |b| &b.attributes),
                    &ours.attributes,
                    &theirs.attributes,
                ),
                conflicts,
            ),
            extra: extra(
                &place,
                (
                    base.map_or(&no_extra, |b| &b.extra),
                    &ours.extra,
                    &theirs.extra,
                ),
                conflicts,
            ),
        }
    }
}

/// The document reference, field by field. The hash is merged like the
/// rest; callers have made sure both sides are on one text.
pub(super) fn merge_document(
    base: &DocumentRef,
    ours: &DocumentRef,
    theirs: &DocumentRef,
    report: &mut Reconciled,
) -> DocumentRef {
    let place = Place::Document;
    let c = &mut report.conflicts;
    let optional = |v: &Option<String>| v.clone();
    DocumentRef {
        title: scalar(
            &place,
            "title",
            (Some(&base.title), &ours.title, &theirs.title),
            some,
            c,
        ),
        path: scalar(
            &place,
            "path",
            (Some(&base.path), &ours.path, &theirs.path),
            optional,
            c,
        ),
        hash: scalar(
            &place,
            "hash",
            (Some(&base.hash), &ours.hash, &theirs.hash),
            some,
            c,
        ),
        chars: scalar(
            &place,
            "chars",
            (Some(&base.chars), &ours.chars, &theirs.chars),
            |n| Some(n.to_string()),
            c,
        ),
        source_hash: scalar(
            &place,
            "source_hash",
            (
                Some(&base.source_hash),
                &ours.source_hash,
                &theirs.source_hash,
            ),
            optional,
            c,
        ),
        extractor: scalar(
            &place,
            "extractor",
            (Some(&base.extractor), &ours.extractor, &theirs.extractor),
            optional,
            c,
        ),
        url: scalar(
            &place,
            "url",
            (Some(&base.url), &ours.url, &theirs.url),
            optional,
            c,
        ),
        extra: extra(&place, (&base.extra, &ours.extra, &theirs.extra), c),
    }
}
