//! The iCalendar feed (RFC 5545).

mod common;

use common::*;

use cadre_i18n::Lang;
use cadre_outputs::calendar::{CalendarEvent, escape, feed, unfold};

fn events() -> Vec<CalendarEvent> {
    vec![
        CalendarEvent {
            uid: "meeting-42@cadre".into(),
            summary: "GTM Niamey – réunion mensuelle".into(),
            date: d(2026, 12, 1),
            time: Some(hm(9, 0)),
            location: Some("Salle de réunion de la DGECM-R, Niamey".into()),
            url: "https://cadre.example.ne/reunions/42".into(),
            description: "Ordre du jour : présentation du projet Re.Mi ; synthèse des recommandations des CRCM d’Agadez et de Zinder, points d’action ; divers.\nRapporteur : \\SP/CCM\\".into(),
        },
        CalendarEvent {
            uid: "meeting-43@cadre".into(),
            summary: "CRCM Zinder, 2e session".into(),
            date: d(2026, 12, 31),
            time: None,
            location: None,
            url: "https://cadre.example.ne/reunions/43".into(),
            description: "Session régionale".into(),
        },
    ]
}

#[test]
fn every_line_ends_with_crlf_and_fits_75_octets() {
    let ics = feed(
        &events(),
        "Réunions des instances de gouvernance des migrations au Niger (GTM, CCM, CRCM)",
        Lang::Fr,
    );
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "a bare LF");
    assert!(!ics.replace("\r\n", "").contains('\r'), "a bare CR");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // Some lines were long enough to fold.
    assert!(ics.contains("\r\n "));
}

#[test]
fn folded_lines_unfold_to_the_original_even_inside_multibyte_characters() {
    let long = "é".repeat(50) + &"œ’«»".repeat(20) + "fin";
    let e = CalendarEvent {
        uid: "u@cadre".into(),
        summary: long.clone(),
        date: d(2026, 12, 1),
        time: None,
        location: None,
        url: String::new(),
        description: String::new(),
    };
    let ics = feed(&[e], "x", Lang::Fr);
    // Every physical line is valid UTF-8 on its own: no character was cut.
    for line in ics.split("\r\n") {
        assert!(std::str::from_utf8(line.as_bytes()).is_ok());
        assert!(line.len() <= 75);
    }
    let lines = unfold(&ics);
    assert!(
        lines.contains(&format!("SUMMARY;LANGUAGE=fr:{long}")),
        "{lines:?}"
    );
}

#[test]
fn text_values_are_escaped() {
    assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    let ics = feed(&events(), "Cadre; GTM, CCM", Lang::Fr);
    let lines = unfold(&ics);
    assert!(lines.contains(&"X-WR-CALNAME:Cadre\\; GTM\\, CCM".to_owned()));
    let description = lines.iter().find(|l| l.starts_with("DESCRIPTION")).unwrap();
    assert!(
        description.ends_with("divers.\\nRapporteur : \\\\SP/CCM\\\\"),
        "{description}"
    );
    assert!(description.contains("présentation du projet Re.Mi \\; synthèse"));
    assert!(
        lines.contains(&"LOCATION;LANGUAGE=fr:Salle de réunion de la DGECM-R\\, Niamey".to_owned())
    );
    // A URI is not TEXT: written as it is.
    assert!(lines.contains(&"URL:https://cadre.example.ne/reunions/42".to_owned()));
}

#[test]
fn timed_events_are_in_utc_and_all_day_events_are_dates() {
    let lines = unfold(&feed(&events(), "GTM", Lang::En));
    let expected = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:GTM",
        "BEGIN:VEVENT",
        "UID:meeting-42@cadre",
        "DTSTAMP:20261201T000000Z",
        // 09:00 in Niamey (WAT, UTC+1, no daylight saving) is 08:00 UTC; two hours by default.
        "DTSTART:20261201T080000Z",
        "DTEND:20261201T100000Z",
        "SUMMARY;LANGUAGE=en:GTM Niamey – réunion mensuelle",
        "END:VEVENT",
        "UID:meeting-43@cadre",
        // All day: the next day ends it, across the year's end.
        "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101",
        "END:VCALENDAR",
    ];
    for line in expected {
        assert!(
            lines.iter().any(|l| l == line),
            "{line} missing: {lines:#?}"
        );
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:-//Cadre//")));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
    // No LOCATION for the event without one.
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("LOCATION")).count(),
        1
    );
    // A meeting just after midnight in Niamey is still the day before in UTC.
    let early = CalendarEvent {
        time: Some(hm(0, 30)),
        ..events()[0].clone()
    };
    let lines = unfold(&feed(&[early], "GTM", Lang::Fr));
    assert!(
        lines.contains(&"DTSTART:20261130T233000Z".to_owned()),
        "{lines:?}"
    );
}

#[test]
fn the_same_events_give_the_same_feed() {
    assert_eq!(
        feed(&events(), "GTM", Lang::Fr),
        feed(&events(), "GTM", Lang::Fr)
    );
}
