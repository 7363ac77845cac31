//! Recommendations: filters and order.

use super::*;

both_engines! {
    async fn recommendations_filter_and_sort(db: Store) {
        let rec = |roadmap: &str, position: u32, group: Option<&str>| NewRecommendation {
            roadmap: roadmap.into(),
            position,
            text: format!("R{roadmap}-{position}"),
            scope: if group.is_some() {
                RecommendationScope::Specific
            } else {
                RecommendationScope::General
            },
            thematic_group: group.map(Into::into),
            implementation_status: None,
            challenges: None,
            perspectives: Some("P".into()),
            pnm: None,
        };
        let mut old = bare(NewBody::ccm(), d(2021, 12, 1), Some("rec-old"));
        old.kind = MeetingKind::SessionReport;
        old.recommendations = vec![rec("2018", 2, None), rec("2018", 1, Some("Protection"))];
        let mut new = bare(NewBody::ccm(), d(2023, 12, 1), Some("rec-new"));
        new.kind = MeetingKind::SessionReport;
        new.recommendations = vec![
            rec("2021", 2, Some("Protection")),
            rec("2018", 3, None),
            rec("2021", 1, Some("Economie alternative")),
        ];
        let id_old = db.meetings().import(&old, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let id_new = db.meetings().import(&new, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();

        let texts = |p: &cadre_storage::Page<cadre_domain::Recommendation>| {
            p.items.iter().map(|r| r.text.clone()).collect::<Vec<_>>()
        };
        let all = db
            .recommendations().list(&RecommendationFilter { audience: Audience::Internal, ..Default::default() })
            .await
            .unwrap();
        assert_eq!(all.total, 5);
        assert_eq!(
            texts(&all),
            vec!["R2018-3", "R2021-1", "R2021-2", "R2018-1", "R2018-2"]
        );
        assert_eq!(all.items[0].meeting_id, Some(id_new));
        assert_eq!(all.items[0].body, "CCM");
        assert_eq!(all.items[1].scope, RecommendationScope::Specific);
        assert_eq!(all.items[1].perspectives.as_deref(), Some("P"));

        let of_old = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                meeting: Some(id_old),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&of_old), vec!["R2018-1", "R2018-2"]);
        let roadmap = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                roadmap: Some("2018".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&roadmap), vec!["R2018-3", "R2018-1", "R2018-2"]);
        let group = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                thematic_group: Some("Protection".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&group), vec!["R2021-2", "R2018-1"]);
        let paged = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                paging: Paging::page(2, 1),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            (paged.total, texts(&paged)),
            (5, vec!["R2021-1".to_string(), "R2021-2".to_string()])
        );
        assert_eq!(db.totals(Audience::Internal).await.unwrap().recommendations, 5);
    }
}

/// Seed 002, read as `cadre import` reads it.
fn seed_002() -> NewMeeting {
    let path = cadre_testkit::seed("002");
    let bytes = std::fs::read(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    cadre_ingest::read_document(&name, &bytes, &cadre_ingest::ReadOptions::default())
        .unwrap()
        .meeting
}

/// The repeats of seed 002 labelled by hand (`crates/testkit/data/seed002_recurrences.tsv`),
/// as (later, earlier) pairs written ROADMAP:POSITION.
fn labelled_repeats() -> std::collections::HashSet<(String, String)> {
    include_str!("../../../testkit/data/seed002_recurrences.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("later"))
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
        .collect()
}

both_engines! {
    async fn a_session_report_files_each_table_under_its_session(db: Store) {
        let meeting = seed_002();
        let by = cadre_domain::Actor::command_line("test");
        let id = db.meetings().import(&meeting, &by).await.unwrap().meeting_id();

        // The meeting adopts the 2021 roadmap; the 2018 roadmap, whose implementation it
        // reviews, belongs to an earlier session known by its roadmap only.
        let sessions = db.recommendations().sessions(cadre_domain::Audience::Internal).await.unwrap();
        assert_eq!(sessions.len(), 2, "{sessions:?}");
        let (new, old) = (&sessions[0], &sessions[1]);
        assert_eq!(
            (new.roadmap.as_str(), new.meeting_id, new.date, new.number, new.kind),
            ("2021", Some(id), Some(d(2021, 7, 23)), None, cadre_domain::SessionKind::PreparatoryMeeting)
        );
        assert_eq!(
            (old.roadmap.as_str(), old.meeting_id, old.date, old.year, old.kind),
            ("2018", None, None, Some(2018), cadre_domain::SessionKind::NationalSession)
        );

        let all = db
            .recommendations()
            .list(&RecommendationFilter { audience: Audience::Internal, paging: Paging::page(200, 0), ..Default::default() })
            .await
            .unwrap();
        assert_eq!(all.total, 81);
        let of = |roadmap: &str| all.items.iter().filter(|r| r.roadmap == roadmap).collect::<Vec<_>>();
        assert!(of("2018").iter().all(|r| r.session_id == old.id));
        assert!(of("2021").iter().all(|r| r.session_id == new.id));
        // Each "état de mise en œuvre" is a report dated from the meeting that presented it;
        // only "A reformuler" says a status.
        assert!(of("2018").iter().all(|r| r.implementation_status.is_some()));
        assert!(of("2021").iter().all(|r| r.implementation_status.is_none() && r.status.is_none()));
        let with_status: Vec<_> = of("2018").into_iter().filter(|r| r.status.is_some()).collect();
        assert_eq!(with_status.len(), 1);
        assert_eq!(with_status[0].status, Some(cadre_domain::RecommendationStatus::ToReformulate));
        assert_eq!(with_status[0].status_date, Some(d(2021, 7, 23)));

        // Earlier forms proposed, against the hand-made labels.
        let key: std::collections::HashMap<_, _> = all
            .items
            .iter()
            .map(|r| (r.id, format!("{}:{}", r.roadmap, r.position)))
            .collect();
        let proposed: std::collections::HashSet<(String, String)> = db
            .recommendations()
            .earlier_forms()
            .await
            .unwrap()
            .into_iter()
            .filter(|l| l.state == "proposed")
            .map(|l| (key[&l.recommendation].clone(), key[&l.earlier].clone()))
            .collect();
        let truth = labelled_repeats();
        let right = proposed.intersection(&truth).count();
        let precision = right as f64 / proposed.len().max(1) as f64;
        let recall = right as f64 / truth.len() as f64;
        println!(
            "seed 002 earlier forms: {} proposed, {} labelled, {right} right: precision {:.1} %, recall {:.1} %",
            proposed.len(),
            truth.len(),
            100.0 * precision,
            100.0 * recall
        );
        assert!(precision >= 0.9 && recall >= 0.9, "{proposed:?}");

        // Importing it again proposes nothing twice.
        let links = db.recommendations().earlier_forms().await.unwrap().len();
        assert_eq!(links, proposed.len());
    }
}

both_engines! {
    async fn implementation_reports_follow_the_action_point_rules(db: Store) {
        use cadre_domain::RecommendationStatus::{InProgress, Implemented, ToReformulate};
        use cadre_storage::recommendations::follow_up::ImplementationReport;
        let by = cadre_domain::Actor::command_line("sp-ccm");
        db.meetings().import(&seed_002(), &by).await.unwrap();
        let all = db
            .recommendations()
            .list(&RecommendationFilter { audience: Audience::Internal, paging: Paging::page(200, 0), ..Default::default() })
            .await
            .unwrap();
        let reformulate = all.items.iter().find(|r| r.status == Some(ToReformulate)).unwrap().id;
        let tracked = db.recommendations().get(reformulate).await.unwrap().unwrap();
        let report = |status, done: &str| ImplementationReport {
            status,
            done: done.into(),
            challenges: Some("Financement".into()),
            perspectives: None,
            reported_on: d(2022, 3, 1),
        };

        let after = db
            .recommendations()
            .report(reformulate, tracked.version, &report(InProgress, "Texte reformulé"), &by, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(after.version, tracked.version + 1);
        assert_eq!(after.recommendation.status, Some(InProgress));
        assert_eq!(after.recommendation.status_date, Some(d(2022, 3, 1)));
        // What the document said stays what the document said.
        assert_eq!(after.recommendation.implementation_status, tracked.recommendation.implementation_status);

        // A report made on the version read before is refused, and writes nothing.
        let stale = db
            .recommendations()
            .report(reformulate, tracked.version, &report(Implemented, "Fait"), &by, chrono::Utc::now())
            .await;
        assert!(matches!(stale, Err(StorageError::Stale { current_version }) if current_version == after.version));
        let history = db.recommendations().reports(reformulate).await.unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(
            (history[0].status, history[0].meeting_id.is_some(), history[1].status, history[1].previous_status),
            (Some(ToReformulate), true, Some(InProgress), Some(ToReformulate))
        );
        assert_eq!(history[1].challenges.as_deref(), Some("Financement"));
        assert_eq!(history[1].actor, by.name);

        // Withdrawn by mistake: the status goes back to the latest report standing.
        let back = db
            .recommendations()
            .set_report_withdrawn(history[1].id, true, after.version, &by, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(back.recommendation.status, Some(ToReformulate));
        assert_eq!(back.recommendation.status_date, Some(d(2021, 7, 23)));
        assert!(db.recommendations().reports(reformulate).await.unwrap()[1].withdrawn);
        let again = db
            .recommendations()
            .set_report_withdrawn(history[1].id, false, back.version, &by, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!(again.recommendation.status, Some(InProgress));
        // A report filled in late (dated before the current status) joins the history and
        // leaves the status as the latest report by date says it.
        let late = ImplementationReport { reported_on: d(2021, 12, 1), ..report(Implemented, "Rapport tardif") };
        let after_late = db
            .recommendations()
            .report(reformulate, again.version, &late, &by, chrono::Utc::now())
            .await
            .unwrap();
        assert_eq!((after_late.recommendation.status, after_late.recommendation.status_date), (Some(InProgress), Some(d(2022, 3, 1))));
        assert_eq!(db.recommendations().reports(reformulate).await.unwrap().len(), 3);
        // Withdrawing and restoring it keeps the order by date.
        let late_id = db.recommendations().reports(reformulate).await.unwrap()[2].id;
        let w = db.recommendations().set_report_withdrawn(late_id, true, after_late.version, &by, chrono::Utc::now()).await.unwrap();
        let r = db.recommendations().set_report_withdrawn(late_id, false, w.version, &by, chrono::Utc::now()).await.unwrap();
        assert_eq!(r.recommendation.status, Some(InProgress));
        assert!(db.recommendations().get(cadre_domain::RecommendationId::new(999_999)).await.unwrap().is_none());
    }
}

both_engines! {
    async fn confirmed_earlier_forms_give_a_recommendation_its_age(db: Store) {
        use cadre_storage::recommendations::follow_up::ImplementationReport;
        let by = cadre_domain::Actor::command_line("sp-ccm");
        db.meetings().import(&seed_002(), &by).await.unwrap();
        let all = db
            .recommendations()
            .list(&RecommendationFilter { audience: Audience::Internal, paging: Paging::page(200, 0), ..Default::default() })
            .await
            .unwrap();
        let id_of = |key: &str| {
            all.items
                .iter()
                .find(|r| format!("{}:{}", r.roadmap, r.position) == key)
                .unwrap()
                .id
        };
        let (later, earlier) = (id_of("2021:5"), id_of("2018:8"));
        let today = d(2026, 12, 1);
        // Proposed only: the recommendation is as old as its own session.
        let age = db.recommendations().age(later, today).await.unwrap();
        assert_eq!((age.first_adopted, age.sessions, age.years_without_progress), (Some(2021), 1, Some(5)));

        let links = db.recommendations().links_of(later).await.unwrap();
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].earlier, links[0].state.as_str()), (earlier, "proposed"));
        let decided = db.recommendations().decide_link(links[0].id, true, &by, chrono::Utc::now()).await.unwrap();
        assert_eq!(decided.state, "confirmed");
        // The 2018 roadmap counts from the start of 2018; its "état" states no progress.
        let age = db.recommendations().age(later, today).await.unwrap();
        assert_eq!((age.first_adopted, age.sessions, age.years_without_progress), (Some(2018), 2, Some(8)));
        // The earlier form lists the link too, from the other side.
        assert_eq!(db.recommendations().links_of(earlier).await.unwrap().len(), 1);

        let version = db.recommendations().get(later).await.unwrap().unwrap().version;
        let report = ImplementationReport {
            status: cadre_domain::RecommendationStatus::InProgress,
            done: "Plan adopté".into(),
            challenges: None,
            perspectives: None,
            reported_on: d(2022, 3, 1),
        };
        db.recommendations().report(later, version, &report, &by, chrono::Utc::now()).await.unwrap();
        let age = db.recommendations().age(later, today).await.unwrap();
        assert_eq!(age.years_without_progress, Some(4));

        // Rejected: no longer an earlier form.
        db.recommendations().decide_link(links[0].id, false, &by, chrono::Utc::now()).await.unwrap();
        let age = db.recommendations().age(later, today).await.unwrap();
        assert_eq!((age.first_adopted, age.sessions), (Some(2021), 1));
        assert!(matches!(
            db.recommendations().decide_link(999_999, true, &by, chrono::Utc::now()).await,
            Err(StorageError::NotFound)
        ));
    }
}
