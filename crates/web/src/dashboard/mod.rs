//! `/`: what the secretariat looks at first — next meetings, late and soon-due action points,
//! the latest minutes and a few figures.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_storage::{ActionPointFilter, MeetingFilter, Paging, Totals};

use crate::AppState;
use crate::error::WebError;
use crate::meetings::MeetingRow;
use crate::published::render;
use crate::view::{ActionRow, date_text, time_text};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(dashboard))
}

/// How far ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 14;
const SHOWN: i64 = 10;

struct UpcomingRow {
    body: String,
    body_code: String,
    /// "3 mai 2023 à 9h00", "3 May 2023 at 9:00".
    when: String,
    as_written: String,
    announced_in: i64,
}

#[derive(Template)]
#[template(path = "dashboard/page.html")]
struct DashboardPage {
    title: &'static str,
    /// The latest meetings' table has no tick boxes here.
    bulk: bool,
    nav: &'static str,
    ui: crate::accounts::Ui,
    today: String,
    upcoming: Vec<UpcomingRow>,
    overdue: Vec<ActionRow>,
    overdue_total: i64,
    due_soon: Vec<ActionRow>,
    due_soon_total: i64,
    due_soon_days: i64,
    latest: Vec<MeetingRow>,
    totals: Totals,
}

async fn dashboard(
    State(state): State<AppState>,
    who: crate::accounts::Who,
) -> Result<Html<String>, WebError> {
    let db = &state.store;
    let today = crate::today();
    let overdue_filter = ActionPointFilter {
        overdue_on: Some(today),
        audience: who.audience(),
        paging: Paging::page(SHOWN, 0),
        ..Default::default()
    };
    let due_soon_filter = ActionPointFilter {
        due_between: Some((today, today + chrono::Duration::days(DUE_SOON_DAYS))),
        audience: who.audience(),
        paging: Paging::page(SHOWN, 0),
        ..Default::default()
    };
    let latest_filter = MeetingFilter {
        audience: who.audience(),
        paging: Paging::page(8, 0),
        ..Default::default()
    };
    let (upcoming, overdue, due_soon, latest, totals) = tokio::try_join!(
        db.meetings().upcoming(today, SHOWN, who.audience()),
        crate::published::action_points(db, &overdue_filter),
        crate::published::action_points(db, &due_soon_filter),
        db.meetings().list(&latest_filter),
        db.totals(who.audience()),
    )?;
    let page = DashboardPage {
        title: crate::language::t("nav-dashboard"),
        bulk: false,
        nav: "dashboard",
        ui: who.ui(),
        today: date_text(today),
        upcoming: upcoming
            .iter()
            .map(|u| UpcomingRow {
                body: u.body.clone(),
                body_code: u.body_code.clone(),
                when: match u.time {
                    Some(t) => cadre_i18n::tf(
                        crate::language::current(),
                        "at-time",
                        &[
                            ("day", date_text(u.date).into()),
                            ("time", time_text(t).into()),
                        ],
                    ),
                    None => date_text(u.date),
                },
                as_written: u.as_written.clone(),
                announced_in: u.announced_in.get(),
            })
            .collect(),
        overdue: overdue
            .items
            .iter()
            .map(|a| ActionRow::new(a, today))
            .collect(),
        overdue_total: overdue.total,
        due_soon: due_soon
            .items
            .iter()
            .map(|a| ActionRow::new(a, today))
            .collect(),
        due_soon_total: due_soon.total,
        due_soon_days: DUE_SOON_DAYS,
        latest: latest.items.iter().map(MeetingRow::new).collect(),
        totals,
    };
    render(&page)
}
