//! Which section of a document belongs to which agenda item. Section numbers cannot be
//! trusted (seed 001 numbers them "1.", "II.", "III.", "1.", "2."), their words can: a section
//! goes to the agenda item whose title shares most of its words.

use cadre_domain::text::words;
use cadre_domain::{ImportWarning, NewAgendaItem};

use crate::canevas::{AgendaEntry, Section};

const STOPWORDS: [&str; 24] = [
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "sur", "pour", "en",
    "par", "un", "une", "dans", "avec", "son", "sa", "ses", "qu",
];

/// Significant words, crudely stemmed so that "stratégiques"/"stratégique" and
/// "nationale"/"national" agree.
pub(crate) fn title_words(title: &str) -> Vec<String> {
    let mut out: Vec<String> = words(title)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| {
            let mut w = w;
            if w.len() > 3 && w.ends_with('s') {
                w.pop();
            }
            if w.len() > 3 && w.ends_with('e') {
                w.pop();
            }
            w
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Dice coefficient of two sorted, deduplicated word lists.
pub(crate) fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

const THRESHOLD: f64 = 0.4;

/// Puts each section's discussion and action points under its agenda item. A section that
/// matches no item by its words takes the free item its position points to; failing that it
/// becomes an item of its own, with a warning. Without an agenda list, the sections are the
/// agenda.
pub(crate) fn match_sections(
    agenda: Vec<AgendaEntry>,
    sections: Vec<Section>,
    warnings: &mut Vec<ImportWarning>,
) -> Vec<NewAgendaItem> {
    if agenda.is_empty() {
        if !sections.is_empty() {
            warnings.push(crate::notes::warning("agenda", "agenda-from-sections", &[]));
        }
        let mut last = 0;
        return sections
            .into_iter()
            .map(|s| {
                let number = s.number.unwrap_or(last + 1);
                last = number;
                item_from_section(number, s)
            })
            .collect();
    }
    let agenda_words: Vec<Vec<String>> = agenda.iter().map(|a| title_words(&a.title)).collect();
    let section_words: Vec<Vec<String>> = sections.iter().map(|s| title_words(&s.title)).collect();
    let mut pairs = Vec::new();
    for (si, sw) in section_words.iter().enumerate() {
        for (ai, aw) in agenda_words.iter().enumerate() {
            let score = similarity(sw, aw);
            if score >= THRESHOLD {
                pairs.push((score, si.abs_diff(ai), si, ai));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut section_to_item: Vec<Option<usize>> = vec![None; sections.len()];
    let mut item_taken = vec![false; agenda.len()];
    for (_, _, si, ai) in pairs {
        if section_to_item[si].is_none() && !item_taken[ai] {
            section_to_item[si] = Some(ai);
            item_taken[ai] = true;
        }
    }
    // Fall back on order: a section between two matched ones belongs to a free item between
    // their items.
    let mut by_position = vec![false; sections.len()];
    for si in 0..sections.len() {
        if section_to_item[si].is_some() {
            continue;
        }
        let lower = section_to_item[..si].iter().rev().find_map(|x| *x);
        let upper = section_to_item[si + 1..].iter().find_map(|x| *x);
        let from = lower.map_or(0, |l| l + 1);
        let to = upper.unwrap_or(agenda.len());
        if let Some(ai) = (from..to).find(|&ai| !item_taken[ai]) {
            section_to_item[si] = Some(ai);
            item_taken[ai] = true;
            by_position[si] = true;
        }
    }

    let mut items: Vec<NewAgendaItem> = agenda
        .into_iter()
        .map(|a| NewAgendaItem {
            number: a.number.unwrap_or(0),
            title: a.title,
            presenter: a.presenter,
            discussion: String::new(),
            action_points: Vec::new(),
        })
        .collect();
    let mut extras = Vec::new();
    for (si, section) in sections.into_iter().enumerate() {
        match section_to_item[si] {
            Some(ai) => {
                let item = &mut items[ai];
                if by_position[si] {
                    warnings.push(crate::notes::warning(
                        "agenda",
                        "section-attached-by-position",
                        &[
                            ("section", section.title.clone()),
                            ("item", item.title.clone()),
                        ],
                    ));
                }
                if item.presenter.is_none() {
                    item.presenter = section.presenter;
                }
                item.discussion = section.discussion.join("\n");
                item.action_points = section.points;
            }
            None => {
                warnings.push(crate::notes::warning(
                    "agenda",
                    "section-added-to-agenda",
                    &[("section", section.title.clone())],
                ));
                extras.push(section);
            }
        }
    }
    let mut last = items.iter().map(|i| i.number).max().unwrap_or(0);
    for s in extras {
        let number = match s.number {
            Some(n) if !items.iter().any(|i| i.number == n) => n,
            _ => last + 1,
        };
        last = last.max(number);
        items.push(item_from_section(number, s));
    }
    items
}

fn item_from_section(number: u32, s: Section) -> NewAgendaItem {
    NewAgendaItem {
        number,
        title: s.title,
        presenter: s.presenter,
        discussion: s.discussion.join("\n"),
        action_points: s.points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_written_differently_still_match() {
        let a = title_words(
            "PRESENTATION DES AXES STRATEGIQUE DE LA POLITIQUE NATIONAL DE LA MIGRATION",
        );
        let b = title_words(
            "Présentation des axes stratégiques de la politique nationale de la migration",
        );
        assert!(similarity(&a, &b) > 0.9);
        let c = title_words("Divers");
        assert!(similarity(&a, &c) < THRESHOLD);
        assert!(
            similarity(
                &title_words("Coordination et prochaines étapes"),
                &title_words("Coordination prochaines étapes")
            ) > 0.9
        );
    }
}
