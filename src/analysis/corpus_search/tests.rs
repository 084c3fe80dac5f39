//! The corpus search as a user meets it: hits as char offsets of the
//! documents, counts past the limit, KWIC lines, and actors' mentions.

use proptest::prelude::*;

use super::*;
use crate::actors::{Actor, ActorId, ActorKind};

/// The text each hit of `result` covers.
fn covered(index: &CorpusIndex, result: &SearchResult) -> Vec<(usize, String)> {
    result
        .hits
        .iter()
        .map(|hit| {
            let text = index.text(hit.doc).unwrap();
            let slice: String = text
                .chars()
                .skip(hit.range.start)
                .take(hit.range.len())
                .collect();
            (hit.doc, slice)
        })
        .collect()
}

fn search(index: &CorpusIndex, query: &str, regex: bool) -> SearchResult {
    index.search(&Query::parse(query, regex).unwrap(), usize::MAX)
}

#[test]
fn offsets_are_chars_of_the_text_past_umlauts_emoji_and_marks() {
    let index = CorpusIndex::build([
        "Straße 👍🏽 in Düsseldorf: die ÖFEN, e\u{301}ine Öfen-Frage",
        // "İ" folds to a shorter "i", "ẞ" to a shorter "ß": the folded copy
        // has other byte offsets than the text, the same char offsets.
        "İİİ ẞẞ öfen",
    ]);
    let result = search(&index, "öfen", false);
    assert_eq!(
        result.hits,
        [
            Hit {
                doc: 0,
                range: CharRange::new(29, 33)
            },
            Hit {
                doc: 0,
                range: CharRange::new(41, 45)
            },
            Hit {
                doc: 1,
                range: CharRange::new(7, 11)
            },
        ]
    );
    assert_eq!(
        covered(&index, &result),
        [(0, "ÖFEN".into()), (0, "Öfen".into()), (1, "öfen".into())]
    );
    // A regular expression runs on the text itself: its offsets too.
    let result = search(&index, r"ö\w+", true);
    assert_eq!(
        covered(&index, &result),
        [(0, "ÖFEN".into()), (0, "Öfen".into()), (1, "öfen".into())]
    );
    assert_eq!(result.hits[2].range, CharRange::new(7, 11));
    assert_eq!(
        covered(&index, &search(&index, "e\u{301}ine", false)),
        [(0, "e\u{301}ine".into())]
    );
    assert_eq!(
        covered(&index, &search(&index, "ß", false)),
        [(0, "ß".into()), (1, "ẞ".into()), (1, "ẞ".into())]
    );
}

#[test]
fn a_phrase_spans_line_breaks_and_runs_of_spaces() {
    let index = CorpusIndex::build([
        "Die Regierung in\nAstana und die Regierung  in\n\nMoskau",
        "Regierungin Astana",
    ]);
    let result = search(&index, "regierung in", false);
    assert_eq!(
        covered(&index, &result),
        [(0, "Regierung in".into()), (0, "Regierung  in".into())]
    );
    let result = search(&index, "in astana", false);
    assert_eq!(
        covered(&index, &result),
        [(0, "in\nAstana".into()), (1, "in Astana".into())]
    );
}

#[test]
fn the_limit_caps_the_hits_not_the_counts() {
    let index = CorpusIndex::build([
        "Minister, Ministerin, Ministerium",
        "kein Treffer",
        "MINISTER",
        "",
    ]);
    let query = Query::parse("minister", false).unwrap();
    let result = index.search(&query, 2);
    assert_eq!(result.hits.len(), 2);
    assert!(result.hits.iter().all(|h| h.doc == 0));
    assert_eq!(result.total, 4);
    assert!(result.is_capped());
    assert_eq!(
        result.per_doc,
        [DocHits { doc: 0, hits: 3 }, DocHits { doc: 2, hits: 1 }]
    );
    let all = index.search(&query, 10);
    assert_eq!(all.hits.len(), 4);
    assert!(!all.is_capped());
    assert_eq!(index.search(&query, 0).total, 4);
    let regex = Query::parse(r"\bminister\b", true).unwrap();
    assert_eq!(index.search(&regex, 1).total, 2);
}

#[test]
fn documents_added_and_replaced_keep_their_numbers() {
    let mut index = CorpusIndex::build(["Astana"]);
    assert_eq!(index.push("Almaty und Astana"), 1);
    assert!(index.replace(0, "Almaty"));
    assert!(!index.replace(5, "Almaty"));
    let result = search(&index, "almaty", false);
    assert_eq!(
        result.per_doc,
        [DocHits { doc: 0, hits: 1 }, DocHits { doc: 1, hits: 1 }]
    );
    assert_eq!(index.len(), 2);
}

#[test]
fn whole_words_and_word_starts() {
    let index = CorpusIndex::build(["Tokajews Tokajew-Regierung Tokajew. Fortokajew"]);
    let count = |bounds| {
        let query = Query::parse("Tokajew", false).unwrap().with_bounds(bounds);
        index.search(&query, 10).total
    };
    assert_eq!(count(WordBounds::Anywhere), 4);
    assert_eq!(count(WordBounds::Start), 3);
    assert_eq!(count(WordBounds::Whole), 2);
}

#[test]
fn context_collapses_newlines_and_stays_in_its_document() {
    let index = CorpusIndex::build([
        "Erster Text.",
        "Am Montag\n\nsagte der Minister in Astana,\ndass die Truppen abziehen.",
    ]);
    let result = search(&index, "minister", false);
    // 19 chars on either side end inside "Am" and "die": those stumps go.
    let kwic = index.context(result.hits[0], 19).unwrap();
    assert_eq!(kwic.left, "Montag sagte der ");
    assert_eq!(kwic.hit, "Minister");
    assert_eq!(kwic.right, " in Astana, dass");
    let far = Hit {
        doc: 7,
        range: CharRange::new(0, 1),
    };
    assert_eq!(index.context(far, 20), None);
}

#[test]
fn an_actors_mentions_across_the_corpus() {
    let mut tokajew = Actor::new(ActorId("t".into()), "Tokajew", ActorKind::Person);
    tokajew.aliases = vec!["Staatschef".into()];
    let mut ovks = Actor::new(ActorId("o".into()), "OVKS", ActorKind::Other);
    ovks.aliases = vec!["Staatschef Tokajews Bündnis".into()];
    let actors = [tokajew, ovks];
    let finder = MentionFinder::new(&actors);
    let index = CorpusIndex::build([
        "Tokajews Rede. Der Staatschef sprach.",
        "Die OVKS-Truppen. Tokajewa ist eine andere.",
        "Staatschef Tokajews Bündnis und Tokajew-Regierung",
    ]);
    let result = index.mentions(&finder, 0, 10);
    assert_eq!(
        covered(&index, &result),
        [
            (0, "Tokajews".into()),
            (0, "Staatschef".into()),
            // The longer alias of the OVKS takes "Staatschef Tokajews" in doc 2.
            (2, "Tokajew-Regierung".into()),
        ]
    );
    assert_eq!(
        result.per_doc,
        [DocHits { doc: 0, hits: 2 }, DocHits { doc: 2, hits: 1 }]
    );
    assert_eq!(index.mentions(&finder, 1, 0).total, 2);
}

/// Texts of German letters, the ones that fold oddly, emoji, combining marks
/// and whitespace of several kinds.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("ä"),
            Just("Ä"),
            Just("ß"),
            Just("ẞ"),
            Just("İ"),
            Just("i"),
            Just("e\u{301}"),
            Just("👍🏽"),
            Just(" "),
            Just("\n"),
            Just("\u{a0}"),
            Just("-"),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// Half the time a piece of `text` (`at` and `len` in chars, cut to fit),
/// so that most queries are found; else `other`.
fn query_from(text: &str, other: Option<String>, at: usize, len: usize) -> String {
    other.unwrap_or_else(|| {
        text.chars()
            .skip(at % (text.chars().count() + 1))
            .take(len)
            .collect()
    })
}

proptest! {
    #[test]
    fn every_hit_folds_to_the_query(
        texts in proptest::collection::vec(text(), 1..4),
        other in proptest::option::of(text()),
        at in 0..80usize,
        len in 1..12usize,
    ) {
        let query = query_from(&texts[0], other, at, len);
        let index = CorpusIndex::build(texts.iter().map(String::as_str));
        let Ok(parsed) = Query::parse(&query, false) else {
            prop_assert!(query.trim().is_empty());
            return Ok(());
        };
        let words: Vec<String> = query.split_whitespace().map(fold).collect();
        let result = index.search(&parsed, usize::MAX);
        for (_, slice) in covered(&index, &result) {
            let found: Vec<String> = slice.split_whitespace().map(fold).collect();
            prop_assert_eq!(&found, &words);
            prop_assert!(!slice.starts_with(char::is_whitespace));
        }
        if let [word] = words.as_slice() {
            // One word: exactly the non-overlapping occurrences in the folded text.
            let expected: usize = texts.iter().map(|t| fold(t).matches(word.as_str()).count()).sum();
            prop_assert_eq!(result.total, expected);
        }
    }
}

proptest! {
    #[test]
    fn whole_word_hits_have_no_letter_beside_them(
        text in text(),
        other in proptest::option::of(text()),
        at in 0..80usize,
        len in 1..12usize,
    ) {
        let query = query_from(&text, other, at, len);
        let index = CorpusIndex::build([text.as_str()]);
        let Ok(parsed) = Query::parse(&query, false) else {
            return Ok(());
        };
        let whole = index.search(&parsed.with_bounds(WordBounds::Whole), usize::MAX);
        let chars: Vec<char> = text.chars().collect();
        let letter = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_some_and(|&c| query::is_word_char(c))
        };
        for hit in &whole.hits {
            let range = hit.range;
            prop_assert!(!(letter(Some(range.start)) && letter(range.start.checked_sub(1))));
            prop_assert!(!(letter(Some(range.end - 1)) && letter(Some(range.end))));
        }
    }
}
