//! The alignment report: per PNM axis or sub-programme and per Global Compact objective, how
//! many recommendations serve it and how many of them are implemented, over any filter of
//! the list. Objectives nobody works on are the ones this leaves out.

use cadre_domain::{GcmObjectiveNumber, PnmCode};

use super::{RecommendationFilter, Recommendations, conditions};
use crate::Result;
use crate::statement::Statement;

/// How many recommendations, and how many implemented.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Served {
    pub total: i64,
    pub implemented: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlignmentReport {
    /// By PNM code as set (an axis alone, or a sub-programme).
    pub pnm: Vec<(PnmCode, Served)>,
    /// Recommendations with no PNM place yet.
    pub without_pnm: Served,
    pub objectives: Vec<(GcmObjectiveNumber, Served)>,
    /// Recommendations with no Global Compact objective yet.
    pub without_objective: Served,
}

const IMPLEMENTED: &str =
    "COUNT(*) AS n, SUM(CASE WHEN r.status = 'implemented' THEN 1 ELSE 0 END) AS done";

impl Recommendations<'_> {
    pub async fn alignment_report(self, filter: &RecommendationFilter) -> Result<AlignmentReport> {
        let w = conditions(filter);
        let and = if w.sql.is_empty() { " WHERE" } else { " AND" };
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        let pnm: Vec<(Option<String>, i64, Option<i64>)> = link
            .fetch_all(
                Statement::built(format!(
                    "SELECT r.pnm_code, {IMPLEMENTED} FROM recommendations r{} GROUP BY r.pnm_code",
                    w.sql
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let objectives: Vec<(i64, i64, Option<i64>)> = link
            .fetch_all(
                Statement::built(format!(
                    "SELECT ro.objective, {IMPLEMENTED} FROM recommendation_objectives ro \
                     JOIN recommendations r ON r.id = ro.recommendation_id{} GROUP BY ro.objective",
                    w.sql
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let without_objective: (i64, Option<i64>) = link
            .fetch_one(
                Statement::built(format!(
                    "SELECT {IMPLEMENTED} FROM recommendations r{}{and} NOT EXISTS \
                     (SELECT 1 FROM recommendation_objectives ro WHERE ro.recommendation_id = r.id)",
                    w.sql
                ))
                .bind_all(w.params.iter().cloned()),
            )
            .await?;
        let mut report = AlignmentReport {
            without_objective: Served {
                total: without_objective.0,
                implemented: without_objective.1.unwrap_or(0),
            },
            ..AlignmentReport::default()
        };
        for (code, total, done) in pnm {
            let served = Served {
                total,
                implemented: done.unwrap_or(0),
            };
            match code.as_deref().and_then(PnmCode::parse) {
                Some(code) => report.pnm.push((code, served)),
                None => {
                    report.without_pnm.total += served.total;
                    report.without_pnm.implemented += served.implemented;
                }
            }
        }
        report.pnm.sort_by_key(|(c, _)| *c);
        for (objective, total, done) in objectives {
            if let Some(n) = u8::try_from(objective)
                .ok()
                .and_then(GcmObjectiveNumber::new)
            {
                report.objectives.push((
                    n,
                    Served {
                        total,
                        implemented: done.unwrap_or(0),
                    },
                ));
            }
        }
        report.objectives.sort_by_key(|(n, _)| n.get());
        Ok(report)
    }
}
