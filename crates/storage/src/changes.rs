//! The change log: one entry per meeting touched by an import, a validation or an edit. Search
//! indexes catch up from it and page caches key on its latest sequence number, including
//! across processes (an import run beside a server).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

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

const SQL_LATEST_CHANGE: &str = "SELECT COALESCE(MAX(seq), 0) AS seq FROM changes";

const INSERT_CHANGES: MultiInsert = MultiInsert {
    head: "INSERT INTO changes (meeting_id) VALUES ",
    columns: 1,
    tail: "",
};

/// The change log of a [`Store`].
#[derive(Clone, Copy)]
pub struct Changes<'s>(pub(crate) &'s Store);

impl Changes<'_> {
    /// The sequence number of the last change (0 when none), as of this call or later:
    /// never a number read before the call began (see [`Clock`]).
    pub async fn latest(self) -> Result<i64> {
        self.0.clock.latest(self.0).await
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

/// Reads of the latest change, shared by concurrent callers without ever answering one of
/// them with a number read before it called. Every cached page is checked against the latest
/// change, so under load a server would otherwise run this read once per request; here the
/// callers that arrive while a read is running wait for the next one, and a whole wave of them
/// shares it.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    /// Held while reading, so that reads run one at a time and in order.
    reading: tokio::sync::Mutex<()>,
    /// Reads begun; a caller may use any read numbered above what it saw on arrival.
    begun: AtomicU64,
    /// The number of the last read completed, and its result.
    completed: AtomicU64,
    value: AtomicI64,
}

impl Clock {
    pub(crate) fn shared() -> Arc<Clock> {
        Arc::default()
    }

    async fn latest(&self, store: &Store) -> Result<i64> {
        let arrival = self.begun.load(Ordering::Acquire);
        let _reading = self.reading.lock().await;
        // A read that began after this call arrived has completed meanwhile: its answer holds.
        if self.completed.load(Ordering::Acquire) > arrival {
            return Ok(self.value.load(Ordering::Acquire));
        }
        let number = self.begun.fetch_add(1, Ordering::AcqRel) + 1;
        let (seq,): (i64,) = store
            .conn()
            .await?
            .link()
            .fetch_one(Statement::new(SQL_LATEST_CHANGE))
            .await?;
        self.value.store(seq, Ordering::Release);
        self.completed.store(number, Ordering::Release);
        Ok(seq)
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
