//! One binary, two engines: the URL's scheme picks the implementation of `Database`, and each
//! command is a generic function instantiated for both.

/// Runs `$body` with `$db` bound to the database at `$url`, on whichever engine the URL names.
#[macro_export]
macro_rules! on_engine {
    ($url:expr, |$db:ident| $body:expr) => {{
        use cadre_storage::Database as _;
        let url: &str = $url;
        match $crate::engine::Engine::of(url) {
            Ok($crate::engine::Engine::Sqlite) => {
                let $db = cadre_storage_sqlite::SqliteDatabase::connect(url)
                    .await
                    .map_err(|e| {
                        anyhow::anyhow!("cannot open {}: {e}", $crate::engine::redact_url(url))
                    })?;
                $body
            }
            Ok($crate::engine::Engine::Postgres) => {
                let $db = cadre_storage_postgres::PostgresDatabase::connect(url)
                    .await
                    .map_err(|e| {
                        anyhow::anyhow!("cannot open {}: {e}", $crate::engine::redact_url(url))
                    })?;
                $body
            }
            Err(e) => Err(e),
        }
    }};
}

pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of(url: &str) -> anyhow::Result<Engine> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            anyhow::bail!(
                "unsupported database URL {:?}: use sqlite://FILE or postgres://USER@HOST/DATABASE",
                redact_url(url)
            )
        }
    }
}

pub use cadre_storage::redact_url;

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            cadre_storage::redact_url("postgres://cadre:s3cret@db/cadre"),
            "postgres://cadre:***@db/cadre"
        );
        assert_eq!(
            cadre_storage::redact_url("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(
            cadre_storage::redact_url("sqlite://cadre.db"),
            "sqlite://cadre.db"
        );
    }
}
