//! Earlier forms of recommendations, proposed by text similarity (see
//! [`cadre_domain::recurrence`]) for the secretariat to confirm or reject.

use cadre_domain::recurrence::{PROPOSAL_THRESHOLD, RecurrenceIndex};
use chrono::NaiveDate;

use crate::Result;
use crate::engine::Link;
use crate::statement::{MultiInsert, Statement};

/// Earlier forms proposed for one recommendation, at most.
const PROPOSALS_PER_RECOMMENDATION: usize = 3;

const SQL_ALL: &str = "SELECT r.id, r.session_id, r.position, r.text, s.date, s.year \
     FROM recommendations r JOIN body_sessions s ON s.id = r.session_id ORDER BY r.id";
const INSERT_LINKS: MultiInsert = MultiInsert {
    head: "INSERT INTO recommendation_links (recommendation_id, earlier_id, state, score) VALUES ",
    columns: 4,
    tail: " ON CONFLICT (recommendation_id, earlier_id) DO NOTHING",
};

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    session_id: i64,
    position: i64,
    text: String,
    date: Option<NaiveDate>,
    year: Option<i64>,
}

impl Row {
    /// When it was adopted, for "earlier than": its session's date, else the start of its
    /// year, else after everything dated; then its session and its place in the table.
    fn order(&self) -> (NaiveDate, i64, i64) {
        let day = self
            .date
            .or_else(|| {
                self.year
                    .and_then(|y| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, 1, 1))
            })
            .unwrap_or(NaiveDate::MAX);
        (day, self.session_id, self.position)
    }
}

/// Proposes earlier forms for the recommendations `ids`, among every recommendation adopted
/// before each of them. Links already proposed, confirmed or rejected are left as they are.
pub(crate) async fn propose(link: &mut Link<'_>, ids: &[i64]) -> Result<()> {
    let rows: Vec<Row> = link.fetch_all(Statement::new(SQL_ALL)).await?;
    let index = RecurrenceIndex::new(rows.iter().map(|r| r.text.as_str()));
    let position: std::collections::HashMap<i64, usize> =
        rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut links: Vec<(i64, i64, i64)> = Vec::new();
    for id in ids {
        let Some(&at) = position.get(id) else {
            continue;
        };
        let order = rows[at].order();
        for c in index.candidates(at, PROPOSAL_THRESHOLD, PROPOSALS_PER_RECOMMENDATION, |j| {
            rows[j].order() < order
        }) {
            links.push((*id, rows[c.index].id, (c.score * 1000.0).round() as i64));
        }
    }
    for statement in INSERT_LINKS.statements(&links, |(later, earlier, score)| {
        vec![
            (*later).into(),
            (*earlier).into(),
            "proposed".into(),
            (*score).into(),
        ]
    }) {
        link.execute(statement).await?;
    }
    Ok(())
}
