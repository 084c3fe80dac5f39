//! Agreement between readers: the coefficients against published worked
//! examples and against values computed by hand, and the token grid on a
//! real text.
#![allow(clippy::unwrap_used)]

mod common;

use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::analysis::agreement::{
    self, agreement, cohen_kappa, krippendorff_alpha, krippendorff_alpha_slices, tokens,
};
use randnotiz::anchor::Target;
use randnotiz::annotation::{Annotation, AnnotationId, Colour, DocumentRef, Session, now};
use randnotiz::document::{Document, TextFormat};

fn close(value: Option<f64>, expected: f64) -> bool {
    value.is_some_and(|v| (v - expected).abs() < 0.0005)
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", A:
/// binary data, two observers, no missing data, ten units. α = 0.095.
#[test]
fn alpha_binary_two_observers_worked_example() {
    let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    let units: Vec<[Option<i32>; 2]> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| [Some(*x), Some(*y)])
        .collect();
    // By hand: n = 20 values, n₀ = 14, n₁ = 6, four disagreeing units, so
    // o₀₁ = 4 and α = 1 − (n − 1)·o₀₁ / (n₀·n₁) = 1 − 19·4/84 = 0.0952.
    let alpha = krippendorff_alpha(&units);
    assert!(close(alpha, 1.0 - 19.0 * 4.0 / 84.0), "{alpha:?}");
    assert!(close(alpha, 0.095), "{alpha:?}");
}

/// Krippendorff (2011), C: nominal data, four observers, twelve units,
/// missing values. The published α (nominal) is 0.743.
#[test]
fn alpha_nominal_four_observers_with_missing_values_worked_example() {
    let table: [[Option<u8>; 12]; 4] = [
        [
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(1),
            Some(4),
            Some(1),
            Some(2),
            None,
            None,
            None,
        ],
        [
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(2),
            Some(4),
            Some(1),
            Some(2),
            Some(5),
            None,
            Some(3),
        ],
        [
            None,
            Some(3),
            Some(3),
            Some(3),
            Some(2),
            Some(3),
            Some(4),
            Some(2),
            Some(2),
            Some(5),
            Some(1),
            None,
        ],
        [
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(4),
            Some(4),
            Some(1),
            Some(2),
            Some(5),
            Some(1),
            None,
        ],
    ];
    let units: Vec<Vec<Option<u8>>> = (0..12)
        .map(|u| table.iter().map(|row| row[u]).collect())
        .collect();
    let alpha = krippendorff_alpha_slices(units.iter().map(Vec::as_slice));
    assert!(close(alpha, 0.743), "{alpha:?}");
}

/// The worked example of Cohen's kappa on Wikipedia ("Cohen's kappa",
/// Simple example): 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no;
/// p_o = 0.7, p_e = 0.5, κ = 0.4.
#[test]
fn kappa_worked_example() {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (x, y, n) in [
        (true, true, 20),
        (true, false, 5),
        (false, true, 10),
        (false, false, 15),
    ] {
        for _ in 0..n {
            a.push(x);
            b.push(y);
        }
    }
    assert!(close(cohen_kappa(&a, &b), 0.4));
    let all = agreement(&a, &b);
    assert_eq!(all.units, 50);
    assert!((all.percent - 0.7).abs() < 1e-12);
}

#[test]
fn perfect_agreement_and_no_variation() {
    let a = [true, false, true, false];
    let same = agreement(&a, &a);
    assert!(close(same.kappa, 1.0) && close(same.alpha, 1.0));
    assert!((same.percent - 1.0).abs() < 1e-12);
    // Nobody coded anything: agreement is total, the coefficients undefined.
    let none = agreement(&[false; 5], &[false; 5]);
    assert_eq!((none.kappa, none.alpha), (None, None));
    assert!((none.percent - 1.0).abs() < 1e-12);
}

fn annotate(doc: &Document, reader: &str, n: usize, passage: &str, actor: &str) -> Annotation {
    let range = common::find(doc.text(), passage);
    Annotation {
        id: AnnotationId(format!("{reader}{n}")),
        reader: Some(reader.into()),
        target: Target::from_range(doc, range),
        colour: Colour::Yellow,
        actors: vec![ActorId(actor.into())],
        statement: None,
        note: String::new(),
        created: now(),
        modified: now(),
        extra: Default::default(),
    }
}

/// Nine tokens, two readers, computed by hand.
#[test]
fn two_readers_on_a_short_text_by_hand() {
    let text = "Russland zieht ab und Tokajew dankt der OVKS herzlich.";
    let doc = Document::parse(text, TextFormat::Plain);
    assert_eq!(tokens(doc.text()).len(), 9);
    let mut session = Session::new(
        DocumentRef::to(&doc, None),
        vec![
            Actor::new(ActorId("russland".into()), "Russland", ActorKind::State),
            Actor::new(ActorId("ovks".into()), "OVKS", ActorKind::Organisation),
        ],
    );
    // Anna: Russland on tokens 0–2, OVKS on 7.
    session
        .annotations
        .push(annotate(&doc, "anna", 1, "Russland zieht ab", "russland"));
    session
        .annotations
        .push(annotate(&doc, "anna", 2, "OVKS", "ovks"));
    // Ben: Russland on tokens 0–5 (a passage ending inside a word counts
    // only where it covers the middle: "dan" of "dankt" does), OVKS on 6–7.
    session.annotations.push(annotate(
        &doc,
        "ben",
        1,
        "Russland zieht ab und Tokajew dan",
        "russland",
    ));
    session
        .annotations
        .push(annotate(&doc, "ben", 2, "der OVKS", "ovks"));

    let report = agreement::compare(&doc, &session, Some("anna"), Some("ben"));
    assert_eq!(report.tokens, 9);
    assert_eq!(report.annotations, [2, 2]);

    // Russland: Anna 111000000, Ben 111111000. Alike on 6 of 9 tokens.
    // p_e = 3/9·6/9 + 6/9·3/9 = 36/81, κ = (6/9 − 36/81)/(1 − 36/81) = 0.4.
    // α: n = 18, n₁ = 9, n₀ = 9, three disagreeing units:
    // α = 1 − 17·(2·3)/(18² − 9² − 9²) = 1 − 102/162 = 0.3704.
    let russland = &report.per_actor[0];
    assert_eq!(russland.coded, [3, 6]);
    assert!((russland.agreement.percent - 6.0 / 9.0).abs() < 1e-12);
    assert!(close(russland.agreement.kappa, 0.4));
    assert!(close(russland.agreement.alpha, 1.0 - 102.0 / 162.0));

    // OVKS: Anna 000000010, Ben 000000110. Alike on 8 of 9.
    // p_e = 1/9·2/9 + 8/9·7/9 = 58/81, κ = (8/9 − 58/81)/(23/81) = 14/23.
    // α: n₁ = 3, n₀ = 15, one disagreeing unit:
    // α = 1 − 17·2/(324 − 9 − 225) = 1 − 34/90.
    let ovks = &report.per_actor[1];
    assert_eq!(ovks.coded, [1, 2]);
    assert!(close(ovks.agreement.kappa, 14.0 / 23.0));
    assert!(close(ovks.agreement.alpha, 1.0 - 34.0 / 90.0));

    // Overall, per token the set of actors: Anna {R}{R}{R}{}{}{}{}{O}{},
    // Ben {R}{R}{R}{R}{R}{R}{O}{O}{}: alike on tokens 0,1,2,7,8: 5 of 9.
    assert!((report.overall.percent - 5.0 / 9.0).abs() < 1e-12);
    // Marked at all: Anna 111000010, Ben 111111110: alike on 5 of 9.
    assert!((report.marked.percent - 5.0 / 9.0).abs() < 1e-12);

    // Where they differ: "und Tokajew dankt der" as one stretch.
    let differing: Vec<&str> = agreement::differences(&doc, &session, Some("anna"), Some("ben"))
        .into_iter()
        .map(|r| doc.slice(r))
        .collect();
    assert_eq!(differing, ["und Tokajew dankt der"]);
}

#[test]
fn tokens_are_words_in_any_script() {
    let ranges = tokens("Kassym-Jomart Tokajew: „Größte“ 2000 Soldaten – 日本 e\u{301}");
    let text: Vec<char> = "Kassym-Jomart Tokajew: „Größte“ 2000 Soldaten – 日本 e\u{301}"
        .chars()
        .collect();
    let words: Vec<String> = ranges
        .iter()
        .map(|r| text[r.start..r.end].iter().collect())
        .collect();
    assert_eq!(
        words,
        [
            "Kassym", "Jomart", "Tokajew", "Größte", "2000", "Soldaten", "日本", "e"
        ]
    );
}

#[test]
fn kappa_is_the_same_to_the_last_digit_in_every_run() {
    // Many categories: the chance agreement is a sum over them, which in a
    // hash map's order (new in every map) came out different in the last
    // digits, and pooled agreement over a project with it.
    let a: Vec<u32> = (0..600).map(|i| (i * i * 7 + 3) % 97).collect();
    let b: Vec<u32> = (0..600).map(|i| (i * 5 + i / 3) % 97).collect();
    let first = randnotiz::analysis::agreement::cohen_kappa(&a, &b).unwrap();
    for _ in 0..100 {
        let again = randnotiz::analysis::agreement::cohen_kappa(&a, &b).unwrap();
        assert_eq!(again.to_bits(), first.to_bits());
    }
}
