//! Organisations and recommendations.

use super::*;

both_engines! {
    async fn organisations_show_aliases_and_recommendations_are_listed(db: Store) {
        let f = setup(db).await;
        let html = page(&f.server, "/organisations").await;
        assert!(html.contains("Organisation Internationale pour les Migrations"));
        assert!(html.contains("IOM"), "aliases shown");
        assert!(html.contains("UNHCR"));
        assert!(html.contains("Association Tassaght Tahoua"));
        assert!(html.contains("à vérifier"));
        assert!(html.contains("/actions?organisation="));

        let recs = page(&f.server, "/recommendations").await;
        assert!(recs.contains("Tenir régulièrement les sessions du CCM"));
        let prot = page(&f.server, "/recommendations?thematic_group=Protection").await;
        assert!(prot.contains("Renforcer la prise en charge des ENA"));
        assert!(!prot.contains("Tenir régulièrement les sessions du CCM"));
        let _ = f.ccm;
    }
}
