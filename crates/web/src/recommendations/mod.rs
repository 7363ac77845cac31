//! Recommendations: `/recommendations` (what the CCM and CRCM sessions adopted, by roadmap and thematic group) and `GET /api/v1/recommendations`.

mod api;
mod pages;

use axum::Router;

pub(crate) use api::Api;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(pages::router()).merge(api::router())
}
