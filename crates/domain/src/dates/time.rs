//! Times of day as the minutes write them: "9h30", "10h15mn", "09:30".

use chrono::NaiveTime;

use crate::text::fold;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
