//! The recommendation an action point serves: a meeting decides what to do towards a
//! recommendation of a CCM or CRCM session, and the recommendation's page shows those points
//! and how far they got. The tie is made on the point's version (optimistic concurrency) and
//! audited with the point.

use cadre_domain::{ActionPointId, ActionStatus, Actor, MeetingId, RecommendationId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;

use super::ActionPoints;
use super::follow_up::followed;
use crate::audit::{self, RecordKind};
use crate::changes;
use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, StorageError};

/// An action point serving a recommendation, as the recommendation's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServingPoint {
    pub id: ActionPointId,
    pub meeting_id: MeetingId,
    pub meeting_date: NaiveDate,
    pub body: String,
    pub what: String,
    pub status: ActionStatus,
    /// Whether its minutes are published (the public sees it only then).
    pub published: bool,
}

const SQL_SERVING: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name, ap.what, ap.status, ap.published \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     WHERE ap.recommendation_id = $1 ORDER BY ap.meeting_date, ap.id";
const SQL_SERVED: &str = "SELECT recommendation_id FROM action_points WHERE id = $1";
const SQL_RECOMMENDATION_EXISTS: &str = "SELECT COUNT(*) FROM recommendations WHERE id = $1";
const SQL_SERVE: &str = "UPDATE action_points SET recommendation_id = $1, version = version + 1 \
     WHERE id = $2 AND version = $3";

impl ActionPoints<'_> {
    /// The recommendation a point serves, if any.
    pub async fn served(self, id: ActionPointId) -> Result<Option<RecommendationId>> {
        let mut conn = self.0.conn().await?;
        let row: Option<(Option<i64>,)> = conn
            .link()
            .fetch_optional(Statement::new(SQL_SERVED).bind(id))
            .await?;
        Ok(row.and_then(|(r,)| r).map(RecommendationId::new))
    }

    /// The points serving a recommendation, oldest meeting first.
    pub async fn serving(self, recommendation: RecommendationId) -> Result<Vec<ServingPoint>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<(i64, i64, NaiveDate, String, String, String, bool)> = conn
            .link()
            .fetch_all(Statement::new(SQL_SERVING).bind(recommendation))
            .await?;
        rows.into_iter()
            .map(|(id, meeting, date, body, what, status, published)| {
                Ok(ServingPoint {
                    id: id.into(),
                    meeting_id: meeting.into(),
                    meeting_date: date,
                    body,
                    what,
                    status: parse_stored(&status, ActionStatus::parse, "action status")?,
                    published,
                })
            })
            .collect()
    }

    /// Ties the point to the recommendation it serves (`None` unties it), as of `version`.
    /// An unknown recommendation gives [`StorageError::NotFound`]; a point changed since,
    /// [`StorageError::Stale`].
    pub async fn serve(
        self,
        id: ActionPointId,
        recommendation: Option<RecommendationId>,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = followed(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        if let Some(r) = recommendation {
            let (n,): (i64,) = link
                .fetch_one(Statement::new(SQL_RECOMMENDATION_EXISTS).bind(r))
                .await?;
            if n == 0 {
                return Err(StorageError::NotFound);
            }
        }
        let (served,): (Option<i64>,) = link.fetch_one(Statement::new(SQL_SERVED).bind(id)).await?;
        let changed = link
            .execute(
                Statement::new(SQL_SERVE)
                    .bind(recommendation.map(RecommendationId::get))
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::ActionPoint,
            id.get(),
            "serve_recommendation",
            Some(json!({ "recommendation": served, "version": version })),
            Some(json!({ "recommendation": recommendation.map(|r| r.get()), "version": version + 1 })),
        )
        .await?;
        changes::record(&mut link, &[before.point.meeting_id]).await?;
        tx.commit().await?;
        Ok(())
    }
}
