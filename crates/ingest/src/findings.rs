//! What the reader found, field by field, in words the person validating a draft checks
//! against the document. Warnings say what went wrong; findings say what was read. Each
//! finding is a catalogue message with its data (`finding-<code>`), stored in French and shown
//! in the page's language; dates travel as ISO days in arguments ending in `_date`, times as
//! `HH:MM` in arguments ending in `_time`, and are written the reader's way when shown.

use cadre_domain::{FieldFinding, FoundBy, NewMeeting};
use chrono::NaiveTime;

use crate::notes::finding;

fn not_found(field: &str) -> FieldFinding {
    finding(field, "not-found", &[])
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// How the reader found each field it found (label, sentence, inference, default).
#[derive(Debug, Default, Clone)]
pub(crate) struct Provenance(Vec<(&'static str, FoundBy)>);

impl Provenance {
    pub fn set(&mut self, field: &'static str, how: FoundBy) {
        self.0.retain(|(f, _)| *f != field);
        self.0.push((field, how));
    }

    pub fn of(&self, field: &str) -> Option<FoundBy> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, h)| *h)
    }
}

/// The findings of a meeting, each found value carrying how it was found (`found_by`).
pub(crate) fn describe(m: &NewMeeting, provenance: &Provenance) -> Vec<FieldFinding> {
    let mut out = describe_values(m);
    for f in &mut out {
        if f.code.as_deref() == Some("not-found") {
            continue;
        }
        if let Some(how) = provenance.of(&f.field) {
            f.args.insert("found_by".into(), how.as_str().into());
        }
    }
    out
}

fn describe_values(m: &NewMeeting) -> Vec<FieldFinding> {
    let mut out = vec![
        finding("body", "as-read", &[("text", m.body.name.clone())]),
        finding("title", "as-read", &[("text", m.title.clone())]),
        finding("date", "date", &[("the_date", m.date.to_string())]),
    ];
    out.push(match (m.start_time, m.end_time) {
        (Some(s), Some(e)) => finding(
            "time",
            "time-range",
            &[("start_time", hm(s)), ("end_time", hm(e))],
        ),
        (Some(s), None) => finding("time", "time-start", &[("start_time", hm(s))]),
        _ => not_found("time"),
    });
    out.push(match &m.place {
        Some(p) => finding("place", "as-read", &[("text", p.clone())]),
        None => not_found("place"),
    });
    out.push(finding(
        "modality",
        "modality",
        &[("modality", m.modality.as_str().to_owned())],
    ));
    let mut organisations: Vec<&str> = m
        .attendance
        .iter()
        .map(|a| a.organisation.as_str())
        .collect();
    let people = m
        .attendance
        .iter()
        .filter(|a| a.person_name.is_some())
        .count();
    let present = organisations.len();
    // Organisation names only: the people's names and contacts stay in the attendance list.
    organisations.dedup();
    out.push(finding(
        "attendance",
        "attendance",
        &[
            ("n", present.to_string()),
            ("people", people.to_string()),
            ("names", organisations.join(", ")),
        ],
    ));
    out.push(if m.agenda.is_empty() {
        not_found("agenda")
    } else {
        let titles: Vec<String> = m
            .agenda
            .iter()
            .map(|i| format!("{}. {}", i.number, i.title))
            .collect();
        finding(
            "agenda",
            "agenda",
            &[
                ("n", m.agenda.len().to_string()),
                ("titles", titles.join(" ; ")),
            ],
        )
    });
    let points: Vec<_> = m.agenda.iter().flat_map(|i| &i.action_points).collect();
    let with_deadline = points
        .iter()
        .filter(|p| p.deadline.due_by().is_some())
        .count();
    let without_responsible = points.iter().filter(|p| p.responsible.is_empty()).count();
    out.push(finding(
        "action_points",
        "action-points",
        &[
            ("n", points.len().to_string()),
            ("dated", with_deadline.to_string()),
            ("unassigned", without_responsible.to_string()),
        ],
    ));
    out.push(match &m.next_meeting {
        Some(n) => match n.date {
            Some(d) => finding(
                "next_meeting",
                "next-meeting-dated",
                &[("the_date", d.to_string()), ("text", n.as_written.clone())],
            ),
            None => finding("next_meeting", "quoted", &[("text", n.as_written.clone())]),
        },
        None => not_found("next_meeting"),
    });
    if let Some(r) = &m.rapporteur {
        out.push(finding("rapporteur", "as-read", &[("text", r.clone())]));
    }
    if !m.recommendations.is_empty() {
        let mut roadmaps: Vec<(&str, usize)> = Vec::new();
        for r in &m.recommendations {
            match roadmaps.iter_mut().find(|(y, _)| *y == r.roadmap) {
                Some((_, n)) => *n += 1,
                None => roadmaps.push((&r.roadmap, 1)),
            }
        }
        let parts: Vec<String> = roadmaps.iter().map(|(y, n)| format!("{y}: {n}")).collect();
        out.push(finding(
            "recommendations",
            "recommendations",
            &[
                ("n", m.recommendations.len().to_string()),
                ("roadmaps", parts.join(", ")),
            ],
        ));
    }
    out
}
