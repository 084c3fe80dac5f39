//! Session files: read safely, written atomically.
//!
//! Sessions are RON a person can read and diff: pretty-printed, fields in a
//! fixed order, strings escaped onto one line. Reading refuses what could hurt
//! (oversized files, deep nesting, newer formats) with a message that says
//! what to do; a file that parses is then checked and repaired (duplicate ids,
//! unknown actors) with a notice for each repair, so nothing is dropped
//! silently. Writing goes to a temporary file beside the target that is
//! renamed over it; the previous version stays as `*.bak`.

mod project_file;
pub mod recovery;
mod session_file;
mod unknown;
mod writer;

pub use project_file::{
    ANNOTATIONS_DIR, CACHE_DIR, Entry, MAX_PROJECT_BYTES, PROJECT_FILE, PROJECT_FORMAT,
    ProjectError, ProjectFile, ReadProject, SavedSearch, TEXTS_DIR, looks_like_project,
    parse_project, project_to_ron, read_project, write_project,
};
pub use session_file::{
    MAX_SESSION_BYTES, Repairs, SessionError, looks_like_session, parse_session,
    parse_session_with, read_session, read_session_with, read_session_with_state, session_to_ron,
    session_to_ron_by_ron, write_session,
};
