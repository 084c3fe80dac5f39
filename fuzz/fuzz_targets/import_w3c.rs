//! Any text as W3C Web Annotations (JSON-LD, or another tool's export): the
//! annotations or a clear error, never a panic; every annotation that comes
//! in lies inside the text, and what it adds saves and loads again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use randnotiz::annotation::{DocumentRef, Session};
use randnotiz::storage::{parse_session, session_to_ron};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = randnotiz::document::bundled::document();
    let session = Session::new(DocumentRef::to(&doc, None), randnotiz::actors::default_actors());
    let Ok(imported) = randnotiz::export::w3c::import(&text, &session, &doc) else {
        return;
    };
    let mut after = session.clone();
    let (edit, count) = imported.into_edit();
    edit.apply(&mut after).expect("an import applies to the session it was made for");
    assert_eq!(after.annotations.len(), count);
    for annotation in &after.annotations {
        let range = annotation.range();
        assert!(range.start <= range.end);
    }
    let saved = session_to_ron(&after).expect("an imported session serialises");
    parse_session(&saved).expect("what was imported loads again");
});
