//! `cadre-bench follow-up BASE_URL DATABASE_URL [SECONDS] [USERS]`: signed-in users reporting
//! on action points and reading pages against a running `cadre serve`, then a burst of
//! sign-ins measured from a reader's side. bench/follow_up.sh prepares the server and the
//! accounts (`bench01` … `benchNN`, secretariat, password in `CADRE_BENCH_PASSWORD`).
//!
//! Each user loops for the duration: read a random action point's page (its version and the
//! session's CSRF token), post a report with a comment unique to the run, then read the list
//! of action points. A 303 is an accepted report, a 409 one refused because another user
//! reported on the same point in between (the optimistic concurrency at work, not an error);
//! anything else is an error. Afterwards every accepted report must be in its point's history
//! (no lost update). Requests use a fresh connection each (`Connection: close`), as the test
//! client does, so the figures include connection set-up.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use cadre_domain::ActionPointId;
use cadre_storage::{ActionPointFilter, Paging, Store};
use cadre_testkit::server::{Browser, TestServer};
use rand::{Rng, SeedableRng};
use tokio::sync::Mutex;

#[derive(Default)]
struct Tally {
    reads: Vec<Duration>,
    writes: Vec<Duration>,
    accepted: Vec<(ActionPointId, String)>,
    stale: usize,
    errors: Vec<String>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn summary(name: &str, mut v: Vec<Duration>, seconds: f64) {
    v.sort();
    println!(
        "{name}: {} requests, {:.0}/s, p50 {}, p99 {}, max {}",
        v.len(),
        v.len() as f64 / seconds,
        ms(percentile(&v, 0.5)),
        ms(percentile(&v, 0.99)),
        ms(v.last().copied().unwrap_or_default())
    );
}

async fn user(
    server: TestServer,
    name: String,
    password: String,
    points: Arc<Vec<ActionPointId>>,
    until: Instant,
    run: String,
    tally: Arc<Mutex<Tally>>,
    seed: u64,
) {
    let mut rng = rand::rngs::SmallRng::seed_from_u64(seed);
    let mut b = Browser::new(&server);
    b.sign_in(&name, &password).await;
    let mut n = 0;
    while Instant::now() < until {
        n += 1;
        let point = points[rng.random_range(0..points.len())];
        let path = format!("/actions/{point}");
        let t = Instant::now();
        let page = b.get(&path).await;
        let read = t.elapsed();
        let (Some(version), Some(csrf)) = (page.hidden_field("version"), page.hidden_field("csrf"))
        else {
            tally
                .lock()
                .await
                .errors
                .push(format!("GET {path}: {} without a form", page.status));
            continue;
        };
        let status = ["open", "in_progress", "done", "dropped"][rng.random_range(0..4)];
        let comment = format!("{run} {name} n°{n}");
        let t = Instant::now();
        let r = b
            .post(
                &format!("{path}/reports"),
                &[
                    ("csrf", &csrf),
                    ("version", &version),
                    ("status", status),
                    ("comment", &comment),
                ],
            )
            .await;
        let write = t.elapsed();
        let t = Instant::now();
        let list = b.get("/actions?due=overdue").await;
        let list_read = t.elapsed();
        let mut tally = tally.lock().await;
        tally.reads.push(read);
        tally.reads.push(list_read);
        tally.writes.push(write);
        if list.status != 200 {
            tally.errors.push(format!("GET /actions: {}", list.status));
        }
        match r.status {
            303 => tally.accepted.push((point, comment)),
            409 => tally.stale += 1,
            other => tally.errors.push(format!("POST {path}/reports: {other}")),
        }
    }
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let base = args
        .first()
        .context("usage: cadre-bench follow-up BASE_URL DATABASE_URL [SECONDS] [USERS]")?;
    let db_url = args.get(1).context("DATABASE_URL missing")?;
    let seconds: u64 = args.get(2).map_or(Ok(60), |s| s.parse())?;
    let users: usize = args.get(3).map_or(Ok(32), |s| s.parse())?;
    let password = std::env::var("CADRE_BENCH_PASSWORD").context("CADRE_BENCH_PASSWORD")?;
    let addr: SocketAddr = base
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .context("BASE_URL is http://IP:PORT")?;
    let server = TestServer {
        base_url: base.clone(),
        addr,
    };
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(async move {
            let store = Store::connect(db_url).await?;
            let points: Vec<ActionPointId> = store
                .action_points()
                .list(&ActionPointFilter {
                    audience: cadre_domain::Audience::Internal,
                    paging: Paging::page(400, 0),
                    ..Default::default()
                })
                .await?
                .items
                .iter()
                .map(|a| a.id)
                .collect();
            anyhow::ensure!(!points.is_empty(), "no action points in {db_url}");
            let points = Arc::new(points);
            let run = format!("bench-{}", chrono::Utc::now().format("%H%M%S"));
            let tally = Arc::new(Mutex::new(Tally::default()));
            println!(
                "{users} signed-in users for {seconds} s on {} action points",
                points.len()
            );
            let start = Instant::now();
            let until = start + Duration::from_secs(seconds);
            let tasks: Vec<_> = (1..=users)
                .map(|i| {
                    tokio::spawn(user(
                        server.clone(),
                        format!("bench{i:02}"),
                        password.clone(),
                        points.clone(),
                        until,
                        run.clone(),
                        tally.clone(),
                        i as u64,
                    ))
                })
                .collect();
            for t in tasks {
                t.await?;
            }
            let elapsed = start.elapsed().as_secs_f64();
            let tally = std::mem::take(&mut *tally.lock().await);
            summary("pages read", tally.reads, elapsed);
            summary("reports posted", tally.writes.clone(), elapsed);
            println!(
                "reports accepted: {}; refused as changed meanwhile (409): {}; errors: {}",
                tally.accepted.len(),
                tally.stale,
                tally.errors.len()
            );
            for e in tally.errors.iter().take(5) {
                println!("  error: {e}");
            }
            // Every accepted report is in its point's history.
            let mut by_point: HashMap<ActionPointId, Vec<&str>> = HashMap::new();
            for (p, c) in &tally.accepted {
                by_point.entry(*p).or_default().push(c);
            }
            let mut lost = 0;
            for (point, comments) in &by_point {
                let history = store.action_points().reports(*point).await?;
                for c in comments {
                    if !history.iter().any(|r| r.comment == *c) {
                        lost += 1;
                    }
                }
            }
            println!("lost updates (accepted but not in the history): {lost}");

            // A burst of 20 sign-ins, seen from a reader.
            let mut reader = Browser::new(&server);
            reader.sign_in("bench01", &password).await;
            let path = format!("/actions/{}", points[0]);
            let mut quiet = Vec::new();
            let t = Instant::now();
            while t.elapsed() < Duration::from_secs(3) {
                let s = Instant::now();
                reader.get(&path).await;
                quiet.push(s.elapsed());
            }
            let burst_start = Instant::now();
            let logins: Vec<_> = (1..=20)
                .map(|i| {
                    let (server, password) = (server.clone(), password.clone());
                    tokio::spawn(async move {
                        let mut b = Browser::new(&server);
                        let s = Instant::now();
                        b.sign_in(&format!("bench{:02}", (i % users.max(1)) + 1), &password)
                            .await;
                        s.elapsed()
                    })
                })
                .collect();
            let mut during = Vec::new();
            while logins.iter().any(|l| !l.is_finished()) {
                let s = Instant::now();
                reader.get(&path).await;
                during.push(s.elapsed());
            }
            let mut login_times = Vec::new();
            for l in logins {
                login_times.push(l.await?);
            }
            println!(
                "burst of 20 sign-ins: all done in {}",
                ms(burst_start.elapsed())
            );
            summary(
                "  sign-ins",
                login_times,
                burst_start.elapsed().as_secs_f64(),
            );
            summary("  a page read before the burst", quiet, 3.0);
            summary(
                "  the same page during the burst",
                during,
                burst_start.elapsed().as_secs_f64(),
            );
            anyhow::ensure!(
                tally.errors.is_empty() && lost == 0,
                "errors or lost updates"
            );
            Ok(())
        })
}
