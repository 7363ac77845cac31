//! Recommendations: `/recommendations` (what the CCM and CRCM sessions adopted, by roadmap and thematic group), `/recommendations/{id}` (one, followed over the years, with the forms that report on it, tie it and decide its earlier forms) and `GET /api/v1/recommendations`.

mod alignment;
mod api;
mod follow_up;
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
