//! The four real documents of DOMAIN.md, read from disk (never copied into the project).

mod common;

use common::seed;

use cadre_domain::dates::format_date_fr;
use cadre_domain::text::match_key;
use cadre_domain::{
    DeadlineMeaning, MeetingKind, Modality, NewBody, NewMeeting, RecommendationScope,
};
use cadre_ingest::{ReadOptions, read_document};
use chrono::{NaiveDate, NaiveTime, Timelike};

fn read(prefix: &str) -> (NewMeeting, String) {
    let (name, bytes) = seed(prefix);
    let text = String::from_utf8(bytes.clone()).expect("seeds are UTF-8");
    let m = read_document(&name, &bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .meeting;
    (m, text)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

/// Lines the canevas uses as structure, which carry no content of their own.
fn is_structure(cell: &str, next_is_discussion_label: bool) -> bool {
    let k = match_key(cell);
    next_is_discussion_label
        || [
            "date",
            "heure",
            "time",
            "lieu",
            "presence",
            "pointsdediscussioncles",
            "datelimite",
            "introduction",
            "listedepresence",
        ]
        .contains(&k.as_str())
        || (k.starts_with("pointsinscrit") && k.contains("ordredujour"))
        || k.starts_with("pointsdaction")
        || (k.contains("responsable") && k.len() <= 40)
        || (k.starts_with("recommandation") && (k.contains("ordre") || k.len() <= 20))
        || k.contains("thematique") && k.len() < 80
        || [
            "n",
            "nomprenoms",
            "institution",
            "numerodetelephone",
            "email",
            "defis",
            "perspectives",
            "etademiseenœuvre",
        ]
        .contains(&k.as_str())
        || k.ends_with("pointsdediscussioncles")
}

/// Every piece of text of the document is somewhere in the meeting: a field or a warning.
fn assert_nothing_lost(m: &NewMeeting, text: &str) {
    let mut fields: Vec<String> = vec![
        m.title.clone(),
        format_date_fr(m.date),
        m.date.format("%d/%m/%Y").to_string(),
    ];
    if let Some(s) = m.start_time {
        let e = m
            .end_time
            .map(|e| format!("-{}h{:02}", e.hour(), e.minute()))
            .unwrap_or_default();
        fields.push(format!("{}h{:02}{e}", s.hour(), s.minute()));
    }
    fields.extend(m.place.clone());
    fields.extend(m.rapporteur.clone());
    for a in &m.attendance {
        fields.push(a.organisation.clone());
        fields.extend(a.person_name.clone());
        fields.extend(a.phone.clone());
        fields.extend(a.email.clone());
    }
    for f in &m.function_attendees {
        fields.push(f.function.clone());
        fields.extend(f.person_name.clone());
        fields.extend(f.phone.clone());
        fields.extend(f.email.clone());
    }
    for i in &m.agenda {
        fields.push(i.title.clone());
        fields.extend(i.presenter.clone());
        fields.push(i.discussion.clone());
        for p in &i.action_points {
            fields.push(p.what.clone());
            fields.extend(p.responsible.clone());
            fields.push(p.deadline.as_written.clone());
        }
    }
    if let Some(n) = &m.next_meeting {
        fields.push(n.as_written.clone());
    }
    for r in &m.recommendations {
        fields.push(r.text.clone());
        fields.extend(r.implementation_status.clone());
        fields.extend(r.challenges.clone());
        fields.extend(r.perspectives.clone());
    }
    for w in &m.warnings {
        fields.extend(w.text.clone());
    }
    let haystack = fields
        .iter()
        .map(|f| match_key(f))
        .collect::<Vec<_>>()
        .join("#");
    let text = text.replace('\u{2019}', "'");
    let lines: Vec<&str> = text.lines().collect();
    let tag = regex_lite_strip;
    for (n, line) in lines.iter().enumerate() {
        let next = lines[n + 1..].iter().find(|l| !l.trim().is_empty());
        let next_is_label = next.is_some_and(|l| match_key(l) == "pointsdediscussioncles");
        for cell in line.split('\t') {
            let cell = tag(cell.replace("**", "").trim());
            if cell.is_empty()
                || cadre_domain::dates::means_none(&cell)
                || is_structure(&cell, next_is_label)
            {
                continue;
            }
            // Agenda lines are split into number, title and presenter: look for each part.
            let body = cell.trim_start_matches(|c: char| !c.is_alphanumeric());
            let body = body.trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '-' | '.' | ' ' | ')')
            });
            // Lists are split into names, and a date is held by the date field.
            let parts = body
                .split(['(', ')', '•', ';', ',', '·'])
                .flat_map(|p| p.split(" -"));
            for part in parts {
                let key = match_key(part);
                let is_the_date = cadre_domain::parse_french_date(part) == Some(m.date);
                assert!(
                    key.is_empty() || is_the_date || haystack.contains(&key),
                    "line {} lost: {part:?}\n(from {line:?})",
                    n + 1
                );
            }
        }
    }
}

/// Removes HTML tags and bookmarks, as the importer does.
fn regex_lite_strip(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut rest = s;
    if let Some(p) = rest.find("[bookmark:")
        && let Some(q) = rest[p..].find(']')
    {
        out.push_str(&rest[..p]);
        rest = &rest[p + q + 1..];
    }
    for c in rest.chars() {
        match c {
            '<' => depth += 1,
            '>' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

fn titles(m: &NewMeeting) -> Vec<&str> {
    m.agenda.iter().map(|a| a.title.as_str()).collect()
}

fn has_warning(m: &NewMeeting, field: &str, words: &[&str]) -> bool {
    m.warnings
        .iter()
        .any(|w| w.field == field && words.iter().all(|x| w.message.contains(x)))
}

#[test]
fn seed_000_national_gtm_minutes() {
    let (m, text) = read("000");
    assert_eq!(m.body, NewBody::gtm("Niamey"));
    assert!(
        !has_warning(&m, "body", &[]),
        "the place names the DGECM-R: no guess"
    );
    assert_eq!(m.kind, MeetingKind::WorkingGroupMinutes);
    assert!(
        m.title
            .starts_with("Compte-rendu de la réunion du Groupe de Technique sur la Migration")
    );
    assert_eq!(m.date, d(2023, 2, 16));
    assert_eq!((m.start_time, m.end_time), (t(9, 15), t(11, 0)));
    assert_eq!(m.place.as_deref(), Some("Salle de réunion DGECM-R"));
    assert_eq!(m.modality, Modality::InPerson);
    assert_eq!(m.attendance.len(), 13, "{:?}", m.attendance);
    let orgs: Vec<&str> = m
        .attendance
        .iter()
        .map(|a| a.organisation.as_str())
        .collect();
    assert!(orgs.contains(&"Forum-Réfugiés"));
    assert!(orgs.contains(&"ONU Femmes"));
    assert!(orgs.contains(&"Ministère de l'Intérieur et de la Décentralisation (MI/D)"));

    assert_eq!(m.agenda.len(), 6, "{:?}", titles(&m));
    let opening = &m.agenda[0];
    assert_eq!((opening.number, opening.title.as_str()), (0, "Ouverture"));
    assert_eq!(opening.presenter.as_deref(), Some("SP/CCM"));
    let numbers: Vec<u32> = m.agenda.iter().map(|a| a.number).collect();
    assert_eq!(numbers, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(m.agenda[1].presenter.as_deref(), Some("Nexus"));
    assert_eq!(m.agenda[4].title, "Divers");

    let points: Vec<_> = m.action_points().collect();
    assert_eq!(points.len(), 2, "{points:?}");
    let crd = &m.agenda[2].action_points;
    assert_eq!(crd.len(), 1);
    assert_eq!(crd[0].what, "Partage de la fiche d'orientation de la CRD");
    assert_eq!(crd[0].responsible, vec!["Croix Rouge Danoise"]);
    assert_eq!(crd[0].deadline.as_written, "/");
    assert_eq!(crd[0].deadline.meaning, DeadlineMeaning::None);
    let synth = &m.agenda[3].action_points;
    assert_eq!(synth[0].what, "Partage de la synthèse des recommandations");
    assert_eq!(synth[0].responsible, vec!["SP/CCM"]);

    let next = m.next_meeting.as_ref().expect("next meeting");
    assert_eq!(next.date, Some(d(2023, 3, 16)));
    assert_eq!(next.time, t(9, 30));

    // The title repeated at the top of each page is not discussion.
    for item in &m.agenda {
        assert!(
            !item.discussion.contains("Compte-rendu de la réunion"),
            "{}",
            item.title
        );
    }
    assert!(m.agenda[1].discussion.contains("Résultat1"));
    assert!(
        m.agenda[1]
            .discussion
            .contains("Les discussions ayant suivi")
    );
    assert_nothing_lost(&m, &text);
}

#[test]
fn seed_001_virtual_meeting_with_one_cell_per_line() {
    let (m, text) = read("001");
    assert_eq!(m.body, NewBody::gtm("Niamey"));
    assert!(has_warning(&m, "body", &["assumed"]), "{:?}", m.warnings);
    assert_eq!(m.date, d(2021, 1, 28));
    assert_eq!((m.start_time, m.end_time), (t(9, 30), t(11, 20)));
    assert_eq!(m.place.as_deref(), Some("Virtuelle (skype)"));
    assert_eq!(m.modality, Modality::Virtual);
    assert_eq!(m.attendance.len(), 10, "{:?}", m.attendance);
    assert_eq!(
        m.attendance[0].organisation,
        "Ministère de l'Intérieur (MI)"
    );
    assert_eq!(m.attendance[5].organisation, "GIZ/APM");
    assert_eq!(m.agenda.len(), 5, "{:?}", titles(&m));
    assert_eq!(m.agenda[1].presenter.as_deref(), Some("ONUFemmes"));

    let points: Vec<_> = m.action_points().collect();
    assert_eq!(points.len(), 2, "{points:?}");
    let contact = &m.agenda[1].action_points[0];
    assert_eq!(
        contact.what,
        "Prise de contact pour des échanges bilatéraux"
    );
    assert!(contact.responsible.is_empty());
    assert_eq!(contact.deadline.meaning, DeadlineMeaning::None);
    let divers = m
        .agenda
        .iter()
        .find(|a| a.title == "Divers")
        .expect("Divers");
    assert_eq!(divers.number, 4);
    assert_eq!(divers.action_points.len(), 1);
    assert_eq!(
        divers.action_points[0].what,
        "Prise de contact avec OCHA pour la création du pont GTM-HNO-HRP"
    );
    assert_eq!(
        divers.action_points[0].responsible,
        vec!["SP/CCM", "DRC/MMC"]
    );
    assert!(divers.discussion.contains("HNO-HRP"));

    // Numbered lines inside a discussion are not sections.
    let recap = &m.agenda[0];
    assert!(
        recap
            .discussion
            .contains("I. La rencontre virtuelle du 16 Avril 2020")
    );
    assert!(
        recap
            .discussion
            .contains("Présentation sur les flux migratoires")
    );
    assert!(!m.agenda.iter().any(|a| a.title.contains("bookmark")));

    assert_eq!(
        m.next_meeting.as_ref().and_then(|n| n.date),
        Some(d(2021, 3, 4))
    );
    assert_nothing_lost(&m, &text);
}

#[test]
fn seed_002_session_report() {
    let (m, text) = read("002");
    assert_eq!(m.kind, MeetingKind::SessionReport);
    assert_eq!(m.body, NewBody::ccm());
    assert_eq!(
        m.title,
        "Rapport de la réunion préparatoire du Cadre de Concertation sur la Migration"
    );
    assert_eq!(m.date, d(2021, 7, 23));
    assert_eq!(m.start_time, t(10, 15));
    let place = m.place.as_deref().expect("place");
    assert!(
        place.contains("Soleils d'Afrique") && place.contains("Niamey"),
        "{place}"
    );

    // 78 participants: 67 for an organisation, 11 by their function (drivers, guards, the
    // moderator, a division head), each with their name and contacts.
    assert_eq!(m.attendance.len(), 67);
    assert_eq!(m.function_attendees.len(), 11);
    assert!(
        m.function_attendees
            .iter()
            .all(|f| f.person_name.is_some() && f.phone.is_some()
                || f.function == "Chauffeur Tillaberi"),
        "{:?}",
        m.function_attendees
    );
    assert!(
        m.attendance
            .iter()
            .all(|a| !a.organisation.starts_with("Chauffeur"))
    );
    assert!(
        m.attendance
            .iter()
            .any(|a| a.organisation == "SG/CR/Zinder"),
        "a function held in an organisation stands for it, as written"
    );
    let first = &m.attendance[0];
    assert_eq!(first.person_name.as_deref(), Some("Rabiou Nafiou"));
    assert_eq!(first.organisation, "MI/D");
    assert_eq!(first.phone.as_deref(), Some("96972539"));
    assert_eq!(first.email.as_deref(), Some("Rabnaf52@gmail.com"));
    assert!(m.attendance.iter().all(|a| a.person_name.is_some()));
    let no_email = m.attendance.iter().filter(|a| a.email.is_none()).count()
        + m.function_attendees
            .iter()
            .filter(|f| f.email.is_none())
            .count();
    assert!(no_email >= 8, "{no_email}");
    assert!(m.attendance.iter().all(|a| a.phone.is_some()));
    let no_phone: Vec<_> = m
        .function_attendees
        .iter()
        .filter(|f| f.phone.is_none())
        .collect();
    assert_eq!(no_phone.len(), 1);
    assert_eq!(no_phone[0].function, "Chauffeur Tillaberi");

    let r2018: Vec<_> = m
        .recommendations
        .iter()
        .filter(|r| r.roadmap == "2018")
        .collect();
    let r2021: Vec<_> = m
        .recommendations
        .iter()
        .filter(|r| r.roadmap == "2021")
        .collect();
    assert_eq!(r2018.len(), 20);
    assert_eq!(r2021.len(), 61);
    for rs in [&r2018, &r2021] {
        let positions: Vec<u32> = rs.iter().map(|r| r.position).collect();
        assert_eq!(positions, (1..=rs.len() as u32).collect::<Vec<_>>());
        for r in rs.iter() {
            assert_eq!(
                r.thematic_group.is_some(),
                r.scope == RecommendationScope::Specific,
                "{r:?}"
            );
        }
    }
    assert!(r2018.iter().all(|r| r.implementation_status.is_some()));
    assert!(
        r2018
            .iter()
            .all(|r| r.challenges.is_none() && r.perspectives.is_none())
    );
    assert_eq!(
        r2018
            .iter()
            .filter(|r| r.scope == RecommendationScope::General)
            .count(),
        7
    );
    assert_eq!(
        r2021
            .iter()
            .filter(|r| r.scope == RecommendationScope::General)
            .count(),
        4
    );
    let groups = |rs: &[&cadre_domain::NewRecommendation], g: &str| {
        rs.iter()
            .filter(|r| r.thematic_group.as_deref() == Some(g))
            .count()
    };
    assert_eq!(groups(&r2021, "Migration irrégulière"), 11);
    assert_eq!(groups(&r2021, "Protection"), 8);
    assert_eq!(groups(&r2021, "Economie alternative"), 16);
    assert_eq!(groups(&r2021, "Gouvernance et coordination"), 22);
    assert!(r2021.iter().filter(|r| r.challenges.is_some()).count() > 40);
    assert!(r2021.iter().all(|r| r.implementation_status.is_none()));

    // A row broken by a page break is one recommendation.
    let charter = r2018
        .iter()
        .find(|r| {
            r.text
                .starts_with("Contribuer à la mise en œuvre de la Charte")
        })
        .unwrap();
    assert!(
        charter
            .text
            .ends_with("(exercice de leur Rôle et responsabilité)"),
        "{}",
        charter.text
    );
    let law = r2018
        .iter()
        .find(|r| r.text.starts_with("Veiller à disposer") && r.thematic_group.is_some())
        .unwrap();
    assert!(law.text.contains("normes internationales"), "{}", law.text);
    assert_eq!(
        law.implementation_status
            .as_deref()
            .map(|s| s.lines().count()),
        Some(2)
    );
    let asylum = r2021
        .iter()
        .find(|r| {
            r.text
                .starts_with("Assurer le suivi régulier du programme ETM")
        })
        .unwrap();
    assert!(
        asylum
            .perspectives
            .as_deref()
            .unwrap()
            .contains("Révision de la loi sur l'asile")
    );
    // A sentence cut by a page break goes back to the row it belongs to.
    let borders = r2021
        .iter()
        .find(|r| r.text == "Renforcer la gestion des frontières")
        .unwrap();
    assert!(
        borders
            .perspectives
            .as_deref()
            .unwrap()
            .ends_with("pour le partage de l'information;")
    );
    let corruption = r2021
        .iter()
        .find(|r| r.text.starts_with("Lutter efficacement"))
        .unwrap();
    assert_eq!(corruption.challenges, None);
    assert!(
        corruption
            .perspectives
            .as_deref()
            .unwrap()
            .starts_with("Mise en œuvre effective")
    );
    // HTML pasted into cells becomes one bullet per line.
    let first = &r2018[0];
    let status = first.implementation_status.as_deref().unwrap();
    assert!(!status.contains('<'), "{status}");
    assert!(status.lines().all(|l| l.starts_with("• ")), "{status}");

    assert_eq!(m.agenda.len(), 5, "{:?}", titles(&m));
    assert!(
        m.agenda[1]
            .title
            .contains("Politique Nationale de la Migration")
    );
    assert!(m.action_points().next().is_none());
    assert_nothing_lost(&m, &text);
}

#[test]
fn seed_004_regional_gtm_inferred() {
    let (m, text) = read("004");
    assert_eq!(m.body, NewBody::gtm("Tahoua"));
    assert!(
        has_warning(&m, "body", &["inferred", "Tahoua"]),
        "{:?}",
        m.warnings
    );
    assert!(
        m.title.contains("Tahoua") && m.title.contains("17 mai 2022"),
        "{}",
        m.title
    );
    assert_eq!(m.date, d(2022, 5, 17));
    assert_eq!((m.start_time, m.end_time), (t(9, 0), t(11, 0)));
    assert_eq!(
        m.place.as_deref(),
        Some("Salle de réunion du conseil régional")
    );
    assert_eq!(m.attendance.len(), 8, "{:?}", m.attendance);
    assert_eq!(m.agenda.len(), 5, "{:?}", titles(&m));
    let points: Vec<_> = m.action_points().collect();
    assert_eq!(points.len(), 1, "{points:?}");
    assert_eq!(points[0].what, "Choix des axes pour la région de Tahoua");
    assert_eq!(points[0].responsible, vec!["DRECM/R"]);
    assert_eq!(
        points[0].deadline.meaning,
        DeadlineMeaning::AsSoonAsPossible
    );
    assert_eq!(m.agenda[2].action_points.len(), 1);
    assert_eq!(m.rapporteur.as_deref(), Some("Le DRECM/R"));
    assert_nothing_lost(&m, &text);
}

#[test]
fn body_given_by_the_user_wins() {
    let (name, bytes) = seed("001");
    let options = ReadOptions {
        body: Some(NewBody::gtm("Zinder")),
        ..ReadOptions::default()
    };
    let m = read_document(&name, &bytes, &options).unwrap().meeting;
    assert_eq!(m.body, NewBody::gtm("Zinder"));
    assert!(!has_warning(&m, "body", &[]));
}

#[test]
fn the_source_document_is_kept() {
    let (name, bytes) = seed("000");
    let m = read_document(&name, &bytes, &ReadOptions::default())
        .unwrap()
        .meeting;
    let src = m.source.expect("source");
    assert_eq!(src.file_name, name);
    assert_eq!(src.media_type, "text/plain");
    assert_eq!(src.content, bytes);
    assert_eq!(src.sha256, cadre_ingest::sha256_hex(&bytes));
}

#[test]
fn crlf_bom_and_markdown_read_the_same() {
    for p in ["000", "001", "004"] {
        let (name, bytes) = seed(p);
        let plain = read_document(&name, &bytes, &ReadOptions::default())
            .unwrap()
            .meeting;
        let text = String::from_utf8(bytes).unwrap().replace('\n', "\r\n");
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend(text.as_bytes());
        let other = read_document("x.md", &with_bom, &ReadOptions::default())
            .unwrap()
            .meeting;
        assert_eq!(other.source.as_ref().unwrap().media_type, "text/markdown");
        assert_eq!(
            (plain.date, &plain.agenda, &plain.attendance),
            (other.date, &other.agenda, &other.attendance)
        );
    }
}

/// Minutes whose next meeting is announced for a month only keep the month.
#[test]
fn a_next_meeting_announced_for_a_month_is_kept_as_a_month() {
    let text = "Compte-rendu de la réunion du GTM Zinder\n\nDate\t12 décembre 2023\nLieu\tGouvernorat\n\n\
Points inscrits à l'ordre du jour\n\n1- Divers ;\n2- Coordination prochaines étapes.\n\n\
1. Divers\n\nPoints de discussion clés\n\nRien à signaler.\n\n\
2. Coordination prochaines étapes\n\nPoints de discussion clés\n\n\
La prochaine réunion est prévue pour le mois de janvier.\n";
    let m = read_document("cr.txt", text.as_bytes(), &ReadOptions::default())
        .unwrap()
        .meeting;
    let next = m.next_meeting.expect("next meeting");
    assert_eq!(next.date, None);
    assert_eq!(next.month, cadre_domain::MonthOfYear::new(2024, 1));
    assert!(next.as_written.contains("mois de janvier"));
}

/// Minutes written in markdown: the header and action points in pipe tables.
#[test]
fn markdown_pipe_tables_are_tables() {
    let text = "# Compte-rendu de la réunion du GTM Tahoua\n\n\
| Date | 17/05/2022 |\n|---|---|\n| Heure | 9H00-11H00 |\n| Lieu | Salle du conseil régional |\n\n\
Points inscrits à l'ordre du jour\n\n1- Tendances migratoires ;\n2- Divers.\n\n\
1. Tendances migratoires\n\nPoints de discussion clés\n\nLes flux vers Agadez augmentent.\n\n\
| Points d'action | Personnes/agences responsables | Date limite |\n|---|---|---|\n\
| Partager les données de suivi des flux | OIM, DRECM-R | mars 2022 |\n\
| Organiser une mission conjointe | HCR | Le plus tôt possible |\n\n\
2. Divers\n\nPoints de discussion clés\n\nRien à signaler.\n";
    let m = read_document("cr.md", text.as_bytes(), &ReadOptions::default())
        .unwrap()
        .meeting;
    assert_eq!(m.date, d(2022, 5, 17));
    assert_eq!(m.start_time, t(9, 0));
    assert_eq!(m.place.as_deref(), Some("Salle du conseil régional"));
    let points: Vec<_> = m.agenda.iter().flat_map(|i| &i.action_points).collect();
    assert_eq!(points.len(), 2, "{:#?}", m.agenda);
    assert_eq!(points[0].what, "Partager les données de suivi des flux");
    assert_eq!(points[0].responsible, ["OIM", "DRECM-R"]);
    assert!(matches!(
        points[0].deadline.meaning,
        DeadlineMeaning::Month {
            year: 2022,
            month: 3
        }
    ));
    assert_eq!(points[1].responsible, ["HCR"]);
    assert_eq!(
        points[1].deadline.meaning,
        DeadlineMeaning::AsSoonAsPossible
    );
}
