//! `/meetings/import`: the secretariat uploads documents to import (Word, PDF, text), as
//! `cadre import` would read them, and gets a line per file: imported as a draft, already
//! imported, or what is wrong with it. A bad file never stops the others; originals are kept
//! with their meetings. Reading is done by the server's [`DocumentReader`] (`cadre serve`
//! reads each document in a child process, so that a hostile file costs only itself).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cadre_domain::{NewBody, NewMeeting};

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::language::t;
use crate::published::render_private;

/// Files one upload may carry, and bytes in all (the route's body limit).
pub const MAX_FILES: usize = 50;
pub const MAX_UPLOAD_BYTES: usize = 60 * 1024 * 1024;

/// Reads an uploaded document into minutes (with the document as their source).
pub trait DocumentReader: Send + Sync {
    /// `Err` says what is wrong with the file, for the person who chose it.
    fn read(
        &self,
        file_name: &str,
        bytes: &[u8],
        body: Option<&NewBody>,
    ) -> Result<NewMeeting, String>;
}

struct FileRow {
    name: String,
    meeting: Option<i64>,
    outcome: String,
    failed: bool,
    warnings: usize,
}

#[derive(Template)]
#[template(path = "meetings/import.html")]
struct ImportPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    available: bool,
    rows: Vec<FileRow>,
    max_files: usize,
}

fn secretariat(who: &Who) -> Result<(), WebError> {
    who.require()?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(t("import-forbidden").to_owned()));
    }
    Ok(())
}

fn page(state: &AppState, who: &Who, rows: Vec<FileRow>) -> Result<Response, WebError> {
    let page = ImportPage {
        title: t("import-title"),
        nav: "meetings",
        ui: who.ui(),
        available: state.documents.is_some(),
        rows,
        max_files: MAX_FILES,
    };
    Ok(render_private(&page, true)?.into_response())
}

pub async fn form(State(state): State<AppState>, who: Who) -> Result<Response, WebError> {
    secretariat(&who)?;
    page(&state, &who, Vec::new())
}

pub async fn upload(
    State(state): State<AppState>,
    who: Who,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    secretariat(&who)?;
    let Some(reader) = state.documents.clone() else {
        return Err(WebError::Forbidden(t("import-unavailable").to_owned()));
    };
    let mut csrf = String::new();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| WebError::bad_param("files", e.body_text()))?
    {
        match field.name() {
            Some("csrf") => {
                csrf = field
                    .text()
                    .await
                    .map_err(|e| WebError::bad_param("csrf", e.body_text()))?
            }
            Some("files") => {
                let name = field
                    .file_name()
                    .map(|n| n.rsplit(['/', '\\']).next().unwrap_or(n).to_owned())
                    .unwrap_or_default();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| WebError::bad_param("files", e.body_text()))?;
                if !name.is_empty() && files.len() < MAX_FILES {
                    files.push((name, bytes.to_vec()));
                }
            }
            _ => {}
        }
    }
    // The token is checked before anything is read or stored.
    who.check_csrf(&csrf)?;
    if files.is_empty() {
        return Err(WebError::bad_param("files", t("import-no-file")));
    }
    let actor = who.actor()?;
    let mut rows = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        rows.push(import_one(&state, reader.clone(), &actor, name, bytes).await);
    }
    let status = if rows.iter().any(|r| r.failed) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut response = page(&state, &who, rows)?;
    *response.status_mut() = status;
    Ok(response)
}

/// One file: already imported (same content), read, stored as a draft; or why not.
async fn import_one(
    state: &AppState,
    reader: Arc<dyn DocumentReader>,
    actor: &cadre_domain::Actor,
    name: String,
    bytes: Vec<u8>,
) -> FileRow {
    let lang = crate::language::current();
    let failed = |name: String, why: String| FileRow {
        name,
        meeting: None,
        outcome: why,
        failed: true,
        warnings: 0,
    };
    let sha256 = {
        use sha2::Digest as _;
        hex::encode(sha2::Sha256::digest(&bytes))
    };
    match state.store.meetings().for_source(&sha256).await {
        Ok(Some(id)) => {
            return FileRow {
                name,
                meeting: Some(id.get()),
                outcome: cadre_i18n::tf(lang, "import-already", &[("id", id.get().into())]),
                failed: false,
                warnings: 0,
            };
        }
        Ok(None) => {}
        Err(e) => return failed(name, e.to_string()),
    }
    let file_name = name.clone();
    let read = tokio::task::spawn_blocking(move || reader.read(&file_name, &bytes, None)).await;
    let meeting = match read {
        Ok(Ok(m)) => m,
        Ok(Err(why)) => return failed(name, why),
        Err(e) => return failed(name, e.to_string()),
    };
    let warnings = meeting.warnings.len();
    match state.store.meetings().import(&meeting, actor).await {
        Ok(outcome) => FileRow {
            name,
            meeting: Some(outcome.meeting_id().get()),
            outcome: cadre_i18n::tf(
                lang,
                "import-done",
                &[("id", outcome.meeting_id().get().into())],
            ),
            failed: false,
            warnings,
        },
        Err(e) => {
            tracing::error!(error = %e, file = %name, "import from the web failed");
            failed(name, t("error-internal-text").to_owned())
        }
    }
}
