//! The statement network of a corpus, as discourse network analysis
//! computes it (Leifeld's Discourse Network Analyzer, DNA, and its R
//! package rDNA: `dna_network`), for a whole project or a date range and
//! outlets, and as a series of networks over sliding time windows.
//!
//! A statement is (actor, concept, stance). The stance is DNA's binary
//! qualifier `agreement`: *agrees* is 1, *disagrees* is 0. Randnotiz has a
//! third stance, *neutral*, which DNA's binary qualifier has not: it counts
//! where the qualifier is ignored, and takes no side (it neither agrees nor
//! conflicts with anyone) where the qualifier matters, as in the one-session
//! export (`export::network::actor_ties`).
//!
//! With `a(i, c, s)` the number of statements actor `i` makes on concept
//! `c` with stance `s` (after duplicates are dropped):
//!
//! - **two-mode** (actor × concept): `ignore` is `Σs a(i, c, s)`;
//!   `subtract` is `a(i, c, +) − a(i, c, −)`; `split` keeps one column per
//!   concept and stance, `a(i, c, s)` (DNA has `combine` here instead, a
//!   code for the mix of stances; the split says the same in counts).
//! - **one-mode** (actor × actor, the diagonal 0): `ignore` is
//!   `Σc (Σs a(i, c, s)) · (Σs a(j, c, s))`; `congruence` is
//!   `Σc a(i,c,+)·a(j,c,+) + a(i,c,−)·a(j,c,−)`; `conflict` is
//!   `Σc a(i,c,+)·a(j,c,−) + a(i,c,−)·a(j,c,+)`; `subtract` is congruence
//!   minus conflict. These are DNA's sums for a binary qualifier, weighted
//!   by how often each actor says it, without normalisation (DNA's `no`).
//!
//! Duplicates, as DNA's `duplicates`: `include` counts every statement;
//! `document` counts an identical statement once per document. As in DNA,
//! what is identical includes the stance except where the qualifier is
//! ignored (then an actor agreeing and disagreeing with a concept in one
//! article is one statement on it).
//!
//! Nodes are the actors and concepts with statements in the network, in
//! the order of their names (DNA's `isolates = FALSE`); with `isolates`,
//! every actor and concept with a statement anywhere in the range and
//! outlets, so that the networks of all windows have the same nodes.
//!
//! Time windows are `days` long and start `step` days apart, the first on
//! the range's first day (or the first statement's), the last the first
//! that reaches the range's last day. DNA centres a window on each day and
//! moves it by one; a step of 1 gives the same windows, labelled by their
//! first day instead of their middle. Windows with no statement are kept,
//! empty, so a series has no gaps that are not in the data.

use std::collections::HashMap;

use jiff::civil::Date;

mod matrix;

use super::corpus::{CorpusDoc, DocFilter, Placement, Unplaced};
use crate::actors::{Actor, ActorKind, Rgb};
use crate::annotation::{Concept, Stance};
use crate::i18n::{fill, tr_tl};

/// The most time windows one run computes.
pub const MAX_WINDOWS: usize = 10_000;

/// One-mode or two-mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Actors × concepts.
    #[default]
    TwoMode,
    /// Actors × actors, tied by the concepts they speak on.
    OneMode,
}

impl Mode {
    /// DNA's name: `twomode`, `onemode`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::TwoMode => "twomode",
            Self::OneMode => "onemode",
        }
    }
}

/// How the stance makes the ties (DNA's `qualifierAggregation`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Aggregation {
    /// Every statement counts, whatever its stance.
    #[default]
    Ignore,
    /// One-mode: ties by the same side on a concept.
    Congruence,
    /// One-mode: ties by opposite sides on a concept.
    Conflict,
    /// Two-mode: agreeing minus disagreeing statements; one-mode:
    /// congruence minus conflict.
    Subtract,
    /// Two-mode: one column per concept and stance.
    Split,
}

impl Aggregation {
    /// All of them, in the order the command line lists them.
    pub const ALL: [Self; 5] = [
        Self::Ignore,
        Self::Congruence,
        Self::Conflict,
        Self::Subtract,
        Self::Split,
    ];

    /// DNA's name (and the command line's).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Ignore => "ignore",
            Self::Congruence => "congruence",
            Self::Conflict => "conflict",
            Self::Subtract => "subtract",
            Self::Split => "split",
        }
    }

    /// The aggregation called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// True when it makes sense for `mode` (as in DNA: congruence and
    /// conflict tie actors to actors; a split keeps concepts apart).
    #[must_use]
    pub fn fits(self, mode: Mode) -> bool {
        match self {
            Self::Ignore | Self::Subtract => true,
            Self::Congruence | Self::Conflict => mode == Mode::OneMode,
            Self::Split => mode == Mode::TwoMode,
        }
    }
}

/// Which identical statements count (DNA's `duplicates`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Duplicates {
    /// Every statement.
    #[default]
    Include,
    /// An identical statement once per document.
    Document,
}

/// Sliding windows: `days` long, one starting every `step` days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    /// How many days a window spans (its first and last day included).
    pub days: u32,
    /// Days from one window's start to the next one's.
    pub step: u32,
}

impl TimeWindow {
    /// Reads `days:14,step:7` (`days:14` alone steps by one day, as DNA's
    /// window moves).
    ///
    /// # Errors
    /// [`NetworkError::BadWindow`] for anything else, or a zero.
    pub fn parse(text: &str) -> Result<Self, NetworkError> {
        let bad = || NetworkError::BadWindow(text.to_owned());
        let mut days = None;
        let mut step = None;
        for part in text.split(',') {
            let (key, value) = part.split_once(':').ok_or_else(bad)?;
            let value: u32 = value.trim().parse().map_err(|_| bad())?;
            match key.trim() {
                "days" if days.is_none() => days = Some(value),
                "step" if step.is_none() => step = Some(value),
                _ => return Err(bad()),
            }
        }
        let days = days.ok_or_else(bad)?;
        let step = step.unwrap_or(1);
        if days == 0 || step == 0 {
            return Err(bad());
        }
        Ok(Self { days, step })
    }
}

/// What network, of which documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkOptions {
    /// One-mode or two-mode.
    pub mode: Mode,
    /// How the stance makes ties.
    pub aggregation: Aggregation,
    /// Which identical statements count.
    pub duplicates: Duplicates,
    /// Which documents.
    pub filter: DocFilter,
    /// A network per window instead of one.
    pub window: Option<TimeWindow>,
    /// Keep every node of the range in every network.
    pub isolates: bool,
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// An actor (a row; in one-mode networks a column too).
    Actor,
    /// A concept (a column of a two-mode network).
    Concept,
}

impl NodeKind {
    /// As exports write it: `actor`, `concept`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Concept => "concept",
        }
    }
}

/// A row or column of a network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Actor or concept.
    pub kind: NodeKind,
    /// The actor's or concept's id.
    pub id: String,
    /// Its name (its id when the registry does not know it).
    pub label: String,
    /// An actor's colour.
    pub colour: Option<Rgb>,
    /// An actor's kind.
    pub actor_kind: Option<ActorKind>,
    /// For a column of a split network: the stance it counts.
    pub stance: Option<Stance>,
    /// The statements it takes part in, in this network.
    pub statements: usize,
}

/// One network: a matrix with its rows and columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// One-mode or two-mode.
    pub mode: Mode,
    /// How the stance made the ties.
    pub aggregation: Aggregation,
    /// The rows: actors.
    pub rows: Vec<Node>,
    /// The columns: concepts (two-mode) or the same actors (one-mode).
    pub columns: Vec<Node>,
    /// The values, row by row (`rows.len() × columns.len()`).
    pub cells: Vec<i64>,
    /// How many statements it is made of.
    pub statements: usize,
    /// For a time window: its first and last day.
    pub window: Option<(Date, Date)>,
}

impl Network {
    /// The value at `row`, `column`.
    #[must_use]
    pub fn value(&self, row: usize, column: usize) -> i64 {
        self.cells
            .get(row * self.columns.len() + column)
            .copied()
            .unwrap_or(0)
    }

    /// The row of the actor with `id`.
    #[must_use]
    pub fn row(&self, id: &str) -> Option<usize> {
        self.rows.iter().position(|n| n.id == id)
    }

    /// The column of the node with `id` (and, in a split network, `stance`).
    #[must_use]
    pub fn column(&self, id: &str, stance: Option<Stance>) -> Option<usize> {
        self.columns
            .iter()
            .position(|n| n.id == id && (stance.is_none() || n.stance == stance))
    }

    /// The value between the nodes with ids `row` and `column`: 0 where
    /// either is not in the network.
    #[must_use]
    pub fn get(&self, row: &str, column: &str) -> i64 {
        match (self.row(row), self.column(column, None)) {
            (Some(r), Some(c)) => self.value(r, c),
            _ => 0,
        }
    }
}

/// The networks computed, and what they leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Networks {
    /// One network, or one per time window in order.
    pub networks: Vec<Network>,
    /// Documents whose statements are in no network: without a date, or
    /// with one not precise enough, where a date range or windows need it.
    pub unplaced: Unplaced,
    /// How many statements those documents hold.
    pub left_out: usize,
}

/// Why no network was computed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NetworkError {
    /// An aggregation asked of a network it does not fit.
    #[error("{}", fill(tr_tl().err_aggregation, &[("aggregation", &aggregation.name()), ("mode", &mode.name())]))]
    Aggregation {
        /// The aggregation.
        aggregation: Aggregation,
        /// The network type.
        mode: Mode,
    },
    /// A time window that does not read as `days:N,step:M`.
    #[error("{}", fill(tr_tl().err_window, &[("window", .0)]))]
    BadWindow(String),
    /// More windows than [`MAX_WINDOWS`].
    #[error("{}", fill(tr_tl().err_too_many_windows, &[("n", n), ("max", &MAX_WINDOWS)]))]
    TooManyWindows {
        /// How many the range and step would make.
        n: usize,
    },
}

/// One statement as the computation holds it: interned ids, the stance
/// as 0 (agrees), 1 (disagrees), 2 (neutral).
#[derive(Clone, Copy, Debug)]
struct Record {
    day: Option<Date>,
    actor: u32,
    concept: u32,
    stance: u8,
}

/// The ids met, each given a number.
#[derive(Default)]
struct Interned<'a> {
    index: HashMap<&'a str, u32>,
    ids: Vec<&'a str>,
}

impl<'a> Interned<'a> {
    fn of(&mut self, id: &'a str) -> u32 {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.index.insert(id, i);
        self.ids.push(id);
        i
    }
}

/// What every network of a run shares: the registry and the interned ids.
struct Context<'a> {
    options: &'a NetworkOptions,
    actors: Vec<(String, Option<&'a Actor>)>,
    concepts: Vec<(String, Option<&'a Concept>)>,
    /// With isolates: the counts of the whole range, for the node lists.
    everything: Option<Vec<matrix::Tally>>,
}

fn stance_index(stance: Stance) -> u8 {
    match stance {
        Stance::Agrees => 0,
        Stance::Disagrees => 1,
        Stance::Neutral => 2,
    }
}

/// The statement networks of `docs` under `options`; `actors` and
/// `concepts` (the registry) give labels, colours and kinds.
///
/// # Errors
/// A [`NetworkError`] for an aggregation that does not fit the mode, or
/// more windows than [`MAX_WINDOWS`].
pub fn networks(
    docs: &[CorpusDoc<'_>],
    actors: &[Actor],
    concepts: &[Concept],
    options: &NetworkOptions,
) -> Result<Networks, NetworkError> {
    if !options.aggregation.fits(options.mode) {
        return Err(NetworkError::Aggregation {
            aggregation: options.aggregation,
            mode: options.mode,
        });
    }
    let needs_day = options.window.is_some();
    let needs_date = needs_day || options.filter.has_range();
    let mut actor_ids = Interned::default();
    let mut concept_ids = Interned::default();
    let mut records = Vec::new();
    let mut out = Networks::default();
    let mut seen = std::collections::HashSet::new();
    for (index, doc) in docs.iter().enumerate() {
        let statements = || doc.annotations.iter().filter_map(|a| a.statement.as_ref());
        let day = match options.filter.place(doc) {
            Placement::Out => continue,
            Placement::Dated(date) => match date.day() {
                Some(day) => Some(day),
                None if needs_day => {
                    out.unplaced.imprecise.push(index);
                    out.left_out += statements().count();
                    continue;
                }
                None => None,
            },
            Placement::Undated if needs_date => {
                out.unplaced.undated.push(index);
                out.left_out += statements().count();
                continue;
            }
            Placement::Undated => None,
            Placement::Imprecise => {
                out.unplaced.imprecise.push(index);
                out.left_out += statements().count();
                continue;
            }
        };
        seen.clear();
        for statement in statements() {
            let record = Record {
                day,
                actor: actor_ids.of(statement.actor.as_str()),
                concept: concept_ids.of(statement.concept.as_str()),
                stance: stance_index(statement.stance),
            };
            if options.duplicates == Duplicates::Document {
                let stance = if options.aggregation == Aggregation::Ignore {
                    3
                } else {
                    record.stance
                };
                if !seen.insert((record.actor, record.concept, stance)) {
                    continue;
                }
            }
            records.push(record);
        }
    }
    let mut context = Context {
        options,
        actors: actor_ids
            .ids
            .iter()
            .map(|id| {
                let actor = actors.iter().find(|a| a.id.as_str() == *id);
                (
                    actor.map_or_else(|| (*id).to_owned(), |a| a.name.clone()),
                    actor,
                )
            })
            .collect(),
        concepts: concept_ids
            .ids
            .iter()
            .map(|id| {
                let concept = concepts.iter().find(|c| c.id.as_str() == *id);
                (
                    concept.map_or_else(|| (*id).to_owned(), |c| c.name.clone()),
                    concept,
                )
            })
            .collect(),
        everything: None,
    };
    if options.isolates {
        context.everything = Some(matrix::tally(&records));
    }
    let Some(window) = options.window else {
        out.networks.push(matrix::build(
            &context,
            &records,
            &actor_ids,
            &concept_ids,
            None,
        ));
        return Ok(out);
    };
    records.sort_by_key(|r| r.day);
    let days = records.iter().filter_map(|r| r.day);
    let (Some(first), Some(last)) = (
        options.filter.from.or_else(|| days.clone().min()),
        options.filter.to.or_else(|| days.max()),
    ) else {
        return Ok(out);
    };
    let span = first.until(last).map_or(0, |s| s.get_days().max(0));
    let count = usize::try_from(span).unwrap_or(usize::MAX) / window.step as usize + 1;
    if count > MAX_WINDOWS {
        return Err(NetworkError::TooManyWindows { n: count });
    }
    let mut start = first;
    loop {
        let end = start
            .checked_add(jiff::Span::new().days(i64::from(window.days) - 1))
            .unwrap_or(Date::MAX);
        let from = records.partition_point(|r| r.day < Some(start));
        let to = records.partition_point(|r| r.day <= Some(end));
        out.networks.push(matrix::build(
            &context,
            &records[from..to],
            &actor_ids,
            &concept_ids,
            Some((start, end)),
        ));
        if end >= last {
            break;
        }
        match start.checked_add(jiff::Span::new().days(i64::from(window.step))) {
            Ok(next) => start = next,
            Err(_) => break,
        }
    }
    Ok(out)
}
