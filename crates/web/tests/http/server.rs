//! The server itself: security headers, timeouts and connection limits.

use super::*;

both_engines! {
    /// Headers on every answer, errors included: Permissions-Policy, no-store on errors, HSTS
    /// behind an HTTPS proxy only, and a long URI answered by the application (414, French, with
    /// the headers) rather than by hyper.
    async fn errors_and_long_uris_carry_the_security_headers(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        // Errors are never cached; public pages keep their caching as before.
        for path in [
            "/nowhere",
            "/api/v1/nowhere",
            "/meetings/999999",
            "/api/v1/meetings/999999",
        ] {
            let r = s.get(path).await;
            assert_eq!(r.status, 404, "{path}");
            assert_secure(path, &r);
            assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        }
        for path in ["/meetings?year=abc", "/api/v1/meetings?year=abc"] {
            let r = s.get(path).await;
            assert_eq!(r.status, 400, "{path}");
            assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        }
        let withheld = s.get(&format!("/meetings/{}/original", f.tahoua)).await;
        assert_eq!(withheld.status, 403);
        assert_eq!(withheld.header("cache-control"), Some("no-store"));
        let home = s.get("/meetings").await;
        assert_eq!(home.status, 200);
        assert_secure("/meetings", &home);
        assert_ne!(home.header("cache-control"), Some("no-store"));
        assert_eq!(
            s.get("/health").await.header("cache-control"),
            Some("no-store")
        );

        // HSTS: only when the reverse proxy says the request came over HTTPS.
        assert_eq!(home.header("strict-transport-security"), None);
        for proto in ["https", "HTTPS", "https, http"] {
            let r = s
                .request("GET", "/meetings", &[("X-Forwarded-Proto", proto)])
                .await;
            assert_eq!(
                r.header("strict-transport-security"),
                Some("max-age=31536000"),
                "{proto}"
            );
        }
        let r = s
            .request("GET", "/nowhere", &[("X-Forwarded-Proto", "https")])
            .await;
        assert_eq!(
            r.header("strict-transport-security"),
            Some("max-age=31536000")
        );
        let r = s
            .request("GET", "/", &[("X-Forwarded-Proto", "http")])
            .await;
        assert_eq!(r.header("strict-transport-security"), None);

        // A URI over 8 KiB: 414 from the application, French, with every header; up to 64 KiB of
        // head hyper lets it through to us.
        let just_right = format!("/search?q={}", "a".repeat(cadre_web::MAX_URI_BYTES - 10));
        assert_eq!(just_right.len(), cadre_web::MAX_URI_BYTES);
        let r = s.get(&just_right).await;
        assert_eq!(r.status, 400, "8 KiB exactly: the q limit, not the URI one");
        for len in [cadre_web::MAX_URI_BYTES + 1, 9 * 1024, 60 * 1024] {
            let long = format!("/search?q={}", "a".repeat(len - 10));
            let r = s.get(&long).await;
            assert_eq!(r.status, 414, "{len}: {}", r.body);
            assert_secure("long URI", &r);
            assert!(r.body.contains("<html lang=\"fr\">"), "{}", r.body);
            assert!(r.body.contains("Adresse trop longue"), "{}", r.body);
            let api_long = format!("/api/v1/search?q={}", "a".repeat(len - 17));
            let r = s.get(&api_long).await;
            assert_eq!(r.status, 414, "{len}");
            assert_secure("long API URI", &r);
            assert!(
                r.json()["error"]
                    .as_str()
                    .unwrap()
                    .contains("adresse trop longue"),
                "{}",
                r.body
            );
        }
        // Beyond 64 KiB of head, hyper answers by itself (431) and closes.
        let huge = format!("/search?q={}", "a".repeat(70 * 1024));
        assert_eq!(s.get(&huge).await.status, 431);
        assert_eq!(s.get("/health").await.status, 200);
    }
}

/// Sends `bytes`, then reads until the server closes; returns what came and when it closed.
async fn until_closed(stream: &mut TcpStream, within: Elapsed) -> (Vec<u8>, Instant) {
    let mut got = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "connection still open after {within:?}: {got:?}"
    );
    (got, Instant::now())
}

async fn half_open(s: &TestServer) -> TcpStream {
    let mut stream = TcpStream::connect(s.addr).await.expect("connect");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: cadre\r\nX-Half: ")
        .await
        .expect("send half a request");
    stream
}

fn short(header_read_ms: u64, idle_ms: u64, max_connections: usize) -> ServerLimits {
    ServerLimits {
        header_read_timeout: Elapsed::from_millis(header_read_ms),
        idle_timeout: Elapsed::from_millis(idle_ms),
        max_connections,
        ..ServerLimits::default()
    }
}

both_engines! {
    /// A client that sends half a request — at once or a byte at a time — is disconnected when the
    /// header timeout fires.
    async fn half_sent_requests_are_disconnected(db: Store) {
        let s = serve(cadre_web::router(db), short(400, 30_000, 16)).await;
        let started = Instant::now();
        let mut stream = half_open(&s).await;
        let (got, closed) = until_closed(&mut stream, Elapsed::from_secs(5)).await;
        let after = closed - started;
        assert!(after >= Elapsed::from_millis(350), "closed after {after:?}");
        assert!(!String::from_utf8_lossy(&got).contains("200 OK"), "{got:?}");

        // Trickling keeps bytes coming but does not reset the header timer.
        let started = Instant::now();
        let mut stream = TcpStream::connect(s.addr).await.unwrap();
        let request = b"GET /health HTTP/1.1\r\nHost: cadre\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
        for byte in request {
            if stream.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Elapsed::from_millis(50)).await;
            if started.elapsed() > Elapsed::from_secs(3) {
                panic!("a trickled request head was still read after 3 s");
            }
        }
        let (got, _) = until_closed(&mut stream, Elapsed::from_secs(5)).await;
        assert!(!String::from_utf8_lossy(&got).contains("200 OK"), "{got:?}");
        assert!(started.elapsed() < Elapsed::from_secs(3));
    }
}

/// Reads one response to `GET /health` on a kept-alive connection.
async fn health_on(stream: &mut TcpStream) {
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: cadre\r\n\r\n")
        .await
        .unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = tokio::time::timeout(Elapsed::from_secs(5), stream.read(&mut buf))
            .await
            .expect("a response within 5 s")
            .expect("read");
        assert!(n > 0, "closed before the response: {raw:?}");
        raw.extend_from_slice(&buf[..n]);
        if let Ok((status, _, body)) = parse_response_bytes(&raw)
            && body == b"ok"
        {
            assert_eq!(status, 200);
            return;
        }
    }
}

both_engines! {
    /// A keep-alive connection that sits without a request is closed: by our idle timeout when it
    /// is the shorter, and by hyper's header timer (which restarts when the connection goes idle;
    /// checked here, hyper 1.12) when that is the shorter.
    async fn idle_keep_alive_connections_are_closed(db: Store) {
        for (limits, expected) in [
            (short(30_000, 400, 16), "idle timeout"),
            (short(400, 30_000, 16), "header read timeout"),
        ] {
            let s = serve(cadre_web::router(db.clone()), limits).await;
            let mut stream = TcpStream::connect(s.addr).await.unwrap();
            // Two requests on the connection: it is kept alive between them.
            health_on(&mut stream).await;
            tokio::time::sleep(Elapsed::from_millis(150)).await;
            health_on(&mut stream).await;
            let answered = Instant::now();
            let (got, closed) = until_closed(&mut stream, Elapsed::from_secs(5)).await;
            assert!(got.is_empty(), "{expected}: {got:?}");
            let after = closed - answered;
            assert!(
                after >= Elapsed::from_millis(350) && after < Elapsed::from_secs(4),
                "{expected}: idle connection closed after {after:?}"
            );
        }
    }
}

both_engines! {
    /// With the connection bound at N, N half-open clients hold every slot; a real request waits
    /// in the backlog and is answered once their header timeouts free the slots. With a larger
    /// bound, the server keeps answering while many half-open clients are connected.
    async fn half_open_clients_do_not_starve_real_requests(db: Store) {
        let s = serve(cadre_web::router(db.clone()), short(600, 30_000, 4)).await;
        let mut stalled = Vec::new();
        for _ in 0..4 {
            stalled.push(half_open(&s).await);
        }
        tokio::time::sleep(Elapsed::from_millis(100)).await;
        let started = Instant::now();
        let r = tokio::time::timeout(Elapsed::from_secs(10), s.get("/health"))
            .await
            .expect("answered once the half-open clients timed out");
        assert_eq!((r.status, r.body.as_str()), (200, "ok"));
        let waited = started.elapsed();
        assert!(
            waited >= Elapsed::from_millis(300),
            "answered after {waited:?}: the bound did not hold"
        );

        let s = serve(cadre_web::router(db), short(10_000, 30_000, 64)).await;
        let mut stalled = Vec::new();
        for _ in 0..48 {
            stalled.push(half_open(&s).await);
        }
        for _ in 0..5 {
            let started = Instant::now();
            let r = tokio::time::timeout(Elapsed::from_secs(5), s.get("/health"))
                .await
                .expect("answered while 48 clients are half-open");
            assert_eq!(r.status, 200);
            assert!(started.elapsed() < Elapsed::from_secs(2));
        }
        drop(stalled);
    }
}
