//! Full-text search: the `/search` page and `GET /api/v1/search`, over minutes, discussion
//! points, action points and recommendations (French-aware, see `cadre-search`; the index is
//! kept in step with the store by `cadre_services::search_index`).

mod api;
mod pages;

use axum::Router;
use cadre_search::{DocKind, SearchError, SearchQuery, SearchResults};
use serde::Deserialize;

pub(crate) use api::Api;
pub use cadre_services::search_index::{Freshness, IndexingError, Search, documents};

use crate::AppState;
use crate::error::WebError;
use crate::params;

pub fn router() -> Router<AppState> {
    Router::new().merge(pages::router()).merge(api::router())
}

pub(crate) const PER_PAGE: i64 = 20;

#[derive(Deserialize)]
pub(crate) struct Query {
    pub(crate) q: Option<String>,
    pub(crate) body: Option<String>,
    pub(crate) year: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) page: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) offset: Option<String>,
}

pub(crate) fn kind_label(kind: DocKind) -> &'static str {
    crate::language::t(match kind {
        DocKind::Meeting => "col-meeting",
        DocKind::Discussion => "search-kind-discussion",
        DocKind::ActionPoint => "col-action-point",
        DocKind::Recommendation => "col-recommendation",
    })
}

pub(crate) fn kind_param(v: &Option<String>) -> Result<Option<DocKind>, WebError> {
    let Some(s) = params::given(v) else {
        return Ok(None);
    };
    DocKind::parse(s).map(Some).ok_or_else(|| {
        WebError::bad_param(
            "kind",
            "attendu : meeting, discussion, actionpoint ou recommendation",
        )
    })
}

impl From<IndexingError> for WebError {
    fn from(e: IndexingError) -> Self {
        WebError::Internal(format!("index de recherche : {e}"))
    }
}

/// Runs a search after bringing the index up to date. `None` for a query with no word.
/// `window_param` names the parameter blamed for a page beyond the result window (the callers
/// check it first; the index refuses it again rather than allocate it).
pub(crate) async fn run(
    state: &AppState,
    query: SearchQuery,
    window_param: &str,
) -> Result<(Option<SearchResults>, Freshness), WebError> {
    let freshness = match state.search.refresh(&state.store).await {
        Ok(f) => f,
        // A stale index still answers: say so rather than fail the search.
        Err(e) => {
            tracing::warn!(error = %e, "search index: could not catch up");
            Freshness::Updating
        }
    };
    let index = state.search.index.clone();
    let results = tokio::task::spawn_blocking(move || index.search(&query))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    match results {
        Ok(r) => Ok((Some(r), freshness)),
        Err(SearchError::EmptyQuery) => Ok((None, freshness)),
        Err(SearchError::BeyondWindow { .. }) => Err(WebError::bad_param(
            window_param,
            params::beyond_window_message(),
        )),
        Err(e) => Err(WebError::Internal(format!("recherche : {e}"))),
    }
}
