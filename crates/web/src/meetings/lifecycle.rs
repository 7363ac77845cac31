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
    bar: crate::accounts::AccountBar,
    action: &'static str,
    rows: Vec<OutcomeRow>,
}

struct OutcomeRow {
    id: i64,
    outcome: String,
    failed: bool,
}

fn action_label(t: Transition) -> &'static str {
    match t {
        Transition::Validate => "Validation",
        Transition::Publish => "Publication",
        Transition::Withdraw => "Retrait de la publication",
    }
}

fn outcome_label(o: LifecycleOutcome) -> (String, bool) {
    match o {
        LifecycleOutcome::Changed { to, .. } => (format!("désormais {}", to.label_fr()), false),
        LifecycleOutcome::Unchanged { status } => {
            (format!("inchangé ({})", status.label_fr()), false)
        }
        LifecycleOutcome::NotValidated => (
            "encore brouillon : à valider avant de le publier".to_owned(),
            true,
        ),
        LifecycleOutcome::NotFound => ("réunion inconnue".to_owned(), true),
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
            "seul le secrétariat valide et publie les comptes-rendus".to_owned(),
        ));
    }
    let transition = Transition::parse(&action).ok_or_else(|| {
        WebError::bad_param("action", "valeurs possibles : validate, publish, withdraw")
    })?;
    if ids.is_empty() {
        return Err(WebError::bad_param(
            "meeting",
            "choisissez au moins une réunion",
        ));
    }
    if ids.len() > MAX_PER_FORM {
        return Err(WebError::bad_param(
            "meeting",
            format!("au plus {MAX_PER_FORM} réunions à la fois"),
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
    let page = OutcomePage {
        title: action_label(transition),
        nav: "meetings",
        bar: who.bar(),
        action: action_label(transition),
        rows: ids
            .iter()
            .zip(outcomes)
            .map(|(id, o)| {
                let (outcome, failed) = outcome_label(o);
                OutcomeRow {
                    id: id.get(),
                    outcome,
                    failed,
                }
            })
            .collect(),
    };
    Ok(render(&page)?.into_response())
}
