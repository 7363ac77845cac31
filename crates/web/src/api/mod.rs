//! The JSON API under `/api/v1/`: the same data as the pages, for partners' tools and the
//! national database. Lists are paged with `limit` (at most 500, 50 by default) and `offset`
//! and answer `{items, total}`; errors answer `{"error": "..."}`.

use axum::Router;
use cadre_storage::Database;

use crate::AppState;

pub mod action_points;
pub mod meetings;
pub mod organisations;
pub mod recommendations;

pub fn router<D: Database>() -> Router<AppState<D>> {
    Router::new()
        .merge(meetings::router::<D>())
        .merge(action_points::router::<D>())
        .merge(organisations::router::<D>())
        .merge(recommendations::router::<D>())
}
