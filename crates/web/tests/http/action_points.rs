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
