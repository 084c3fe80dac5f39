//! The matrices of one network: statements tallied per concept, row and
//! stance, then summed into row × concept or row × row values and
//! normalised, as the module above says (DNA's `createArray`,
//! `computeTwoModeMatrix`, `computeOneModeMatrix`).

use std::collections::HashMap;

use jiff::civil::Date;

use super::{Aggregation, Context, Interned, Mode, Network, Node, NodeKind, Normalization, Record};
use crate::annotation::Stance;

/// How often one row speaks on one concept, per stance (DNA's
/// `array[row][col][qualifier]`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Tally {
    concept: u32,
    actor: u32,
    counts: [i64; 3],
}

impl Tally {
    fn total(&self) -> i64 {
        self.counts.iter().sum()
    }
}

/// The stances in the order of the tallies' counts.
const STANCES: [Stance; 3] = [Stance::Agrees, Stance::Disagrees, Stance::Neutral];

/// The statements counted per concept, row and stance, sorted by
/// concept then row.
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

/// A count as a matrix value (counts stay far below 2^53).
#[allow(clippy::cast_precision_loss)]
fn float(n: i64) -> f64 {
    n as f64
}

/// One network of `records`.
pub(super) fn build(
    context: &Context<'_>,
    records: &[Record],
    actor_ids: &Interned<'_>,
    concept_ids: &Interned<'_>,
    window: Option<(Date, Date)>,
    centre: Option<Date>,
) -> Network {
    let options = context.options;
    let tallies = tally(records);
    let nodes_from = context.everything.as_deref().unwrap_or(&tallies);
    // Rows: the actors, by name as Java sorts strings (DNA's labels).
    let mut present = vec![false; actor_ids.ids.len()];
    for t in nodes_from {
        present[t.actor as usize] = true;
    }
    let mut actors: Vec<u32> = (0..actor_ids.ids.len())
        .filter(|&a| present[a])
        .filter_map(|a| u32::try_from(a).ok())
        .collect();
    actors.sort_by(|&a, &b| {
        let key = |a: u32| {
            (
                java_key(&context.actors[a as usize].0),
                actor_ids.ids[a as usize],
            )
        };
        key(a).cmp(&key(b))
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
        rows[row_of[t.actor as usize]].statements += t.total().unsigned_abs() as usize;
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
            let cells = one_mode(
                options.aggregation,
                options.normalization,
                &tallies,
                &row_of,
                rows.len(),
            );
            (rows.clone(), cells)
        }
    };
    Network {
        mode: options.mode,
        aggregation: options.aggregation,
        normalization: options.normalization,
        rows,
        columns,
        cells,
        integer: options.normalization == Normalization::No,
        statements: records.len(),
        window,
        centre,
    }
}

/// A label as Java's `String.compareTo` orders it: by UTF-16 code unit.
fn java_key(label: &str) -> Vec<u16> {
    label.encode_utf16().collect()
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

/// The concept columns and the row × concept values.
fn two_mode(
    context: &Context<'_>,
    concept_ids: &Interned<'_>,
    tallies: &[Tally],
    nodes_from: &[Tally],
    row_of: &[usize],
    rows: usize,
) -> (Vec<Node>, Vec<f64>) {
    let aggregation = context.options.aggregation;
    let split = aggregation == Aggregation::Split;
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
    keys.sort_by(|&(a, s), &(b, r)| {
        let key = |c: u32| {
            (
                java_key(&context.concepts[c as usize].0),
                concept_ids.ids[c as usize],
            )
        };
        key(a).cmp(&key(b)).then(s.cmp(&r))
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
    let mut cells = vec![0.0; rows * width];
    // The statements per row and per column: the denominators of
    // activity and prominence.
    let mut row_total = vec![0_i64; rows];
    let mut column_total = vec![0_i64; width];
    for t in tallies {
        let row = row_of[t.actor as usize];
        let [agrees, disagrees, neutral] = t.counts;
        row_total[row] += t.total();
        if split {
            for (s, &n) in t.counts.iter().enumerate() {
                if n > 0 {
                    let col = column_of[&(t.concept, s as u8)];
                    cells[row * width + col] += float(n);
                    column_total[col] += n;
                    columns[col].statements += n.unsigned_abs() as usize;
                }
            }
            continue;
        }
        let col = column_of[&(t.concept, 3)];
        cells[row * width + col] += match aggregation {
            Aggregation::Subtract => float(agrees - disagrees),
            // DNA's lexRank of [disagrees, agrees] (its boolean levels 0,
            // 1), neutral a further bit of its own.
            Aggregation::Combine => float(
                i64::from(agrees > 0) + 2 * i64::from(disagrees > 0) + 4 * i64::from(neutral > 0),
            ),
            _ => float(t.total()),
        };
        column_total[col] += t.total();
        columns[col].statements += t.total().unsigned_abs() as usize;
    }
    match context.options.normalization {
        Normalization::Activity => {
            for (row, &total) in row_total.iter().enumerate() {
                for cell in &mut cells[row * width..(row + 1) * width] {
                    *cell = if total == 0 {
                        0.0
                    } else {
                        *cell / float(total)
                    };
                }
            }
        }
        Normalization::Prominence => {
            for (col, &total) in column_total.iter().enumerate() {
                for row in 0..rows {
                    let cell = &mut cells[row * width + col];
                    *cell = if total == 0 {
                        0.0
                    } else {
                        *cell / float(total)
                    };
                }
            }
        }
        _ => {}
    }
    (columns, cells)
}

/// The row × row values: for each concept, every pair of rows that speak
/// on it; then each pair's value divided by its normalisation.
fn one_mode(
    aggregation: Aggregation,
    normalization: Normalization,
    tallies: &[Tally],
    row_of: &[usize],
    n: usize,
) -> Vec<f64> {
    let mut cells = vec![0.0; n * n];
    // Per row: its statements (t); per ordered pair, for Jaccard: the
    // counts of the first where both speak (s), and Σ products there (m11).
    let mut totals = vec![0_i64; n];
    for t in tallies {
        totals[row_of[t.actor as usize]] += t.total();
    }
    let jaccard = normalization == Normalization::Jaccard;
    let mut shared: HashMap<(usize, usize), (i64, i64)> = HashMap::new();
    for group in tallies.chunk_by(|a, b| a.concept == b.concept) {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let [a_agree, a_disagree, _] = a.counts;
                let [b_agree, b_disagree, _] = b.counts;
                let congruence = a_agree * b_agree + a_disagree * b_disagree;
                let conflict = a_agree * b_disagree + a_disagree * b_agree;
                let weight = match aggregation {
                    Aggregation::Congruence => congruence,
                    Aggregation::Conflict => conflict,
                    Aggregation::Subtract => congruence - conflict,
                    _ => a.total() * b.total(),
                };
                let (p, q) = (row_of[a.actor as usize], row_of[b.actor as usize]);
                cells[p * n + q] += float(weight);
                cells[q * n + p] += float(weight);
                if jaccard {
                    let (mut s_a, mut m11) = (0, 0);
                    let mut s_b = 0;
                    for k in 0..3 {
                        if a.counts[k] > 0 && b.counts[k] > 0 {
                            s_a += a.counts[k];
                            s_b += b.counts[k];
                            m11 += a.counts[k] * b.counts[k];
                        }
                    }
                    let e = shared.entry((p, q)).or_default();
                    e.0 += s_a;
                    e.1 += m11;
                    let e = shared.entry((q, p)).or_default();
                    e.0 += s_b;
                    e.1 += m11;
                }
            }
        }
    }
    if normalization == Normalization::No {
        return cells;
    }
    // A value of 0 stays 0 whatever divides it (DNA: 0 / norm, or 0 where
    // norm is 0).
    for i in 0..n {
        for j in 0..n {
            if cells[i * n + j] == 0.0 {
                continue;
            }
            let (ti, tj) = (float(totals[i]), float(totals[j]));
            let norm = match normalization {
                Normalization::Average => (ti + tj) / 2.0,
                Normalization::Cosine => ti * tj,
                Normalization::Jaccard => {
                    let (s_i, m11) = shared.get(&(i, j)).copied().unwrap_or_default();
                    let (s_j, _) = shared.get(&(j, i)).copied().unwrap_or_default();
                    // m10 + m01 + m11: i's counts where j has none, j's
                    // where i has none, the products where both have some.
                    (ti - float(s_i)) + (tj - float(s_j)) + float(m11)
                }
                _ => 1.0,
            };
            let cell = &mut cells[i * n + j];
            *cell = if norm == 0.0 { 0.0 } else { *cell / norm };
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
                ..CorpusDoc::default()
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
