//! Shared by the test binaries: where the shared seeds are.

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
