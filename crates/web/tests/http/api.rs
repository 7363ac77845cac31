//! The JSON API: shapes, filters and the bounds of its parameters.

use super::*;

both_engines! {
    async fn the_api_answers_json(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        let all = api(s, "/api/v1/meetings").await;
        assert_eq!(all["total"], 3);
        let items = all["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0]["id"], f.tahoua.get(), "most recent first");
        assert_eq!(items[0]["body_code"], "gtm-tahoua");
        assert_eq!(items[0]["date"], "2023-02-16");
        assert_eq!(items[0]["action_point_count"], 3);

        let page2 = api(s, "/api/v1/meetings?limit=1&offset=1").await;
        assert_eq!(page2["total"], 3);
        assert_eq!(page2["items"].as_array().unwrap().len(), 1);
        assert_eq!(page2["items"][0]["id"], f.zinder.get());

        let zinder = api(s, "/api/v1/meetings?body=gtm-zinder").await;
        assert_eq!(zinder["total"], 1);
        let y = api(s, "/api/v1/meetings?year=2021").await;
        assert_eq!(y["total"], 1);
        assert_eq!(y["items"][0]["id"], f.ccm.get());

        let m = api(s, &format!("/api/v1/meetings/{}", f.tahoua)).await;
        assert_eq!(m["id"], f.tahoua.get());
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
