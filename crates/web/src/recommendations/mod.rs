//! Recommendations: `/recommendations` (what the CCM and CRCM sessions adopted, by roadmap and thematic group), `/recommendations/{id}` (one, followed over the years) and `GET /api/v1/recommendations`.

mod api;
mod pages;
mod show;

use axum::Router;

pub(crate) use api::Api;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(show::router())
        .merge(api::router())
}
