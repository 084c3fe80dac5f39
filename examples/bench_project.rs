//! Writes the bench project (benches/common/project_data.rs) into a folder, to
//! open it in the window and measure it there:
//! `cargo run --release --example bench_project -- DIR`, then
//! `randnotiz DIR/projekt`.
#![allow(missing_docs, clippy::unwrap_used)]

#[path = "../benches/data.rs"]
mod data;
#[path = "../benches/common/project_data.rs"]
mod project_data;

fn main() {
    let root = std::env::args_os()
        .nth(1)
        .map(std::path::PathBuf::from)
        .expect("a folder to write the project into");
    let dir = project_data::build(&root);
    println!("{}", dir.display());
}
