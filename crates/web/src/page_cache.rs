//! Public pages and API answers served from memory until something changes.
//!
//! Everything Cadre publishes is a function of the stored data, the page's path and query,
//! the day (deadlines turn late at midnight) and how the client accepts it compressed. The
//! stored data only changes through the change log, whichever process writes (a server, a
//! `cadre import` beside it, another instance on the same PostgreSQL): so each request reads
//! the latest change number, one indexed read, and an answer rendered under the same number,
//! the same day, is still right.
//!
//! - The entity tag of every cacheable answer is `W/"<change>-<day>"`: a client holding it gets
//!   `304 Not Modified` and no body, which on a phone over a slow link is most of the page's
//!   cost.
//! - Only anonymous requests use the cache: a request carrying a cookie or credentials is
//!   rendered for itself and never stored, so a signed-in user's page can never reach another.
//! - Search is not cached (its answers also depend on how far the index has caught up), nor
//!   the original documents, nor the sign-in form, nor an answer that sets a cookie, nor
//!   anything but `200 OK`.
//! - Memory is bounded: [`MAX_BYTES`] in all, [`MAX_ENTRY_BYTES`] per answer; when full, old
//!   entries make room. A new change number or day empties it.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use crate::AppState;

/// All answers held at once, in bytes.
pub const MAX_BYTES: usize = 6 * 1024 * 1024;
/// The largest answer kept.
pub const MAX_ENTRY_BYTES: usize = 1024 * 1024;
/// The longest `Accept-Encoding` a cached answer is filed under; longer ones are served
/// uncached (no client sends such, and each value is a separate entry).
const MAX_ENCODING_KEY: usize = 128;

/// What an answer was rendered under: the change number, the day, the language.
type Version = (i64, NaiveDate, cadre_i18n::Lang);

/// Pages must be checked with the server before reuse, which [`PageCache`] answers cheaply.
const CACHE_CONTROL: &str = "no-cache";

#[derive(Default)]
pub struct PageCache {
    entries: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    /// The change number and day the entries were rendered under (each key names its
    /// language).
    version: Option<(i64, NaiveDate)>,
    /// The entity tag of the latest version asked for (one allocation per version, not per
    /// request).
    tag: Option<(Version, HeaderValue)>,
    map: HashMap<String, Cached>,
    /// Keys in the order they were stored: the oldest makes room first.
    order: VecDeque<String>,
    bytes: usize,
}

#[derive(Clone)]
struct Cached {
    headers: HeaderMap,
    body: Bytes,
}

impl PageCache {
    fn tag(&self, version: Version) -> HeaderValue {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        match &entries.tag {
            Some((v, tag)) if *v == version => tag.clone(),
            _ => {
                let tag = entity_tag(version);
                entries.tag = Some((version, tag.clone()));
                tag
            }
        }
    }

    fn get(&self, version: Version, key: &str) -> Option<Cached> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.version != Some((version.0, version.1)) {
            return None;
        }
        entries.map.get(key).cloned()
    }

    fn put(&self, version: Version, key: String, cached: Cached) {
        let size = key.len() + cached.body.len();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let version = (version.0, version.1);
        match entries.version {
            Some(v) if v == version => {}
            // An answer rendered under an older change than the entries': drop it.
            Some((change, _)) if change > version.0 => return,
            _ => {
                entries.map.clear();
                entries.order.clear();
                entries.bytes = 0;
                entries.version = Some(version);
            }
        }
        // Two requests rendered the same page at once: the first one stored is as good.
        if entries.map.contains_key(&key) {
            return;
        }
        while entries.bytes + size > MAX_BYTES {
            let Some(victim) = entries.order.pop_front() else {
                break;
            };
            if let Some(old) = entries.map.remove(&victim) {
                entries.bytes -= victim.len() + old.body.len();
            }
        }
        entries.order.push_back(key.clone());
        entries.map.insert(key, cached);
        entries.bytes += size;
    }
}

/// Whether a request may be answered from, and stored in, the shared cache.
fn cacheable(request: &Request) -> bool {
    if request.method() != Method::GET {
        return false;
    }
    let headers = request.headers();
    // The language cookie only chooses among the public answers; any other cookie (a session)
    // makes the answer the client's own.
    let other_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter(|pair| !pair.trim().is_empty())
        .any(|pair| {
            pair.trim().split_once('=').map(|(n, _)| n.trim()) != Some(crate::language::LANG_COOKIE)
        });
    let unreadable_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .any(|v| v.to_str().is_err());
    if other_cookie || unreadable_cookie || headers.contains_key(header::AUTHORIZATION) {
        return false;
    }
    let path = request.uri().path();
    !(path == "/health"
        || path.starts_with("/assets/")
        || path == "/search"
        || path == "/api/v1/search"
        || path == "/login"
        || path.ends_with("/original"))
}

fn entity_tag((change, day, lang): Version) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "W/\"{change}-{}-{}\"",
        day.format("%Y%m%d"),
        lang.code()
    ))
    .expect("digits and quotes are a valid header value")
}

/// Whether `If-None-Match` names `tag` (or is `*`).
fn matches(headers: &HeaderMap, tag: &HeaderValue) -> bool {
    let tag = tag.as_bytes();
    let weak = |t: &[u8]| t.strip_prefix(b"W/").unwrap_or(t).to_vec();
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .flat_map(|v| v.as_bytes().split(|b| *b == b','))
        .map(|t| t.trim_ascii())
        .any(|t| t == b"*" || weak(t) == weak(tag))
}

/// The middleware: answers from the cache, or renders and keeps the answer.
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !cacheable(&request) {
        return next.run(request).await;
    }
    let encoding = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .map(|v| v.as_bytes().to_vec())
        .unwrap_or_default();
    if encoding.len() > MAX_ENCODING_KEY {
        return next.run(request).await;
    }
    let change = match state.store.changes().latest().await {
        Ok(change) => change,
        // The page itself will meet the same failure and say so.
        Err(_) => return next.run(request).await,
    };
    let lang = request
        .extensions()
        .get::<cadre_i18n::Lang>()
        .copied()
        .unwrap_or_default();
    let version = (change, crate::today(), lang);
    let tag = state.pages.tag(version);
    if matches(request.headers(), &tag) {
        return not_modified(tag);
    }
    let key = format!(
        "{}\n{}\n{}",
        lang.code(),
        String::from_utf8_lossy(&encoding),
        request.uri().path_and_query().map_or("/", |p| p.as_str())
    );
    if let Some(hit) = state.pages.get(version, &key) {
        return answer(hit, tag);
    }
    let response = next.run(request).await;
    // An answer that sets a cookie (the sign-in form's token) is for its client alone.
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // Pages and API answers are rendered in memory anyway: collecting them costs a copy.
    let body = match to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(e) => {
            tracing::error!(error = %e, "an answer could not be read for the page cache");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    parts.headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    if body.len() <= MAX_ENTRY_BYTES {
        let cached = Cached {
            headers: parts.headers.clone(),
            body: body.clone(),
        };
        state.pages.put(version, key, cached);
    }
    parts.headers.insert(header::ETAG, tag);
    Response::from_parts(parts, Body::from(body))
}

fn answer(hit: Cached, tag: HeaderValue) -> Response {
    let mut response = Response::new(Body::from(hit.body));
    *response.headers_mut() = hit.headers;
    response.headers_mut().insert(header::ETAG, tag);
    response
}

fn not_modified(tag: HeaderValue) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    let headers = response.headers_mut();
    headers.insert(header::ETAG, tag);
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    response
}
