//! W3C Web Annotation export, validated against the W3C's own test schemas,
//! and imported back.
//!
//! The schemas (JSON Schema draft-04, `tests/data/w3c`) refer to each other
//! by bare file name; every one is served to the validator by its `id`. An
//! annotation passes an assertion of `annotationMusts.test` when the
//! validator's verdict matches the assertion's `expectedResult`.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashMap;
use std::path::Path;

use jsonschema::{Retrieve, Uri, Validator};
use randnotiz::annotation::Colour;
use randnotiz::export::{Input, w3c};
use randnotiz::workspace::Workspace;
use serde_json::Value;

/// Every schema under a folder, by its `id`.
fn load_schemas(dir: &Path, into: &mut HashMap<String, Value>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            load_schemas(&path, into);
        } else if path.extension().is_some_and(|e| e == "json") {
            let value: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            // By id (how schemas refer to each other) and by file name (how
            // the test lists them); in a few files the two differ.
            let id = value["id"].as_str().unwrap().to_owned();
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            into.insert(file, value.clone());
            into.insert(id, value);
        }
    }
}

/// Serves the local schemas for any URI by its last path segment.
struct Local(HashMap<String, Value>);

impl Retrieve for Local {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .path()
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        self.0
            .get(&name)
            .cloned()
            .ok_or_else(|| format!("no schema {name}").into())
    }
}

/// The MUST assertions: (file, validator, expected to be valid, message).
struct Musts(Vec<(String, Validator, bool, String)>);

impl Musts {
    fn load() -> Self {
        let root = common::data("w3c");
        let mut schemas = HashMap::new();
        load_schemas(&root.join("definitions"), &mut schemas);
        load_schemas(&root.join("annotations"), &mut schemas);
        let test: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("annotations/annotationMusts.test")).unwrap(),
        )
        .unwrap();
        let mut musts = Vec::new();
        for assertion in test["assertions"].as_array().unwrap() {
            let file = assertion.as_str().unwrap();
            let name = file.rsplit('/').next().unwrap();
            let schema = schemas[name].clone();
            let validator = jsonschema::options()
                .with_base_uri(format!("https://w3c-annotation-tests.invalid/{name}"))
                .with_retriever(Local(schemas.clone()))
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            let valid = schema["expectedResult"].as_str() != Some("invalid");
            let message = schema["errorMessage"].as_str().unwrap_or(name).to_owned();
            musts.push((file.to_owned(), validator, valid, message));
        }
        assert!(musts.len() > 40, "all MUST assertions loaded");
        Self(musts)
    }

    /// The assertions `annotation` fails.
    fn failures(&self, annotation: &Value) -> Vec<String> {
        self.0
            .iter()
            .filter(|(_, validator, valid, _)| validator.is_valid(annotation) != *valid)
            .map(|(file, _, _, message)| format!("{file}: {message}"))
            .collect()
    }
}

fn samples(kind: &str) -> Vec<(String, Value)> {
    let dir = common::data("w3c/samples").join(kind);
    let mut out: Vec<(String, Value)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.unwrap().path();
            let value = serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
            Some((path.file_name()?.to_string_lossy().into_owned(), value))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn the_validator_tells_correct_from_incorrect_samples() {
    let musts = Musts::load();
    for name in ["anno26.json", "anno32.json"] {
        let sample = samples("correct")
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1;
        assert_eq!(musts.failures(&sample), Vec::<String>::new(), "{name}");
    }
    let incorrect = samples("incorrect");
    let failing = incorrect
        .iter()
        .filter(|(_, v)| !musts.failures(v).is_empty())
        .count();
    assert!(
        incorrect.len() >= 20,
        "incorrect samples that are JSON at all: {}",
        incorrect.len()
    );
    assert!(
        failing * 10 >= incorrect.len() * 8,
        "most incorrect samples fail an assertion: {failing} of {}",
        incorrect.len()
    );
}

fn example() -> Workspace {
    Workspace::open_session(&common::asset("example-session.ron"), None)
        .unwrap()
        .0
}

fn input(ws: &Workspace) -> Input<'_> {
    Input {
        session: ws.session(),
        document: ws.document(),
        source: ws.document_path(),
    }
}

#[test]
fn every_exported_annotation_meets_every_must() {
    let musts = Musts::load();
    let ws = example();
    let collection = w3c::collection(&input(&ws));
    assert_eq!(collection["type"], "AnnotationCollection");
    let items = collection["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 11);
    assert_eq!(collection["total"], 11);
    for item in items {
        let failures = musts.failures(item);
        assert!(
            failures.is_empty(),
            "{} fails:\n{}",
            item["id"],
            failures.join("\n")
        );
        // Both selectors, with positions in code points that slice the text.
        let selectors = item["target"]["selector"].as_array().unwrap();
        let quote = selectors
            .iter()
            .find(|s| s["type"] == "TextQuoteSelector")
            .unwrap();
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector")
            .unwrap();
        let chars: Vec<char> = ws.document().text().chars().collect();
        let (start, end) = (
            position["start"].as_u64().unwrap() as usize,
            position["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            quote["exact"].as_str().unwrap()
        );
    }
    // The note is a commenting body, actors are tagging and identifying bodies.
    let a2 = items
        .iter()
        .find(|i| i["id"].as_str().unwrap().ends_with(":a2"))
        .unwrap();
    let bodies = a2["body"].as_array().unwrap();
    assert!(bodies.iter().any(|b| {
        b["purpose"] == "commenting"
            && b["value"]
                .as_str()
                .unwrap()
                .contains("\"sozial wichtige Objekte\"")
    }));
    assert!(
        bodies
            .iter()
            .any(|b| b["purpose"] == "tagging" && b["value"] == "OVKS")
    );
    assert!(
        bodies
            .iter()
            .any(|b| b["purpose"] == "identifying" && b["source"] == "urn:randnotiz:actor:ovks")
    );
}

#[test]
fn awkward_notes_still_validate() {
    let musts = Musts::load();
    let mut ws = example();
    let range = common::find(ws.document().text(), "Tokajews Besuch");
    let annotation = ws.new_annotation(
        range,
        Colour::Grey,
        Vec::new(),
        "=1+1, \"Zitat\" <b>fett</b>\n\tTab 👍🏽 e\u{301}".into(),
    );
    ws.apply(randnotiz::annotation::Edit::AddAnnotation {
        annotation,
        index: None,
    })
    .unwrap();
    for item in w3c::collection(&input(&ws))["first"]["items"]
        .as_array()
        .unwrap()
    {
        assert!(musts.failures(item).is_empty(), "{item}");
    }
}

#[test]
fn export_then_import_gives_the_same_annotations() {
    let ws = example();
    let json = w3c::export(&input(&ws));
    let (session, skipped) = w3c::import_session(&json, ws.document(), None).unwrap();
    assert!(skipped.is_empty());
    assert_eq!(session.annotations.len(), 11);
    for (original, back) in ws.session().annotations.iter().zip(&session.annotations) {
        let original_in_order = ws.session().annotation(&back.id).unwrap();
        assert_eq!(back.target, original_in_order.target);
        assert_eq!(back.colour, original_in_order.colour);
        assert_eq!(back.actors, original_in_order.actors);
        assert_eq!(back.note, original_in_order.note);
        assert_eq!(back.created, original_in_order.created);
        let _ = original;
    }
    // Actors come back with their ids and names.
    let tokajew = session
        .actors
        .iter()
        .find(|a| a.id.as_str() == "tokajew")
        .unwrap();
    assert_eq!(tokajew.name, "Tokajew");
}

#[test]
fn annotations_from_other_tools_are_anchored() {
    // Hypothesis-style: bodyValue, a quote selector only, no id scheme of ours.
    let json = r#"[{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/xyz",
        "type": "Annotation",
        "bodyValue": "Staatschef = Tokajew",
        "target": {
            "source": "https://www.tagesschau.de/ausland/asien/kasachstan-ovks-abzug-101.html",
            "selector": {
                "type": "TextQuoteSelector",
                "exact": "so der Staatschef",
                "prefix": "schnell wie möglich wieder aufzubauen\", ",
                "suffix": "."
            }
        }
    }, {"type": "Annotation", "target": "https://example.org/no-selector"}]"#;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hypothesis.json");
    std::fs::write(&file, json).unwrap();
    let session = dir.path().join("importiert.ron");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args([
            "import",
            file.to_str().unwrap(),
            "-o",
            session.to_str().unwrap(),
        ])
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Eintrag 2"),
        "the skipped item is named"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 verankert"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let (ws, _) = Workspace::open_session(&session, None).unwrap();
    let annotation = &ws.session().annotations[0];
    assert_eq!(ws.document().slice(annotation.range()), "so der Staatschef");
    assert_eq!(annotation.note, "Staatschef = Tokajew");
}
