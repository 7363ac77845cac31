//! Reviewing imported drafts: `cadre validate` marks minutes as checked against their
//! document; `cadre original` gives the document back exactly as it was imported.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use cadre_domain::MeetingId;
use cadre_storage::{StorageError, Store};

pub async fn validate(db: Store, ids: &[i64]) -> anyhow::Result<ExitCode> {
    let mut code = ExitCode::SUCCESS;
    for &id in ids {
        match db
            .meetings()
            .validate(
                MeetingId::new(id),
                &crate::user::actor(),
                chrono::Utc::now(),
            )
            .await
        {
            Ok(()) => println!("meeting {id}: validated (recorded in the audit log)"),
            Err(StorageError::NotFound) => {
                eprintln!("meeting {id}: no such meeting");
                code = ExitCode::FAILURE;
            }
            Err(e) => return Err(e).with_context(|| format!("cannot validate meeting {id}")),
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
