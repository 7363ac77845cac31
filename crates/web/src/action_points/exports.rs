//! The filtered list of action points as spreadsheets: `/actions.csv` and `/actions.xlsx`
//! take the same filters as `/actions` and hold every page of the list, in the visitor's
//! language. Public answers go through the page cache (entity tag, `304`).

use axum::extract::State;
use axum::response::Response;
use cadre_storage::Paging;

use crate::AppState;
use crate::accounts::Who;
use crate::action_points::pages::{Filters, ListQuery};
use crate::error::WebError;
use crate::params::PageQuery;

/// The most rows one export holds: every action point of the archive fits many times over.
const MAX_ROWS: i64 = 50_000;

pub async fn csv(
    state: State<AppState>,
    who: Who,
    q: PageQuery<ListQuery>,
) -> Result<Response, WebError> {
    export(state, who, q, Spreadsheet::Csv).await
}

pub async fn xlsx(
    state: State<AppState>,
    who: Who,
    q: PageQuery<ListQuery>,
) -> Result<Response, WebError> {
    export(state, who, q, Spreadsheet::Xlsx).await
}

#[derive(Clone, Copy)]
enum Spreadsheet {
    Csv,
    Xlsx,
}

async fn export(
    State(state): State<AppState>,
    who: Who,
    PageQuery(q): PageQuery<ListQuery>,
    kind: Spreadsheet,
) -> Result<Response, WebError> {
    let filter = Filters::read(&q)?.storage(who.audience(), Paging::page(MAX_ROWS, 0));
    let points = crate::published::action_points(&state.store, &filter)
        .await?
        .items;
    let (lang, today) = (crate::language::current(), crate::today());
    let stamp = today.format("%Y-%m-%d");
    Ok(match kind {
        Spreadsheet::Csv => crate::meetings::download(
            cadre_outputs::action_points::csv(&points, lang, today),
            "text/csv; charset=utf-8",
            &format!("cadre-points-action-{stamp}.csv"),
        ),
        Spreadsheet::Xlsx => crate::meetings::download(
            cadre_outputs::action_points::xlsx(&points, lang, today),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("cadre-points-action-{stamp}.xlsx"),
        ),
    })
}
