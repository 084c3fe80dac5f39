//! Properties over random texts with multi-byte characters and random
//! selections: parsing, annotating, saving, loading and re-anchoring never
//! panic, and an unchanged text gives every annotation back exactly.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use randnotiz::actors::{Actor, ActorId, ActorKind, mentions};
use randnotiz::anchor::{Outcome, Reanchorer, Target};
use randnotiz::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, DocumentRef, Session, Stance, Statement,
    now,
};
use randnotiz::document::{CharRange, Document, TextFormat};
use randnotiz::storage::{parse_session, session_to_ron};

/// Text made of what German news articles (and their worst cases) hold.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Die ",
        "OVKS ",
        "Tokajew",
        "s ",
        "Ärger ",
        "über ",
        "Straße ",
        "„Zitat“ ",
        "»so« ",
        "ß",
        "ẞ",
        "👍🏽",
        "🇰🇿",
        "e\u{301}",
        "İ",
        "\u{200d}",
        "中文",
        "עברית",
        "\t",
        ". ",
        "? ",
        "\n",
        "\n\n",
        "\r\n",
        "# ",
        "- ",
        "Von ",
        "Stand: ",
        "date 2022-01 ",
        "\u{feff}",
        " ",
    ]);
    prop::collection::vec(pieces, 0..160).prop_map(|v| v.concat())
}

/// Random selections as fractions of the text.
fn selections() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((0.0..1.0f64, 0.0..0.3f64), 0..12)
}

fn ranges(doc: &Document, selections: &[(f64, f64)]) -> Vec<CharRange> {
    let len = doc.len_chars();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    selections
        .iter()
        .map(|&(start, span)| {
            let s = (start * len as f64) as usize;
            let e = (s + ((span * len as f64) as usize).max(1)).min(len);
            CharRange::new(s.min(len), e)
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn session(doc: &Document, ranges: &[CharRange]) -> Session {
    let mut session = Session::new(
        DocumentRef::to(doc, None),
        vec![Actor::new(
            ActorId("ovks".into()),
            "OVKS",
            ActorKind::Organisation,
        )],
    );
    // Every other session holds statements and two readers (format 2).
    let analysed = ranges.len() % 2 == 1;
    if analysed {
        session.concepts.push(Concept::new(
            ConceptId("abzug".into()),
            "Abzug „der“ Truppen",
        ));
    }
    for (i, &range) in ranges.iter().enumerate() {
        session.annotations.push(Annotation {
            id: AnnotationId(format!("a{}", i + 1)),
            reader: (analysed && i % 2 == 1).then(|| format!("Leserin {i} \"B\"")),
            target: Target::from_range(doc, range),
            colour: Colour::ALL[i % 8],
            actors: vec![ActorId("ovks".into())],
            statement: (analysed && i % 3 != 2).then(|| Statement {
                actor: ActorId("ovks".into()),
                concept: ConceptId("abzug".into()),
                stance: Stance::ALL[i % 3],
            }),
            note: format!("Notiz {i}: „{}“\n, mit Komma", doc.slice(range)),
            created: now(),
            modified: now(),
            extra: Default::default(),
        });
    }
    session
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parsing_never_panics_and_ranges_hold(text in text()) {
        let doc = Document::parse(&text, TextFormat::Plain);
        let md = Document::parse(&text, TextFormat::Markdown);
        for doc in [&doc, &md] {
            let len = doc.len_chars();
            let mut last_end = 0;
            for section in doc.sections() {
                prop_assert!(section.range.start <= section.range.end && section.range.end <= len);
                for p in &section.paragraphs {
                    prop_assert!(p.range.start >= last_end, "paragraphs in order");
                    prop_assert!(p.range.end <= len);
                    prop_assert_eq!(&doc.text()[p.bytes.as_std()], doc.slice(p.range));
                    last_end = p.range.end;
                }
            }
        }
    }

    #[test]
    fn any_bytes_give_a_document_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = Document::from_bytes(&bytes, TextFormat::Plain) {
            prop_assert!(doc.len_chars() > 0);
        }
    }

    #[test]
    fn save_load_and_reanchor_an_unchanged_text(text in text(), picks in selections()) {
        let doc = Document::parse(&text, TextFormat::Plain);
        let ranges = ranges(&doc, &picks);
        let session = session(&doc, &ranges);
        let ron = session_to_ron(&session).unwrap();
        let (loaded, repairs) = parse_session(&ron).unwrap();
        prop_assert!(repairs.is_empty());
        prop_assert_eq!(loaded.format, session.needed_format());
        prop_assert_eq!(&Session { format: session.format, ..loaded.clone() }, &session);
        let mut anchorer = Reanchorer::new(&doc);
        for (annotation, range) in loaded.annotations.iter().zip(&ranges) {
            prop_assert_eq!(anchorer.anchor(&annotation.target), Outcome::Anchored(*range));
        }
    }

    #[test]
    fn reanchoring_against_an_edited_text_never_panics(
        text in text(),
        picks in selections(),
        insert in text(),
        at in 0.0..1.0f64,
        delete in 0.0..0.2f64,
    ) {
        let doc = Document::parse(&text, TextFormat::Plain);
        let ranges = ranges(&doc, &picks);
        let session = session(&doc, &ranges);
        let chars: Vec<char> = doc.text().chars().collect();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
        let (cut, gone) = ((at * chars.len() as f64) as usize, (delete * chars.len() as f64) as usize);
        let edited: String = chars[..cut].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[(cut + gone).min(chars.len())..].iter()).collect();
        let new = Document::parse(&edited, TextFormat::Plain);
        let mut anchorer = Reanchorer::new(&new);
        for annotation in &session.annotations {
            match anchorer.anchor(&annotation.target) {
                Outcome::Anchored(range) | Outcome::Moved { range, exact: true, .. } => {
                    prop_assert_eq!(new.slice(range), annotation.quote());
                }
                Outcome::Moved { range, .. } => prop_assert!(range.end <= new.len_chars() && !range.is_empty()),
                Outcome::Orphaned => {}
            }
        }
    }

    #[test]
    fn session_parsing_of_arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _result = parse_session(&format!("Session({text}"));
        let _result = parse_session(&text);
    }

    #[test]
    fn mentions_are_in_bounds_and_ordered(text in text(), name in "[A-Za-zÄÖÜäöüß -]{1,12}") {
        let actor = Actor::new(ActorId("x".into()), name, ActorKind::Other);
        let found = mentions(std::slice::from_ref(&actor), &text);
        let len = text.chars().count();
        let mut last = 0;
        for m in found {
            prop_assert!(m.range.start >= last && m.range.end <= len && !m.range.is_empty());
            last = m.range.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The fast session writer makes exactly what ron's pretty-printer makes.
    #[test]
    fn the_session_writer_matches_ron(text in text(), picks in selections(), title in "\\PC{0,40}", note in "\\PC{0,60}", legend in any::<bool>()) {
        let doc = Document::parse(&text, TextFormat::Plain);
        let mut session = session(&doc, &ranges(&doc, &picks));
        session.document.title = title;
        session.document.path = (!note.is_empty()).then(|| note.clone());
        session.actors.push(Actor::new(ActorId("leer".into()), "", ActorKind::Group));
        session.actors[0].aliases = vec![note.clone(), "\"'\\\t\u{301}".into()];
        session.actors[0].note = note.clone();
        // A tree: the last actor under the first, a concept under another.
        let first = session.actors[0].id.clone();
        if let Some(last) = session.actors.last_mut().filter(|a| a.id != first) {
            last.parent = Some(first);
        }
        let mut broader = randnotiz::annotation::Concept::new(randnotiz::annotation::ConceptId("abzug".into()), "Abzug");
        broader.note.clone_from(&note);
        let mut narrower = randnotiz::annotation::Concept::new(randnotiz::annotation::ConceptId("teil".into()), "Teilabzug");
        narrower.parent = Some(broader.id.clone());
        session.concepts = vec![broader, narrower];
        if let Some(a) = session.annotations.first_mut() {
            a.actors.clear();
        }
        if legend {
            session.legend.insert(Colour::Red, note);
            session.legend.insert(Colour::Yellow, "Wichtig".into());
        }
        prop_assert_eq!(session_to_ron(&session).unwrap(), randnotiz::storage::session_to_ron_by_ron(&session).unwrap());
        let empty = Session::new(DocumentRef::to(&doc, None), Vec::new());
        prop_assert_eq!(session_to_ron(&empty).unwrap(), randnotiz::storage::session_to_ron_by_ron(&empty).unwrap());
    }
}
