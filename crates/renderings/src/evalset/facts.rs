//! What the generated minutes talk about: facts of the seeds and of DOMAIN.md (bodies, places,
//! organisations, topics), written in the evaluation set's own words.

use chrono::{Datelike, NaiveDate};

/// A region's GTM and the rooms it meets in.
pub(super) struct Region {
    pub name: &'static str,
    /// How "de {region}" is written: "d'Agadez", "de Tahoua".
    pub of: &'static str,
    pub places: &'static [&'static str],
}

pub(super) const REGIONS: &[Region] = &[
    Region {
        name: "Niamey",
        of: "de Niamey",
        places: &[
            "Salle de réunion DGECM-R",
            "Salle de conférence de la Direction Générale de l'Etat Civil",
            "Salle de réunion du SP/CCM",
        ],
    },
    Region {
        name: "Agadez",
        of: "d'Agadez",
        places: &[
            "Salle de réunion de la DRECM-R d'Agadez",
            "Salle de réunion du Gouvernorat d'Agadez",
            "Salle de conférence du Conseil Régional d'Agadez",
        ],
    },
    Region {
        name: "Tahoua",
        of: "de Tahoua",
        places: &[
            "Salle de réunion INS Tahoua",
            "Salle de réunion du conseil régional de Tahoua",
            "Salle de réunion de la DRECM-R de Tahoua",
        ],
    },
    Region {
        name: "Zinder",
        of: "de Zinder",
        places: &[
            "Salle de réunion du Gouvernorat de Zinder",
            "Salle de réunion de la DRECM-R Zinder",
            "Centre d'accueil des victimes de traite de Zinder",
        ],
    },
    Region {
        name: "Dosso",
        of: "de Dosso",
        places: &[
            "Salle de réunion de la DRECM-R de Dosso",
            "Salle du Conseil Régional de Dosso",
        ],
    },
    Region {
        name: "Diffa",
        of: "de Diffa",
        places: &["Salle de réunion du Gouvernorat de Diffa"],
    },
];

/// Rooms of online meetings.
pub(super) const ONLINE: &[&str] = &[
    "Virtuelle (Zoom)",
    "En ligne via Microsoft Teams",
    "Visioconférence (Skype)",
];

/// Organisations as minutes write them in attendance lists.
pub(super) const ATTENDANCE: &[&str] = &[
    "Ministère de l'Intérieur et de la Décentralisation (MI/D)",
    "Secrétariat Permanent du Cadre de Concertation Migration (SP/CCM)",
    "Direction des Migrations",
    "Institut National de la Statistique (INS)",
    "OIM",
    "HCR",
    "UNICEF",
    "ONU Femmes",
    "UNFPA",
    "PNUD",
    "CICR",
    "Croix Rouge Danoise",
    "Croix-Rouge Nigérienne",
    "Danish Refugee Council (DRC)",
    "Délégation de l'Union Européenne",
    "GIZ",
    "Coopération italienne",
    "ANLTP/TIM",
    "CNDH",
    "Re.Mi",
    "Forum Réfugiés",
    "CIAUD",
    "Oxfam",
    "Arc-en-Ciel",
    "COOPI",
    "Save the Children",
    "Plan International",
    "Alternative Espaces Citoyens",
    "Association des Régions du Niger (ARENI)",
    "EUCAP Sahel Niger",
];

/// The regional units that sit in a region's own GTM.
pub(super) fn regional_attendance(region: &str) -> Vec<String> {
    if region == "Niamey" {
        return vec!["DGECM-R".into()];
    }
    let mut units = vec![
        format!("DRECM-R/{region}"),
        "Conseil Régional".into(),
        format!("Direction Régionale de la Promotion de la Femme de {region}"),
    ];
    if region == "Dosso" {
        units.push("DDECM-R/Dosso".into());
    }
    units
}

/// An agenda topic: its title, who presents it, and what was said.
pub(super) struct Topic {
    pub title: &'static str,
    pub presenter: Option<&'static str>,
    pub discussion: &'static [&'static str],
}

pub(super) const TOPICS: &[Topic] = &[
    Topic {
        title: "Présentation du projet Re.Mi financé par la Coopération italienne",
        presenter: Some("Nexus"),
        discussion: &[
            "Le projet couvre trente-six mois et vise à réduire les risques des migrations dangereuses.",
            "Les participants ont demandé comment éviter que les guichets prévus dupliquent les services existants.",
        ],
    },
    Topic {
        title: "Activités de la Croix Rouge Danoise dans le domaine de la migration",
        presenter: Some("CRD"),
        discussion: &[
            "La CRD intervient à Niamey, Tillabéri et Zinder dans la protection, la résilience et la cohésion sociale.",
            "Elle a mis en place une fiche d'orientation pour que les migrants accèdent mieux à ses services.",
        ],
    },
    Topic {
        title: "Synthèse des recommandations des CRCM d'Agadez et de Zinder",
        presenter: Some("SP/CCM"),
        discussion: &[
            "Les premières sessions des cadres régionaux se sont tenues en janvier et février avec l'appui de l'OIM.",
            "Les échanges ont porté sur les migrants internes, les enfants en mobilité et le rôle des collectivités.",
        ],
    },
    Topic {
        title: "Point sur les tendances migratoires observées aux points de suivi des flux",
        presenter: Some("OIM"),
        discussion: &[
            "Les points de suivi des flux d'Arlit et de Séguédine enregistrent une hausse des flux sortants.",
            "Les données sont désagrégées par sexe, âge et nationalité.",
        ],
    },
    Topic {
        title: "Présentation du programme Making Migration Safe for Women",
        presenter: Some("ONU Femmes"),
        discussion: &[
            "Le programme couvre tout le pays de décembre 2019 à décembre 2022.",
            "Il cible les autorités, les organisations de femmes et les femmes migrantes.",
        ],
    },
    Topic {
        title: "Etat de mise en œuvre de la Politique Nationale de Migration",
        presenter: Some("Direction des Migrations"),
        discussion: &[
            "La revue annuelle a commencé par la formation des agents de collecte.",
            "La collecte des données se fera auprès de l'ensemble des partenaires.",
        ],
    },
    Topic {
        title: "Situation des migrants expulsés à la frontière près d'Assamaka",
        presenter: Some("HCR"),
        discussion: &[
            "Les arrivées de ressortissants de pays tiers se poursuivent et les capacités d'accueil sont dépassées.",
            "Les partenaires ont souligné les besoins en eau, en abris et en soins.",
        ],
    },
    Topic {
        title: "Présentation du centre d'accueil des victimes de traite de Zinder",
        presenter: Some("ANLTP/TIM"),
        discussion: &[
            "Le centre a accueilli plusieurs centaines de victimes depuis son ouverture et dispose de quarante lits.",
            "Les femmes et les filles représentent la majorité des personnes accueillies.",
        ],
    },
    Topic {
        title: "Collecte et transmission des données migratoires par les directions régionales",
        presenter: Some("INS"),
        discussion: &[
            "Les directions régionales transmettront chaque mois les données de leurs postes.",
            "L'INS propose un canevas unique de collecte désagrégé par sexe et par âge.",
        ],
    },
    Topic {
        title: "Retours volontaires assistés depuis la Libye et l'Algérie",
        presenter: Some("OIM"),
        discussion: &[
            "Les convois de retournés arrivent à Agadez avant l'acheminement vers les régions d'origine.",
        ],
    },
    Topic {
        title: "Protection des enfants en mobilité",
        presenter: Some("UNICEF"),
        discussion: &[
            "Les enfants non accompagnés sont orientés vers les services de protection de l'enfance.",
            "Un mécanisme de référencement commun est en cours d'élaboration.",
        ],
    },
    Topic {
        title: "Lecture et adoption du compte rendu de la réunion précédente",
        presenter: None,
        discussion: &[
            "Le compte rendu a été adopté sous réserve de la prise en compte des observations des participants.",
        ],
    },
    Topic {
        title: "Suivi des points d'action de la dernière réunion",
        presenter: Some("SP/CCM"),
        discussion: &[
            "La plupart des points d'action ont été réalisés ; les autres sont reconduits.",
        ],
    },
    Topic {
        title: "Cartographie des services offerts aux migrants dans la région",
        presenter: Some("DRC"),
        discussion: &[
            "La cartographie recense les services de santé, d'abri, d'aide juridique et de retour.",
        ],
    },
];

pub(super) const DIVERS_DISCUSSION: &[&str] = &[
    "En divers, les participants ont rappelé que le suivi des recommandations relève du SP/CCM.",
    "Aucun point n'a été soulevé en divers.",
    "Un partenaire a annoncé la tenue prochaine d'un atelier sur la migration interne.",
];

/// Things to do, as written in the first column of an action table.
pub(super) const ACTIONS: &[&str] = &[
    "Partager la fiche d'orientation avec les membres du GTM",
    "Transmettre la synthèse des recommandations aux partenaires",
    "Organiser une rencontre bilatérale entre le projet et la Croix Rouge",
    "Mettre à jour la cartographie des services aux migrants",
    "Désigner un point focal chargé des données dans chaque structure",
    "Organiser l'atelier de validation des données migratoires",
    "Partager la présentation avec l'ensemble des participants",
    "Choisir les axes de la politique retenus pour la région",
    "Elaborer un plan de réponse pour les expulsés d'Assamaka",
    "Transmettre les données mensuelles à l'INS",
    "Renforcer la sensibilisation des migrants sur les services disponibles",
    "Inviter les collectivités territoriales à la prochaine réunion",
    "Proposer un canevas commun de collecte des données",
    "Faire le point sur les cas de traite référés au centre",
];

/// Who is responsible, as written in the second column.
pub(super) const RESPONSIBLE: &[&[&str]] = &[
    &["SP/CCM"],
    &["OIM"],
    &["Croix Rouge Danoise"],
    &["SP/CCM", "OIM"],
    &["DRECM-R"],
    &["INS", "DRECM-R"],
    &["SP/CCM", "DRECM-R", "Partenaires"],
    &["HCR", "UNICEF"],
    &["ANLTP/TIM"],
    &["Tous les participants"],
    &["ONU Femmes"],
    &["Direction des Migrations"],
];

/// Bodies outside the GTM family whose minutes use the same template, and the region where
/// each meets.
pub(super) const OTHER_BODIES: &[(&str, &str)] = &[
    ("Sous-Cluster Protection de Tahoua", "Tahoua"),
    (
        "Groupe de Travail Protection de l'Enfance de Zinder",
        "Zinder",
    ),
    (
        "Cadre de Concertation des Acteurs Humanitaires de Diffa",
        "Diffa",
    ),
    ("Sous-Groupe Mixed Migration d'Agadez", "Agadez"),
];

pub(super) const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

pub(super) fn weekday(date: NaiveDate) -> &'static str {
    WEEKDAYS[date.weekday().num_days_from_monday() as usize]
}

pub(super) fn month(date: NaiveDate) -> &'static str {
    cadre_domain::dates::MONTHS_FR[date.month0() as usize]
}
