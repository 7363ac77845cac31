//! The web end of the publication boundary: records are read through
//! [`cadre_services::publication`] (contacts in free text masked), and every page and JSON
//! body leaves through [`render`] and [`PublicJson`], which mask whatever else reached them.

use std::borrow::Cow;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use cadre_domain::privacy::{mask_contacts, publish_json};

pub use cadre_services::publication::{action_points, meeting, recommendations};

use crate::error::WebError;

/// Every page leaves through here, error pages included: the HTML as rendered, with any phone
/// number or e-mail address that reached it masked, whatever field or template it came from
/// (failing closed: the per-record masking of `cadre_services::publication` is the first
/// line, this is the last).
pub fn render<T: askama::Template>(page: &T) -> Result<Html<String>, WebError> {
    let html = page.render()?;
    Ok(Html(match mask_contacts(&html) {
        Cow::Owned(masked) => masked,
        Cow::Borrowed(_) => html,
    }))
}

/// A page holding personal contacts its viewer may see (`allowed`, decided by
/// `cadre_domain::account::Viewer`): rendered as it is; otherwise masked like any page.
pub fn render_private<T: askama::Template>(
    page: &T,
    allowed: bool,
) -> Result<Html<String>, WebError> {
    if allowed {
        Ok(Html(page.render()?))
    } else {
        render(page)
    }
}

/// Every JSON body leaves through here: each string in it masked ([`publish_json`]).
pub struct PublicJson<T>(pub T);

impl<T: serde::Serialize> IntoResponse for PublicJson<T> {
    fn into_response(self) -> Response {
        match publish_json(&self.0) {
            Ok(value) => Json(value).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "a response could not be serialised");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        }
    }
}
