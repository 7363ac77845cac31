//! `/recommendations/{id}`: one recommendation with its session, its status, its age, who
//! answers for it and what it serves, its implementation reports (newest first), the action
//! points serving it and its earlier and later forms. The public sees published
//! recommendations, confirmed links and points of published minutes only; Cadre's proposals
//! are for people signed in, and the secretariat decides them. The forms that change it are
//! in `follow_up.rs` and `alignment.rs`; a refused save comes back here with its message.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use cadre_domain::{GcmObjectiveNumber, PnmCode, RecommendationId, RecommendationStatus};
use cadre_storage::recommendations::alignment::Alignment;
use cadre_storage::recommendations::follow_up::ReportEntry;

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::params;
use crate::published::render;
use crate::view::{Choice, date_text, for_reader, status_class};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/recommendations/{id}", get(show))
        .route(
            "/recommendations/{id}/reports",
            post(super::follow_up::report),
        )
        .route(
            "/recommendations/{id}/reports/{report}/withdraw",
            post(super::follow_up::withdraw),
        )
        .route(
            "/recommendations/{id}/reports/{report}/restore",
            post(super::follow_up::restore),
        )
        .route(
            "/recommendations/{id}/links/{link}",
            post(super::follow_up::decide_link),
        )
        .route(
            "/recommendations/{id}/alignment",
            post(super::alignment::align),
        )
}

struct ReportView {
    id: i64,
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
    /// The link's number, for deciding it.
    link: i64,
    roadmap: String,
    position: u32,
    text: String,
    /// "proposed" links show their similarity, for people signed in only.
    proposed_score: Option<i64>,
}

struct ServingView {
    id: i64,
    meeting: String,
    what: String,
    status_label: &'static str,
    status_class: &'static str,
}

struct OrganisationView {
    id: i64,
    short: String,
    name: String,
}

/// What the report form shows: the version it was read at and what was typed.
pub(super) struct ReportDraft {
    pub status: Option<RecommendationStatus>,
    pub done: String,
    pub challenges: String,
    pub perspectives: String,
    pub reported_on: String,
}

struct ReportFormView {
    statuses: Vec<Choice>,
    draft: ReportDraft,
    today: String,
}

/// What the alignment form shows.
pub(super) struct AlignmentDraft {
    pub responsible: String,
    pub partners: String,
    pub pnm: String,
    pub objectives: Vec<u8>,
    pub target_date: String,
    pub target_text: String,
}

struct AlignmentFormView {
    draft: AlignmentDraft,
    pnm: Vec<Choice>,
    objectives: Vec<Choice>,
}

/// How the page is shown: after a refused save, with its message and what was typed.
#[derive(Default)]
pub(super) struct Shown {
    pub message: String,
    pub report: Option<ReportDraft>,
    pub alignment: Option<AlignmentDraft>,
    /// After a refused save on an older version: the reports made since it.
    pub since_version: Option<i64>,
}

#[derive(Template)]
#[template(path = "recommendations/show.html")]
struct ShowPage {
    title: String,
    nav: &'static str,
    ui: crate::accounts::Ui,
    id: i64,
    version: i64,
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
    responsible: Vec<OrganisationView>,
    partners: Vec<OrganisationView>,
    pnm: Option<String>,
    objectives: Vec<String>,
    target: Option<String>,
    implementation_status: Option<String>,
    challenges: Option<String>,
    perspectives: Option<String>,
    history: Vec<ReportView>,
    serving: Vec<ServingView>,
    earlier: Vec<FormView>,
    later: Vec<FormView>,
    /// What went wrong with the last save: of the alignment form, or of anything else.
    message: String,
    alignment_message: String,
    changed_meanwhile: Vec<ReportView>,
    report_form: Option<ReportFormView>,
    alignment_form: Option<AlignmentFormView>,
    /// The secretariat withdraws reports and decides proposed links.
    secretariat: bool,
}

/// A status's label and the badge class that colours it.
pub(super) fn status_badge(s: RecommendationStatus) -> (&'static str, &'static str) {
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

fn report_view(r: &ReportEntry, signed_in: bool, mask: bool) -> ReportView {
    ReportView {
        id: r.id,
        reported_on: date_text(r.reported_on),
        status: r.status.map(status_badge),
        done: for_reader(&r.done, mask),
        challenges: r.challenges.as_deref().map(|t| for_reader(t, mask)),
        perspectives: r.perspectives.as_deref().map(|t| for_reader(t, mask)),
        meeting_id: r.meeting_id.map(|m| m.get()),
        actor: if signed_in {
            r.actor.clone()
        } else {
            String::new()
        },
        withdrawn: r.withdrawn,
    }
}

/// The PNM place as people read it: "2.3 – title".
pub(super) fn pnm_label(code: PnmCode) -> String {
    format!("{code} – {}", code.title())
}

pub(super) fn objective_label(n: GcmObjectiveNumber) -> String {
    let o = n.objective();
    let short = match crate::language::current() {
        cadre_i18n::Lang::En => &o.short_en,
        _ => &o.short_fr,
    };
    format!("{} – {short}", o.number)
}

/// How the alignment form shows what is stored.
pub(super) fn alignment_draft(a: &Alignment) -> AlignmentDraft {
    let names = |orgs: &[cadre_domain::meeting::OrganisationRef]| {
        orgs.iter()
            .map(|o| o.short().to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    AlignmentDraft {
        responsible: names(&a.responsible),
        partners: names(&a.partners),
        pnm: a.pnm.map(|p| p.to_string()).unwrap_or_default(),
        objectives: a.objectives.iter().map(|o| o.get()).collect(),
        target_date: a
            .target_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        target_text: a.target_text.clone().unwrap_or_default(),
    }
}

pub(super) async fn page(
    state: &AppState,
    who: &Who,
    id: RecommendationId,
    status: StatusCode,
    shown: Shown,
) -> Result<Response, WebError> {
    let db = &state.store;
    let public = who.audience().is_public();
    let today = crate::today();
    let (tracked, reports, links, age, alignment, serving) = tokio::try_join!(
        db.recommendations().get(id),
        db.recommendations().reports(id),
        db.recommendations().links_of(id),
        db.recommendations().age(id, today),
        db.recommendations().alignment(id),
        db.action_points().serving(id),
    )?;
    let mut tracked = tracked
        .filter(|t| t.published || !public)
        .ok_or(WebError::NotFound)?;
    let mask = !who.viewer().sees_personal_contacts();
    if mask {
        tracked.recommendation = tracked.recommendation.for_publication();
    }
    let r = &tracked.recommendation;
    let session = &tracked.session;
    let viewer = who.viewer();
    let signed_in = viewer.is_signed_in();
    let secretariat = viewer.is_secretariat();
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
            link: l.id,
            roadmap: o.recommendation.roadmap.clone(),
            position: o.recommendation.position,
            text: for_reader(&o.recommendation.text, mask),
            proposed_score: (l.state == "proposed").then_some(l.score.unwrap_or(0) / 10),
        };
        if l.recommendation == id {
            earlier.push(form);
        } else {
            later.push(form);
        }
    }
    let report_form = viewer.may_report_on(&tracked.scope(&alignment)).then(|| {
        let draft = shown.report.unwrap_or_else(|| ReportDraft {
            status: r.status,
            done: String::new(),
            challenges: String::new(),
            perspectives: String::new(),
            reported_on: today.format("%Y-%m-%d").to_string(),
        });
        ReportFormView {
            statuses: RecommendationStatus::ALL
                .iter()
                .map(|s| Choice {
                    value: s.as_str().to_owned(),
                    label: crate::language::label("recommendation-status", s.as_str()).to_owned(),
                    selected: Some(*s) == draft.status,
                })
                .collect(),
            draft,
            today: today.format("%Y-%m-%d").to_string(),
        }
    });
    let for_alignment = shown.alignment.is_some();
    let alignment_form = secretariat.then(|| {
        let draft = shown
            .alignment
            .unwrap_or_else(|| alignment_draft(&alignment));
        AlignmentFormView {
            pnm: PnmCode::all()
                .into_iter()
                .map(|c| Choice {
                    value: c.to_string(),
                    label: pnm_label(c),
                    selected: draft.pnm == c.to_string(),
                })
                .collect(),
            objectives: GcmObjectiveNumber::all()
                .map(|n| Choice {
                    value: n.get().to_string(),
                    label: objective_label(n),
                    selected: draft.objectives.contains(&n.get()),
                })
                .collect(),
            draft,
        }
    });
    let changed_meanwhile = shown
        .since_version
        .map(|v| {
            reports
                .iter()
                .filter(|rep| rep.version > v)
                .map(|rep| report_view(rep, signed_in, mask))
                .collect()
        })
        .unwrap_or_default();
    let org_view = |o: &cadre_domain::meeting::OrganisationRef| OrganisationView {
        id: o.id.get(),
        short: o.short().to_owned(),
        name: o.name.clone(),
    };
    let page = ShowPage {
        title: format!(
            "{} {} – {}",
            crate::language::t("col-recommendation"),
            r.position,
            r.roadmap
        ),
        nav: "recommendations",
        ui: who.ui(),
        id: id.get(),
        version: tracked.version,
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
        responsible: alignment.responsible.iter().map(org_view).collect(),
        partners: alignment.partners.iter().map(org_view).collect(),
        pnm: alignment.pnm.map(pnm_label),
        objectives: alignment
            .objectives
            .iter()
            .map(|n| objective_label(*n))
            .collect(),
        target: alignment
            .target_date
            .map(date_text)
            .or_else(|| alignment.target_text.clone()),
        implementation_status: r.implementation_status.clone(),
        challenges: r.challenges.clone(),
        perspectives: r.perspectives.clone(),
        history: reports
            .iter()
            .rev()
            .filter(|rep| signed_in || !rep.withdrawn)
            .map(|rep| report_view(rep, signed_in, mask))
            .collect(),
        serving: serving
            .iter()
            .filter(|p| p.published || !public)
            .map(|p| ServingView {
                id: p.id.get(),
                meeting: format!("{}, {}", p.body, date_text(p.meeting_date)),
                what: for_reader(&p.what, mask),
                status_label: crate::language::label("action-status", p.status.as_str()),
                status_class: status_class(p.status),
            })
            .collect(),
        earlier,
        later,
        message: if for_alignment {
            String::new()
        } else {
            shown.message.clone()
        },
        alignment_message: if for_alignment {
            shown.message
        } else {
            String::new()
        },
        changed_meanwhile,
        report_form,
        alignment_form,
        secretariat,
    };
    Ok((status, render(&page)?).into_response())
}

async fn show(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id: RecommendationId = params::path_id("id", id)?;
    page(&state, &who, id, StatusCode::OK, Shown::default()).await
}
