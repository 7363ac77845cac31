//! `GET /api/v1/organisations`.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use cadre_domain::{Audience, OrganisationId, OrganisationKind};
use serde::Serialize;
use utoipa::OpenApi;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};
use crate::published::PublicJson;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/organisations", get(list_organisations))
}

/// The OpenAPI document's part for the organisations API.
#[derive(OpenApi)]
#[openapi(
    paths(list_organisations),
    components(schemas(OrganisationList, OrganisationEntry))
)]
pub(crate) struct Api;

/// An organisation, its other names, and how much it appears.
#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganisationEntry {
    #[schema(value_type = i64)]
    pub id: OrganisationId,
    pub name: String,
    pub acronym: Option<String>,
    pub kind: OrganisationKind,
    /// Every other way the documents name it.
    pub aliases: Vec<String>,
    /// Created by an import from an unknown name: to be checked.
    pub needs_review: bool,
    pub meetings_attended: i64,
    pub action_points: i64,
}

/// All organisations (a few hundred at most).
#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganisationList {
    pub items: Vec<OrganisationEntry>,
    pub total: i64,
}

/// Organisations by name, with their aliases and counts.
#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    tag = "organisations",
    responses(
        (status = 200, description = "Toutes les organisations", body = OrganisationList),
        (status = 500, description = "Erreur interne", body = ErrorBody),
    )
)]
pub async fn list_organisations(
    State(state): State<AppState>,
) -> Result<PublicJson<OrganisationList>, ApiError> {
    let all = state.store.organisations().list(Audience::Public).await?;
    let items: Vec<OrganisationEntry> = all
        .into_iter()
        .map(|o| OrganisationEntry {
            id: o.organisation.id,
            name: o.organisation.name,
            acronym: o.organisation.acronym,
            kind: o.organisation.kind,
            aliases: o.organisation.aliases,
            needs_review: o.organisation.needs_review,
            meetings_attended: o.meetings_attended,
            action_points: o.action_points,
        })
        .collect();
    Ok(PublicJson(OrganisationList {
        total: items.len() as i64,
        items,
    }))
}
