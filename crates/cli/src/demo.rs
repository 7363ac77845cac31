//! `cadre demo`: a database of generated sample data, served at once, to see Cadre working
//! before importing anything real.

use std::process::ExitCode;

use anyhow::Context;
use cadre_demo::{DemoOptions, generate};
use cadre_storage::Store;

/// The demo's own file, replaced at each run so that it never touches a real database.
const DEMO_FILE: &str = "cadre-demo.db";

pub async fn run(
    url: Option<String>,
    addr: &str,
    meetings: Option<usize>,
    no_serve: bool,
) -> anyhow::Result<ExitCode> {
    let url = match url {
        Some(url) => url,
        None => {
            for suffix in ["", "-wal", "-shm"] {
                let file = format!("{DEMO_FILE}{suffix}");
                if std::path::Path::new(&file).exists() {
                    std::fs::remove_file(&file)
                        .with_context(|| format!("cannot replace {file}"))?;
                }
            }
            // Its search index describes the database being replaced.
            let index = format!("{DEMO_FILE}.search");
            if std::path::Path::new(&index).exists() {
                std::fs::remove_dir_all(&index)
                    .with_context(|| format!("cannot replace {index}"))?;
            }
            format!("sqlite://{DEMO_FILE}")
        }
    };
    let store = crate::open(&url).await?;
    fill_and_serve(store, &url, addr, meetings, no_serve).await
}

async fn fill_and_serve(
    db: Store,
    url: &str,
    addr: &str,
    meetings: Option<usize>,
    no_serve: bool,
) -> anyhow::Result<ExitCode> {
    let existing = db.totals().await?.meetings;
    if existing > 0 {
        anyhow::bail!(
            "{} already holds {existing} meetings: the demo only writes into an empty database",
            cadre_storage::redact_url(url)
        );
    }
    let today = chrono::Local::now().date_naive();
    let mut options = DemoOptions::two_years(today);
    if let Some(n) = meetings {
        options.meetings = n;
    }
    let generated = generate(options);
    let bar = if generated.len() > 500 {
        indicatif::ProgressBar::new(generated.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    for batch in generated.chunks(256) {
        db.meetings()
            .import_batch(batch, &crate::user::actor())
            .await?;
        bar.inc(batch.len() as u64);
    }
    bar.finish_and_clear();
    db.refresh_statistics().await?;
    let totals = db.totals().await?;
    println!(
        "Demo database {}: {} meetings, {} action points ({} pending), {} recommendations, {} organisations.",
        cadre_storage::redact_url(url),
        totals.meetings,
        totals.action_points,
        totals.pending_action_points,
        totals.recommendations,
        totals.organisations
    );
    if no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    let search = crate::serve::open_index(url, None)?;
    crate::serve::run(db, search, addr).await
}
