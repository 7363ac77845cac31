//! `/recommendations/alignment`: the alignment report. Per PNM axis and sub-programme and per
//! Global Compact objective, how many recommendations serve it and how many are implemented,
//! over the list's filters; the objectives and sub-programmes nobody works on stand out, and
//! so do the recommendations not aligned yet.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_domain::{GcmObjectiveNumber, PnmCode};
use cadre_storage::Served;

use super::filters::{FilterForm, FilterQuery, form};
use crate::AppState;
use crate::error::WebError;
use crate::params::PageQuery;
use crate::published::render;

pub fn router() -> Router<AppState> {
    Router::new().route("/recommendations/alignment", get(report))
}

struct Line {
    label: String,
    /// An axis, above its sub-programmes.
    axis: bool,
    total: i64,
    implemented: i64,
    /// The list of what it counts.
    link: String,
}

#[derive(Template)]
#[template(path = "recommendations/alignment_report.html")]
struct ReportPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    filters: FilterForm,
    filter_action: &'static str,
    pnm: Vec<Line>,
    without_pnm: Served,
    objectives: Vec<Line>,
    without_objective: Served,
    /// "2, 5, 9": the objectives no recommendation serves.
    nobody: Vec<String>,
}

async fn report(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Html<String>, WebError> {
    let filters = q.read(who.audience(), crate::today())?;
    let (report, form) = tokio::try_join!(
        async {
            state
                .store
                .recommendations()
                .alignment_report(&filters.filter)
                .await
                .map_err(WebError::from)
        },
        form(&state, &filters)
    )?;
    let link = |name: &'static str, value: String| filters.list_link(&[(name, value)]);
    let served_pnm = |code: PnmCode| {
        report
            .pnm
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    };
    let pnm = PnmCode::all()
        .into_iter()
        .map(|code| {
            let s = if code.sub_programme.is_none() {
                // An axis counts what is tied to it and to its sub-programmes.
                report.pnm.iter().filter(|(c, _)| c.axis == code.axis).fold(
                    Served::default(),
                    |a, (_, s)| Served {
                        total: a.total + s.total,
                        implemented: a.implemented + s.implemented,
                    },
                )
            } else {
                served_pnm(code)
            };
            Line {
                label: super::show::pnm_label(code),
                axis: code.sub_programme.is_none(),
                total: s.total,
                implemented: s.implemented,
                link: link("pnm", code.to_string()),
            }
        })
        .collect();
    let objectives: Vec<Line> = GcmObjectiveNumber::all()
        .map(|n| {
            let s = report
                .objectives
                .iter()
                .find(|(o, _)| *o == n)
                .map(|(_, s)| *s)
                .unwrap_or_default();
            Line {
                label: super::show::objective_label(n),
                axis: false,
                total: s.total,
                implemented: s.implemented,
                link: link("objective", n.get().to_string()),
            }
        })
        .collect();
    let nobody = GcmObjectiveNumber::all()
        .zip(&objectives)
        .filter(|(_, l)| l.total == 0)
        .map(|(n, _)| n.get().to_string())
        .collect();
    let page = ReportPage {
        title: crate::language::t("rec-alignment-title"),
        nav: "recommendations",
        ui: who.ui(),
        filter_action: "/recommendations/alignment",
        filters: form,
        pnm,
        without_pnm: report.without_pnm,
        objectives,
        without_objective: report.without_objective,
        nobody,
    };
    render(&page)
}
