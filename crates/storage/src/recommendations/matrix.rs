//! The roadmap as a matrix: how many recommendations each thematic group (or PNM axis, for
//! CRCM roadmaps grouped by axis) has in each status, over any filter of the list.

use cadre_domain::{PnmCode, RecommendationScope, RecommendationStatus};

use super::{RecommendationFilter, Recommendations, conditions};
use crate::Result;
use crate::statement::Statement;
use crate::stored::parse_stored;

/// The row a recommendation counts in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatrixRow {
    /// General recommendations with no thematic group.
    General,
    ThematicGroup(String),
    /// Specific ones grouped by PNM axis (CRCM roadmaps).
    PnmAxis(u8),
    /// Specific ones with neither.
    Unclassified,
}

/// One cell: `n` recommendations of `row` in `status` (none: no report has given one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    pub row: MatrixRow,
    pub status: Option<RecommendationStatus>,
    pub n: i64,
}

impl MatrixRow {
    fn of(
        scope: RecommendationScope,
        thematic_group: Option<String>,
        pnm: Option<PnmCode>,
    ) -> MatrixRow {
        match (thematic_group, pnm, scope) {
            (Some(g), _, _) => MatrixRow::ThematicGroup(g),
            (None, _, RecommendationScope::General) => MatrixRow::General,
            (None, Some(p), _) => MatrixRow::PnmAxis(p.axis),
            (None, None, _) => MatrixRow::Unclassified,
        }
    }
}

impl Recommendations<'_> {
    /// The matrix of the recommendations `filter` keeps (its paging ignored), cells merged
    /// by row and status, rows in order (general, groups by name, axes, unclassified).
    pub async fn matrix(self, filter: &RecommendationFilter) -> Result<Vec<MatrixCell>> {
        let w = conditions(filter);
        let sql = format!(
            "SELECT r.scope, r.thematic_group, r.pnm_code, r.status, COUNT(*) AS n FROM recommendations r{} \
             GROUP BY r.scope, r.thematic_group, r.pnm_code, r.status",
            w.sql
        );
        // Remembered until the change log moves: every write to a recommendation records one.
        let change = self.0.changes().latest().await?;
        let key = format!("{sql}\n{:?}", w.params);
        if let Some(cells) = self.0.matrices.get(&key, change) {
            return Ok(cells);
        }
        let mut conn = self.0.conn().await?;
        let rows: Vec<(String, Option<String>, Option<String>, Option<String>, i64)> = conn
            .link()
            .fetch_all(Statement::built(sql).bind_all(w.params))
            .await?;
        let mut cells: std::collections::BTreeMap<(MatrixRow, Option<RecommendationStatus>), i64> =
            std::collections::BTreeMap::new();
        for (scope, group, pnm, status, n) in rows {
            let scope = parse_stored(&scope, RecommendationScope::parse, "recommendation scope")?;
            let status = status
                .map(|s| parse_stored(&s, RecommendationStatus::parse, "recommendation status"))
                .transpose()?;
            let row = MatrixRow::of(scope, group, pnm.as_deref().and_then(PnmCode::parse));
            *cells.entry((row, status)).or_default() += n;
        }
        let cells: Vec<MatrixCell> = cells
            .into_iter()
            .map(|((row, status), n)| MatrixCell { row, status, n })
            .collect();
        self.0.matrices.put(key, change, cells.clone());
        Ok(cells)
    }
}
