//! `GET /api/v1/meetings` and `GET /api/v1/meetings/{id}`.

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use cadre_domain::{Audience, Meeting, MeetingSummary};
use cadre_storage::{MeetingFilter, Paging};
use serde::{Deserialize, Serialize};
use utoipa::OpenApi;

use crate::AppState;
use crate::error::{ApiError, ErrorBody, WebError};
use crate::params::{self, ApiQuery};
use crate::published::PublicJson;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/meetings", get(list_meetings))
        .route("/api/v1/meetings/{id}", get(get_meeting))
}

/// The OpenAPI document's part for the meetings API.
#[derive(OpenApi)]
#[openapi(
    paths(list_meetings, get_meeting),
    components(schemas(MeetingPage, cadre_domain::Meeting, cadre_domain::MeetingSummary))
)]
pub(crate) struct Api;

#[derive(Deserialize)]
pub struct ListQuery {
    body: Option<String>,
    year: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// A page of meetings, most recent first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct MeetingPage {
    pub items: Vec<MeetingSummary>,
    /// How many meetings match the filters, over all pages.
    pub total: i64,
}

/// Meetings, most recent first.
#[utoipa::path(
    get,
    path = "/api/v1/meetings",
    tag = "réunions",
    params(
        ("body" = Option<String>, Query, description = "Code de l'instance (ex. « gtm-tahoua », « ccm »)"),
        ("year" = Option<i32>, Query, description = "Année de la réunion"),
        ("limit" = Option<i64>, Query, description = "Nombre d'éléments (1 à 500, 50 par défaut)"),
        ("offset" = Option<i64>, Query, description = "Éléments à sauter (0 par défaut ; 1 000 000 au plus)"),
    ),
    responses(
        (status = 200, description = "Une page de réunions", body = MeetingPage),
        (status = 400, description = "Paramètre invalide", body = ErrorBody),
    )
)]
pub async fn list_meetings(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<PublicJson<MeetingPage>, ApiError> {
    let filter = MeetingFilter {
        body: params::text("body", &q.body)?,
        year: params::year("year", &q.year)?,
        paging: Paging::page(
            params::limit("limit", &q.limit)?,
            params::offset("offset", &q.offset)?,
        ),
        // The JSON API is public: published minutes only.
        audience: Audience::Public,
    };
    let page = state.store.meetings().list(&filter).await?;
    Ok(PublicJson(MeetingPage {
        items: page.items,
        total: page.total,
    }))
}

/// One meeting with its attendance, agenda, action points, next meeting and import notes.
#[utoipa::path(
    get,
    path = "/api/v1/meetings/{id}",
    tag = "réunions",
    params(("id" = i64, Path, description = "Identifiant de la réunion")),
    responses(
        (status = 200, description = "La réunion", body = Meeting),
        (status = 400, description = "Identifiant invalide", body = ErrorBody),
        (status = 404, description = "Réunion inconnue", body = ErrorBody),
    )
)]
pub async fn get_meeting(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<PublicJson<Meeting>, ApiError> {
    let id = params::path_id("id", id)?;
    let meeting = crate::published::meeting(&state.store, id, Audience::Public)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(PublicJson(meeting))
}
