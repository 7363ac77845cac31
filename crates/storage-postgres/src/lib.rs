//! Cadre's storage on PostgreSQL: the production and multi-instance engine.
//!
//! `postgres://user@host:5432/database`. Migrations run under an advisory lock, so several
//! instances may start at once. The queries are shared with SQLite: see
//! [`cadre_storage::shared`].

use std::str::FromStr;

use cadre_storage::shared::{AliasCache, seed_known_organisations_sql};
use cadre_storage::{Result, StorageError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{AssertSqlSafe, PgPool, Row};

/// The schema, in order. A version, once released, never changes: add a new one.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_initial.sql")),
    (2, include_str!("../migrations/0002_drafts_and_changes.sql")),
];

const POOL_SIZE: u32 = 16;

/// Key of the advisory lock held while migrating ("cadre" in ASCII).
const MIGRATION_LOCK: i64 = 0x6361_6472_65;

#[derive(Debug, Clone)]
pub struct PostgresDatabase {
    pool: PgPool,
    aliases: AliasCache,
}

impl PostgresDatabase {
    /// The connection pool, for tools and tests that need plain SQL.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    async fn connect_engine(url: &str) -> Result<Self> {
        let options =
            PgConnectOptions::from_str(url).map_err(|e| StorageError::invalid_url(url, e))?;
        let pool = PgPoolOptions::new()
            .max_connections(POOL_SIZE)
            .connect_with(options)
            .await?;
        migrate(&pool).await?;
        Ok(PostgresDatabase {
            pool,
            aliases: AliasCache::default(),
        })
    }
}

/// Brings the schema up to date and adds the known organisations, in one transaction.
pub async fn migrate(pool: &PgPool) -> Result<()> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(MIGRATION_LOCK)
        .execute(&mut *tx)
        .await?;
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)")
        .execute(&mut *tx)
        .await?;
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    for (version, sql) in MIGRATIONS {
        if applied.contains(version) {
            continue;
        }
        sqlx::raw_sql(*sql).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO schema_migrations (version) VALUES ($1)")
            .bind(*version)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::raw_sql(AssertSqlSafe(seed_known_organisations_sql()))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

cadre_storage::impl_database!(
    PostgresDatabase,
    sqlx::Postgres,
    begin = "BEGIN",
    analyze = "VACUUM ANALYZE",
    lock_changes = "LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE"
);
