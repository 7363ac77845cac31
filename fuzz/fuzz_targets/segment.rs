//! Lost-space repair on arbitrary text: it must never panic, and it may only insert spaces.
#![no_main]

use cadre_ingest::segment::{Lexicon, repair_lost_spaces};
use libfuzzer_sys::fuzz_target;

fn without_spaces(s: &str) -> String {
    s.chars().filter(|&c| c != ' ').collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let repaired = repair_lost_spaces(text, Lexicon::french());
    assert_eq!(without_spaces(&repaired.text), without_spaces(text));
    assert!(repaired.lines_repaired <= text.split('\n').count());
});
