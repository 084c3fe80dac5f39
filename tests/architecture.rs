//! The project checks its own shape, so that a newcomer who reads the tree
//! knows where a change goes and the tree stays that way:
//!
//! - every top-level module refers only to modules below it in [`LAYERS`]
//!   (the same order as in `src/lib.rs`), never to one above or beside it;
//! - nothing inside a module reaches for an item of the crate root;
//! - no file in `src/` grows past [`MAX_LINES`] lines.
//!
//! It reads the sources as text: every `crate::…` path (in `use` lists too)
//! and every `super::` that climbs out of its module, with comments and
//! string literals left out (a `super::` inside an inline module, such as
//! `mod tests`, is counted from the file's module: one level too high, so
//! the check errs on the strict side). The command line lives in the binary and names
//! the library as `randnotiz::…`; it sits on top, and opens the window.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The layers, bottom first. A module may use those in earlier layers only.
const LAYERS: &[&[&str]] = &[
    &["i18n"],
    &["ids"],
    &["fsio", "fetch"],
    &["extra"],
    &["document"],
    &["anchor"],
    &["actors"],
    &["annotation"],
    &["storage"],
    &["analysis"],
    &["export"],
    &["workspace"],
    &["import"],
    &["ui"],
    &["cli"],
];

/// The longest a source file may be.
const MAX_LINES: usize = 800;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The module path of a file: `src/a/b.rs` is `[a, b]`, `src/a/mod.rs` is
/// `[a]`; the crate roots (`lib.rs`, `main.rs`) are `[]`.
fn module_path(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_owned());
    }
    parts
}

/// The text with comments, string and char literals blanked out (so a
/// path in a doc comment or a message is not taken for a use).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#' | '"')) && !ident_before(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&chars, i) {
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// `'x'` or `'\n'`, not a lifetime `'a`.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    match chars.get(i + 1) {
        Some('\\') => true,
        Some(_) => chars.get(i + 2) == Some(&'\''),
        None => false,
    }
}

/// The first segments of every path that starts with `root::` in `code`:
/// `crate::a::b` gives `a`, `crate::{a::b, c}` gives `a` and `c`.
fn paths_from(code: &str, root: &str) -> Vec<String> {
    let mut out = Vec::new();
    let needle = format!("{root}::");
    let mut rest = code;
    while let Some(at) = rest.find(&needle) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + needle.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `my_crate::` is not `crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            // The top-level names of a use group.
            let mut depth = 0;
            let mut name = String::new();
            let mut at_name = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        at_name = true;
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && at_name {
                    if c.is_alphanumeric() || c == '_' {
                        name.push(c);
                    } else if !name.is_empty() {
                        out.push(std::mem::take(&mut name));
                        at_name = false;
                    }
                }
            }
            if !name.is_empty() {
                out.push(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Where `super::` chains climb out of a file's top-level module: what they
/// name at the crate root.
fn supers_to_root(code: &str, depth: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("super::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            rest = &rest["super::".len()..];
            continue;
        }
        let mut climbs = 0;
        while let Some(after) = rest.strip_prefix("super::") {
            climbs += 1;
            rest = after;
        }
        // In `src/a/b.rs` (depth 2) one `super` is `a`, two are the root.
        if climbs >= depth {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// Every reference from one top-level module to another, or to the root.
struct Uses {
    /// (from, to) → files
    modules: BTreeMap<(String, String), Vec<String>>,
    /// Crate-root items used inside a module: (file, item)
    root_items: Vec<(String, String)>,
}

fn uses() -> Uses {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut uses = Uses {
        modules: BTreeMap::new(),
        root_items: Vec::new(),
    };
    let binary_modules = ["cli"];
    for file in files {
        let path = module_path(&file);
        let Some(top) = path.first().cloned() else {
            continue; // lib.rs and main.rs declare the modules
        };
        let name = file.strip_prefix(src()).unwrap().display().to_string();
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let in_binary = binary_modules.contains(&top.as_str());
        // In the binary, `crate::` is the binary and the library is
        // `randnotiz::`.
        let mut named = paths_from(&code, if in_binary { "randnotiz" } else { "crate" });
        named.extend(supers_to_root(&code, path.len()));
        for target in named {
            if target == top || target == "self" {
                continue;
            }
            if layer_of(&target).is_some() {
                uses.modules
                    .entry((top.clone(), target))
                    .or_default()
                    .push(name.clone());
            } else if !in_binary && !binary_modules.contains(&target.as_str()) {
                uses.root_items.push((name.clone(), target));
            }
        }
    }
    uses
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let uses = uses();
    let mut wrong = String::new();
    for ((from, to), files) in &uses.modules {
        let (Some(a), Some(b)) = (layer_of(from), layer_of(to)) else {
            writeln!(wrong, "{from} or {to} is in no layer: add it to LAYERS").unwrap();
            continue;
        };
        if b >= a {
            let mut files = files.clone();
            files.dedup();
            writeln!(
                wrong,
                "{from} uses {to} (above or beside it) in {}",
                files.join(", ")
            )
            .unwrap();
        }
    }
    assert!(wrong.is_empty(), "layer order {LAYERS:?} broken:\n{wrong}");
}

#[test]
fn every_top_level_module_is_in_a_layer() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    assert!(declared.len() > 5, "{declared:?}");
    for module in declared {
        assert!(layer_of(module).is_some(), "{module} is in no layer");
    }
}

#[test]
fn no_module_reaches_for_the_crate_root() {
    let uses = uses();
    assert!(
        uses.root_items.is_empty(),
        "crate-root items used inside modules: {:?}",
        uses.root_items
    );
}

#[test]
fn no_source_file_is_longer_than_800_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines})", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

/// The interface language is one for the whole process, and the tests of
/// one file run side by side in it: a test that sets another language
/// changes it under a window test of the same file, which then finds no
/// "Analyse" menu (seen on CI). Window tests are German (tests/common/
/// window.rs sets it); no test file with window tests sets another.
#[test]
fn no_test_file_with_window_tests_switches_the_language() {
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let windows = text.contains("#[path = \"common/window.rs\"]");
        let switches = text.contains("set_lang(randnotiz::i18n::Lang::En)")
            || text.contains("set_lang(Lang::En)");
        if windows && switches {
            offenders.push(path.display().to_string());
        }
    }
    assert!(offenders.is_empty(), "{offenders:?}");
}

#[test]
fn the_checker_sees_what_it_should() {
    // Paths in code, in use groups and through `super`, not in comments
    // or strings.
    let code = code_only(
        "use crate::{document::Document, actors};\n\
         // crate::ui in a comment\n\
         let s = \"crate::export\";\n\
         let c = 'x';\n\
         fn f<'a>(x: &'a str) { crate::storage::read(x) }\n\
         let r = r#\"crate::workspace\"#;",
    );
    assert_eq!(
        paths_from(&code, "crate"),
        ["document", "actors", "storage"]
    );
    assert_eq!(supers_to_root("use super::super::ui::App;", 2), ["ui"]);
    assert!(supers_to_root("use super::App;", 2).is_empty());
    assert_eq!(
        module_path(&src().join("ui/app/mod.rs")),
        ["ui".to_owned(), "app".to_owned()]
    );
}
