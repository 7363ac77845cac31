//! The one stylesheet, embedded in the binary and served under a name that changes with its
//! content, so browsers may keep it for a year (slow connections fetch it once).

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;
use crate::error::WebError;

pub const CSS: &str = include_str!("../assets/cadre.css");

static CSS_NAME: LazyLock<String> = LazyLock::new(|| {
    // FNV-1a: enough to tell versions apart.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in CSS.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("cadre-{:08x}.css", h as u32)
});

static CSS_PATH: LazyLock<String> = LazyLock::new(|| format!("/assets/{}", *CSS_NAME));

/// Where pages link the stylesheet.
pub fn css_path() -> &'static str {
    &CSS_PATH
}

pub fn router() -> Router<AppState> {
    Router::new().route("/assets/{file}", get(asset))
}

async fn asset(Path(file): Path<String>) -> Response {
    // Old names are served too (a page cached before an upgrade), but not cached for long.
    let cache = if file == *CSS_NAME {
        "public, max-age=31536000, immutable"
    } else if file.starts_with("cadre") && file.ends_with(".css") {
        "public, max-age=300"
    } else {
        return WebError::NotFound.into_response();
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        CSS,
    )
        .into_response()
}
