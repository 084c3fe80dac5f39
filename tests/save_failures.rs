//! Saves that fail halfway leave the old file and its backup intact and say
//! why: a full disk, a read-only file system, no permission, a file-size
//! limit, a folder where the file was.
//!
//! Each failure is a real one from the operating system, provoked around the
//! real binary (`randnotiz check SESSION --write`, which re-anchors a session
//! and writes it back through the same atomic save as the window): a tiny
//! tmpfs that fills up, a tmpfs remounted read-only, a folder the process may
//! not write (as `nobody` when the tests run as root), `ulimit -f`.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use randnotiz::fsio::{SaveError, backup_path};
use randnotiz::workspace::Workspace;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_randnotiz")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// A session file and its backup with known contents in `dir`.
fn session_in(dir: &Path) -> (PathBuf, Vec<u8>, Vec<u8>) {
    let path = dir.join("lesung.ron");
    let example = fs::read(common::asset("example-session.ron")).unwrap();
    fs::write(&path, &example).unwrap();
    // An older version as backup, as a previous save leaves it.
    let older =
        String::from_utf8(example.clone())
            .unwrap()
            .replacen("chars: 3574,", "chars: 3574, ", 1);
    fs::write(backup_path(&path), &older).unwrap();
    (path, example, older.into_bytes())
}

/// Asserts the failure kept everything: file, backup, no temporary files.
fn assert_intact(dir: &Path, path: &Path, file: &[u8], backup: &[u8]) {
    assert_eq!(fs::read(path).unwrap(), file, "the old file is intact");
    assert_eq!(
        fs::read(backup_path(path)).unwrap(),
        backup,
        "the backup is intact"
    );
    let names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "temporary files left behind: {names:?}");
}

fn check_write(session: &Path, wrap: &[&str]) -> Output {
    let mut args: Vec<String> = wrap.iter().map(|s| (*s).to_owned()).collect();
    args.extend([
        bin().to_owned(),
        "check".into(),
        session.display().to_string(),
        "--write".into(),
    ]);
    Command::new(&args[0])
        .args(&args[1..])
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Self> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Self(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        Command::new("umount").arg(&self.0).status().ok();
    }
}

#[test]
fn a_full_disk() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_fs) = is_root().then(|| Tmpfs::mount(dir.path(), "64k")).flatten() else {
        // Without the right to mount, a file-size limit makes the write fail
        // halfway just the same (see file_size_limit); say so and stop.
        eprintln!("a_full_disk: cannot mount a tmpfs here; covered by file_size_limit");
        return;
    };
    let (path, file, backup) = session_in(dir.path());
    // Fill the disk up to a few kilobytes: the new version fits no more.
    let filler = dir.path().join("füllung");
    let mut size = 64 * 1024;
    while size > 0 {
        if fs::write(&filler, vec![b'x'; size]).is_ok() {
            break;
        }
        size -= 1024;
    }
    let out = check_write(&path, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Datenträger ist voll"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("lesung.ron"));
    assert_intact(dir.path(), &path, &file, &backup);
}

#[test]
fn file_size_limit() {
    // `ulimit -f` makes the kernel refuse to grow the temporary file past a
    // few kilobytes: the write fails halfway, as on a full disk.
    let dir = tempfile::tempdir().unwrap();
    let (path, file, backup) = session_in(dir.path());
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 8; exec '{}' check '{}' --write",
            bin(),
            path.display()
        ))
        .env("RANDNOTIZ_LANG", "de")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Speichern fehlgeschlagen"),
        "{}",
        stderr(&out)
    );
    assert_intact(dir.path(), &path, &file, &backup);
}

#[test]
fn a_read_only_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let Some(_fs) = is_root().then(|| Tmpfs::mount(dir.path(), "1m")).flatten() else {
        eprintln!("a_read_only_file_system: cannot mount a tmpfs here; covered by no_permission");
        return;
    };
    let (path, file, backup) = session_in(dir.path());
    assert!(
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(dir.path())
            .status()
            .unwrap()
            .success()
    );
    let out = check_write(&path, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("schreibgeschützt"),
        "{}",
        stderr(&out)
    );
    assert_intact(dir.path(), &path, &file, &backup);
}

#[test]
fn no_permission() {
    let dir = tempfile::tempdir().unwrap();
    let (path, file, backup) = session_in(dir.path());
    use std::os::unix::fs::PermissionsExt;
    // The folder may be read but not written.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    for f in [&path, &backup_path(&path)] {
        fs::set_permissions(f, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let out = if is_root() {
        // Root may write anywhere: run as nobody instead.
        check_write(
            &path,
            &[
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ],
        )
    } else {
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        check_write(&path, &[])
    };
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Keine Schreibberechtigung"),
        "{}",
        stderr(&out)
    );
    assert_intact(dir.path(), &path, &file, &backup);
}

#[test]
fn the_target_replaced_by_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lesung.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("darin.txt"), "bleibt").unwrap();
    let mut ws = Workspace::bundled();
    let err = ws.save(&path).unwrap_err();
    assert!(matches!(err, SaveError::IsDirectory { .. }), "{err:?}");
    assert!(err.to_string().contains("Ordner"), "{err}");
    assert_eq!(
        fs::read_to_string(path.join("darin.txt")).unwrap(),
        "bleibt"
    );
    assert!(
        ws.session_path().is_none(),
        "a failed save does not adopt the path"
    );
}

#[test]
fn a_file_that_is_not_a_session_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("artikel.ron");
    fs::write(&article, randnotiz::document::bundled::ARTICLE).unwrap();
    let mut ws = Workspace::bundled();
    let err = ws.save(&article).unwrap_err();
    assert!(matches!(err, SaveError::Foreign { .. }));
    assert_eq!(
        fs::read_to_string(&article).unwrap(),
        randnotiz::document::bundled::ARTICLE
    );
}
