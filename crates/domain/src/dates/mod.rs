//! Dates, times and deadlines as the minutes write them, and what they mean.

mod date;
mod deadline;
mod format;
mod next_meeting;
mod numbers;
#[cfg(test)]
mod testing;
mod time;
mod tokens;

pub use date::parse_french_date;
pub use deadline::{AS_SOON_AS_POSSIBLE_DAYS, Deadline, DeadlineMeaning, means_none};
pub use format::{MONTHS_FR, format_date_fr};
pub use next_meeting::{MonthOfYear, NextMeeting};
pub use time::{find_times, parse_time_range};

/// Properties every reader of dates must keep on any input.
#[cfg(test)]
mod tests {
    use chrono::{Datelike, NaiveDate};

    use super::date::YEARS;
    use super::testing::any_date;
    use super::*;

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
        fn deadline_parsing_never_panics(s in "\\PC{0,40}") {
            let _ = Deadline::parse(&s);
            let _ = NextMeeting::parse(&s);
        }
    }
}
