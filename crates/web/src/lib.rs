//! Cadre on the web: server-rendered French pages for the SP/CCM, the GTMs and the public, the
//! JSON API under `/api/v1/` and its OpenAPI document.
//!
//! Everything is written against [`cadre_storage::Database`], so the same router serves SQLite
//! and PostgreSQL. Pages work without JavaScript, weigh little (one small CSS file, gzip) and
//! never show personal contact details: the domain types do not carry them.

use axum::Router;
use axum::http::{HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use cadre_storage::Database;
use chrono::NaiveDate;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub mod api;
pub mod assets;
mod cache;
pub mod error;
pub mod openapi;
pub mod pages;
mod params;
mod published;
pub mod search;
mod view;

pub use error::{ApiError, WebError};
pub use search::Search;

/// What every handler shares: the database (a pool, cheap to clone), a short-lived cache and
/// the search index.
#[derive(Clone)]
pub struct AppState<D> {
    pub db: D,
    cache: std::sync::Arc<cache::Cache>,
    search: Search,
}

impl<D: Database> AppState<D> {
    pub fn new(db: D, search: Search) -> Self {
        AppState {
            db,
            cache: Default::default(),
            search,
        }
    }
}

/// Niger's time zone (WAT, UTC+1, no daylight saving time): "today" for deadlines and meetings.
pub fn today() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(1)).date_naive()
}

/// The whole site with a search index in memory, filled from the database on first search:
/// for tests and in-memory databases. A server keeps its index on disk: [`router_with`].
pub fn router<D: Database>(db: D) -> Router {
    let search = Search::in_memory().expect("an index in memory can always be created");
    router_with(db, search)
}

/// The whole site: pages, JSON API, OpenAPI document, assets and `/health`.
pub fn router_with<D: Database>(db: D, search: Search) -> Router {
    Router::new()
        .merge(pages::router::<D>())
        .merge(api::router::<D>())
        .merge(search::router::<D>())
        .merge(openapi::router::<D>())
        .merge(assets::router::<D>())
        .route("/health", get(health))
        .fallback(not_found)
        .with_state(AppState::new(db, search))
        .layer(axum::middleware::map_response(security_headers))
        .layer(CompressionLayer::new().gzip(true))
        .layer(TraceLayer::new_for_http())
}

/// Serves the site until Ctrl-C or SIGTERM. The search index catches up with the database in
/// the background from the start, so that the first search after a large import is fast.
pub async fn serve<D: Database>(
    db: D,
    search: Search,
    listener: tokio::net::TcpListener,
) -> std::io::Result<()> {
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "Cadre à l'écoute");
    }
    {
        let (search, db) = (search.clone(), db.clone());
        tokio::spawn(async move {
            match search.catch_up(&db).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(meetings = n, "search index brought up to date"),
                Err(e) => {
                    tracing::warn!(error = %e, "search index: catching up failed; retried on the next search")
                }
            }
        });
    }
    axum::serve(listener, router_with(db, search))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("arrêt demandé, fin des requêtes en cours");
}

async fn health() -> &'static str {
    "ok"
}

/// Unknown paths: JSON under `/api/`, a French page elsewhere.
async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError(WebError::NotFound).into_response()
    } else {
        WebError::NotFound.into_response()
    }
}

/// Content security policy: only this origin, no script at all, no inline style.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

async fn security_headers(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}
