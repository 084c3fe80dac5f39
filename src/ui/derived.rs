//! Facts the panels derive from the session, computed once per change.
//!
//! Sorting annotations, assigning overlap lanes, counting per section and
//! finding actor mentions all depend only on the workspace's content, so they
//! are rebuilt when its revision changes and read for free on every frame.

use std::collections::HashMap;

use crate::actors::{ActorId, MentionIndex};
use crate::annotation::AnnotationId;
use crate::document::CharRange;
use crate::ui::theme;
use crate::workspace::Workspace;

/// An annotation that has a place in the text.
#[derive(Clone, Debug)]
pub struct Placed {
    /// Index into the session's annotations.
    pub index: usize,
    /// Its range in the document.
    pub range: CharRange,
    /// Its lane among overlapping annotations (0 = outermost).
    pub lane: usize,
}

/// Whose annotations the window shows, in a session with several readers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Readers {
    /// Everyone's.
    #[default]
    All,
    /// One reader's (`None`: annotations without a reader).
    One(Option<String>),
    /// Two readers' annotations where their codings differ (on the token
    /// grid agreement is computed on).
    Differences(Option<String>, Option<String>),
}

/// Derived facts about the workspace.
#[derive(Default)]
pub struct Derived {
    revision: Option<u64>,
    /// Whose annotations are shown.
    readers: Readers,
    /// Changes with every rebuild, to a value never used before (by any
    /// workspace or derived facts of this process), for caches built on these
    /// facts: a fresh `Derived` for another session cannot repeat it.
    pub generation: u64,
    /// Annotations the reader filter hides.
    pub hidden: usize,
    /// The session's readers, in order of first annotation.
    pub reader_names: Vec<Option<String>>,
    actors_key: Option<u64>,
    /// Placed annotations sorted by start (longer first on ties).
    pub placed: Vec<Placed>,
    /// `max_end[i]`: the largest end among `placed[..=i]`, for overlap queries.
    max_end: Vec<usize>,
    /// Indices of orphaned annotations.
    pub orphans: Vec<usize>,
    /// Annotations per section.
    pub section_counts: Vec<usize>,
    /// Annotations per actor id.
    pub actor_counts: HashMap<ActorId, usize>,
    /// Statements per concept id.
    pub concept_counts: HashMap<crate::annotation::ConceptId, usize>,
    /// Where each actor is named.
    pub mentions: MentionIndex,
    /// Position of each annotation id in the session.
    pub by_id: HashMap<AnnotationId, usize>,
    /// Lanes in use.
    pub lanes: usize,
}

impl Derived {
    /// Whose annotations are shown.
    pub fn readers(&self) -> &Readers {
        &self.readers
    }

    /// Shows only some readers' annotations (from the next update).
    pub fn show_readers(&mut self, readers: Readers) {
        if self.readers != readers {
            self.readers = readers;
            self.revision = None;
        }
    }

    /// Brings everything up to date with the workspace; cheap when nothing changed.
    pub fn update(&mut self, ws: &Workspace) {
        if self.revision == Some(ws.revision()) {
            return;
        }
        self.revision = Some(ws.revision());
        self.generation = crate::workspace::fresh_revision();
        let session = ws.session();
        let doc = ws.document();
        // A filter naming a reader the session no longer has shows everyone.
        self.reader_names = session
            .readers()
            .into_iter()
            .map(|r| r.map(str::to_owned))
            .collect();
        let readers = &self.reader_names;
        let known = |r: &Option<String>| readers.contains(r);
        let valid = match &self.readers {
            Readers::All => true,
            Readers::One(r) => known(r),
            Readers::Differences(a, b) => known(a) && known(b) && a != b,
        };
        if !valid {
            self.readers = Readers::All;
        }
        let differing = match &self.readers {
            Readers::Differences(a, b) => {
                crate::analysis::agreement::differences(doc, session, a.as_deref(), b.as_deref())
            }
            _ => Vec::new(),
        };
        let shown = |annotation: &crate::annotation::Annotation| match &self.readers {
            Readers::All => true,
            Readers::One(r) => &annotation.reader == r,
            Readers::Differences(a, b) => {
                (&annotation.reader == a || &annotation.reader == b) && {
                    let range = annotation.range();
                    let i = differing.partition_point(|d| d.end <= range.start);
                    differing.get(i).is_some_and(|d| d.start < range.end)
                }
            }
        };

        let actors_key = actors_key(ws);
        if self.actors_key != Some(actors_key) {
            self.actors_key = Some(actors_key);
            self.mentions = MentionIndex::build(&session.actors, doc.text());
        }

        self.by_id = session
            .annotations
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();

        self.orphans.clear();
        self.placed.clear();
        self.hidden = 0;
        for (index, annotation) in session.annotations.iter().enumerate() {
            if !shown(annotation) {
                self.hidden += 1;
            } else if ws.is_orphaned(annotation) {
                self.orphans.push(index);
            } else {
                self.placed.push(Placed {
                    index,
                    range: annotation.range(),
                    lane: 0,
                });
            }
        }
        self.placed
            .sort_by_key(|p| (p.range.start, std::cmp::Reverse(p.range.end), p.index));
        self.lanes = assign_lanes(&mut self.placed);
        let mut running = 0;
        self.max_end = self
            .placed
            .iter()
            .map(|p| {
                running = running.max(p.range.end);
                running
            })
            .collect();

        self.section_counts = vec![0; doc.sections().len()];
        for p in &self.placed {
            if let Some(section) = doc.section_at(p.range.start) {
                self.section_counts[section] += 1;
            }
        }
        self.actor_counts.clear();
        self.concept_counts.clear();
        for annotation in &session.annotations {
            if let Some(s) = &annotation.statement {
                *self.concept_counts.entry(s.concept.clone()).or_default() += 1;
            }
            for actor in &annotation.actors {
                *self.actor_counts.entry(actor.clone()).or_default() += 1;
            }
        }
    }

    /// Placed annotations overlapping `range`, in no particular order.
    pub fn overlapping(&self, range: CharRange) -> impl Iterator<Item = &Placed> {
        let upto = self.placed.partition_point(|p| p.range.start < range.end);
        let max_end = &self.max_end;
        self.placed[..upto]
            .iter()
            .enumerate()
            .rev()
            .take_while(move |(i, _)| max_end[*i] > range.start)
            .map(|(_, p)| p)
            .filter(move |p| p.range.end > range.start)
    }

    /// The index of the annotation with `id`.
    pub fn index_of(&self, id: &AnnotationId) -> Option<usize> {
        self.by_id.get(id).copied()
    }
}

/// Greedy interval partitioning: each annotation takes the lowest lane free
/// at its start. Returns the number of lanes used.
fn assign_lanes(placed: &mut [Placed]) -> usize {
    let mut lane_ends: Vec<usize> = Vec::new();
    for p in placed.iter_mut() {
        let lane = lane_ends.iter().position(|&end| end <= p.range.start);
        let lane = match lane {
            Some(l) => l,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = p.range.end;
        p.lane = lane.min(theme::MAX_LANES - 1);
    }
    lane_ends.len()
}

/// Changes whenever an actor's names change (and mentions must be found again).
fn actors_key(ws: &Workspace) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    ws.document().hash().hash(&mut hasher);
    for actor in &ws.session().actors {
        actor.id.hash(&mut hasher);
        for name in actor.names() {
            name.hash(&mut hasher);
        }
    }
    hasher.finish()
}
