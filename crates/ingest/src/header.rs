//! The header grammar: a label (Date, Heure or Time, Lieu, Présence and their variants), a
//! separator (a tab, a colon, spaces or a no-break space, or the end of the line, the value
//! then following on the next lines), and its value; several label–value pairs may share a
//! line ("Date : … Heure : … Lieu : …"), in any order.
//!
//! A label separated from its value by spaces alone is only a label when the value fits it
//! (a date after "Date", a time after "Heure", a capitalised name after "Lieu"): "Date limite"
//! and "Lieu de concertation" open no header field.

use std::sync::LazyLock;

use cadre_domain::dates::{parse_french_date, parse_time_range};
use cadre_domain::text::fold;
use regex::Regex;

use crate::lines::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Date,
    Time,
    Place,
    Attendance,
}

impl Label {
    pub fn field(self) -> &'static str {
        match self {
            Label::Date => "date",
            Label::Time => "time",
            Label::Place => "place",
            Label::Attendance => "attendance",
        }
    }
}

/// Every spelling of every label, folded, longest first so that "date de la reunion" wins
/// over "date".
const LABELS: &[(&str, Label)] = &[
    ("date de la reunion", Label::Date),
    ("date et heure", Label::Date),
    ("date", Label::Date),
    ("heure de la reunion", Label::Time),
    ("heures", Label::Time),
    ("heure", Label::Time),
    ("horaires", Label::Time),
    ("horaire", Label::Time),
    ("time", Label::Time),
    ("lieu de la reunion", Label::Place),
    ("lieu", Label::Place),
    ("venue", Label::Place),
    ("place", Label::Place),
    ("organisations participantes", Label::Attendance),
    ("structures participantes", Label::Attendance),
    ("institutions participantes", Label::Attendance),
    ("liste des participants", Label::Attendance),
    ("liste de presence", Label::Attendance),
    ("etaient presents", Label::Attendance),
    ("participants", Label::Attendance),
    ("presences", Label::Attendance),
    ("presence", Label::Attendance),
    ("attendance", Label::Attendance),
];

/// The label a whole cell is ("Date", "Lieu :"), if it is one.
fn whole_label(cell: &str) -> Option<Label> {
    if cell.len() > 60 {
        return None;
    }
    let f = fold(cell.trim().trim_end_matches([':', '：']).trim());
    LABELS
        .iter()
        .find(|(l, _)| *l == f)
        .map(|(_, label)| *label)
}

/// A label at the start of `text` and the byte length it takes there. Folding keeps one
/// character per character for the letters labels use, so lengths are counted in characters.
fn label_at_start(text: &str) -> Option<(Label, usize)> {
    // Every label starts with one of these letters: most lines are ruled out without folding.
    let first = text.chars().next()?.to_ascii_lowercase();
    if !matches!(
        first,
        'd' | 'h' | 't' | 'l' | 'v' | 'p' | 'o' | 's' | 'i' | 'e' | 'é' | 'É' | 'a'
    ) {
        return None;
    }
    let head: String = text.chars().take(40).collect();
    let folded: Vec<char> = fold(&head).chars().collect();
    if folded.len() != head.chars().count() {
        return None;
    }
    let original: Vec<char> = head.chars().collect();
    for (spelling, label) in LABELS {
        let n = spelling.chars().count();
        if folded.len() >= n && folded[..n].iter().copied().eq(spelling.chars()) {
            // A whole word: "Dates" is not "Date" followed by "s", "Lieux" not "Lieu". A
            // capital or a digit right after a capitalised label is the value run into it when
            // spaces were lost ("LieuSalle de réunion", "Heure9h00").
            let next = original.get(n).copied();
            let glued = original.first().is_some_and(|c| c.is_uppercase())
                && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if next.is_some_and(|c| c.is_alphanumeric()) && !glued {
                continue;
            }
            let bytes = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
            return Some((*label, bytes));
        }
    }
    None
}

/// Labels further along a line, each followed by a colon: "… Heure : 10h Lieu : Salle".
static NEXT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\s|\|)(date|heures?|horaires?|time|lieu|place|venue|pr[ée]sences?|participants|attendance|organisations participantes)\s*:",
    )
    .expect("static regex")
});

/// "Ont pris part à cette réunion les représentants des structures suivantes : …": the
/// attendance introduced by a sentence (at the start of a line, or after another sentence a
/// PDF put on the same line), the list after its colon or on the lines below.
static ATTENDANCE_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[.!?]\s+)(?:ont\s+pris\s+part|ont\s+particip[ée]|[ée]taient\s+pr[ée]sents?|ont\s+assist[ée]|y\s+ont\s+pris\s+part|ont\s+r[ée]pondu\s+pr[ée]sents?|la\s+r[ée]union\s+a\s+regroup[ée])\b[^:]{0,150}:\s*(.*)$",
    )
    .expect("static regex")
});

/// Whether a line introduces the attendance in a sentence rather than under a label.
pub(crate) fn is_attendance_sentence(line: &Line) -> bool {
    may_introduce_attendance(&line.text) && ATTENDANCE_SENTENCE.is_match(&line.text)
}

/// A cheap test before the sentence pattern, which every line of every document meets: the
/// sentence ends its introduction with a colon and names presence or participation.
fn may_introduce_attendance(text: &str) -> bool {
    text.len() <= 2000
        && text.contains(':')
        && ["part", "sent", "assist", "regroup", "SENT", "PART"]
            .iter()
            .any(|w| text.contains(w))
}

/// Whether a value written after a label and spaces alone fits that label.
fn fits(label: Label, value: &str) -> bool {
    let v = value.trim();
    let capitalised = v
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    match label {
        Label::Date => parse_french_date(v).is_some(),
        Label::Time => parse_time_range(v).0.is_some(),
        Label::Place => capitalised && v.chars().count() <= 150,
        Label::Attendance => capitalised || v.starts_with(['-', '•', '·']),
    }
}

/// The header fields a line opens, in the order written, each with the value written on the
/// line (None when the value follows on the next lines). Empty when the line is no header line.
pub(crate) fn header_fields(line: &Line) -> Vec<(Label, Option<String>)> {
    let mut cells = line.non_empty_cells();
    let Some(first) = cells.next() else {
        return Vec::new();
    };
    // "Date<TAB>16 février 2023": the label is a cell of its own.
    if let Some(label) = whole_label(first) {
        let rest: Vec<&str> = cells.collect();
        if rest.is_empty() {
            return vec![(label, None)];
        }
        // "Date<TAB>12 mars<TAB>Heure<TAB>9h": label cells further along start fields too.
        let mut out: Vec<(Label, Option<String>)> = vec![(label, None)];
        let mut value: Vec<&str> = Vec::new();
        for cell in rest {
            match whole_label(cell).filter(|_| !value.is_empty()) {
                Some(next) => {
                    out.last_mut().expect("a field").1 = Some(value.join(" "));
                    value.clear();
                    out.push((next, None));
                }
                None => value.push(cell),
            }
        }
        out.last_mut().expect("a field").1 = (!value.is_empty()).then(|| value.join(" "));
        return split_further(out);
    }
    if first.len() > 1000 {
        return Vec::new();
    }
    let text = line.text.as_str();
    if may_introduce_attendance(text)
        && let Some(caps) = ATTENDANCE_SENTENCE.captures(text)
    {
        let value = caps[1].trim();
        return vec![(
            Label::Attendance,
            (!value.is_empty()).then(|| value.to_owned()),
        )];
    }
    let Some((label, len)) = label_at_start(text) else {
        return Vec::new();
    };
    let after = &text[len..];
    let trimmed = after.trim_start();
    let value = if let Some(v) = trimmed.strip_prefix([':', '：']) {
        v.trim()
    } else if trimmed.is_empty() {
        return vec![(label, None)];
    } else if fits(label, trimmed) {
        // Separated by spaces, or run together when spaces were lost: the value must fit.
        trimmed
    } else {
        return Vec::new();
    };
    split_further(vec![(label, (!value.is_empty()).then(|| value.to_owned()))])
}

/// Splits the last field's value where another "Label :" starts.
fn split_further(mut fields: Vec<(Label, Option<String>)>) -> Vec<(Label, Option<String>)> {
    let Some((_, Some(value))) = fields.last().cloned() else {
        return fields;
    };
    let starts: Vec<(usize, usize, Label)> = NEXT_LABEL
        .captures_iter(&value)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let word = c.get(1)?;
            let label = whole_label(word.as_str())?;
            Some((word.start(), whole.end(), label))
        })
        .filter(|(start, _, _)| *start > 0)
        .collect();
    if starts.is_empty() {
        return fields;
    }
    let clean = |s: &str| {
        let s = s.trim().trim_end_matches(['|', ';', ',']).trim();
        (!s.is_empty()).then(|| s.to_owned())
    };
    let last = fields.len() - 1;
    fields[last].1 = clean(&value[..starts[0].0]);
    for (k, (_, value_start, label)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(value.len(), |next| next.0);
        fields.push((*label, clean(&value[*value_start..end])));
    }
    fields
}

/// "Date<TAB>Heure<TAB>Lieu": the header written as a table, labels in a row of their own and
/// the values in the row below.
pub(crate) fn label_row(line: &Line) -> Option<Vec<Label>> {
    let labels: Vec<Label> = line
        .non_empty_cells()
        .map(whole_label)
        .collect::<Option<Vec<_>>>()?;
    (labels.len() >= 2).then_some(labels)
}

/// The first header field a line opens.
pub(crate) fn header_label(line: &Line) -> Option<(Label, Option<String>)> {
    header_fields(line).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(s: &str) -> Vec<(Label, Option<String>)> {
        header_fields(&Line::new(s))
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn labels_with_a_tab_a_colon_or_alone() {
        assert_eq!(
            fields("Date\t16 février 2023"),
            [(Label::Date, some("16 février 2023"))]
        );
        assert_eq!(fields("\tTime"), [(Label::Time, None)]);
        assert_eq!(fields("Lieu : Salle A"), [(Label::Place, some("Salle A"))]);
        assert_eq!(fields("Place\tRoom 2"), [(Label::Place, some("Room 2"))]);
        assert_eq!(fields("Présence :"), [(Label::Attendance, None)]);
        assert!(fields("Date limite").is_empty());
    }

    #[test]
    fn labels_and_values_separated_by_spaces_only_when_the_value_fits() {
        assert_eq!(
            fields("Heure 09h00-11h"),
            [(Label::Time, some("09h00-11h"))]
        );
        assert_eq!(
            fields("Lieu Salle de réunion INS Tahoua"),
            [(Label::Place, some("Salle de réunion INS Tahoua"))]
        );
        assert_eq!(
            fields("Date   16/02/2023"),
            [(Label::Date, some("16/02/2023"))]
        );
        assert!(fields("Date à retenir pour la suite").is_empty());
        assert!(fields("Lieu de concertation des acteurs").is_empty());
        assert!(fields("Heure de gloire").is_empty());
        assert!(fields("Dates clés du projet").is_empty());
        assert_eq!(
            fields("LieuSalle de réunion INS Tahoua"),
            [(Label::Place, some("Salle de réunion INS Tahoua"))]
        );
        assert_eq!(fields("Heure9h00-11h"), [(Label::Time, some("9h00-11h"))]);
        assert!(fields("Lieux de passage").is_empty());
        assert!(fields("Datelimite").is_empty());
    }

    #[test]
    fn several_fields_on_one_line() {
        assert_eq!(
            fields("Date : 12/04/2022 Heure : 10h00-12h00 Lieu : Salle du HCR"),
            [
                (Label::Date, some("12/04/2022")),
                (Label::Time, some("10h00-12h00")),
                (Label::Place, some("Salle du HCR")),
            ]
        );
        assert_eq!(
            fields("Date: 12 mars 2022 | Heure: 9h | Lieu: Gouvernorat"),
            [
                (Label::Date, some("12 mars 2022")),
                (Label::Time, some("9h")),
                (Label::Place, some("Gouvernorat")),
            ]
        );
        assert_eq!(
            fields("Date : 3 mai 2022\tHeure : 9h\tLieu : Salle B"),
            [
                (Label::Date, some("3 mai 2022")),
                (Label::Time, some("9h")),
                (Label::Place, some("Salle B")),
            ]
        );
    }

    #[test]
    fn a_row_of_labels() {
        assert_eq!(
            label_row(&Line::new("Date\tHeure\tLieu")),
            Some(vec![Label::Date, Label::Time, Label::Place])
        );
        assert_eq!(label_row(&Line::new("Date\t16 mars 2023")), None);
        assert_eq!(label_row(&Line::new("Date")), None);
    }

    #[test]
    fn attendance_labels() {
        assert_eq!(
            fields("Organisations participantes : HCR, OIM"),
            [(Label::Attendance, some("HCR, OIM"))]
        );
        assert_eq!(fields("Participants"), [(Label::Attendance, None)]);
        assert_eq!(
            fields("Ont pris part à cette réunion les structures suivantes : OIM, HCR et CICR."),
            [(Label::Attendance, some("OIM, HCR et CICR."))]
        );
        assert_eq!(
            fields("Etaient présents les représentants des structures suivantes :"),
            [(Label::Attendance, None)]
        );
        assert_eq!(
            fields("La réunion a été présidée par le Directeur. Etaient présents :"),
            [(Label::Attendance, None)]
        );
    }
}
