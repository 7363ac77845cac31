//! `/recommendations`: what the CCM and CRCM sessions adopted, by roadmap and thematic group.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_domain::recommendation::THEMATIC_GROUPS;
use cadre_storage::{Paging, RecommendationFilter};
use serde::Deserialize;

use crate::AppState;
use crate::error::WebError;
use crate::params::{self, PageQuery};
use crate::published::render;
use crate::view::{Choice, Pager, date_text};

pub fn router() -> Router<AppState> {
    Router::new().route("/recommendations", get(list))
}

pub const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    roadmap: Option<String>,
    thematic_group: Option<String>,
    page: Option<String>,
}

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
    implementation_status: Option<String>,
    challenges: Option<String>,
    perspectives: Option<String>,
}

#[derive(Template)]
#[template(path = "recommendations/list.html")]
struct ListPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    roadmap: String,
    groups: Vec<Choice>,
    filtered: bool,
    recommendations: Vec<RecommendationRow>,
    pager: Pager,
}

async fn list(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Html<String>, WebError> {
    let roadmap = params::text("roadmap", &q.roadmap)?;
    let thematic_group = params::text("thematic_group", &q.thematic_group)?;
    let page = params::page("page", &q.page)?;
    let filter = RecommendationFilter {
        meeting: None,
        roadmap: roadmap.clone(),
        thematic_group: thematic_group.clone(),
        audience: who.audience(),
        paging: Paging::page(PER_PAGE, Pager::offset(page, PER_PAGE)),
    };
    let found = crate::published::recommendations(&state.store, &filter).await?;
    let filters = [
        ("roadmap", roadmap.clone().unwrap_or_default()),
        ("thematic_group", thematic_group.clone().unwrap_or_default()),
    ];
    let page = ListPage {
        title: crate::language::t("nav-recommendations"),
        nav: "recommendations",
        ui: who.ui(),
        roadmap: roadmap.clone().unwrap_or_default(),
        groups: THEMATIC_GROUPS
            .iter()
            .map(|g| Choice {
                value: (*g).to_owned(),
                label: (*g).to_owned(),
                selected: thematic_group.as_deref() == Some(*g),
            })
            .collect(),
        filtered: roadmap.is_some() || thematic_group.is_some(),
        pager: Pager::new(
            "/recommendations",
            &filters,
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
                implementation_status: r.implementation_status.clone(),
                challenges: r.challenges.clone(),
                perspectives: r.perspectives.clone(),
            })
            .collect(),
    };
    render(&page)
}
