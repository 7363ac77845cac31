//! The dashboard.

use super::*;

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
