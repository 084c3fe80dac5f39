//! Agreement between two readers who coded the same text.
//!
//! **The grid.** The text is cut into tokens (runs of letters and digits);
//! each token is one unit. A reader codes a token with an actor when one of
//! the reader's annotations with that actor covers the token's middle char
//! (for a passage that starts or ends inside a word: when it covers at least
//! half of it). Agreement is computed on this token grid, not on the readers'
//! passages as units, so two passages that overlap by half count as half
//! agreeing, and text neither reader marked counts as agreement on "not
//! coded" (which kappa and alpha correct for).
//!
//! **The measures**, for each actor (coded / not coded, per token), for
//! "marked at all" (any annotation, per token), and overall (per token, the
//! set of actors coded, a nominal category):
//! - percent agreement: share of tokens both readers coded alike;
//! - Cohen's kappa: `(p_o − p_e) / (1 − p_e)`, `p_e` from each reader's own
//!   category shares;
//! - Krippendorff's alpha for nominal data: `1 − (n − 1) · Σ_{c≠k} o_ck /
//!   Σ_{c≠k} n_c · n_k` from the coincidence matrix (Krippendorff 2011,
//!   "Computing Krippendorff's Alpha-Reliability").
//!
//! Kappa and alpha are undefined (`None`) when there is no variation at all
//! (both readers coded every token the same single way).

use std::collections::HashMap;
use std::hash::Hash;

use crate::actors::ActorId;
use crate::annotation::{Annotation, Session};
use crate::document::{CharRange, Document};

/// Percent agreement, Cohen's kappa and Krippendorff's alpha over some units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    /// Units compared.
    pub units: usize,
    /// Share of units coded alike, 0–1.
    pub percent: f64,
    /// Cohen's kappa; `None` without variation.
    pub kappa: Option<f64>,
    /// Krippendorff's alpha (nominal); `None` without variation.
    pub alpha: Option<f64>,
}

/// Agreement of two readers' codes, unit by unit (`a[i]` and `b[i]` are
/// the two readers' codes of unit `i`).
///
/// # Panics
/// When `a` and `b` differ in length (a programming error).
#[must_use]
pub fn agreement<T: Eq + Hash>(a: &[T], b: &[T]) -> Agreement {
    assert_eq!(a.len(), b.len(), "both readers code the same units");
    let units = a.len();
    if units == 0 {
        return Agreement {
            units,
            percent: 1.0,
            kappa: None,
            alpha: None,
        };
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    #[allow(clippy::cast_precision_loss)]
    let n = units as f64;
    #[allow(clippy::cast_precision_loss)]
    let percent = same as f64 / n;
    let kappa = cohen_kappa(a, b);
    let pairs: Vec<[Option<&T>; 2]> = a.iter().zip(b).map(|(x, y)| [Some(x), Some(y)]).collect();
    let alpha = krippendorff_alpha(&pairs);
    Agreement {
        units,
        percent,
        kappa,
        alpha,
    }
}

/// Cohen's kappa of two readers' codes; `None` when the chance agreement is
/// 1 (no variation) or there are no units.
#[must_use]
pub fn cohen_kappa<T: Eq + Hash>(a: &[T], b: &[T]) -> Option<f64> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    // Counted in integers and divided once: a sum of fractions in a hash
    // map's (random) order differed in the last digits from run to run,
    // and so did the exports.
    let mut count_a: HashMap<&T, u64> = HashMap::new();
    let mut count_b: HashMap<&T, u64> = HashMap::new();
    let mut same: u64 = 0;
    for (x, y) in a.iter().zip(b) {
        *count_a.entry(x).or_default() += 1;
        *count_b.entry(y).or_default() += 1;
        if x == y {
            same += 1;
        }
    }
    let products: u128 = count_a
        .iter()
        .map(|(k, &ca)| u128::from(ca) * u128::from(count_b.get(k).copied().unwrap_or(0)))
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let (n, same, products) = (a.len() as f64, same as f64, products as f64);
    let observed = same / n;
    let chance = products / (n * n);
    ((1.0 - chance).abs() > f64::EPSILON).then(|| (observed - chance) / (1.0 - chance))
}

/// Krippendorff's alpha for nominal data: any number of coders (the inner
/// arrays), missing values as `None`. Units with fewer than two values are
/// not pairable and left out. `None` when there is no variation.
#[must_use]
pub fn krippendorff_alpha<T: Eq + Hash, const C: usize>(units: &[[Option<T>; C]]) -> Option<f64> {
    krippendorff_alpha_slices(units.iter().map(<[Option<T>; C]>::as_slice))
}

/// [`krippendorff_alpha`] for units given as slices.
pub fn krippendorff_alpha_slices<'u, T: Eq + Hash + 'u>(
    units: impl IntoIterator<Item = &'u [Option<T>]>,
) -> Option<f64> {
    // The coincidence matrix, only as far as alpha needs it: the marginals
    // n_c and the off-diagonal total Σ_{c≠k} o_ck.
    let mut marginals: HashMap<&T, f64> = HashMap::new();
    let mut disagreement = 0.0;
    for unit in units {
        let values: Vec<&T> = unit.iter().filter_map(Option::as_ref).collect();
        let m = values.len();
        if m < 2 {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let weight = 1.0 / (m - 1) as f64;
        for (i, c) in values.iter().enumerate() {
            // Each value pairs with the m − 1 others of its unit.
            #[allow(clippy::cast_precision_loss)]
            let differing = values
                .iter()
                .enumerate()
                .filter(|(j, k)| *j != i && *k != c)
                .count() as f64;
            disagreement += differing * weight;
            *marginals.entry(c).or_default() += 1.0;
        }
    }
    let n: f64 = marginals.values().sum();
    let squares: f64 = marginals.values().map(|v| v * v).sum();
    let expected = n * n - squares; // Σ_{c≠k} n_c · n_k
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * disagreement / expected)
}

/// The tokens of a text: runs of letters and digits, as char ranges.
#[must_use]
pub fn tokens(text: &str) -> Vec<CharRange> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for c in text.chars() {
        let word = c.is_alphanumeric();
        match (word, start) {
            (true, None) => start = Some(pos),
            (false, Some(s)) => {
                out.push(CharRange::new(s, pos));
                start = None;
            }
            _ => {}
        }
        pos += 1;
    }
    if let Some(s) = start {
        out.push(CharRange::new(s, pos));
    }
    out
}

/// One reader's codes on the token grid: for each token, the indices (into
/// the session's actor list) of the actors coded there, sorted; and whether
/// any annotation covers it.
#[derive(Clone, Debug, Default)]
pub struct Coding {
    /// Per token: actor indices coded there, sorted and unique.
    pub actors: Vec<Vec<u32>>,
    /// Per token: covered by any annotation of the reader.
    pub marked: Vec<bool>,
}

impl Coding {
    /// The coding of `annotations` on `tokens` (sorted, as [`tokens`]
    /// returns them). Orphaned annotations (whose stored position no longer
    /// holds their quote in `doc`) have no place on the grid and are left
    /// out.
    #[must_use]
    pub fn of<'a>(
        doc: &Document,
        session: &Session,
        tokens: &[CharRange],
        annotations: impl IntoIterator<Item = &'a Annotation>,
    ) -> Self {
        let mut coding = Self {
            actors: vec![Vec::new(); tokens.len()],
            marked: vec![false; tokens.len()],
        };
        let middles: Vec<usize> = tokens.iter().map(|t| t.start + t.len() / 2).collect();
        for annotation in annotations {
            if !annotation.target.matches(doc) {
                continue;
            }
            let range = annotation.range();
            let first = middles.partition_point(|&m| m < range.start);
            let end = middles.partition_point(|&m| m < range.end);
            let ids: Vec<u32> = annotation
                .actors
                .iter()
                .filter_map(|id| session.actor_index(id))
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            for t in first..end {
                coding.marked[t] = true;
                for &i in &ids {
                    if let Err(at) = coding.actors[t].binary_search(&i) {
                        coding.actors[t].insert(at, i);
                    }
                }
            }
        }
        coding
    }

    /// Per token: whether actor `index` is coded there.
    #[must_use]
    pub fn has(&self, index: u32) -> Vec<bool> {
        self.actors
            .iter()
            .map(|ids| ids.binary_search(&index).is_ok())
            .collect()
    }
}

/// The agreement between two readers of one session.
#[derive(Clone, Debug)]
pub struct Report {
    /// The two readers' names.
    pub readers: [String; 2],
    /// Annotations each reader made.
    pub annotations: [usize; 2],
    /// Tokens in the text (the units).
    pub tokens: usize,
    /// Per token, the set of actors: all actors at once.
    pub overall: Agreement,
    /// Per token, marked or not, whatever the actors.
    pub marked: Agreement,
    /// Per actor, coded or not, in actor-list order.
    pub per_actor: Vec<ActorAgreement>,
}

impl Report {
    /// Who against whom, on how many annotations and tokens: the line above
    /// the agreement table, on the command line and in the window.
    #[must_use]
    pub fn heading(&self) -> String {
        crate::i18n::fill(
            crate::i18n::tr().agree_heading,
            &[
                ("a", &self.readers[0]),
                ("na", &self.annotations[0]),
                ("b", &self.readers[1]),
                ("nb", &self.annotations[1]),
                ("tokens", &self.tokens),
            ],
        )
    }
}

/// A coefficient to three places, or "–" when it is undefined.
#[must_use]
pub fn coefficient(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

/// Agreement on one actor.
#[derive(Clone, Debug)]
pub struct ActorAgreement {
    /// The actor.
    pub actor: ActorId,
    /// Its name.
    pub name: String,
    /// Tokens each reader coded with it.
    pub coded: [usize; 2],
    /// The agreement on it.
    pub agreement: Agreement,
}

/// Whose annotations: a reader by name, or (`None`) those without one.
pub type ReaderKey<'a> = Option<&'a str>;

/// The name shown for a reader key.
#[must_use]
pub fn reader_name(reader: ReaderKey<'_>) -> String {
    reader.map_or_else(
        || crate::i18n::tr().reader_unnamed.to_owned(),
        str::to_owned,
    )
}

/// The annotations of one reader.
pub fn by_reader<'s>(
    session: &'s Session,
    reader: ReaderKey<'s>,
) -> impl Iterator<Item = &'s Annotation> + 's {
    session
        .annotations
        .iter()
        .filter(move |x| x.reader.as_deref() == reader)
}

/// Both readers' codings on the token grid of `doc`.
fn codings(
    doc: &Document,
    session: &Session,
    a: ReaderKey<'_>,
    b: ReaderKey<'_>,
) -> (Vec<CharRange>, Coding, Coding) {
    let tokens = tokens(doc.text());
    let coding_a = Coding::of(doc, session, &tokens, by_reader(session, a));
    let coding_b = Coding::of(doc, session, &tokens, by_reader(session, b));
    (tokens, coding_a, coding_b)
}

/// Compares two readers' annotations in one (merged) session on `doc`.
#[must_use]
pub fn compare(doc: &Document, session: &Session, a: ReaderKey<'_>, b: ReaderKey<'_>) -> Report {
    let (tokens, coding_a, coding_b) = codings(doc, session, a, b);
    let annotations = [by_reader(session, a).count(), by_reader(session, b).count()];
    report(
        &session.actors,
        [a, b],
        annotations,
        tokens.len(),
        &coding_a,
        &coding_b,
    )
}

/// Compares two readers over several texts at once (a project's documents,
/// each with its session): the units of all texts pooled, one after
/// another, as if they were one text. Actors are those of `actors` (the
/// project's registry), found in each session by id; an actor a session
/// does not know is not coded there.
#[must_use]
pub fn compare_pooled<'t>(
    actors: &[crate::actors::Actor],
    texts: impl IntoIterator<Item = (&'t Document, &'t Session)>,
    a: ReaderKey<'_>,
    b: ReaderKey<'_>,
) -> Report {
    let mut pooled_a = Coding::default();
    let mut pooled_b = Coding::default();
    let mut annotations = [0, 0];
    let mut units = 0;
    for (doc, session) in texts {
        let (tokens, coding_a, coding_b) = codings(doc, session, a, b);
        // The session's actor indices, as indices into `actors`.
        let to_registry: Vec<Option<u32>> = session
            .actors
            .iter()
            .map(|actor| {
                actors
                    .iter()
                    .position(|x| x.id == actor.id)
                    .and_then(|i| u32::try_from(i).ok())
            })
            .collect();
        for (pooled, coding) in [(&mut pooled_a, coding_a), (&mut pooled_b, coding_b)] {
            pooled.marked.extend(coding.marked);
            pooled.actors.extend(coding.actors.into_iter().map(|ids| {
                let mut ids: Vec<u32> = ids
                    .into_iter()
                    .filter_map(|i| to_registry.get(i as usize).copied().flatten())
                    .collect();
                ids.sort_unstable();
                ids
            }));
        }
        annotations[0] += by_reader(session, a).count();
        annotations[1] += by_reader(session, b).count();
        units += tokens.len();
    }
    report(actors, [a, b], annotations, units, &pooled_a, &pooled_b)
}

/// The report on two codings of the same units.
fn report(
    actors: &[crate::actors::Actor],
    readers: [ReaderKey<'_>; 2],
    annotations: [usize; 2],
    tokens: usize,
    coding_a: &Coding,
    coding_b: &Coding,
) -> Report {
    let per_actor = actors
        .iter()
        .enumerate()
        .filter_map(|(i, actor)| {
            let i = u32::try_from(i).ok()?;
            let (ha, hb) = (coding_a.has(i), coding_b.has(i));
            let coded = [
                ha.iter().filter(|x| **x).count(),
                hb.iter().filter(|x| **x).count(),
            ];
            Some(ActorAgreement {
                actor: actor.id.clone(),
                name: actor.name.clone(),
                coded,
                agreement: agreement(&ha, &hb),
            })
        })
        .collect();
    Report {
        readers: readers.map(reader_name),
        annotations,
        tokens,
        overall: agreement(&coding_a.actors, &coding_b.actors),
        marked: agreement(&coding_a.marked, &coding_b.marked),
        per_actor,
    }
}

/// Where two readers' codings differ: the tokens coded differently, joined
/// into ranges where they touch (only white space or punctuation between).
#[must_use]
pub fn differences(
    doc: &Document,
    session: &Session,
    a: ReaderKey<'_>,
    b: ReaderKey<'_>,
) -> Vec<CharRange> {
    let (tokens, coding_a, coding_b) = codings(doc, session, a, b);
    let mut out: Vec<CharRange> = Vec::new();
    let mut last_differing: Option<usize> = None;
    for (i, token) in tokens.iter().enumerate() {
        if coding_a.actors[i] == coding_b.actors[i] && coding_a.marked[i] == coding_b.marked[i] {
            continue;
        }
        match out.last_mut() {
            Some(range) if last_differing == Some(i.wrapping_sub(1)) => range.end = token.end,
            _ => out.push(*token),
        }
        last_differing = Some(i);
    }
    out
}
