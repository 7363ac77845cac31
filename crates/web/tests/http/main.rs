//! Black-box tests of the web layer: a real server on 127.0.0.1, real HTTP, a real database on
//! each engine (SQLite and PostgreSQL, see `cadre_testkit::db`). Data goes in through
//! `store.meetings().import`, built here by hand. One module per capability.

use cadre_domain::dates::format_date_fr;
use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{
    ActionStatus, Deadline, ImportWarning, MeetingId, MeetingKind, NewActionPoint, NewAgendaItem,
    NewAttendee, NewBody, NewFunctionAttendee, NewMeeting, NewRecommendation, NextMeeting,
    RecommendationScope,
};
use cadre_storage::{Store, Transition};
use cadre_testkit::both_engines;
use cadre_testkit::server::{TestResponse, TestServer, parse_response_bytes};
use cadre_web::ServerLimits;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde_json::Value;
use std::time::{Duration as Elapsed, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

mod accounts;
mod action_points;
mod api;
mod dashboard;
mod meetings;
mod organisations;
mod page_cache;
mod privacy;
mod recommendations;
mod search;
mod server;

const PHONE: &str = "+227 96 12 34 56";

const PHONE_DIGITS: &str = "96123456";

const EMAIL: &str = "aicha.moussa@example.org";

const PERSON: &str = "Aïcha Moussa";

/// A driver present by his function, with his phone (personal data).
const DRIVER_PHONE: &str = "+227 91 44 55 66";
const DRIVER_PHONE_DIGITS: &str = "91445566";

fn today() -> NaiveDate {
    cadre_web::today()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

fn action(
    what: &str,
    responsible: &[&str],
    deadline: &str,
    status: ActionStatus,
) -> NewActionPoint {
    NewActionPoint {
        what: what.into(),
        responsible: responsible.iter().map(|s| s.to_string()).collect(),
        deadline: Deadline::parse(deadline),
        status,
    }
}

fn blank(body: NewBody, kind: MeetingKind, title: &str, date: NaiveDate) -> NewMeeting {
    NewMeeting::new(body, kind, title, date)
}

/// A GTM Tahoua meeting in the canevas, with an attendee's phone and e-mail (personal data).
fn tahoua() -> NewMeeting {
    let soon = today() + Duration::days(7);
    let next = today() + Duration::days(10);
    let mut m = blank(
        NewBody::gtm("Tahoua"),
        MeetingKind::WorkingGroupMinutes,
        "Compte-rendu de la réunion du GTM Tahoua",
        d(2023, 2, 16),
    );
    m.start_time = t(9, 15);
    m.end_time = t(11, 0);
    m.place = Some("Salle de réunion DGECM-R".into());
    m.attendance = vec![
        NewAttendee {
            organisation: "OIM".into(),
            person_name: Some(PERSON.into()),
            phone: Some(PHONE.into()),
            email: Some(EMAIL.into()),
        },
        NewAttendee::organisation("D.U.E"),
        NewAttendee::organisation("Association Tassaght Tahoua"),
    ];
    m.function_attendees = vec![NewFunctionAttendee {
        person_name: Some("Issa Garba".into()),
        phone: Some(DRIVER_PHONE.into()),
        ..NewFunctionAttendee::function("Chauffeur Tahoua")
    }];
    m.agenda = vec![
        NewAgendaItem {
            number: 0,
            title: "Ouverture".into(),
            presenter: Some("SP/CCM".into()),
            discussion: String::new(),
            action_points: vec![],
        },
        NewAgendaItem {
            number: 1,
            title: "Présentation du projet Re.Mi".into(),
            presenter: Some("Nexus".into()),
            discussion:
                "- Création de guichets\n- Duplication des services <ul><li>collé</li></ul>".into(),
            action_points: vec![
                action(
                    "Partager la fiche d'orientation",
                    &["OIM", "SP/CCM"],
                    "mars 2023",
                    ActionStatus::Open,
                ),
                action(
                    "Organiser l'atelier de validation",
                    &["DRC/MMC"],
                    &soon.format("%d/%m/%Y").to_string(),
                    ActionStatus::InProgress,
                ),
                action(
                    "Diffuser le rapport final",
                    &["HCR"],
                    "2022",
                    ActionStatus::Done,
                ),
            ],
        },
        NewAgendaItem {
            number: 2,
            title: "Divers".into(),
            presenter: None,
            discussion: "Rien à signaler.".into(),
            action_points: vec![],
        },
    ];
    m.next_meeting = Some(NextMeeting::parse(&format!(
        "La prochaine réunion est prévue le {} à 9h30 dans la salle habituelle.",
        format_date_fr(next)
    )));
    m.warnings = vec![ImportWarning::with_text(
        "attendance",
        "ligne de présence non reconnue",
        "Tél : voir liste",
    )];
    m.source = Some(NewSourceDocument {
        file_name: "gtm_tahoua_2023_02.docx".into(),
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .into(),
        sha256: "a".repeat(64),
        content: format!("{PERSON} {PHONE} {EMAIL}").into_bytes(),
        personal_data: true,
    });
    m
}

fn zinder() -> NewMeeting {
    let mut m = blank(
        NewBody::gtm("Zinder"),
        MeetingKind::WorkingGroupMinutes,
        "Réunion mensuelle du GTM Zinder",
        d(2022, 5, 17),
    );
    m.place = Some("Gouvernorat de Zinder".into());
    m.attendance = vec![NewAttendee::organisation("HCR")];
    m.agenda = vec![NewAgendaItem {
        number: 1,
        title: "Point sur le centre d'accueil des victimes".into(),
        presenter: Some("DRECM-R".into()),
        discussion: "Le centre compte 40 lits.".into(),
        action_points: vec![action(
            "Recenser les besoins du centre",
            &["HCR"],
            "/",
            ActionStatus::Open,
        )],
    }];
    m
}

fn ccm_session() -> NewMeeting {
    let mut m = blank(
        NewBody::ccm(),
        MeetingKind::SessionReport,
        "Rapport de la 6e session du CCM",
        d(2021, 7, 23),
    );
    m.recommendations = vec![
        NewRecommendation {
            roadmap: "2021".into(),
            position: 1,
            text: "Tenir régulièrement les sessions du CCM".into(),
            scope: RecommendationScope::General,
            thematic_group: None,
            implementation_status: None,
            challenges: Some("Mobilisation des ressources".into()),
            perspectives: Some("Plaidoyer auprès des PTF".into()),
            pnm: None,
        },
        NewRecommendation {
            roadmap: "2021".into(),
            position: 2,
            text: "Renforcer la prise en charge des ENA".into(),
            scope: RecommendationScope::Specific,
            thematic_group: Some("Protection".into()),
            implementation_status: None,
            challenges: Some("Capacités d'accueil".into()),
            perspectives: Some("Ouverture de centres".into()),
            pnm: None,
        },
    ];
    m
}

struct Fixture {
    server: TestServer,
    tahoua: MeetingId,
    zinder: MeetingId,
    ccm: MeetingId,
}

async fn setup(db: Store) -> Fixture {
    let tahoua = import_published(&db, &tahoua()).await;
    let zinder = import_published(&db, &zinder()).await;
    let ccm = import_published(&db, &ccm_session()).await;
    let server = serve(cadre_web::router(db), ServerLimits::default()).await;
    Fixture {
        server,
        tahoua,
        zinder,
        ccm,
    }
}

fn test_actor() -> cadre_domain::Actor {
    cadre_domain::Actor::command_line("test")
}

/// Imports minutes (a draft), then validates and publishes them, as the secretariat would.
async fn import_published(db: &Store, m: &NewMeeting) -> MeetingId {
    let id = db
        .meetings()
        .import(m, &test_actor())
        .await
        .expect("import")
        .meeting_id();
    publish(db, id).await;
    id
}

async fn publish(db: &Store, id: MeetingId) {
    for t in [Transition::Validate, Transition::Publish] {
        db.meetings()
            .transition(&[id], t, &test_actor(), chrono::Utc::now())
            .await
            .expect("publish");
    }
}

/// Serves `router` with Cadre's own server (`cadre_web::serve_router`, what `cadre serve`
/// runs) on a free local port, in the background, until the test's runtime ends.
async fn serve(router: axum::Router, limits: ServerLimits) -> TestServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        cadre_web::serve_router(listener, router, limits, std::future::pending())
            .await
            .expect("test server");
    });
    TestServer {
        base_url: format!("http://{addr}"),
        addr,
    }
}

async fn page(s: &TestServer, path: &str) -> String {
    let r = s.get(path).await;
    assert_eq!(r.status, 200, "GET {path}: {}", r.body);
    assert!(
        r.header("content-type")
            .unwrap_or_default()
            .starts_with("text/html"),
        "GET {path}: {:?}",
        r.headers
    );
    r.body
}

async fn api(s: &TestServer, path: &str) -> Value {
    let r = s.get(path).await;
    assert_eq!(r.status, 200, "GET {path}: {}", r.body);
    assert!(
        r.header("content-type")
            .unwrap_or_default()
            .starts_with("application/json"),
        "GET {path}: {:?}",
        r.headers
    );
    r.json()
}

fn assert_secure(path: &str, r: &TestResponse) {
    assert_eq!(
        r.header("x-content-type-options"),
        Some("nosniff"),
        "{path}"
    );
    let csp = r
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{path}: no CSP"));
    assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
    assert!(r.header("referrer-policy").is_some(), "{path}");
    assert_eq!(r.header("x-frame-options"), Some("DENY"), "{path}");
    let permissions = r
        .header("permissions-policy")
        .unwrap_or_else(|| panic!("{path}: no Permissions-Policy"));
    for feature in ["camera=()", "microphone=()", "geolocation=()", "payment=()"] {
        assert!(permissions.contains(feature), "{path}: {permissions}");
    }
    if r.status >= 400 {
        assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
    }
}

// --- Issue 7: paging bounds, connection limits, headers -------------------------------------

/// A 400 naming `param` whose message contains `words`, with the security headers and no-store.
async fn refused(s: &TestServer, path: &str, param: &str, words: &str) {
    let r = s.get(path).await;
    assert_eq!(r.status, 400, "{path}: {}", r.body);
    assert_secure(path, &r);
    let message = if path.starts_with("/api/") {
        r.json()["error"].as_str().unwrap_or_default().to_owned()
    } else {
        assert!(r.body.contains("<html lang=\"fr\">"), "{path}: {}", r.body);
        r.body.replace("&#39;", "'").replace("&#x27;", "'")
    };
    assert!(
        message.contains(&format!("« {param} »")),
        "{path}: {message}"
    );
    assert!(message.contains(words), "{path}: {message}");
}

mod importing;
mod language;
mod outputs;
mod writing;
