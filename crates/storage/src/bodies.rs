//! The bodies that meet: the CCM, the CRCMs, the regional working groups (GTM).

use cadre_domain::{Audience, Body, BodyLevel};
use serde::Serialize;

use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, Store};

/// A body with how many meetings it has held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyWithCount {
    pub body: Body,
    pub meeting_count: i64,
}

#[derive(sqlx::FromRow)]
struct BodyRow {
    id: i64,
    code: String,
    name: String,
    level: String,
    region: Option<String>,
    meeting_count: i64,
}

const SQL_BODIES: &str = "SELECT b.id, b.code, b.name, b.level, b.region, COALESCE(c.n, 0) AS meeting_count FROM bodies b \
     LEFT JOIN (SELECT body_id, COUNT(*) AS n FROM meetings WHERE $1 OR status = 'published' GROUP BY body_id) c \
     ON c.body_id = b.id \
     ORDER BY b.name, b.id";

/// The bodies of a [`Store`].
#[derive(Clone, Copy)]
pub struct Bodies<'s>(pub(crate) &'s Store);

impl Bodies<'_> {
    /// Every body by name, with its number of meetings (published ones for the public).
    pub async fn list(self, audience: Audience) -> Result<Vec<BodyWithCount>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<BodyRow> = conn
            .link()
            .fetch_all(Statement::new(SQL_BODIES).bind(!audience.is_public()))
            .await?;
        rows.into_iter()
            .map(|r| {
                Ok(BodyWithCount {
                    body: Body {
                        id: r.id.into(),
                        code: r.code,
                        name: r.name,
                        level: parse_stored(&r.level, BodyLevel::parse, "body level")?,
                        region: r.region,
                    },
                    meeting_count: r.meeting_count,
                })
            })
            .collect()
    }
}
