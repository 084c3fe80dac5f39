//! The corpus as the analyses over time read it: each document's date,
//! outlet and annotations, and which documents an analysis takes (outlets,
//! a date range).
//!
//! Why plain slices and not the project: analysis sits below the
//! workspace, so the caller (the command line, the window) hands over what
//! it holds, and the same code runs on a project or on documents built in a
//! test or a bench.
//!
//! Dates are as the project file keeps them: `YYYY-MM-DD`, or only
//! `YYYY-MM` or `YYYY` where the article said no more. A document is never
//! dropped silently for its date: one without a date, or with a date less
//! precise than an analysis needs (a month, for weeks), is counted apart
//! and named in [`Unplaced`].

use jiff::civil::Date;

use crate::annotation::Annotation;

/// One document as the analyses over a corpus read it.
#[derive(Clone, Copy, Debug, Default)]
pub struct CorpusDoc<'a> {
    /// When it appeared, as the project file says (`2022-01-13`,
    /// `2022-01`, `2022`); `None` when unknown.
    pub date: Option<&'a str>,
    /// Where it appeared.
    pub outlet: Option<&'a str>,
    /// Its annotations.
    pub annotations: &'a [Annotation],
    /// Who wrote it.
    pub author: Option<&'a str>,
    /// The user's attributes: column name to value.
    pub attributes: Option<&'a std::collections::BTreeMap<String, String>>,
}

/// When a document appeared, as precisely as its date says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocDate {
    /// A day.
    Day(Date),
    /// Only a month: its first day.
    Month(Date),
    /// Only a year: its first day.
    Year(Date),
}

impl DocDate {
    /// Reads `2022-01-13` (a time after it, `2022-01-13T09:59`, is
    /// ignored), `2022-01` or `2022`; `None` for anything else.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let head = text.split(['T', ' ']).next().unwrap_or(text);
        let parts: Vec<&str> = head.split('-').collect();
        let number = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i16>().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y] => Some(Self::Year(Date::new(number(y, 4)?, 1, 1).ok()?)),
            [y, m] => {
                let month = i8::try_from(number(m, 2)?).ok()?;
                Some(Self::Month(Date::new(number(y, 4)?, month, 1).ok()?))
            }
            [y, m, d] => {
                let month = i8::try_from(number(m, 2)?).ok()?;
                let day = i8::try_from(number(d, 2)?).ok()?;
                Some(Self::Day(Date::new(number(y, 4)?, month, day).ok()?))
            }
            _ => None,
        }
    }

    /// The first day it may be.
    #[must_use]
    pub fn first_day(self) -> Date {
        match self {
            Self::Day(d) | Self::Month(d) | Self::Year(d) => d,
        }
    }

    /// The last day it may be.
    #[must_use]
    pub fn last_day(self) -> Date {
        match self {
            Self::Day(d) => d,
            Self::Month(d) => d.last_of_month(),
            Self::Year(d) => d.last_of_year(),
        }
    }

    /// The day, when the date names one.
    #[must_use]
    pub fn day(self) -> Option<Date> {
        match self {
            Self::Day(d) => Some(d),
            Self::Month(_) | Self::Year(_) => None,
        }
    }
}

/// Which documents an analysis takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocFilter {
    /// Only these outlets (case aside); every outlet when empty.
    pub outlets: Vec<String>,
    /// Nothing before this day.
    pub from: Option<Date>,
    /// Nothing after this day.
    pub to: Option<Date>,
}

impl DocFilter {
    /// The filter of `outlets` and the dates `from` and `to` as a user
    /// writes them (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a month or year
    /// from its first day, to its last).
    ///
    /// # Errors
    /// The message for a date that cannot be read.
    pub fn parse(outlets: &[String], from: Option<&str>, to: Option<&str>) -> Result<Self, String> {
        let day = |text: &str, last: bool| {
            DocDate::parse(text)
                .map(|d| if last { d.last_day() } else { d.first_day() })
                .ok_or_else(|| crate::i18n::fill(crate::i18n::tr_tl().err_date, &[("date", &text)]))
        };
        Ok(Self {
            outlets: outlets.to_vec(),
            from: from.map(|d| day(d, false)).transpose()?,
            to: to.map(|d| day(d, true)).transpose()?,
        })
    }
}

/// Where a document stands for an analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Not taken: another outlet, or dated outside the range.
    Out,
    /// Taken, with its date (inside the range).
    Dated(DocDate),
    /// Taken by its outlet, but it has no date (or one that cannot be
    /// read).
    Undated,
    /// Taken by its outlet, but its date (a month or a year) reaches over
    /// an end of the range: whether it is inside cannot be told.
    Imprecise,
}

impl DocFilter {
    /// True when a date range is set.
    #[must_use]
    pub fn has_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// True when a document from `outlet` is taken.
    #[must_use]
    pub fn takes_outlet(&self, outlet: Option<&str>) -> bool {
        if self.outlets.is_empty() {
            return true;
        }
        let Some(outlet) = outlet.map(str::trim) else {
            return false;
        };
        let outlet = outlet.to_lowercase();
        self.outlets
            .iter()
            .any(|o| o.trim().to_lowercase() == outlet)
    }

    /// Where `doc` stands: outside, dated, undated or imprecise.
    #[must_use]
    pub fn place(&self, doc: &CorpusDoc<'_>) -> Placement {
        if !self.takes_outlet(doc.outlet) {
            return Placement::Out;
        }
        let Some(date) = doc.date.and_then(DocDate::parse) else {
            return Placement::Undated;
        };
        let (first, last) = (date.first_day(), date.last_day());
        let before = self.from.is_some_and(|from| last < from);
        let after = self.to.is_some_and(|to| first > to);
        if before || after {
            return Placement::Out;
        }
        let cut = self.from.is_some_and(|from| first < from) || self.to.is_some_and(|to| last > to);
        if cut {
            Placement::Imprecise
        } else {
            Placement::Dated(date)
        }
    }
}

/// Documents an analysis by date could not place, by their index: counted
/// apart, never dropped silently.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unplaced {
    /// Documents without a date, or with one that cannot be read.
    pub undated: Vec<usize>,
    /// Documents whose date is less precise than the analysis needs: a
    /// month or a year where it counts by week or by day, or a month the
    /// date range cuts through.
    pub imprecise: Vec<usize>,
}

impl Unplaced {
    /// True when every document taken had a date precise enough.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.undated.is_empty() && self.imprecise.is_empty()
    }
}

/// Annotations written the way a test reads them.
#[cfg(test)]
pub(crate) mod fixture {
    use crate::actors::ActorId;
    use crate::anchor::Target;
    use crate::annotation::{Annotation, AnnotationId, Colour, ConceptId, Stance, Statement};

    /// One annotation per word of `spec`: `ovks+abzug` is a statement of
    /// actor `ovks` agreeing with concept `abzug` (`-` disagrees, `~` is
    /// neutral); a word without a sign, `ovks`, an annotation with that
    /// actor and no statement.
    pub(crate) fn annotations(spec: &str) -> Vec<Annotation> {
        spec.split_whitespace()
            .enumerate()
            .map(|(i, word)| {
                let mut annotation = Annotation::on(
                    AnnotationId(format!("a{i}")),
                    Target::default(),
                    Colour::Yellow,
                    jiff::Timestamp::UNIX_EPOCH,
                );
                let sign = word.find(['+', '-', '~']);
                let actor = &word[..sign.unwrap_or(word.len())];
                annotation.actors.push(ActorId(actor.to_owned()));
                if let Some(at) = sign {
                    let stance = match &word[at..=at] {
                        "+" => Stance::Agrees,
                        "-" => Stance::Disagrees,
                        _ => Stance::Neutral,
                    };
                    annotation.statement = Some(Statement {
                        actor: ActorId(actor.to_owned()),
                        concept: ConceptId(word[at + 1..].to_owned()),
                        stance,
                    });
                }
                annotation
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn doc<'a>(date: Option<&'a str>, outlet: Option<&'a str>) -> CorpusDoc<'a> {
        CorpusDoc {
            date,
            outlet,
            annotations: &[],
            author: None,
            attributes: None,
        }
    }

    #[test]
    fn dates_are_read_as_precisely_as_they_are_written() {
        assert_eq!(
            DocDate::parse("2022-01-13"),
            Some(DocDate::Day(day("2022-01-13")))
        );
        assert_eq!(
            DocDate::parse("2022-01-13T09:59"),
            Some(DocDate::Day(day("2022-01-13")))
        );
        assert_eq!(
            DocDate::parse("2022-02"),
            Some(DocDate::Month(day("2022-02-01")))
        );
        assert_eq!(
            DocDate::parse("2022-02").unwrap().last_day(),
            day("2022-02-28")
        );
        assert_eq!(
            DocDate::parse("2022").unwrap().last_day(),
            day("2022-12-31")
        );
        for bad in [
            "",
            "13.01.2022",
            "2022-13",
            "2022-02-30",
            "22-01-01",
            "2022-1-5",
        ] {
            assert_eq!(DocDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_filter_places_documents_by_outlet_and_range() {
        let filter = DocFilter {
            outlets: vec!["tagesblatt".into()],
            from: Some(day("2022-01-10")),
            to: Some(day("2022-01-31")),
        };
        let place = |date, outlet| filter.place(&doc(date, outlet));
        assert_eq!(place(Some("2022-01-12"), Some("Abendpost")), Placement::Out);
        assert_eq!(place(Some("2022-01-12"), None), Placement::Out);
        assert_eq!(
            place(Some("2022-01-12"), Some("Tagesblatt ")),
            Placement::Dated(DocDate::Day(day("2022-01-12")))
        );
        assert_eq!(
            place(Some("2022-01-09"), Some("Tagesblatt")),
            Placement::Out
        );
        assert_eq!(place(None, Some("Tagesblatt")), Placement::Undated);
        assert_eq!(place(Some("bald"), Some("Tagesblatt")), Placement::Undated);
        // January reaches before the 10th: cannot be told.
        assert_eq!(
            place(Some("2022-01"), Some("Tagesblatt")),
            Placement::Imprecise
        );
        assert_eq!(place(Some("2021-12"), Some("Tagesblatt")), Placement::Out);
        let open = DocFilter::default();
        assert_eq!(
            open.place(&doc(Some("2022-01"), None)),
            Placement::Dated(DocDate::Month(day("2022-01-01")))
        );
    }
}
