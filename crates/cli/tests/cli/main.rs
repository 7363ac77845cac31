//! The `cadre` binary end to end, on both engines: import the shared seeds, export them, serve
//! them over real HTTP, reject bad input file by file, fill a demo database.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use cadre_testkit::{both_engines, seed, seeds_dir};
use serde_json::Value;

mod browser;
mod hostile;
mod notes;
mod privacy;

fn cadre(args: &[&str]) -> Output {
    cadre_with_env(args, &[])
}

fn cadre_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(args)
        .env_remove("CADRE_DATABASE_URL")
        .env_remove("CADRE_READER_MEMORY_MB")
        .env_remove("CADRE_READER_SECONDS")
        .env("CADRE_LOG", "warn")
        .envs(env.iter().copied())
        .output()
        .expect("run cadre")
}

pub(crate) fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub(crate) fn import_json(url: &str, paths: &[&Path]) -> (Output, Value) {
    let mut args = vec!["import", "--json", "--db", url];
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    let out = cadre(&args);
    let json = stdout_json(&out);
    (out, json)
}

/// Everything stored, drafts included (`--include-drafts`).
pub(crate) fn export(url: &str, what: &str, format: &str) -> String {
    export_with(url, what, format, &["--include-drafts"])
}

/// What the public may have: published minutes only.
pub(crate) fn export_public(url: &str, what: &str, format: &str) -> String {
    export_with(url, what, format, &[])
}

/// Validates and publishes every meeting, as the secretariat would after checking them.
pub(crate) fn publish_all(url: &str) {
    let out = cadre(&["publish", "--all", "--validate", "--db", url]);
    assert!(
        out.status.success(),
        "publish: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn export_with(url: &str, what: &str, format: &str, extra: &[&str]) -> String {
    let mut args = vec!["export", what, "--format", format, "--db", url];
    args.extend_from_slice(extra);
    let out = cadre(&args);
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 export")
}

fn meetings(url: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(&export(url, "meetings", "json"))
        .expect("JSON")
        .as_array()
        .expect("array")
        .clone()
}

fn meeting_on<'a>(meetings: &'a [Value], date: &str) -> &'a Value {
    meetings
        .iter()
        .find(|m| m["date"] == date)
        .unwrap_or_else(|| panic!("no meeting on {date}"))
}

fn action_texts(meeting: &Value) -> Vec<(String, Vec<String>, String)> {
    meeting["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|item| item["action_points"].as_array().unwrap().clone())
        .map(|a| {
            let responsible = a["responsible"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["name"].as_str().unwrap().to_owned())
                .collect();
            (
                a["what"].as_str().unwrap().to_owned(),
                responsible,
                a["deadline"]["meaning"]["kind"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect()
}

/// E-mail addresses and phone numbers written in the session report's attendance list.
fn seed_contacts() -> Vec<String> {
    let text = std::fs::read_to_string(seed("002")).unwrap();
    let mut contacts = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() >= 5 && cells[0].trim().parse::<u32>().is_ok() {
            for c in &cells[3..] {
                if c.trim().len() >= 8 {
                    contacts.push(c.trim().to_owned());
                }
            }
        }
    }
    assert!(
        contacts.len() > 100,
        "the attendance list has phones and e-mails"
    );
    contacts
}

both_engines! {
    async fn seeds_import_with_the_expected_structure(url: String) {
        let (out, summary) = import_json(&url, &[&seeds_dir()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(summary["totals"]["created"], 4, "{summary:#}");
        assert_eq!(summary["totals"]["errors"], 0);

        let all = meetings(&url);
        assert_eq!(all.len(), 4);

        let m = meeting_on(&all, "2023-02-16");
        assert_eq!(m["body"]["name"], "GTM Niamey");
        assert_eq!(m["kind"], "working_group_minutes");
        assert_eq!((m["start_time"].as_str(), m["end_time"].as_str()), (Some("09:15:00"), Some("11:00:00")));
        assert_eq!(m["place"], "Salle de réunion DGECM-R");
        assert_eq!(m["attendance"].as_array().unwrap().len(), 13);
        let agenda = m["agenda"].as_array().unwrap();
        assert_eq!(agenda.len(), 6);
        assert_eq!(agenda[0]["number"], 0, "unnumbered opening item");
        let actions = action_texts(m);
        assert_eq!(actions.len(), 2);
        assert!(actions[0].0.contains("fiche d'orientation") && actions[0].1 == ["Croix Rouge Danoise"], "{actions:?}");
        assert!(actions[1].0.contains("synthèse des recommandations"), "{actions:?}");
        assert!(actions[1].1[0].contains("Secrétariat Permanent"), "SP/CCM resolves to its canonical name: {actions:?}");
        assert_eq!(m["next_meeting"]["date"], "2023-03-16");
        assert_eq!(m["next_meeting"]["time"], "09:30:00");

        let m = meeting_on(&all, "2021-01-28");
        assert_eq!((m["start_time"].as_str(), m["end_time"].as_str()), (Some("09:30:00"), Some("11:20:00")));
        assert_eq!(m["modality"], "virtual");
        assert_eq!(m["attendance"].as_array().unwrap().len(), 10);
        assert_eq!(m["agenda"].as_array().unwrap().len(), 5);
        let actions = action_texts(m);
        assert_eq!(actions.len(), 2);
        assert!(actions.iter().any(|a| a.1.is_empty()), "one action point names nobody: {actions:?}");
        let ocha = actions.iter().find(|a| a.0.contains("OCHA")).expect("OCHA action point");
        assert_eq!(ocha.1.len(), 2, "SP/CCM and DRC/MMC: {ocha:?}");
        assert_eq!(m["next_meeting"]["date"], "2021-03-04");

        let m = meeting_on(&all, "2021-07-23");
        assert_eq!(m["kind"], "session_report");
        assert_eq!(m["body"]["name"], "CCM");
        assert!(m["place"].as_str().unwrap().contains("Soleils d'Afrique"));
        // 78 participants: 67 for their organisation, 11 by their function (drivers, ...).
        assert_eq!(m["attendance"].as_array().unwrap().len(), 67);
        assert_eq!(m["function_attendees"].as_array().unwrap().len(), 11);

        let m = meeting_on(&all, "2022-05-17");
        assert_eq!(m["body"]["name"], "GTM Tahoua");
        assert_eq!((m["start_time"].as_str(), m["end_time"].as_str()), (Some("09:00:00"), Some("11:00:00")));
        assert_eq!(m["place"], "Salle de réunion du conseil régional");
        assert_eq!(m["attendance"].as_array().unwrap().len(), 8);
        assert_eq!(m["agenda"].as_array().unwrap().len(), 5);
        let actions = action_texts(m);
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].0, "Choix des axes pour la région de Tahoua");
        assert_eq!(actions[0].2, "as_soon_as_possible");

        let recs: Vec<Value> = serde_json::from_str(&export(&url, "recommendations", "json")).unwrap();
        let count = |roadmap: &str| recs.iter().filter(|r| r["roadmap"] == roadmap).count();
        assert_eq!((count("2018"), count("2021")), (20, 61));

        // Importing the same files again creates nothing.
        let (out, again) = import_json(&url, &[&seeds_dir()]);
        assert!(out.status.success());
        assert_eq!(again["totals"]["already_imported"], 4, "{again:#}");
        assert_eq!(meetings(&url).len(), 4);
    }

    async fn personal_data_never_leaves_through_exports_or_http(url: String) {
        let (out, _) = import_json(&url, &[&seed("002")]);
        assert!(out.status.success());
        publish_all(&url);
        let contacts = seed_contacts();
        let mut published = String::new();
        for what in ["meetings", "actions", "recommendations"] {
            for format in ["json", "csv"] {
                published.push_str(&export(&url, what, format));
            }
        }
        let server = Server::start(&url);
        let id = server.get_json("/api/v1/meetings")["items"][0]["id"].as_i64().unwrap();
        for path in ["/", "/meetings", &format!("/meetings/{id}"), "/actions", "/organisations", "/api/v1/meetings",
            &format!("/api/v1/meetings/{id}"), "/api/v1/action-points", "/api/v1/organisations", "/api/v1/recommendations"] {
            let (status, body) = server.get(path);
            assert_eq!(status, 200, "{path}");
            published.push_str(&body);
        }
        for contact in &contacts {
            assert!(!published.contains(contact.as_str()), "{contact} was published");
        }
        // The attendees' names are still there: only their contact details are private.
        assert!(published.contains("Soly Amadou"));
    }

    async fn bad_files_get_their_own_error_and_the_rest_imports(url: String) {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        };
        write("a-empty.txt", b"");
        write("b-binary.txt", b"\x00\x01\x02PK\x03\x04 some zip");
        // 0x81 is in no Windows code page Cadre would guess: not text it can decode.
        write("c-undecodable.txt", b"Compte-rendu de la r\x81union\nDate\t16 f\x81vrier 2023\n");
        write("f-old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old word");
        write("g-fake.docx", b"this is no zip archive");
        write("h-broken.pdf", b"%PDF-1.4\n%%EOF\n");
        write("d-no-header.txt", "Bonjour à tous,\nmerci pour votre présence.\n".as_bytes());
        std::fs::copy(seed("004"), dir.path().join("e-good.txt")).unwrap();
        let (out, summary) = import_json(&url, &[dir.path()]);
        assert!(!out.status.success(), "a batch with errors exits non-zero");
        assert_eq!(summary["totals"]["created"], 1, "{summary:#}");
        assert_eq!(summary["totals"]["errors"], 7);
        let files = summary["files"].as_array().unwrap();
        let error_of = |name: &str| {
            let f = files.iter().find(|f| f["path"].as_str().unwrap().ends_with(name)).unwrap();
            f["error"].as_str().unwrap_or_default().to_lowercase()
        };
        assert!(error_of("a-empty.txt").contains("empty"));
        assert!(error_of("b-binary.txt").contains("binary"));
        assert!(error_of("c-undecodable.txt").contains("utf-8"));
        assert!(error_of("f-old.doc").contains("unsupported format '.doc'"));
        assert!(error_of("g-fake.docx").contains("word"), "{}", error_of("g-fake.docx"));
        assert!(error_of("h-broken.pdf").contains("pdf"), "{}", error_of("h-broken.pdf"));
        assert!(error_of("d-no-header.txt").contains("header"));
        assert_eq!(meetings(&url).len(), 1);

        // The human summary names each bad file too.
        let out = cadre(&["import", "--db", &url, dir.path().to_str().unwrap()]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("a-empty.txt") && text.contains("d-no-header.txt"), "{text}");
        assert!(text.contains("1 already imported"), "{text}");
    }

    async fn body_can_be_named_when_documents_do_not_say(url: String) {
        let out = cadre(&["import", "--json", "--body", "GTM Zinder", "--db", &url, seed("001").to_str().unwrap()]);
        assert!(out.status.success());
        assert_eq!(meetings(&url)[0]["body"]["name"], "GTM Zinder");
        let out = cadre(&["import", "--body", "Atlantide", "--db", &url, seed("004").to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("Atlantide"));
    }

    async fn demo_fills_every_status_and_refuses_a_database_in_use(url: String) {
        let out = cadre(&["demo", "--no-serve", "--db", &url]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let actions: Vec<Value> = serde_json::from_str(&export(&url, "actions", "json")).unwrap();
        for status in ["open", "in_progress", "done", "dropped"] {
            assert!(actions.iter().any(|a| a["status"] == status), "no {status} action point");
        }
        let csv = export(&url, "meetings", "csv");
        assert!(csv.lines().count() > 90, "two years of meetings");
        assert!(csv.starts_with("id,date,body"));
        let again = cadre(&["demo", "--no-serve", "--db", &url]);
        assert!(!again.status.success());
        assert!(String::from_utf8_lossy(&again.stderr).contains("empty database"));
    }
}

both_engines! {
    async fn extract_validate_original_reindex_and_search(url: String) {
        let dir = tempfile::tempdir().unwrap();
        // `cadre extract`: the text as read, lost spaces restored, notes on stderr.
        let seed_path = seed("004");
        let name = seed_path.file_name().unwrap().to_owned();
        let bytes = std::fs::read(&seed_path).unwrap();
        let original = String::from_utf8(bytes.clone()).unwrap();
        let spaceless: String = original
            .lines()
            .map(|l| l.replace(' ', ""))
            .collect::<Vec<_>>()
            .join("\n");
        let lost = dir.path().join("sans-espaces.txt");
        std::fs::write(&lost, &spaceless).unwrap();
        let out = cadre(&["extract", lost.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Points inscrits à l'ordre du jour"), "{text}");
        assert!(text.contains("Salle de réunion du conseil régional"), "{text}");
        let notes = String::from_utf8_lossy(&out.stderr);
        assert!(notes.contains("spaces restored"), "{notes}");
        let latin1 = dir.path().join("latin1.txt");
        std::fs::write(&latin1, b"Date\t16 f\xe9vrier 2023\n").unwrap();
        let out = cadre(&["extract", latin1.to_str().unwrap()]);
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "Date\t16 février 2023\n");
        assert!(String::from_utf8_lossy(&out.stderr).contains("Windows-1252"));
        let bad = dir.path().join("scan.pdf");
        std::fs::write(&bad, b"not a pdf").unwrap();
        let out = cadre(&["extract", bad.to_str().unwrap()]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("scan.pdf"));

        // Imported minutes are drafts; validation is recorded; the original comes back byte
        // for byte.
        let copy = dir.path().join(&name);
        std::fs::write(&copy, &bytes).unwrap();
        let (out, summary) = import_json(&url, &[&copy]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let id = summary["files"][0]["meeting_id"].as_i64().expect("meeting id");
        let all = meetings(&url);
        assert_eq!(all[0]["status"], "draft");
        assert!(all[0]["findings"].as_array().unwrap().iter().any(|f| f["field"] == "date"));
        let out = cadre(&["validate", "--db", &url, &id.to_string(), "424242"]);
        assert!(!out.status.success(), "an unknown meeting is an error");
        assert!(String::from_utf8_lossy(&out.stderr).contains("424242"));
        assert_eq!(meetings(&url)[0]["status"], "validated");
        // Validated is not public: exports leave it out until it is published.
        assert_eq!(export_public(&url, "meetings", "json").trim(), "[\n\n]");
        let out = cadre(&["publish", "--db", &url, &id.to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("published"));
        assert!(export_public(&url, "meetings", "json").contains(&format!("\"id\":{id}")));
        let out = cadre(&["withdraw", "--db", &url, &id.to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(meetings(&url)[0]["status"], "validated");
        let out = cadre(&["publish", "--db", &url, &id.to_string()]);
        assert!(out.status.success());
        let back = dir.path().join("back.txt");
        let out = cadre(&["original", "--db", &url, &id.to_string(), "-o", back.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(std::fs::read(&back).unwrap(), bytes);

        // Search through the server; a document imported while it runs is found without a
        // reindex; `cadre reindex` rebuilds the same index from the database.
        let index = tempfile::tempdir().unwrap();
        let out = cadre(&["reindex", "--db", &url, "--index", index.path().to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 meetings"));
        let server = Server::start_with_index(&url, index);
        let found = server.get_json("/api/v1/search?q=axes+strategiques");
        assert!(found["total"].as_i64().unwrap() >= 1, "{found}");
        assert!(found["items"].as_array().unwrap().iter().all(|h| h["meeting_id"] == id));
        let (out, _) = import_json(&url, &[&seed("000")]);
        assert!(out.status.success());
        let found = server.get_json("/api/v1/search?q=Croix+Rouge+Danoise&kind=actionpoint");
        assert_eq!(found["total"], 0, "a draft is not public: {found}");
        publish_all(&url);
        let found = server.get_json("/api/v1/search?q=Croix+Rouge+Danoise&kind=actionpoint");
        assert!(found["total"].as_i64().unwrap() >= 1, "imported while serving: {found}");
    }
}

/// `cadre serve` running on a free port, stopped when dropped.
pub(crate) struct Server {
    child: std::process::Child,
    addr: String,
    _index: tempfile::TempDir,
}

impl Server {
    fn start(url: &str) -> Server {
        let index = tempfile::tempdir().unwrap();
        Server::start_with_index(url, index)
    }

    fn start_with_index(url: &str, index: tempfile::TempDir) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cadre"))
            .args(["serve", "--addr", "127.0.0.1:0", "--db", url, "--index"])
            .arg(index.path())
            .env("CADRE_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start cadre serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .trim_start_matches("Cadre listening on http://")
            .trim_end_matches('/')
            .to_owned();
        assert!(
            addr.starts_with("127.0.0.1:"),
            "unexpected first line {line:?}"
        );
        Server {
            child,
            addr,
            _index: index,
        }
    }

    /// The whole raw response to a GET.
    fn raw(&self, path: &str) -> Vec<u8> {
        let mut stream = std::net::TcpStream::connect(&self.addr).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        raw
    }

    fn get(&self, path: &str) -> (u16, String) {
        let raw = self.raw(path);
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("end of headers");
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let body = &raw[split + 4..];
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let body = if head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked")
        {
            dechunk(body)
        } else {
            body.to_vec()
        };
        (status, String::from_utf8(body).expect("UTF-8 body"))
    }

    /// The status of a GET, whatever the body (an original document is binary).
    fn status(&self, path: &str) -> u16 {
        let raw = self.raw(path);
        let head = String::from_utf8_lossy(&raw[..raw.len().min(64)]).to_string();
        head.split(' ').nth(1).unwrap().parse().unwrap()
    }

    fn get_json(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "{path}: {body}");
        serde_json::from_str(&body).unwrap()
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&body[..eol]).unwrap().trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&body[eol + 2..eol + 2 + size]);
        body = &body[eol + 2 + size + 2..];
    }
    out
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
