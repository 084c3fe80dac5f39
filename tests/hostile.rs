//! Hostile and broken input, each with a clear message and no panic, on the
//! command line and in the window.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "common/window.rs"]
mod window;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use egui_kittest::Harness;
use randnotiz::ui::App;

/// What opening a file should lead to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// An error message containing this text; nothing opened.
    Error(&'static str),
    /// Opens, with a notice or repair containing this text.
    Opens(&'static str),
}

/// One hostile file: its name, how to make it, what should happen.
struct Case {
    name: &'static str,
    make: fn(&Path) -> PathBuf,
    expect: Expect,
}

fn example() -> String {
    fs::read_to_string(common::asset("example-session.ron")).unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "invalid RON",
            make: |d| {
                write(
                    d,
                    "ungueltig.ron",
                    example().replacen("colour: Blue,", "colour: Blue,,", 1),
                )
            },
            expect: Expect::Error("Zeile"),
        },
        Case {
            name: "truncated",
            make: |d| {
                let text = example();
                let cut = (0..=text.len() * 2 / 3)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap();
                write(d, "abgeschnitten.ron", &text[..cut])
            },
            expect: Expect::Error("Zeile"),
        },
        Case {
            name: "100 MB of junk",
            make: |d| {
                let mut junk = String::from("Session(\n    format: 1,\n    document: ");
                let block = "[Abzug, Truppen, (Bündnis)] ";
                while junk.len() < 100 * 1024 * 1024 {
                    junk.push_str(block);
                }
                write(d, "riesig.ron", junk)
            },
            expect: Expect::Error("Zeile 3"),
        },
        Case {
            name: "larger than any session",
            make: |d| {
                let path = d.join("zu-gross.ron");
                let file = fs::File::create(&path).unwrap();
                file.set_len(randnotiz::storage::MAX_SESSION_BYTES + 1)
                    .unwrap();
                path
            },
            expect: Expect::Error("zu groß"),
        },
        Case {
            name: "deeply nested",
            make: |d| {
                let deep = format!(
                    "extra: {}{},\n    actors:",
                    "(".repeat(50_000),
                    ")".repeat(50_000)
                );
                write(d, "tief.ron", example().replacen("actors:", &deep, 1))
            },
            expect: Expect::Error("verschachtelt"),
        },
        Case {
            name: "wrong types",
            make: |d| {
                write(
                    d,
                    "typen.ron",
                    example().replacen("chars: 3574", "chars: \"viele\"", 1),
                )
            },
            expect: Expect::Error("Zeile"),
        },
        Case {
            name: "negative offsets",
            make: |d| {
                write(
                    d,
                    "negativ.ron",
                    example().replacen("start: 87,", "start: -87,", 1),
                )
            },
            expect: Expect::Error("Zeile"),
        },
        Case {
            name: "offsets out of range",
            make: |d| {
                write(
                    d,
                    "ausserhalb.ron",
                    example()
                        .replacen("start: 87,", "start: 18446744073709551615,", 1)
                        .replacen("end: 207,", "end: 18446744073709551615,", 1),
                )
            },
            // The quote is still in the text: found again, nothing lost.
            expect: Expect::Opens("verschoben"),
        },
        Case {
            name: "offsets past the end and a quote not in the text",
            make: |d| {
                write(
                    d,
                    "ende.ron",
                    example()
                        .replacen("start: 87,", "start: 90000,", 1)
                        .replacen("end: 207,", "end: 90120,", 1)
                        .replacen("exact: \"Das von Russland", "exact: \"Das von Belarus", 1),
                )
            },
            expect: Expect::Opens("verwaist"),
        },
        Case {
            name: "duplicate ids",
            make: |d| {
                write(
                    d,
                    "doppelt.ron",
                    example().replacen("id: \"a3\"", "id: \"a2\"", 1),
                )
            },
            expect: Expect::Opens("doppelt"),
        },
        Case {
            name: "unknown actors",
            make: |d| {
                write(
                    d,
                    "unbekannt.ron",
                    example().replacen(
                        "actors: [\"ovks\", \"russland\"]",
                        "actors: [\"ovks\", \"nato\"]",
                        1,
                    ),
                )
            },
            expect: Expect::Opens("nato"),
        },
        Case {
            name: "newer format",
            make: |d| {
                write(
                    d,
                    "neu.ron",
                    example().replacen("format: 1,", "format: 9,", 1),
                )
            },
            expect: Expect::Error("Format 9"),
        },
        Case {
            name: "Latin-1 text",
            make: |d| {
                write(
                    d,
                    "latin1.txt",
                    b"\xc4rger in K\xf6ln\n\nDie Beh\xf6rden schweigen.",
                )
            },
            expect: Expect::Opens("Latin-1"),
        },
        Case {
            name: "UTF-16 text",
            make: |d| {
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(
                    "Grüße aus Almaty\n\nDie Lage ist ruhig."
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                );
                write(d, "utf16.txt", bytes)
            },
            expect: Expect::Opens("UTF-16"),
        },
        Case {
            name: "binary",
            make: |d| {
                write(
                    d,
                    "bild.txt",
                    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\0\0\0\x01\0".repeat(50),
                )
            },
            expect: Expect::Error("Binärdaten"),
        },
        Case {
            name: "binary session",
            make: |d| write(d, "binär.ron", [0u8, 159, 146, 150, 0, 1, 2].repeat(100)),
            expect: Expect::Error("Binärdaten"),
        },
        Case {
            name: "empty",
            make: |d| write(d, "leer.txt", b""),
            expect: Expect::Error("leer"),
        },
        Case {
            name: "a folder",
            make: |d| {
                let path = d.join("ordner.txt");
                fs::create_dir(&path).unwrap();
                path
            },
            expect: Expect::Error("Ordner"),
        },
        Case {
            name: "a path that does not exist",
            make: |d| d.join("fehlt.ron"),
            expect: Expect::Error("gibt es nicht"),
        },
    ]
}

fn run_cli(path: &Path) -> std::process::Output {
    let verb = if path.extension().is_some_and(|e| e == "ron") {
        "check"
    } else {
        "outline"
    };
    Command::new(env!("CARGO_BIN_EXE_randnotiz"))
        .args([verb, path.to_str().unwrap()])
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap()
}

#[test]
fn on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    for case in cases() {
        let path = (case.make)(dir.path());
        let out = run_cli(&path);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        match case.expect {
            Expect::Error(text) => {
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{}: {stdout}{stderr}",
                    case.name
                );
                assert!(stderr.starts_with("randnotiz: "), "{}: {stderr}", case.name);
                assert!(
                    stderr.contains(text),
                    "{}: expected {text:?} in {stderr}",
                    case.name
                );
            }
            Expect::Opens(_) => {
                assert!(out.status.success(), "{}: {stderr}", case.name);
            }
        }
    }
}

#[test]
fn a_file_without_read_permission() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "geheim.ron", example());
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .unwrap()
        .stdout
        .trim_ascii()
        == b"0";
    let mut command = if root {
        // Root reads everything: ask as nobody.
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_randnotiz"),
        ]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_randnotiz"))
    };
    let out = command
        .args(["check", path.to_str().unwrap()])
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Keine Berechtigung"), "{stderr}");
    assert!(stderr.contains("geheim.ron"), "{stderr}");
}

fn app(file: PathBuf) -> Harness<'static, App> {
    window::app(Some(file), None)
}

#[test]
fn in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    for case in cases() {
        let path = (case.make)(dir.path());
        let harness = app(path.clone());
        let app = harness.state();
        match case.expect {
            Expect::Error(text) => {
                let error = app
                    .messages()
                    .current_error()
                    .unwrap_or_else(|| panic!("{}: no error shown", case.name));
                assert!(
                    error.contains(text),
                    "{}: expected {text:?} in {error}",
                    case.name
                );
                // Nothing was opened: the bundled article stays.
                assert!(app.workspace().document_path().is_none(), "{}", case.name);
                assert!(app.workspace().session_path().is_none(), "{}", case.name);
            }
            Expect::Opens(text) => {
                let said = [
                    app.messages()
                        .current_error()
                        .unwrap_or_default()
                        .to_owned(),
                    app.messages()
                        .report
                        .as_ref()
                        .map(|r| format!("{} {}", r.summary(), r.notices.join(" ")))
                        .unwrap_or_default(),
                ]
                .join(" ");
                assert!(
                    said.contains(text),
                    "{}: expected {text:?} in {said:?}",
                    case.name
                );
                let ws = app.workspace();
                let opened = ws.session_path() == Some(path.as_path())
                    || ws.document_path() == Some(path.as_path());
                assert!(opened, "{}: the file was opened", case.name);
                // No annotation was dropped.
                if path.extension().is_some_and(|e| e == "ron") {
                    assert_eq!(ws.session().annotations.len(), 11, "{}", case.name);
                }
            }
        }
    }
}
