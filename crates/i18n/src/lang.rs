//! The languages Cadre speaks, and which one a visitor gets.

use unic_langid::LanguageIdentifier;

/// French first: the language of Niger's administration and of every document Cadre reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    Fr = 0,
    En = 1,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// "fr", "en": for `<html lang>`, cookies and URLs.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switch ("Français", "English").
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// The other language: what the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// "fr", "fr-NE", "EN-gb"…; None for a language Cadre does not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a browser prefers among Cadre's, from its `Accept-Language` header
    /// ("en-GB,en;q=0.9,fr;q=0.8"); None when it names neither (then French).
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        // Bounded: a header of thousands of ranges is cut, not parsed.
        for (position, range) in header.split(',').take(32).enumerate() {
            let mut parts = range.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if quality <= 0.0 {
                continue;
            }
            // Higher quality first; at equal quality, the earlier range.
            let better = match best {
                None => true,
                Some((q, _, _)) => quality > q,
            };
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    pub(crate) fn identifier(self) -> LanguageIdentifier {
        self.code().parse().expect("a valid language tag")
    }
}
