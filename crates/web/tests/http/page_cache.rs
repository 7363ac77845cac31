//! Answers served from memory until the change log moves.

use super::*;

both_engines! {
    /// Pages come from memory until the change log moves, whoever writes: the test imports
    /// through its own store, as `cadre import` would from another process.
    async fn pages_are_cached_until_something_changes(db: Store) {
        let writer = db.clone();
        let f = setup(db).await;
        let s = &f.server;
        let first = s.get("/meetings").await;
        assert_eq!(first.status, 200);
        let tag = first.header("etag").expect("an entity tag").to_owned();
        assert!(tag.starts_with("W/\""), "{tag}");
        assert_eq!(first.header("cache-control"), Some("no-cache"));
        let again = s.get("/meetings").await;
        assert_eq!(again.body, first.body, "served from the cache");
        assert_eq!(again.header("etag"), Some(tag.as_str()));
        assert!(
            again.header("content-security-policy").is_some(),
            "a cached answer carries the security headers"
        );

        // The client's copy is still good: 304, no body.
        let unchanged = s
            .request("GET", "/meetings", &[("If-None-Match", tag.as_str())])
            .await;
        assert_eq!(unchanged.status, 304);
        assert!(unchanged.body.is_empty());
        assert_eq!(unchanged.header("etag"), Some(tag.as_str()));
        // The API too.
        let api_tag = s
            .get("/api/v1/meetings")
            .await
            .header("etag")
            .map(str::to_owned)
            .expect("API answers carry a tag");
        assert_eq!(
            s.request("GET", "/api/v1/meetings", &[("If-None-Match", &api_tag)])
                .await
                .status,
            304
        );

        // A change elsewhere: new tag, new page, at once.
        let mut later = zinder();
        later.title = "Réunion ajoutée après la mise en cache".into();
        later.date = d(2024, 1, 11);
        later.source = None;
        import_published(&writer, &later).await;
        let changed = s
            .request("GET", "/meetings", &[("If-None-Match", tag.as_str())])
            .await;
        assert_eq!(changed.status, 200, "the old copy is no longer good");
        assert_ne!(changed.header("etag"), Some(tag.as_str()));
        assert!(changed.body.contains("Réunion ajoutée après la mise en cache"));
        assert!(page(s, "/").await.contains("Réunion ajoutée après la mise en cache"));

        // Gzip and plain answers are kept apart.
        let gzip = s
            .request("GET", "/meetings", &[("Accept-Encoding", "gzip")])
            .await;
        assert_eq!(gzip.header("content-encoding"), Some("gzip"));
        let plain = s.get("/meetings").await;
        assert_eq!(plain.header("content-encoding"), None);
        assert_eq!(plain.body, changed.body);

        // A request with credentials is never served from, nor stored in, the shared cache.
        let private = s
            .request("GET", "/meetings", &[("Cookie", "session=abc")])
            .await;
        assert_eq!(private.status, 200);
        assert_eq!(private.header("etag"), None);
        // Nor is search, whose answers also depend on the index.
        assert_eq!(s.get("/search?q=migrants").await.header("etag"), None);
    }
}
