//! The action points list.

use super::*;

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
        assert!(late.contains(r#"<option value="overdue" selected>"#), "the old link selects the new filter");
        // The same list (the header's language switch names each page's own address).
        let main = |html: String| html.split_once("<main").map(|(_, m)| m.to_owned()).unwrap_or_default();
        assert_eq!(main(page(&f.server, "/actions?due=overdue").await).replace("due=overdue", ""), main(late.clone()).replace("overdue=1", "").replace("due=overdue", ""));
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

    async fn due_soon_and_late_by_body_region_and_organisation(db: Store) {
        let f = setup(db).await;
        // "Organiser l'atelier de validation" is due in 7 days (Tahoua).
        let soon = page(&f.server, "/actions?due=soon").await;
        assert!(soon.contains("Organiser l"), "{soon}");
        assert!(!soon.contains("Partager la fiche"), "already late, not 'soon'");
        assert!(soon.contains(r#"<option value="soon" selected>"#));
        let tahoua = page(&f.server, "/actions?body=gtm-tahoua&due=overdue").await;
        assert!(tahoua.contains("Partager la fiche") && tahoua.contains("Points d’action – GTM Tahoua"), "{tahoua}");
        let zinder = page(&f.server, "/actions?body=gtm-zinder").await;
        assert!(!zinder.contains("Partager la fiche") && zinder.contains("Recenser les besoins du centre"));
        let region = page(&f.server, "/actions?region=tahoua").await;
        assert!(region.contains("région de Tahoua") && region.contains("Partager la fiche"));
        assert!(!region.contains("Recenser les besoins du centre"));
        for bad in ["/actions?due=demain", "/actions?region=Paris"] {
            let r = f.server.get(bad).await;
            assert_eq!(r.status, 400, "{bad}");
        }
        // "Sans date" and "non précisé" instead of placeholders.
        assert!(zinder.contains("sans date"), "{zinder}");
        // Signed out, "my action points" asks to sign in.
        let r = f.server.get("/actions/mine").await;
        assert_eq!((r.status, r.header("location")), (303, Some("/login")));
    }

    async fn a_meeting_starts_with_the_pending_points_of_the_previous_one(db: Store) {
        let first = import_published(&db, &tahoua()).await;
        let mut next = blank(
            NewBody::gtm("Tahoua"),
            MeetingKind::WorkingGroupMinutes,
            "Réunion suivante du GTM Tahoua",
            d(2023, 3, 16),
        );
        next.agenda = vec![NewAgendaItem {
            number: 1,
            title: "Suivi".into(),
            presenter: None,
            discussion: String::new(),
            action_points: vec![action("Le plus tôt possible", &[], "Le plus tôt possible", ActionStatus::Open)],
        }];
        let second = import_published(&db, &next).await;
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;
        let body = page(&server, &format!("/meetings/{second}")).await;
        assert!(body.contains("Suivi des points d’action de la rencontre précédente"), "{body}");
        assert!(body.contains(&format!("<a href=\"/meetings/{first}\">16 février 2023</a>")), "{body}");
        // Pending ones only: open and in progress, not done.
        assert!(body.contains("Partager la fiche") && body.contains("Organiser l"));
        assert!(!body.contains("Diffuser le rapport final"));
        // The first meeting of a body has nothing to follow up.
        let body = page(&server, &format!("/meetings/{first}")).await;
        assert!(!body.contains("rencontre précédente"));
        // "Le plus tôt possible" is late 30 days after its meeting; no responsible: "non précisé".
        let points = page(&server, "/actions?body=gtm-tahoua&due=overdue").await;
        assert!(points.contains("Le plus tôt possible") && points.contains("en retard après le 15 avril 2023"), "{points}");
        assert!(points.contains("non précisé"), "{points}");
    }
}
