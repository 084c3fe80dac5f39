//! The statement network of a corpus, as discourse network analysis
//! computes it: Leifeld's Discourse Network Analyzer (DNA 3), its R
//! package rDNA (`dna_network`), with DNA's option names and meanings, for
//! a whole project (or one session), a date range and outlets, and as a
//! series of networks over moving time windows.
//!
//! # DNA's definitions, and where they are read
//!
//! From the DNA repository (`leifeld/dna`): the Java exporter
//! `dna/src/main/java/export/Exporter.java` (its constructor's checks,
//! `filterStatements`, `extractLabels`, `createArray`,
//! `computeOneModeMatrix`, `computeTwoModeMatrix`, `lexRank`,
//! `computeTimeWindowMatrices`), `dna/src/main/java/dna/HeadlessDna.java`
//! (`rNetwork`: the default dates), and `rDNA/rDNA/R/dna_network.R` (the
//! arguments and their defaults: `twomode`, variable1 `organization`,
//! variable2 `concept`, qualifier `agreement`, `ignore`, normalization
//! `no`, `isolates = FALSE`, duplicates `include`, `timeWindow = "no"`).
//!
//! A DNA statement here is an annotation's statement: its concept is
//! DNA's `concept`, its stance DNA's boolean qualifier `agreement`
//! (*agrees* 1, *disagrees* 0). Randnotiz's third stance, *neutral*, has
//! no place in DNA's boolean qualifier; it is a third level of the
//! qualifier that counts where the stance is ignored and in every total,
//! and takes no side (neither congruence nor conflict) where the stance
//! matters. A project imported from DNA has no neutral statements, so
//! there everything below is DNA's arithmetic exactly.
//!
//! **Variable 1** (`variable1`, the rows): `actor` (Randnotiz's default)
//! is the statement's speaker; `organization` is the statement's speaker
//! when it is an organisation, else the annotation's first actor of kind
//! [`ActorKind::Organisation`]; `person` the same with
//! [`ActorKind::Person`]. (A DNA statement imported becomes an annotation
//! whose actors are its organisation and its person, the speaker the
//! organisation, else the person.) A statement without that variable has
//! DNA's empty value, and DNA drops a statement with an empty variable 1
//! or 2 before anything else (`filterStatements`, "check against empty
//! fields"); so here: it is in no network, and counted
//! ([`Networks::lacking`]). Variable 2 is always the concept.
//!
//! **Filtering** in DNA's order: documents by date range and by document
//! exclusions (DNA's `excludeAuthors`, `excludeSources`,
//! `excludeSections`, `excludeTypes`: here `--exclude author=…`,
//! `source=…` (the outlet), `section=…`, `type=…` or any other document
//! attribute); then statement by statement, in the order of their
//! documents' dates: excluded values (`excludeValues`: `actor`,
//! `organization`, `person`, `concept`, `agreement`; an actor or concept
//! by its name or id, the agreement as `1`/`0` or a stance's name), empty
//! variables, duplicates. Several exclusions: a statement matching any
//! one is left out.
//!
//! **Duplicates** (`duplicates`): a statement is left out when one kept
//! before it has the same variable 1, the same concept and — only where
//! the qualifier aggregation is not `ignore` — the same stance, and lies
//! in the same document (`document`), the same calendar week
//! (`week`), month (`month`), year (`year`), or anywhere
//! (`acrossrange`); `include` keeps all. Exactly as DNA compares them:
//! `week` compares the week number only (ISO weeks, Monday to Sunday, as
//! DNA's comment says it means; DNA in fact asks the Java default
//! locale) and `month` the month number only, *not* the year: statements
//! in January 2004 and January 2005 are in "the same month". `year`
//! compares the year. A date only as precise as a month counts for
//! `month` and `year`, one of only a year for `year`.
//!
//! With `a(i, c, s)` the number of statements node `i` makes on concept
//! `c` with stance `s` (after filtering), `t(i) = Σc Σs a(i, c, s)`:
//!
//! - **two-mode** (rows × concepts): `ignore` `Σs a(i, c, s)`;
//!   `subtract` `a(i, c, +) − a(i, c, −)`; `combine` DNA's lexical rank of
//!   the stances used: 1 only agreeing, 2 only disagreeing, 3 both (DNA:
//!   "1 for positive, 2 for negative, 3 for mixed"; a neutral statement
//!   adds 4, so 4–7, which DNA never writes); Randnotiz's `split` keeps a
//!   column per concept and stance with its count. Normalisation:
//!   `activity` divides each row by the row's number of statements (DNA:
//!   the row sum for `ignore`, the statements for `subtract`), `prominence`
//!   each column by the column's. DNA warns that a normalised `combine`
//!   cannot be interpreted; it is refused here.
//! - **one-mode** (rows × rows, the diagonal 0): `ignore`
//!   `Σc (Σs a(i,c,s)) · (Σs a(j,c,s))`; `congruence`
//!   `Σc a(i,c,+)·a(j,c,+) + a(i,c,−)·a(j,c,−)`; `conflict`
//!   `Σc a(i,c,+)·a(j,c,−) + a(i,c,−)·a(j,c,+)`; `subtract` congruence
//!   minus conflict (DNA's proximity `1 − |q₁ − q₂| / range` of a boolean
//!   qualifier). Each value is then divided, for `average`, by
//!   `(t(i) + t(j)) / 2`; for `cosine` by `t(i) · t(j)` (DNA writes
//!   `√(t(i)²) · √(t(j)²)`); for `jaccard` by `m10 + m01 + m11`, summed over
//!   concepts and stances: `m10` the counts of `i` where `j` has none,
//!   `m01` the reverse, `m11` the products where both have some. A
//!   denominator of 0 gives 0.
//!
//! `no`, `average`, `jaccard`, `cosine` are the one-mode normalisations,
//! `no`, `activity`, `prominence` the two-mode ones (DNA replaces any other
//! with `no` and logs a warning; here it is refused with a message).
//! Without normalisation the values are whole numbers
//! ([`Network::integer`], DNA's `integerBoolean`).
//!
//! Nodes are DNA's labels: the rows' and concepts' names, sorted as Java
//! sorts strings (by code unit, upper case before lower case), only those
//! with a statement in the network (`isolates = FALSE`); with
//! [`NetworkOptions::isolates`], every one with a statement in the range
//! and the documents taken, before excluded values and duplicates are
//! dropped (DNA takes them from its `originalStatements`), so every window
//! has the same nodes. (DNA joins two actors of one name into one node;
//! here they stay two, told apart in the exports by their id.)
//!
//! **Time windows**, DNA's (`timeWindow` `days`, `weeks`, `months`,
//! `years` with `windowSize` N, here `days:N`, `weeks:N`, `months:N`,
//! `years:N`): a window is centred on each time point `t` from the start of
//! the range to its end, moving by one unit; it reaches `h = round((N − 1)
//! / 2)` units (Java's `Math.round`, so `N / 2` in whole numbers) to
//! either side, `[t − h, t + h]`, both ends included, and is made only
//! where it lies wholly inside the range: the first centred `h` units after
//! the range's start, the last `h` units before its end. The range is
//! `--from`/`--to`, else (as DNA's defaults `01.01.1900`/`31.12.2099` do)
//! the first and last day a document is dated. Months and years move as
//! Java's `plusMonths` does: the day of month kept where it can be, else
//! the month's last. Windows without statements are kept, empty. DNA's
//! `events` windows and kernel smoothing are not offered. Randnotiz's own
//! `days:N,step:M` windows are `N` days long, one starting every `M` days
//! from the range's first day (or the first statement's) until one reaches
//! its last.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::Date;

mod matrix;
mod options;
#[cfg(test)]
mod tests;

pub use options::{
    Aggregation, Duplicates, Exclude, ExcludeVariable, Mode, NetworkOptions, Normalization,
    TimeWindow, Variable1, WindowUnit,
};

use super::corpus::{CorpusDoc, DocDate, Placement, Unplaced};
use crate::actors::{Actor, ActorKind, Rgb};
use crate::annotation::{Annotation, Concept, Stance, Statement};
use crate::i18n::{fill, tr_nw, tr_tl};

/// The most time windows one run computes.
pub const MAX_WINDOWS: usize = 10_000;

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
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// One-mode or two-mode.
    pub mode: Mode,
    /// How the stance made the ties.
    pub aggregation: Aggregation,
    /// How the values were scaled.
    pub normalization: Normalization,
    /// The rows: actors.
    pub rows: Vec<Node>,
    /// The columns: concepts (two-mode) or the same actors (one-mode).
    pub columns: Vec<Node>,
    /// The values, row by row (`rows.len() × columns.len()`).
    pub cells: Vec<f64>,
    /// True when every value is a whole number (no normalisation: DNA's
    /// `integerBoolean`), to be written without decimals.
    pub integer: bool,
    /// How many statements it is made of.
    pub statements: usize,
    /// For a time window: its first and last day.
    pub window: Option<(Date, Date)>,
    /// For one of DNA's time windows: the day it is centred on (DNA's
    /// matrix date).
    pub centre: Option<Date>,
}

impl Network {
    /// The value at `row`, `column`.
    #[must_use]
    pub fn value(&self, row: usize, column: usize) -> f64 {
        self.cells
            .get(row * self.columns.len() + column)
            .copied()
            .unwrap_or(0.0)
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
    pub fn get(&self, row: &str, column: &str) -> f64 {
        match (self.row(row), self.column(column, None)) {
            (Some(r), Some(c)) => self.value(r, c),
            _ => 0.0,
        }
    }

    /// How many values are not 0.
    #[must_use]
    pub fn ties(&self) -> usize {
        self.cells.iter().filter(|v| **v != 0.0).count()
    }
}

/// A value as exports write it: a whole number without decimals where the
/// network has only those, else the shortest decimal that reads back as
/// the same `f64`.
#[must_use]
pub fn format_value(value: f64, integer: bool) -> String {
    if integer && value.fract() == 0.0 && value.abs() < 9.0e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// The networks computed, and what they leave out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Networks {
    /// One network, or one per time window in order.
    pub networks: Vec<Network>,
    /// Documents whose statements are in no network: without a date, or
    /// with one not precise enough, where a date range, windows or the
    /// duplicates setting need it.
    pub unplaced: Unplaced,
    /// How many statements those documents hold.
    pub left_out: usize,
    /// Statements without the row variable (no organisation, say, with
    /// `variable1 = organization`): in no network, as in DNA.
    pub lacking: usize,
    /// Exclusions that took out no document and no statement of those
    /// chosen (a value mistyped, say), as written.
    pub unmatched: Vec<String>,
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
    /// A normalisation asked of a network it does not fit.
    #[error("{}", fill(tr_nw().err_normalization, &[("normalization", &normalization.name()), ("mode", &mode.name())]))]
    Normalization {
        /// The normalisation.
        normalization: Normalization,
        /// The network type.
        mode: Mode,
    },
    /// `combine` with a normalisation.
    #[error("{}", tr_nw().err_combine_normalized)]
    CombineNormalized,
    /// A time window that does not read.
    #[error("{}", fill(tr_tl().err_window, &[("window", .0)]))]
    BadWindow(String),
    /// An exclusion that does not read as `VARIABLE=VALUE`.
    #[error("{}", fill(tr_nw().err_exclude, &[("exclude", .0)]))]
    BadExclude(String),
    /// An exclusion of a document attribute no document has.
    #[error("{}", fill(tr_nw().err_unknown_variable, &[("name", name), ("known", known)]))]
    UnknownVariable {
        /// The name asked for.
        name: String,
        /// The attributes the documents have.
        known: String,
    },
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

/// How precise a document's date must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Precision {
    None,
    Year,
    Month,
    Day,
}

fn precise_enough(date: DocDate, need: Precision) -> bool {
    match date {
        DocDate::Day(_) => true,
        DocDate::Month(_) => need <= Precision::Month,
        DocDate::Year(_) => need <= Precision::Year,
    }
}

/// The registry by id, for names and kinds.
struct Registry<'a> {
    actors: HashMap<&'a str, &'a Actor>,
    concepts: HashMap<&'a str, &'a Concept>,
}

impl<'a> Registry<'a> {
    fn kind(&self, id: &str) -> Option<ActorKind> {
        self.actors.get(id).map(|a| a.kind)
    }

    fn actor_is(&self, id: &str, value: &str) -> bool {
        id == value || self.actors.get(id).is_some_and(|a| a.name == value)
    }

    /// The node `annotation`'s statement counts for under `variable`.
    fn row_of<'s>(
        &self,
        variable: Variable1,
        annotation: &'s Annotation,
        statement: &'s Statement,
    ) -> Option<&'s str> {
        let kind = match variable {
            Variable1::Actor => return Some(statement.actor.as_str()).filter(|s| !s.is_empty()),
            Variable1::Organization => ActorKind::Organisation,
            Variable1::Person => ActorKind::Person,
        };
        std::iter::once(&statement.actor)
            .chain(&annotation.actors)
            .map(crate::actors::ActorId::as_str)
            .find(|id| !id.is_empty() && self.kind(id) == Some(kind))
    }

    /// True when an exclusion takes `statement` out; marks in `matched`
    /// every exclusion that does.
    fn excluded(
        &self,
        exclude: &[Exclude],
        annotation: &Annotation,
        statement: &Statement,
        matched: &mut [bool],
    ) -> bool {
        let mut out = false;
        for (e, matched) in exclude.iter().zip(matched) {
            if self.takes_out(e, annotation, statement) {
                *matched = true;
                out = true;
            }
        }
        out
    }

    /// True when `e` takes `statement` out.
    fn takes_out(&self, e: &Exclude, annotation: &Annotation, statement: &Statement) -> bool {
        match e.variable {
            ExcludeVariable::Actor => self.actor_is(statement.actor.as_str(), &e.value),
            ExcludeVariable::Organization => self
                .row_of(Variable1::Organization, annotation, statement)
                .is_some_and(|id| self.actor_is(id, &e.value)),
            ExcludeVariable::Person => self
                .row_of(Variable1::Person, annotation, statement)
                .is_some_and(|id| self.actor_is(id, &e.value)),
            ExcludeVariable::Concept => {
                let id = statement.concept.as_str();
                id == e.value || self.concepts.get(id).is_some_and(|c| c.name == e.value)
            }
            ExcludeVariable::Agreement => e.stance == Some(statement.stance),
            _ => false,
        }
    }
}

/// Refuses an exclusion of an attribute no document has.
fn check_attributes(docs: &[CorpusDoc<'_>], exclude: &[Exclude]) -> Result<(), NetworkError> {
    for e in exclude {
        let ExcludeVariable::Attribute(name) = &e.variable else {
            continue;
        };
        let known: std::collections::BTreeSet<&str> = docs
            .iter()
            .filter_map(|d| d.attributes)
            .flat_map(BTreeMap::keys)
            .map(String::as_str)
            .collect();
        if !known.iter().any(|k| k.eq_ignore_ascii_case(name)) {
            return Err(NetworkError::UnknownVariable {
                name: name.clone(),
                known: known.into_iter().collect::<Vec<_>>().join(", "),
            });
        }
    }
    Ok(())
}

/// The statement networks of `docs` under `options`; `actors` and
/// `concepts` (the registry) give labels, colours and kinds.
///
/// # Errors
/// A [`NetworkError`] for options DNA does not combine, an exclusion of
/// an attribute no document has, or more windows than [`MAX_WINDOWS`].
pub fn networks(
    docs: &[CorpusDoc<'_>],
    actors: &[Actor],
    concepts: &[Concept],
    options: &NetworkOptions,
) -> Result<Networks, NetworkError> {
    options.check()?;
    check_attributes(docs, &options.exclude)?;
    let registry = Registry {
        actors: actors.iter().map(|a| (a.id.as_str(), a)).collect(),
        concepts: concepts.iter().map(|c| (c.id.as_str(), c)).collect(),
    };
    let need = if options.window.is_some() {
        Precision::Day
    } else {
        match options.duplicates {
            Duplicates::Week => Precision::Day,
            Duplicates::Month => Precision::Month,
            Duplicates::Year => Precision::Year,
            _ => Precision::None,
        }
    };
    let needs_date = need > Precision::None || options.filter.has_range();
    let (doc_level, value_level): (Vec<&Exclude>, Vec<&Exclude>) =
        options.exclude.iter().partition(|e| e.is_document_level());
    let value_level: Vec<Exclude> = value_level.into_iter().cloned().collect();
    let mut doc_matched = vec![false; doc_level.len()];
    let mut value_matched = vec![false; value_level.len()];
    let mut actor_ids = Interned::default();
    let mut concept_ids = Interned::default();
    // Every statement of the documents taken (DNA's originalStatements),
    // with its date, its duplicate bucket and whether an exclusion takes
    // it out.
    let mut universe: Vec<(Record, Option<DocDate>, u64, bool)> = Vec::new();
    let mut out = Networks::default();
    for (index, doc) in docs.iter().enumerate() {
        let mut taken_out = false;
        for (e, matched) in doc_level.iter().zip(doc_matched.iter_mut()) {
            if e.takes_out_document(doc) {
                *matched = true;
                taken_out = true;
            }
        }
        if taken_out {
            continue;
        }
        let statements = || {
            doc.annotations
                .iter()
                .filter(|a| a.statement.is_some())
                .count()
        };
        let date = match options.filter.place(doc) {
            Placement::Out => continue,
            Placement::Dated(date) if precise_enough(date, need) => Some(date),
            Placement::Dated(_) | Placement::Imprecise => {
                out.unplaced.imprecise.push(index);
                out.left_out += statements();
                continue;
            }
            Placement::Undated if needs_date => {
                out.unplaced.undated.push(index);
                out.left_out += statements();
                continue;
            }
            Placement::Undated => None,
        };
        let bucket = match (options.duplicates, date) {
            (Duplicates::Document, _) => index as u64,
            (Duplicates::Week, Some(d)) => {
                u64::from(d.first_day().iso_week_date().week().unsigned_abs())
            }
            (Duplicates::Month, Some(d)) => u64::from(d.first_day().month().unsigned_abs()),
            (Duplicates::Year, Some(d)) => u64::from(d.first_day().year().unsigned_abs()),
            _ => 0,
        };
        for annotation in doc.annotations {
            let Some(statement) = &annotation.statement else {
                continue;
            };
            let (Some(row), concept) = (
                registry.row_of(options.variable1, annotation, statement),
                statement.concept.as_str(),
            ) else {
                out.lacking += 1;
                continue;
            };
            if concept.is_empty() {
                out.lacking += 1;
                continue;
            }
            let record = Record {
                day: date.and_then(DocDate::day),
                actor: actor_ids.of(row),
                concept: concept_ids.of(concept),
                stance: stance_index(statement.stance),
            };
            let excluded =
                registry.excluded(&value_level, annotation, statement, &mut value_matched);
            universe.push((record, date, bucket, excluded));
        }
    }
    out.unmatched = doc_level
        .iter()
        .map(|e| &e.written)
        .zip(&doc_matched)
        .chain(value_level.iter().map(|e| &e.written).zip(&value_matched))
        .filter(|(_, matched)| !**matched)
        .map(|(written, _)| written.clone())
        .collect();
    // DNA keeps the first of identical statements in date order.
    universe.sort_by_key(|(_, date, _, _)| date.map(DocDate::first_day));
    let mut seen = HashSet::new();
    let keep_stance = options.aggregation != Aggregation::Ignore;
    let records: Vec<Record> = universe
        .iter()
        .filter(|(_, _, _, excluded)| !excluded)
        .filter(|(r, _, bucket, _)| {
            options.duplicates == Duplicates::Include
                || seen.insert((
                    r.actor,
                    r.concept,
                    if keep_stance { r.stance } else { 3 },
                    *bucket,
                ))
        })
        .map(|(r, ..)| *r)
        .collect();
    let mut context = Context {
        options,
        actors: actor_ids
            .ids
            .iter()
            .map(|id| {
                let actor = registry.actors.get(id).copied();
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
                let concept = registry.concepts.get(id).copied();
                (
                    concept.map_or_else(|| (*id).to_owned(), |c| c.name.clone()),
                    concept,
                )
            })
            .collect(),
        everything: None,
    };
    if options.isolates {
        let all: Vec<Record> = universe.iter().map(|(r, ..)| *r).collect();
        context.everything = Some(matrix::tally(&all));
    }
    let build = |records: &[Record], window, centre| {
        matrix::build(&context, records, &actor_ids, &concept_ids, window, centre)
    };
    let Some(window) = options.window else {
        out.networks.push(build(&records, None, None));
        return Ok(out);
    };
    let mut records = records;
    records.sort_by_key(|r| r.day);
    let in_window = |start: Date, end: Date| {
        let from = records.partition_point(|r| r.day < Some(start));
        let to = records.partition_point(|r| r.day <= Some(end));
        &records[from..to]
    };
    match window.step {
        None => {
            // DNA's range: the dates given, else the first and last day a
            // document is dated.
            let days = docs
                .iter()
                .filter_map(|d| d.date.and_then(DocDate::parse).and_then(DocDate::day));
            let (Some(first), Some(last)) = (
                options.filter.from.or_else(|| days.clone().min()),
                options.filter.to.or_else(|| days.max()),
            ) else {
                return Ok(out);
            };
            let half = i64::from(window.size / 2);
            let mut spans = Vec::new();
            let mut centre = first;
            while centre <= last {
                let reach = window.unit.span(half);
                let start = reach.clone().and_then(|s| centre.checked_sub(s));
                let end = reach.and_then(|s| centre.checked_add(s));
                if let (Ok(start), Ok(end)) = (start, end)
                    && start >= first
                    && end <= last
                {
                    spans.push((start, end, centre));
                    if spans.len() > MAX_WINDOWS {
                        return Err(NetworkError::TooManyWindows { n: spans.len() });
                    }
                }
                match window.unit.span(1).and_then(|s| centre.checked_add(s)) {
                    Ok(next) => centre = next,
                    Err(_) => break,
                }
            }
            for (start, end, centre) in spans {
                out.networks.push(build(
                    in_window(start, end),
                    Some((start, end)),
                    Some(centre),
                ));
            }
        }
        Some(step) => {
            let days = records.iter().filter_map(|r| r.day);
            let (Some(first), Some(last)) = (
                options.filter.from.or_else(|| days.clone().min()),
                options.filter.to.or_else(|| days.max()),
            ) else {
                return Ok(out);
            };
            let span = first.until(last).map_or(0, |s| s.get_days().max(0));
            let count = usize::try_from(span).unwrap_or(usize::MAX) / step as usize + 1;
            if count > MAX_WINDOWS {
                return Err(NetworkError::TooManyWindows { n: count });
            }
            let mut start = first;
            loop {
                let end = jiff::Span::new()
                    .try_days(i64::from(window.size) - 1)
                    .and_then(|s| start.checked_add(s))
                    .unwrap_or(Date::MAX);
                out.networks
                    .push(build(in_window(start, end), Some((start, end)), None));
                if end >= last {
                    break;
                }
                match jiff::Span::new()
                    .try_days(i64::from(step))
                    .and_then(|s| start.checked_add(s))
                {
                    Ok(next) => start = next,
                    Err(_) => break,
                }
            }
        }
    }
    Ok(out)
}
