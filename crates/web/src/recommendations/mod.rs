//! Recommendations: `/recommendations` (what the CCM and CRCM sessions adopted, filtered), `/recommendations/roadmap` (the matrix of thematic groups × statuses, with its chart), `/recommendations/alignment` (per PNM sub-programme and Global Compact objective), `/recommendations/{id}` (one, followed over the years, with the forms that report on it, tie it and decide its earlier forms) and `GET /api/v1/recommendations`.

mod alignment;
mod alignment_report;
mod api;
mod exports;
mod filters;
mod follow_up;
mod pages;
mod roadmap;
mod show;

use axum::Router;

pub(crate) use api::Api;

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(roadmap::router())
        .merge(alignment_report::router())
        .merge(show::router())
        .merge(api::router())
}
