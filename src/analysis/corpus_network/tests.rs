//! DNA's options on small corpora, every expected matrix worked out by
//! hand from the statements listed above it (`a+x`: actor `a` agrees
//! with concept `x`; `-` disagrees, `~` neutral).
#![allow(clippy::unwrap_used, clippy::float_cmp)]

use std::collections::BTreeMap;

use super::*;
use crate::actors::{Actor, ActorId, ActorKind};
use crate::analysis::corpus::fixture;
use crate::anchor::Target;
use crate::annotation::{Annotation, AnnotationId, Colour, ConceptId};

/// Two articles on 3 and 4 January 2022:
///
/// | doc | statements                |
/// |-----|---------------------------|
/// | 0   | a+x b+x c-x a+y           |
/// | 1   | a+x a+x b-y c~x c-x       |
///
/// so x: a agrees 3, b agrees 1, c disagrees 2 and is neutral once;
/// y: a agrees 1, b disagrees 1. Statements t(a) = 4, t(b) = 2, t(c) = 3.
fn two_articles() -> Vec<(&'static str, Vec<Annotation>)> {
    vec![
        ("2022-01-03", fixture::annotations("a+x b+x c-x a+y")),
        ("2022-01-04", fixture::annotations("a+x a+x b-y c~x c-x")),
    ]
}

fn run(corpus: &[(&str, Vec<Annotation>)], actors: &[Actor], options: &NetworkOptions) -> Networks {
    let docs: Vec<CorpusDoc<'_>> = corpus
        .iter()
        .map(|(date, annotations)| CorpusDoc {
            date: Some(date),
            annotations,
            ..CorpusDoc::default()
        })
        .collect();
    networks(&docs, actors, &[], options).unwrap()
}

fn one(corpus: &[(&str, Vec<Annotation>)], options: &NetworkOptions) -> Network {
    let mut out = run(corpus, &[], options);
    assert_eq!(out.networks.len(), 1);
    out.networks.remove(0)
}

/// The matrix row by row, with the row labels.
fn matrix(network: &Network) -> Vec<(String, Vec<f64>)> {
    (0..network.rows.len())
        .map(|r| {
            let values = (0..network.columns.len())
                .map(|c| network.value(r, c))
                .collect();
            (network.rows[r].label.clone(), values)
        })
        .collect()
}

/// Asserts `network` is `expected` (row label, values) to 1e-12.
fn assert_matrix(network: &Network, expected: &[(&str, &[f64])]) {
    let got = matrix(network);
    assert_eq!(
        got.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(),
        expected.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        "rows"
    );
    for ((label, values), (_, want)) in got.iter().zip(expected) {
        assert_eq!(values.len(), want.len(), "{label}");
        for (v, w) in values.iter().zip(*want) {
            assert!((v - w).abs() < 1e-12, "{label}: {values:?} is not {want:?}");
        }
    }
}

fn options(mode: Mode, aggregation: Aggregation, normalization: Normalization) -> NetworkOptions {
    NetworkOptions {
        mode,
        aggregation,
        normalization,
        ..NetworkOptions::default()
    }
}

#[test]
fn one_mode_normalisations_divide_as_dna_does() {
    use {Aggregation as A, Mode::OneMode, Normalization as N};
    let corpus = two_articles();
    // congruence: a–b share agreeing on x, 3·1 = 3; nothing else.
    let congruence = one(&corpus, &options(OneMode, A::Congruence, N::No));
    assert!(congruence.integer);
    assert_matrix(
        &congruence,
        &[
            ("a", &[0., 3., 0.]),
            ("b", &[3., 0., 0.]),
            ("c", &[0., 0., 0.]),
        ],
    );
    // average: 3 / ((4 + 2) / 2) = 1.
    let average = one(&corpus, &options(OneMode, A::Congruence, N::Average));
    assert!(!average.integer);
    assert_matrix(
        &average,
        &[
            ("a", &[0., 1., 0.]),
            ("b", &[1., 0., 0.]),
            ("c", &[0., 0., 0.]),
        ],
    );
    // cosine: 3 / (4 · 2).
    assert_matrix(
        &one(&corpus, &options(OneMode, A::Congruence, N::Cosine)),
        &[
            ("a", &[0., 0.375, 0.]),
            ("b", &[0.375, 0., 0.]),
            ("c", &[0., 0., 0.]),
        ],
    );
    // jaccard a–b: both have x+ (m11 = 3·1 = 3); a's y+ where b has none
    // (m10 = 1), b's y− where a has none (m01 = 1): 3 / 5.
    assert_matrix(
        &one(&corpus, &options(OneMode, A::Congruence, N::Jaccard)),
        &[
            ("a", &[0., 0.6, 0.]),
            ("b", &[0.6, 0., 0.]),
            ("c", &[0., 0., 0.]),
        ],
    );
    // conflict: a–b 1 (y), a–c 3·2 = 6, b–c 1·2 = 2. Jaccard: a–b 1/5;
    // a–c share no (concept, stance): 4 + 3 = 7, 6/7; b–c 2 + 3 = 5, 2/5.
    assert_matrix(
        &one(&corpus, &options(OneMode, A::Conflict, N::Jaccard)),
        &[
            ("a", &[0., 0.2, 6. / 7.]),
            ("b", &[0.2, 0., 0.4]),
            ("c", &[6. / 7., 0.4, 0.]),
        ],
    );
    // ignore: a–b 3·1 + 1·1 = 4, a–c 3·3 = 9, b–c 1·3 = 3; average
    // 4/3, 9/3.5, 3/2.5; cosine 4/8, 9/12, 3/6.
    assert_matrix(
        &one(&corpus, &options(OneMode, A::Ignore, N::Average)),
        &[
            ("a", &[0., 4. / 3., 9. / 3.5]),
            ("b", &[4. / 3., 0., 1.2]),
            ("c", &[9. / 3.5, 1.2, 0.]),
        ],
    );
    assert_matrix(
        &one(&corpus, &options(OneMode, A::Ignore, N::Cosine)),
        &[
            ("a", &[0., 0.5, 0.75]),
            ("b", &[0.5, 0., 0.5]),
            ("c", &[0.75, 0.5, 0.]),
        ],
    );
    // subtract average: a–b (3 − 1) / 3, a–c −6 / 3.5, b–c −2 / 2.5.
    assert_matrix(
        &one(&corpus, &options(OneMode, A::Subtract, N::Average)),
        &[
            ("a", &[0., 2. / 3., -6. / 3.5]),
            ("b", &[2. / 3., 0., -0.8]),
            ("c", &[-6. / 3.5, -0.8, 0.]),
        ],
    );
}

#[test]
fn two_mode_normalisations_and_combine_as_dna_does() {
    use {Aggregation as A, Mode::TwoMode, Normalization as N};
    let corpus = two_articles();
    // ignore: a x3 y1, b x1 y1, c x3 y0; activity divides by 4, 2, 3.
    assert_matrix(
        &one(&corpus, &options(TwoMode, A::Ignore, N::Activity)),
        &[("a", &[0.75, 0.25]), ("b", &[0.5, 0.5]), ("c", &[1., 0.])],
    );
    // prominence divides by the columns' 7 and 2.
    assert_matrix(
        &one(&corpus, &options(TwoMode, A::Ignore, N::Prominence)),
        &[
            ("a", &[3. / 7., 0.5]),
            ("b", &[1. / 7., 0.5]),
            ("c", &[3. / 7., 0.]),
        ],
    );
    // subtract: a 3 1, b 1 −1, c −2 0; activity by all statements: 4, 2, 3.
    assert_matrix(
        &one(&corpus, &options(TwoMode, A::Subtract, N::Activity)),
        &[
            ("a", &[0.75, 0.25]),
            ("b", &[0.5, -0.5]),
            ("c", &[-2. / 3., 0.]),
        ],
    );
    // combine: 1 only agreeing, 2 only disagreeing, 3 both (DNA's lexical
    // rank); c on x disagrees and is neutral: 2 + 4.
    let combine = one(&corpus, &options(TwoMode, A::Combine, N::No));
    assert!(combine.integer);
    assert_matrix(
        &combine,
        &[("a", &[1., 1.]), ("b", &[1., 2.]), ("c", &[6., 0.])],
    );
    let both = [("2022-01-03", fixture::annotations("a+x a-x b-x"))];
    assert_matrix(
        &one(&both, &options(TwoMode, A::Combine, N::No)),
        &[("a", &[3.]), ("b", &[2.])],
    );
}

#[test]
fn normalisations_dna_does_not_offer_for_a_type_are_refused() {
    use {Aggregation as A, Normalization as N};
    let docs: [CorpusDoc<'_>; 0] = [];
    for (mode, aggregation, normalization) in [
        (Mode::TwoMode, A::Ignore, N::Average),
        (Mode::TwoMode, A::Ignore, N::Jaccard),
        (Mode::TwoMode, A::Ignore, N::Cosine),
        (Mode::OneMode, A::Ignore, N::Activity),
        (Mode::OneMode, A::Ignore, N::Prominence),
    ] {
        let err =
            networks(&docs, &[], &[], &options(mode, aggregation, normalization)).unwrap_err();
        assert_eq!(
            err,
            NetworkError::Normalization {
                normalization,
                mode
            }
        );
        assert!(err.to_string().contains(normalization.name()), "{err}");
    }
    assert_eq!(
        networks(
            &docs,
            &[],
            &[],
            &options(Mode::TwoMode, A::Combine, N::Activity)
        )
        .unwrap_err(),
        NetworkError::CombineNormalized
    );
    assert!(matches!(
        networks(&docs, &[], &[], &options(Mode::OneMode, A::Combine, N::No)),
        Err(NetworkError::Aggregation { .. })
    ));
}

/// Four articles over two Januaries:
///
/// | doc | date       | ISO week | statements |
/// |-----|------------|----------|------------|
/// | 0   | 2022-01-03 | 2022-W01 | a+x a+x    |
/// | 1   | 2022-01-05 | 2022-W01 | a+x a-x    |
/// | 2   | 2022-01-12 | 2022-W02 | a+x        |
/// | 3   | 2023-01-10 | 2023-W02 | a+x b+x    |
fn two_januaries() -> Vec<(&'static str, Vec<Annotation>)> {
    vec![
        ("2022-01-03", fixture::annotations("a+x a+x")),
        ("2022-01-05", fixture::annotations("a+x a-x")),
        ("2022-01-12", fixture::annotations("a+x")),
        ("2023-01-10", fixture::annotations("a+x b+x")),
    ]
}

#[test]
fn duplicates_are_identical_statements_in_the_same_document_week_month_year_or_range() {
    let corpus = two_januaries();
    let count = |duplicates, aggregation| {
        let network = one(
            &corpus,
            &NetworkOptions {
                duplicates,
                aggregation,
                ..NetworkOptions::default()
            },
        );
        (network.get("a", "x"), network.get("b", "x"))
    };
    use {Aggregation::Ignore, Aggregation::Subtract, Duplicates as D};
    // The stance ignored, a+x and a−x are one statement.
    assert_eq!(count(D::Include, Ignore), (6., 1.));
    assert_eq!(count(D::Document, Ignore), (4., 1.));
    // DNA compares the week's number only: 2022-W02 and 2023-W02 are one.
    assert_eq!(count(D::Week, Ignore), (2., 1.));
    // … and the month's number only: every January is one month.
    assert_eq!(count(D::Month, Ignore), (1., 1.));
    assert_eq!(count(D::Year, Ignore), (2., 1.));
    assert_eq!(count(D::AcrossRange, Ignore), (1., 1.));
    // Where the stance matters it is part of the identity: agreeing 4
    // times (once per document) minus disagreeing once.
    assert_eq!(count(D::Include, Subtract), (6. - 2., 1.));
    assert_eq!(count(D::Document, Subtract), (4. - 1., 1.));
    assert_eq!(count(D::Month, Subtract), (1. - 1., 1.));
    assert_eq!(count(D::Week, Subtract), (2. - 1., 1.));
}

#[test]
fn a_date_less_precise_than_the_duplicates_need_is_counted_apart() {
    let corpus = [
        ("2022-01-03", fixture::annotations("a+x")),
        ("2022-01", fixture::annotations("a+x")),
        ("2022", fixture::annotations("a+x")),
    ];
    let docs: Vec<CorpusDoc<'_>> = corpus
        .iter()
        .map(|(date, annotations)| CorpusDoc {
            date: Some(date),
            annotations,
            ..CorpusDoc::default()
        })
        .collect();
    let with = |duplicates| {
        networks(
            &docs,
            &[],
            &[],
            &NetworkOptions {
                duplicates,
                ..NetworkOptions::default()
            },
        )
        .unwrap()
    };
    let month = with(Duplicates::Month);
    assert_eq!(month.unplaced.imprecise, [2], "only a year");
    assert_eq!(month.networks[0].get("a", "x"), 1.);
    let week = with(Duplicates::Week);
    assert_eq!(week.unplaced.imprecise, [1, 2]);
    assert_eq!(week.left_out, 2);
    let year = with(Duplicates::Year);
    assert!(year.unplaced.is_empty());
}

/// A DNA statement as the importer writes it: the annotation's actors its
/// organisation and its person, the speaker the organisation, else the
/// person.
fn dna(
    org: Option<&str>,
    person: Option<&str>,
    concept: &str,
    stance: Stance,
    i: usize,
) -> Annotation {
    let mut a = Annotation::on(
        AnnotationId(format!("s{i}")),
        Target::default(),
        Colour::Yellow,
        jiff::Timestamp::UNIX_EPOCH,
    );
    a.actors = org
        .iter()
        .chain(&person)
        .map(|id| ActorId((*id).to_owned()))
        .collect();
    a.statement = Some(Statement {
        actor: ActorId(org.or(person).unwrap().to_owned()),
        concept: ConceptId(concept.to_owned()),
        stance,
    });
    a
}

fn registry() -> Vec<Actor> {
    let actor = |id: &str, name: &str, kind| Actor::new(ActorId(id.into()), name.to_owned(), kind);
    vec![
        actor("o1", "Senate", ActorKind::Organisation),
        actor("o2", "Sierra Club", ActorKind::Organisation),
        actor("p1", "Joel Bluestein", ActorKind::Person),
        actor("p2", "Kateri Callahan", ActorKind::Person),
        actor("p3", "Navin Nayak", ActorKind::Person),
    ]
}

/// | statement | organisation | person | concept | stance   |
/// |-----------|--------------|--------|---------|----------|
/// | 0         | o1 Senate    | p1     | x       | agrees   |
/// | 1         | o1 Senate    | p2     | x       | disagrees|
/// | 2         | —            | p3     | y       | agrees   |
/// | 3         | o2 Sierra    | —      | y       | agrees   |
fn dna_corpus() -> Vec<(&'static str, Vec<Annotation>)> {
    vec![(
        "2005-01-26",
        vec![
            dna(Some("o1"), Some("p1"), "x", Stance::Agrees, 0),
            dna(Some("o1"), Some("p2"), "x", Stance::Disagrees, 1),
            dna(None, Some("p3"), "y", Stance::Agrees, 2),
            dna(Some("o2"), None, "y", Stance::Agrees, 3),
        ],
    )]
}

#[test]
fn variable1_picks_the_organisation_or_the_person_and_leaves_out_who_has_none() {
    let corpus = dna_corpus();
    let actors = registry();
    let with = |variable1| {
        run(
            &corpus,
            &actors,
            &NetworkOptions {
                variable1,
                ..NetworkOptions::default()
            },
        )
    };
    let org = with(Variable1::Organization);
    assert_eq!(org.lacking, 1, "statement 2 has no organisation");
    assert_matrix(
        &org.networks[0],
        &[("Senate", &[2., 0.]), ("Sierra Club", &[0., 1.])],
    );
    let person = with(Variable1::Person);
    assert_eq!(person.lacking, 1, "statement 3 has no person");
    assert_matrix(
        &person.networks[0],
        &[
            ("Joel Bluestein", &[1., 0.]),
            ("Kateri Callahan", &[1., 0.]),
            ("Navin Nayak", &[0., 1.]),
        ],
    );
    let speaker = with(Variable1::Actor);
    assert_eq!(speaker.lacking, 0);
    assert_matrix(
        &speaker.networks[0],
        &[
            ("Navin Nayak", &[0., 1.]),
            ("Senate", &[2., 0.]),
            ("Sierra Club", &[0., 1.]),
        ],
    );
}

#[test]
fn exclusions_leave_out_statements_by_any_variable_or_document_field() {
    let corpus = dna_corpus();
    let actors = registry();
    let excluding = |exclude: &[&str]| {
        run(
            &corpus,
            &actors,
            &NetworkOptions {
                variable1: Variable1::Organization,
                exclude: exclude.iter().map(|e| Exclude::parse(e).unwrap()).collect(),
                ..NetworkOptions::default()
            },
        )
        .networks
        .remove(0)
    };
    // By the person's name, though the rows are organisations.
    assert_matrix(
        &excluding(&["person=Kateri Callahan"]),
        &[("Senate", &[1., 0.]), ("Sierra Club", &[0., 1.])],
    );
    // DNA's boolean: 0 is disagreeing.
    assert_matrix(
        &excluding(&["agreement=0"]),
        &[("Senate", &[1., 0.]), ("Sierra Club", &[0., 1.])],
    );
    // Several: any one takes a statement out; by id as well as by name.
    let n = excluding(&["concept=x", "organization=o2"]);
    assert!(n.rows.is_empty() && n.columns.is_empty(), "{n:?}");
    // Document fields: author, source (the outlet), attributes.
    let mut attributes = BTreeMap::new();
    attributes.insert("Section".to_owned(), "876".to_owned());
    let annotations = &corpus[0].1;
    let docs = [
        CorpusDoc {
            date: Some("2005-01-26"),
            outlet: Some("109"),
            author: Some("Bluestein, Joel"),
            attributes: Some(&attributes),
            annotations,
        },
        CorpusDoc {
            date: Some("2005-01-27"),
            annotations,
            ..CorpusDoc::default()
        },
    ];
    let statements_with = |exclude: &str| {
        let options = NetworkOptions {
            exclude: vec![Exclude::parse(exclude).unwrap()],
            ..NetworkOptions::default()
        };
        networks(&docs, &actors, &[], &options).unwrap().networks[0].statements
    };
    assert_eq!(statements_with("author=Bluestein, Joel"), 4);
    assert_eq!(statements_with("source=109"), 4);
    assert_eq!(statements_with("section=876"), 4);
    assert_eq!(statements_with("section=877"), 8);
    let err = networks(
        &docs,
        &actors,
        &[],
        &NetworkOptions {
            exclude: vec![Exclude::parse("ressort=Politik").unwrap()],
            ..NetworkOptions::default()
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("Section"), "{err}");
    assert!(Exclude::parse("concept").is_err());
    assert!(Exclude::parse("=x").is_err());
    assert!(Exclude::parse("agreement=maybe").is_err());
    // An exclusion that takes nothing out is named back, as written.
    let corpus = dna_corpus();
    let options = NetworkOptions {
        variable1: Variable1::Organization,
        exclude: vec![
            Exclude::parse("organization=Sierra Club").unwrap(),
            Exclude::parse("organization=Siera Club").unwrap(),
            Exclude::parse("author=Niemand").unwrap(),
        ],
        ..NetworkOptions::default()
    };
    let result = run(&corpus, &registry(), &options);
    assert_eq!(
        result.unmatched,
        ["author=Niemand", "organization=Siera Club"]
    );
    // Spaces around `=`, as a user types them, are not part of the value.
    let spaced = Exclude::parse(" concept = Abzug der Truppen ").unwrap();
    assert_eq!(spaced.value, "Abzug der Truppen");
    assert_eq!(spaced.variable, ExcludeVariable::Concept);
}

#[test]
fn with_isolates_excluded_values_stay_as_empty_rows_as_in_dna() {
    let corpus = dna_corpus();
    let options = NetworkOptions {
        variable1: Variable1::Organization,
        exclude: vec![Exclude::parse("organization=Sierra Club").unwrap()],
        isolates: true,
        ..NetworkOptions::default()
    };
    let network = run(&corpus, &registry(), &options).networks.remove(0);
    assert_matrix(
        &network,
        &[("Senate", &[2., 0.]), ("Sierra Club", &[0., 0.])],
    );
}

#[test]
fn dna_time_windows_are_centred_on_each_day_inside_the_range() {
    // Statements on 3, 4 and 6 January.
    let corpus = vec![
        ("2022-01-03", fixture::annotations("a+x")),
        ("2022-01-04", fixture::annotations("b+x")),
        ("2022-01-06", fixture::annotations("c+x")),
    ];
    let windows = |text: &str| {
        let options = NetworkOptions {
            window: Some(TimeWindow::parse(text).unwrap()),
            ..NetworkOptions::default()
        };
        run(&corpus, &[], &options)
            .networks
            .iter()
            .map(|n| {
                let (s, e) = n.window.unwrap();
                format!("{}..{} @{} {}", s, e, n.centre.unwrap(), n.statements)
            })
            .collect::<Vec<_>>()
    };
    // 3 days reach one day to either side: centred on 4 and 5 January
    // only, the range being 3 to 6 January.
    assert_eq!(
        windows("days:3"),
        [
            "2022-01-03..2022-01-05 @2022-01-04 2",
            "2022-01-04..2022-01-06 @2022-01-05 2"
        ]
    );
    // DNA rounds (2 − 1) / 2 up: a window of 2 days is one of 3.
    assert_eq!(windows("days:2"), windows("days:3"));
    // One day each, the empty 5 January kept.
    assert_eq!(
        windows("days:1"),
        [
            "2022-01-03..2022-01-03 @2022-01-03 1",
            "2022-01-04..2022-01-04 @2022-01-04 1",
            "2022-01-05..2022-01-05 @2022-01-05 0",
            "2022-01-06..2022-01-06 @2022-01-06 1"
        ]
    );
    assert!(windows("days:9").is_empty(), "no window fits the range");
    // Randnotiz's own windows: 2 days, one every 2.
    let stepped = run(
        &corpus,
        &[],
        &NetworkOptions {
            window: Some(TimeWindow::parse("days:2,step:2").unwrap()),
            ..NetworkOptions::default()
        },
    );
    let counts: Vec<usize> = stepped.networks.iter().map(|n| n.statements).collect();
    assert_eq!(counts, [2, 1]);
    assert!(stepped.networks.iter().all(|n| n.centre.is_none()));
    for bad in [
        "days:0",
        "weeks:2,step:1",
        "days:3,days:4",
        "hours:3",
        "step:2",
        // More than 200 years: refused, not a panic in date arithmetic.
        "years:40000",
        "months:500000",
        "weeks:2100000",
        "days:8000000,step:1",
        "days:1,step:99999999",
    ] {
        assert!(TimeWindow::parse(bad).is_err(), "{bad}");
    }
    assert!(TimeWindow::parse("years:200").is_ok());
    // Built by hand past what dates hold: no window, and no panic.
    for unit in [
        WindowUnit::Days,
        WindowUnit::Weeks,
        WindowUnit::Months,
        WindowUnit::Years,
    ] {
        let huge = NetworkOptions {
            window: Some(TimeWindow {
                unit,
                size: u32::MAX,
                step: None,
            }),
            ..NetworkOptions::default()
        };
        assert!(run(&corpus, &[], &huge).networks.is_empty(), "{unit:?}");
    }
    let stepped_huge = NetworkOptions {
        window: Some(TimeWindow::stepped(u32::MAX, u32::MAX)),
        ..NetworkOptions::default()
    };
    assert_eq!(run(&corpus, &[], &stepped_huge).networks.len(), 1);
    assert_eq!(TimeWindow::parse("months:3").unwrap().text(), "months:3");
}

#[test]
fn month_windows_move_as_java_moves_a_date_by_a_month() {
    // The range from 31 January to 31 May: centres 31 Jan, 28 Feb (the
    // last day of February), then 28 Mar, 28 Apr, 28 May (each a month
    // after the last centre, as Java's plusMonths steps).
    let corpus = vec![
        ("2022-01-31", fixture::annotations("a+x")),
        ("2022-03-15", fixture::annotations("b+x")),
        ("2022-05-31", fixture::annotations("c+x")),
    ];
    let options = NetworkOptions {
        window: Some(TimeWindow::parse("months:3").unwrap()),
        ..NetworkOptions::default()
    };
    let spans: Vec<String> = run(&corpus, &[], &options)
        .networks
        .iter()
        .map(|n| {
            let (s, e) = n.window.unwrap();
            format!("{s}..{e} {}", n.statements)
        })
        .collect();
    // A month to either side, wholly inside 31 Jan – 31 May: 28 Feb
    // reaches back to 28 Jan, 28 May forward to 28 June; the window of 28
    // April ends before c speaks on 31 May.
    assert_eq!(
        spans,
        ["2022-02-28..2022-04-28 1", "2022-03-28..2022-05-28 0"]
    );
}

#[test]
fn rows_are_sorted_as_dna_sorts_its_labels() {
    let corpus = vec![("2022-01-03", fixture::annotations("b+x a+x B+x Ä+x"))];
    let network = one(&corpus, &NetworkOptions::default());
    let rows: Vec<&str> = network.rows.iter().map(|n| n.label.as_str()).collect();
    // Java's String order: upper case before lower case, umlauts after.
    assert_eq!(rows, ["B", "a", "b", "Ä"]);
}

#[test]
fn values_are_written_whole_without_normalisation_else_as_doubles() {
    assert_eq!(format_value(3.0, true), "3");
    assert_eq!(format_value(-2.0, true), "-2");
    assert_eq!(format_value(0.375, false), "0.375");
    assert_eq!(format_value(1.0, false), "1");
    assert_eq!(format_value(2.0 / 3.0, false), "0.6666666666666666");
}
