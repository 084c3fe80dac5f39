//! Nothing lost, for real: the attacks of the "nothing lost" issue, run
//! against the real command line. Every case either keeps what the files
//! held or refuses clearly, with a non-zero exit and nothing changed; none
//! hangs (each run has a deadline).
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the command line with a deadline: a hang is a failure, not a stuck test.
fn randnotiz_in(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .current_dir(dir)
        .env("RANDNOTIZ_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("randnotiz {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_system_file_is_refused_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("artikel.txt");
    let session = dir.path().join("lesung.ron");
    if !mkfifo(&fifo) || !mkfifo(&session) {
        return;
    }
    let environ = "/proc/self/environ";
    for args in [
        vec!["outline", "artikel.txt"],
        vec!["mentions", "artikel.txt"],
        vec!["check", "lesung.ron"],
        vec!["outline", environ],
        vec!["outline", "/dev/zero"],
    ] {
        let out = randnotiz_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("not an ordinary file"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

fn example_text() -> String {
    std::fs::read_to_string(common::asset("example-session.ron")).unwrap()
}

#[test]
fn a_newer_format_is_found_by_the_parser_however_the_file_is_written() {
    let example = example_text();
    let newer = example.replacen("format: 1,", "format: 999,", 1);
    // A comment with a quote before it, the field last, a field of the
    // future that does not parse today.
    let cases = [
        format!("// \"Lesung\" von Anna\n{newer}"),
        example
            .replacen("    format: 1,\n", "", 1)
            .replacen("\n)", "\n    format: 999,\n)", 1),
        newer.replacen(
            "annotations: [",
            "zukunft: Neu(kind: Ding),\n    annotations: [",
            1,
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        let err = randnotiz::storage::parse_session(text).unwrap_err();
        assert!(
            matches!(
                err,
                randnotiz::storage::SessionError::NewerFormat { found: 999, .. }
            ),
            "case {i}: {err}"
        );
    }

    // And `check --write` leaves such a file as it is.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("neu.ron");
    std::fs::write(&path, &cases[0]).unwrap();
    let out = randnotiz_in(dir.path(), &["check", "--write", "neu.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("999"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), cases[0]);
}

#[test]
fn control_characters_in_a_session_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Two annotations with the same id that holds escape sequences (repaired
    // and reported by name), an actor named with a carriage return.
    let hostile = "a1\u{1b}]0;pwned\u{7}\u{1b}[2J";
    let text = example_text()
        .replace("id: \"a2\"", &format!("id: {hostile:?}"))
        .replace("id: \"a3\"", &format!("id: {hostile:?}"))
        .replace("name: \"Tokajew\"", "name: \"Tokajew\\rOVKS\"");
    std::fs::write(dir.path().join("s.ron"), &text).unwrap();
    for args in [
        vec!["check", "s.ron"],
        vec!["export", "s.ron", "--format", "md"],
        vec!["mentions", "--actors", "s.ron", "s.ron"],
    ] {
        let out = randnotiz_in(dir.path(), &args);
        for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07 || b == b'\r'),
                "{args:?} {what}: {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
    let out = randnotiz_in(dir.path(), &["check", "s.ron"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\\u{1b}"),
        "the id is shown, escaped"
    );
}

#[cfg(unix)]
fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt as _;
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// A session of the example in `dir` with notes changed, so `check --write`
/// has something to store (it re-anchors moved passages).
fn session_to_rewrite(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("lesung.ron");
    // Offsets off by one: check --write would store the corrected ones.
    std::fs::write(
        &path,
        example_text().replacen("start: 515, end: 648", "start: 516, end: 649", 1),
    )
    .unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_read_only_session_is_not_replaced_and_an_owner_keeps_their_file() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir().unwrap();
    let path = session_to_rewrite(dir.path());
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = randnotiz_in(dir.path(), &["check", "--write", "lesung.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("lesung.ron.bak").exists());

    // The superuser saving another user's private file: it stays theirs.
    if !is_root() {
        return;
    }
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    let out = randnotiz_in(dir.path(), &["check", "--write", "lesung.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(std::fs::read(&path).unwrap(), before, "rewritten");
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534), "owner kept");
    assert_eq!(meta.mode() & 0o777, 0o600, "mode kept");
}

#[test]
fn a_new_session_never_replaces_an_existing_one_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("lesung.ron");
    std::fs::copy(common::asset("example-session.ron"), &existing).unwrap();
    let before = std::fs::read(&existing).unwrap();
    // One annotation exported from the example, to import.
    let out = randnotiz_in(
        dir.path(),
        &[
            "export",
            "lesung.ron",
            "--format",
            "w3c",
            "-o",
            "w3c.jsonld",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let other = dir.path().join("b.ron");
    std::fs::copy(&existing, &other).unwrap();

    for args in [
        vec!["import", "w3c.jsonld", "-o", "lesung.ron"],
        vec!["merge", "b.ron", "b.ron", "-o", "lesung.ron"],
    ] {
        let out = randnotiz_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("--force"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&existing).unwrap(), before, "{args:?}");
    }
    // Asked for: replaced (the old one kept as .bak).
    let out = randnotiz_in(
        dir.path(),
        &["import", "w3c.jsonld", "-o", "lesung.ron", "--force"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.path().join("lesung.ron.bak")).unwrap(),
        before
    );
    // A merge into a new file says nothing of a backup there is not.
    let out = randnotiz_in(dir.path(), &["merge", "b.ron", "b.ron", "-o", "neu.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("neu.ron") && !said.contains(".bak"), "{said}");
    assert!(!dir.path().join("neu.ron.bak").exists());
    // Adding to the session itself is no replacement.
    let out = randnotiz_in(
        dir.path(),
        &["import", "w3c.jsonld", "--into", "b.ron", "-o", "b.ron"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

fn spawn_in(dir: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .current_dir(dir)
        .env("RANDNOTIZ_LANG", "en")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn annotations_in(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let (session, _) = randnotiz::storage::parse_session(&text).unwrap();
    session.annotations.iter().map(|a| a.note.clone()).collect()
}

#[test]
fn two_writers_at_once_take_turns() {
    let dir = tempfile::tempdir().unwrap();
    // One annotation to import, with a note of its own.
    let example = common::example();
    let mut one = example.clone();
    one.annotations.truncate(1);
    one.annotations[0].note = "aus dem Import".to_owned();
    one.annotations[0].id = randnotiz::annotation::AnnotationId("neu".into());
    std::fs::write(
        dir.path().join("one.ron"),
        randnotiz::storage::session_to_ron(&one).unwrap(),
    )
    .unwrap();
    let out = randnotiz_in(
        dir.path(),
        &["export", "one.ron", "--format", "w3c", "-o", "one.jsonld"],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    // 50 rounds of `check --write` twice at once on a session that needs
    // writing; 20 rounds of `check --write` racing an import into it.
    for round in 0..70 {
        let path = session_to_rewrite(dir.path());
        let racing_import = round >= 50;
        let first = spawn_in(dir.path(), &["check", "--write", "lesung.ron"]);
        let second = if racing_import {
            spawn_in(
                dir.path(),
                &[
                    "import",
                    "one.jsonld",
                    "--into",
                    "lesung.ron",
                    "-o",
                    "lesung.ron",
                ],
            )
        } else {
            spawn_in(dir.path(), &["check", "--write", "lesung.ron"])
        };
        let (a, b) = (
            first.wait_with_output().unwrap(),
            second.wait_with_output().unwrap(),
        );
        for out in [&a, &b] {
            assert!(out.status.success(), "round {round}: {}", stderr(out));
        }
        let notes = annotations_in(&path);
        assert_eq!(
            notes.len(),
            example.annotations.len() + usize::from(racing_import),
            "round {round}"
        );
        if racing_import {
            assert!(
                notes.iter().any(|n| n == "aus dem Import"),
                "round {round}: the import's annotation was lost"
            );
        }
        std::fs::remove_file(&path).unwrap();
        std::fs::remove_file(dir.path().join("lesung.ron.bak")).ok();
    }
}

#[test]
fn fields_this_version_does_not_know_are_written_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = session_to_rewrite(dir.path());
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("    format: 1,\n", "    format: 1,\n    my_notes: \"Do not lose me\",\n", 1)
        .replacen("        chars: 3574,\n", "        chars: 3574,\n        source: Web(url: \"https://example.org\"),\n", 1)
        .replacen("            id: \"a2\",\n", "            id: \"a2\",\n            priority: 5,\n            tags: [\"wichtig\", \"Quelle\"],\n", 1)
        .replacen("            id: \"ovks\",\n", "            id: \"ovks\",\n            rank: (order: 1, since: \"2022\"),\n", 1);
    std::fs::write(&path, &text).unwrap();
    // Saved twice: the fields are in the file and in its backup.
    for _ in 0..2 {
        let out = randnotiz_in(dir.path(), &["check", "--write", "lesung.ron"]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("kept"),
            "the reader is told"
        );
        // Something to write the second time.
        let now = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            now.replacen("start: 515, end: 648", "start: 516, end: 649", 1),
        )
        .unwrap();
    }
    for file in [path.clone(), dir.path().join("lesung.ron.bak")] {
        let saved = std::fs::read_to_string(&file).unwrap();
        for field in [
            "my_notes: \"Do not lose me\"",
            "source: Web(url: \"https://example.org\")",
            "priority: 5",
            "tags: [\"wichtig\", \"Quelle\"]",
            "rank: (order: 1, since: \"2022\")",
        ] {
            assert!(
                saved.contains(field),
                "{field} in {}:\n{saved}",
                file.display()
            );
        }
        let (session, _) = randnotiz::storage::parse_session(&saved).unwrap();
        assert_eq!(
            session.annotations.len(),
            common::example().annotations.len()
        );
    }

    // A field inside a field cannot be kept: the file is not overwritten.
    let nested = std::fs::read_to_string(&path).unwrap().replacen(
        "quote: (prefix:",
        "quote: (lang: \"de\", prefix:",
        1,
    );
    std::fs::write(&path, &nested).unwrap();
    let out = randnotiz_in(dir.path(), &["check", "--write", "lesung.ron"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("lang"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), nested);
}

#[test]
fn a_received_session_cannot_pull_in_another_file() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("empfangen");
    std::fs::create_dir(&inner).unwrap();
    // A secret beside the folder the session was received in.
    std::fs::write(
        dir.path().join("id_ed25519"),
        "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n",
    )
    .unwrap();
    for target in ["../id_ed25519", "/etc/passwd"] {
        let session =
            example_text().replacen("path: None,", &format!("path: Some({target:?}),"), 1);
        std::fs::write(inner.join("s.ron"), session).unwrap();
        for args in [
            vec!["check", "s.ron"],
            vec!["export", "s.ron", "--format", "qdpx", "-o", "p.qdpx"],
            vec!["export", "s.ron", "--format", "md"],
        ] {
            let out = randnotiz_in(&inner, &args);
            assert_eq!(out.status.code(), Some(1), "{target} {args:?}");
            assert!(
                stderr(&out).contains("--text"),
                "{target}: {}",
                stderr(&out)
            );
            assert!(!String::from_utf8_lossy(&out.stdout).contains("secret"));
            assert!(!String::from_utf8_lossy(&out.stdout).contains("root:"));
        }
        assert!(!inner.join("p.qdpx").exists(), "nothing exported");
    }
}

#[test]
fn an_absurdly_long_name_is_cut_for_showing_kept_in_the_file_and_costs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let long = format!("Tokajew{}", "w".repeat(60_000));
    // In a session (and named in its text), and in an actor list.
    std::fs::write(
        dir.path().join("artikel.txt"),
        format!("Titel\n\n{long} sprach. {long}s Rede.\n"),
    )
    .unwrap();
    let session = example_text()
        .replacen("name: \"Tokajew\"", &format!("name: {long:?}"), 1)
        .replacen(
            "aliases: [\"Kassym-Jomart Tokajew\"",
            &format!("aliases: [{long:?}, \"Kassym-Jomart Tokajew\""),
            1,
        );
    std::fs::write(dir.path().join("lang.ron"), &session).unwrap();
    std::fs::write(
        dir.path().join("akteure.ron"),
        format!("[(id: \"t\", name: {long:?}, kind: Person)]"),
    )
    .unwrap();
    let mut said = String::new();
    for args in [
        vec!["mentions", "--actors", "akteure.ron", "artikel.txt"],
        vec!["export", "lang.ron", "--format", "md"],
        vec!["export", "lang.ron", "--format", "actor-stats"],
        vec!["check", "--write", "lang.ron"],
    ] {
        let out = randnotiz_in(dir.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        said = String::from_utf8_lossy(&out.stdout).into_owned();
    }
    assert!(said.contains("60007 characters"), "{said}");
    // The whole name and the long alias are still in the file.
    let saved = std::fs::read_to_string(dir.path().join("lang.ron")).unwrap();
    assert!(saved.contains(&format!("full_name: {long:?}")));
    assert!(saved.contains("long_aliases: ["));
    assert!(saved.matches(&long).count() >= 2);
}

#[test]
fn readers_are_told_apart_and_one_reader_is_no_pair() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("anna"), dir.path().join("ben"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    let (anna, ben) = common::two_readers(dir.path());
    std::fs::copy(&anna, a.join("lesung.ron")).unwrap();
    std::fs::copy(&ben, b.join("lesung.ron")).unwrap();
    let out = randnotiz_in(
        dir.path(),
        &[
            "merge",
            "anna/lesung.ron",
            "ben/lesung.ron",
            "-o",
            "beide.ron",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("beide.ron")).unwrap();
    let (merged, _) = randnotiz::storage::parse_session(&text).unwrap();
    let readers = merged.readers();
    assert_eq!(readers.len(), 2, "{readers:?}");
    assert!(readers.contains(&Some("lesung (anna)")) && readers.contains(&Some("lesung (ben)")));
    // Agreement of two files with the same name: two readers too.
    let out = randnotiz_in(dir.path(), &["agree", "anna/lesung.ron", "ben/lesung.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // One reader twice is no pair.
    let out = randnotiz_in(
        dir.path(),
        &[
            "agree",
            "beide.ron",
            "--readers",
            "lesung (anna),lesung (anna)",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("lesung (anna)"), "{}", stderr(&out));
}

#[test]
fn actors_whose_ids_differ_by_a_control_character_stay_two_nodes() {
    let dir = tempfile::tempdir().unwrap();
    let text = example_text()
        .replacen("id: \"russland\"", "id: \"ovks\\u{1}\"", 1)
        .replace("\"russland\"", "\"ovks\\u{1}\"");
    std::fs::write(dir.path().join("s.ron"), text).unwrap();
    for format in ["graphml", "congruence"] {
        let out = randnotiz_in(
            dir.path(),
            &["export", "s.ron", "--format", format, "-o", "n.graphml"],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let xml = std::fs::read_to_string(dir.path().join("n.graphml")).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        let unique: std::collections::HashSet<&&str> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{format}: {ids:?}");
        assert!(ids.contains(&"ovks") && ids.contains(&"ovks%01"), "{ids:?}");
    }
}

#[test]
fn hypothesis_annotations_arrive_where_they_were_made_with_all_they_hold() {
    use randnotiz::annotation::{DocumentRef, Session};
    use randnotiz::document::{Document, TextFormat};
    let text = "Titel\n\nDie Lage ist ruhig. Das sagt die Regierung.\n\nDie Lage ist ruhig. Das sagt die Opposition.";
    let doc = Document::parse(text, TextFormat::Plain);
    let second = common::find(text, "Das sagt die Opposition.").start
        - "Die Lage ist ruhig. ".chars().count();
    let session = Session::new(DocumentRef::to(&doc, None), Vec::new());
    // Hypothesis's JSON-LD: the position inside the paragraph refines an
    // XPath selector; the document-level one and the quote say the second copy.
    let jsonld = serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "creator": "acct:anna@hypothes.is",
        "body": [
            {"type": "TextualBody", "value": "Wer sagt das?", "format": "text/markdown"},
            {"type": "TextualBody", "purpose": "tagging", "value": "Opposition"}
        ],
        "target": [{"source": "https://example.org", "selector": [
            {"type": "XPathSelector", "value": "/p[2]",
             "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 19}},
            {"type": "TextPositionSelector", "start": second, "end": second + 19},
            {"type": "TextQuoteSelector", "exact": "Die Lage ist ruhig.", "prefix": "die Regierung.\n\n", "suffix": " Das sagt die Opposition."}
        ]}]
    });
    let imported = randnotiz::export::w3c::import(&jsonld.to_string(), &session, &doc).unwrap();
    let a = &imported.annotations[0];
    assert_eq!(a.range().start, second, "the second copy, as made");
    assert_eq!(a.note, "Wer sagt das?");
    assert_eq!(a.reader.as_deref(), Some("anna"));
    assert_eq!(imported.new_actors[0].name, "Opposition");

    // The Hypothesis client's export file: text, tags and user kept.
    let export = serde_json::json!({
        "export_date": "2026-11-30T10:00:00Z",
        "annotations": [{
            "id": "h1", "text": "Eine Notiz", "tags": ["Regierung"], "user": "acct:ben@hypothes.is",
            "target": [{"selector": [
                {"type": "TextQuoteSelector", "exact": "Das sagt die Regierung.", "prefix": "ist ruhig. ", "suffix": "\n\nDie Lage"}
            ]}]
        }]
    });
    let imported = randnotiz::export::w3c::import(&export.to_string(), &session, &doc).unwrap();
    let a = &imported.annotations[0];
    assert_eq!(doc.slice(a.range()), "Das sagt die Regierung.");
    assert_eq!(a.note, "Eine Notiz");
    assert_eq!(a.reader.as_deref(), Some("ben"));
    assert_eq!(imported.new_actors[0].name, "Regierung");

    // A bare position outside the text is named as such.
    let outside = serde_json::json!({"type": "Annotation", "target": {"selector":
        {"type": "TextPositionSelector", "start": 5000, "end": 5010}}});
    let err =
        randnotiz::export::w3c::import(&format!("[{outside}, {jsonld}]"), &session, &doc).unwrap();
    assert!(
        err.skipped.iter().any(|s| s.contains("5000")),
        "{:?}",
        err.skipped
    );
}

#[test]
fn annotation_files_with_a_bom_import_and_latin1_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = randnotiz_in(
        dir.path(),
        &[
            "export",
            common::asset("example-session.ron").to_str().unwrap(),
            "--format",
            "w3c",
            "-o",
            "a.jsonld",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json = std::fs::read(dir.path().join("a.jsonld")).unwrap();
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(&json);
    std::fs::write(dir.path().join("bom.jsonld"), with_bom).unwrap();
    let out = randnotiz_in(dir.path(), &["import", "bom.jsonld", "-o", "b.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Latin-1: "Bündnis" as one byte ü.
    let latin1: Vec<u8> = String::from_utf8(json)
        .unwrap()
        .replace("Bündnis", "B\u{1}ndnis")
        .into_bytes()
        .into_iter()
        .map(|b| if b == 1 { 0xFC } else { b })
        .collect();
    std::fs::write(dir.path().join("latin1.jsonld"), latin1).unwrap();
    let out = randnotiz_in(dir.path(), &["import", "latin1.jsonld", "-o", "c.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
    assert!(!dir.path().join("c.ron").exists());
}
