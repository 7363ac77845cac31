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
    Router::new().route("/actions", get(list))
}

pub const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    organisation: Option<String>,
    status: Option<String>,
    overdue: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "action_points/list.html")]
struct ListPage {
    title: &'static str,
    nav: &'static str,
    bar: crate::accounts::AccountBar,
    organisations: Vec<Choice>,
    statuses: Vec<Choice>,
    overdue: bool,
    filtered: bool,
    /// The organisation filtered on, by name.
    organisation_name: Option<String>,
    actions: Vec<ActionRow>,
    pager: Pager,
}

async fn list(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Html<String>, WebError> {
    let organisation = params::id("organisation", &q.organisation)?;
    let status = params::status("status", &q.status)?;
    let overdue = params::flag("overdue", &q.overdue)?;
    let page = params::page("page", &q.page)?;
    let today = crate::today();
    let filter = ActionPointFilter {
        organisation,
        status,
        overdue_on: overdue.then_some(today),
        paging: Paging::page(PER_PAGE, Pager::offset(page, PER_PAGE)),
        ..Default::default()
    };
    let db = &state.store;
    let (organisations, actions) = tokio::try_join!(
        db.organisations().list(),
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
        (
            "overdue",
            if overdue {
                "1".to_owned()
            } else {
                String::new()
            },
        ),
    ];
    let organisation_name = organisation.and_then(|id| {
        organisations
            .iter()
            .find(|o| o.organisation.id == id)
            .map(|o| o.organisation.name.clone())
    });
    let page = ListPage {
        title: "Points d'action",
        nav: "actions",
        bar: who.bar(),
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
                label: s.label_fr().to_owned(),
                selected: Some(*s) == status,
            })
            .collect(),
        overdue,
        filtered: organisation.is_some() || status.is_some() || overdue,
        organisation_name,
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
