//! The next meeting as the minutes announce it, placed in time by the meeting that announced it.

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::date::{
    full_month_number, month_year_in, parse_day_month_without_year, parse_french_date,
};
use super::format::MONTHS_FR;
use super::time::find_times;
use super::tokens::tokens;
use crate::text::fold;

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
    use crate::dates::testing::{any_date, d};

    #[test]
    fn next_meeting_keeps_date_and_time() {
        let n = NextMeeting::parse(
            "La date retenue est le 16 mars 2023 à 9h30 dans la salle habituelle.",
        );
        assert_eq!(n.date, Some(d(2023, 3, 16)));
        assert_eq!(n.time, NaiveTime::from_hms_opt(9, 30, 0));
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

    proptest::proptest! {
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
    }
}
