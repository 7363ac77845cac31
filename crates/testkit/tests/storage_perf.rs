//! Rough storage throughput and latency on SQLite, without the web or the parser. Ignored by
//! default (it takes a while); run it in release to compare with the targets:
//!
//! ```sh
//! cargo test --release -p cadre-testkit --test storage_perf -- --ignored --nocapture
//! ```
//!
//! `PERF_MEETINGS` (default 10000) sets the number of meetings.

use std::time::{Duration, Instant};

use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{
    ActionStatus, Deadline, ImportWarning, MeetingKind, Modality, NewActionPoint, NewAgendaItem,
    NewAttendee, NewBody, NewMeeting, NextMeeting, REGIONS,
};
use cadre_storage::{Database, MeetingFilter, Paging};
use cadre_testkit::db::{Engine, SqliteDatabase, fresh};
use chrono::NaiveDate;

const ORGS: [&str; 16] = [
    "SP/CCM",
    "OIM",
    "IOM",
    "OIM/Niger",
    "HCR",
    "UNHCR",
    "DRECM-R/Tahoua",
    "D.U.E",
    "DUE",
    "Croix-Rouge Nigérienne",
    "CICR",
    "DRC/MMC",
    "GIZ",
    "Mairie de la commune",
    "ONG Tchinaghen",
    "Conseil Régional",
];

fn meeting(i: usize) -> NewMeeting {
    let region = REGIONS[i % REGIONS.len()];
    let date = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Days::new((i % 2500) as u64);
    let attendance = (0..12)
        .map(|k| {
            let org = ORGS[(i + k * 3) % ORGS.len()];
            if k % 4 == 0 {
                NewAttendee {
                    organisation: org.into(),
                    person_name: Some(format!("Personne {i}-{k}")),
                    phone: Some(format!(
                        "+227 90 {:02} {:02} {:02}",
                        k,
                        i % 100,
                        (i / 100) % 100
                    )),
                    email: Some(format!("p{i}.{k}@example.org")),
                }
            } else {
                NewAttendee::organisation(org)
            }
        })
        .collect();
    let agenda = (1..=4)
        .map(|n| NewAgendaItem {
            number: n,
            title: format!("Point {n} de l'ordre du jour"),
            presenter: Some(ORGS[(i + n as usize) % ORGS.len()].into()),
            discussion:
                "- La situation des retours est stable.\n- Les convois arrivent chaque semaine.\n"
                    .repeat(3),
            action_points: (0..2)
                .map(|k| NewActionPoint {
                    what: format!("Action {k} du point {n}"),
                    responsible: vec![
                        ORGS[(i + k) % ORGS.len()].into(),
                        ORGS[(i + n as usize + 5) % ORGS.len()].into(),
                    ],
                    deadline: Deadline::parse(if k == 0 {
                        "15/03/2023"
                    } else {
                        "Fin juin 2024"
                    }),
                    status: ActionStatus::Open,
                })
                .collect(),
        })
        .collect();
    NewMeeting {
        body: NewBody::gtm(region),
        kind: MeetingKind::WorkingGroupMinutes,
        title: format!("Compte-rendu de la réunion du GTM {region} n° {i}"),
        date,
        start_time: None,
        end_time: None,
        place: Some("Gouvernorat".into()),
        modality: Modality::InPerson,
        attendance,
        agenda,
        next_meeting: Some(NextMeeting {
            as_written: "le mois prochain".into(),
            date: Some(date + chrono::Days::new(30)),
            time: None,
        }),
        rapporteur: Some("DRECM-R".into()),
        recommendations: vec![],
        warnings: vec![ImportWarning::new("date", "lue dans le titre")],
        source: Some(NewSourceDocument {
            file_name: format!("cr-{i}.docx"),
            media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                .into(),
            sha256: format!("{i:064x}"),
            content: vec![(i % 251) as u8; blob_size()],
        }),
    }
}

fn blob_size() -> usize {
    std::env::var("PERF_BLOB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24 * 1024)
}

fn p99(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[(v.len() * 99 / 100).min(v.len() - 1)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "slow: run in release with --ignored"]
async fn sqlite_import_and_read_latency() {
    let n: usize = std::env::var("PERF_MEETINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let tdb = fresh(Engine::Sqlite).await.unwrap();
    let db = SqliteDatabase::connect(&tdb.url).await.unwrap();
    let docs: Vec<NewMeeting> = (0..n).map(meeting).collect();

    let start = Instant::now();
    for (k, m) in docs.iter().enumerate() {
        db.import_meeting(m).await.unwrap();
        if (k + 1) % 2000 == 0 {
            eprintln!(
                "  {} imported, {:.0} documents/s so far",
                k + 1,
                (k + 1) as f64 / start.elapsed().as_secs_f64()
            );
        }
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "import: {n} meetings in {secs:.2} s = {:.0} documents/s",
        n as f64 / secs
    );

    let start = Instant::now();
    for m in docs.iter().take(1000) {
        db.import_meeting(m).await.unwrap();
    }
    eprintln!("re-import of 1000: {:.2} s", start.elapsed().as_secs_f64());

    for (name, list) in [("meetings list", true), ("meeting page", false)] {
        let mut tasks = Vec::new();
        for c in 0..32usize {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let mut times = Vec::new();
                for k in 0..60usize {
                    let t = Instant::now();
                    if list {
                        let page = (c * 7 + k * 13) % 200;
                        let f = MeetingFilter {
                            paging: Paging::page(20, (page * 20) as i64),
                            ..Default::default()
                        };
                        db.meetings(&f).await.unwrap();
                    } else {
                        let id = ((c * 7919 + k * 104729) % n) as i64 + 1;
                        db.meeting(id).await.unwrap().unwrap();
                    }
                    times.push(t.elapsed());
                }
                times
            }));
        }
        let start = Instant::now();
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        let count = all.len();
        eprintln!(
            "{name}: {count} requests, 32 concurrent, {:.0} req/s, p99 {:?}",
            count as f64 / start.elapsed().as_secs_f64(),
            p99(all)
        );
    }
    let t = Instant::now();
    db.organisations().await.unwrap();
    eprintln!("organisations: {:?}", t.elapsed());
    let t = Instant::now();
    db.action_points(&cadre_storage::ActionPointFilter {
        paging: Paging::page(50, 0),
        ..Default::default()
    })
    .await
    .unwrap();
    eprintln!("action points page: {:?}", t.elapsed());
    let t = Instant::now();
    db.upcoming_meetings(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(), 10)
        .await
        .unwrap();
    eprintln!("upcoming: {:?}", t.elapsed());
}
