//! How action points and times are shown, the same rules as the web pages (`cadre-web`'s
//! `view.rs`): a deadline is shown as written except the placeholders that mean nothing
//! ("/", "////", "N/A", empty), shown as "sans date"; a missing responsible as "non précisé".

use std::borrow::Cow;

use chrono::NaiveTime;

use cadre_domain::dates::means_none;
use cadre_domain::privacy::mask_contacts;
use cadre_domain::{ActionPoint, ActionStatus, Deadline};
use cadre_i18n::{Lang, label, t, tf};

/// The deadline as the minutes wrote it, or "sans date" for a placeholder.
pub(crate) fn deadline(lang: Lang, d: &Deadline) -> String {
    if means_none(&d.as_written) {
        t(lang, "out-no-date").to_owned()
    } else {
        text(&d.as_written)
    }
}

/// The responsible cell as written; when it is a placeholder, the organisations Cadre
/// resolved, else "non précisé".
pub(crate) fn responsible(lang: Lang, a: &ActionPoint) -> String {
    if !means_none(&a.responsible_as_written) {
        return text(&a.responsible_as_written);
    }
    let orgs = organisations(a);
    if orgs.is_empty() {
        t(lang, "out-not-specified").to_owned()
    } else {
        orgs
    }
}

/// The resolved responsible organisations, by acronym when they have one: "SP/CCM, OIM".
pub(crate) fn organisations(a: &ActionPoint) -> String {
    let shorts: Vec<String> = a.responsible.iter().map(|o| text(o.short())).collect();
    shorts.join(", ")
}

pub(crate) fn status(lang: Lang, s: ActionStatus) -> &'static str {
    label(lang, "action-status", s.as_str())
}

/// "9h00 – 11h00", "à partir de 9h00"; None when the minutes give no time.
pub(crate) fn time_range(
    lang: Lang,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
) -> Option<String> {
    let start = cadre_i18n::time(lang, start?);
    Some(match end {
        Some(end) => tf(
            lang,
            "out-time-range",
            &[
                ("start", start.into()),
                ("end", cadre_i18n::time(lang, end).into()),
            ],
        ),
        None => tf(lang, "out-time-from", &[("start", start.into())]),
    })
}

/// Free text on its way out: contacts masked (documents are exports too), runs of spaces
/// and line breaks kept for the caller to split.
pub(crate) fn text(s: &str) -> String {
    match mask_contacts(s) {
        Cow::Borrowed(b) => b.trim().to_owned(),
        Cow::Owned(o) => o.trim().to_owned(),
    }
}

/// Text on one line: tabs and line breaks become spaces (table cells and headings).
pub(crate) fn one_line(s: &str) -> String {
    text(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The separator after each entry of a list written on several lines ("OIM ;"), in the
/// typography of the language.
pub(crate) fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{202f};",
        Lang::En => ";",
    }
}

/// "Réunion virtuelle" → capital first letter for labels used at the start of a cell.
pub(crate) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
