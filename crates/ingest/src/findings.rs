//! What the reader found, field by field, in words the person validating a draft checks
//! against the document. Warnings say what went wrong; findings say what was read.

use cadre_domain::dates::format_date_fr;
use cadre_domain::{FieldFinding, NewMeeting};
use chrono::{NaiveTime, Timelike};

const NOT_FOUND: &str = "non trouvé";

fn hm(t: NaiveTime) -> String {
    format!("{}h{:02}", t.hour(), t.minute())
}

fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("aucun {one}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

pub(crate) fn describe(m: &NewMeeting) -> Vec<FieldFinding> {
    let mut out = vec![
        FieldFinding::new("body", m.body.name.clone()),
        FieldFinding::new("title", m.title.clone()),
        FieldFinding::new("date", format_date_fr(m.date)),
    ];
    out.push(FieldFinding::new(
        "time",
        match (m.start_time, m.end_time) {
            (Some(s), Some(e)) => format!("{}–{}", hm(s), hm(e)),
            (Some(s), None) => hm(s),
            _ => NOT_FOUND.into(),
        },
    ));
    out.push(FieldFinding::new(
        "place",
        m.place.clone().unwrap_or_else(|| NOT_FOUND.into()),
    ));
    out.push(FieldFinding::new("modality", m.modality.label_fr()));
    let organisations: Vec<&str> = m
        .attendance
        .iter()
        .map(|a| a.organisation.as_str())
        .collect();
    let people = m
        .attendance
        .iter()
        .filter(|a| a.person_name.is_some())
        .count();
    let mut attendance = count(organisations.len(), "participant", "participants");
    if people > 0 {
        attendance.push_str(&format!(" dont {people} nommément"));
    }
    if !organisations.is_empty() {
        // Organisation names only: the people's names and contacts stay in the attendance list.
        let mut names = organisations.clone();
        names.dedup();
        attendance.push_str(" : ");
        attendance.push_str(&names.join(", "));
    }
    out.push(FieldFinding::new("attendance", attendance));
    out.push(FieldFinding::new(
        "agenda",
        if m.agenda.is_empty() {
            NOT_FOUND.into()
        } else {
            let titles: Vec<String> = m
                .agenda
                .iter()
                .map(|i| format!("{}. {}", i.number, i.title))
                .collect();
            format!(
                "{} : {}",
                count(m.agenda.len(), "point", "points"),
                titles.join(" ; ")
            )
        },
    ));
    let points: Vec<_> = m.agenda.iter().flat_map(|i| &i.action_points).collect();
    let with_deadline = points
        .iter()
        .filter(|p| p.deadline.due_by().is_some())
        .count();
    let without_responsible = points.iter().filter(|p| p.responsible.is_empty()).count();
    let mut summary = count(points.len(), "point d'action", "points d'action");
    if !points.is_empty() {
        summary.push_str(&format!(
            " ({with_deadline} avec une échéance datée, {without_responsible} sans responsable)"
        ));
    }
    out.push(FieldFinding::new("action_points", summary));
    out.push(FieldFinding::new(
        "next_meeting",
        match &m.next_meeting {
            Some(n) => match n.date {
                Some(d) => format!("{} (« {} »)", format_date_fr(d), n.as_written),
                None => format!("« {} »", n.as_written),
            },
            None => NOT_FOUND.into(),
        },
    ));
    if let Some(r) = &m.rapporteur {
        out.push(FieldFinding::new("rapporteur", r.clone()));
    }
    if !m.recommendations.is_empty() {
        let mut roadmaps: Vec<(&str, usize)> = Vec::new();
        for r in &m.recommendations {
            match roadmaps.iter_mut().find(|(y, _)| *y == r.roadmap) {
                Some((_, n)) => *n += 1,
                None => roadmaps.push((&r.roadmap, 1)),
            }
        }
        let parts: Vec<String> = roadmaps
            .iter()
            .map(|(y, n)| format!("feuille de route {y} : {n}"))
            .collect();
        out.push(FieldFinding::new(
            "recommendations",
            format!(
                "{} ({})",
                count(m.recommendations.len(), "recommandation", "recommandations"),
                parts.join(", ")
            ),
        ));
    }
    out
}
