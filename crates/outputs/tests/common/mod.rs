//! Meetings written by hand, as the secretariat's minutes hold them: a GTM in Niamey with
//! three agenda items and action points of one to three responsible organisations, its
//! virtual variant, and a CCM session report with recommendations.

#![allow(dead_code)]

use std::io::Read as _;

use cadre_domain::meeting::OrganisationRef;
use cadre_domain::{
    ActionPoint, ActionPointId, ActionStatus, AgendaItem, AgendaItemId, Attendee, Body, BodyId,
    BodyLevel, Deadline, FunctionAttendee, Meeting, MeetingId, MeetingKind, MeetingStatus,
    Modality, NextMeeting, OrganisationId, Recommendation, RecommendationId, RecommendationScope,
};
use cadre_i18n::Lang;
use cadre_outputs::MinutesInput;
use chrono::{NaiveDate, NaiveTime};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub const TODAY: (i32, u32, u32) = (2026, 12, 15);

pub fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// (id, name, acronym)
const ORGS: [(i64, &str, Option<&str>); 9] = [
    (
        1,
        "Organisation internationale pour les migrations",
        Some("OIM"),
    ),
    (
        2,
        "Secrétariat permanent du Cadre de concertation sur la migration",
        Some("SP/CCM"),
    ),
    (3, "Croix-Rouge danoise", Some("CRD")),
    (4, "Délégation de l’Union européenne", Some("DUE")),
    (5, "ONU Femmes", None),
    (6, "Nexus Solidarietà Emilia Romagna", Some("Nexus")),
    (
        7,
        "Direction régionale de l’état civil, des migrations et des réfugiés d’Agadez",
        Some("DRECM-R Agadez"),
    ),
    (8, "Institut national de la statistique", Some("INS")),
    (
        9,
        "Haut-Commissariat des Nations unies pour les réfugiés",
        Some("HCR"),
    ),
];

pub fn org(id: i64) -> OrganisationRef {
    let (id, name, acronym) = ORGS.iter().find(|o| o.0 == id).unwrap();
    OrganisationRef {
        id: OrganisationId::new(*id),
        name: (*name).to_owned(),
        acronym: acronym.map(str::to_owned),
    }
}

fn attendee(id: i64, person: Option<&str>) -> Attendee {
    let o = org(id);
    Attendee {
        organisation_id: o.id,
        as_written: o.short().to_owned(),
        organisation: o.name,
        organisation_acronym: o.acronym,
        person_name: person.map(str::to_owned),
    }
}

/// What one expects of an action point once written and read back.
#[derive(Debug, Clone)]
pub struct Expected {
    pub what: &'static str,
    pub responsible_as_written: &'static str,
    pub deadline_as_written: &'static str,
}

/// The GTM's action points, by agenda item: what, responsible ids, as written, deadline,
/// status.
#[allow(clippy::type_complexity)]
const POINTS: [(u32, &str, &[i64], &str, &str, ActionStatus); 6] = [
    (
        1,
        "Partager la fiche d’orientation de la Croix-Rouge danoise avec tous les partenaires",
        &[3],
        "Croix-Rouge danoise",
        "Le plus tôt possible",
        ActionStatus::Open,
    ),
    (
        1,
        "Organiser une rencontre technique pour éviter la duplication des guichets d’information",
        &[6, 2],
        "Nexus, SP/CCM",
        "/",
        ActionStatus::InProgress,
    ),
    (
        2,
        "Partager la synthèse des recommandations des CRCM d’Agadez et de Zinder",
        &[2],
        "SP/CCM",
        "mars 2027",
        ActionStatus::Open,
    ),
    (
        2,
        "Transmettre à l’INS les données désagrégées (sexe, âge, nationalité) des points de suivi des flux",
        &[7, 8, 1],
        "DRECM-R Agadez, INS, OIM",
        "31 janvier 2027",
        ActionStatus::Open,
    ),
    (
        3,
        "Mettre à jour la cartographie des services aux migrants (santé, abri, appui psychosocial)",
        &[],
        "",
        "2027",
        ActionStatus::Open,
    ),
    (
        3,
        "Diffuser le calendrier de la revue annuelle de la PNM",
        &[2],
        "SP/CCM",
        "N/A",
        ActionStatus::Done,
    ),
];

pub fn expected_points() -> Vec<Expected> {
    POINTS
        .iter()
        .map(|p| Expected {
            what: p.1,
            responsible_as_written: p.3,
            deadline_as_written: p.4,
        })
        .collect()
}

pub fn body_gtm() -> Body {
    Body {
        id: BodyId::new(1),
        code: "gtm-niamey".into(),
        name: "GTM Niamey".into(),
        level: BodyLevel::National,
        region: Some("Niamey".into()),
    }
}

fn action_point(k: usize, meeting: MeetingId, date: NaiveDate, item: &AgendaItem) -> ActionPoint {
    let (_, what, resp, written, deadline, status) = POINTS[k];
    ActionPoint {
        id: ActionPointId::new(100 + k as i64),
        meeting_id: meeting,
        meeting_date: date,
        body: "GTM Niamey".into(),
        agenda_item_id: item.id,
        agenda_item_title: item.title.clone(),
        what: what.into(),
        responsible: resp.iter().map(|&id| org(id)).collect(),
        responsible_as_written: written.into(),
        deadline: Deadline::parse(deadline),
        status,
    }
}

pub const AGENDA: [(&str, &str); 3] = [
    (
        "Présentation du projet Re.Mi : réseaux pour une migration sûre",
        "Nexus",
    ),
    (
        "Synthèse des recommandations des CRCM d’Agadez et de Zinder",
        "SP/CCM",
    ),
    ("Divers", "DGECM-R"),
];

pub fn gtm() -> Meeting {
    let id = MeetingId::new(42);
    let date = d(2026, 12, 1);
    let discussions = [
        "Le projet Re.Mi est financé par la coopération italienne (AICS) et mis en œuvre par le consortium Nexus, l’USTN et leurs partenaires pour 36 mois.\n\
         Les échanges ont porté sur :\n\
         - la création de guichets d’information, pour éviter la duplication de l’existant ;\n\
         - la similitude des activités d’assistance sanitaire avec celles de la Croix-Rouge danoise « CRD ».",
        "Le SP/CCM a présenté la synthèse des recommandations des sessions des CRCM d’Agadez (26 janvier) et de Zinder (9 février).\n\
         - La situation des migrants internes et les flux migratoires à Assamaka ;\n\
         - la protection des enfants en mobilité à Agadez ;\n\
         - l’implication des collectivités territoriales — communes et régions — dans la gestion des migrations.",
        "La Directrice des migrations a présenté le processus de la revue annuelle de la PNM 2020–2035 : formation des agents de collecte, collecte auprès des partenaires, puis revue proprement dite.",
    ];
    let mut agenda: Vec<AgendaItem> = AGENDA
        .iter()
        .zip(discussions)
        .enumerate()
        .map(|(k, ((title, presenter), discussion))| AgendaItem {
            id: AgendaItemId::new(10 + k as i64),
            number: k as u32 + 1,
            title: (*title).into(),
            presenter: Some((*presenter).into()),
            discussion: discussion.into(),
            action_points: Vec::new(),
        })
        .collect();
    for (k, p) in POINTS.iter().enumerate() {
        let item = (p.0 - 1) as usize;
        let point = action_point(k, id, date, &agenda[item]);
        agenda[item].action_points.push(point);
    }
    Meeting {
        id,
        body: body_gtm(),
        kind: MeetingKind::WorkingGroupMinutes,
        title: "Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l’information".into(),
        date,
        start_time: Some(hm(9, 15)),
        end_time: Some(hm(11, 0)),
        place: Some("Salle de réunion de la DGECM-R, Niamey".into()),
        modality: Modality::InPerson,
        attendance: vec![
            attendee(2, Some("Mariama Abdou")),
            attendee(1, Some("Aïcha Moussa")),
            attendee(1, Some("Jean-François Côté")),
            attendee(3, None),
            attendee(4, None),
            attendee(5, None),
            attendee(6, None),
            attendee(9, None),
        ],
        function_attendees: vec![FunctionAttendee {
            function: "Modérateur".into(),
            person_name: Some("Ousmane Hamidou".into()),
        }],
        agenda,
        next_meeting: Some(NextMeeting {
            as_written: "le 14 janvier 2027 à 9h30".into(),
            date: Some(d(2027, 1, 14)),
            month: None,
            time: Some(hm(9, 30)),
        }),
        rapporteur: Some("Ibrahim Soumana".into()),
        status: MeetingStatus::Published,
        version: 1,
        warnings: Vec::new(),
        findings: Vec::new(),
        source: None,
    }
}

/// The same meeting, held on line.
pub fn gtm_virtual() -> Meeting {
    let mut m = gtm();
    m.modality = Modality::Virtual;
    m.place = Some("https://meet.example.org/gtm-niamey".into());
    m
}

/// The previous meeting's action points still pending.
pub fn previous_pending() -> Vec<ActionPoint> {
    let date = d(2026, 11, 3);
    let mk =
        |id: i64, what: &str, resp: &[i64], written: &str, deadline: &str, status| ActionPoint {
            id: ActionPointId::new(id),
            meeting_id: MeetingId::new(41),
            meeting_date: date,
            body: "GTM Niamey".into(),
            agenda_item_id: AgendaItemId::new(5),
            agenda_item_title: "Activités de la Croix-Rouge danoise".into(),
            what: what.into(),
            responsible: resp.iter().map(|&i| org(i)).collect(),
            responsible_as_written: written.into(),
            deadline: Deadline::parse(deadline),
            status,
        };
    vec![
        mk(
            90,
            "Partager la liste des points focaux « migration » des ministères",
            &[2],
            "SP/CCM",
            "Le plus tôt possible",
            ActionStatus::Open,
        ),
        mk(
            91,
            "Organiser l’atelier de validation du rapport sur les enfants en mobilité",
            &[1, 9],
            "OIM, HCR",
            "////",
            ActionStatus::InProgress,
        ),
    ]
}

pub fn gtm_points() -> Vec<ActionPoint> {
    gtm()
        .agenda
        .into_iter()
        .flat_map(|a| a.action_points)
        .collect()
}

pub fn session_report() -> (Meeting, Vec<Recommendation>) {
    let mut m = gtm();
    m.id = MeetingId::new(7);
    m.kind = MeetingKind::SessionReport;
    m.body = Body {
        id: BodyId::new(2),
        code: "ccm".into(),
        name: "CCM".into(),
        level: BodyLevel::National,
        region: None,
    };
    m.title = "Rapport de la 6e session du Cadre de concertation sur la migration".into();
    m.agenda.truncate(1);
    m.agenda[0].action_points.clear();
    let rec = |id: i64,
               roadmap: &str,
               position: u32,
               text: &str,
               scope,
               group: Option<&str>,
               status: Option<&str>,
               challenges: Option<&str>,
               perspectives: Option<&str>| Recommendation {
        id: RecommendationId::new(id),
        session_id: cadre_domain::SessionId::new(if roadmap == "2018" { 1 } else { 2 }),
        meeting_id: Some(m.id),
        body: "CCM".into(),
        meeting_date: Some(m.date),
        roadmap: roadmap.into(),
        position,
        text: text.into(),
        scope,
        thematic_group: group.map(str::to_owned),
        implementation_status: status.map(str::to_owned),
        challenges: challenges.map(str::to_owned),
        perspectives: perspectives.map(str::to_owned),
        status: None,
        status_date: None,
    };
    use RecommendationScope::{General, Specific};
    let recs = vec![
        rec(
            1,
            "2018",
            1,
            "Rendre opérationnel le Secrétariat permanent du CCM",
            General,
            None,
            Some("Réalisé : arrêté de nomination signé"),
            None,
            None,
        ),
        rec(
            2,
            "2018",
            2,
            "Tenir deux sessions ordinaires du CCM par an",
            General,
            None,
            Some("Partiellement réalisé"),
            None,
            None,
        ),
        rec(
            3,
            "2018",
            1,
            "Renforcer l’assistance aux victimes de la traite des personnes",
            Specific,
            Some("Protection"),
            Some("En cours"),
            None,
            None,
        ),
        rec(
            4,
            "2021",
            1,
            "Créer des pôles d’emploi pour les jeunes dans les zones de départ",
            Specific,
            Some("Economie alternative"),
            None,
            Some("Financement insuffisant"),
            Some("Mobiliser les PTF"),
        ),
        rec(
            5,
            "2021",
            1,
            "Renforcer le contrôle aux frontières dans le respect des droits des migrants",
            Specific,
            Some("Migration irrégulière"),
            None,
            Some("Étendue du territoire"),
            Some("Former les agents ; équiper les postes"),
        ),
    ];
    (m, recs)
}

pub fn input<'a>(
    meeting: &'a Meeting,
    recommendations: &'a [Recommendation],
    previous: &'a [ActionPoint],
    lang: Lang,
) -> MinutesInput<'a> {
    MinutesInput {
        meeting,
        recommendations,
        previous_pending: previous,
        lang,
        today: today(),
    }
}

/// The parts of a zip archive, by name.
pub fn zip_entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut content = String::new();
            file.read_to_string(&mut content).unwrap();
            (file.name().unwrap().into_owned(), content)
        })
        .collect()
}

pub fn part(bytes: &[u8], name: &str) -> String {
    zip_entries(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} missing"))
        .1
}
