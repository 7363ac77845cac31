//! Meetings as an iCalendar feed (RFC 5545) that calendars subscribe to.
//!
//! Written by hand: the format is a few lines of text with three rules (CRLF line ends,
//! lines folded at 75 octets, TEXT values escaped), which are implemented and tested here;
//! the `icalendar` crate would bring its own date types and a parser Cadre does not need.
//!
//! Times are Niger's: West Africa Time, UTC+1 all year (Niger has no daylight saving), so a
//! meeting at 09:00 is written 08:00 UTC (`080000Z`) and no VTIMEZONE is needed. A meeting
//! without a time is an all-day event.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use cadre_i18n::Lang;

/// One meeting in the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across feeds (e.g. "meeting-42@cadre"): calendars update the event instead of
    /// adding another.
    pub uid: String,
    pub summary: String,
    pub date: NaiveDate,
    /// Niger time; `None` for an all-day event.
    pub time: Option<NaiveTime>,
    pub location: Option<String>,
    pub url: String,
    pub description: String,
}

/// West Africa Time is UTC+1, with no daylight saving.
const WAT_OFFSET_HOURS: i64 = 1;
/// A meeting whose end is unknown lasts two hours.
const DEFAULT_DURATION_HOURS: i64 = 2;
/// RFC 5545 §3.1: lines longer than this many octets are folded.
const MAX_LINE_OCTETS: usize = 75;

/// The feed named `name` (shown by calendars as the calendar's name).
///
/// Each event's DTSTAMP is derived from the event itself (midnight UTC of its day), not
/// from the clock: the same meetings give the same feed, and calendars polling it do not
/// see an unchanged event as modified.
pub fn feed(events: &[CalendarEvent], name: &str, lang: Lang) -> String {
    let language = match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(
        &mut out,
        &format!(
            "PRODID:-//Cadre//Cadre {}//{}",
            env!("CARGO_PKG_VERSION"),
            language.to_uppercase()
        ),
    );
    line(&mut out, "VERSION:2.0");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    line(&mut out, "X-WR-TIMEZONE:Africa/Niamey");
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&e.uid)));
        line(
            &mut out,
            &format!("DTSTAMP:{}", utc(e.date.and_time(NaiveTime::MIN))),
        );
        match e.time {
            Some(time) => {
                let start = e.date.and_time(time) - Duration::hours(WAT_OFFSET_HOURS);
                let end = start + Duration::hours(DEFAULT_DURATION_HOURS);
                line(&mut out, &format!("DTSTART:{}", utc(start)));
                line(&mut out, &format!("DTEND:{}", utc(end)));
            }
            None => {
                let next = e.date.succ_opt().unwrap_or(e.date);
                line(
                    &mut out,
                    &format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")),
                );
                line(
                    &mut out,
                    &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
                );
            }
        }
        line(
            &mut out,
            &format!("SUMMARY;LANGUAGE={language}:{}", escape(&e.summary)),
        );
        if let Some(location) = e.location.as_deref().filter(|l| !l.trim().is_empty()) {
            line(
                &mut out,
                &format!("LOCATION;LANGUAGE={language}:{}", escape(location)),
            );
        }
        if !e.url.is_empty() {
            // A URI value, not TEXT: not escaped; line breaks cannot be part of it.
            let url: String = e.url.chars().filter(|c| !c.is_control()).collect();
            line(&mut out, &format!("URL:{url}"));
        }
        if !e.description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION;LANGUAGE={language}:{}", escape(&e.description)),
            );
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn utc(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks
/// written `\n`; other control characters cannot appear and are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded: after every 75 octets (74 on continuation lines, which
/// start with a space), never inside a UTF-8 character; each physical line ends with CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The content lines of a feed, unfolded (RFC 5545 §3.1): what a calendar reads.
pub fn unfold(feed: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in feed.split("\r\n") {
        match physical.strip_prefix([' ', '\t']) {
            Some(rest) if !lines.is_empty() => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(rest);
                }
            }
            _ => lines.push(physical.to_owned()),
        }
    }
    if lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}
