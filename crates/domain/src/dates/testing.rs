//! What the tests of every reader of dates share.

use chrono::NaiveDate;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn any_date() -> impl proptest::strategy::Strategy<Value = NaiveDate> {
    use proptest::strategy::Strategy;
    (1990i32..=2100, 1u32..=366)
        .prop_map(|(y, ord)| NaiveDate::from_yo_opt(y, ord).unwrap_or_else(|| d(y, 12, 31)))
}
