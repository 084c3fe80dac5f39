//! The `randnotiz` program: the reading window, plus verbs for scripts.
//!
//! `randnotiz [FILE]` opens the window on a text or a session (the bundled
//! article without FILE). The verbs `outline`, `mentions` and `check` run
//! headless and print text or JSON, for scripts and checks.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    randnotiz::i18n::set_lang(randnotiz::i18n::Lang::from_env().unwrap_or_default());
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(message) => {
            cli::note(format!("randnotiz: {message}"));
            ExitCode::FAILURE
        }
    }
}
