//! The web end of the publication boundary: records are read through here with any phone number
//! or e-mail address in their free text masked (`for_publication`), and every page and JSON
//! body leaves through [`page`] and [`PublicJson`], which mask whatever else reached them.

use std::borrow::Cow;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use cadre_domain::privacy::{mask_contacts, publish_json};
use cadre_domain::{ActionPoint, Id, Meeting, Recommendation};
use cadre_storage::{ActionPointFilter, Database, Page, RecommendationFilter, Result};

pub async fn meeting<D: Database>(db: &D, id: Id) -> Result<Option<Meeting>> {
    Ok(db.meeting(id).await?.map(Meeting::for_publication))
}

pub async fn action_points<D: Database>(
    db: &D,
    filter: &ActionPointFilter,
) -> Result<Page<ActionPoint>> {
    let page = db.action_points(filter).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(ActionPoint::for_publication)
            .collect(),
        total: page.total,
    })
}

pub async fn recommendations<D: Database>(
    db: &D,
    filter: &RecommendationFilter,
) -> Result<Page<Recommendation>> {
    let page = db.recommendations(filter).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(Recommendation::for_publication)
            .collect(),
        total: page.total,
    })
}

/// Every page leaves through here: the HTML as rendered, with any phone number or e-mail
/// address that reached it masked, whatever field or template it came from (failing closed:
/// the per-record masking above is the first line, this is the last).
pub fn page<T: askama::Template>(page: &T) -> std::result::Result<Html<String>, askama::Error> {
    let html = page.render()?;
    Ok(Html(match mask_contacts(&html) {
        Cow::Owned(masked) => masked,
        Cow::Borrowed(_) => html,
    }))
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
