//! Writes a meeting back as canevas text, the way the secretariats type it. Used to build
//! benchmark corpora; `read_document` reads the result back into the same fields.

use chrono::{NaiveTime, Timelike};

use cadre_domain::dates::{format_date_fr, parse_french_date};
use cadre_domain::{Modality, NewMeeting};

use crate::lines::is_next_steps_title;

fn time(t: NaiveTime) -> String {
    format!("{}H{:02}", t.hour(), t.minute())
}

/// The canevas text of a GTM minute.
pub fn render_canevas(m: &NewMeeting) -> String {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&one_line(&m.title));
    line("");
    line(&format!("Date\t{}", format_date_fr(m.date)));
    match (m.start_time, m.end_time) {
        (Some(s), Some(e)) => line(&format!("Heure\t{}-{}", time(s), time(e))),
        (Some(s), None) => line(&format!("Heure\t{}", time(s))),
        _ => {}
    }
    match (&m.place, m.modality) {
        (Some(p), _) => line(&format!("Lieu\t{}", one_line(p))),
        (None, Modality::Virtual) => line("Lieu\tVirtuelle"),
        (None, Modality::InPerson) => {}
    }
    if !m.attendance.is_empty() {
        let names: Vec<String> = m
            .attendance
            .iter()
            .map(|a| format!("-{}", one_line(&a.organisation)))
            .collect();
        line(&format!("Présence\t{}", names.join(" ; ")));
    }
    line("");
    line("Points inscrits à l'ordre du jour");
    line("");
    let last = m.agenda.len().saturating_sub(1);
    for (k, item) in m.agenda.iter().enumerate() {
        let number = if item.number == 0 {
            String::new()
        } else {
            format!("{}- ", item.number)
        };
        let end = if k == last { "." } else { " ;" };
        line(&format!("- {number}{}{end}", title_with_presenter(item)));
    }
    line("");
    let has_steps_item = m.agenda.iter().any(|a| is_next_steps_title(&a.title));
    let next_sentence = m.next_meeting.as_ref().and_then(|nm| {
        let date = nm.date?;
        if !nm.as_written.is_empty() && parse_french_date(&nm.as_written) == Some(date) {
            return Some(one_line(&nm.as_written));
        }
        let at = nm
            .time
            .map(|t| format!(" à {}h{:02}", t.hour(), t.minute()))
            .unwrap_or_default();
        Some(format!(
            "La prochaine réunion est prévue le {}{at}.",
            format_date_fr(date)
        ))
    });
    for item in &m.agenda {
        let number = if item.number == 0 {
            String::new()
        } else {
            format!("{}. ", item.number)
        };
        line(&format!("{number}{}", title_with_presenter(item)));
        line("");
        line("Points de discussion clés");
        line("");
        for d in item.discussion.lines().filter(|d| !d.trim().is_empty()) {
            line(d.trim());
        }
        if is_next_steps_title(&item.title)
            && let Some(s) = &next_sentence
            && !item.discussion.contains(s.as_str())
        {
            line(s);
        }
        line("");
        line("Points d'action\tPersonnes/agences responsables\tDate limite");
        if item.action_points.is_empty() {
            line("N/A\t\t");
        }
        for p in &item.action_points {
            // An empty responsible cell is written "/" so that the row cannot be read as the
            // continuation of the row above.
            let responsible = if p.responsible.is_empty() {
                "/".to_owned()
            } else {
                p.responsible.join(", ")
            };
            line(&format!(
                "{}\t{}\t{}",
                one_line(&p.what),
                one_line(&responsible),
                one_line(&p.deadline.as_written)
            ));
        }
        line("");
    }
    if !has_steps_item && let Some(s) = &next_sentence {
        line("Coordination prochaines étapes");
        line(s);
        line("");
    }
    if let Some(r) = &m.rapporteur {
        line(&one_line(r));
    }
    out
}

fn title_with_presenter(item: &cadre_domain::NewAgendaItem) -> String {
    match &item.presenter {
        Some(p) => format!("{} ({})", one_line(&item.title), one_line(p)),
        None => one_line(&item.title),
    }
}

/// Cells and headings live on one line: tabs and line breaks inside a value become spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
