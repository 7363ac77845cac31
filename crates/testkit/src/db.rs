//! Fresh databases for tests, on each engine.
//!
//! Every storage behaviour is tested on SQLite and on PostgreSQL. Write the test body once as
//! an `async fn` taking a [`Store`], and let [`both_engines!`](crate::both_engines) make one
//! test per engine:
//!
//! ```ignore
//! use cadre_testkit::both_engines;
//!
//! both_engines! {
//!     async fn totals_start_at_zero(store: Store) {
//!         assert_eq!(store.totals(Audience::Internal).await.unwrap().meetings, 0);
//!     }
//! }
//! ```
//!
//! A test that opens the database itself (through the CLI, or to reconnect) takes `url:
//! String` instead.
//!
//! This expands to a module `totals_start_at_zero` holding two tests, `sqlite` and `postgres`
//! (`cargo test totals_start_at_zero::postgres`). Each gets a database of its own: a new SQLite
//! file in a temporary folder, or a new PostgreSQL database `cadre_test_<random>` created on
//! the server at `CADRE_TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`)
//! and dropped when the test ends, even when it fails.
//!
//! When PostgreSQL is unreachable the `postgres` test prints `SKIPPED (PostgreSQL unreachable
//! at …)` to stderr and passes, except when `CI=true`: then it fails.

use std::time::Duration;

use std::sync::atomic::{AtomicU64, Ordering};

use rand::{Rng as _, SeedableRng as _};
use sqlx::Connection as _;

/// The default server for PostgreSQL tests.
pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub use cadre_storage::{Engine, Store};

/// A database that lives as long as this value: a SQLite file in a temporary folder, or a
/// PostgreSQL database dropped (`WITH (FORCE)`) when this is dropped.
pub struct TestDb {
    pub url: String,
    pub engine: Engine,
    guard: Guard,
}

enum Guard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl std::fmt::Debug for TestDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestDb").field("url", &self.url).finish()
    }
}

/// The PostgreSQL server tests use.
pub fn postgres_admin_url() -> String {
    std::env::var("CADRE_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// `url` with its database replaced by `name` (query string kept).
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map(|i| i + 3).unwrap_or(0);
    let root = match base[after_scheme..].find('/') {
        Some(i) => &base[..after_scheme + i],
        None => base,
    };
    match query {
        Some(q) => format!("{root}/{name}?{q}"),
        None => format!("{root}/{name}"),
    }
}

/// A fresh, empty database on `engine` (no schema yet: connecting migrates it). `None` when the
/// engine is PostgreSQL, the server is unreachable and `CI` is not set.
pub async fn fresh(engine: Engine) -> Option<TestDb> {
    match engine {
        Engine::Sqlite => {
            let dir = tempfile::Builder::new()
                .prefix("cadre-test-")
                .tempdir()
                .expect("a temporary folder");
            let url = format!("sqlite://{}", dir.path().join("cadre.db").display());
            Some(TestDb {
                url,
                engine,
                guard: Guard::Sqlite(dir),
            })
        }
        Engine::Postgres => {
            let admin_url = postgres_admin_url();
            let mut admin = match tokio::time::timeout(
                Duration::from_secs(5),
                sqlx::PgConnection::connect(&admin_url),
            )
            .await
            {
                Ok(Ok(conn)) => conn,
                Ok(Err(e)) => return unreachable_postgres(&admin_url, &e.to_string()),
                Err(_) => return unreachable_postgres(&admin_url, "timed out"),
            };
            let name = format!("cadre_test_{}", random_suffix());
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .unwrap_or_else(|e| {
                    panic!("cannot create test database {name} at {admin_url}: {e}")
                });
            let _ = admin.close().await;
            Some(TestDb {
                url: with_database(&admin_url, &name),
                engine,
                guard: Guard::Postgres { admin_url, name },
            })
        }
    }
}

/// 16 random hex digits: seeded from the clock, the process and a counter (no OS randomness
/// needed), so parallel tests and parallel test binaries never collide.
fn random_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    let seed = nanos
        ^ (u64::from(std::process::id()) << 32)
        ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(17);
    format!(
        "{:016x}",
        rand::rngs::SmallRng::seed_from_u64(seed).random::<u64>()
    )
}

fn unreachable_postgres(url: &str, reason: &str) -> Option<TestDb> {
    if in_ci() {
        panic!(
            "PostgreSQL is unreachable at {url} ({reason}) and CI=true: PostgreSQL tests must run in CI"
        );
    }
    // Straight to the process's stderr: the test harness captures `eprintln!`, and this line
    // must be seen even when the test passes.
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED (PostgreSQL unreachable at {url}: {reason})"
    );
    None
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Guard::Postgres { admin_url, name } = &self.guard else {
            return;
        };
        let (admin_url, name) = (admin_url.clone(), name.clone());
        // Drop synchronously, on a thread of its own: we may be inside a runtime.
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            rt.block_on(async move {
                let mut admin = sqlx::PgConnection::connect(&admin_url).await?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await?;
                admin.close().await
            })
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("warning: could not drop test database {}: {e}", self.url);
        }
    }
}

/// Runs `test` with a fresh database on `engine`, blocking; does nothing (after saying so) when
/// PostgreSQL is unreachable outside CI. Used by [`both_engines!`](crate::both_engines).
pub fn run<F, Fut>(engine: Engine, test: F)
where
    F: FnOnce(String) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    rt.block_on(async move {
        let Some(db) = fresh(engine).await else {
            return;
        };
        test(db.url.clone()).await;
        drop(db);
    });
}

/// Runs `test` with a fresh [`Store`] on `engine` (see [`run`]).
pub fn run_with_store<F, Fut>(engine: Engine, test: F)
where
    F: FnOnce(Store) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    run(engine, |url| async move {
        let store = Store::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open the test database: {e}"));
        test(store).await
    });
}

/// Makes two tests, `<name>::sqlite` and `<name>::postgres`, of each `async fn <name>(store:
/// Store) { … }`, or `async fn <name>(url: String) { … }` for a test that opens the database
/// itself (see the [module documentation](crate::db)). Items of the enclosing module are
/// visible in the body (`use super::*`).
#[macro_export]
macro_rules! both_engines {
    () => {};
    ($(#[$meta:meta])* async fn $name:ident($url:ident : String) $body:block $($rest:tt)*) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($url: String) $body

            #[test]
            fn sqlite() {
                $crate::db::run($crate::db::Engine::Sqlite, body);
            }

            #[test]
            fn postgres() {
                $crate::db::run($crate::db::Engine::Postgres, body);
            }
        }
        $crate::both_engines!($($rest)*);
    };
    ($(#[$meta:meta])* async fn $name:ident($store:ident : Store) $body:block $($rest:tt)*) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($store: $crate::db::Store) $body

            #[test]
            fn sqlite() {
                $crate::db::run_with_store($crate::db::Engine::Sqlite, body);
            }

            #[test]
            fn postgres() {
                $crate::db::run_with_store($crate::db::Engine::Postgres, body);
            }
        }
        $crate::both_engines!($($rest)*);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_replaced_in_urls() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://h:5432", "x"),
            "postgres://h:5432/x"
        );
    }
}
