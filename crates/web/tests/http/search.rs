//! Full-text search, page and API.

use super::*;

/// Ids of the meetings in a search API answer.
fn hit_meetings(v: &Value) -> Vec<MeetingId> {
    let mut ids: Vec<MeetingId> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| MeetingId::new(h["meeting_id"].as_i64().unwrap()))
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
        // A recommendation found leads to its own page, where its follow-up is.
        let url = r["items"][0]["url"].as_str().unwrap();
        assert!(url.starts_with("/recommendations/"), "{url}");
        assert_eq!(s.get(url).await.status, 200);
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
        let agadez = import_published(&db, &m).await;
        let r = api(s, "/api/v1/search?q=hydraulique").await;
        assert_eq!(hit_meetings(&r), vec![agadez], "{r}");
        db.meetings().validate(agadez, &cadre_domain::Actor::command_line("test"), chrono::Utc::now()).await.unwrap();
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
