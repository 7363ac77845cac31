//! No personal contact ever leaves on a page or in the API.

use super::*;

both_engines! {
    /// The phone and e-mail imported for a person never leave the server; every response carries
    /// the security headers; no page has a script.
    async fn no_personal_contacts_and_secure_headers_everywhere(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        let oim_id = {
            let orgs = api(s, "/api/v1/organisations").await;
            orgs["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["acronym"] == "OIM")
                .unwrap()["id"]
                .clone()
        };
        let pages = vec![
            "/".to_owned(),
            "/meetings".to_owned(),
            "/meetings?body=gtm-tahoua".to_owned(),
            format!("/meetings/{}", f.tahoua),
            format!("/meetings/{}", f.zinder),
            format!("/meetings/{}", f.ccm),
            "/actions".to_owned(),
            "/actions?overdue=1".to_owned(),
            format!("/actions?organisation={oim_id}"),
            "/organisations".to_owned(),
            "/recommendations".to_owned(),
            "/meetings/999999".to_owned(),
            format!("/search?q={}", "A%C3%AFcha+Moussa"),
            "/search?q=example.org".to_owned(),
            format!("/meetings/{}/original", f.tahoua),
        ];
        let apis = vec![
            "/api/v1/meetings".to_owned(),
            format!("/api/v1/meetings/{}", f.tahoua),
            "/api/v1/action-points".to_owned(),
            "/api/v1/organisations".to_owned(),
            "/api/v1/recommendations".to_owned(),
            "/api/openapi.json".to_owned(),
            "/api/v1/meetings/999999".to_owned(),
            "/api/v1/action-points?status=foo".to_owned(),
            "/health".to_owned(),
            "/api/v1/search?q=fiche".to_owned(),
            "/api/v1/search?q=example.org".to_owned(),
            "/api/v1/search?q=96123456".to_owned(),
        ];
        for path in pages.iter().chain(apis.iter()) {
            let r = s.get(path).await;
            assert!(r.status < 500, "{path}: {}", r.status);
            assert_secure(path, &r);
            let digits: String = r.body.chars().filter(char::is_ascii_digit).collect();
            assert!(!r.body.contains(EMAIL), "{path} leaks the e-mail");
            assert!(!r.body.contains("@example.org"), "{path} leaks the e-mail");
            assert!(!r.body.contains(PHONE), "{path} leaks the phone number");
            assert!(
                !digits.contains(PHONE_DIGITS) && !digits.contains(DRIVER_PHONE_DIGITS),
                "{path} leaks a phone number"
            );
            assert!(
                !r.body.to_lowercase().contains("<script"),
                "{path} has a script"
            );
            if pages.contains(path) {
                assert!(r.body.contains("<html lang=\"fr\">"), "{path}: {}", r.body);
            }
        }
        // The person's name is public, their contacts are not; a person present by their
        // function is shown as such, not among the organisations.
        let tahoua = page(s, &format!("/meetings/{}", f.tahoua)).await;
        assert!(tahoua.contains(PERSON));
        assert!(tahoua.contains("Autres personnes présentes") && tahoua.contains("Chauffeur Tahoua — Issa Garba"), "{tahoua}");
        assert!(!tahoua.contains(">Chauffeur Tahoua</a>"), "not linked as an organisation");

        let health = s.get("/health").await;
        assert_eq!((health.status, health.body.as_str()), (200, "ok"));

        // The stylesheet: linked from every page, cached for long.
        let home = page(s, "/").await;
        let start = home.find("/assets/").expect("stylesheet link");
        let css_path: String = home[start..].chars().take_while(|c| *c != '"').collect();
        let css = s.get(&css_path).await;
        assert_eq!(css.status, 200);
        assert!(css.header("content-type").unwrap().starts_with("text/css"));
        assert!(
            css.header("cache-control")
                .unwrap()
                .contains("max-age=31536000")
        );
        assert_secure(&css_path, &css);

        // Compressed for those who accept it.
        let gz = s
            .request("GET", "/meetings", &[("Accept-Encoding", "gzip")])
            .await;
        assert_eq!(gz.status, 200);
        assert_eq!(gz.header("content-encoding"), Some("gzip"));
    }
}
