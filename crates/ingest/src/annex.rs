//! An annex of recommendations inside minutes: the synthesis of a regional session (CRCM)
//! read out at a GTM or at the CCM, appended after the minutes. Its grammar:
//!
//! - a title that announces it: "ANNEXE", "Synthèse des recommandations du CRCM d'Agadez du
//!   26 janvier 2023", "Recommandations issues du CRCM…"; the body and the date it names, if
//!   any, are the session's;
//! - group headings: "Recommandations générales", "Recommandations spécifiques", a PNM axis
//!   ("Axe 1 : Exploitation des potentialités…", "AXE 2 –", "Programme 3") or a thematic group
//!   ("Protection");
//! - items: numbered ("1.", "2)", "3-", "IV."), bulleted, or one paragraph each; a line that
//!   is none of these continues the item above unless that item ended a sentence and the line
//!   starts one;
//! - the annex ends at the rapporteur's line, a signature, or the end of the document.
//!
//! Headings are recognised on each line's match key, so that they survive lost spaces
//! ("Recommandationsgénérales", "AXE1:EXPLOITATION…"), accents and case. Items are numbered
//! in the order of the annex (numbering restarts under each axis in the documents, and a
//! recommendation needs one place in its roadmap); the number written stays in no field.

use cadre_domain::{NewBody, PnmCode, RecommendationScope, text::match_key};

use crate::lines::{Line, list_item};

/// The recommendations an annex holds, and what its title says of the session.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Annex {
    /// The annex's lines: `start..end` of the document's.
    pub start: usize,
    pub end: usize,
    pub title: String,
    /// The body its title names, if any.
    pub body: Option<NewBody>,
    pub date: Option<chrono::NaiveDate>,
    pub items: Vec<AnnexItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnnexItem {
    pub text: String,
    pub scope: RecommendationScope,
    pub pnm: Option<PnmCode>,
    pub thematic_group: Option<String>,
}

/// Lines looked at after a title for the annex's first heading or item.
const LOOKAHEAD: usize = 6;

fn announces_annex(key: &str) -> bool {
    (key.starts_with("annexe") && key.len() <= 160)
        || (key.contains("synthese") && key.contains("recommandation"))
        || key.starts_with("recommandationsissues")
        || key.starts_with("recommandationsducrcm")
        || key.starts_with("recommandationsdescrcm")
        || key.starts_with("listedesrecommandations")
}

/// The key without a leading list marker ("I-", "2.", "A)"), even one glued to the heading
/// by lost spaces ("I.Recommandationsgénérales").
fn unmarked_key(line: &Line) -> String {
    let item = list_item(&line.text);
    let key = if item.number.is_some() || item.bulleted {
        match_key(item.rest)
    } else {
        line.key.clone()
    };
    let bare = key.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'));
    if bare.starts_with("recommandation") {
        bare.to_owned()
    } else {
        key
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Heading {
    General,
    Specific,
    Axis(PnmCode),
    Group(String),
}

fn heading(line: &Line) -> Option<Heading> {
    let key = unmarked_key(line);
    if key.is_empty() || line.text.chars().count() > 160 {
        return None;
    }
    if key.starts_with("recommandationsgenerales") || key.starts_with("recommandationgenerale") {
        return Some(Heading::General);
    }
    if key.starts_with("recommandationsspecifiques") || key.starts_with("recommandationspecifique")
    {
        return Some(Heading::Specific);
    }
    let item = list_item(&line.text);
    let rest = item.rest;
    // "Axe 2", "AXE2:", "Axe stratégique 1", "Programme 3": the word, then its number (never
    // "Axer les efforts…", nor a list number read as an axis).
    let rest_key = match_key(rest);
    for word in ["axestrategique", "axe", "programme", "pilier"] {
        if let Some(after) = rest_key.strip_prefix(word)
            && after.starts_with(|c: char| c.is_ascii_digit())
        {
            return PnmCode::parse(rest).map(|code| Heading::Axis(code.axis_code()));
        }
    }
    // A thematic group as a heading of its own ("Protection", "Groupe thématique : Protection"),
    // not a recommendation that names one ("Renforcer la protection des migrants").
    if line.text.chars().count() <= 60
        && item.number.is_none()
        && let Some(g) = cadre_domain::recommendation::canonical_thematic_group(rest)
    {
        let bare = rest_key
            .strip_prefix("groupesthematiques")
            .or_else(|| rest_key.strip_prefix("groupethematique"))
            .unwrap_or(&rest_key);
        if bare.starts_with(&match_key(g)) {
            return Some(Heading::Group(g.to_owned()));
        }
    }
    None
}

/// "1.1 Renforcer…", "2.3) Former…": numbered under a number, which the lists of minutes
/// read as a section, here an item.
fn sub_numbered(text: &str) -> bool {
    let t = text.trim_start();
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    let first = digits(t);
    first > 0 && t[first..].starts_with('.') && digits(&t[first + 1..]) > 0
}

fn ends_annex(line: &Line) -> bool {
    let key = &line.key;
    // Another annex (the attendance list, the agenda), a table, a signature.
    (key.starts_with("annexe") && key.len() <= 160)
        || line.non_empty_cell_count() > 1
        || key.starts_with("lepresident")
        || key.starts_with("lesecretairepermanent")
        || key.starts_with("rapporteur")
        || key.starts_with("lerapporteur")
        || key.starts_with("larapporteuse")
        || key.starts_with("rapporteuse")
        || key.starts_with("faita")
        || key == "fin"
}

/// The annex of recommendations of a document, if it has one.
pub(crate) fn find(lines: &[Line]) -> Option<Annex> {
    let start = (0..lines.len()).rev().find(|&i| {
        let title = &lines[i];
        // A title stands alone: not a table row (an action point sharing the synthesis), not
        // an agenda entry or a section heading ending its item with ';'.
        announces_annex(&title.key)
            && title.non_empty_cell_count() <= 1
            && !title.text.trim_end().ends_with([';', ','])
            && {
                // A title is followed by a group heading or a first item. A numbered title is
                // an agenda entry or a section as often as an annex: only a group heading
                // (general, specific, an axis) after it says it is one.
                // "Annexe 1 : Ordre du jour" is an annex too, of something else: an annex's
                // title that does not say "recommandation" needs a group heading as well.
                let numbered = list_item(&title.text).number.is_some()
                    || !title.key.contains("recommandation");
                lines[i + 1..]
                    .iter()
                    .filter(|l| !l.is_blank())
                    .take(LOOKAHEAD)
                    .any(|l| {
                        heading(l).is_some_and(|h| !matches!(h, Heading::Group(_)))
                            || (!numbered && list_item(&l.text).number == Some(1))
                    })
            }
    })?;
    let title = lines[start].text.trim().to_owned();
    let mut items: Vec<AnnexItem> = Vec::new();
    let mut scope = RecommendationScope::General;
    let mut pnm: Option<PnmCode> = None;
    let mut group: Option<String> = None;
    // Whether the item being read may take the next line.
    let mut open = false;
    let mut end = lines.len();
    let mut saw_heading = false;
    for (k, line) in lines.iter().enumerate().skip(start + 1) {
        if line.is_blank() {
            continue;
        }
        if ends_annex(line) {
            end = k;
            break;
        }
        if let Some(h) = heading(line) {
            saw_heading = true;
            match h {
                Heading::General => {
                    scope = RecommendationScope::General;
                    pnm = None;
                    group = None;
                }
                Heading::Specific => {
                    scope = RecommendationScope::Specific;
                    pnm = None;
                    group = None;
                }
                Heading::Axis(code) => {
                    scope = RecommendationScope::Specific;
                    pnm = Some(code);
                    group = None;
                }
                Heading::Group(g) => {
                    scope = RecommendationScope::Specific;
                    group = Some(g);
                }
            }
            open = false;
            continue;
        }
        let item = list_item(&line.text);
        let sub = sub_numbered(&line.text);
        let marked = item.number.is_some() || item.bulleted || sub;
        let text = if sub {
            line.text
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                .trim_start_matches([')', '-', ' '])
                .trim()
        } else {
            item.rest.trim()
        };
        if text.is_empty() {
            continue;
        }
        let continues = open
            && !marked
            && items.last().is_some_and(|last| {
                !(last.text.trim_end().ends_with(['.', ';', '!'])
                    && text.starts_with(char::is_uppercase))
            });
        if continues {
            let last = items.last_mut().expect("an open item");
            last.text.push(' ');
            last.text.push_str(text);
            continue;
        }
        // Before any heading, an unmarked line is the title's continuation, not an item.
        if !marked && !saw_heading && items.is_empty() {
            continue;
        }
        items.push(AnnexItem {
            text: text.to_owned(),
            scope,
            pnm,
            thematic_group: group.clone(),
        });
        open = true;
    }
    if items.is_empty() {
        return None;
    }
    for item in &mut items {
        item.text = item
            .text
            .trim()
            .trim_end_matches([';', ','])
            .trim()
            .to_owned();
    }
    Some(Annex {
        start,
        end,
        body: body_named(&title),
        date: cadre_domain::dates::parse_french_date(&title),
        title,
        items,
    })
}

/// Files an annex's recommendations under the meeting read from the document: as the
/// roadmap of the session the annex names (its body, else the CRCM of the meeting's region,
/// else the CCM), of the year its title gives, else of the meeting's.
pub(crate) fn attach(meeting: &mut cadre_domain::NewMeeting, annex: Annex) {
    use chrono::Datelike as _;
    let body = annex.body.unwrap_or_else(|| match &meeting.body.region {
        Some(region) => NewBody::crcm(region),
        None => NewBody::ccm(),
    });
    let roadmap = annex.date.unwrap_or(meeting.date).year().to_string();
    meeting.recommendations = annex
        .items
        .into_iter()
        .enumerate()
        .map(|(i, item)| cadre_domain::NewRecommendation {
            roadmap: roadmap.clone(),
            position: (i + 1) as u32,
            text: item.text,
            scope: item.scope,
            thematic_group: item.thematic_group,
            implementation_status: None,
            challenges: None,
            perspectives: None,
            pnm: item.pnm,
        })
        .collect();
    let title: String = annex.title.chars().take(300).collect();
    meeting.annexed_session = Some(cadre_domain::AnnexedSession {
        body,
        title,
        date: annex.date,
    });
}

/// The body an annex's title names: a region's CRCM, or the CCM.
fn body_named(title: &str) -> Option<NewBody> {
    let key = match_key(title);
    let region = cadre_domain::REGIONS
        .iter()
        .find(|r| key.contains(&match_key(r)));
    let regional = key.contains("crcm") || key.contains("cadreregional");
    match region {
        Some(r) if regional || !key.contains("ccm") => Some(NewBody::crcm(r)),
        _ if key.contains("ccm") || key.contains("cadredeconcertation") => Some(NewBody::ccm()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn read(text: &str) -> Annex {
        let lines = split_lines(text);
        find(&lines).expect("an annex")
    }

    const ANNEX: &str = "Compte rendu du GTM\n\nLe rapporteur : Moussa Ali\n\nANNEXE : SYNTHÈSE DES RECOMMANDATIONS DU CRCM D'AGADEZ DU 26 JANVIER 2023\n\nI. Recommandations générales\n1. Tenir le CRCM chaque année ;\n2. Impliquer les collectivités territoriales dans la\nmise en œuvre de la PNM ;\nII. Recommandations spécifiques\nAxe 1 : Exploitation des potentialités et opportunités économiques\n1. Financer des activités génératrices de revenus pour les jeunes\n2. Appuyer la reconversion des acteurs de l'économie de la migration\nAxe 2 : Protection et assistance aux migrants\n1. Renforcer le mécanisme de référencement\nAXE 3 – Gestion des flux\n- Doter les postes frontières en équipements\n";

    #[test]
    fn a_crcm_synthesis_is_read_by_group_and_axis() {
        let a = read(ANNEX);
        assert_eq!(a.body, Some(NewBody::crcm("Agadez")));
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2023, 1, 26));
        let texts: Vec<&str> = a.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Tenir le CRCM chaque année",
                "Impliquer les collectivités territoriales dans la mise en œuvre de la PNM",
                "Financer des activités génératrices de revenus pour les jeunes",
                "Appuyer la reconversion des acteurs de l'économie de la migration",
                "Renforcer le mécanisme de référencement",
                "Doter les postes frontières en équipements",
            ]
        );
        let axes: Vec<Option<u8>> = a.items.iter().map(|i| i.pnm.map(|p| p.axis)).collect();
        assert_eq!(axes, [None, None, Some(1), Some(1), Some(2), Some(3)]);
        assert_eq!(a.items[0].scope, RecommendationScope::General);
        assert_eq!(a.items[2].scope, RecommendationScope::Specific);
    }

    #[test]
    fn lost_spaces_do_not_hide_the_headings() {
        let squeezed: String = ANNEX
            .lines()
            .map(|l| {
                if l.len() < 80 && !l.starts_with(char::is_numeric) {
                    l.replace(' ', "")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let a = read(&squeezed);
        let axes: Vec<Option<u8>> = a.items.iter().map(|i| i.pnm.map(|p| p.axis)).collect();
        assert_eq!(axes, [None, None, Some(1), Some(1), Some(2), Some(3)]);
        assert_eq!(a.body, Some(NewBody::crcm("Agadez")));
    }

    #[test]
    fn the_annex_ends_at_the_rapporteur_and_minutes_without_one_have_none() {
        let text = "ANNEXE\nRecommandations générales\n1. Tenir les réunions\nLe Rapporteur\nAïcha Moussa\n";
        let lines = split_lines(text);
        let a = find(&lines).unwrap();
        assert_eq!(a.items.len(), 1);
        assert_eq!(lines[a.end].text, "Le Rapporteur");
        assert_eq!(a.body, None);
        // "Annexe" mentioned in passing, without recommendations after it.
        let lines = split_lines("Voir l'annexe jointe.\nLa séance est levée à 12h.\n");
        assert!(find(&lines).is_none());
        // An agenda item on the synthesis, with the discussion after it, is not an annex.
        let lines = split_lines(
            "3. Synthèse des recommandations des CRCM (SP/CCM) ;\nLes échanges ont porté sur le suivi.\n",
        );
        assert!(find(&lines).is_none());
        // Nor is one without ';' followed by the minutes' own numbered sections.
        let lines = split_lines(
            "2. Synthèse des recommandations des CRCM d'Agadez\n3. Divers\n1. Présentation du projet\nLe projet couvre Agadez.\n",
        );
        assert!(find(&lines).is_none());
    }

    #[test]
    fn recommendations_naming_a_group_or_starting_like_an_axis_stay_recommendations() {
        let a = read(
            "SYNTHÈSE DES RECOMMANDATIONS DU CRCM DE TAHOUA\nRecommandations spécifiques\nAxe 2 : Protection\n1. Renforcer la protection des migrants\n2. Axer les efforts sur les enfants\n3. Programmer une mission conjointe\n1.1 Former les agents\n1.2 Doter les postes\nAnnexe 2 : Liste de présence\nOIM\t+227 90 00 00 00\n",
        );
        let texts: Vec<&str> = a.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Renforcer la protection des migrants",
                "Axer les efforts sur les enfants",
                "Programmer une mission conjointe",
                "Former les agents",
                "Doter les postes",
            ]
        );
        assert!(a.items.iter().all(|i| i.pnm.map(|p| p.axis) == Some(2)));
        // Another annex ends this one.
        let lines = split_lines(
            "SYNTHÈSE DES RECOMMANDATIONS DU CRCM DE TAHOUA\nRecommandations générales\n1. Tenir le CRCM\nAnnexe 2 : Liste de présence\nOIM\n",
        );
        let found = find(&lines).unwrap();
        assert_eq!(lines[found.end].text, "Annexe 2 : Liste de présence");
        // An annex of something else is not a synthesis of recommendations.
        let lines = split_lines("Annexe 1 : Ordre du jour\n1. Ouverture\n2. Divers\n");
        assert!(find(&lines).is_none());
    }

    #[test]
    fn unnumbered_paragraphs_are_one_recommendation_each() {
        let a = read(
            "Recommandations du CRCM de Zinder\nRecommandations générales\nOrganiser une mission conjointe de suivi.\nPartager les rapports avec les partenaires et\nles services techniques.\n",
        );
        let texts: Vec<&str> = a.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Organiser une mission conjointe de suivi.",
                "Partager les rapports avec les partenaires et les services techniques.",
            ]
        );
        assert_eq!(a.body, Some(NewBody::crcm("Zinder")));
    }
}
