//! Small view models and formatting shared by the pages. Templates get plain strings and flags,
//! prepared here once per request.

use cadre_domain::dates::{format_date_fr, means_none};
use cadre_domain::{ActionPoint, ActionStatus, DeadlineMeaning};
use chrono::{NaiveDate, NaiveTime, Timelike};

pub fn date_fr(d: NaiveDate) -> String {
    format_date_fr(d)
}

/// "9h15", "11h00", as the minutes write times.
pub fn time_fr(t: NaiveTime) -> String {
    format!("{}h{:02}", t.hour(), t.minute())
}

/// "9h15 – 11h00", "à partir de 9h15", or nothing.
pub fn hours(start: Option<NaiveTime>, end: Option<NaiveTime>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("{} – {}", time_fr(s), time_fr(e))),
        (Some(s), None) => Some(format!("à partir de {}", time_fr(s))),
        (None, Some(e)) => Some(format!("jusqu'à {}", time_fr(e))),
        (None, None) => None,
    }
}

/// Percent-encodes a query value (UTF-8), keeping unreserved characters.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path?k=v&…` with the non-empty parameters.
pub fn url_with(path: &str, params: &[(&str, String)]) -> String {
    let mut url = path.to_owned();
    let mut first = true;
    for (k, v) in params {
        if v.is_empty() {
            continue;
        }
        url.push(if first { '?' } else { '&' });
        first = false;
        url.push_str(k);
        url.push('=');
        url.push_str(&url_encode(v));
    }
    url
}

pub fn status_class(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "st-open",
        ActionStatus::InProgress => "st-progress",
        ActionStatus::Done => "st-done",
        ActionStatus::Dropped => "st-dropped",
    }
}

/// Links between pages of a list, keeping the filters.
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub first: i64,
    pub last: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new(
        path: &str,
        filters: &[(&str, String)],
        page: i64,
        per_page: i64,
        total: i64,
        shown: usize,
    ) -> Pager {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let link = |p: i64| {
            let mut params = filters.to_vec();
            if p > 1 {
                params.push(("page", p.to_string()));
            }
            url_with(path, &params)
        };
        let first = (page - 1) * per_page + 1;
        Pager {
            page,
            pages,
            total,
            first: if shown == 0 { 0 } else { first },
            last: first + shown as i64 - 1,
            prev: (page > 1).then(|| link((page - 1).min(pages))),
            next: (page < pages).then(|| link(page + 1)),
        }
    }

    pub fn offset(page: i64, per_page: i64) -> i64 {
        (page - 1).saturating_mul(per_page)
    }
}

/// A responsible organisation, linked to its action points.
pub struct OrgLink {
    pub id: i64,
    pub short: String,
    pub name: String,
}

/// One action point, ready to show.
pub struct ActionRow {
    pub id: i64,
    pub what: String,
    pub responsible: Vec<OrgLink>,
    pub responsible_as_written: String,
    pub deadline_as_written: String,
    /// What the deadline means, when it adds something to the text.
    pub deadline_meaning: Option<String>,
    pub status_label: &'static str,
    pub status_class: &'static str,
    pub overdue: bool,
    pub meeting_id: i64,
    pub meeting_date: String,
    pub body: String,
    pub agenda_item_id: i64,
    pub agenda_item_title: String,
}

impl ActionRow {
    pub fn new(a: &ActionPoint, today: NaiveDate) -> ActionRow {
        // A placeholder ("/", "////", "N/A") or nothing is never shown as written.
        let no_date = means_none(&a.deadline.as_written);
        let meaning = match a.deadline.meaning {
            _ if no_date => None,
            DeadlineMeaning::None => Some("sans date".to_owned()),
            DeadlineMeaning::Date { date } => {
                let label = date_fr(date);
                (label != a.deadline.as_written).then_some(label)
            }
            DeadlineMeaning::Month { .. } | DeadlineMeaning::Year { .. } => a
                .deadline
                .due_by()
                .map(|d| format!("échéance : {}", date_fr(d))),
            DeadlineMeaning::AsSoonAsPossible => a
                .due_on()
                .map(|d| format!("en retard après le {}", date_fr(d))),
            ref m => {
                let label = m.label_fr();
                (!label.eq_ignore_ascii_case(&a.deadline.as_written)).then_some(label)
            }
        };
        ActionRow {
            id: a.id.get(),
            what: a.what.clone(),
            responsible: a
                .responsible
                .iter()
                .map(|o| OrgLink {
                    id: o.id.get(),
                    short: o.short().to_owned(),
                    name: o.name.clone(),
                })
                .collect(),
            responsible_as_written: if means_none(&a.responsible_as_written) {
                "non précisé".to_owned()
            } else {
                a.responsible_as_written.clone()
            },
            deadline_as_written: if no_date {
                "sans date".to_owned()
            } else {
                a.deadline.as_written.clone()
            },
            deadline_meaning: meaning,
            status_label: a.status.label_fr(),
            status_class: status_class(a.status),
            overdue: a.is_overdue(today),
            meeting_id: a.meeting_id.get(),
            meeting_date: date_fr(a.meeting_date),
            body: a.body.clone(),
            agenda_item_id: a.agenda_item_id.get(),
            agenda_item_title: a.agenda_item_title.clone(),
        }
    }
}

/// An option of a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_keep_filters_and_encode_them() {
        assert_eq!(
            url_with(
                "/x",
                &[("a", "Migration irrégulière".into()), ("b", String::new())]
            ),
            "/x?a=Migration%20irr%C3%A9guli%C3%A8re"
        );
        let p = Pager::new(
            "/meetings",
            &[("body", "gtm-tahoua".into())],
            2,
            50,
            120,
            50,
        );
        assert_eq!(p.pages, 3);
        assert_eq!(p.prev.as_deref(), Some("/meetings?body=gtm-tahoua"));
        assert_eq!(p.next.as_deref(), Some("/meetings?body=gtm-tahoua&page=3"));
        assert_eq!((p.first, p.last), (51, 100));
    }
}
