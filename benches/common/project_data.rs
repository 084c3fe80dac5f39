//! The bench project: 1,040 real articles (those of `data::corpus`) as
//! Markdown files with a title, an outlet and a date, in a project with 20
//! actors, 5 concepts and 50 annotations with statements per document.
//! Shared by benches/project.rs and examples/bench_project.rs (which keeps
//! it on disk, to open in the window).
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use randnotiz::actors::{Actor, ActorId, ActorKind};
use randnotiz::anchor::Target;
use randnotiz::annotation::{
    Annotation, AnnotationId, Colour, Concept, ConceptId, Edit, Stance, Statement, now,
};
use randnotiz::document::CharRange;
use randnotiz::workspace::project::{Progress, Project};

use crate::data;

/// Annotations per document.
const PER_DOCUMENT: usize = 50;
const OUTLETS: [&str; 5] = ["tagesschau", "Spiegel", "FAZ", "taz", "RT Deutsch"];

/// Writes the articles and makes the project; returns its folder.
pub fn build(root: &Path) -> PathBuf {
    build_n(root, usize::MAX)
}

/// [`build`] with the first `n` articles only.
pub fn build_n(root: &Path, n: usize) -> PathBuf {
    let mut texts = data::corpus();
    texts.truncate(n);
    let folder = root.join("artikel");
    std::fs::create_dir_all(&folder).unwrap();
    let paths: Vec<PathBuf> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let path = folder.join(format!("artikel-{i:04}.md"));
            // The pages' own front matter gives way to the article's.
            let text = match text
                .strip_prefix("---\n")
                .and_then(|rest| rest.split_once("\n---\n"))
            {
                Some((_, body)) => body,
                None => text.as_str(),
            };
            let front = format!(
                "---\ntitle: Artikel {i}\noutlet: {}\ndate: 2022-01-{:02}\n---\n\n",
                OUTLETS[i % OUTLETS.len()],
                1 + i % 31
            );
            std::fs::write(&path, front + text).unwrap();
            path
        })
        .collect();
    let dir = root.join("projekt");
    let mut project = Project::create(&dir, "Bench").unwrap();
    project.add(&paths, false, &Progress::default()).unwrap();
    let actors: Vec<Actor> = (0..20)
        .map(|i| {
            Actor::new(
                ActorId(format!("a{i}")),
                format!("Akteur {i}"),
                ActorKind::Person,
            )
        })
        .collect();
    for actor in &actors {
        project.add_actor(actor.clone()).unwrap();
    }
    for doc in 0..project.documents().len() {
        let (mut workspace, _) = project.open_document(doc).unwrap();
        if doc == 0 {
            for c in 0..5 {
                workspace
                    .apply(Edit::AddConcept {
                        concept: Concept::new(ConceptId(format!("k{c}")), format!("Konzept {c}")),
                        index: None,
                    })
                    .unwrap();
            }
        }
        let document = workspace.document().clone();
        let chars = document.len_chars();
        let step = (chars / PER_DOCUMENT).max(1);
        let annotations: Vec<Annotation> = (0..PER_DOCUMENT)
            .filter_map(|n| {
                let start = n * step;
                let end = (start + 40).min(chars);
                (start < end).then(|| {
                    let actor = ActorId(format!("a{}", (doc + n) % 20));
                    Annotation {
                        actors: vec![actor.clone()],
                        statement: Some(Statement {
                            actor,
                            concept: ConceptId(format!("k{}", n % 5)),
                            stance: if n % 3 == 0 {
                                Stance::Disagrees
                            } else {
                                Stance::Agrees
                            },
                        }),
                        ..Annotation::on(
                            AnnotationId(format!("a{n}")),
                            Target::from_range(&document, CharRange::new(start, end)),
                            Colour::ALL[n % 8],
                            now(),
                        )
                    }
                })
            })
            .collect();
        workspace.apply(Edit::AddAnnotations(annotations)).unwrap();
        workspace.save(&project.annotations_path(doc)).unwrap();
        project.take_back(doc, &workspace).unwrap();
    }
    dir
}

/// Document 0 of the project in `dir` as a session file of its own beside
/// the project: its text, its annotations, the project's actors and
/// concepts. The same article read alone, to tell what having the corpus
/// open costs a frame from what the article's own coding costs.
pub fn alone(dir: &Path) -> PathBuf {
    let (project, _) = Project::open(dir).unwrap();
    let mut session = project.session_of(0);
    session.document.path = project.text_path(0).map(|p| p.display().to_string());
    let path = dir.parent().unwrap().join("allein.ron");
    std::fs::write(&path, randnotiz::storage::session_to_ron(&session).unwrap()).unwrap();
    path
}
