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
    roadmap: Option<String>,
    thematic_group: Option<String>,
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
        ("meeting" = Option<i64>, Query, description = "Session (identifiant de réunion)"),
        ("roadmap" = Option<String>, Query, description = "Feuille de route (ex. « 2021 »)"),
        ("thematic_group" = Option<String>, Query, description = "Groupe thématique (ex. « Protection »)"),
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
    let filter = RecommendationFilter {
        meeting: params::id("meeting", &q.meeting)?,
        roadmap: params::text("roadmap", &q.roadmap)?,
        thematic_group: params::text("thematic_group", &q.thematic_group)?,
        paging: Paging::page(
            params::limit("limit", &q.limit)?,
            params::offset("offset", &q.offset)?,
        ),
        // The JSON API is public: published minutes only.
        audience: cadre_domain::Audience::Public,
    };
    let page = crate::published::recommendations(&state.store, &filter).await?;
    Ok(PublicJson(RecommendationPage {
        items: page.items,
        total: page.total,
    }))
}
