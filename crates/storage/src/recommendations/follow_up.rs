//! Following a recommendation: dated implementation reports — what was done, its status,
//! challenges, perspectives — each kept in its history with its author. The rules are those
//! of action points: a report made on an older version is refused (optimistic concurrency),
//! every report is in the audit log, and one made by mistake is withdrawn, never deleted.

use cadre_domain::account::FollowUpScope;
use cadre_domain::{Actor, MeetingId, RecommendationId, RecommendationStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;

use super::{RECOMMENDATION_SELECT, RecommendationRow, Recommendations};
use crate::audit::{self, RecordKind};
use crate::changes;
use crate::engine::Link;
use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, StorageError};

/// An implementation report as its author submits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImplementationReport {
    pub status: RecommendationStatus,
    /// "Etat de mise en œuvre": what was done.
    pub done: String,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
    /// The day the situation was as reported.
    pub reported_on: NaiveDate,
}

/// A report as stored, in the recommendation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportEntry {
    pub id: i64,
    /// None for a report read from a document that states no status.
    pub status: Option<RecommendationStatus>,
    pub previous_status: Option<RecommendationStatus>,
    pub done: String,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
    pub reported_on: NaiveDate,
    /// The document it was read from, if any.
    pub meeting_id: Option<MeetingId>,
    /// Who reported: an account's name, or who imported the document.
    pub actor: String,
    pub recorded_at: DateTime<Utc>,
    /// The recommendation's version once this report was made.
    pub version: i64,
    pub withdrawn: bool,
}

/// A recommendation with what its follow-up needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackedRecommendation {
    pub recommendation: cadre_domain::Recommendation,
    pub version: i64,
    /// Whether the public sees it (the minutes it was read from are published).
    pub published: bool,
    /// The region of the body whose session adopted it (none for the CCM).
    pub region: Option<String>,
    /// The session that adopted it.
    pub session: cadre_domain::Session,
}

impl TrackedRecommendation {
    /// Who may report on it: the organisations responsible for it, the region of a CRCM.
    pub fn scope(&self, alignment: &super::alignment::Alignment) -> FollowUpScope {
        FollowUpScope {
            region: self.region.clone(),
            responsible: alignment.responsible.iter().map(|o| o.id).collect(),
        }
    }
}

const SQL_REPORT: &str = "UPDATE recommendations SET status = $1, status_date = $2, version = version + 1 \
     WHERE id = $3 AND version = $4";
const SQL_INSERT_REPORT: &str = "INSERT INTO recommendation_reports (recommendation_id, status, previous_status, done, \
     challenges, perspectives, reported_on, account_id, actor, version, recorded_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
const SQL_REPORTS: &str = "SELECT id, status, previous_status, done, challenges, perspectives, reported_on, meeting_id, \
     actor, recorded_at, version, withdrawn FROM recommendation_reports WHERE recommendation_id = $1 ORDER BY id";
const SQL_RECOMMENDATION_OF_REPORT: &str =
    "SELECT recommendation_id FROM recommendation_reports WHERE id = $1";
const SQL_CLAIM_VERSION: &str =
    "UPDATE recommendations SET version = version + 1 WHERE id = $1 AND version = $2";
const SQL_SET_STATUS: &str =
    "UPDATE recommendations SET status = $1, status_date = $2 WHERE id = $3";
const SQL_SET_WITHDRAWN: &str = "UPDATE recommendation_reports SET withdrawn = $1 WHERE id = $2";

#[derive(sqlx::FromRow)]
struct TrackedRow {
    #[sqlx(flatten)]
    recommendation: RecommendationRow,
    version: i64,
    published: bool,
    region: Option<String>,
    session_kind: String,
    session_number: Option<i64>,
    session_title: String,
    session_date: Option<NaiveDate>,
    session_year: Option<i64>,
    session_meeting: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: i64,
    status: Option<String>,
    previous_status: Option<String>,
    done: String,
    challenges: Option<String>,
    perspectives: Option<String>,
    reported_on: NaiveDate,
    meeting_id: Option<i64>,
    actor: String,
    recorded_at: DateTime<Utc>,
    version: i64,
    withdrawn: bool,
}

fn status(stored: Option<String>) -> Result<Option<RecommendationStatus>> {
    stored
        .map(|s| parse_stored(&s, RecommendationStatus::parse, "recommendation status"))
        .transpose()
}

impl ReportRow {
    fn into_domain(self) -> Result<ReportEntry> {
        Ok(ReportEntry {
            id: self.id,
            status: status(self.status)?,
            previous_status: status(self.previous_status)?,
            done: self.done,
            challenges: self.challenges,
            perspectives: self.perspectives,
            reported_on: self.reported_on,
            meeting_id: self.meeting_id.map(MeetingId::from),
            actor: self.actor,
            recorded_at: self.recorded_at,
            version: self.version,
            withdrawn: self.withdrawn,
        })
    }
}

pub(super) async fn tracked(
    link: &mut Link<'_>,
    id: RecommendationId,
) -> Result<Option<TrackedRecommendation>> {
    let sql = format!(
        "{} WHERE r.id = $1",
        // The list's columns, with what follow-up needs besides.
        RECOMMENDATION_SELECT.replacen(
            "r.status_date",
            "r.status_date, r.version, r.published, b.region, s.kind AS session_kind, \
             s.number AS session_number, s.title AS session_title, s.date AS session_date, \
             s.year AS session_year, s.meeting_id AS session_meeting",
            1,
        )
    );
    let Some(row) = link
        .fetch_optional::<TrackedRow>(Statement::built(sql).bind(id))
        .await?
    else {
        return Ok(None);
    };
    let recommendation = row.recommendation.into_domain()?;
    let session = cadre_domain::Session {
        id: recommendation.session_id,
        body: recommendation.body.clone(),
        kind: parse_stored(
            &row.session_kind,
            cadre_domain::SessionKind::parse,
            "session kind",
        )?,
        number: row
            .session_number
            .map(|n| crate::stored::to_u32(n, "session number"))
            .transpose()?,
        title: row.session_title,
        date: row.session_date,
        year: row.session_year.and_then(|y| i32::try_from(y).ok()),
        roadmap: recommendation.roadmap.clone(),
        meeting_id: row.session_meeting.map(MeetingId::from),
    };
    Ok(Some(TrackedRecommendation {
        recommendation,
        version: row.version,
        published: row.published,
        region: row.region,
        session,
    }))
}

async fn reports(link: &mut Link<'_>, id: RecommendationId) -> Result<Vec<ReportEntry>> {
    let rows: Vec<ReportRow> = link.fetch_all(Statement::new(SQL_REPORTS).bind(id)).await?;
    rows.into_iter().map(ReportRow::into_domain).collect()
}

/// What the audit log keeps of a recommendation's follow-up state.
fn audited(
    status: Option<RecommendationStatus>,
    status_date: Option<NaiveDate>,
    version: i64,
) -> serde_json::Value {
    json!({ "status": status.map(|s| s.as_str()), "status_date": status_date, "version": version })
}

/// The meetings whose pages show the recommendation: the one it was read from.
fn shown_on(r: &cadre_domain::Recommendation) -> Vec<MeetingId> {
    r.meeting_id.into_iter().collect()
}

/// What every change to a recommendation ends with, inside its transaction: the audit entry
/// (`before_value` → `after_value`), the change log of the minutes that show it, and the
/// recommendation as it now stands.
pub(super) async fn recorded(
    link: &mut Link<'_>,
    by: &Actor,
    now: DateTime<Utc>,
    action: &str,
    before: &TrackedRecommendation,
    before_value: serde_json::Value,
    after_value: serde_json::Value,
) -> Result<TrackedRecommendation> {
    let id = before.recommendation.id;
    audit::record(
        link,
        by,
        now,
        RecordKind::Recommendation,
        id.get(),
        action,
        Some(before_value),
        Some(after_value),
    )
    .await?;
    changes::record(link, &shown_on(&before.recommendation)).await?;
    tracked(link, id).await?.ok_or(StorageError::NotFound)
}

impl Recommendations<'_> {
    /// A recommendation with its follow-up state.
    pub async fn get(self, id: RecommendationId) -> Result<Option<TrackedRecommendation>> {
        let mut conn = self.0.conn().await?;
        tracked(&mut conn.link(), id).await
    }

    /// Its reports, oldest first, withdrawn ones included (marked).
    pub async fn reports(self, id: RecommendationId) -> Result<Vec<ReportEntry>> {
        let mut conn = self.0.conn().await?;
        reports(&mut conn.link(), id).await
    }

    /// Records an implementation report made as of `version`. If the recommendation changed
    /// since, nothing is written and [`StorageError::Stale`] gives its current version.
    pub async fn report(
        self,
        id: RecommendationId,
        version: i64,
        report: &ImplementationReport,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<TrackedRecommendation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = tracked(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        // Where it stands is what the latest report by date says: a report dated before the
        // current status (filled in late) goes into the history without changing it.
        let (status, status_date) = match before.recommendation.status_date {
            Some(current)
                if report.reported_on < current && before.recommendation.status.is_some() =>
            {
                (before.recommendation.status, Some(current))
            }
            _ => (Some(report.status), Some(report.reported_on)),
        };
        let changed = link
            .execute(
                Statement::new(SQL_REPORT)
                    .bind(status.map(|s| s.as_str()))
                    .bind(status_date)
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
                .bind(before.recommendation.status.map(|s| s.as_str()))
                .bind(report.done.as_str())
                .bind(report.challenges.clone())
                .bind(report.perspectives.clone())
                .bind(report.reported_on)
                .bind(by.account)
                .bind(by.name.as_str())
                .bind(new_version)
                .bind(now),
        )
        .await?;
        let mut after_value = audited(status, status_date, new_version);
        after_value["done"] = json!(report.done);
        let before_value = audited(
            before.recommendation.status,
            before.recommendation.status_date,
            before.version,
        );
        let after = recorded(
            &mut link,
            by,
            now,
            "report",
            &before,
            before_value,
            after_value,
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Withdraws a report made by mistake (`withdrawn: true`) or restores it: the status
    /// becomes that of the latest report standing that states one, or none.
    pub async fn set_report_withdrawn(
        self,
        report_id: i64,
        withdrawn: bool,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<TrackedRecommendation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let (recommendation,): (i64,) = link
            .fetch_optional(Statement::new(SQL_RECOMMENDATION_OF_REPORT).bind(report_id))
            .await?
            .ok_or(StorageError::NotFound)?;
        let id = RecommendationId::new(recommendation);
        let before = tracked(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        // The version is claimed first, in one guarded statement: of two concurrent changes on
        // the same version, the second finds it taken and changes nothing.
        let claimed = link
            .execute(Statement::new(SQL_CLAIM_VERSION).bind(id).bind(version))
            .await?;
        if claimed == 0 {
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
        // The latest report standing by date (then by entry) that states a status.
        let (status, status_date) = all
            .iter()
            .filter(|r| !r.withdrawn)
            .filter_map(|r| r.status.map(|s| (r.reported_on, r.id, s)))
            .max_by_key(|(day, entry, _)| (*day, *entry))
            .map_or((None, None), |(day, _, s)| (Some(s), Some(day)));
        link.execute(
            Statement::new(SQL_SET_STATUS)
                .bind(status.map(|s| s.as_str()))
                .bind(status_date)
                .bind(id),
        )
        .await?;
        let mut after_value = audited(status, status_date, version + 1);
        after_value["report"] = json!(report_id);
        let action = if withdrawn {
            "withdraw_report"
        } else {
            "restore_report"
        };
        let before_value = audited(
            before.recommendation.status,
            before.recommendation.status_date,
            before.version,
        );
        let after = recorded(
            &mut link,
            by,
            now,
            action,
            &before,
            before_value,
            after_value,
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
