//! Statements over time: how often each actor speaks (or is coded) per
//! ISO week or per month, from the documents' dates, for a chart or a
//! table.
//!
//! A statement counts for its speaker; an annotation (when all annotations
//! are counted) for each of its actors. Every period between the first and
//! the last is there, empty ones as zeros, so a chart's gaps are gaps.
//! What cannot be placed in a period (a document without a date, one dated
//! only by month when counting by week) is counted apart per actor and the
//! documents named: see [`Unplaced`].

use std::collections::HashMap;

use jiff::civil::Date;

use super::corpus::{CorpusDoc, DocDate, DocFilter, Placement, Unplaced};
use crate::actors::{Actor, ActorId};
use crate::annotation::{Annotation, ConceptId};

/// The most periods a timeline spans; a wider date range asked for is
/// narrowed to the documents' own dates.
pub const MAX_PERIODS: usize = 5_000;

/// How long a period is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Period {
    /// An ISO week (Monday to Sunday, the week-year's weeks).
    #[default]
    Week,
    /// A calendar month.
    Month,
}

impl Period {
    /// The name used on the command line and in JSON: `week`, `month`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Week => "week",
            Self::Month => "month",
        }
    }
}

/// What is counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Counted {
    /// Statements, for their speaking actor.
    #[default]
    Statements,
    /// Every annotation, for each of its actors.
    Annotations,
}

impl Counted {
    /// The name used on the command line and in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Statements => "statements",
            Self::Annotations => "annotations",
        }
    }
}

/// What a timeline counts, and of which documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineOptions {
    /// Weeks or months.
    pub by: Period,
    /// Statements or all annotations.
    pub counted: Counted,
    /// Which documents.
    pub filter: DocFilter,
    /// Only statements on these concepts (when counting annotations: only
    /// annotations whose statement is on one of them); all when empty.
    pub concepts: Vec<ConceptId>,
}

/// One period: an ISO week or a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKey {
    /// ISO week `week` of week-year `year`.
    Week {
        /// The ISO week-year (2021 for Sunday 2 January 2022).
        year: i16,
        /// 1 to 53.
        week: i8,
    },
    /// A month.
    Month {
        /// The year.
        year: i16,
        /// 1 to 12.
        month: i8,
    },
}

impl PeriodKey {
    /// The period `day` falls in.
    #[must_use]
    pub fn of_day(day: Date, by: Period) -> Self {
        match by {
            Period::Week => {
                let iso = day.iso_week_date();
                Self::Week {
                    year: iso.year(),
                    week: iso.week(),
                }
            }
            Period::Month => Self::Month {
                year: day.year(),
                month: day.month(),
            },
        }
    }

    /// The period a document's date falls in, when it is precise enough.
    #[must_use]
    pub fn of(date: DocDate, by: Period) -> Option<Self> {
        match (date, by) {
            (DocDate::Day(d), _) | (DocDate::Month(d), Period::Month) => Some(Self::of_day(d, by)),
            _ => None,
        }
    }

    /// Its first day (Monday of a week).
    #[must_use]
    pub fn first_day(self) -> Date {
        match self {
            Self::Week { year, week } => {
                jiff::civil::ISOWeekDate::new(year, week, jiff::civil::Weekday::Monday)
                    .map_or(Date::MIN, jiff::civil::ISOWeekDate::date)
            }
            Self::Month { year, month } => Date::new(year, month, 1).unwrap_or(Date::MIN),
        }
    }

    /// The period after it.
    #[must_use]
    pub fn next(self) -> Self {
        let by = match self {
            Self::Week { .. } => Period::Week,
            Self::Month { .. } => Period::Month,
        };
        let first = self.first_day();
        let after = match self {
            Self::Week { .. } => first.checked_add(jiff::Span::new().days(7)),
            Self::Month { .. } => first.checked_add(jiff::Span::new().months(1)),
        };
        after.map_or(self, |d| Self::of_day(d, by))
    }

    /// As tables label it: `2022-W01`, `2022-01`.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Week { year, week } => format!("{year:04}-W{week:02}"),
            Self::Month { year, month } => format!("{year:04}-{month:02}"),
        }
    }
}

/// One actor's counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// The actor.
    pub actor: ActorId,
    /// Its name (its id when the registry has no such actor).
    pub name: String,
    /// Per period, parallel to [`Timeline::periods`].
    pub counts: Vec<usize>,
    /// Counted apart: in documents without a date precise enough.
    pub apart: usize,
}

impl Series {
    /// Everything counted for the actor, apart included.
    #[must_use]
    pub fn total(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.apart
    }
}

/// Counts per actor per period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Weeks or months.
    pub by: Period,
    /// Statements or annotations.
    pub counted: Counted,
    /// Every period from the first to the last, in order.
    pub periods: Vec<PeriodKey>,
    /// The actors with anything counted, in the registry's order (actors
    /// it does not know last, by id).
    pub series: Vec<Series>,
    /// The documents taken that could not be placed in a period.
    pub unplaced: Unplaced,
}

/// Counts statements (or annotations) per actor per period in `docs`;
/// `actors` gives names and order.
#[must_use]
pub fn timeline(docs: &[CorpusDoc<'_>], actors: &[Actor], options: &TimelineOptions) -> Timeline {
    let mut unplaced = Unplaced::default();
    // (actor, period or None for apart) → count
    let mut counts: HashMap<(&ActorId, Option<PeriodKey>), usize> = HashMap::new();
    let mut placed: Option<(PeriodKey, PeriodKey)> = None;
    for (index, doc) in docs.iter().enumerate() {
        let period = match options.filter.place(doc) {
            Placement::Out => continue,
            Placement::Dated(date) => match PeriodKey::of(date, options.by) {
                Some(p) => {
                    placed = Some(placed.map_or((p, p), |(a, b)| (a.min(p), b.max(p))));
                    Some(p)
                }
                None => {
                    unplaced.imprecise.push(index);
                    None
                }
            },
            Placement::Undated => {
                unplaced.undated.push(index);
                None
            }
            Placement::Imprecise => {
                unplaced.imprecise.push(index);
                None
            }
        };
        for annotation in doc.annotations {
            for actor in counted_actors(annotation, options) {
                *counts.entry((actor, period)).or_default() += 1;
            }
        }
    }
    let periods = span(placed, options);
    let position: HashMap<PeriodKey, usize> =
        periods.iter().enumerate().map(|(i, p)| (*p, i)).collect();
    let mut by_actor: HashMap<&ActorId, Series> = HashMap::new();
    for ((actor, period), n) in counts {
        let series = by_actor.entry(actor).or_insert_with(|| Series {
            actor: actor.clone(),
            name: actors
                .iter()
                .find(|a| &a.id == actor)
                .map_or_else(|| actor.0.clone(), |a| a.name.clone()),
            counts: vec![0; periods.len()],
            apart: 0,
        });
        match period.and_then(|p| position.get(&p)) {
            Some(&i) => series.counts[i] += n,
            None => series.apart += n,
        }
    }
    let mut series: Vec<Series> = by_actor.into_values().collect();
    let rank = |id: &ActorId| {
        actors
            .iter()
            .position(|a| &a.id == id)
            .unwrap_or(usize::MAX)
    };
    series.sort_by(|a, b| {
        rank(&a.actor)
            .cmp(&rank(&b.actor))
            .then_with(|| a.actor.cmp(&b.actor))
    });
    Timeline {
        by: options.by,
        counted: options.counted,
        periods,
        series,
        unplaced,
    }
}

/// The actors `annotation` counts for under `options`.
fn counted_actors<'a>(
    annotation: &'a Annotation,
    options: &TimelineOptions,
) -> Box<dyn Iterator<Item = &'a ActorId> + 'a> {
    let concept_ok = |a: &Annotation| {
        options.concepts.is_empty()
            || a.statement
                .as_ref()
                .is_some_and(|s| options.concepts.contains(&s.concept))
    };
    if !concept_ok(annotation) {
        return Box::new(std::iter::empty());
    }
    match options.counted {
        Counted::Statements => Box::new(annotation.statement.iter().map(|s| &s.actor)),
        Counted::Annotations => {
            let mut seen: Vec<&ActorId> = Vec::with_capacity(annotation.actors.len());
            for id in &annotation.actors {
                if !seen.contains(&id) {
                    seen.push(id);
                }
            }
            Box::new(seen.into_iter())
        }
    }
}

/// Every period from the range's start (or the first placed) to its end
/// (or the last placed).
fn span(placed: Option<(PeriodKey, PeriodKey)>, options: &TimelineOptions) -> Vec<PeriodKey> {
    let by = options.by;
    let filter = &options.filter;
    let asked = (
        filter.from.map(|d| PeriodKey::of_day(d, by)),
        filter.to.map(|d| PeriodKey::of_day(d, by)),
    );
    let (first, last) = match (asked, placed) {
        ((Some(a), Some(b)), _) => (a, b),
        ((a, b), Some((p, q))) => (a.unwrap_or(p), b.unwrap_or(q)),
        (_, None) => return Vec::new(),
    };
    let walk = |first: PeriodKey, last: PeriodKey| {
        let mut out = Vec::new();
        let mut at = first;
        while at <= last && out.len() <= MAX_PERIODS {
            out.push(at);
            let next = at.next();
            if next == at {
                break;
            }
            at = next;
        }
        out
    };
    let periods = walk(first, last);
    if periods.len() > MAX_PERIODS {
        return placed.map_or_else(Vec::new, |(p, q)| walk(p, q));
    }
    periods
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::analysis::corpus::fixture;

    fn count(options: &TimelineOptions) -> (Vec<String>, Vec<String>, Unplaced) {
        let corpus = [
            (Some("2022-01-03"), fixture::annotations("a+x b-x")),
            (Some("2022-01-09"), fixture::annotations("a+y")),
            (Some("2022-01-17"), fixture::annotations("a+x a")),
            (None, fixture::annotations("b+x")),
            (Some("2022-01"), fixture::annotations("a+x")),
        ];
        let docs: Vec<CorpusDoc<'_>> = corpus
            .iter()
            .map(|(date, annotations)| CorpusDoc {
                date: *date,
                outlet: None,
                annotations,
                author: None,
                attributes: None,
            })
            .collect();
        let t = timeline(&docs, &[], options);
        let periods = t.periods.iter().map(|p| p.label()).collect();
        let series = t
            .series
            .iter()
            .map(|s| format!("{} {:?} apart {}", s.name, s.counts, s.apart))
            .collect();
        (periods, series, t.unplaced)
    }

    #[test]
    fn statements_are_counted_per_actor_per_week_and_the_undated_apart() {
        let (periods, series, unplaced) = count(&TimelineOptions::default());
        assert_eq!(periods, ["2022-W01", "2022-W02", "2022-W03"]);
        assert_eq!(series, ["a [2, 0, 1] apart 1", "b [1, 0, 0] apart 1"]);
        assert_eq!(unplaced.undated, [3]);
        assert_eq!(unplaced.imprecise, [4], "a month is not a week");

        let by_month = TimelineOptions {
            by: Period::Month,
            ..TimelineOptions::default()
        };
        let (periods, series, unplaced) = count(&by_month);
        assert_eq!(periods, ["2022-01"]);
        assert_eq!(series, ["a [4] apart 0", "b [1] apart 1"]);
        assert!(unplaced.imprecise.is_empty());

        let annotations = TimelineOptions {
            counted: Counted::Annotations,
            ..TimelineOptions::default()
        };
        assert_eq!(
            count(&annotations).1,
            ["a [2, 0, 2] apart 1", "b [1, 0, 0] apart 1"]
        );
        let on_x = TimelineOptions {
            concepts: vec![ConceptId("x".into())],
            ..TimelineOptions::default()
        };
        assert_eq!(
            count(&on_x).1,
            ["a [1, 0, 1] apart 1", "b [1, 0, 0] apart 1"]
        );
    }

    #[test]
    fn iso_weeks_and_months_are_labelled_and_walked() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        // 2 January 2022 is a Sunday: the last day of 2021's week 52.
        let sunday = PeriodKey::of_day(day("2022-01-02"), Period::Week);
        assert_eq!(sunday.label(), "2021-W52");
        assert_eq!(sunday.first_day(), day("2021-12-27"));
        assert_eq!(sunday.next().label(), "2022-W01");
        // 2020 had 53 ISO weeks.
        let last = PeriodKey::of_day(day("2020-12-31"), Period::Week);
        assert_eq!(last.label(), "2020-W53");
        assert_eq!(last.next().label(), "2021-W01");
        let december = PeriodKey::of_day(day("2021-12-31"), Period::Month);
        assert_eq!(december.label(), "2021-12");
        assert_eq!(december.next().label(), "2022-01");
        assert_eq!(
            PeriodKey::of(DocDate::Month(day("2022-03-01")), Period::Week),
            None
        );
    }
}
