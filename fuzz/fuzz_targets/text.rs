//! Plain text in any encoding: BOMs, UTF-16 sniffing, Windows-1252, mojibake repair.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(extracted) = cadre_ingest::formats::extract("f.txt", data) {
        // Whatever was decoded is text a person can read: no NUL made it through.
        assert!(!extracted.text.contains('\0'));
    }
});
