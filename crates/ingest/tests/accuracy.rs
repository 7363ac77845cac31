//! Field-level accuracy of the reader on the seeds in every rendering the archive holds
//! documents in: each rendering of each seed must give every labelled field
//! (`labels/seeds.json`, checked by hand against the documents). `cadre-bench accuracy` prints
//! the same figures for all renderings at once.

use cadre_ingest::{ReadOptions, read_document};
use cadre_renderings::Rendering;
use cadre_renderings::accuracy::{self, Labels, Seed};

/// How much of a wrong value a failure shows.
const VALUE_WIDTH: usize = 80;

fn labels_and_seeds() -> (Labels, Vec<Seed>) {
    let labels = Labels::load(&accuracy::labels_path()).unwrap_or_else(|e| panic!("{e}"));
    let seeds =
        accuracy::read_seeds(&accuracy::default_seeds_dir()).unwrap_or_else(|e| panic!("{e}"));
    (labels, seeds)
}

fn assert_every_field_read(rendering: Rendering) {
    let (labels, seeds) = labels_and_seeds();
    let mut failures = Vec::new();
    let (mut correct, mut total) = (0, 0);
    for seed in &seeds {
        let expected = labels
            .seeds
            .get(&seed.number)
            .unwrap_or_else(|| panic!("seed {} has no labels", seed.number));
        let (name, bytes) = rendering.render(&seed.stem, &seed.text);
        let score = match read_document(&name, &bytes, &ReadOptions::default()) {
            Ok(read) => accuracy::check(expected, &read.meeting),
            Err(e) => {
                failures.push(format!("{name}: the reader refused it: {e}"));
                accuracy::unread(expected)
            }
        };
        correct += score.correct();
        total += score.total();
        if score.correct() < score.total() {
            failures.push(format!(
                "{name}: {}/{} fields ({:.1} %)",
                score.correct(),
                score.total(),
                score.percent()
            ));
            failures.extend(
                score
                    .wrong()
                    .map(|w| format!("    {}", w.describe(VALUE_WIDTH))),
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} rendering: {correct}/{total} fields read correctly ({:.1} %)\n{}",
        rendering.name(),
        accuracy::percent(correct, total),
        failures.join("\n")
    );
}

#[test]
fn every_seed_has_labels_and_every_label_a_seed() {
    let (labels, seeds) = labels_and_seeds();
    let numbers: Vec<&str> = seeds.iter().map(|s| s.number.as_str()).collect();
    let labelled: Vec<&str> = labels.seeds.keys().map(String::as_str).collect();
    assert_eq!(numbers, labelled);
    for (number, fields) in &labels.seeds {
        assert!(
            fields.len() > 20,
            "seed {number}: only {} labels",
            fields.len()
        );
    }
}

#[test]
fn plain_text() {
    assert_every_field_read(Rendering::Plain);
}

#[test]
fn text_whose_spaces_were_removed() {
    assert_every_field_read(Rendering::SpacesRemoved);
}

#[test]
fn word_docx() {
    assert_every_field_read(Rendering::Docx);
}

#[test]
fn pdf() {
    assert_every_field_read(Rendering::Pdf);
}

#[test]
fn pdf_without_space_characters() {
    assert_every_field_read(Rendering::PdfSpacesLost);
}

#[test]
fn windows_1252_text() {
    assert_every_field_read(Rendering::Windows1252);
}

#[test]
fn utf16_text() {
    assert_every_field_read(Rendering::Utf16);
}
