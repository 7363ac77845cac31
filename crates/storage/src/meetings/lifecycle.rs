//! Where minutes stand: draft → validated → published, and back from published to validated
//! when the secretariat withdraws them. Each move is audited and logged as a change (search
//! indexes and page caches follow), and the action points and recommendations of the minutes
//! follow their publication in the same transaction.

use cadre_domain::{Actor, MeetingId, MeetingStatus};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::audit::{self, RecordKind};
use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, StorageError, changes};

use super::Meetings;

/// A move in the lifecycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// Checked against the document: draft → validated.
    Validate,
    /// Shown to the public: validated → published.
    Publish,
    /// No longer public: published → validated.
    Withdraw,
}

impl Transition {
    pub fn as_str(self) -> &'static str {
        match self {
            Transition::Validate => "validate",
            Transition::Publish => "publish",
            Transition::Withdraw => "withdraw",
        }
    }

    pub fn parse(s: &str) -> Option<Transition> {
        [
            Transition::Validate,
            Transition::Publish,
            Transition::Withdraw,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }

    /// Where the move goes from `from`: `Ok(None)` when the minutes are already there,
    /// `Err(())` when the move does not apply (a draft is validated before it is published).
    fn target(self, from: MeetingStatus) -> std::result::Result<Option<MeetingStatus>, ()> {
        use MeetingStatus::*;
        match (self, from) {
            (Transition::Validate, Draft) => Ok(Some(Validated)),
            (Transition::Validate, Validated | Published) => Ok(None),
            (Transition::Publish, Validated) => Ok(Some(Published)),
            (Transition::Publish, Published) => Ok(None),
            (Transition::Publish, Draft) => Err(()),
            (Transition::Withdraw, Published) => Ok(Some(Validated)),
            (Transition::Withdraw, Draft | Validated) => Ok(None),
        }
    }
}

/// What became of one meeting of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum LifecycleOutcome {
    Changed {
        from: MeetingStatus,
        to: MeetingStatus,
    },
    /// Already where the move leads (or, for a withdrawal, not public).
    Unchanged {
        status: MeetingStatus,
    },
    /// A draft cannot be published before it is validated.
    NotValidated,
    NotFound,
}

const SQL_STATUS: &str = "SELECT status FROM meetings WHERE id = $1";
const SQL_SET_STATUS: &str = "UPDATE meetings SET status = $2, version = version + 1, \
     validated_at = CASE WHEN $2 = 'validated' AND validated_at IS NULL THEN $3 ELSE validated_at END, \
     published_at = CASE WHEN $2 = 'published' THEN $3 ELSE published_at END WHERE id = $1";
const SQL_PUBLISH_POINTS: &str = "UPDATE action_points SET published = $2 WHERE meeting_id = $1";
const SQL_PUBLISH_RECOMMENDATIONS: &str =
    "UPDATE recommendations SET published = $2 WHERE meeting_id = $1";

impl Meetings<'_> {
    /// Applies `transition` to each meeting, all in one transaction: one outcome per meeting,
    /// in order. Meetings the move does not apply to are left as they are and said so; the
    /// others move.
    pub async fn transition(
        self,
        ids: &[MeetingId],
        transition: Transition,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<LifecycleOutcome>> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let mut outcomes = Vec::with_capacity(ids.len());
        let mut moved = Vec::new();
        for &id in ids {
            let row: Option<(String,)> = link
                .fetch_optional(Statement::new(SQL_STATUS).bind(id))
                .await?;
            let Some((stored,)) = row else {
                outcomes.push(LifecycleOutcome::NotFound);
                continue;
            };
            let from = parse_stored(&stored, MeetingStatus::parse, "meeting status")?;
            let to = match transition.target(from) {
                Err(()) => {
                    outcomes.push(LifecycleOutcome::NotValidated);
                    continue;
                }
                Ok(None) => {
                    outcomes.push(LifecycleOutcome::Unchanged { status: from });
                    continue;
                }
                Ok(Some(to)) => to,
            };
            link.execute(
                Statement::new(SQL_SET_STATUS)
                    .bind(id)
                    .bind(to.as_str())
                    .bind(now),
            )
            .await?;
            if from.is_public() != to.is_public() {
                for sql in [SQL_PUBLISH_POINTS, SQL_PUBLISH_RECOMMENDATIONS] {
                    link.execute(Statement::new(sql).bind(id).bind(to.is_public()))
                        .await?;
                }
            }
            audit::record(
                &mut link,
                by,
                now,
                RecordKind::Meeting,
                id.get(),
                transition.as_str(),
                Some(serde_json::json!({ "status": from.as_str() })),
                Some(serde_json::json!({ "status": to.as_str() })),
            )
            .await?;
            moved.push(id);
            outcomes.push(LifecycleOutcome::Changed { from, to });
        }
        changes::record(&mut link, &moved).await?;
        tx.commit().await?;
        Ok(outcomes)
    }

    /// Marks minutes as checked against their document: no longer a draft. Audited.
    pub async fn validate(self, id: MeetingId, by: &Actor, now: DateTime<Utc>) -> Result<()> {
        match self
            .transition(&[id], Transition::Validate, by, now)
            .await?[..]
        {
            [LifecycleOutcome::NotFound] => Err(StorageError::NotFound),
            _ => Ok(()),
        }
    }
}
