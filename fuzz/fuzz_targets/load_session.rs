//! Any text as a session file: a session or a clear error, never a panic;
//! what loads re-anchors against the bundled article and saves again, with
//! every field it held (unknown ones too) back as it was.
#![no_main]

use libfuzzer_sys::fuzz_target;
use randnotiz::anchor::Reanchorer;
use randnotiz::storage::{parse_session, session_to_ron};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((session, _repairs)) = parse_session(text) else {
        return;
    };
    let doc = randnotiz::document::bundled::document();
    let mut anchorer = Reanchorer::new(&doc);
    for annotation in &session.annotations {
        if let Some(range) = anchorer.anchor(&annotation.target).range() {
            assert!(range.end <= doc.len_chars());
        }
    }
    let again = session_to_ron(&session).expect("a loaded session serialises");
    let (reloaded, _) = parse_session(&again).expect("what was saved loads");
    // Saving writes the oldest format that holds the session, whatever the
    // file declared; everything else comes back as it was.
    assert_eq!(reloaded.format, session.needed_format());
    assert_eq!(
        randnotiz::annotation::Session {
            format: session.format,
            // Fields no record can keep are not written (a save over the
            // file they came from is refused instead).
            unkept: session.unkept.clone(),
            ..reloaded
        },
        session
    );
});
