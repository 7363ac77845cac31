//! Recommendations of the national (CCM) and regional (CRCM) sessions, followed from adoption
//! to implementation.

pub mod alignment;
mod alignment_report;
pub mod follow_up;
pub mod links;
pub mod matrix;
mod read;
mod recurrence;
mod sheet;

pub(crate) use read::{ReadFrom, store as store_read};

pub use alignment_report::{AlignmentReport, Served};
pub use matrix::{MatrixCell, MatrixRow};
pub use sheet::{LatestReport, SheetRow};

use cadre_domain::{
    Audience, GcmObjectiveNumber, MeetingId, OrganisationId, PnmCode, Recommendation,
    RecommendationId, RecommendationScope, RecommendationStatus, Session, SessionId, SessionKind,
};
use chrono::NaiveDate;

use crate::statement::{ListQuery, Statement, Value, Where, paging};
use crate::stored::{parse_stored, to_u32};
use crate::{Page, Paging, Result, Store};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecommendationFilter {
    /// Read from these minutes.
    pub meeting: Option<MeetingId>,
    /// Adopted by this session.
    pub session: Option<SessionId>,
    pub roadmap: Option<String>,
    pub thematic_group: Option<String>,
    /// In this PNM axis (its sub-programmes included) or sub-programme.
    pub pnm: Option<PnmCode>,
    pub objective: Option<GcmObjectiveNumber>,
    /// An organisation responsible for it or a partner.
    pub organisation: Option<OrganisationId>,
    pub status: Option<StatusFilter>,
    /// Still to do (not implemented, abandoned or to be reformulated) with no report of
    /// progress since this day, nor adopted since.
    pub stalled_since: Option<NaiveDate>,
    pub audience: Audience,
    pub paging: Paging,
}

/// Which statuses a list keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Is(RecommendationStatus),
    /// No report has given it a status yet.
    Unreported,
}

#[derive(sqlx::FromRow)]
pub(super) struct RecommendationRow {
    id: i64,
    session_id: i64,
    meeting_id: Option<i64>,
    body: String,
    meeting_date: Option<NaiveDate>,
    roadmap: String,
    position: i64,
    text: String,
    scope: String,
    thematic_group: Option<String>,
    implementation_status: Option<String>,
    challenges: Option<String>,
    perspectives: Option<String>,
    status: Option<String>,
    status_date: Option<NaiveDate>,
}

impl RecommendationRow {
    pub(super) fn into_domain(self) -> Result<Recommendation> {
        Ok(Recommendation {
            id: self.id.into(),
            session_id: self.session_id.into(),
            meeting_id: self.meeting_id.map(MeetingId::from),
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
            status: self
                .status
                .map(|s| parse_stored(&s, RecommendationStatus::parse, "recommendation status"))
                .transpose()?,
            status_date: self.status_date,
        })
    }
}

/// A recommendation, with what the document it was read from says of its implementation.
pub(super) const RECOMMENDATION_SELECT: &str = "SELECT r.id, r.session_id, r.meeting_id, b.name AS body, r.meeting_date, \
     r.roadmap, r.position, r.text, r.scope, r.thematic_group, \
     (SELECT rr.done FROM recommendation_reports rr WHERE rr.recommendation_id = r.id \
      AND rr.meeting_id = r.meeting_id AND rr.withdrawn = FALSE ORDER BY rr.id LIMIT 1) AS implementation_status, \
     r.challenges, r.perspectives, r.status, r.status_date \
     FROM recommendations r JOIN body_sessions s ON s.id = r.session_id \
     JOIN bodies b ON b.id = s.body_id";

const SQL_SESSION: &str = "SELECT s.id, b.name AS body, s.kind, s.number, s.title, s.date, s.year, s.roadmap, \
     s.meeting_id FROM body_sessions s JOIN bodies b ON b.id = s.body_id WHERE s.id = $1";
const SQL_SESSIONS: &str = "SELECT s.id, b.name AS body, s.kind, s.number, s.title, s.date, s.year, s.roadmap, \
     s.meeting_id FROM body_sessions s JOIN bodies b ON b.id = s.body_id \
     ORDER BY COALESCE(s.year, 0) DESC, COALESCE(s.date, '0001-01-01') DESC, s.id DESC";
/// The sessions the public may know of: those with a published recommendation.
const SQL_PUBLIC_SESSIONS: &str = "SELECT s.id, b.name AS body, s.kind, s.number, s.title, s.date, s.year, s.roadmap, \
     s.meeting_id FROM body_sessions s JOIN bodies b ON b.id = s.body_id \
     WHERE EXISTS (SELECT 1 FROM recommendations r WHERE r.session_id = s.id AND r.published = TRUE) \
     ORDER BY COALESCE(s.year, 0) DESC, COALESCE(s.date, '0001-01-01') DESC, s.id DESC";

#[derive(sqlx::FromRow)]
struct SessionRow {
    id: i64,
    body: String,
    kind: String,
    number: Option<i64>,
    title: String,
    date: Option<NaiveDate>,
    year: Option<i64>,
    roadmap: String,
    meeting_id: Option<i64>,
}

impl SessionRow {
    fn into_domain(self) -> Result<Session> {
        Ok(Session {
            id: self.id.into(),
            body: self.body,
            kind: parse_stored(&self.kind, SessionKind::parse, "session kind")?,
            number: self
                .number
                .map(|n| to_u32(n, "session number"))
                .transpose()?,
            title: self.title,
            date: self.date,
            year: self.year.and_then(|y| i32::try_from(y).ok()),
            roadmap: self.roadmap,
            meeting_id: self.meeting_id.map(MeetingId::from),
        })
    }
}

const SQL_LINKS: &str = "SELECT recommendation_id, earlier_id, state, score FROM recommendation_links \
     ORDER BY recommendation_id, score DESC, earlier_id";

/// A link between a recommendation and an earlier form of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierForm {
    pub recommendation: RecommendationId,
    pub earlier: RecommendationId,
    /// "proposed", "confirmed" or "rejected".
    pub state: String,
    /// Text similarity, in thousandths, for proposals.
    pub score: Option<i64>,
}

/// The filter's conditions on `recommendations r`.
fn conditions(f: &RecommendationFilter) -> Where {
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
    if let Some(session) = f.session {
        w.and("r.session_id = {}", [Value::from(session)]);
    }
    if let Some(pnm) = f.pnm {
        match pnm.sub_programme {
            Some(_) => w.and("r.pnm_code = {}", [Value::from(pnm.to_string())]),
            None => w.and(
                "(r.pnm_code = {} OR r.pnm_code LIKE {})",
                [
                    Value::from(pnm.to_string()),
                    Value::from(format!("{pnm}.%")),
                ],
            ),
        }
    }
    if let Some(objective) = f.objective {
        w.and(
            "EXISTS (SELECT 1 FROM recommendation_objectives ro WHERE ro.recommendation_id = r.id AND ro.objective = {})",
            [Value::from(i64::from(objective.get()))],
        );
    }
    if let Some(org) = f.organisation {
        w.and(
            "EXISTS (SELECT 1 FROM recommendation_organisations rg WHERE rg.recommendation_id = r.id AND rg.organisation_id = {})",
            [Value::from(org)],
        );
    }
    match f.status {
        Some(StatusFilter::Is(s)) => w.and("r.status = {}", [Value::from(s.as_str())]),
        Some(StatusFilter::Unreported) => w.and_sql("r.status IS NULL"),
        None => {}
    }
    if let Some(day) = f.stalled_since {
        w.and(
            "(r.status IS NULL OR r.status IN ('not_started', 'in_progress')) \
             AND EXISTS (SELECT 1 FROM body_sessions s WHERE s.id = r.session_id AND (s.date <= {} \
             OR (s.date IS NULL AND s.year <= {}) \
             OR (s.date IS NULL AND s.year IS NULL AND r.meeting_date <= {}))) \
             AND NOT EXISTS (SELECT 1 FROM recommendation_reports rp WHERE rp.recommendation_id = r.id \
             AND rp.withdrawn = FALSE AND rp.status IN ('in_progress', 'implemented') AND rp.reported_on > {})",
            [
                Value::from(day),
                Value::from(i64::from(chrono::Datelike::year(&day))),
                Value::from(day),
                Value::from(day),
            ],
        );
    }
    if f.audience.is_public() {
        w.and_sql("r.published = TRUE");
    }
    w
}

fn recommendations_query(f: &RecommendationFilter) -> ListQuery {
    let w = conditions(f);
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

const SQL_ORGANISATIONS: &str = "SELECT o.id, o.name, o.acronym FROM organisations o \
     WHERE EXISTS (SELECT 1 FROM recommendation_organisations ro WHERE ro.organisation_id = o.id) \
     ORDER BY COALESCE(o.acronym, o.name), o.id";
const SQL_OF_REGION: &str = "SELECT r.id, r.roadmap, r.position, r.text FROM recommendations r \
     JOIN body_sessions s ON s.id = r.session_id JOIN bodies b ON b.id = s.body_id \
     WHERE b.region IS NULL OR b.region = $1 ORDER BY r.id";

/// A recommendation as a choice in a list: its number, roadmap, place and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecommendationChoice {
    pub id: RecommendationId,
    pub roadmap: String,
    pub position: u32,
    pub text: String,
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

    /// The sessions `audience` may know of, the latest first (sessions known by their
    /// roadmap only, by its year): for the public, those with a published recommendation.
    pub async fn sessions(self, audience: Audience) -> Result<Vec<Session>> {
        let sql = if audience.is_public() {
            SQL_PUBLIC_SESSIONS
        } else {
            SQL_SESSIONS
        };
        let mut conn = self.0.conn().await?;
        let rows: Vec<SessionRow> = conn.link().fetch_all(Statement::new(sql)).await?;
        rows.into_iter().map(SessionRow::into_domain).collect()
    }

    /// One session.
    pub async fn session(self, id: cadre_domain::SessionId) -> Result<Option<Session>> {
        let mut conn = self.0.conn().await?;
        let row: Option<SessionRow> = conn
            .link()
            .fetch_optional(Statement::new(SQL_SESSION).bind(id))
            .await?;
        row.map(SessionRow::into_domain).transpose()
    }

    /// The organisations responsible for or partners of some recommendation, by name.
    pub async fn organisations(self) -> Result<Vec<cadre_domain::meeting::OrganisationRef>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<(i64, String, Option<String>)> = conn
            .link()
            .fetch_all(Statement::new(SQL_ORGANISATIONS))
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, name, acronym)| cadre_domain::meeting::OrganisationRef {
                    id: id.into(),
                    name,
                    acronym,
                },
            )
            .collect())
    }

    /// The recommendations an action point of a body of `region` may serve: the national
    /// sessions' and that region's CRCM's (the national ones only for a national body).
    pub async fn of_region(self, region: Option<&str>) -> Result<Vec<RecommendationChoice>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<(i64, String, i64, String)> = conn
            .link()
            .fetch_all(Statement::new(SQL_OF_REGION).bind(region.map(str::to_owned)))
            .await?;
        rows.into_iter()
            .map(|(id, roadmap, position, text)| {
                Ok(RecommendationChoice {
                    id: id.into(),
                    roadmap,
                    position: to_u32(position, "recommendation position")?,
                    text,
                })
            })
            .collect()
    }

    /// Every link between recommendations and their earlier forms, proposed or decided.
    pub async fn earlier_forms(self) -> Result<Vec<EarlierForm>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<(i64, i64, String, Option<i64>)> =
            conn.link().fetch_all(Statement::new(SQL_LINKS)).await?;
        Ok(rows
            .into_iter()
            .map(|(r, e, state, score)| EarlierForm {
                recommendation: r.into(),
                earlier: e.into(),
                state,
                score,
            })
            .collect())
    }
}

#[cfg(test)]
mod upgrade {
    use crate::engine::Pool;
    use crate::statement::Statement;

    /// A database of schema version 5, with recommendations as they were stored then, keeps
    /// them all once migrated: under one session per roadmap, their "état de mise en œuvre"
    /// as reports, "A reformuler" as a status.
    #[tokio::test]
    async fn recommendations_stored_before_the_tracker_are_kept() {
        let pool = Pool::connect_up_to("sqlite::memory:", "", 5).await.unwrap();
        let mut tx = pool.begin().await.unwrap();
        tx.link()
            .execute_script(
                "INSERT INTO bodies (id, code, name, level) VALUES (1, 'ccm', 'CCM', 'national');
                 INSERT INTO meetings (id, body_id, kind, title, date, year, modality, status)
                     VALUES (7, 1, 'session_report', 'Rapport', '2021-07-23', 2021, 'in_person', 'published');
                 INSERT INTO recommendations (id, meeting_id, meeting_date, roadmap, position, text, scope,
                     implementation_status, published)
                     VALUES (1, 7, '2021-07-23', '2018', 1, 'Veiller', 'general', 'Adoption de la loi', 1),
                            (2, 7, '2021-07-23', '2018', 2, 'Aligner', 'general', 'A reformuler', 1),
                            (3, 7, '2021-07-23', '2021', 1, 'Doter le SP', 'general', NULL, 1);",
            )
            .await
            .unwrap();
        tx.commit().await.unwrap();
        pool.migrate("", i64::MAX).await.unwrap();

        let mut conn = pool.acquire().await.unwrap();
        let mut link = conn.link();
        let sessions: Vec<(i64, String, Option<i64>, String)> = link
            .fetch_all(Statement::new(
                "SELECT id, roadmap, year, kind FROM body_sessions ORDER BY roadmap",
            ))
            .await
            .unwrap();
        assert_eq!(sessions.len(), 2);
        assert_eq!(
            (
                sessions[0].1.as_str(),
                sessions[0].2,
                sessions[0].3.as_str()
            ),
            ("2018", Some(2018), "national_session")
        );
        let recs: Vec<(i64, i64, Option<String>, bool, i64)> = link
            .fetch_all(Statement::new(
                "SELECT id, session_id, status, published, meeting_id FROM recommendations ORDER BY id",
            ))
            .await
            .unwrap();
        assert_eq!(
            recs,
            vec![
                (1, sessions[0].0, None, true, 7),
                (2, sessions[0].0, Some("to_reformulate".into()), true, 7),
                (3, sessions[1].0, None, true, 7),
            ]
        );
        let reports: Vec<(i64, Option<String>, String, i64)> = link
            .fetch_all(Statement::new(
                "SELECT recommendation_id, status, done, meeting_id FROM recommendation_reports ORDER BY id",
            ))
            .await
            .unwrap();
        assert_eq!(
            reports,
            vec![
                (1, None, "Adoption de la loi".into(), 7),
                (2, Some("to_reformulate".into()), "A reformuler".into(), 7),
            ]
        );
    }
}
