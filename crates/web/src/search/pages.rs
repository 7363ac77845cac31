//! `/search`: the search form and a page of results.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_search::{DocKind, SearchHit, SearchQuery};

use super::{Freshness, PER_PAGE, Query, kind_label, kind_param, run};
use crate::AppState;
use crate::error::WebError;
use crate::params::{self, PageQuery};
use crate::published::render;
use crate::view::{Choice, Pager, date_text};

pub fn router() -> Router<AppState> {
    Router::new().route("/search", get(page))
}

struct HitRow {
    kind: &'static str,
    body: String,
    date: String,
    title: String,
    url: String,
    /// (text, highlighted) pieces; askama escapes each.
    excerpt: Vec<(String, bool)>,
}

impl HitRow {
    fn new(h: &SearchHit) -> HitRow {
        HitRow {
            kind: kind_label(h.kind),
            body: h.body_name.clone(),
            date: date_text(h.date),
            title: h.title.clone(),
            url: h.url.clone(),
            excerpt: h
                .excerpt
                .iter()
                .map(|f| (f.text.clone(), f.highlighted))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "search/page.html")]
struct SearchPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    q: String,
    bodies: Vec<Choice>,
    years: Vec<Choice>,
    kinds: Vec<Choice>,
    /// False before any search, or for a query with no word in it.
    searched: bool,
    empty_query: bool,
    updating: bool,
    /// More hits than pages can reach ([`cadre_search::MAX_WINDOW`]).
    beyond_window: bool,
    hits: Vec<HitRow>,
    pager: Pager,
}

async fn page(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<Query>,
) -> Result<Html<String>, WebError> {
    let text = params::text("q", &q.q)?.unwrap_or_default();
    let body = params::text("body", &q.body)?;
    let year = params::year("year", &q.year)?;
    let kind = kind_param(&q.kind)?;
    let page = params::page("page", &q.page)?;
    let offset = Pager::offset(page, PER_PAGE) as usize;
    params::search_window("page", offset, PER_PAGE as usize)?;
    let choices = state
        .cache
        .meeting_choices(&state.store, who.audience())
        .await?;
    let (results, freshness) = if text.trim().is_empty() {
        (None, Freshness::UpToDate)
    } else {
        run(
            &state,
            SearchQuery {
                text: text.clone(),
                body_code: body.clone(),
                year,
                kind,
                include_drafts: !who.audience().is_public(),
                offset,
                limit: PER_PAGE as usize,
            },
            "page",
        )
        .await?
    };
    let filters = [
        ("q", text.clone()),
        ("body", body.clone().unwrap_or_default()),
        ("year", year.map(|y| y.to_string()).unwrap_or_default()),
        (
            "kind",
            kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        ),
    ];
    let (total, hits) = match &results {
        Some(r) => (r.total as i64, r.hits.iter().map(HitRow::new).collect()),
        None => (0, Vec::new()),
    };
    let shown = hits.len();
    // Pages stop at the result window; the count still says how many match.
    let mut pager = Pager::new(
        "/search",
        &filters,
        page,
        PER_PAGE,
        total.min(cadre_search::MAX_WINDOW as i64),
        shown,
    );
    pager.total = total;
    let beyond_window = total > cadre_search::MAX_WINDOW as i64;
    render(&SearchPage {
        title: crate::language::t("nav-search"),
        nav: "search",
        ui: who.ui(),
        searched: !text.trim().is_empty(),
        empty_query: !text.trim().is_empty() && results.is_none(),
        q: text,
        bodies: choices.body_options(body.as_deref(), false),
        years: choices.year_options(year),
        kinds: DocKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: kind_label(*k).to_owned(),
                selected: kind == Some(*k),
            })
            .collect(),
        updating: freshness == Freshness::Updating,
        pager,
        beyond_window,
        hits,
    })
}
