//! `/organisations`: who sits in the GTMs and sessions, under every name the documents use.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use serde::Deserialize;

use crate::AppState;
use crate::error::WebError;
use crate::params::{self, PageQuery};
use crate::published::render;
use crate::view::Pager;

pub fn router() -> Router<AppState> {
    Router::new().route("/organisations", get(list))
}

pub const PER_PAGE: i64 = 100;

#[derive(Deserialize)]
pub struct ListQuery {
    page: Option<String>,
}

struct OrganisationRow {
    id: i64,
    name: String,
    acronym: Option<String>,
    kind: &'static str,
    aliases: String,
    needs_review: bool,
    meetings_attended: i64,
    action_points: i64,
}

#[derive(Template)]
#[template(path = "organisations/list.html")]
struct ListPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    organisations: Vec<OrganisationRow>,
    to_review: usize,
    pager: Pager,
}

async fn list(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Html<String>, WebError> {
    let page = params::page("page", &q.page)?;
    let all = state.store.organisations().list(who.audience()).await?;
    let to_review = all.iter().filter(|o| o.organisation.needs_review).count();
    // A slice from the offset: a page far beyond the end costs nothing (page ≤ MAX_PAGE).
    let offset = Pager::offset(page, PER_PAGE) as usize;
    let rows: Vec<OrganisationRow> = all
        .get(offset..)
        .unwrap_or_default()
        .iter()
        .take(PER_PAGE as usize)
        .map(|o| OrganisationRow {
            id: o.organisation.id.get(),
            name: o.organisation.name.clone(),
            acronym: o.organisation.acronym.clone(),
            kind: crate::language::label("organisation-kind", o.organisation.kind.as_str()),
            aliases: o.organisation.aliases.join(", "),
            needs_review: o.organisation.needs_review,
            meetings_attended: o.meetings_attended,
            action_points: o.action_points,
        })
        .collect();
    let page = ListPage {
        title: crate::language::t("nav-organisations"),
        nav: "organisations",
        ui: who.ui(),
        pager: Pager::new(
            "/organisations",
            &[],
            page,
            PER_PAGE,
            all.len() as i64,
            rows.len(),
        ),
        organisations: rows,
        to_review,
    };
    render(&page)
}
