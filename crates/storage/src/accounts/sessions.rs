//! Signed-in browsers. The services crate makes the random token and keeps only its hash
//! here; a session ends when it expires, at sign-out, or when its account's password, role or
//! standing changes.

use cadre_domain::AccountId;
use cadre_domain::account::Account;
use chrono::{DateTime, Utc};

use super::AccountRow;
use crate::engine::Link;
use crate::statement::Statement;
use crate::{Result, Store};

const SQL_INSERT: &str = "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at) \
     VALUES ($1, $2, $3, $4, $5)";
const SQL_FIND: &str = "SELECT a.id, a.username, a.role, a.organisation_id, a.region, a.disabled, a.version, \
     s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id \
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.disabled = $3";
const SQL_EXTEND: &str = "UPDATE sessions SET expires_at = $1 WHERE token_hash = $2";
const SQL_REVOKE: &str = "DELETE FROM sessions WHERE token_hash = $1";
const SQL_REVOKE_ALL: &str = "DELETE FROM sessions WHERE account_id = $1";
const SQL_PURGE: &str = "DELETE FROM sessions WHERE expires_at <= $1";

/// A session found by its token: the account (enabled) and what the session holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSession {
    pub account: Account,
    /// The value every form of this session must send back.
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    account: AccountRow,
    csrf_token: String,
    expires_at: DateTime<Utc>,
}

/// The sessions of a [`Store`].
#[derive(Clone, Copy)]
pub struct Sessions<'s>(pub(crate) &'s Store);

impl Sessions<'_> {
    pub async fn open(
        self,
        token_hash: &str,
        account: AccountId,
        csrf_token: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(
                Statement::new(SQL_INSERT)
                    .bind(token_hash)
                    .bind(account)
                    .bind(csrf_token)
                    .bind(now)
                    .bind(expires_at),
            )
            .await?;
        Ok(())
    }

    /// The session of this token, if it is still open at `now` and its account enabled.
    pub async fn find(self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<OpenSession>> {
        let mut conn = self.0.conn().await?;
        let row: Option<SessionRow> = conn
            .link()
            .fetch_optional(
                Statement::new(SQL_FIND)
                    .bind(token_hash)
                    .bind(now)
                    .bind(false),
            )
            .await?;
        row.map(|r| {
            Ok(OpenSession {
                account: r.account.into_domain()?,
                csrf_token: r.csrf_token,
                expires_at: r.expires_at,
            })
        })
        .transpose()
    }

    /// Pushes a session's end back (a user active near the end of it stays signed in).
    pub async fn extend(self, token_hash: &str, expires_at: DateTime<Utc>) -> Result<()> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(Statement::new(SQL_EXTEND).bind(expires_at).bind(token_hash))
            .await?;
        Ok(())
    }

    /// Ends one session (sign-out).
    pub async fn revoke(self, token_hash: &str) -> Result<()> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(Statement::new(SQL_REVOKE).bind(token_hash))
            .await?;
        Ok(())
    }

    /// Forgets sessions that ended before `now`; how many.
    pub async fn purge_expired(self, now: DateTime<Utc>) -> Result<u64> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .execute(Statement::new(SQL_PURGE).bind(now))
            .await
    }
}

/// Ends every session of an account, inside the caller's transaction.
pub(crate) async fn revoke_all(link: &mut Link<'_>, account: AccountId) -> Result<u64> {
    link.execute(Statement::new(SQL_REVOKE_ALL).bind(account))
        .await
}
