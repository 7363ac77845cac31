//! Cadre's storage on SQLite: the embedded default, one file.
//!
//! `sqlite://path/to/cadre.db` opens (and creates) a file in WAL mode with `synchronous =
//! NORMAL`, foreign keys on and a busy timeout, behind a small pool. `sqlite::memory:` opens a
//! private in-memory database behind a single connection that is never recycled (closing it
//! would lose the data). The queries are shared with PostgreSQL: see
//! [`cadre_storage::shared`].

use std::str::FromStr;
use std::time::Duration;

use cadre_storage::shared::{AliasCache, seed_known_organisations_sql};
use cadre_storage::{Result, StorageError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{AssertSqlSafe, Row, SqlitePool};

/// The schema, in order. A version, once released, never changes: add a new one.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_initial.sql")),
    (2, include_str!("../migrations/0002_drafts_and_changes.sql")),
];

/// Connections of a file database: readers run side by side in WAL mode, writers take turns.
const POOL_SIZE: u32 = 8;

#[derive(Debug, Clone)]
pub struct SqliteDatabase {
    pool: SqlitePool,
    aliases: AliasCache,
}

impl SqliteDatabase {
    /// The connection pool, for tools and tests that need plain SQL.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    async fn connect_engine(url: &str) -> Result<Self> {
        let invalid = |reason: String| StorageError::invalid_url(url, reason);
        if !url.starts_with("sqlite:") {
            return Err(invalid("expected sqlite://path or sqlite::memory:".into()));
        }
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let mut options = SqliteConnectOptions::from_str(url)
            .map_err(|e| invalid(e.to_string()))?
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool_options = if in_memory {
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
        } else {
            options = options
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal);
            SqlitePoolOptions::new().max_connections(POOL_SIZE)
        };
        // A local file needs no liveness ping before each use (a round trip to SQLite's thread).
        let pool_options = pool_options.test_before_acquire(false);
        let pool = pool_options.connect_with(options).await?;
        migrate(&pool).await?;
        Ok(SqliteDatabase {
            pool,
            aliases: AliasCache::default(),
        })
    }
}

/// Brings the schema up to date and adds the known organisations, in one transaction.
pub async fn migrate(pool: &SqlitePool) -> Result<()> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::raw_sql("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")
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
    SqliteDatabase,
    sqlx::Sqlite,
    begin = "BEGIN IMMEDIATE",
    analyze = "",
    lock_changes = ""
);
