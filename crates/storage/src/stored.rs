//! Values read back from the database that must be what Cadre wrote: anything else is
//! reported as [`StorageError::Corrupt`], never silently replaced.

use cadre_domain::dates::MonthOfYear;

use crate::{Result, StorageError};

/// Parses a stored enum value.
pub(crate) fn parse_stored<T>(value: &str, parse: fn(&str) -> Option<T>, what: &str) -> Result<T> {
    parse(value).ok_or_else(|| StorageError::Corrupt(format!("unknown {what} {value:?}")))
}

pub(crate) fn to_u32(value: i64, what: &str) -> Result<u32> {
    u32::try_from(value).map_err(|_| StorageError::Corrupt(format!("{what} out of range: {value}")))
}

pub(crate) fn to_i32(value: i64, what: &str) -> Result<i32> {
    i32::try_from(value).map_err(|_| StorageError::Corrupt(format!("{what} out of range: {value}")))
}

/// A month as stored: "2023-05".
pub(crate) fn month_key(m: MonthOfYear) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

pub(crate) fn parse_month_key(s: &str) -> Result<MonthOfYear> {
    s.split_once('-')
        .and_then(|(y, m)| MonthOfYear::new(y.parse().ok()?, m.parse().ok()?))
        .ok_or_else(|| StorageError::Corrupt(format!("stored month {s:?} is not YYYY-MM")))
}
