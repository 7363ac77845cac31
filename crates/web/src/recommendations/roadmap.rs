//! `/recommendations/roadmap`: the roadmap as a matrix, thematic group (or PNM axis) × status,
//! over the list's filters, with a bar chart drawn on the server (SVG, no script). Each count
//! links to the recommendations it counts.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_domain::RecommendationStatus;
use cadre_storage::{MatrixCell, MatrixRow};

use super::filters::{FilterForm, FilterQuery, form};
use crate::AppState;
use crate::error::WebError;
use crate::params::PageQuery;
use crate::published::render;

pub fn router() -> Router<AppState> {
    Router::new().route("/recommendations/roadmap", get(roadmap))
}

/// The matrix's columns: no status yet, then each status in its order.
fn columns() -> Vec<Option<RecommendationStatus>> {
    std::iter::once(None)
        .chain(RecommendationStatus::ALL.iter().copied().map(Some))
        .collect()
}

/// A column's parameter value, label and colour (the badges' colours; grey for none).
fn column(status: Option<RecommendationStatus>) -> (&'static str, &'static str, &'static str) {
    match status {
        None => ("none", crate::language::t("rec-unreported"), "#767676"),
        Some(s) => (
            s.as_str(),
            crate::language::label("recommendation-status", s.as_str()),
            match s {
                RecommendationStatus::Implemented => "#1a7f37",
                RecommendationStatus::InProgress => "#1f5fa8",
                RecommendationStatus::NotStarted => "#b35900",
                RecommendationStatus::Abandoned => "#a1260d",
                RecommendationStatus::ToReformulate => "#8c3b8c",
            },
        ),
    }
}

struct Cell {
    n: i64,
    /// The list of what it counts, when the row can be said as a filter.
    link: Option<String>,
}

struct RowView {
    label: String,
    cells: Vec<Cell>,
    total: Cell,
}

struct ColumnView {
    /// The status's parameter value, which names its swatch's class.
    key: &'static str,
    label: &'static str,
    colour: &'static str,
}

#[derive(Template)]
#[template(path = "recommendations/roadmap.html")]
struct RoadmapPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    filters: FilterForm,
    filter_action: &'static str,
    list_link: String,
    columns: Vec<ColumnView>,
    rows: Vec<RowView>,
    totals: Vec<i64>,
    total: i64,
    chart: String,
}

fn row_label(row: &MatrixRow) -> String {
    match row {
        MatrixRow::General => crate::language::t("rec-row-general").to_owned(),
        MatrixRow::ThematicGroup(g) => g.clone(),
        MatrixRow::PnmAxis(a) => cadre_i18n::tf(
            crate::language::current(),
            "rec-row-axis",
            &[("axis", i64::from(*a).into())],
        ),
        MatrixRow::Unclassified => crate::language::t("rec-row-unclassified").to_owned(),
    }
}

/// The row as a filter parameter, when there is one.
fn row_param(row: &MatrixRow) -> Option<(&'static str, String)> {
    match row {
        MatrixRow::ThematicGroup(g) => Some(("thematic_group", g.clone())),
        MatrixRow::PnmAxis(a) => Some(("pnm", a.to_string())),
        MatrixRow::General | MatrixRow::Unclassified => None,
    }
}

/// A horizontal bar per row, its statuses stacked in the columns' colours, scaled to the
/// longest row. Exact counts are in the table beside it; the chart is their picture.
fn chart(rows: &[RowView], columns: &[ColumnView]) -> String {
    const WIDTH: i64 = 320;
    const LABEL: i64 = 14;
    const BAR: i64 = 16;
    const ROW: i64 = LABEL + BAR + 10;
    let max = rows.iter().map(|r| r.total.n).max().unwrap_or(0).max(1);
    let height = ROW * rows.len() as i64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="chart-title"><title id="chart-title">{}</title>"#,
        crate::view::escape(crate::language::t("rec-chart-title"))
    );
    for (i, row) in rows.iter().enumerate() {
        let top = i as i64 * ROW;
        let _ = write!(
            svg,
            r##"<text x="0" y="{}" font-size="11" fill="#1a1a1a">{}</text>"##,
            top + LABEL - 3,
            crate::view::escape(&row.label)
        );
        let y = top + LABEL;
        let mut x = 0;
        for (cell, col) in row.cells.iter().zip(columns) {
            if cell.n == 0 {
                continue;
            }
            let w = (cell.n * (WIDTH - 40) / max).max(2);
            let _ = write!(
                svg,
                r#"<rect x="{x}" y="{y}" width="{w}" height="{BAR}" fill="{}"><title>{} – {} : {}</title></rect>"#,
                col.colour,
                crate::view::escape(&row.label),
                col.label,
                cell.n
            );
            x += w;
        }
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" font-size="11" fill="#1a1a1a">{}</text>"##,
            x + 4,
            y + BAR - 4,
            row.total.n
        );
    }
    svg.push_str("</svg>");
    svg
}

async fn roadmap(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Html<String>, WebError> {
    let filters = q.read(who.audience(), crate::today())?;
    let (cells, form) = tokio::try_join!(
        async {
            state
                .store
                .recommendations()
                .matrix(&filters.filter)
                .await
                .map_err(WebError::from)
        },
        form(&state, &filters)
    )?;
    let cols = columns();
    let mut by_row: BTreeMap<MatrixRow, Vec<i64>> = BTreeMap::new();
    for MatrixCell { row, status, n } in cells {
        let at = cols.iter().position(|c| *c == status).unwrap_or(0);
        by_row.entry(row).or_insert_with(|| vec![0; cols.len()])[at] += n;
    }
    let status_param = |c: &Option<RecommendationStatus>| ("status", column(*c).0.to_owned());
    let rows: Vec<RowView> = by_row
        .iter()
        .map(|(row, counts)| {
            let param = row_param(row);
            RowView {
                label: row_label(row),
                cells: counts
                    .iter()
                    .zip(&cols)
                    .map(|(n, c)| Cell {
                        n: *n,
                        link: param
                            .clone()
                            .filter(|_| *n > 0)
                            .map(|p| filters.list_link(&[p, status_param(c)])),
                    })
                    .collect(),
                total: Cell {
                    n: counts.iter().sum(),
                    link: param.map(|p| filters.list_link(&[p])),
                },
            }
        })
        .collect();
    let totals: Vec<i64> = (0..cols.len())
        .map(|i| by_row.values().map(|c| c[i]).sum())
        .collect();
    let columns: Vec<ColumnView> = cols
        .iter()
        .map(|c| {
            let (key, label, colour) = column(*c);
            ColumnView { key, label, colour }
        })
        .collect();
    let page = RoadmapPage {
        title: crate::language::t("rec-matrix-title"),
        nav: "recommendations",
        ui: who.ui(),
        filter_action: "/recommendations/roadmap",
        list_link: filters.list_link(&[]),
        filters: form,
        chart: chart(&rows, &columns),
        total: totals.iter().sum(),
        totals,
        columns,
        rows,
    };
    render(&page)
}
