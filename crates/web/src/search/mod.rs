//! Full-text search: the `/search` page and `GET /api/v1/search`, over minutes, discussion
//! points, action points and recommendations (French-aware, see `cadre-search`).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_search::{DocKind, SearchError, SearchHit, SearchQuery, SearchResults};
use serde::{Deserialize, Serialize};

pub use cadre_services::search_index::{Freshness, IndexingError, Search, documents};

use crate::AppState;
use crate::error::{ApiError, ErrorBody, WebError};
use crate::params::{self, ApiQuery, PageQuery};
use crate::published::PublicJson;
use crate::view::{Choice, Pager, date_fr};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/search", get(page))
        .route("/api/v1/search", get(api_search))
}

const PER_PAGE: i64 = 20;

#[derive(Deserialize)]
pub struct Query {
    q: Option<String>,
    body: Option<String>,
    year: Option<String>,
    kind: Option<String>,
    page: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

fn kind_label(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Meeting => "Réunion",
        DocKind::Discussion => "Points de discussion",
        DocKind::ActionPoint => "Point d'action",
        DocKind::Recommendation => "Recommandation",
    }
}

fn kind_param(v: &Option<String>) -> Result<Option<DocKind>, WebError> {
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
async fn run(
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

struct HitRow {
    kind: &'static str,
    body: String,
    date: String,
    title: String,
    url: String,
    /// (text, highlighted) pieces; askama escapes each.
    excerpt: Vec<(String, bool)>,
}

impl HitRow {
    fn new(h: &SearchHit) -> HitRow {
        HitRow {
            kind: kind_label(h.kind),
            body: h.body_name.clone(),
            date: date_fr(h.date),
            title: h.title.clone(),
            url: h.url.clone(),
            excerpt: h
                .excerpt
                .iter()
                .map(|f| (f.text.clone(), f.highlighted))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    title: &'static str,
    nav: &'static str,
    q: String,
    bodies: Vec<Choice>,
    years: Vec<Choice>,
    kinds: Vec<Choice>,
    /// False before any search, or for a query with no word in it.
    searched: bool,
    empty_query: bool,
    updating: bool,
    /// More hits than pages can reach ([`cadre_search::MAX_WINDOW`]).
    beyond_window: bool,
    hits: Vec<HitRow>,
    pager: Pager,
}

async fn page(
    State(state): State<AppState>,
    PageQuery(q): PageQuery<Query>,
) -> Result<Html<String>, WebError> {
    let text = params::text("q", &q.q)?.unwrap_or_default();
    let body = params::text("body", &q.body)?;
    let year = params::year("year", &q.year)?;
    let kind = kind_param(&q.kind)?;
    let page = params::page("page", &q.page)?;
    let offset = Pager::offset(page, PER_PAGE) as usize;
    params::search_window("page", offset, PER_PAGE as usize)?;
    let choices = state.cache.meeting_choices(&state.store).await?;
    let (results, freshness) = if text.trim().is_empty() {
        (None, Freshness::UpToDate)
    } else {
        run(
            &state,
            SearchQuery {
                text: text.clone(),
                body_code: body.clone(),
                year,
                kind,
                offset,
                limit: PER_PAGE as usize,
            },
            "page",
        )
        .await?
    };
    let filters = [
        ("q", text.clone()),
        ("body", body.clone().unwrap_or_default()),
        ("year", year.map(|y| y.to_string()).unwrap_or_default()),
        (
            "kind",
            kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        ),
    ];
    let (total, hits) = match &results {
        Some(r) => (r.total as i64, r.hits.iter().map(HitRow::new).collect()),
        None => (0, Vec::new()),
    };
    let shown = hits.len();
    // Pages stop at the result window; the count still says how many match.
    let mut pager = Pager::new(
        "/search",
        &filters,
        page,
        PER_PAGE,
        total.min(cadre_search::MAX_WINDOW as i64),
        shown,
    );
    pager.total = total;
    let beyond_window = total > cadre_search::MAX_WINDOW as i64;
    crate::pages::render(&SearchPage {
        title: "Recherche",
        nav: "search",
        searched: !text.trim().is_empty(),
        empty_query: !text.trim().is_empty() && results.is_none(),
        q: text,
        bodies: choices.body_options(body.as_deref(), false),
        years: choices.year_options(year),
        kinds: DocKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: kind_label(*k).to_owned(),
                selected: kind == Some(*k),
            })
            .collect(),
        updating: freshness == Freshness::Updating,
        pager,
        beyond_window,
        hits,
    })
}

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
