//! The tokens every reader of dates works on, so that they agree on where a word ends.

/// Splits folded text into runs of letters or of digits. `/`, `-`, `.` and `,` stay as tokens of
/// their own because they separate the parts of a date ("17/05/2022", "vingt-huit", "fév. 2023",
/// "L'an …, le seize"), and a change from digits to letters splits a run, so that
/// "16février2023" reads as "16", "fevrier", "2023".
pub(super) fn tokens(folded: &str) -> Vec<&str> {
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

pub(super) fn is_digits(tok: &str) -> bool {
    !tok.is_empty() && tok.bytes().all(|b| b.is_ascii_digit())
}

/// Skips up to `max` tokens taken from `words`.
pub(super) fn skip_words(t: &[&str], mut i: usize, words: &[&str], max: usize) -> usize {
    let mut skipped = 0;
    while skipped < max && t.get(i).is_some_and(|w| words.contains(w)) {
        i += 1;
        skipped += 1;
    }
    i
}
