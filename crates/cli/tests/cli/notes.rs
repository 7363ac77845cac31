//! What the reader notes at import is stored as catalogue messages with their data, so that
//! pages can say it in French or English.

use cadre_testkit::{both_engines, seeds_dir};
use serde_json::Value;

use super::{export, import_json};

both_engines! {
    async fn every_warning_and_finding_of_the_seeds_has_a_code(url: String) {
        let (out, _) = import_json(&url, &[&seeds_dir()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let meetings: Vec<Value> = serde_json::from_str(&export(&url, "meetings", "json")).unwrap();
        let mut codes = Vec::new();
        for m in &meetings {
            for w in m["warnings"].as_array().unwrap() {
                let code = w["code"].as_str().unwrap_or_else(|| panic!("a warning without a code: {w}"));
                assert!(!w["message"].as_str().unwrap().is_empty());
                codes.push(code.to_owned());
            }
            for f in m["findings"].as_array().unwrap() {
                assert!(f["code"].is_string(), "a finding without a code: {f}");
            }
        }
        // The session report's narrative parts are kept as such, to be shown as sections.
        assert!(codes.iter().any(|c| c == "report-part" || c == "report-opening"), "{codes:?}");
    }
}
