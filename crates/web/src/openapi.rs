//! The OpenAPI document of the JSON API: the site-wide description and tags here, each
//! capability's paths and schemas from its own `api` module (`Api`).

use std::sync::LazyLock;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;
use utoipa::OpenApi;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cadre – API",
        description = "Données ouvertes du SP/CCM et des groupes techniques sur la migration (Niger) : réunions, points d'action, organisations, recommandations. Les coordonnées personnelles des participants ne sont jamais publiées.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    components(schemas(crate::error::ErrorBody)),
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
    let mut document = ApiDoc::openapi();
    for part in [
        crate::meetings::Api::openapi(),
        crate::action_points::Api::openapi(),
        crate::organisations::Api::openapi(),
        crate::recommendations::Api::openapi(),
        crate::search::Api::openapi(),
    ] {
        document.merge(part);
    }
    document
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
