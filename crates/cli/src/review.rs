//! Reviewing and publishing minutes: `cadre validate` marks them as checked against their
//! document, `cadre publish` shows them to the public, `cadre withdraw` takes them back;
//! `cadre original` gives the document back exactly as it was imported.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use cadre_domain::{Audience, MeetingId};
use cadre_storage::{LifecycleOutcome, MeetingFilter, Paging, Store, Transition};

pub async fn validate(db: Store, ids: &[i64]) -> anyhow::Result<ExitCode> {
    let ids: Vec<MeetingId> = ids.iter().map(|&id| MeetingId::new(id)).collect();
    move_meetings(&db, &ids, &[Transition::Validate]).await
}

/// `cadre publish`: the given meetings, or with `all` every meeting not yet published;
/// `validate` validates drafts in the same step (an archive checked outside Cadre).
pub async fn publish(
    db: Store,
    ids: &[i64],
    all: bool,
    validate: bool,
) -> anyhow::Result<ExitCode> {
    let ids: Vec<MeetingId> = if all {
        db.meetings()
            .list(&MeetingFilter {
                audience: Audience::Internal,
                paging: Paging::all(),
                ..Default::default()
            })
            .await?
            .items
            .into_iter()
            .filter(|m| !m.status.is_public())
            .map(|m| m.id)
            .collect()
    } else {
        ids.iter().map(|&id| MeetingId::new(id)).collect()
    };
    if ids.is_empty() {
        println!("nothing to publish");
        return Ok(ExitCode::SUCCESS);
    }
    let steps: &[Transition] = if validate {
        &[Transition::Validate, Transition::Publish]
    } else {
        &[Transition::Publish]
    };
    move_meetings(&db, &ids, steps).await
}

pub async fn withdraw(db: Store, ids: &[i64]) -> anyhow::Result<ExitCode> {
    let ids: Vec<MeetingId> = ids.iter().map(|&id| MeetingId::new(id)).collect();
    move_meetings(&db, &ids, &[Transition::Withdraw]).await
}

/// Applies each step to every meeting (a batch per transaction), then says what became of each
/// meeting; fails when one was unknown or could not move.
async fn move_meetings(
    db: &Store,
    ids: &[MeetingId],
    steps: &[Transition],
) -> anyhow::Result<ExitCode> {
    let actor = crate::user::actor();
    let mut last: Vec<(MeetingId, LifecycleOutcome)> = Vec::new();
    let mut changed = std::collections::HashSet::new();
    for &step in steps {
        last.clear();
        for batch in ids.chunks(500) {
            let outcomes = db
                .meetings()
                .transition(batch, step, &actor, chrono::Utc::now())
                .await
                .with_context(|| format!("cannot {} meetings", step.as_str()))?;
            for (&id, outcome) in batch.iter().zip(outcomes) {
                if matches!(outcome, LifecycleOutcome::Changed { .. }) {
                    changed.insert(id);
                }
                last.push((id, outcome));
            }
        }
    }
    let mut code = ExitCode::SUCCESS;
    for (id, outcome) in last {
        match outcome {
            LifecycleOutcome::Changed { to, .. } => {
                println!("meeting {id}: {} (recorded in the audit log)", to.as_str())
            }
            LifecycleOutcome::Unchanged { status } if changed.contains(&id) => {
                println!(
                    "meeting {id}: {} (recorded in the audit log)",
                    status.as_str()
                )
            }
            LifecycleOutcome::Unchanged { status } => {
                println!("meeting {id}: already {}", status.as_str())
            }
            LifecycleOutcome::NotValidated => {
                eprintln!(
                    "meeting {id}: still a draft: validate it first (cadre validate {id}), or publish with --validate"
                );
                code = ExitCode::FAILURE;
            }
            LifecycleOutcome::NotFound => {
                eprintln!("meeting {id}: no such meeting");
                code = ExitCode::FAILURE;
            }
        }
    }
    Ok(code)
}

pub async fn original(db: Store, meeting: i64, output: Option<&Path>) -> anyhow::Result<ExitCode> {
    let Some(m) = db.meetings().get(MeetingId::new(meeting)).await? else {
        eprintln!("meeting {meeting}: no such meeting");
        return Ok(ExitCode::FAILURE);
    };
    let Some(source) = m.source else {
        eprintln!("meeting {meeting}: was not imported from a document");
        return Ok(ExitCode::FAILURE);
    };
    let Some((doc, bytes)) = db.source_documents().get(source.id).await? else {
        anyhow::bail!("meeting {meeting}: its document {} is missing", source.id);
    };
    match output {
        Some(path) => {
            std::fs::write(path, &bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "meeting {meeting}: {} ({} bytes, sha256 {}) written to {}",
                doc.file_name,
                bytes.len(),
                doc.sha256,
                path.display()
            );
        }
        None => std::io::stdout().lock().write_all(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}
