//! Organisations: `/organisations` (who sits in the GTMs and sessions, under every name the documents use) and `GET /api/v1/organisations`.

mod api;
mod curation;
mod pages;

use axum::Router;

pub(crate) use api::Api;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/organisations/{id}",
            axum::routing::get(curation::show).post(curation::update),
        )
        .route(
            "/organisations/{id}/focal-points",
            axum::routing::post(curation::add_focal_point),
        )
        .route(
            "/organisations/{id}/focal-points/{fp}/{what}",
            axum::routing::post(curation::set_focal_point_removed),
        )
        .merge(pages::router())
        .merge(api::router())
}
