//! Small view models and formatting shared by the pages. Templates get plain strings and flags,
//! prepared here once per request.

use cadre_domain::dates::means_none;
use cadre_domain::{ActionPoint, ActionStatus, DeadlineMeaning};
use chrono::{NaiveDate, NaiveTime};

pub fn date_text(d: NaiveDate) -> String {
    cadre_i18n::date(crate::language::current(), d)
}

/// "9h15" in French, "9:15" in English.
pub fn time_text(t: NaiveTime) -> String {
    cadre_i18n::time(crate::language::current(), t)
}

/// "9h15 – 11h00", "à partir de 9h15", or nothing.
pub fn hours(start: Option<NaiveTime>, end: Option<NaiveTime>) -> Option<String> {
    let lang = crate::language::current();
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("{} – {}", time_text(s), time_text(e))),
        (Some(s), None) => Some(cadre_i18n::tf(
            lang,
            "hours-from",
            &[("time", time_text(s).into())],
        )),
        (None, Some(e)) => Some(cadre_i18n::tf(
            lang,
            "hours-until",
            &[("time", time_text(e).into())],
        )),
        (None, None) => None,
    }
}

/// A note of the import in the page's language: its catalogue message when it has a code,
/// its stored text otherwise (notes stored before codes existed).
pub fn note_text(
    prefix: &str,
    code: Option<&str>,
    args: &std::collections::BTreeMap<String, String>,
    stored: &str,
) -> String {
    match code {
        Some(code) => cadre_i18n::stored(
            crate::language::current(),
            &format!("{prefix}-{code}"),
            args.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ),
        None => stored.to_owned(),
    }
}

/// Text of a document for a page: escaped, with what the readers mark kept as marked —
/// `5^{ème}` (a superscript in Word) becomes `5<sup>ème</sup>` — and a line that starts with
/// two list markers ("- • texte", a numbering and a bullet glyph) with one.
pub fn rich(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let mut rest = trimmed;
        let mut markers = 0;
        while let Some(after) = rest
            .strip_prefix(['-', '•', '◦', '▪', '\u{f0b7}', '–'])
            .filter(|a| a.starts_with(' ') || a.is_empty())
        {
            markers += 1;
            rest = after.trim_start();
        }
        let line = if markers > 1 {
            format!("- {rest}")
        } else {
            line.to_owned()
        };
        let mut pieces = line.split("^{");
        escape_into(&mut out, pieces.next().unwrap_or_default());
        for piece in pieces {
            match piece.split_once('}') {
                Some((sup, after)) if sup.chars().count() <= 12 => {
                    out.push_str("<sup>");
                    escape_into(&mut out, sup);
                    out.push_str("</sup>");
                    escape_into(&mut out, after);
                }
                _ => {
                    escape_into(&mut out, "^{");
                    escape_into(&mut out, piece);
                }
            }
        }
    }
    out
}

/// Free text as a reader may see it: contacts masked for all but the secretariat (who sees
/// them, `mask` false).
pub(crate) fn for_reader(text: &str, mask: bool) -> String {
    if mask {
        cadre_domain::privacy::mask_contacts(text).into_owned()
    } else {
        text.to_owned()
    }
}

/// Text made safe inside HTML or SVG written by hand (element content and attributes).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
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
    pub total: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// "1–50 sur 1 234 · page 1 / 25", in the page's language.
    pub summary: String,
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
        let (shown_first, last) = (if shown == 0 { 0 } else { first }, first + shown as i64 - 1);
        let lang = crate::language::current();
        let summary = cadre_i18n::tf(
            lang,
            "pager-summary",
            &[
                ("first", shown_first.into()),
                ("last", last.into()),
                ("total", total.into()),
                ("page", page.into()),
                ("pages", pages.into()),
            ],
        );
        Pager {
            total,
            summary,
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
    /// "ouvert depuis 14 mois": pending points only.
    pub age: Option<String>,
    pub meeting_id: i64,
    pub meeting_date: String,
    pub body: String,
    pub agenda_item_id: i64,
    pub agenda_item_title: String,
}

impl ActionRow {
    pub fn new(a: &ActionPoint, today: NaiveDate) -> ActionRow {
        let lang = crate::language::current();
        let t = |key| cadre_i18n::t(lang, key);
        let date = |d| cadre_i18n::date(lang, d);
        // A placeholder ("/", "////", "N/A") or nothing is never shown as written.
        let no_date = means_none(&a.deadline.as_written);
        let meaning = match a.deadline.meaning {
            _ if no_date => None,
            DeadlineMeaning::None => Some(t("deadline-none").to_owned()),
            DeadlineMeaning::Date { date: d } => {
                let label = date(d);
                (label != a.deadline.as_written).then_some(label)
            }
            DeadlineMeaning::Month { .. } | DeadlineMeaning::Year { .. } => a
                .deadline
                .due_by()
                .map(|d| cadre_i18n::tf(lang, "deadline-due-by", &[("day", date(d).into())])),
            DeadlineMeaning::AsSoonAsPossible => a.due_on().map(|d| {
                cadre_i18n::tf(lang, "deadline-asap-late-after", &[("day", date(d).into())])
            }),
            DeadlineMeaning::AtEvent => Some(t("deadline-at-event").to_owned()),
            DeadlineMeaning::Ongoing => {
                let label = t("deadline-ongoing");
                (!label.eq_ignore_ascii_case(&a.deadline.as_written)).then(|| label.to_owned())
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
                t("not-specified-m").to_owned()
            } else {
                a.responsible_as_written.clone()
            },
            deadline_as_written: if no_date {
                t("deadline-none").to_owned()
            } else {
                a.deadline.as_written.clone()
            },
            deadline_meaning: meaning,
            status_label: cadre_i18n::label(lang, "action-status", a.status.as_str()),
            status_class: status_class(a.status),
            overdue: a.is_overdue(today),
            age: age(a.status, a.meeting_date, today),
            meeting_id: a.meeting_id.get(),
            meeting_date: date(a.meeting_date),
            body: a.body.clone(),
            agenda_item_id: a.agenda_item_id.get(),
            agenda_item_title: a.agenda_item_title.clone(),
        }
    }
}

/// How long a pending action point has been waiting, as people say it: "ouvert depuis
/// 14 mois", "en cours depuis 11 jours"; nothing once it is done or dropped.
pub fn age(status: ActionStatus, since: NaiveDate, today: NaiveDate) -> Option<String> {
    if !status.is_pending() || since > today {
        return None;
    }
    let lang = crate::language::current();
    let status_label = cadre_i18n::label(lang, "action-status", status.as_str());
    let days = (today - since).num_days();
    let (key, n) = if days < 1 {
        ("age-today", 0)
    } else if days < 61 {
        ("age-days", days)
    } else {
        let months = days * 12 / 365;
        if months < 24 {
            ("age-months", months)
        } else {
            ("age-years", months / 12)
        }
    };
    Some(cadre_i18n::tf(
        lang,
        key,
        &[("status", status_label.into()), ("n", n.into())],
    ))
}

/// An option of a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// "See other": where a form sends the browser once it is saved (the page then shows the
/// change, and reloading it does not post the form again).
pub(crate) fn see_other(to: &str) -> axum::response::Response {
    use axum::response::IntoResponse as _;
    let mut r = axum::response::Redirect::to(to).into_response();
    *r.status_mut() = axum::http::StatusCode::SEE_OTHER;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_text_keeps_its_superscripts_and_one_bullet() {
        assert_eq!(rich("la 5^{ème} session"), "la 5<sup>ème</sup> session");
        assert_eq!(rich("<b>&</b> ^{x"), "&lt;b&gt;&amp;&lt;/b&gt; ^{x");
        assert_eq!(rich("^{<script>}"), "<sup>&lt;script&gt;</sup>");
        assert_eq!(
            rich("- • Création\n• Duplication"),
            "- Création\n• Duplication"
        );
        assert_eq!(rich("- un\n- deux"), "- un\n- deux");
    }

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
        assert_eq!(p.summary, "51–100 sur 120 · page 2 / 3");
        assert_eq!(p.prev.as_deref(), Some("/meetings?body=gtm-tahoua"));
        assert_eq!(p.next.as_deref(), Some("/meetings?body=gtm-tahoua&page=3"));
    }
}
