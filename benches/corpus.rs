//! Corpus search: the index of 1,000+ articles built, then searched for a
//! common word, a phrase, a regular expression and a rare word; KWIC lines
//! for a page of hits; an actor's mentions across the corpus.
//! Targets: a word over 1,000 articles under 50 ms, a regex under 200 ms.
//!
//! The articles are the 150 German web pages of `../shared/testdata/html`
//! opened as Randnotiz opens them, and the two long texts of
//! `../shared/testdata/long` cut into article-sized parts, each repeated
//! with its paragraphs rotated until there are 1,000. Without `../shared`
//! the same two long texts of `tests/data/long` are cut up the same way.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "data.rs"]
mod data;

use criterion::{Criterion, criterion_group, criterion_main};
use randnotiz::actors::{Actor, ActorId, ActorKind, MentionFinder};
use randnotiz::analysis::corpus_search::{CorpusIndex, Query};

fn corpus_search(c: &mut Criterion) {
    let texts = data::corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    eprintln!(
        "corpus: {} documents, {:.1} MB, {:.1} M chars",
        texts.len(),
        bytes as f64 / 1e6,
        chars as f64 / 1e6
    );
    let index = CorpusIndex::build(texts.iter().map(String::as_str));
    let queries = [
        ("word \"Regierung\"", "Regierung", false),
        ("very common word \"und\"", "und", false),
        (
            "phrase \"der Bundesregierung\"",
            "der Bundesregierung",
            false,
        ),
        ("regex \\bMinister\\w*", r"\bMinister\w*", true),
        ("regex \\d{4}", r"\d{4}", true),
        ("rare word \"Quantensprung\"", "Quantensprung", false),
    ];
    for (name, query, regex) in queries {
        let result = index.search(&Query::parse(query, regex).unwrap(), 1_000);
        eprintln!(
            "{name}: {} hits in {} documents",
            result.total,
            result.per_doc.len()
        );
    }

    let mut group = c.benchmark_group("corpus");
    group.sample_size(10);
    group.bench_function(
        format!("build the index of {} articles", texts.len()),
        |b| {
            b.iter(|| CorpusIndex::build(texts.iter().map(String::as_str)).len());
        },
    );
    for (name, query, regex) in queries {
        let query = Query::parse(query, regex).unwrap();
        group.bench_function(format!("search: {name}, first 1,000 hits"), |b| {
            b.iter(|| index.search(&query, 1_000).total);
        });
    }
    let query = Query::parse(r"\bMinister\w*", true).unwrap();
    group.bench_function("parse the regex \\bMinister\\w*", |b| {
        b.iter(|| Query::parse(r"\bMinister\w*", true).unwrap().is_regex());
    });
    let hits = index.search(&query, 100).hits;
    group.bench_function("KWIC lines of 100 hits, 60 chars each side", |b| {
        b.iter(|| {
            hits.iter()
                .filter_map(|&hit| index.context(hit, 60))
                .map(|k| k.left.len() + k.right.len())
                .sum::<usize>()
        });
    });
    let mut actors = data::actors();
    let mut merkel = Actor::new(ActorId("merkel".into()), "Merkel", ActorKind::Person);
    merkel.aliases = vec!["Bundeskanzlerin".into(), "Angela Merkel".into()];
    actors.push(merkel);
    let finder = MentionFinder::new(&actors);
    let merkel = actors.len() - 1;
    let result = index.mentions(&finder, merkel, 1_000);
    eprintln!(
        "mentions of Merkel: {} in {} documents",
        result.total,
        result.per_doc.len()
    );
    group.bench_function(
        format!(
            "mentions of one actor of {} across the corpus",
            actors.len()
        ),
        |b| {
            b.iter(|| index.mentions(&finder, merkel, 1_000).total);
        },
    );
    group.finish();
}

criterion_group!(benches, corpus_search);
criterion_main!(benches);
