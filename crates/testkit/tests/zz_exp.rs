use std::time::Instant;
use cadre_storage::Database;
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn exp() {
    let tdb = cadre_testkit::db::fresh(cadre_testkit::db::Engine::Sqlite).await.unwrap();
    let db = cadre_testkit::db::SqliteDatabase::connect(&tdb.url).await.unwrap();
    let pool = db.pool();
    sqlx::raw_sql("CREATE TABLE x (id INTEGER PRIMARY KEY, v TEXT)").execute(pool).await.unwrap();
    let t = Instant::now();
    for _ in 0..1000 { sqlx::query("SELECT 1").fetch_one(pool).await.unwrap(); }
    eprintln!("select via pool: {:?}/op", t.elapsed() / 1000);
    let mut c = pool.acquire().await.unwrap();
    let t = Instant::now();
    for _ in 0..1000 { sqlx::query("SELECT 1").fetch_one(&mut *c).await.unwrap(); }
    eprintln!("select on conn: {:?}/op", t.elapsed() / 1000);
    drop(c);
    let t = Instant::now();
    for i in 0..1000i64 {
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.unwrap();
        sqlx::query("INSERT INTO x (v) VALUES ($1)").bind(i.to_string()).execute(&mut *tx).await.unwrap();
        tx.commit().await.unwrap();
    }
    eprintln!("tx insert commit: {:?}/op", t.elapsed() / 1000);
    let r: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool).await.unwrap();
    let s: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(pool).await.unwrap();
    eprintln!("journal {r} sync {s}");
}
