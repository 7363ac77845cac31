//! How much of a content stream pdf_oxide would read more than once.
//!
//! pdf_oxide reads an operator by collecting operands up to its name. When an operand fails to
//! parse (a stray `)`, an unclosed string, the end of the data), it drops the whole attempt,
//! steps one byte forward and starts again, re-reading every operand collected. Real content
//! puts a few operands before each operator, so this costs nothing; garbled content with a long
//! run of operands before the failure costs the square of that run (found by the `pdf` fuzz
//! target: 1 MB of decompressed garbage kept the reader busy 4 to 42 s in a release build).
//! This replays the same loop with a plain lexer and counts the bytes re-read, stopping once
//! past a budget, so that the count itself costs at most that budget.

use super::pdf_scan::{is_regular, is_white, skip_inline_image};

/// Bytes of a content stream the parser would read again after failed operands. Real content
/// re-reads none, or a few bytes around a stray delimiter; 1 MB of garbled operands re-read
/// 500 MB in the first file the fuzz target found.
pub const MAX_RESCANNED: u64 = 32 * 1024 * 1024;

/// What pdf_oxide takes for the first byte of an operator's name.
fn is_operator_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'\'' | b'"' | b'*')
}

/// The offset of the next byte that is neither white space nor inside a comment.
fn skip_white(d: &[u8], mut at: usize) -> usize {
    while at < d.len() {
        if is_white(d[at]) {
            at += 1;
        } else if d[at] == b'%' {
            while at < d.len() && !matches!(d[at], b'\r' | b'\n') {
                at += 1;
            }
        } else {
            break;
        }
    }
    at
}

/// The end of a literal string whose `(` is at `at`, or where reading it failed (its end of
/// data).
fn literal_end(d: &[u8], at: usize) -> Result<usize, usize> {
    let mut depth = 0usize;
    let mut i = at;
    while i < d.len() {
        match d[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(d.len())
}

/// The end of a number starting at `at`, as pdf_oxide reads it: a sign alone is 0, a dot
/// makes it real (of any size), and an integer that does not fit in 64 bits fails after its
/// digits (found by the `pdf` fuzz target: runs of numbers ended by 80 KB of digits).
fn number_end(d: &[u8], at: usize) -> Result<usize, usize> {
    let mut i = at;
    if matches!(d[i], b'+' | b'-') {
        i += 1;
    }
    let digits = i;
    while i < d.len() && d[i].is_ascii_digit() {
        i += 1;
    }
    let int_part = &d[digits..i];
    if d.get(i) == Some(&b'.') {
        i += 1;
        while i < d.len() && d[i].is_ascii_digit() {
            i += 1;
        }
        return Ok(i);
    }
    let fits = std::str::from_utf8(int_part)
        .ok()
        .is_some_and(|s| s.parse::<i64>().is_ok());
    if int_part.is_empty() || fits {
        Ok(i)
    } else {
        Err(i)
    }
}

/// The end of one operand starting at `at` (white space skipped), or where it fails. Arrays
/// and dictionaries are walked without recursion: nesting is counted, not followed.
fn operand_end(d: &[u8], at: usize) -> Result<usize, usize> {
    let mut i = at;
    let mut depth = 0usize;
    loop {
        i = skip_white(d, i);
        let Some(&b) = d.get(i) else {
            return Err(d.len());
        };
        match b {
            b'(' => i = literal_end(d, i)?,
            b'<' if d.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'>' if depth > 0 && d.get(i + 1) == Some(&b'>') => {
                depth -= 1;
                i += 2;
            }
            b'<' => {
                i += 1;
                while i < d.len() && d[i] != b'>' {
                    if !(d[i].is_ascii_hexdigit() || is_white(d[i])) {
                        return Err(i);
                    }
                    i += 1;
                }
                if i == d.len() {
                    return Err(i);
                }
                i += 1;
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b']' if depth > 0 => {
                depth -= 1;
                i += 1;
            }
            b'/' => {
                i += 1;
                while i < d.len() && is_regular(d[i]) {
                    i += 1;
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => i = number_end(d, i)?,
            // Inside an array or a dictionary, the words that are values.
            _ if depth > 0 && is_regular(b) => {
                let start = i;
                while i < d.len() && is_regular(d[i]) {
                    i += 1;
                }
                if !matches!(&d[start..i], b"true" | b"false" | b"null" | b"R") {
                    return Err(i);
                }
            }
            _ => return Err(i),
        }
        if depth == 0 {
            return Ok(i);
        }
    }
}

/// Failed attempts in a row after which pdf_oxide stops reading a text region.
const GIVES_UP_AFTER: usize = 1024;

/// The offset of the next `BT` operator from `at`.
fn next_text_object(d: &[u8], mut at: usize) -> Option<usize> {
    while let Some(found) = memchr::memmem::find(&d[at..], b"BT") {
        let p = at + found;
        let before = p == 0 || !is_regular(d[p - 1]);
        let after = d.get(p + 2).is_none_or(|&b| !is_regular(b));
        if before && after {
            return Some(p);
        }
        at = p + 1;
    }
    None
}

/// Bytes re-read by pdf_oxide's operator loop on `data`, counted up to a little past `budget`.
pub(super) fn rescanned(data: &[u8], budget: u64) -> u64 {
    let d = data;
    let mut cost = 0u64;
    let mut at = 0usize;
    let mut failures = 0usize;
    while cost <= budget {
        at = skip_white(d, at);
        if at >= d.len() {
            break;
        }
        // One attempt: operands up to an operator name, or a failure.
        let mut i = at;
        let failed_at = loop {
            i = skip_white(d, i);
            let Some(&b) = d.get(i) else {
                break Some(d.len());
            };
            if is_operator_start(b) {
                let start = i;
                while i < d.len()
                    && (d[i].is_ascii_alphanumeric() || matches!(d[i], b'\'' | b'"' | b'*'))
                {
                    i += 1;
                }
                if &d[start..i] == b"ID" {
                    i = skip_inline_image(d, i);
                }
                break None;
            }
            match operand_end(d, i) {
                Ok(end) => i = end,
                Err(end) => break Some(end),
            }
        };
        match failed_at {
            None => {
                at = i;
                failures = 0;
            }
            Some(end) => {
                cost = cost.saturating_add((end - at) as u64);
                at += 1;
                failures += 1;
                // pdf_oxide gives up on a text region after this many failures in a row and
                // goes on with the next one, which starts at a `BT` at the latest.
                if failures >= GIVES_UP_AFTER {
                    failures = 0;
                    match next_text_object(d, at) {
                        Some(bt) => at = bt,
                        None => break,
                    }
                }
            }
        }
    }
    cost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_content_is_read_once() {
        let content = b"q 1 0 0 1 72 700 cm BT /F1 12 Tf 72 712 Td (Compte rendu \\(GTM\\)) Tj \
            [(Da) -250 (te)] TJ T* <0041> Tj ET Q BI /W 2 /H 1 /BPC 8 ID \x00)]\xff EI \
            /P << /MCID 3 >> BDC [1 2] 0 d EMC % a comment ) ]\n0 g";
        assert_eq!(rescanned(content, MAX_RESCANNED), 0);
    }

    #[test]
    fn a_stray_delimiter_costs_its_operands() {
        // `1 2 )`: the attempt from `1` fails at `)` after 4 bytes, from `2` after 2, and
        // the one from `)` at once.
        assert_eq!(rescanned(b"1 2 ) m", MAX_RESCANNED), 4 + 2);
    }

    #[test]
    fn an_integer_too_big_fails_after_its_digits() {
        assert_eq!(number_end(b"-12 ", 0), Ok(3));
        assert_eq!(number_end(b"- ", 0), Ok(1));
        assert_eq!(number_end(b"1.5.2", 0), Ok(3));
        assert_eq!(number_end(b"99999999999999999999.0", 0), Ok(22));
        assert_eq!(number_end(b"99999999999999999999 ", 0), Err(20));
        // Each attempt from 12, 2, then from the first two nines reads on to the failure; 18
        // nines fit.
        assert_eq!(
            rescanned(b"12 99999999999999999999 m", u64::MAX),
            23 + 22 + 20 + 19
        );
    }

    #[test]
    fn the_parser_gives_up_after_many_failures_in_a_row() {
        // An integer of 2,000 digits fails from each of its first 1,981 digits, each attempt
        // reading to its end; the parser stops after 1,024 of them and goes on at the next
        // text object.
        let mut content = b"9".repeat(2000);
        content.extend_from_slice(b" BT 1 2 ) ET");
        let first = (0..1024u64).map(|k| 2000 - k).sum::<u64>();
        assert_eq!(rescanned(&content, u64::MAX), first + 4 + 2);
        assert_eq!(next_text_object(b"ABT BT", 0), Some(4));
    }

    #[test]
    fn a_long_run_of_operands_before_a_failure_costs_its_square() {
        let mut content = b"BT ".to_vec();
        for _ in 0..10_000 {
            content.extend_from_slice(b"/TTTTTT ");
        }
        content.extend_from_slice(b")");
        // Every name, read again from each of its bytes, until the stray `)`.
        let cost = rescanned(&content, u64::MAX);
        assert!(cost > 80_000 * 80_000 / 2 / 10, "{cost}");
        // The count stops soon after the budget.
        assert!(rescanned(&content, 1_000_000) < 1_000_000 + content.len() as u64);
    }
}
