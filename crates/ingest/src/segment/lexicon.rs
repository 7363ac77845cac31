//! The words repair may use: a byte trie over lower-case words, each
//! with the cost of using it. Built once; looking a run of letters up walks it letter by letter,
//! so every word starting at a position is found in one pass.

use std::sync::LazyLock;

use cadre_domain::body::REGIONS;
use cadre_domain::organisation::KNOWN_ORGANISATIONS;

/// wordfreq's French list, most frequent first (see lexicon/LICENSE.md).
const FRENCH_WORDS: &str = include_str!("../../lexicon/fr.txt");
/// Niger's regions and departments, which the French list knows badly.
const NIGER_PLACES: &str = include_str!("../../lexicon/niger_places.txt");

/// Words are never longer than this (in bytes): bounds the walk from each position.
const MAX_WORD_BYTES: usize = 40;

/// Letters French writes only before an apostrophe ("l'ordre", "jusqu'à"): outside that place a
/// lone "l" or "qu" is never a word, and letting them be would cut real words into letters.
const ELIDED: [&str; 15] = [
    "l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu",
];
/// The one-letter words that stand alone.
const ONE_LETTER_WORDS: [&str; 4] = ["a", "à", "y", "ô"];

/// Rank given to the domain's own words (organisations, places): common in every document.
const DOMAIN_RANK: f32 = 3_000.0;
/// Rank given to a word seen once in the documents already imported; seen more often, it ranks
/// higher (the rank is divided by how often it was seen, up to 50).
const VOCABULARY_RANK: f32 = 20_000.0;
/// Taken off the cost of every word the documents use: a word of the domain's own register
/// ("par le") beats a colloquial one the documents never use ("parle").
const VOCABULARY_BONUS: f32 = 1.0;

/// A node while the trie is built: its children are `edge_*[edge_start..edge_start + edge_len]`.
#[derive(Debug, Clone, Copy)]
struct Node {
    edge_start: u32,
    edge_len: u32,
    /// Cost of the word ending here, infinite when none does.
    word: f32,
    /// Cost of the elided form ending here ("l" of "l'"), infinite when none does.
    elision: f32,
    /// The word ending here makes the next one plural ("les", "des").
    plural: bool,
}

/// The words repair may use, with how common each is.
#[derive(Debug)]
pub struct Lexicon {
    /// Every edge carries what its child node holds (its own children's slice and the word
    /// ending there), so a step down the trie reads one record: the walk from each letter is
    /// what repair spends its time on, and it is bound by memory reads.
    edges: Vec<Edge>,
    /// The root's children by byte (edge index + 1, 0 for none).
    root: Box<[u32; 256]>,
    words: usize,
}

static FRENCH: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::build(Vec::new()));

/// One character as the lexicon stores it: lower-case, accents kept. Always exactly one
/// character.
pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The lexicon characters a written character may stand for. Capitals often lose their accents
/// ("REUNION", "Etat"), so an unaccented capital may be any accented form of its letter; a
/// lower-case letter is only itself.
pub(crate) fn variants(c: char, out: &mut [char; 5]) -> usize {
    let lower = lower_char(c);
    let alternatives: &[char] = if c.is_uppercase() {
        match lower {
            'a' => &['a', 'à', 'â', 'ä'],
            'e' => &['e', 'é', 'è', 'ê', 'ë'],
            'i' => &['i', 'î', 'ï'],
            'o' => &['o', 'ô', 'ö'],
            'u' => &['u', 'ù', 'û', 'ü'],
            'c' => &['c', 'ç'],
            'y' => &['y', 'ÿ'],
            _ => &[],
        }
    } else {
        &[]
    };
    if alternatives.is_empty() {
        out[0] = lower;
        1
    } else {
        out[..alternatives.len()].copy_from_slice(alternatives);
        alternatives.len()
    }
}

fn key(word: &str) -> String {
    word.chars().map(lower_char).collect()
}

/// The cost of a word of this frequency rank (0 = most frequent): Zipf's law makes
/// -log(probability) grow as log(rank).
fn rank_cost(rank: f32, vocabulary: usize) -> f32 {
    ((rank + 1.0) * (vocabulary as f32).ln()).ln()
}

/// Runs of two letters or more: the words a name or a written text gives the lexicon.
fn letter_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(1).is_some())
}

/// A node is named by the index + 1 of the edge leading to it; 0 is the root.
#[derive(Debug, Clone, Copy)]
struct Edge {
    /// The child's own children: `edges[start..start + len]`, sorted by byte.
    start: u32,
    word: f32,
    elision: f32,
    len: u16,
    byte: u8,
    plural: bool,
}

struct Entry {
    key: String,
    word: f32,
    elision: f32,
}

/// Words after which a noun or adjective is plural ("les discussions ont", not "les discussion
/// sont").
const PLURAL_DETERMINERS: [&str; 33] = [
    "les",
    "des",
    "ces",
    "mes",
    "tes",
    "ses",
    "nos",
    "vos",
    "leurs",
    "aux",
    "quelques",
    "plusieurs",
    "certains",
    "certaines",
    "différents",
    "différentes",
    "divers",
    "diverses",
    "nombreux",
    "nombreuses",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "tous",
    "toutes",
    "autres",
    "mêmes",
];

impl Lexicon {
    /// The embedded French word-frequency list.
    pub fn french() -> &'static Lexicon {
        &FRENCH
    }

    /// The French list plus the words of documents already imported. Items may be single words
    /// or whole texts: each run of two letters or more becomes a word, and the more often a word
    /// is given, the more readily repair uses it.
    pub fn with_vocabulary<I, S>(words: I) -> Lexicon
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        for item in words {
            for w in letter_runs(item.as_ref()) {
                *seen.entry(key(w)).or_default() += 1;
            }
        }
        let extra = seen
            .into_iter()
            .map(|(key, count)| {
                (
                    key,
                    VOCABULARY_RANK / count.min(50) as f32,
                    VOCABULARY_BONUS,
                )
            })
            .collect();
        Lexicon::build(extra)
    }

    /// How many distinct (lower-case) words the lexicon holds.
    pub fn len(&self) -> usize {
        self.words
    }

    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// The cost of a word as the lexicon knows it (capitals may have lost their accents),
    /// `None` when unknown.
    pub fn cost(&self, word: &str) -> Option<f32> {
        let best = self.cost_from(0, word);
        best.is_finite().then_some(best)
    }

    /// Branches only at capitals, a few ways each: recursion as deep as the word is long.
    fn cost_from(&self, node: u32, rest: &str) -> f32 {
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return self.costs(node).0;
        };
        let mut alternatives = ['\0'; 5];
        let mut buf = [0u8; 4];
        let mut best = f32::INFINITY;
        let count = variants(c, &mut alternatives);
        for &alternative in &alternatives[..count] {
            if let Some(next) = self.child_char(node, alternative, &mut buf) {
                best = best.min(self.cost_from(next, chars.as_str()));
            }
        }
        best
    }

    /// The node after `c` from `node`.
    #[inline]
    pub(crate) fn child_char(&self, mut node: u32, c: char, buf: &mut [u8; 4]) -> Option<u32> {
        for &b in c.encode_utf8(buf).as_bytes() {
            node = self.child(node, b)?;
        }
        Some(node)
    }

    /// `extra`: lower-case words with the rank to give them (when better than the one they have).
    fn build(extra: Vec<(String, f32, f32)>) -> Lexicon {
        let french: Vec<&str> = FRENCH_WORDS.lines().filter(|l| !l.is_empty()).collect();
        let n = french.len().max(2);
        let mut entries: Vec<Entry> = Vec::with_capacity(french.len() + extra.len() + 1024);
        for (rank, word) in french.iter().enumerate() {
            let key = key(word);
            let cost = rank_cost(rank as f32, n);
            let one_letter = key.chars().nth(1).is_none();
            let elided = ELIDED.contains(&key.as_str());
            let standalone = !elided && (!one_letter || ONE_LETTER_WORDS.contains(&key.as_str()));
            entries.push(Entry {
                key,
                word: if standalone { cost } else { f32::INFINITY },
                elision: if elided { cost } else { f32::INFINITY },
            });
        }
        let domain_cost = rank_cost(DOMAIN_RANK, n);
        let domain = KNOWN_ORGANISATIONS
            .iter()
            .flat_map(|o| {
                std::iter::once(o.name)
                    .chain(o.acronym)
                    .chain(o.aliases.iter().copied())
            })
            .chain(REGIONS)
            .chain(NIGER_PLACES.lines())
            .flat_map(letter_runs);
        for w in domain {
            entries.push(Entry {
                key: key(w),
                word: domain_cost,
                elision: f32::INFINITY,
            });
        }
        let mut bonus = Vec::new();
        for (key, rank, b) in extra {
            if key.chars().nth(1).is_some() {
                bonus.push((key.clone(), b));
                entries.push(Entry {
                    key,
                    word: rank_cost(rank, n),
                    elision: f32::INFINITY,
                });
            }
        }
        entries.retain(|e| !e.key.is_empty() && e.key.len() <= MAX_WORD_BYTES);
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        bonus.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, kept| {
            if later.key == kept.key {
                kept.word = kept.word.min(later.word);
                kept.elision = kept.elision.min(later.elision);
                true
            } else {
                false
            }
        });
        for e in &mut entries {
            if let Ok(k) = bonus.binary_search_by(|b| b.0.as_str().cmp(&e.key)) {
                e.word -= bonus[k].1;
            }
        }
        Lexicon::from_sorted(&entries)
    }

    /// Breadth-first, so each node's children are created together and sit side by side.
    fn from_sorted(entries: &[Entry]) -> Lexicon {
        let empty = Node {
            edge_start: 0,
            edge_len: 0,
            word: f32::INFINITY,
            elision: f32::INFINITY,
            plural: false,
        };
        let mut nodes = vec![empty];
        let mut edge_bytes = Vec::new();
        let mut edge_child = Vec::new();
        let mut queue = std::collections::VecDeque::from([(0u32, 0usize, entries.len(), 0usize)]);
        while let Some((node, mut lo, hi, depth)) = queue.pop_front() {
            if lo < hi && entries[lo].key.len() == depth {
                nodes[node as usize].word = entries[lo].word;
                nodes[node as usize].elision = entries[lo].elision;
                nodes[node as usize].plural =
                    PLURAL_DETERMINERS.contains(&entries[lo].key.as_str());
                lo += 1;
            }
            nodes[node as usize].edge_start = edge_bytes.len() as u32;
            let mut start = lo;
            while start < hi {
                let byte = entries[start].key.as_bytes()[depth];
                let mut end = start + 1;
                while end < hi && entries[end].key.as_bytes()[depth] == byte {
                    end += 1;
                }
                let child = nodes.len() as u32;
                nodes.push(empty);
                edge_bytes.push(byte);
                edge_child.push(child);
                queue.push_back((child, start, end, depth + 1));
                start = end;
            }
            nodes[node as usize].edge_len =
                edge_bytes.len() as u32 - nodes[node as usize].edge_start;
        }
        let edges: Vec<Edge> = edge_bytes
            .iter()
            .zip(&edge_child)
            .map(|(&byte, &child)| {
                let c = nodes[child as usize];
                Edge {
                    start: c.edge_start,
                    word: c.word,
                    elision: c.elision,
                    len: c.edge_len as u16,
                    byte,
                    plural: c.plural,
                }
            })
            .collect();
        let mut root = Box::new([0u32; 256]);
        let r = nodes[0];
        for k in r.edge_start..r.edge_start + r.edge_len {
            root[edge_bytes[k as usize] as usize] = k + 1;
        }
        Lexicon {
            edges,
            root,
            words: entries.len(),
        }
    }

    #[inline]
    pub(crate) fn child(&self, node: u32, byte: u8) -> Option<u32> {
        if node == 0 {
            let c = self.root[byte as usize];
            return (c != 0).then_some(c);
        }
        let e = &self.edges[node as usize - 1];
        let start = e.start as usize;
        let children = &self.edges[start..start + e.len as usize];
        let k = if children.len() <= 8 {
            children.iter().position(|c| c.byte == byte)?
        } else {
            children.binary_search_by_key(&byte, |c| c.byte).ok()?
        };
        Some((start + k + 1) as u32)
    }

    /// (word cost, elision cost, makes the next word plural) of the word ending at `node`.
    #[inline]
    pub(crate) fn costs(&self, node: u32) -> (f32, f32, bool) {
        match node.checked_sub(1) {
            Some(k) => {
                let e = &self.edges[k as usize];
                (e.word, e.elision, e.plural)
            }
            None => (f32::INFINITY, f32::INFINITY, false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_whatever_their_case_and_capitals_without_accents() {
        let lex = Lexicon::french();
        assert!(lex.len() > 100_000);
        let reunion = lex.cost("réunion").expect("réunion is French");
        assert_eq!(lex.cost("REUNION"), Some(reunion));
        assert_eq!(lex.cost("Réunion"), Some(reunion));
        // Lower-case letters keep their accents: "ià" is not "ia".
        assert!(lex.cost("ia").is_some());
        assert_eq!(lex.cost("ià"), None);
        assert!(lex.cost("de").unwrap() < reunion);
        assert_eq!(lex.cost("xqzwv"), None);
        // Elided letters are words only before an apostrophe.
        assert_eq!(lex.cost("l"), None);
        assert!(lex.cost("a").is_some());
        // The domain's own words.
        assert!(lex.cost("DGECM").is_some());
        assert!(lex.cost("Tillabéri").is_some());
    }

    #[test]
    fn vocabulary_adds_words_and_frequent_ones_cost_less() {
        let once = Lexicon::with_vocabulary(["Talladjé"]);
        let often = Lexicon::with_vocabulary(["Talladjé"; 10]);
        assert_eq!(Lexicon::french().cost("talladjé"), None);
        let c1 = once.cost("Talladjé").expect("added");
        let c10 = often.cost("TALLADJÉ").expect("added");
        assert!(c10 < c1);
        // A known word keeps its better cost.
        assert_eq!(once.cost("de"), Lexicon::french().cost("de"));
    }
}
