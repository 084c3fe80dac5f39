//! Actor mentions on real texts: the bundled article with its default actors,
//! and the Bundestag transcript with the speakers as actors.
#![allow(clippy::unwrap_used)]

mod common;

use randnotiz::actors::{Actor, ActorId, ActorKind, MentionIndex, default_actors};
use randnotiz::document::Document;

fn words<'d>(doc: &'d Document, index: &MentionIndex, actor: usize) -> Vec<&'d str> {
    index.of(actor).iter().map(|&r| doc.slice(r)).collect()
}

fn position(actors: &[Actor], id: &str) -> usize {
    actors.iter().position(|a| a.id.as_str() == id).unwrap()
}

#[test]
fn default_actors_in_the_bundled_article() {
    let doc = randnotiz::document::bundled::document();
    let actors = default_actors();
    let index = MentionIndex::build(&actors, doc.text());

    let ovks = words(&doc, &index, position(&actors, "ovks"));
    for form in [
        "Militärbündnis",
        "OVKS",
        "Bündnis",
        "Organisation des Vertrags über kollektive Sicherheit",
        "Friedenstruppen",
        "OVKS-Truppen",
    ] {
        assert!(ovks.contains(&form), "{form} missing from {ovks:?}");
    }
    assert_eq!(
        words(&doc, &index, position(&actors, "tokajew")),
        [
            "Kassym-Jomart Tokajew",
            "Tokajew",
            "Tokajews",
            "Tokajew",
            "Staatschef",
            "Tokajew"
        ]
    );
    let russland = words(&doc, &index, position(&actors, "russland"));
    assert!(russland.contains(&"russische Verteidigungsministerium"));
    assert!(russland.contains(&"russischen Luftwaffe"));
    assert_eq!(
        words(&doc, &index, position(&actors, "menschenrechtler")),
        ["Menschenrechtsaktivisten", "Menschenrechtler"]
    );
    let detainees = words(&doc, &index, position(&actors, "festgenommene"));
    assert_eq!(
        detainees,
        [
            "Festgenommen",
            "Festgenommenen",
            "Festgenommenen",
            "Festgenommene"
        ]
    );
    // The heading "Schicksal von Festgenommenen unklar" is a mention too;
    // "festgenommen worden" (the verb) is not, though the text has it.
    assert!(doc.text().contains("festgenommen worden"));
}

#[test]
fn mentions_never_overlap_and_are_in_text_order() {
    let doc = randnotiz::document::bundled::document();
    let index = MentionIndex::build(&default_actors(), doc.text());
    for pair in index.all().windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start, "{pair:?}");
    }
}

#[test]
fn speakers_in_the_bundestag_transcript() {
    let doc = Document::open(&common::data(
        "long/bundestag_plenarprotokoll_18-181_2016-06-28.txt",
    ))
    .unwrap();
    let speaker = |id: &str, name: &str, aliases: &[&str]| {
        let mut a = Actor::new(ActorId(id.into()), name, ActorKind::Person);
        a.aliases = aliases.iter().map(|s| (*s).to_owned()).collect();
        a
    };
    let actors = vec![
        speaker("merkel", "Merkel", &["Angela Merkel", "Bundeskanzlerin"]),
        speaker("lammert", "Lammert", &["Norbert Lammert"]),
        speaker("bartsch", "Bartsch", &["Dietmar Bartsch"]),
        speaker(
            "goering-eckardt",
            "Göring-Eckardt",
            &["Katrin Göring-Eckardt"],
        ),
        speaker("eu", "EU", &["Europäische Union", "Europäischen Union"]),
    ];
    let index = MentionIndex::build(&actors, doc.text());
    let count = |id: &str| index.of(position(&actors, id)).len();
    assert!(count("merkel") >= 20, "Merkel: {}", count("merkel"));
    assert!(count("lammert") >= 3);
    assert!(count("bartsch") >= 3);
    assert!(
        count("goering-eckardt") >= 2,
        "hyphenated names are found whole"
    );
    assert!(count("eu") >= 50);
    // "EU-Kommission", "EU-Ausländer": hyphen compounds count; "EUR" does not.
    let eu = words(&doc, &index, position(&actors, "eu"));
    assert!(eu.iter().any(|w| w.starts_with("EU-")), "{eu:?}");
    assert!(eu.iter().all(|w| !w.starts_with("EUR")));
}

#[test]
fn one_pass_over_a_book_for_all_actors() {
    let effi = std::fs::read_to_string(common::data("long/fontane_effi_briest_1896.txt")).unwrap();
    let book = effi.repeat(9);
    let mut actors = default_actors();
    for (id, name) in [
        ("effi", "Effi"),
        ("innstetten", "Innstetten"),
        ("crampas", "Crampas"),
    ] {
        actors.push(Actor::new(ActorId(id.into()), name, ActorKind::Person));
    }
    let index = MentionIndex::build(&actors, &book);
    let effi_count = index.of(position(&actors, "effi")).len();
    let single = MentionIndex::build(&actors, &effi)
        .of(position(&actors, "effi"))
        .len();
    assert_eq!(effi_count, single * 9);
    assert!(single > 500, "Effi is named often: {single}");
}
