//! `randnotiz merge-driver` run by real git: two coders annotate on two
//! branches, `git merge` merges their session files without anyone editing
//! RON by hand, and what cannot be merged is named and kept.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use randnotiz::annotation::{Annotation, Colour, Session};
use randnotiz::document::bundled;
use randnotiz::storage::{parse_session, session_to_ron};

/// A git repository in a temporary folder, with no configuration but its
/// own, and the merge driver set up as the README says.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test"]);
        repo.git(&["config", "user.email", "test@example.org"]);
        repo.git(&["config", "merge.randnotiz.name", "Randnotiz sessions"]);
        let driver = format!(
            "'{}' merge-driver %O %A %B %P",
            env!("CARGO_BIN_EXE_randnotiz")
        );
        repo.git(&["config", "merge.randnotiz.driver", &driver]);
        repo.write(".gitattributes", "*.ron merge=randnotiz\n");
        repo
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs git in the repository, without the system's or the user's
    /// configuration.
    fn run(&self, args: &[&str]) -> Output {
        common::git(self.dir.path(), &self.dir.path().join(".home"), args)
    }

    /// Runs git and expects it to succeed.
    fn git(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "git {args:?}: {}", text(&out));
        text(&out)
    }

    fn write(&self, name: &str, content: &str) {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn write_session(&self, name: &str, session: &Session) {
        self.write(name, &session_to_ron(session).unwrap());
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap()
    }

    fn session(&self, name: &str) -> Session {
        parse_session(&self.read(name)).unwrap().0
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}

/// Standard output and error of a command.
fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A new annotation on the first place the bundled article says `quote`,
/// under the session's next id.
fn annotate(session: &mut Session, quote: &str, note: &str) {
    let doc = bundled::document();
    let mut a = Annotation::draft(
        session.next_annotation_id(),
        &doc,
        common::find(doc.text(), quote),
        Colour::Green,
        None,
    );
    a.note = note.into();
    session.annotations.push(a);
}

/// Each annotation's quote and note.
fn quotes_and_notes(session: &Session) -> Vec<(String, String)> {
    session
        .annotations
        .iter()
        .map(|a| (a.quote().to_owned(), a.note.clone()))
        .collect()
}

/// Asserts that `merged` holds every annotation `side` added to `base` or
/// changed in it, by quote and note.
fn holds_all_of(merged: &Session, side: &Session, base: &Session) {
    let (merged, base) = (quotes_and_notes(merged), quotes_and_notes(base));
    for a in quotes_and_notes(side) {
        assert!(
            base.contains(&a) || merged.contains(&a),
            "{a:?} is missing from the merge"
        );
    }
}

#[test]
fn annotations_from_both_branches_are_merged_by_git() {
    let repo = Repo::new();
    let base = common::example();
    repo.write_session("sessions/kasachstan.ron", &base);
    repo.write_session("sessions/anna.ron", &base);
    repo.write_session("sessions/ben.ron", &base);
    repo.commit("The example session");

    // Anna, on her branch: two annotations in the shared file (the next
    // ids, a12 and a13), one in her own, and a new session file.
    repo.git(&["checkout", "-q", "-b", "anna"]);
    let mut shared = base.clone();
    annotate(&mut shared, "Tokajew", "Anna: der Staatschef");
    annotate(&mut shared, "Friedenstruppen", "Anna: Truppen");
    repo.write_session("sessions/kasachstan.ron", &shared);
    let mut anna_own = base.clone();
    annotate(&mut anna_own, "Almaty", "Anna allein");
    repo.write_session("sessions/anna.ron", &anna_own);
    let mut new = Session::new(base.document.clone(), base.actors.clone());
    annotate(&mut new, "Menschenrechtler", "Annas neue Datei");
    repo.write_session("sessions/neu.ron", &new);
    repo.commit("Anna's annotations");
    let anna_shared = shared;
    let anna_new = new;

    // Ben, on his: two in the shared file under the same ids, a note
    // changed there, one in his own file, and the same new file.
    repo.git(&["checkout", "-q", "main"]);
    repo.git(&["checkout", "-q", "-b", "ben"]);
    let mut shared = base.clone();
    annotate(&mut shared, "Russland", "Ben: Russland");
    annotate(&mut shared, "Festgenommen", "Ben: Haft");
    shared.annotations[2].note = "Ben hat hier etwas ergänzt.".into();
    repo.write_session("sessions/kasachstan.ron", &shared);
    let mut ben_own = base.clone();
    annotate(&mut ben_own, "Luftwaffe", "Ben allein");
    repo.write_session("sessions/ben.ron", &ben_own);
    let mut new = Session::new(base.document.clone(), base.actors.clone());
    annotate(&mut new, "Angehörige", "Bens neue Datei");
    repo.write_session("sessions/neu.ron", &new);
    repo.commit("Ben's annotations");
    let ben_shared = shared;
    let ben_new = new;

    repo.git(&["checkout", "-q", "anna"]);
    let out = repo.run(&["merge", "--no-edit", "ben"]);
    assert!(out.status.success(), "{}", text(&out));
    // Both made an a12: the driver says where Ben's went.
    assert!(
        text(&out).contains("a12 was added on both sides"),
        "{}",
        text(&out)
    );

    let merged = repo.session("sessions/kasachstan.ron");
    holds_all_of(&merged, &anna_shared, &base);
    holds_all_of(&merged, &ben_shared, &base);
    assert_eq!(merged.annotations.len(), base.annotations.len() + 4);
    let ids: std::collections::HashSet<&str> =
        merged.annotations.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), merged.annotations.len(), "ids are unique");
    // Anna's come first, as on her branch; then Ben's, in his order.
    let notes: Vec<&str> = merged.annotations[base.annotations.len()..]
        .iter()
        .map(|a| a.note.as_str())
        .collect();
    assert_eq!(
        notes,
        [
            "Anna: der Staatschef",
            "Anna: Truppen",
            "Ben: Russland",
            "Ben: Haft"
        ]
    );

    // Files only one side changed: as that side left them.
    assert_eq!(repo.session("sessions/anna.ron"), anna_own);
    assert_eq!(repo.session("sessions/ben.ron"), ben_own);
    // Added on both branches: merged without an ancestor.
    let merged_new = repo.session("sessions/neu.ron");
    let empty = Session::new(base.document.clone(), Vec::new());
    holds_all_of(&merged_new, &anna_new, &empty);
    holds_all_of(&merged_new, &ben_new, &empty);
    assert_eq!(merged_new.annotations.len(), 2);

    // Nothing left behind in the work tree: no backup, no temporary file.
    assert_eq!(repo.git(&["status", "--porcelain"]), "");
}

#[test]
fn one_note_changed_on_both_branches_is_a_conflict_that_keeps_both() {
    let repo = Repo::new();
    let base = common::example();
    repo.write_session("kasachstan.ron", &base);
    repo.commit("The example session");
    let quote = base.annotations[0].quote().to_owned();

    repo.git(&["checkout", "-q", "-b", "ben"]);
    let mut ben = base.clone();
    ben.annotations[0].note = "Bens Lesart".into();
    repo.write_session("kasachstan.ron", &ben);
    repo.commit("Ben's note");

    repo.git(&["checkout", "-q", "main"]);
    let mut anna = base.clone();
    anna.annotations[0].note = "Annas Lesart".into();
    repo.write_session("kasachstan.ron", &anna);
    repo.commit("Anna's note");

    let out = repo.run(&["merge", "--no-edit", "ben"]);
    assert!(!out.status.success(), "{}", text(&out));
    let said = text(&out);
    assert!(said.contains("CONFLICT"), "{said}");
    let first_words: String = quote.chars().take(20).collect();
    assert!(
        said.contains("a1 “") && said.contains(&first_words),
        "the conflict is named by id and quote: {said}"
    );

    // The file still opens, with both readings of the passage.
    let text = repo.read("kasachstan.ron");
    assert!(!text.contains("<<<<<<<"), "{text}");
    let merged = parse_session(&text).unwrap().0;
    let readings: Vec<(&str, &str, &str)> = merged
        .annotations
        .iter()
        .filter(|a| a.quote() == quote)
        .map(|a| (a.id.as_str(), a.note.as_str(), a.quote()))
        .collect();
    assert_eq!(
        readings,
        [
            ("a1", "Annas Lesart", quote.as_str()),
            ("a12", "Bens Lesart", quote.as_str())
        ]
    );
    assert!(said.contains("the other side's a12"), "{said}");
    assert_eq!(merged.annotations.len(), base.annotations.len() + 1);

    // Settled in the window or not, `git add` ends the merge.
    repo.git(&["add", "kasachstan.ron"]);
    repo.git(&["commit", "-q", "--no-edit"]);
}

#[test]
fn a_ron_file_that_is_no_session_is_left_to_git() {
    let repo = Repo::new();
    let actors = std::fs::read_to_string(common::asset("actors.ron")).unwrap();
    repo.write("actors.ron", &actors);
    repo.commit("An actor list");

    repo.git(&["checkout", "-q", "-b", "ben"]);
    repo.write("actors.ron", &actors.replacen("\"OVKS\"", "\"CSTO\"", 1));
    repo.commit("Ben renames");
    repo.git(&["checkout", "-q", "main"]);
    let ours = actors.replacen("note: \"\"", "note: \"Anna\"", 1);
    repo.write("actors.ron", &ours);
    repo.commit("Anna notes");

    let out = repo.run(&["merge", "--no-edit", "ben"]);
    assert!(!out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("actors.ron was not merged"),
        "{}",
        text(&out)
    );
    // This side's file as it was: no markers, nothing of the other side.
    assert_eq!(repo.read("actors.ron"), ours);
}

/// The driver run directly, as git would, on files in `dir`.
fn driver(dir: &Path, base: &str, ours: &str, theirs: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(["merge-driver", base, ours, theirs, "sitzung.ron"])
        .current_dir(dir)
        .env("RANDNOTIZ_LANG", "en")
        .output()
        .unwrap()
}

#[test]
fn sessions_on_different_texts_or_from_a_newer_version_are_not_merged() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::example();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    let ours = session_to_ron(&base).unwrap();
    write("base", &ours);
    write("ours", &ours);
    let mut other = base.clone();
    other.document.hash = "blake3:00".into();
    other.document.title = "Ein anderer Text".into();
    write("other", &session_to_ron(&other).unwrap());
    write("newer", &ours.replacen("format: 1", "format: 99", 1));

    let out = driver(dir.path(), "base", "ours", "other");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("different texts"), "{}", text(&out));
    assert!(text(&out).contains("Ein anderer Text"), "{}", text(&out));

    let out = driver(dir.path(), "base", "ours", "newer");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("format 99"), "{}", text(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ours")).unwrap(),
        ours
    );

    // A missing ancestor is an empty one.
    let out = driver(dir.path(), "missing", "ours", "ours");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}
