//! Action points: what a meeting decided someone would do, by when, and how far it got.

mod follow_up;
mod serves;

pub use follow_up::{FollowedActionPoint, ReportEntry, StatusReport};
pub use serves::ServingPoint;

use std::collections::HashMap;

use cadre_domain::meeting::OrganisationRef;
use cadre_domain::{
    ActionPoint, ActionStatus, Audience, Deadline, DeadlineMeaning, MeetingId, OrganisationId,
};
use chrono::NaiveDate;

use crate::engine::Link;
use crate::statement::{ListQuery, MultiInsert, Statement, Value, Where, paging};
use crate::stored::parse_stored;
use crate::{Page, Paging, Result, Store};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionPointFilter {
    /// Action points this organisation is responsible for.
    pub organisation: Option<OrganisationId>,
    pub status: Option<ActionStatus>,
    /// Only pending (open or in progress) action points whose deadline passed before this day.
    pub overdue_on: Option<NaiveDate>,
    /// Only pending action points due in this inclusive range.
    pub due_between: Option<(NaiveDate, NaiveDate)>,
    pub meeting: Option<MeetingId>,
    pub body: Option<String>,
    /// Only the action points of this region's bodies (as `cadre_domain::REGIONS` spells it).
    pub region: Option<String>,
    pub audience: Audience,
    pub paging: Paging,
}

/// The statuses counted as pending (kept beside [`ActionStatus::is_pending`]).
const PENDING: &str = "('open', 'in_progress')";

const ACTION_POINT_SELECT: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name AS body, ap.agenda_item_id, \
     ai.title AS agenda_item_title, ap.what, ap.responsible_as_written, ap.deadline_text, \
     ap.deadline_kind, ap.due_date, ap.status \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     JOIN agenda_items ai ON ai.id = ap.agenda_item_id";

const ACTION_POINT_ORDER: &str =
    " ORDER BY ap.sort_date, ap.meeting_date, ap.meeting_id, ap.position";

const RESPONSIBLE_SELECT: &str = "SELECT apo.action_point_id, o.id, o.name, o.acronym \
     FROM action_point_organisations apo JOIN organisations o ON o.id = apo.organisation_id \
     WHERE apo.action_point_id IN ";

/// A meeting's points, each repeated once per responsible organisation (one statement, one
/// round trip: a meeting page is read often).
const SQL_MEETING_ACTION_POINTS: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name AS body, ap.agenda_item_id, \
     ai.title AS agenda_item_title, ap.what, ap.responsible_as_written, ap.deadline_text, \
     ap.deadline_kind, ap.due_date, ap.status, \
     o.id AS organisation_id, o.name AS organisation_name, o.acronym AS organisation_acronym \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     JOIN agenda_items ai ON ai.id = ap.agenda_item_id \
     LEFT JOIN action_point_organisations apo ON apo.action_point_id = ap.id \
     LEFT JOIN organisations o ON o.id = apo.organisation_id \
     WHERE ap.meeting_id = $1 ORDER BY ap.position, apo.position";

/// The pending points of the meeting of the same body just before this one (by date, then
/// by id for two meetings on one day), in the same shape as [`SQL_MEETING_ACTION_POINTS`].
const SQL_PENDING_OF_PREVIOUS_MEETING: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name AS body, ap.agenda_item_id, \
     ai.title AS agenda_item_title, ap.what, ap.responsible_as_written, ap.deadline_text, \
     ap.deadline_kind, ap.due_date, ap.status, \
     o.id AS organisation_id, o.name AS organisation_name, o.acronym AS organisation_acronym \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     JOIN agenda_items ai ON ai.id = ap.agenda_item_id \
     LEFT JOIN action_point_organisations apo ON apo.action_point_id = ap.id \
     LEFT JOIN organisations o ON o.id = apo.organisation_id \
     WHERE ap.meeting_id = (SELECT p.id FROM meetings m JOIN meetings p ON p.body_id = m.body_id \
       WHERE m.id = $1 AND (p.date < m.date OR (p.date = m.date AND p.id < m.id)) \
       AND ($2 OR p.status = 'published') ORDER BY p.date DESC, p.id DESC LIMIT 1) \
     AND ap.status IN ('open', 'in_progress') ORDER BY ap.position, apo.position";

/// Stored with their meeting, at import (see [`crate::meetings`]).
pub(crate) const INSERT_ACTION_POINTS: MultiInsert = MultiInsert {
    head: "INSERT INTO action_points (meeting_id, agenda_item_id, body_id, meeting_date, position, what, \
     responsible_as_written, deadline_text, deadline_kind, due_date, sort_date, status) VALUES ",
    columns: 12,
    tail: " RETURNING id, meeting_id, position",
};

pub(crate) const INSERT_RESPONSIBLES: MultiInsert = MultiInsert {
    head: "INSERT INTO action_point_organisations (action_point_id, organisation_id, position) VALUES ",
    columns: 3,
    tail: "",
};

/// The day action points without a date sort as (they come after every dated one).
pub(crate) fn no_date_sort_key() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date")
}

#[derive(sqlx::FromRow)]
struct ActionPointRow {
    id: i64,
    meeting_id: i64,
    meeting_date: NaiveDate,
    body: String,
    agenda_item_id: i64,
    agenda_item_title: String,
    what: String,
    responsible_as_written: String,
    deadline_text: String,
    deadline_kind: String,
    due_date: Option<NaiveDate>,
    status: String,
}

impl ActionPointRow {
    fn into_domain(self) -> Result<ActionPoint> {
        Ok(ActionPoint {
            id: self.id.into(),
            meeting_id: self.meeting_id.into(),
            meeting_date: self.meeting_date,
            body: self.body,
            agenda_item_id: self.agenda_item_id.into(),
            agenda_item_title: self.agenda_item_title,
            what: self.what,
            responsible: Vec::new(),
            responsible_as_written: self.responsible_as_written,
            deadline: Deadline {
                as_written: self.deadline_text,
                meaning: DeadlineMeaning::from_parts(&self.deadline_kind, self.due_date),
            },
            status: parse_stored(&self.status, ActionStatus::parse, "action status")?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MeetingPointRow {
    #[sqlx(flatten)]
    point: ActionPointRow,
    organisation_id: Option<i64>,
    organisation_name: Option<String>,
    organisation_acronym: Option<String>,
}

/// (action point, organisation id, name, acronym).
type ResponsibleRow = (i64, i64, String, Option<String>);

/// Fills each point's `responsible` from rows in position order.
fn attach_responsible(points: &mut [ActionPoint], rows: Vec<ResponsibleRow>) {
    let mut by_point: HashMap<i64, Vec<OrganisationRef>> = HashMap::new();
    for (point, id, name, acronym) in rows {
        by_point.entry(point).or_default().push(OrganisationRef {
            id: id.into(),
            name,
            acronym,
        });
    }
    for p in points {
        if let Some(r) = by_point.remove(&p.id.get()) {
            p.responsible = r;
        }
    }
}

fn into_domain(rows: Vec<ActionPointRow>) -> Result<Vec<ActionPoint>> {
    rows.into_iter().map(ActionPointRow::into_domain).collect()
}

/// Action points of a filter, and the statement listing the responsible organisations of the
/// same page.
fn action_points_query(f: &ActionPointFilter) -> (ListQuery, String) {
    let mut w = Where::default();
    if let Some(org) = f.organisation {
        w.and(
            "ap.id IN (SELECT action_point_id FROM action_point_organisations WHERE organisation_id = {})",
            [Value::from(org)],
        );
    }
    if let Some(status) = f.status {
        w.and("ap.status = {}", [Value::from(status.as_str())]);
    }
    if let Some(day) = f.overdue_on {
        w.and(
            &format!("ap.status IN {PENDING} AND ap.due_date < {{}}"),
            [Value::from(day)],
        );
    }
    if let Some((from, to)) = f.due_between {
        w.and(
            &format!("ap.status IN {PENDING} AND ap.due_date >= {{}} AND ap.due_date <= {{}}"),
            [Value::from(from), Value::from(to)],
        );
    }
    if let Some(meeting) = f.meeting {
        w.and("ap.meeting_id = {}", [Value::from(meeting)]);
    }
    if let Some(code) = &f.body {
        w.and(
            "ap.body_id = (SELECT id FROM bodies WHERE code = {})",
            [Value::from(code.clone())],
        );
    }
    if let Some(region) = &f.region {
        w.and(
            "ap.body_id IN (SELECT id FROM bodies WHERE region = {})",
            [Value::from(region.clone())],
        );
    }
    if f.audience.is_public() {
        w.and_sql("ap.published = TRUE");
    }
    let (limit, offset) = paging(&f.paging);
    let page = format!("{ACTION_POINT_ORDER}{}", w.limit_offset());
    let responsible = format!(
        "{RESPONSIBLE_SELECT}(SELECT ap.id FROM action_points ap{}{page}) \
         ORDER BY apo.action_point_id, apo.position",
        w.sql
    );
    (
        ListQuery {
            list_sql: format!("{ACTION_POINT_SELECT}{}{page}", w.sql),
            count_sql: format!("SELECT COUNT(*) AS n FROM action_points ap{}", w.sql),
            params: w.params,
            limit,
            offset,
        },
        responsible,
    )
}

/// A meeting's action points in document order, with their responsible organisations.
pub(crate) async fn of_meeting(
    link: &mut Link<'_>,
    meeting: MeetingId,
) -> Result<Vec<ActionPoint>> {
    let rows: Vec<MeetingPointRow> = link
        .fetch_all(Statement::new(SQL_MEETING_ACTION_POINTS).bind(meeting))
        .await?;
    group_points(rows)
}

/// Points from rows repeated once per responsible organisation, in order.
fn group_points(rows: Vec<MeetingPointRow>) -> Result<Vec<ActionPoint>> {
    let mut points: Vec<ActionPoint> = Vec::new();
    for row in rows {
        if points.last().is_none_or(|p| p.id.get() != row.point.id) {
            points.push(row.point.into_domain()?);
        }
        if let (Some(id), Some(name), Some(point)) = (
            row.organisation_id,
            row.organisation_name,
            points.last_mut(),
        ) {
            point.responsible.push(OrganisationRef {
                id: id.into(),
                name,
                acronym: row.organisation_acronym,
            });
        }
    }
    Ok(points)
}

/// The action points of a [`Store`].
#[derive(Clone, Copy)]
pub struct ActionPoints<'s>(pub(crate) &'s Store);

impl ActionPoints<'_> {
    /// The still-pending action points of the previous meeting of the same body (none when
    /// this is its first meeting): what a meeting starts by following up. For the public,
    /// the previous meeting is the previous published one.
    pub async fn pending_from_previous_meeting(
        self,
        meeting: MeetingId,
        audience: Audience,
    ) -> Result<Vec<ActionPoint>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<MeetingPointRow> = conn
            .link()
            .fetch_all(
                Statement::new(SQL_PENDING_OF_PREVIOUS_MEETING)
                    .bind(meeting)
                    .bind(!audience.is_public()),
            )
            .await?;
        group_points(rows)
    }

    /// Action points, soonest deadline first (those without a date last).
    pub async fn list(self, filter: &ActionPointFilter) -> Result<Page<ActionPoint>> {
        let (q, responsible_sql) = action_points_query(filter);
        let (total, rows) = self.0.page::<ActionPointRow>(&q).await?;
        let mut items = into_domain(rows)?;
        if !items.is_empty() {
            let mut conn = self.0.conn().await?;
            let responsible = conn.link().fetch_all(q.paged(responsible_sql)).await?;
            attach_responsible(&mut items, responsible);
        }
        Ok(Page { items, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_due_range_is_two_parameters_before_the_page() {
        let (q, responsible) = action_points_query(&ActionPointFilter {
            due_between: Some((NaiveDate::MIN, NaiveDate::MAX)),
            ..Default::default()
        });
        assert!(
            q.list_sql
                .contains("ap.due_date >= $1 AND ap.due_date <= $2")
        );
        assert!(responsible.contains("LIMIT $3 OFFSET $4"));
    }
}
