//! The OpenAPI document of the JSON API, generated from the handlers and the domain types.

use std::sync::LazyLock;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;
use utoipa::OpenApi;

use crate::AppState;
use crate::api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cadre – API",
        description = "Données ouvertes du SP/CCM et des groupes techniques sur la migration (Niger) : réunions, points d'action, organisations, recommandations. Les coordonnées personnelles des participants ne sont jamais publiées.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    paths(
        api::meetings::list_meetings,
        api::meetings::get_meeting,
        api::action_points::list_action_points,
        api::organisations::list_organisations,
        api::recommendations::list_recommendations,
        crate::search::api_search,
    ),
    components(schemas(
        crate::error::ErrorBody,
        api::meetings::MeetingPage,
        api::action_points::ActionPointPage,
        api::organisations::OrganisationList,
        api::organisations::OrganisationEntry,
        api::recommendations::RecommendationPage,
        crate::search::SearchResultPage,
        crate::search::SearchResultItem,
        crate::search::ExcerptPiece,
        cadre_domain::Meeting,
        cadre_domain::MeetingSummary,
        cadre_domain::ActionPoint,
        cadre_domain::Recommendation,
    )),
    tags(
        (name = "réunions", description = "Réunions des GTM, sessions du CCM et des CRCM"),
        (name = "points d'action", description = "Points d'action des comptes-rendus"),
        (name = "organisations", description = "Organisations et leurs autres noms"),
        (name = "recommandations", description = "Recommandations adoptées en session"),
        (name = "recherche", description = "Recherche plein texte (français : accents et pluriels sans importance)"),
    )
)]
pub struct ApiDoc;

/// The document, serialised once.
static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
});

pub fn document() -> &'static str {
    &DOCUMENT
}

pub fn router() -> Router<AppState> {
    Router::new().route("/api/openapi.json", get(openapi_json))
}

async fn openapi_json() -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        document(),
    )
}
