//! Files, as the rest of the program reads and writes them: the leaf every
//! layer above stands on. It knows nothing of sessions or articles.
//!
//! - [`read`]: regular files only, within a size limit, with errors a user
//!   can act on; what a file held when read ([`DiskState`]);
//! - [`write`]: atomic replacement with a backup, never a worse file left
//!   behind;
//! - [`lock`]: an advisory lock beside a file, held by whoever writes it;
//! - [`process`]: whether the process that left a file is still there;
//! - [`ron_options`]: the RON parser's options for every file the app reads.

pub mod lock;
pub mod process;
mod read;
mod write;

pub use read::{
    DiskState, ReadError, megabytes, open_regular, read_limited, read_with_state, sizes,
};
pub use write::{Backup, SaveError, backup_path, write_atomic, write_atomic_with, write_replacing};

/// RON options used for every file the app reads: nesting limited, so a
/// hostile file cannot exhaust the stack.
#[must_use]
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Deepest nesting a file may have; real sessions nest five deep.
pub const RECURSION_LIMIT: usize = 32;
