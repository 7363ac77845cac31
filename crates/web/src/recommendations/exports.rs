//! The "état de mise en œuvre" of the recommendations a filter keeps, as the secretariat
//! brings it to a session: `/recommendations.docx`, `.pdf`, `.xlsx` and `.csv`, with the
//! list's filters, in the visitor's language. The public gets published recommendations only.

use axum::extract::State;
use axum::response::Response;
use cadre_outputs::recommendations::{ImplementationRow, ImplementationTable, LatestReport};
use cadre_storage::Paging;

use super::filters::FilterQuery;
use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::params::PageQuery;

/// The most rows one export holds: every roadmap of the archive fits many times over.
const MAX_ROWS: i64 = 20_000;

#[derive(Clone, Copy)]
enum Format {
    Docx,
    Pdf,
    Xlsx,
    Csv,
}

impl Format {
    fn media_type(self) -> &'static str {
        match self {
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Pdf => "application/pdf",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }
}

async fn export(
    state: AppState,
    who: Who,
    q: FilterQuery,
    format: Format,
) -> Result<Response, WebError> {
    let today = crate::today();
    let filters = q.read(who.audience(), today)?;
    let mut filter = filters.filter.clone();
    filter.paging = Paging::page(MAX_ROWS, 0);
    let sheet = state.store.recommendations().sheet(&filter).await?;
    // The title names the session only when the reader may know of it.
    let session = match filter.session {
        Some(s) => state
            .store
            .recommendations()
            .sessions(filter.audience)
            .await?
            .into_iter()
            .find(|known| known.id == s),
        None => None,
    };
    let lang = crate::language::current();
    let mut title = cadre_i18n::t(lang, "out-rec-title").to_owned();
    if let Some(s) = &session {
        title = format!("{title} – {} – {}", s.body, s.title);
    }
    let recommendations: Vec<cadre_domain::Recommendation> = sheet
        .iter()
        .map(|row| row.recommendation.clone().for_publication())
        .collect();
    let table = ImplementationTable {
        title,
        rows: sheet
            .iter()
            .zip(&recommendations)
            .map(|(row, r)| ImplementationRow {
                recommendation: r,
                responsible: row.responsible.clone(),
                pnm: row.pnm.map(super::show::pnm_label),
                objectives: row.objectives.clone(),
                latest: row.latest.as_ref().map(|l| LatestReport {
                    reported_on: l.reported_on,
                    done: l.done.clone(),
                    challenges: l.challenges.clone(),
                    perspectives: l.perspectives.clone(),
                }),
            })
            .collect(),
        lang,
        today,
    };
    let bytes = match format {
        Format::Docx => cadre_outputs::recommendations::docx(&table),
        Format::Pdf => cadre_outputs::recommendations::pdf(&table),
        Format::Xlsx => cadre_outputs::recommendations::xlsx(&table),
        Format::Csv => cadre_outputs::recommendations::csv(&table),
    };
    Ok(crate::meetings::download(
        bytes,
        format.media_type(),
        &format!(
            "cadre-recommandations-{}.{}",
            today.format("%Y-%m-%d"),
            format.extension()
        ),
    ))
}

pub async fn docx(
    State(state): State<AppState>,
    who: Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Response, WebError> {
    export(state, who, q, Format::Docx).await
}

pub async fn pdf(
    State(state): State<AppState>,
    who: Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Response, WebError> {
    export(state, who, q, Format::Pdf).await
}

pub async fn xlsx(
    State(state): State<AppState>,
    who: Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Response, WebError> {
    export(state, who, q, Format::Xlsx).await
}

pub async fn csv(
    State(state): State<AppState>,
    who: Who,
    PageQuery(q): PageQuery<FilterQuery>,
) -> Result<Response, WebError> {
    export(state, who, q, Format::Csv).await
}
