//! Three-way merging of lists of records keyed by id, for any record.
//!
//! Two copies of one list went their own ways from a common ancestor (the
//! *base*): two windows on one session file, two branches in git. For each
//! id this module says how the record stands — the same on both sides,
//! changed or added on one side only, deleted on one, or changed on both —
//! and leaves what to do about it to the caller, who knows the record: an
//! annotation changed on both sides is kept twice, an actor is merged field
//! by field. The base is needed only as one content hash per id, so a
//! caller may keep hashes instead of a copy of the list.
//!
//! The outcomes come in the order the merged list takes: this side's
//! records in this side's order, then the other side's additions in theirs.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// A record in a list keyed by id: an annotation, an actor, a concept, a
/// colour's meaning. Its content hash is its [`Hash`].
pub trait Record: Hash {
    /// What identifies the record within its list.
    type Id: Eq + Hash;

    /// The record's id.
    fn id(&self) -> &Self::Id;
}

/// A named value (a colour's meaning, an unknown field) is a record keyed
/// by its name.
impl<K: Eq + Hash, V: Hash> Record for (K, V) {
    type Id = K;

    fn id(&self) -> &K {
        &self.0
    }
}

/// The content hash of a value, as the base keeps it. Only for comparing
/// within one run of the program: it is not stable across versions.
#[must_use]
pub fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The content hash of each record of `records`, by id: a base.
#[must_use]
pub fn hashes<R: Record>(records: &[R]) -> HashMap<R::Id, u64>
where
    R::Id: Clone,
{
    records
        .iter()
        .map(|r| (r.id().clone(), hash_of(r)))
        .collect()
}

/// How one record stands between the base and the two sides.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome<'a, R> {
    /// Alike on both sides, changed or added on this side only: this
    /// side's record stands.
    Ours(&'a R),
    /// Changed on the other side only: the other side's version stands in
    /// this side's place.
    Theirs(&'a R),
    /// Added on the other side only.
    Added(&'a R),
    /// This side's record, deleted there and left alone here: it goes.
    DeletedThere(&'a R),
    /// The other side's record, deleted here and left alone there: it
    /// stays gone.
    DeletedHere(&'a R),
    /// Both sides added a record under the same id, with different content.
    BothAdded {
        /// This side's.
        ours: &'a R,
        /// The other side's.
        theirs: &'a R,
    },
    /// Both sides changed the record, differently.
    BothChanged {
        /// This side's version.
        ours: &'a R,
        /// The other side's version.
        theirs: &'a R,
    },
    /// Changed here, deleted there: this side's version.
    ChangedHereDeletedThere(&'a R),
    /// Deleted here, changed there: the other side's version.
    DeletedHereChangedThere(&'a R),
}

/// Which side's value a single field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// This side's: alike, or changed here only.
    Ours,
    /// The other side's: changed there only.
    Theirs,
    /// Both changed it (or, without a base, both set it), differently.
    Clash,
}

/// The three-way pick for one field; `base` is `None` where the record
/// has no ancestor (both sides added it).
#[must_use]
pub fn pick<T: PartialEq + ?Sized>(base: Option<&T>, ours: &T, theirs: &T) -> Pick {
    if ours == theirs || base == Some(theirs) {
        Pick::Ours
    } else if base == Some(ours) {
        Pick::Theirs
    } else {
        Pick::Clash
    }
}

/// Merges two versions of a list of records against the base, given as
/// the content hash of each of its records by id. One outcome per id that
/// either side or the base holds, except ids both sides deleted; in the
/// merged list's order: this side's records first, in this side's order,
/// then the other side's additions and the deletions it alone knows of, in
/// the other side's order.
pub fn merge_records<'a, R: Record>(
    base: impl Fn(&R::Id) -> Option<u64>,
    ours: &'a [R],
    theirs: &'a [R],
) -> Vec<Outcome<'a, R>> {
    let their_records: HashMap<&R::Id, &R> = theirs.iter().map(|r| (r.id(), r)).collect();
    let our_ids: HashSet<&R::Id> = ours.iter().map(Record::id).collect();
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    for mine in ours {
        let there = their_records.get(mine.id()).copied();
        let (hash, base) = (hash_of(mine), base(mine.id()));
        out.push(match (there, base) {
            (Some(there), _) if hash_of(there) == hash => Outcome::Ours(mine),
            (Some(there), None) => Outcome::BothAdded {
                ours: mine,
                theirs: there,
            },
            (Some(there), Some(b)) if b == hash => Outcome::Theirs(there),
            (Some(there), Some(b)) if b == hash_of(there) => Outcome::Ours(mine),
            (Some(there), Some(_)) => Outcome::BothChanged {
                ours: mine,
                theirs: there,
            },
            (None, None) => Outcome::Ours(mine),
            (None, Some(b)) if b == hash => Outcome::DeletedThere(mine),
            (None, Some(_)) => Outcome::ChangedHereDeletedThere(mine),
        });
    }
    for there in theirs {
        if our_ids.contains(there.id()) {
            continue;
        }
        out.push(match base(there.id()) {
            None => Outcome::Added(there),
            Some(b) if b == hash_of(there) => Outcome::DeletedHere(there),
            Some(_) => Outcome::DeletedHereChangedThere(there),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record written `id=content`.
    type Item = (&'static str, &'static str);

    fn merge<'a>(base: &[Item], ours: &'a [Item], theirs: &'a [Item]) -> Vec<Outcome<'a, Item>> {
        let base: HashMap<&str, u64> = base.iter().map(|r| (r.0, hash_of(r))).collect();
        merge_records(|id| base.get(id).copied(), ours, theirs)
    }

    #[test]
    fn each_record_gets_its_outcome_in_the_merged_order() {
        let base = [("k", "1"), ("t", "1"), ("o", "1"), ("d", "1"), ("h", "1")];
        let ours = [
            ("k", "1"),    // left alone by both
            ("o", "2"),    // changed here
            ("t", "1"),    // changed there
            ("d", "1"),    // deleted there
            ("n", "1"),    // added here
            ("b", "mine"), // added on both sides
        ];
        let theirs = [
            ("x", "1"), // added there, goes after ours
            ("b", "yours"),
            ("k", "1"),
            ("t", "2"),
            ("o", "1"),
            ("h", "1"), // deleted here
        ];
        use Outcome::*;
        assert_eq!(
            merge(&base, &ours, &theirs),
            [
                Ours(&("k", "1")),
                Ours(&("o", "2")),
                Theirs(&("t", "2")),
                DeletedThere(&("d", "1")),
                Ours(&("n", "1")),
                BothAdded {
                    ours: &("b", "mine"),
                    theirs: &("b", "yours")
                },
                Added(&("x", "1")),
                DeletedHere(&("h", "1")),
            ]
        );
    }

    #[test]
    fn changes_on_both_sides_and_against_deletions_clash() {
        let base = [("a", "1"), ("b", "1"), ("c", "1"), ("e", "1")];
        let ours = [("a", "2"), ("b", "2"), ("e", "2")];
        let theirs = [("a", "3"), ("c", "3"), ("e", "2")];
        use Outcome::*;
        assert_eq!(
            merge(&base, &ours, &theirs),
            [
                BothChanged {
                    ours: &("a", "2"),
                    theirs: &("a", "3")
                },
                ChangedHereDeletedThere(&("b", "2")),
                // Changed alike on both sides: no clash.
                Ours(&("e", "2")),
                DeletedHereChangedThere(&("c", "3")),
            ]
        );
    }

    #[test]
    fn a_field_takes_the_side_that_changed_it() {
        assert_eq!(pick(Some("a"), "a", "b"), Pick::Theirs);
        assert_eq!(pick(Some("a"), "b", "a"), Pick::Ours);
        assert_eq!(pick(Some("a"), "b", "b"), Pick::Ours);
        assert_eq!(pick(Some("a"), "b", "c"), Pick::Clash);
        assert_eq!(pick(None, "b", "c"), Pick::Clash);
        assert_eq!(pick(None, "b", "b"), Pick::Ours);
    }
}
