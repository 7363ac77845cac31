//! How well repair restores a text: the measure the tests and `cadre-bench segment` share.

/// The text as PDF extraction loses it: every space inside a line removed, tabs and line breaks
/// kept.
pub fn lose_spaces(text: &str) -> String {
    text.chars().filter(|&c| c != ' ').collect()
}

/// Words of the original found, in order, in the repaired text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordAccuracy {
    pub matched: usize,
    pub words: usize,
}

impl WordAccuracy {
    pub fn share(&self) -> f64 {
        if self.words == 0 {
            1.0
        } else {
            self.matched as f64 / self.words as f64
        }
    }
}

impl std::ops::AddAssign for WordAccuracy {
    fn add_assign(&mut self, other: WordAccuracy) {
        self.matched += other.matched;
        self.words += other.words;
    }
}

/// Compares line by line (repair keeps lines) the words of `original` and `repaired`: the longest
/// common subsequence of their words over the original's word count.
///
/// A word is a run of letters and digits, joined by the signs that join words ("l'ordre",
/// "Croix-Rouge", "SP/CCM", "9H15", "n°2", "Re.Mi"); other punctuation only separates, so where
/// a repaired text puts a space around ";" or "(" does not count, while every word cut or glued
/// wrongly does.
pub fn word_accuracy(original: &str, repaired: &str) -> WordAccuracy {
    let mut total = WordAccuracy::default();
    let mut repaired_lines = repaired.split('\n');
    for line in original.split('\n') {
        let a = words(line);
        let b = words(repaired_lines.next().unwrap_or(""));
        total.matched += lcs(&a, &b);
        total.words += a.len();
    }
    total
}

fn words(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &(pos, c)) in chars.iter().enumerate() {
        let joins = matches!(c, '\'' | '-' | '/' | '.' | '@' | '_' | '°')
            && k > 0
            && chars[k - 1].1.is_alphanumeric()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (joins && start.is_some()) {
            start.get_or_insert(pos);
        } else if let Some(s) = start.take() {
            out.push(&line[s..pos]);
        }
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    out
}

fn lcs(a: &[&str], b: &[&str]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_ignore_spacing_around_punctuation_only() {
        assert_eq!(
            words("Ouverture (SP/CCM) ; -Croix-Rouge l'ordre 9H15-11H00 n°2"),
            [
                "Ouverture",
                "SP/CCM",
                "Croix-Rouge",
                "l'ordre",
                "9H15-11H00",
                "n°2"
            ]
        );
        let exact = word_accuracy("Salle de réunion ;", "Salle de réunion;");
        assert_eq!(
            exact,
            WordAccuracy {
                matched: 3,
                words: 3
            }
        );
        let cut = word_accuracy("Salle de réunion\nDGECM", "Salle deréunion\nDGE CM");
        assert_eq!(
            cut,
            WordAccuracy {
                matched: 1,
                words: 4
            }
        );
    }

    #[test]
    fn losing_spaces_keeps_tabs_and_lines() {
        assert_eq!(
            lose_spaces("Date\t16 février 2023\nLieu x"),
            "Date\t16février2023\nLieux"
        );
    }
}
