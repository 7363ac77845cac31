//! Dates written for people to read, in French.

use chrono::{Datelike, NaiveDate};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_french_date;
    use crate::dates::testing::d;

    proptest::proptest! {
        #[test]
        fn any_valid_date_written_in_french_reads_back(y in 1995i32..2060, m in 1u32..=12, day in 1u32..=28) {
            let date = d(y, m, day);
            proptest::prop_assert_eq!(parse_french_date(&format_date_fr(date)), Some(date));
            let numeric = date.format("%d/%m/%Y").to_string();
            proptest::prop_assert_eq!(parse_french_date(&numeric), Some(date));
        }
    }
}
