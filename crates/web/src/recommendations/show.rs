//! `/recommendations/{id}`: one recommendation with its session, its status, its age, its
//! implementation reports (newest first) and its earlier and later forms. The public sees
//! published recommendations and confirmed links only; Cadre's proposals are for people signed
//! in, who decide them.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use cadre_domain::{RecommendationId, RecommendationStatus};
use cadre_storage::recommendations::follow_up::ReportEntry;

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::published::render;
use crate::view::date_text;

pub fn router() -> Router<AppState> {
    Router::new().route("/recommendations/{id}", get(show))
}

struct ReportView {
    reported_on: String,
    status: Option<(&'static str, &'static str)>,
    done: String,
    challenges: Option<String>,
    perspectives: Option<String>,
    /// The minutes it was read from.
    meeting_id: Option<i64>,
    actor: String,
    withdrawn: bool,
}

struct FormView {
    id: i64,
    roadmap: String,
    position: u32,
    text: String,
    /// "proposed" links show their similarity, for people signed in only.
    proposed_score: Option<i64>,
}

#[derive(Template)]
#[template(path = "recommendations/show.html")]
struct ShowPage {
    title: String,
    nav: &'static str,
    ui: crate::accounts::Ui,
    text: String,
    roadmap: String,
    position: u32,
    scope: &'static str,
    thematic_group: Option<String>,
    session_title: String,
    session_kind: &'static str,
    session_date: Option<String>,
    meeting_id: Option<i64>,
    status: Option<(&'static str, &'static str)>,
    status_date: Option<String>,
    first_adopted: Option<i32>,
    sessions: usize,
    years_without_progress: Option<i32>,
    implementation_status: Option<String>,
    challenges: Option<String>,
    perspectives: Option<String>,
    history: Vec<ReportView>,
    earlier: Vec<FormView>,
    later: Vec<FormView>,
}

/// A status's label and the badge class that colours it.
fn status_badge(s: RecommendationStatus) -> (&'static str, &'static str) {
    let class = match s {
        RecommendationStatus::Implemented => "st-done",
        RecommendationStatus::InProgress => "st-progress",
        RecommendationStatus::NotStarted => "st-open",
        RecommendationStatus::Abandoned | RecommendationStatus::ToReformulate => "st-dropped",
    };
    (
        crate::language::label("recommendation-status", s.as_str()),
        class,
    )
}

fn report_view(r: &ReportEntry, signed_in: bool) -> ReportView {
    ReportView {
        reported_on: date_text(r.reported_on),
        status: r.status.map(status_badge),
        done: r.done.clone(),
        challenges: r.challenges.clone(),
        perspectives: r.perspectives.clone(),
        meeting_id: r.meeting_id.map(|m| m.get()),
        actor: if signed_in {
            r.actor.clone()
        } else {
            String::new()
        },
        withdrawn: r.withdrawn,
    }
}

async fn show(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<i64>,
) -> Result<Html<String>, WebError> {
    let db = &state.store;
    let id = RecommendationId::new(id);
    let public = who.audience().is_public();
    let today = crate::today();
    let (tracked, reports, links, age) = tokio::try_join!(
        db.recommendations().get(id),
        db.recommendations().reports(id),
        db.recommendations().links_of(id),
        db.recommendations().age(id, today),
    )?;
    let tracked = tracked
        .filter(|t| t.published || !public)
        .ok_or(WebError::NotFound)?;
    let r = &tracked.recommendation;
    let session = db
        .recommendations()
        .session(r.session_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let signed_in = who.viewer().is_signed_in();
    let mut earlier = Vec::new();
    let mut later = Vec::new();
    for l in links {
        let shown = l.state == "confirmed" || (l.state == "proposed" && !public);
        if !shown {
            continue;
        }
        let other = if l.recommendation == id {
            l.earlier
        } else {
            l.recommendation
        };
        let Some(o) = db
            .recommendations()
            .get(other)
            .await?
            .filter(|t| t.published || !public)
        else {
            continue;
        };
        let form = FormView {
            id: other.get(),
            roadmap: o.recommendation.roadmap.clone(),
            position: o.recommendation.position,
            text: o.recommendation.text.clone(),
            proposed_score: (l.state == "proposed").then_some(l.score.unwrap_or(0) / 10),
        };
        if l.recommendation == id {
            earlier.push(form);
        } else {
            later.push(form);
        }
    }
    let page = ShowPage {
        title: format!(
            "{} {} – {}",
            crate::language::t("col-recommendation"),
            r.position,
            r.roadmap
        ),
        nav: "recommendations",
        ui: who.ui(),
        text: r.text.clone(),
        roadmap: r.roadmap.clone(),
        position: r.position,
        scope: crate::language::label("recommendation-scope", r.scope.as_str()),
        thematic_group: r.thematic_group.clone(),
        session_title: format!("{} – {}", session.body, session.title),
        session_kind: crate::language::label("session-kind", session.kind.as_str()),
        session_date: session.date.map(date_text),
        meeting_id: session.meeting_id.map(|m| m.get()),
        status: r.status.map(status_badge),
        status_date: r.status_date.map(date_text),
        first_adopted: age.first_adopted,
        sessions: age.sessions,
        years_without_progress: age.years_without_progress,
        implementation_status: r.implementation_status.clone(),
        challenges: r.challenges.clone(),
        perspectives: r.perspectives.clone(),
        history: reports
            .iter()
            .rev()
            .filter(|rep| signed_in || !rep.withdrawn)
            .map(|rep| report_view(rep, signed_in))
            .collect(),
        earlier,
        later,
    };
    render(&page)
}
