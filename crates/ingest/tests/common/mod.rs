//! Shared by the test binaries: where the shared seeds are, and one seed's bytes.
// Each test binary compiles its own copy and uses part of it.
#![allow(dead_code)]

use std::path::PathBuf;

/// The real documents of DOMAIN.md, read from disk, never copied into the project:
/// `CADRE_SEEDS`, else `../shared/seeds` beside the checkout.
pub fn seeds_dir() -> PathBuf {
    match std::env::var_os("CADRE_SEEDS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/seeds"
        )),
    }
}

/// The seed whose file name starts with `prefix` ("000"): its file name and bytes.
pub fn seed(prefix: &str) -> (String, Vec<u8>) {
    let dir = seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read seeds at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    let name = entry.file_name().to_string_lossy().into_owned();
    (name, std::fs::read(entry.path()).expect("seed readable"))
}
