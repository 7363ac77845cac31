//! Recommendations that come back: the same recommendation adopted again by a later session,
//! copied word for word, reworded ("Contribuer à la mise en œuvre de la Charte…" becomes
//! "Vulgarisation de la Charte…") or with a typo ("Veillez"). Texts are compared by the weight
//! of the words they share (TF-IDF cosine) after French-aware normalisation: accents and case
//! folded, elisions (l', d') and function words dropped, inflections reduced to a common stem
//! ("renforcer", "renforcement", "renforcée" → "renforc"). Cadre only proposes; a person
//! confirms or rejects each link.

use std::collections::HashMap;

use crate::text::fold;

/// Words that say nothing of a recommendation's subject, folded.
const STOP_WORDS: &[&str] = &[
    "a",
    "afin",
    "ainsi",
    "au",
    "aux",
    "avec",
    "ce",
    "ces",
    "cet",
    "cette",
    "chez",
    "comme",
    "d",
    "dans",
    "de",
    "des",
    "dont",
    "du",
    "en",
    "entre",
    "et",
    "etc",
    "il",
    "ils",
    "elle",
    "elles",
    "l",
    "la",
    "le",
    "les",
    "leur",
    "leurs",
    "lors",
    "m",
    "meme",
    "n",
    "ne",
    "notamment",
    "ou",
    "par",
    "pas",
    "plus",
    "pour",
    "qu",
    "que",
    "qui",
    "s",
    "sa",
    "sans",
    "se",
    "ses",
    "son",
    "sous",
    "sur",
    "t",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tres",
    "un",
    "une",
    "vers",
    "y",
];

/// Endings removed to reach a stem, longest first; a stem keeps at least [`MIN_STEM`] letters.
const SUFFIXES: &[&str] = &[
    "issements",
    "issement",
    "atrices",
    "ateurs",
    "ations",
    "atrice",
    "ateur",
    "ation",
    "ements",
    "ement",
    "ments",
    "ment",
    "ances",
    "ences",
    "iques",
    "ismes",
    "istes",
    "euses",
    "ance",
    "ence",
    "ique",
    "isme",
    "iste",
    "euse",
    "ites",
    "ives",
    "eaux",
    "ite",
    "ive",
    "eux",
    "ees",
    "ee",
    "er",
    "ez",
    "es",
    "e",
    "s",
    "x",
];

const MIN_STEM: usize = 4;

/// The stem of a folded word: "renforcement" and "renforcer" → "renforc", "collectivites" →
/// "collectiv". Deliberately light: it conflates the forms of one word and rarely two words.
pub fn stem(word: &str) -> String {
    let mut w = word;
    for suffix in SUFFIXES {
        if let Some(stem) = w.strip_suffix(suffix)
            && stem.chars().count() >= MIN_STEM
        {
            w = stem;
            break;
        }
    }
    w.to_owned()
}

/// The terms of a text that carry its subject: folded, without elisions and function words,
/// stemmed. Numbers are kept ("2015-036" names a law).
pub fn terms(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(stem)
        .collect()
}

/// Recommendations indexed for comparison. Weights come from the texts indexed together, so
/// that words every recommendation uses ("renforcer", "migration") count for little.
#[derive(Debug, Clone, Default)]
pub struct RecurrenceIndex {
    /// Each text's terms and weights, normalised to length 1, by term number.
    vectors: Vec<Vec<(u32, f32)>>,
    /// For each term, the texts that use it and its weight there.
    postings: Vec<Vec<(u32, f32)>>,
}

/// A likely earlier form of a recommendation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Its position among the texts indexed.
    pub index: usize,
    /// Cosine similarity, from 0 (no word in common) to 1 (the same words, equally weighted).
    pub score: f32,
}

/// Texts at least this similar are proposed as one recommendation carried over: above it on
/// the labelled repeats of a session report, every repeat and no distinct recommendation.
pub const PROPOSAL_THRESHOLD: f32 = 0.5;

impl RecurrenceIndex {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> RecurrenceIndex {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut counts: Vec<Vec<(u32, f32)>> = Vec::new();
        let mut frequency: Vec<u32> = Vec::new();
        for text in texts {
            let mut tf: HashMap<u32, f32> = HashMap::new();
            for term in terms(text) {
                let next = vocabulary.len() as u32;
                let id = *vocabulary.entry(term).or_insert(next);
                if id as usize == frequency.len() {
                    frequency.push(0);
                }
                *tf.entry(id).or_default() += 1.0;
            }
            for &id in tf.keys() {
                frequency[id as usize] += 1;
            }
            let mut v: Vec<(u32, f32)> = tf.into_iter().collect();
            v.sort_unstable_by_key(|&(id, _)| id);
            counts.push(v);
        }
        let n = counts.len() as f32;
        let idf: Vec<f32> = frequency
            .iter()
            .map(|&df| ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0)
            .collect();
        let mut postings = vec![Vec::new(); idf.len()];
        let vectors = counts
            .into_iter()
            .enumerate()
            .map(|(doc, mut v)| {
                for (id, w) in &mut v {
                    *w = (1.0 + w.ln()) * idf[*id as usize];
                }
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut v {
                        *w /= norm;
                    }
                }
                for &(id, w) in &v {
                    postings[id as usize].push((doc as u32, w));
                }
                v
            })
            .collect();
        RecurrenceIndex { vectors, postings }
    }

    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// How alike texts `a` and `b` are.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (va, vb) = (&self.vectors[a], &self.vectors[b]);
        while i < va.len() && j < vb.len() {
            match va[i].0.cmp(&vb[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += va[i].1 * vb[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The texts most like text `of` among those `eligible` accepts (earlier ones, say),
    /// at least `min_score` alike, best first, at most `limit`. Only texts sharing a term are
    /// looked at, so this stays fast over thousands of recommendations.
    pub fn candidates(
        &self,
        of: usize,
        min_score: f32,
        limit: usize,
        eligible: impl Fn(usize) -> bool,
    ) -> Vec<Candidate> {
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for &(term, w) in &self.vectors[of] {
            for &(doc, w2) in &self.postings[term as usize] {
                if doc as usize != of {
                    *scores.entry(doc).or_default() += w * w2;
                }
            }
        }
        let mut found: Vec<Candidate> = scores
            .into_iter()
            .filter(|&(doc, score)| score >= min_score && eligible(doc as usize))
            .map(|(doc, score)| Candidate {
                index: doc as usize,
                score: score.min(1.0),
            })
            .collect();
        found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        found.truncate(limit);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("renforcement"), stem("renforcer"));
        assert_eq!(stem("renforcee"), stem("renforcer"));
        assert_eq!(stem("veillez"), stem("veiller"));
        assert_eq!(stem("collectivites"), stem("collectivite"));
        assert_eq!(stem("vulgarisation"), stem("vulgariser"));
        assert_ne!(stem("migration"), stem("migrants"));
        // Short words are left alone.
        assert_eq!(stem("loi"), "loi");
    }

    #[test]
    fn function_words_and_elisions_do_not_count() {
        assert_eq!(
            terms("Garantir l'accès de l'UE aux collectivités"),
            vec!["garantir", "acce", "ue", "collectiv"]
        );
    }

    #[test]
    fn repeats_and_rewordings_are_found_distinct_texts_are_not() {
        let texts = [
            "Veiller à disposer d'une législation conforme aux normes internationales et à sa vulgarisation",
            "Organiser un forum de la diaspora",
            "Renforcer la gestion des frontières",
            "Veillez à disposer d'une legislation en conformité avec les normes internationales",
            "Organiser des revues périodiques sur les interventions des partenaires",
        ];
        let index = RecurrenceIndex::new(texts);
        let found = index.candidates(3, PROPOSAL_THRESHOLD, 3, |i| i < 3);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].index, 0);
        assert!((index.similarity(3, 0) - found[0].score).abs() < 1e-5);
        // A text shares "organiser" with another but is a different recommendation.
        assert!(
            index
                .candidates(4, PROPOSAL_THRESHOLD, 3, |i| i < 4)
                .is_empty()
        );
        // Not eligible: never proposed.
        assert!(
            index
                .candidates(3, 0.0, 3, |i| i != 0)
                .iter()
                .all(|c| c.index != 0)
        );
        assert!((index.similarity(2, 2) - 1.0).abs() < 1e-5);
    }
}
