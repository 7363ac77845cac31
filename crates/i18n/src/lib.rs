//! Cadre in French (the default) and English.
//!
//! All interface text lives in Fluent catalogues, `locales/<lang>/*.ftl`, embedded in the
//! binary. A message without arguments is formatted once, when the catalogue is first used, so
//! that [`t`] is a map lookup; one with arguments (counts, names) goes through Fluent each time
//! ([`tf`]), which also chooses plural forms. The catalogues are checked by tests: the same
//! keys in both languages, French typography (a narrow no-break space before `:`, `;`, `?`,
//! `!`), every key the templates use present.
//!
//! Dates, times and numbers are written the way each language writes them ([`date`],
//! [`time`], [`number`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

mod lang;

pub use lang::Lang;

/// The catalogue files, by name, French then English: keep the two in step.
const FILES: &[(&str, &str, &str)] = &[
    (
        "common",
        include_str!("../locales/fr/common.ftl"),
        include_str!("../locales/en/common.ftl"),
    ),
    (
        "web",
        include_str!("../locales/fr/web.ftl"),
        include_str!("../locales/en/web.ftl"),
    ),
    (
        "ingest",
        include_str!("../locales/fr/ingest.ftl"),
        include_str!("../locales/en/ingest.ftl"),
    ),
    (
        "outputs",
        include_str!("../locales/fr/outputs.ftl"),
        include_str!("../locales/en/outputs.ftl"),
    ),
];

struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    /// Messages without arguments, formatted once.
    plain: HashMap<String, String>,
}

impl Catalogue {
    fn load(lang: Lang) -> Catalogue {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.identifier()]);
        // No Unicode isolation marks around arguments: pages set `dir` themselves, and the
        // marks would end up in exports and titles.
        bundle.set_use_isolating(false);
        for (name, fr, en) in FILES {
            let source = match lang {
                Lang::Fr => fr,
                Lang::En => en,
            };
            let resource =
                FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(_, errors)| {
                    panic!(
                        "locales/{}/{name}.ftl does not parse: {errors:?}",
                        lang.code()
                    )
                });
            bundle.add_resource(resource).unwrap_or_else(|errors| {
                panic!(
                    "locales/{}/{name}.ftl repeats a key: {errors:?}",
                    lang.code()
                )
            });
        }
        let mut plain = HashMap::new();
        for (_, fr, en) in FILES {
            let source = match lang {
                Lang::Fr => fr,
                Lang::En => en,
            };
            for key in message_keys(source) {
                let Some(message) = bundle.get_message(&key) else {
                    continue;
                };
                let Some(pattern) = message.value() else {
                    continue;
                };
                let mut errors = Vec::new();
                let value = bundle.format_pattern(pattern, None, &mut errors);
                // A message that needs arguments reports them missing: it is not plain.
                if errors.is_empty() {
                    plain.insert(key, value.into_owned());
                }
            }
        }
        Catalogue { bundle, plain }
    }
}

static CATALOGUES: LazyLock<[Catalogue; 2]> =
    LazyLock::new(|| [Catalogue::load(Lang::Fr), Catalogue::load(Lang::En)]);

fn catalogue(lang: Lang) -> &'static Catalogue {
    &CATALOGUES[lang as usize]
}

/// The keys of a catalogue file's messages, in order (terms and attributes left out).
fn message_keys(source: &str) -> impl Iterator<Item = String> + '_ {
    source.lines().filter_map(|line| {
        let (key, _) = line.split_once('=')?;
        let key = key.trim_end();
        let starts_well = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        (starts_well
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then(|| key.to_owned())
    })
}

/// The message `key` in `lang`, for messages without arguments. An unknown key comes back as
/// itself (tests make sure none is), so that a slip shows instead of breaking the page.
pub fn t(lang: Lang, key: &str) -> &'static str {
    match catalogue(lang).plain.get(key) {
        Some(s) => s.as_str(),
        None => {
            // Leaked once per unknown key and language: a development slip, not a path that
            // requests can grow.
            static UNKNOWN: LazyLock<std::sync::Mutex<HashMap<(Lang, String), &'static str>>> =
                LazyLock::new(Default::default);
            let mut unknown = UNKNOWN.lock().unwrap_or_else(|e| e.into_inner());
            unknown
                .entry((lang, key.to_owned()))
                .or_insert_with(|| Box::leak(key.to_owned().into_boxed_str()))
        }
    }
}

/// The label of a stored value in `lang`: `label(lang, "action-status", "in_progress")` is the
/// message `action-status-in-progress`.
pub fn label(lang: Lang, family: &str, stored: &str) -> &'static str {
    t(lang, &format!("{family}-{}", stored.replace('_', "-")))
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}

/// The message `key` in `lang` with its arguments (plural forms chosen by the numbers).
pub fn tf(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let catalogue = catalogue(lang);
    let Some(pattern) = catalogue.bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = catalogue
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors);
    // Fluent writes numbers plainly ("1234"); write them as the language does.
    let mut text = text.into_owned();
    for (_, value) in args {
        if let Arg::Number(n) = value {
            if n.abs() >= 1000 {
                text = text.replace(&n.to_string(), &number(lang, *n));
            }
        }
    }
    text
}

/// The message `key` with arguments stored as text (warnings and findings of an import):
/// numbers become numbers (plural forms), `…_date` (ISO day) and `…_time` (`HH:MM`) arguments
/// are written the language's way.
pub fn stored<'a>(
    lang: Lang,
    key: &str,
    args: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let args: Vec<(&str, Arg)> = args
        .into_iter()
        .map(|(k, v)| {
            let arg = if k.ends_with("_date")
                && let Ok(d) = v.parse::<NaiveDate>()
            {
                Arg::Text(date(lang, d))
            } else if k.ends_with("_time")
                && let Ok(t) = NaiveTime::parse_from_str(v, "%H:%M")
            {
                Arg::Text(time(lang, t))
            } else {
                match v.parse::<i64>() {
                    Ok(n) => Arg::Number(n),
                    Err(_) => Arg::Text(v.to_owned()),
                }
            };
            (k, arg)
        })
        .collect();
    tf(lang, key, &args)
}

/// Every key of the catalogues (the same in both languages: a test checks it).
pub fn keys() -> Vec<String> {
    let mut keys: Vec<String> = FILES
        .iter()
        .flat_map(|(_, fr, _)| message_keys(fr))
        .collect();
    keys.sort();
    keys
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name ("décembre", "December").
pub fn month(lang: Lang, month0: u32) -> &'static str {
    let months = match lang {
        Lang::Fr => &MONTHS_FR,
        Lang::En => &MONTHS_EN,
    };
    months[(month0 as usize).min(11)]
}

/// "1er décembre 2026", "16 février 2023"; "1 December 2026".
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Fr if d.day() == 1 => format!("1er {} {}", month(lang, d.month0()), d.year()),
        _ => format!("{} {} {}", d.day(), month(lang, d.month0()), d.year()),
    }
}

/// "décembre 2026", "December 2026".
pub fn month_year(lang: Lang, year: i32, month0: u32) -> String {
    format!("{} {year}", month(lang, month0))
}

/// "9h15"; "9:15".
pub fn time(lang: Lang, t: NaiveTime) -> String {
    match lang {
        Lang::Fr => format!("{}h{:02}", t.hour(), t.minute()),
        Lang::En => format!("{}:{:02}", t.hour(), t.minute()),
    }
}

/// "12 345" (narrow no-break space); "12,345".
pub fn number(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let separator = match lang {
        Lang::Fr => "\u{202f}",
        Lang::En => ",",
    };
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests;
