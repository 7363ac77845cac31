//! Server-rendered French pages. Every page works without JavaScript.

use askama::Template;
use axum::Router;
use axum::response::Html;

use crate::AppState;
use crate::error::WebError;

pub mod action_points;
pub mod dashboard;
pub mod meetings;
pub mod organisations;
pub mod recommendations;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(dashboard::router())
        .merge(meetings::router())
        .merge(action_points::router())
        .merge(organisations::router())
        .merge(recommendations::router())
}

pub(crate) fn render<T: Template>(page: &T) -> Result<Html<String>, WebError> {
    Ok(crate::published::page(page)?)
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
}

impl MeetingRow {
    pub fn new(m: &cadre_domain::MeetingSummary) -> MeetingRow {
        MeetingRow {
            id: m.id,
            date: crate::view::date_fr(m.date),
            body: m.body.clone(),
            kind: m.kind.label_fr(),
            title: m.title.clone(),
            place: m.place.clone().unwrap_or_default(),
            modality: m.modality.label_fr(),
            attendance_count: m.attendance_count,
            agenda_count: m.agenda_count,
            action_point_count: m.action_point_count,
            draft: m.status == cadre_domain::MeetingStatus::Draft,
        }
    }
}
