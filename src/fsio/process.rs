//! Is a process still there? For files a process leaves behind (recovery
//! files, temporary files of a save): those of a running process are its
//! own, those of a gone one are leftovers.

/// What is known of process `pid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Process {
    /// It runs (or sleeps): its files are in use.
    Running,
    /// It has ended, or is a zombie waiting to be reaped (which writes
    /// nothing any more).
    Gone,
    /// This system cannot tell (no `/proc`).
    Unknown,
}

/// The state of `pid`, from `/proc` (Linux).
#[must_use]
pub fn state(pid: u32) -> Process {
    if !std::path::Path::new("/proc/self").exists() {
        return Process::Unknown;
    }
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return Process::Gone;
    };
    // The state follows the command name, which may hold spaces and ')'.
    match stat
        .rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next())
    {
        Some("Z" | "X" | "x") => Process::Gone,
        _ => Process::Running,
    }
}

/// The command name of a running `pid`.
#[must_use]
pub fn command(pid: u32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_gone_and_zombie() {
        if state(std::process::id()) == Process::Unknown {
            return;
        }
        assert_eq!(state(std::process::id()), Process::Running);
        assert_eq!(state(u32::MAX), Process::Gone);
        // A child that exited and is not reaped yet: a zombie.
        let child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while state(pid) == Process::Running && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(state(pid), Process::Gone, "a zombie counts as gone");
        drop(child);
    }
}
