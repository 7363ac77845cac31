//! The page around the minutes: what a PDF or a web page adds to the text (page numbers, a
//! running title at the top of every page, navigation and download links), the bullets of
//! symbol fonts. Removed or normalised before the canevas is read, so that none of it becomes a title, an agenda item
//! or a break in a list.

use std::sync::LazyLock;

use cadre_domain::text::match_key;
use regex::Regex;

/// The text with the furniture taken out, and what was taken out.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub text: String,
    /// Lines removed as page or web furniture, as written.
    pub furniture: Vec<String>,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page\s*\d{1,3}(?:\s*(?:/|sur|of|de)\s*\d{1,3})?|\d{1,3}\s*(?:/|sur)\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–])$")
        .expect("static regex")
});

/// Whether a line is a page number: "Page 2 sur 5", "2/5", "- 3 -".
pub(crate) fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 20 && PAGE_NUMBER.is_match(t)
}

/// Lines that only a web page holds, wherever they are.
fn is_web_furniture(key: &str, trimmed: &str) -> bool {
    key == "documentatelecharger"
        || key == "telecharger"
        || key == "telechargerledocument"
        || key == "lirelasuite"
        || key == "imprimer"
        || key.starts_with("vousetesici")
        || (key.starts_with("publiele") && trimmed.len() <= 60)
        || key == "partager"
        || (key.starts_with("partager")
            && ["facebook", "twitter", "linkedin", "whatsapp", "email"]
                .iter()
                .any(|n| key.contains(n)))
        || key == "rechercher"
        || key == "recherche"
        || key.contains("tousdroitsreserves")
        || trimmed.starts_with('©')
}

/// Navigation words, furniture only before the minutes begin.
fn is_navigation(key: &str) -> bool {
    matches!(
        key,
        "accueil" | "actualites" | "documents" | "contact" | "contacts" | "menu" | "publications"
    )
}

/// The symbols word processors and PDF symbol fonts use as bullets (U+F0xx are the private-use
/// code points of Symbol and Wingdings glyphs): each becomes "•".
fn is_bullet_glyph(c: char) -> bool {
    matches!(c, '\u{F000}'..='\u{F0FF}')
        || matches!(
            c,
            '▪' | '▫'
                | '●'
                | '◦'
                | '○'
                | '■'
                | '□'
                | '➢'
                | '➤'
                | '►'
                | '▶'
                | '✓'
                | '✔'
                | '⁃'
                | '∙'
                | '❖'
                | '♦'
                | '◆'
        )
}

fn normalise_bullet(line: &str) -> String {
    let body = line.trim_start_matches([' ', '\t']);
    let indent = &line[..line.len() - body.len()];
    let mut chars = body.chars();
    match chars.next() {
        Some(c) if is_bullet_glyph(c) => format!("{indent}• {}", chars.as_str().trim_start()),
        _ => line.to_owned(),
    }
}

/// A page number run together with what follows it on the page (a PDF reader joined the foot
/// of one page and the head of the next): "- 1 - GTM Agadez – Compte rendu".
static PAGE_NUMBER_THEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(page\s*\d{1,3}(?:\s*(?:/|sur|of|de)\s*\d{1,3})?|[-–]\s+\d{1,3}\s+[-–]|\d{1,3}\s*/\s*\d{1,3})\s+(\S.*)$")
        .expect("static regex")
});

pub(crate) fn clean(text: &str) -> Layout {
    let mut out = Layout::default();
    let raw: Vec<String> = text.split('\n').map(normalise_bullet).collect();
    // A page number run together with a running title: split only when that title is written
    // elsewhere too, so that an agenda item numbered "- 1- …" is never taken for a page.
    let split_of = |l: &str| -> Option<(String, String)> {
        let starts_like_a_page_number = l
            .trim_start()
            .starts_with(|c: char| matches!(c, 'p' | 'P' | '-' | '–') || c.is_ascii_digit());
        if !starts_like_a_page_number {
            return None;
        }
        let joined = l
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if joined.len() > 200 || is_page_number(&joined) {
            return None;
        }
        let caps = PAGE_NUMBER_THEN.captures(&joined)?;
        Some((caps[1].to_owned(), caps[2].to_owned()))
    };
    let splits: Vec<Option<(String, String)>> = raw.iter().map(|l| split_of(l)).collect();
    // The lines' keys are only needed when some line starts with a page number.
    let mut seen: Vec<String> = Vec::new();
    if splits.iter().any(Option::is_some) {
        seen = raw
            .iter()
            .filter(|l| l.len() <= 200)
            .map(|l| match_key(l))
            .collect();
        seen.extend(splits.iter().flatten().map(|(_, rest)| match_key(rest)));
    }
    let mut lines: Vec<String> = Vec::new();
    for (line, split) in raw.into_iter().zip(splits) {
        match split {
            Some((number, rest))
                if seen.iter().filter(|k| **k == match_key(&rest)).count() >= 2 =>
            {
                lines.push(number);
                lines.push(rest);
            }
            _ => lines.push(line),
        }
    }
    let keys: Vec<String> = lines
        .iter()
        .map(|l| {
            if l.len() <= 200 {
                match_key(l)
            } else {
                String::new()
            }
        })
        .collect();
    let blank = |i: usize| lines[i].trim().is_empty();
    let mut remove = vec![false; lines.len()];
    // Before the first line of the minutes (a line naming them, or a header label), navigation.
    let start = keys
        .iter()
        .position(|k| {
            k.contains("compterendu")
                || k.contains("procesverbal")
                || k.starts_with("date")
                || k.starts_with("republique")
        })
        .unwrap_or(0);
    let mut page_numbers = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if is_page_number(trimmed) {
            remove[i] = true;
            page_numbers.push(i);
        } else if trimmed.len() <= 80
            && (is_web_furniture(&keys[i], trimmed) || (i < start && is_navigation(&keys[i])))
        {
            remove[i] = true;
        }
    }
    // A running title: the same line at the head of two pages or more (after a page number),
    // or at the head of one page and the top of the document.
    let next_content = |from: usize| (from..lines.len()).find(|&k| !blank(k) && !remove[k]);
    let heads: Vec<usize> = page_numbers
        .iter()
        .filter_map(|&p| next_content(p + 1))
        .collect();
    let first = next_content(0);
    let mut running: Vec<String> = Vec::new();
    for &h in &heads {
        let key = &keys[h];
        if key.is_empty() || key.len() > 120 {
            continue;
        }
        let repeated = heads.iter().filter(|&&o| keys[o] == *key).count() >= 2
            || first.is_some_and(|f| f != h && keys[f] == *key);
        if repeated {
            remove[h] = true;
            running.push(key.clone());
        }
    }
    // A running title that also opens the first page goes too, when the minutes have a title of
    // their own further down; when they have none, it is their title (and stays once).
    if let Some(f) = first
        && running.contains(&keys[f])
    {
        let names_minutes = |k: &String| k.contains("compterendu") || k.contains("procesverbal");
        let own_title = (f + 1..lines.len())
            .filter(|&k| !blank(k) && !remove[k])
            .take(10)
            .any(|k| keys[k] != keys[f] && names_minutes(&keys[k]));
        if own_title {
            remove[f] = true;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if remove[i] {
            out.furniture.push(line.trim().to_owned());
        }
    }
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !remove[*i])
        .map(|(_, l)| l.as_str())
        .collect();
    out.text = kept.join("\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_their_written_forms() {
        for s in [
            "Page 2 sur 5",
            "2/5",
            "- 3 -",
            "page 4",
            "Page 1 of 3",
            "– 12 –",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2023", "1. Divers", "16/02/2023", "Page d'accueil"] {
            assert!(!is_page_number(s), "{s}");
        }
        for s in [
            "Partager la fiche d'orientation",
            "Rechercher les familles des migrants",
        ] {
            assert!(!is_web_furniture(&match_key(s), s), "{s}");
        }
        for s in [
            "Partager : Facebook Twitter",
            "Rechercher …",
            "Publié le 3 mai 2022",
        ] {
            assert!(is_web_furniture(&match_key(s), s), "{s}");
        }
    }

    #[test]
    fn furniture_is_removed_and_the_minutes_kept() {
        let text = "Accueil\nDocuments\nDocument à Télécharger\nGTM Zinder – CR\nCompte rendu du GTM\nDate\t3 mai 2022\nDocuments\nPoints inscrits\n1/2\nGTM Zinder – CR\nDivers\n2/2\nPartager : Facebook";
        let l = clean(text);
        assert_eq!(
            l.text,
            "Compte rendu du GTM\nDate\t3 mai 2022\nDocuments\nPoints inscrits\nDivers"
        );
        assert_eq!(l.furniture.len(), 8);
    }

    #[test]
    fn a_running_title_on_every_page_is_not_the_title() {
        let text = "GTM Zinder – CR\nCompte rendu de la réunion du GTM\nDate\t3 mai 2022\n- 1 - GTM Zinder – CR\nDivers\n2/2";
        let l = clean(text);
        assert_eq!(
            l.text,
            "Compte rendu de la réunion du GTM\nDate\t3 mai 2022\nDivers"
        );
    }

    #[test]
    fn symbol_font_bullets_become_bullets() {
        let l = clean("\u{F0D8} OIM\n\t\u{F0B7}HCR\n➢ UNICEF");
        assert_eq!(l.text, "• OIM\n\t• HCR\n• UNICEF");
    }
}
