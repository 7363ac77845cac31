//! Personal data must never reach public pages, logs or exports. Free text read from documents
//! (discussion points, unplaced lines in warnings, a shifted attendance row) can still carry a
//! phone number or an e-mail address, so everything published passes through
//! [`mask_contacts`], and importers separate contacts from names with [`split_contacts`].
//!
//! People write contacts in many ways: `96 97 25 39`, `9697 2539`, `96/97/25/39`,
//! `+227.96.12.34.56`, `(+227) 96972539`, `00227 96 97 25 39`, `nom@domaine.org`,
//! `nom @ domaine.org`, `nom(at)domaine.org`, `nom[at]domaine[dot]org`, in fullwidth or
//! Arabic-Indic digits, with a fullwidth `＠`. The detector reads a normalised view of the text
//! (every such character mapped to its ASCII twin) and masks the span of the original text.
//! What it leaves alone matters as much: dates (`16/03/2023`), years and ranges (`2020-2035`),
//! decree numbers (`n°2020-744/PRN`), counts and amounts (`147 000`, `2 200 000 000 FCFA`).

mod publication;

pub use publication::{mask_json, publish_json, spreadsheet_cell};

use std::borrow::Cow;
use std::ops::Range;

pub const PHONE_MASK: &str = "[numéro masqué]";
pub const EMAIL_MASK: &str = "[adresse masquée]";

/// What a span of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Phone,
    Email,
}

/// A contact found in a text: its kind and its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSpan {
    pub kind: ContactKind,
    pub range: Range<usize>,
}

/// Every phone number and e-mail address in `text`, in order, not overlapping.
pub fn contact_spans(text: &str) -> Vec<ContactSpan> {
    if !may_hold_contact(text) {
        return Vec::new();
    }
    let view = View::new(text);
    let mut spans: Vec<ContactSpan> = view
        .emails()
        .into_iter()
        .map(|r| ContactSpan {
            kind: ContactKind::Email,
            range: view.bytes(r),
        })
        .collect();
    let emails: Vec<Range<usize>> = spans.iter().map(|s| s.range.clone()).collect();
    for r in view.phones() {
        let range = view.bytes(r);
        if !emails
            .iter()
            .any(|e| e.start < range.end && range.start < e.end)
        {
            spans.push(ContactSpan {
                kind: ContactKind::Phone,
                range,
            });
        }
    }
    spans.sort_by_key(|s| s.range.start);
    spans
}

/// `text` with every contact replaced by [`PHONE_MASK`] or [`EMAIL_MASK`]; borrowed when it
/// holds none (most text), so that masking everything published costs little.
pub fn mask_contacts(text: &str) -> Cow<'_, str> {
    let spans = contact_spans(text);
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(&text[at..span.range.start]);
        out.push_str(match span.kind {
            ContactKind::Phone => PHONE_MASK,
            ContactKind::Email => EMAIL_MASK,
        });
        at = span.range.end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// [`mask_contacts`], owned.
pub fn redact_contacts(text: &str) -> String {
    mask_contacts(text).into_owned()
}

/// Whether `text` holds a phone number or an e-mail address in any form the detector knows.
pub fn contains_contact(text: &str) -> bool {
    !contact_spans(text).is_empty()
}

/// A cell of a table, with its contacts taken out: what remains (trimmed of the separators
/// left behind), then the phone numbers and e-mail addresses it held. An attendance row whose
/// columns are shifted puts a phone in the institution cell or an e-mail in the name cell:
/// the importer keeps those as private contacts, never as a name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitCell {
    pub rest: String,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
}

pub fn split_contacts(cell: &str) -> SplitCell {
    let spans = contact_spans(cell);
    if spans.is_empty() {
        return SplitCell {
            rest: cell.trim().to_owned(),
            ..SplitCell::default()
        };
    }
    let mut split = SplitCell::default();
    let mut rest = String::new();
    let mut at = 0;
    for span in spans {
        rest.push_str(&cell[at..span.range.start]);
        rest.push(' ');
        let found = cell[span.range.clone()].trim().to_owned();
        match span.kind {
            ContactKind::Phone => split.phones.push(found),
            ContactKind::Email => split.emails.push(found),
        }
        at = span.range.end;
    }
    rest.push_str(&cell[at..]);
    // Labels and separators that only introduced the contact go with it; brackets stay, then
    // those left empty go ("OIM (96972539)" → "OIM", "DRECM (point focal : X, 9697…)" keeps
    // its closing bracket).
    let words: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| {
            let bare: String = w
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase();
            if bare.is_empty() {
                return w.contains(['(', ')', '[', ']']);
            }
            !CONTACT_LABELS.contains(&bare.as_str())
        })
        .collect();
    let mut rest = words.join(" ");
    for empty in ["( )", "()", "[ ]", "[]"] {
        rest = rest.replace(empty, "");
    }
    let rest = rest
        .replace(", )", ")")
        .replace(",)", ")")
        .replace(" )", ")")
        .replace(" ]", "]");
    split.rest = rest
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ')' | ']' | '.' | '\''))
        .trim_end_matches([',', ';', ':'])
        .to_owned();
    split
}

/// Words that introduce a contact ("Tél :", "E-mail :", "Contact") and mean nothing without it.
const CONTACT_LABELS: [&str; 16] = [
    "tel",
    "tél",
    "tels",
    "téls",
    "telephone",
    "téléphone",
    "phone",
    "cel",
    "cell",
    "gsm",
    "mobile",
    "email",
    "mail",
    "courriel",
    "contact",
    "contacts",
];

/// A cheap first look, one pass: a contact needs an at-sign (in some form), eight digits or a
/// webmail's name.
fn may_hold_contact(text: &str) -> bool {
    let mut digits = 0;
    let mut bracket = false;
    let mut dot = false;
    for c in text.chars() {
        match c {
            '@' | '\u{FF20}' | '\u{FE6B}' => return true,
            '(' | '[' | '{' | '<' => bracket = true,
            '.' => dot = true,
            _ => {
                if digit_value(c).is_some() {
                    digits += 1;
                    if digits >= 8 {
                        return true;
                    }
                }
            }
        }
    }
    // "(at)" and its brackets, and webmails without their at-sign: rare enough to look for
    // only when the text could hold them.
    (bracket
        && ["at)", "at]", "at}", "at>", "arobase", "arobas"]
            .iter()
            .any(|n| ascii_lower_contains(text, n)))
        || (dot && WEBMAILS.iter().any(|w| ascii_lower_contains(text, w)))
}

/// Webmail domains: an address there is recognised even without its at-sign.
const WEBMAILS: [&str; 7] = [
    "gmail.",
    "yahoo.",
    "hotmail.",
    "outlook.",
    "ymail.",
    "icloud.",
    "protonmail.",
];

fn ascii_lower_contains(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The value of a decimal digit in any script people type or paste (ASCII, fullwidth,
/// Arabic-Indic, extended Arabic-Indic, mathematical).
fn digit_value(c: char) -> Option<u32> {
    let v = c as u32;
    match v {
        0x30..=0x39 => Some(v - 0x30),
        0xFF10..=0xFF19 => Some(v - 0xFF10),
        0x0660..=0x0669 => Some(v - 0x0660),
        0x06F0..=0x06F9 => Some(v - 0x06F0),
        0x1D7CE..=0x1D7FF => Some((v - 0x1D7CE) % 10),
        _ => None,
    }
}

/// The text as the detector reads it: one normalised character per original character, with
/// its byte offset in the original.
struct View {
    chars: Vec<char>,
    offsets: Vec<usize>,
    len: usize,
}

impl View {
    fn new(text: &str) -> View {
        let mut chars = Vec::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            offsets.push(i);
            chars.push(normalise(c));
        }
        View {
            chars,
            offsets,
            len: text.len(),
        }
    }

    /// Byte range in the original of a range of characters.
    fn bytes(&self, r: Range<usize>) -> Range<usize> {
        let end = self.offsets.get(r.end).copied().unwrap_or(self.len);
        self.offsets[r.start]..end
    }

    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }

    /// Whether the characters from `i` spell `word` (ASCII, any case).
    fn spells(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, w)| self.at(i + k).is_some_and(|c| c.to_ascii_lowercase() == w))
    }

    /// Length of an at-sign written at `i`: `@`, `(at)`, `[at]`, `{at}`, `<at>`, `(arobase)`.
    fn at_sign(&self, i: usize) -> Option<usize> {
        match self.at(i)? {
            '@' => Some(1),
            _ => self.bracketed(i, &["at", "arobase", "arobas"], "([{<"),
        }
    }

    /// Length of a dot written at `i`: `.`, `(dot)`, `[dot]`, `{dot}`, `(point)`.
    fn dot_sign(&self, i: usize) -> Option<usize> {
        match self.at(i)? {
            '.' => Some(1),
            _ => self.bracketed(i, &["dot", "point"], "([{"),
        }
    }

    /// Length of one of `words` written between brackets at `i` ("(at)", "[dot]"), the
    /// opening bracket one of `opening`.
    fn bracketed(&self, i: usize, words: &[&str], opening: &str) -> Option<usize> {
        let open = self.at(i).filter(|c| opening.contains(*c))?;
        let close = match open {
            '(' => ')',
            '[' => ']',
            '{' => '}',
            _ => '>',
        };
        words
            .iter()
            .find(|w| self.spells(i + 1, w) && self.at(i + 1 + w.len()) == Some(close))
            .map(|w| w.len() + 2)
    }

    fn emails(&self) -> Vec<Range<usize>> {
        let is_local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
        let is_label = |c: char| c.is_alphanumeric() || c == '-';
        let mut found: Vec<Range<usize>> = Vec::new();
        let mut i = 0;
        while i < self.chars.len() {
            let Some(sign) = self.at_sign(i) else {
                i += 1;
                continue;
            };
            // One space may stand on each side of the sign ("nom @ domaine.org").
            let mut start = i;
            if start > 0 && self.chars[start - 1] == ' ' {
                start -= 1;
            }
            let local_end = start;
            while start > 0 && is_local(self.chars[start - 1]) {
                start -= 1;
            }
            while start < local_end && self.chars[start] == '.' {
                start += 1;
            }
            let mut j = i + sign;
            if self.at(j) == Some(' ') {
                j += 1;
            }
            // Labels separated by dots; the last one (the top-level domain) has letters only.
            let mut labels: Vec<Range<usize>> = Vec::new();
            let mut end = j;
            loop {
                let label_start = end;
                while self.at(end).is_some_and(is_label) {
                    end += 1;
                }
                if end == label_start {
                    break;
                }
                labels.push(label_start..end);
                // A written-out dot may have a space on each side ("iom [dot] int").
                let spaced = self.at(end) == Some(' ') && self.at(end + 1) != Some('.');
                let k = if spaced { end + 1 } else { end };
                match self.dot_sign(k) {
                    Some(n) if n > 1 || !spaced => {
                        let mut next = k + n;
                        if n > 1 && self.at(next) == Some(' ') {
                            next += 1;
                        }
                        if self.at(next).is_some_and(is_label) {
                            end = next;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let tld_ok = labels.last().is_some_and(|tld| {
                tld.len() >= 2 && self.chars[tld.clone()].iter().all(|c| c.is_alphabetic())
            });
            if start < local_end && labels.len() >= 2 && tld_ok {
                let end = labels.last().map_or(end, |l| l.end);
                if found.last().is_some_and(|f| f.end > start) {
                    i += 1;
                    continue;
                }
                found.push(start..end);
                i = end;
            } else {
                i += sign;
            }
        }
        self.webmail_without_at_sign(&mut found);
        found
    }

    /// "jean909gmail.com": an address whose at-sign was lost in typing or transcription is
    /// still an address when its domain is a webmail's.
    fn webmail_without_at_sign(&self, found: &mut Vec<Range<usize>>) {
        let is_local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-');
        let mut i = 1;
        while i < self.chars.len() {
            let Some(webmail) = WEBMAILS.iter().find(|w| self.spells(i, w)) else {
                i += 1;
                continue;
            };
            let mut end = i + webmail.len();
            while self.at(end).is_some_and(|c| c.is_ascii_alphabetic()) {
                end += 1;
            }
            let tld = end - (i + webmail.len());
            let glued = self.chars[i - 1].is_alphanumeric();
            let inside = found.iter().any(|f| f.start <= i && i < f.end);
            if glued && (2..=4).contains(&tld) && !inside {
                let mut start = i;
                while start > 0 && is_local(self.chars[start - 1]) {
                    start -= 1;
                }
                found.push(start..end);
                found.sort_by_key(|f| f.start);
            }
            i = end.max(i + 1);
        }
    }

    fn phones(&self) -> Vec<Range<usize>> {
        let mut found = Vec::new();
        let mut i = 0;
        let n = self.chars.len();
        while i < n {
            match self.phone_at(i) {
                Some(end) => {
                    found.push(i..end);
                    i = end;
                }
                None => {
                    // Skip the rest of a number that is not a phone, so that its tail is not
                    // read as one ("2 200 000 000" is not "200 000 000").
                    if self.is_digit(i) {
                        while i < n && (self.is_digit(i) || is_separator(self.chars[i])) {
                            i += 1;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
        }
        found
    }

    /// The end of a phone number starting at `i`, if one does.
    fn phone_at(&self, i: usize) -> Option<usize> {
        let c = self.at(i)?;
        let mut international = false;
        let mut j = i;
        match c {
            '+' if self.is_digit(i + 1) => {
                international = true;
                j += 1;
            }
            '(' if self.at(i + 1) == Some('+') && self.is_digit(i + 2) => {
                international = true;
                j += 2;
            }
            d if d.is_ascii_digit() => {}
            _ => return None,
        }
        if i > 0 && !self.may_precede(i) {
            return None;
        }
        let mut groups: Vec<Range<usize>> = Vec::new();
        let mut separators: Vec<char> = Vec::new();
        let mut end = j;
        loop {
            let start = end;
            while self.is_digit(end) {
                end += 1;
            }
            groups.push(start..end);
            // "(+227) 96…": the closing parenthesis of the country code, then a space.
            if international && groups.len() == 1 && c == '(' && self.at(end) == Some(')') {
                let mut k = end + 1;
                if self.at(k).is_some_and(is_separator) {
                    k += 1;
                }
                if self.is_digit(k) {
                    separators.push(' ');
                    end = k;
                    continue;
                }
                return None;
            }
            match self.at(end) {
                Some(s) if is_separator(s) && self.is_digit(end + 1) => {
                    separators.push(s);
                    end += 1;
                }
                _ => break,
            }
        }
        if c == '(' && groups.len() == 1 {
            return None;
        }
        let sizes: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        let digits: usize = sizes.iter().sum();
        let first = &self.chars[groups[0].clone()];
        let starts_00 = first.len() >= 4 && first[0] == '0' && first[1] == '0';
        let followed_by_letter = self.at(end).is_some_and(|c| c.is_alphabetic());
        let phone = if international || starts_00 {
            (8..=20).contains(&digits)
        } else if followed_by_letter {
            false
        } else if sizes.len() == 1 {
            (8..=15).contains(&digits)
        } else if sizes.iter().any(|&s| s > 4) {
            false
        } else if sizes.contains(&4) {
            let year = |g: &Range<usize>| {
                let v: u32 = self.chars[g.clone()]
                    .iter()
                    .fold(0, |v, c| v * 10 + c.to_digit(10).unwrap_or(0));
                (1900..=2100).contains(&v)
            };
            (sizes == [4, 4] && !(year(&groups[0]) && year(&groups[1])))
                || (sizes == [3, 4, 4] && first == ['2', '2', '7'])
        } else {
            let thousands = sizes.len() >= 3
                && sizes[1..].iter().all(|&s| s == 3)
                && separators.iter().all(|&s| s == separators[0])
                && matches!(separators[0], ' ' | '.' | '\u{A0}' | '\u{202F}');
            digits >= 8 && sizes.iter().all(|&s| s >= 2) && !thousands
        };
        phone.then_some(end)
    }

    /// A number glued to the word before it is not a phone ("AB12345678"), except after the
    /// labels that announce one ("Tél96972539", lost spaces).
    fn may_precede(&self, i: usize) -> bool {
        let before = self.chars[i - 1];
        if !before.is_alphanumeric() {
            return true;
        }
        if before.is_ascii_digit() {
            return false;
        }
        let mut k = i;
        while k > 0 && self.chars[k - 1].is_alphabetic() {
            k -= 1;
        }
        let word: String = self.chars[k..i].iter().collect::<String>().to_lowercase();
        [
            "tel", "tél", "phone", "cel", "cell", "gsm", "mobile", "contact", "whatsapp",
        ]
        .iter()
        .any(|label| word.ends_with(label))
    }
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '/' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2011}'
    )
}

/// The ASCII twin of a character people use in contacts (fullwidth forms, other digits).
fn normalise(c: char) -> char {
    if let Some(d) = digit_value(c) {
        return char::from_digit(d, 10).unwrap_or(c);
    }
    match c as u32 {
        // Fullwidth ASCII block.
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0xFE6B => '@',
        0x3000 => ' ',
        0x2010 | 0x2012 | 0x2013 => '-',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> String {
        redact_contacts(s)
    }

    #[test]
    fn contacts_are_masked_and_other_text_kept() {
        let line = "12\tJean Dupont\tOIM/Niger\t80066573\tjdupont@iom.int";
        let r = masked(line);
        assert_eq!(
            r,
            "12\tJean Dupont\tOIM/Niger\t[numéro masqué]\t[adresse masquée]"
        );
        assert!(!masked("Tél : +227 96 12 34 56").contains("96 12 34 56"));
        // Dates, years, decree numbers and figures are not phone numbers.
        for keep in [
            "le 16/03/2023",
            "décret n°2020-744",
            "Plus de 147 000 flux",
            "2020-2035",
            "2019 2020",
            "AID 012590/03/2",
            "un budget de 2 200 000 000 FCFA",
            "12.345.678 migrants",
            "le 2023-03-16 à 09h00",
            "Réunion à 10 h @ la DRECM",
            "Forum@Agadez",
            "n°2020-744/PRN/MISP/D/ACR",
            "1 2 3 4 5 6 7 8 9",
            "www.gmail.com",
            "voir gmail.com",
        ] {
            assert_eq!(masked(keep), keep);
        }
    }

    #[test]
    fn every_written_form_is_masked() {
        for (text, secret) in [
            ("Tél 9697 2539", "9697 2539"),
            ("Tél 96/97/25/39", "96/97/25/39"),
            ("+227.96.12.34.56", "96.12.34.56"),
            ("(+227) 96 12 34 56", "96 12 34 56"),
            ("(+227)96972539", "96972539"),
            ("00227 96 97 25 39", "96 97 25 39"),
            ("227 9697 2539", "9697 2539"),
            ("Tél96972539", "96972539"),
            ("jean(at)iom.int", "jean"),
            ("jean [at] iom [dot] int", "jean"),
            ("jean @ iom.int", "jean"),
            ("jean＠iom.int", "jean"),
            ("jean﹫iom.int", "jean"),
            ("Tél ９６９７２５３９", "９６９７２５３９"),
            ("Tél ٩٦٩٧٢٥٣٩", "٩٦٩٧٢٥٣٩"),
            ("９６ ９７ ２５ ３９", "９６ ９７"),
            ("<a.b-c@sous.domaine.ne>", "a.b-c"),
            ("96 97 25 39 / 80 06 65 73", "80 06 65 73"),
            ("Mahamadou909gmail.com", "909gmail"),
        ] {
            let r = masked(text);
            assert!(!r.contains(secret), "{text:?} → {r:?}");
            assert!(contains_contact(text), "{text:?}");
        }
    }

    #[test]
    fn cells_give_their_contacts_up() {
        let s = split_contacts("Tél : 96 97 25 39 / jean@iom.int");
        assert_eq!(s.rest, "");
        assert_eq!(s.phones, ["96 97 25 39"]);
        assert_eq!(s.emails, ["jean@iom.int"]);
        let s = split_contacts("OIM (96972539)");
        assert_eq!(s.rest, "OIM");
        assert_eq!(s.phones, ["96972539"]);
        let s = split_contacts("DRECM-R Zinder (point focal : M. Issa, 96 97 25 39)");
        assert_eq!(s.rest, "DRECM-R Zinder (point focal M. Issa)");
        assert_eq!(s.phones, ["96 97 25 39"]);
        let s = split_contacts("Jean Dupont");
        assert_eq!(s.rest, "Jean Dupont");
        assert!(s.phones.is_empty() && s.emails.is_empty());
    }

    #[test]
    fn masking_keeps_the_text_around() {
        assert_eq!(
            masked("Écrire à point.focal@example.org, pour la fiche, en 2023."),
            "Écrire à [adresse masquée], pour la fiche, en 2023."
        );
        assert!(matches!(mask_contacts("rien à masquer"), Cow::Borrowed(_)));
    }

    fn digits_in(script: u8, digits: &[u32]) -> String {
        let base = match script {
            0 => 0x30,
            1 => 0xFF10,
            _ => 0x0660,
        };
        digits
            .iter()
            .map(|d| char::from_u32(base + d).expect("a digit"))
            .collect()
    }

    /// A Niger phone number in one of the ways people write it.
    fn phone() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        (
            proptest::sample::select(vec![2u32, 8, 9]),
            proptest::collection::vec(0u32..10, 7),
            0u8..8,
            proptest::sample::select(vec![' ', '.', '-', '/']),
            0u8..3,
        )
            // Two groups of four that both read as years ("2000 2000", "1995-2010") are a
            // range by design, not a number: the form that writes them so leaves them out.
            .prop_filter("two year-like halves", |(first, rest, form, _, _)| {
                let value = |d: &[u32]| d.iter().fold(0, |v, x| v * 10 + x);
                let mut d = vec![*first];
                d.extend(rest);
                *form != 2
                    || !((1900..=2100).contains(&value(&d[..4]))
                        && (1900..=2100).contains(&value(&d[4..])))
            })
            .prop_map(|(first, rest, form, sep, script)| {
                let mut d = vec![first];
                d.extend(rest);
                let pairs: Vec<String> = d.chunks(2).map(|p| digits_in(script, p)).collect();
                let joined = pairs.join(&sep.to_string());
                match form {
                    0 => digits_in(script, &d),
                    1 => joined,
                    2 => format!(
                        "{}{sep}{}",
                        digits_in(script, &d[..4]),
                        digits_in(script, &d[4..])
                    ),
                    3 => format!("+227{sep}{joined}"),
                    4 => format!("(+227) {joined}"),
                    5 => format!("00227 {}", digits_in(script, &d)),
                    6 => format!("+227{}", digits_in(script, &d)),
                    _ => format!(
                        "227 {} {}",
                        digits_in(script, &d[..4]),
                        digits_in(script, &d[4..])
                    ),
                }
            })
    }

    fn email() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        (
            "[a-z][a-z0-9_]{0,7}(\\.[a-z]{1,5})?",
            "[a-z][a-z0-9-]{0,6}[a-z0-9]",
            "[a-z]{2,4}",
            proptest::sample::select(vec!["@", " @ ", "(at)", " [at] ", "＠", "{at}"]),
            proptest::sample::select(vec![".", "[dot]", " [dot] ", "(dot)"]),
        )
            .prop_map(|(user, domain, tld, at, dot)| format!("{user}{at}{domain}{dot}{tld}"))
    }

    proptest::proptest! {
        /// Whatever goes in, nothing that comes out of the mask is still a contact.
        #[test]
        fn masked_text_holds_no_contact(s in "[ 0-9a-z@.()\\[\\]/+\\-＠９]{0,60}") {
            let out = redact_contacts(&s);
            proptest::prop_assert!(!contains_contact(&out), "{s:?} → {out:?}");
        }

        /// A contact written in any known form, anywhere in a sentence, is masked whole.
        #[test]
        fn written_contacts_are_masked(
            before in "[A-Za-zéè ,:]{0,20}",
            contact in proptest::prop_oneof![phone(), email()],
            after in "[A-Za-zéè ,.;]{0,20}",
        ) {
            let text = format!("{before} {contact} {after}");
            let out = redact_contacts(&text);
            proptest::prop_assert!(contains_contact(&text), "{text:?} not seen");
            proptest::prop_assert!(!contains_contact(&out), "{text:?} → {out:?}");
            let core: String = contact.chars().filter(|c| c.is_alphanumeric()).collect();
            let left: String = out.chars().filter(|c| c.is_alphanumeric()).collect();
            proptest::prop_assert!(!left.contains(&core), "{text:?} → {out:?}");
        }
    }
}
