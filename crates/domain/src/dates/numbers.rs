//! French numbers in words.
//!
//! Minutes written by hand or dictated spell dates out ("L'an deux mille vingt-deux et le
//! vingt-huit du mois de janvier"). The parsers below read one number starting at a token and
//! return it with the index of the token after it. Hyphens between the words are optional
//! ("vingt-huit", "vingt huit", "deux-mille"), "mil" is the old spelling of "mille".

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
pub(super) fn is_number_word(word: &str) -> bool {
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
pub(super) fn number_words_at(t: &[&str], i: usize) -> Option<(u32, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::tokens::tokens;
    use crate::text::fold;

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
}
