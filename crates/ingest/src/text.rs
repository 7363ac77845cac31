//! The domain's text keys (`cadre_domain::text::{fold, match_key, words}`), computed faster.
//!
//! The domain decomposes every character (NFD) to drop accents; on whole documents that was
//! most of the import time. French text is mostly ASCII and a handful of accented letters, so
//! those are folded from a table and only other characters go through the domain's functions:
//! the results are identical (a property test below checks it).

use cadre_domain::text as domain;

/// The base letter of the accented letters French documents use, lower-cased.
fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        _ => return None,
    })
}

/// Same as `cadre_domain::text::fold`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(b) = base_letter(c) {
            out.push(b);
        } else {
            out.push_str(&domain::fold(c.encode_utf8(&mut buf)));
        }
    }
    out
}

/// Same as `cadre_domain::text::match_key`.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(b) = base_letter(c) {
            out.push(b);
        } else {
            out.push_str(&domain::match_key(c.encode_utf8(&mut buf)));
        }
    }
    out
}

/// Same as `cadre_domain::text::words`.
pub(crate) fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn french_text_folds_like_the_domain() {
        for s in ["Présence", "ÉTAT DE MISE EN ŒUVRE", "Tillabéri", "İstanbul", "e\u{301}té", "Pointsinscritsàl'ordredujour"] {
            assert_eq!(fold(s), domain::fold(s), "{s}");
            assert_eq!(key(s), domain::match_key(s), "{s}");
            assert_eq!(words(s), domain::words(s), "{s}");
        }
    }

    proptest! {
        #[test]
        fn same_keys_as_the_domain(s in "\\PC{0,60}") {
            prop_assert_eq!(fold(&s), domain::fold(&s));
            prop_assert_eq!(key(&s), domain::match_key(&s));
            prop_assert_eq!(words(&s), domain::words(&s));
        }

        #[test]
        fn same_keys_on_latin_text(s in "[a-zA-Z0-9 àâäçéèêëîïôöùûüÿœÀÂÇÉÈÊËÎÏÔÙÛÜŸŒ'’/-]{0,60}") {
            prop_assert_eq!(fold(&s), domain::fold(&s));
            prop_assert_eq!(key(&s), domain::match_key(&s));
        }
    }
}
