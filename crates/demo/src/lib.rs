//! Generated sample data for `cadre demo` and the benchmarks: bodies meeting month after month,
//! agendas, action points in every status and with every kind of deadline, session reports with
//! recommendations. Every sentence here is written by this project; none comes from real minutes.

use cadre_domain::{
    ActionStatus, Deadline, MeetingKind, Modality, NewActionPoint, NewAgendaItem, NewAttendee,
    NewBody, NewMeeting, NewRecommendation, NextMeeting, RecommendationScope,
    dates::{MONTHS_FR, format_date_fr},
    recommendation::THEMATIC_GROUPS,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use rand::{Rng, SeedableRng, rngs::SmallRng, seq::IndexedRandom};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    /// The day the data is "as of": meetings are before it, next meetings and deadlines around it.
    pub today: NaiveDate,
    /// How many meetings; the default two years of monthly meetings is about a hundred.
    pub meetings: usize,
    pub seed: u64,
}

impl DemoOptions {
    pub fn two_years(today: NaiveDate) -> Self {
        DemoOptions {
            today,
            meetings: 0,
            seed: 2023,
        }
    }
}

/// The bodies that meet in the demo: four GTMs monthly, three CRCMs and the CCM yearly.
pub fn demo_bodies() -> Vec<NewBody> {
    vec![
        NewBody::gtm("Niamey"),
        NewBody::gtm("Agadez"),
        NewBody::gtm("Tahoua"),
        NewBody::gtm("Zinder"),
        NewBody::crcm("Agadez"),
        NewBody::crcm("Zinder"),
        NewBody::crcm("Tahoua"),
        NewBody::ccm(),
    ]
}

const GTM_MEMBERS: &[&str] = &[
    "SP/CCM",
    "MI/D",
    "Direction des Migrations",
    "OIM",
    "HCR",
    "UNICEF",
    "ONU Femmes",
    "UNFPA",
    "CICR",
    "CRN",
    "Croix Rouge Danoise",
    "DRC/MMC",
    "D.U.E",
    "GIZ",
    "Coopération Suisse",
    "ANLTP/TIM",
    "INS",
    "PNUD",
    "BIT",
    "ONUDC",
];
const REGIONAL_MEMBERS: &[&str] = &[
    "DRECM-R",
    "Conseil Régional",
    "OIM",
    "HCR",
    "CRN",
    "UNICEF",
    "INS",
    "DRC",
    "ANLTP/TIM",
    "ONG Tafriyt",
    "Association Jeunesse Solidaire",
];

const PRESENTATIONS: &[(&str, &str)] = &[
    (
        "Tendances des flux migratoires observés aux points de suivi",
        "OIM",
    ),
    (
        "Situation des migrants refoulés arrivés à la frontière",
        "OIM",
    ),
    (
        "Bilan de l'assistance aux victimes de traite accueillies au centre",
        "ANLTP/TIM",
    ),
    ("Activités de protection de l'enfance en mobilité", "UNICEF"),
    (
        "Programme d'appui à la réintégration des migrants de retour",
        "GIZ",
    ),
    (
        "Services de santé et d'appui psychosocial offerts aux migrants",
        "CRN",
    ),
    (
        "Cartographie des acteurs intervenant dans la région",
        "SP/CCM",
    ),
    (
        "État de mise en œuvre du plan d'action de la PNM",
        "Direction des Migrations",
    ),
    (
        "Collecte et transmission des données migratoires à l'INS",
        "INS",
    ),
    (
        "Accès à la documentation et à l'état civil des migrants",
        "HCR",
    ),
    (
        "Autonomisation économique des femmes migrantes",
        "ONU Femmes",
    ),
    ("Protection des migrants en transit dans le désert", "CICR"),
    (
        "Suivi des recommandations de la dernière session du CRCM",
        "SP/CCM",
    ),
    (
        "Mécanisme national de référencement des migrants vulnérables",
        "DRC/MMC",
    ),
];

const DISCUSSIONS: &[&str] = &[
    "Les participants ont salué la qualité de la présentation et demandé des données désagrégées par sexe et par âge.",
    "La nécessité de mieux coordonner les distributions de vivres et de non-vivres a été soulignée.",
    "Plusieurs partenaires interviennent sur les mêmes sites : un partage régulier des plans d'activités est souhaité.",
    "Les délais de transmission des données des régions vers le niveau central restent longs.",
    "Le manque de places d'hébergement pour les enfants non accompagnés a été relevé.",
    "Les collectivités territoriales souhaitent être associées à la planification des interventions.",
    "La fiche d'orientation commune doit être diffusée à tous les points de contact.",
    "Un appui en carburant pour les missions de suivi sur les axes migratoires a été demandé.",
    "Les partenaires sont invités à aligner leurs projets sur les axes de la politique nationale.",
    "La question de la prise en charge médicale des migrants blessés a été discutée.",
];

const ACTIONS: &[&str] = &[
    "Partager la présentation avec les membres du groupe",
    "Transmettre les données trimestrielles désagrégées",
    "Mettre à jour la cartographie des services aux migrants",
    "Organiser une mission conjointe de suivi sur l'axe nord",
    "Diffuser la fiche d'orientation aux partenaires de terrain",
    "Préparer une note sur les besoins en hébergement",
    "Inviter les collectivités à la prochaine réunion",
    "Proposer un canevas commun de collecte des données",
    "Faire le point sur les recommandations en suspens",
    "Identifier un point focal par structure pour le référencement",
    "Élaborer les termes de référence de l'atelier régional",
    "Consolider la liste des projets en cours par commune",
];

const PLACES: &[&str] = &[
    "Salle de réunion de la direction régionale",
    "Salle de conférence du gouvernorat",
    "Salle de réunion du conseil régional",
    "Bureau de l'OIM",
];

const RECOMMENDATIONS: &[&str] = &[
    "Renforcer la collecte de données migratoires désagrégées dans toutes les régions",
    "Mettre en place un cadre de concertation au niveau de chaque département",
    "Accroître les capacités d'accueil pour les enfants non accompagnés",
    "Vulgariser la politique nationale de la migration auprès des collectivités",
    "Former les forces de défense et de sécurité aux droits des migrants",
    "Appuyer les initiatives économiques des jeunes dans les zones de départ",
    "Harmoniser les outils de référencement entre partenaires",
    "Associer la diaspora au financement des projets de développement local",
];

/// Generates the demo meetings, oldest first.
pub fn generate(options: DemoOptions) -> Vec<NewMeeting> {
    let mut rng = SmallRng::seed_from_u64(options.seed);
    let bodies = demo_bodies();
    let gtms: Vec<&NewBody> = bodies
        .iter()
        .filter(|b| b.code.starts_with("gtm"))
        .collect();
    let mut meetings = Vec::new();

    if options.meetings == 0 {
        // Two years of monthly GTMs, a CRCM session per region and year, a CCM session per year.
        for months_back in (0..24).rev() {
            for (g, body) in gtms.iter().enumerate() {
                let date = monthly_date(options.today, months_back, 8 + 5 * g as u32);
                if date < options.today {
                    meetings.push(gtm_meeting(&mut rng, body, date, options.today));
                }
            }
        }
        for years_back in [1, 0] {
            for (i, body) in bodies
                .iter()
                .filter(|b| b.code.starts_with("crcm"))
                .enumerate()
            {
                let date = monthly_date(options.today, 12 * years_back + 2 + i as i32, 20);
                meetings.push(session(
                    &mut rng,
                    body,
                    MeetingKind::RegionalSession,
                    date,
                    options.today,
                ));
            }
            let date = monthly_date(options.today, 12 * years_back + 5, 15);
            meetings.push(session(
                &mut rng,
                &NewBody::ccm(),
                MeetingKind::SessionReport,
                date,
                options.today,
            ));
        }
    } else {
        // A large corpus for benchmarks: GTM minutes spread over about three years.
        let per_day = options.meetings.div_ceil(1100).max(1);
        for i in 0..options.meetings {
            let body = gtms[i % gtms.len()];
            let date = options.today - Duration::days(1 + (i / per_day) as i64);
            meetings.push(gtm_meeting(&mut rng, body, date, options.today));
        }
    }
    meetings.sort_by_key(|m| m.date);
    announce_next_meetings(&mut meetings, options.today);
    meetings
}

/// The `day` of the month `months_back` months before `today`'s month.
fn monthly_date(today: NaiveDate, months_back: i32, day: u32) -> NaiveDate {
    let index = today.year() * 12 + today.month0() as i32 - months_back;
    NaiveDate::from_ymd_opt(
        index.div_euclid(12),
        index.rem_euclid(12) as u32 + 1,
        day.min(28),
    )
    .expect("valid day")
}

fn pick<'a, R: Rng>(rng: &mut R, items: &'a [&'a str]) -> &'a str {
    items.choose(rng).copied().expect("non-empty list")
}

fn gtm_meeting<R: Rng>(
    rng: &mut R,
    body: &NewBody,
    date: NaiveDate,
    today: NaiveDate,
) -> NewMeeting {
    let region = body.region.clone().unwrap_or_default();
    let members: &[&str] = if region == "Niamey" {
        GTM_MEMBERS
    } else {
        REGIONAL_MEMBERS
    };
    let mut attendance: Vec<&str> = members.to_vec();
    while attendance.len() > 6 && rng.random_bool(0.4) {
        let i = rng.random_range(0..attendance.len());
        attendance.remove(i);
    }
    let mut agenda = vec![NewAgendaItem {
        number: 1,
        title: "Suivi des points d'action de la réunion précédente".into(),
        presenter: Some(
            if region == "Niamey" {
                "SP/CCM"
            } else {
                "DRECM-R"
            }
            .into(),
        ),
        discussion: pick(rng, DISCUSSIONS).into(),
        action_points: vec![],
    }];
    let presentations = rng.random_range(1..=3);
    for _ in 0..presentations {
        let (title, presenter) = *PRESENTATIONS.choose(rng).expect("presentations");
        let mut discussion = String::new();
        for _ in 0..rng.random_range(1..=3) {
            discussion.push_str("- ");
            discussion.push_str(pick(rng, DISCUSSIONS));
            discussion.push('\n');
        }
        let action_points = (0..rng.random_range(0..=2))
            .map(|_| action_point(rng, presenter, date, today))
            .collect();
        agenda.push(NewAgendaItem {
            number: agenda.len() as u32 + 1,
            title: title.into(),
            presenter: Some(presenter.into()),
            discussion: discussion.trim_end().into(),
            action_points,
        });
    }
    agenda.push(NewAgendaItem {
        number: agenda.len() as u32 + 1,
        title: "Divers".into(),
        presenter: None,
        discussion: pick(rng, DISCUSSIONS).into(),
        action_points: vec![],
    });
    agenda.push(NewAgendaItem {
        number: agenda.len() as u32 + 1,
        title: "Coordination prochaines étapes".into(),
        presenter: None,
        discussion: String::new(),
        action_points: vec![],
    });
    let start = NaiveTime::from_hms_opt(9, [0, 15, 30][rng.random_range(0..3)], 0).expect("time");
    let virtual_meeting = rng.random_bool(0.15);
    NewMeeting {
        body: body.clone(),
        kind: MeetingKind::WorkingGroupMinutes,
        title: format!(
            "Compte-rendu de la réunion du Groupe Technique sur la Migration – {region}"
        ),
        date,
        start_time: Some(start),
        end_time: Some(start + Duration::minutes(rng.random_range(90..=150))),
        place: Some(if virtual_meeting {
            "Visioconférence".to_owned()
        } else {
            pick(rng, PLACES).to_owned()
        }),
        modality: if virtual_meeting {
            Modality::Virtual
        } else {
            Modality::InPerson
        },
        attendance: attendance
            .into_iter()
            .map(NewAttendee::organisation)
            .collect(),
        function_attendees: vec![],
        agenda,
        next_meeting: None,
        rapporteur: Some("Le secrétariat du GTM".into()),
        recommendations: vec![],
        annexed_session: None,
        warnings: vec![],
        findings: vec![],
        source: None,
    }
}

/// An action point whose deadline and status are plausible for a meeting held on `date`:
/// old ones are mostly done or dropped, recent ones open or in progress, some overdue.
fn action_point<R: Rng>(
    rng: &mut R,
    presenter: &str,
    date: NaiveDate,
    today: NaiveDate,
) -> NewActionPoint {
    let due = date + Duration::days(rng.random_range(7..=60));
    let deadline = match rng.random_range(0..10) {
        0..=4 => Deadline::parse(&due.format("%d/%m/%Y").to_string()),
        5 => Deadline::parse(&format!(
            "{} {}",
            MONTHS_FR[due.month0() as usize],
            due.year()
        )),
        6 => Deadline::parse(&due.year().to_string()),
        7 => Deadline::parse("Le plus tôt possible"),
        8 => Deadline::parse("Avant la prochaine réunion"),
        _ => Deadline::parse("/"),
    };
    let age = (today - date).num_days();
    let status = match (age, rng.random_range(0..10)) {
        (a, r) if a > 120 && r < 7 => ActionStatus::Done,
        (a, r) if a > 120 && r < 9 => ActionStatus::Dropped,
        (_, r) if r < 3 => ActionStatus::InProgress,
        (a, r) if a > 45 && r < 6 => ActionStatus::Done,
        _ => ActionStatus::Open,
    };
    let mut responsible = vec![presenter.to_owned()];
    if rng.random_bool(0.3) {
        responsible.push("SP/CCM".into());
    }
    responsible.dedup();
    NewActionPoint {
        what: pick(rng, ACTIONS).into(),
        responsible,
        deadline,
        status,
    }
}

fn session<R: Rng>(
    rng: &mut R,
    body: &NewBody,
    kind: MeetingKind,
    date: NaiveDate,
    today: NaiveDate,
) -> NewMeeting {
    let mut meeting = gtm_meeting(rng, body, date, today);
    meeting.kind = kind;
    meeting.title = match kind {
        MeetingKind::SessionReport => format!(
            "Rapport de la session du Cadre de Concertation sur la Migration ({})",
            date.year()
        ),
        _ => format!("Rapport de la session du {} ({})", body.name, date.year()),
    };
    meeting.agenda.retain(|a| a.action_points.is_empty());
    meeting.recommendations = RECOMMENDATIONS
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let specific = i >= 3;
            NewRecommendation {
                roadmap: date.year().to_string(),
                position: i as u32 + 1,
                text: (*text).into(),
                scope: if specific {
                    RecommendationScope::Specific
                } else {
                    RecommendationScope::General
                },
                thematic_group: specific
                    .then(|| THEMATIC_GROUPS[i % THEMATIC_GROUPS.len()].to_owned()),
                implementation_status: None,
                challenges: Some(pick(rng, DISCUSSIONS).into()),
                perspectives: Some(pick(rng, ACTIONS).into()),
                pnm: None,
            }
        })
        .collect();
    meeting
}

/// Each meeting announces the next one of its body; the latest announces one after `today`.
fn announce_next_meetings(meetings: &mut [NewMeeting], today: NaiveDate) {
    for i in 0..meetings.len() {
        let code = meetings[i].body.code.clone();
        if meetings[i].kind != MeetingKind::WorkingGroupMinutes {
            continue;
        }
        let next = meetings[i + 1..]
            .iter()
            .find(|m| m.body.code == code)
            .map(|m| m.date);
        let date = next.unwrap_or_else(|| today + Duration::days(7 + (i % 21) as i64));
        let text = format!(
            "La prochaine réunion est prévue le {} à 9h30.",
            format_date_fr(date)
        );
        let meeting = &mut meetings[i];
        if let Some(last) = meeting.agenda.last_mut() {
            last.discussion = text.clone();
        }
        meeting.next_meeting = Some(NextMeeting::parse(&text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn two_years_of_meetings_with_every_status_and_deadline_kind() {
        let meetings = generate(DemoOptions::two_years(today()));
        assert!(meetings.len() >= 90, "{}", meetings.len());
        let first = meetings.iter().map(|m| m.date).min().unwrap();
        assert!((today() - first).num_days() > 600);
        assert!(meetings.iter().all(|m| m.date < today()));
        let actions: Vec<_> = meetings.iter().flat_map(|m| m.action_points()).collect();
        for status in ActionStatus::ALL {
            assert!(actions.iter().any(|a| a.status == status), "no {status:?}");
        }
        for kind in ["date", "month", "year", "as_soon_as_possible", "none"] {
            assert!(
                actions.iter().any(|a| a.deadline.meaning.kind() == kind),
                "no {kind}"
            );
        }
        let overdue = actions
            .iter()
            .filter(|a| a.status.is_pending() && a.deadline.due_by().is_some_and(|d| d < today()))
            .count();
        assert!(overdue > 0);
        assert!(meetings.iter().any(|m| !m.recommendations.is_empty()));
        // Every GTM's latest minutes announce a meeting still to come.
        for body in demo_bodies().iter().filter(|b| b.code.starts_with("gtm")) {
            let last = meetings
                .iter()
                .filter(|m| m.body.code == body.code)
                .last()
                .unwrap();
            assert!(last.next_meeting.as_ref().unwrap().date.unwrap() > today());
        }
    }

    #[test]
    fn large_corpora_have_the_requested_size_and_are_repeatable() {
        let options = DemoOptions {
            today: today(),
            meetings: 5000,
            seed: 7,
        };
        let a = generate(options);
        assert_eq!(a.len(), 5000);
        assert_eq!(a, generate(options));
    }
}
