//! Everything that differs between SQLite and PostgreSQL, in one place: connecting, migrating,
//! beginning a write transaction, locking the change log, refreshing statistics, and running a
//! [`Statement`] on either driver.
//!
//! The rest of the crate never names a driver. It runs statements through a [`Link`] (a
//! connection or a transaction of either engine); [`dispatch!`] expands each of `Link`'s few
//! method bodies once per engine, so that every body is type-checked against both drivers.

use std::str::FromStr;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{
    AssertSqlSafe, FromRow, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool,
};

use crate::statement::{Statement, Value};
use crate::{Result, StorageError};

/// The engine a database URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// `sqlite:…` or `postgres://…` / `postgresql://…`; anything else is refused by name.
    pub fn of(url: &str) -> Result<Engine> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            Err(StorageError::invalid_url(
                url,
                "unsupported database: use sqlite://FILE or postgres://USER@HOST/DATABASE",
            ))
        }
    }
}

/// The connection pool of whichever engine the URL named.
#[derive(Debug, Clone)]
pub enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The schema of each engine, in order. A version, once released, never changes: add one.
const SQLITE_MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/sqlite/0001_initial.sql")),
    (
        2,
        include_str!("../migrations/sqlite/0002_drafts_and_changes.sql"),
    ),
    (
        3,
        include_str!("../migrations/sqlite/0003_accounts_and_follow_up.sql"),
    ),
    (4, include_str!("../migrations/sqlite/0004_publication.sql")),
    (
        5,
        include_str!("../migrations/sqlite/0005_function_attendees.sql"),
    ),
    (
        6,
        include_str!("../migrations/sqlite/0006_recommendations_tracker.sql"),
    ),
];
const POSTGRES_MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/postgres/0001_initial.sql")),
    (
        2,
        include_str!("../migrations/postgres/0002_drafts_and_changes.sql"),
    ),
    (
        3,
        include_str!("../migrations/postgres/0003_accounts_and_follow_up.sql"),
    ),
    (
        4,
        include_str!("../migrations/postgres/0004_publication.sql"),
    ),
    (
        5,
        include_str!("../migrations/postgres/0005_function_attendees.sql"),
    ),
    (
        6,
        include_str!("../migrations/postgres/0006_recommendations_tracker.sql"),
    ),
];

/// Connections of a SQLite file: readers run side by side in WAL mode, writers take turns.
const SQLITE_POOL_SIZE: u32 = 8;
const POSTGRES_POOL_SIZE: u32 = 16;

/// Key of the PostgreSQL advisory lock held while migrating ("cadre" in ASCII), so that several
/// instances may start at once.
const MIGRATION_LOCK: i64 = 0x6361_6472_65;

impl Pool {
    /// Connects to `url` and brings the schema up to date, then runs `seed` (the known
    /// organisations) in the same transaction.
    ///
    /// `sqlite://path/to/cadre.db` opens (and creates) a file in WAL mode with `synchronous =
    /// NORMAL`, foreign keys on and a busy timeout, behind a small pool. `sqlite::memory:`
    /// opens a private in-memory database behind a single connection that is never recycled
    /// (closing it would lose the data).
    pub(crate) async fn connect(url: &str, seed: &str) -> Result<Pool> {
        Pool::connect_up_to(url, seed, i64::MAX).await
    }

    /// Connects and migrates up to schema version `last` only: tests of an upgrade fill a
    /// database of an older version before migrating it on.
    pub(crate) async fn connect_up_to(url: &str, seed: &str, last: i64) -> Result<Pool> {
        let invalid = |reason: String| StorageError::invalid_url(url, reason);
        let pool = match Engine::of(url)? {
            Engine::Sqlite => {
                let in_memory = url.contains(":memory:") || url.contains("mode=memory");
                let mut options = SqliteConnectOptions::from_str(url)
                    .map_err(|e| invalid(e.to_string()))?
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    // 1 MiB of page cache per connection instead of 2: eight connections'
                    // caches were half the server's memory, and the operating system caches
                    // the file anyway.
                    .pragma("cache_size", "-1024");
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
                    SqlitePoolOptions::new().max_connections(SQLITE_POOL_SIZE)
                };
                // A local file needs no liveness ping before each use (a round trip to
                // SQLite's thread).
                let pool = pool_options
                    .test_before_acquire(false)
                    .connect_with(options)
                    .await?;
                Pool::Sqlite(pool)
            }
            Engine::Postgres => {
                let options =
                    PgConnectOptions::from_str(url).map_err(|e| invalid(e.to_string()))?;
                let pool = PgPoolOptions::new()
                    .max_connections(POSTGRES_POOL_SIZE)
                    .connect_with(options)
                    .await?;
                Pool::Postgres(pool)
            }
        };
        pool.migrate(seed, last).await?;
        Ok(pool)
    }

    pub fn engine(&self) -> Engine {
        match self {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// Brings the schema up to date and runs `seed`, in one transaction.
    pub(crate) async fn migrate(&self, seed: &str, last: i64) -> Result<()> {
        let (migrations, version_type) = match self {
            Pool::Sqlite(_) => (SQLITE_MIGRATIONS, "INTEGER"),
            Pool::Postgres(_) => (POSTGRES_MIGRATIONS, "BIGINT"),
        };
        let mut tx = self.begin().await?;
        let mut link = tx.link();
        if let Link::Postgres(_) = link {
            link.execute(Statement::new("SELECT pg_advisory_xact_lock($1)").bind(MIGRATION_LOCK))
                .await?;
        }
        link.execute_script(&format!(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version {version_type} PRIMARY KEY)"
        ))
        .await?;
        let applied: Vec<(i64,)> = link
            .fetch_all(Statement::new("SELECT version FROM schema_migrations"))
            .await?;
        for (version, sql) in migrations {
            if *version > last || applied.iter().any(|(v,)| v == version) {
                continue;
            }
            link.execute_script(sql).await?;
            link.execute(
                Statement::new("INSERT INTO schema_migrations (version) VALUES ($1)")
                    .bind(*version),
            )
            .await?;
        }
        link.execute_script(seed).await?;
        tx.commit().await
    }

    /// A connection of the pool, for several reads in a row.
    pub(crate) async fn acquire(&self) -> Result<Conn> {
        Ok(match self {
            Pool::Sqlite(p) => Conn::Sqlite(p.acquire().await?),
            Pool::Postgres(p) => Conn::Postgres(p.acquire().await?),
        })
    }

    /// A write transaction. SQLite's takes the write lock at once (`BEGIN IMMEDIATE`): a
    /// deferred one that reads first would fail with "database is locked" instead of waiting
    /// when another writer commits meanwhile.
    pub(crate) async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Pool::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    /// Refreshes the query planner's statistics after a bulk load. PostgreSQL plans a freshly
    /// loaded table blind (sequential scans where an index fits) until autovacuum analyses
    /// it; SQLite's plans do not depend on statistics here, so it has nothing to do.
    pub(crate) async fn refresh_statistics(&self) -> Result<()> {
        if let Pool::Postgres(p) = self {
            sqlx::raw_sql("VACUUM ANALYZE").execute(p).await?;
        }
        Ok(())
    }
}

/// A connection taken from the pool.
pub(crate) enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Conn {
    pub fn link(&mut self) -> Link<'_> {
        match self {
            Conn::Sqlite(c) => Link::Sqlite(c),
            Conn::Postgres(c) => Link::Postgres(c),
        }
    }
}

/// A transaction; dropped without [`Tx::commit`], it rolls back.
pub(crate) enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

impl Tx {
    pub fn link(&mut self) -> Link<'_> {
        match self {
            Tx::Sqlite(t) => Link::Sqlite(t),
            Tx::Postgres(t) => Link::Postgres(t),
        }
    }

    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// A row type decoded the same way from either engine's rows: any `#[derive(sqlx::FromRow)]`
/// struct or tuple of the types [`Value`] binds.
pub(crate) trait Decode:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Decode for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

/// Where statements run: a connection, or the connection of a transaction.
pub(crate) enum Link<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

/// Evaluates `$body` once per engine, with `$conn` the engine's connection and `$query` the
/// statement's values bound on a `sqlx::$make` of its text.
macro_rules! dispatch {
    ($link:expr, $statement:expr, |$conn:ident, $query:ident = $make:ident| $body:expr) => {{
        let statement: Statement = $statement;
        let sql = AssertSqlSafe(statement.sql);
        match $link {
            Link::Sqlite($conn) => {
                let mut $query = sqlx::$make(sql);
                for value in statement.params {
                    $query = match value {
                        Value::Int(v) => $query.bind(v),
                        Value::Text(v) => $query.bind(v),
                        Value::Date(v) => $query.bind(v),
                        Value::Time(v) => $query.bind(v),
                        Value::Timestamp(v) => $query.bind(v),
                        Value::Bool(v) => $query.bind(v),
                        Value::Bytes(v) => $query.bind(v),
                    };
                }
                $body
            }
            Link::Postgres($conn) => {
                let mut $query = sqlx::$make(sql);
                for value in statement.params {
                    $query = match value {
                        Value::Int(v) => $query.bind(v),
                        Value::Text(v) => $query.bind(v),
                        Value::Date(v) => $query.bind(v),
                        Value::Time(v) => $query.bind(v),
                        Value::Timestamp(v) => $query.bind(v),
                        Value::Bool(v) => $query.bind(v),
                        Value::Bytes(v) => $query.bind(v),
                    };
                }
                $body
            }
        }
    }};
}

impl Link<'_> {
    pub async fn fetch_all<T: Decode>(&mut self, statement: Statement) -> Result<Vec<T>> {
        Ok(dispatch!(self, statement, |c, q = query_as| q.fetch_all(&mut **c).await?))
    }

    pub async fn fetch_optional<T: Decode>(&mut self, statement: Statement) -> Result<Option<T>> {
        Ok(dispatch!(self, statement, |c, q = query_as| q
            .fetch_optional(&mut **c)
            .await?))
    }

    pub async fn fetch_one<T: Decode>(&mut self, statement: Statement) -> Result<T> {
        Ok(dispatch!(self, statement, |c, q = query_as| q.fetch_one(&mut **c).await?))
    }

    /// Runs a statement returning no rows; how many rows it changed.
    pub async fn execute(&mut self, statement: Statement) -> Result<u64> {
        Ok(dispatch!(self, statement, |c, q = query| q
            .execute(&mut **c)
            .await?
            .rows_affected()))
    }

    /// Runs several `;`-separated statements without parameters (schema, seed data).
    pub(crate) async fn execute_script(&mut self, sql: &str) -> Result<()> {
        let sql = AssertSqlSafe(sql.to_owned());
        match self {
            Link::Sqlite(c) => {
                sqlx::raw_sql(sql).execute(&mut **c).await?;
            }
            Link::Postgres(c) => {
                sqlx::raw_sql(sql).execute(&mut **c).await?;
            }
        }
        Ok(())
    }

    /// Takes the lock that keeps change-log sequence numbers committing in order (see
    /// [`crate::changes`]). SQLite has one writer at a time: nothing to take.
    pub async fn lock_changes(&mut self) -> Result<()> {
        if let Link::Postgres(c) = self {
            sqlx::raw_sql("LOCK TABLE changes IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut **c)
                .await?;
        }
        Ok(())
    }
}
