//! The whole reader on text: decoding, lost-space repair and the canevas parser.
#![no_main]

use cadre_ingest::{ReadOptions, read_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_document("minutes.txt", data, &ReadOptions::default());
});
