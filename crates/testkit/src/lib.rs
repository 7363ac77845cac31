//! Test helpers shared by every test binary: a fresh database per test on each engine
//! ([`db`]), a running server on `127.0.0.1:0` ([`server`]) and the shared seed documents.

pub mod db;
pub mod server;

use std::path::PathBuf;

/// The folder of real documents shared with the project: `../shared/seeds` beside the checkout,
/// or `CADRE_SEEDS` when set. Tests read the seeds from there; they are never copied in.
pub fn seeds_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("CADRE_SEEDS") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// The seed whose file name starts with `prefix` ("000", "002"…).
pub fn seed(prefix: &str) -> PathBuf {
    let dir = seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read seeds folder {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed starting with {prefix} in {}", dir.display()));
    entry.path()
}
