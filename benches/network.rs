//! The statement network of a corpus: 1,000 documents over one year with
//! 50,000 annotations that are statements (120 actors, 40 concepts, the
//! three stances), built in memory. Two-mode, one-mode congruence (once
//! per document; and normalised by DNA's Jaccard), one-mode subtract over 14-day windows sliding by 7, the
//! files written as text, and the weekly timeline.
//! Target: a network of the whole corpus under 200 ms.
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::analysis::corpus::CorpusDoc;
use randnotiz::analysis::corpus_network::{
    Aggregation, Duplicates, Mode, NetworkOptions, Normalization, TimeWindow, networks,
};
use randnotiz::analysis::timeline::{TimelineOptions, timeline};
use randnotiz::anchor::Target;
use randnotiz::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, Stance, Statement,
};
use randnotiz::export::corpus_network::{dynamic_graphml, graphml, matrix_csv};

const DOCUMENTS: usize = 1_000;
const STATEMENTS: usize = 50_000;
const ACTORS: usize = 120;
const CONCEPTS: usize = 40;
const OUTLETS: [&str; 5] = [
    "Tagesblatt",
    "Abendpost",
    "Rundfunk Nord",
    "Wochenspiegel",
    "Netzzeitung",
];

/// The same numbers every run (xorshift).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

struct Corpus {
    actors: Vec<Actor>,
    concepts: Vec<Concept>,
    dates: Vec<String>,
    annotations: Vec<Vec<Annotation>>,
}

fn corpus() -> Corpus {
    let actors: Vec<Actor> = (0..ACTORS)
        .map(|i| {
            Actor::new(
                ActorId(format!("a{i}")),
                format!("Akteur {i}"),
                ActorKind::Organisation,
            )
        })
        .collect();
    let concepts: Vec<Concept> = (0..CONCEPTS)
        .map(|i| Concept::new(ConceptId(format!("c{i}")), format!("Konzept {i}")))
        .collect();
    let start: jiff::civil::Date = "2022-01-01".parse().unwrap();
    let dates = (0..DOCUMENTS)
        .map(|d| {
            start
                .checked_add(jiff::Span::new().days(i64::try_from(d * 365 / DOCUMENTS).unwrap()))
                .unwrap()
                .to_string()
        })
        .collect();
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let mut annotations: Vec<Vec<Annotation>> = vec![Vec::new(); DOCUMENTS];
    for n in 0..STATEMENTS {
        let doc = n % DOCUMENTS;
        // Some actors and concepts are much more frequent, as in the news.
        let actor = dice.roll(ACTORS).min(dice.roll(ACTORS));
        let concept = dice.roll(CONCEPTS).min(dice.roll(CONCEPTS));
        let mut annotation = Annotation::on(
            AnnotationId(format!("n{n}")),
            Target::default(),
            Colour::Yellow,
            jiff::Timestamp::UNIX_EPOCH,
        );
        annotation.actors.push(actors[actor].id.clone());
        annotation.statement = Some(Statement {
            actor: actors[actor].id.clone(),
            concept: concepts[concept].id.clone(),
            stance: Stance::ALL[dice.roll(3)],
        });
        annotations[doc].push(annotation);
    }
    Corpus {
        actors,
        concepts,
        dates,
        annotations,
    }
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let docs: Vec<CorpusDoc<'_>> = (0..DOCUMENTS)
        .map(|d| CorpusDoc {
            date: Some(&corpus.dates[d]),
            outlet: Some(OUTLETS[d % OUTLETS.len()]),
            annotations: &corpus.annotations[d],
            author: None,
            attributes: None,
        })
        .collect();
    let run = |options: &NetworkOptions| {
        networks(&docs, &corpus.actors, &corpus.concepts, options).unwrap()
    };
    let two_mode = NetworkOptions::default();
    let congruence = NetworkOptions {
        mode: Mode::OneMode,
        aggregation: Aggregation::Congruence,
        duplicates: Duplicates::Document,
        ..NetworkOptions::default()
    };
    let windows = NetworkOptions {
        mode: Mode::OneMode,
        aggregation: Aggregation::Subtract,
        window: Some(TimeWindow::stepped(14, 7)),
        ..NetworkOptions::default()
    };
    let jaccard = NetworkOptions {
        mode: Mode::OneMode,
        aggregation: Aggregation::Congruence,
        normalization: Normalization::Jaccard,
        duplicates: Duplicates::Document,
        ..NetworkOptions::default()
    };
    let one = run(&congruence);
    let series = run(&windows);
    let dynamic = dynamic_graphml(&series.networks);
    eprintln!(
        "{DOCUMENTS} documents, {} statements (once per document); one-mode {}×{}; \
         {} windows, their dynamic GraphML {:.1} MB",
        one.networks[0].statements,
        one.networks[0].rows.len(),
        one.networks[0].columns.len(),
        series.networks.len(),
        dynamic.len() as f64 / 1e6,
    );

    let mut group = c.benchmark_group("corpus network, 1,000 documents, 50,000 statements");
    group.sample_size(20);
    group.bench_function("two-mode, ignore", |b| b.iter(|| run(&two_mode)));
    group.bench_function("one-mode, congruence, once per document", |b| {
        b.iter(|| run(&congruence));
    });
    group.bench_function("one-mode, congruence, jaccard, once per document", |b| {
        b.iter(|| run(&jaccard));
    });
    group.bench_function("one-mode, subtract, 14-day windows by 7", |b| {
        b.iter(|| run(&windows));
    });
    group.bench_function("one-mode as CSV matrix", |b| {
        b.iter(|| matrix_csv(&one.networks[0]));
    });
    group.bench_function("one-mode as GraphML", |b| {
        b.iter(|| graphml(&one.networks[0]));
    });
    group.bench_function("windows as one dynamic GraphML", |b| {
        b.iter(|| dynamic_graphml(&series.networks));
    });
    group.bench_function("timeline per week", |b| {
        b.iter(|| timeline(&docs, &corpus.actors, &TimelineOptions::default()));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
