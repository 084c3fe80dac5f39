//! Sessions with 100 000 annotations on the 5 MB text: saving, loading and
//! re-anchoring against the unchanged and a lightly edited text; importing
//! them as W3C Web Annotations, and merging two readers' halves.
//! Targets: save under 0.5 s; load + re-anchor under 1 s (unchanged) and
//! 3 s (edited); import and merge of 100 000 under 2 s; memory while doing
//! it under 300 MB.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "data.rs"]
mod data;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use randnotiz::workspace::Workspace;

const ANNOTATIONS: usize = 100_000;

fn sessions(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let book = data::book();
    let path = data::session_file(dir.path(), &book, ANNOTATIONS);
    let edited = dir.path().join("buch-neu.txt");
    std::fs::write(&edited, data::edited(&book)).unwrap();
    eprintln!(
        "session file: {:.1} MB for {ANNOTATIONS} annotations",
        std::fs::metadata(&path).unwrap().len() as f64 / 1e6
    );

    let mut group = c.benchmark_group("session 100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let (mut ws, report) = Workspace::open_session(&path, None).unwrap();
    assert_eq!(report.anchored, ANNOTATIONS);
    let target = dir.path().join("gespeichert.ron");
    group.bench_function("save (RON, atomic, with backup)", |b| {
        b.iter(|| ws.save(&target).unwrap());
    });
    // Why storage/writer.rs exists: the same bytes as ron's pretty printer,
    // formatted by hand and by ron.
    group.bench_function("format only: storage::writer", |b| {
        b.iter(|| {
            randnotiz::storage::session_to_ron(ws.session())
                .unwrap()
                .len()
        });
    });
    group.bench_function("format only: ron's pretty printer", |b| {
        b.iter(|| {
            randnotiz::storage::session_to_ron_by_ron(ws.session())
                .unwrap()
                .len()
        });
    });
    group.bench_function("load + re-anchor, unchanged text", |b| {
        b.iter(|| {
            let (ws, report) = Workspace::open_session(&path, None).unwrap();
            assert_eq!(report.anchored, ANNOTATIONS);
            ws.session().annotations.len()
        });
    });
    group.bench_function("load + re-anchor, lightly edited text", |b| {
        b.iter(|| {
            let (_, report) = Workspace::open_session(&path, Some(&edited)).unwrap();
            assert_eq!(
                report.anchored + report.moved + report.orphaned,
                ANNOTATIONS
            );
            (report.moved, report.orphaned)
        });
    });
    group.finish();
    let (_, report) = Workspace::open_session(&path, Some(&edited)).unwrap();
    eprintln!("edited text: {}", report.summary());
    if let Some(mb) = data::peak_rss_mb() {
        eprintln!("peak resident memory of the benchmark process: {mb:.0} MB");
    }
}

/// W3C import of 100 000 annotations into an empty session, and the merge
/// of two readers' sessions of 50 000 each, each applied as its one undo
/// step (what the window and the command line do).
fn import_and_merge(c: &mut Criterion) {
    use randnotiz::analysis::merge;
    use randnotiz::annotation::{DocumentRef, Edit, Session};
    let doc =
        randnotiz::document::Document::parse(&data::book(), randnotiz::document::TextFormat::Plain);
    let full = data::session(&doc, ANNOTATIONS);
    let input = randnotiz::export::Input {
        session: &full,
        document: &doc,
        source: None,
    };
    let json = String::from_utf8(
        randnotiz::export::render(&input, randnotiz::export::Format::W3c).unwrap(),
    )
    .unwrap();
    let empty = Session::new(DocumentRef::to(&doc, None), data::actors());
    let mut group = c.benchmark_group("import and merge 100k");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("W3C import, 100k annotations", |b| {
        b.iter(|| {
            let imported = randnotiz::export::w3c::import(&json, &empty, &doc).unwrap();
            let (edit, n) = imported.into_edit();
            let mut session = empty.clone();
            edit.apply(&mut session).unwrap();
            assert_eq!(n, ANNOTATIONS);
            session.annotations.len()
        });
    });
    let mut anna = full.clone();
    anna.annotations.truncate(ANNOTATIONS / 2);
    let mut ben = full.clone();
    ben.annotations.drain(..ANNOTATIONS / 2);
    group.bench_function("merge 50k + 50k", |b| {
        b.iter(|| {
            let mut after = anna.clone();
            merge::name_reader(&mut after, "anna");
            let report = merge::merge_into(&mut after, &ben, "ben").unwrap();
            let edit: Edit = merge::as_edit(&anna, &after);
            let mut session = anna.clone();
            edit.apply(&mut session).unwrap();
            assert_eq!(session.annotations.len(), ANNOTATIONS);
            report.added.len()
        });
    });
    group.finish();
}

criterion_group!(benches, sessions, import_and_merge);
criterion_main!(benches);
