//! Sessions with 100 000 annotations on the 5 MB text: saving, loading and
//! re-anchoring against the unchanged and a lightly edited text.
//! Targets: save under 0.5 s; load + re-anchor under 1 s (unchanged) and
//! 3 s (edited); memory while doing it under 300 MB.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "data.rs"]
mod data;

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use randnotiz::annotation::Workspace;

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

criterion_group!(benches, sessions);
criterion_main!(benches);
