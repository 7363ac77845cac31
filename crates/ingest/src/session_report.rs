//! Reports of CCM (and CRCM) sessions: not minutes but a narrative, an attendance list with
//! each person's contacts, and the recommendation tables of the previous and the new roadmap.

use std::collections::HashMap;
use std::sync::LazyLock;

use cadre_domain::dates::{find_times, parse_french_date};
use cadre_domain::recommendation::canonical_thematic_group;
use cadre_domain::text::{fold, match_key};
use cadre_domain::{
    ImportWarning, MeetingKind, Modality, NewAgendaItem, NewAttendee, NewBody, NewFunctionAttendee,
    NewMeeting, NewRecommendation, NextMeeting, RecommendationScope,
};
use regex::Regex;

use crate::IngestError;
use crate::attendance::Present;
use crate::canevas::is_virtual_place;
use crate::header::header_label;
use crate::lines::{Line, is_agenda_heading, is_discussion_label, list_item, trim_title};
use crate::matching::{similarity, title_words};
use crate::tables::{RowAssembler, html_to_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReportKind {
    Ccm,
    Crcm,
}

/// The first lines of the document, before its first label or heading: where a report says
/// what it is.
fn head_text(lines: &[Line]) -> String {
    let mut out = String::new();
    for l in lines.iter().filter(|l| !l.is_blank()).take(12) {
        if header_label(l).is_some() || is_agenda_heading(l) || l.key == "introduction" {
            break;
        }
        out.push_str(&l.text);
        out.push('\n');
    }
    out
}

/// A session report announces itself in its heading ("Rapport de la réunion préparatoire du
/// Cadre de Concertation sur la Migration") and never uses the canevas' discussion label.
pub(crate) fn report_kind(lines: &[Line]) -> Option<ReportKind> {
    let head = fold(&head_text(lines));
    let is_report = head.contains("rapport")
        || head.contains("session")
        || head.contains("reunion preparatoire");
    let ws = cadre_domain::text::words(&head);
    let regional =
        head.contains("cadre regional de concertation") || ws.iter().any(|w| w == "crcm");
    let national = head.contains("cadre de concertation") || ws.iter().any(|w| w == "ccm");
    if !is_report || !(regional || national) || lines.iter().any(is_discussion_label) {
        return None;
    }
    Some(if regional {
        ReportKind::Crcm
    } else {
        ReportKind::Ccm
    })
}

static REPORT_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\S").expect("static regex"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("static regex"));

fn is_report_heading(l: &Line) -> bool {
    l.key == "introduction"
        || (REPORT_HEADING.is_match(&l.text) && !l.has_tab() && l.text.chars().count() <= 300)
}

fn is_recommendation_header(l: &Line) -> bool {
    l.non_empty_cell_count() >= 2
        && l.cells[0].len() <= 60
        && match_key(&l.cells[0]).starts_with("recommandation")
        && YEAR.is_match(&l.cells[0])
}

fn is_attendance_header(l: &Line) -> bool {
    if l.text.len() > 200 || !l.has_tab() {
        return false;
    }
    let keys: Vec<String> = l.non_empty_cells().map(match_key).collect();
    keys.len() >= 2
        && keys.iter().any(|k| k.starts_with("nom"))
        && keys.iter().any(|k| {
            k.contains("institution") || k.contains("structure") || k.contains("organisation")
        })
}

/// A narrative part of the report: its heading and its paragraphs.
struct Part {
    heading: Option<String>,
    lines: Vec<String>,
}

pub(crate) fn parse(
    lines: &[Line],
    kind: ReportKind,
    body_override: Option<&NewBody>,
    full_text: &str,
) -> Result<NewMeeting, IngestError> {
    let n = lines.len();
    let mut warnings = Vec::new();

    let head_end = (0..n)
        .find(|&i| {
            let l = &lines[i];
            is_report_heading(l) || l.text.chars().count() > 200 || is_recommendation_header(l)
        })
        .unwrap_or(n);

    // Title: the bold block of the cover page, else its first line naming a report.
    let mut title_lines: Vec<usize> = Vec::new();
    if let Some(start) = (0..head_end).find(|&i| lines[i].raw.trim_start().starts_with("**")) {
        // The bold block ends with "**", at most a few lines down.
        for (i, line) in lines
            .iter()
            .enumerate()
            .take(head_end.min(start + 4))
            .skip(start)
        {
            if line.is_blank() {
                break;
            }
            title_lines.push(i);
            let raw = line.raw.trim();
            if raw.ends_with("**") && (i > start || raw.len() > 4) {
                break;
            }
        }
    } else if let Some(i) = (0..head_end).find(|&i| {
        let f = fold(&lines[i].text);
        f.contains("rapport") || f.contains("session")
    }) {
        title_lines.push(i);
    }
    let title_text = title_lines
        .iter()
        .map(|&i| lines[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let title_text = trim_title(&title_text).to_owned();

    let date_at = (0..n).find_map(|i| parse_french_date(&lines[i].text).map(|d| (i, d)));
    let Some((date_line, date)) = date_at else {
        return Err(IngestError::NoDate);
    };

    // Place: the cover page line naming a venue, completed by the town of the date line
    // ("Niamey, le 23 juillet 2021").
    let place_line = (0..head_end).find(|&i| {
        !title_lines.contains(&i) && i != date_line && {
            let f = fold(&lines[i].text);
            [
                "espace",
                "salle",
                "hotel",
                "centre",
                "palais",
                "maison",
                "siege",
                "auditorium",
            ]
            .iter()
            .any(|k| f.contains(k))
        }
    });
    let town = (date_line < head_end)
        .then(|| {
            lines[date_line]
                .text
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .to_owned()
        })
        .filter(|t| {
            !t.is_empty()
                && t.split_whitespace().count() <= 3
                && !t.chars().any(|c| c.is_ascii_digit())
                && t.starts_with(char::is_uppercase)
        });
    let place = match (place_line, &town) {
        (Some(i), Some(town)) => {
            let venue = trim_title(&lines[i].text);
            if fold(venue).contains(&fold(town)) {
                Some(venue.to_owned())
            } else {
                Some(format!("{venue}, {town}"))
            }
        }
        (Some(i), None) => Some(trim_title(&lines[i].text).to_owned()),
        (None, Some(town)) => Some(town.clone()),
        (None, None) => None,
    };
    if place.is_none() {
        warnings.push(crate::notes::warning("place", "report-no-place", &[]));
    }

    let cover_rest: Vec<&str> = (0..head_end)
        .filter(|&i| {
            let used = title_lines.contains(&i)
                || Some(i) == place_line
                || (i == date_line && town.is_some());
            !lines[i].is_blank() && !used
        })
        .map(|i| lines[i].text.as_str())
        .collect();
    if !cover_rest.is_empty() {
        warnings.push(crate::notes::warning_with_text(
            "unplaced_text",
            "report-cover-text",
            &[],
            cover_rest.join("\n"),
        ));
    }
    if date_line >= head_end {
        warnings.push(crate::notes::warning_with_text(
            "date",
            "report-no-cover-date",
            &[],
            lines[date_line].text.clone(),
        ));
    }

    // The body of the report.
    let mut parts: Vec<Part> = vec![Part {
        heading: None,
        lines: Vec::new(),
    }];
    let mut agenda_titles: Vec<String> = Vec::new();
    let mut attendance: Vec<NewAttendee> = Vec::new();
    let mut function_attendees: Vec<NewFunctionAttendee> = Vec::new();
    let mut recommendations: Vec<NewRecommendation> = Vec::new();
    let mut positions: HashMap<String, u32> = HashMap::new();
    let mut rapporteur_lines: Vec<String> = Vec::new();
    let mut i = head_end;
    while i < n {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if is_recommendation_header(l) {
            let (recs, end) = recommendation_table(lines, i, &mut positions, &mut warnings);
            recommendations.extend(recs);
            i = end;
            continue;
        }
        if is_attendance_header(l) {
            let end = attendance_table(
                lines,
                i,
                (&mut attendance, &mut function_attendees),
                &mut warnings,
            );
            i = end;
            continue;
        }
        if l.key.starts_with("listedepresence") && l.key.len() <= 20 {
            i += 1;
            continue;
        }
        // Only short lines can introduce the agenda list or sign the report.
        let f = if l.text.len() <= 300 {
            fold(&l.text)
        } else {
            String::new()
        };
        let parts_last = parts.last_mut().expect("parts starts non-empty");
        if agenda_titles.is_empty()
            && (is_agenda_heading(l)
                || (f.contains("ordre du jour") && f.trim_end().ends_with(':')))
        {
            let bullets = bullet_run(lines, i + 1);
            if !bullets.is_empty() {
                if !is_agenda_heading(l) {
                    parts_last.lines.push(l.text.clone());
                }
                for &k in &bullets {
                    agenda_titles.push(trim_title(list_item(&lines[k].text).rest).to_owned());
                }
                i = bullets.last().map_or(i + 1, |k| k + 1);
                continue;
            }
        }
        if f.starts_with("fait a ") && parse_french_date(&l.text).is_some() {
            parts_last.lines.push(l.text.clone());
            // The signature: the signatory's title and name on the next short lines.
            let mut k = i + 1;
            while k < n && rapporteur_lines.len() < 2 {
                let s = &lines[k];
                if s.is_blank() {
                    k += 1;
                    continue;
                }
                if s.has_tab()
                    || s.text.chars().count() > 60
                    || is_report_heading(s)
                    || s.key.starts_with("listedepresence")
                {
                    break;
                }
                rapporteur_lines.push(s.text.clone());
                k += 1;
            }
            parts.push(Part {
                heading: Some("(annexe)".into()),
                lines: Vec::new(),
            });
            i = k;
            continue;
        }
        if is_report_heading(l) {
            parts.push(Part {
                heading: Some(l.text.clone()),
                lines: Vec::new(),
            });
            i += 1;
            continue;
        }
        parts_last.lines.push(l.text.clone());
        i += 1;
    }

    let start_time = parts
        .iter()
        .flat_map(|p| p.lines.iter())
        .find_map(|t| find_times(t).first().copied());
    if start_time.is_none() {
        warnings.push(crate::notes::warning("time", "report-no-time", &[]));
    }

    let next_meeting = parts
        .iter()
        .flat_map(|p| p.lines.iter())
        .find(|t| {
            let lower = t.to_lowercase();
            (lower.contains("prochaine") || lower.contains("prévue") || lower.contains("prevue"))
                && parse_french_date(t).is_some_and(|d| d > date)
        })
        .map(|t| NextMeeting::parse_after(t, date));

    // Narrative parts go to the agenda item they present; the rest is kept as warnings.
    let mut agenda: Vec<NewAgendaItem> = agenda_titles
        .into_iter()
        .enumerate()
        .map(|(k, title)| NewAgendaItem {
            number: k as u32 + 1,
            title,
            presenter: None,
            discussion: String::new(),
            action_points: Vec::new(),
        })
        .collect();
    if agenda.is_empty() {
        warnings.push(crate::notes::warning("agenda", "report-no-agenda", &[]));
    }
    let agenda_words: Vec<Vec<String>> = agenda.iter().map(|a| title_words(&a.title)).collect();
    for part in parts {
        if part.heading.is_none() && part.lines.is_empty() {
            continue;
        }
        let heading = part.heading.as_deref().unwrap_or("");
        let subject = list_heading_subject(heading);
        let words = title_words(subject.0);
        let best = agenda_words
            .iter()
            .enumerate()
            .map(|(k, aw)| (similarity(&words, aw), k))
            .filter(|(s, _)| *s >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let mut text = Vec::new();
        if !heading.is_empty() && heading != "(annexe)" {
            text.push(heading.to_owned());
        }
        text.extend(part.lines);
        let text = text.join("\n");
        match best {
            Some((_, k)) => {
                let item = &mut agenda[k];
                if !item.discussion.is_empty() {
                    item.discussion.push('\n');
                }
                item.discussion.push_str(&text);
                if item.presenter.is_none() {
                    item.presenter = subject.1;
                }
            }
            None if text.is_empty() => {}
            None => {
                // A narrative section of the report: pages show it as a section of its own.
                let (code, args) = match part.heading.as_deref() {
                    None => ("report-opening", vec![]),
                    Some("(annexe)") => ("report-annex-heading", vec![]),
                    Some(h) => ("report-part", vec![("part", trim_title(h).to_string())]),
                };
                warnings.push(crate::notes::warning_with_text(
                    "unplaced_text",
                    code,
                    &args,
                    text,
                ));
            }
        }
    }

    if attendance.is_empty() {
        warnings.push(crate::notes::warning(
            "attendance",
            "report-no-attendance",
            &[],
        ));
    }
    if recommendations.is_empty() {
        warnings.push(crate::notes::warning(
            "recommendations",
            "report-no-recommendations",
            &[],
        ));
    }

    let (body, body_warning, meeting_kind) = match (body_override, kind) {
        (Some(b), ReportKind::Ccm) => (b.clone(), None, MeetingKind::SessionReport),
        (Some(b), ReportKind::Crcm) => (b.clone(), None, MeetingKind::RegionalSession),
        (None, ReportKind::Ccm) => (NewBody::ccm(), None, MeetingKind::SessionReport),
        (None, ReportKind::Crcm) => {
            let (b, w) = crate::body::infer_crcm(&head_text(lines), full_text);
            (b, w, MeetingKind::RegionalSession)
        }
    };
    warnings.extend(body_warning);
    let title = if title_text.is_empty() {
        let t = format!(
            "Rapport de session du {} du {}",
            body.name,
            cadre_domain::dates::format_date_fr(date)
        );
        warnings.push(crate::notes::warning(
            "title",
            "report-title-none",
            &[("title", t.clone())],
        ));
        t
    } else {
        title_text
    };
    let modality = if place.as_deref().is_some_and(is_virtual_place) {
        Modality::Virtual
    } else {
        Modality::InPerson
    };

    warnings.extend(crate::attendance::functions_warning(&function_attendees));
    Ok(NewMeeting {
        body,
        kind: meeting_kind,
        title,
        date,
        start_time,
        end_time: None,
        place,
        modality,
        attendance,
        function_attendees,
        agenda,
        next_meeting,
        rapporteur: (!rapporteur_lines.is_empty()).then(|| rapporteur_lines.join(", ")),
        recommendations,
        annexed_session: None,
        warnings,
        findings: Vec::new(),
        source: None,
    })
}

/// "2.2.1 La Politique Nationale de la Migration (PNM) par Dan Elhadji ABDOU, Chef de …" →
/// the subject to match against the agenda, and who presented it.
fn list_heading_subject(heading: &str) -> (&str, Option<String>) {
    let h = heading
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim();
    match h.find(" par ") {
        Some(p) => {
            let who = h[p + 5..].split(',').next().unwrap_or("").trim();
            let who = who.trim_end_matches('.').trim();
            (&h[..p], (!who.is_empty()).then(|| who.to_owned()))
        }
        None => (h, None),
    }
}

/// The bullet lines that follow `start`, blank lines allowed between them.
fn bullet_run(lines: &[Line], start: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !list_item(&l.text).bulleted {
            break;
        }
        out.push(i);
        i += 1;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Status,
    Challenges,
    Perspectives,
}

fn recommendation_table(
    lines: &[Line],
    start: usize,
    positions: &mut HashMap<String, u32>,
    warnings: &mut Vec<ImportWarning>,
) -> (Vec<NewRecommendation>, usize) {
    let header = &lines[start];
    let roadmap = YEAR
        .find(&header.cells[0])
        .map(|m| m.as_str().to_owned())
        .unwrap_or_default();
    let columns: Vec<Column> = header.cells[1..]
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            let f = fold(c);
            if f.contains("defi") {
                Column::Challenges
            } else if f.contains("perspective") {
                Column::Perspectives
            } else {
                Column::Status
            }
        })
        .collect();
    let mut rows: RowAssembler<(RecommendationScope, Option<String>)> = RowAssembler::default();
    let mut scope = RecommendationScope::General;
    let mut group: Option<String> = None;
    let mut i = start + 1;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            rows.page_break();
            i += 1;
            continue;
        }
        if !l.has_tab() || is_recommendation_header(l) || is_attendance_header(l) {
            break;
        }
        let cells: Vec<String> = l.cells.iter().map(|c| html_to_text(c)).collect();
        if l.non_empty_cell_count() == 1 && !cells[0].is_empty() {
            let key = match_key(&cells[0]);
            if key.starts_with("recommandation") && key.contains("ordregeneral") {
                scope = RecommendationScope::General;
                group = None;
                rows.reset_break();
                i += 1;
                continue;
            }
            if key.starts_with("recommandation") && key.contains("ordrespecifique") {
                scope = RecommendationScope::Specific;
                group = None;
                rows.reset_break();
                i += 1;
                continue;
            }
            if key.contains("thematique") && key.len() < 80 {
                scope = RecommendationScope::Specific;
                group = match canonical_thematic_group(&cells[0]) {
                    Some(g) => Some(g.to_owned()),
                    None => {
                        let written = cells[0].split(':').nth(1).unwrap_or(&cells[0]).trim();
                        warnings.push(crate::notes::warning_with_text(
                            "recommendations",
                            "report-unknown-group",
                            &[],
                            cells[0].clone(),
                        ));
                        Some(written.to_owned())
                    }
                };
                rows.reset_break();
                i += 1;
                continue;
            }
        }
        rows.push(cells, (scope, group.clone()));
        i += 1;
    }
    let mut out = Vec::new();
    for row in rows.rows {
        let text = row.cells[0].trim().to_owned();
        let rest: Vec<&String> = row.cells[1..].iter().filter(|c| !c.is_empty()).collect();
        if text.is_empty() {
            warnings.push(crate::notes::warning_with_text(
                "recommendations",
                "report-row-without-text",
                &[("roadmap", roadmap.to_string())],
                rest.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ));
            continue;
        }
        let position = positions.entry(roadmap.clone()).or_insert(0);
        *position += 1;
        let mut rec = NewRecommendation {
            roadmap: roadmap.clone(),
            position: *position,
            text,
            scope: row.tag.0,
            thematic_group: row.tag.1.clone(),
            implementation_status: None,
            challenges: None,
            perspectives: None,
            pnm: None,
        };
        let mut extra = Vec::new();
        for (k, cell) in row.cells[1..].iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let slot = match columns.get(k) {
                Some(Column::Status) => &mut rec.implementation_status,
                Some(Column::Challenges) => &mut rec.challenges,
                Some(Column::Perspectives) => &mut rec.perspectives,
                None => {
                    extra.push(cell.clone());
                    continue;
                }
            };
            match slot {
                Some(s) => {
                    s.push('\n');
                    s.push_str(cell);
                }
                None => *slot = Some(cell.clone()),
            }
        }
        if !extra.is_empty() {
            warnings.push(crate::notes::warning_with_text(
                "recommendations",
                "report-cells-beyond-columns",
                &[
                    ("position", rec.position.to_string()),
                    ("roadmap", rec.roadmap.clone()),
                ],
                extra.join("\n"),
            ));
        }
        out.push(rec);
    }
    (out, i)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Number,
    Name,
    Organisation,
    Phone,
    Email,
    Other,
}

/// Reads a table of participants into the organisations present (`out.0`) and the people
/// present by their function (`out.1`), with each person's name and contacts.
fn attendance_table(
    lines: &[Line],
    start: usize,
    out: (&mut Vec<NewAttendee>, &mut Vec<NewFunctionAttendee>),
    warnings: &mut Vec<ImportWarning>,
) -> usize {
    let (attendance, function_attendees) = out;
    let roles: Vec<Who> = lines[start]
        .cells
        .iter()
        .map(|c| {
            let k = match_key(c);
            if k.starts_with("nom") || k.contains("prenom") {
                Who::Name
            } else if k.contains("institution")
                || k.contains("structure")
                || k.contains("organisation")
            {
                Who::Organisation
            } else if k.contains("tel") || k.contains("phone") || k.contains("contact") {
                Who::Phone
            } else if k.contains("mail") {
                Who::Email
            } else if k.is_empty()
                || k == "n"
                || k == "no"
                || k.starts_with("numero") && !k.contains("tel")
            {
                Who::Number
            } else {
                Who::Other
            }
        })
        .collect();
    let mut i = start + 1;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        if !l.has_tab() || is_recommendation_header(l) {
            break;
        }
        let get = |who: Who| -> Option<String> {
            let parts: Vec<&str> = roles
                .iter()
                .zip(&l.cells)
                .filter(|(r, c)| **r == who && !c.is_empty())
                .map(|(_, c)| c.as_str())
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        let extra: Vec<&str> = l
            .cells
            .iter()
            .skip(roles.len())
            .filter(|c| !c.is_empty())
            .map(String::as_str)
            .collect();
        let other = get(Who::Other);
        let (person_name, phone, email) = (get(Who::Name), get(Who::Phone), get(Who::Email));
        match get(Who::Organisation).map(|o| crate::attendance::present(&o)) {
            Some(Present::Organisation(organisation)) => attendance.push(NewAttendee {
                organisation,
                person_name,
                phone,
                email,
            }),
            Some(Present::Function(function)) => function_attendees.push(NewFunctionAttendee {
                function,
                person_name,
                phone,
                email,
            }),
            // The row's contacts stay out of the warning (warnings are shown and printed).
            None => warnings.push(crate::notes::warning_with_text(
                "attendance",
                "report-row-without-institution",
                &[],
                roles
                    .iter()
                    .zip(&l.cells)
                    .filter(|(r, c)| !matches!(r, Who::Phone | Who::Email) && !c.is_empty())
                    .map(|(_, c)| c.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )),
        }
        if other.is_some() || !extra.is_empty() {
            let mut text: Vec<String> = other.into_iter().collect();
            text.extend(extra.iter().map(|s| s.to_string()));
            warnings.push(crate::notes::warning_with_text(
                "attendance",
                "report-cells-unknown-column",
                &[],
                text.join("\n"),
            ));
        }
        i += 1;
    }
    i
}
