//! `/recommendations`: what the CCM and CRCM sessions adopted, filtered by session, roadmap,
//! thematic group, PNM place, Global Compact objective, organisation, status and time
//! without progress.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_storage::Paging;

use super::filters::{FilterForm, FilterQuery, form};
use crate::AppState;
use crate::error::WebError;
use crate::params::{self, PageQuery};
use crate::published::render;
use crate::view::{Pager, date_text};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/recommendations", get(list))
        .route("/recommendations.docx", get(super::exports::docx))
        .route("/recommendations.pdf", get(super::exports::pdf))
        .route("/recommendations.xlsx", get(super::exports::xlsx))
        .route("/recommendations.csv", get(super::exports::csv))
}

pub const PER_PAGE: i64 = 50;

struct RecommendationRow {
    id: i64,
    /// The document it was read from.
    meeting_id: Option<i64>,
    session: String,
    roadmap: String,
    position: u32,
    text: String,
    scope: &'static str,
    thematic_group: Option<String>,
    status: Option<(&'static str, &'static str)>,
    status_date: Option<String>,
    implementation_status: Option<String>,
}

#[derive(Template)]
#[template(path = "recommendations/list.html")]
struct ListPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    filters: FilterForm,
    filter_action: &'static str,
    /// The matrix of the same filter.
    matrix_link: String,
    /// The filters' query string, for the exports.
    query: String,
    recommendations: Vec<RecommendationRow>,
    pager: Pager,
}

async fn list(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Html<String>, WebError> {
    let filters = q.read(who.audience(), crate::today())?;
    let page = params::page("page", &q.page)?;
    let mut filter = filters.filter.clone();
    filter.paging = Paging::page(PER_PAGE, Pager::offset(page, PER_PAGE));
    let (found, form) = tokio::try_join!(
        async {
            crate::published::recommendations(&state.store, &filter)
                .await
                .map_err(WebError::from)
        },
        form(&state, &filters)
    )?;
    let page = ListPage {
        title: crate::language::t("nav-recommendations"),
        nav: "recommendations",
        ui: who.ui(),
        filter_action: "/recommendations",
        matrix_link: format!("/recommendations/roadmap?{}", filters.query(&[])),
        query: filters.query(&[]),
        filters: form,
        pager: Pager::new(
            "/recommendations",
            &filters.pairs,
            page,
            PER_PAGE,
            found.total,
            found.items.len(),
        ),
        recommendations: found
            .items
            .iter()
            .map(|r| RecommendationRow {
                id: r.id.get(),
                meeting_id: r.meeting_id.map(|m| m.get()),
                session: match r.meeting_date {
                    Some(date) => format!("{}, {}", r.body, date_text(date)),
                    None => r.body.clone(),
                },
                roadmap: r.roadmap.clone(),
                position: r.position,
                text: r.text.clone(),
                scope: crate::language::label("recommendation-scope", r.scope.as_str()),
                thematic_group: r.thematic_group.clone(),
                status: r.status.map(super::show::status_badge),
                status_date: r.status_date.map(date_text),
                implementation_status: r.implementation_status.clone(),
            })
            .collect(),
    };
    render(&page)
}
