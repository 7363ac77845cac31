//! One error type for the web layer, rendered as a page in the visitor's language ([`WebError`]) or as JSON
//! ([`ApiError`]). Internals never reach the client: storage errors are logged with `tracing`
//! and answered with a bare "erreur interne".

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cadre_storage::StorageError;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such page, meeting, organisation…
    #[error("ressource introuvable")]
    NotFound,
    /// A query or path parameter that cannot be read.
    #[error("paramètre « {param} » invalide : {message}")]
    BadParam { param: String, message: String },
    /// A request target longer than [`crate::MAX_URI_BYTES`].
    #[error("adresse trop longue ({0} octets ; {max} au plus)", max = crate::MAX_URI_BYTES)]
    UriTooLong(usize),
    /// Exists, but is not published (an original document naming people with their contacts).
    #[error("non publié : {0}")]
    Withheld(String),
    /// Needs an account: the page sends the visitor to the sign-in form.
    #[error("connexion requise")]
    SignInRequired,
    /// Signed in, but the role does not allow it; says what would.
    #[error("action non autorisée : {0}")]
    Forbidden(String),
    /// A form without this session's CSRF token (sent from another site, or from a page
    /// older than the session).
    #[error("formulaire expiré ou d'origine inconnue")]
    Csrf,
    /// Anything else. The detail goes to the logs only.
    #[error("erreur interne")]
    Internal(String),
}

impl WebError {
    pub fn bad_param(param: &str, message: impl Into<String>) -> Self {
        WebError::BadParam {
            param: param.to_owned(),
            message: message.into(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadParam { .. } => StatusCode::BAD_REQUEST,
            WebError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            WebError::Withheld(_) => StatusCode::FORBIDDEN,
            WebError::SignInRequired => StatusCode::UNAUTHORIZED,
            WebError::Forbidden(_) | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn log(&self) {
        if let WebError::Internal(detail) = self {
            tracing::error!(%detail, "erreur interne");
        }
    }
}

impl From<StorageError> for WebError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::NotFound => WebError::NotFound,
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("gabarit : {e}"))
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    title: &'a str,
    nav: &'a str,
    ui: crate::accounts::Ui,
    heading: &'a str,
    message: String,
}

/// Rendered as a French HTML page.
impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        if let WebError::SignInRequired = self {
            let mut r = axum::response::Redirect::to("/login").into_response();
            *r.status_mut() = StatusCode::SEE_OTHER;
            return r;
        }
        let lang = crate::language::current();
        let t = |key| cadre_i18n::t(lang, key);
        let (heading, message) = match &self {
            WebError::NotFound => (t("error-not-found"), t("error-not-found-text").to_owned()),
            WebError::BadParam { param, message } => (
                t("error-bad-request"),
                cadre_i18n::tf(
                    lang,
                    "error-bad-param",
                    &[
                        ("param", param.as_str().into()),
                        ("message", message.as_str().into()),
                    ],
                ),
            ),
            WebError::UriTooLong(_) => (
                t("error-uri-too-long"),
                cadre_i18n::tf(
                    lang,
                    "error-uri-too-long-text",
                    &[("max", crate::MAX_URI_BYTES.into())],
                ),
            ),
            WebError::Withheld(why) => (t("error-withheld"), why.clone()),
            WebError::SignInRequired => (t("nav-sign-in"), t("error-sign-in").to_owned()),
            WebError::Forbidden(why) => (
                t("error-forbidden"),
                cadre_i18n::tf(
                    lang,
                    "error-forbidden-text",
                    &[("why", why.as_str().into())],
                ),
            ),
            WebError::Csrf => (t("error-csrf"), t("error-csrf-text").to_owned()),
            WebError::Internal(_) => (t("error-internal"), t("error-internal-text").to_owned()),
        };
        let page = ErrorPage {
            title: heading,
            nav: "",
            ui: crate::accounts::Ui {
                lang: crate::language::current(),
                ..Default::default()
            },
            heading,
            message,
        };
        match crate::published::render(&page) {
            Ok(html) => (status, html).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "rendu de la page d'erreur");
                (status, "erreur interne").into_response()
            }
        }
    }
}

/// The body of every JSON error: `{"error": "..."}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong, in French; names the parameter for a 400.
    pub error: String,
}

/// A [`WebError`] rendered as JSON, for the API.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.status();
        (
            status,
            crate::published::PublicJson(ErrorBody {
                error: self.0.to_string(),
            }),
        )
            .into_response()
    }
}
