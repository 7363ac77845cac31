//! Field-level accuracy of the reader on the shared seeds in every rendering (target 100 %).
//!
//! `cadre-bench accuracy [SEEDS_DIR]` prints, per seed and rendering, the labelled fields read
//! correctly, each wrong field (expected against found) and reader errors, then the overall
//! accuracy per rendering. `cadre-bench accuracy --write-labels DIR [SEEDS_DIR]` writes
//! DIR/seeds.json from the plain seeds as read today: a first draft that a person must check
//! against the documents before it becomes the labelled set.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use cadre_ingest::{ReadOptions, read_document};
use cadre_renderings::Rendering;
use cadre_renderings::accuracy::{self, Labels, Score};

/// How much of a wrong value a line shows.
const VALUE_WIDTH: usize = 60;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    if args.first().map(String::as_str) == Some("--write-labels") {
        let dir = args
            .get(1)
            .context("--write-labels needs the directory to write seeds.json into")?;
        return write_labels(Path::new(dir), &crate::seeds_dir(args.get(2)));
    }
    let seeds = accuracy::read_seeds(&crate::seeds_dir(args.first())).map_err(|e| anyhow!(e))?;
    let labels_path = accuracy::labels_path();
    let labels = Labels::load(&labels_path).map_err(|e| anyhow!(e))?;

    // Panics are caught and reported in the table, each with its message.
    std::panic::set_hook(Box::new(|_| {}));
    let mut totals: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    println!(
        "{:<5} {:<16} {:>9} {:>7}",
        "seed", "rendering", "correct", "%"
    );
    for seed in &seeds {
        let Some(expected) = labels.seeds.get(&seed.number) else {
            println!(
                "{:<5} no labels in {}: not scored",
                seed.number,
                labels_path.display()
            );
            continue;
        };
        for (r, rendering) in Rendering::ALL.into_iter().enumerate() {
            let (score, error) = score(rendering, &seed.stem, &seed.text, expected);
            let total = totals.entry(r).or_default();
            total.0 += score.correct();
            total.1 += score.total();
            println!(
                "{:<5} {:<16} {:>4}/{:<4} {:>6.1}",
                seed.number,
                rendering.name(),
                score.correct(),
                score.total(),
                score.percent()
            );
            match error {
                Some(e) => println!("      reader error: {e}"),
                None => {
                    for wrong in score.wrong() {
                        println!("      wrong {}", wrong.describe(VALUE_WIDTH));
                    }
                    for extra in &score.extra {
                        println!("      extra {}", extra.describe(VALUE_WIDTH));
                    }
                }
            }
        }
    }
    let overall: Vec<String> = totals
        .iter()
        .map(|(&r, &(correct, total))| {
            format!(
                "{} {:.1} % ({correct}/{total})",
                Rendering::ALL[r].name(),
                accuracy::percent(correct, total)
            )
        })
        .collect();
    println!("overall accuracy: {}", overall.join(" · "));
    Ok(())
}

/// Renders, reads and scores one seed; a rendering or reader that fails or panics scores no
/// field, with the reason.
fn score(
    rendering: Rendering,
    stem: &str,
    text: &str,
    expected: &BTreeMap<String, String>,
) -> (Score, Option<String>) {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let (name, bytes) = rendering.render(stem, text);
        read_document(&name, &bytes, &ReadOptions::default())
            .map(|read| accuracy::check(expected, &read.meeting))
            .map_err(|e| format!("{name}: {e}"))
    }));
    match outcome {
        Ok(Ok(score)) => (score, None),
        Ok(Err(e)) => (accuracy::unread(expected), Some(e)),
        Err(panic) => {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "unknown panic".into());
            (accuracy::unread(expected), Some(format!("panicked: {why}")))
        }
    }
}

fn write_labels(dir: &Path, seeds_dir: &Path) -> anyhow::Result<()> {
    let seeds = accuracy::read_seeds(seeds_dir).map_err(|e| anyhow!(e))?;
    let mut labels = Labels {
        about: vec![
            "Expected value of every field of each seed (by its number), checked by reading the seeds.".into(),
            "Free text is a fingerprint: first 12 hex digits of sha256(match_key(text)); see cadre_renderings::accuracy.".into(),
            "Drafted by `cadre-bench accuracy --write-labels` from the plain seeds, then verified by hand.".into(),
        ],
        seeds: BTreeMap::new(),
    };
    for seed in &seeds {
        let name = format!("{}.txt", seed.stem);
        let read = read_document(&name, seed.text.as_bytes(), &ReadOptions::default())
            .map_err(|e| anyhow!("{name}: {e}"))?;
        labels.seeds.insert(
            seed.number.clone(),
            accuracy::fields(&read.meeting).into_iter().collect(),
        );
    }
    let path = dir.join("seeds.json");
    // The notes of a checked set say how its values were decided: a new draft keeps them.
    if let Ok(previous) = Labels::load(&path) {
        labels.about = previous.about;
    }
    if labels.seeds.is_empty() {
        bail!("no seed in {}", seeds_dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(&path, labels.to_json())
        .with_context(|| format!("cannot write {}", path.display()))?;
    println!(
        "wrote {} ({} seeds): check every value against the documents before using it",
        path.display(),
        labels.seeds.len()
    );
    Ok(())
}
