//! Calendar dates as the minutes write them, in figures or in words.

use chrono::NaiveDate;

use super::numbers::{is_number_word, number_words_at};
use super::tokens::{is_digits, skip_words, tokens};
use crate::text::fold;

/// Month names as the minutes write them, folded, with the abbreviations seen in tables
/// ("fév.", "fevr", "sept.").
const MONTHS: [(&str, u32); 25] = [
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
    ("jan", 1),
    ("janv", 1),
    ("fev", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("juill", 7),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("decemb", 12),
];

/// The month a folded token names.
fn month_number(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, n)| *n)
}

/// A month written in full: a bare abbreviation ("sept", "dec") is too often something else to
/// be read as a month without a day or a year beside it.
pub(super) fn full_month_number(word: &str) -> Option<u32> {
    MONTHS[..12]
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, n)| *n)
}

/// A piece of every name in `MONTHS`.
const MONTH_STEMS: [&str; 12] = [
    "jan", "fev", "mars", "avr", "mai", "juin", "juil", "aout", "sep", "oct", "nov", "dec",
];

/// Every date holds a digit or a month name. Most lines of a minute hold neither, and this
/// check costs less than splitting them into tokens; the import reads every line for a date.
fn may_hold_a_date(folded: &str) -> bool {
    folded.bytes().any(|b| b.is_ascii_digit()) || MONTH_STEMS.iter().any(|s| folded.contains(s))
}

fn year_of(tok: &str) -> Option<i32> {
    let n: i32 = tok.parse().ok()?;
    match tok.len() {
        4 if (1990..=2100).contains(&n) => Some(n),
        2 => Some(2000 + n),
        _ => None,
    }
}

/// The years a deadline or a meeting can name; wider would let any number in words pass for one.
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// A year of four digits or in words, 1990 to 2100.
pub(super) fn year_at(t: &[&str], i: usize) -> Option<(i32, usize)> {
    let tok = *t.get(i)?;
    if is_digits(tok) {
        return (tok.len() == 4)
            .then(|| year_of(tok))
            .flatten()
            .map(|y| (y, i + 1));
    }
    let (n, end) = number_words_at(t, i)?;
    let year = i32::try_from(n).ok().filter(|y| YEARS.contains(y))?;
    Some((year, end))
}

/// A day of the month: "16", "03", "1er", "premier", "seize", "vingt et un".
fn day_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
    let tok = *t.get(i)?;
    if is_digits(tok) {
        let day: u32 = tok.parse().ok().filter(|_| tok.len() <= 2)?;
        let next = if matches!(t.get(i + 1), Some(&("er" | "ere"))) {
            i + 2
        } else {
            i + 1
        };
        return (1..=31).contains(&day).then_some((day, next));
    }
    if tok == "premier" {
        return Some((1, i + 1));
    }
    let (day, end) = number_words_at(t, i).filter(|(day, _)| (1..=31).contains(day))?;
    let before = |end: usize| (0..end).rev().find(|&p| t[p] != "-");
    let tail_of_number = match before(i) {
        Some(p) if t[p] == "et" => before(p).is_some_and(|q| is_number_word(t[q])),
        Some(p) => is_number_word(t[p]),
        None => false,
    };
    (!tail_of_number).then_some((day, end))
}

/// A month name, its abbreviation dot included: "février", "fév.".
fn month_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
    let month = month_number(t.get(i)?)?;
    let next = if t.get(i + 1) == Some(&".") {
        i + 2
    } else {
        i + 1
    };
    Some((month, next))
}
/// Words between a month and its year: "mars de l'an deux mille vingt-trois", "mars, 2023".
const BEFORE_YEAR: [&str; 6] = [",", "de", "l", "an", "annee", "en"];

/// A year announced before the day, "L'an deux mille vingt-deux et le vingt-huit …": the
/// nearest "an"/"année" + year that ends just before the day, joined to it by a few short words.
fn year_announced_before(t: &[&str], day_start: usize) -> Option<i32> {
    const JOINING: [&str; 8] = [",", "et", "le", "ce", "jour", "-", ".", "a"];
    (day_start.saturating_sub(16)..day_start)
        .rev()
        .filter(|&a| matches!(t[a], "an" | "annee"))
        .find_map(|a| {
            let (year, end) = year_at(t, a + 1)?;
            let between = t.get(end..day_start)?;
            (between.len() <= 4 && between.iter().all(|w| JOINING.contains(w))).then_some(year)
        })
}

/// A day and month written with words, and the year when one goes with them.
struct DayMonth {
    day: u32,
    month: u32,
    year: Option<i32>,
}

/// "16 février 2023", "le vingt-huit du mois de janvier", "le 3 février de l'an deux mille
/// vingt-deux", and with a year announced before: "L'an deux mille vingt-trois, le seize février".
fn day_month_at(t: &[&str], i: usize) -> Option<DayMonth> {
    let (day, after_day) = day_at(t, i)?;
    let j = skip_words(t, after_day, &["du", "mois", "de", "d"], 3);
    let (month, after_month) = month_at(t, j)?;
    let k = skip_words(t, after_month, &BEFORE_YEAR, 4);
    let year = year_at(t, k)
        .map(|(y, _)| y)
        .or_else(|| year_announced_before(t, i));
    Some(DayMonth { day, month, year })
}

/// A numeric date starting at `i`: "2023-02-16", "17/05/2022", "17-05-22", "17.05.2022".
fn numeric_date_at(t: &[&str], i: usize) -> Option<NaiveDate> {
    let first: u32 = t.get(i).filter(|w| is_digits(w))?.parse().ok()?;
    if t[i].len() == 4
        && t.get(i + 1) == Some(&"-")
        && t.get(i + 3) == Some(&"-")
        && let (Some(m), Some(d)) = (
            t.get(i + 2).and_then(|s| s.parse().ok()),
            t.get(i + 4).and_then(|s| s.parse().ok()),
        )
        && let Some(date) = NaiveDate::from_ymd_opt(first as i32, m, d)
    {
        return Some(date);
    }
    let (sep, m, sep2, y) = (t.get(i + 1)?, t.get(i + 2)?, t.get(i + 3)?, t.get(i + 4)?);
    if ["/", "-", "."].contains(sep) && sep == sep2 {
        let (m, y) = (m.parse::<u32>().ok()?, year_of(y)?);
        return NaiveDate::from_ymd_opt(y, m, first);
    }
    None
}

/// The first calendar date written in `text`, in figures or in words: "16 février 2023",
/// "Le jeudi 03 février 2022", "17/05/2022", "16février2023", "4 Mars 2021", "2023-02-16",
/// "16 fév. 2023", "le premier mars deux mille vingt-trois", "L'an deux mille vingt-deux et le
/// vingt-huit du mois de janvier".
pub fn parse_french_date(text: &str) -> Option<NaiveDate> {
    let folded = fold(text);
    if !may_hold_a_date(&folded) {
        return None;
    }
    let t = tokens(&folded);
    (0..t.len()).find_map(|i| {
        numeric_date_at(&t, i).or_else(|| {
            let dm = day_month_at(&t, i)?;
            NaiveDate::from_ymd_opt(dm.year?, dm.month, dm.day)
        })
    })
}

/// The first day and month written without a year: "le 16 mars".
pub(super) fn parse_day_month_without_year(t: &[&str]) -> Option<(u32, u32)> {
    (0..t.len()).find_map(|i| {
        let dm = day_month_at(t, i)?;
        dm.year.is_none().then_some((dm.day, dm.month))
    })
}

/// A month written with its year, "mars 2023", "fév. 2023", "mai de l'an deux mille vingt-trois",
/// and no day.
pub(super) fn month_year_in(t: &[&str]) -> Option<(i32, u32)> {
    (0..t.len()).find_map(|i| {
        let (month, after) = month_at(t, i)?;
        let (year, _) = year_at(t, skip_words(t, after, &BEFORE_YEAR, 4))?;
        Some((year, month))
    })
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;
    use crate::dates::testing::{any_date, d};
    use crate::dates::{Deadline, DeadlineMeaning, MONTHS_FR, format_date_fr};

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
    fn dates_written_in_words() {
        let cases = [
            (
                "L'an deux mille vingt-deux et le vingt-huit du mois de janvier",
                d(2022, 1, 28),
            ),
            (
                "L'an deux mille vingt-trois, le seize février",
                d(2023, 2, 16),
            ),
            ("le premier mars deux mille vingt-trois", d(2023, 3, 1)),
            ("le 3 février de l'an deux mille vingt-deux", d(2022, 2, 3)),
            ("le vingt et un juin deux mille vingt et un", d(2021, 6, 21)),
            ("le trente et un décembre deux-mille vingt", d(2020, 12, 31)),
            (
                "LE VINGT HUIT JANVIER DEUX MILLE VINGT DEUX",
                d(2022, 1, 28),
            ),
            (
                "le dix-sept mai mil neuf cent quatre-vingt-dix-neuf",
                d(1999, 5, 17),
            ),
            ("le 1er avril deux mille cent", d(2100, 4, 1)),
            (
                "le soixante et onze mars 2023 puis le 2 mars 2023",
                d(2023, 3, 2),
            ),
            ("16 fév. 2023", d(2023, 2, 16)),
            ("16 fevr 2023", d(2023, 2, 16)),
            ("le 4 sept. 2023", d(2023, 9, 4)),
            ("4 Mars 2021", d(2021, 3, 4)),
        ];
        for (text, date) in cases {
            assert_eq!(parse_french_date(text), Some(date), "{text}");
        }
        // The tail of a longer number is not a day, and a year must be a year.
        assert_eq!(parse_french_date("quarante-huit janvier 2023"), None);
        assert_eq!(parse_french_date("le seize février mille"), None);
        assert_eq!(
            parse_french_date("le seize février deux mille"),
            Some(d(2000, 2, 16))
        );
        assert_eq!(parse_french_date("le seize février"), None);
        assert_eq!(
            parse_french_date("L'an deux mille vingt-deux, réunion"),
            None
        );
    }

    #[test]
    fn every_month_name_passes_the_quick_check() {
        for (name, _) in MONTHS {
            assert!(may_hold_a_date(name), "{name}");
        }
        assert!(!may_hold_a_date("points de discussion cles"));
    }

    const UNITS_FR: [&str; 17] = [
        "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze", "treize", "quatorze", "quinze", "seize",
    ];

    /// 1 to 99 in words, the parts joined by `sep` ("-" or " ").
    fn below_100_in_words(n: u32, sep: &str) -> String {
        let tens = [
            "",
            "dix",
            "vingt",
            "trente",
            "quarante",
            "cinquante",
            "soixante",
        ];
        match n {
            0..=16 => UNITS_FR[n as usize].to_owned(),
            17..=19 => format!("dix{sep}{}", UNITS_FR[n as usize - 10]),
            20..=69 => match n % 10 {
                0 => tens[n as usize / 10].to_owned(),
                1 => format!("{}{sep}et{sep}un", tens[n as usize / 10]),
                u => format!("{}{sep}{}", tens[n as usize / 10], UNITS_FR[u as usize]),
            },
            71 => format!("soixante{sep}et{sep}onze"),
            70..=79 => format!("soixante{sep}{}", below_100_in_words(n - 60, sep)),
            80 => format!("quatre{sep}vingts"),
            _ => format!("quatre{sep}vingt{sep}{}", below_100_in_words(n - 80, sep)),
        }
    }

    /// 1990 to 2100 in words; `mille` is the spelling of the thousand ("mille", "mil", "-mille").
    fn year_in_words(y: i32, sep: &str, mille: &str) -> String {
        let y = y as u32;
        let (head, rest) = if y < 2000 {
            (
                format!("{} neuf cent", mille.trim_start_matches('-')),
                y - 1900,
            )
        } else {
            (format!("deux{mille}"), y - 2000)
        };
        match rest {
            0 => head,
            100 => format!("{head} cent"),
            r => format!("{head} {}", below_100_in_words(r, sep)),
        }
    }

    /// A date spelled out the ways the minutes do; `style` picks the layout, `variant` the
    /// spellings.
    fn format_date_in_words_fr(date: NaiveDate, style: u8, variant: u8) -> String {
        let sep = if variant & 1 == 0 { "-" } else { " " };
        let mille = [" mille", "-mille", " mil"][(variant as usize >> 1) % 3];
        let day = match (date.day(), variant & 8 != 0) {
            (1, false) => "premier".to_owned(),
            (1, true) => "1er".to_owned(),
            (n, _) => below_100_in_words(n, sep),
        };
        let month = MONTHS_FR[date.month0() as usize];
        let year = year_in_words(date.year(), sep, mille);
        let text = match style % 5 {
            0 => format!("le {day} {month} {year}"),
            1 => format!("L'an {year}, le {day} {month}"),
            2 => format!("L'an {year} et le {day} du mois de {month}"),
            3 => format!("le {} {month} de l'an {year}", date.day()),
            _ => format!("Niamey, le {day} {month} {year}, à 9h30"),
        };
        if variant & 16 != 0 {
            text.to_uppercase()
        } else {
            text
        }
    }

    /// The abbreviations of the French typographic usage.
    const ABBREVIATED_MONTHS_FR: [&str; 12] = [
        "janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc",
    ];

    const WEEKDAYS_FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];

    proptest::proptest! {
        #[test]
        fn any_date_written_in_words_reads_back(date in any_date(), style in 0u8..5, variant in 0u8..32) {
            let text = format_date_in_words_fr(date, style, variant);
            proptest::prop_assert_eq!(parse_french_date(&text), Some(date), "{}", text);
            proptest::prop_assert_eq!(
                Deadline::parse(&text).meaning, DeadlineMeaning::Date { date }, "{}", text
            );
        }

        #[test]
        fn numeric_forms_read_back(date in any_date(), form in 0usize..9) {
            let month = MONTHS_FR[date.month0() as usize];
            let text = match form {
                0 => date.format("%d/%m/%Y").to_string(),
                1 => date.format("%Y-%m-%d").to_string(),
                2 => date.format("%-d.%m.%Y").to_string(),
                3 => format_date_fr(date),
                4 => format!("{}{month}{}", date.day(), date.year()),
                5 => format!("Le {} {:02} {month} {}",
                    WEEKDAYS_FR[date.weekday().num_days_from_monday() as usize], date.day(), date.year()),
                6 => format!("{} {}. {}", date.day(), ABBREVIATED_MONTHS_FR[date.month0() as usize], date.year()),
                7 => format!("{} {} {}", date.day(), month.to_uppercase(), date.year()),
                // Two-digit years are read in the 2000s.
                _ if (2000..2100).contains(&date.year()) => date.format("%d-%m-%y").to_string(),
                _ => format!("{:02} {month} {}", date.day(), date.year()),
            };
            proptest::prop_assert_eq!(parse_french_date(&text), Some(date), "{}", text);
        }
    }
}
