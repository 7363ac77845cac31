//! `GET /api/v1/action-points`.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use cadre_domain::ActionPoint;
use cadre_storage::{ActionPointFilter, Paging};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::params::{self, ApiQuery};
use crate::published::PublicJson;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/action-points", get(list_action_points))
}

/// The OpenAPI document's part for the action points API.
#[derive(OpenApi)]
#[openapi(
    paths(list_action_points),
    components(schemas(ActionPointPage, cadre_domain::ActionPoint))
)]
pub(crate) struct Api;

#[derive(Deserialize)]
pub struct ListQuery {
    organisation: Option<String>,
    status: Option<String>,
    overdue: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// A page of action points, soonest deadline first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ActionPointPage {
    pub items: Vec<ActionPoint>,
    pub total: i64,
}

/// Action points, soonest deadline first (those without a date last).
#[utoipa::path(
    get,
    path = "/api/v1/action-points",
    tag = "points d'action",
    params(
        ("organisation" = Option<i64>, Query, description = "Organisation responsable (identifiant)"),
        ("status" = Option<String>, Query, description = "Statut : open, in_progress, done ou dropped"),
        ("overdue" = Option<bool>, Query, description = "true : seulement les points en attente dont la date limite est passée"),
        ("limit" = Option<i64>, Query, description = "Nombre d'éléments (1 à 500, 50 par défaut)"),
        ("offset" = Option<i64>, Query, description = "Éléments à sauter (0 par défaut ; 1 000 000 au plus)"),
    ),
    responses(
        (status = 200, description = "Une page de points d'action", body = ActionPointPage),
        (status = 400, description = "Paramètre invalide", body = ErrorBody),
    )
)]
pub async fn list_action_points(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<PublicJson<ActionPointPage>, ApiError> {
    let overdue = params::flag("overdue", &q.overdue)?;
    let filter = ActionPointFilter {
        organisation: params::id("organisation", &q.organisation)?,
        status: params::status("status", &q.status)?,
        overdue_on: overdue.then(crate::today),
        paging: Paging::page(
            params::limit("limit", &q.limit)?,
            params::offset("offset", &q.offset)?,
        ),
        ..Default::default()
    };
    let page = crate::published::action_points(&state.store, &filter).await?;
    Ok(PublicJson(ActionPointPage {
        items: page.items,
        total: page.total,
    }))
}
