//! What Cadre writes, Cadre reads back: the Word and PDF minutes through `cadre-ingest`'s
//! `read_document`, the reader of the secretariats' own documents.
//!
//! What does not come back, and why (the reader's limits, not the writer's):
//! - the action tables have a fourth column, "Statut", which the reader does not know: it
//!   keeps cells beyond the third with the deadline, so a deadline comes back as written
//!   followed by the status ("Le plus tôt possible ouvert"); its meaning is unchanged;
//! - a placeholder deadline ("/", "N/A") is written "sans date", and a missing responsible
//!   "non précisé", as the web pages show them: they come back as those words (the first
//!   means no date, as "/" did; the second is read as an organisation's name);
//! - the reader knows no person names in the attendance: "OIM – Aïcha Moussa" comes back as
//!   one organisation;
//! - typographic apostrophes come back straight (the reader normalises them);
//! - English documents: the reader reads the French canevas. It finds "Time", "Place" and
//!   "Agenda", not "Key discussion points", "Action points" or an English date, so only the
//!   place, the times and the agenda titles come back.

mod common;

use common::*;

use cadre_domain::{DeadlineMeaning, Modality, NewMeeting};
use cadre_i18n::Lang;
use cadre_ingest::{ReadOptions, read_document};

fn read(name: &str, bytes: &[u8]) -> NewMeeting {
    read_document(name, bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .meeting
}

fn straight(s: &str) -> String {
    s.replace('’', "'")
}

fn both(lang: Lang, m: &cadre_domain::Meeting) -> [(&'static str, Vec<u8>); 2] {
    let previous = previous_pending();
    let i = input(m, &[], &previous, lang);
    [
        ("minutes.docx", cadre_outputs::docx::minutes(&i)),
        ("minutes.pdf", cadre_outputs::pdf::minutes(&i)),
    ]
}

#[test]
fn french_minutes_come_back_from_word_and_pdf() {
    let m = gtm();
    for (name, bytes) in both(Lang::Fr, &m) {
        let back = read(name, &bytes);
        assert_eq!(back.date, m.date, "{name}");
        assert_eq!(back.start_time, m.start_time, "{name}");
        assert_eq!(back.end_time, m.end_time, "{name}");
        assert_eq!(back.place, m.place, "{name}");
        assert_eq!(back.modality, Modality::InPerson, "{name}");
        assert_eq!(straight(&back.title), straight(&m.title), "{name}");
        let titles: Vec<(u32, String, Option<String>)> = back
            .agenda
            .iter()
            .map(|a| (a.number, a.title.clone(), a.presenter.clone()))
            .collect();
        let expected: Vec<(u32, String, Option<String>)> = m
            .agenda
            .iter()
            .map(|a| (a.number, straight(&a.title), a.presenter.clone()))
            .collect();
        assert_eq!(titles, expected, "{name}");

        let points: Vec<_> = back.action_points().collect();
        let written = expected_points();
        assert_eq!(points.len(), written.len(), "{name}");
        let statuses = [
            "ouvert",
            "en cours",
            "ouvert",
            "ouvert",
            "ouvert",
            "réalisé",
        ];
        for ((p, e), status) in points.iter().zip(&written).zip(statuses) {
            assert_eq!(p.what, straight(e.what), "{name}");
            let responsible: Vec<&str> = if e.responsible_as_written.is_empty() {
                vec!["non précisé"]
            } else {
                e.responsible_as_written.split(", ").collect()
            };
            assert_eq!(p.responsible, responsible, "{name}");
            let deadline = if ["/", "N/A"].contains(&e.deadline_as_written) {
                "sans date"
            } else {
                e.deadline_as_written
            };
            // The status column is read as the deadline's end (see above).
            assert_eq!(
                p.deadline.as_written,
                format!("{deadline} {status}"),
                "{name}"
            );
        }
        // What the deadlines mean survives.
        let meanings: Vec<DeadlineMeaning> = points.iter().map(|p| p.deadline.meaning).collect();
        assert_eq!(
            meanings,
            [
                DeadlineMeaning::AsSoonAsPossible,
                DeadlineMeaning::None,
                DeadlineMeaning::Month {
                    year: 2027,
                    month: 3
                },
                DeadlineMeaning::Date {
                    date: d(2027, 1, 31)
                },
                DeadlineMeaning::Year { year: 2027 },
                DeadlineMeaning::None,
            ],
            "{name}"
        );

        let next = back.next_meeting.as_ref().expect("the next meeting");
        assert_eq!(next.date, Some(d(2027, 1, 14)), "{name}");
        assert_eq!(next.time, Some(hm(9, 30)), "{name}");
        assert_eq!(
            back.rapporteur.as_deref(),
            Some("Ibrahim Soumana"),
            "{name}"
        );
        // Organisations come back, with the people named after them (see above).
        assert_eq!(back.attendance.len(), 7, "{name}");
        // The person present by their function comes back as such, not as an organisation.
        assert_eq!(back.function_attendees.len(), 1, "{name}");
        assert!(
            back.function_attendees[0]
                .function
                .starts_with("Modérateur"),
            "{name}: {:?}",
            back.function_attendees
        );
        assert_eq!(
            straight(&back.attendance[3].organisation),
            "Délégation de l'Union européenne (DUE)"
        );
        // The follow-up table is not taken for this meeting's action points: its rows are
        // kept as text the reader could not place.
        assert!(
            back.warnings.iter().any(|w| w
                .text
                .as_deref()
                .is_some_and(|t| t.contains("Partager la liste des points focaux"))),
            "{name}"
        );
    }
}

#[test]
fn a_virtual_meeting_comes_back_virtual_with_its_link() {
    let m = gtm_virtual();
    for (name, bytes) in both(Lang::Fr, &m) {
        let back = read(name, &bytes);
        assert_eq!(back.modality, Modality::Virtual, "{name}");
        assert!(
            back.place
                .as_deref()
                .is_some_and(|p| p.contains("https://meet.example.org/gtm-niamey")),
            "{name}: {:?}",
            back.place
        );
    }
}

#[test]
fn english_minutes_give_back_what_the_french_reader_knows() {
    let m = gtm();
    for (name, bytes) in both(Lang::En, &m) {
        let back = read(name, &bytes);
        assert_eq!(back.place, m.place, "{name}");
        assert_eq!(back.start_time, m.start_time, "{name}");
        assert_eq!(back.end_time, m.end_time, "{name}");
        let titles: Vec<String> = back
            .agenda
            .iter()
            .take(3)
            .map(|a| a.title.clone())
            .collect();
        let expected: Vec<String> = m.agenda.iter().map(|a| straight(&a.title)).collect();
        assert_eq!(titles, expected, "{name}");
    }
}
