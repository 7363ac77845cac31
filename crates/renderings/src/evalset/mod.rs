//! The evaluation set: minutes written the many ways real GTM and cluster minutes are written
//! (labels on one line with spaces, airy lists, wrapped agenda items, flattened action tables,
//! prose, web and PDF furniture, bodies outside the GTMs), each with the meeting it records.
//!
//! Each document is generated from a plan (what the meeting was) by a writer for its style; the
//! plan is the document's label, field by field, so that no label is typed by hand. Generation
//! is deterministic: document `n` is always the same text. A quarter of the documents (every
//! fourth) is held out: development looks at the others' wrong fields only, and the held-out
//! figures are reported apart.

mod facts;
mod plan;
pub mod score;
mod write;

use std::collections::BTreeMap;

use cadre_domain::NewMeeting;

pub use plan::Plan;

/// How a document is laid out: one per way real minutes depart from the seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Style {
    /// The canevas as the seeds write it: tab-separated labels and tables.
    Canevas,
    /// Labels and values on one line separated by spaces or a no-break space, any order, "Time".
    SpacedLabels,
    /// Blank lines between every line, wrapped attendance entries, symbol-font bullets.
    Airy,
    /// Agenda items wrapped over lines, presenters on the continuation, headings repeated in
    /// upper case.
    WrappedAgenda,
    /// Action tables flattened: header cells, then every cell, one per line.
    FlatTables,
    /// Minutes written as prose under a letterhead.
    Prose,
    /// Web-page and PDF furniture around the text: navigation, running titles, page numbers.
    Furniture,
    /// Another coordination body's minutes in the same template family.
    OtherBody,
}

impl Style {
    pub const ALL: [Style; 8] = [
        Style::Canevas,
        Style::SpacedLabels,
        Style::Airy,
        Style::WrappedAgenda,
        Style::FlatTables,
        Style::Prose,
        Style::Furniture,
        Style::OtherBody,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Style::Canevas => "canevas",
            Style::SpacedLabels => "spaced-labels",
            Style::Airy => "airy",
            Style::WrappedAgenda => "wrapped-agenda",
            Style::FlatTables => "flat-tables",
            Style::Prose => "prose",
            Style::Furniture => "furniture",
            Style::OtherBody => "other-body",
        }
    }
}

/// Documents per style.
pub const PER_STYLE: usize = 8;

/// One generated document and the meeting it records.
#[derive(Debug, Clone)]
pub struct Document {
    /// "07-flat-tables": its number and style.
    pub name: String,
    pub style: Style,
    /// Kept out of development: only its aggregate figures are looked at.
    pub held_out: bool,
    pub text: String,
    pub truth: NewMeeting,
}

impl Document {
    /// Every labelled field, as [`crate::accuracy::fields`] names them.
    pub fn labels(&self) -> BTreeMap<String, String> {
        let mut labels: BTreeMap<String, String> =
            crate::accuracy::fields(&self.truth).into_iter().collect();
        // Discussion and the next meeting's details are not in the truth of every style; the
        // fields the benchmark scores are those the plan decides.
        labels.retain(|path, _| !path.starts_with("recommendations"));
        labels
    }
}

/// The whole set: [`PER_STYLE`] documents of each style, numbered from 0; every fourth held out.
pub fn documents() -> Vec<Document> {
    let mut out = Vec::new();
    for k in 0..PER_STYLE {
        for style in Style::ALL {
            let n = out.len();
            let plan = Plan::new(n as u64, style);
            let text = write::write(&plan, n as u64);
            out.push(Document {
                name: format!("{n:02}-{}", style.name()),
                style,
                held_out: k % 4 == 3,
                text,
                truth: plan.truth(),
            });
        }
    }
    out
}

/// A small deterministic generator (SplitMix64): the set must not change with a dependency.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn range(&mut self, low: usize, high_inclusive: usize) -> usize {
        low + self.below(high_inclusive - low + 1)
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_domain::Deadline;

    #[test]
    fn sixty_four_documents_a_quarter_held_out_every_style_in_both() {
        let docs = documents();
        assert_eq!(docs.len(), 64);
        assert_eq!(docs.iter().filter(|d| d.held_out).count(), 16);
        for style in Style::ALL {
            let of = |held: bool| {
                docs.iter()
                    .filter(|d| d.style == style && d.held_out == held)
                    .count()
            };
            assert_eq!((of(false), of(true)), (6, 2), "{style:?}");
        }
    }

    #[test]
    fn generation_is_deterministic_and_documents_differ() {
        let (a, b) = (documents(), documents());
        assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text));
        let mut texts: Vec<&str> = a.iter().map(|d| d.text.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), a.len());
    }

    #[test]
    fn each_deadline_means_what_the_plan_says() {
        for doc in documents() {
            for item in &doc.truth.agenda {
                for p in &item.action_points {
                    assert_eq!(
                        Deadline::parse(&p.deadline.as_written).meaning,
                        p.deadline.meaning,
                        "{}: {:?}",
                        doc.name,
                        p.deadline.as_written
                    );
                }
            }
        }
    }

    #[test]
    fn every_document_states_its_date_and_agenda() {
        for doc in documents() {
            let labels = doc.labels();
            assert!(
                labels["agenda.count"].parse::<usize>().unwrap() >= 3,
                "{}",
                doc.name
            );
            assert!(
                labels["attendance.count"].parse::<usize>().unwrap() >= 4,
                "{}",
                doc.name
            );
            assert!(labels.contains_key("date"));
        }
    }
}
