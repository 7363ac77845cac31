//! Scoring the reader on the evaluation set: each document in each rendering, each labelled
//! field right or wrong, summed by style, field and rendering, development and held-out apart.

use std::collections::BTreeMap;

use cadre_domain::NewMeeting;

use super::{Document, Style};
use crate::Rendering;
use crate::accuracy::{self, FieldCheck, NONE};

/// The renderings every document is read in.
pub const RENDERINGS: [Rendering; 6] = [
    Rendering::Plain,
    Rendering::SpacesRemoved,
    Rendering::Docx,
    Rendering::Pdf,
    Rendering::PdfSpacesLost,
    Rendering::Windows1252,
];

/// The families of fields the targets are set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// Date, times, place, attendance count, agenda count, body.
    Header,
    /// What, who and by when of each action point.
    ActionPoints,
    /// Everything else labelled: titles, presenters, organisations, next meeting, rapporteur.
    Other,
}

impl Group {
    pub fn of(path: &str) -> Group {
        match path {
            "body" | "date" | "start_time" | "end_time" | "place" | "attendance.count"
            | "agenda.count" => Group::Header,
            p if p.starts_with("action_points.")
                && (p.ends_with(".what")
                    || p.ends_with(".responsible")
                    || p.ends_with(".deadline")) =>
            {
                Group::ActionPoints
            }
            _ => Group::Other,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Group::Header => "header",
            Group::ActionPoints => "action points",
            Group::Other => "other fields",
        }
    }
}

/// The field a path reports under: "agenda.03.title" → "agenda.title".
pub fn field_name(path: &str) -> String {
    path.split('.')
        .filter(|p| !p.chars().all(|c| c.is_ascii_digit()))
        .take(2)
        .collect::<Vec<_>>()
        .join(".")
}

/// One document read in one rendering.
#[derive(Debug, Clone)]
pub struct Reading {
    pub document: String,
    pub style: Style,
    pub held_out: bool,
    pub rendering: Rendering,
    pub checks: Vec<FieldCheck>,
    /// Why the reader refused the document, if it did.
    pub error: Option<String>,
}

impl Reading {
    /// A wrong field that holds a value (not empty, not missing): something the reader made up
    /// or took from the wrong place, rather than left for a person to fill.
    pub fn invented(&self) -> impl Iterator<Item = &FieldCheck> {
        self.checks.iter().filter(|c| {
            !c.is_correct()
                && c.found.as_deref().is_some_and(|f| f != NONE)
                && !c.path.ends_with(".count")
        })
    }
}

/// A reader: a file's name and bytes to the meeting read, or why it was refused.
pub type Read<'a> = &'a dyn Fn(&str, &[u8]) -> Result<NewMeeting, String>;

/// Reads `doc` in `rendering` with `read` and checks every label.
pub fn read_one(doc: &Document, rendering: Rendering, read: Read<'_>) -> Reading {
    let labels = doc.labels();
    let (name, bytes) = rendering.render(&doc.name, &doc.text);
    let (score, error) = match read(&name, &bytes) {
        Ok(meeting) => (accuracy::check(&labels, &meeting), None),
        Err(e) => (accuracy::unread(&labels), Some(e)),
    };
    Reading {
        document: doc.name.clone(),
        style: doc.style,
        held_out: doc.held_out,
        rendering,
        checks: score.checks,
        error,
    }
}

/// Correct and total fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub correct: usize,
    pub total: usize,
}

impl Tally {
    pub fn add(&mut self, check: &FieldCheck) {
        self.total += 1;
        self.correct += usize::from(check.is_correct());
    }
    pub fn percent(&self) -> f64 {
        accuracy::percent(self.correct, self.total)
    }
}

/// Tallies of the readings that `keep` selects, by a key of each check.
pub fn tally_by<K: Ord>(
    readings: &[Reading],
    keep: impl Fn(&Reading) -> bool,
    key: impl Fn(&Reading, &FieldCheck) -> Option<K>,
) -> BTreeMap<K, Tally> {
    let mut out: BTreeMap<K, Tally> = BTreeMap::new();
    for r in readings.iter().filter(|r| keep(r)) {
        for c in &r.checks {
            if let Some(k) = key(r, c) {
                out.entry(k).or_default().add(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_field_names() {
        assert_eq!(Group::of("start_time"), Group::Header);
        assert_eq!(
            Group::of("action_points.03.responsible"),
            Group::ActionPoints
        );
        assert_eq!(Group::of("action_points.03.item"), Group::Other);
        assert_eq!(Group::of("agenda.01.title"), Group::Other);
        assert_eq!(field_name("agenda.03.title"), "agenda.title");
        assert_eq!(
            field_name("attendance.organisation.oim"),
            "attendance.organisation"
        );
        assert_eq!(field_name("date"), "date");
    }
}
