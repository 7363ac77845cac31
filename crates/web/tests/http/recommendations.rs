//! One recommendation's page: what it says, its session, its follow-up and its earlier forms,
//! for the public only once its minutes are published.

use super::*;

// ---------------------------------------------------------------------------------------------

both_engines! {
    async fn a_recommendation_has_its_own_page(db: Store) {
        let store = db.clone();
        let f = setup(db).await;
        let recs = api(&f.server, &format!("/api/v1/recommendations?meeting={}", f.ccm)).await;
        let id = recs["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["position"] == 2)
            .unwrap()["id"]
            .as_i64()
            .unwrap();
        let list = page(&f.server, "/recommendations").await;
        assert!(list.contains(&format!("href=\"/recommendations/{id}\"")), "{list}");

        let r = f.server.get(&format!("/recommendations/{id}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.body.len() < 50 * 1024, "{} bytes", r.body.len());
        let html = r.body;
        assert!(html.contains("Renforcer la prise en charge des ENA"));
        assert!(html.contains("Capacités d") && html.contains("Ouverture de centres"));
        assert!(html.contains("réunion préparatoire") || html.contains("session nationale du CCM"), "{html}");
        assert!(html.contains(&format!("href=\"/meetings/{}\"", f.ccm)));
        assert!(html.contains("Aucun rapport de mise en œuvre pour l’instant."), "{html}");
        assert!(html.contains("adoptée pour la première fois en 2021"), "{html}");

        // Reported on: the report shows, without its author for the public.
        let tracked = store.recommendations().get(cadre_domain::RecommendationId::new(id)).await.unwrap().unwrap();
        let report = cadre_storage::recommendations::follow_up::ImplementationReport {
            status: cadre_domain::RecommendationStatus::InProgress,
            done: "Deux centres ouverts à Agadez".into(),
            challenges: None,
            perspectives: None,
            reported_on: d(2022, 5, 2),
        };
        store
            .recommendations()
            .report(tracked.recommendation.id, tracked.version, &report, &test_actor(), chrono::Utc::now())
            .await
            .unwrap();
        let html = page(&f.server, &format!("/recommendations/{id}")).await;
        assert!(html.contains("Deux centres ouverts à Agadez"), "{html}");
        assert!(html.contains("en cours"));
        assert!(!html.contains(&test_actor().name), "{html}");

        // English.
        let r = f.server.request("GET", &format!("/recommendations/{id}"), &[("Accept-Language", "en")]).await;
        assert!(r.body.contains("first adopted in 2021"), "{}", r.body);

        assert_eq!(f.server.get("/recommendations/999999").await.status, 404);
        assert_eq!(f.server.get("/recommendations/abc").await.status, 400);
    }
}

both_engines! {
    async fn an_unpublished_recommendation_is_not_public(db: Store) {
        let mut draft = ccm_session();
        draft.title = "Rapport de la 7e session du CCM".into();
        draft.date = d(2023, 7, 1);
        for r in &mut draft.recommendations {
            r.roadmap = "2023".into();
        }
        let id = db.meetings().import(&draft, &test_actor()).await.unwrap().meeting_id();
        let recs = db
            .recommendations()
            .list(&cadre_storage::RecommendationFilter { meeting: Some(id), audience: cadre_domain::Audience::Internal, ..Default::default() })
            .await
            .unwrap();
        let f = setup(db).await;
        let r = f.server.get(&format!("/recommendations/{}", recs.items[0].id)).await;
        assert_eq!(r.status, 404);
    }
}

// ---------------------------------------------------------------------------------------------
// Writing: who may report, tie, decide and withdraw, over real HTTP with real sessions.

use cadre_domain::account::Role;
use cadre_domain::{RecommendationId, RecommendationStatus};
use cadre_testkit::server::Browser;

/// A CRCM Tahoua session whose first recommendation repeats the CCM's second.
fn crcm_tahoua() -> NewMeeting {
    let mut m = blank(
        NewBody::crcm("Tahoua"),
        MeetingKind::SessionReport,
        "Rapport de la session du CRCM de Tahoua",
        d(2023, 3, 10),
    );
    m.recommendations = vec![NewRecommendation {
        roadmap: "2023".into(),
        position: 1,
        text: "Renforcer la prise en charge des ENA dans la région".into(),
        scope: RecommendationScope::General,
        thematic_group: None,
        implementation_status: None,
        challenges: None,
        perspectives: None,
        pnm: None,
    }];
    m
}

struct Site {
    server: TestServer,
    db: Store,
    /// The CCM's "Renforcer la prise en charge des ENA".
    national: RecommendationId,
    /// The CRCM Tahoua's.
    regional: RecommendationId,
    /// "Partager la fiche d'orientation", GTM Tahoua.
    point: cadre_domain::ActionPointId,
}

async fn recommendation_of(db: &Store, meeting: MeetingId, position: u32) -> RecommendationId {
    db.recommendations()
        .list(&cadre_storage::RecommendationFilter {
            meeting: Some(meeting),
            audience: cadre_domain::Audience::Internal,
            ..Default::default()
        })
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|r| r.position == position)
        .unwrap()
        .id
}

async fn site(db: Store) -> Site {
    let tahoua = import_published(&db, &tahoua()).await;
    let ccm = import_published(&db, &ccm_session()).await;
    let crcm = import_published(&db, &crcm_tahoua()).await;
    let point = db.meetings().get(tahoua).await.unwrap().unwrap().agenda[1].action_points[0].id;
    use super::accounts::add;
    add(&db, "admin", Role::Administrator, None, None).await;
    add(&db, "sp", Role::Secretariat, None, None).await;
    add(
        &db,
        "fp.tahoua",
        Role::RegionalFocalPoint,
        None,
        Some("Tahoua"),
    )
    .await;
    add(
        &db,
        "fp.zinder",
        Role::RegionalFocalPoint,
        None,
        Some("Zinder"),
    )
    .await;
    add(&db, "oim", Role::PartnerEditor, Some("OIM"), None).await;
    add(&db, "hcr", Role::PartnerEditor, Some("HCR"), None).await;
    add(&db, "lecteur", Role::InternalReader, None, None).await;
    let state = cadre_web::AppState::new(db.clone(), cadre_web::Search::in_memory().unwrap());
    let server = serve(cadre_web::router_for(state), ServerLimits::default()).await;
    Site {
        national: recommendation_of(&db, ccm, 2).await,
        regional: recommendation_of(&db, crcm, 1).await,
        point,
        server,
        db,
    }
}

async fn signed_in(site: &Site, name: &str) -> Browser {
    let mut b = Browser::new(&site.server);
    b.sign_in(name, super::accounts::PASSWORD).await;
    b
}

async fn version(site: &Site, id: RecommendationId) -> String {
    site.db
        .recommendations()
        .get(id)
        .await
        .unwrap()
        .unwrap()
        .version
        .to_string()
}

async fn report_on(site: &Site, b: &mut Browser, id: RecommendationId, done: &str) -> TestResponse {
    let csrf = b.get("/account").await.hidden_field("csrf").unwrap();
    let v = version(site, id).await;
    b.post(
        &format!("/recommendations/{id}/reports"),
        &[
            ("csrf", &csrf),
            ("version", &v),
            ("status", "in_progress"),
            ("done", done),
            ("reported_on", "2024-01-15"),
        ],
    )
    .await
}

both_engines! {
    async fn each_role_reports_ties_and_decides_what_it_should(db: Store) {
        let site = site(db).await;
        let link = site.db.recommendations().links_of(site.regional).await.unwrap();
        let link = link.iter().find(|l| l.earlier == site.national && l.state == "proposed").expect("the CRCM's repeat is proposed as a later form").id;
        // Before anyone answers for it, only the secretariat reports on the national one.
        let mut oim = signed_in(&site, "oim").await;
        assert_eq!(report_on(&site, &mut oim, site.national, "trop tôt").await.status, 403);

        // (account, sets ties, reports on the national one once OIM answers for it, on the
        //  CRCM Tahoua's, ties the Tahoua action point)
        let matrix = [
            ("admin", true, true, true, true),
            ("sp", true, true, true, true),
            ("fp.tahoua", false, false, true, true),
            ("fp.zinder", false, false, false, false),
            ("oim", false, true, false, false),
            ("hcr", false, false, false, false),
            ("lecteur", false, false, false, false),
        ];
        for (name, aligns, national, regional, ties) in matrix {
            let mut b = signed_in(&site, name).await;
            let csrf = b.get("/account").await.hidden_field("csrf").unwrap();
            let page = b.get(&format!("/recommendations/{}", site.national)).await;
            assert_eq!(page.body.contains("/alignment\""), aligns, "{name}: the alignment form only for those who may use it");
            // Ties: OIM responsible, HCR partner, PNM 2.1, objectives 7 and 12.
            let v = version(&site, site.national).await;
            let r = b.post(&format!("/recommendations/{}/alignment", site.national), &[("csrf", &csrf), ("version", &v), ("responsible", "oim"), ("partners", "HCR"), ("pnm", "2.1"), ("objective", "7"), ("objective", "12"), ("target_date", "2025-12-31")]).await;
            assert_eq!(r.status, if aligns { 303 } else { 403 }, "{name} align: {}", r.body);
            if aligns {
                let a = site.db.recommendations().alignment(site.national).await.unwrap();
                assert_eq!(a.responsible.iter().map(|o| o.short()).collect::<Vec<_>>(), ["OIM"], "{name}");
                assert_eq!(a.partners.iter().map(|o| o.short()).collect::<Vec<_>>(), ["HCR"]);
                assert_eq!(a.pnm.map(|p| p.to_string()).as_deref(), Some("2.1"));
                assert_eq!(a.objectives.iter().map(|o| o.get()).collect::<Vec<_>>(), [7, 12]);
                assert_eq!(a.target_date, Some(d(2025, 12, 31)));
            }
            let page = b.get(&format!("/recommendations/{}", site.national)).await;
            assert_eq!(page.body.contains("/reports\""), national, "{name}: the report form only for those who may use it");
            for (id, may) in [(site.national, national), (site.regional, regional)] {
                let before = site.db.recommendations().reports(id).await.unwrap().len();
                let r = report_on(&site, &mut b, id, &format!("rapport de {name}")).await;
                let after = site.db.recommendations().reports(id).await.unwrap().len();
                assert_eq!(r.status, if may { 303 } else { 403 }, "{name} report on {id}: {}", r.body);
                assert_eq!(after, before + usize::from(may), "{name}");
                if !may {
                    assert!(r.body.contains("Action non autorisée"), "{name}");
                }
            }
            // Withdrawing and restoring a report, deciding an earlier form: the secretariat.
            let secretariat = matches!(name, "admin" | "sp");
            let first = site.db.recommendations().reports(site.national).await.unwrap()[0].id;
            for action in ["withdraw", "restore"] {
                let v = version(&site, site.national).await;
                let r = b.post(&format!("/recommendations/{}/reports/{first}/{action}", site.national), &[("csrf", &csrf), ("version", &v)]).await;
                assert_eq!(r.status, if secretariat { 303 } else { 403 }, "{name} {action}: {}", r.body);
            }
            assert!(!site.db.recommendations().reports(site.national).await.unwrap()[0].withdrawn, "{name}: restored");
            let r = b.post(&format!("/recommendations/{}/links/{link}", site.regional), &[("csrf", &csrf), ("decision", "confirm")]).await;
            assert_eq!(r.status, if secretariat { 303 } else { 403 }, "{name} decide: {}", r.body);
            // Tying the Tahoua action point to the national recommendation.
            let point = b.get(&format!("/actions/{}", site.point)).await;
            assert_eq!(point.body.contains("/recommendation\""), ties, "{name}: the tie form only for those who may use it");
            let v = site.db.action_points().get(site.point).await.unwrap().unwrap().version.to_string();
            let r = b.post(&format!("/actions/{}/recommendation", site.point), &[("csrf", &csrf), ("version", &v), ("recommendation", "other"), ("other", &site.national.to_string())]).await;
            assert_eq!(r.status, if ties { 303 } else { 403 }, "{name} tie: {}", r.body);
        }
        // The public: every write sends to the sign-in form and changes nothing.
        let reports = site.db.recommendations().reports(site.national).await.unwrap().len();
        for path in [
            format!("/recommendations/{}/reports", site.national),
            format!("/recommendations/{}/reports/1/withdraw", site.national),
            format!("/recommendations/{}/reports/1/restore", site.national),
            format!("/recommendations/{}/links/{link}", site.regional),
            format!("/recommendations/{}/alignment", site.national),
            format!("/actions/{}/recommendation", site.point),
        ] {
            let r = site.server.post_form(&path, &[], &[("csrf", ""), ("version", "1"), ("status", "done"), ("done", "x"), ("decision", "reject"), ("responsible", "HCR"), ("recommendation", "none")]).await;
            assert_eq!((r.status, r.header("location")), (303, Some("/login")), "POST {path}: {}", r.body);
        }
        assert_eq!(site.db.recommendations().reports(site.national).await.unwrap().len(), reports);
        // Every change is on record, with who made it.
        let audit = site.db.audit().history(cadre_storage::RecordKind::Recommendation, site.national.get()).await.unwrap();
        let actors: std::collections::BTreeSet<&str> = audit.iter().map(|e| e.actor.as_str()).collect();
        assert_eq!(actors, ["admin", "oim", "sp"].into_iter().collect());
        let tie = site.db.audit().history(cadre_storage::RecordKind::ActionPoint, site.point.get()).await.unwrap();
        assert!(tie.iter().any(|e| e.action == "serve_recommendation" && e.actor == "fp.tahoua"));

        // The public page: who answers for it, what it serves, the action point serving it.
        let html = page(&site.server, &format!("/recommendations/{}", site.national)).await;
        assert!(html.contains(">OIM</a>") && html.contains(">HCR</a>"), "{html}");
        assert!(html.contains("2.1 – "), "{html}");
        assert!(html.contains("7 – ") && html.contains("12 – "), "{html}");
        assert!(html.contains("Partager la fiche"), "the serving point: {html}");
        assert!(html.contains("rapport de oim") && !html.contains("par oim"), "reports without their authors for the public");
        assert!(!html.contains("/alignment\"") && !html.contains("/reports\""), "no forms for the public");
        assert_eq!(site.db.recommendations().get(site.national).await.unwrap().unwrap().recommendation.status, Some(RecommendationStatus::InProgress));
        // The CRCM's page shows its confirmed earlier form, and its age counts it.
        let html = page(&site.server, &format!("/recommendations/{}", site.regional)).await;
        assert!(html.contains(&format!("href=\"/recommendations/{}\"", site.national)), "{html}");
        assert!(html.contains("2 sessions") && html.contains("2021"), "{html}");
        let point = page(&site.server, &format!("/actions/{}", site.point)).await;
        assert!(point.contains(&format!("href=\"/recommendations/{}\"", site.national)), "{point}");
    }

    async fn refused_saves_say_why_and_keep_what_was_typed(db: Store) {
        let site = site(db).await;
        let mut sp = signed_in(&site, "sp").await;
        let mut other = signed_in(&site, "admin").await;
        let path = format!("/recommendations/{}", site.national);
        let (a, b) = (sp.get(&path).await, other.get(&path).await);
        let va = a.hidden_field("version").unwrap();
        let csrf_a = a.hidden_field("csrf").unwrap();
        let csrf_b = b.hidden_field("csrf").unwrap();
        // Unknown organisation, PNM code and objective: named, nothing saved, text kept.
        let r = sp.post(&format!("{path}/alignment"), &[("csrf", &csrf_a), ("version", &va), ("responsible", "OIM, Ministère imaginaire"), ("pnm", "9.9"), ("objective", "24")]).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("Ministère imaginaire") && r.body.contains("9.9") && r.body.contains("24"), "{}", r.body);
        assert!(r.body.contains("value=\"OIM, Ministère imaginaire\""), "{}", r.body);
        assert!(site.db.recommendations().alignment(site.national).await.unwrap().responsible.is_empty());
        // Two reports made on the same version: the second is refused and shown what changed.
        let r = sp.post(&format!("{path}/reports"), &[("csrf", &csrf_a), ("version", &va), ("status", "implemented"), ("done", "Trois centres ouverts")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let r = other.post(&format!("{path}/reports"), &[("csrf", &csrf_b), ("version", &va), ("status", "in_progress"), ("done", "Recrutement des éducateurs")]).await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains("Trois centres ouverts"), "what changed is shown");
        assert!(r.body.contains(">Recrutement des éducateurs</textarea>"), "the text is kept");
        // A report needs a status, what was done, and a date between adoption and today.
        let v = version(&site, site.national).await;
        for (fields, expect) in [
            (vec![("status", ""), ("done", "x")], "Choisissez un statut"),
            (vec![("status", "done_or_not"), ("done", "x")], "Choisissez un statut"),
            (vec![("status", "in_progress"), ("done", "  ")], "état de mise en œuvre"),
            (vec![("status", "in_progress"), ("done", "x"), ("reported_on", "2020-01-01")], "entre l’adoption"),
            (vec![("status", "in_progress"), ("done", "x"), ("reported_on", "hier")], "Date illisible"),
        ] {
            let mut form = vec![("csrf", csrf_a.as_str()), ("version", v.as_str())];
            form.extend(fields);
            let r = sp.post(&format!("{path}/reports"), &form).await;
            assert_eq!(r.status, 422, "{form:?}: {}", r.body);
            assert!(r.body.contains(expect), "{form:?}: {}", r.body);
        }
        assert_eq!(site.db.recommendations().reports(site.national).await.unwrap().len(), 1);
        // Tying to a recommendation that does not exist.
        let pv = site.db.action_points().get(site.point).await.unwrap().unwrap().version.to_string();
        let r = sp.post(&format!("/actions/{}/recommendation", site.point), &[("csrf", &csrf_a), ("version", &pv), ("recommendation", "other"), ("other", "999999")]).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("Aucune recommandation ne porte ce numéro"), "{}", r.body);
        // The point's page proposes the recommendations most like it.
        let page = sp.get(&format!("/actions/{}", site.point)).await;
        assert!(page.body.contains("name=\"recommendation\""), "{}", page.body);
    }
}

both_engines! {
    async fn the_list_filters_and_the_matrix_counts(db: Store) {
        let site = site(db).await;
        let sp = cadre_domain::Actor::command_line("test");
        let orgs = site.db.organisations().list(cadre_domain::Audience::Internal).await.unwrap();
        let oim = orgs.iter().find(|o| o.organisation.acronym.as_deref() == Some("OIM")).unwrap().organisation.id;
        let tracked = site.db.recommendations().get(site.national).await.unwrap().unwrap();
        let ties = cadre_storage::recommendations::alignment::NewAlignment {
            responsible: vec![oim],
            pnm: cadre_domain::PnmCode::parse("2.1"),
            objectives: vec![cadre_domain::GcmObjectiveNumber::new(7).unwrap()],
            ..Default::default()
        };
        let tracked = site.db.recommendations().align(site.national, tracked.version, &ties, &sp, chrono::Utc::now()).await.unwrap();
        let report = cadre_storage::recommendations::follow_up::ImplementationReport {
            status: RecommendationStatus::InProgress,
            done: "Deux centres ouverts".into(),
            challenges: None,
            perspectives: None,
            reported_on: today() - Duration::days(400),
        };
        site.db.recommendations().report(site.national, tracked.version, &report, &sp, chrono::Utc::now()).await.unwrap();

        let national = "Renforcer la prise en charge des ENA</a>";
        let regional = "Renforcer la prise en charge des ENA dans la région";
        let general = "Tenir régulièrement les sessions du CCM";
        for (query, expected) in [
            (format!("organisation={oim}"), vec![national]),
            ("pnm=2".to_owned(), vec![national]),
            ("pnm=2.1".to_owned(), vec![national]),
            ("pnm=2.2".to_owned(), vec![]),
            ("objective=7".to_owned(), vec![national]),
            ("status=in_progress".to_owned(), vec![national]),
            ("status=none".to_owned(), vec![regional, general]),
            // No progress for a year: everything still to do; the report was 400 days ago.
            ("stalled=1".to_owned(), vec![national, regional, general]),
            ("stalled=2".to_owned(), vec![regional, general]),
        ] {
            let html = page(&site.server, &format!("/recommendations?{query}")).await;
            for text in [national, regional, general] {
                assert_eq!(html.contains(text), expected.contains(&text), "{query}: {text}");
            }
        }
        for bad in ["status=fini", "pnm=7", "objective=24", "stalled=0", "session=x"] {
            let r = site.server.get(&format!("/recommendations?{bad}")).await;
            assert_eq!(r.status, 400, "{bad}");
            assert!(r.body.contains(bad.split('=').next().unwrap()), "{bad}: the parameter is named");
        }
        // The API takes the same filters.
        let json = api(&site.server, "/api/v1/recommendations?status=in_progress").await;
        assert_eq!(json["total"], 1);
        assert_eq!(json["items"][0]["id"], site.national.get());

        // The matrix: general ones and Protection, by status, each count a link to its list.
        let html = page(&site.server, "/recommendations/roadmap").await;
        assert!(html.len() < 50 * 1024);
        assert!(html.contains("<svg class=\"chart\""), "{html}");
        assert!(html.contains("3 recommandations"), "{html}");
        let row = |label: &str| {
            let start = html.find(&format!("<th scope=\"row\">{label}</th>")).unwrap_or_else(|| panic!("{label}: {html}"));
            html[start..].split("</tr>").next().unwrap().to_owned()
        };
        let general_row = row("Recommandations générales");
        let numbers = |row: &str| -> Vec<i64> {
            row.split("<td").skip(1).map(|c| {
                let text: String = c.chars().filter(|ch| ch.is_ascii_digit() || *ch == '<' || *ch == '>').collect();
                text.split(['<', '>']).filter_map(|p| p.parse().ok()).next_back().unwrap_or(-1)
            }).collect()
        };
        // Columns: no report, not started, in progress, implemented, abandoned, to reformulate, total.
        assert_eq!(numbers(&general_row), [2, 0, 0, 0, 0, 0, 2], "{general_row}");
        let protection = row("Protection");
        assert_eq!(numbers(&protection), [0, 0, 1, 0, 0, 0, 1], "{protection}");
        assert!(protection.contains("thematic_group=Protection&#38;status=in_progress"), "{protection}");
        // The matrix is remembered, and forgotten as soon as a report changes a status.
        let tracked = site.db.recommendations().get(site.national).await.unwrap().unwrap();
        let done = cadre_storage::recommendations::follow_up::ImplementationReport {
            status: RecommendationStatus::Implemented,
            done: "Trois centres ouverts".into(),
            challenges: None,
            perspectives: None,
            reported_on: today(),
        };
        site.db.recommendations().report(site.national, tracked.version, &done, &sp, chrono::Utc::now()).await.unwrap();
        let html = page(&site.server, "/recommendations/roadmap?stalled=").await;
        let start = html.find("<th scope=\"row\">Protection</th>").unwrap();
        let protection = html[start..].split("</tr>").next().unwrap().to_owned();
        assert_eq!(numbers(&protection), [0, 0, 0, 1, 0, 0, 1], "{protection}");
        // Filtered by session, only that session's.
        let crcm = site.db.recommendations().get(site.regional).await.unwrap().unwrap().recommendation.session_id;
        let html = page(&site.server, &format!("/recommendations/roadmap?session={crcm}")).await;
        assert!(html.contains("1 recommandation<") || html.contains("1 recommandation "), "{html}");
    }
}

both_engines! {
    async fn the_implementation_table_and_the_alignment_report(db: Store) {
        let site = site(db).await;
        let sp = cadre_domain::Actor::command_line("test");
        let orgs = site.db.organisations().list(cadre_domain::Audience::Internal).await.unwrap();
        let oim = orgs.iter().find(|o| o.organisation.acronym.as_deref() == Some("OIM")).unwrap().organisation.id;
        let tracked = site.db.recommendations().get(site.national).await.unwrap().unwrap();
        let ties = cadre_storage::recommendations::alignment::NewAlignment {
            responsible: vec![oim],
            pnm: cadre_domain::PnmCode::parse("2.1"),
            objectives: vec![cadre_domain::GcmObjectiveNumber::new(7).unwrap(), cadre_domain::GcmObjectiveNumber::new(12).unwrap()],
            ..Default::default()
        };
        let tracked = site.db.recommendations().align(site.national, tracked.version, &ties, &sp, chrono::Utc::now()).await.unwrap();
        let report = cadre_storage::recommendations::follow_up::ImplementationReport {
            status: RecommendationStatus::Implemented,
            done: format!("Trois centres ouverts ; joindre {PHONE}"),
            challenges: Some("Personnel qualifié".into()),
            perspectives: None,
            reported_on: d(2024, 6, 1),
        };
        site.db.recommendations().report(site.national, tracked.version, &report, &sp, chrono::Utc::now()).await.unwrap();

        // Word: grouped like the session reports, the latest report in its row, no contact.
        let docx = site.server.get("/recommendations.docx").await;
        assert_eq!(docx.status, 200);
        assert_eq!(docx.header("content-type"), Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        let body = super::outputs::part(&docx.bytes, "word/document.xml");
        assert!(body.contains("État de mise en œuvre des recommandations"), "{body}");
        let table = body.find("<w:tbl>").expect("a table");
        for text in ["Renforcer la prise en charge des ENA", "Trois centres ouverts", "Personnel qualifié", "OIM", "mise en œuvre", "Mobilisation des ressources"] {
            assert!(body[table..].contains(text), "{text}");
        }
        assert!(!body.contains(PHONE_DIGITS) && !body.contains(PHONE), "no contact leaves");
        // Excel and CSV: one row per recommendation, every field in its column.
        let xlsx = site.server.get("/recommendations.xlsx?status=implemented").await;
        assert_eq!(xlsx.status, 200);
        let strings = super::outputs::part(&xlsx.bytes, "xl/sharedStrings.xml");
        assert!(strings.contains("Trois centres ouverts") && strings.contains("2.1 – "), "{strings}");
        assert!(!strings.contains("Tenir régulièrement"), "the filter applies");
        let csv = site.server.get("/recommendations.csv").await;
        let text = String::from_utf8(csv.bytes.clone()).unwrap();
        assert_eq!(text.lines().count(), 4, "a header and three recommendations: {text}");
        let national = text.lines().find(|l| l.contains("Trois centres")).unwrap();
        assert!(national.contains("\"7, 12\"") && national.contains("2024-06-01") && national.contains(&format!("/recommendations/{}", site.national)), "{national}");
        assert!(!text.contains(PHONE_DIGITS));
        // PDF, read back.
        let pdf = site.server.get("/recommendations.pdf").await;
        assert_eq!((pdf.status, pdf.header("content-type")), (200, Some("application/pdf")));
        let read = cadre_ingest::read_text("etat.pdf", &pdf.bytes, &Default::default()).unwrap().text;
        assert!(read.contains("Trois centres ouverts"), "{read}");
        // English.
        let en = site.server.request("GET", "/recommendations.docx", &[("Accept-Language", "en")]).await;
        assert!(super::outputs::part(&en.bytes, "word/document.xml").contains("Implementation of recommendations"));

        // The alignment report: objectives 7 and 12 served (one implemented), the others nobody's.
        let html = page(&site.server, "/recommendations/alignment").await;
        assert!(html.len() < 50 * 1024);
        assert!(html.contains("Objectifs que personne ne sert"), "{html}");
        let nobody = html.split("Objectifs que personne ne sert").nth(1).unwrap().split('.').next().unwrap().to_owned();
        assert!(nobody.contains("1, 2, 3, 4, 5, 6, 8,") && !nobody.contains(" 7,") && !nobody.contains(" 12,"), "{nobody}");
        assert!(html.contains("2 recommandations ne sont rattachées à aucun objectif"), "{html}");
        let row = |label: &str| {
            let label = format!("<th scope=\"row\">{label}");
            html[html.find(&label).unwrap_or_else(|| panic!("{label}"))..].split("</tr>").next().unwrap().to_owned()
        };
        let sub = row("2.1 – ");
        assert!(sub.contains(">1</a>") && sub.contains(">1</td>"), "{sub}");
        assert!(row("2.2 – ").contains("aucune"));
        assert!(html.contains("pnm=2.1"), "each count links to its list");
    }
}

/// GTM Agadez minutes in the canevas, the CRCM's synthesis annexed, its headings with lost
/// spaces as some PDFs give them.
const GTM_WITH_ANNEX: &str = "COMPTE RENDU DE LA RÉUNION DU GTM AGADEZ\n\
Date : 14 février 2023\nHeure : 10h00 – 12h30\nLieu : Gouvernorat d'Agadez\n\
Présence : OIM, HCR, DRECM-R Agadez\n\
Points inscrits à l'ordre du jour\n- 1- Restitution du CRCM ;\n\
1. Restitution du CRCM\nPoints de discussion clés\nLe secrétariat a présenté la synthèse du CRCM.\n\
Le rapporteur : Ibrahim Ousmane\n\
ANNEXE : SYNTHÈSE DES RECOMMANDATIONS DU CRCM D'AGADEZ DU 26 JANVIER 2023\n\
I.Recommandationsgénérales\n1. Tenir le CRCM chaque année ;\n\
2. Impliquer les collectivités territoriales dans la\nmise en œuvre de la PNM ;\n\
II.Recommandationsspécifiques\nAxe1:Exploitationdespotentialitésetopportunitéséconomiques\n\
1. Financer des activités génératrices de revenus pour les jeunes de la région\n\
Axe2:Protectionetassistanceauxmigrants\n1. Renforcer le mécanisme de référencement des migrants vulnérables\n";

both_engines! {
    async fn a_crcm_synthesis_annexed_to_gtm_minutes_is_filed_under_the_crcm(db: Store) {
        let read = cadre_ingest::read_document("gtm-agadez.txt", GTM_WITH_ANNEX.as_bytes(), &Default::default()).unwrap();
        let m = read.meeting;
        assert_eq!(m.body.code, "gtm-agadez", "{:?}", m.body);
        assert_eq!(m.recommendations.len(), 4, "{:?}", m.recommendations);
        assert!(m.agenda.iter().all(|a| !a.discussion.contains("Financer")), "the annex is not in the minutes");
        assert_eq!(m.date, d(2023, 2, 14));
        let id = import_published(&db, &m).await;
        let recs = db.recommendations().list(&cadre_storage::RecommendationFilter { meeting: Some(id), audience: cadre_domain::Audience::Internal, ..Default::default() }).await.unwrap().items;
        assert_eq!(recs.len(), 4);
        assert!(recs.iter().all(|r| r.body == "CRCM Agadez" && r.roadmap == "2023"), "{recs:?}");
        let session = db.recommendations().session(recs[0].session_id).await.unwrap().unwrap();
        assert_eq!(session.kind, cadre_domain::SessionKind::RegionalSession);
        assert_eq!(session.date, Some(d(2023, 1, 26)));
        assert_eq!(session.meeting_id, None, "the CRCM's own report is not in Cadre");
        let financer = recs.iter().find(|r| r.text.starts_with("Financer")).unwrap();
        assert_eq!(db.recommendations().alignment(financer.id).await.unwrap().pnm.map(|p| p.to_string()).as_deref(), Some("1"));
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;
        // The matrix groups them by axis.
        let html = page(&server, &format!("/recommendations/roadmap?session={}", session.id)).await;
        assert!(html.contains("Axe 1 de la PNM") && html.contains("Recommandations générales"), "{html}");
        let html = page(&server, "/recommendations?pnm=2").await;
        assert!(html.contains("Renforcer le mécanisme de référencement"), "{html}");
    }
}

both_engines! {
    async fn the_api_follows_one_recommendation_and_lists_public_sessions(db: Store) {
        let site = site(db.clone()).await;
        let sp = cadre_domain::Actor::command_line("test");
        let tracked = site.db.recommendations().get(site.national).await.unwrap().unwrap();
        let report = cadre_storage::recommendations::follow_up::ImplementationReport {
            status: RecommendationStatus::InProgress,
            done: format!("Deux centres ; joindre {PHONE}"),
            challenges: None,
            perspectives: None,
            reported_on: d(2024, 1, 15),
        };
        site.db.recommendations().report(site.national, tracked.version, &report, &sp, chrono::Utc::now()).await.unwrap();
        let json = api(&site.server, &format!("/api/v1/recommendations/{}", site.national)).await;
        assert_eq!(json["recommendation"]["status"], "in_progress", "{json}");
        assert_eq!(json["session"]["body"], "CCM");
        assert_eq!(json["reports"][0]["reported_on"], "2024-01-15");
        assert!(!json.to_string().contains(PHONE_DIGITS) && !json.to_string().contains("\"actor\""), "{json}");
        assert_eq!(site.server.get("/api/v1/recommendations/999999").await.status, 404);
        // A draft session report's session is not public.
        let mut draft = ccm_session();
        draft.title = "Rapport de la 9e session du CCM (projet)".into();
        draft.date = d(2024, 7, 1);
        for r in &mut draft.recommendations {
            r.roadmap = "2024".into();
        }
        db.meetings().import(&draft, &test_actor()).await.unwrap();
        let sessions = api(&site.server, "/api/v1/sessions").await;
        let titles: Vec<&str> = sessions.as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
        assert!(titles.contains(&"Rapport de la 6e session du CCM"), "{titles:?}");
        assert!(!titles.iter().any(|t| t.contains("projet")), "{titles:?}");
        let list = page(&site.server, "/recommendations").await;
        assert!(!list.contains("(projet)"), "nor in the public filter");
        // The OpenAPI document describes them.
        let doc = api(&site.server, "/api/openapi.json").await;
        assert!(doc["paths"]["/api/v1/recommendations/{id}"].is_object() && doc["paths"]["/api/v1/sessions"].is_object());
    }
}
