//! Query parameters. Fields are read as optional strings and parsed here, so a bad value gets a
//! 400 that names the parameter (in French), never axum's plain-text rejection.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use cadre_domain::ActionStatus;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, WebError};

/// Query parameters of a page; a malformed query string is a 400 page.
pub struct PageQuery<T>(pub T);

/// Query parameters of an API call; a malformed query string is a 400 JSON error.
pub struct ApiQuery<T>(pub T);

fn rejection(e: axum::extract::rejection::QueryRejection) -> WebError {
    WebError::bad_param(
        crate::language::t("param-query"),
        msg("param-unreadable", &[("detail", e.body_text().into())]),
    )
}

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PageQuery<T> {
    type Rejection = WebError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(t)) => Ok(PageQuery(t)),
            Err(e) => Err(rejection(e)),
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(t)) => Ok(ApiQuery(t)),
            Err(e) => Err(ApiError(rejection(e))),
        }
    }
}

/// The value of a parameter, `None` when absent or empty (a GET form sends `body=` for "all").
pub fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

pub fn year(name: &str, v: &Option<String>) -> Result<Option<i32>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    match s.parse::<i32>() {
        Ok(y) if (1900..=2200).contains(&y) => Ok(Some(y)),
        _ => Err(WebError::bad_param(
            name,
            msg("param-not-year", &[("value", clip(s).into())]),
        )),
    }
}

pub fn status(name: &str, v: &Option<String>) -> Result<Option<ActionStatus>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    ActionStatus::parse(s).map(Some).ok_or_else(|| {
        WebError::bad_param(name, msg("param-not-status", &[("value", clip(s).into())]))
    })
}

pub fn id<T: From<i64>>(name: &str, v: &Option<String>) -> Result<Option<T>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    match s.parse::<i64>() {
        Ok(i) if i > 0 => Ok(Some(T::from(i))),
        _ => Err(WebError::bad_param(
            name,
            msg("param-not-id", &[("value", clip(s).into())]),
        )),
    }
}

/// The id in a path (`/meetings/{id}`), parsed like [`id`]. A page answers 404 for any error
/// (no such page), the API a 400 naming the parameter.
pub fn path_id<T: From<i64>>(name: &str, raw: String) -> Result<T, WebError> {
    id(name, &Some(raw))?
        .ok_or_else(|| WebError::bad_param(name, crate::language::t("param-missing-id")))
}

pub fn flag(name: &str, v: &Option<String>) -> Result<bool, WebError> {
    let Some(s) = given(v) else { return Ok(false) };
    match s.to_ascii_lowercase().as_str() {
        "1" | "true" | "on" | "oui" | "yes" => Ok(true),
        "0" | "false" | "off" | "non" | "no" => Ok(false),
        _ => Err(WebError::bad_param(
            name,
            msg("param-not-bool", &[("value", clip(s).into())]),
        )),
    }
}

/// The highest page number any list takes. Pages hold at most 100 rows, so SQL offsets stay
/// below 10^8; the search page is bounded far lower by its window ([`search_window`]).
pub const MAX_PAGE: i64 = 1_000_000;

/// A page number, from 1 to [`MAX_PAGE`].
pub fn page(name: &str, v: &Option<String>) -> Result<i64, WebError> {
    let Some(s) = given(v) else { return Ok(1) };
    match s.parse::<i64>() {
        Ok(p) if (1..=MAX_PAGE).contains(&p) => Ok(p),
        _ => Err(WebError::bad_param(
            name,
            msg("param-not-page", &[("value", clip(s).into())]),
        )),
    }
}

pub const MAX_LIMIT: i64 = 500;
pub const DEFAULT_LIMIT: i64 = 50;

pub fn limit(name: &str, v: &Option<String>) -> Result<i64, WebError> {
    let Some(s) = given(v) else {
        return Ok(DEFAULT_LIMIT);
    };
    match s.parse::<i64>() {
        Ok(l) if (1..=MAX_LIMIT).contains(&l) => Ok(l),
        _ => Err(WebError::bad_param(
            name,
            msg(
                "param-not-limit",
                &[("value", clip(s).into()), ("max", MAX_LIMIT.into())],
            ),
        )),
    }
}

/// The most rows an API list may skip. Lists are a few thousand rows; beyond this an offset
/// is a mistake or a probe.
pub const MAX_OFFSET: i64 = 1_000_000;

pub fn offset(name: &str, v: &Option<String>) -> Result<i64, WebError> {
    let Some(s) = given(v) else { return Ok(0) };
    match s.parse::<i64>() {
        Ok(o) if (0..=MAX_OFFSET).contains(&o) => Ok(o),
        _ => Err(WebError::bad_param(
            name,
            msg("param-not-offset", &[("value", clip(s).into())]),
        )),
    }
}

/// Search results are served within the first [`cadre_search::MAX_WINDOW`] hits only:
/// `offset + limit` beyond it is a 400 naming `name` (`offset` in the API, `page` on the page).
pub fn search_window(name: &str, offset: usize, limit: usize) -> Result<(), WebError> {
    if offset.saturating_add(limit) <= cadre_search::MAX_WINDOW {
        return Ok(());
    }
    Err(WebError::bad_param(name, beyond_window_message()))
}

/// Why a search page beyond the window is refused.
pub fn beyond_window_message() -> String {
    crate::language::t("param-beyond-window").to_owned()
}

/// A message of the request's language with its arguments.
/// A recommendation's status, or "none" (no report has given one yet).
pub fn recommendation_status(
    name: &str,
    v: &Option<String>,
) -> Result<Option<cadre_storage::StatusFilter>, WebError> {
    use cadre_storage::StatusFilter;
    let Some(s) = given(v) else { return Ok(None) };
    if s == "none" {
        return Ok(Some(StatusFilter::Unreported));
    }
    cadre_domain::RecommendationStatus::parse(s)
        .map(|s| Some(StatusFilter::Is(s)))
        .ok_or_else(|| {
            WebError::bad_param(
                name,
                msg("param-not-rec-status", &[("value", clip(s).into())]),
            )
        })
}

/// A PNM axis ("2") or sub-programme ("2.3").
pub fn pnm(name: &str, v: &Option<String>) -> Result<Option<cadre_domain::PnmCode>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    cadre_domain::PnmCode::parse(s).map(Some).ok_or_else(|| {
        WebError::bad_param(name, msg("param-not-pnm", &[("value", clip(s).into())]))
    })
}

/// A Global Compact objective, 1 to 23.
pub fn objective(
    name: &str,
    v: &Option<String>,
) -> Result<Option<cadre_domain::GcmObjectiveNumber>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    s.parse::<u8>()
        .ok()
        .and_then(cadre_domain::GcmObjectiveNumber::new)
        .map(Some)
        .ok_or_else(|| {
            WebError::bad_param(
                name,
                msg("param-not-objective", &[("value", clip(s).into())]),
            )
        })
}

/// A whole number of years, 1 to 50.
pub fn years(name: &str, v: &Option<String>) -> Result<Option<u32>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    match s.parse::<u32>() {
        Ok(n) if (1..=50).contains(&n) => Ok(Some(n)),
        _ => Err(WebError::bad_param(
            name,
            msg("param-not-years", &[("value", clip(s).into())]),
        )),
    }
}

fn msg(key: &str, args: &[(&str, cadre_i18n::Arg)]) -> String {
    cadre_i18n::tf(crate::language::current(), key, args)
}

/// A free-text filter (roadmap, thematic group, body code), bounded in length.
pub fn text(name: &str, v: &Option<String>) -> Result<Option<String>, WebError> {
    let Some(s) = given(v) else { return Ok(None) };
    if s.chars().count() > 200 {
        return Err(WebError::bad_param(
            name,
            crate::language::t("param-too-long"),
        ));
    }
    Ok(Some(s.to_owned()))
}

/// Echoes user input in error messages without letting it grow them.
fn clip(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_owned()
    } else {
        let mut c: String = s.chars().take(40).collect();
        c.push('…');
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let e = status("status", &s("foo")).unwrap_err();
        assert!(e.to_string().contains("status"), "{e}");
        let e = year("year", &s("abc")).unwrap_err();
        assert!(e.to_string().contains("year"), "{e}");
        assert!(limit("limit", &s("501")).is_err());
        assert!(offset("offset", &s("-1")).is_err());
        assert!(page("page", &s("0")).is_err());
    }

    #[test]
    fn paging_is_bounded() {
        assert_eq!(offset("offset", &s("1000000")).unwrap(), MAX_OFFSET);
        for huge in ["1000001", "10000000000", "99999999999999999999999"] {
            let e = offset("offset", &s(huge)).unwrap_err();
            assert!(e.to_string().contains("« offset »"), "{e}");
            assert!(e.to_string().contains("1 000 000"), "{e}");
        }
        assert_eq!(page("page", &s("1000000")).unwrap(), MAX_PAGE);
        assert!(page("page", &s("1000001")).is_err());
        assert!(search_window("offset", 9_900, 100).is_ok());
        let e = search_window("offset", 9_901, 100).unwrap_err();
        assert!(e.to_string().contains("« offset »"), "{e}");
        assert!(e.to_string().contains("10 000 premiers résultats"), "{e}");
        assert!(search_window("page", usize::MAX, 20).is_err());
    }

    #[test]
    fn empty_values_mean_absent() {
        assert_eq!(year("year", &s("")).unwrap(), None);
        assert_eq!(year("year", &s("2023")).unwrap(), Some(2023));
        assert_eq!(
            status("status", &s("in_progress")).unwrap(),
            Some(ActionStatus::InProgress)
        );
        assert!(flag("overdue", &s("1")).unwrap());
        assert!(!flag("overdue", &None).unwrap());
        assert_eq!(limit("limit", &None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(page("page", &None).unwrap(), 1);
    }
}
