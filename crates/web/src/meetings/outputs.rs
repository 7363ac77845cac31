//! A meeting's minutes as documents, and the calendars of upcoming meetings:
//! `/meetings/{id}/minutes.docx`, `/meetings/{id}/minutes.pdf` (laid out like the canevas, in
//! the visitor's language), `/calendar.ics` (every body) and `/calendar/{body}.ics`.
//! Public answers go through the page cache like pages: an entity tag, `304` when unchanged.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use cadre_outputs::{CalendarEvent, MinutesInput};
use cadre_storage::{Paging, RecommendationFilter};

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::meetings::pages::{MAX_RECOMMENDATIONS, load_minutes};
use crate::params;

/// Upcoming meetings one feed lists (a body meets monthly at most; all bodies, a few dozen).
const CALENDAR_EVENTS: i64 = 200;

#[derive(Clone, Copy)]
enum Format {
    Docx,
    Pdf,
}

pub async fn docx(
    state: State<AppState>,
    who: Who,
    id: Path<String>,
) -> Result<Response, WebError> {
    minutes(state, who, id, Format::Docx).await
}

pub async fn pdf(state: State<AppState>, who: Who, id: Path<String>) -> Result<Response, WebError> {
    minutes(state, who, id, Format::Pdf).await
}

async fn minutes(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    format: Format,
) -> Result<Response, WebError> {
    let id = params::path_id("id", id).map_err(|_| WebError::NotFound)?;
    let filter = RecommendationFilter {
        meeting: Some(id),
        audience: who.audience(),
        paging: Paging::page(MAX_RECOMMENDATIONS, 0),
        ..Default::default()
    };
    let minutes = load_minutes(&state.store, id, who.audience(), &filter).await?;
    let input = MinutesInput {
        meeting: &minutes.meeting,
        recommendations: &minutes.recommendations.items,
        previous_pending: &minutes.previous_pending,
        lang: crate::language::current(),
        today: crate::today(),
    };
    let name = file_name(&minutes.meeting);
    let (bytes, media_type, extension) = match format {
        Format::Docx => (
            cadre_outputs::docx::minutes(&input),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        ),
        Format::Pdf => (
            cadre_outputs::pdf::minutes(&input),
            "application/pdf",
            "pdf",
        ),
    };
    Ok(download(bytes, media_type, &format!("{name}.{extension}")))
}

/// "cadre-gtm-tahoua-2023-02-16": letters, digits and dashes only, safe in a header.
fn file_name(m: &cadre_domain::Meeting) -> String {
    let code: String = m
        .body
        .code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    format!("cadre-{code}-{}", m.date.format("%Y-%m-%d"))
}

pub(crate) fn download(bytes: Vec<u8>, media_type: &'static str, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn calendar_all(
    State(state): State<AppState>,
    who: Who,
    headers: HeaderMap,
) -> Result<Response, WebError> {
    calendar(&state, &who, &headers, None).await
}

pub async fn calendar_of_body(
    State(state): State<AppState>,
    who: Who,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    let code = file.strip_suffix(".ics").ok_or(WebError::NotFound)?;
    calendar(&state, &who, &headers, Some(code)).await
}

/// The site's address as the client reached it, for links that leave the site (a calendar
/// event's URL must be absolute).
fn site_address(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    let scheme = if crate::forwarded_https(headers) {
        "https"
    } else {
        "http"
    };
    format!("{scheme}://{host}")
}

async fn calendar(
    state: &AppState,
    who: &Who,
    headers: &HeaderMap,
    body: Option<&str>,
) -> Result<Response, WebError> {
    let site = site_address(headers);
    let db = &state.store;
    let lang = crate::language::current();
    let bodies = db.bodies().list(who.audience()).await?;
    let name = match body {
        Some(code) => {
            let found = bodies
                .iter()
                .find(|b| b.body.code == code)
                .ok_or(WebError::NotFound)?;
            format!("Cadre – {}", found.body.name)
        }
        None => format!("Cadre – {}", cadre_i18n::t(lang, "calendar-name-all")),
    };
    let upcoming = db
        .meetings()
        .upcoming(crate::today(), CALENDAR_EVENTS, who.audience())
        .await?;
    let events: Vec<CalendarEvent> = upcoming
        .iter()
        .filter(|u| body.is_none_or(|code| u.body_code == code))
        .map(|u| CalendarEvent {
            // Stable: the body and the day (one meeting a day per body), whoever announced it.
            uid: format!("{}-{}@cadre", u.body_code, u.date.format("%Y%m%d")),
            summary: cadre_i18n::tf(
                lang,
                "calendar-summary",
                &[("body", u.body.as_str().into())],
            ),
            date: u.date,
            time: u.time,
            location: None,
            url: format!("{site}/meetings/{}", u.announced_in),
            description: cadre_domain::privacy::mask_contacts(&u.as_written).into_owned(),
        })
        .collect();
    let feed = cadre_outputs::calendar::feed(&events, &name, lang);
    let file = format!("cadre-{}.ics", body.unwrap_or("calendrier"));
    let mut response = download(feed.into_bytes(), "text/calendar; charset=utf-8", &file);
    // A calendar is subscribed to, not saved: shown inline.
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        header::HeaderValue::from_str(&format!("inline; filename=\"{file}\""))
            .expect("a safe file name"),
    );
    Ok(response)
}
