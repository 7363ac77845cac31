//! `GET /api/v1/recommendations`.

use axum::Router;
use axum::extract::State;
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
    Router::new().route("/api/v1/recommendations", get(list_recommendations))
}

/// The OpenAPI document's part for the recommendations API.
#[derive(OpenApi)]
#[openapi(
    paths(list_recommendations),
    components(schemas(RecommendationPage, cadre_domain::Recommendation))
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
