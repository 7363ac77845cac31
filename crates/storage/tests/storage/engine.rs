//! What differs by engine: connecting, migrating, statistics, URLs.

use super::*;

both_engines! {
    async fn statistics_are_refreshed_after_a_bulk_load(url: String) {
        let db = Store::connect(&url).await.unwrap();
        db.meetings().import(&full_meeting(), &cadre_domain::Actor::command_line("test")).await.unwrap();
        match db.pool() {
            Pool::Sqlite(_) => db.refresh_statistics().await.unwrap(),
            Pool::Postgres(pool) => {
                let analysed = "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname IN ('meetings', 'action_point_organisations') \
                     AND last_analyze IS NOT NULL";
                let before: i64 = sqlx::query_scalar(analysed)
                    .fetch_one(pool)
                    .await
                    .unwrap();
                assert_eq!(before, 0, "a fresh database has never been analysed");
                db.refresh_statistics().await.unwrap();
                let after: i64 = sqlx::query_scalar(analysed)
                    .fetch_one(pool)
                    .await
                    .unwrap();
                assert_eq!(after, 2);
            }
        }
    }
}

/// Reconnecting to a database with data neither migrates again nor seeds twice.
async fn reconnect_twice(url: &str) {
    let first = Store::connect(url).await.unwrap();
    let n = first
        .totals(Audience::Internal)
        .await
        .unwrap()
        .organisations;
    first
        .meetings()
        .import(&full_meeting(), &cadre_domain::Actor::command_line("test"))
        .await
        .unwrap();
    let second = Store::connect(url).await.unwrap();
    // The known organisations are not seeded again; the one new entry is the import's unit
    // "DRECM-R Tahoua".
    assert_eq!(
        second
            .totals(Audience::Internal)
            .await
            .unwrap()
            .organisations,
        n + 1
    );
    assert_eq!(second.totals(Audience::Internal).await.unwrap().meetings, 1);
}

both_engines! {
    async fn connecting_again_keeps_everything(url: String) {
        reconnect_twice(&url).await
    }
}

/// `sqlite::memory:` works: one connection that is never recycled, so the data stays.
#[tokio::test]
async fn sqlite_in_memory_keeps_its_data() {
    let db = Store::connect("sqlite::memory:").await.unwrap();
    let id = db
        .meetings()
        .import(&full_meeting(), &cadre_domain::Actor::command_line("test"))
        .await
        .unwrap()
        .meeting_id();
    for _ in 0..3 {
        assert_eq!(
            db.meetings()
                .get(id)
                .await
                .unwrap()
                .unwrap()
                .attendance
                .len(),
            3
        );
    }
    assert_eq!(db.totals(Audience::Internal).await.unwrap().meetings, 1);
    assert!(matches!(
        Store::connect("mysql://nope").await,
        Err(StorageError::InvalidUrl { .. })
    ));
}

#[tokio::test]
async fn a_malformed_url_never_shows_its_password() {
    for url in [
        "postgres://cadre:s3cr3t-pw@db.example:notaport/cadre",
        "postgres://cadre:s3cr3t-pw@db.example:5432/cadre?sslmode=s3cr3t-pw",
    ] {
        let Err(e) = Store::connect(url).await else {
            panic!("{url} was accepted");
        };
        let message = e.to_string();
        assert!(!message.contains("s3cr3t-pw"), "{message}");
        assert!(message.contains("cadre:***@"), "{message}");
    }
}
