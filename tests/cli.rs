//! The command line, run as a real process: outline, mentions, check, and
//! what it says and returns on bad input.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Command, Output};

fn randnotiz(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(args)
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn article() -> String {
    common::asset("000_350a11ec01cad79f.txt")
        .display()
        .to_string()
}

#[test]
fn outline_json_of_the_bundled_article() {
    let out = randnotiz(&["outline", &article(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["date"], "2022-01");
    assert!(
        json["title"]
            .as_str()
            .unwrap()
            .contains("Militärbündnis beginnt mit Abzug")
    );
    assert_eq!(json["stand"], "13.01.2022 09:59 Uhr");
    let sections = json["sections"].as_array().unwrap();
    let headings: Vec<&serde_json::Value> = sections.iter().map(|s| &s["heading"]).collect();
    assert_eq!(
        headings,
        [
            &serde_json::Value::Null,
            &"Tokajews Besuch in Almaty".into(),
            &"Schicksal von Festgenommenen unklar".into()
        ]
    );
    assert_eq!(sections[0]["lead"], true);
    let paragraphs: usize = sections
        .iter()
        .map(|s| s["paragraphs"].as_array().unwrap().len())
        .sum();
    assert_eq!(paragraphs, 8);

    // The offsets are chars: slicing the text by chars gives the paragraphs.
    let chars: Vec<char> = randnotiz::document::bundled::ARTICLE.chars().collect();
    let first = &sections[0]["paragraphs"][0];
    let (start, end) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    let lead: String = chars[start..end].iter().collect();
    assert!(lead.starts_with("Das von Russland angeführte Militärbündnis"));
    assert!(lead.ends_with("Festgenommen."));
}

#[test]
fn outline_as_text() {
    let out = randnotiz(&["outline", &article()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Tokajews Besuch in Almaty"));
    assert!(text.contains("Stand: 13.01.2022 09:59 Uhr"));
}

#[test]
fn mentions_json_with_the_default_actors() {
    let out = randnotiz(&["mentions", &article(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let tokajew = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "tokajew")
        .unwrap();
    assert_eq!(tokajew["name"], "Tokajew");
    assert_eq!(tokajew["count"], 6);
    let texts: Vec<&str> = tokajew["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"Tokajews"));
    let chars: Vec<char> = randnotiz::document::bundled::ARTICLE.chars().collect();
    for m in tokajew["mentions"].as_array().unwrap() {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            m["text"].as_str().unwrap()
        );
    }
}

#[test]
fn mentions_with_an_actor_file_and_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let actors = dir.path().join("akteure.ron");
    std::fs::write(&actors, r#"[(id: "almaty", name: "Almaty", kind: Other)]"#).unwrap();
    let out = randnotiz(&[
        "mentions",
        &article(),
        "--actors",
        actors.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["count"], 3);

    std::fs::write(&actors, r#"[(id: "almaty", name: Almaty)]"#).unwrap();
    let out = randnotiz(&["mentions", &article(), "--actors", actors.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));
}

#[test]
fn check_reports_counts_and_fails_clearly_on_a_bad_file() {
    let example = common::asset("example-session.ron").display().to_string();
    let out = randnotiz(&["check", &example]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("11 verankert, 0 verschoben, 0 verwaist"),
        "{}",
        stdout(&out)
    );

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("kaputt.ron");
    std::fs::write(&broken, "Session(format: 1, document: (").unwrap();
    let out = randnotiz(&["check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(message.starts_with("randnotiz: "), "{message}");
    assert!(message.contains("Zeile 1"), "{message}");
    assert!(stdout(&out).is_empty());

    let out = randnotiz(&["check", dir.path().join("fehlt.ron").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("gibt es nicht"));
}

#[test]
fn check_against_a_changed_text_and_strict_mode() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("geaendert.txt");
    std::fs::write(
        &text,
        randnotiz::document::bundled::ARTICLE.replacen(
            "Nach offiziellen Zahlen beläuft sich die Zahl der Toten auf 164. ",
            "",
            1,
        ),
    )
    .unwrap();
    let example = common::asset("example-session.ron").display().to_string();
    let out = randnotiz(&["check", &example, "--text", text.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("1 verwaist"), "{}", stdout(&out));
    let out = randnotiz(&[
        "check",
        &example,
        "--text",
        text.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn english_messages_on_request() {
    let out = Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args(["check", "/nonexistent/session.ron"])
        .env("RANDNOTIZ_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("There is no such file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn binary_and_empty_files_give_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("leer.txt", &b""[..]),
        ("bild.png", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = randnotiz(&["outline", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(stderr(&out).contains(name), "{}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args([
            "mentions",
            common::data("long/fontane_effi_briest_1896.txt")
                .to_str()
                .unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, as `| head -1` does
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(status.success(), "{status:?} {stderr}");
}

#[test]
fn search_finds_every_place_as_char_offsets_and_searches_notes() {
    let out = randnotiz(&["search", &article(), "TOKAJEW", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let doc = randnotiz::document::bundled::document();
    let hits = json["hits"].as_array().unwrap();
    // Every "Tokajew" of the text, each a char range that holds it.
    let expected = doc.text().to_lowercase().matches("tokajew").count();
    assert_eq!(hits.len(), expected);
    assert!(expected >= 5);
    for hit in hits {
        let range = randnotiz::document::CharRange::new(
            usize::try_from(hit["start"].as_u64().unwrap()).unwrap(),
            usize::try_from(hit["end"].as_u64().unwrap()).unwrap(),
        );
        assert_eq!(doc.slice(range), "Tokajew");
    }
    // A session's notes are searched too.
    let session = common::asset("example-session.ron").display().to_string();
    let out = randnotiz(&["search", &session, "tokajew", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["hits"].as_array().unwrap().len(), expected);

    // Nothing found: exit status 1, as grep; a blank query is an error.
    let out = randnotiz(&["search", &article(), "Quetzalcoatl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let out = randnotiz(&["search", &article(), "   "]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("leer"), "{}", stderr(&out));
}

#[test]
fn text_prints_what_the_offsets_point_into() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("artikel.txt");
    std::fs::write(
        &path,
        "\u{feff}Ärger in Düsseldorf\r\n\r\nDer Rat tagte 👍🏽 bis spät.\r\nDann ging Tokajew.\r\n",
    )
    .unwrap();
    let file = path.display().to_string();
    let out = randnotiz(&["text", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        !text.contains('\r') && !text.starts_with('\u{feff}'),
        "{text:?}"
    );
    assert!(text.starts_with("Ärger in Düsseldorf\n\nDer Rat tagte 👍🏽 bis spät."));

    // A hit's char offsets slice the printed text to the hit.
    let out = randnotiz(&["search", &file, "tokajew", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hit = &json["hits"][0];
    let (start, end) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[start..end].iter().collect::<String>(), "Tokajew");

    // A session's text is the text it was made on.
    let session = common::asset("example-session.ron").display().to_string();
    let out = randnotiz(&["text", &session]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        randnotiz::document::Document::parse(
            randnotiz::document::bundled::ARTICLE,
            randnotiz::document::TextFormat::Plain
        )
        .text()
    );
}

/// `outline FILE --json`, parsed.
fn outline_json(file: &str) -> serde_json::Value {
    let out = randnotiz(&["outline", file, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// Every paragraph's kind in an outline, in order.
fn kinds(outline: &serde_json::Value) -> Vec<String> {
    outline["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["paragraphs"].as_array().unwrap())
        .map(|p| p["kind"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn outline_json_names_the_format_and_each_paragraphs_kind() {
    let json = outline_json(&article());
    assert_eq!(json["source_format"], "text");
    let kinds_of_article = kinds(&json);
    assert_eq!(kinds_of_article[0], "lead");
    assert!(
        kinds_of_article[1..].iter().all(|k| k == "body"),
        "{kinds_of_article:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liste.md");
    std::fs::write(
        &path,
        "# Ein Titel\n\nDer Vorspann steht hier und ist ein ganzer Satz.\n\n- erster Punkt der Liste\n- zweiter Punkt der Liste\n",
    )
    .unwrap();
    let json = outline_json(&path.display().to_string());
    assert_eq!(json["source_format"], "markdown");
    assert!(kinds(&json).iter().any(|k| k == "list"), "{json}");
}

#[test]
fn outline_of_a_transcript_names_each_turns_speaker_and_counts_only_their_words() {
    let outline = outline_json("tests/data/plain/sitzung.txt");
    let text = stdout(&randnotiz(&["text", "tests/data/plain/sitzung.txt"]));
    let chars: Vec<char> = text.chars().collect();
    let turn = outline["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["speaker"]["name"] == "Anna Beispiel")
        .expect("her turn");
    assert_eq!(turn["speaker"]["party"], "SPD");
    let mut spoken = 0;
    let mut called = 0;
    for p in turn["paragraphs"].as_array().unwrap() {
        let (start, end) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
        let words = chars[start as usize..end as usize]
            .iter()
            .collect::<String>()
            .split_whitespace()
            .count();
        if p["kind"] == "interjection" {
            called += words;
        } else {
            spoken += words;
        }
    }
    assert!(called > 0, "her turn has calls from the floor");
    assert_eq!(turn["words"].as_u64().unwrap() as usize, spoken);
}
