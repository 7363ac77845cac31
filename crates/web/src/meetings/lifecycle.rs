//! `POST /meetings/lifecycle`: the secretariat validates, publishes or withdraws minutes, one
//! from its page or many at once from the list (the archive lands as drafts). Works without
//! JavaScript: a form of checkboxes named `meeting`, a button named `action`.

use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cadre_domain::MeetingId;
use cadre_storage::{LifecycleOutcome, Transition};

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::published::render;

/// The most meetings one form may move (a page of the list holds 50; this leaves room).
const MAX_PER_FORM: usize = 500;

#[derive(Template)]
#[template(path = "meetings/lifecycle.html")]
struct OutcomePage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    rows: Vec<OutcomeRow>,
}

struct OutcomeRow {
    id: i64,
    /// "GTM Tahoua, 16 février 2023", as the list showed the meeting ticked.
    meeting: String,
    outcome: String,
    failed: bool,
}

fn action_label(t: Transition) -> &'static str {
    crate::language::t(match t {
        Transition::Validate => "lifecycle-title-validate",
        Transition::Publish => "lifecycle-title-publish",
        Transition::Withdraw => "lifecycle-title-withdraw",
    })
}

fn outcome_label(o: LifecycleOutcome) -> (String, bool) {
    let lang = crate::language::current();
    let status =
        |s: cadre_domain::MeetingStatus| crate::language::label("meeting-status", s.as_str());
    match o {
        LifecycleOutcome::Changed { to, .. } => (
            cadre_i18n::tf(lang, "lifecycle-now", &[("status", status(to).into())]),
            false,
        ),
        LifecycleOutcome::Unchanged { status: s } => (
            cadre_i18n::tf(lang, "lifecycle-unchanged", &[("status", status(s).into())]),
            false,
        ),
        LifecycleOutcome::NotValidated => (
            crate::language::t("lifecycle-not-validated").to_owned(),
            true,
        ),
        LifecycleOutcome::NotFound => (crate::language::t("lifecycle-not-found").to_owned(), true),
    }
}

pub async fn apply(
    State(state): State<AppState>,
    who: Who,
    body: Bytes,
) -> Result<Response, WebError> {
    let (mut csrf, mut action, mut ids) = (String::new(), String::new(), Vec::new());
    for (key, value) in form_urlencoded::parse(&body) {
        match &*key {
            "csrf" => csrf = value.into_owned(),
            "action" => action = value.into_owned(),
            "meeting" => ids.push(value.into_owned()),
            _ => {}
        }
    }
    who.check_csrf(&csrf)?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(
            crate::language::t("lifecycle-forbidden").to_owned(),
        ));
    }
    let transition = Transition::parse(&action).ok_or_else(|| {
        WebError::bad_param("action", "valeurs possibles : validate, publish, withdraw")
    })?;
    if ids.is_empty() {
        return Err(WebError::bad_param(
            "meeting",
            crate::language::t("lifecycle-none-chosen"),
        ));
    }
    if ids.len() > MAX_PER_FORM {
        return Err(WebError::bad_param(
            "meeting",
            cadre_i18n::tf(
                crate::language::current(),
                "lifecycle-too-many",
                &[("max", MAX_PER_FORM.into())],
            ),
        ));
    }
    let ids: Vec<MeetingId> = ids
        .into_iter()
        .map(|id| crate::params::path_id("meeting", id))
        .collect::<Result<_, _>>()?;
    let outcomes = state
        .store
        .meetings()
        .transition(&ids, transition, &who.actor()?, chrono::Utc::now())
        .await?;
    // From a meeting's page, back to it: the page says where the minutes now stand.
    if let ([id], [LifecycleOutcome::Changed { .. } | LifecycleOutcome::Unchanged { .. }]) =
        (&ids[..], &outcomes[..])
    {
        let mut r = Redirect::to(&format!("/meetings/{id}")).into_response();
        *r.status_mut() = StatusCode::SEE_OTHER;
        return Ok(r);
    }
    let summaries: std::collections::HashMap<MeetingId, cadre_domain::MeetingSummary> = state
        .store
        .meetings()
        .summaries(&ids)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let page = OutcomePage {
        title: action_label(transition),
        nav: "meetings",
        ui: who.ui(),
        rows: ids
            .iter()
            .zip(outcomes)
            .map(|(id, o)| {
                let (outcome, failed) = outcome_label(o);
                OutcomeRow {
                    id: id.get(),
                    meeting: match summaries.get(id) {
                        Some(m) => format!("{}, {}", m.body, crate::view::date_text(m.date)),
                        None => cadre_i18n::tf(
                            crate::language::current(),
                            "lifecycle-meeting",
                            &[("id", id.get().into())],
                        ),
                    },
                    outcome,
                    failed,
                }
            })
            .collect(),
    };
    Ok(render(&page)?.into_response())
}
