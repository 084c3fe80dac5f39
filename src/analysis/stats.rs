//! Actor statistics: mentions and annotations per actor per section, and
//! how often two actors are coded in the same passage.

use crate::actors::{ActorId, MentionIndex};
use crate::annotation::Session;
use crate::document::Document;

/// Counts per actor (rows, in actor-list order) and section (columns).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActorTable {
    /// Section labels, in document order.
    pub sections: Vec<String>,
    /// Actor ids and names, in actor-list order.
    pub actors: Vec<(ActorId, String)>,
    /// `mentions[actor][section]`: places the text names the actor.
    pub mentions: Vec<Vec<usize>>,
    /// `annotations[actor][section]`: annotations with the actor, by the
    /// section their passage starts in (orphans are not counted).
    pub annotations: Vec<Vec<usize>>,
    /// Orphaned annotations per actor (no section to count them in).
    pub orphaned: Vec<usize>,
}

impl ActorTable {
    /// Counts for `session` on `doc`, with `mentions` built for its actors.
    #[must_use]
    pub fn build(doc: &Document, session: &Session, mentions: &MentionIndex) -> Self {
        let sections: Vec<String> = doc
            .sections()
            .iter()
            .map(|s| s.label().to_owned())
            .collect();
        let n = sections.len().max(1);
        let actors: Vec<(ActorId, String)> = session
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        let mut table = Self {
            mentions: vec![vec![0; n]; actors.len()],
            annotations: vec![vec![0; n]; actors.len()],
            orphaned: vec![0; actors.len()],
            sections,
            actors,
        };
        for (i, row) in table.mentions.iter_mut().enumerate() {
            for m in mentions.of(i) {
                if let Some(s) = doc.section_at(m.start) {
                    row[s.min(n - 1)] += 1;
                }
            }
        }
        for annotation in &session.annotations {
            let section = annotation
                .target
                .matches(doc)
                .then(|| doc.section_at(annotation.range().start))
                .flatten();
            for id in &annotation.actors {
                let Some(i) = session.actor_index(id) else {
                    continue;
                };
                match section {
                    Some(s) => table.annotations[i][s.min(n - 1)] += 1,
                    None => table.orphaned[i] += 1,
                }
            }
        }
        table
    }

    /// Total mentions of actor `i`.
    #[must_use]
    pub fn total_mentions(&self, i: usize) -> usize {
        self.mentions.get(i).map_or(0, |r| r.iter().sum())
    }

    /// Total annotations with actor `i`, orphans included.
    #[must_use]
    pub fn total_annotations(&self, i: usize) -> usize {
        self.annotations.get(i).map_or(0, |r| r.iter().sum())
            + self.orphaned.get(i).copied().unwrap_or(0)
    }
}

/// How many passages code each pair of actors together: a symmetric matrix
/// in actor-list order; the diagonal holds each actor's passages.
#[must_use]
pub fn co_occurrence(session: &Session) -> Vec<Vec<usize>> {
    let n = session.actors.len();
    let mut matrix = vec![vec![0; n]; n];
    for annotation in &session.annotations {
        let mut ids: Vec<usize> = annotation
            .actors
            .iter()
            .filter_map(|id| session.actor_index(id))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for (k, &a) in ids.iter().enumerate() {
            matrix[a][a] += 1;
            for &b in &ids[k + 1..] {
                matrix[a][b] += 1;
                matrix[b][a] += 1;
            }
        }
    }
    matrix
}
