//! The PDF reader on arbitrary bytes: pdf_oxide's parsing, the nesting pre-scan and the
//! layout from glyph positions. Seed the corpus with PDFs from `cadre_renderings::pdf`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // The reader catches pdf_oxide's panics and refuses the file; libfuzzer-sys's hook
        // would abort on them before they are caught. Any other panic still aborts.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.location().is_some_and(|l| l.file().contains("pdf_oxide")) {
                return;
            }
            abort(info);
        }));
    },
    |data: &[u8]| {
        let _ = cadre_ingest::formats::extract("f.pdf", data);
    }
);
