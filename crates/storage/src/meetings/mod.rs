//! Meetings and their minutes: header, attendance, agenda with action points, next meeting,
//! warnings and findings of the import, and the document they came from.

mod correction;
mod import;
mod lifecycle;

use std::collections::{HashMap, HashSet};

use cadre_domain::{
    AgendaItem, AgendaItemId, Attendee, Audience, Body, BodyLevel, FieldFinding, FunctionAttendee,
    ImportWarning, Meeting, MeetingId, MeetingKind, MeetingStatus, MeetingSummary, Modality,
    NextMeeting, Person, SourceDocument, SourceDocumentId,
};
use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

pub use import::ImportOutcome;
pub use lifecycle::{LifecycleOutcome, Transition};

use crate::statement::{ListQuery, Statement, Value, Where, paging};
use crate::stored::{parse_month_key, parse_stored, to_i32, to_u32};
use crate::{Page, Paging, Result, StorageError, Store, action_points};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingFilter {
    /// A body's code ("gtm-tahoua").
    pub body: Option<String>,
    pub year: Option<i32>,
    pub audience: Audience,
    pub paging: Paging,
}

/// A next meeting announced by the minutes of a past one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpcomingMeeting {
    pub body: String,
    pub body_code: String,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub as_written: String,
    /// The meeting whose minutes announced it.
    pub announced_in: MeetingId,
}

const MEETING_SUMMARY_SELECT: &str = "SELECT m.id, b.name AS body, b.code AS body_code, m.kind, m.title, m.date, m.place, \
     m.modality, m.attendance_count, m.agenda_count, m.action_point_count, m.next_meeting_date, m.status \
     FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN ";
const SQL_MEETING_YEARS: &str = "SELECT DISTINCT year FROM meetings ORDER BY year DESC";
const SQL_PUBLISHED_MEETING_YEARS: &str =
    "SELECT DISTINCT year FROM meetings WHERE status = 'published' ORDER BY year DESC";
const SQL_MEETING: &str = "SELECT m.id, m.kind, m.title, m.date, m.start_time, m.end_time, m.place, m.modality, \
     m.agenda_count, m.action_point_count, \
     m.next_meeting_text, m.next_meeting_date, m.next_meeting_time, m.next_meeting_month, m.rapporteur, m.status, m.version, \
     b.id AS body_id, b.code AS body_code, b.name AS body_name, b.level AS body_level, b.region AS body_region, \
     s.id AS source_id, s.file_name, s.media_type, s.sha256, s.size, s.personal_data \
     FROM meetings m JOIN bodies b ON b.id = m.body_id \
     LEFT JOIN source_documents s ON s.id = m.source_document_id WHERE m.id = $1";
/// The organisations present, then the people present by their function (no organisation:
/// their function stands in the name column), each in the list's order.
const SQL_MEETING_ATTENDANCE: &str = "SELECT 0 AS part, a.position, a.organisation_id, o.name, o.acronym, a.as_written, \
     p.name AS person_name \
     FROM attendances a JOIN organisations o ON o.id = a.organisation_id \
     LEFT JOIN persons p ON p.attendance_id = a.id WHERE a.meeting_id = $1 \
     UNION ALL SELECT 1 AS part, f.position, NULL AS organisation_id, f.function AS name, NULL AS acronym, \
     f.function AS as_written, f.person_name FROM function_attendees f WHERE f.meeting_id = $1 \
     ORDER BY part, position";
const SQL_MEETING_AGENDA: &str = "SELECT id, number, title, presenter, discussion FROM agenda_items WHERE meeting_id = $1 ORDER BY position";
/// The import's notes on a meeting, warnings and findings in one statement: findings first
/// ('finding' < 'warning'), each in document order.
const SQL_MEETING_NOTES: &str = "SELECT 'warning' AS kind, position, field, message, text, code, args \
     FROM import_warnings WHERE meeting_id = $1 \
     UNION ALL SELECT 'finding' AS kind, position, field, found AS message, NULL AS text, code, args \
     FROM field_findings WHERE meeting_id = $1 ORDER BY kind, position";
const SQL_UPCOMING: &str = "SELECT m.body_id, b.name AS body, b.code AS body_code, m.next_meeting_date, m.next_meeting_time, \
     m.next_meeting_text, m.id FROM meetings m JOIN bodies b ON b.id = m.body_id \
     WHERE m.next_meeting_date >= $1 AND ($2 OR m.status = 'published') \
     ORDER BY m.next_meeting_date, b.name, m.body_id, m.date DESC, m.id DESC";
const SQL_MEETING_FOR_SOURCE: &str = "SELECT m.id FROM meetings m JOIN source_documents s ON s.id = m.source_document_id \
     WHERE s.sha256 = $1 ORDER BY m.id LIMIT 1";
const SQL_ATTENDEE_CONTACTS: &str = "SELECT 0 AS part, a.position, p.name AS person_name, o.name AS organisation, p.phone, p.email \
     FROM attendances a JOIN persons p ON p.attendance_id = a.id \
     JOIN organisations o ON o.id = a.organisation_id WHERE a.meeting_id = $1 \
     UNION ALL SELECT 1 AS part, f.position, f.person_name, f.function AS organisation, f.phone, f.email \
     FROM function_attendees f WHERE f.meeting_id = $1 AND f.person_name IS NOT NULL \
     ORDER BY part, position";

fn meetings_query(f: &MeetingFilter) -> ListQuery {
    let mut w = Where::default();
    if let Some(code) = &f.body {
        w.and(
            "m.body_id = (SELECT id FROM bodies WHERE code = {})",
            [Value::from(code.clone())],
        );
    }
    if let Some(year) = f.year {
        w.and("m.year = {}", [Value::from(i64::from(year))]);
    }
    if f.audience.is_public() {
        w.and_sql("m.status = 'published'");
    }
    let (limit, offset) = paging(&f.paging);
    ListQuery {
        // The page's ids come from an index alone (date, id; or body/year, date, id), then only
        // those rows are read: deep pages skip index entries, not joined rows.
        list_sql: format!(
            "{MEETING_SUMMARY_SELECT}(SELECT m.id FROM meetings m{} ORDER BY m.date DESC, m.id DESC{}) page \
             ON page.id = m.id ORDER BY m.date DESC, m.id DESC",
            w.sql,
            w.limit_offset()
        ),
        count_sql: format!("SELECT COUNT(*) AS n FROM meetings m{}", w.sql),
        params: w.params,
        limit,
        offset,
    }
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    body: String,
    body_code: String,
    kind: String,
    title: String,
    date: NaiveDate,
    place: Option<String>,
    modality: String,
    attendance_count: i64,
    agenda_count: i64,
    action_point_count: i64,
    next_meeting_date: Option<NaiveDate>,
    status: String,
}

impl SummaryRow {
    fn into_domain(self) -> Result<MeetingSummary> {
        Ok(MeetingSummary {
            id: self.id.into(),
            body: self.body,
            body_code: self.body_code,
            kind: parse_stored(&self.kind, MeetingKind::parse, "meeting kind")?,
            title: self.title,
            date: self.date,
            place: self.place,
            modality: parse_stored(&self.modality, Modality::parse, "modality")?,
            attendance_count: self.attendance_count,
            agenda_count: self.agenda_count,
            action_point_count: self.action_point_count,
            next_meeting_date: self.next_meeting_date,
            status: parse_stored(&self.status, MeetingStatus::parse, "meeting status")?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MeetingRow {
    kind: String,
    title: String,
    date: NaiveDate,
    start_time: Option<NaiveTime>,
    end_time: Option<NaiveTime>,
    place: Option<String>,
    modality: String,
    agenda_count: i64,
    action_point_count: i64,
    next_meeting_text: Option<String>,
    next_meeting_date: Option<NaiveDate>,
    next_meeting_time: Option<NaiveTime>,
    next_meeting_month: Option<String>,
    rapporteur: Option<String>,
    status: String,
    version: i64,
    body_id: i64,
    body_code: String,
    body_name: String,
    body_level: String,
    body_region: Option<String>,
    source_id: Option<i64>,
    file_name: Option<String>,
    media_type: Option<String>,
    sha256: Option<String>,
    size: Option<i64>,
    personal_data: Option<bool>,
}

impl MeetingRow {
    fn source(&self) -> Result<Option<SourceDocument>> {
        let Some(id) = self.source_id.map(SourceDocumentId::new) else {
            return Ok(None);
        };
        let missing = || StorageError::Corrupt(format!("source document {id} lacks a column"));
        Ok(Some(SourceDocument {
            id,
            file_name: self.file_name.clone().ok_or_else(missing)?,
            media_type: self.media_type.clone().ok_or_else(missing)?,
            sha256: self.sha256.clone().ok_or_else(missing)?,
            size: self.size.ok_or_else(missing)?,
            personal_data: self.personal_data.ok_or_else(missing)?,
        }))
    }

    fn next_meeting(&self) -> Result<Option<NextMeeting>> {
        let Some(as_written) = self.next_meeting_text.clone() else {
            return Ok(None);
        };
        Ok(Some(NextMeeting {
            as_written,
            date: self.next_meeting_date,
            time: self.next_meeting_time,
            month: self
                .next_meeting_month
                .as_deref()
                .map(parse_month_key)
                .transpose()?,
        }))
    }
}

#[derive(sqlx::FromRow)]
struct AttendeeRow {
    /// `None` for a person present by their function.
    organisation_id: Option<i64>,
    name: String,
    acronym: Option<String>,
    as_written: String,
    person_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct AgendaItemRow {
    id: i64,
    number: i64,
    title: String,
    presenter: Option<String>,
    discussion: String,
}

/// A warning or a finding of the import (see [`SQL_MEETING_NOTES`]).
#[derive(sqlx::FromRow)]
struct NoteRow {
    kind: String,
    field: String,
    message: String,
    text: Option<String>,
    code: Option<String>,
    args: Option<String>,
}

#[derive(sqlx::FromRow)]
struct UpcomingRow {
    body_id: i64,
    body: String,
    body_code: String,
    next_meeting_date: NaiveDate,
    next_meeting_time: Option<NaiveTime>,
    next_meeting_text: Option<String>,
    id: i64,
}

#[derive(sqlx::FromRow)]
struct ContactRow {
    person_name: String,
    organisation: String,
    phone: Option<String>,
    email: Option<String>,
}

/// The meetings of a [`Store`].
#[derive(Clone, Copy)]
pub struct Meetings<'s>(pub(crate) &'s Store);

impl Meetings<'_> {
    /// Meetings, most recent first.
    pub async fn list(self, filter: &MeetingFilter) -> Result<Page<MeetingSummary>> {
        let (total, rows) = self.0.page::<SummaryRow>(&meetings_query(filter)).await?;
        let items = rows
            .into_iter()
            .map(SummaryRow::into_domain)
            .collect::<Result<_>>()?;
        Ok(Page { items, total })
    }

    /// The summaries of these meetings (any status), in no particular order; unknown ids are
    /// left out.
    pub async fn summaries(self, ids: &[MeetingId]) -> Result<Vec<MeetingSummary>> {
        let mut out = Vec::with_capacity(ids.len());
        let mut conn = self.0.conn().await?;
        // A few hundred parameters per statement: within every engine's limit.
        for chunk in ids.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "{MEETING_SUMMARY_SELECT}(SELECT id FROM meetings WHERE id IN ({})) page ON page.id = m.id",
                placeholders.join(", ")
            );
            let statement = Statement::built(sql).bind_all(chunk.iter().map(|id| Value::from(*id)));
            let rows: Vec<SummaryRow> = conn.link().fetch_all(statement).await?;
            for row in rows {
                out.push(row.into_domain()?);
            }
        }
        Ok(out)
    }

    /// Years in which meetings took place, most recent first.
    pub async fn years(self, audience: Audience) -> Result<Vec<i32>> {
        let sql = match audience {
            Audience::Public => SQL_PUBLISHED_MEETING_YEARS,
            Audience::Internal => SQL_MEETING_YEARS,
        };
        let mut conn = self.0.conn().await?;
        let rows: Vec<(i64,)> = conn.link().fetch_all(Statement::new(sql)).await?;
        rows.into_iter().map(|(y,)| to_i32(y, "year")).collect()
    }

    /// A meeting with everything under it.
    pub async fn get(self, id: MeetingId) -> Result<Option<Meeting>> {
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        let Some(row) = link
            .fetch_optional::<MeetingRow>(Statement::new(SQL_MEETING).bind(id))
            .await?
        else {
            return Ok(None);
        };
        // The counts stored at import say which parts are empty: no statement for those.
        // Always read: people present by their function are not in the attendance count.
        let attendance: Vec<AttendeeRow> = link
            .fetch_all(Statement::new(SQL_MEETING_ATTENDANCE).bind(id))
            .await?;
        let points = if row.action_point_count > 0 {
            action_points::of_meeting(&mut link, id).await?
        } else {
            Vec::new()
        };
        let mut by_item: HashMap<AgendaItemId, Vec<cadre_domain::ActionPoint>> = HashMap::new();
        for p in points {
            by_item.entry(p.agenda_item_id).or_default().push(p);
        }
        let agenda: Vec<AgendaItemRow> = if row.agenda_count > 0 {
            link.fetch_all(Statement::new(SQL_MEETING_AGENDA).bind(id))
                .await?
        } else {
            Vec::new()
        };
        let notes: Vec<NoteRow> = link
            .fetch_all(Statement::new(SQL_MEETING_NOTES).bind(id))
            .await?;
        let (mut warnings, mut findings) = (Vec::new(), Vec::new());
        for note in notes {
            let args = match &note.args {
                Some(json) => serde_json::from_str(json).map_err(|e| {
                    StorageError::Corrupt(format!("arguments of an import note: {e}"))
                })?,
                None => Default::default(),
            };
            if note.kind == "warning" {
                warnings.push(ImportWarning {
                    field: note.field,
                    message: note.message,
                    text: note.text,
                    code: note.code,
                    args,
                });
            } else {
                findings.push(FieldFinding {
                    field: note.field,
                    found: note.message,
                    code: note.code,
                    args,
                });
            }
        }

        let (mut attendees, mut function_attendees) = (Vec::new(), Vec::new());
        for a in attendance {
            match a.organisation_id {
                Some(organisation_id) => attendees.push(Attendee {
                    organisation_id: organisation_id.into(),
                    organisation: a.name,
                    organisation_acronym: a.acronym,
                    as_written: a.as_written,
                    person_name: a.person_name,
                }),
                None => function_attendees.push(FunctionAttendee {
                    function: a.as_written,
                    person_name: a.person_name,
                }),
            }
        }
        let attendance = attendees;
        Ok(Some(Meeting {
            id,
            body: Body {
                id: row.body_id.into(),
                code: row.body_code.clone(),
                name: row.body_name.clone(),
                level: parse_stored(&row.body_level, BodyLevel::parse, "body level")?,
                region: row.body_region.clone(),
            },
            kind: parse_stored(&row.kind, MeetingKind::parse, "meeting kind")?,
            title: row.title.clone(),
            date: row.date,
            start_time: row.start_time,
            end_time: row.end_time,
            place: row.place.clone(),
            modality: parse_stored(&row.modality, Modality::parse, "modality")?,
            attendance,
            function_attendees,
            agenda: agenda
                .into_iter()
                .map(|i| {
                    Ok(AgendaItem {
                        id: i.id.into(),
                        number: to_u32(i.number, "agenda item number")?,
                        title: i.title,
                        presenter: i.presenter,
                        discussion: i.discussion,
                        action_points: by_item.remove(&AgendaItemId::new(i.id)).unwrap_or_default(),
                    })
                })
                .collect::<Result<_>>()?,
            next_meeting: row.next_meeting()?,
            rapporteur: row.rapporteur.clone(),
            status: parse_stored(&row.status, MeetingStatus::parse, "meeting status")?,
            version: row.version,
            warnings,
            findings,
            source: row.source()?,
        }))
    }

    /// Next meetings announced for `from` or later, soonest first, at most one per body and
    /// date (the public learns them from published minutes only).
    pub async fn upcoming(
        self,
        from: NaiveDate,
        limit: i64,
        audience: Audience,
    ) -> Result<Vec<UpcomingMeeting>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<UpcomingRow> = conn
            .link()
            .fetch_all(
                Statement::new(SQL_UPCOMING)
                    .bind(from)
                    .bind(!audience.is_public()),
            )
            .await?;
        let mut seen: HashSet<(i64, NaiveDate)> = HashSet::new();
        let mut out = Vec::new();
        for row in rows {
            if out.len() as i64 >= limit {
                break;
            }
            if !seen.insert((row.body_id, row.next_meeting_date)) {
                continue;
            }
            out.push(UpcomingMeeting {
                body: row.body,
                body_code: row.body_code,
                date: row.next_meeting_date,
                time: row.next_meeting_time,
                as_written: row.next_meeting_text.unwrap_or_default(),
                announced_in: row.id.into(),
            });
        }
        Ok(out)
    }

    /// The meeting already imported from a document with this SHA-256, if any.
    pub async fn for_source(self, sha256: &str) -> Result<Option<MeetingId>> {
        let mut conn = self.0.conn().await?;
        let row: Option<(i64,)> = conn
            .link()
            .fetch_optional(Statement::new(SQL_MEETING_FOR_SOURCE).bind(sha256))
            .await?;
        Ok(row.map(|(id,)| MeetingId::new(id)))
    }

    /// Private contact details of a meeting's attendees (see [`Person`]).
    pub async fn attendee_contacts(self, meeting: MeetingId) -> Result<Vec<Person>> {
        let mut conn = self.0.conn().await?;
        let rows: Vec<ContactRow> = conn
            .link()
            .fetch_all(Statement::new(SQL_ATTENDEE_CONTACTS).bind(meeting))
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| Person {
                name: r.person_name,
                organisation: r.organisation,
                phone: r.phone,
                email: r.email,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_filters_number_their_parameters() {
        let q = meetings_query(&MeetingFilter {
            body: Some("gtm-tahoua".into()),
            year: Some(2023),
            audience: Audience::Internal,
            paging: Paging::page(20, 40),
        });
        assert!(q.list_sql.contains("code = $1"));
        assert!(q.list_sql.contains("m.year = $2"));
        assert!(q.list_sql.contains("LIMIT $3 OFFSET $4"));
        assert_eq!(
            q.count_sql,
            "SELECT COUNT(*) AS n FROM meetings m WHERE m.body_id = (SELECT id FROM bodies WHERE code = $1) AND m.year = $2"
        );
        assert_eq!(
            meetings_query(&MeetingFilter {
                audience: Audience::Internal,
                ..Default::default()
            })
            .count_sql,
            "SELECT COUNT(*) AS n FROM meetings m"
        );
        // What the public lists is published minutes, whatever else it asks.
        assert_eq!(
            meetings_query(&MeetingFilter::default()).count_sql,
            "SELECT COUNT(*) AS n FROM meetings m WHERE m.status = 'published'"
        );
        assert_eq!(q.params.len(), 2);
        assert_eq!((q.limit, q.offset), (20, 40));
    }
}
