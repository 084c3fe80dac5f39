//! A corpus of articles written for the tests: Markdown with front matter
//! (title, outlet, date, author), German sentences about a made-up crisis,
//! each article different. Nothing here is copied from anywhere.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

const OUTLETS: [&str; 5] = [
    "Tagesblatt",
    "Abendpost",
    "Rundfunk Nord",
    "Wochenspiegel",
    "Netzzeitung",
];
const ACTORS: [&str; 6] = [
    "Tokajew",
    "Nasarbajew",
    "die Regierung",
    "die OVKS",
    "Moskau",
    "die Opposition",
];
const VERBS: [&str; 6] = [
    "fordert",
    "kritisiert",
    "begrüßt",
    "bestreitet",
    "verteidigt",
    "kündigt an",
];
const THINGS: [&str; 6] = [
    "den Abzug der Truppen",
    "die Preiserhöhung für Flüssiggas",
    "eine Untersuchung der Proteste",
    "den Ausnahmezustand in Almaty",
    "neue Wahlen im Frühjahr",
    "die Freilassung der Festgenommenen",
];

/// The text of article `n`: its own title, date in January 2022, outlet,
/// and five paragraphs of sentences that vary with `n`.
pub fn article(n: usize) -> String {
    let outlet = OUTLETS[n % OUTLETS.len()];
    let day = 1 + n % 28;
    let mut text = format!(
        "---\ntitle: Lage in Kasachstan, Bericht {n}\noutlet: {outlet}\ndate: 2022-01-{day:02}\nauthor: Redaktion {}\n---\n\n# Lage in Kasachstan, Bericht {n}\n\n",
        OUTLETS[(n + 2) % OUTLETS.len()]
    );
    for p in 0..5 {
        let mut paragraph = String::new();
        for s in 0..4 {
            let k = n * 7 + p * 3 + s;
            paragraph.push_str(&format!(
                "{} {} {}, heißt es am {}. Januar. ",
                capital(ACTORS[k % ACTORS.len()]),
                VERBS[(k / 2) % VERBS.len()],
                THINGS[(k / 3) % THINGS.len()],
                day
            ));
        }
        text.push_str(paragraph.trim_end());
        text.push_str("\n\n");
    }
    text
}

fn capital(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Writes articles `range` as `bericht-N.md` into `dir`; returns their paths.
pub fn write(dir: &Path, range: std::ops::Range<usize>) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    range
        .map(|n| {
            let path = dir.join(format!("bericht-{n:04}.md"));
            std::fs::write(&path, article(n)).unwrap();
            path
        })
        .collect()
}

/// Runs the `randnotiz` binary with `args`, its messages in English.
pub fn randnotiz(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    randnotiz_in("en", args)
}

/// Runs the `randnotiz` binary with `args`, its messages in `lang`.
pub fn randnotiz_in(lang: &str, args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .env("RANDNOTIZ_LANG", lang)
        .output()
        .unwrap()
}

/// What a run printed to standard output.
pub fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a run printed to standard error.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Opens document `doc` of `project`, lets `change` edit it through its
/// workspace as the window does, saves it and takes it back into the
/// project.
pub fn edit_document(
    project: &mut randnotiz::workspace::project::Project,
    doc: usize,
    change: impl FnOnce(&mut randnotiz::workspace::Workspace),
) {
    let (mut workspace, _) = project.open_document(doc).unwrap();
    change(&mut workspace);
    workspace.save(&project.annotations_path(doc)).unwrap();
    project.take_back(doc, &workspace).unwrap();
}

/// Adds `annotation` to the workspace's session, as one edit.
pub fn add(
    workspace: &mut randnotiz::workspace::Workspace,
    annotation: randnotiz::annotation::Annotation,
) {
    workspace
        .apply(randnotiz::annotation::Edit::AddAnnotation {
            annotation,
            index: None,
        })
        .unwrap();
}
