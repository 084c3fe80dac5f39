//! Sub-heading detection in plain text, scored on real articles.
//!
//! For each saved page in `../shared/testdata/html` (150 German news pages,
//! for evaluation only: nothing of them goes into this repository), the h2–h4
//! headings and the paragraphs inside its article container (`<article>`,
//! `<main>`, …) are written out as plain text under its h1 (blank lines between blocks, no
//! `#` marks), and the plain-text parser has to find the headings again.
//! Prints precision, recall and F1 over all pages, and with `-v` the misses.
//!
//! `cargo run --no-default-features --release --example heading_eval [-- -v]`
//! Skips (exit 0) when `../shared` is not beside the project.
#![allow(clippy::print_stdout)]

use std::path::Path;

use randnotiz::document::{Document, TextFormat, classify};
use scraper::{Html, Selector};

/// One page as plain text, and the headings it holds.
struct Case {
    text: String,
    headings: Vec<String>,
}

/// The article's h2–h4 headings and paragraphs, in document order, or `None`
/// when the page has no article container with prose in it.
fn case(html: &str) -> Option<Case> {
    let page = Html::parse_document(html);
    let blocks = Selector::parse("h2, h3, h4, p").ok()?;
    let paragraphs = Selector::parse("p").ok()?;
    let container = ["article", "main", "[itemprop=articleBody]", "[role=main]"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|s| page.select(&s).find(|c| c.select(&paragraphs).count() >= 3))?;
    let title = Selector::parse("h1")
        .ok()
        .and_then(|h1| page.select(&h1).next())
        .map(|h| flat(&h.text().collect::<String>()));
    // Sub-headings with prose under them, and the prose: teaser lists
    // (heading after heading), captions and link lines are not the article.
    let mut items: Vec<(bool, String)> = Vec::new();
    for element in container.select(&blocks) {
        let text = flat(&element.text().collect::<String>());
        let heading = element.value().name() != "p";
        let prose = text.chars().count() >= 40 && ends_a_sentence(&text);
        if heading && !text.is_empty() || prose {
            items.push((heading, text));
        }
    }
    let mut lines: Vec<String> = title.into_iter().filter(|t| !t.is_empty()).collect();
    let mut headings = Vec::new();
    for (i, (heading, text)) in items.iter().enumerate() {
        let before_prose = items.get(i + 1).is_some_and(|(h, _)| !h);
        if *heading && !before_prose {
            continue;
        }
        if *heading {
            headings.push(text.clone());
        }
        lines.push(text.clone());
    }
    Some(Case {
        text: lines.join("\n\n"),
        headings,
    })
}

/// True when the text ends a sentence (quotes after the mark allowed).
fn ends_a_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '“', '”', '«', '»', ')', '\'', '’'])
        .ends_with(['.', '!', '?', ':', '…'])
}

/// White space folded to single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("heading_eval: {} is not here; skipped", dir.display());
        return;
    };
    let mut pages: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let (mut gold, mut found, mut hits, mut evaluated) = (0usize, 0usize, 0usize, 0usize);
    for page in &pages {
        let Ok(bytes) = std::fs::read(page) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let Some(case) = case(&html) else {
            continue;
        };
        evaluated += 1;
        let doc = Document::parse(&case.text, TextFormat::Plain);
        let predicted: Vec<&str> = doc
            .sections()
            .iter()
            .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
            .collect();
        let mut left: Vec<&str> = case.headings.iter().map(String::as_str).collect();
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        for p in &predicted {
            if let Some(i) = left.iter().position(|g| g == p) {
                left.remove(i);
                hits += 1;
            } else if verbose {
                println!("{name}: false  {p:?}");
            }
        }
        if verbose {
            for g in &left {
                let shape = if classify::looks_like_heading(g, 1) {
                    "context"
                } else {
                    "shape"
                };
                println!("{name}: missed ({shape}) {g:?}");
            }
        }
        gold += case.headings.len();
        found += predicted.len();
    }
    #[allow(clippy::cast_precision_loss)]
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let precision = ratio(hits, found);
    let recall = ratio(hits, gold);
    let f1 = 2.0 * precision * recall / (precision + recall);
    println!(
        "headings on {evaluated} of {} pages: {gold} in the articles, {found} found, \
         {hits} right: precision {precision:.3}, recall {recall:.3}, F1 {f1:.3}",
        pages.len()
    );
}
