//! Dates, times and deadlines as the minutes write them, and what they mean.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

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
fn full_month_number(word: &str) -> Option<u32> {
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

/// Splits folded text into runs of letters or of digits. `/`, `-`, `.` and `,` stay as tokens of
/// their own because they separate the parts of a date ("17/05/2022", "vingt-huit", "fév. 2023",
/// "L'an …, le seize"), and a change from digits to letters splits a run, so that
/// "16février2023" reads as "16", "fevrier", "2023".
fn tokens(folded: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in folded.char_indices() {
        let digit = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        if let Some((start, was_digit)) = run {
            if digit == Some(was_digit) {
                continue;
            }
            out.push(&folded[start..i]);
            run = None;
        }
        match digit {
            Some(d) => run = Some((i, d)),
            None if matches!(c, '/' | '-' | '.' | ',') => out.push(&folded[i..i + c.len_utf8()]),
            None => {}
        }
    }
    if let Some((start, _)) = run {
        out.push(&folded[start..]);
    }
    out
}

fn is_digits(tok: &str) -> bool {
    !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_digit())
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
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

// ---- French numbers in words ----------------------------------------------------------------
//
// Minutes written by hand or dictated spell dates out ("L'an deux mille vingt-deux et le
// vingt-huit du mois de janvier"). The parsers below read one number starting at a token and
// return it with the index of the token after it. Hyphens between the words are optional
// ("vingt-huit", "vingt huit", "deux-mille"), "mil" is the old spelling of "mille".

/// The index of the first token at or after `i` that is not a hyphen.
fn skip_hyphens(t: &[&str], mut i: usize) -> usize {
    while t.get(i) == Some(&"-") {
        i += 1;
    }
    i
}

fn unit_value(word: &str) -> Option<u32> {
    Some(match word {
        "un" | "une" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        _ => return None,
    })
}

fn tens_value(word: &str) -> Option<u32> {
    Some(match word {
        "vingt" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        _ => return None,
    })
}

fn is_hundred(word: &str) -> bool {
    matches!(word, "cent" | "cents")
}

fn is_thousand(word: &str) -> bool {
    matches!(word, "mille" | "mil" | "milles")
}

/// Whether a token is part of a number in words, so that a day is not read from the tail of a
/// longer number ("quarante-huit" is not "huit").
fn is_number_word(word: &str) -> bool {
    unit_value(word).is_some()
        || tens_value(word).is_some()
        || teen_value(word).is_some()
        || is_hundred(word)
        || is_thousand(word)
        || word == "vingts"
}

fn teen_value(word: &str) -> Option<u32> {
    Some(match word {
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        _ => return None,
    })
}

/// 10 to 19: "dix", "onze" … "seize", "dix-sept" … "dix-neuf".
fn teen_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
    let value = teen_value(t.get(i)?)?;
    if value == 10 {
        let j = skip_hyphens(t, i + 1);
        if let Some(u @ 7..=9) = t.get(j).and_then(|w| unit_value(w)) {
            return Some((10 + u, j + 1));
        }
    }
    Some((value, i + 1))
}

/// 1 to 99.
fn below_100_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
    let word = *t.get(i)?;
    if let Some(tens) = tens_value(word) {
        let j = skip_hyphens(t, i + 1);
        // soixante-dix … soixante-dix-neuf
        if tens == 60
            && let Some((teen, end)) = teen_at(t, j)
        {
            return Some((60 + teen, end));
        }
        // vingt et un, soixante et onze
        if t.get(j) == Some(&"et") {
            let k = skip_hyphens(t, j + 1);
            match t.get(k) {
                Some(&("un" | "une")) => return Some((tens + 1, k + 1)),
                Some(&"onze") if tens == 60 => return Some((71, k + 1)),
                _ => {}
            }
        }
        if let Some(u) = t.get(j).and_then(|w| unit_value(w)) {
            return Some((tens + u, j + 1));
        }
        return Some((tens, i + 1));
    }
    if word == "quatre" {
        let j = skip_hyphens(t, i + 1);
        if matches!(t.get(j), Some(&("vingt" | "vingts"))) {
            let k = skip_hyphens(t, j + 1);
            if let Some((teen, end)) = teen_at(t, k) {
                return Some((80 + teen, end));
            }
            if let Some(u) = t.get(k).and_then(|w| unit_value(w)) {
                return Some((80 + u, k + 1));
            }
            return Some((80, j + 1));
        }
    }
    if let Some(teen) = teen_at(t, i) {
        return Some(teen);
    }
    unit_value(word).map(|u| (u, i + 1))
}

/// 1 to 999.
fn below_1000_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
    let word = *t.get(i)?;
    let (hundreds, after) = if is_hundred(word) {
        (1, i + 1)
    } else if let Some(u @ 2..=9) = unit_value(word)
        && let j = skip_hyphens(t, i + 1)
        && t.get(j).is_some_and(|w| is_hundred(w))
    {
        (u, j + 1)
    } else {
        return below_100_at(t, i);
    };
    match below_100_at(t, skip_hyphens(t, after)) {
        Some((rest, end)) => Some((hundreds * 100 + rest, end)),
        None => Some((hundreds * 100, after)),
    }
}

/// A whole number in French words, 1 to 999 999: "seize", "trente et un",
/// "deux mille vingt-trois", "mil neuf cent quatre-vingt-dix-neuf".
fn number_words_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
    let (thousands, after) = if t.get(i).is_some_and(|w| is_thousand(w)) {
        (1, i + 1)
    } else {
        let (value, end) = below_1000_at(t, i)?;
        let j = skip_hyphens(t, end);
        if t.get(j).is_some_and(|w| is_thousand(w)) {
            (value, j + 1)
        } else {
            return Some((value, end));
        }
    };
    match below_1000_at(t, skip_hyphens(t, after)) {
        Some((rest, end)) => Some((thousands * 1000 + rest, end)),
        None => Some((thousands * 1000, after)),
    }
}

// ---- Parts of a date ------------------------------------------------------------------------

/// A year of four digits or in words, 1990 to 2100.
fn year_at(t: &[&str], i: usize) -> Option<(i32, usize)> {
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

/// Skips up to `max` tokens taken from `words`.
fn skip_words(t: &[&str], mut i: usize, words: &[&str], max: usize) -> usize {
    let mut skipped = 0;
    while skipped < max && t.get(i).is_some_and(|w| words.contains(w)) {
        i += 1;
        skipped += 1;
    }
    i
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
fn parse_day_month_without_year(t: &[&str]) -> Option<(u32, u32)> {
    (0..t.len()).find_map(|i| {
        let dm = day_month_at(t, i)?;
        dm.year.is_none().then_some((dm.day, dm.month))
    })
}

/// A month written with its year, "mars 2023", "fév. 2023", "mai de l'an deux mille vingt-trois",
/// and no day.
fn month_year_in(t: &[&str]) -> Option<(i32, u32)> {
    (0..t.len()).find_map(|i| {
        let (month, after) = month_at(t, i)?;
        let (year, _) = year_at(t, skip_words(t, after, &BEFORE_YEAR, 4))?;
        Some((year, month))
    })
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

/// A month of a year, when the minutes name no day: "prévue pour le mois de mai".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthOfYear {
    pub year: i32,
    /// 1 (January) to 12.
    pub month: u32,
}

impl MonthOfYear {
    /// `None` when `month` is not 1 to 12.
    pub fn new(year: i32, month: u32) -> Option<MonthOfYear> {
        (1..=12)
            .contains(&month)
            .then_some(MonthOfYear { year, month })
    }

    pub fn of(date: NaiveDate) -> MonthOfYear {
        MonthOfYear {
            year: date.year(),
            month: date.month(),
        }
    }

    /// `None` only for a month built by hand out of range (or a year chrono cannot hold).
    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    pub fn last_day(&self) -> Option<NaiveDate> {
        let next = match self.month {
            12 => NaiveDate::from_ymd_opt(self.year.checked_add(1)?, 1, 1),
            1..=11 => NaiveDate::from_ymd_opt(self.year, self.month + 1, 1),
            _ => None,
        };
        next?.pred_opt()
    }

    /// "mai 2023".
    pub fn label_fr(&self) -> String {
        match self
            .month
            .checked_sub(1)
            .and_then(|i| MONTHS_FR.get(i as usize))
        {
            Some(name) => format!("{name} {}", self.year),
            None => format!("mois {} de {}", self.month, self.year),
        }
    }
}

/// The next meeting as the minutes announced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NextMeeting {
    pub as_written: String,
    pub date: Option<NaiveDate>,
    /// The month announced when no day is ("prévue pour le mois de mai"); `None` when `date` is
    /// set.
    #[serde(default)]
    pub month: Option<MonthOfYear>,
    pub time: Option<NaiveTime>,
}

impl NextMeeting {
    /// Reads an announcement on its own: only what carries its year is kept ("16 mars 2023",
    /// "mars 2023"); a day or month without a year needs [`NextMeeting::parse_after`].
    pub fn parse(as_written: &str) -> NextMeeting {
        NextMeeting::read(as_written, None)
    }

    /// Reads an announcement made at a meeting held on `meeting_date`, which places a day or a
    /// month written without its year: "le 16 mars" is the next 16 March after the meeting,
    /// "le mois de janvier" announced in December is January of the next year.
    pub fn parse_after(as_written: &str, meeting_date: NaiveDate) -> NextMeeting {
        NextMeeting::read(as_written, Some(meeting_date))
    }

    fn read(as_written: &str, meeting_date: Option<NaiveDate>) -> NextMeeting {
        let folded = fold(as_written);
        let t = tokens(&folded);
        let mut date = parse_french_date(as_written);
        let mut month = None;
        if date.is_none() {
            if let Some(held) = meeting_date
                && let Some((day, m)) = parse_day_month_without_year(&t)
            {
                date = first_date_after(held, m, day);
            }
            if date.is_none() {
                month = month_year_in(&t)
                    .and_then(|(y, m)| MonthOfYear::new(y, m))
                    .or_else(|| month_after(MonthOfYear::of(meeting_date?), bare_month_in(&t)?));
            }
        }
        NextMeeting {
            as_written: as_written.trim().to_owned(),
            date,
            month,
            time: find_times(as_written).first().copied(),
        }
    }
}

/// The first month named in full, alone: "prévue pour le mois de mai".
fn bare_month_in(t: &[&str]) -> Option<u32> {
    t.iter().find_map(|w| full_month_number(w))
}

/// The first `month` on or after the month the meeting was held in.
fn month_after(held: MonthOfYear, month: u32) -> Option<MonthOfYear> {
    let year = if month >= held.month {
        held.year
    } else {
        held.year.checked_add(1)?
    };
    MonthOfYear::new(year, month)
}

/// The first `day` of `month` strictly after `held`; a 29 February waits for a leap year.
fn first_date_after(held: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    (0..=8)
        .filter_map(|k| held.year().checked_add(k))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d > held)
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

    #[test]
    fn numbers_in_words() {
        let read = |s: &str| {
            let f = fold(s);
            let t = tokens(&f);
            number_words_at(&t, 0)
                .filter(|(_, end)| *end == t.len())
                .map(|(n, _)| n)
        };
        for (text, n) in [
            ("un", 1),
            ("seize", 16),
            ("dix-sept", 17),
            ("vingt et un", 21),
            ("vingt-et-un", 21),
            ("soixante-dix", 70),
            ("soixante et onze", 71),
            ("quatre-vingts", 80),
            ("quatre-vingt-un", 81),
            ("quatre vingt dix neuf", 99),
            ("cent", 100),
            ("deux cents", 200),
            ("mille neuf cent quatre-vingt-dix", 1990),
            ("mil neuf cent quatre vingt quinze", 1995),
            ("deux-mille", 2000),
            ("deux mil vingt-trois", 2023),
            ("deux mille cent", 2100),
        ] {
            assert_eq!(read(text), Some(n), "{text}");
        }
    }

    #[test]
    fn next_meeting_month_or_day_without_year_placed_after_the_meeting() {
        let held = d(2023, 2, 16);
        let n =
            NextMeeting::parse_after("La prochaine réunion est prévue pour le mois de mai", held);
        assert_eq!((n.date, n.month), (None, MonthOfYear::new(2023, 5)));
        assert_eq!(n.month.unwrap().label_fr(), "mai 2023");
        assert_eq!(n.month.unwrap().first_day(), Some(d(2023, 5, 1)));

        let december = d(2022, 12, 8);
        let n = NextMeeting::parse_after("prochaine rencontre en janvier", december);
        assert_eq!(n.month, MonthOfYear::new(2023, 1));
        let n = NextMeeting::parse_after("prochaine rencontre en décembre", december);
        assert_eq!(n.month, MonthOfYear::new(2022, 12));

        let n = NextMeeting::parse_after("le 16 mars à 9h30", held);
        assert_eq!(n.date, Some(d(2023, 3, 16)));
        assert_eq!(n.month, None);
        assert_eq!(n.time, NaiveTime::from_hms_opt(9, 30, 0));
        let n = NextMeeting::parse_after("le 10 février", held);
        assert_eq!(n.date, Some(d(2024, 2, 10)));
        let n = NextMeeting::parse_after("le 29 février", held);
        assert_eq!(n.date, Some(d(2024, 2, 29)));

        // A full date wins over the meeting's year, and a month with its year over both.
        let n = NextMeeting::parse_after("le 4 mars 2021", held);
        assert_eq!((n.date, n.month), (Some(d(2021, 3, 4)), None));
        let n = NextMeeting::parse_after("courant mars 2024", held);
        assert_eq!((n.date, n.month), (None, MonthOfYear::new(2024, 3)));
    }

    #[test]
    fn next_meeting_without_meeting_date_keeps_only_what_has_a_year() {
        let n = NextMeeting::parse("prévue pour mars 2023");
        assert_eq!((n.date, n.month), (None, MonthOfYear::new(2023, 3)));
        let n = NextMeeting::parse("prévue pour le mois de mai");
        assert_eq!((n.date, n.month), (None, None));
        let n = NextMeeting::parse("le 16 mars");
        assert_eq!((n.date, n.month), (None, None));
        assert_eq!(NextMeeting::default().month, None);
    }

    #[test]
    fn month_of_year_bounds() {
        assert_eq!(MonthOfYear::new(2023, 13), None);
        assert_eq!(
            MonthOfYear::new(2024, 2).unwrap().last_day(),
            Some(d(2024, 2, 29))
        );
        assert_eq!(
            MonthOfYear::new(2023, 12).unwrap().last_day(),
            Some(d(2023, 12, 31))
        );
        let out_of_range = MonthOfYear {
            year: 2023,
            month: 0,
        };
        assert_eq!(out_of_range.first_day(), None);
        assert_eq!(out_of_range.last_day(), None);
        assert_eq!(out_of_range.label_fr(), "mois 0 de 2023");
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

    fn any_date() -> impl proptest::strategy::Strategy<Value = NaiveDate> {
        use proptest::strategy::Strategy;
        (1990i32..=2100, 1u32..=366)
            .prop_map(|(y, ord)| NaiveDate::from_yo_opt(y, ord).unwrap_or_else(|| d(y, 12, 31)))
    }

    /// The abbreviations of the French typographic usage.
    const ABBREVIATED_MONTHS_FR: [&str; 12] = [
        "janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc",
    ];

    const WEEKDAYS_FR: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];

    /// Words the date readers react to, to build inputs that reach deep into them.
    const DATE_VOCABULARY: [&str; 40] = [
        "le",
        "l'an",
        "et",
        "un",
        "premier",
        "1er",
        "vingt",
        "trente",
        "quatre",
        "vingts",
        "dix",
        "sept",
        "soixante",
        "cent",
        "mille",
        "mil",
        "deux",
        "trois",
        "seize",
        "du mois de",
        "février",
        "fév.",
        "mars",
        "décembre",
        "sept.",
        "trimestre",
        "semestre",
        "T",
        "2ème",
        "2023",
        "1999",
        "31",
        "29",
        "0",
        "/",
        "-",
        ",",
        ".",
        "lors de",
        "permanent",
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

        #[test]
        fn month_only_announcement_is_the_first_such_month_from_the_meeting(held in any_date(), m in 1u32..=12) {
            let text = format!("prochaine réunion prévue pour le mois de {}", MONTHS_FR[m as usize - 1]);
            let month = NextMeeting::parse_after(&text, held).month.unwrap();
            let first = month.first_day().unwrap();
            proptest::prop_assert_eq!(month.month, m);
            proptest::prop_assert!(month.last_day().unwrap() >= held);
            proptest::prop_assert!(first <= d(held.year() + 1, held.month(), 1));
        }

        #[test]
        fn day_without_year_falls_within_the_year_after_the_meeting(held in any_date(), m in 1u32..=12, day in 1u32..=28) {
            let text = format!("le {day} {}", MONTHS_FR[m as usize - 1]);
            let date = NextMeeting::parse_after(&text, held).date.unwrap();
            proptest::prop_assert_eq!((date.month(), date.day()), (m, day));
            proptest::prop_assert!(date > held && date <= held + chrono::Days::new(366));
        }

        #[test]
        fn date_vocabulary_never_panics_and_meanings_survive_storage(
            words in proptest::collection::vec(proptest::sample::select(DATE_VOCABULARY.to_vec()), 0..14),
            sep in proptest::sample::select(vec![" ", "", "-"]),
            held in any_date(),
        ) {
            let text = words.join(sep);
            if let Some(date) = parse_french_date(&text) {
                proptest::prop_assert!(YEARS.contains(&date.year()), "{} read as {}", text, date);
            }
            let m = Deadline::parse(&text).meaning;
            proptest::prop_assert_eq!(DeadlineMeaning::from_parts(m.kind(), m.due_by()), m, "{}", text);
            let _ = m.label_fr();
            let n = NextMeeting::parse_after(&text, held);
            proptest::prop_assert!(n.date.is_none() || n.month.is_none());
            let _ = NextMeeting::parse_after(&text, NaiveDate::MAX);
            let _ = NextMeeting::parse_after(&text, NaiveDate::MIN);
        }

        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,60}", held in any_date()) {
            let _ = parse_french_date(&s);
            let m = Deadline::parse(&s).meaning;
            proptest::prop_assert_eq!(DeadlineMeaning::from_parts(m.kind(), m.due_by()), m);
            let _ = NextMeeting::parse_after(&s, held);
        }
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
