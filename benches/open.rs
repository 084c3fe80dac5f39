//! Opening: parse, sections and actor mentions of the 5 MB text; a 2 MB
//! web page extracted to its article, once as pages come from the web (an
//! article in scripts, styles and navigation) and once as the worst case (2
//! MB of article text); a 50-page two-column PDF laid out.
//! Targets: under 50 ms for the book and the page, under 1 s for the PDF.
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
    group.bench_function(
        "2 MB of article text as a page (worst case): extract, parse, mentions",
        |b| {
            b.iter(|| {
                let doc = Document::from_bytes(&big, TextFormat::Html).unwrap();
                MentionIndex::build(&actors, doc.text()).all().len()
            });
        },
    );
    // The test page as a news site serves it: 1.2 MB of script state, 400 kB
    // of styles, a menu of 2 000 links, around the same article.
    let (head, body) = page.split_once("</head>").unwrap();
    let mut served = head.to_owned();
    served.push_str("<style>");
    while served.len() < 400_000 {
        served.push_str(".teaser__item--wide{display:flex;margin:0 auto;padding:.5rem 1rem}\n");
    }
    served.push_str("</style><script>window.__STATE__={\"items\":[");
    while served.len() < 1_600_000 {
        served.push_str("{\"id\":4711,\"title\":\"Mehr aus der Region\",\"url\":\"/region/x\"},");
    }
    served.push_str("{}]};</script></head>");
    let (body_open, article) = body.split_once("<article").unwrap();
    served.push_str(body_open);
    served.push_str("<nav><ul>");
    for i in 0..2_000 {
        served.push_str(&format!(
            "<li><a href=\"/ressort/{i}\">Ressort {i}</a></li>"
        ));
    }
    served.push_str("</ul></nav><article");
    served.push_str(article);
    while served.len() < 2_000_000 {
        served.push_str("<script>track('view');</script>\n");
    }
    let served = served.into_bytes();
    group.bench_function(
        "2 MB web page as served: decode, extract, parse, mentions",
        |b| {
            b.iter(|| {
                let doc = Document::from_bytes(&served, TextFormat::Html).unwrap();
                MentionIndex::build(&actors, doc.text()).all().len()
            });
        },
    );
    // A PDF of 50 pages, if the sample of ../shared is there: its 36 pages
    // of the LaTeX how-to, and the two-column protocol.
    let shared =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/docs/pdf");
    for name in [
        "l2picfaq_de_running_header_footer.pdf",
        "GENERATED_bt_plenarprotokoll_18-181_auszug_2col.pdf",
    ] {
        if let Ok(pdf) = std::fs::read(shared.join(name)) {
            group.bench_function(format!("PDF {name}: lay out, parse"), |b| {
                b.iter(|| {
                    Document::from_bytes(&pdf, TextFormat::Pdf)
                        .unwrap()
                        .len_chars()
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
