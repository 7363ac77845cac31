//! The change log: one entry per meeting touched by an import, a validation or an edit. Search
//! indexes catch up from it and page caches key on its latest sequence number, including
//! across processes (an import run beside a server).

use cadre_domain::MeetingId;
use serde::Serialize;

use crate::engine::Link;
use crate::statement::{MultiInsert, Statement};
use crate::{Result, Store};

/// One entry of the change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Change {
    pub seq: i64,
    #[sqlx(try_from = "i64")]
    pub meeting_id: MeetingId,
}

const INSERT_CHANGES: MultiInsert = MultiInsert {
    head: "INSERT INTO changes (meeting_id) VALUES ",
    columns: 1,
    tail: "",
};

/// The change log of a [`Store`].
#[derive(Clone, Copy)]
pub struct Changes<'s>(pub(crate) &'s Store);

impl Changes<'_> {
    /// The sequence number of the last change (0 when none).
    pub async fn latest(self) -> Result<i64> {
        let mut conn = self.0.conn().await?;
        let (seq,): (i64,) = conn
            .link()
            .fetch_one(Statement::new(
                "SELECT COALESCE(MAX(seq), 0) AS seq FROM changes",
            ))
            .await?;
        Ok(seq)
    }

    /// Changes after `after`, oldest first, at most `limit`: how a search index catches up.
    pub async fn since(self, after: i64, limit: i64) -> Result<Vec<Change>> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .fetch_all(
                Statement::new(
                    "SELECT seq, meeting_id FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2",
                )
                .bind(after)
                .bind(limit),
            )
            .await
    }
}

/// Appends the meetings to the change log, inside the caller's transaction. On an engine with
/// concurrent writers the table is locked first, so that no later sequence number commits
/// before an earlier one (an index catching up would skip it).
pub(crate) async fn record(link: &mut Link<'_>, meetings: &[MeetingId]) -> Result<()> {
    if meetings.is_empty() {
        return Ok(());
    }
    link.lock_changes().await?;
    for statement in INSERT_CHANGES.statements(meetings, |m| vec![(*m).into()]) {
        link.execute(statement).await?;
    }
    Ok(())
}
