//! Opening: parse, sections and actor mentions of the 5 MB text, and a
//! 2 MB web page extracted to its article.
//! Targets: under 50 ms each.
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
    // The test page with its article grown to 2 MB of paragraphs.
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/artikel.html"),
    )
    .unwrap();
    let (head, tail) = page.split_once("</article>").unwrap();
    let paragraph = "<p>Der neue Weg soll auf einer Länge von 4,2 Kilometern die Altstadt mit dem \
        Gewerbegebiet im Norden verbinden, sagte die Oberbürgermeisterin am Donnerstag.</p>\n";
    let mut big = head.to_owned();
    while big.len() < 2_000_000 {
        big.push_str(paragraph);
    }
    big.push_str("</article>");
    big.push_str(tail);
    let big = big.into_bytes();
    group.bench_function("2 MB web page: decode, extract, parse, mentions", |b| {
        b.iter(|| {
            let doc = Document::from_bytes(&big, TextFormat::Html).unwrap();
            MentionIndex::build(&actors, doc.text()).all().len()
        });
    });
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
