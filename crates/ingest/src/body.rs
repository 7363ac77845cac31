//! Which body met, when the document does not say it in so many words.
//!
//! The title of a GTM minute usually names its region; when it does not, the place and the
//! text still do (the DGECM-R hosts the national GTM, regional councils and DRECM host the
//! regional ones). A guess is always reported, so that a person can correct it.

use cadre_domain::text::{fold, words};
use cadre_domain::{ImportWarning, NewBody, REGIONS};

/// The region names as they appear folded in text, with the spellings the documents use.
fn region_of_word(word: &str) -> Option<&'static str> {
    match word {
        "agadez" => Some("Agadez"),
        "diffa" => Some("Diffa"),
        "dosso" => Some("Dosso"),
        "maradi" => Some("Maradi"),
        "niamey" => Some("Niamey"),
        "tahoua" => Some("Tahoua"),
        "tillaberi" | "tillabery" => Some("Tillabéri"),
        "zinder" => Some("Zinder"),
        _ => None,
    }
}

fn first_region(text: &str) -> Option<&'static str> {
    words(text).iter().find_map(|w| region_of_word(w))
}

/// How often each region is named in `text`, most named first (ties in `REGIONS` order).
pub(crate) fn region_counts(words: &[String]) -> Vec<(&'static str, usize)> {
    let mut counts = [0usize; REGIONS.len()];
    for w in words {
        if let Some(r) = region_of_word(w)
            && let Some(i) = REGIONS.iter().position(|x| *x == r)
        {
            counts[i] += 1;
        }
    }
    let mut out: Vec<_> = REGIONS
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| (*r, n))
        .collect();
    out.sort_by_key(|r| std::cmp::Reverse(r.1));
    out
}

/// The GTM that held a meeting, and a warning when it was guessed.
pub(crate) fn infer_gtm(
    title: Option<&str>,
    place: Option<&str>,
    text: &str,
) -> (NewBody, Option<ImportWarning>) {
    if let Some(region) = title.and_then(first_region) {
        return (NewBody::gtm(region), None);
    }
    if let Some(place) = place {
        let folded = fold(place);
        if folded.contains("dgecm") {
            return (NewBody::gtm("Niamey"), None);
        }
        if let Some(region) = first_region(place) {
            return (NewBody::gtm(region), None);
        }
    }
    let ws = words(text);
    let mut signals = Vec::new();
    if let Some(place) = place {
        let fp = fold(place);
        if fp.contains("conseil regional") || fp.contains("gouvernorat") || fp.contains("drecm") {
            signals.push(format!("'{place}'"));
        }
    }
    let has_word = |w: &str| ws.iter().any(|x| x == w || x.starts_with(w));
    let council = ws
        .windows(2)
        .any(|w| w[0] == "conseil" && w[1].starts_with("regional"));
    for (marker, present) in [
        ("DRECM", has_word("drecm")),
        ("DDECM", has_word("ddecm")),
        ("conseil régional", council),
        ("gouvernorat", has_word("gouvernorat")),
    ] {
        let in_place = signals
            .first()
            .is_some_and(|s| fold(s).contains(&fold(marker)));
        if present && !in_place {
            signals.push(format!("'{marker}'"));
        }
    }
    let named_gtm: Vec<&str> = ws
        .windows(2)
        .filter(|w| w[0] == "gtm")
        .filter_map(|w| region_of_word(&w[1]))
        .collect();
    let counts = region_counts(&ws);
    if (!signals.is_empty() || !named_gtm.is_empty())
        && let Some((region, n)) = counts.first()
    {
        if named_gtm.contains(region) {
            signals.push(format!("'GTM-{region}'"));
        }
        let warning = crate::notes::warning(
            "body",
            "body-inferred-gtm",
            &[
                ("region", region.to_string()),
                ("clues", signals.join(", ")),
                ("n", n.to_string()),
            ],
        );
        return (NewBody::gtm(region), Some(warning));
    }
    (
        NewBody::gtm("Niamey"),
        Some(crate::notes::warning(
            "body",
            "body-assumed-gtm-niamey",
            &[],
        )),
    )
}

/// The region of a CRCM session: the one its heading names, else the one named most.
pub(crate) fn infer_crcm(head: &str, text: &str) -> (NewBody, Option<ImportWarning>) {
    if let Some(region) = first_region(head) {
        return (NewBody::crcm(region), None);
    }
    match region_counts(&words(text)).first() {
        Some((region, n)) => (
            NewBody::crcm(region),
            Some(crate::notes::warning(
                "body",
                "body-inferred-crcm",
                &[("region", region.to_string()), ("n", n.to_string())],
            )),
        ),
        None => (
            NewBody::crcm("Niamey"),
            Some(crate::notes::warning(
                "body",
                "body-assumed-crcm-niamey",
                &[],
            )),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_then_place_then_content() {
        assert_eq!(
            infer_gtm(Some("Compte-rendu du GTM de Zinder"), None, "").0,
            NewBody::gtm("Zinder")
        );
        let (b, w) = infer_gtm(None, Some("Salle de réunion DGECM-R"), "Agadez Agadez");
        assert_eq!((b, w), (NewBody::gtm("Niamey"), None));
        let (b, w) = infer_gtm(
            None,
            Some("Salle de réunion du conseil régional"),
            "GTM-Tahoua à Tahoua; GTM-Agadez",
        );
        assert_eq!(b, NewBody::gtm("Tahoua"));
        assert!(w.unwrap().message.contains("inferred"));
        let (b, w) = infer_gtm(None, Some("Virtuelle (skype)"), "rien");
        assert_eq!(b, NewBody::gtm("Niamey"));
        assert!(w.unwrap().message.contains("assumed"));
    }
}
