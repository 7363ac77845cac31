//! Figures for the dashboard.

use cadre_domain::Audience;
use serde::Serialize;

use crate::statement::Statement;
use crate::{Result, Store};

/// How much Cadre holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Totals {
    pub meetings: i64,
    pub action_points: i64,
    pub pending_action_points: i64,
    pub organisations: i64,
    pub recommendations: i64,
}

const SQL_TOTALS: &str = "SELECT (SELECT COUNT(*) FROM meetings) AS meetings, \
     (SELECT COUNT(*) FROM action_points) AS action_points, \
     (SELECT COUNT(*) FROM action_points WHERE status IN ('open', 'in_progress')) AS pending_action_points, \
     (SELECT COUNT(*) FROM organisations) AS organisations, \
     (SELECT COUNT(*) FROM recommendations) AS recommendations";
const SQL_PUBLISHED_TOTALS: &str = "SELECT (SELECT COUNT(*) FROM meetings WHERE status = 'published') AS meetings, \
     (SELECT COUNT(*) FROM action_points WHERE published = TRUE) AS action_points, \
     (SELECT COUNT(*) FROM action_points WHERE published = TRUE AND status IN ('open', 'in_progress')) AS pending_action_points, \
     (SELECT COUNT(*) FROM organisations) AS organisations, \
     (SELECT COUNT(*) FROM recommendations WHERE published = TRUE) AS recommendations";

impl Store {
    /// What the audience may count: the public counts published minutes and what comes from
    /// them.
    pub async fn totals(&self, audience: Audience) -> Result<Totals> {
        let sql = match audience {
            Audience::Public => SQL_PUBLISHED_TOTALS,
            Audience::Internal => SQL_TOTALS,
        };
        let mut conn = self.conn().await?;
        conn.link().fetch_one(Statement::new(sql)).await
    }
}
