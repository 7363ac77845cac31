//! Black-box tests of the web layer: a real server on 127.0.0.1, real HTTP, a real database on
//! each engine (SQLite and PostgreSQL, see `cadre_testkit::db`). Data goes in through
//! `Database::import_meeting`, built here by hand.

use cadre_domain::dates::format_date_fr;
use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{
    ActionStatus, Deadline, ImportWarning, MeetingKind, NewActionPoint, NewAgendaItem, NewAttendee,
    NewBody, NewMeeting, NewRecommendation, NextMeeting, RecommendationScope,
};
use cadre_storage::Store;
use cadre_testkit::both_engines;
use cadre_testkit::server::{TestResponse, TestServer, parse_response_bytes};
use cadre_web::ServerLimits;
use chrono::{Duration, NaiveDate, NaiveTime};
use serde_json::Value;
use std::time::{Duration as Elapsed, Instant};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

const PHONE: &str = "+227 96 12 34 56";
const PHONE_DIGITS: &str = "96123456";
const EMAIL: &str = "aicha.moussa@example.org";
const PERSON: &str = "Aïcha Moussa";

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
        },
    ];
    m
}

struct Fixture {
    server: TestServer,
    tahoua: i64,
    zinder: i64,
    ccm: i64,
}

async fn setup(db: Store) -> Fixture {
    let tahoua = db
        .meetings()
        .import(&tahoua())
        .await
        .expect("import Tahoua")
        .meeting_id();
    let zinder = db
        .meetings()
        .import(&zinder())
        .await
        .expect("import Zinder")
        .meeting_id();
    let ccm = db
        .meetings()
        .import(&ccm_session())
        .await
        .expect("import CCM")
        .meeting_id();
    let server = serve(cadre_web::router(db), ServerLimits::default()).await;
    Fixture {
        server,
        tahoua,
        zinder,
        ccm,
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

// ---------------------------------------------------------------------------------------------

both_engines! {
    async fn dashboard_shows_late_actions_and_next_meetings(db: Store) {
        let f = setup(db).await;
        let html = page(&f.server, "/").await;
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("Tableau de bord"));
        // Overdue: "mars 2023", still open.
        assert!(
            html.contains("Partager la fiche d&#39;orientation")
                || html.contains("Partager la fiche d&#x27;orientation"),
            "{html}"
        );
        assert!(html.contains("en retard"));
        // Due within 14 days.
        assert!(
            html.contains("Organiser l&#39;atelier de validation")
                || html.contains("Organiser l&#x27;atelier de validation")
        );
        // Done: neither late nor due.
        assert!(!html.contains("Diffuser le rapport final"));
        // The next meeting announced by the Tahoua minutes.
        let next = format_date_fr(today() + Duration::days(10));
        assert!(html.contains(&next), "upcoming {next} missing");
        assert!(html.contains("GTM Tahoua"));
        assert!(html.contains(&format!("/meetings/{}", f.tahoua)));
        // Latest minutes.
        assert!(html.contains("Réunion mensuelle du GTM Zinder"));
    }
}

both_engines! {
    async fn meetings_are_filtered_by_body_and_year(db: Store) {
        let f = setup(db).await;
        let all = page(&f.server, "/meetings").await;
        for title in [
            "Compte-rendu de la réunion du GTM Tahoua",
            "Réunion mensuelle du GTM Zinder",
            "Rapport de la 6e session du CCM",
        ] {
            assert!(all.contains(title), "{title}");
        }
        assert!(all.contains("16 février 2023"));
        assert!(all.contains("Salle de réunion DGECM-R"));
        assert!(
            all.contains("<option value=\"gtm-tahoua\""),
            "body select filled"
        );
        assert!(all.contains("<option value=\"2022\""), "year select filled");

        let tahoua = page(&f.server, "/meetings?body=gtm-tahoua").await;
        assert!(tahoua.contains("Compte-rendu de la réunion du GTM Tahoua"));
        assert!(!tahoua.contains("Réunion mensuelle du GTM Zinder"));
        assert!(tahoua.contains("<option value=\"gtm-tahoua\" selected"));

        let y2022 = page(&f.server, "/meetings?body=&year=2022").await;
        assert!(y2022.contains("Réunion mensuelle du GTM Zinder"));
        assert!(!y2022.contains("Compte-rendu de la réunion du GTM Tahoua"));
        assert!(!y2022.contains("Rapport de la 6e session du CCM"));

        let none = page(&f.server, "/meetings?body=gtm-zinder&year=2023").await;
        assert!(none.contains("Aucune réunion"));

        let far = page(&f.server, "/meetings?page=9").await;
        assert!(!far.contains("Compte-rendu de la réunion du GTM Tahoua"));

        let bad = f.server.get("/meetings?year=abc").await;
        assert_eq!(bad.status, 400);
        assert!(bad.body.contains("year"), "{}", bad.body);
        assert!(
            bad.header("content-type")
                .unwrap_or_default()
                .starts_with("text/html")
        );
    }
}

both_engines! {
    async fn a_meeting_reads_like_the_canevas(db: Store) {
        let f = setup(db).await;
        let html = page(&f.server, &format!("/meetings/{}", f.tahoua)).await;
        for expected in [
            "16 février 2023",
            "9h15 – 11h00",
            "Salle de réunion DGECM-R",
            "GTM Tahoua",
            "Présence",
            "Organisation Internationale pour les Migrations",
            PERSON,
            "Points inscrits à l",
            "Ouverture",
            "Présentation du projet Re.Mi",
            "Divers",
            "Points de discussion clés",
            "- Création de guichets\n- Duplication des services",
            "Points d",
            "Personnes/agences responsables",
            "Date limite",
            "mars 2023",
            "échéance : 31 mars 2023",
            "réalisé",
            "Coordination prochaines étapes",
            "La prochaine réunion est prévue le",
            "Relevé d",
            "ligne de présence non reconnue",
            "gtm_tahoua_2023_02.docx",
            &"a".repeat(64),
        ] {
            assert!(html.contains(expected), "missing {expected:?}");
        }
        assert!(html.contains("fiche d&#39;orientation") || html.contains("fiche d&#x27;orientation"));
        let next = format_date_fr(today() + Duration::days(10));
        assert!(
            html.contains(&format!("{next} à 9h30")),
            "parsed next meeting"
        );
        // Imported HTML is shown as text, never interpreted.
        assert!(
            html.contains("&lt;ul&gt;&lt;li&gt;collé")
                || html.contains("&#60;ul&#62;&#60;li&#62;collé"),
            "imported HTML must be escaped: {}",
            &html[html.find("Duplication").unwrap_or(0)..][..120]
        );
        assert!(!html.contains("<ul><li>collé"));
        // The opening item is not numbered, the others are.
        assert!(html.contains("1. <a href=\"#point-"));
        assert!(!html.contains("0. "));

        // A session report shows its recommendations, grouped.
        let ccm = page(&f.server, &format!("/meetings/{}", f.ccm)).await;
        assert!(ccm.contains("Feuille de route 2021"));
        assert!(
            ccm.contains("Recommandations d&#39;ordre général")
                || ccm.contains("Recommandations d&#x27;ordre général")
        );
        assert!(ccm.contains("Protection"));
        assert!(ccm.contains("Renforcer la prise en charge des ENA"));
        assert!(ccm.contains("Plaidoyer auprès des PTF"));

        // Unknown and malformed ids.
        for path in ["/meetings/999999", "/meetings/abc", "/nowhere"] {
            let r = f.server.get(path).await;
            assert_eq!(r.status, 404, "{path}");
            assert!(r.body.contains("Page introuvable"), "{path}");
            assert!(
                r.header("content-type")
                    .unwrap_or_default()
                    .starts_with("text/html")
            );
        }
        let r = f.server.get("/api/v1/meetings/999999").await;
        assert_eq!(r.status, 404);
        assert!(r.json()["error"].is_string());
        let r = f.server.get("/api/v1/unknown").await;
        assert_eq!(r.status, 404);
        assert!(r.json()["error"].is_string());
        let r = f.server.get("/api/v1/meetings/abc").await;
        assert_eq!(r.status, 400);
        assert!(r.json()["error"].as_str().unwrap().contains("id"));
        let zinder = page(&f.server, &format!("/meetings/{}", f.zinder)).await;
        assert!(zinder.contains("Recenser les besoins du centre"));
        assert!(
            zinder.contains("sans date limite"),
            "meaning of a \"/\" deadline"
        );
    }
}

both_engines! {
    async fn action_points_are_filtered(db: Store) {
        let f = setup(db).await;
        let all = page(&f.server, "/actions").await;
        for what in [
            "Partager la fiche",
            "Organiser l",
            "Diffuser le rapport final",
            "Recenser les besoins du centre",
        ] {
            assert!(all.contains(what), "{what}");
        }
        let late = page(&f.server, "/actions?overdue=1").await;
        assert!(late.contains("Partager la fiche"));
        assert!(!late.contains("Organiser l&#"), "not yet due");
        assert!(!late.contains("Diffuser le rapport final"), "done");
        assert!(!late.contains("Recenser les besoins du centre"), "no date");
        assert!(late.contains("checked"));
        assert!(late.contains(&format!("/meetings/{}#point-", f.tahoua)));

        let done = page(&f.server, "/actions?status=done").await;
        assert!(done.contains("Diffuser le rapport final"));
        assert!(!done.contains("Partager la fiche"));

        // By organisation: find OIM's id in the API.
        let orgs = api(&f.server, "/api/v1/organisations").await;
        let oim = orgs["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["acronym"] == "OIM")
            .expect("OIM")["id"]
            .as_i64()
            .unwrap();
        let by_oim = page(
            &f.server,
            &format!("/actions?organisation={oim}&status=&overdue="),
        )
        .await;
        assert!(by_oim.contains("Partager la fiche"));
        assert!(!by_oim.contains("Recenser les besoins du centre"));

        let bad = f.server.get("/actions?status=foo").await;
        assert_eq!(bad.status, 400);
        assert!(bad.body.contains("status"));
        let bad = f.server.get("/actions?organisation=x").await;
        assert_eq!(bad.status, 400);
        assert!(bad.body.contains("organisation"));
    }
}

both_engines! {
    async fn organisations_show_aliases_and_recommendations_are_listed(db: Store) {
        let f = setup(db).await;
        let html = page(&f.server, "/organisations").await;
        assert!(html.contains("Organisation Internationale pour les Migrations"));
        assert!(html.contains("IOM"), "aliases shown");
        assert!(html.contains("UNHCR"));
        assert!(html.contains("Association Tassaght Tahoua"));
        assert!(html.contains("à vérifier"));
        assert!(html.contains("/actions?organisation="));

        let recs = page(&f.server, "/recommendations").await;
        assert!(recs.contains("Tenir régulièrement les sessions du CCM"));
        let prot = page(&f.server, "/recommendations?thematic_group=Protection").await;
        assert!(prot.contains("Renforcer la prise en charge des ENA"));
        assert!(!prot.contains("Tenir régulièrement les sessions du CCM"));
        let _ = f.ccm;
    }
}

both_engines! {
    async fn the_api_answers_json(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        let all = api(s, "/api/v1/meetings").await;
        assert_eq!(all["total"], 3);
        let items = all["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0]["id"], f.tahoua, "most recent first");
        assert_eq!(items[0]["body_code"], "gtm-tahoua");
        assert_eq!(items[0]["date"], "2023-02-16");
        assert_eq!(items[0]["action_point_count"], 3);

        let page2 = api(s, "/api/v1/meetings?limit=1&offset=1").await;
        assert_eq!(page2["total"], 3);
        assert_eq!(page2["items"].as_array().unwrap().len(), 1);
        assert_eq!(page2["items"][0]["id"], f.zinder);

        let zinder = api(s, "/api/v1/meetings?body=gtm-zinder").await;
        assert_eq!(zinder["total"], 1);
        let y = api(s, "/api/v1/meetings?year=2021").await;
        assert_eq!(y["total"], 1);
        assert_eq!(y["items"][0]["id"], f.ccm);

        let m = api(s, &format!("/api/v1/meetings/{}", f.tahoua)).await;
        assert_eq!(m["id"], f.tahoua);
        assert_eq!(m["body"]["code"], "gtm-tahoua");
        assert_eq!(m["place"], "Salle de réunion DGECM-R");
        assert_eq!(m["agenda"].as_array().unwrap().len(), 3);
        assert_eq!(m["agenda"][1]["action_points"].as_array().unwrap().len(), 3);
        assert_eq!(
            m["agenda"][1]["action_points"][0]["deadline"]["as_written"],
            "mars 2023"
        );
        assert!(
            m["next_meeting"]["as_written"]
                .as_str()
                .unwrap()
                .contains("prochaine réunion")
        );
        assert_eq!(m["attendance"].as_array().unwrap().len(), 3);
        assert_eq!(m["source"]["sha256"], "a".repeat(64));

        let late = api(s, "/api/v1/action-points?overdue=true").await;
        assert_eq!(late["total"], 1);
        assert_eq!(late["items"][0]["what"], "Partager la fiche d'orientation");
        let open = api(s, "/api/v1/action-points?status=open").await;
        assert_eq!(open["total"], 2);
        let all_ap = api(s, "/api/v1/action-points?limit=500").await;
        assert_eq!(all_ap["total"], 4);

        let orgs = api(s, "/api/v1/organisations").await;
        let list = orgs["items"].as_array().unwrap();
        assert_eq!(orgs["total"], list.len());
        let oim = list.iter().find(|o| o["acronym"] == "OIM").unwrap();
        assert!(
            oim["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "IOM")
        );
        assert!(oim["meetings_attended"].as_i64().unwrap() >= 1);
        assert!(
            list.iter()
                .any(|o| o["name"] == "Association Tassaght Tahoua" && o["needs_review"] == true)
        );

        let recs = api(s, &format!("/api/v1/recommendations?meeting={}", f.ccm)).await;
        assert_eq!(recs["total"], 2);
        assert_eq!(recs["items"][0]["roadmap"], "2021");
        let prot = api(s, "/api/v1/recommendations?thematic_group=Protection").await;
        assert_eq!(prot["total"], 1);

        for (path, param) in [
            ("/api/v1/action-points?status=foo", "status"),
            ("/api/v1/meetings?year=abc", "year"),
            ("/api/v1/meetings?limit=501", "limit"),
            ("/api/v1/meetings?offset=-3", "offset"),
            ("/api/v1/action-points?overdue=peut-etre", "overdue"),
            ("/api/v1/recommendations?meeting=x", "meeting"),
        ] {
            let r = s.get(path).await;
            assert_eq!(r.status, 400, "{path}");
            let err = r.json()["error"].as_str().unwrap().to_owned();
            assert!(err.contains(param), "{path}: {err}");
        }

        let doc = api(s, "/api/openapi.json").await;
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        for path in [
            "/api/v1/meetings",
            "/api/v1/meetings/{id}",
            "/api/v1/action-points",
            "/api/v1/organisations",
            "/api/v1/recommendations",
        ] {
            assert!(doc["paths"][path]["get"].is_object(), "{path} in OpenAPI");
        }
        for schema in [
            "Meeting",
            "MeetingSummary",
            "ActionPoint",
            "Recommendation",
            "Deadline",
        ] {
            assert!(
                doc["components"]["schemas"][schema].is_object(),
                "schema {schema}"
            );
        }
    }
}

both_engines! {
    /// The phone and e-mail imported for a person never leave the server; every response carries
    /// the security headers; no page has a script.
    async fn no_personal_contacts_and_secure_headers_everywhere(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        let oim_id = {
            let orgs = api(s, "/api/v1/organisations").await;
            orgs["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["acronym"] == "OIM")
                .unwrap()["id"]
                .clone()
        };
        let pages = vec![
            "/".to_owned(),
            "/meetings".to_owned(),
            "/meetings?body=gtm-tahoua".to_owned(),
            format!("/meetings/{}", f.tahoua),
            format!("/meetings/{}", f.zinder),
            format!("/meetings/{}", f.ccm),
            "/actions".to_owned(),
            "/actions?overdue=1".to_owned(),
            format!("/actions?organisation={oim_id}"),
            "/organisations".to_owned(),
            "/recommendations".to_owned(),
            "/meetings/999999".to_owned(),
            format!("/search?q={}", "A%C3%AFcha+Moussa"),
            "/search?q=example.org".to_owned(),
            format!("/meetings/{}/original", f.tahoua),
        ];
        let apis = vec![
            "/api/v1/meetings".to_owned(),
            format!("/api/v1/meetings/{}", f.tahoua),
            "/api/v1/action-points".to_owned(),
            "/api/v1/organisations".to_owned(),
            "/api/v1/recommendations".to_owned(),
            "/api/openapi.json".to_owned(),
            "/api/v1/meetings/999999".to_owned(),
            "/api/v1/action-points?status=foo".to_owned(),
            "/health".to_owned(),
            "/api/v1/search?q=fiche".to_owned(),
            "/api/v1/search?q=example.org".to_owned(),
            "/api/v1/search?q=96123456".to_owned(),
        ];
        for path in pages.iter().chain(apis.iter()) {
            let r = s.get(path).await;
            assert!(r.status < 500, "{path}: {}", r.status);
            assert_secure(path, &r);
            let digits: String = r.body.chars().filter(char::is_ascii_digit).collect();
            assert!(!r.body.contains(EMAIL), "{path} leaks the e-mail");
            assert!(!r.body.contains("@example.org"), "{path} leaks the e-mail");
            assert!(!r.body.contains(PHONE), "{path} leaks the phone number");
            assert!(
                !digits.contains(PHONE_DIGITS),
                "{path} leaks the phone number"
            );
            assert!(
                !r.body.to_lowercase().contains("<script"),
                "{path} has a script"
            );
            if pages.contains(path) {
                assert!(r.body.contains("<html lang=\"fr\">"), "{path}: {}", r.body);
            }
        }
        // The person's name is public, their contacts are not.
        assert!(
            page(s, &format!("/meetings/{}", f.tahoua))
                .await
                .contains(PERSON)
        );

        let health = s.get("/health").await;
        assert_eq!((health.status, health.body.as_str()), (200, "ok"));

        // The stylesheet: linked from every page, cached for long.
        let home = page(s, "/").await;
        let start = home.find("/assets/").expect("stylesheet link");
        let css_path: String = home[start..].chars().take_while(|c| *c != '"').collect();
        let css = s.get(&css_path).await;
        assert_eq!(css.status, 200);
        assert!(css.header("content-type").unwrap().starts_with("text/css"));
        assert!(
            css.header("cache-control")
                .unwrap()
                .contains("max-age=31536000")
        );
        assert_secure(&css_path, &css);

        // Compressed for those who accept it.
        let gz = s
            .request("GET", "/meetings", &[("Accept-Encoding", "gzip")])
            .await;
        assert_eq!(gz.status, 200);
        assert_eq!(gz.header("content-encoding"), Some("gzip"));
    }
}

/// Ids of the meetings in a search API answer.
fn hit_meetings(v: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["meeting_id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

both_engines! {
    async fn search_is_french_aware_filtered_and_follows_imports(db: Store) {
        let f = setup(db.clone()).await;
        let s = &f.server;
        // Plural finds singular, and accents do not matter, both ways.
        let r = api(s, "/api/v1/search?q=centres").await;
        assert_eq!(hit_meetings(&r), vec![f.zinder, f.ccm], "{r}");
        let r = api(s, "/api/v1/search?q=lit").await;
        assert_eq!(hit_meetings(&r), vec![f.zinder], "{r}");
        let r = api(s, "/api/v1/search?q=reunion").await;
        assert_eq!(hit_meetings(&r), vec![f.tahoua, f.zinder], "{r}");
        assert_eq!(
            r["total"].as_i64(),
            Some(r["items"].as_array().unwrap().len() as i64)
        );
        assert_eq!(r["complete"], true);
        let r = api(s, "/api/v1/search?q=R%C3%89UNIONS").await;
        assert_eq!(hit_meetings(&r), vec![f.tahoua, f.zinder], "{r}");
        // Filters: body, year, kind.
        let r = api(s, "/api/v1/search?q=reunion&body=gtm-zinder").await;
        assert_eq!(hit_meetings(&r), vec![f.zinder]);
        let r = api(s, "/api/v1/search?q=reunion&year=2023").await;
        assert_eq!(hit_meetings(&r), vec![f.tahoua]);
        let r = api(s, "/api/v1/search?q=session&kind=recommendation").await;
        assert_eq!(hit_meetings(&r), vec![f.ccm], "{r}");
        assert!(
            r["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|h| h["kind"] == "recommendation")
        );
        // An action point is found and links to its row; the excerpt marks the matched words.
        let r = api(s, "/api/v1/search?q=orientation").await;
        let hit = &r["items"][0];
        assert_eq!(hit["kind"], "actionpoint", "{r}");
        assert!(
            hit["url"]
                .as_str()
                .unwrap()
                .starts_with(&format!("/meetings/{}#action-", f.tahoua))
        );
        assert!(
            hit["excerpt"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["highlighted"] == true)
        );
        // The page: highlighted with <mark>, document text escaped.
        let html = page(s, "/search?q=coll%C3%A9").await;
        assert!(html.contains("<mark>"), "{html}");
        assert!(
            !html.contains("<ul><li>"),
            "document text must be escaped: {html}"
        );
        assert!(
            html.contains(&format!("/meetings/{}#point-", f.tahoua)),
            "{html}"
        );
        let html = page(s, "/search?q=reunion&body=gtm-zinder").await;
        assert!(html.contains("Réunion mensuelle du GTM Zinder"));
        assert!(!html.contains("Compte-rendu de la réunion du GTM Tahoua"));
        // What users type never breaks the search.
        for q in [
            "%22unbalanced",
            "AND+OR+(",
            "-",
            "%2A%3F%5B",
            "title%3Ax",
            "%5C",
        ] {
            let r = s.get(&format!("/search?q={q}")).await;
            assert_eq!(r.status, 200, "/search?q={q}: {}", r.body);
            let r = s.get(&format!("/api/v1/search?q={q}")).await;
            assert!(
                r.status == 200 || r.status == 400,
                "/api/v1/search?q={q}: {}",
                r.status
            );
        }
        let r = s.get("/api/v1/search?q=").await;
        assert_eq!(r.status, 400);
        assert!(r.json()["error"].as_str().unwrap().contains("q"));
        assert_eq!(s.get("/api/v1/search?q=reunion&kind=foo").await.status, 400);
        let html = page(s, "/search?q=de+la").await;
        assert!(html.contains("au moins un mot"), "{html}");

        // The index follows the database: a meeting imported while the server runs is found by the
        // next search, with no reindex.
        let mut m = blank(
            NewBody::gtm("Agadez"),
            MeetingKind::WorkingGroupMinutes,
            "Réunion du GTM Agadez",
            d(2024, 3, 5),
        );
        m.agenda = vec![NewAgendaItem {
            number: 1,
            title: "Forages".into(),
            presenter: None,
            discussion: "Les besoins hydrauliques des sites de transit d'Arlit.".into(),
            action_points: vec![],
        }];
        m.source = Some(NewSourceDocument {
            file_name: "gtm agadez/mars 2024.txt".into(),
            media_type: "text/plain".into(),
            sha256: "b".repeat(64),
            content: b"Compte-rendu du GTM Agadez".to_vec(),
            personal_data: false,
        });
        assert!(hit_meetings(&api(s, "/api/v1/search?q=hydraulique").await).is_empty());
        let agadez = db.meetings().import(&m).await.unwrap().meeting_id();
        let r = api(s, "/api/v1/search?q=hydraulique").await;
        assert_eq!(hit_meetings(&r), vec![agadez], "{r}");
        db.meetings().validate(agadez).await.unwrap();
        assert_eq!(
            hit_meetings(&api(s, "/api/v1/search?q=arlit").await),
            vec![agadez]
        );

        // The original: downloadable when it names nobody with their contacts.
        let r = s.get(&format!("/meetings/{agadez}/original")).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body, "Compte-rendu du GTM Agadez");
        assert_eq!(
            r.header("content-disposition"),
            Some("attachment; filename=\"gtm_agadez_mars_2024.txt\"")
        );
        assert!(
            page(s, &format!("/meetings/{agadez}"))
                .await
                .contains(&format!("/meetings/{agadez}/original"))
        );
        let r = s.get(&format!("/meetings/{}/original", f.tahoua)).await;
        assert_eq!(r.status, 403);
        assert!(r.body.contains("coordonnées"));
        assert!(
            !page(s, &format!("/meetings/{}", f.tahoua))
                .await
                .contains("/original")
        );
        assert_eq!(
            s.get(&format!("/meetings/{}/original", f.zinder))
                .await
                .status,
            404
        );
        assert_eq!(s.get("/meetings/x/original").await.status, 404);
    }
}

both_engines! {
    async fn drafts_show_their_findings_until_validated(db: Store) {
        let mut m = zinder();
        m.findings = vec![
            cadre_domain::FieldFinding::new("date", "17 mai 2022"),
            cadre_domain::FieldFinding::new("place", "Gouvernorat de Zinder"),
        ];
        m.warnings = vec![ImportWarning::new("time", "heure non trouvée")];
        let id = db.meetings().import(&m).await.unwrap().meeting_id();
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;
        let html = page(&server, &format!("/meetings/{id}")).await;
        assert!(html.contains("Brouillon"), "{html}");
        assert!(html.contains("Relevé d"), "{html}");
        assert!(html.contains("heure non trouvée"));
        assert!(html.contains("17 mai 2022"));
        let list = page(&server, "/meetings").await;
        assert!(list.contains("brouillon"));
        let json = api(&server, &format!("/api/v1/meetings/{id}")).await;
        assert_eq!(json["status"], "draft");
        assert_eq!(json["findings"][0]["field"], "date");

        db.meetings().validate(id).await.unwrap();
        let html = page(&server, &format!("/meetings/{id}")).await;
        assert!(!html.contains("Brouillon"));
        assert!(!page(&server, "/meetings").await.contains("brouillon"));
        assert_eq!(
            api(&server, &format!("/api/v1/meetings/{id}")).await["status"],
            "validated"
        );
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

both_engines! {
    /// Every paging and size parameter is bounded at the edge with a French 400 naming it; the
    /// search serves the first 10,000 results only. Ten billion as an offset used to abort the
    /// process (tantivy reserved offset + limit entries).
    async fn paging_parameters_are_bounded_with_a_french_400(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        let window = "10 000 premiers résultats";
        refused(
            s,
            "/api/v1/search?q=migration&offset=10000000000",
            "offset",
            "1 000 000",
        )
        .await;
        refused(
            s,
            "/api/v1/search?q=migration&offset=1000000",
            "offset",
            window,
        )
        .await;
        refused(
            s,
            "/api/v1/search?q=migration&offset=9950&limit=100",
            "offset",
            window,
        )
        .await;
        refused(
            s,
            "/api/v1/search?q=migration&offset=9951",
            "offset",
            window,
        )
        .await;
        refused(s, "/api/v1/search?q=migration&limit=501", "limit", "500").await;
        refused(
            s,
            "/api/v1/search?q=migration&offset=-1",
            "offset",
            "entre 0",
        )
        .await;
        // The last page of the window is served (empty: three meetings).
        let r = api(s, "/api/v1/search?q=reunion&offset=9900&limit=100").await;
        assert_eq!(r["items"].as_array().unwrap().len(), 0, "{r}");
        assert!(r["total"].as_i64().unwrap() > 0, "{r}");
        // The page: 20 results a page, so page 500 is the last within the window.
        refused(s, "/search?q=migration&page=501", "page", window).await;
        refused(
            s,
            "/search?q=migration&page=10000000000",
            "page",
            "numéro de page",
        )
        .await;
        let html = page(s, "/search?q=reunion&page=500").await;
        assert!(html.contains("Aucun résultat"), "{html}");
        // SQL lists: offsets up to a million, pages up to a million.
        for list in ["meetings", "action-points", "recommendations"] {
            let path = format!("/api/v1/{list}?offset=1000001");
            refused(s, &path, "offset", "1 000 000").await;
            refused(
                s,
                &format!("/api/v1/{list}?offset=99999999999999999999"),
                "offset",
                "1 000 000",
            )
            .await;
            refused(s, &format!("/api/v1/{list}?limit=501"), "limit", "500").await;
            let r = api(s, &format!("/api/v1/{list}?offset=1000000&limit=500")).await;
            assert_eq!(r["items"].as_array().unwrap().len(), 0, "{list}: {r}");
            assert!(r["total"].as_i64().unwrap() > 0, "{list}: {r}");
        }
        for list in ["meetings", "actions", "organisations", "recommendations"] {
            refused(
                s,
                &format!("/{list}?page=1000001"),
                "page",
                "numéro de page",
            )
            .await;
            refused(s, &format!("/{list}?page=0"), "page", "numéro de page").await;
            // The last page allowed: empty, answered at once (organisations are sliced in memory).
            let html = page(s, &format!("/{list}?page=1000000")).await;
            assert!(html.contains("<html lang=\"fr\">"));
        }
        // The OpenAPI document states the bounds.
        let doc = api(s, "/api/openapi.json").await;
        for (path, bound) in [
            ("/api/v1/meetings", "1 000 000"),
            ("/api/v1/action-points", "1 000 000"),
            ("/api/v1/recommendations", "1 000 000"),
            ("/api/v1/search", "10 000"),
        ] {
            let offset = doc["paths"][path]["get"]["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == "offset")
                .unwrap_or_else(|| panic!("{path}: no offset"))
                .clone();
            let description = offset["description"].as_str().unwrap_or_default();
            assert!(description.contains(bound), "{path}: {description}");
        }
        // Still serving.
        assert_eq!(s.get("/health").await.status, 200);
    }
}

both_engines! {
    /// Headers on every answer, errors included: Permissions-Policy, no-store on errors, HSTS
    /// behind an HTTPS proxy only, and a long URI answered by the application (414, French, with
    /// the headers) rather than by hyper.
    async fn errors_and_long_uris_carry_the_security_headers(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        // Errors are never cached; public pages keep their caching as before.
        for path in [
            "/nowhere",
            "/api/v1/nowhere",
            "/meetings/999999",
            "/api/v1/meetings/999999",
        ] {
            let r = s.get(path).await;
            assert_eq!(r.status, 404, "{path}");
            assert_secure(path, &r);
            assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        }
        for path in ["/meetings?year=abc", "/api/v1/meetings?year=abc"] {
            let r = s.get(path).await;
            assert_eq!(r.status, 400, "{path}");
            assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        }
        let withheld = s.get(&format!("/meetings/{}/original", f.tahoua)).await;
        assert_eq!(withheld.status, 403);
        assert_eq!(withheld.header("cache-control"), Some("no-store"));
        let home = s.get("/meetings").await;
        assert_eq!(home.status, 200);
        assert_secure("/meetings", &home);
        assert_ne!(home.header("cache-control"), Some("no-store"));
        assert_eq!(
            s.get("/health").await.header("cache-control"),
            Some("no-store")
        );

        // HSTS: only when the reverse proxy says the request came over HTTPS.
        assert_eq!(home.header("strict-transport-security"), None);
        for proto in ["https", "HTTPS", "https, http"] {
            let r = s
                .request("GET", "/meetings", &[("X-Forwarded-Proto", proto)])
                .await;
            assert_eq!(
                r.header("strict-transport-security"),
                Some("max-age=31536000"),
                "{proto}"
            );
        }
        let r = s
            .request("GET", "/nowhere", &[("X-Forwarded-Proto", "https")])
            .await;
        assert_eq!(
            r.header("strict-transport-security"),
            Some("max-age=31536000")
        );
        let r = s
            .request("GET", "/", &[("X-Forwarded-Proto", "http")])
            .await;
        assert_eq!(r.header("strict-transport-security"), None);

        // A URI over 8 KiB: 414 from the application, French, with every header; up to 64 KiB of
        // head hyper lets it through to us.
        let just_right = format!("/search?q={}", "a".repeat(cadre_web::MAX_URI_BYTES - 10));
        assert_eq!(just_right.len(), cadre_web::MAX_URI_BYTES);
        let r = s.get(&just_right).await;
        assert_eq!(r.status, 400, "8 KiB exactly: the q limit, not the URI one");
        for len in [cadre_web::MAX_URI_BYTES + 1, 9 * 1024, 60 * 1024] {
            let long = format!("/search?q={}", "a".repeat(len - 10));
            let r = s.get(&long).await;
            assert_eq!(r.status, 414, "{len}: {}", r.body);
            assert_secure("long URI", &r);
            assert!(r.body.contains("<html lang=\"fr\">"), "{}", r.body);
            assert!(r.body.contains("Adresse trop longue"), "{}", r.body);
            let api_long = format!("/api/v1/search?q={}", "a".repeat(len - 17));
            let r = s.get(&api_long).await;
            assert_eq!(r.status, 414, "{len}");
            assert_secure("long API URI", &r);
            assert!(
                r.json()["error"]
                    .as_str()
                    .unwrap()
                    .contains("adresse trop longue"),
                "{}",
                r.body
            );
        }
        // Beyond 64 KiB of head, hyper answers by itself (431) and closes.
        let huge = format!("/search?q={}", "a".repeat(70 * 1024));
        assert_eq!(s.get(&huge).await.status, 431);
        assert_eq!(s.get("/health").await.status, 200);
    }
}

/// Sends `bytes`, then reads until the server closes; returns what came and when it closed.
async fn until_closed(stream: &mut TcpStream, within: Elapsed) -> (Vec<u8>, Instant) {
    let mut got = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "connection still open after {within:?}: {got:?}"
    );
    (got, Instant::now())
}

async fn half_open(s: &TestServer) -> TcpStream {
    let mut stream = TcpStream::connect(s.addr).await.expect("connect");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: cadre\r\nX-Half: ")
        .await
        .expect("send half a request");
    stream
}

fn short(header_read_ms: u64, idle_ms: u64, max_connections: usize) -> ServerLimits {
    ServerLimits {
        header_read_timeout: Elapsed::from_millis(header_read_ms),
        idle_timeout: Elapsed::from_millis(idle_ms),
        max_connections,
        ..ServerLimits::default()
    }
}

both_engines! {
    /// A client that sends half a request — at once or a byte at a time — is disconnected when the
    /// header timeout fires.
    async fn half_sent_requests_are_disconnected(db: Store) {
        let s = serve(cadre_web::router(db), short(400, 30_000, 16)).await;
        let started = Instant::now();
        let mut stream = half_open(&s).await;
        let (got, closed) = until_closed(&mut stream, Elapsed::from_secs(5)).await;
        let after = closed - started;
        assert!(after >= Elapsed::from_millis(350), "closed after {after:?}");
        assert!(!String::from_utf8_lossy(&got).contains("200 OK"), "{got:?}");

        // Trickling keeps bytes coming but does not reset the header timer.
        let started = Instant::now();
        let mut stream = TcpStream::connect(s.addr).await.unwrap();
        let request = b"GET /health HTTP/1.1\r\nHost: cadre\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
        for byte in request {
            if stream.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Elapsed::from_millis(50)).await;
            if started.elapsed() > Elapsed::from_secs(3) {
                panic!("a trickled request head was still read after 3 s");
            }
        }
        let (got, _) = until_closed(&mut stream, Elapsed::from_secs(5)).await;
        assert!(!String::from_utf8_lossy(&got).contains("200 OK"), "{got:?}");
        assert!(started.elapsed() < Elapsed::from_secs(3));
    }
}

/// Reads one response to `GET /health` on a kept-alive connection.
async fn health_on(stream: &mut TcpStream) {
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: cadre\r\n\r\n")
        .await
        .unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(Elapsed::from_secs(5), stream.read(&mut buf))
            .await
            .expect("a response within 5 s")
            .expect("read");
        assert!(n > 0, "closed before the response: {raw:?}");
        raw.extend_from_slice(&buf[..n]);
        if let Ok((status, _, body)) = parse_response_bytes(&raw)
            && body == b"ok"
        {
            assert_eq!(status, 200);
            return;
        }
    }
}

both_engines! {
    /// A keep-alive connection that sits without a request is closed: by our idle timeout when it
    /// is the shorter, and by hyper's header timer (which restarts when the connection goes idle;
    /// checked here, hyper 1.12) when that is the shorter.
    async fn idle_keep_alive_connections_are_closed(db: Store) {
        for (limits, expected) in [
            (short(30_000, 400, 16), "idle timeout"),
            (short(400, 30_000, 16), "header read timeout"),
        ] {
            let s = serve(cadre_web::router(db.clone()), limits).await;
            let mut stream = TcpStream::connect(s.addr).await.unwrap();
            // Two requests on the connection: it is kept alive between them.
            health_on(&mut stream).await;
            tokio::time::sleep(Elapsed::from_millis(150)).await;
            health_on(&mut stream).await;
            let answered = Instant::now();
            let (got, closed) = until_closed(&mut stream, Elapsed::from_secs(5)).await;
            assert!(got.is_empty(), "{expected}: {got:?}");
            let after = closed - answered;
            assert!(
                after >= Elapsed::from_millis(350) && after < Elapsed::from_secs(4),
                "{expected}: idle connection closed after {after:?}"
            );
        }
    }
}

both_engines! {
    /// With the connection bound at N, N half-open clients hold every slot; a real request waits
    /// in the backlog and is answered once their header timeouts free the slots. With a larger
    /// bound, the server keeps answering while many half-open clients are connected.
    async fn half_open_clients_do_not_starve_real_requests(db: Store) {
        let s = serve(cadre_web::router(db.clone()), short(600, 30_000, 4)).await;
        let mut stalled = Vec::new();
        for _ in 0..4 {
            stalled.push(half_open(&s).await);
        }
        tokio::time::sleep(Elapsed::from_millis(100)).await;
        let started = Instant::now();
        let r = tokio::time::timeout(Elapsed::from_secs(10), s.get("/health"))
            .await
            .expect("answered once the half-open clients timed out");
        assert_eq!((r.status, r.body.as_str()), (200, "ok"));
        let waited = started.elapsed();
        assert!(
            waited >= Elapsed::from_millis(300),
            "answered after {waited:?}: the bound did not hold"
        );

        let s = serve(cadre_web::router(db), short(10_000, 30_000, 64)).await;
        let mut stalled = Vec::new();
        for _ in 0..48 {
            stalled.push(half_open(&s).await);
        }
        for _ in 0..5 {
            let started = Instant::now();
            let r = tokio::time::timeout(Elapsed::from_secs(5), s.get("/health"))
                .await
                .expect("answered while 48 clients are half-open");
            assert_eq!(r.status, 200);
            assert!(started.elapsed() < Elapsed::from_secs(2));
        }
        drop(stalled);
    }
}

both_engines! {
    /// Pages come from memory until the change log moves, whoever writes: the test imports
    /// through its own store, as `cadre import` would from another process.
    async fn pages_are_cached_until_something_changes(db: Store) {
        let writer = db.clone();
        let f = setup(db).await;
        let s = &f.server;
        let first = s.get("/meetings").await;
        assert_eq!(first.status, 200);
        let tag = first.header("etag").expect("an entity tag").to_owned();
        assert!(tag.starts_with("W/\""), "{tag}");
        assert_eq!(first.header("cache-control"), Some("no-cache"));
        let again = s.get("/meetings").await;
        assert_eq!(again.body, first.body, "served from the cache");
        assert_eq!(again.header("etag"), Some(tag.as_str()));
        assert!(
            again.header("content-security-policy").is_some(),
            "a cached answer carries the security headers"
        );

        // The client's copy is still good: 304, no body.
        let unchanged = s
            .request("GET", "/meetings", &[("If-None-Match", tag.as_str())])
            .await;
        assert_eq!(unchanged.status, 304);
        assert!(unchanged.body.is_empty());
        assert_eq!(unchanged.header("etag"), Some(tag.as_str()));
        // The API too.
        let api_tag = s
            .get("/api/v1/meetings")
            .await
            .header("etag")
            .map(str::to_owned)
            .expect("API answers carry a tag");
        assert_eq!(
            s.request("GET", "/api/v1/meetings", &[("If-None-Match", &api_tag)])
                .await
                .status,
            304
        );

        // A change elsewhere: new tag, new page, at once.
        let mut later = zinder();
        later.title = "Réunion ajoutée après la mise en cache".into();
        later.date = d(2024, 1, 11);
        later.source = None;
        writer.meetings().import(&later).await.unwrap();
        let changed = s
            .request("GET", "/meetings", &[("If-None-Match", tag.as_str())])
            .await;
        assert_eq!(changed.status, 200, "the old copy is no longer good");
        assert_ne!(changed.header("etag"), Some(tag.as_str()));
        assert!(changed.body.contains("Réunion ajoutée après la mise en cache"));
        assert!(page(s, "/").await.contains("Réunion ajoutée après la mise en cache"));

        // Gzip and plain answers are kept apart.
        let gzip = s
            .request("GET", "/meetings", &[("Accept-Encoding", "gzip")])
            .await;
        assert_eq!(gzip.header("content-encoding"), Some("gzip"));
        let plain = s.get("/meetings").await;
        assert_eq!(plain.header("content-encoding"), None);
        assert_eq!(plain.body, changed.body);

        // A request with credentials is never served from, nor stored in, the shared cache.
        let private = s
            .request("GET", "/meetings", &[("Cookie", "session=abc")])
            .await;
        assert_eq!(private.status, 200);
        assert_eq!(private.header("etag"), None);
        // Nor is search, whose answers also depend on the index.
        assert_eq!(s.get("/search?q=migrants").await.header("etag"), None);
    }
}
