//! Accounts: who signs in, with which role, and for which organisation or region. Passwords
//! arrive already hashed (the services crate hashes them); every change is audited in its
//! transaction, and changing a password or disabling an account ends its sessions there too.

pub mod sessions;
pub mod throttle;

use cadre_domain::account::{Account, NewAccount, Role, Username};
use cadre_domain::{AccountId, Actor, OrganisationId};
use chrono::{DateTime, Utc};
use serde_json::json;

use crate::audit::{self, RecordKind};
use crate::engine::Link;
use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, StorageError, Store};

const SQL_INSERT: &str = "INSERT INTO accounts (username, password_hash, role, organisation_id, region, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id";
const SQL_LIST: &str = "SELECT id, username, role, organisation_id, region, disabled, version \
     FROM accounts ORDER BY username";
const SQL_GET: &str = "SELECT id, username, role, organisation_id, region, disabled, version \
     FROM accounts WHERE id = $1";
const SQL_BY_USERNAME: &str = "SELECT id, username, role, organisation_id, region, disabled, version, password_hash \
     FROM accounts WHERE username = $1";
const SQL_SET_DISABLED: &str =
    "UPDATE accounts SET disabled = $1, version = version + 1 WHERE id = $2 AND version = $3";
const SQL_SET_PASSWORD: &str =
    "UPDATE accounts SET password_hash = $1, version = version + 1 WHERE id = $2";
const SQL_SET_ROLE: &str = "UPDATE accounts SET role = $1, organisation_id = $2, region = $3, version = version + 1 \
     WHERE id = $4 AND version = $5";
const SQL_COUNT_ADMINISTRATORS: &str =
    "SELECT COUNT(*) FROM accounts WHERE role = 'administrator' AND disabled = $1";

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: i64,
    username: String,
    role: String,
    organisation_id: Option<i64>,
    region: Option<String>,
    disabled: bool,
    version: i64,
}

impl AccountRow {
    pub(crate) fn into_domain(self) -> Result<Account> {
        Ok(Account {
            id: self.id.into(),
            username: Username::parse(&self.username).map_err(|e| {
                StorageError::Corrupt(format!("stored username {:?}: {e}", self.username))
            })?,
            role: parse_stored(&self.role, Role::parse, "role")?,
            organisation: self.organisation_id.map(OrganisationId::new),
            region: self.region,
            disabled: self.disabled,
            version: self.version,
        })
    }
}

#[derive(sqlx::FromRow)]
struct CredentialRow {
    #[sqlx(flatten)]
    account: AccountRow,
    password_hash: String,
}

/// What the audit log keeps of an account (never its password hash).
fn audited(a: &Account) -> serde_json::Value {
    json!({
        "username": a.username,
        "role": a.role.as_str(),
        "organisation": a.organisation,
        "region": a.region,
        "disabled": a.disabled,
    })
}

/// The accounts of a [`Store`].
#[derive(Clone, Copy)]
pub struct Accounts<'s>(pub(crate) &'s Store);

impl Accounts<'_> {
    /// Creates an account. [`StorageError::Duplicate`] if the name is taken;
    /// [`StorageError::NotFound`] if the organisation does not exist.
    pub async fn add(
        self,
        new: &NewAccount,
        password_hash: &str,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Account> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        if let Some(org) = new.organisation {
            let found: Option<(i64,)> = link
                .fetch_optional(
                    Statement::new("SELECT id FROM organisations WHERE id = $1").bind(org),
                )
                .await?;
            if found.is_none() {
                return Err(StorageError::NotFound);
            }
        }
        let id: Option<(i64,)> = link
            .fetch_optional(
                Statement::new(SQL_INSERT)
                    .bind(new.username.as_str())
                    .bind(password_hash)
                    .bind(new.role.as_str())
                    .bind(new.organisation)
                    .bind(new.region.clone())
                    .bind(now),
            )
            .await?;
        let Some((id,)) = id else {
            return Err(StorageError::Duplicate(format!(
                "le nom d'utilisateur {} est déjà pris",
                new.username
            )));
        };
        let account = get(&mut link, AccountId::new(id))
            .await?
            .ok_or(StorageError::NotFound)?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Account,
            id,
            "create",
            None,
            Some(audited(&account)),
        )
        .await?;
        tx.commit().await?;
        Ok(account)
    }

    /// Every account, by name.
    pub async fn list(self) -> Result<Vec<Account>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<AccountRow> = conn.link().fetch_all(Statement::new(SQL_LIST)).await?;
        rows.into_iter().map(AccountRow::into_domain).collect()
    }

    pub async fn get(self, id: AccountId) -> Result<Option<Account>> {
        let mut conn = self.0.conn().await?;
        get(&mut conn.link(), id).await
    }

    pub async fn by_username(self, username: &Username) -> Result<Option<Account>> {
        Ok(self.credentials(username).await?.map(|(a, _)| a))
    }

    /// An account and its password hash, to check a sign-in.
    pub async fn credentials(self, username: &Username) -> Result<Option<(Account, String)>> {
        let mut conn = self.0.conn().await?;
        let row: Option<CredentialRow> = conn
            .link()
            .fetch_optional(Statement::new(SQL_BY_USERNAME).bind(username.as_str()))
            .await?;
        row.map(|r| Ok((r.account.into_domain()?, r.password_hash)))
            .transpose()
    }

    /// Disables or re-enables an account, as of `version` (optimistic concurrency). Disabling
    /// ends its sessions. The last enabled administrator cannot be disabled.
    pub async fn set_disabled(
        self,
        id: AccountId,
        disabled: bool,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Account> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?.ok_or(StorageError::NotFound)?;
        if disabled && before.role == Role::Administrator && !before.disabled {
            let (enabled,): (i64,) = link
                .fetch_one(Statement::new(SQL_COUNT_ADMINISTRATORS).bind(false))
                .await?;
            if enabled <= 1 {
                return Err(StorageError::Refused(
                    "c'est le dernier administrateur actif".to_owned(),
                ));
            }
        }
        let changed = link
            .execute(
                Statement::new(SQL_SET_DISABLED)
                    .bind(disabled)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        if disabled {
            sessions::revoke_all(&mut link, id).await?;
        }
        let after = get(&mut link, id).await?.ok_or(StorageError::NotFound)?;
        let action = if disabled { "disable" } else { "enable" };
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Account,
            id.get(),
            action,
            Some(audited(&before)),
            Some(audited(&after)),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Changes an account's role and scope, as of `version`.
    pub async fn set_role(
        self,
        id: AccountId,
        scope: &NewAccount,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Account> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?.ok_or(StorageError::NotFound)?;
        if before.role == Role::Administrator && scope.role != Role::Administrator {
            let (enabled,): (i64,) = link
                .fetch_one(Statement::new(SQL_COUNT_ADMINISTRATORS).bind(false))
                .await?;
            if enabled <= 1 && !before.disabled {
                return Err(StorageError::Refused(
                    "c'est le dernier administrateur actif".to_owned(),
                ));
            }
        }
        let changed = link
            .execute(
                Statement::new(SQL_SET_ROLE)
                    .bind(scope.role.as_str())
                    .bind(scope.organisation)
                    .bind(scope.region.clone())
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        // A narrower role must not live on in sessions opened under the wider one.
        sessions::revoke_all(&mut link, id).await?;
        let after = get(&mut link, id).await?.ok_or(StorageError::NotFound)?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Account,
            id.get(),
            "set_role",
            Some(audited(&before)),
            Some(audited(&after)),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Replaces an account's password hash and ends all its sessions.
    pub async fn set_password(
        self,
        id: AccountId,
        password_hash: &str,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let changed = link
            .execute(
                Statement::new(SQL_SET_PASSWORD)
                    .bind(password_hash)
                    .bind(id),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::NotFound);
        }
        sessions::revoke_all(&mut link, id).await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Account,
            id.get(),
            "set_password",
            None,
            None,
        )
        .await?;
        tx.commit().await
    }
}

async fn get(link: &mut Link<'_>, id: AccountId) -> Result<Option<Account>> {
    let row: Option<AccountRow> = link
        .fetch_optional(Statement::new(SQL_GET).bind(id))
        .await?;
    row.map(AccountRow::into_domain).transpose()
}
