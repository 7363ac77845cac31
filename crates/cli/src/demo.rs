//! `cadre demo`: a database of generated sample data, served at once, to see Cadre working
//! before importing anything real.

use std::process::ExitCode;

use anyhow::Context;
use cadre_demo::{DemoOptions, generate};
use cadre_domain::Audience;
use cadre_storage::{Store, Transition};

/// The demo's own file, replaced at each run so that it never touches a real database.
const DEMO_FILE: &str = "cadre-demo.db";
/// The latest minutes of the demo, left as drafts.
const DEMO_DRAFTS: usize = 3;

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
    let existing = db.totals(Audience::Internal).await?.meetings;
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
    // The archive is validated and published, as the secretariat would have done; the latest
    // minutes stay drafts, so that the demo shows both.
    let drafts = DEMO_DRAFTS.min(generated.len());
    let mut imported = Vec::new();
    for batch in generated.chunks(256) {
        let outcomes = db
            .meetings()
            .import_batch(batch, &crate::user::actor())
            .await?;
        imported.extend(
            batch
                .iter()
                .zip(outcomes)
                .map(|(m, o)| (m.date, o.meeting_id())),
        );
        bar.inc(batch.len() as u64);
    }
    imported.sort();
    let to_publish: Vec<_> = imported[..imported.len().saturating_sub(drafts)]
        .iter()
        .map(|(_, id)| *id)
        .collect();
    let now = chrono::Utc::now();
    for batch in to_publish.chunks(256) {
        for transition in [Transition::Validate, Transition::Publish] {
            db.meetings()
                .transition(batch, transition, &crate::user::actor(), now)
                .await?;
        }
    }
    bar.finish_and_clear();
    db.refresh_statistics().await?;
    let totals = db.totals(Audience::Internal).await?;
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
