//! Follow-up of action points: dated status reports with a comment, by the people responsible,
//! each kept as the point's history. A report is refused if the point changed since the
//! reporter read it (optimistic concurrency), and one made by mistake is withdrawn, never
//! deleted.

use cadre_domain::account::FollowUpScope;
use cadre_domain::{ActionPoint, ActionPointId, ActionStatus, Actor, OrganisationId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;

use super::{ActionPointRow, ActionPoints};
use crate::audit::{self, RecordKind};
use crate::changes;
use crate::engine::Link;
use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, StorageError};

/// A status report as its author submits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReport {
    pub status: ActionStatus,
    pub comment: String,
    /// The day the situation was as reported (today, or a day of the past).
    pub reported_on: NaiveDate,
}

/// A report as stored, in the point's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    pub id: i64,
    pub status: ActionStatus,
    pub previous_status: ActionStatus,
    pub comment: String,
    pub reported_on: NaiveDate,
    /// Who reported: an account's name.
    pub actor: String,
    pub recorded_at: DateTime<Utc>,
    /// The point's version once this report was made.
    pub version: i64,
    pub withdrawn: bool,
}

/// An action point with what its follow-up needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowedActionPoint {
    pub point: ActionPoint,
    pub version: i64,
    /// The day of the latest report standing, if any.
    pub status_date: Option<NaiveDate>,
    /// The region of the body whose meeting decided it (none for the CCM).
    pub region: Option<String>,
    pub body_code: String,
    /// Whether its minutes are published (the public sees it only then).
    pub published: bool,
}

impl FollowedActionPoint {
    pub fn scope(&self) -> FollowUpScope {
        FollowUpScope {
            region: self.region.clone(),
            responsible: self.point.responsible.iter().map(|o| o.id).collect(),
        }
    }
}

const SQL_FOLLOWED: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name AS body, ap.agenda_item_id, \
     ai.title AS agenda_item_title, ap.what, ap.responsible_as_written, ap.deadline_text, \
     ap.deadline_kind, ap.due_date, ap.status, ap.version, ap.status_date, b.region, b.code AS body_code, ap.published \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     JOIN agenda_items ai ON ai.id = ap.agenda_item_id WHERE ap.id = $1";
const SQL_RESPONSIBLE: &str = "SELECT apo.action_point_id, o.id, o.name, o.acronym \
     FROM action_point_organisations apo JOIN organisations o ON o.id = apo.organisation_id \
     WHERE apo.action_point_id = $1 ORDER BY apo.position";
const SQL_REPORT: &str = "UPDATE action_points SET status = $1, status_date = $2, version = version + 1 \
     WHERE id = $3 AND version = $4";
const SQL_INSERT_REPORT: &str = "INSERT INTO action_point_reports (action_point_id, status, previous_status, comment, \
     reported_on, account_id, actor, version, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const SQL_REPORTS: &str = "SELECT id, status, previous_status, comment, reported_on, actor, recorded_at, version, withdrawn \
     FROM action_point_reports WHERE action_point_id = $1 ORDER BY id";
const SQL_POINT_OF_REPORT: &str = "SELECT action_point_id FROM action_point_reports WHERE id = $1";
const SQL_SET_WITHDRAWN: &str = "UPDATE action_point_reports SET withdrawn = $1 WHERE id = $2";
const SQL_SET_STATUS_FROM_REPORTS: &str = "UPDATE action_points SET status = $1, status_date = $2, version = version + 1 WHERE id = $3 AND version = $4";

#[derive(sqlx::FromRow)]
struct FollowedRow {
    #[sqlx(flatten)]
    point: ActionPointRow,
    version: i64,
    status_date: Option<NaiveDate>,
    region: Option<String>,
    body_code: String,
    published: bool,
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    status: String,
    previous_status: String,
    comment: String,
    reported_on: NaiveDate,
    actor: String,
    recorded_at: DateTime<Utc>,
    version: i64,
    withdrawn: bool,
}

impl ReportRow {
    fn into_domain(self) -> Result<ReportEntry> {
        Ok(ReportEntry {
            id: self.id,
            status: parse_stored(&self.status, ActionStatus::parse, "action status")?,
            previous_status: parse_stored(
                &self.previous_status,
                ActionStatus::parse,
                "action status",
            )?,
            comment: self.comment,
            reported_on: self.reported_on,
            actor: self.actor,
            recorded_at: self.recorded_at,
            version: self.version,
            withdrawn: self.withdrawn,
        })
    }
}

pub(super) async fn followed(
    link: &mut Link<'_>,
    id: ActionPointId,
) -> Result<Option<FollowedActionPoint>> {
    let Some(row) = link
        .fetch_optional::<FollowedRow>(Statement::new(SQL_FOLLOWED).bind(id))
        .await?
    else {
        return Ok(None);
    };
    let mut point = row.point.into_domain()?;
    let responsible: Vec<(i64, i64, String, Option<String>)> = link
        .fetch_all(Statement::new(SQL_RESPONSIBLE).bind(id))
        .await?;
    point.responsible = responsible
        .into_iter()
        .map(
            |(_, id, name, acronym)| cadre_domain::meeting::OrganisationRef {
                id: OrganisationId::new(id),
                name,
                acronym,
            },
        )
        .collect();
    Ok(Some(FollowedActionPoint {
        point,
        version: row.version,
        status_date: row.status_date,
        region: row.region,
        body_code: row.body_code,
        published: row.published,
    }))
}

async fn reports(link: &mut Link<'_>, id: ActionPointId) -> Result<Vec<ReportEntry>> {
    let rows: Vec<ReportRow> = link.fetch_all(Statement::new(SQL_REPORTS).bind(id)).await?;
    rows.into_iter().map(ReportRow::into_domain).collect()
}

/// What the audit log keeps of a point's follow-up state.
fn audited(
    status: ActionStatus,
    status_date: Option<NaiveDate>,
    version: i64,
) -> serde_json::Value {
    json!({ "status": status.as_str(), "status_date": status_date, "version": version })
}

impl ActionPoints<'_> {
    /// An action point with its follow-up state.
    pub async fn get(self, id: ActionPointId) -> Result<Option<FollowedActionPoint>> {
        let mut conn = self.0.conn().await?;
        followed(&mut conn.link(), id).await
    }

    /// Its reports, oldest first, withdrawn ones included (marked).
    pub async fn reports(self, id: ActionPointId) -> Result<Vec<ReportEntry>> {
        let mut conn = self.0.conn().await?;
        reports(&mut conn.link(), id).await
    }

    /// Records a status report made on the point as of `version`. If the point changed since,
    /// nothing is written and [`StorageError::Stale`] says its current version: the caller
    /// shows what changed in between ([`ActionPoints::reports`] after that version).
    pub async fn report(
        self,
        id: ActionPointId,
        version: i64,
        report: &StatusReport,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<FollowedActionPoint> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = followed(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        let changed = link
            .execute(
                Statement::new(SQL_REPORT)
                    .bind(report.status.as_str())
                    .bind(report.reported_on)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        let new_version = version + 1;
        link.execute(
            Statement::new(SQL_INSERT_REPORT)
                .bind(id)
                .bind(report.status.as_str())
                .bind(before.point.status.as_str())
                .bind(report.comment.as_str())
                .bind(report.reported_on)
                .bind(by.account)
                .bind(by.name.as_str())
                .bind(new_version)
                .bind(now),
        )
        .await?;
        let mut after_value = audited(report.status, Some(report.reported_on), new_version);
        after_value["comment"] = json!(report.comment);
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::ActionPoint,
            id.get(),
            "report",
            Some(audited(
                before.point.status,
                before.status_date,
                before.version,
            )),
            Some(after_value),
        )
        .await?;
        changes::record(&mut link, &[before.point.meeting_id]).await?;
        let after = followed(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        tx.commit().await?;
        Ok(after)
    }

    /// Withdraws a report made by mistake (`withdrawn: true`) or restores it: the point's
    /// status becomes that of its latest report still standing, or what the minutes said
    /// when none stands.
    pub async fn set_report_withdrawn(
        self,
        report_id: i64,
        withdrawn: bool,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<FollowedActionPoint> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let (point,): (i64,) = link
            .fetch_optional(Statement::new(SQL_POINT_OF_REPORT).bind(report_id))
            .await?
            .ok_or(StorageError::NotFound)?;
        let id = ActionPointId::new(point);
        let before = followed(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        if before.version != version {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        link.execute(
            Statement::new(SQL_SET_WITHDRAWN)
                .bind(withdrawn)
                .bind(report_id),
        )
        .await?;
        let all = reports(&mut link, id).await?;
        let (status, status_date) = match all.iter().rev().find(|r| !r.withdrawn) {
            Some(latest) => (latest.status, Some(latest.reported_on)),
            // The status the minutes gave it: what the first report found.
            None => (
                all.first()
                    .map_or(before.point.status, |r| r.previous_status),
                None,
            ),
        };
        link.execute(
            Statement::new(SQL_SET_STATUS_FROM_REPORTS)
                .bind(status.as_str())
                .bind(status_date)
                .bind(id)
                .bind(version),
        )
        .await?;
        let mut after_value = audited(status, status_date, version + 1);
        after_value["report"] = json!(report_id);
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::ActionPoint,
            id.get(),
            if withdrawn {
                "withdraw_report"
            } else {
                "restore_report"
            },
            Some(audited(
                before.point.status,
                before.status_date,
                before.version,
            )),
            Some(after_value),
        )
        .await?;
        changes::record(&mut link, &[before.point.meeting_id]).await?;
        let after = followed(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        tx.commit().await?;
        Ok(after)
    }
}
