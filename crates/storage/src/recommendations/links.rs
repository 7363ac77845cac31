//! Earlier forms of a recommendation: links proposed by Cadre (see `recurrence.rs`) that the
//! secretariat confirms or rejects, and the age they give a recommendation.

use std::collections::HashSet;

use cadre_domain::{Actor, RecommendationId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;

use super::{EarlierForm, Recommendations};
use crate::audit::{self, RecordKind};
use crate::engine::Link;
use crate::statement::Statement;
use crate::{Result, StorageError};

const SQL_LINK: &str =
    "SELECT recommendation_id, earlier_id, state, score FROM recommendation_links WHERE id = $1";
const SQL_DECIDE: &str =
    "UPDATE recommendation_links SET state = $1, decided_by = $2, decided_at = $3 WHERE id = $4";
const SQL_LINKS_OF: &str = "SELECT id, recommendation_id, earlier_id, state, score FROM recommendation_links \
     WHERE recommendation_id = $1 OR earlier_id = $1 ORDER BY id";
const SQL_CONFIRMED_EARLIER: &str = "SELECT earlier_id FROM recommendation_links \
     WHERE recommendation_id = $1 AND state = 'confirmed'";
/// A form's session, when it was adopted, and its last report of progress, in one statement
/// (a page asks it for every form).
const SQL_ADOPTED: &str = "SELECT s.id, s.date, s.year, (SELECT MAX(rr.reported_on) FROM recommendation_reports rr \
     WHERE rr.recommendation_id = r.id AND rr.withdrawn = FALSE AND rr.status IN ('in_progress', 'implemented')) AS progress \
     FROM recommendations r JOIN body_sessions s ON s.id = r.session_id WHERE r.id = $1";

/// A proposal or a decision, with its number for deciding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkEntry {
    pub id: i64,
    pub recommendation: RecommendationId,
    pub earlier: RecommendationId,
    pub state: String,
    pub score: Option<i64>,
}

/// How old a recommendation is, through its confirmed earlier forms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Age {
    /// The year its first form was adopted, when known.
    pub first_adopted: Option<i32>,
    /// Sessions that adopted it, its own and its earlier forms'.
    pub sessions: usize,
    /// Full years since its first adoption, or since its last report of progress, with no
    /// report of progress (in progress or implemented) in between; none when no date is known.
    pub years_without_progress: Option<i32>,
}

/// The most earlier forms followed back: more means a cycle or a data error.
const MAX_CHAIN: usize = 100;

type Adopted = (i64, Option<NaiveDate>, Option<i64>, Option<NaiveDate>);

async fn adopted(link: &mut Link<'_>, id: i64) -> Result<Option<Adopted>> {
    link.fetch_optional(Statement::new(SQL_ADOPTED).bind(id))
        .await
}

impl Recommendations<'_> {
    /// The links of one recommendation, to its earlier and to its later forms.
    pub async fn links_of(self, id: RecommendationId) -> Result<Vec<LinkEntry>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<(i64, i64, i64, String, Option<i64>)> = conn
            .link()
            .fetch_all(Statement::new(SQL_LINKS_OF).bind(id))
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, r, e, state, score)| LinkEntry {
                id,
                recommendation: r.into(),
                earlier: e.into(),
                state,
                score,
            })
            .collect())
    }

    /// Confirms (`true`) or rejects a proposed link; a decision may be changed later. Audited.
    pub async fn decide_link(
        self,
        link_id: i64,
        confirmed: bool,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<EarlierForm> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let (r, e, before, score): (i64, i64, String, Option<i64>) = link
            .fetch_optional(Statement::new(SQL_LINK).bind(link_id))
            .await?
            .ok_or(StorageError::NotFound)?;
        let state = if confirmed { "confirmed" } else { "rejected" };
        link.execute(
            Statement::new(SQL_DECIDE)
                .bind(state)
                .bind(by.name.as_str())
                .bind(now)
                .bind(link_id),
        )
        .await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Recommendation,
            r,
            "decide_earlier_form",
            Some(json!({ "earlier": e, "state": before })),
            Some(json!({ "earlier": e, "state": state })),
        )
        .await?;
        tx.commit().await?;
        Ok(EarlierForm {
            recommendation: r.into(),
            earlier: e.into(),
            state: state.to_owned(),
            score,
        })
    }

    /// Its age through confirmed earlier forms, as of `today`.
    pub async fn age(self, id: RecommendationId, today: NaiveDate) -> Result<Age> {
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        // Every form, following confirmed links back, each once.
        let mut forms = vec![id.get()];
        let mut seen: HashSet<i64> = forms.iter().copied().collect();
        let mut at = 0;
        while at < forms.len() && forms.len() < MAX_CHAIN {
            let earlier: Vec<(i64,)> = link
                .fetch_all(Statement::new(SQL_CONFIRMED_EARLIER).bind(forms[at]))
                .await?;
            forms.extend(
                earlier
                    .into_iter()
                    .map(|(e,)| e)
                    .filter(|e| seen.insert(*e)),
            );
            at += 1;
        }
        let mut sessions = HashSet::new();
        let mut first: Option<NaiveDate> = None;
        let mut last_progress: Option<NaiveDate> = None;
        for form in &forms {
            if let Some((session, date, year, progress)) = adopted(&mut link, *form).await? {
                sessions.insert(session);
                let day = date.or_else(|| {
                    year.and_then(|y| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, 1, 1))
                });
                first = match (first, day) {
                    (Some(f), Some(d)) => Some(f.min(d)),
                    (f, d) => f.or(d),
                };
                last_progress = last_progress.max(progress);
            }
        }
        let since = last_progress.or(first);
        Ok(Age {
            first_adopted: first.map(|d| chrono::Datelike::year(&d)),
            sessions: sessions.len(),
            years_without_progress: since.map(|d| full_years(d, today)),
        })
    }
}

/// Whole years from `from` to `to` (none if `to` is earlier).
fn full_years(from: NaiveDate, to: NaiveDate) -> i32 {
    use chrono::Datelike as _;
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years.max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_counted_whole() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(full_years(d(2018, 1, 1), d(2021, 7, 23)), 3);
        assert_eq!(full_years(d(2021, 7, 23), d(2022, 7, 22)), 0);
        assert_eq!(full_years(d(2021, 7, 23), d(2022, 7, 23)), 1);
        assert_eq!(full_years(d(2023, 1, 1), d(2022, 1, 1)), 0);
    }
}
