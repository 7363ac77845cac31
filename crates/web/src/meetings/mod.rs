//! Meetings: `/meetings` (list with filters and pages), `/meetings/{id}` (one meeting laid out
//! like the canevas), `/meetings/{id}/original`, and `GET /api/v1/meetings[/{id}]`.

mod api;
mod lifecycle;
mod outputs;
mod pages;
mod upload;
mod write;

use axum::Router;

pub(crate) use api::Api;
pub(crate) use outputs::download;
pub use upload::{DocumentReader, MAX_FILES, MAX_UPLOAD_BYTES};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(api::router())
        .route("/meetings/lifecycle", axum::routing::post(lifecycle::apply))
        .route(
            "/meetings/new",
            axum::routing::get(write::form).post(write::save),
        )
        .route(
            "/meetings/import",
            axum::routing::get(upload::form)
                .post(upload::upload)
                .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD_BYTES)),
        )
        .route(
            "/meetings/{id}/edit",
            axum::routing::get(write::correct_form).post(write::correct),
        )
        .route(
            "/meetings/{id}/minutes.docx",
            axum::routing::get(outputs::docx),
        )
        .route(
            "/meetings/{id}/minutes.pdf",
            axum::routing::get(outputs::pdf),
        )
        .route("/calendar.ics", axum::routing::get(outputs::calendar_all))
        .route(
            "/calendar/{file}",
            axum::routing::get(outputs::calendar_of_body),
        )
}

/// A list of meetings as their summary rows show it.
pub(crate) struct MeetingRow {
    pub id: i64,
    pub date: String,
    pub body: String,
    pub kind: &'static str,
    pub title: String,
    pub place: String,
    pub modality: &'static str,
    pub attendance_count: i64,
    pub agenda_count: i64,
    pub action_point_count: i64,
    pub draft: bool,
    /// Validated, not yet published.
    pub unpublished: bool,
}

impl MeetingRow {
    pub fn new(m: &cadre_domain::MeetingSummary) -> MeetingRow {
        MeetingRow {
            id: m.id.get(),
            date: crate::view::date_text(m.date),
            body: m.body.clone(),
            kind: crate::language::label("meeting-kind", m.kind.as_str()),
            title: m.title.clone(),
            place: m.place.clone().unwrap_or_default(),
            modality: crate::language::label("modality", m.modality.as_str()),
            attendance_count: m.attendance_count,
            agenda_count: m.agenda_count,
            action_point_count: m.action_point_count,
            draft: m.status == cadre_domain::MeetingStatus::Draft,
            unpublished: m.status == cadre_domain::MeetingStatus::Validated,
        }
    }
}
