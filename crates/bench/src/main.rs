//! Benchmarks that print figures (bench/*.sh drive them):
//! - `cadre-bench corpus DIR COUNT`: generated GTM minutes in the canevas, for the import bench.
//! - `cadre-bench segment [SEEDS_DIR]`: lost-space repair throughput and word accuracy.
//! - `cadre-bench search [COUNT]`: search latency and recall, Cadre's index beside SQLite FTS5.
//! - `cadre-bench accuracy [SEEDS_DIR]`: field-level accuracy per seed and rendering.
//! - `cadre-bench evalset [--all | --write DIR]`: field accuracy on the evaluation set, per
//!   style, field and rendering, the held-out quarter apart.
//! - `cadre-bench hostile DIR`: the hostile documents of the security review, full size.
//! - `cadre-bench fuzz-corpus DIR [SEEDS_DIR]`: starting inputs for every fuzz target.
//! - `cadre-bench follow-up BASE_URL DATABASE_URL [SECONDS] [USERS]`: signed-in users reporting
//!   on action points against a running server, and a burst of sign-ins.
//! - `cadre-bench recommendations-data DATABASE_URL [RECOMMENDATIONS] [REPORTS_EACH]`: a
//!   database for the recommendations tracker's latency benchmark.

mod accuracy;
mod corpus;
mod evalset;
mod follow_up;
mod fuzz_corpus;
mod hostile;
mod recommendations;
mod search;
mod segment;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("corpus") => corpus::run(rest),
        Some("segment") => segment::run(rest),
        Some("search") => search::run(rest),
        Some("accuracy") => accuracy::run(rest),
        Some("evalset") => evalset::run(rest),
        Some("hostile") => hostile::run(rest),
        Some("fuzz-corpus") => fuzz_corpus::run(rest),
        Some("follow-up") => follow_up::run(rest),
        Some("recommendations-data") => recommendations::run(rest),
        _ => anyhow::bail!(
            "usage: cadre-bench corpus|segment|search|accuracy|evalset|hostile|fuzz-corpus|follow-up|recommendations-data ARGS…"
        ),
    }
}

/// The shared seeds: `CADRE_SEEDS`, else `../shared/seeds` beside the checkout.
pub fn seeds_dir(arg: Option<&String>) -> std::path::PathBuf {
    match (arg, std::env::var_os("CADRE_SEEDS")) {
        (Some(dir), _) => dir.into(),
        (None, Some(dir)) => dir.into(),
        (None, None) => concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds").into(),
    }
}
