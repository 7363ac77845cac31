//! Text keys used to recognise the same thing written differently.

use unicode_normalization::UnicodeNormalization;

/// Lower-case, accent-free, letters and digits only: "D.U.E" and "DUE", "SP-CCM" and "SP/CCM",
/// "Croix-Rouge Danoise" and "Croix Rouge Danoise" share one key.
pub fn match_key(s: &str) -> String {
    s.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Lower-case, accent-free words, for comparing titles word by word.
pub fn words(s: &str) -> Vec<String> {
    let folded: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Lower-case without accents, keeping spaces and punctuation.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
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

    #[test]
    fn slugs_are_url_safe() {
        assert_eq!(slug("GTM Tahoua"), "gtm-tahoua");
        assert_eq!(slug("CRCM Zinder – 2023"), "crcm-zinder-2023");
    }
}
