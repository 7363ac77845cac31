//! Dates, times and deadlines as the minutes write them, and what they mean.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::text::fold;

const MONTHS: [(&str, u32); 14] = [
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("fev", 2),
    ("sept", 9),
];

fn month_number(word: &str) -> Option<u32> {
    let w = fold(word);
    let w = w.trim_end_matches('.');
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, n)| *n)
}

/// Splits folded text into tokens of letters or of digits, keeping `/` and `-` between digits
/// as their own tokens, so that "16février2023" reads as "16", "fevrier", "2023".
fn tokens(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None::<(usize, bool)>;
    for (i, c) in folded.char_indices() {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (start, class) {
            (Some((s, d)), Some(k)) if d == k => {
                let _ = s;
            }
            (Some((s, _)), _) => {
                out.push(&folded[s..i]);
                start = class.map(|k| (i, k));
                if class.is_none() && (c == '/' || c == '-' || c == '.') {
                    out.push(&folded[i..i + c.len_utf8()]);
                }
            }
            (None, Some(k)) => start = Some((i, k)),
            (None, None) => {
                if c == '/' || c == '-' || c == '.' {
                    out.push(&folded[i..i + c.len_utf8()]);
                }
            }
        }
    }
    if let Some((s, _)) = start {
        out.push(&folded[s..]);
    }
    out
}

fn year_of(tok: &str) -> Option<i32> {
    let n: i32 = tok.parse().ok()?;
    match tok.len() {
        4 if (1990..=2100).contains(&n) => Some(n),
        2 => Some(2000 + n),
        _ => None,
    }
}

/// The first calendar date written in `text`: "16 février 2023", "Le jeudi 03 février 2022",
/// "17/05/2022", "16février2023", "4 Mars 2021", "2023-02-16".
pub fn parse_french_date(text: &str) -> Option<NaiveDate> {
    let folded = fold(text);
    let t = tokens(&folded);
    for i in 0..t.len() {
        let Ok(first) = t[i].parse::<u32>() else {
            continue;
        };
        // 2023-02-16
        if t[i].len() == 4 && t.get(i + 1) == Some(&"-") && t.get(i + 3) == Some(&"-") {
            if let (Some(m), Some(d)) = (
                t.get(i + 2).and_then(|s| s.parse().ok()),
                t.get(i + 4).and_then(|s| s.parse().ok()),
            ) {
                if let Some(date) = NaiveDate::from_ymd_opt(first as i32, m, d) {
                    return Some(date);
                }
            }
        }
        // 17/05/2022, 17-05-2022, 17.05.2022
        if let (Some(sep), Some(m), Some(sep2), Some(y)) =
            (t.get(i + 1), t.get(i + 2), t.get(i + 3), t.get(i + 4))
        {
            if ["/", "-", "."].contains(sep) && sep == sep2 {
                if let (Ok(m), Some(y)) = (m.parse::<u32>(), year_of(y)) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, first) {
                        return Some(date);
                    }
                }
            }
        }
        // 16 février 2023, 1er mars 2023
        let mut j = i + 1;
        if t.get(j) == Some(&"er") {
            j += 1;
        }
        if let (Some(m), Some(y)) = (
            t.get(j).and_then(|w| month_number(w)),
            t.get(j + 1).and_then(|y| year_of(y)),
        ) {
            if t.get(j + 1).is_some_and(|y| y.len() == 4) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, first) {
                    return Some(date);
                }
            }
        }
    }
    None
}

/// A month written with its year, "mars 2023", and no day.
fn parse_month_year(text: &str) -> Option<(i32, u32)> {
    let folded = fold(text);
    let t = tokens(&folded);
    t.windows(2).find_map(|w| {
        let m = month_number(w[0])?;
        let y = year_of(w[1]).filter(|_| w[1].len() == 4)?;
        Some((y, m))
    })
}

/// A time "9H15", "9h30", "10h15mn", "09:30", "14h".
fn parse_time(tok: &str) -> Option<NaiveTime> {
    let t = fold(tok);
    let t = t.trim().trim_end_matches("mn").trim_end_matches("min");
    let (h, m) = t.split_once(['h', ':']).unwrap_or((t, "0"));
    let h: u32 = h.trim().parse().ok()?;
    let m = m.trim();
    let m: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    NaiveTime::from_hms_opt(h, m, 0)
}

/// All times written in `text`, in order.
pub fn find_times(text: &str) -> Vec<NaiveTime> {
    let folded = fold(text);
    let bytes: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if j - i <= 2 && j < bytes.len() && (bytes[j] == 'h' || bytes[j] == ':') {
                let mut k = j + 1;
                while k < bytes.len() && bytes[k].is_ascii_digit() && k - j <= 2 {
                    k += 1;
                }
                let after_is_letter =
                    k < bytes.len() && bytes[k].is_alphabetic() && !matches!(bytes[k], 'm');
                let colon_needs_minutes = bytes[j] == ':' && k == j + 1;
                if !after_is_letter && !colon_needs_minutes {
                    let s: String = bytes[i..k].iter().collect();
                    if let Some(t) = parse_time(&s) {
                        out.push(t);
                    }
                }
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// "9H15-11H00", "9h30 - 11h20", "10h15mn": start and, when written, end.
pub fn parse_time_range(text: &str) -> (Option<NaiveTime>, Option<NaiveTime>) {
    let times = find_times(text);
    (times.first().copied(), times.get(1).copied())
}

/// What a deadline as written means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineMeaning {
    Date { date: NaiveDate },
    Month { year: i32, month: u32 },
    Year { year: i32 },
    AsSoonAsPossible,
    None,
}

/// A deadline as the minutes wrote it, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deadline {
    pub as_written: String,
    pub meaning: DeadlineMeaning,
}

/// Cells that mean "nothing here": "N/A", "/", "////", "-", "néant".
pub fn means_none(cell: &str) -> bool {
    let t = cell.trim();
    if t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '/' | '-' | '_' | '.' | '—' | '–'))
    {
        return true;
    }
    let f = crate::text::match_key(t);
    matches!(
        f.as_str(),
        "na" | "neant" | "nd" | "aucun" | "aucune" | "none" | "ras"
    ) || f
        .strip_prefix(|c: char| c.is_ascii_digit())
        .is_some_and(|r| r == "na")
}

impl Deadline {
    /// Reads a deadline cell. Nothing is lost: the text stays as written beside its meaning.
    pub fn parse(as_written: &str) -> Deadline {
        let as_written = as_written.trim().to_owned();
        let meaning = DeadlineMeaning::of(&as_written);
        Deadline {
            as_written,
            meaning,
        }
    }

    pub fn none() -> Deadline {
        Deadline {
            as_written: String::new(),
            meaning: DeadlineMeaning::None,
        }
    }

    /// The last day by which the action is due, when the deadline names one.
    pub fn due_by(&self) -> Option<NaiveDate> {
        self.meaning.due_by()
    }
}

impl DeadlineMeaning {
    fn of(text: &str) -> DeadlineMeaning {
        if means_none(text) {
            return DeadlineMeaning::None;
        }
        let f = fold(text);
        let asap = [
            "plus tot possible",
            "des que possible",
            "plus vite possible",
            "immediatement",
            "sans delai",
            "au plus tot",
            "asap",
        ];
        if asap.iter().any(|p| f.contains(p)) {
            return DeadlineMeaning::AsSoonAsPossible;
        }
        if let Some(date) = parse_french_date(text) {
            return DeadlineMeaning::Date { date };
        }
        if let Some((year, month)) = parse_month_year(text) {
            return DeadlineMeaning::Month { year, month };
        }
        let t = f.trim();
        if t.len() == 4 {
            if let Some(year) = year_of(t) {
                return DeadlineMeaning::Year { year };
            }
        }
        DeadlineMeaning::None
    }

    pub fn due_by(&self) -> Option<NaiveDate> {
        match *self {
            DeadlineMeaning::Date { date } => Some(date),
            DeadlineMeaning::Month { year, month } => {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                };
                next.and_then(|d| d.pred_opt())
            }
            DeadlineMeaning::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31),
            DeadlineMeaning::AsSoonAsPossible | DeadlineMeaning::None => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            DeadlineMeaning::Date { .. } => "date",
            DeadlineMeaning::Month { .. } => "month",
            DeadlineMeaning::Year { .. } => "year",
            DeadlineMeaning::AsSoonAsPossible => "as_soon_as_possible",
            DeadlineMeaning::None => "none",
        }
    }

    /// Rebuilds a meaning from its stored parts (kind and due date).
    pub fn from_parts(kind: &str, due: Option<NaiveDate>) -> DeadlineMeaning {
        match (kind, due) {
            ("date", Some(date)) => DeadlineMeaning::Date { date },
            ("month", Some(d)) => DeadlineMeaning::Month {
                year: d.year(),
                month: d.month(),
            },
            ("year", Some(d)) => DeadlineMeaning::Year { year: d.year() },
            ("as_soon_as_possible", _) => DeadlineMeaning::AsSoonAsPossible,
            _ => DeadlineMeaning::None,
        }
    }

    pub fn label_fr(&self) -> String {
        match *self {
            DeadlineMeaning::Date { date } => date.format("%d/%m/%Y").to_string(),
            DeadlineMeaning::Month { year, month } => {
                format!("{} {year}", MONTHS_FR[month as usize - 1])
            }
            DeadlineMeaning::Year { year } => year.to_string(),
            DeadlineMeaning::AsSoonAsPossible => "le plus tôt possible".into(),
            DeadlineMeaning::None => "sans date limite".into(),
        }
    }
}

pub const MONTHS_FR: [&str; 12] = [
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

/// A date in French for people: "16 février 2023".
pub fn format_date_fr(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS_FR[d.month0() as usize],
        d.year()
    )
}

/// The next meeting as the minutes announced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextMeeting {
    pub as_written: String,
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
}

impl NextMeeting {
    pub fn parse(as_written: &str) -> NextMeeting {
        NextMeeting {
            as_written: as_written.trim().to_owned(),
            date: parse_french_date(as_written),
            time: find_times(as_written).first().copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_the_forms_the_minutes_use() {
        assert_eq!(parse_french_date("16 février 2023"), Some(d(2023, 2, 16)));
        assert_eq!(parse_french_date("17/05/2022"), Some(d(2022, 5, 17)));
        assert_eq!(
            parse_french_date("Date 16février2023"),
            Some(d(2023, 2, 16))
        );
        assert_eq!(
            parse_french_date("Le jeudi 03 février 2022"),
            Some(d(2022, 2, 3))
        );
        assert_eq!(parse_french_date("28 Janvier 2021"), Some(d(2021, 1, 28)));
        assert_eq!(
            parse_french_date("Niamey, le 23 juillet 2021"),
            Some(d(2021, 7, 23))
        );
        assert_eq!(parse_french_date("le 1er mars 2023"), Some(d(2023, 3, 1)));
        assert_eq!(parse_french_date("2023-02-16"), Some(d(2023, 2, 16)));
        assert_eq!(parse_french_date("le 31 février 2023"), None);
        assert_eq!(parse_french_date("Salle de réunion"), None);
    }

    #[test]
    fn times_and_ranges() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(
            parse_time_range("9H15-11H00"),
            (Some(t(9, 15)), Some(t(11, 0)))
        );
        assert_eq!(
            parse_time_range("9h30 - 11h20"),
            (Some(t(9, 30)), Some(t(11, 20)))
        );
        assert_eq!(
            parse_time_range("à partir de 10h15mn"),
            (Some(t(10, 15)), None)
        );
        assert_eq!(parse_time_range("09:30"), (Some(t(9, 30)), None));
        assert_eq!(
            parse_time_range("le 16 mars 2023 à 9h30 dans la salle habituelle").0,
            Some(t(9, 30))
        );
        assert_eq!(parse_time_range("Re.Mi 2023"), (None, None));
    }

    #[test]
    fn deadlines_keep_text_and_meaning() {
        assert_eq!(
            Deadline::parse("Le plus tôt possible").meaning,
            DeadlineMeaning::AsSoonAsPossible
        );
        assert_eq!(
            Deadline::parse("2023").meaning,
            DeadlineMeaning::Year { year: 2023 }
        );
        assert_eq!(
            Deadline::parse("mars 2023").meaning,
            DeadlineMeaning::Month {
                year: 2023,
                month: 3
            }
        );
        assert_eq!(
            Deadline::parse("16/03/2023").meaning,
            DeadlineMeaning::Date {
                date: d(2023, 3, 16)
            }
        );
        for none in ["/", "////", "N/A", "", "néant", "1. N/A", "-"] {
            assert_eq!(
                Deadline::parse(none).meaning,
                DeadlineMeaning::None,
                "{none:?}"
            );
        }
        let dl = Deadline::parse(" mars 2023 ");
        assert_eq!(dl.as_written, "mars 2023");
        assert_eq!(dl.due_by(), Some(d(2023, 3, 31)));
        assert_eq!(Deadline::parse("2022").due_by(), Some(d(2022, 12, 31)));
        assert_eq!(
            Deadline::parse("décembre 2022").due_by(),
            Some(d(2022, 12, 31))
        );
    }

    #[test]
    fn meanings_survive_storage_as_kind_and_due_date() {
        for text in [
            "2023",
            "mars 2023",
            "16/03/2023",
            "Le plus tôt possible",
            "/",
        ] {
            let m = Deadline::parse(text).meaning;
            assert_eq!(
                DeadlineMeaning::from_parts(m.kind(), m.due_by()),
                m,
                "{text}"
            );
        }
    }

    #[test]
    fn next_meeting_keeps_date_and_time() {
        let n = NextMeeting::parse(
            "La date retenue est le 16 mars 2023 à 9h30 dans la salle habituelle.",
        );
        assert_eq!(n.date, Some(d(2023, 3, 16)));
        assert_eq!(n.time, NaiveTime::from_hms_opt(9, 30, 0));
    }

    proptest::proptest! {
        #[test]
        fn any_valid_date_written_in_french_reads_back(y in 1995i32..2060, m in 1u32..=12, day in 1u32..=28) {
            let date = d(y, m, day);
            proptest::prop_assert_eq!(parse_french_date(&format_date_fr(date)), Some(date));
            let numeric = date.format("%d/%m/%Y").to_string();
            proptest::prop_assert_eq!(parse_french_date(&numeric), Some(date));
        }

        #[test]
        fn deadline_parsing_never_panics(s in "\\PC{0,40}") {
            let _ = Deadline::parse(&s);
            let _ = NextMeeting::parse(&s);
        }
    }
}
