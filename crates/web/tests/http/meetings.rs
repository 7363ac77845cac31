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
            zinder.contains("<td>sans date<br>") && !zinder.contains("<td>/<br>"),
            "a \"/\" deadline is shown as \"sans date\", never as written"
        );
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
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
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

        db.meetings().validate(id, &cadre_domain::Actor::command_line("test"), chrono::Utc::now()).await.unwrap();
        let html = page(&server, &format!("/meetings/{id}")).await;
        assert!(!html.contains("Brouillon"));
        assert!(!page(&server, "/meetings").await.contains("brouillon"));
        assert_eq!(
            api(&server, &format!("/api/v1/meetings/{id}")).await["status"],
            "validated"
        );
    }
}
