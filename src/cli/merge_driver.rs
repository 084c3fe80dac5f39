//! `randnotiz merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for
//! session files.
//!
//! A team keeps its sessions in git; two coders annotate the same article
//! on two branches. With `*.ron merge=randnotiz` in `.gitattributes` and
//!
//! ```text
//! git config merge.randnotiz.driver "randnotiz merge-driver %O %A %B %P"
//! ```
//!
//! git calls this verb for every session file both branches changed, with
//! the common ancestor (%O), this side's version (%A) and the other side's
//! (%B) in temporary files, and the path in the repository (%P) for the
//! messages. The three-way merge ([`randnotiz::annotation::reconcile`])
//! goes to %A, which git takes as the result:
//!
//! - exit status 0: merged cleanly (annotations both sides added under one
//!   id are both kept, the other side's renumbered, and said so);
//! - 1: conflicts. %A is still a session that opens, with both versions of
//!   every annotation both sides changed; each conflict is named on
//!   standard error, so the reader can settle it in the window and
//!   `git add` the file. Never conflict markers in RON;
//! - 2: not merged, %A untouched: a file is not a session this version can
//!   read, holds fields it cannot keep, or the two sides are on different
//!   texts. Git then reports its own conflict with this side's version.
//!
//! An empty or missing ancestor (both branches added the file) counts as an
//! empty session on the same text.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::annotation::Session;
use randnotiz::annotation::reconcile;
use randnotiz::fsio;
use randnotiz::i18n::{fill, tr_merge};
use randnotiz::storage;

/// Exit status: merged, with conflicts kept in both versions.
const EXIT_CONFLICTS: u8 = 1;
/// Exit status: not merged, this side's file untouched.
const EXIT_NOT_MERGED: u8 = 2;

/// Merges `theirs` into `ours` against `base` and writes the result to
/// `ours`; `path` names the file in messages (git's %P).
pub fn run(base: &Path, ours: &Path, theirs: &Path, path: Option<&Path>) -> ExitCode {
    let shown = path.unwrap_or(ours);
    match merge(base, ours, theirs, shown) {
        Ok(code) => code,
        Err(why) => {
            let t = tr_merge();
            super::note(format!(
                "randnotiz: {}",
                fill(t.not_merged, &[("path", &shown.display()), ("why", &why)])
            ));
            ExitCode::from(EXIT_NOT_MERGED)
        }
    }
}

/// The merge; an error says why the file was not merged.
fn merge(base: &Path, ours: &Path, theirs: &Path, shown: &Path) -> Result<ExitCode, String> {
    let t = tr_merge();
    if is_project_file(ours) {
        return merge_projects(base, ours, theirs, shown);
    }
    // A project's document file lists no actors or concepts of its own
    // (the project file has them): it is read and written back so.
    let own_lists = std::cell::Cell::new(false);
    let read = |file: &Path, side: &str| {
        storage::read_session_with(file, |s| {
            if !s.actors.is_empty() || !s.concepts.is_empty() {
                own_lists.set(true);
            }
        })
        .map(|(session, repairs, _)| (session, repairs))
        .map_err(|e| {
            fill(
                t.why_unreadable,
                &[("side", &side), ("error", &e.at(shown))],
            )
        })
    };
    let (our_session, mut repairs) = read(ours, t.side_ours)?;
    let (their_session, their_repairs) = read(theirs, t.side_theirs)?;
    let base_session = if no_ancestor(base) {
        Session::new(our_session.document.clone(), Vec::new())
    } else {
        read(base, t.side_base)?.0
    };
    let project_document = !own_lists.get();
    if project_document {
        // The stand-ins listed on reading for the project's actors are not
        // this file's to write, nor worth a notice.
        repairs.clear();
    }
    let their_repairs = if project_document {
        Vec::new()
    } else {
        their_repairs
    };
    if our_session.document.hash != their_session.document.hash {
        return Err(fill(
            t.why_other_text,
            &[
                ("ours", &our_session.document.title),
                ("theirs", &their_session.document.title),
            ],
        ));
    }
    for (session, side) in [(&our_session, t.side_ours), (&their_session, t.side_theirs)] {
        if !session.unkept.is_empty() {
            return Err(fill(
                t.why_unkept,
                &[("side", &side), ("fields", &session.unkept.join(", "))],
            ));
        }
    }

    let (merged, report) = reconcile::merge(
        &reconcile::Base::of(&base_session),
        &our_session,
        &their_session,
    );
    // No backup: %A is git's temporary file, and a `.bak` beside it would
    // be left in the work tree.
    let mut view = merged.view();
    if project_document {
        view.actors = &[];
        view.concepts = &[];
    }
    fsio::write_replacing(
        ours,
        |out| storage::write_session(out, &view),
        storage::looks_like_session,
        fsio::Backup::None,
    )
    .map_err(|e| fill(t.why_not_written, &[("error", &e)]))?;

    let shown = shown.display();
    // What both sides inherited from the ancestor is said once.
    for repair in their_repairs {
        if !repairs.contains(&repair) {
            repairs.push(repair);
        }
    }
    for repair in &repairs {
        super::note(format!("randnotiz: {shown}: {repair}"));
    }
    for r in &report.renumbered {
        super::note(format!(
            "randnotiz: {}",
            fill(
                t.renumbered,
                &[
                    ("path", &shown),
                    ("id", &r.id),
                    ("quote", &reconcile::one_line(&r.quote)),
                    ("copy", &r.copy),
                ],
            )
        ));
    }
    if report.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    super::note(format!(
        "randnotiz: {}",
        fill(
            t.conflicts,
            &[("path", &shown), ("n", &report.conflicts.len())],
        )
    ));
    for conflict in &report.conflicts {
        super::note(format!("  - {}", conflict.describe()));
    }
    Ok(ExitCode::from(EXIT_CONFLICTS))
}

/// True when the file is a project file (`project.ron`), by its content.
fn is_project_file(path: &Path) -> bool {
    fsio::read_limited(path, 4096)
        .is_ok_and(|bytes| storage::looks_like_project(&String::from_utf8_lossy(&bytes)))
}

/// Merges two versions of a project file against their ancestor, record by
/// record (see [`randnotiz::workspace::project::merge_projects`]).
fn merge_projects(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    shown: &Path,
) -> Result<ExitCode, String> {
    let t = tr_merge();
    let read = |file: &Path, side: &str| -> Result<storage::ProjectFile, String> {
        let why = |error: &dyn std::fmt::Display| {
            fill(t.why_unreadable, &[("side", &side), ("error", error)])
        };
        let bytes = fsio::read_limited(file, storage::MAX_PROJECT_BYTES).map_err(|e| why(&e))?;
        let (file, unknown) =
            storage::parse_project(&String::from_utf8_lossy(&bytes), shown).map_err(|e| why(&e))?;
        if !unknown.is_empty() {
            return Err(fill(
                t.why_unkept,
                &[("side", &side), ("fields", &unknown.join(", "))],
            ));
        }
        Ok(file)
    };
    let our_file = read(ours, t.side_ours)?;
    let their_file = read(theirs, t.side_theirs)?;
    let base_file = if no_ancestor(base) {
        storage::ProjectFile::new(our_file.name.clone())
    } else {
        read(base, t.side_base)?
    };
    let merged = randnotiz::workspace::project::merge_projects(&base_file, &our_file, &their_file);
    let text = storage::project_to_ron(&merged.file).map_err(|e| e.to_string())?;
    fsio::write_replacing(
        ours,
        |out| out.write_all(text.as_bytes()),
        storage::looks_like_project,
        fsio::Backup::None,
    )
    .map_err(|e| fill(t.why_not_written, &[("error", &e)]))?;
    if merged.conflicts.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let shown = shown.display();
    super::note(format!(
        "randnotiz: {}",
        fill(
            t.conflicts,
            &[("path", &shown), ("n", &merged.conflicts.len())],
        )
    ));
    for conflict in &merged.conflicts {
        super::note(format!("  - {conflict}"));
    }
    Ok(ExitCode::from(EXIT_CONFLICTS))
}

/// True when the ancestor is missing or empty: git's %O for a file both
/// sides added.
fn no_ancestor(base: &Path) -> bool {
    match std::fs::metadata(base) {
        Ok(meta) => meta.is_file() && meta.len() == 0,
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}
