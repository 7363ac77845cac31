//! The meetings list and the meeting page.

use super::*;

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
            "échéance\u{a0}: 31 mars 2023",
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
            ccm.contains("Recommandations d’ordre général")
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
            zinder.contains(">sans date</td>") && !zinder.contains(">/</td>"),
            "a \"/\" deadline is shown as \"sans date\", never as written"
        );
    }
}

both_engines! {
    async fn drafts_are_for_signed_in_readers_until_published(db: Store) {
        let mut m = zinder();
        m.findings = vec![
            cadre_domain::FieldFinding::new("date", "17 mai 2022"),
            cadre_domain::FieldFinding::new("place", "Gouvernorat de Zinder"),
        ];
        m.warnings = vec![ImportWarning::new("time", "heure non trouvée")];
        let id = db.meetings().import(&m, &test_actor()).await.unwrap().meeting_id();
        crate::accounts::add(&db, "lecteur", cadre_domain::Role::InternalReader, None, None).await;
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;
        let path = format!("/meetings/{id}");
        let public_cannot_see = |what: &str| {
            let what = what.to_owned();
            let (server, path) = (&server, path.clone());
            async move {
                assert_eq!(server.get(&path).await.status, 404, "{what}: the page");
                assert_eq!(server.get(&format!("/api/v1/meetings/{id}")).await.status, 404, "{what}: the API");
                assert!(!page(server, "/meetings").await.contains("Recenser les besoins"), "{what}: the list");
                assert!(!page(server, "/actions").await.contains("Recenser les besoins"), "{what}: the actions");
                assert_eq!(api(server, "/api/v1/action-points").await["total"], 0, "{what}: the API's actions");
                let found = api(server, "/api/v1/search?q=Recenser+besoins").await;
                assert_eq!(found["total"], 0, "{what}: search {found}");
            }
        };
        public_cannot_see("a draft").await;

        // Signed in, the draft is there, marked as such, with what the import found.
        let mut reader = cadre_testkit::server::Browser::new(&server);
        reader.sign_in("lecteur", crate::accounts::PASSWORD).await;
        let html = reader.get(&path).await.body;
        assert!(html.contains("Brouillon"), "{html}");
        assert!(html.contains("Relevé d"), "{html}");
        assert!(html.contains("heure non trouvée"));
        assert!(html.contains("17 mai 2022"));
        assert!(reader.get("/meetings").await.body.contains("brouillon"));
        assert!(reader.get("/actions").await.body.contains("Recenser les besoins"));
        assert!(reader.get("/search?q=Recenser+besoins").await.body.contains("Recenser"));

        db.meetings().validate(id, &test_actor(), chrono::Utc::now()).await.unwrap();
        public_cannot_see("validated minutes").await;
        let html = reader.get(&path).await.body;
        assert!(!html.contains("Brouillon"));
        assert!(html.contains("non publié"), "validated, not yet public: {html}");

        let outcomes = db.meetings().transition(&[id], Transition::Publish, &test_actor(), chrono::Utc::now()).await.unwrap();
        assert_eq!(outcomes, vec![cadre_storage::LifecycleOutcome::Changed {
            from: cadre_domain::MeetingStatus::Validated,
            to: cadre_domain::MeetingStatus::Published,
        }]);
        let html = page(&server, &path).await;
        assert!(html.contains("Recenser les besoins") && !html.contains("Brouillon"));
        assert!(!page(&server, "/meetings").await.contains("brouillon"));
        assert_eq!(api(&server, &format!("/api/v1/meetings/{id}")).await["status"], "published");
        assert_eq!(api(&server, "/api/v1/action-points").await["total"], 1);
        assert!(api(&server, "/api/v1/search?q=Recenser+besoins").await["total"].as_i64().unwrap() >= 1);

        // Withdrawn, it is gone from the public again.
        db.meetings().transition(&[id], Transition::Withdraw, &test_actor(), chrono::Utc::now()).await.unwrap();
        public_cannot_see("withdrawn minutes").await;
    }
}

both_engines! {
    async fn the_secretariat_publishes_many_minutes_at_once(db: Store) {
        let drafts: Vec<MeetingId> = {
            let mut ids = Vec::new();
            for (i, m) in [tahoua(), zinder(), ccm_session()].into_iter().enumerate() {
                let mut m = m;
                m.source = None;
                m.title = format!("{} ({i})", m.title);
                ids.push(db.meetings().import(&m, &test_actor()).await.unwrap().meeting_id());
            }
            ids
        };
        crate::accounts::add(&db, "sp", cadre_domain::Role::Secretariat, None, None).await;
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;
        let mut sp = cadre_testkit::server::Browser::new(&server);
        sp.sign_in("sp", crate::accounts::PASSWORD).await;
        let list = sp.get("/meetings").await;
        for id in &drafts {
            assert!(list.body.contains(&format!("name=\"meeting\" value=\"{id}\"")), "a box per meeting");
        }
        let csrf = list.hidden_field("csrf").unwrap();
        let ticked = |action: &'static str, ids: &[MeetingId]| {
            let mut fields = vec![("csrf".to_owned(), csrf.clone()), ("action".to_owned(), action.to_owned())];
            fields.extend(ids.iter().map(|id| ("meeting".to_owned(), id.to_string())));
            fields
        };
        // Publishing drafts says, for each, that it must be validated first; nothing moves.
        let fields = ticked("publish", &drafts);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = sp.post("/meetings/lifecycle", &refs).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body.matches("à valider avant de le publier").count(), 3, "{}", r.body);
        assert_eq!(api(&server, "/api/v1/meetings").await["total"], 0);
        // Validate two, then publish all three: two are published, one is still a draft.
        let fields = ticked("validate", &drafts[..2]);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = sp.post("/meetings/lifecycle", &refs).await;
        assert_eq!(r.body.matches("désormais validé").count(), 2, "{}", r.body);
        let fields = ticked("publish", &drafts);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = sp.post("/meetings/lifecycle", &refs).await;
        assert_eq!(r.body.matches("désormais publié").count(), 2, "{}", r.body);
        assert_eq!(r.body.matches("à valider avant de le publier").count(), 1, "{}", r.body);
        assert_eq!(api(&server, "/api/v1/meetings").await["total"], 2);
        // Each move is on the meeting's record, with who made it.
        let history = db.audit().history(cadre_storage::RecordKind::Meeting, drafts[0].get()).await.unwrap();
        let moves: Vec<(&str, &str)> = history.iter().map(|e| (e.action.as_str(), e.actor.as_str())).collect();
        assert_eq!(moves, vec![("create", "cli:test"), ("validate", "sp"), ("publish", "sp")], "minutes with no document were written in Cadre");
        // A form without its token changes nothing.
        let r = sp.post("/meetings/lifecycle", &[("csrf", "faux"), ("action", "withdraw"), ("meeting", &drafts[0].to_string())]).await;
        assert_eq!(r.status, 403);
        assert_eq!(api(&server, "/api/v1/meetings").await["total"], 2);
    }
}
