//! The language of each answer: the visitor's choice (the `cadre_lang` cookie, set by the
//! switch on every page), else the browser's `Accept-Language`, else French. Chosen once per
//! request by [`scope`], which makes it [`current`] for everything that request runs (pages,
//! errors, view helpers) and marks the answer `Vary: Accept-Language, Cookie`.

use axum::extract::{Path, Query, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use cadre_i18n::Lang;
use serde::Deserialize;

pub const LANG_COOKIE: &str = "cadre_lang";

/// What the request being answered needs to know about itself.
#[derive(Debug, Clone)]
struct RequestContext {
    lang: Lang,
    /// Path and query, for the language switch to come back to.
    here: String,
}

tokio::task_local! {
    static CONTEXT: RequestContext;
}

/// The language of the request being answered (French outside any request).
pub fn current() -> Lang {
    CONTEXT.try_with(|c| c.lang).unwrap_or_default()
}

/// The path and query of the request being answered.
pub fn here() -> String {
    CONTEXT
        .try_with(|c| c.here.clone())
        .unwrap_or_else(|_| "/".to_owned())
}

/// The message `key` in the request's language.
pub fn t(key: &str) -> &'static str {
    cadre_i18n::t(current(), key)
}

/// The label of a stored value in the request's language (`label("action-status", "open")`).
pub fn label(family: &str, stored: &str) -> &'static str {
    cadre_i18n::label(current(), family, stored)
}

/// The language a request asks for.
pub fn of_request(headers: &HeaderMap) -> Lang {
    crate::accounts::session::cookie(headers, LANG_COOKIE)
        .and_then(Lang::parse)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

/// The middleware: chooses the language, runs the request with it.
pub async fn scope(mut request: Request, next: Next) -> Response {
    let lang = of_request(request.headers());
    request.extensions_mut().insert(lang);
    let here = request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |p| p.as_str().to_owned());
    let mut response = CONTEXT
        .scope(RequestContext { lang, here }, next.run(request))
        .await;
    // One Vary header naming everything the answer depends on (compression adds its own).
    let mut vary: Vec<String> = response
        .headers()
        .get_all(header::VARY)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_owned)
        .collect();
    vary.push("Accept-Language, Cookie".to_owned());
    if let Ok(value) = HeaderValue::from_str(&vary.join(", ")) {
        response.headers_mut().insert(header::VARY, value);
    }
    response
}

#[derive(Deserialize)]
pub struct SwitchQuery {
    back: Option<String>,
}

/// `GET /lang/{code}?back=/meetings`: remembers the choice for a year and goes back.
pub async fn switch(
    Path(code): Path<String>,
    Query(q): Query<SwitchQuery>,
    headers: HeaderMap,
) -> Response {
    let Some(lang) = Lang::parse(&code).filter(|l| l.code() == code) else {
        return crate::error::WebError::NotFound.into_response();
    };
    // Only a path of this site: never another origin ("//evil.example", "https://…").
    let back = q
        .back
        .filter(|b| b.starts_with('/') && !b.starts_with("//") && !b.contains('\\'))
        .unwrap_or_else(|| "/".to_owned());
    let https = crate::forwarded_https(&headers);
    let mut response = Redirect::to(&back).into_response();
    *response.status_mut() = StatusCode::SEE_OTHER;
    response.headers_mut().insert(
        header::SET_COOKIE,
        crate::accounts::session::set_cookie(LANG_COOKIE, lang.code(), "/", 365 * 24 * 3600, https),
    );
    response
}
