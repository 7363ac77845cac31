//! Text keys used to recognise the same thing written differently.

use unicode_normalization::UnicodeNormalization;

/// The base letter of the accented letters French documents use, lower-cased. Folding these
/// from a table instead of decomposing every character (NFD) made whole-document import several
/// times faster; other characters still go through Unicode decomposition.
fn french_base_letter(c: char) -> Option<char> {
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

/// Folds one character without its accents, lower-cased, into `out`.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(base) = french_base_letter(c) {
        out.push(base);
    } else {
        let mut buf = [0u8; 4];
        out.extend(
            c.encode_utf8(&mut buf)
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase),
        );
    }
}

/// Lower-case, accent-free, letters and digits only: "D.U.E" and "DUE", "SP-CCM" and "SP/CCM",
/// "Croix-Rouge Danoise" and "Croix Rouge Danoise" share one key.
pub fn match_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(base) = french_base_letter(c) {
            out.push(base);
        } else {
            let mut buf = [0u8; 4];
            out.extend(
                c.encode_utf8(&mut buf)
                    .nfd()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase),
            );
        }
    }
    out
}

/// Lower-case words without accents, for comparing titles word by word.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Lower-case without accents, keeping spaces and punctuation.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// A URL-friendly identifier: "GTM Tahoua" → "gtm-tahoua".
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in words(s) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_punctuation_case_and_accents() {
        assert_eq!(match_key("D.U.E"), match_key("DUE"));
        assert_eq!(match_key("SP-CCM"), match_key("SP/CCM"));
        assert_eq!(
            match_key("Croix-Rouge Danoise"),
            match_key("Croix Rouge Danoise")
        );
        assert_eq!(match_key("Réfugiés"), "refugies");
        assert_ne!(match_key("OIM"), match_key("OIT"));
    }

    /// The definitions the fast paths must agree with: Unicode decomposition of everything.
    fn reference_fold(s: &str) -> String {
        s.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .collect()
    }
    fn reference_key(s: &str) -> String {
        s.nfd()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }

    #[test]
    fn fast_folding_agrees_with_unicode_decomposition() {
        for s in [
            "Présence",
            "ÉTAT DE MISE EN ŒUVRE",
            "Tillabéri",
            "İstanbul",
            "e\u{301}té",
            "Pointsinscritsàl'ordredujour",
        ] {
            assert_eq!(fold(s), reference_fold(s), "{s}");
            assert_eq!(match_key(s), reference_key(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_matches_the_reference(s in "\\PC{0,60}") {
            // Whole-string NFD reorders stacked combining marks across characters; folding one
            // character at a time keeps their order. Keys only care about letters and digits.
            proptest::prop_assume!(s.chars().all(|c| unicode_normalization::char::canonical_combining_class(c) == 0));
            proptest::prop_assert_eq!(fold(&s), reference_fold(&s));
            proptest::prop_assert_eq!(match_key(&s), reference_key(&s));
        }

        #[test]
        fn folding_matches_the_reference_on_french(s in "[a-zA-Z0-9 àâäçéèêëîïôöùûüÿœÀÂÇÉÈÊËÎÏÔÙÛÜŸŒ'’/-]{0,60}") {
            proptest::prop_assert_eq!(fold(&s), reference_fold(&s));
            proptest::prop_assert_eq!(match_key(&s), reference_key(&s));
        }
    }

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("GTM Tahoua"), "gtm-tahoua");
        assert_eq!(slug("CRCM Zinder – 2023"), "crcm-zinder-2023");
    }
}
