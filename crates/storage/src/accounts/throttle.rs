//! Failed sign-ins, remembered for a while so that guessing passwords is slow: per account
//! name (someone trying many passwords on one account) and per address (one machine trying
//! many accounts). Kept in the database so that every server instance sees the same count.

use chrono::{DateTime, Utc};

use crate::statement::Statement;
use crate::{Result, Store};

const SQL_RECORD: &str = "INSERT INTO login_failures (username, address, at) VALUES ($1, $2, $3)";
const SQL_COUNT: &str = "SELECT \
     (SELECT COUNT(*) FROM login_failures WHERE username = $1 AND at > $3) AS by_username, \
     (SELECT COUNT(*) FROM login_failures WHERE address = $2 AND at > $3) AS by_address";
const SQL_CLEAR: &str = "DELETE FROM login_failures WHERE username = $1";
const SQL_PURGE: &str = "DELETE FROM login_failures WHERE at <= $1";

/// Failed sign-ins since some moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct RecentFailures {
    pub by_username: i64,
    pub by_address: i64,
}

/// The failed sign-ins of a [`Store`].
#[derive(Clone, Copy)]
pub struct LoginFailures<'s>(pub(crate) &'s Store);

impl LoginFailures<'_> {
    pub async fn record(self, username: &str, address: &str, at: DateTime<Utc>) -> Result<()> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(
                Statement::new(SQL_RECORD)
                    .bind(username)
                    .bind(address)
                    .bind(at),
            )
            .await?;
        Ok(())
    }

    pub async fn since(
        self,
        username: &str,
        address: &str,
        since: DateTime<Utc>,
    ) -> Result<RecentFailures> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .fetch_one(
                Statement::new(SQL_COUNT)
                    .bind(username)
                    .bind(address)
                    .bind(since),
            )
            .await
    }

    /// A successful sign-in forgets the account's failures (not the address's).
    pub async fn clear(self, username: &str) -> Result<()> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(Statement::new(SQL_CLEAR).bind(username))
            .await?;
        Ok(())
    }

    pub async fn purge(self, before: DateTime<Utc>) -> Result<u64> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(Statement::new(SQL_PURGE).bind(before))
            .await
    }
}
