//! Recommendations of the national (CCM) and regional (CRCM) sessions.

use cadre_domain::{Audience, MeetingId, Recommendation, RecommendationScope};
use chrono::NaiveDate;

use crate::statement::{ListQuery, MultiInsert, Value, Where, paging};
use crate::stored::{parse_stored, to_u32};
use crate::{Page, Paging, Result, Store};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecommendationFilter {
    pub meeting: Option<MeetingId>,
    pub roadmap: Option<String>,
    pub thematic_group: Option<String>,
    pub audience: Audience,
    pub paging: Paging,
}

#[derive(sqlx::FromRow)]
struct RecommendationRow {
    id: i64,
    meeting_id: i64,
    body: String,
    meeting_date: NaiveDate,
    roadmap: String,
    position: i64,
    text: String,
    scope: String,
    thematic_group: Option<String>,
    implementation_status: Option<String>,
    challenges: Option<String>,
    perspectives: Option<String>,
}

impl RecommendationRow {
    fn into_domain(self) -> Result<Recommendation> {
        Ok(Recommendation {
            id: self.id.into(),
            meeting_id: self.meeting_id.into(),
            body: self.body,
            meeting_date: self.meeting_date,
            roadmap: self.roadmap,
            position: to_u32(self.position, "recommendation position")?,
            text: self.text,
            scope: parse_stored(
                &self.scope,
                RecommendationScope::parse,
                "recommendation scope",
            )?,
            thematic_group: self.thematic_group,
            implementation_status: self.implementation_status,
            challenges: self.challenges,
            perspectives: self.perspectives,
        })
    }
}

const RECOMMENDATION_SELECT: &str = "SELECT r.id, r.meeting_id, b.name AS body, r.meeting_date, r.roadmap, r.position, r.text, \
     r.scope, r.thematic_group, r.implementation_status, r.challenges, r.perspectives \
     FROM recommendations r JOIN meetings m ON m.id = r.meeting_id \
     JOIN bodies b ON b.id = m.body_id";

/// Stored with their meeting, at import (see [`crate::meetings`]).
pub(crate) const INSERT_RECOMMENDATIONS: MultiInsert = MultiInsert {
    head: "INSERT INTO recommendations (meeting_id, meeting_date, roadmap, position, text, scope, thematic_group, \
     implementation_status, challenges, perspectives) VALUES ",
    columns: 10,
    tail: "",
};

fn recommendations_query(f: &RecommendationFilter) -> ListQuery {
    let mut w = Where::default();
    if let Some(meeting) = f.meeting {
        w.and("r.meeting_id = {}", [Value::from(meeting)]);
    }
    if let Some(roadmap) = &f.roadmap {
        w.and("r.roadmap = {}", [Value::from(roadmap.clone())]);
    }
    if let Some(group) = &f.thematic_group {
        w.and("r.thematic_group = {}", [Value::from(group.clone())]);
    }
    if f.audience.is_public() {
        w.and_sql("r.published = TRUE");
    }
    let (limit, offset) = paging(&f.paging);
    ListQuery {
        list_sql: format!(
            "{RECOMMENDATION_SELECT}{} ORDER BY r.meeting_date DESC, r.meeting_id DESC, r.roadmap, r.position, r.id{}",
            w.sql,
            w.limit_offset()
        ),
        count_sql: format!("SELECT COUNT(*) AS n FROM recommendations r{}", w.sql),
        params: w.params,
        limit,
        offset,
    }
}

/// The recommendations of a [`Store`].
#[derive(Clone, Copy)]
pub struct Recommendations<'s>(pub(crate) &'s Store);

impl Recommendations<'_> {
    /// Recommendations by session (most recent first), roadmap and position.
    pub async fn list(self, filter: &RecommendationFilter) -> Result<Page<Recommendation>> {
        let (total, rows) = self
            .0
            .page::<RecommendationRow>(&recommendations_query(filter))
            .await?;
        let items = rows
            .into_iter()
            .map(RecommendationRow::into_domain)
            .collect::<Result<_>>()?;
        Ok(Page { items, total })
    }
}
