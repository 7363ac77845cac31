//! `GET /api/v1/search`.

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use cadre_search::SearchQuery;
use serde::Serialize;
use utoipa::OpenApi;

use super::{Freshness, Query, kind_param, run};
use crate::AppState;
use crate::error::{ApiError, ErrorBody, WebError};
use crate::params::{self, ApiQuery};
use crate::published::PublicJson;

pub fn router() -> Router<AppState> {
    Router::new().route("/api/v1/search", get(api_search))
}

/// The search API's part of the OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(api_search),
    components(schemas(SearchResultPage, SearchResultItem, ExcerptPiece))
)]
pub(crate) struct Api;

/// A passage of the text; `highlighted` marks the words that matched.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExcerptPiece {
    pub text: String,
    pub highlighted: bool,
}

/// One search result.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchResultItem {
    /// "meeting", "discussion", "actionpoint" or "recommendation".
    pub kind: String,
    pub meeting_id: i64,
    pub body_code: String,
    pub body: String,
    pub date: chrono::NaiveDate,
    pub title: String,
    /// The page showing it, relative to the site.
    pub url: String,
    pub excerpt: Vec<ExcerptPiece>,
    pub score: f32,
}

/// Search results, best first.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SearchResultPage {
    pub items: Vec<SearchResultItem>,
    /// How many results match, over all pages.
    pub total: i64,
    /// False while the index is catching up with a large import: results may miss it.
    pub complete: bool,
}

/// Full-text search across minutes, discussion points, action points and recommendations.
/// Accents and case are ignored and French words are matched by their stem ("migrations"
/// finds "migration"); all words must match; `"…"` searches a phrase and `-word` excludes.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "recherche",
    params(
        ("q" = String, Query, description = "Les mots cherchés"),
        ("body" = Option<String>, Query, description = "Code de l'instance (ex. « gtm-tahoua »)"),
        ("year" = Option<i32>, Query, description = "Année de la réunion"),
        ("kind" = Option<String>, Query, description = "meeting, discussion, actionpoint ou recommendation"),
        ("limit" = Option<i64>, Query, description = "Nombre de résultats (1 à 100, 50 par défaut ; au-delà de 100, 100)"),
        ("offset" = Option<i64>, Query, description = "Résultats à sauter (0 par défaut) ; offset + limit ne dépasse pas 10 000 : seuls les 10 000 premiers résultats sont servis"),
    ),
    responses(
        (status = 200, description = "Les résultats", body = SearchResultPage),
        (status = 400, description = "Paramètre invalide, recherche sans mot ou page au-delà des 10 000 premiers résultats", body = ErrorBody),
    )
)]
pub async fn api_search(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<Query>,
) -> Result<PublicJson<SearchResultPage>, ApiError> {
    let text = params::text("q", &q.q)?
        .ok_or_else(|| WebError::bad_param("q", "indiquez au moins un mot à chercher"))?;
    let offset = params::offset("offset", &q.offset)? as usize;
    let limit = (params::limit("limit", &q.limit)? as usize).min(cadre_search::MAX_LIMIT);
    params::search_window("offset", offset, limit)?;
    let query = SearchQuery {
        text,
        body_code: params::text("body", &q.body)?,
        year: params::year("year", &q.year)?,
        kind: kind_param(&q.kind)?,
        // The JSON API is public: published minutes only.
        include_drafts: false,
        offset,
        limit,
    };
    let (results, freshness) = run(&state, query, "offset").await?;
    let results = results.ok_or_else(|| {
        WebError::bad_param(
            "q",
            "aucun mot à chercher (les mots courants comme « de » ou « la » ne comptent pas)",
        )
    })?;
    Ok(PublicJson(SearchResultPage {
        total: results.total as i64,
        complete: freshness == Freshness::UpToDate,
        items: results
            .hits
            .into_iter()
            .map(|h| SearchResultItem {
                kind: h.kind.as_str().to_owned(),
                meeting_id: h.meeting_id,
                body_code: h.body_code,
                body: h.body_name,
                date: h.date,
                title: h.title,
                url: h.url,
                excerpt: h
                    .excerpt
                    .into_iter()
                    .map(|f| ExcerptPiece {
                        text: f.text,
                        highlighted: f.highlighted,
                    })
                    .collect(),
                score: h.score,
            })
            .collect(),
    }))
}
