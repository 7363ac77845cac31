//! The JSON API under `/api/v1/`: the same data as the pages, for partners' tools and the
//! national database. Lists are paged with `limit` (at most 500, 50 by default) and `offset`
//! and answer `{items, total}`; errors answer `{"error": "..."}`.

use axum::Router;

use crate::AppState;

pub mod action_points;
pub mod meetings;
pub mod organisations;
pub mod recommendations;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(meetings::router())
        .merge(action_points::router())
        .merge(organisations::router())
        .merge(recommendations::router())
}
