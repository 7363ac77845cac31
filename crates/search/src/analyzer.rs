//! The French analysis shared by indexing, querying and highlighting.
//!
//! Snowball's French stemmer expects accented words: stemming first then removing accents groups
//! "rapatrié", "rapatriées" and "rapatriement", but a user who types "securite" gets a different
//! stem than the indexed "sécurité". Removing accents first is consistent for unaccented input but
//! splits feminine plurals ("refoulées" vs "refoulés"). So every word yields both stems (usually
//! equal) at the same position, and a query matches when any of its stems is in the document.

use std::borrow::Cow;

use tantivy::tokenizer::{SimpleTokenizer, Token, TokenStream, Tokenizer};
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// The name the analyzer is registered under in every index.
pub(crate) const FRENCH: &str = "cadre_fr";

/// Longer "words" are base64 blobs or lost-space runs; they would only bloat the term dictionary.
const MAX_WORD_BYTES: usize = 40;

/// Function words that carry no meaning for a search, written without accents (they are compared
/// after folding). Kept short on purpose: "non", "pas", "sans" change meaning and stay searchable.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du",
    "elle", "elles", "en", "est", "et", "il", "ils", "j", "l", "la", "le", "les", "leur", "leurs",
    "lui", "m", "n", "ne", "nous", "on", "ont", "ou", "par", "pour", "qu", "que", "qui", "s", "sa",
    "se", "ses", "son", "sont", "sur", "t", "un", "une", "vous", "y",
];

/// Lower-cases, then removes accents and ligatures ("Œuvre" → "oeuvre", "réunion" → "reunion").
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii() => out.push(c),
            c => out.extend(c.nfd().filter(|d| !is_combining_mark(*d))),
        }
    }
    Cow::Owned(out)
}

fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// The stems of one lower-cased word: one or two distinct strings.
fn stems(stemmer: &frostem::Stemmer, lower: &str) -> (String, Option<String>) {
    let accented_first = tidy(fold(&stemmer.stem(lower)).into_owned());
    let folded = fold(lower);
    let folded_first = tidy(stemmer.stem(&folded).into_owned());
    if folded_first == accented_first {
        (accented_first, None)
    } else {
        (accented_first, Some(folded_first))
    }
}

/// Snowball leaves a final "e" on unaccented feminine forms ("refoulees" → "refoule") that the
/// accented form loses ("refoulées" → "refoul"), and keeps "ier" when "ière" lost its accent
/// ("irreguliere" → "irregulier" but "irréguliers" → "irreguli"); trimming both joins them.
fn tidy(mut stem: String) -> String {
    if stem.len() > 4 && stem.ends_with('e') {
        stem.pop();
    }
    if stem.len() > 5 && stem.ends_with("ier") {
        stem.truncate(stem.len() - 2);
    }
    stem
}

/// One analysed word of a text: where it was, and its stems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub position: usize,
    pub stems: Vec<String>,
}

/// The searchable words of `text` (stop words and over-long words dropped, positions kept so
/// that phrases still line up across the gaps).
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    FrenchAnalyzer.each_token(text, |token, stems| {
        out.push(Word {
            position: token.position,
            stems,
        });
    });
    out
}

/// The tantivy tokenizer registered as [`FRENCH`].
#[derive(Clone, Copy, Default)]
pub(crate) struct FrenchAnalyzer;

impl FrenchAnalyzer {
    fn each_token(&self, text: &str, mut emit: impl FnMut(&Token, Vec<String>)) {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::French);
        let mut simple = SimpleTokenizer::default();
        let mut stream = simple.token_stream(text);
        while stream.advance() {
            let token = stream.token();
            if token.text.len() > MAX_WORD_BYTES {
                continue;
            }
            let lower = token.text.to_lowercase();
            if is_stop_word(&fold(&lower)) {
                continue;
            }
            let (first, second) = stems(&stemmer, &lower);
            emit(token, std::iter::once(first).chain(second).collect());
        }
    }
}

impl Tokenizer for FrenchAnalyzer {
    type TokenStream<'a> = FrenchTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FrenchTokenStream {
        let mut tokens = Vec::new();
        self.each_token(text, |token, stems| {
            for stem in stems {
                tokens.push(Token {
                    text: stem,
                    ..token.clone()
                });
            }
        });
        FrenchTokenStream { tokens, next: 0 }
    }
}

pub(crate) struct FrenchTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for FrenchTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(word: &str) -> Vec<String> {
        let found = words(word);
        assert_eq!(found.len(), 1, "{word} should be one word");
        found[0].stems.clone()
    }

    /// True when a query word finds a document word: they share a stem.
    fn finds(query: &str, document: &str) -> bool {
        let q = stems_of(query);
        stems_of(document).iter().any(|s| q.contains(s))
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn accents_case_and_number_are_ignored() {
        for (query, document) in [
            ("reunion", "Réunions"),
            ("Réunion", "reunion"),
            ("migrations", "migration"),
            ("femme", "femmes"),
            ("enfants", "enfant"),
            ("securite", "sécurité"),
            ("donnees", "données"),
            ("refoulés", "refoulées"),
            ("refoulees", "refoulés"),
            ("recommandé", "recommandation"),
            ("rapatriement", "rapatriés"),
            ("sensibilisation", "sensibilisées"),
            ("oeuvre", "œuvre"),
            ("régionaux", "régionale"),
            ("irreguliere", "irréguliers"),
            ("frontieres", "frontière"),
        ] {
            assert!(finds(query, document), "{query} should find {document}");
        }
    }

    #[test]
    fn different_words_stay_apart() {
        for (query, document) in [
            ("migration", "migrants"),
            ("femme", "enfant"),
            ("protection", "projet"),
        ] {
            assert!(
                !finds(query, document),
                "{query} should not find {document}"
            );
        }
    }

    #[test]
    fn stop_words_are_dropped_but_positions_kept() {
        let found = words("prise en charge de l'enfant");
        let positions: Vec<usize> = found.iter().map(|w| w.position).collect();
        assert_eq!(positions, vec![0, 2, 5]);
    }
}
