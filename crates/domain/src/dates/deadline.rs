//! Deadlines of action points: the cell as written and what it means.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::date::{month_year_in, parse_french_date, year_at};
use super::next_meeting::MonthOfYear;
use super::tokens::{is_digits, skip_words, tokens};
use crate::text::fold;

/// What a deadline as written means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeadlineMeaning {
    Date {
        date: NaiveDate,
    },
    /// Also a quarter or half-year ("1er trimestre 2023"), read as its last month.
    Month {
        year: i32,
        month: u32,
    },
    Year {
        year: i32,
    },
    AsSoonAsPossible,
    /// Due at an event the minutes name rather than date: "lors de la prochaine réunion",
    /// "au cours de l'atelier".
    #[serde(rename = "event")]
    AtEvent,
    /// A continuing task with no end: "en continu", "permanent".
    Ongoing,
    None,
}

/// A deadline as the minutes wrote it, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deadline {
    pub as_written: String,
    pub meaning: DeadlineMeaning,
}

/// "Le plus tôt possible" is due from the meeting on: the action counts as late this many days
/// after the meeting that decided it (a month, the usual interval between two GTM meetings,
/// by which the next meeting expects it done).
pub const AS_SOON_AS_POSSIBLE_DAYS: i64 = 30;

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

/// Phrases that tie a deadline to an event, matched on whole words.
const AT_EVENT: [&str; 16] = [
    "au cours de",
    "au cours du",
    "au cours des",
    "lors de",
    "lors du",
    "lors des",
    "pendant",
    "a la prochaine",
    "au prochain",
    "a l occasion",
    "prochaine reunion",
    "prochaine rencontre",
    "prochaine session",
    "prochaine seance",
    "prochain atelier",
    "prochain gtm",
];

const ONGOING: [&str; 10] = [
    "continu",
    "continue",
    "continus",
    "continuel",
    "continuelle",
    "continuellement",
    "permanent",
    "permanente",
    "permanence",
    "permanents",
];

impl DeadlineMeaning {
    /// The most precise meaning wins: a date over a month, a month over a year, any of them over
    /// an event ("lors de la réunion de mars 2023" is due in March 2023).
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
        let t = tokens(&f);
        if let Some((year, month)) = quarter_in(&t).or_else(|| month_year_in(&t)) {
            return DeadlineMeaning::Month { year, month };
        }
        if let Some(year) = last_year_in(&t) {
            return DeadlineMeaning::Year { year };
        }
        let words = format!(" {} ", crate::text::words(text).join(" "));
        if AT_EVENT.iter().any(|p| words.contains(&format!(" {p} "))) {
            return DeadlineMeaning::AtEvent;
        }
        // "Secrétariat Permanent", "Secrétaire Permanent" name who is responsible, not when.
        if !words.contains(" secretariat permanent ")
            && !words.contains(" secretaire permanent ")
            && ONGOING.iter().any(|w| words.contains(&format!(" {w} ")))
        {
            return DeadlineMeaning::Ongoing;
        }
        DeadlineMeaning::None
    }

    pub fn due_by(&self) -> Option<NaiveDate> {
        match *self {
            DeadlineMeaning::Date { date } => Some(date),
            DeadlineMeaning::Month { year, month } => MonthOfYear { year, month }.last_day(),
            DeadlineMeaning::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31),
            DeadlineMeaning::AsSoonAsPossible
            | DeadlineMeaning::AtEvent
            | DeadlineMeaning::Ongoing
            | DeadlineMeaning::None => None,
        }
    }

    /// The day after which an action decided at a meeting on `meeting` is late: the
    /// deadline's own day, or [`AS_SOON_AS_POSSIBLE_DAYS`] after the meeting for "le plus tôt
    /// possible".
    pub fn due_after(&self, meeting: NaiveDate) -> Option<NaiveDate> {
        match self {
            DeadlineMeaning::AsSoonAsPossible => {
                Some(meeting + chrono::Duration::days(AS_SOON_AS_POSSIBLE_DAYS))
            }
            other => other.due_by(),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            DeadlineMeaning::Date { .. } => "date",
            DeadlineMeaning::Month { .. } => "month",
            DeadlineMeaning::Year { .. } => "year",
            DeadlineMeaning::AsSoonAsPossible => "as_soon_as_possible",
            DeadlineMeaning::AtEvent => "event",
            DeadlineMeaning::Ongoing => "ongoing",
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
            ("event", _) => DeadlineMeaning::AtEvent,
            ("ongoing", _) => DeadlineMeaning::Ongoing,
            _ => DeadlineMeaning::None,
        }
    }

    pub fn label_fr(&self) -> String {
        match *self {
            DeadlineMeaning::Date { date } => date.format("%d/%m/%Y").to_string(),
            DeadlineMeaning::Month { year, month } => MonthOfYear { year, month }.label_fr(),
            DeadlineMeaning::Year { year } => year.to_string(),
            DeadlineMeaning::AsSoonAsPossible => "le plus tôt possible".into(),
            DeadlineMeaning::AtEvent => "lors de l'événement indiqué".into(),
            DeadlineMeaning::Ongoing => "en continu".into(),
            DeadlineMeaning::None => "sans date".into(),
        }
    }
}

/// A quarter or half-year with its year: "1er trimestre 2023", "T2 2023", "second semestre 2022",
/// "dernier trimestre de l'année 2023". Read as the last month of the period, since a deadline
/// falls at its end.
fn quarter_in(t: &[&str]) -> Option<(i32, u32)> {
    (0..t.len()).find_map(|k| {
        let (months, count, after) = match t[k] {
            "trimestre" | "trim" => (3, 4, k + 1),
            "semestre" => (6, 2, k + 1),
            // T1 2023, S2 2023
            "t" | "s" => {
                let months = if t[k] == "t" { 3 } else { 6 };
                let n: u32 = t.get(k + 1).filter(|w| w.len() == 1)?.parse().ok()?;
                let (year, _) = year_at(t, skip_words(t, k + 2, &["-", ","], 1))?;
                return (1..=12 / months).contains(&n).then_some((year, n * months));
            }
            _ => return None,
        };
        let n = ordinal_before(t, k, count)?;
        if !(1..=count).contains(&n) {
            return None;
        }
        let (year, _) = year_at(
            t,
            skip_words(t, after, &[",", "-", "de", "l", "annee", "an"], 4),
        )?;
        Some((year, n * months))
    })
}

/// The rank written before `t[k]`: "1er", "2e", "2ème", "2nd", "premier", "troisième",
/// "dernier" (= `count`).
fn ordinal_before(t: &[&str], k: usize, count: u32) -> Option<u32> {
    let word = *t.get(k.checked_sub(1)?)?;
    let by_word = match word {
        "premier" | "premiere" => Some(1),
        "deuxieme" | "second" | "seconde" => Some(2),
        "troisieme" => Some(3),
        "quatrieme" => Some(4),
        "dernier" | "derniere" => Some(count),
        _ => None,
    };
    if by_word.is_some() {
        return by_word;
    }
    if matches!(
        word,
        "er" | "ere" | "e" | "eme" | "ieme" | "em" | "nd" | "nde"
    ) {
        let digits = *t.get(k.checked_sub(2)?)?;
        return digits.parse().ok().filter(|_| digits.len() == 1);
    }
    None
}

/// The last year written in `t`, in figures or in words: "d'ici fin 2023", "2023-2024".
fn last_year_in(t: &[&str]) -> Option<i32> {
    let mut i = 0;
    let mut last = None;
    while i < t.len() {
        if let Some((year, end)) = year_at(t, i) {
            // "loi 2015-036", "décret n°2020-744" are references, not years.
            let reference = matches!(t.get(end), Some(&("-" | "/")))
                && t.get(end + 1)
                    .is_some_and(|w| is_digits(w) && year_at(t, end + 1).is_none());
            if !reference {
                last = Some(year);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::testing::d;

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
    fn deadlines_in_every_form() {
        let month = |year, month| DeadlineMeaning::Month { year, month };
        let year = |year| DeadlineMeaning::Year { year };
        let cases = [
            ("Au cours de l'atelier", DeadlineMeaning::AtEvent),
            ("lors de la prochaine réunion", DeadlineMeaning::AtEvent),
            ("pendant la session", DeadlineMeaning::AtEvent),
            ("à la prochaine rencontre du GTM", DeadlineMeaning::AtEvent),
            ("lors de la réunion de mars 2023", month(2023, 3)),
            ("fin mars 2023", month(2023, 3)),
            ("Mars 2023", month(2023, 3)),
            ("fév. 2024", month(2024, 2)),
            ("janvier-mars 2023", month(2023, 3)),
            ("1er trimestre 2023", month(2023, 3)),
            ("2ème trimestre 2023", month(2023, 6)),
            ("troisième trimestre de l'année 2023", month(2023, 9)),
            ("T4 2022", month(2022, 12)),
            ("premier semestre 2024", month(2024, 6)),
            ("5e trimestre 2023", year(2023)),
            ("d'ici fin 2023", year(2023)),
            ("courant 2023", year(2023)),
            ("2023-2024", year(2024)),
            ("en deux mille vingt-quatre", year(2024)),
            ("ASAP", DeadlineMeaning::AsSoonAsPossible),
            ("immédiatement", DeadlineMeaning::AsSoonAsPossible),
            (
                "le 16 mars 2023",
                DeadlineMeaning::Date {
                    date: d(2023, 3, 16),
                },
            ),
            (
                "le seize mars deux mille vingt-trois",
                DeadlineMeaning::Date {
                    date: d(2023, 3, 16),
                },
            ),
            ("continu", DeadlineMeaning::Ongoing),
            ("En permanence", DeadlineMeaning::Ongoing),
            ("Permanent", DeadlineMeaning::Ongoing),
            ("Secrétariat Permanent", DeadlineMeaning::None),
            ("Le Secrétaire Permanent", DeadlineMeaning::None),
            ("application de la loi 2015-036", DeadlineMeaning::None),
            ("décret n°2020-744, d'ici 2025", year(2025)),
            ("fin mars", DeadlineMeaning::None),
        ];
        for (text, meaning) in cases {
            assert_eq!(Deadline::parse(text).meaning, meaning, "{text}");
        }
        assert_eq!(
            Deadline::parse("1er trimestre 2023").due_by(),
            Some(d(2023, 3, 31))
        );
        assert_eq!(Deadline::parse("pendant la session").due_by(), None);
    }

    #[test]
    fn every_kind_survives_storage_and_has_a_label() {
        let all = [
            DeadlineMeaning::Date {
                date: d(2023, 3, 16),
            },
            DeadlineMeaning::Month {
                year: 2023,
                month: 2,
            },
            DeadlineMeaning::Year { year: 2023 },
            DeadlineMeaning::AsSoonAsPossible,
            DeadlineMeaning::AtEvent,
            DeadlineMeaning::Ongoing,
            DeadlineMeaning::None,
        ];
        let mut kinds = std::collections::HashSet::new();
        let mut labels = std::collections::HashSet::new();
        for m in all {
            assert_eq!(
                DeadlineMeaning::from_parts(m.kind(), m.due_by()),
                m,
                "{m:?}"
            );
            assert!(
                kinds.insert(m.kind()),
                "two meanings share kind {}",
                m.kind()
            );
            assert!(
                labels.insert(m.label_fr()),
                "two meanings share a label: {m:?}"
            );
        }
        assert_eq!(
            DeadlineMeaning::AtEvent.label_fr(),
            "lors de l'événement indiqué"
        );
        assert_eq!(
            DeadlineMeaning::Month {
                year: 2023,
                month: 5
            }
            .label_fr(),
            "mai 2023"
        );
        assert_eq!(
            DeadlineMeaning::from_parts("event", None),
            DeadlineMeaning::AtEvent
        );
    }
}
