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
    randnotiz::document::bundled::ARTICLE.to_owned()
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
    target.start = 9_000_000.into();
    target.end = 9_000_007.into();
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

// Re-anchoring without a false anchor: a highlight silently moved onto
// another statement is the worst outcome for a coder. One case per class.

#[test]
fn a_common_phrase_whose_sentence_was_deleted_is_orphaned_not_moved() {
    let before = "Einleitung zum Stand der Dinge.\n\n[Die Lage ist ruhig], sagte der Sprecher der Regierung am Montag. Dann folgte mehr.\n\nEin anderer Absatz folgt.";
    // The sentence is gone; the phrase opens another one elsewhere.
    let after = "Einleitung zum Stand der Dinge.\n\nDann folgte mehr.\n\nEin anderer Absatz folgt. Die Lage ist ruhig geworden, meinte die Polizei.";
    let (outcome, _) = reanchor(before, after);
    assert_eq!(outcome, Outcome::Orphaned);
}

#[test]
fn a_repeated_interjection_goes_nowhere_without_its_context() {
    let before = "Präsident: Das Wort hat Frau Schmidt.\n\nSchmidt: Wir fordern mehr Geld für Schulen. [(Beifall bei der SPD)] Und für Kitas.\n\nMüller: Das ist falsch. (Beifall bei der SPD) Wirklich.";
    // Schmidt's speech was cut; the same interjection stands in Müller's.
    let after = "Präsident: Das Wort hat Frau Schmidt.\n\nMüller: Das ist falsch. (Beifall bei der SPD) Wirklich.";
    let (outcome, _) = reanchor(before, after);
    assert_eq!(outcome, Outcome::Orphaned);
}

#[test]
fn a_short_token_in_lookalike_surroundings_is_orphaned() {
    let before =
        "Die Kommission der [EU] beschloss am Montag neue Regeln für den Handel mit Stahl.";
    let after = "Der Rat beschloss am Freitag, dass die EU neue Zölle erhebt.";
    let (outcome, _) = reanchor(before, after);
    assert_eq!(outcome, Outcome::Orphaned);
}

#[test]
fn an_annotation_without_context_finds_its_nearly_unchanged_passage() {
    // Imported from another tool: a quote and a position, no prefix, no suffix.
    let old = doc("Titel\n\nDie Behörden nutzten den Flughafen für die Verlegung der Truppen.");
    let range = find(
        old.text(),
        "Die Behörden nutzten den Flughafen für die Verlegung",
    );
    let mut target = Target::from_range(&old, range);
    target.quote.prefix.clear();
    target.quote.suffix.clear();
    let new =
        doc("Titel\n\nDie Behörden nutzten den Flughafen später für die Verlegung der Truppen.");
    match Reanchorer::new(&new).anchor(&target) {
        Outcome::Moved { range, .. } => {
            assert!(
                new.slice(range)
                    .starts_with("Die Behörden nutzten den Flughafen")
            );
            assert!(
                new.slice(range).ends_with("Verlegung"),
                "{:?}",
                new.slice(range)
            );
        }
        other => panic!("orphaned a passage that is there: {other:?}"),
    }
}

#[test]
fn a_long_quote_with_one_word_changed_moved_to_another_paragraph_is_found() {
    let sentence = "Die Einsatzkräfte würden anschließend zu ihren Stützpunkten zurückkehren, teilte das Ministerium mit";
    let before = format!(
        "Erster Absatz über den Abzug.\n\n[{sentence}]. Mehr dazu später.\n\nZweiter Absatz."
    );
    let changed = sentence.replace("anschließend", "danach");
    let after = format!(
        "Ein neuer Absatz vorne, ganz anders.\n\nZweiter Absatz. {changed}. Und noch etwas."
    );
    let (outcome, new) = reanchor(&before, &after);
    match outcome {
        Outcome::Moved {
            range,
            exact: false,
            ..
        } => {
            assert_eq!(new.slice(range), changed);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_approximate_match_stretches_over_an_insertion_and_ends_on_a_word() {
    let before = "Vorne steht etwas.\n\n[Die Kontrolle über den Airport war aber schnell wiederhergestellt worden] und so weiter.";
    let after = "Vorne steht etwas.\n\nDie Kontrolle über den Airport war dann aber doch schnell wiederhergestellt worden und so weiter.";
    let (outcome, new) = reanchor(before, after);
    let range = outcome.range().expect("found");
    assert_eq!(
        new.slice(range),
        "Die Kontrolle über den Airport war dann aber doch schnell wiederhergestellt worden"
    );
}

#[test]
fn an_approximate_match_ends_on_word_boundaries() {
    for (before, after) in [
        (
            "Vorne steht etwas.\n\n[Die Kontrolle über den Flughafen war danach schnell wiederhergestellt] und so weiter im Text.",
            "Vorne steht etwas.\n\nDie Kontrolle über den Flughafen war danach schnell wiedererlangt und so weiter im Text.",
        ),
        (
            "Vorne steht etwas.\n\nHeute [kontrollieren die Behörden den Flughafen wieder vollständig] und so weiter.",
            "Vorne steht etwas.\n\nHeute kontrollierten die Behörden den Flughafen wieder vollständig und so weiter.",
        ),
        // The last word inflected: the match must take all of it.
        (
            "Vorne steht etwas.\n\nSeit Tagen [spricht die Regierung von einer sich stabilisierenden Lage] im Land.",
            "Vorne steht etwas.\n\nSeit Tagen spricht die Regierung von einer sich stabilisierenden Lageentwicklung im Land.",
        ),
        (
            "Vorne steht etwas.\n\nDie kasachische Regierung [spricht bereits seit Tagen von einer Lage] im Land.",
            "Vorne steht etwas.\n\nDie kasachische Regierung spricht bereits seit Tagen von einer Lagebeurteilung im Land.",
        ),
    ] {
        let (outcome, new) = reanchor(before, after);
        let range = outcome.range().expect("found");
        let chars: Vec<char> = new.text().chars().collect();
        let word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
        let cut_start = range.start > 0 && word(range.start - 1) && word(range.start);
        let cut_end = word(range.end - 1) && word(range.end);
        assert!(!cut_start && !cut_end, "cut a word: {:?}", new.slice(range));
    }
}

#[test]
fn a_word_that_grew_is_not_anchored_in_place_unless_the_passage_cut_it() {
    let before = "Vorne steht etwas.\n\nSeit Tagen spricht man von einer [Lage] im Land.";
    let after = "Vorne steht etwas.\n\nSeit Tagen spricht man von einer Lagerhalle im Land.";
    let (outcome, _) = reanchor(before, after);
    assert!(
        !matches!(outcome, Outcome::Anchored(_)),
        "'Lage' anchored inside 'Lagerhalle': {outcome:?}"
    );

    // A passage that itself began inside a word stays where it was.
    let (text, range) = marked("Vorne steht etwas.\n\nDie Lage[entwicklung] im Land.");
    let old = doc(&text);
    let target = Target::from_range(&old, range);
    assert_eq!(
        Reanchorer::new(&old).anchor(&target),
        Outcome::Anchored(range)
    );

    // Another tool's passage without stored context, in the same text: in
    // place, wherever it begins.
    let mut bare = target.clone();
    bare.quote.prefix.clear();
    bare.quote.suffix.clear();
    assert_eq!(
        Reanchorer::new(&old).anchor(&bare),
        Outcome::Anchored(range)
    );
}
