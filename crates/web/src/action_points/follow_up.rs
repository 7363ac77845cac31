//! One action point and its follow-up: `GET /actions/{id}` (the point, its history, and the
//! report form for those who may report on it), `POST /actions/{id}/reports` (a dated status
//! report with a comment), `POST /actions/{id}/reports/{report}/withdraw` and `…/restore`
//! (the secretariat undoes a report made by mistake).
//!
//! A report is made on the version of the point the form was read at: if someone reported in
//! between, the save is refused with 409 and the page shows what changed meanwhile, the
//! reporter's text kept in the form.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cadre_domain::ActionPointId;
use cadre_domain::ActionStatus;
use cadre_storage::StorageError;
use cadre_storage::action_points::{FollowedActionPoint, ReportEntry, StatusReport};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::AppState;
use crate::accounts::{Ui, Who};
use crate::error::WebError;
use crate::params;
use crate::published::render;
use crate::view::{ActionRow, Choice, date_text, see_other, status_class};

/// The longest comment a report takes.
pub const MAX_COMMENT_CHARS: usize = 4000;

#[derive(Template)]
#[template(path = "action_points/point.html")]
struct PointPage {
    title: String,
    nav: &'static str,
    ui: Ui,
    point: ActionRow,
    age: Option<String>,
    history: Vec<ReportView>,
    /// The form, for those who may report.
    form: Option<ReportFormView>,
    /// Shown above the form: what went wrong, or what changed in between.
    message: String,
    changed_meanwhile: Vec<ReportView>,
    can_withdraw: bool,
    /// The recommendation it serves, and the form that ties it for those who may.
    served: Option<super::serves::ServedView>,
    serve_form: Option<super::serves::ServeFormView>,
    /// What went wrong with the tie form.
    serve_message: String,
}

struct ReportView {
    id: i64,
    reported_on: String,
    status_label: &'static str,
    status_class: &'static str,
    previous_label: &'static str,
    comment: String,
    /// Shown to signed-in readers only.
    actor: String,
    withdrawn: bool,
}

struct ReportFormView {
    version: i64,
    statuses: Vec<Choice>,
    comment: String,
    reported_on: String,
    today: String,
}

fn report_view(r: &ReportEntry, signed_in: bool) -> ReportView {
    ReportView {
        id: r.id,
        reported_on: date_text(r.reported_on),
        status_label: crate::language::label("action-status", r.status.as_str()),
        status_class: status_class(r.status),
        previous_label: crate::language::label("action-status", r.previous_status.as_str()),
        comment: r.comment.clone(),
        actor: if signed_in {
            r.actor.clone()
        } else {
            String::new()
        },
        withdrawn: r.withdrawn,
    }
}

/// "ouvert depuis 14 mois": how long a pending point has waited since its meeting.
pub use crate::view::age;

struct Draft {
    status: Option<ActionStatus>,
    comment: String,
    reported_on: String,
}

async fn page(
    state: &AppState,
    who: &Who,
    id: ActionPointId,
    status: StatusCode,
    message: String,
    draft: Option<Draft>,
    since_version: Option<i64>,
) -> Result<Response, WebError> {
    page_full(
        state,
        who,
        id,
        status,
        message,
        draft,
        since_version,
        String::new(),
    )
    .await
}

/// The point's page after the tie form was refused, with why.
pub(super) async fn page_with(
    state: &AppState,
    who: &Who,
    id: ActionPointId,
    status: StatusCode,
    serve_message: String,
) -> Result<Response, WebError> {
    page_full(
        state,
        who,
        id,
        status,
        String::new(),
        None,
        None,
        serve_message,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn page_full(
    state: &AppState,
    who: &Who,
    id: ActionPointId,
    status: StatusCode,
    message: String,
    draft: Option<Draft>,
    since_version: Option<i64>,
    serve_message: String,
) -> Result<Response, WebError> {
    let db = &state.store;
    let (point, reports) =
        tokio::try_join!(db.action_points().get(id), db.action_points().reports(id))?;
    let point: FollowedActionPoint = point
        .filter(|p| p.published || !who.audience().is_public())
        .ok_or(WebError::NotFound)?;
    let point_published = point.point.clone().for_publication();
    let today = crate::today();
    let viewer = who.viewer();
    let signed_in = viewer.is_signed_in();
    let (served, serve_form) = super::serves::view(state, who, &point).await?;
    let may_report = viewer.may_report_on(&point.scope());
    let form = may_report.then(|| {
        let draft = draft.as_ref();
        let chosen = draft.and_then(|d| d.status).unwrap_or(point.point.status);
        ReportFormView {
            version: point.version,
            statuses: ActionStatus::ALL
                .iter()
                .map(|s| Choice {
                    value: s.as_str().to_owned(),
                    label: crate::language::label("action-status", s.as_str()).to_owned(),
                    selected: *s == chosen,
                })
                .collect(),
            comment: draft.map(|d| d.comment.clone()).unwrap_or_default(),
            reported_on: draft
                .map(|d| d.reported_on.clone())
                .unwrap_or_else(|| today.format("%Y-%m-%d").to_string()),
            today: today.format("%Y-%m-%d").to_string(),
        }
    });
    let changed_meanwhile = since_version
        .map(|v| {
            reports
                .iter()
                .filter(|r| r.version > v)
                .map(|r| report_view(r, signed_in))
                .collect()
        })
        .unwrap_or_default();
    let page = PointPage {
        title: format!(
            "{} – {}",
            crate::language::t("col-action-point"),
            point.point.body
        ),
        nav: "actions",
        ui: who.ui(),
        age: age(point.point.status, point.point.meeting_date, today),
        point: ActionRow::new(&point_published, today),
        history: reports
            .iter()
            .rev()
            .map(|r| report_view(r, signed_in))
            .collect(),
        form,
        message,
        changed_meanwhile,
        can_withdraw: viewer.is_secretariat(),
        served,
        serve_form,
        serve_message,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id: ActionPointId = params::path_id("id", id)?;
    page(&state, &who, id, StatusCode::OK, String::new(), None, None).await
}

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    reported_on: String,
}

pub async fn report(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    Form(form): Form<ReportForm>,
) -> Result<Response, WebError> {
    let id: ActionPointId = params::path_id("id", id)?;
    who.check_csrf(&form.csrf)?;
    let point = state
        .store
        .action_points()
        .get(id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !who.viewer().may_report_on(&point.scope()) {
        return Err(WebError::Forbidden(
            crate::language::t("report-forbidden").to_owned(),
        ));
    }
    let today = crate::today();
    let draft = Draft {
        status: ActionStatus::parse(form.status.trim()),
        comment: form.comment.clone(),
        reported_on: form.reported_on.clone(),
    };
    let invalid = |message: String, draft: Draft| {
        let state = state.clone();
        let who = who.clone();
        async move {
            page(
                &state,
                &who,
                id,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                Some(draft),
                None,
            )
            .await
        }
    };
    let Some(status) = draft.status else {
        return invalid(crate::language::t("report-choose-status").to_owned(), draft).await;
    };
    let Ok(version) = form.version.trim().parse::<i64>() else {
        return invalid(
            crate::language::t("form-version-unreadable").to_owned(),
            draft,
        )
        .await;
    };
    let comment = form.comment.trim().to_owned();
    if comment.is_empty() {
        return invalid(
            crate::language::t("report-comment-needed").to_owned(),
            draft,
        )
        .await;
    }
    if comment.chars().count() > MAX_COMMENT_CHARS {
        return invalid(
            cadre_i18n::tf(
                crate::language::current(),
                "report-comment-too-long",
                &[("max", MAX_COMMENT_CHARS.into())],
            ),
            draft,
        )
        .await;
    }
    let reported_on = if form.reported_on.trim().is_empty() {
        today
    } else {
        match NaiveDate::parse_from_str(form.reported_on.trim(), "%Y-%m-%d") {
            Ok(d) if d <= today && d >= point.point.meeting_date => d,
            Ok(_) => {
                return invalid(
                    cadre_i18n::tf(
                        crate::language::current(),
                        "report-date-range",
                        &[("meeting", date_text(point.point.meeting_date).into())],
                    ),
                    draft,
                )
                .await;
            }
            Err(_) => {
                return invalid(crate::language::t("form-date-unreadable").to_owned(), draft).await;
            }
        }
    };
    let report = StatusReport {
        status,
        comment,
        reported_on,
    };
    match state
        .store
        .action_points()
        .report(id, version, &report, &who.actor()?, chrono::Utc::now())
        .await
    {
        Ok(_) => Ok(see_other(&format!("/actions/{id}#suivi"))),
        Err(StorageError::Stale { .. }) => {
            page(
                &state,
                &who,
                id,
                StatusCode::CONFLICT,
                crate::language::t("report-stale").to_owned(),
                Some(draft),
                Some(version),
            )
            .await
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
    let id: ActionPointId = params::path_id("id", id)?;
    let report: i64 = params::path_id::<i64>("report", report)?;
    who.check_csrf(&form.csrf)?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(
            crate::language::t("report-withdraw-forbidden").to_owned(),
        ));
    }
    let reports = state.store.action_points().reports(id).await?;
    if !reports.iter().any(|r| r.id == report) {
        return Err(WebError::NotFound);
    }
    let version = form
        .version
        .trim()
        .parse::<i64>()
        .map_err(|_| WebError::bad_param("version", "version illisible"))?;
    match state
        .store
        .action_points()
        .set_report_withdrawn(
            report,
            withdrawn,
            version,
            &who.actor()?,
            chrono::Utc::now(),
        )
        .await
    {
        Ok(_) => Ok(see_other(&format!("/actions/{id}#suivi"))),
        Err(StorageError::Stale { .. }) => {
            page(
                &state,
                &who,
                id,
                StatusCode::CONFLICT,
                crate::language::t("report-withdraw-stale").to_owned(),
                None,
                Some(version),
            )
            .await
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ages_read_as_people_say_them() {
        let today = d(2026, 12, 1);
        assert_eq!(
            age(ActionStatus::Open, d(2025, 10, 1), today).as_deref(),
            Some("ouvert depuis 14 mois")
        );
        assert_eq!(
            age(ActionStatus::InProgress, d(2026, 11, 20), today).as_deref(),
            Some("en cours depuis 11 jours")
        );
        assert_eq!(
            age(ActionStatus::Open, d(2026, 11, 30), today).as_deref(),
            Some("ouvert depuis 1 jour")
        );
        assert_eq!(
            age(ActionStatus::Open, d(2022, 1, 1), today).as_deref(),
            Some("ouvert depuis 4 ans")
        );
        assert_eq!(age(ActionStatus::Done, d(2025, 1, 1), today), None);
    }
}
