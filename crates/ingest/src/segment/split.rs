//! One run of text without spaces cut into tokens: the cheapest path (Viterbi) through the
//! words, numbers and signs that could make it up.

use super::lexicon::{Lexicon, lower_char, variants};

/// What a token is, which decides the spaces around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters: a word of the lexicon.
    Word,
    /// Letters the lexicon does not know: a name, an acronym.
    Name,
    /// An elided word with its apostrophe ("l'", "qu'"): the next word follows without a space.
    Elision,
    /// Digits, with their inner separators ("02/02/2022", "1.1"), an hour ("9H15") or an
    /// ordinal ending ("1er", "2ème").
    Number,
    /// "n°", glued to the number that follows.
    Numero,
    /// Any other single character.
    Punct,
}

/// A token of the text: byte range in the whole text, and what spacing needs to know.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Letters in the token.
    pub letters: u16,
    /// What the path paid for this token.
    pub cost: f32,
    /// The punctuation character (for `Kind::Punct`).
    pub sign: char,
}

impl Tok {
    pub fn is_alnum(&self) -> bool {
        !matches!(self.kind, Kind::Punct)
    }
}

/// Costs, in the same unit as word costs (about -log of a probability). Tuned on the seeds with
/// the words of the seed measured left out (see tests/segmentation.rs).
/// Costs, in the unit of word costs (about -log of a probability). Chosen on the seeds with
/// their spaces removed, each measured with the other seeds' words only (tests/segmentation.rs),
/// from a plateau where nearby values score within a few tenths of a percent.
mod cost {
    /// An unknown lower-case or capitalised span: base + per letter.
    pub const UNKNOWN_BASE: f32 = 10.0;
    pub const UNKNOWN_PER_LETTER: f32 = 2.0;
    /// An unknown span in capitals: acronyms are everywhere in the minutes, but a long run of
    /// capitals is more often a title whose spaces were lost.
    pub const CAPS_BASE: f32 = 7.0;
    pub const CAPS_PER_LETTER: f32 = 3.0;
    /// A bare apostrophe: elisions carry theirs ("s'agit", not "Ils'agit").
    pub const APOSTROPHE: f32 = 8.0;
    /// A singular word after "les", "des"…
    pub const PLURAL: f32 = 3.0;
    /// Known words are not looked for beyond this many characters.
    pub const MAX_WORD_CHARS: usize = 30;
    /// Unknown spans longer than this are not tried: a long run always has cheaper cuts.
    pub const MAX_UNKNOWN: usize = 24;
    pub const NUMBER: f32 = 2.0;
    pub const ORDINAL_ENDING: f32 = 0.5;
    pub const NUMERO: f32 = 1.0;
    /// A degree sign glued to a word other than "n".
    pub const LONE_DEGREE: f32 = 10.0;
}

/// Compared lower-case: "ÈME" is "ème".
const ORDINAL_ENDINGS: [&str; 11] = [
    "er", "ère", "re", "e", "è", "ème", "eme", "ième", "ieme", "nd", "nde",
];

/// What `text` (letters only) costs read as one word: known, or an unknown name or acronym.
/// `None` when its case makes it no word ("réunionDGECM").
pub(crate) fn whole_word_cost(lex: &Lexicon, text: &str) -> Option<f32> {
    let (mut upper, mut lower, mut len, mut first_upper) = (0, 0, 0, false);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= len == 0;
        } else {
            lower += 1;
        }
        len += 1;
    }
    let unknown = if lower == 0 {
        cost::CAPS_BASE + cost::CAPS_PER_LETTER * len as f32
    } else if upper == 0 || (upper == 1 && first_upper) {
        cost::UNKNOWN_BASE + cost::UNKNOWN_PER_LETTER * len as f32
    } else {
        return None;
    };
    if len > cost::MAX_UNKNOWN {
        return Some(f32::INFINITY);
    }
    Some(lex.cost(text).map_or(unknown, |c| c.min(unknown)))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    /// A letter without case (most scripts other than Latin, Greek, Cyrillic).
    Caseless,
    Digit,
    Other,
}

#[derive(Clone, Copy)]
struct Back {
    from: u32,
    kind: Kind,
    /// The token is "les", "des"…: the next word is most likely plural.
    plural: bool,
}

/// Buffers reused from one run to the next.
#[derive(Default)]
pub(crate) struct Segmenter {
    chars: Vec<char>,
    byte_at: Vec<usize>,
    class: Vec<Class>,
    /// What each char may stand for in the lexicon: `alternatives[alt_at[i]..alt_at[i + 1]]`.
    alternatives: Vec<char>,
    alt_at: Vec<u32>,
    /// Trie walks in progress: (node, next char).
    stack: Vec<(u32, u32)>,
    upper: Vec<u32>,
    lower: Vec<u32>,
    /// End of the letter run each letter is in.
    run_end: Vec<u32>,
    best: Vec<f32>,
    back: Vec<Back>,
}

impl Segmenter {
    /// Cuts `run` (no whitespace) into tokens appended to `out`; `base` is the run's byte offset
    /// in the whole text.
    pub fn split(&mut self, lex: &Lexicon, run: &str, base: usize, out: &mut Vec<Tok>) {
        self.load(run);
        let n = self.chars.len();
        self.best.clear();
        self.best.resize(n + 1, f32::INFINITY);
        self.back.clear();
        self.back.resize(
            n + 1,
            Back {
                from: 0,
                kind: Kind::Punct,
                plural: false,
            },
        );
        self.best[0] = 0.0;
        for i in 0..n {
            let here = self.best[i];
            if !here.is_finite() {
                continue;
            }
            match self.class[i] {
                Class::Upper | Class::Lower | Class::Caseless => {
                    let plural = self.back[i].plural;
                    self.letters_from(lex, i, here, plural)
                }
                Class::Digit => {
                    if i == 0 || self.class[i - 1] != Class::Digit {
                        self.numbers_from(i, here);
                    }
                }
                Class::Other => {
                    let c = if self.chars[i] == '\'' {
                        cost::APOSTROPHE
                    } else if matches!(self.chars[i], '°' | 'º')
                        && i > 0
                        && matches!(self.class[i - 1], Class::Upper | Class::Lower)
                    {
                        cost::LONE_DEGREE
                    } else {
                        0.0
                    };
                    self.offer(i, i + 1, here + c, Kind::Punct);
                }
            }
        }
        // Walk back from the end; tokens come out reversed.
        let first = out.len();
        let mut j = n;
        while j > 0 {
            let b = self.back[j];
            let i = b.from as usize;
            let letters = (self.upper[j] - self.upper[i]) + (self.lower[j] - self.lower[i]);
            let start = self.byte_at[i];
            out.push(Tok {
                start: base + start,
                end: base + self.byte_at[j],
                kind: b.kind,
                letters: letters.min(u16::MAX as u32) as u16,
                cost: self.best[j] - self.best[i],
                sign: self.chars[i],
            });
            j = i;
        }
        out[first..].reverse();
    }

    fn load(&mut self, run: &str) {
        self.chars.clear();
        self.byte_at.clear();
        self.class.clear();
        self.alternatives.clear();
        self.alt_at.clear();
        self.upper.clear();
        self.lower.clear();
        self.upper.push(0);
        self.lower.push(0);
        let mut buf = ['\0'; 5];
        for (pos, c) in run.char_indices() {
            let class = if c.is_ascii_digit() {
                Class::Digit
            } else if c.is_alphabetic() {
                if c.is_uppercase() {
                    Class::Upper
                } else if c.is_lowercase() {
                    Class::Lower
                } else {
                    Class::Caseless
                }
            } else {
                Class::Other
            };
            self.chars.push(c);
            self.byte_at.push(pos);
            self.class.push(class);
            self.alt_at.push(self.alternatives.len() as u32);
            if matches!(class, Class::Upper | Class::Lower | Class::Caseless) || c == '\'' {
                let k = variants(c, &mut buf);
                self.alternatives.extend_from_slice(&buf[..k]);
            }
            let (u, l) = (
                self.upper[self.upper.len() - 1],
                self.lower[self.lower.len() - 1],
            );
            self.upper.push(u + u32::from(class == Class::Upper));
            self.lower
                .push(l + u32::from(matches!(class, Class::Lower | Class::Caseless)));
        }
        self.byte_at.push(run.len());
        self.alt_at.push(self.alternatives.len() as u32);
        let n = self.chars.len();
        self.run_end.clear();
        self.run_end.resize(n, 0);
        let mut end = n;
        for i in (0..n).rev() {
            if !matches!(self.class[i], Class::Upper | Class::Lower | Class::Caseless) {
                end = i;
            }
            self.run_end[i] = end as u32;
        }
    }

    #[inline]
    fn offer(&mut self, from: usize, to: usize, cost: f32, kind: Kind) {
        self.offer_word(from, to, cost, kind, false);
    }

    #[inline]
    fn offer_word(&mut self, from: usize, to: usize, cost: f32, kind: Kind, plural: bool) {
        if cost < self.best[to] {
            self.best[to] = cost;
            self.back[to] = Back {
                from: from as u32,
                kind,
                plural,
            };
        }
    }

    /// A span reads as one word when it is all lower-case, capitalised, or all capitals.
    #[inline]
    fn shape(&self, i: usize, j: usize) -> Option<bool> {
        let upper = self.upper[j] - self.upper[i];
        let lower = self.lower[j] - self.lower[i];
        if lower == 0 && upper > 0 {
            Some(true)
        } else if upper == 0 || (upper == 1 && self.class[i] == Class::Upper) {
            Some(false)
        } else {
            None
        }
    }

    fn letters_from(&mut self, lex: &Lexicon, i: usize, here: f32, plural: bool) {
        let n = self.chars.len();
        // Words of the lexicon: one walk down the trie, branching only where a capital may
        // have lost its accent.
        let limit = (i + cost::MAX_WORD_CHARS).min(n);
        let mut buf = [0u8; 4];
        self.stack.clear();
        self.stack.push((0, i as u32));
        while let Some((node, k)) = self.stack.pop() {
            let k = k as usize;
            if k > i {
                let (word, elision, makes_plural) = lex.costs(node);
                if (word.is_finite() || elision.is_finite()) && self.shape(i, k).is_some() {
                    if word.is_finite() {
                        let singular = plural
                            && k - i >= 3
                            && !matches!(lower_char(self.chars[k - 1]), 's' | 'x');
                        let agreement = if singular { cost::PLURAL } else { 0.0 };
                        self.offer_word(i, k, here + word + agreement, Kind::Word, makes_plural);
                    }
                    if elision.is_finite() && k < n && self.chars[k] == '\'' {
                        self.offer(i, k + 1, here + elision, Kind::Elision);
                    }
                }
            }
            if k >= limit {
                continue;
            }
            for a in self.alt_at[k]..self.alt_at[k + 1] {
                let c = self.alternatives[a as usize];
                if let Some(next) = lex.child_char(node, c, &mut buf) {
                    self.stack.push((next, k as u32 + 1));
                }
            }
        }
        // Names and acronyms the lexicon does not know.
        let end = (self.run_end[i] as usize).min(i + cost::MAX_UNKNOWN);
        for j in i + 1..=end {
            match self.shape(i, j) {
                Some(true) => {
                    let c = cost::CAPS_BASE + cost::CAPS_PER_LETTER * (j - i) as f32;
                    self.offer(i, j, here + c, Kind::Name);
                }
                Some(false) => {
                    let c = cost::UNKNOWN_BASE + cost::UNKNOWN_PER_LETTER * (j - i) as f32;
                    self.offer(i, j, here + c, Kind::Name);
                }
                // A capital after lower-case letters: no longer span is one word either.
                None => break,
            }
        }
        // "n°".
        if matches!(self.chars[i], 'n' | 'N') && matches!(self.chars.get(i + 1), Some('°' | 'º'))
        {
            self.offer(i, i + 2, here + cost::NUMERO, Kind::Numero);
        }
    }

    fn numbers_from(&mut self, i: usize, here: f32) {
        let n = self.chars.len();
        let first = self.digits_end(i);
        let mut end = first;
        while end + 1 < n
            && matches!(self.chars[end], '.' | ',' | '/' | ':')
            && self.class[end + 1] == Class::Digit
        {
            end = self.digits_end(end + 1);
        }
        self.offer(i, end, here + cost::NUMBER, Kind::Number);
        if end != first {
            return;
        }
        // An hour: "9H15", "10h15mn", "9h".
        if first - i <= 2 && first < n && matches!(self.chars[first], 'h' | 'H') {
            let h = first + 1;
            self.offer(i, h, here + cost::NUMBER, Kind::Number);
            let minutes = self.digits_end(h);
            if minutes > h && minutes - h <= 2 {
                self.offer(i, minutes, here + cost::NUMBER, Kind::Number);
                for unit in ["mn", "min"] {
                    if self.ends_with_word(minutes, unit) {
                        self.offer(i, minutes + unit.len(), here + cost::NUMBER, Kind::Number);
                    }
                }
            }
        }
        // An ordinal: "1er", "2ème", "6ÈME".
        for ending in ORDINAL_ENDINGS {
            if self.ends_with_word(first, ending) {
                let len = ending.chars().count();
                self.offer(
                    i,
                    first + len,
                    here + cost::NUMBER + cost::ORDINAL_ENDING,
                    Kind::Number,
                );
            }
        }
    }

    fn digits_end(&self, mut k: usize) -> usize {
        while k < self.chars.len() && self.class[k] == Class::Digit {
            k += 1;
        }
        k
    }

    /// The letters at `at` are `ending` (lower-cased).
    fn ends_with_word(&self, at: usize, ending: &str) -> bool {
        (at..).zip(ending.chars()).all(|(k, e)| {
            k < self.chars.len()
                && matches!(self.class[k], Class::Lower | Class::Upper)
                && lower_char(self.chars[k]) == e
        })
    }
}
