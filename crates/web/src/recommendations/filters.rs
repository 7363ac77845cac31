//! The filters shared by the recommendations list, the roadmap matrix and the exports:
//! session, roadmap, thematic group, PNM axis or sub-programme, Global Compact objective,
//! organisation, status and how long without progress. Read from the query string once, with
//! a 400 naming a bad parameter; shown as one form.

use cadre_domain::recommendation::THEMATIC_GROUPS;
use cadre_domain::{Audience, GcmObjectiveNumber, PnmCode, RecommendationStatus};
use cadre_storage::{RecommendationFilter, StatusFilter};
use chrono::Months;
use serde::Deserialize;

use crate::AppState;
use crate::error::WebError;
use crate::params;
use crate::view::Choice;

/// The "without progress for" choices, in years.
const STALLED_YEARS: [u32; 4] = [1, 2, 3, 5];

#[derive(Deserialize, Default, Clone)]
pub struct FilterQuery {
    pub session: Option<String>,
    pub roadmap: Option<String>,
    pub thematic_group: Option<String>,
    pub pnm: Option<String>,
    pub objective: Option<String>,
    pub organisation: Option<String>,
    pub status: Option<String>,
    /// Years without progress.
    pub stalled: Option<String>,
    pub page: Option<String>,
}

/// The filter as read, and the parameters that say it again (for links).
pub struct Filters {
    pub filter: RecommendationFilter,
    pub stalled_years: Option<u32>,
    pub pairs: Vec<(&'static str, String)>,
}

impl Filters {
    pub fn any(&self) -> bool {
        self.pairs.iter().any(|(_, v)| !v.is_empty())
    }

    /// The query string of these filters for links, `replacing` put in place of the filters of
    /// the same names (a matrix cell's row and column, a report line's axis).
    pub fn query(&self, replacing: &[(&str, String)]) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self
            .pairs
            .iter()
            .filter(|(k, _)| !replacing.iter().any(|(r, _)| r == k))
            .map(|(k, v)| (*k, v))
            .chain(replacing.iter().map(|(k, v)| (*k, v)))
        {
            if !v.is_empty() {
                out.append_pair(k, v);
            }
        }
        out.finish()
    }

    /// The list of the recommendations these filters keep, with `replacing`.
    pub fn list_link(&self, replacing: &[(&str, String)]) -> String {
        format!("/recommendations?{}", self.query(replacing))
    }
}

impl FilterQuery {
    pub fn read(&self, audience: Audience, today: chrono::NaiveDate) -> Result<Filters, WebError> {
        let session = params::id("session", &self.session)?;
        let roadmap = params::text("roadmap", &self.roadmap)?;
        let thematic_group = params::text("thematic_group", &self.thematic_group)?;
        let pnm = params::pnm("pnm", &self.pnm)?;
        let objective = params::objective("objective", &self.objective)?;
        let organisation = params::id("organisation", &self.organisation)?;
        let status = params::recommendation_status("status", &self.status)?;
        let stalled_years = params::years("stalled", &self.stalled)?;
        let stalled_since =
            stalled_years.and_then(|n| today.checked_sub_months(Months::new(12 * n)));
        let pairs = vec![
            (
                "session",
                session
                    .map(|s: cadre_domain::SessionId| s.to_string())
                    .unwrap_or_default(),
            ),
            ("roadmap", roadmap.clone().unwrap_or_default()),
            ("thematic_group", thematic_group.clone().unwrap_or_default()),
            ("pnm", pnm.map(|p| p.to_string()).unwrap_or_default()),
            (
                "objective",
                objective.map(|o| o.get().to_string()).unwrap_or_default(),
            ),
            (
                "organisation",
                organisation
                    .map(|o: cadre_domain::OrganisationId| o.to_string())
                    .unwrap_or_default(),
            ),
            (
                "status",
                params::given(&self.status).unwrap_or_default().to_owned(),
            ),
            (
                "stalled",
                stalled_years.map(|n| n.to_string()).unwrap_or_default(),
            ),
        ];
        Ok(Filters {
            filter: RecommendationFilter {
                session,
                roadmap,
                thematic_group,
                pnm,
                objective,
                organisation,
                status,
                stalled_since,
                audience,
                ..RecommendationFilter::default()
            },
            stalled_years,
            pairs,
        })
    }
}

/// The filter form, each choice marked as chosen or not.
pub struct FilterForm {
    pub sessions: Vec<Choice>,
    pub roadmap: String,
    pub groups: Vec<Choice>,
    pub pnm: Vec<Choice>,
    pub objectives: Vec<Choice>,
    pub organisations: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub stalled: Vec<Choice>,
    pub any: bool,
}

pub async fn form(state: &AppState, f: &Filters) -> Result<FilterForm, WebError> {
    let db = state.store.recommendations();
    let (sessions, organisations) =
        tokio::try_join!(db.sessions(f.filter.audience), db.organisations())?;
    let filter = &f.filter;
    let lang = crate::language::current();
    Ok(FilterForm {
        sessions: sessions
            .iter()
            .map(|s| Choice {
                value: s.id.to_string(),
                label: match (s.date, s.year) {
                    (Some(d), _) => {
                        format!("{} – {} ({})", s.body, s.title, cadre_i18n::date(lang, d))
                    }
                    (None, Some(y)) => format!("{} – {} ({y})", s.body, s.title),
                    (None, None) => format!("{} – {}", s.body, s.title),
                },
                selected: filter.session == Some(s.id),
            })
            .collect(),
        roadmap: filter.roadmap.clone().unwrap_or_default(),
        groups: THEMATIC_GROUPS
            .iter()
            .map(|g| Choice {
                value: (*g).to_owned(),
                label: (*g).to_owned(),
                selected: filter.thematic_group.as_deref() == Some(*g),
            })
            .collect(),
        pnm: PnmCode::all()
            .into_iter()
            .map(|c| Choice {
                value: c.to_string(),
                label: super::show::pnm_label(c),
                selected: filter.pnm == Some(c),
            })
            .collect(),
        objectives: GcmObjectiveNumber::all()
            .map(|n| Choice {
                value: n.get().to_string(),
                label: super::show::objective_label(n),
                selected: filter.objective == Some(n),
            })
            .collect(),
        organisations: organisations
            .iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: o.short().to_owned(),
                selected: filter.organisation == Some(o.id),
            })
            .collect(),
        statuses: std::iter::once(Choice {
            value: "none".into(),
            label: crate::language::t("rec-unreported").to_owned(),
            selected: filter.status == Some(StatusFilter::Unreported),
        })
        .chain(RecommendationStatus::ALL.iter().map(|s| Choice {
            value: s.as_str().to_owned(),
            label: crate::language::label("recommendation-status", s.as_str()).to_owned(),
            selected: filter.status == Some(StatusFilter::Is(*s)),
        }))
        .collect(),
        stalled: STALLED_YEARS
            .iter()
            .map(|n| Choice {
                value: n.to_string(),
                label: cadre_i18n::tf(lang, "rec-stalled-years", &[("n", i64::from(*n).into())]),
                selected: f.stalled_years == Some(*n),
            })
            .collect(),
        any: f.any(),
    })
}
