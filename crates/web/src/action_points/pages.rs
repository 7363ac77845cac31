//! `/actions`: action points by organisation, status and lateness, with pages.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use cadre_domain::ActionStatus;
use cadre_storage::{ActionPointFilter, Paging};
use serde::Deserialize;

use crate::AppState;
use crate::error::WebError;
use crate::params::{self, PageQuery};
use crate::published::render;
use crate::view::{ActionRow, Choice, Pager};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/actions", get(list))
        .route("/actions/mine", get(mine))
}

/// How many days ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 30;

/// "My action points": a partner editor's organisation's, a regional focal point's region's,
/// everything still pending for the others.
async fn mine(who: crate::accounts::Who) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let account = who.require()?;
    let to = match (&account.organisation, &account.region) {
        (Some(org), _) => format!("/actions?organisation={org}"),
        (None, Some(region)) => crate::view::url_with("/actions", &[("region", region.clone())]),
        (None, None) => "/actions?due=overdue".to_owned(),
    };
    let mut r = axum::response::Redirect::to(&to).into_response();
    *r.status_mut() = axum::http::StatusCode::SEE_OTHER;
    Ok(r)
}

pub const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub(super) struct ListQuery {
    organisation: Option<String>,
    status: Option<String>,
    /// Kept for links made before `due`: `overdue=1` is `due=overdue`.
    overdue: Option<String>,
    /// `overdue` (pending, deadline passed) or `soon` (pending, due within [`DUE_SOON_DAYS`]).
    due: Option<String>,
    /// A body's code.
    body: Option<String>,
    region: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "action_points/list.html")]
struct ListPage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    organisations: Vec<Choice>,
    statuses: Vec<Choice>,
    dues: Vec<Choice>,
    bodies: Vec<Choice>,
    regions: Vec<Choice>,
    filtered: bool,
    /// What the list is narrowed to, for its heading: an organisation, a body or a region.
    scope_name: Option<String>,
    /// The same list, every page of it, as a spreadsheet.
    csv_href: String,
    xlsx_href: String,
    actions: Vec<ActionRow>,
    pager: Pager,
}

/// The filters of a list, read from its query.
pub(super) struct Filters {
    organisation: Option<cadre_domain::OrganisationId>,
    status: Option<cadre_domain::ActionStatus>,
    due: Option<&'static str>,
    body: Option<String>,
    region: Option<String>,
}

impl Filters {
    pub(super) fn read(q: &ListQuery) -> Result<Filters, WebError> {
        let due = match (
            params::text("due", &q.due)?.as_deref(),
            params::flag("overdue", &q.overdue)?,
        ) {
            (Some("overdue"), _) | (None, true) => Some("overdue"),
            (Some("soon"), _) => Some("soon"),
            (None, false) => None,
            (Some(_), _) => {
                return Err(WebError::bad_param("due", "overdue, soon"));
            }
        };
        let region = match params::text("region", &q.region)? {
            Some(r) => Some(
                cadre_domain::account::canonical_region(&r)
                    .ok_or_else(|| {
                        WebError::bad_param("region", crate::language::t("region-unknown"))
                    })?
                    .to_owned(),
            ),
            None => None,
        };
        Ok(Filters {
            organisation: params::id("organisation", &q.organisation)?,
            status: params::status("status", &q.status)?,
            due,
            body: params::text("body", &q.body)?,
            region,
        })
    }

    pub(super) fn storage(
        &self,
        audience: cadre_domain::Audience,
        paging: Paging,
    ) -> ActionPointFilter {
        let today = crate::today();
        ActionPointFilter {
            organisation: self.organisation,
            status: self.status,
            overdue_on: (self.due == Some("overdue")).then_some(today),
            due_between: (self.due == Some("soon"))
                .then(|| (today, today + chrono::Duration::days(DUE_SOON_DAYS))),
            body: self.body.clone(),
            region: self.region.clone(),
            audience,
            paging,
            ..Default::default()
        }
    }
}

async fn list(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Html<String>, WebError> {
    let filters = Filters::read(&q)?;
    let page = params::page("page", &q.page)?;
    let filter = filters.storage(
        who.audience(),
        Paging::page(PER_PAGE, Pager::offset(page, PER_PAGE)),
    );
    let Filters {
        organisation,
        status,
        due,
        body,
        region,
    } = filters;
    let today = crate::today();
    let db = &state.store;
    let (organisations, bodies, actions) = tokio::try_join!(
        db.organisations().list(who.audience()),
        db.bodies().list(who.audience()),
        crate::published::action_points(db, &filter)
    )?;
    let filters = [
        (
            "organisation",
            organisation.map(|o| o.to_string()).unwrap_or_default(),
        ),
        (
            "status",
            status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        ),
        ("due", due.unwrap_or_default().to_owned()),
        ("body", body.clone().unwrap_or_default()),
        ("region", region.clone().unwrap_or_default()),
    ];
    let organisation_name = organisation.and_then(|id| {
        organisations
            .iter()
            .find(|o| o.organisation.id == id)
            .map(|o| o.organisation.name.clone())
    });
    let body_name = body.as_ref().and_then(|code| {
        bodies
            .iter()
            .find(|b| &b.body.code == code)
            .map(|b| b.body.name.clone())
    });
    let scope_name = [
        organisation_name,
        body_name,
        region.clone().map(|r| {
            cadre_i18n::tf(
                crate::language::current(),
                "actions-region-of",
                &[("region", r.into())],
            )
        }),
    ]
    .into_iter()
    .flatten()
    .reduce(|a, b| format!("{a}, {b}"));
    let page = ListPage {
        title: crate::language::t("nav-actions"),
        nav: "actions",
        ui: who.ui(),
        organisations: organisations
            .iter()
            .filter(|o| o.action_points > 0 || Some(o.organisation.id) == organisation)
            .map(|o| Choice {
                value: o.organisation.id.to_string(),
                label: match &o.organisation.acronym {
                    Some(a) => format!("{a} – {}", o.organisation.name),
                    None => o.organisation.name.clone(),
                },
                selected: Some(o.organisation.id) == organisation,
            })
            .collect(),
        statuses: ActionStatus::ALL
            .iter()
            .map(|s| Choice {
                value: s.as_str().to_owned(),
                label: crate::language::label("action-status", s.as_str()).to_owned(),
                selected: Some(*s) == status,
            })
            .collect(),
        dues: [
            ("overdue", crate::language::t("late").to_owned()),
            (
                "soon",
                cadre_i18n::tf(
                    crate::language::current(),
                    "dash-due-soon",
                    &[("days", DUE_SOON_DAYS.into())],
                ),
            ),
        ]
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.to_owned(),
            label,
            selected: due == Some(value),
        })
        .collect(),
        bodies: bodies
            .iter()
            .filter(|b| b.meeting_count > 0 || Some(&b.body.code) == body.as_ref())
            .map(|b| Choice {
                value: b.body.code.clone(),
                label: b.body.name.clone(),
                selected: Some(&b.body.code) == body.as_ref(),
            })
            .collect(),
        regions: cadre_domain::REGIONS
            .iter()
            .map(|r| Choice {
                value: (*r).to_owned(),
                label: (*r).to_owned(),
                selected: region.as_deref() == Some(*r),
            })
            .collect(),
        filtered: filters.iter().any(|(_, v)| !v.is_empty()),
        csv_href: crate::view::url_with("/actions.csv", &filters),
        xlsx_href: crate::view::url_with("/actions.xlsx", &filters),
        scope_name,
        pager: Pager::new(
            "/actions",
            &filters,
            page,
            PER_PAGE,
            actions.total,
            actions.items.len(),
        ),
        actions: actions
            .items
            .iter()
            .map(|a| ActionRow::new(a, today))
            .collect(),
    };
    render(&page)
}
