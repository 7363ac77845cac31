//! Lost-space repair: throughput (target >= 2 MB/s) and word accuracy on the seeds with their spaces removed.
//!
//! Prints, for each seed, the share of its words restored (French list alone, and with the other
//! seeds' words as if already imported: leave-one-out), then repair's speed on one core over
//! two corpora of text without spaces: the seeds repeated, and generated canevas minutes.

use std::time::Instant;

use anyhow::Context;
use cadre_ingest::ReadOptions;
use cadre_ingest::segment::{
    Lexicon, WordAccuracy, lose_spaces, repair_lost_spaces, word_accuracy,
};

/// Each throughput corpus is at least this large.
const CORPUS_BYTES: usize = 20_000_000;
/// Generated minutes (then repeated up to the corpus size).
const GENERATED_MINUTES: usize = 500;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = crate::seeds_dir(args.first());
    let mut seeds = Vec::new();
    for entry in
        std::fs::read_dir(&dir).with_context(|| format!("reading seeds at {}", dir.display()))?
    {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            // The text exactly as repair sees it on import: decoded and normalised.
            let read = cadre_ingest::read_text(&name, &bytes, &ReadOptions::default())
                .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            seeds.push((name, read.text, read.lines_repaired));
        }
    }
    seeds.sort();
    anyhow::ensure!(!seeds.is_empty(), "no .txt seeds in {}", dir.display());

    let french = Lexicon::french();
    // Reading the seeds already loaded the French lexicon: time the same work again.
    let started = Instant::now();
    let rebuilt = Lexicon::with_vocabulary(std::iter::empty::<&str>());
    println!(
        "French lexicon: {} words, parsed and built in {:.0} ms",
        rebuilt.len(),
        started.elapsed().as_secs_f64() * 1e3
    );

    println!("\nword accuracy, seeds with every space inside a line removed:");
    println!(
        "{:<28} {:>12} {:>14} {:>8} {:>14}",
        "seed", "French list", "leave-one-out", "words", "plain changed"
    );
    let (mut all_french, mut all_loo) = (WordAccuracy::default(), WordAccuracy::default());
    for (name, text, plain_changed) in &seeds {
        let lost = lose_spaces(text);
        let started = Instant::now();
        let others = seeds
            .iter()
            .filter(|(n, ..)| n != name)
            .map(|(_, t, _)| t.as_str());
        let leave_one_out = Lexicon::with_vocabulary(others);
        let build = started.elapsed();
        let a = word_accuracy(text, &repair_lost_spaces(&lost, french).text);
        let b = word_accuracy(text, &repair_lost_spaces(&lost, &leave_one_out).text);
        println!(
            "{name:<28} {:>11.2}% {:>13.2}% {:>8} {:>14}   (vocabulary lexicon built in {:.0} ms)",
            100.0 * a.share(),
            100.0 * b.share(),
            a.words,
            plain_changed,
            build.as_secs_f64() * 1e3
        );
        all_french += a;
        all_loo += b;
    }
    println!(
        "{:<28} {:>11.2}% {:>13.2}%",
        "all seeds",
        100.0 * all_french.share(),
        100.0 * all_loo.share()
    );

    let seeds_lost: String = seeds
        .iter()
        .map(|(_, t, _)| lose_spaces(t) + "\n")
        .collect();
    throughput(
        "seeds without spaces, repeated",
        &repeat(&seeds_lost),
        french,
    );

    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let minutes: Vec<String> = cadre_demo::generate(cadre_demo::DemoOptions {
        today,
        meetings: GENERATED_MINUTES,
        seed: 42,
    })
    .iter()
    .map(cadre_ingest::render_canevas)
    .collect();
    let original = minutes.join("\n");
    let lost = lose_spaces(&original);
    let accuracy = word_accuracy(&original, &repair_lost_spaces(&lost, french).text);
    println!(
        "\ngenerated minutes ({GENERATED_MINUTES}): word accuracy {:.2}% with the French list ({} words)",
        100.0 * accuracy.share(),
        accuracy.words
    );
    throughput(
        "generated minutes without spaces, repeated",
        &repeat(&(lost + "\n")),
        french,
    );
    Ok(())
}

fn repeat(text: &str) -> String {
    let mut out = String::with_capacity(CORPUS_BYTES + text.len());
    while out.len() < CORPUS_BYTES {
        out.push_str(text);
    }
    out
}

/// Best of three runs, so a neighbour's burst on the shared machine does not count.
fn throughput(label: &str, corpus: &str, lexicon: &Lexicon) {
    let mut best = f64::INFINITY;
    let mut lines = 0;
    for _ in 0..3 {
        let started = Instant::now();
        let repaired = repair_lost_spaces(corpus, lexicon);
        best = best.min(started.elapsed().as_secs_f64());
        lines = repaired.lines_repaired;
    }
    let mb = corpus.len() as f64 / 1e6;
    println!(
        "\nthroughput, {label}: {mb:.1} MB in {best:.2} s = {:.2} MB/s on one core ({lines} lines repaired; target >= 2 MB/s)",
        mb / best
    );
}
