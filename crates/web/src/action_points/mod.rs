//! Action points: `/actions` (by organisation, status and lateness) and `GET /api/v1/action-points`.

mod api;
mod pages;

use axum::Router;

pub(crate) use api::Api;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(pages::router()).merge(api::router())
}
