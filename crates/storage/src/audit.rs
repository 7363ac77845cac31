//! The audit log: every change made through Cadre, with who made it, when, and the record's
//! value before and after. Entries are written by the capability that makes the change, in the
//! same transaction, so that a change and its entry commit or fail together.

use cadre_domain::Actor;
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::engine::Link;
use crate::statement::Statement;
use crate::{Result, Store};

/// The kinds of record the log names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Account,
    ActionPoint,
    Organisation,
    Meeting,
    FocalPoint,
    Recommendation,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Account => "account",
            RecordKind::ActionPoint => "action_point",
            RecordKind::Organisation => "organisation",
            RecordKind::Meeting => "meeting",
            RecordKind::FocalPoint => "focal_point",
            RecordKind::Recommendation => "recommendation",
        }
    }
}

/// One entry of a record's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// The account's name, or who ran a command (`cli:…`).
    pub actor: String,
    pub action: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

const SQL_RECORD: &str = "INSERT INTO audit_log (at, account_id, actor, record_kind, record_id, action, before, after) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const SQL_HISTORY: &str = "SELECT id, at, actor, action, before, after FROM audit_log \
     WHERE record_kind = $1 AND record_id = $2 ORDER BY id";

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: i64,
    at: DateTime<Utc>,
    actor: String,
    action: String,
    before: Option<String>,
    after: Option<String>,
}

fn parse_json(text: Option<String>) -> Result<Option<serde_json::Value>> {
    text.map(|t| {
        serde_json::from_str(&t)
            .map_err(|e| crate::StorageError::Corrupt(format!("audit entry is not JSON: {e}")))
    })
    .transpose()
}

/// Appends an entry, inside the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record(
    link: &mut Link<'_>,
    by: &Actor,
    at: DateTime<Utc>,
    kind: RecordKind,
    record_id: i64,
    action: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<()> {
    link.execute(
        Statement::new(SQL_RECORD)
            .bind(at)
            .bind(by.account)
            .bind(by.name.as_str())
            .bind(kind.as_str())
            .bind(record_id)
            .bind(action)
            .bind(before.map(|v| v.to_string()))
            .bind(after.map(|v| v.to_string())),
    )
    .await?;
    Ok(())
}

/// The audit log of a [`Store`].
#[derive(Clone, Copy)]
pub struct Audit<'s>(pub(crate) &'s Store);

impl Audit<'_> {
    /// A record's history, oldest first.
    pub async fn history(self, kind: RecordKind, record_id: i64) -> Result<Vec<AuditEntry>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<EntryRow> = conn
            .link()
            .fetch_all(
                Statement::new(SQL_HISTORY)
                    .bind(kind.as_str())
                    .bind(record_id),
            )
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.id,
                    at: r.at,
                    actor: r.actor,
                    action: r.action,
                    before: parse_json(r.before)?,
                    after: parse_json(r.after)?,
                })
            })
            .collect()
    }
}
