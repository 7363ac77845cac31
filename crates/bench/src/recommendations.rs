//! `cadre-bench recommendations-data DATABASE_URL [RECOMMENDATIONS] [REPORTS_EACH]`: fills a
//! database for the recommendations tracker's benchmark (bench/recommendations.sh): session
//! reports of the CCM and of regional CRCMs over fifteen years, 50 recommendations each, every
//! one with responsible organisations, a PNM place, Global Compact objectives and
//! `REPORTS_EACH` implementation reports. Published, so that the public pages show them.
//! Prints how long each part took.

use std::time::Instant;

use anyhow::Context;
use cadre_domain::{
    Actor, GcmObjectiveNumber, MeetingKind, NewBody, NewMeeting, NewRecommendation, PnmCode,
    REGIONS, RecommendationScope, RecommendationStatus,
};
use cadre_storage::recommendations::alignment::NewAlignment;
use cadre_storage::recommendations::follow_up::ImplementationReport;
use cadre_storage::{RecommendationFilter, Store, Transition};
use chrono::NaiveDate;
use rand::{Rng, SeedableRng};

const PER_SESSION: usize = 50;

const VERBS: [&str; 8] = [
    "Renforcer",
    "Mettre en place",
    "Appuyer",
    "Harmoniser",
    "Vulgariser",
    "Doter",
    "Former",
    "Sensibiliser",
];
const OBJECTS: [&str; 10] = [
    "les capacités des forces de défense et de sécurité",
    "le mécanisme de référencement des migrants vulnérables",
    "les centres d'accueil des enfants non accompagnés",
    "la collecte des données sur la migration",
    "les cadres régionaux de concertation",
    "les activités génératrices de revenus des jeunes",
    "la législation sur le trafic illicite de migrants",
    "les services déconcentrés de l'état civil",
    "la coordination entre partenaires techniques et financiers",
    "les communautés d'accueil des zones de transit",
];
const PLACES: [&str; 6] = [
    "à Agadez",
    "dans les régions de transit",
    "aux frontières",
    "au niveau national",
    "dans les communes d'Arlit et de Tchirozérine",
    "avec l'appui des PTF",
];
const GROUPS: [&str; 4] = [
    "Migration irrégulière",
    "Protection",
    "Économie alternative",
    "Gouvernance et coordination",
];
const ORGANISATIONS: [&str; 8] = [
    "OIM",
    "HCR",
    "UNICEF",
    "SP/CCM",
    "DGECM-R",
    "ANLTP-TIM",
    "Croix-Rouge nigérienne",
    "GIZ",
];

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let url = args.first().context(
        "usage: cadre-bench recommendations-data DATABASE_URL [RECOMMENDATIONS] [REPORTS_EACH]",
    )?;
    let total: usize = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(5_000);
    let reports_each: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(10);
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(fill(url, total, reports_each))
}

async fn fill(url: &str, total: usize, reports_each: usize) -> anyhow::Result<()> {
    let store = Store::connect(url).await?;
    let by = Actor::command_line("bench");
    let mut rng = rand::rngs::SmallRng::seed_from_u64(12);
    let sessions = total.div_ceil(PER_SESSION);
    let t = Instant::now();
    let mut meetings = Vec::new();
    for s in 0..sessions {
        let year = 2011 + (s % 15) as i32;
        let (body, title) = if s % 3 == 0 {
            (NewBody::ccm(), format!("Rapport de la session {s} du CCM"))
        } else {
            let region = REGIONS[s % REGIONS.len()];
            (
                NewBody::crcm(region),
                format!("Rapport de la session {s} du CRCM de {region}"),
            )
        };
        let date = NaiveDate::from_ymd_opt(year, 1 + (s % 12) as u32, 1 + (s % 27) as u32)
            .context("a date")?;
        let mut m = NewMeeting::new(body, MeetingKind::SessionReport, &title, date);
        let count = PER_SESSION.min(total - s * PER_SESSION);
        m.recommendations = (0..count)
            .map(|i| NewRecommendation {
                roadmap: year.to_string(),
                position: (i + 1) as u32,
                text: format!(
                    "{} {} {}.",
                    VERBS[rng.random_range(0..VERBS.len())],
                    OBJECTS[rng.random_range(0..OBJECTS.len())],
                    PLACES[rng.random_range(0..PLACES.len())]
                ),
                scope: if i < 5 {
                    RecommendationScope::General
                } else {
                    RecommendationScope::Specific
                },
                thematic_group: (i >= 5).then(|| GROUPS[i % GROUPS.len()].to_owned()),
                implementation_status: None,
                challenges: Some("Mobilisation des ressources".into()),
                perspectives: Some("Plaidoyer auprès des partenaires".into()),
                pnm: None,
            })
            .collect();
        let id = store.meetings().import(&m, &by).await?.meeting_id();
        meetings.push(id);
    }
    for t in [Transition::Validate, Transition::Publish] {
        store
            .meetings()
            .transition(&meetings, t, &by, chrono::Utc::now())
            .await?;
    }
    println!(
        "{} session reports, {total} recommendations imported and published in {:.1} s",
        meetings.len(),
        t.elapsed().as_secs_f64()
    );

    let orgs = store
        .organisations()
        .list(cadre_domain::Audience::Internal)
        .await?;
    let known: Vec<_> = ORGANISATIONS
        .iter()
        .filter_map(|name| {
            orgs.iter()
                .find(|o| {
                    o.organisation.acronym.as_deref() == Some(*name) || o.organisation.name == *name
                })
                .map(|o| o.organisation.id)
        })
        .collect();
    let ids: Vec<_> = store
        .recommendations()
        .list(&RecommendationFilter {
            audience: cadre_domain::Audience::Internal,
            ..Default::default()
        })
        .await?
        .items
        .into_iter()
        .map(|r| (r.id, r.meeting_date))
        .collect();
    let codes = PnmCode::all();
    let t = Instant::now();
    let mut reports = 0;
    for (n, (id, adopted)) in ids.iter().enumerate() {
        let mut version = store
            .recommendations()
            .get(*id)
            .await?
            .context("a recommendation")?
            .version;
        if !known.is_empty() {
            let ties = NewAlignment {
                responsible: vec![known[n % known.len()]],
                partners: vec![known[(n + 3) % known.len()]],
                pnm: Some(codes[n % codes.len()]),
                objectives: (0..2)
                    .filter_map(|k| GcmObjectiveNumber::new(1 + ((n * 7 + k * 5) % 23) as u8))
                    .collect(),
                target_date: None,
                target_text: Some("fin de la feuille de route".into()),
            };
            version = store
                .recommendations()
                .align(*id, version, &ties, &by, chrono::Utc::now())
                .await?
                .version;
        }
        let start = adopted.unwrap_or(NaiveDate::from_ymd_opt(2015, 1, 1).context("a date")?);
        for k in 0..reports_each {
            let status =
                RecommendationStatus::ALL[rng.random_range(0..RecommendationStatus::ALL.len())];
            let report = ImplementationReport {
                status,
                done: format!(
                    "Rapport {k} : activités menées avec les services techniques et les partenaires."
                ),
                challenges: Some("Insuffisance des financements".into()),
                perspectives: (k % 2 == 0).then(|| "Poursuivre le plaidoyer".to_owned()),
                reported_on: start + chrono::Duration::days(30 * (k as i64 + 1)),
            };
            version = store
                .recommendations()
                .report(*id, version, &report, &by, chrono::Utc::now())
                .await?
                .version;
            reports += 1;
        }
    }
    println!(
        "{} recommendations aligned and {reports} implementation reports recorded in {:.1} s",
        ids.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
