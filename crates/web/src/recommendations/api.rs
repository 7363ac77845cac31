//! `GET /api/v1/recommendations` (filtered like the list), `GET /api/v1/recommendations/{id}`
//! (one, followed: its session, ties, reports, earlier and later forms, the action points
//! serving it) and `GET /api/v1/sessions`. Public: published recommendations only, report
//! authors never.

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use cadre_domain::Recommendation;
use cadre_storage::{Paging, RecommendationFilter};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::params::{self, ApiQuery};
use crate::published::PublicJson;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/recommendations", get(list_recommendations))
        .route("/api/v1/recommendations/{id}", get(one_recommendation))
        .route("/api/v1/sessions", get(list_sessions))
}

/// The OpenAPI document's part for the recommendations API.
#[derive(OpenApi)]
#[openapi(
    paths(list_recommendations, one_recommendation, list_sessions),
    components(schemas(
        RecommendationPage,
        RecommendationFollowed,
        ReportOut,
        ServingOut,
        cadre_domain::Recommendation,
        cadre_domain::Session
    ))
)]
pub(crate) struct Api;

#[derive(Deserialize)]
pub struct ListQuery {
    meeting: Option<String>,
    #[serde(flatten)]
    filters: super::filters::FilterQuery,
    limit: Option<String>,
    offset: Option<String>,
}

/// A page of recommendations.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecommendationPage {
    pub items: Vec<Recommendation>,
    pub total: i64,
}

/// Recommendations by session (most recent first), roadmap and position.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations",
    tag = "recommandations",
    params(
        ("meeting" = Option<i64>, Query, description = "Compte rendu dont elles sont lues (identifiant de réunion)"),
        ("session" = Option<i64>, Query, description = "Session qui les a adoptées"),
        ("roadmap" = Option<String>, Query, description = "Feuille de route (ex. « 2021 »)"),
        ("thematic_group" = Option<String>, Query, description = "Groupe thématique (ex. « Protection »)"),
        ("pnm" = Option<String>, Query, description = "Axe (« 2 », sous-programmes compris) ou sous-programme (« 2.3 ») de la PNM"),
        ("objective" = Option<i64>, Query, description = "Objectif du Pacte mondial (1 à 23)"),
        ("organisation" = Option<i64>, Query, description = "Organisation responsable ou partenaire"),
        ("status" = Option<String>, Query, description = "Statut : none (sans rapport), not_started, in_progress, implemented, abandoned, to_reformulate"),
        ("stalled" = Option<i64>, Query, description = "Sans progrès signalé depuis au moins ce nombre d'années (1 à 50)"),
        ("limit" = Option<i64>, Query, description = "Nombre d'éléments (1 à 500, 50 par défaut)"),
        ("offset" = Option<i64>, Query, description = "Éléments à sauter (0 par défaut ; 1 000 000 au plus)"),
    ),
    responses(
        (status = 200, description = "Une page de recommandations", body = RecommendationPage),
        (status = 400, description = "Paramètre invalide", body = ErrorBody),
    )
)]
pub async fn list_recommendations(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<PublicJson<RecommendationPage>, ApiError> {
    // The JSON API is public: published minutes only.
    let read = q
        .filters
        .read(cadre_domain::Audience::Public, crate::today())?;
    let filter = RecommendationFilter {
        meeting: params::id("meeting", &q.meeting)?,
        paging: Paging::page(
            params::limit("limit", &q.limit)?,
            params::offset("offset", &q.offset)?,
        ),
        ..read.filter
    };
    let page = crate::published::recommendations(&state.store, &filter).await?;
    Ok(PublicJson(RecommendationPage {
        items: page.items,
        total: page.total,
    }))
}

/// An implementation report, as the public reads it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportOut {
    pub reported_on: chrono::NaiveDate,
    pub status: Option<cadre_domain::RecommendationStatus>,
    pub done: String,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
}

/// An action point serving the recommendation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ServingOut {
    pub id: i64,
    pub meeting_id: i64,
    pub what: String,
    pub status: cadre_domain::ActionStatus,
}

/// A recommendation followed from adoption to implementation.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RecommendationFollowed {
    pub recommendation: Recommendation,
    pub session: cadre_domain::Session,
    /// Responsible organisations and partners, by acronym (else name).
    pub responsible: Vec<String>,
    pub partners: Vec<String>,
    /// PNM axis ("2") or sub-programme ("2.3").
    pub pnm: Option<String>,
    /// Global Compact objectives, 1 to 23.
    pub objectives: Vec<u8>,
    pub target_date: Option<chrono::NaiveDate>,
    pub target_text: Option<String>,
    /// Oldest first; withdrawn reports left out.
    pub reports: Vec<ReportOut>,
    /// Confirmed earlier and later forms (recommendation ids).
    pub earlier_forms: Vec<i64>,
    pub later_forms: Vec<i64>,
    pub action_points: Vec<ServingOut>,
}

/// One published recommendation with its follow-up.
#[utoipa::path(
    get,
    path = "/api/v1/recommendations/{id}",
    tag = "recommandations",
    params(("id" = i64, Path, description = "Identifiant de la recommandation")),
    responses(
        (status = 200, description = "La recommandation et son suivi", body = RecommendationFollowed),
        (status = 404, description = "Inconnue ou non publiée", body = ErrorBody),
    )
)]
pub async fn one_recommendation(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<PublicJson<RecommendationFollowed>, ApiError> {
    let id: cadre_domain::RecommendationId = params::path_id("id", id)?;
    let db = state.store.recommendations();
    let (tracked, reports, links, ties, serving) = tokio::try_join!(
        db.get(id),
        db.reports(id),
        db.links_of(id),
        db.alignment(id),
        state.store.action_points().serving(id),
    )
    .map_err(crate::error::WebError::from)?;
    let tracked = tracked
        .filter(|t| t.published)
        .ok_or(crate::error::WebError::NotFound)?;
    // Earlier and later forms the public may read: published ones.
    let mut earlier_forms = Vec::new();
    let mut later_forms = Vec::new();
    for l in links.iter().filter(|l| l.state == "confirmed") {
        let (other, earlier) = if l.recommendation == id {
            (l.earlier, true)
        } else {
            (l.recommendation, false)
        };
        let published = db
            .get(other)
            .await
            .map_err(crate::error::WebError::from)?
            .is_some_and(|t| t.published);
        if published {
            if earlier {
                earlier_forms.push(other.get());
            } else {
                later_forms.push(other.get());
            }
        }
    }
    let short = |orgs: &[cadre_domain::meeting::OrganisationRef]| {
        orgs.iter().map(|o| o.short().to_owned()).collect()
    };
    Ok(PublicJson(RecommendationFollowed {
        session: tracked.session.clone(),
        recommendation: tracked.recommendation.for_publication(),
        responsible: short(&ties.responsible),
        partners: short(&ties.partners),
        pnm: ties.pnm.map(|p| p.to_string()),
        objectives: ties.objectives.iter().map(|o| o.get()).collect(),
        target_date: ties.target_date,
        target_text: ties.target_text,
        reports: reports
            .into_iter()
            .filter(|r| !r.withdrawn)
            .map(|r| ReportOut {
                reported_on: r.reported_on,
                status: r.status,
                done: r.done,
                challenges: r.challenges,
                perspectives: r.perspectives,
            })
            .collect(),
        earlier_forms,
        later_forms,
        action_points: serving
            .into_iter()
            .filter(|p| p.published)
            .map(|p| ServingOut {
                id: p.id.get(),
                meeting_id: p.meeting_id.get(),
                what: p.what,
                status: p.status,
            })
            .collect(),
    }))
}

/// Every session that adopted recommendations, the latest first.
#[utoipa::path(
    get,
    path = "/api/v1/sessions",
    tag = "recommandations",
    responses((status = 200, description = "Les sessions", body = Vec<cadre_domain::Session>))
)]
pub async fn list_sessions(
    State(state): State<AppState>,
) -> Result<PublicJson<Vec<cadre_domain::Session>>, ApiError> {
    let sessions = state
        .store
        .recommendations()
        .sessions(cadre_domain::Audience::Public)
        .await
        .map_err(crate::error::WebError::from)?;
    Ok(PublicJson(sessions))
}
