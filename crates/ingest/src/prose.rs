//! Minutes written as prose: "Le jeudi 03 février 2022 s'est tenue dans la salle de réunion de
//! la DRECM-R d'Agadez la réunion …", "L'ordre du jour … porte sur les points suivants :". The
//! meeting's date, times and place are read from the sentence that says the meeting was held,
//! never from a letterhead's date ("Agadez, le 7 février 2022").

use std::sync::LazyLock;

use cadre_domain::text::fold;
use regex::Regex;

use crate::lines::Line;

/// Verbs that say a meeting was held, folded.
const HELD: [&str; 12] = [
    "s'est tenue",
    "s'est tenu",
    "s'est reuni",
    "s'est reunie",
    "se sont reunis",
    "a eu lieu",
    "s'est deroulee",
    "s'est deroule",
    "a tenu sa",
    "a ete organisee",
    "s'est reunie",
    "a reuni",
];

/// The first line that says the meeting was held, with a date in it.
pub(crate) fn meeting_sentence(lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| {
        l.text.len() <= 1500
            && [
                "tenu", "euni", "éuni", "lieu", "roul", "organis", "TENU", "EUNI", "ÉUNI", "LIEU",
                "ROUL", "ORGANIS",
            ]
            .iter()
            .any(|w| l.text.contains(w))
            && {
                let f = fold(&l.text);
                HELD.iter().any(|v| f.contains(v))
                    && cadre_domain::dates::parse_french_date(&l.text).is_some()
            }
    })
}

static PLACE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:dans|au|à|a)\s+(?:la\s+|le\s+|l'|les\s+)?((?:grande\s+|petite\s+)?(?:salle|locaux|si[eè]ge|bureaux?|centre|h[oô]tel|maison|gouvernorat|mairie|pr[ée]fecture|conseil|direction|cabinet|espace|amphith[ée][aâ]tre|auditorium)\b)",
    )
    .expect("static regex")
});

static PLACE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[,;.]|\s+(?:la|une)\s+(?:r[ée]union|rencontre|session)\b|\s+(?:sous|avec|pour|afin)\b|\s+(?:de|à|a)\s+\d|\s+à\s+partir\b|\s+le\s+(?:gtm|groupe)\b",
    )
    .expect("static regex")
});

/// The place a meeting sentence names: "… dans la salle de réunion du Gouvernorat de Diffa."
/// → "Salle de réunion du Gouvernorat de Diffa".
pub(crate) fn place_in_sentence(text: &str) -> Option<String> {
    let caps = PLACE_START.captures(text)?;
    let start = caps.get(1)?.start();
    let rest = &text[start..];
    // A period inside an abbreviation ("DRECM-R.") is rare in a room's name; the first
    // terminator ends the place.
    let end = PLACE_END.find(rest).map_or(rest.len(), |m| m.start());
    let place = rest[..end].trim();
    if place.chars().count() < 5 || place.chars().count() > 150 {
        return None;
    }
    let mut chars = place.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().collect::<String>() + chars.as_str())
}

/// "1-L'ordre du jour de la réunion porte sur les points suivants :": the agenda announced in
/// a sentence, its items on the lines below.
pub(crate) fn announces_agenda(line: &Line) -> bool {
    let t = line.text.trim_end();
    t.len() <= 250 && t.ends_with(':') && line.key.contains("ordredujour")
}

/// A heading that repeats the agenda item title as its section's heading, both given by
/// their [`match_key`]s: the same words, or the item's words at the start of a longer heading
/// (a heading may add its presenter).
pub(crate) fn repeats_key(h: &str, t: &str) -> bool {
    if h.is_empty() || t.is_empty() {
        return false;
    }
    h == t || (t.len() >= 12 && h.starts_with(t)) || (h.len() >= 12 && t.starts_with(h))
}

/// The closing formulas of prose minutes, which end the last item's discussion.
pub(crate) fn is_closing(text: &str) -> bool {
    let f = fold(text.trim());
    f.starts_with("fait a ")
        || f.starts_with("l'ordre du jour etant epuise")
        || f.starts_with("l'ordre du jour ayant ete epuise")
        || f.starts_with("la seance a ete levee")
        || f.starts_with("plus rien n'etant a l'ordre du jour")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_inside_a_sentence() {
        let p = |s: &str| place_in_sentence(s);
        assert_eq!(
            p("Le jeudi 03 février 2022 s'est tenue dans la salle de réunion de la DRECM-R d'Agadez la réunion mensuelle du GTM").as_deref(),
            Some("Salle de réunion de la DRECM-R d'Agadez")
        );
        assert_eq!(
            p("Le GTM s'est réuni le 16 mars 2021 de 08h00 à 13h30 dans la salle de réunion du Gouvernorat de Diffa.").as_deref(),
            Some("Salle de réunion du Gouvernorat de Diffa")
        );
        assert_eq!(
            p("Le 15 mai 2023 s'est tenue, de 10h30 à 12h20, au Centre d'accueil des victimes de Zinder, la réunion").as_deref(),
            Some("Centre d'accueil des victimes de Zinder")
        );
        assert_eq!(p("La réunion a commencé à 9h."), None);
    }

    #[test]
    fn the_meeting_sentence_not_the_letterhead() {
        let text = "Agadez, le 07 février 2022\nCOMPTE RENDU\nLe jeudi 03 février 2022 s'est tenue dans la salle X la réunion.";
        let lines: Vec<Line> = text.split('\n').map(Line::new).collect();
        assert_eq!(meeting_sentence(&lines), Some(2));
    }

    use cadre_domain::text::match_key;

    fn repeats_title(heading: &str, title: &str) -> bool {
        repeats_key(&match_key(heading), &match_key(title))
    }

    #[test]
    fn headings_repeat_agenda_titles() {
        assert!(repeats_title(
            "Suivi des points d'action de la dernière réunion",
            "Suivi des points d'action de la dernière réunion"
        ));
        assert!(repeats_title("DIVERS", "Divers"));
        assert!(!repeats_title(
            "Présentation sur les flux (OIM)",
            "Présentation du programme"
        ));
    }
}
