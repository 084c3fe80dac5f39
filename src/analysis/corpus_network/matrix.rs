//! The matrices of one network: statements tallied per concept, actor and
//! stance, then summed into actor × concept or actor × actor values as the
//! module above says.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{Aggregation, Context, Interned, Mode, Network, Node, NodeKind, Record};
use crate::annotation::Stance;

/// How often one actor speaks on one concept, per stance.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tally {
    concept: u32,
    actor: u32,
    counts: [i64; 3],
}

/// The stances in the order of the tallies' counts.
const STANCES: [Stance; 3] = [Stance::Agrees, Stance::Disagrees, Stance::Neutral];

/// The statements counted per concept, actor and stance, sorted by
/// concept then actor.
pub(super) fn tally(records: &[Record]) -> Vec<Tally> {
    let mut keys: Vec<u64> = records
        .iter()
        .map(|r| (u64::from(r.concept) << 34) | (u64::from(r.actor) << 2) | u64::from(r.stance))
        .collect();
    keys.sort_unstable();
    let mut out: Vec<Tally> = Vec::new();
    for key in keys {
        let concept = u32::try_from(key >> 34).unwrap_or(u32::MAX);
        let actor = u32::try_from((key >> 2) & 0xffff_ffff).unwrap_or(u32::MAX);
        let stance = (key & 3) as usize;
        match out.last_mut() {
            Some(t) if t.concept == concept && t.actor == actor => t.counts[stance] += 1,
            _ => {
                let mut counts = [0; 3];
                counts[stance] = 1;
                out.push(Tally {
                    concept,
                    actor,
                    counts,
                });
            }
        }
    }
    out
}

/// One network of `records`.
pub(super) fn build(
    context: &Context<'_>,
    records: &[Record],
    actor_ids: &Interned<'_>,
    concept_ids: &Interned<'_>,
    window: Option<(Date, Date)>,
) -> Network {
    let options = context.options;
    let tallies = tally(records);
    let nodes_from = context.everything.as_deref().unwrap_or(&tallies);
    // Rows: the actors, by name.
    let mut present = vec![false; actor_ids.ids.len()];
    for t in nodes_from {
        present[t.actor as usize] = true;
    }
    let mut actors: Vec<u32> = (0..actor_ids.ids.len())
        .filter(|&a| present[a])
        .filter_map(|a| u32::try_from(a).ok())
        .collect();
    actors.sort_by_cached_key(|&a| {
        let (label, _) = &context.actors[a as usize];
        (label.to_lowercase(), actor_ids.ids[a as usize])
    });
    let mut row_of = vec![usize::MAX; actor_ids.ids.len()];
    for (row, &a) in actors.iter().enumerate() {
        row_of[a as usize] = row;
    }
    let mut rows: Vec<Node> = actors
        .iter()
        .map(|&a| actor_node(context, actor_ids, a))
        .collect();
    for t in &tallies {
        rows[row_of[t.actor as usize]].statements +=
            t.counts.iter().sum::<i64>().unsigned_abs() as usize;
    }
    let (columns, cells) = match options.mode {
        Mode::TwoMode => two_mode(
            context,
            concept_ids,
            &tallies,
            nodes_from,
            &row_of,
            rows.len(),
        ),
        Mode::OneMode => {
            let cells = one_mode(options.aggregation, &tallies, &row_of, rows.len());
            (rows.clone(), cells)
        }
    };
    Network {
        mode: options.mode,
        aggregation: options.aggregation,
        rows,
        columns,
        cells,
        statements: records.len(),
        window,
    }
}

fn actor_node(context: &Context<'_>, ids: &Interned<'_>, a: u32) -> Node {
    let (label, actor) = &context.actors[a as usize];
    Node {
        kind: NodeKind::Actor,
        id: ids.ids[a as usize].to_owned(),
        label: label.clone(),
        colour: actor.map(|a| a.colour),
        actor_kind: actor.map(|a| a.kind),
        stance: None,
        statements: 0,
    }
}

/// The concept columns and the actor × concept values.
fn two_mode(
    context: &Context<'_>,
    concept_ids: &Interned<'_>,
    tallies: &[Tally],
    nodes_from: &[Tally],
    row_of: &[usize],
    rows: usize,
) -> (Vec<Node>, Vec<i64>) {
    let split = context.options.aggregation == Aggregation::Split;
    // Columns: (concept, stance) where split, else (concept, 3).
    let mut keys: Vec<(u32, u8)> = Vec::new();
    for t in nodes_from {
        if split {
            for (s, &n) in t.counts.iter().enumerate() {
                if n > 0 {
                    keys.push((t.concept, s as u8));
                }
            }
        } else {
            keys.push((t.concept, 3));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys.sort_by_cached_key(|&(c, s)| {
        let (label, _) = &context.concepts[c as usize];
        (label.to_lowercase(), concept_ids.ids[c as usize], s)
    });
    let column_of: HashMap<(u32, u8), usize> =
        keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut columns: Vec<Node> = keys
        .iter()
        .map(|&(c, s)| {
            let (label, concept) = &context.concepts[c as usize];
            Node {
                kind: NodeKind::Concept,
                id: concept.map_or_else(
                    || concept_ids.ids[c as usize].to_owned(),
                    |c| c.id.0.clone(),
                ),
                label: label.clone(),
                colour: None,
                actor_kind: None,
                stance: STANCES.get(s as usize).copied(),
                statements: 0,
            }
        })
        .collect();
    let width = columns.len();
    let mut cells = vec![0; rows * width];
    for t in tallies {
        let row = row_of[t.actor as usize];
        let [agrees, disagrees, neutral] = t.counts;
        if split {
            for (s, &n) in t.counts.iter().enumerate() {
                if n > 0 {
                    let col = column_of[&(t.concept, s as u8)];
                    cells[row * width + col] += n;
                    columns[col].statements += n.unsigned_abs() as usize;
                }
            }
            continue;
        }
        let col = column_of[&(t.concept, 3)];
        cells[row * width + col] += match context.options.aggregation {
            Aggregation::Subtract => agrees - disagrees,
            _ => agrees + disagrees + neutral,
        };
        columns[col].statements += (agrees + disagrees + neutral).unsigned_abs() as usize;
    }
    (columns, cells)
}

/// The actor × actor values: for each concept, every pair of actors that
/// speak on it.
fn one_mode(aggregation: Aggregation, tallies: &[Tally], row_of: &[usize], n: usize) -> Vec<i64> {
    let mut cells = vec![0; n * n];
    for group in tallies.chunk_by(|a, b| a.concept == b.concept) {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let [a_agree, a_disagree, a_neutral] = a.counts;
                let [b_agree, b_disagree, b_neutral] = b.counts;
                let congruence = a_agree * b_agree + a_disagree * b_disagree;
                let conflict = a_agree * b_disagree + a_disagree * b_agree;
                let weight = match aggregation {
                    Aggregation::Congruence => congruence,
                    Aggregation::Conflict => conflict,
                    Aggregation::Subtract => congruence - conflict,
                    Aggregation::Ignore | Aggregation::Split => {
                        (a_agree + a_disagree + a_neutral) * (b_agree + b_disagree + b_neutral)
                    }
                };
                if weight != 0 {
                    let (p, q) = (row_of[a.actor as usize], row_of[b.actor as usize]);
                    cells[p * n + q] += weight;
                    cells[q * n + p] += weight;
                }
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::{Duplicates, NetworkOptions, networks};
    use super::*;
    use crate::analysis::corpus::{CorpusDoc, DocFilter, fixture};

    /// Two articles: `a` agrees with `x` three times (once twice in one
    /// article), `c` both disagrees and is neutral on `x` in the second.
    fn corpus() -> Vec<(
        &'static str,
        &'static str,
        Vec<crate::annotation::Annotation>,
    )> {
        vec![
            (
                "2022-01-03",
                "Tagesblatt",
                fixture::annotations("a+x b+x c-x a+y"),
            ),
            (
                "2022-01-04",
                "Abendpost",
                fixture::annotations("a+x a+x b-y c~x c-x a"),
            ),
        ]
    }

    fn network(mode: Mode, aggregation: Aggregation, duplicates: Duplicates) -> Network {
        network_of(mode, aggregation, duplicates, DocFilter::default())
    }

    fn network_of(
        mode: Mode,
        aggregation: Aggregation,
        duplicates: Duplicates,
        filter: DocFilter,
    ) -> Network {
        let corpus = corpus();
        let docs: Vec<CorpusDoc<'_>> = corpus
            .iter()
            .map(|(date, outlet, annotations)| CorpusDoc {
                date: Some(date),
                outlet: Some(outlet),
                annotations,
            })
            .collect();
        let options = NetworkOptions {
            mode,
            aggregation,
            duplicates,
            filter,
            ..NetworkOptions::default()
        };
        let mut out = networks(&docs, &[], &[], &options).unwrap();
        assert_eq!(out.networks.len(), 1);
        out.networks.remove(0)
    }

    /// The matrix as rows of `label value …`, the way one writes it by hand.
    fn rows(network: &Network) -> Vec<String> {
        (0..network.rows.len())
            .map(|r| {
                let values: Vec<String> = (0..network.columns.len())
                    .map(|c| network.value(r, c).to_string())
                    .collect();
                format!("{} {}", network.rows[r].label, values.join(" "))
            })
            .collect()
    }

    #[test]
    fn two_mode_counts_statements_per_actor_and_concept() {
        use {Aggregation as A, Duplicates as D, Mode::TwoMode};
        let ignore = network(TwoMode, A::Ignore, D::Include);
        let columns: Vec<&str> = ignore.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(columns, ["x", "y"]);
        assert_eq!(rows(&ignore), ["a 3 1", "b 1 1", "c 3 0"]);
        assert_eq!(ignore.statements, 9);
        assert_eq!(ignore.rows[0].statements, 4);
        assert_eq!(ignore.columns[0].statements, 7);
        assert_eq!(
            rows(&network(TwoMode, A::Subtract, D::Include)),
            ["a 3 1", "b 1 -1", "c -2 0"]
        );
        // Once per document; with the stance ignored, c's two stances on
        // x in the second article are one statement.
        assert_eq!(
            rows(&network(TwoMode, A::Ignore, D::Document)),
            ["a 2 1", "b 1 1", "c 2 0"]
        );
        let split = network(TwoMode, A::Split, D::Include);
        let columns: Vec<String> = split
            .columns
            .iter()
            .map(|c| format!("{}{}", c.label, c.stance.unwrap().sign()))
            .collect();
        assert_eq!(columns, ["x+", "x–", "x~", "y+", "y–"]);
        assert_eq!(rows(&split), ["a 3 0 0 1 0", "b 1 0 0 0 1", "c 0 2 1 0 0"]);
    }

    #[test]
    fn one_mode_ties_by_congruence_conflict_and_both() {
        use {Aggregation as A, Duplicates as D, Mode::OneMode};
        // x: a agrees 3, b agrees 1, c disagrees 2 (and is neutral once);
        // y: a agrees 1, b disagrees 1.
        assert_eq!(
            rows(&network(OneMode, A::Congruence, D::Include)),
            ["a 0 3 0", "b 3 0 0", "c 0 0 0"]
        );
        assert_eq!(
            rows(&network(OneMode, A::Conflict, D::Include)),
            ["a 0 1 6", "b 1 0 2", "c 6 2 0"]
        );
        assert_eq!(
            rows(&network(OneMode, A::Subtract, D::Include)),
            ["a 0 2 -6", "b 2 0 -2", "c -6 -2 0"]
        );
        assert_eq!(
            rows(&network(OneMode, A::Ignore, D::Include)),
            ["a 0 4 9", "b 4 0 3", "c 9 3 0"]
        );
        // Once per document: a agrees with x twice, not three times.
        assert_eq!(
            rows(&network(OneMode, A::Conflict, D::Document)),
            ["a 0 1 4", "b 1 0 2", "c 4 2 0"]
        );
    }

    #[test]
    fn the_outlet_filter_keeps_its_articles_only() {
        let filter = DocFilter {
            outlets: vec!["Tagesblatt".into()],
            ..DocFilter::default()
        };
        let n = network_of(
            Mode::TwoMode,
            Aggregation::Ignore,
            Duplicates::Include,
            filter,
        );
        assert_eq!(rows(&n), ["a 1 1", "b 1 0", "c 1 0"]);
    }
}
