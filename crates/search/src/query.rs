//! From what a person typed to a tantivy query. Our own reading, not tantivy's query parser,
//! so that no input is ever a syntax error.

use tantivy::Term;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use crate::analyzer::{self, Word};
use crate::{Fields, SearchError, SearchQuery};

/// Longer input is cut: a pasted page would make a query of hundreds of required words.
pub const MAX_QUERY_CHARS: usize = 500;

/// A matched title counts this much more than matched text.
const TITLE_BOOST: f32 = 2.0;

/// One thing the user asked for: a word or a quoted phrase, wanted or excluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Clause {
    pub text: String,
    pub exclude: bool,
}

/// Splits user input into clauses. Quotes delimit phrases (an unclosed quote runs to the end);
/// a `-` before a word or quote, or a preceding `NOT`, excludes it; `AND` and `OR` in capitals
/// are dropped (every word is required anyway). Everything else is text.
pub(crate) fn parse(input: &str) -> Vec<Clause> {
    let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
    let mut clauses = Vec::new();
    let mut chars = input.chars().peekable();
    let mut negate_next = false;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut exclude = std::mem::take(&mut negate_next);
        if c == '-' {
            chars.next();
            exclude = true;
        }
        let text: String = if chars.peek() == Some(&'"') {
            chars.next();
            chars.by_ref().take_while(|&c| c != '"').collect()
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            match word.as_str() {
                "AND" | "OR" if !exclude => continue,
                "NOT" if !exclude => {
                    negate_next = true;
                    continue;
                }
                _ => word,
            }
        };
        if !text.trim().is_empty() {
            clauses.push(Clause { text, exclude });
        }
    }
    clauses
}

/// The whole query: the user's clauses and the filters.
pub(crate) fn build(q: &SearchQuery, fields: &Fields) -> Result<Box<dyn Query>, SearchError> {
    let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut wanted = 0;
    for clause in parse(&q.text) {
        let words = analyzer::words(&clause.text);
        let Some(matcher) = match_words(&words, fields) else {
            continue;
        };
        if clause.exclude {
            parts.push((Occur::MustNot, matcher));
        } else {
            wanted += 1;
            parts.push((Occur::Must, matcher));
        }
    }
    if wanted == 0 {
        return Err(SearchError::EmptyQuery);
    }
    let filter = |term: Term| -> (Occur, Box<dyn Query>) {
        let exact = TermQuery::new(term, IndexRecordOption::Basic);
        (
            Occur::Must,
            Box::new(ConstScoreQuery::new(Box::new(exact), 0.0)),
        )
    };
    if let Some(body) = &q.body_code {
        parts.push(filter(Term::from_field_text(fields.body_code, body)));
    }
    if let Some(year) = q.year {
        parts.push(filter(Term::from_field_i64(fields.year, i64::from(year))));
    }
    if let Some(kind) = q.kind {
        parts.push(filter(Term::from_field_text(fields.kind, kind.as_str())));
    }
    if !q.include_drafts {
        parts.push(filter(Term::from_field_text(fields.published, "yes")));
    }
    Ok(Box::new(BooleanQuery::new(parts)))
}

/// Documents whose title or text has these words, in this order when there are several (a
/// phrase, or a typed word that splits, like "gtm-niamey"). None when no word is searchable.
fn match_words(words: &[Word], fields: &Fields) -> Option<Box<dyn Query>> {
    let first = words.first()?;
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, boost) in [(fields.title, TITLE_BOOST), (fields.text, 1.0)] {
        let mut in_field: Vec<Box<dyn Query>> = Vec::new();
        if words.len() == 1 {
            for stem in &first.stems {
                let term = Term::from_field_text(field, stem);
                in_field.push(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)));
            }
        } else {
            // A phrase of each word's first stems, and one of their second stems when any
            // differs: the stems of one spelling (accented or not) go together.
            let variants = words.iter().map(|w| w.stems.len()).max().unwrap_or(1);
            for variant in 0..variants {
                let terms = words
                    .iter()
                    .map(|w| {
                        let stem = w.stems.get(variant).unwrap_or(&w.stems[0]);
                        (w.position - first.position, term(field, stem))
                    })
                    .collect();
                in_field.push(Box::new(PhraseQuery::new_with_offset(terms)));
            }
        }
        for query in in_field {
            let query: Box<dyn Query> = if boost == 1.0 {
                query
            } else {
                Box::new(BoostQuery::new(query, boost))
            };
            alternatives.push((Occur::Should, query));
        }
    }
    Some(Box::new(BooleanQuery::new(alternatives)))
}

fn term(field: Field, text: &str) -> Term {
    Term::from_field_text(field, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clauses(input: &str) -> Vec<(String, bool)> {
        parse(input)
            .into_iter()
            .map(|c| (c.text, c.exclude))
            .collect()
    }

    fn owned(list: &[(&str, bool)]) -> Vec<(String, bool)> {
        list.iter().map(|(t, e)| (t.to_string(), *e)).collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        assert_eq!(
            clauses(r#"migrants "prise en charge" -Agadez -"axe nord" NOT Zinder"#),
            owned(&[
                ("migrants", false),
                ("prise en charge", false),
                ("Agadez", true),
                ("axe nord", true),
                ("Zinder", true),
            ])
        );
    }

    #[test]
    fn hyphens_inside_words_are_not_exclusions() {
        assert_eq!(clauses("gtm-niamey"), owned(&[("gtm-niamey", false)]));
    }

    #[test]
    fn broken_syntax_is_text() {
        assert_eq!(
            clauses(r#"AND OR ( "unbalanced"#),
            owned(&[("(", false), ("unbalanced", false)])
        );
        assert_eq!(clauses("\"\" - -- \"\""), owned(&[("-", true)]));
    }

    #[test]
    fn long_input_is_cut() {
        let input = "mot ".repeat(1000);
        assert_eq!(parse(&input).len(), MAX_QUERY_CHARS / 4);
    }
}
