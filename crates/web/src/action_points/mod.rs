//! Action points: `/actions` (by organisation, status and lateness), each point's page with
//! its follow-up (`/actions/{id}`, reports, the recommendation it serves), and `GET /api/v1/action-points`.

mod api;
mod exports;
pub mod follow_up;
mod pages;
mod serves;

use axum::Router;
use axum::routing::{get, post};

pub(crate) use api::Api;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/actions.csv", get(exports::csv))
        .route("/actions.xlsx", get(exports::xlsx))
        .route("/actions/{id}", get(follow_up::show))
        .route("/actions/{id}/reports", post(follow_up::report))
        .route(
            "/actions/{id}/reports/{report}/withdraw",
            post(follow_up::withdraw),
        )
        .route(
            "/actions/{id}/reports/{report}/restore",
            post(follow_up::restore),
        )
        .route("/actions/{id}/recommendation", post(serves::serve))
        .merge(pages::router())
        .merge(api::router())
}
