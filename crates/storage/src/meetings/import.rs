//! Importing meetings read from documents: each meeting with its agenda, action points,
//! attendance, recommendations, warnings and source document, in one transaction.

use std::collections::{HashMap, HashSet};

use cadre_domain::Actor;
use cadre_domain::text::match_key;
use cadre_domain::{
    BodyId, FieldFinding, ImportWarning, MeetingId, NewActionPoint, NewAgendaItem, NewAttendee,
    NewFunctionAttendee, NewMeeting, OrganisationId,
};
use chrono::{Datelike as _, NaiveDate};
use serde::Serialize;

use super::{Meetings, SQL_MEETING_FOR_SOURCE};
use crate::action_points::{INSERT_ACTION_POINTS, INSERT_RESPONSIBLES, no_date_sort_key};
use crate::engine::Link;
use crate::organisations::{AliasCache, Resolver, known_names};
use crate::statement::{MultiInsert, Statement, Value};
use crate::stored::month_key;
use crate::{Result, StorageError, changes};

/// What importing one meeting did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "meeting_id", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new meeting was stored.
    Created(MeetingId),
    /// The same source document (same SHA-256) was imported before, as this meeting.
    AlreadyImported(MeetingId),
}

impl ImportOutcome {
    pub fn meeting_id(self) -> MeetingId {
        match self {
            ImportOutcome::Created(id) | ImportOutcome::AlreadyImported(id) => id,
        }
    }
}

const SQL_UPSERT_BODY: &str = "INSERT INTO bodies (code, name, level, region) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, region = excluded.region \
     RETURNING id";
const SQL_INSERT_SOURCE: &str = "INSERT INTO source_documents (sha256, file_name, media_type, size, content, personal_data) \
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING RETURNING id";
const SQL_INSERT_MEETING: &str = "INSERT INTO meetings (body_id, kind, title, date, year, start_time, end_time, place, modality, \
     next_meeting_text, next_meeting_date, next_meeting_time, rapporteur, source_document_id, \
     attendance_count, agenda_count, action_point_count, next_meeting_month) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id";
const SQL_KNOWN_WORDS_MEETINGS: &str = "SELECT title || ' ' || COALESCE(place, '') AS t FROM meetings WHERE id > $1 \
     UNION ALL SELECT title || ' ' || discussion AS t FROM agenda_items WHERE meeting_id > $1";
const SQL_MAX_MEETING_ID: &str = "SELECT COALESCE(MAX(id), 0) AS id FROM meetings";

const INSERT_PERSONS: MultiInsert = MultiInsert {
    head: "INSERT INTO persons (attendance_id, name, organisation_id, phone, email) VALUES ",
    columns: 5,
    tail: "",
};
const INSERT_FUNCTION_ATTENDEES: MultiInsert = MultiInsert {
    head: "INSERT INTO function_attendees (meeting_id, position, function, person_name, phone, email) VALUES ",
    columns: 6,
    tail: "",
};
const INSERT_ATTENDANCES: MultiInsert = MultiInsert {
    head: "INSERT INTO attendances (meeting_id, position, organisation_id, as_written) VALUES ",
    columns: 4,
    tail: " RETURNING id, meeting_id, position",
};
const INSERT_AGENDA_ITEMS: MultiInsert = MultiInsert {
    head: "INSERT INTO agenda_items (meeting_id, position, number, title, presenter, discussion) VALUES ",
    columns: 6,
    tail: " RETURNING id, meeting_id, position",
};
/// Every meeting an import stores is in the audit log (see [`crate::audit`]).
const INSERT_AUDIT: MultiInsert = MultiInsert {
    head: "INSERT INTO audit_log (at, account_id, actor, record_kind, record_id, action, before, after) VALUES ",
    columns: 8,
    tail: "",
};
const INSERT_WARNINGS: MultiInsert = MultiInsert {
    head: "INSERT INTO import_warnings (meeting_id, position, field, message, text, code, args) VALUES ",
    columns: 7,
    tail: "",
};
const INSERT_FINDINGS: MultiInsert = MultiInsert {
    head: "INSERT INTO field_findings (meeting_id, position, field, found, code, args) VALUES ",
    columns: 6,
    tail: "",
};

impl Meetings<'_> {
    /// Stores a meeting in one transaction. Organisations are resolved through the alias
    /// table; a name never seen before becomes a new organisation flagged for review. A source
    /// document already stored (same SHA-256) is not imported again.
    pub async fn import(self, meeting: &NewMeeting, by: &Actor) -> Result<ImportOutcome> {
        self.import_batch(std::slice::from_ref(meeting), by)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| StorageError::Corrupt("no outcome for the import".into()))
    }

    /// Imports several meetings in one transaction: all of them are stored, or none. Archives
    /// import far faster this way (one commit per batch instead of one per document, each
    /// writing every touched page to the log again); a caller whose batch fails imports its
    /// documents one by one with [`Meetings::import`] to find the one at fault.
    /// Each meeting stored is recorded in the audit log as imported by `by`.
    pub async fn import_batch(
        self,
        meetings: &[NewMeeting],
        by: &Actor,
    ) -> Result<Vec<ImportOutcome>> {
        let store = self.0;
        let mut tx = store.begin().await?;
        let mut resolver = Resolver::new(&store.aliases);
        let outcomes = import_in(&mut tx.link(), meetings, &mut resolver, by).await?;
        tx.commit().await?;
        store.aliases.extend(resolver.learned());
        Ok(outcomes)
    }

    /// Texts whose words lost-space repair may use: organisation names and aliases, and the
    /// titles and discussions of the most recent `recent_meetings` meetings.
    pub async fn known_texts(self, recent_meetings: i64) -> Result<Vec<String>> {
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        let mut out = known_names(&mut link).await?;
        let (max,): (i64,) = link.fetch_one(Statement::new(SQL_MAX_MEETING_ID)).await?;
        let rows: Vec<(String,)> = link
            .fetch_all(Statement::new(SQL_KNOWN_WORDS_MEETINGS).bind(max - recent_meetings))
            .await?;
        out.extend(rows.into_iter().map(|(t,)| t));
        Ok(out)
    }
}

/// A meeting whose own row is stored, with the rows still to insert under it.
pub(super) struct Stored<'m> {
    pub(super) meeting: &'m NewMeeting,
    pub(super) meeting_id: MeetingId,
    pub(super) body_id: BodyId,
    pub(super) attendance: Vec<(OrganisationId, &'m NewAttendee)>,
    /// (agenda item position, action point, responsible organisations).
    pub(super) points: Vec<(usize, &'m NewActionPoint, Vec<OrganisationId>)>,
}

/// What [`import_head`] did with one meeting.
enum Head<'m> {
    Already(MeetingId),
    Stored(Stored<'m>),
}

/// Stores meetings inside the caller's transaction. Each meeting costs two statements (its
/// source document and itself); the rows under them — attendance, agenda, action points, … —
/// go in for the whole batch in multi-row statements, since on SQLite every statement is a
/// round trip to the connection's thread.
async fn import_in(
    link: &mut Link<'_>,
    meetings: &[NewMeeting],
    resolver: &mut Resolver<'_>,
    by: &Actor,
) -> Result<Vec<ImportOutcome>> {
    let mut outcomes = Vec::with_capacity(meetings.len());
    let mut stored: Vec<Stored<'_>> = Vec::with_capacity(meetings.len());
    for m in meetings {
        resolver.next_meeting();
        match import_head(link, m, resolver).await? {
            Head::Already(id) => outcomes.push(ImportOutcome::AlreadyImported(id)),
            Head::Stored(s) => {
                outcomes.push(ImportOutcome::Created(s.meeting_id));
                stored.push(s);
            }
        }
    }
    if stored.is_empty() {
        return Ok(outcomes);
    }
    let now = chrono::Utc::now();
    insert(link, INSERT_AUDIT, &stored, |s| {
        let after = serde_json::json!({
            "title": s.meeting.title,
            "date": s.meeting.date,
            "body": s.meeting.body.name,
            "source": s.meeting.source.as_ref().map(|d| &d.file_name),
        });
        vec![
            now.into(),
            by.account.into(),
            by.name.clone().into(),
            crate::audit::RecordKind::Meeting.as_str().into(),
            s.meeting_id.into(),
            // Minutes with no document were written in Cadre.
            if s.meeting.source.is_none() {
                "create"
            } else {
                "import"
            }
            .into(),
            Option::<String>::None.into(),
            after.to_string().into(),
        ]
    })
    .await?;

    insert_minutes_rows(link, &stored).await?;
    // Not among the minutes rows a correction rewrites: the correction form lists the
    // organisations present, and these people keep what the document said of them.
    let function_attendees: Vec<(MeetingId, usize, &NewFunctionAttendee)> = stored
        .iter()
        .flat_map(|s| {
            s.meeting
                .function_attendees
                .iter()
                .enumerate()
                .map(move |(i, f)| (s.meeting_id, i, f))
        })
        .collect();
    insert(
        link,
        INSERT_FUNCTION_ATTENDEES,
        &function_attendees,
        |(m, i, f)| {
            vec![
                (*m).into(),
                (*i as i64).into(),
                f.function.clone().into(),
                f.person_name.clone().into(),
                f.phone.clone().into(),
                f.email.clone().into(),
            ]
        },
    )
    .await?;

    let read: Vec<crate::recommendations::ReadFrom<'_>> = stored
        .iter()
        .map(|s| crate::recommendations::ReadFrom {
            meeting: s.meeting,
            meeting_id: s.meeting_id,
            body_id: s.body_id,
        })
        .collect();
    crate::recommendations::store_read(link, &read, by).await?;
    let warnings: Vec<(MeetingId, usize, &ImportWarning)> = stored
        .iter()
        .flat_map(|s| {
            s.meeting
                .warnings
                .iter()
                .enumerate()
                .map(move |(i, w)| (s.meeting_id, i, w))
        })
        .collect();
    insert(link, INSERT_WARNINGS, &warnings, |(m, i, w)| {
        vec![
            (*m).into(),
            (*i as i64).into(),
            w.field.clone().into(),
            w.message.clone().into(),
            w.text.clone().into(),
            w.code.clone().into(),
            args_json(&w.args).into(),
        ]
    })
    .await?;
    let findings: Vec<(MeetingId, usize, &FieldFinding)> = stored
        .iter()
        .flat_map(|s| {
            s.meeting
                .findings
                .iter()
                .enumerate()
                .map(move |(i, f)| (s.meeting_id, i, f))
        })
        .collect();
    insert(link, INSERT_FINDINGS, &findings, |(m, i, f)| {
        vec![
            (*m).into(),
            (*i as i64).into(),
            f.field.clone().into(),
            f.found.clone().into(),
            f.code.clone().into(),
            args_json(&f.args).into(),
        ]
    })
    .await?;
    let created: Vec<MeetingId> = stored.iter().map(|s| s.meeting_id).collect();
    changes::record(link, &created).await?;
    Ok(outcomes)
}

/// The rows of minutes under their meeting: attendance (with persons), agenda items, action
/// points and their responsible organisations, for every meeting of a batch at once.
pub(super) async fn insert_minutes_rows(link: &mut Link<'_>, stored: &[Stored<'_>]) -> Result<()> {
    let rows: Vec<(MeetingId, usize, OrganisationId, &NewAttendee)> = stored
        .iter()
        .flat_map(|s| {
            s.attendance
                .iter()
                .enumerate()
                .map(move |(i, (org, a))| (s.meeting_id, i, *org, *a))
        })
        .collect();
    let attendance_ids = insert_keyed(link, INSERT_ATTENDANCES, &rows, |(m, i, org, a)| {
        vec![
            (*m).into(),
            (*i as i64).into(),
            (*org).into(),
            a.organisation.clone().into(),
        ]
    })
    .await?;
    let mut persons: Vec<(i64, &str, OrganisationId, &NewAttendee)> = Vec::new();
    for (meeting, position, org, a) in &rows {
        if let Some(name) = person_name(a) {
            persons.push((id_at(&attendance_ids, *meeting, *position)?, name, *org, *a));
        }
    }
    insert(
        link,
        INSERT_PERSONS,
        &persons,
        |(attendance, name, org, a)| {
            vec![
                (*attendance).into(),
                (*name).into(),
                (*org).into(),
                a.phone.clone().into(),
                a.email.clone().into(),
            ]
        },
    )
    .await?;

    let items: Vec<(MeetingId, usize, &NewAgendaItem)> = stored
        .iter()
        .flat_map(|s| {
            s.meeting
                .agenda
                .iter()
                .enumerate()
                .map(move |(i, item)| (s.meeting_id, i, item))
        })
        .collect();
    let item_ids = insert_keyed(link, INSERT_AGENDA_ITEMS, &items, |(m, i, item)| {
        vec![
            (*m).into(),
            (*i as i64).into(),
            i64::from(item.number).into(),
            item.title.clone().into(),
            item.presenter.clone().into(),
            item.discussion.clone().into(),
        ]
    })
    .await?;

    /// (meeting, body, meeting date, position, agenda item, point, organisations).
    type PointRow<'a> = (
        MeetingId,
        BodyId,
        NaiveDate,
        usize,
        i64,
        &'a NewActionPoint,
        &'a Vec<OrganisationId>,
    );
    let mut points: Vec<PointRow<'_>> = Vec::new();
    for s in stored {
        for (position, (item, ap, orgs)) in s.points.iter().enumerate() {
            let item_id = id_at(&item_ids, s.meeting_id, *item)?;
            points.push((
                s.meeting_id,
                s.body_id,
                s.meeting.date,
                position,
                item_id,
                *ap,
                orgs,
            ));
        }
    }
    let point_ids = insert_keyed(
        link,
        INSERT_ACTION_POINTS,
        &points,
        |(meeting, body, date, position, item, ap, _)| {
            let due = ap.deadline.meaning.due_after(*date);
            vec![
                (*meeting).into(),
                (*item).into(),
                (*body).into(),
                (*date).into(),
                (*position as i64).into(),
                ap.what.clone().into(),
                ap.responsible.join(", ").into(),
                ap.deadline.as_written.clone().into(),
                ap.deadline.meaning.kind().into(),
                due.into(),
                due.unwrap_or_else(no_date_sort_key).into(),
                ap.status.as_str().into(),
            ]
        },
    )
    .await?;
    let mut responsibles: Vec<(i64, OrganisationId, i64)> = Vec::new();
    for (meeting, _, _, position, _, _, orgs) in &points {
        let id = id_at(&point_ids, *meeting, *position)?;
        responsibles.extend(orgs.iter().enumerate().map(|(i, org)| (id, *org, i as i64)));
    }
    insert(link, INSERT_RESPONSIBLES, &responsibles, |(ap, org, i)| {
        vec![(*ap).into(), (*org).into(), (*i).into()]
    })
    .await?;

    Ok(())
}

/// A meeting's own row and source document, and what its other rows need.
async fn import_head<'m>(
    link: &mut Link<'_>,
    m: &'m NewMeeting,
    resolver: &mut Resolver<'_>,
) -> Result<Head<'m>> {
    let source_id: Option<i64> = match &m.source {
        None => None,
        Some(src) => {
            let row: Option<(i64,)> = link
                .fetch_optional(
                    Statement::new(SQL_INSERT_SOURCE)
                        .bind(src.sha256.clone())
                        .bind(src.file_name.clone())
                        .bind(src.media_type.clone())
                        .bind(src.content.len() as i64)
                        .bind(src.content.clone())
                        .bind(src.personal_data),
                )
                .await?;
            match row {
                Some((id,)) => Some(id),
                None => {
                    let row: Option<(i64,)> = link
                        .fetch_optional(
                            Statement::new(SQL_MEETING_FOR_SOURCE).bind(src.sha256.clone()),
                        )
                        .await?;
                    return match row {
                        Some((id,)) => Ok(Head::Already(MeetingId::new(id))),
                        None => Err(StorageError::Corrupt(format!(
                            "source document {} is stored without its meeting",
                            src.sha256
                        ))),
                    };
                }
            }
        }
    };

    // A body's id never changes: after the first import, skip the upsert (one statement and
    // one written page less per import).
    let body_id = upsert_body(link, m, resolver).await?;
    let (attendance, points) = resolve_rows(link, m, resolver).await?;

    let next = m.next_meeting.as_ref();
    let (meeting_id,): (i64,) = link
        .fetch_one(
            Statement::new(SQL_INSERT_MEETING)
                .bind_all(head_columns(m, body_id))
                .bind(source_id)
                .bind(attendance.len() as i64)
                .bind(m.agenda.len() as i64)
                .bind(points.len() as i64)
                .bind(next.and_then(|n| n.month).map(month_key)),
        )
        .await?;

    Ok(Head::Stored(Stored {
        meeting: m,
        meeting_id: MeetingId::new(meeting_id),
        body_id,
        attendance,
        points,
    }))
}

/// The body's id, the body stored on its first meeting. A body's id never changes: after the
/// first import, the upsert is skipped (one statement and one written page less per import).
pub(super) async fn upsert_body(
    link: &mut Link<'_>,
    m: &NewMeeting,
    resolver: &mut Resolver<'_>,
) -> Result<BodyId> {
    let body_key = AliasCache::body_key(&m.body.code);
    Ok(BodyId::new(match resolver.cached(&body_key) {
        Some(id) => id,
        None => {
            let (id,): (i64,) = link
                .fetch_one(
                    Statement::new(SQL_UPSERT_BODY)
                        .bind(m.body.code.clone())
                        .bind(m.body.name.clone())
                        .bind(m.body.level.as_str())
                        .bind(m.body.region.clone()),
                )
                .await?;
            resolver.learn(body_key, id);
            id
        }
    }))
}

/// Attendance resolved to organisations (repeated lines merged), and the action points in
/// document order: (agenda position, point, responsible organisations).
pub(super) type ResolvedRows<'m> = (
    Vec<(OrganisationId, &'m NewAttendee)>,
    Vec<(usize, &'m NewActionPoint, Vec<OrganisationId>)>,
);

pub(super) async fn resolve_rows<'m>(
    link: &mut Link<'_>,
    m: &'m NewMeeting,
    resolver: &mut Resolver<'_>,
) -> Result<ResolvedRows<'m>> {
    let mut resolved = Vec::with_capacity(m.attendance.len());
    for a in &m.attendance {
        resolved.push(resolver.resolve(link, &a.organisation).await?);
    }
    let attendance = dedupe_attendance(&m.attendance, &resolved);
    let mut points: Vec<(usize, &NewActionPoint, Vec<OrganisationId>)> = Vec::new();
    for (item_position, item) in m.agenda.iter().enumerate() {
        for ap in &item.action_points {
            let mut orgs: Vec<OrganisationId> = Vec::new();
            for written in &ap.responsible {
                if let Some(org) = resolver.resolve(link, written).await? {
                    if !orgs.contains(&org) {
                        orgs.push(org);
                    }
                }
            }
            points.push((item_position, ap, orgs));
        }
    }
    Ok((attendance, points))
}

/// A meeting's own columns from `body_id` to `rapporteur`, in the order the statements that
/// store them list them (import inserts them, correction updates them).
pub(super) fn head_columns(m: &NewMeeting, body_id: BodyId) -> Vec<Value> {
    let next = m.next_meeting.as_ref();
    vec![
        body_id.into(),
        m.kind.as_str().into(),
        m.title.clone().into(),
        m.date.into(),
        i64::from(m.date.year()).into(),
        m.start_time.into(),
        m.end_time.into(),
        m.place.clone().into(),
        m.modality.as_str().into(),
        next.map(|n| n.as_written.clone()).into(),
        next.and_then(|n| n.date).into(),
        next.and_then(|n| n.time).into(),
        m.rapporteur.clone().into(),
    ]
}

/// Inserts `rows` with `table`'s multi-row statements.
async fn insert<T>(
    link: &mut Link<'_>,
    table: MultiInsert,
    rows: &[T],
    values: impl Fn(&T) -> Vec<Value>,
) -> Result<()> {
    for statement in table.statements(rows, values) {
        link.execute(statement).await?;
    }
    Ok(())
}

/// Inserts `rows` and returns their ids by (meeting, position), from `RETURNING id,
/// meeting_id, position`.
async fn insert_keyed<T>(
    link: &mut Link<'_>,
    table: MultiInsert,
    rows: &[T],
    values: impl Fn(&T) -> Vec<Value>,
) -> Result<HashMap<(i64, i64), i64>> {
    let mut ids = HashMap::with_capacity(rows.len());
    for statement in table.statements(rows, values) {
        let returned: Vec<(i64, i64, i64)> = link.fetch_all(statement).await?;
        ids.extend(
            returned
                .into_iter()
                .map(|(id, meeting, position)| ((meeting, position), id)),
        );
    }
    Ok(ids)
}

fn id_at(ids: &HashMap<(i64, i64), i64>, meeting: MeetingId, position: usize) -> Result<i64> {
    ids.get(&(meeting.get(), position as i64))
        .copied()
        .ok_or_else(|| StorageError::Corrupt("an inserted row was not returned".into()))
}

/// Attendance lines to store, in document order: one line per organisation unless the lines
/// name different persons. `resolved[i]` is the organisation of `attendance[i]`, `None` when
/// the line names nothing (it is then skipped).
fn dedupe_attendance<'a>(
    attendance: &'a [NewAttendee],
    resolved: &[Option<OrganisationId>],
) -> Vec<(OrganisationId, &'a NewAttendee)> {
    let mut seen: HashSet<(OrganisationId, Option<String>)> = HashSet::new();
    let mut present: HashSet<OrganisationId> = HashSet::new();
    let mut out = Vec::new();
    for (a, org) in attendance.iter().zip(resolved) {
        let Some(org) = *org else { continue };
        let person = person_name(a).map(match_key).filter(|k| !k.is_empty());
        if person.is_none() && present.contains(&org) {
            continue;
        }
        if !seen.insert((org, person)) {
            continue;
        }
        present.insert(org);
        out.push((org, a));
    }
    out
}

/// The attendee's person name, trimmed, when there is one.
fn person_name(a: &NewAttendee) -> Option<&str> {
    a.person_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_keeps_one_line_per_organisation_unless_persons_differ() {
        let a = |o: &str, p: Option<&str>| NewAttendee {
            organisation: o.into(),
            person_name: p.map(Into::into),
            phone: None,
            email: None,
        };
        let lines = [
            a("OIM", None),
            a("IOM", None),
            a("OIM", Some("A")),
            a("OIM", Some("B")),
            a("OIM", Some("a")),
            a("-", None),
        ];
        let oim = Some(OrganisationId::new(1));
        let kept = dedupe_attendance(&lines, &[oim, oim, oim, oim, oim, None]);
        assert_eq!(kept.len(), 3);
    }
}

/// A note's arguments as stored: a JSON object, none when empty.
fn args_json(args: &std::collections::BTreeMap<String, String>) -> Option<String> {
    (!args.is_empty()).then(|| serde_json::to_string(args).expect("strings serialise"))
}
