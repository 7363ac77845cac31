//! Hostile documents cost exactly themselves: each is reported with a clear message, the rest
//! of the batch is stored, and the importer never crashes. Reading does not depend on the
//! engine (storage tests run on both), so these run on SQLite.

use std::path::Path;

use cadre_renderings::hostile;
use cadre_testkit::seed;
use serde_json::Value;

use super::{cadre_with_env, stdout_json};

fn import_dir(dir: &Path, env: &[(&str, &str)]) -> (std::process::Output, Value) {
    let db = format!("sqlite://{}", dir.join("cadre.db").display());
    let docs = dir.join("docs");
    let out = cadre_with_env(
        &["import", "--json", "--db", &db, docs.to_str().unwrap()],
        env,
    );
    let json = stdout_json(&out);
    (out, json)
}

fn file_report<'a>(summary: &'a Value, name: &str) -> &'a Value {
    summary["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("no report for {name}: {summary:#}"))
}

#[test]
fn hostile_documents_are_refused_one_by_one_and_the_batch_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let set = hostile::small_set();
    for h in &set {
        std::fs::write(docs.join(&h.name), &h.bytes).unwrap();
    }
    std::fs::copy(seed("001"), docs.join("zz-good.txt")).unwrap();
    // Over the size limit: refused from its size, without being read (a sparse file).
    let huge = std::fs::File::create(docs.join("huge.pdf")).unwrap();
    huge.set_len(60 * 1024 * 1024).unwrap();

    let (out, summary) = import_dir(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{summary:#}");
    assert_eq!(summary["totals"]["created"], 1, "{summary:#}");
    assert_eq!(summary["totals"]["errors"], set.len() + 1, "{summary:#}");
    for h in &set {
        let report = file_report(&summary, &h.name);
        let error = report["error"].as_str().unwrap_or_default();
        // The readers' own bounds refuse each of them: none needs the worker to die.
        assert!(
            !error.is_empty()
                && !error.contains("crashed")
                && !error.contains("needed more than")
                && !error.contains("took longer"),
            "{}: {error}",
            h.name
        );
    }
    let huge = file_report(&summary, "huge.pdf")["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(huge.contains("over the limit"), "{huge}");
    assert_eq!(file_report(&summary, "zz-good.txt")["status"], "created");
}

#[test]
fn a_reader_that_dies_costs_only_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::copy(seed("000"), docs.join("a-first.txt")).unwrap();
    // Well-formed text, large enough that reading it needs more memory than allowed below:
    // the worker's allocation fails and it aborts, as it would on an unknown bomb.
    let line = "Le groupe a examiné la situation des migrants en transit dans la région.\n";
    std::fs::write(docs.join("b-huge.txt"), line.repeat(400_000)).unwrap();
    std::fs::copy(seed("004"), docs.join("c-last.txt")).unwrap();

    let (out, summary) = import_dir(dir.path(), &[("CADRE_READER_MEMORY_MB", "160")]);
    assert_eq!(out.status.code(), Some(1), "{summary:#}");
    let error = file_report(&summary, "b-huge.txt")["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(error.contains("more than 160 MB of memory"), "{error}");
    // The documents before and after it were read (the second by a fresh worker) and stored.
    assert_eq!(file_report(&summary, "a-first.txt")["status"], "created");
    assert_eq!(file_report(&summary, "c-last.txt")["status"], "created");
}

#[test]
fn a_document_over_the_time_limit_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    // Every space lost: repairing it takes far longer than the three seconds allowed below,
    // which leave a fresh worker ample time for the next document even on a loaded machine
    // (with one second, the next one timed out too when tests ran side by side).
    let text = std::fs::read_to_string(seed("002"))
        .unwrap()
        .replace(' ', "");
    std::fs::write(docs.join("a-slow.txt"), text.repeat(100)).unwrap();
    std::fs::copy(seed("004"), docs.join("b-next.txt")).unwrap();

    let (_, summary) = import_dir(dir.path(), &[("CADRE_READER_SECONDS", "3")]);
    let error = file_report(&summary, "a-slow.txt")["error"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(error.contains("longer than 3 s"), "{error}");
    assert_eq!(file_report(&summary, "b-next.txt")["status"], "created");
}

#[test]
fn extract_reads_in_isolation_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.pdf");
    std::fs::write(&path, hostile::nested_arrays_pdf(50_000, true)).unwrap();
    let out = cadre_with_env(&["extract", path.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nested.pdf:"), "{stderr}");
    let ok = cadre_with_env(&["extract", seed("004").to_str().unwrap()], &[]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("17/05/2022"));
}
