//! Re-anchoring against changed texts: inserted text, edited passages,
//! deleted passages, lookalikes, and multi-byte characters around a passage.
#![allow(clippy::unwrap_used)]

mod common;

use common::{find, marked};
use randnotiz::anchor::{Outcome, Reanchorer, Target};
use randnotiz::document::{CharRange, Document, TextFormat};

fn doc(text: &str) -> Document {
    Document::parse(text, TextFormat::Plain)
}

/// Makes a target on `before`'s marked passage and anchors it in `after`.
fn reanchor(before: &str, after: &str) -> (Outcome, Document) {
    let (text, range) = marked(before);
    let old = doc(&text);
    let target = Target::from_range(&old, range);
    let new = doc(after);
    let outcome = Reanchorer::new(&new).anchor(&target);
    (outcome, new)
}

fn bundled() -> String {
    randnotiz::BUNDLED_ARTICLE.to_owned()
}

const PASSAGE: &str = "Die Behörden haben Angehörigen und Anwälten nach Angaben von Menschenrechtsaktivisten verweigert, Festgenommene zu sehen, und geben nur wenige Informationen heraus.";

fn bundled_marked(passage: &str) -> String {
    bundled().replacen(passage, &format!("[{passage}]"), 1)
}

#[test]
fn an_unchanged_text_anchors_in_place() {
    let before = bundled_marked(PASSAGE);
    let (outcome, new) = reanchor(&before, &bundled());
    assert_eq!(outcome, Outcome::Anchored(find(new.text(), PASSAGE)));
}

#[test]
fn text_inserted_before_the_passage() {
    let inserted = bundled().replacen(
        "Tokajews Besuch in Almaty",
        "Ein neuer Absatz, den die Redaktion später eingefügt hat, mit Ümläuten.\n\nTokajews Besuch in Almaty",
        1,
    );
    let (outcome, new) = reanchor(&bundled_marked(PASSAGE), &inserted);
    let Outcome::Moved {
        range,
        exact: true,
        score,
    } = outcome
    else {
        panic!("expected an exact move, got {outcome:?}");
    };
    assert_eq!(range, find(new.text(), PASSAGE));
    assert_eq!(new.slice(range), PASSAGE);
    assert!(score >= 0.99, "full context: {score}");
}

#[test]
fn the_passage_itself_lightly_edited() {
    let edited_passage = "Die Behörden hatten Angehörigen und Anwälten nach Angaben von Menschenrechtlern verweigert, Festgenommene zu sehen, und geben kaum Informationen heraus.";
    let edited = bundled().replacen(PASSAGE, edited_passage, 1);
    let (outcome, new) = reanchor(&bundled_marked(PASSAGE), &edited);
    let Outcome::Moved {
        range,
        exact: false,
        score,
    } = outcome
    else {
        panic!("expected an approximate move, got {outcome:?}");
    };
    assert_eq!(
        new.slice(range),
        edited_passage,
        "the whole edited passage is covered"
    );
    assert!(score >= randnotiz::anchor::MIN_APPROX_SCORE);
}

#[test]
fn a_deleted_passage_is_orphaned() {
    let deleted = bundled().replacen(&format!("{PASSAGE} "), "", 1);
    let (outcome, _) = reanchor(&bundled_marked(PASSAGE), &deleted);
    assert_eq!(outcome, Outcome::Orphaned);
}

#[test]
fn a_lookalike_elsewhere_is_not_taken() {
    // The passage is gone; a similar sentence stands in another section,
    // in other words: a weak match must not move the highlight there.
    let passage = "Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164.";
    let changed = bundled().replacen(&format!("{passage} "), "", 1).replacen(
        "In der Stadt selbst gilt weiterhin der Ausnahmezustand.",
        "In der Stadt selbst gilt weiterhin der Ausnahmezustand. Nach inoffiziellen Zahlen beläuft sich die Zahl der Verletzten auf 1640.",
        1,
    );
    let (outcome, _) = reanchor(&bundled_marked(passage), &changed);
    assert_eq!(outcome, Outcome::Orphaned);
}

#[test]
fn a_repeated_quote_goes_to_the_occurrence_with_its_context() {
    // "Tokajew" stands six times; the marked one is found again by its context
    // after text is inserted before it.
    let before = "Zuerst sprach Tokajew in Astana. Später reiste [Tokajew] nach Almaty. Dann sprach Tokajew im Fernsehen.";
    let after = "Neu: Tokajew. Zuerst sprach Tokajew in Astana. Später reiste Tokajew nach Almaty. Dann sprach Tokajew im Fernsehen.";
    let (outcome, new) = reanchor(before, after);
    let expected = find(new.text(), "Tokajew nach Almaty").start;
    assert_eq!(
        outcome.range(),
        Some(CharRange::new(expected, expected + 7))
    );
}

#[test]
fn a_short_quote_without_its_context_is_orphaned() {
    // The sentence around "Tokajew" was rewritten entirely; another "Tokajew"
    // elsewhere is a lookalike, not the passage.
    let before = "Im Januar sagte [Tokajew] vor dem Parlament etwas. Das Wetter war kalt und klar.";
    let after = "Niemand wusste, was kommen würde. Tokajew schwieg seit Wochen zu allen Fragen.";
    let (outcome, _) = reanchor(before, after);
    assert_eq!(outcome, Outcome::Orphaned);
}

#[test]
fn umlauts_emoji_and_combining_marks_around_the_passage() {
    let before = "Ä👍🏽 ﬁ e\u{301}t\u{e9} 🇰🇿: [Tokajew besucht Almaty] 👨‍👩‍👧 ö ß „Zitat“.";
    let after =
        "Neu 🎉🎉 ü\u{308}: Ä👍🏽 ﬁ e\u{301}t\u{e9} 🇰🇿: Tokajew besucht Almaty 👨‍👩‍👧 ö ß „Zitat“.";
    let (outcome, new) = reanchor(before, after);
    let range = outcome.range().unwrap();
    assert_eq!(new.slice(range), "Tokajew besucht Almaty");
    assert_eq!(range, find(new.text(), "Tokajew besucht Almaty"));
    assert!(matches!(outcome, Outcome::Moved { exact: true, .. }));

    // And an edit inside the passage next to multi-byte characters.
    let after = "Ä👍🏽 ﬁ e\u{301}t\u{e9} 🇰🇿: Tokajew besuchte Almaty 👨‍👩‍👧 ö ß „Zitat“.";
    let (outcome, new) = reanchor(before, after);
    assert_eq!(
        new.slice(outcome.range().unwrap()),
        "Tokajew besuchte Almaty"
    );
}

#[test]
fn positions_past_the_end_fall_back_to_the_quote() {
    let (text, range) = marked("Das [Bündnis] zieht ab.");
    let old = doc(&text);
    let mut target = Target::from_range(&old, range);
    target.start = 9_000_000;
    target.end = 9_000_007;
    let outcome = Reanchorer::new(&old).anchor(&target);
    assert_eq!(outcome.range(), Some(range));
}

#[test]
fn many_passages_after_an_insertion_all_move_by_the_same_shift() {
    let old = doc(&bundled());
    let targets: Vec<Target> = old
        .paragraphs()
        .map(|p| Target::from_range(&old, CharRange::new(p.range.start + 5, p.range.start + 60)))
        .collect();
    let new = doc(&bundled().replacen("Das von Russland", "EINSCHUB. Das von Russland", 1));
    let mut anchorer = Reanchorer::new(&new);
    for target in &targets {
        let outcome = anchorer.anchor(target);
        let range = outcome.range().unwrap();
        assert_eq!(new.slice(range), target.quote.exact);
        if target.start > 100 {
            assert_eq!(range.start, target.start + "EINSCHUB. ".len());
        }
    }
}
