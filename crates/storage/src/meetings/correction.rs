//! Draft minutes corrected in Cadre: the header, attendance, agenda and action points replaced
//! by what the person checking them against the document wrote, in one transaction, on the
//! version they read (optimistic concurrency), audited. The import's source document, notes
//! (warnings and findings) and recommendations stay as they were: they say what was read.
//!
//! Only drafts are corrected, and only while none of their action points has a follow-up
//! report or serves a recommendation (action points are rewritten, and reports and ties must
//! never lose their point).

use cadre_domain::{Actor, MeetingId, MeetingStatus, NewMeeting};
use chrono::{DateTime, Utc};

use super::Meetings;
use super::import::{Stored, head_columns, insert_minutes_rows, resolve_rows, upsert_body};
use crate::organisations::Resolver;
use crate::statement::Statement;
use crate::stored::{month_key, parse_stored};
use crate::{Result, StorageError, audit, changes};

const SQL_STATE: &str = "SELECT status, version, title, date, place FROM meetings WHERE id = $1";
// Reports and ties to a recommendation are made on a point; rewriting the points would lose them.
const SQL_REPORTED: &str = "SELECT (SELECT COUNT(*) FROM action_point_reports r \
     JOIN action_points ap ON ap.id = r.action_point_id WHERE ap.meeting_id = $1) \
     + (SELECT COUNT(*) FROM action_points WHERE meeting_id = $1 AND recommendation_id IS NOT NULL) AS n";
const SQL_CONTACTS: &str = "SELECT p.name, p.phone, p.email FROM persons p \
     JOIN attendances a ON a.id = p.attendance_id WHERE a.meeting_id = $1";
const SQL_DELETE_ROWS: [&str; 5] = [
    "DELETE FROM action_point_organisations WHERE action_point_id IN \
     (SELECT id FROM action_points WHERE meeting_id = $1)",
    "DELETE FROM action_points WHERE meeting_id = $1",
    "DELETE FROM agenda_items WHERE meeting_id = $1",
    "DELETE FROM persons WHERE attendance_id IN (SELECT id FROM attendances WHERE meeting_id = $1)",
    "DELETE FROM attendances WHERE meeting_id = $1",
];
const SQL_UPDATE_HEAD: &str = "UPDATE meetings SET body_id = $2, kind = $3, title = $4, date = $5, year = $6, \
     start_time = $7, end_time = $8, place = $9, modality = $10, next_meeting_text = $11, \
     next_meeting_date = $12, next_meeting_time = $13, rapporteur = $14, attendance_count = $15, \
     agenda_count = $16, action_point_count = $17, next_meeting_month = $18, version = version + 1 \
     WHERE id = $1";
const SQL_RECOMMENDATION_DATES: &str =
    "UPDATE recommendations SET meeting_date = $2 WHERE meeting_id = $1";

#[derive(sqlx::FromRow)]
struct StateRow {
    status: String,
    version: i64,
    title: String,
    date: chrono::NaiveDate,
    place: Option<String>,
}

impl Meetings<'_> {
    /// Replaces a draft's minutes by `corrected`, if the draft is still at `version`.
    /// `Stale` when someone changed it meanwhile (nothing written); `Refused` (in French) for
    /// minutes that are not a draft, or whose action points have follow-up reports.
    pub async fn correct_draft(
        self,
        id: MeetingId,
        version: i64,
        corrected: &NewMeeting,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let store = self.0;
        let mut tx = store.begin().await?;
        let mut link = tx.link();
        let Some(state) = link
            .fetch_optional::<StateRow>(Statement::new(SQL_STATE).bind(id))
            .await?
        else {
            return Err(StorageError::NotFound);
        };
        if state.version != version {
            return Err(StorageError::Stale {
                current_version: state.version,
            });
        }
        if parse_stored(&state.status, MeetingStatus::parse, "meeting status")?
            != MeetingStatus::Draft
        {
            return Err(StorageError::Refused(
                "seuls les brouillons se corrigent : retirez la validation d'abord".into(),
            ));
        }
        let (reported,): (i64,) = link
            .fetch_one(Statement::new(SQL_REPORTED).bind(id))
            .await?;
        if reported > 0 {
            return Err(StorageError::Refused(
                "des points d'action de ce brouillon ont déjà des comptes rendus de suivi ou servent une recommandation"
                    .into(),
            ));
        }
        // People named again keep the contacts the document gave them (personal data, never
        // typed in the form).
        let contacts: Vec<(String, Option<String>, Option<String>)> = link
            .fetch_all(Statement::new(SQL_CONTACTS).bind(id))
            .await?;
        let mut m = corrected.clone();
        for a in &mut m.attendance {
            let Some(name) = &a.person_name else { continue };
            let key = cadre_domain::text::match_key(name);
            if let Some((_, phone, email)) = contacts
                .iter()
                .find(|(n, _, _)| cadre_domain::text::match_key(n) == key)
            {
                a.phone = a.phone.take().or_else(|| phone.clone());
                a.email = a.email.take().or_else(|| email.clone());
            }
        }
        for sql in SQL_DELETE_ROWS {
            link.execute(Statement::new(sql).bind(id)).await?;
        }
        let mut resolver = Resolver::new(&store.aliases);
        resolver.next_meeting();
        let body_id = upsert_body(&mut link, &m, &mut resolver).await?;
        let (attendance, points) = resolve_rows(&mut link, &m, &mut resolver).await?;
        let next = m.next_meeting.as_ref();
        link.execute(
            Statement::new(SQL_UPDATE_HEAD)
                .bind(id)
                .bind_all(head_columns(&m, body_id))
                .bind(attendance.len() as i64)
                .bind(m.agenda.len() as i64)
                .bind(points.len() as i64)
                .bind(next.and_then(|n| n.month).map(month_key)),
        )
        .await?;
        link.execute(
            Statement::new(SQL_RECOMMENDATION_DATES)
                .bind(id)
                .bind(m.date),
        )
        .await?;
        let point_count = points.len();
        insert_minutes_rows(
            &mut link,
            &[Stored {
                meeting: &m,
                meeting_id: id,
                body_id,
                attendance,
                points,
            }],
        )
        .await?;
        audit::record(
            &mut link,
            by,
            now,
            audit::RecordKind::Meeting,
            id.get(),
            "edit",
            Some(serde_json::json!({
                "version": state.version,
                "title": state.title,
                "date": state.date,
                "place": state.place,
            })),
            Some(serde_json::json!({
                "version": state.version + 1,
                "title": m.title,
                "date": m.date,
                "place": m.place,
                "agenda_items": m.agenda.len(),
                "action_points": point_count,
            })),
        )
        .await?;
        changes::record(&mut link, &[id]).await?;
        tx.commit().await?;
        store.aliases.extend(resolver.learned());
        Ok(())
    }
}
