//! The minutes as a list of blocks (headings, paragraphs, tables), built once from the domain
//! and written by both the Word and the PDF writer, so that the two always say the same.
//!
//! The order and the labels follow the canevas (DOMAIN.md): title; header (date, time, place,
//! body, attendance); follow-up of the previous meeting's pending action points; "Points
//! inscrits à l'ordre du jour"; for each agenda item a numbered heading, "Points de discussion
//! clés" and the action table; recommendations; next meeting; rapporteur. Cadre's own reader
//! (`cadre-ingest`) reads the French document back: the follow-up table comes before the
//! agenda and its first column is not "Points d'action", so that its rows are not taken for
//! the agenda or for an agenda item's action points.

use cadre_domain::{
    ActionPoint, AgendaItem, Meeting, Modality, NextMeeting, Recommendation, RecommendationScope,
};
use cadre_i18n::{Lang, label, t, tf};

use crate::MinutesInput;
use crate::shown;

/// A paragraph-level element of the minutes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Title(String),
    /// Level 1 to 3.
    Heading(u8, String),
    /// A short bold line introducing what follows ("Points de discussion clés"): kept on the
    /// same page as the next block.
    Label(String),
    Paragraph(String),
    Table(Table),
}

/// A table: relative column widths, an optional header row (repeated on each page), rows of
/// cells, each cell one or more paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub widths: Vec<u32>,
    pub header: Option<Vec<String>>,
    pub rows: Vec<Vec<Vec<String>>>,
    /// The first column names what the others hold (the header table): bold.
    pub first_column_bold: bool,
}

impl Table {
    pub(crate) fn grid(widths: &[u32], header: Vec<String>, rows: Vec<Vec<String>>) -> Table {
        Table {
            widths: widths.to_vec(),
            header: Some(header),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(|c| vec![c]).collect())
                .collect(),
            first_column_bold: false,
        }
    }
}

/// The document's title (also its properties' title).
pub(crate) fn title(input: &MinutesInput) -> String {
    let m = input.meeting;
    let written = shown::one_line(&m.title);
    if written.is_empty() {
        tf(
            input.lang,
            "out-minutes-title",
            &[
                ("body", shown::one_line(&m.body.name).into()),
                ("date", cadre_i18n::date(input.lang, m.date).into()),
            ],
        )
    } else {
        written
    }
}

pub(crate) fn minutes(input: &MinutesInput) -> Vec<Block> {
    let lang = input.lang;
    let m = input.meeting;
    let mut blocks = vec![Block::Title(title(input))];
    blocks.push(Block::Table(header(lang, m)));
    if !input.previous_pending.is_empty() {
        blocks.push(Block::Heading(1, t(lang, "out-follow-up").to_owned()));
        blocks.push(Block::Table(follow_up(lang, input.previous_pending)));
    }
    if !m.agenda.is_empty() {
        blocks.push(Block::Heading(1, t(lang, "out-agenda").to_owned()));
        for item in &m.agenda {
            blocks.push(Block::Paragraph(numbered(item, "- ")));
        }
        for item in &m.agenda {
            agenda_item(lang, item, &mut blocks);
        }
    }
    if !input.recommendations.is_empty() {
        recommendations(lang, input.recommendations, &mut blocks);
    }
    if let Some(next) = &m.next_meeting
        && let Some(sentence) = next_meeting(lang, next)
    {
        blocks.push(Block::Heading(1, t(lang, "out-next-meeting").to_owned()));
        blocks.push(Block::Paragraph(sentence));
    }
    if let Some(r) = m.rapporteur.as_deref().map(shown::one_line)
        && !r.is_empty()
    {
        blocks.push(Block::Label(t(lang, "out-rapporteur").to_owned()));
        blocks.push(Block::Paragraph(r));
    }
    blocks
}

fn header(lang: Lang, m: &Meeting) -> Table {
    let time = shown::time_range(lang, m.start_time, m.end_time)
        .unwrap_or_else(|| t(lang, "out-time-unknown").to_owned());
    let place = m
        .place
        .as_deref()
        .map(shown::one_line)
        .filter(|p| !p.is_empty());
    let place = match (m.modality, place) {
        (Modality::Virtual, Some(link)) => {
            tf(lang, "out-place-virtual-link", &[("link", link.into())])
        }
        (Modality::Virtual, None) => t(lang, "out-place-virtual").to_owned(),
        (Modality::InPerson, Some(p)) => p,
        (Modality::InPerson, None) => t(lang, "out-place-unknown").to_owned(),
    };
    let mut rows = vec![
        vec![
            vec![t(lang, "out-date").to_owned()],
            vec![cadre_i18n::date(lang, m.date)],
        ],
        vec![vec![t(lang, "out-time").to_owned()], vec![time]],
        vec![vec![t(lang, "out-place").to_owned()], vec![place]],
        vec![
            vec![t(lang, "out-body").to_owned()],
            vec![shown::one_line(&m.body.name)],
        ],
    ];
    let attendance = attendance(lang, m);
    if !attendance.is_empty() {
        rows.push(vec![vec![t(lang, "out-attendance").to_owned()], attendance]);
    }
    Table {
        widths: vec![22, 78],
        header: None,
        rows,
        first_column_bold: true,
    }
}

/// One entry per organisation, in the order of the list: "Organisation internationale pour
/// les migrations (OIM) – Awa Issa, Jean Dupont", then one per person present by their
/// function ("Chauffeur Dosso – Issa Garba"). Each entry but the last ends with the list
/// separator, as the canevas writes it, so that the list reads right even when a reader
/// joins its lines.
fn attendance(lang: Lang, m: &Meeting) -> Vec<String> {
    let mut entries: Vec<(cadre_domain::OrganisationId, String, Vec<String>)> = Vec::new();
    for a in &m.attendance {
        let person = a
            .person_name
            .as_deref()
            .map(shown::one_line)
            .filter(|p| !p.is_empty());
        if let Some(entry) = entries.iter_mut().find(|e| e.0 == a.organisation_id) {
            entry.2.extend(person);
            continue;
        }
        let name = shown::one_line(&a.organisation);
        let name = match a.organisation_acronym.as_deref().map(shown::one_line) {
            Some(acr) if !acr.is_empty() && acr != name => format!("{name} ({acr})"),
            _ => name,
        };
        entries.push((a.organisation_id, name, person.into_iter().collect()));
    }
    // People present by their function follow the organisations, as the list wrote them.
    let entries: Vec<(String, Vec<String>)> = entries
        .into_iter()
        .map(|(_, name, people)| (name, people))
        .chain(m.function_attendees.iter().map(|f| {
            let person = f.person_name.as_deref().map(shown::one_line);
            (
                shown::one_line(&f.function),
                person.into_iter().filter(|p| !p.is_empty()).collect(),
            )
        }))
        .collect();
    let count = entries.len();
    entries
        .into_iter()
        .enumerate()
        .map(|(k, (name, people))| {
            let mut line = if people.is_empty() {
                name
            } else {
                format!("{name} – {}", people.join(", "))
            };
            if k + 1 < count {
                line.push_str(shown::list_separator(lang));
            }
            line
        })
        .collect()
}

fn follow_up(lang: Lang, points: &[ActionPoint]) -> Table {
    let header = vec![
        t(lang, "out-follow-up-meeting").to_owned(),
        t(lang, "out-action-points").to_owned(),
        t(lang, "out-responsible").to_owned(),
        t(lang, "out-deadline").to_owned(),
        t(lang, "out-status").to_owned(),
    ];
    let rows = points
        .iter()
        .map(|a| {
            vec![
                cadre_i18n::date(lang, a.meeting_date),
                shown::one_line(&a.what),
                shown::responsible(lang, a),
                shown::deadline(lang, &a.deadline),
                shown::status(lang, a.status).to_owned(),
            ]
        })
        .collect();
    Table::grid(&[16, 38, 20, 14, 12], header, rows)
}

/// "1. Titre (Présentateur)"; the opening item (number 0) has no number. `mark` introduces
/// an unnumbered entry of the agenda list.
fn numbered(item: &AgendaItem, mark: &str) -> String {
    let title = shown::one_line(&item.title);
    let title = match item.presenter.as_deref().map(shown::one_line) {
        Some(p) if !p.is_empty() => format!("{title} ({p})"),
        _ => title,
    };
    if item.number == 0 {
        format!("{mark}{title}")
    } else {
        format!("{}. {title}", item.number)
    }
}

fn agenda_item(lang: Lang, item: &AgendaItem, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(2, numbered(item, "")));
    blocks.push(Block::Label(t(lang, "out-discussion").to_owned()));
    for line in shown::text(&item.discussion).lines() {
        let line = line.trim();
        if !line.is_empty() {
            blocks.push(Block::Paragraph(line.replace('\t', " ")));
        }
    }
    let header = vec![
        t(lang, "out-action-points").to_owned(),
        t(lang, "out-responsible").to_owned(),
        t(lang, "out-deadline").to_owned(),
        t(lang, "out-status").to_owned(),
    ];
    let rows: Vec<Vec<String>> = if item.action_points.is_empty() {
        vec![vec![
            t(lang, "out-no-action").to_owned(),
            String::new(),
            String::new(),
            String::new(),
        ]]
    } else {
        item.action_points
            .iter()
            .map(|a| {
                vec![
                    shown::one_line(&a.what),
                    shown::responsible(lang, a),
                    shown::deadline(lang, &a.deadline),
                    shown::status(lang, a.status).to_owned(),
                ]
            })
            .collect()
    };
    blocks.push(Block::Table(Table::grid(&[46, 24, 17, 13], header, rows)));
}

/// Grouped by roadmap (in the order they first appear), then general before specific, then
/// thematic group (in the order they first appear); each group one table, by position.
fn recommendations(lang: Lang, recs: &[Recommendation], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(1, t(lang, "out-recommendations").to_owned()));
    let mut roadmaps: Vec<&str> = Vec::new();
    for r in recs {
        if !roadmaps.contains(&r.roadmap.as_str()) {
            roadmaps.push(&r.roadmap);
        }
    }
    for roadmap in roadmaps {
        let of_roadmap: Vec<&Recommendation> =
            recs.iter().filter(|r| r.roadmap == roadmap).collect();
        blocks.push(Block::Heading(
            2,
            tf(
                lang,
                "out-roadmap",
                &[("roadmap", shown::one_line(roadmap).into())],
            ),
        ));
        for scope in RecommendationScope::ALL {
            let of_scope: Vec<&Recommendation> = of_roadmap
                .iter()
                .copied()
                .filter(|r| r.scope == scope)
                .collect();
            if of_scope.is_empty() {
                continue;
            }
            let scope_label = label(lang, "recommendation-scope", scope.as_str());
            blocks.push(Block::Heading(
                3,
                shown::capitalised(&tf(
                    lang,
                    "out-recommendations-scope",
                    &[("scope", scope_label.into())],
                )),
            ));
            let mut groups: Vec<Option<&str>> = Vec::new();
            for r in &of_scope {
                if !groups.contains(&r.thematic_group.as_deref()) {
                    groups.push(r.thematic_group.as_deref());
                }
            }
            for group in groups {
                let mut rows: Vec<&Recommendation> = of_scope
                    .iter()
                    .copied()
                    .filter(|r| r.thematic_group.as_deref() == group)
                    .collect();
                rows.sort_by_key(|r| r.position);
                if let Some(g) = group {
                    blocks.push(Block::Label(tf(
                        lang,
                        "out-thematic-group",
                        &[("group", shown::one_line(g).into())],
                    )));
                }
                blocks.push(Block::Table(recommendation_table(lang, &rows)));
            }
        }
    }
}

/// Columns for what the reports say: "Etat de mise en œuvre" for a past roadmap, "Défis" and
/// "Perspectives" for a new one; a column nobody filled in is left out.
fn recommendation_table(lang: Lang, recs: &[&Recommendation]) -> Table {
    type Field = fn(&Recommendation) -> Option<&String>;
    let optional: [(&str, Field); 3] = [
        ("out-implementation", |r| r.implementation_status.as_ref()),
        ("out-challenges", |r| r.challenges.as_ref()),
        ("out-perspectives", |r| r.perspectives.as_ref()),
    ];
    let used: Vec<&(&str, Field)> = optional
        .iter()
        .filter(|(_, f)| {
            recs.iter()
                .any(|r| f(r).is_some_and(|s| !s.trim().is_empty()))
        })
        .collect();
    let mut header = vec![
        t(lang, "out-number").to_owned(),
        t(lang, "out-recommendation").to_owned(),
    ];
    header.extend(used.iter().map(|(key, _)| t(lang, key).to_owned()));
    let rows = recs
        .iter()
        .map(|r| {
            let mut row = vec![r.position.to_string(), shown::one_line(&r.text)];
            row.extend(
                used.iter()
                    .map(|(_, f)| f(r).map(|s| shown::one_line(s)).unwrap_or_default()),
            );
            row
        })
        .collect();
    let widths: Vec<u32> = match used.len() {
        0 => vec![7, 93],
        1 => vec![7, 55, 38],
        2 => vec![7, 45, 24, 24],
        _ => vec![7, 36, 19, 19, 19],
    };
    Table::grid(&widths, header, rows)
}

/// "La prochaine réunion est prévue le 16 mars 2023 à 9h30." — the announcement as written
/// when it names neither a day nor a month.
fn next_meeting(lang: Lang, next: &NextMeeting) -> Option<String> {
    if let Some(date) = next.date {
        let date = cadre_i18n::date(lang, date);
        return Some(match next.time {
            Some(time) => tf(
                lang,
                "out-next-meeting-on-at",
                &[
                    ("date", date.into()),
                    ("time", cadre_i18n::time(lang, time).into()),
                ],
            ),
            None => tf(lang, "out-next-meeting-on", &[("date", date.into())]),
        });
    }
    if let Some(month) = next.month {
        let label = cadre_i18n::month_year(lang, month.year, month.month.saturating_sub(1));
        return Some(tf(lang, "out-next-meeting-in", &[("month", label.into())]));
    }
    let written = shown::one_line(&next.as_written);
    (!written.is_empty()).then_some(written)
}
