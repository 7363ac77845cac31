//! Following a recommendation over the web: `POST /recommendations/{id}/reports` (a dated
//! implementation report: what was done, status, challenges, perspectives), `…/reports/{report}/withdraw`
//! and `…/restore` (the secretariat undoes a report made by mistake), and
//! `POST /recommendations/{id}/links/{link}` (the secretariat confirms or rejects an earlier
//! form Cadre proposed). Who may report: the secretariat on every recommendation, the editors
//! of its responsible organisations, and a region's focal point on its CRCM's. A report made
//! on an older version is refused with 409, what changed shown and the text kept.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use cadre_domain::{RecommendationId, RecommendationStatus};
use cadre_storage::StorageError;
use cadre_storage::recommendations::follow_up::ImplementationReport;
use chrono::NaiveDate;
use serde::Deserialize;

use super::show::{ReportDraft, Shown, page};
use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::params;
use crate::view::{date_text, see_other};

/// The longest text a report's field takes.
pub const MAX_FIELD_CHARS: usize = 4000;

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    done: String,
    #[serde(default)]
    challenges: String,
    #[serde(default)]
    perspectives: String,
    #[serde(default)]
    reported_on: String,
}

fn optional(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

pub async fn report(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    Form(form): Form<ReportForm>,
) -> Result<Response, WebError> {
    let id: RecommendationId = params::path_id("id", id)?;
    who.check_csrf(&form.csrf)?;
    let db = state.store.recommendations();
    let (tracked, alignment) = tokio::try_join!(db.get(id), db.alignment(id))?;
    let tracked = tracked.ok_or(WebError::NotFound)?;
    if !who.viewer().may_report_on(&tracked.scope(&alignment)) {
        return Err(WebError::Forbidden(
            crate::language::t("rec-report-forbidden").to_owned(),
        ));
    }
    let draft = ReportDraft {
        status: RecommendationStatus::parse(form.status.trim()),
        done: form.done.clone(),
        challenges: form.challenges.clone(),
        perspectives: form.perspectives.clone(),
        reported_on: form.reported_on.clone(),
    };
    let refuse = |message: String, draft: ReportDraft| {
        let (state, who) = (state.clone(), who.clone());
        async move {
            let shown = Shown {
                message,
                report: Some(draft),
                ..Shown::default()
            };
            page(&state, &who, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
        }
    };
    let Some(status) = draft.status else {
        return refuse(crate::language::t("report-choose-status").to_owned(), draft).await;
    };
    let Ok(version) = form.version.trim().parse::<i64>() else {
        return refuse(
            crate::language::t("form-version-unreadable").to_owned(),
            draft,
        )
        .await;
    };
    let done = form.done.trim().to_owned();
    if done.is_empty() {
        return refuse(
            crate::language::t("rec-report-done-needed").to_owned(),
            draft,
        )
        .await;
    }
    for (field, text) in [
        ("col-implementation", &form.done),
        ("col-challenges", &form.challenges),
        ("col-perspectives", &form.perspectives),
    ] {
        if text.trim().chars().count() > MAX_FIELD_CHARS {
            let message = cadre_i18n::tf(
                crate::language::current(),
                "rec-report-too-long",
                &[
                    ("field", crate::language::t(field).into()),
                    ("max", MAX_FIELD_CHARS.into()),
                ],
            );
            return refuse(message, draft).await;
        }
    }
    let today = crate::today();
    // A report speaks of what happened since its adoption.
    let adopted = tracked.recommendation.meeting_date;
    let reported_on = if form.reported_on.trim().is_empty() {
        today
    } else {
        match NaiveDate::parse_from_str(form.reported_on.trim(), "%Y-%m-%d") {
            Ok(d) if d <= today && adopted.is_none_or(|a| d >= a) => d,
            Ok(_) => {
                let message = match adopted {
                    Some(a) => cadre_i18n::tf(
                        crate::language::current(),
                        "rec-report-date-range",
                        &[("adopted", date_text(a).into())],
                    ),
                    None => crate::language::t("rec-report-date-future").to_owned(),
                };
                return refuse(message, draft).await;
            }
            Err(_) => {
                return refuse(crate::language::t("form-date-unreadable").to_owned(), draft).await;
            }
        }
    };
    let report = ImplementationReport {
        status,
        done,
        challenges: optional(&form.challenges),
        perspectives: optional(&form.perspectives),
        reported_on,
    };
    match db
        .report(id, version, &report, &who.actor()?, chrono::Utc::now())
        .await
    {
        Ok(_) => Ok(see_other(&format!("/recommendations/{id}#suivi"))),
        Err(StorageError::Stale { .. }) => {
            let shown = Shown {
                message: crate::language::t("rec-report-stale").to_owned(),
                report: Some(draft),
                since_version: Some(version),
                ..Shown::default()
            };
            page(&state, &who, id, StatusCode::CONFLICT, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
}

async fn set_withdrawn(
    state: AppState,
    who: Who,
    (id, report): (String, String),
    form: WithdrawForm,
    withdrawn: bool,
) -> Result<Response, WebError> {
    let id: RecommendationId = params::path_id("id", id)?;
    let report: i64 = params::path_id::<i64>("report", report)?;
    who.check_csrf(&form.csrf)?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(
            crate::language::t("report-withdraw-forbidden").to_owned(),
        ));
    }
    let reports = state.store.recommendations().reports(id).await?;
    if !reports.iter().any(|r| r.id == report) {
        return Err(WebError::NotFound);
    }
    let version = form.version.trim().parse::<i64>().map_err(|_| {
        WebError::bad_param("version", crate::language::t("form-version-unreadable"))
    })?;
    match state
        .store
        .recommendations()
        .set_report_withdrawn(
            report,
            withdrawn,
            version,
            &who.actor()?,
            chrono::Utc::now(),
        )
        .await
    {
        Ok(_) => Ok(see_other(&format!("/recommendations/{id}#suivi"))),
        Err(StorageError::Stale { .. }) => {
            let shown = Shown {
                message: crate::language::t("rec-withdraw-stale").to_owned(),
                since_version: Some(version),
                ..Shown::default()
            };
            page(&state, &who, id, StatusCode::CONFLICT, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn withdraw(
    State(state): State<AppState>,
    who: Who,
    Path(ids): Path<(String, String)>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, WebError> {
    set_withdrawn(state, who, ids, form, true).await
}

pub async fn restore(
    State(state): State<AppState>,
    who: Who,
    Path(ids): Path<(String, String)>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, WebError> {
    set_withdrawn(state, who, ids, form, false).await
}

#[derive(Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
}

/// Confirms or rejects a link between this recommendation and an earlier or later form.
pub async fn decide_link(
    State(state): State<AppState>,
    who: Who,
    Path((id, link)): Path<(String, String)>,
    Form(form): Form<DecideForm>,
) -> Result<Response, WebError> {
    let id: RecommendationId = params::path_id("id", id)?;
    let link: i64 = params::path_id::<i64>("link", link)?;
    who.check_csrf(&form.csrf)?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(
            crate::language::t("rec-link-forbidden").to_owned(),
        ));
    }
    let confirmed = match form.decision.trim() {
        "confirm" => true,
        "reject" => false,
        _ => {
            return Err(WebError::bad_param(
                "decision",
                crate::language::t("rec-link-decision"),
            ));
        }
    };
    let links = state.store.recommendations().links_of(id).await?;
    if !links.iter().any(|l| l.id == link) {
        return Err(WebError::NotFound);
    }
    state
        .store
        .recommendations()
        .decide_link(link, confirmed, &who.actor()?, chrono::Utc::now())
        .await?;
    Ok(see_other(&format!("/recommendations/{id}#formes")))
}
