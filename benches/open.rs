//! Opening: parse, sections and actor mentions of the 5 MB text.
//! Target: under 50 ms.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "data.rs"]
mod data;

use criterion::{Criterion, criterion_group, criterion_main};
use randnotiz::actors::MentionIndex;
use randnotiz::document::{Document, TextFormat};

fn open(c: &mut Criterion) {
    let book = data::book();
    let bytes = book.as_bytes().to_vec();
    let actors = data::actors();
    let mut group = c.benchmark_group("open");
    group.sample_size(30);
    group.bench_function("5 MB book: decode, parse, sections, mentions", |b| {
        b.iter(|| {
            let doc = Document::from_bytes(&bytes, TextFormat::Plain).unwrap();
            let mentions = MentionIndex::build(&actors, doc.text());
            (doc.sections().len(), mentions.all().len())
        });
    });
    let article = randnotiz::document::bundled::ARTICLE.as_bytes();
    group.bench_function("bundled article: decode, parse, sections, mentions", |b| {
        b.iter(|| {
            let doc = Document::from_bytes(article, TextFormat::Plain).unwrap();
            MentionIndex::build(&actors, doc.text()).all().len()
        });
    });
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
