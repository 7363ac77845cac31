//! Which body met, when the document does not say it in so many words.
//!
//! The title of a GTM minute usually names its region; when it does not, the place and the
//! text still do (the DGECM-R hosts the national GTM, regional councils and DRECM host the
//! regional ones). A guess is always reported, so that a person can correct it.

use cadre_domain::text::{fold, words};
use cadre_domain::{FoundBy, ImportWarning, NewBody, REGIONS};

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

/// What a title calls the body that met: "Compte rendu de la réunion (mensuelle) du
/// Sous-Cluster Protection de Tahoua" → "Sous-Cluster Protection de Tahoua".
fn name_in_title(title: &str) -> Option<String> {
    static NAMED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)r[ée]union\s+(?:[\p{L}-]+\s+){0,3}?(?:du|de la|de l'|des)\s+(.+)$")
            .expect("static regex")
    });
    let caps = NAMED.captures(title)?;
    let mut name = caps[1].trim();
    // The date or a subtitle after the name is not part of it.
    static TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\s+(?:du|le|tenue?|en date)\s+\d.*$|\s+[–—-]\s+.*$|\s*[,:;.]\s*$")
            .expect("static regex")
    });
    if let Some(m) = TAIL.find(name) {
        name = &name[..m.start()];
    }
    let name = name.trim();
    (name.chars().count() >= 3 && name.chars().count() <= 120).then(|| name.to_owned())
}

/// Whether a body's name is that of a GTM (national or regional).
fn is_gtm_name(folded: &str) -> bool {
    folded.contains("groupe technique")
        || folded.contains("groupe de technique")
        || folded.contains("groupe de travail sur la migration")
        || folded.contains("groupe technique de travail")
        || words(folded).iter().any(|w| w == "gtm")
}

/// The body that held a meeting, and a warning when it was guessed or is new: a body the title
/// names that is neither a GTM nor a CRCM becomes a new body named as the title names it, and
/// flagged for review, rather than being filed under a GTM.
pub(crate) fn infer(
    title: Option<&str>,
    place: Option<&str>,
    text: &str,
) -> (NewBody, Option<ImportWarning>, FoundBy) {
    if let Some(name) = title.and_then(name_in_title) {
        let folded = fold(&name);
        let crcm = folded.contains("cadre regional de concertation")
            || words(&folded).iter().any(|w| w == "crcm");
        if crcm && let Some(region) = first_region(&name).or_else(|| title.and_then(first_region)) {
            return (NewBody::crcm(region), None, FoundBy::Label);
        }
        if !crcm && !is_gtm_name(&folded) && !folded.contains("concertation sur la migration") {
            let region = first_region(&name).or_else(|| place.and_then(first_region));
            let body = NewBody {
                code: cadre_domain::text::slug(&name),
                name: name.clone(),
                level: if region.is_some_and(|r| r != "Niamey") {
                    cadre_domain::BodyLevel::Regional
                } else {
                    cadre_domain::BodyLevel::National
                },
                region: region.map(str::to_owned),
            };
            let warning = crate::notes::warning("body", "body-new-from-title", &[("name", name)]);
            return (body, Some(warning), FoundBy::Label);
        }
    }
    infer_gtm(title, place, text)
}

/// The GTM that held a meeting, a warning when it was guessed, and how it was found.
pub(crate) fn infer_gtm(
    title: Option<&str>,
    place: Option<&str>,
    text: &str,
) -> (NewBody, Option<ImportWarning>, FoundBy) {
    if let Some(region) = title.and_then(first_region) {
        return (NewBody::gtm(region), None, FoundBy::Label);
    }
    if let Some(place) = place {
        let folded = fold(place);
        // The national directorates and the secretariat are in Niamey and host its GTM.
        if folded.contains("dgecm")
            || folded.contains("direction generale")
            || folded.contains("sp/ccm")
            || folded.contains("secretariat permanent")
        {
            return (NewBody::gtm("Niamey"), None, FoundBy::Inference);
        }
        if let Some(region) = first_region(place) {
            return (NewBody::gtm(region), None, FoundBy::Inference);
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
        return (NewBody::gtm(region), Some(warning), FoundBy::Inference);
    }
    (
        NewBody::gtm("Niamey"),
        Some(crate::notes::warning(
            "body",
            "body-assumed-gtm-niamey",
            &[],
        )),
        FoundBy::Default,
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
    fn bodies_outside_the_gtms_are_named_from_the_title() {
        let (b, w, _) = infer(
            Some("Compte rendu de la réunion mensuelle du Sous-Cluster Protection de Tahoua"),
            None,
            "",
        );
        assert_eq!(b.name, "Sous-Cluster Protection de Tahoua");
        assert_eq!(b.region.as_deref(), Some("Tahoua"));
        assert!(w.unwrap().message.contains("new"));
        let (b, w, how) = infer(
            Some("Compte-rendu de la réunion du Groupe de Travail sur la Migration – Coordination"),
            Some("Salle de réunion DGECM-R"),
            "",
        );
        assert_eq!(
            (b, w, how),
            (NewBody::gtm("Niamey"), None, FoundBy::Inference)
        );
        let (b, _, _) = infer(
            Some(
                "Compte rendu de la réunion du Cadre Régional de Concertation sur la Migration de Zinder",
            ),
            None,
            "",
        );
        assert_eq!(b, NewBody::crcm("Zinder"));
        assert_eq!(
            name_in_title("Compte rendu de la réunion du Cluster Protection du 12 mars 2022")
                .as_deref(),
            Some("Cluster Protection")
        );
    }

    #[test]
    fn title_then_place_then_content() {
        assert_eq!(
            infer_gtm(Some("Compte-rendu du GTM de Zinder"), None, "").0,
            NewBody::gtm("Zinder")
        );
        let (b, w, _) = infer_gtm(None, Some("Salle de réunion DGECM-R"), "Agadez Agadez");
        assert_eq!((b, w), (NewBody::gtm("Niamey"), None));
        let (b, w, _) = infer_gtm(
            None,
            Some("Salle de réunion du conseil régional"),
            "GTM-Tahoua à Tahoua; GTM-Agadez",
        );
        assert_eq!(b, NewBody::gtm("Tahoua"));
        assert!(w.unwrap().message.contains("inferred"));
        let (b, w, how) = infer_gtm(None, Some("Virtuelle (skype)"), "rien");
        assert_eq!(how, FoundBy::Default);
        assert_eq!(b, NewBody::gtm("Niamey"));
        assert!(w.unwrap().message.contains("assumed"));
    }
}
