//! A project of 1,040 real articles with 52,000 annotations carrying
//! statements: opening it (the registry, every document's annotations),
//! telling whether each text is still there, switching documents, reading
//! every text for the corpus search. Memory is printed after opening.
//! Targets: open and list < 1 s, switch < 50 ms, memory < 300 MB.
//!
//! The articles are those of benches/corpus.rs (the 150 web pages and the
//! long texts of `../shared/testdata`, cut and rotated to 1,040), written
//! as Markdown files with a title, an outlet and a date.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "data.rs"]
mod data;
#[path = "common/project_data.rs"]
mod project_data;

use criterion::{Criterion, criterion_group, criterion_main};
use randnotiz::workspace::project::Project;

fn project(c: &mut Criterion) {
    let root = tempfile::tempdir().unwrap();
    let dir = project_data::build(root.path());
    let (project, _) = Project::open(&dir).unwrap();
    let annotations = project.all_annotations().count();
    eprintln!(
        "project: {} documents, {annotations} annotations; peak memory after building: {:?} MB",
        project.documents().len(),
        data::peak_rss_mb()
    );
    let mut group = c.benchmark_group("project");
    group.sample_size(10);
    group.bench_function("open: the registry and every document's annotations", |b| {
        b.iter(|| Project::open(&dir).unwrap().0.documents().len());
    });
    group.bench_function(
        "open and tell each text's state (the document list as the window opens it)",
        |b| {
            b.iter(|| {
                let (project, _) = Project::open(&dir).unwrap();
                project.text_states().len()
            });
        },
    );
    let n = project.documents().len();
    let mut next = 0;
    group.bench_function("switch document: open one with its 50 annotations", |b| {
        b.iter(|| {
            next = (next + 7) % n;
            project
                .open_document(next)
                .unwrap()
                .0
                .session()
                .annotations
                .len()
        });
    });
    group.bench_function(
        "read every text and build the corpus search index (the first Ctrl+Shift+F)",
        |b| {
            b.iter(|| project.search_index().0.len());
        },
    );
    group.finish();
    let (open, _) = Project::open(&dir).unwrap();
    let (index, _) = open.search_index();
    eprintln!(
        "peak memory with the project open and its search index built: {:?} MB ({} texts)",
        data::peak_rss_mb(),
        index.len()
    );
}

criterion_group!(benches, project);
criterion_main!(benches);
