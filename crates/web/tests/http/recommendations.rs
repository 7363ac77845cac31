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
