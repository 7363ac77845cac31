//! Lines as the documents write them: tab-separated cells, the canevas labels and headings,
//! list numbering. Everything here works on one line; the parsers decide what the lines mean
//! in context.

use std::sync::LazyLock;

use cadre_domain::text::match_key;
use regex::Regex;

/// One line of the document, split into cells once so that every parser reads the same thing.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub raw: &'a str,
    /// Cells split on tabs and cleaned; empty cells are kept so that columns keep their position.
    pub cells: Vec<String>,
    /// The non-empty cells joined by a space: what the line says, for prose.
    pub text: String,
    /// `match_key` of `text`: survives lost spaces, accents, case and punctuation. Empty for
    /// lines too long to be a label or a heading.
    pub key: String,
}

impl<'a> Line<'a> {
    pub fn new(raw: &'a str) -> Line<'a> {
        let cells: Vec<String> = match markdown_row(raw) {
            Some(inner) => inner.split('|').map(clean_cell).collect(),
            None => raw.split('\t').map(clean_cell).collect(),
        };
        let text = cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        // Keys serve to recognise labels, headings and repeated titles, all short: a long
        // paragraph needs none, and folding every paragraph costs a pass over the document.
        let key = if text.len() <= 600 {
            match_key(&text)
        } else {
            String::new()
        };
        Line {
            raw,
            cells,
            text,
            key,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }

    /// A truly empty line, as opposed to a line holding only a tab: in tables written one cell
    /// per line, the latter is an empty cell and the former ends a row.
    pub fn is_empty_raw(&self) -> bool {
        self.raw.trim().is_empty() && !self.raw.contains('\t')
    }

    /// A table row: tab-separated cells, or a markdown (pipe) row.
    pub fn has_tab(&self) -> bool {
        self.raw.contains('\t') || markdown_row(self.raw).is_some()
    }

    pub fn non_empty_cells(&self) -> impl Iterator<Item = &str> {
        self.cells
            .iter()
            .filter(|c| !c.is_empty())
            .map(String::as_str)
    }

    pub fn non_empty_cell_count(&self) -> usize {
        self.non_empty_cells().count()
    }
}

/// "| Partage de la fiche | CRD | / |": a row of a markdown (pipe) table, its cells between the
/// outer pipes. Prose with a stray pipe is not a row: it must open and close with one and hold
/// at least two cells.
fn markdown_row(raw: &str) -> Option<&str> {
    let t = raw.trim();
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    (inner.contains('|') && !raw.contains('\t')).then_some(inner)
}

pub(crate) fn split_lines(text: &str) -> Vec<Line<'_>> {
    text.split('\n').map(Line::new).collect()
}

static BOOKMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[bookmark:[^\]]*\]").expect("static regex"));

/// Word-processor residue that carries no meaning: bookmarks, bold markers, heading hashes.
pub(crate) fn clean_cell(cell: &str) -> String {
    let mut s = cell.trim();
    if s.starts_with('#') {
        let stripped = s.trim_start_matches('#');
        if stripped.starts_with(' ') {
            s = stripped.trim_start();
        }
    }
    let s = if s.contains("[bookmark:") {
        BOOKMARK.replace_all(s, "").into_owned()
    } else {
        s.to_owned()
    };
    let s = if s.contains("**") {
        s.replace("**", "")
    } else {
        s
    };
    s.trim().to_owned()
}

/// "Points inscrits à l'ordre du jour", also with its spaces lost by PDF extraction.
pub(crate) fn is_agenda_heading(line: &Line) -> bool {
    let k = line.key.as_str();
    (k.starts_with("pointsinscrit") && k.contains("ordredujour") && k.len() < 50)
        || k == "ordredujour"
        || k == "ordredujourdelareunion"
        || k == "agenda"
}

/// "Points de discussion clés", "Points clés de discussion", "Principaux points de discussion".
pub(crate) fn is_discussion_label(line: &Line) -> bool {
    let k = line.key.as_str();
    k.len() <= 34
        && (k.starts_with("pointsdediscussion")
            || k.starts_with("pointsclesdediscussion")
            || k.starts_with("pointscledediscussion")
            || k.starts_with("principauxpointsdediscussion")
            || k == "discussions"
            || k == "discussion")
}

static INLINE_DISCUSSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(.*?\S)[\s:–-]*points\s+(?:de\s+discussions?\s+cl[ée]s?|cl[ée]s\s+de\s+discussions?)\s*:?$",
    )
        .expect("static regex")
});

/// "3.Présentation des axes … : Points de discussion clés": a heading that carries the label
/// on its own line. Returns the heading part.
pub(crate) fn heading_with_inline_discussion(line: &Line) -> Option<String> {
    if ![
        "pointsdediscussioncles",
        "pointsdediscussion",
        "pointsclesdediscussion",
    ]
    .iter()
    .any(|end| line.key.ends_with(end))
    {
        return None;
    }
    let caps = INLINE_DISCUSSION.captures(&line.text)?;
    Some(caps[1].to_owned())
}

/// First cell of an action table's header: "Points d'action", "Points d'actions".
pub(crate) fn is_action_header_start(cell: &str) -> bool {
    if cell.len() > 40 {
        return false;
    }
    let k = match_key(cell);
    k.starts_with("pointsdaction") && k.len() <= 16
}

/// The other header cells: "Personnes/agences responsables", "Structures responsables",
/// "Personne/AgenceResponsable", "Date limite".
pub(crate) fn is_action_header_cell(cell: &str) -> bool {
    if cell.len() > 80 {
        return false;
    }
    let k = match_key(cell);
    (k.contains("responsable") && k.len() <= 40)
        || k.starts_with("datelimite")
        || k == "echeance"
        || k == "delai"
}

pub(crate) fn is_action_header(line: &Line) -> bool {
    line.non_empty_cells()
        .next()
        .is_some_and(is_action_header_start)
}

/// "Coordination prochaines étapes" and its variants.
pub(crate) fn is_next_steps_title(text: &str) -> bool {
    if text.len() > 300 {
        return false;
    }
    let k = match_key(text);
    k.contains("prochainesetape") || k.contains("prochaineetape")
}

/// A row of a table that is only a rule: "---<TAB>-----<TAB>---".
pub(crate) fn is_separator_row(cells: &[String]) -> bool {
    let mut any = false;
    for c in cells {
        if c.is_empty() {
            continue;
        }
        if !c
            .chars()
            .all(|ch| matches!(ch, '-' | '_' | '=' | '—' | '–' | '|' | '+' | ' '))
        {
            return false;
        }
        any = true;
    }
    any
}

const BULLETS: [char; 9] = ['-', '–', '—', '•', '·', '*', '✓', '\u{f0a7}', '▪'];

static NUMBERING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(\d{1,2})|([IVX]{1,6}))\s*([-.)])\s*(.*)$").expect("static regex")
});

/// How a list line starts: a bullet, a number ("1-", "1.", "3.Présentation", "II."), both, or
/// neither. Multi-level numbers ("2.1 …") are not list numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListItem<'a> {
    pub bulleted: bool,
    pub number: Option<u32>,
    pub rest: &'a str,
}

/// "1er point :", "2°ème point :", "Point 3 :", "Deuxième point :": prose numbering.
static ORDINAL_POINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(\d{1,2})\s*(?:er|ère|re|e|ème|eme|è|°\s*(?:ème|eme|e)?)?\s+point|point\s+(?:n°\s*)?(\d{1,2})|(premier|deuxi[eè]me|second|troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|septi[eè]me|huiti[eè]me)\s+point)\s*[:.\-–]\s*(.+)$",
    )
    .expect("static regex")
});

/// Whether a line starts with prose numbering ("2°ème point :", "Point 3 :").
pub(crate) fn is_ordinal_point(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 1000 && (t.contains("oint") || t.contains("OINT")) && ORDINAL_POINT.is_match(t)
}

fn ordinal_word(word: &str) -> Option<u32> {
    let w = cadre_domain::text::fold(word);
    let n = match w.as_str() {
        "premier" => 1,
        "deuxieme" | "second" => 2,
        "troisieme" => 3,
        "quatrieme" => 4,
        "cinquieme" => 5,
        "sixieme" => 6,
        "septieme" => 7,
        "huitieme" => 8,
        _ => return None,
    };
    Some(n)
}

pub(crate) fn list_item(text: &str) -> ListItem<'_> {
    let mut s = text.trim();
    let mut bulleted = false;
    if let Some(rest) = s.strip_prefix(BULLETS) {
        bulleted = true;
        s = rest.trim_start();
    }
    if s.len() <= 1000
        && (s.contains("oint") || s.contains("OINT"))
        && let Some(caps) = ORDINAL_POINT.captures(s)
    {
        let number = caps
            .get(1)
            .or(caps.get(2))
            .and_then(|m| m.as_str().parse().ok())
            .or_else(|| caps.get(3).and_then(|m| ordinal_word(m.as_str())));
        if let (Some(number), Some(rest)) = (number, caps.get(4)) {
            return ListItem {
                bulleted,
                number: Some(number),
                rest: rest.as_str().trim(),
            };
        }
    }
    if let Some(caps) = NUMBERING.captures(s) {
        let rest = caps.get(4).map_or("", |m| m.as_str());
        let sep = &caps[3];
        let roman = caps.get(2).is_some();
        let multi_level = sep == "." && rest.starts_with(|c: char| c.is_ascii_digit());
        // A Roman numeral must be followed by a space-separated title: "I. La rencontre",
        // never "IV.2" or a word such as "VIX-".
        let sep_end = caps.get(3).map_or(0, |m| m.end());
        let roman_ok = !roman || s[sep_end..].starts_with(char::is_whitespace);
        if !multi_level && roman_ok && !rest.trim().is_empty() {
            let number = match (caps.get(1), caps.get(2)) {
                (Some(d), _) => d.as_str().parse().ok(),
                (_, Some(r)) => roman_value(r.as_str()),
                _ => None,
            };
            if number.is_some() {
                return ListItem {
                    bulleted,
                    number,
                    rest: rest.trim(),
                };
            }
        }
    }
    ListItem {
        bulleted,
        number: None,
        rest: s,
    }
}

fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (i, v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok().filter(|n| *n > 0)
}

/// Titles end with list punctuation that is not part of them: " ;", ";", ".", ":".
pub(crate) fn trim_title(s: &str) -> &str {
    s.trim()
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | '.' | ',' | ':'))
}

/// Splits the presenter off a title: "Activités de la CRD … (CRD)" → title and "CRD". Only a
/// short trailing group counts: a long parenthesis is part of the title.
pub(crate) fn split_presenter(title: &str) -> (String, Option<String>) {
    let t = trim_title(title);
    if !t.ends_with(')') {
        return (t.to_owned(), None);
    }
    let mut depth = 0i32;
    let mut open = None;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    open = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let Some(open) = open else {
        return (t.to_owned(), None);
    };
    let inner = t[open + 1..t.len() - 1].trim();
    let head = trim_title(&t[..open]).trim_end_matches([' ', '-', '–']);
    if inner.is_empty() || inner.chars().count() > 40 || head.is_empty() {
        return (t.to_owned(), None);
    }
    (head.to_owned(), Some(inner.to_owned()))
}

/// Whether text starts with a lower-case letter: the mark of a cell broken across lines.
pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbering_in_its_written_forms() {
        let i = list_item("- 1- Présentation du projet (Nexus) ;");
        assert_eq!((i.bulleted, i.number), (true, Some(1)));
        assert_eq!(i.rest, "Présentation du projet (Nexus) ;");
        assert_eq!(list_item("3.Présentation des axes").number, Some(3));
        assert_eq!(list_item("II. Présentation").number, Some(2));
        assert_eq!(list_item("IV. Suivi").number, Some(4));
        assert_eq!(list_item("2.1 Exposés introductifs").number, None);
        assert_eq!(list_item("- Ouverture (SP/CCM) ;").number, None);
        assert_eq!(list_item("Divers").number, None);
        assert_eq!(list_item("1.    Présentation").rest, "Présentation");
        for (text, n) in [
            ("1er point : Suivi des points", 1),
            ("2°ème point : Divers", 2),
            ("3ème point: Divers", 3),
            ("Point 4 : Divers", 4),
            ("Deuxième point : Divers", 2),
        ] {
            let i = list_item(text);
            assert_eq!(i.number, Some(n), "{text}");
            assert!(i.rest == "Suivi des points" || i.rest == "Divers", "{text}");
        }
        assert_eq!(list_item("Point sur les tendances : OIM").number, None);
    }

    #[test]
    fn presenters_are_the_trailing_parenthesis() {
        assert_eq!(
            split_presenter("Ouverture (SP/CCM) ;"),
            ("Ouverture".into(), Some("SP/CCM".into()))
        );
        assert_eq!(
            split_presenter("Synthèse des CRCM (CRCM) d'Agadez (SP/CCM) ;"),
            (
                "Synthèse des CRCM (CRCM) d'Agadez".into(),
                Some("SP/CCM".into())
            )
        );
        assert_eq!(split_presenter("4- Divers ;").1, None);
        assert_eq!(split_presenter("(x)").1, None);
    }

    #[test]
    fn headings_survive_lost_spaces_and_bookmarks() {
        assert!(is_agenda_heading(&Line::new(
            "Pointsinscritsàl'ordredujour"
        )));
        assert!(is_discussion_label(&Line::new(
            "\tPoints de discussion clés\t\t"
        )));
        assert_eq!(
            heading_with_inline_discussion(&Line::new(
                "3.Présentation des axes : Points de discussion clés"
            )),
            Some("3.Présentation des axes".into())
        );
        assert_eq!(
            Line::new("\t1. [bookmark: _Hlk525719682]Coordination").text,
            "1. Coordination"
        );
    }
}
