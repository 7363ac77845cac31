//! Recommendations read from documents, stored with the meeting they were read from: each
//! roadmap table goes to the session that adopted it, and a table's "état de mise en œuvre"
//! becomes an implementation report dated from the meeting that presented it.

use std::collections::HashMap;

use cadre_domain::{
    Actor, AnnexedSession, BodyId, BodyLevel, MeetingId, MeetingKind, NewMeeting,
    NewRecommendation, RecommendationStatus, SessionId, SessionKind,
};
use chrono::{Datelike as _, NaiveDate};

use super::recurrence;
use crate::Result;
use crate::engine::Link;
use crate::statement::{MultiInsert, Statement};

/// A meeting just stored, whose recommendations are to be stored under it.
pub(crate) struct ReadFrom<'m> {
    pub meeting: &'m NewMeeting,
    pub meeting_id: MeetingId,
    pub body_id: BodyId,
}

const SQL_FIND_SESSION: &str = "SELECT id, meeting_id FROM body_sessions WHERE body_id = $1 AND roadmap = $2 ORDER BY id LIMIT 1";
const SQL_INSERT_SESSION: &str = "INSERT INTO body_sessions (body_id, kind, number, title, date, year, roadmap, meeting_id) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
/// A session known until now by its roadmap only, whose report is now in Cadre.
const SQL_ATTACH_SESSION: &str = "UPDATE body_sessions SET meeting_id = $2, kind = $3, title = $4, date = $5, year = $6, \
     number = COALESCE(number, $7) WHERE id = $1";
/// The body of an annexed session, kept as it is when Cadre knows it (the no-op update makes
/// both engines return its id).
const SQL_BODY_OF_ANNEX: &str = "INSERT INTO bodies (code, name, level, region) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (code) DO UPDATE SET code = excluded.code RETURNING id";
const INSERT_RECOMMENDATIONS: MultiInsert = MultiInsert {
    head: "INSERT INTO recommendations (session_id, meeting_id, meeting_date, roadmap, position, text, scope, \
     thematic_group, challenges, perspectives, status, status_date, pnm_code) VALUES ",
    columns: 13,
    tail: " RETURNING id, session_id, position",
};
const INSERT_REPORTS: MultiInsert = MultiInsert {
    head: "INSERT INTO recommendation_reports (recommendation_id, status, done, reported_on, meeting_id, \
     account_id, actor, version, recorded_at) VALUES ",
    columns: 9,
    tail: "",
};

/// What kind of session adopted the recommendations of a meeting's own roadmap.
fn session_kind(meeting: &NewMeeting) -> SessionKind {
    if meeting.kind == MeetingKind::RegionalSession || meeting.body.level == BodyLevel::Regional {
        SessionKind::RegionalSession
    } else if cadre_domain::text::match_key(&meeting.title).contains("preparatoire") {
        SessionKind::PreparatoryMeeting
    } else {
        SessionKind::NationalSession
    }
}

/// The year a roadmap's name starts with ("2021-2022" → 2021).
fn roadmap_year(roadmap: &str) -> Option<i64> {
    let digits: String = roadmap.chars().take(4).collect();
    digits
        .parse::<i64>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
}

/// The session numbered in a title: "la 6ème Réunion politique" → 6. The first number
/// written as an ordinal counts; dates and years do not.
fn session_number(title: &str) -> Option<i64> {
    let folded = cadre_domain::text::fold(title);
    let mut rest = folded.as_str();
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let digits: String = rest[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        rest = &rest[at + digits.len()..];
        let after = rest.trim_start_matches(['^', '{', ' ']);
        if ["eme", "ere", "er ", "e ", "ieme", "e}"]
            .iter()
            .any(|s| after.starts_with(s))
        {
            return digits.parse().ok();
        }
    }
    None
}

/// Stores the recommendations read from `meetings`, with their sessions and reports, then
/// proposes earlier forms for them.
pub(crate) async fn store(
    link: &mut Link<'_>,
    meetings: &[ReadFrom<'_>],
    by: &Actor,
) -> Result<()> {
    let mut new_ids = Vec::new();
    for read in meetings
        .iter()
        .filter(|r| !r.meeting.recommendations.is_empty())
    {
        new_ids.extend(store_one(link, read, by).await?);
    }
    if !new_ids.is_empty() {
        recurrence::propose(link, &new_ids).await?;
    }
    Ok(())
}

async fn store_one(link: &mut Link<'_>, read: &ReadFrom<'_>, by: &Actor) -> Result<Vec<i64>> {
    let meeting = read.meeting;
    // Tables in the order the document gives them, one session per roadmap.
    let mut roadmaps: Vec<&str> = Vec::new();
    for r in &meeting.recommendations {
        if !roadmaps.contains(&r.roadmap.as_str()) {
            roadmaps.push(&r.roadmap);
        }
    }
    let mut ids = Vec::new();
    for roadmap in roadmaps {
        let rows: Vec<&NewRecommendation> = meeting
            .recommendations
            .iter()
            .filter(|r| r.roadmap == roadmap)
            .collect();
        // A table reporting on its implementation is an earlier session's roadmap; a table
        // without is the roadmap this meeting adopts.
        let reviewed = rows.iter().any(|r| r.implementation_status.is_some());
        let session = match &meeting.annexed_session {
            Some(annexed) => annexed_session_for(link, annexed, roadmap).await?,
            None => session_for(link, read, roadmap, !reviewed).await?,
        };
        let returned = insert_rows(link, read, session, &rows).await?;
        let reports: Vec<(i64, &NewRecommendation)> = rows
            .iter()
            .filter(|r| r.implementation_status.is_some())
            .filter_map(|r| returned.get(&i64::from(r.position)).map(|&id| (id, *r)))
            .collect();
        let now = chrono::Utc::now();
        for statement in INSERT_REPORTS.statements(&reports, |(id, r)| {
            let done = r.implementation_status.clone().unwrap_or_default();
            vec![
                (*id).into(),
                RecommendationStatus::from_written(&done)
                    .map(|s| s.as_str())
                    .into(),
                done.into(),
                meeting.date.into(),
                read.meeting_id.into(),
                by.account.into(),
                by.name.clone().into(),
                1i64.into(),
                now.into(),
            ]
        }) {
            link.execute(statement).await?;
        }
        ids.extend(returned.into_values());
    }
    Ok(ids)
}

/// The session that adopted `roadmap`: the meeting itself when it adopts it, else the
/// session of the body known by that roadmap, created if Cadre has none.
async fn session_for(
    link: &mut Link<'_>,
    read: &ReadFrom<'_>,
    roadmap: &str,
    adopted_here: bool,
) -> Result<SessionId> {
    let meeting = read.meeting;
    let found: Option<(i64, Option<i64>)> = link
        .fetch_optional(
            Statement::new(SQL_FIND_SESSION)
                .bind(read.body_id)
                .bind(roadmap.to_owned()),
        )
        .await?;
    let number = session_number(&meeting.title);
    match found {
        Some((id, None)) if adopted_here => {
            link.execute(
                Statement::new(SQL_ATTACH_SESSION)
                    .bind(id)
                    .bind(read.meeting_id)
                    .bind(session_kind(meeting).as_str())
                    .bind(meeting.title.clone())
                    .bind(meeting.date)
                    .bind(i64::from(meeting.date.year()))
                    .bind(number),
            )
            .await?;
            Ok(SessionId::new(id))
        }
        Some((id, _)) if !adopted_here => Ok(SessionId::new(id)),
        _ => {
            let (kind, title, date, year, meeting_id, number) = if adopted_here {
                (
                    session_kind(meeting),
                    meeting.title.clone(),
                    Some(meeting.date),
                    Some(i64::from(meeting.date.year())),
                    Some(read.meeting_id),
                    number,
                )
            } else {
                let kind = if meeting.body.level == BodyLevel::Regional {
                    SessionKind::RegionalSession
                } else {
                    SessionKind::NationalSession
                };
                (
                    kind,
                    format!("Feuille de route {roadmap}"),
                    None::<NaiveDate>,
                    roadmap_year(roadmap),
                    None,
                    None,
                )
            };
            let (id,): (i64,) = link
                .fetch_one(
                    Statement::new(SQL_INSERT_SESSION)
                        .bind(read.body_id)
                        .bind(kind.as_str())
                        .bind(number)
                        .bind(title)
                        .bind(date)
                        .bind(year)
                        .bind(roadmap.to_owned())
                        .bind(meeting_id),
                )
                .await?;
            Ok(SessionId::new(id))
        }
    }
}

/// The session an annex names, found by its body and roadmap, else created: known by the
/// annex's title and date, its own report not in Cadre.
async fn annexed_session_for(
    link: &mut Link<'_>,
    annexed: &AnnexedSession,
    roadmap: &str,
) -> Result<SessionId> {
    let b = &annexed.body;
    let (body_id,): (i64,) = link
        .fetch_one(
            Statement::new(SQL_BODY_OF_ANNEX)
                .bind(b.code.clone())
                .bind(b.name.clone())
                .bind(b.level.as_str())
                .bind(b.region.clone()),
        )
        .await?;
    let found: Option<(i64, Option<i64>)> = link
        .fetch_optional(
            Statement::new(SQL_FIND_SESSION)
                .bind(body_id)
                .bind(roadmap.to_owned()),
        )
        .await?;
    if let Some((id, _)) = found {
        return Ok(SessionId::new(id));
    }
    let kind = if b.level == BodyLevel::Regional {
        SessionKind::RegionalSession
    } else {
        SessionKind::NationalSession
    };
    let year = annexed
        .date
        .map(|d| i64::from(d.year()))
        .or_else(|| roadmap_year(roadmap));
    let (id,): (i64,) = link
        .fetch_one(
            Statement::new(SQL_INSERT_SESSION)
                .bind(body_id)
                .bind(kind.as_str())
                .bind(session_number(&annexed.title))
                .bind(annexed.title.clone())
                .bind(annexed.date)
                .bind(year)
                .bind(roadmap.to_owned())
                .bind(None::<MeetingId>),
        )
        .await?;
    Ok(SessionId::new(id))
}

/// Inserts one table's rows; their ids by position.
async fn insert_rows(
    link: &mut Link<'_>,
    read: &ReadFrom<'_>,
    session: SessionId,
    rows: &[&NewRecommendation],
) -> Result<HashMap<i64, i64>> {
    let meeting = read.meeting;
    let mut ids = HashMap::with_capacity(rows.len());
    for statement in INSERT_RECOMMENDATIONS.statements(rows, |r| {
        let status = r
            .implementation_status
            .as_deref()
            .and_then(RecommendationStatus::from_written);
        vec![
            session.into(),
            read.meeting_id.into(),
            meeting.date.into(),
            r.roadmap.clone().into(),
            i64::from(r.position).into(),
            r.text.clone().into(),
            r.scope.as_str().into(),
            r.thematic_group.clone().into(),
            r.challenges.clone().into(),
            r.perspectives.clone().into(),
            status.map(|s| s.as_str()).into(),
            status.map(|_| meeting.date).into(),
            r.pnm.map(|p| p.to_string()).into(),
        ]
    }) {
        let returned: Vec<(i64, i64, i64)> = link.fetch_all(statement).await?;
        ids.extend(returned.into_iter().map(|(id, _, position)| (position, id)));
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_numbered_from_their_title() {
        assert_eq!(
            session_number("Réunion préparatoire de la 6^{ème} Réunion politique du CCM"),
            Some(6)
        );
        assert_eq!(session_number("5ème session du CCM"), Some(5));
        assert_eq!(session_number("1ère session du CRCM d'Agadez"), Some(1));
        assert_eq!(session_number("Réunion du 23 juillet 2021"), None);
        assert_eq!(
            session_number("Réunion du 23 juillet 2021, 2ème session"),
            Some(2)
        );
        assert_eq!(roadmap_year("2021-2022"), Some(2021));
        assert_eq!(roadmap_year("Feuille"), None);
    }
}
