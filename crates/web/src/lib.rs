//! Cadre on the web: server-rendered French pages for the SP/CCM, the GTMs and the public, the
//! JSON API under `/api/v1/` and its OpenAPI document.
//!
//! One folder per capability (meetings, action points, organisations, recommendations,
//! search, dashboard), each with its router, pages, API handlers and view types, and its
//! templates in the same-named folder of `templates/`; shared pieces beside them (errors,
//! parameters, the publication exit, assets, the server). Handlers read a [`Store`], so the
//! same router serves SQLite and PostgreSQL. Pages work without JavaScript, weigh little (one small CSS file, gzip) and
//! never show personal contact details: the domain types do not carry them.

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use cadre_storage::Store;
use chrono::NaiveDate;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub mod accounts;
pub mod action_points;
pub mod assets;
mod cache;
mod dashboard;
pub mod error;
pub mod language;
pub mod meetings;
pub mod openapi;
pub mod organisations;
mod page_cache;
mod params;
mod published;
pub mod recommendations;
pub mod search;
pub mod server;
mod view;

pub use error::{ApiError, WebError};
pub use search::Search;
pub use server::{ServerLimits, serve_router};

/// What every handler shares: the database (a pool, cheap to clone), a short-lived cache and
/// the search index.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    cache: std::sync::Arc<cache::Cache>,
    /// Rendered public answers, until the change log moves (see [`page_cache`]).
    pages: std::sync::Arc<page_cache::PageCache>,
    search: Search,
    /// How long sessions last.
    pub sessions: accounts::SessionSettings,
    /// Reads documents uploaded for import; none: the upload page says so.
    pub documents: Option<std::sync::Arc<dyn meetings::DocumentReader>>,
}

impl AppState {
    pub fn new(store: Store, search: Search) -> Self {
        AppState {
            store,
            cache: Default::default(),
            pages: Default::default(),
            search,
            sessions: Default::default(),
            documents: None,
        }
    }
}

/// Niger's time zone (WAT, UTC+1, no daylight saving time): "today" for deadlines and meetings.
pub fn today() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(1)).date_naive()
}

/// The whole site with a search index in memory, filled from the database on first search:
/// for tests and in-memory databases. A server keeps its index on disk: [`router_with`].
pub fn router(db: Store) -> Router {
    let search = Search::in_memory().expect("an index in memory can always be created");
    router_with(db, search)
}

/// The whole site: pages, JSON API, OpenAPI document, assets and `/health`.
pub fn router_with(store: Store, search: Search) -> Router {
    router_for(AppState::new(store, search))
}

/// The whole site over a prepared state (tests shorten its session lifetime).
pub fn router_for(state: AppState) -> Router {
    Router::new()
        .merge(accounts::router())
        .merge(dashboard::router())
        .merge(meetings::router())
        .merge(action_points::router())
        .merge(organisations::router())
        .merge(recommendations::router())
        .merge(search::router())
        .merge(openapi::router())
        .merge(assets::router())
        .route("/health", get(health))
        .route("/lang/{code}", get(language::switch))
        .fallback(not_found)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn(limit_uri))
        .layer(CompressionLayer::new().gzip(true))
        // Outside compression, so that a cached answer is kept compressed; inside the
        // security headers, so that they are set on every answer, cached or not.
        .layer(axum::middleware::from_fn_with_state(
            state,
            page_cache::serve,
        ))
        // Outside the page cache, which files answers under their language.
        .layer(axum::middleware::from_fn(language::scope))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(TraceLayer::new_for_http())
}

/// Serves the site until Ctrl-C or SIGTERM, within the default [`ServerLimits`]. The search
/// index catches up with the database in the background from the start, so that the first
/// search after a large import is fast.
pub async fn serve(
    db: Store,
    search: Search,
    listener: tokio::net::TcpListener,
    documents: Option<std::sync::Arc<dyn meetings::DocumentReader>>,
) -> std::io::Result<()> {
    serve_with_limits(db, search, listener, ServerLimits::default(), documents).await
}

/// [`serve`] within other limits (timeouts, connections): see [`server`].
pub async fn serve_with_limits(
    db: Store,
    search: Search,
    listener: tokio::net::TcpListener,
    limits: ServerLimits,
    documents: Option<std::sync::Arc<dyn meetings::DocumentReader>>,
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
    let mut state = AppState::new(db, search);
    state.documents = documents;
    serve_router(listener, router_for(state), limits, shutdown_signal()).await
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

/// For monitoring, never for caches.
async fn health() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], "ok")
}

/// Unknown paths: JSON under `/api/`, a French page elsewhere.
async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError(WebError::NotFound).into_response()
    } else {
        WebError::NotFound.into_response()
    }
}

/// The longest request target (path and query string) the site answers; longer is a 414.
/// Forms and links of the site stay far below (a search is at most 200 characters).
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// A request target over [`MAX_URI_BYTES`]: 414, as a French page or JSON under `/api/`, with
/// the security headers like every answer (hyper only answers by itself beyond
/// [`server::MAX_HEAD_BYTES`]).
async fn limit_uri(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let length = uri.path_and_query().map_or(0, |p| p.as_str().len())
        + uri.authority().map_or(0, |a| a.as_str().len())
        + uri.scheme_str().map_or(0, str::len);
    if length <= MAX_URI_BYTES {
        return next.run(request).await;
    }
    let error = WebError::UriTooLong(length);
    if uri.path().starts_with("/api/") {
        ApiError(error).into_response()
    } else {
        error.into_response()
    }
}

/// Content security policy: only this origin, no script at all, no inline style.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Browser features the site never uses, denied to it and to anything it could embed.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

/// HTTPS only for a year, sent when the reverse proxy says the request came over HTTPS.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000";

/// Whether the reverse proxy received the request over HTTPS: `X-Forwarded-Proto: https`
/// (nginx: `proxy_set_header X-Forwarded-Proto $scheme;`). A client reaching the server
/// directly over plain HTTP could send it too; browsers ignore HSTS received without TLS.
pub(crate) fn forwarded_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
}

/// The headers of every answer, errors included; errors are never cached (`no-store`).
async fn security_headers(request: Request, next: Next) -> Response {
    let https = forwarded_https(request.headers());
    let signed_in =
        accounts::session::cookie(request.headers(), accounts::session::SESSION_COOKIE).is_some();
    let request_is_asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let status = response.status();
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
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY),
        );
    }
    if status.is_client_error() || status.is_server_error() {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if signed_in && !request_is_asset {
        // A signed-in user's page is theirs: no shared cache may keep it.
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    response
}
