//! A running server for black-box tests: [`spawn`] serves a router on `127.0.0.1:0` in a
//! background task, and [`TestServer::get`] talks to it over a real TCP connection with a tiny
//! HTTP/1.1 client (no client library, so what is tested is what a browser would receive).

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// A server running in the background of the current tokio runtime.
#[derive(Debug, Clone)]
pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub base_url: String,
    pub addr: SocketAddr,
}

/// Serves `router` on a free local port until the runtime ends.
pub async fn spawn(router: axum::Router) -> TestServer {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        // With the peer's address, as `cadre serve` gives it (sign-in throttling uses it).
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("test server");
    });
    TestServer {
        base_url: format!("http://{addr}"),
        addr,
    }
}

/// What the server answered.
#[derive(Debug, Clone)]
pub struct TestResponse {
    pub status: u16,
    /// Header names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body, decoded from chunks when chunked, as UTF-8 (lossy).
    pub body: String,
    /// The body's bytes as they came (documents, spreadsheets).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON; panics with the body when it is not.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| {
            panic!(
                "response (status {}) is not JSON: {e}\n{}",
                self.status, self.body
            )
        })
    }
}

impl TestServer {
    /// `GET path` (with its query string) over a fresh connection.
    pub async fn get(&self, path: &str) -> TestResponse {
        self.request("GET", path, &[]).await
    }

    /// A request with extra headers, e.g. `[("Accept-Encoding", "gzip")]`. No body.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
    ) -> TestResponse {
        self.send(method, path, headers, None).await
    }

    /// `POST path` of an HTML form (`application/x-www-form-urlencoded`).
    pub async fn post_form(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.send(
            "POST",
            path,
            headers,
            Some(("application/x-www-form-urlencoded", &body)),
        )
        .await
    }

    /// A request with an optional body of the given content type.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<(&str, &str)>,
    ) -> TestResponse {
        let mut stream = TcpStream::connect(self.addr)
            .await
            .unwrap_or_else(|e| panic!("connect to {}: {e}", self.addr));
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (n, v) in headers {
            req.push_str(&format!("{n}: {v}\r\n"));
        }
        if let Some((content_type, body)) = body {
            req.push_str(&format!(
                "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ));
        } else {
            req.push_str("\r\n");
        }
        stream
            .write_all(req.as_bytes())
            .await
            .expect("send request");
        let mut raw = Vec::new();
        stream
            .read_to_end(&mut raw)
            .await
            .unwrap_or_else(|e| panic!("read response to {method} {path}: {e}"));
        parse_response(&raw).unwrap_or_else(|e| {
            panic!(
                "bad HTTP response to {method} {path}: {e}\n{}",
                String::from_utf8_lossy(&raw)
            )
        })
    }
}

/// Percent-encodes a form field as browsers do (`application/x-www-form-urlencoded`).
pub fn form_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl TestResponse {
    /// Every `Set-Cookie` header, as sent.
    pub fn set_cookies(&self) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "set-cookie")
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The value of a hidden form field `name` in the body (the first one).
    pub fn hidden_field(&self, name: &str) -> Option<String> {
        let needle = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&needle)? + needle.len();
        let end = self.body[start..].find('"')? + start;
        Some(self.body[start..end].to_owned())
    }
}

/// A browser for tests: keeps the cookies the server sets and sends them back, and fills the
/// CSRF field of the forms it posts from the last page it read.
#[derive(Debug, Clone)]
pub struct Browser {
    pub server: TestServer,
    /// (name, value) of the cookies held.
    pub cookies: Vec<(String, String)>,
    /// Extra headers sent with every request.
    pub headers: Vec<(String, String)>,
}

impl Browser {
    pub fn new(server: &TestServer) -> Browser {
        Browser {
            server: server.clone(),
            cookies: Vec::new(),
            headers: Vec::new(),
        }
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn cookie_header(&self) -> Option<String> {
        (!self.cookies.is_empty()).then(|| {
            self.cookies
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn keep_cookies(&mut self, response: &TestResponse) {
        for set in response.set_cookies() {
            let pair = set.split(';').next().unwrap_or_default();
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            let (name, value) = (name.trim().to_owned(), value.trim().to_owned());
            let expired = set.to_ascii_lowercase().contains("max-age=0");
            self.cookies.retain(|(n, _)| *n != name);
            if !expired && !value.is_empty() {
                self.cookies.push((name, value));
            }
        }
    }

    fn all_headers(&self) -> Vec<(String, String)> {
        let mut headers = self.headers.clone();
        if let Some(c) = self.cookie_header() {
            headers.push(("Cookie".to_owned(), c));
        }
        headers
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let headers = self.all_headers();
        let refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let response = self.server.request("GET", path, &refs).await;
        self.keep_cookies(&response);
        response
    }

    /// Posts a form as it is, with the cookies held (the caller gives any CSRF field).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let headers = self.all_headers();
        let refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let response = self.server.post_form(path, &refs, fields).await;
        self.keep_cookies(&response);
        response
    }

    /// Reads `form_page`, then posts `fields` to `action` with the CSRF field that page carried.
    pub async fn submit(
        &mut self,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> TestResponse {
        let page = self.get(form_page).await;
        let csrf = page.hidden_field("csrf").unwrap_or_else(|| {
            panic!(
                "no CSRF field on {form_page} ({}):\n{}",
                page.status, page.body
            )
        });
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf", &csrf));
        self.post(action, &all).await
    }

    /// Signs in through the login form; panics unless the server accepts.
    pub async fn sign_in(&mut self, username: &str, password: &str) {
        let r = self
            .submit(
                "/login",
                "/login",
                &[("username", username), ("password", password)],
            )
            .await;
        assert_eq!(r.status, 303, "sign-in of {username} refused:\n{}", r.body);
        assert!(
            self.cookie("cadre_session").is_some(),
            "no session cookie: {:?}",
            r.headers
        );
    }
}

/// Status, headers (lower-case names) and body bytes of a raw response.
pub type RawResponse = (u16, Vec<(String, String)>, Vec<u8>);

/// The bytes of the body, as they came (chunked transfer decoded); useful for gzip.
pub fn parse_response_bytes(raw: &[u8]) -> Result<RawResponse, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no end of headers")?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|e| format!("headers not UTF-8: {e}"))?;
    let rest = &raw[end + 4..];
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or("no status line")?;
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/1.") {
        return Err(format!("not HTTP/1.x: {status_line:?}"));
    }
    let status: u16 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("bad status line {status_line:?}"))?;
    let mut headers = Vec::new();
    for line in lines {
        let (n, v) = line
            .split_once(':')
            .ok_or_else(|| format!("bad header line {line:?}"))?;
        headers.push((n.trim().to_ascii_lowercase(), v.trim().to_owned()));
    }
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(rest)?
    } else if let Some(len) = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
    {
        rest.get(..len)
            .ok_or_else(|| format!("body shorter ({}) than content-length {len}", rest.len()))?
            .to_vec()
    } else {
        rest.to_vec()
    };
    Ok((status, headers, body))
}

fn parse_response(raw: &[u8]) -> Result<TestResponse, String> {
    let (status, headers, body) = parse_response_bytes(raw)?;
    Ok(TestResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        bytes: body,
    })
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("chunk size line not terminated")?;
        let size_line = std::str::from_utf8(&data[..line_end]).map_err(|e| e.to_string())?;
        let size_hex = size_line.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_hex, 16)
            .map_err(|e| format!("bad chunk size {size_hex:?}: {e}"))?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data
            .get(..size)
            .ok_or_else(|| format!("chunk of {size} bytes truncated"))?;
        out.extend_from_slice(chunk);
        data = data.get(size + 2..).ok_or("chunk not followed by CRLF")?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_reassembled() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: b\r\n\r\n4\r\nWiki\r\n6;x=y\r\npedia \r\n0\r\n\r\n";
        let r = parse_response(raw).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, "Wikipedia ");
        assert_eq!(r.header("x-a"), Some("b"));
    }

    #[test]
    fn content_length_bodies_are_cut() {
        let raw = b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nokXX";
        let r = parse_response(raw).unwrap();
        assert_eq!((r.status, r.body.as_str()), (404, "ok"));
    }
}
