//! The "état de mise en œuvre" sheet: every recommendation a filter keeps, with its
//! responsible organisations, its PNM place, its Global Compact objectives and its latest
//! report standing, read in four queries whatever the number of rows.

use std::collections::HashMap;

use cadre_domain::{PnmCode, Recommendation};
use chrono::NaiveDate;

use super::{RecommendationFilter, Recommendations, conditions};
use crate::Result;
use crate::statement::Statement;

/// The latest report standing of a recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestReport {
    pub reported_on: NaiveDate,
    pub done: String,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
}

/// One row of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub recommendation: Recommendation,
    /// Responsible organisations, by acronym (else name), in their order.
    pub responsible: Vec<String>,
    pub pnm: Option<PnmCode>,
    pub objectives: Vec<u8>,
    pub latest: Option<LatestReport>,
}

impl Recommendations<'_> {
    /// The sheet of the recommendations `filter` keeps, in the list's order and paging.
    pub async fn sheet(self, filter: &RecommendationFilter) -> Result<Vec<SheetRow>> {
        let list = self.list(filter).await?.items;
        let w = conditions(filter);
        let ids = format!("(SELECT r.id FROM recommendations r{})", w.sql);
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        let orgs: Vec<(i64, String)> = link
            .fetch_all(
                Statement::built(format!(
                    "SELECT ro.recommendation_id, COALESCE(o.acronym, o.name) FROM recommendation_organisations ro \
                     JOIN organisations o ON o.id = ro.organisation_id \
                     WHERE ro.role = 'responsible' AND ro.recommendation_id IN {ids} \
                     ORDER BY ro.recommendation_id, ro.position"
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let pnm: Vec<(i64, Option<String>)> = link
            .fetch_all(
                Statement::built(format!(
                    "SELECT r.id, r.pnm_code FROM recommendations r{} AND r.pnm_code IS NOT NULL",
                    if w.sql.is_empty() {
                        " WHERE TRUE".to_owned()
                    } else {
                        w.sql.clone()
                    }
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let objectives: Vec<(i64, i64)> = link
            .fetch_all(
                Statement::built(format!(
                    "SELECT recommendation_id, objective FROM recommendation_objectives \
                     WHERE recommendation_id IN {ids} ORDER BY recommendation_id, objective"
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let reports: Vec<(i64, NaiveDate, String, Option<String>, Option<String>)> = link
            .fetch_all(
                Statement::built(format!(
                    "SELECT recommendation_id, reported_on, done, challenges, perspectives \
                     FROM recommendation_reports WHERE withdrawn = FALSE AND recommendation_id IN {ids} \
                     ORDER BY recommendation_id, reported_on, id"
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let mut responsible: HashMap<i64, Vec<String>> = HashMap::new();
        for (id, name) in orgs {
            responsible.entry(id).or_default().push(name);
        }
        let pnm: HashMap<i64, PnmCode> = pnm
            .into_iter()
            .filter_map(|(id, code)| Some((id, PnmCode::parse(code.as_deref()?)?)))
            .collect();
        let mut objective_map: HashMap<i64, Vec<u8>> = HashMap::new();
        for (id, o) in objectives {
            if let Ok(o) = u8::try_from(o) {
                objective_map.entry(id).or_default().push(o);
            }
        }
        // Ordered by day then entry: the last one seen is the latest standing.
        let mut latest: HashMap<i64, LatestReport> = HashMap::new();
        for (id, reported_on, done, challenges, perspectives) in reports {
            latest.insert(
                id,
                LatestReport {
                    reported_on,
                    done,
                    challenges,
                    perspectives,
                },
            );
        }
        Ok(list
            .into_iter()
            .map(|r| {
                let id = r.id.get();
                SheetRow {
                    responsible: responsible.remove(&id).unwrap_or_default(),
                    pnm: pnm.get(&id).copied(),
                    objectives: objective_map.remove(&id).unwrap_or_default(),
                    latest: latest.remove(&id),
                    recommendation: r,
                }
            })
            .collect())
    }
}
