//! The web pages in a real browser: headless Chromium, driven by `e2e/path.mjs` (playwright-core,
//! axe-core), walks a person's path through a demo database — the public, the secretariat
//! validating and publishing two drafts, a partner editor reporting on an action point — and
//! checks every page for serious or critical accessibility violations (WCAG 2 A/AA), horizontal
//! scrolling at 360 px and weight (< 50 KB with its CSS). Screenshots (1280 and 360 px wide)
//! and `axe.json` are left in `target/e2e/`.
//!
//! Needs `node`, `chromium` (Debian's package) and `e2e/node_modules` (`npm ci --prefix e2e`);
//! `.ci/run` installs them. Without them the test prints `SKIPPED (…)` and passes, except when
//! `CI=true`: then it fails.

use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::{Server, cadre, export_public};

/// Minutes of a regional GTM written as prose under a letterhead (written for this test).
const PROSE_MINUTES: &str = "REPUBLIQUE DU NIGER
REGION D'AGADEZ
DIRECTION REGIONALE DE L'ETAT CIVIL, DES MIGRATIONS ET DES REFUGIES

Agadez, le 09 février 2022

COMPTE RENDU DE LA REUNION DU GROUPE TECHNIQUE SUR LA MIGRATION (GTM)

Le jeudi 03 février 2022 s'est tenue dans la salle de réunion de la DRECM-R d'Agadez la réunion mensuelle du GTM d'Agadez, de 10h00 à 12h30.
Ont pris part à cette réunion les structures suivantes : DRECM-R/Agadez, OIM, HCR, Conseil Régional et Croix-Rouge Nigérienne.

1-L'ordre du jour de la réunion porte sur les points suivants :
1er point : Situation des migrants expulsés à Assamaka (HCR)
2ème point : Divers

1er point : Situation des migrants expulsés à Assamaka
Les arrivées se poursuivent et les capacités d'accueil sont dépassées.

Points d'action	Responsables	Date limite
Elaborer un plan de réponse	HCR, OIM	Fin mars 2022

2ème point : Divers
La prochaine réunion est prévue le 03 mars 2022 à 10h00.
";

/// The first meeting id in `cadre import --json`'s report.
fn first_meeting_id(report: &Value) -> Option<i64> {
    match report {
        Value::Object(map) => map
            .get("meeting_id")
            .and_then(Value::as_i64)
            .or_else(|| map.values().find_map(first_meeting_id)),
        Value::Array(items) => items.iter().find_map(first_meeting_id),
        _ => None,
    }
}

/// The whole path takes about 40 s; a browser that hangs is stopped after this.
const PATH_TIMEOUT: Duration = Duration::from_secs(300);

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `target/e2e`, beside the build (`CARGO_TARGET_TMPDIR` is `target/tmp`).
fn artefact_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target directory")
        .join("e2e")
}

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// The browser: `CHROMIUM` if set, else `chromium` on the PATH.
fn chromium() -> Option<PathBuf> {
    match std::env::var_os("CHROMIUM") {
        Some(p) => Some(PathBuf::from(p)).filter(|p| p.is_file()),
        None => on_path("chromium"),
    }
}

/// What is missing to run the path, if anything.
fn missing(e2e: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let node_runs = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !node_runs {
        missing.push("node not found".to_owned());
    }
    if chromium().is_none() {
        missing.push("chromium not found: apt-get install chromium".to_owned());
    }
    for package in ["playwright-core", "axe-core"] {
        if !e2e.join("node_modules").join(package).is_dir() {
            missing.push(format!(
                "e2e/node_modules/{package} missing: npm ci --prefix e2e"
            ));
        }
    }
    missing
}

fn add_account(url: &str, username: &str, password: &str, role: &str, organisation: Option<&str>) {
    let mut args = vec![
        "user",
        "add",
        "--db",
        url,
        "--username",
        username,
        "--role",
        role,
    ];
    if let Some(o) = organisation {
        args.extend(["--organisation", o]);
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_cadre"))
        .args(&args)
        .env_remove("CADRE_DATABASE_URL")
        .env("CADRE_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cadre user add");
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "cadre user add {username}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The organisation (other than the secretariat) responsible for the most public action points
/// still open or in progress: its partner editor has something to report on.
fn partner_organisation(url: &str) -> (i64, String) {
    let actions: Vec<Value> = serde_json::from_str(&export_public(url, "actions", "json")).unwrap();
    let mut counts = std::collections::BTreeMap::<i64, (usize, String)>::new();
    for a in &actions {
        if a["status"] != "open" && a["status"] != "in_progress" {
            continue;
        }
        for o in a["responsible"].as_array().unwrap() {
            let name = o["name"].as_str().unwrap();
            if name.starts_with("Secrétariat") {
                continue;
            }
            let entry = counts
                .entry(o["id"].as_i64().unwrap())
                .or_insert((0, name.to_owned()));
            entry.0 += 1;
        }
    }
    let (id, (_, name)) = counts
        .into_iter()
        .max_by_key(|(id, (n, _))| (*n, -id))
        .expect("an organisation with open action points in the demo");
    (id, name)
}

/// Runs `node e2e/path.mjs`, returning its exit status (None: killed after the timeout) and
/// its output.
fn run_path(e2e: &Path, base: &str, artefacts: &Path, accounts: &str) -> (Option<i32>, String) {
    let mut child = Command::new("node")
        .arg(e2e.join("path.mjs"))
        .arg(base)
        .arg(artefacts)
        .arg(accounts)
        .current_dir(e2e)
        .env("CHROMIUM", chromium().unwrap())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run node");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        if start.elapsed() > PATH_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut output = out.join().unwrap();
    output.push_str(&err.join().unwrap());
    (status, output)
}

#[test]
fn a_person_walks_through_the_pages_in_a_browser() {
    let e2e = workspace_root().join("e2e");
    let missing = missing(&e2e);
    if !missing.is_empty() {
        let why = missing.join("; ");
        assert!(!in_ci(), "the browser test cannot run under CI=true: {why}");
        let _ = writeln!(std::io::stderr(), "SKIPPED (browser test: {why})");
        return;
    }

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cadre.db").display());
    let out = cadre(&["demo", "--no-serve", "--db", &url]);
    assert!(
        out.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Minutes written as prose, imported as a draft: the secretariat corrects it beside what the
    // import read and how (in a sentence, inferred).
    let prose = dir.path().join("cr-gtm-agadez.txt");
    std::fs::write(&prose, PROSE_MINUTES).unwrap();
    let out = cadre(&["import", "--json", "--db", &url, prose.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("the import's JSON report");
    let imported = first_meeting_id(&report).expect("the prose minutes were imported");

    let (organisation, organisation_name) = partner_organisation(&url);
    let secretariat = json!({"username": "sp", "password": "sable du Ténéré 2024"});
    let partner = json!({"username": "partenaire", "password": "dunes de l'Aïr 2024",
        "organisation": organisation_name});
    add_account(
        &url,
        "sp",
        secretariat["password"].as_str().unwrap(),
        "secretariat",
        None,
    );
    add_account(
        &url,
        "partenaire",
        partner["password"].as_str().unwrap(),
        "partner_editor",
        Some(&organisation.to_string()),
    );
    let accounts = json!({"secretariat": secretariat, "partner": partner,
        "correction": format!("/meetings/{imported}/edit")})
    .to_string();

    let server = Server::start(&url);
    let base = format!("http://{}/", server.addr);
    let artefacts = artefact_dir();
    let _ = std::fs::remove_dir_all(&artefacts);
    std::fs::create_dir_all(&artefacts).unwrap();

    let (status, output) = run_path(&e2e, &base, &artefacts, &accounts);
    drop(server);
    // Printed whether the test passes or not (written to stderr directly, not captured).
    let _ = writeln!(std::io::stderr(), "e2e/path.mjs:\n{output}");
    assert_eq!(
        status,
        Some(0),
        "e2e/path.mjs failed (None: stopped after {PATH_TIMEOUT:?}); its output is above, \
         screenshots and axe.json in {}",
        artefacts.display()
    );
}
