//! `randnotiz mentions FILE [--actors ACTORS.ron] [--json]`: where actors are named.

use std::path::Path;
use std::process::ExitCode;

use randnotiz::actors::{self, Actor, MentionIndex};
use randnotiz::fsio::read_limited;
use randnotiz::i18n::{fill, tr};
use serde::Serialize;

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: &'a str,
    count: usize,
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Actor lists are small; a megabyte is plenty.
const MAX_ACTOR_LIST_BYTES: u64 = 4 * 1024 * 1024;

fn read_actors(path: &Path) -> Result<Vec<Actor>, String> {
    let bytes = read_limited(path, MAX_ACTOR_LIST_BYTES).map_err(|e| e.to_string())?;
    let what = fill(tr().cli_read_actors, &[("path", &path.display())]);
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{what}: not UTF-8 text"))?;
    actors::parse_actor_list(text).map_err(|e| {
        format!(
            "{what}: line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    })
}

pub fn run(file: &Path, actor_file: Option<&Path>, json: bool) -> Result<ExitCode, String> {
    let mut stdout = super::Out::new();
    let doc = super::load_document(file)?;
    let list = match actor_file {
        Some(path) => read_actors(path)?,
        None => actors::default_actors(),
    };
    let index = MentionIndex::build(&list, doc.text());
    let out: Vec<ActorOut<'_>> = list
        .iter()
        .enumerate()
        .map(|(i, actor)| ActorOut {
            id: actor.id.as_str(),
            name: &actor.name,
            count: index.of(i).len(),
            mentions: index
                .of(i)
                .iter()
                .map(|&range| MentionOut {
                    start: range.start,
                    end: range.end,
                    text: doc.slice(range),
                })
                .collect(),
        })
        .collect();
    if json {
        let text = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
        stdout.line(text)?;
        return Ok(ExitCode::SUCCESS);
    }
    for actor in &out {
        stdout.line(format!("{} ({}): {}", actor.name, actor.id, actor.count))?;
        for m in &actor.mentions {
            stdout.line(format!("    {:>7}..{:<7} {}", m.start, m.end, m.text))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
