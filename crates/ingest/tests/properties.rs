//! Properties over generated input: the reader never panics, and what `render_canevas` writes
//! reads back into the same meeting.

use cadre_domain::{
    ActionStatus, Deadline, MeetingKind, Modality, NewActionPoint, NewAgendaItem, NewAttendee,
    NewBody, NewMeeting, NextMeeting,
};
use cadre_ingest::{ReadOptions, read_document, render_canevas};
use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;

/// Pieces of real canevas structure, so that random documents reach deep into the parser.
const FRAGMENTS: &[&str] = &[
    "Compte-rendu de la réunion du GTM",
    "Date\t16 février 2023",
    "\tDate",
    "\t28 Janvier 2021",
    "Heure\t9H15-11H00",
    "Time",
    "Lieu\tSalle de réunion DGECM-R",
    "Lieu\tVirtuelle (skype)",
    "Présence\t-CICR -ONU Femmes ; -Forum-Réfugiés",
    "· OIM",
    "Points inscrits à l'ordre du jour",
    "- Ouverture (SP/CCM) ;",
    "- 1- Présentation (Nexus) ;",
    "II. Présentation (OIM)",
    "3.Présentation des axes : Points de discussion clés",
    "1. Divers",
    "Points de discussion clés",
    "Points d'action\tPersonnes/agences responsables\tDate limite",
    "\tPoints d'action",
    "\tPersonne/Agence Responsable",
    "\tDate limite",
    "N/A\t\t",
    "\t//////",
    "\t",
    "Choix des axes pour la\tDRECM/R\tLe plus tôt possible",
    "région de Tahoua\t\t",
    "---\t----\t---",
    "Prochaine réunion prévue pour le 4 Mars 2021",
    "Coordination prochaines étapes",
    "Le DRECM/R",
    "",
    "**Rapport de la réunion préparatoire du Cadre de",
    "Concertation sur la Migration,**",
    "Niamey, le 23 juillet 2021",
    "1. Cérémonie d'ouverture",
    "Enfin, il a rappelé les points inscrits à l'ordre du jour :",
    "- Présentation de la Politique Nationale de la Migration ;",
    "Recommandation 2018\tEta de mise en œuvre",
    "Recommandation 2021\tDéfis\tPerspectives",
    "Recommandations d'ordre général\t",
    "GRUPE THEMATIQUE: PROTECTION\t\t",
    "Veiller à la loi\t<ul style=\"list-style-type: none\"> • A ; • B",
    "novembre 2018 par les CT\t",
    "\t\tpermanent en vue",
    "Liste de présence",
    "N°\tNom & Prénoms\tInstitution\tNuméro de téléphone\tE-mail",
    "1\tRabiou Nafiou\tMI/D\t96972539\tx@y.ne",
    "70\tTchemogo\tChauffeur\t\t",
    "Fait à Niamey, le 03 août 2021",
    "é’\u{a0}\r",
    "[bookmark: _Hlk1]",
    "(",
    ")",
    "-",
    "•",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let _ = read_document("x.txt", &bytes, &ReadOptions::default());
    }

    #[test]
    fn never_panics_on_text(text in "\\PC{0,2000}") {
        let _ = read_document("x.md", text.as_bytes(), &ReadOptions::default());
    }

    #[test]
    fn never_panics_on_canevas_pieces(
        pieces in proptest::collection::vec(
            (proptest::sample::select(FRAGMENTS), proptest::sample::select(&["\n", "\n", "\t", "\r\n", "\n\n", " "][..])),
            0..80,
        )
    ) {
        let text: String = pieces.iter().map(|(p, sep)| format!("{p}{sep}")).collect();
        if let Ok(ingested) = read_document("x.txt", text.as_bytes(), &ReadOptions::default()) {
            let m = ingested.meeting;
            // Whatever was read can be written and read again.
            let again = render_canevas(&m);
            let _ = read_document("y.txt", again.as_bytes(), &ReadOptions::default());
        }
    }
}

const RESERVED: &[&str] = &[
    "date",
    "heure",
    "time",
    "lieu",
    "presence",
    "points",
    "action",
    "divers",
    "place",
    "agenda",
    "participants",
    "horaire",
    "etapes",
    "prochaine",
    "prochaines",
    "rapport",
    "session",
];

fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,8}".prop_filter("reserved", |w| {
        !RESERVED.contains(&w.as_str()) && !cadre_domain::dates::means_none(w)
    })
}

fn capitalised(words: Vec<String>) -> String {
    let mut s = words.join(" ");
    if let Some(first) = s.get(0..1) {
        let upper = first.to_uppercase();
        s.replace_range(0..1, &upper);
    }
    s
}

fn phrase(min: usize, max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), min..=max).prop_map(capitalised)
}

fn acronym() -> impl Strategy<Value = String> {
    // "NA", "ND", "RAS" mean "none" in a cell, whatever their case.
    "[A-Z]{2,5}(/[A-Z]{2,4})?".prop_filter("means none", |a| !cadre_domain::dates::means_none(a))
}

fn action_point() -> impl Strategy<Value = NewActionPoint> {
    (
        phrase(2, 5),
        proptest::collection::vec(acronym(), 0..3),
        proptest::sample::select(
            &[
                "",
                "/",
                "2023",
                "mars 2024",
                "Le plus tôt possible",
                "16/03/2023",
            ][..],
        ),
    )
        .prop_map(|(what, responsible, deadline)| NewActionPoint {
            what,
            responsible,
            deadline: if deadline.is_empty() {
                Deadline::none()
            } else {
                Deadline::parse(deadline)
            },
            status: ActionStatus::Open,
        })
}

fn agenda_item() -> impl Strategy<Value = NewAgendaItem> {
    (
        phrase(2, 6),
        proptest::option::of(acronym()),
        proptest::collection::vec(phrase(3, 10), 0..4),
        proptest::collection::vec(action_point(), 0..3),
    )
        .prop_map(
            |(title, presenter, discussion, action_points)| NewAgendaItem {
                number: 0,
                title,
                presenter,
                discussion: discussion.join("\n"),
                action_points,
            },
        )
}

fn time() -> impl Strategy<Value = NaiveTime> {
    (7u32..18, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2040, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

prop_compose! {
    fn meeting()(
        title in phrase(3, 8),
        date in date(),
        times in proptest::option::of((time(), proptest::option::of(time()))),
        place in proptest::option::of(phrase(2, 5)),
        attendance in proptest::collection::vec(phrase(1, 3), 0..7),
        mut agenda in proptest::collection::vec(agenda_item(), 1..6),
        opening in any::<bool>(),
        next_steps_item in any::<bool>(),
        next in proptest::option::of((date(), proptest::option::of(time()))),
        rapporteur in proptest::option::of(acronym().prop_map(|a| format!("Le {a}"))),
    ) -> NewMeeting {
        if next_steps_item {
            agenda.push(NewAgendaItem {
                number: 0,
                title: "Coordination prochaines étapes".into(),
                presenter: None,
                discussion: String::new(),
                action_points: Vec::new(),
            });
        }
        // An unnumbered item is the opening only before numbered ones: alone, it is item 1.
        let opening = opening && agenda.len() > 1;
        for (k, item) in agenda.iter_mut().enumerate() {
            item.number = if opening { k as u32 } else { k as u32 + 1 };
        }
        NewMeeting {
            body: NewBody::gtm("Niamey"),
            kind: MeetingKind::WorkingGroupMinutes,
            title,
            date,
            start_time: times.map(|t| t.0),
            end_time: times.and_then(|t| t.1),
            place,
            modality: Modality::InPerson,
            attendance: attendance.into_iter().map(NewAttendee::organisation).collect(),
            function_attendees: Vec::new(),
            agenda,
            next_meeting: next.map(|(d, t)| NextMeeting { as_written: String::new(), date: Some(d), time: t, month: None }),
            rapporteur,
            recommendations: Vec::new(),
            annexed_session: None,
            warnings: Vec::new(),
            findings: Vec::new(),
            source: None,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn render_then_read_gives_the_meeting_back(m in meeting()) {
        // A paragraph that repeats the title word for word is read as the running title of a
        // printed page, which it is in real minutes.
        let title_key = cadre_domain::text::match_key(&m.title);
        prop_assume!(m.agenda.iter().all(|a| a.discussion.lines().all(|l| cadre_domain::text::match_key(l) != title_key)));
        let text = render_canevas(&m);
        let back = read_document("rendered.txt", text.as_bytes(), &ReadOptions::default())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?
            .meeting;
        prop_assert_eq!(&back.title, &m.title, "{}", text);
        prop_assert_eq!(back.date, m.date);
        prop_assert_eq!((back.start_time, back.end_time), (m.start_time, m.end_time), "{}", text);
        prop_assert_eq!(&back.place, &m.place);
        let orgs = |m: &NewMeeting| m.attendance.iter().map(|a| a.organisation.clone()).collect::<Vec<_>>();
        prop_assert_eq!(orgs(&back), orgs(&m), "{}", text);
        let items = |m: &NewMeeting| m.agenda.iter().map(|a| (a.number, a.title.clone(), a.presenter.clone())).collect::<Vec<_>>();
        prop_assert_eq!(items(&back), items(&m), "{}", text);
        let points = |m: &NewMeeting| m.agenda.iter().map(|a| a.action_points.iter().map(|p| (p.what.clone(), p.responsible.clone(), p.deadline.as_written.clone())).collect::<Vec<_>>()).collect::<Vec<_>>();
        prop_assert_eq!(points(&back), points(&m), "{}", text);
        for (a, b) in back.agenda.iter().zip(&m.agenda) {
            if !b.discussion.is_empty() {
                prop_assert!(a.discussion.contains(&b.discussion), "{:?} vs {:?}\n{}", a.discussion, b.discussion, text);
            }
        }
        prop_assert_eq!(back.next_meeting.and_then(|n| n.date), m.next_meeting.and_then(|n| n.date), "{}", text);
        prop_assert_eq!(&back.rapporteur, &m.rapporteur, "{}", text);
        let unplaced: Vec<_> = back.warnings.iter().filter(|w| w.field == "unplaced_text").collect();
        prop_assert!(unplaced.is_empty(), "{:?}\n{}", unplaced, text);
    }
}
