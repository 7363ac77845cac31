//! Sizes and generation times of the GTM example, printed for the record
//! (`cargo test -p cadre-outputs --test measure -- --nocapture`). Only the sizes are asserted
//! (documents fit a slow link); times are figures to read, not a pass mark.

mod common;

use std::time::{Duration, Instant};

use common::*;

use cadre_i18n::Lang;

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> (T, Duration) {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    (out, start.elapsed() / runs)
}

#[test]
fn sizes_and_times_of_the_gtm_minutes() {
    let m = gtm();
    let previous = previous_pending();
    let points = gtm_points();
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    for lang in [Lang::Fr, Lang::En] {
        let i = input(&m, &[], &previous, lang);
        let (docx, t_docx) = time(20, || cadre_outputs::docx::minutes(&i));
        let (pdf, t_pdf) = time(20, || cadre_outputs::pdf::minutes(&i));
        let (xlsx, t_xlsx) = time(20, || {
            cadre_outputs::action_points::xlsx(&points, lang, today())
        });
        let (csv, t_csv) = time(20, || {
            cadre_outputs::action_points::csv(&points, lang, today())
        });
        println!(
            "{lang:?} ({profile}): docx {} bytes in {t_docx:?}; pdf {} bytes in {t_pdf:?}; \
             xlsx {} bytes in {t_xlsx:?}; csv {} bytes in {t_csv:?}",
            docx.len(),
            pdf.len(),
            xlsx.len(),
            csv.len()
        );
        assert!(docx.len() < 20_000 && pdf.len() < 20_000);
    }
}
