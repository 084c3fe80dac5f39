//! The choices a statement network is made with, named and parsed as DNA
//! names them (see the module above for what each means).

use super::NetworkError;
use crate::analysis::corpus::{CorpusDoc, DocFilter};
use crate::annotation::Stance;

/// One-mode or two-mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Rows × concepts.
    #[default]
    TwoMode,
    /// Rows × rows, tied by the concepts they speak on.
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
    /// Two-mode: DNA's code of the stances used (1 agrees, 2 disagrees,
    /// 3 both).
    Combine,
    /// Two-mode (Randnotiz's own): one column per concept and stance.
    Split,
}

impl Aggregation {
    /// All of them, in the order the command line lists them.
    pub const ALL: [Self; 6] = [
        Self::Ignore,
        Self::Congruence,
        Self::Conflict,
        Self::Subtract,
        Self::Combine,
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
            Self::Combine => "combine",
            Self::Split => "split",
        }
    }

    /// The aggregation called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// True when it makes sense for `mode` (as in DNA: congruence and
    /// conflict tie rows to rows; combine and split keep concepts apart).
    #[must_use]
    pub fn fits(self, mode: Mode) -> bool {
        match self {
            Self::Ignore | Self::Subtract => true,
            Self::Congruence | Self::Conflict => mode == Mode::OneMode,
            Self::Combine | Self::Split => mode == Mode::TwoMode,
        }
    }
}

/// How the values are scaled (DNA's `normalization`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Normalization {
    /// The counts as they are.
    #[default]
    No,
    /// One-mode: divided by the two nodes' mean number of statements.
    Average,
    /// One-mode: divided by DNA's Jaccard denominator.
    Jaccard,
    /// One-mode: divided by the product of the two nodes' statements.
    Cosine,
    /// Two-mode: each row divided by its statements.
    Activity,
    /// Two-mode: each column divided by its statements.
    Prominence,
}

impl Normalization {
    /// All of them, in the order the command line lists them.
    pub const ALL: [Self; 6] = [
        Self::No,
        Self::Average,
        Self::Jaccard,
        Self::Cosine,
        Self::Activity,
        Self::Prominence,
    ];

    /// DNA's name (and the command line's).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::No => "no",
            Self::Average => "average",
            Self::Jaccard => "jaccard",
            Self::Cosine => "cosine",
            Self::Activity => "activity",
            Self::Prominence => "prominence",
        }
    }

    /// The normalisation called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.name() == name)
    }

    /// True when DNA offers it for `mode`.
    #[must_use]
    pub fn fits(self, mode: Mode) -> bool {
        match self {
            Self::No => true,
            Self::Average | Self::Jaccard | Self::Cosine => mode == Mode::OneMode,
            Self::Activity | Self::Prominence => mode == Mode::TwoMode,
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
    /// Once per calendar week number (DNA compares the number only).
    Week,
    /// Once per month number (DNA compares the number only, not the year).
    Month,
    /// Once per calendar year.
    Year,
    /// Once in the whole range.
    AcrossRange,
}

impl Duplicates {
    /// All of them, in the order the command line lists them.
    pub const ALL: [Self; 6] = [
        Self::Include,
        Self::Document,
        Self::Week,
        Self::Month,
        Self::Year,
        Self::AcrossRange,
    ];

    /// DNA's name (and the command line's).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Include => "include",
            Self::Document => "document",
            Self::Week => "week",
            Self::Month => "month",
            Self::Year => "year",
            Self::AcrossRange => "acrossrange",
        }
    }

    /// The setting called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// Whom a statement counts for: the rows (DNA's `variable1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Variable1 {
    /// The statement's speaker.
    #[default]
    Actor,
    /// The speaker if an organisation, else the annotation's organisation.
    Organization,
    /// The speaker if a person, else the annotation's person.
    Person,
}

impl Variable1 {
    /// All of them, in the order the command line lists them.
    pub const ALL: [Self; 3] = [Self::Actor, Self::Organization, Self::Person];

    /// DNA's name (and the command line's).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Organization => "organization",
            Self::Person => "person",
        }
    }

    /// The variable called `name`.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// What an exclusion looks at.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExcludeVariable {
    /// The statement's speaker (name or id).
    Actor,
    /// The statement's organisation (name or id).
    Organization,
    /// The statement's person (name or id).
    Person,
    /// The concept (name or id).
    Concept,
    /// The stance: `1` agrees, `0` disagrees (DNA's boolean), or a name.
    Agreement,
    /// The document's author (DNA's `excludeAuthors`).
    Author,
    /// The document's outlet (DNA's `excludeSources`).
    Source,
    /// Another document attribute, by name, case aside (DNA's
    /// `excludeSections` and `excludeTypes` are `section` and `type`).
    Attribute(String),
}

/// One value whose statements are left out (DNA's `excludeValues` and
/// document exclusions).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Exclude {
    /// What it looks at.
    pub variable: ExcludeVariable,
    /// The value as written, spaces around it aside (compared exactly, as
    /// DNA compares it).
    pub value: String,
    /// For [`ExcludeVariable::Agreement`]: the stance meant.
    pub(super) stance: Option<Stance>,
    /// As the user wrote it, to name it back.
    pub written: String,
}

impl Exclude {
    /// Reads `VARIABLE=VALUE`: `organization=Senate`, `concept=…`,
    /// `agreement=0`, `author=…`, `source=…`, `section=…`, any document
    /// attribute.
    ///
    /// # Errors
    /// [`NetworkError::BadExclude`] without a `=`, with an empty variable,
    /// or with an agreement that is not `1`, `0` or a stance.
    pub fn parse(text: &str) -> Result<Self, NetworkError> {
        let bad = || NetworkError::BadExclude(text.to_owned());
        let (name, value) = text.split_once('=').ok_or_else(bad)?;
        // Spaces around `=` are a way of writing, not part of the value.
        let (name, value) = (name.trim(), value.trim());
        let variable = match name.to_lowercase().as_str() {
            "" => return Err(bad()),
            "actor" => ExcludeVariable::Actor,
            "organization" | "organisation" => ExcludeVariable::Organization,
            "person" => ExcludeVariable::Person,
            "concept" => ExcludeVariable::Concept,
            "agreement" | "stance" => ExcludeVariable::Agreement,
            "author" => ExcludeVariable::Author,
            "source" | "outlet" => ExcludeVariable::Source,
            _ => ExcludeVariable::Attribute(name.to_owned()),
        };
        let stance = match variable {
            ExcludeVariable::Agreement => Some(match value.trim() {
                "1" | "true" | "+" | "agrees" => Stance::Agrees,
                "0" | "false" | "-" | "disagrees" => Stance::Disagrees,
                "~" | "neutral" => Stance::Neutral,
                _ => return Err(bad()),
            }),
            _ => None,
        };
        Ok(Self {
            variable,
            value: value.to_owned(),
            stance,
            written: text.trim().to_owned(),
        })
    }

    pub(super) fn is_document_level(&self) -> bool {
        matches!(
            self.variable,
            ExcludeVariable::Author | ExcludeVariable::Source | ExcludeVariable::Attribute(_)
        )
    }

    /// True when `doc` holds the excluded value (document exclusions).
    pub(super) fn takes_out_document(&self, doc: &CorpusDoc<'_>) -> bool {
        match &self.variable {
            ExcludeVariable::Author => doc.author == Some(self.value.as_str()),
            ExcludeVariable::Source => doc.outlet == Some(self.value.as_str()),
            ExcludeVariable::Attribute(name) => doc.attributes.is_some_and(|a| {
                a.iter()
                    .any(|(k, v)| k.eq_ignore_ascii_case(name) && *v == self.value)
            }),
            _ => false,
        }
    }
}

/// The unit of DNA's time windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WindowUnit {
    /// Days.
    Days,
    /// Weeks of 7 days.
    Weeks,
    /// Calendar months.
    Months,
    /// Calendar years.
    Years,
}

impl WindowUnit {
    fn name(self) -> &'static str {
        match self {
            Self::Days => "days",
            Self::Weeks => "weeks",
            Self::Months => "months",
            Self::Years => "years",
        }
    }

    /// `n` units, or an error where jiff cannot hold so many.
    pub(super) fn span(self, n: i64) -> Result<jiff::Span, jiff::Error> {
        match self {
            Self::Days => jiff::Span::new().try_days(n),
            Self::Weeks => jiff::Span::new().try_weeks(n),
            Self::Months => jiff::Span::new().try_months(n),
            Self::Years => jiff::Span::new().try_years(n),
        }
    }

    /// The most units a window may span: 200 years, longer than any
    /// corpus, well inside what dates can hold.
    fn max(self) -> u32 {
        match self {
            Self::Days => 73_050,
            Self::Weeks => 10_436,
            Self::Months => 2_400,
            Self::Years => 200,
        }
    }
}

/// Moving time windows: DNA's (centred, moving by one unit) or
/// Randnotiz's own (`days` long, one every `step` days).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    /// The unit.
    pub unit: WindowUnit,
    /// DNA's `windowSize`: how many units a window spans.
    pub size: u32,
    /// Randnotiz's windows: days from one window's start to the next
    /// one's; `None` for DNA's centred windows.
    pub step: Option<u32>,
}

impl TimeWindow {
    /// DNA's centred windows of `size` days.
    #[must_use]
    pub fn dna_days(size: u32) -> Self {
        Self {
            unit: WindowUnit::Days,
            size,
            step: None,
        }
    }

    /// Randnotiz's windows of `days` days, one every `step`.
    #[must_use]
    pub fn stepped(days: u32, step: u32) -> Self {
        Self {
            unit: WindowUnit::Days,
            size: days,
            step: Some(step),
        }
    }

    /// Reads DNA's `days:N`, `weeks:N`, `months:N`, `years:N`, or
    /// Randnotiz's `days:N,step:M`.
    ///
    /// # Errors
    /// [`NetworkError::BadWindow`] for anything else, a zero, or more
    /// than 200 years (a size or a step).
    pub fn parse(text: &str) -> Result<Self, NetworkError> {
        let bad = || NetworkError::BadWindow(text.to_owned());
        let mut size = None;
        let mut step = None;
        for part in text.split(',') {
            let (key, value) = part.split_once(':').ok_or_else(bad)?;
            let value: u32 = value.trim().parse().map_err(|_| bad())?;
            if value == 0 {
                return Err(bad());
            }
            let unit = match key.trim() {
                "step" if step.is_none() => {
                    step = Some(value);
                    continue;
                }
                "days" => WindowUnit::Days,
                "weeks" => WindowUnit::Weeks,
                "months" => WindowUnit::Months,
                "years" => WindowUnit::Years,
                _ => return Err(bad()),
            };
            if size.replace((unit, value)).is_some() {
                return Err(bad());
            }
        }
        let (unit, size) = size.ok_or_else(bad)?;
        if step.is_some() && unit != WindowUnit::Days {
            return Err(bad());
        }
        if size > unit.max() || step.is_some_and(|s| s > WindowUnit::Days.max()) {
            return Err(bad());
        }
        Ok(Self { unit, size, step })
    }

    /// As [`TimeWindow::parse`] reads it.
    #[must_use]
    pub fn text(&self) -> String {
        match self.step {
            Some(step) => format!("days:{},step:{step}", self.size),
            None => format!("{}:{}", self.unit.name(), self.size),
        }
    }
}

/// What network, of which documents.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkOptions {
    /// One-mode or two-mode.
    pub mode: Mode,
    /// Whom a statement counts for (the rows).
    pub variable1: Variable1,
    /// How the stance makes ties.
    pub aggregation: Aggregation,
    /// How the values are scaled.
    pub normalization: Normalization,
    /// Which identical statements count.
    pub duplicates: Duplicates,
    /// Values whose statements are left out.
    pub exclude: Vec<Exclude>,
    /// Which documents.
    pub filter: DocFilter,
    /// A network per window instead of one.
    pub window: Option<TimeWindow>,
    /// Keep every node of the range in every network.
    pub isolates: bool,
}

impl NetworkOptions {
    /// The options as DNA would take them, or why not.
    ///
    /// # Errors
    /// A [`NetworkError`] for an aggregation or normalisation that does
    /// not fit the network type, or a normalised `combine`.
    pub fn check(&self) -> Result<(), NetworkError> {
        if !self.aggregation.fits(self.mode) {
            return Err(NetworkError::Aggregation {
                aggregation: self.aggregation,
                mode: self.mode,
            });
        }
        if !self.normalization.fits(self.mode) {
            return Err(NetworkError::Normalization {
                normalization: self.normalization,
                mode: self.mode,
            });
        }
        if self.aggregation == Aggregation::Combine && self.normalization != Normalization::No {
            return Err(NetworkError::CombineNormalized);
        }
        Ok(())
    }
}
