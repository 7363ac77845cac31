//! The one implementation of [`Database`](crate::Database), shared by every engine.
//!
//! The SQL below is written once, with `$1`-style parameters, and runs unchanged on SQLite and
//! PostgreSQL. The trait implementation is the macro [`impl_database!`](crate::impl_database),
//! which each engine crate invokes on its own struct so that the code is compiled against
//! concrete sqlx types. Only connecting and migrating differ per engine.
//!
//! What an engine crate provides before invoking the macro:
//!
//! ```ignore
//! #[derive(Clone)]
//! pub struct SqliteDatabase {
//!     pool: sqlx::SqlitePool,
//!     aliases: cadre_storage::shared::AliasCache,
//! }
//! impl SqliteDatabase {
//!     /// Connects and migrates (schema, then `seed_known_organisations_sql()`).
//!     async fn connect_engine(url: &str) -> cadre_storage::Result<Self> { … }
//! }
//! cadre_storage::impl_database!(SqliteDatabase, sqlx::Sqlite, begin = "BEGIN IMMEDIATE", analyze = "");
//! ```
//!
//! Portability rules followed by every statement: only `i64`, `String`, `bool`, `NaiveDate`,
//! `NaiveTime`, `Vec<u8>` and their `Option`s are bound or decoded; no engine-specific
//! functions; `INSERT … RETURNING id` for keys; `ON CONFLICT … DO NOTHING/UPDATE` for upserts;
//! the meeting's year has its own column; list counts are stored with the meeting at import.
//!
//! SQL text is constant, or built only from the constant fragments below according to which
//! filters are present (never from user data), so sqlx's per-connection statement cache hits.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use cadre_domain::organisation::{KNOWN_ORGANISATIONS, candidate_keys};
use cadre_domain::text::match_key;
use cadre_domain::{Id, NewAttendee};
use chrono::NaiveDate;

use crate::{ActionPointFilter, MeetingFilter, Paging, RecommendationFilter, StorageError};

#[doc(hidden)]
pub mod __private {
    pub use cadre_domain;
    pub use chrono;
    pub use sqlx;
}

/// Alias key → organisation, remembered across imports. Filled only with mappings that are
/// committed (an import adds its new keys after its transaction commits), and never emptied:
/// a key, once stored, always names the same organisation (nothing in the contract merges or
/// deletes organisations; if that ever changes, clear this cache there).
#[derive(Debug, Clone, Default)]
pub struct AliasCache(Arc<Mutex<HashMap<String, Id>>>);

impl AliasCache {
    pub fn get(&self, key: &str) -> Option<Id> {
        self.0.lock().ok()?.get(key).copied()
    }
    pub fn extend(&self, entries: impl IntoIterator<Item = (String, Id)>) {
        if let Ok(mut map) = self.0.lock() {
            map.extend(entries);
        }
    }
}

/// The [`AliasCache`] entry of a body's id. Alias keys are letters and digits only, so this
/// never collides with one.
pub fn body_cache_key(code: &str) -> String {
    format!("body:{code}")
}

/// A value bound to a built statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param {
    Int(i64),
    Text(String),
    Date(NaiveDate),
}

/// A `WHERE` clause built from constant fragments, with its parameters in `$n` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Where {
    pub sql: String,
    pub params: Vec<Param>,
}

impl Where {
    fn new() -> Self {
        Where {
            sql: String::new(),
            params: Vec::new(),
        }
    }

    /// Adds `WHERE <condition>` or `AND <condition>`, where each `{}` in `condition` is the next
    /// parameter in `params`. Without any condition the clause stays empty (so that SQLite's
    /// `COUNT(*)` of a whole table stays its fast path).
    fn and(&mut self, condition: &str, params: impl IntoIterator<Item = Param>) {
        self.sql.push_str(if self.sql.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        let mut parts = condition.split("{}");
        self.sql.push_str(parts.next().unwrap_or_default());
        let mut params = params.into_iter();
        for part in parts {
            let p = params.next().expect("one parameter per placeholder");
            self.params.push(p);
            write!(self.sql, "${}", self.params.len()).expect("writing to a String");
            self.sql.push_str(part);
        }
    }

    /// `LIMIT $n OFFSET $n+1` after the filter's parameters.
    fn limit_offset(&self) -> String {
        let n = self.params.len();
        format!(" LIMIT ${} OFFSET ${}", n + 1, n + 2)
    }
}

/// The list and count statements of a filtered, paged list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    /// Binds `params`, then `limit`, then `offset`.
    pub list_sql: String,
    /// Binds `params` only.
    pub count_sql: String,
    pub params: Vec<Param>,
    pub limit: i64,
    pub offset: i64,
}

fn paging(p: &Paging) -> (i64, i64) {
    (p.limit.unwrap_or(i64::MAX).max(0), p.offset.max(0))
}

const PENDING: &str = "('open', 'in_progress')";

pub const MEETING_SUMMARY_SELECT: &str = "SELECT m.id, b.name AS body, b.code AS body_code, m.kind, m.title, m.date, m.place, \
     m.modality, m.attendance_count, m.agenda_count, m.action_point_count, m.next_meeting_date, m.status \
     FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN ";

pub fn meetings_query(f: &MeetingFilter) -> ListQuery {
    let mut w = Where::new();
    if let Some(code) = &f.body {
        w.and(
            "m.body_id = (SELECT id FROM bodies WHERE code = {})",
            [Param::Text(code.clone())],
        );
    }
    if let Some(year) = f.year {
        w.and("m.year = {}", [Param::Int(year.into())]);
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

pub const ACTION_POINT_SELECT: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name AS body, ap.agenda_item_id, \
     ai.title AS agenda_item_title, ap.what, ap.responsible_as_written, ap.deadline_text, \
     ap.deadline_kind, ap.due_date, ap.status \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     JOIN agenda_items ai ON ai.id = ap.agenda_item_id";

pub const ACTION_POINT_ORDER: &str =
    " ORDER BY ap.sort_date, ap.meeting_date, ap.meeting_id, ap.position";

pub const RESPONSIBLE_SELECT: &str = "SELECT apo.action_point_id, o.id, o.name, o.acronym \
     FROM action_point_organisations apo JOIN organisations o ON o.id = apo.organisation_id \
     WHERE apo.action_point_id IN ";

/// Action points of a filter; also returns, as `count_sql`'s sibling, the statement listing the
/// responsible organisations of the same page (see [`action_points_responsible_sql`]).
pub fn action_points_query(f: &ActionPointFilter) -> (ListQuery, String) {
    let mut w = Where::new();
    if let Some(org) = f.organisation {
        w.and(
            "ap.id IN (SELECT action_point_id FROM action_point_organisations WHERE organisation_id = {})",
            [Param::Int(org)],
        );
    }
    if let Some(status) = f.status {
        w.and("ap.status = {}", [Param::Text(status.as_str().into())]);
    }
    if let Some(day) = f.overdue_on {
        w.and(
            &format!("ap.status IN {PENDING} AND ap.due_date < {{}}"),
            [Param::Date(day)],
        );
    }
    if let Some((from, to)) = f.due_between {
        w.and(
            &format!("ap.status IN {PENDING} AND ap.due_date >= {{}} AND ap.due_date <= {{}}"),
            [Param::Date(from), Param::Date(to)],
        );
    }
    if let Some(meeting) = f.meeting {
        w.and("ap.meeting_id = {}", [Param::Int(meeting)]);
    }
    if let Some(code) = &f.body {
        w.and(
            "ap.body_id = (SELECT id FROM bodies WHERE code = {})",
            [Param::Text(code.clone())],
        );
    }
    let (limit, offset) = paging(&f.paging);
    let page = format!("{ACTION_POINT_ORDER}{}", w.limit_offset());
    let responsible = format!(
        "{RESPONSIBLE_SELECT}(SELECT ap.id FROM action_points ap{}{page}) \
         ORDER BY apo.action_point_id, apo.position",
        w.sql
    );
    (
        ListQuery {
            list_sql: format!("{ACTION_POINT_SELECT}{}{page}", w.sql),
            count_sql: format!("SELECT COUNT(*) AS n FROM action_points ap{}", w.sql),
            params: w.params,
            limit,
            offset,
        },
        responsible,
    )
}

pub const RECOMMENDATION_SELECT: &str = "SELECT r.id, r.meeting_id, b.name AS body, r.meeting_date, r.roadmap, r.position, r.text, \
     r.scope, r.thematic_group, r.implementation_status, r.challenges, r.perspectives \
     FROM recommendations r JOIN meetings m ON m.id = r.meeting_id \
     JOIN bodies b ON b.id = m.body_id";

pub fn recommendations_query(f: &RecommendationFilter) -> ListQuery {
    let mut w = Where::new();
    if let Some(meeting) = f.meeting {
        w.and("r.meeting_id = {}", [Param::Int(meeting)]);
    }
    if let Some(roadmap) = &f.roadmap {
        w.and("r.roadmap = {}", [Param::Text(roadmap.clone())]);
    }
    if let Some(group) = &f.thematic_group {
        w.and("r.thematic_group = {}", [Param::Text(group.clone())]);
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

// ---- Import -------------------------------------------------------------------------------

pub const SQL_MEETING_FOR_SOURCE: &str = "SELECT m.id FROM meetings m JOIN source_documents s ON s.id = m.source_document_id \
     WHERE s.sha256 = $1 ORDER BY m.id LIMIT 1";
pub const SQL_UPSERT_BODY: &str = "INSERT INTO bodies (code, name, level, region) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, region = excluded.region \
     RETURNING id";
pub const SQL_INSERT_SOURCE: &str = "INSERT INTO source_documents (sha256, file_name, media_type, size, content, personal_data) \
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO NOTHING RETURNING id";
pub const SQL_INSERT_MEETING: &str = "INSERT INTO meetings (body_id, kind, title, date, year, start_time, end_time, place, modality, \
     next_meeting_text, next_meeting_date, next_meeting_time, rapporteur, source_document_id, \
     attendance_count, agenda_count, action_point_count, next_meeting_month) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id";
pub const SQL_ALIAS_LOOKUP: &str =
    "SELECT organisation_id FROM organisation_aliases WHERE key = $1";
pub const SQL_INSERT_ORGANISATION: &str = "INSERT INTO organisations (name, acronym, kind, needs_review) VALUES ($1, NULL, 'other', TRUE) \
     RETURNING id";
pub const SQL_INSERT_ALIAS: &str = "INSERT INTO organisation_aliases (key, organisation_id, alias) VALUES ($1, $2, $3) \
     ON CONFLICT (key) DO NOTHING RETURNING organisation_id";
pub const SQL_DELETE_ORGANISATION: &str = "DELETE FROM organisations WHERE id = $1";

// Rows of one table are inserted several at a time: `INSERT … VALUES (…), (…) …` in chunks of
// 32, 16, 8, 4, 2 and 1 rows, so that a table has at most six statement texts to cache.
pub const INSERT_PERSONS: (&str, usize, &str) = (
    "INSERT INTO persons (attendance_id, name, organisation_id, phone, email) VALUES ",
    5,
    "",
);
pub const INSERT_ATTENDANCES: (&str, usize, &str) = (
    "INSERT INTO attendances (meeting_id, position, organisation_id, as_written) VALUES ",
    4,
    " RETURNING id, meeting_id, position",
);
pub const INSERT_AGENDA_ITEMS: (&str, usize, &str) = (
    "INSERT INTO agenda_items (meeting_id, position, number, title, presenter, discussion) VALUES ",
    6,
    " RETURNING id, meeting_id, position",
);
pub const INSERT_ACTION_POINTS: (&str, usize, &str) = (
    "INSERT INTO action_points (meeting_id, agenda_item_id, body_id, meeting_date, position, what, \
     responsible_as_written, deadline_text, deadline_kind, due_date, sort_date, status) VALUES ",
    12,
    " RETURNING id, meeting_id, position",
);
pub const INSERT_RESPONSIBLES: (&str, usize, &str) = (
    "INSERT INTO action_point_organisations (action_point_id, organisation_id, position) VALUES ",
    3,
    "",
);
pub const INSERT_RECOMMENDATIONS: (&str, usize, &str) = (
    "INSERT INTO recommendations (meeting_id, meeting_date, roadmap, position, text, scope, thematic_group, \
     implementation_status, challenges, perspectives) VALUES ",
    10,
    "",
);
pub const INSERT_WARNINGS: (&str, usize, &str) = (
    "INSERT INTO import_warnings (meeting_id, position, field, message, text) VALUES ",
    5,
    "",
);

pub const INSERT_FINDINGS: (&str, usize, &str) = (
    "INSERT INTO field_findings (meeting_id, position, field, found) VALUES ",
    4,
    "",
);
pub const INSERT_CHANGES: (&str, usize, &str) = ("INSERT INTO changes (meeting_id) VALUES ", 1, "");

const CHUNK_SIZES: [usize; 6] = [32, 16, 8, 4, 2, 1];

/// `n` rows split into chunks of the sizes above, largest first, as (start, length).
pub fn chunks(n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for size in CHUNK_SIZES {
        while n - start >= size {
            out.push((start, size));
            start += size;
        }
    }
    out
}

/// `head (…$1…), (…) tail` for `rows` rows of `(head, columns, tail)`.
pub fn multi_insert_sql(table: (&str, usize, &str), rows: usize) -> String {
    let (head, columns, tail) = table;
    let mut sql = String::with_capacity(head.len() + tail.len() + rows * columns * 5);
    sql.push_str(head);
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            let _ = write!(sql, "${}", r * columns + c + 1);
        }
        sql.push(')');
    }
    sql.push_str(tail);
    sql
}

/// A month as stored: "2023-05".
pub fn month_key(m: cadre_domain::dates::MonthOfYear) -> String {
    format!("{:04}-{:02}", m.year, m.month)
}

pub fn parse_month_key(s: &str) -> crate::Result<cadre_domain::dates::MonthOfYear> {
    s.split_once('-')
        .and_then(|(y, m)| cadre_domain::dates::MonthOfYear::new(y.parse().ok()?, m.parse().ok()?))
        .ok_or_else(|| crate::StorageError::Corrupt(format!("stored month {s:?} is not YYYY-MM")))
}

// ---- Reads --------------------------------------------------------------------------------

pub const SQL_BODIES: &str = "SELECT b.id, b.code, b.name, b.level, b.region, COALESCE(c.n, 0) AS meeting_count FROM bodies b \
     LEFT JOIN (SELECT body_id, COUNT(*) AS n FROM meetings GROUP BY body_id) c ON c.body_id = b.id \
     ORDER BY b.name, b.id";
pub const SQL_MEETING_YEARS: &str = "SELECT DISTINCT year FROM meetings ORDER BY year DESC";
pub const SQL_MEETING: &str = "SELECT m.id, m.kind, m.title, m.date, m.start_time, m.end_time, m.place, m.modality, \
     m.next_meeting_text, m.next_meeting_date, m.next_meeting_time, m.next_meeting_month, m.rapporteur, m.status, \
     b.id AS body_id, b.code AS body_code, b.name AS body_name, b.level AS body_level, b.region AS body_region, \
     s.id AS source_id, s.file_name, s.media_type, s.sha256, s.size, s.personal_data \
     FROM meetings m JOIN bodies b ON b.id = m.body_id \
     LEFT JOIN source_documents s ON s.id = m.source_document_id WHERE m.id = $1";
pub const SQL_MEETING_ATTENDANCE: &str = "SELECT a.organisation_id, o.name, o.acronym, a.as_written, p.name AS person_name \
     FROM attendances a JOIN organisations o ON o.id = a.organisation_id \
     LEFT JOIN persons p ON p.attendance_id = a.id WHERE a.meeting_id = $1 ORDER BY a.position";
pub const SQL_MEETING_AGENDA: &str = "SELECT id, number, title, presenter, discussion FROM agenda_items WHERE meeting_id = $1 ORDER BY position";
pub const SQL_MEETING_ACTION_POINTS: &str = "SELECT ap.id, ap.meeting_id, ap.meeting_date, b.name AS body, ap.agenda_item_id, \
     ai.title AS agenda_item_title, ap.what, ap.responsible_as_written, ap.deadline_text, \
     ap.deadline_kind, ap.due_date, ap.status \
     FROM action_points ap JOIN bodies b ON b.id = ap.body_id \
     JOIN agenda_items ai ON ai.id = ap.agenda_item_id WHERE ap.meeting_id = $1 ORDER BY ap.position";
pub const SQL_MEETING_RESPONSIBLE: &str = "SELECT apo.action_point_id, o.id, o.name, o.acronym \
     FROM action_point_organisations apo JOIN action_points ap ON ap.id = apo.action_point_id \
     JOIN organisations o ON o.id = apo.organisation_id \
     WHERE ap.meeting_id = $1 ORDER BY apo.action_point_id, apo.position";
pub const SQL_MEETING_FINDINGS: &str =
    "SELECT field, found FROM field_findings WHERE meeting_id = $1 ORDER BY position";
pub const SQL_VALIDATE_MEETING: &str =
    "UPDATE meetings SET status = 'validated', validated_at = CURRENT_TIMESTAMP WHERE id = $1";
pub const SQL_ACTION_POINT_MEETING: &str = "SELECT meeting_id FROM action_points WHERE id = $1";
pub const SQL_LATEST_CHANGE: &str = "SELECT COALESCE(MAX(seq), 0) AS seq FROM changes";
pub const SQL_CHANGES_SINCE: &str =
    "SELECT seq, meeting_id FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2";
pub const SQL_KNOWN_WORDS_ORGANISATIONS: &str =
    "SELECT name AS t FROM organisations UNION ALL SELECT alias AS t FROM organisation_aliases";
pub const SQL_KNOWN_WORDS_MEETINGS: &str = "SELECT title || ' ' || COALESCE(place, '') AS t FROM meetings WHERE id > $1 \
     UNION ALL SELECT title || ' ' || discussion AS t FROM agenda_items WHERE meeting_id > $1";
pub const SQL_MAX_MEETING_ID: &str = "SELECT COALESCE(MAX(id), 0) AS id FROM meetings";
pub const SQL_MEETING_WARNINGS: &str =
    "SELECT field, message, text FROM import_warnings WHERE meeting_id = $1 ORDER BY position";
pub const SQL_UPCOMING: &str = "SELECT m.body_id, b.name AS body, b.code AS body_code, m.next_meeting_date, m.next_meeting_time, \
     m.next_meeting_text, m.id FROM meetings m JOIN bodies b ON b.id = m.body_id \
     WHERE m.next_meeting_date >= $1 ORDER BY m.next_meeting_date, b.name, m.body_id, m.date DESC, m.id DESC";
pub const SQL_SET_ACTION_STATUS: &str = "UPDATE action_points SET status = $1 WHERE id = $2";
pub const SQL_ORGANISATIONS: &str = "SELECT o.id, o.name, o.acronym, o.kind, o.needs_review, \
     COALESCE(a.n, 0) AS meetings_attended, COALESCE(p.n, 0) AS action_points FROM organisations o \
     LEFT JOIN (SELECT organisation_id, COUNT(DISTINCT meeting_id) AS n FROM attendances GROUP BY organisation_id) a \
     ON a.organisation_id = o.id \
     LEFT JOIN (SELECT organisation_id, COUNT(*) AS n FROM action_point_organisations GROUP BY organisation_id) p \
     ON p.organisation_id = o.id ORDER BY o.name, o.id";
pub const SQL_ALL_ALIASES: &str =
    "SELECT organisation_id, alias FROM organisation_aliases ORDER BY organisation_id, id";
pub const SQL_ORGANISATION: &str =
    "SELECT id, name, acronym, kind, needs_review FROM organisations WHERE id = $1";
pub const SQL_ORGANISATION_ALIASES: &str = "SELECT organisation_id, alias FROM organisation_aliases WHERE organisation_id = $1 ORDER BY id";
pub const SQL_SOURCE_DOCUMENT: &str = "SELECT id, file_name, media_type, sha256, size, content, personal_data FROM source_documents WHERE id = $1";
pub const SQL_ATTENDEE_CONTACTS: &str = "SELECT p.name AS person_name, o.name AS organisation, p.phone, p.email \
     FROM attendances a JOIN persons p ON p.attendance_id = a.id \
     JOIN organisations o ON o.id = a.organisation_id WHERE a.meeting_id = $1 ORDER BY a.position";
pub const SQL_TOTALS: &str = "SELECT (SELECT COUNT(*) FROM meetings) AS meetings, \
     (SELECT COUNT(*) FROM action_points) AS action_points, \
     (SELECT COUNT(*) FROM action_points WHERE status IN ('open', 'in_progress')) AS pending_action_points, \
     (SELECT COUNT(*) FROM organisations) AS organisations, \
     (SELECT COUNT(*) FROM recommendations) AS recommendations";

/// The day action points without a date sort as (they come after every dated one).
pub fn no_date_sort_key() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date")
}

// ---- Helpers used by the macro ------------------------------------------------------------

/// Parses a stored enum value; anything else means the database holds what Cadre never wrote.
pub fn parse_stored<T>(value: &str, parse: fn(&str) -> Option<T>, what: &str) -> crate::Result<T> {
    parse(value).ok_or_else(|| StorageError::Corrupt(format!("unknown {what} {value:?}")))
}

pub fn to_u32(value: i64, what: &str) -> crate::Result<u32> {
    u32::try_from(value).map_err(|_| StorageError::Corrupt(format!("{what} out of range: {value}")))
}

pub fn to_i32(value: i64, what: &str) -> crate::Result<i32> {
    i32::try_from(value).map_err(|_| StorageError::Corrupt(format!("{what} out of range: {value}")))
}

/// Whether an action status counts as pending (kept beside the SQL's `PENDING` list).
/// Attendance lines to store, in document order: one line per organisation unless the lines
/// name different persons. `resolved[i]` is the organisation of `attendance[i]`, `None` when the
/// line names nothing (it is then skipped).
pub fn dedupe_attendance<'a>(
    attendance: &'a [NewAttendee],
    resolved: &[Option<Id>],
) -> Vec<(Id, &'a NewAttendee)> {
    let mut seen: HashSet<(Id, Option<String>)> = HashSet::new();
    let mut present: HashSet<Id> = HashSet::new();
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
pub fn person_name(a: &NewAttendee) -> Option<&str> {
    a.person_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
}

/// Whether `alias` is worth listing beside `name` and `acronym`.
pub fn is_other_alias(alias: &str, name: &str, acronym: Option<&str>) -> bool {
    alias != name && Some(alias) != acronym
}

/// The keys a written name may resolve under (re-exported for the macro): its own keys first
/// (any alias already stored wins), then the known organisation it misspells, if any.
pub fn keys_of(written: &str) -> Vec<String> {
    let mut keys = candidate_keys(written);
    if let Some(known) = cadre_domain::organisation::closest_known(written) {
        let key = match_key(known.name);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// SQL that adds [`KNOWN_ORGANISATIONS`] and every key they go by (name, acronym, aliases, as
/// [`match_key`]s) to a database, idempotently: an organisation is added only when none of
/// its keys is known yet, and keys already present are left alone. Run by every engine's
/// migration step, inside its migration transaction, after the schema migrations.
pub fn seed_known_organisations_sql() -> String {
    let mut sql = String::new();
    for org in KNOWN_ORGANISATIONS {
        let names: Vec<&str> = std::iter::once(org.name)
            .chain(org.acronym)
            .chain(org.aliases.iter().copied())
            .collect();
        let mut keys: Vec<String> = Vec::new();
        for n in &names {
            let k = match_key(n);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
        let key_list = keys.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            sql,
            "INSERT INTO organisations (name, acronym, kind, needs_review) SELECT {}, {}, {}, FALSE \
             WHERE NOT EXISTS (SELECT 1 FROM organisation_aliases WHERE key IN ({key_list}));",
            quote(org.name),
            org.acronym.map(quote).unwrap_or_else(|| "NULL".into()),
            quote(org.kind.as_str()),
        );
        // The organisation: the one already owning one of its keys, else the one just added.
        let owner = format!(
            "COALESCE((SELECT MIN(organisation_id) FROM organisation_aliases WHERE key IN ({key_list})), \
             (SELECT MIN(id) FROM organisations WHERE name = {}))",
            quote(org.name)
        );
        let mut done: Vec<String> = Vec::new();
        for n in &names {
            let k = match_key(n);
            if k.is_empty() || done.contains(&k) {
                continue;
            }
            let _ = writeln!(
                sql,
                "INSERT INTO organisation_aliases (key, organisation_id, alias) SELECT {}, o.id, {} \
                 FROM organisations o WHERE o.id = {owner} ON CONFLICT (key) DO NOTHING;",
                quote(&k),
                quote(n),
            );
            done.push(k);
        }
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_clauses_number_their_parameters() {
        let q = meetings_query(&MeetingFilter {
            body: Some("gtm-tahoua".into()),
            year: Some(2023),
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
            meetings_query(&MeetingFilter::default()).count_sql,
            "SELECT COUNT(*) AS n FROM meetings m"
        );
        assert_eq!(chunks(45), vec![(0, 32), (32, 8), (40, 4), (44, 1)]);
        assert_eq!(
            multi_insert_sql(("INSERT INTO t (a, b) VALUES ", 2, " RETURNING id"), 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) RETURNING id"
        );
        assert_eq!(q.params.len(), 2);
        assert_eq!((q.limit, q.offset), (20, 40));
        let (q, resp) = action_points_query(&ActionPointFilter {
            due_between: Some((NaiveDate::MIN, NaiveDate::MAX)),
            ..Default::default()
        });
        assert!(
            q.list_sql
                .contains("ap.due_date >= $1 AND ap.due_date <= $2")
        );
        assert!(resp.contains("LIMIT $3 OFFSET $4"));
    }

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
        let kept = dedupe_attendance(&lines, &[Some(1), Some(1), Some(1), Some(1), Some(1), None]);
        assert_eq!(kept.len(), 3);
    }

    #[test]
    fn seed_sql_quotes_apostrophes() {
        let sql = seed_known_organisations_sql();
        assert!(sql.contains("'Ministère de l''Intérieur et de la Décentralisation'"));
    }
}

/// Implements [`Database`](crate::Database) for an engine's struct. See the [module
/// documentation](crate::shared) for what the struct must provide.
#[macro_export]
macro_rules! impl_database {
    ($ty:ident, $db:ty, begin = $begin:literal, analyze = $analyze:literal, lock_changes = $lock_changes:literal) => {
        const _: () = {
            use std::collections::HashMap;
            use $crate::Database as _;
            use $crate::shared::__private::cadre_domain as dom;
            use $crate::shared::__private::chrono::{Datelike as _, NaiveDate, NaiveTime};
            use $crate::shared::__private::sqlx::{self, Row as _};
            use $crate::shared::{self as sh, Param};
            use $crate::{
                ActionPointFilter, BodyWithCount, Change, ImportOutcome, MeetingFilter,
                OrganisationWithCounts, Page, PersonContact, RecommendationFilter, Result,
                StorageError, Totals, UpcomingMeeting,
            };

            type Conn = <$db as sqlx::Database>::Connection;
            type DbRow = <$db as sqlx::Database>::Row;
            type Args = <$db as sqlx::Database>::Arguments;

            fn bind_all<'q>(
                mut q: sqlx::query::Query<'q, $db, Args>,
                params: &[Param],
            ) -> sqlx::query::Query<'q, $db, Args> {
                for p in params {
                    q = match p {
                        Param::Int(v) => q.bind(*v),
                        Param::Text(v) => q.bind(v.clone()),
                        Param::Date(v) => q.bind(*v),
                    };
                }
                q
            }

            /// A list's total, then the rows of the requested page.
            async fn fetch_page(conn: &mut Conn, q: &sh::ListQuery) -> Result<(i64, Vec<DbRow>)> {
                let total: i64 = bind_all(
                    sqlx::query(sqlx::AssertSqlSafe(q.count_sql.as_str())),
                    &q.params,
                )
                .fetch_one(&mut *conn)
                .await?
                .try_get(0)?;
                let rows = bind_all(
                    sqlx::query(sqlx::AssertSqlSafe(q.list_sql.as_str())),
                    &q.params,
                )
                .bind(q.limit)
                .bind(q.offset)
                .fetch_all(&mut *conn)
                .await?;
                Ok((total, rows))
            }

            /// Inserts `rows` with `table`'s multi-row statement (see [`sh::chunks`]), binding
            /// each row's columns with `bind`; returns what the statements return.
            async fn insert_rows<T: Sync, F>(
                conn: &mut Conn,
                table: (&'static str, usize, &'static str),
                rows: &[T],
                bind: F,
            ) -> Result<Vec<DbRow>>
            where
                F: for<'q> Fn(
                        sqlx::query::Query<'q, $db, Args>,
                        &T,
                    ) -> sqlx::query::Query<'q, $db, Args>
                    + Send
                    + Sync,
            {
                let mut out = Vec::new();
                for (start, len) in sh::chunks(rows.len()) {
                    let mut q = sqlx::query(sqlx::AssertSqlSafe(sh::multi_insert_sql(table, len)));
                    for row in &rows[start..start + len] {
                        q = bind(q, row);
                    }
                    if table.2.is_empty() {
                        q.execute(&mut *conn).await?;
                    } else {
                        out.extend(q.fetch_all(&mut *conn).await?);
                    }
                }
                Ok(out)
            }

            /// Appends the meetings to the change log, inside the caller's transaction. On an
            /// engine with concurrent writers the table is locked first, so that no later
            /// sequence number commits before an earlier one (the index would skip it).
            async fn record_changes(conn: &mut Conn, meetings: &[i64]) -> Result<()> {
                if meetings.is_empty() {
                    return Ok(());
                }
                if !$lock_changes.is_empty() {
                    sqlx::raw_sql($lock_changes).execute(&mut *conn).await?;
                }
                insert_rows(conn, sh::INSERT_CHANGES, meetings, |q, m| q.bind(*m)).await?;
                Ok(())
            }

            /// What [`import_head`] did with one meeting.
            enum Head<'m> {
                Already(i64),
                Stored(Stored<'m>),
            }

            /// A meeting whose own row is stored, with the rows still to insert under it.
            struct Stored<'m> {
                meeting: &'m dom::NewMeeting,
                meeting_id: i64,
                body_id: i64,
                attendance: Vec<(i64, &'m dom::NewAttendee)>,
                /// (agenda item position, action point, responsible organisations).
                points: Vec<(usize, &'m dom::NewActionPoint, Vec<i64>)>,
            }

            /// The ids of rows returned as (id, meeting_id, position).
            fn keyed_ids(rows: Vec<DbRow>) -> Result<HashMap<(i64, i64), i64>> {
                let mut ids = HashMap::with_capacity(rows.len());
                for row in &rows {
                    ids.insert(
                        (row.try_get::<i64, _>(1)?, row.try_get::<i64, _>(2)?),
                        row.try_get::<i64, _>(0)?,
                    );
                }
                Ok(ids)
            }

            fn id_at(ids: &HashMap<(i64, i64), i64>, meeting: i64, position: usize) -> Result<i64> {
                ids.get(&(meeting, position as i64))
                    .copied()
                    .ok_or_else(|| StorageError::Corrupt("an inserted row was not returned".into()))
            }

            fn action_point_of(row: &DbRow) -> Result<dom::ActionPoint> {
                let kind: String = row.try_get("deadline_kind")?;
                let due: Option<NaiveDate> = row.try_get("due_date")?;
                let status: String = row.try_get("status")?;
                Ok(dom::ActionPoint {
                    id: row.try_get("id")?,
                    meeting_id: row.try_get("meeting_id")?,
                    meeting_date: row.try_get("meeting_date")?,
                    body: row.try_get("body")?,
                    agenda_item_id: row.try_get("agenda_item_id")?,
                    agenda_item_title: row.try_get("agenda_item_title")?,
                    what: row.try_get("what")?,
                    responsible: Vec::new(),
                    responsible_as_written: row.try_get("responsible_as_written")?,
                    deadline: dom::Deadline {
                        as_written: row.try_get("deadline_text")?,
                        meaning: dom::DeadlineMeaning::from_parts(&kind, due),
                    },
                    status: sh::parse_stored(&status, dom::ActionStatus::parse, "action status")?,
                })
            }

            /// Fills `responsible` from rows (action_point_id, id, name, acronym).
            fn attach_responsible(points: &mut [dom::ActionPoint], rows: &[DbRow]) -> Result<()> {
                let mut by_point: HashMap<i64, Vec<dom::meeting::OrganisationRef>> = HashMap::new();
                for row in rows {
                    let ap: i64 = row.try_get(0)?;
                    by_point
                        .entry(ap)
                        .or_default()
                        .push(dom::meeting::OrganisationRef {
                            id: row.try_get(1)?,
                            name: row.try_get(2)?,
                            acronym: row.try_get(3)?,
                        });
                }
                for p in points {
                    if let Some(r) = by_point.remove(&p.id) {
                        p.responsible = r;
                    }
                }
                Ok(())
            }

            fn organisation_of(row: &DbRow, aliases: Vec<String>) -> Result<dom::Organisation> {
                let kind: String = row.try_get("kind")?;
                let name: String = row.try_get("name")?;
                let acronym: Option<String> = row.try_get("acronym")?;
                let aliases = aliases
                    .into_iter()
                    .filter(|a| sh::is_other_alias(a, &name, acronym.as_deref()))
                    .collect();
                Ok(dom::Organisation {
                    id: row.try_get("id")?,
                    kind: sh::parse_stored(
                        &kind,
                        dom::OrganisationKind::parse,
                        "organisation kind",
                    )?,
                    needs_review: row.try_get("needs_review")?,
                    name,
                    acronym,
                    aliases,
                })
            }

            impl $ty {
                /// The organisation a written name stands for, creating one (flagged for
                /// review) when no key is known. `None` when the text names nothing.
                async fn resolve_organisation(
                    &self,
                    conn: &mut Conn,
                    written: &str,
                    local: &mut HashMap<String, i64>,
                    new_keys: &mut Vec<(String, i64)>,
                ) -> Result<Option<i64>> {
                    // A contact is never a name: no organisation is found or created from a
                    // phone number or an e-mail address written where a name was expected.
                    let without_contacts = dom::privacy::split_contacts(written).rest;
                    let written = without_contacts.as_str();
                    if let Some(id) = local.get(written) {
                        return Ok(Some(*id));
                    }
                    let keys = sh::keys_of(written);
                    if keys.is_empty() {
                        return Ok(None);
                    }
                    let mut found = None;
                    for key in &keys {
                        if let Some(id) = self.aliases.get(key) {
                            found = Some(id);
                            break;
                        }
                        let row = sqlx::query(sh::SQL_ALIAS_LOOKUP)
                            .bind(key.clone())
                            .fetch_optional(&mut *conn)
                            .await?;
                        if let Some(row) = row {
                            let id: i64 = row.try_get(0)?;
                            new_keys.push((key.clone(), id));
                            found = Some(id);
                            break;
                        }
                    }
                    let id = match found {
                        Some(id) => id,
                        None => {
                            let name = dom::organisation::clean_written_name(written);
                            let name = if name.is_empty() {
                                written.trim().to_owned()
                            } else {
                                name
                            };
                            let id: i64 = sqlx::query(sh::SQL_INSERT_ORGANISATION)
                                .bind(name.clone())
                                .fetch_one(&mut *conn)
                                .await?
                                .try_get(0)?;
                            let key = keys[0].clone();
                            let owner = sqlx::query(sh::SQL_INSERT_ALIAS)
                                .bind(key.clone())
                                .bind(id)
                                .bind(name)
                                .fetch_optional(&mut *conn)
                                .await?;
                            if owner.is_some() {
                                new_keys.push((key, id));
                                id
                            } else {
                                // Another import added this key meanwhile: use its organisation.
                                sqlx::query(sh::SQL_DELETE_ORGANISATION)
                                    .bind(id)
                                    .execute(&mut *conn)
                                    .await?;
                                let other: i64 = sqlx::query(sh::SQL_ALIAS_LOOKUP)
                                    .bind(key.clone())
                                    .fetch_one(&mut *conn)
                                    .await?
                                    .try_get(0)?;
                                new_keys.push((key, other));
                                other
                            }
                        }
                    };
                    local.insert(written.to_owned(), id);
                    Ok(Some(id))
                }

                /// Stores meetings inside the caller's transaction. Each meeting costs two
                /// statements (its source document and itself); the rows under them — attendance,
                /// agenda, action points, … — go in for the whole batch in multi-row statements,
                /// since on SQLite every statement is a round trip to the connection's thread.
                /// New alias keys are collected in `new_keys`, for the cache once committed.
                async fn import_in(
                    &self,
                    conn: &mut Conn,
                    meetings: &[dom::NewMeeting],
                    new_keys: &mut Vec<(String, i64)>,
                ) -> Result<Vec<ImportOutcome>> {
                    let mut outcomes = Vec::with_capacity(meetings.len());
                    let mut stored: Vec<Stored<'_>> = Vec::with_capacity(meetings.len());
                    for m in meetings {
                        match self.import_head(&mut *conn, m, new_keys).await? {
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

                    let rows: Vec<(i64, usize, i64, &dom::NewAttendee)> = stored
                        .iter()
                        .flat_map(|s| {
                            s.attendance
                                .iter()
                                .enumerate()
                                .map(move |(i, (org, a))| (s.meeting_id, i, *org, *a))
                        })
                        .collect();
                    let attendance_ids = keyed_ids(
                        insert_rows(
                            &mut *conn,
                            sh::INSERT_ATTENDANCES,
                            &rows,
                            |q, (meeting, position, org, a)| {
                                q.bind(*meeting)
                                    .bind(*position as i64)
                                    .bind(*org)
                                    .bind(a.organisation.clone())
                            },
                        )
                        .await?,
                    )?;
                    let mut persons: Vec<(i64, &str, i64, &dom::NewAttendee)> = Vec::new();
                    for (meeting, position, org, a) in &rows {
                        if let Some(name) = sh::person_name(a) {
                            persons.push((
                                id_at(&attendance_ids, *meeting, *position)?,
                                name,
                                *org,
                                *a,
                            ));
                        }
                    }
                    insert_rows(
                        &mut *conn,
                        sh::INSERT_PERSONS,
                        &persons,
                        |q, (attendance_id, name, org, a)| {
                            q.bind(*attendance_id)
                                .bind(name.to_string())
                                .bind(*org)
                                .bind(a.phone.clone())
                                .bind(a.email.clone())
                        },
                    )
                    .await?;

                    let items: Vec<(i64, usize, &dom::NewAgendaItem)> = stored
                        .iter()
                        .flat_map(|s| {
                            s.meeting
                                .agenda
                                .iter()
                                .enumerate()
                                .map(move |(i, item)| (s.meeting_id, i, item))
                        })
                        .collect();
                    let item_ids = keyed_ids(
                        insert_rows(
                            &mut *conn,
                            sh::INSERT_AGENDA_ITEMS,
                            &items,
                            |q, (meeting, position, item)| {
                                q.bind(*meeting)
                                    .bind(*position as i64)
                                    .bind(i64::from(item.number))
                                    .bind(item.title.clone())
                                    .bind(item.presenter.clone())
                                    .bind(item.discussion.clone())
                            },
                        )
                        .await?,
                    )?;

                    let mut points = Vec::new();
                    for s in &stored {
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
                    let point_ids = keyed_ids(
                        insert_rows(
                            &mut *conn,
                            sh::INSERT_ACTION_POINTS,
                            &points,
                            |q, (meeting, body, date, position, item, ap, _)| {
                                let due = ap.deadline.due_by();
                                q.bind(*meeting)
                                    .bind(*item)
                                    .bind(*body)
                                    .bind(*date)
                                    .bind(*position as i64)
                                    .bind(ap.what.clone())
                                    .bind(ap.responsible.join(", "))
                                    .bind(ap.deadline.as_written.clone())
                                    .bind(ap.deadline.meaning.kind())
                                    .bind(due)
                                    .bind(due.unwrap_or_else(sh::no_date_sort_key))
                                    .bind(ap.status.as_str())
                            },
                        )
                        .await?,
                    )?;
                    let mut responsibles: Vec<(i64, i64, i64)> = Vec::new();
                    for (meeting, _, _, position, _, _, orgs) in &points {
                        let id = id_at(&point_ids, *meeting, *position)?;
                        responsibles
                            .extend(orgs.iter().enumerate().map(|(i, org)| (id, *org, i as i64)));
                    }
                    insert_rows(
                        &mut *conn,
                        sh::INSERT_RESPONSIBLES,
                        &responsibles,
                        |q, (ap, org, i)| q.bind(*ap).bind(*org).bind(*i),
                    )
                    .await?;

                    let recommendations: Vec<(i64, chrono::NaiveDate, &dom::NewRecommendation)> =
                        stored
                            .iter()
                            .flat_map(|s| {
                                s.meeting
                                    .recommendations
                                    .iter()
                                    .map(move |r| (s.meeting_id, s.meeting.date, r))
                            })
                            .collect();
                    insert_rows(
                        &mut *conn,
                        sh::INSERT_RECOMMENDATIONS,
                        &recommendations,
                        |q, (meeting, date, r)| {
                            q.bind(*meeting)
                                .bind(*date)
                                .bind(r.roadmap.clone())
                                .bind(i64::from(r.position))
                                .bind(r.text.clone())
                                .bind(r.scope.as_str())
                                .bind(r.thematic_group.clone())
                                .bind(r.implementation_status.clone())
                                .bind(r.challenges.clone())
                                .bind(r.perspectives.clone())
                        },
                    )
                    .await?;
                    let warnings: Vec<(i64, usize, &dom::ImportWarning)> = stored
                        .iter()
                        .flat_map(|s| {
                            s.meeting
                                .warnings
                                .iter()
                                .enumerate()
                                .map(move |(i, w)| (s.meeting_id, i, w))
                        })
                        .collect();
                    insert_rows(
                        &mut *conn,
                        sh::INSERT_WARNINGS,
                        &warnings,
                        |q, (meeting, position, w)| {
                            q.bind(*meeting)
                                .bind(*position as i64)
                                .bind(w.field.clone())
                                .bind(w.message.clone())
                                .bind(w.text.clone())
                        },
                    )
                    .await?;
                    let findings: Vec<(i64, usize, &dom::FieldFinding)> = stored
                        .iter()
                        .flat_map(|s| {
                            s.meeting
                                .findings
                                .iter()
                                .enumerate()
                                .map(move |(i, f)| (s.meeting_id, i, f))
                        })
                        .collect();
                    insert_rows(
                        &mut *conn,
                        sh::INSERT_FINDINGS,
                        &findings,
                        |q, (meeting, position, f)| {
                            q.bind(*meeting)
                                .bind(*position as i64)
                                .bind(f.field.clone())
                                .bind(f.found.clone())
                        },
                    )
                    .await?;
                    let created: Vec<i64> = stored.iter().map(|s| s.meeting_id).collect();
                    record_changes(&mut *conn, &created).await?;
                    Ok(outcomes)
                }

                /// A meeting's own row and source document, and what its other rows need.
                async fn import_head<'m>(
                    &self,
                    conn: &mut Conn,
                    m: &'m dom::NewMeeting,
                    new_keys: &mut Vec<(String, i64)>,
                ) -> Result<Head<'m>> {
                    let mut local: HashMap<String, i64> = HashMap::new();
                    let source_id: Option<i64> = match &m.source {
                        None => None,
                        Some(src) => {
                            let row = sqlx::query(sh::SQL_INSERT_SOURCE)
                                .bind(src.sha256.clone())
                                .bind(src.file_name.clone())
                                .bind(src.media_type.clone())
                                .bind(src.content.len() as i64)
                                .bind(src.content.clone())
                                .bind(src.personal_data)
                                .fetch_optional(&mut *conn)
                                .await?;
                            match row {
                                Some(row) => Some(row.try_get(0)?),
                                None => {
                                    let row = sqlx::query(sh::SQL_MEETING_FOR_SOURCE)
                                        .bind(src.sha256.clone())
                                        .fetch_optional(&mut *conn)
                                        .await?;
                                    return match row {
                                        Some(row) => Ok(Head::Already(row.try_get(0)?)),
                                        None => Err(StorageError::Corrupt(format!(
                                            "source document {} is stored without its meeting",
                                            src.sha256
                                        ))),
                                    };
                                }
                            }
                        }
                    };

                    // A body's id never changes: after the first import, skip the upsert (one
                    // statement and one written page less per import).
                    let body_key = sh::body_cache_key(&m.body.code);
                    let body_id: i64 = match self.aliases.get(&body_key) {
                        Some(id) => id,
                        None => {
                            let id: i64 = sqlx::query(sh::SQL_UPSERT_BODY)
                                .bind(m.body.code.clone())
                                .bind(m.body.name.clone())
                                .bind(m.body.level.as_str())
                                .bind(m.body.region.clone())
                                .fetch_one(&mut *conn)
                                .await?
                                .try_get(0)?;
                            new_keys.push((body_key, id));
                            id
                        }
                    };

                    let mut resolved = Vec::with_capacity(m.attendance.len());
                    for a in &m.attendance {
                        resolved.push(
                            self.resolve_organisation(
                                &mut *conn,
                                &a.organisation,
                                &mut local,
                                new_keys,
                            )
                            .await?,
                        );
                    }
                    let attendance = sh::dedupe_attendance(&m.attendance, &resolved);
                    // Action points in document order: (position, agenda position, point, organisations).
                    let mut points: Vec<(i64, usize, &dom::NewActionPoint, Vec<i64>)> = Vec::new();
                    for (item_position, item) in m.agenda.iter().enumerate() {
                        for ap in &item.action_points {
                            let mut orgs: Vec<i64> = Vec::new();
                            for written in &ap.responsible {
                                if let Some(org) = self
                                    .resolve_organisation(&mut *conn, written, &mut local, new_keys)
                                    .await?
                                {
                                    if !orgs.contains(&org) {
                                        orgs.push(org);
                                    }
                                }
                            }
                            points.push((points.len() as i64, item_position, ap, orgs));
                        }
                    }

                    let next = m.next_meeting.as_ref();
                    let meeting_id: i64 = sqlx::query(sh::SQL_INSERT_MEETING)
                        .bind(body_id)
                        .bind(m.kind.as_str())
                        .bind(m.title.clone())
                        .bind(m.date)
                        .bind(i64::from(m.date.year()))
                        .bind(m.start_time)
                        .bind(m.end_time)
                        .bind(m.place.clone())
                        .bind(m.modality.as_str())
                        .bind(next.map(|n| n.as_written.clone()))
                        .bind(next.and_then(|n| n.date))
                        .bind(next.and_then(|n| n.time))
                        .bind(m.rapporteur.clone())
                        .bind(source_id)
                        .bind(attendance.len() as i64)
                        .bind(m.agenda.len() as i64)
                        .bind(points.len() as i64)
                        .bind(next.and_then(|n| n.month).map(sh::month_key))
                        .fetch_one(&mut *conn)
                        .await?
                        .try_get(0)?;

                    Ok(Head::Stored(Stored {
                        meeting: m,
                        meeting_id,
                        body_id,
                        attendance,
                        points: points
                            .into_iter()
                            .map(|(_, item, ap, orgs)| (item, ap, orgs))
                            .collect(),
                    }))
                }

                async fn list_action_points(
                    &self,
                    f: &ActionPointFilter,
                ) -> Result<Page<dom::ActionPoint>> {
                    let (q, responsible_sql) = sh::action_points_query(f);
                    let mut conn = self.pool.acquire().await?;
                    let (total, rows) = fetch_page(&mut conn, &q).await?;
                    let mut items = rows
                        .iter()
                        .map(action_point_of)
                        .collect::<Result<Vec<_>>>()?;
                    if !items.is_empty() {
                        let resp = bind_all(
                            sqlx::query(sqlx::AssertSqlSafe(responsible_sql.as_str())),
                            &q.params,
                        )
                        .bind(q.limit)
                        .bind(q.offset)
                        .fetch_all(&mut *conn)
                        .await?;
                        attach_responsible(&mut items, &resp)?;
                    }
                    Ok(Page { items, total })
                }
            }

            impl $crate::Database for $ty {
                async fn connect(url: &str) -> Result<Self> {
                    <$ty>::connect_engine(url).await
                }

                async fn import_meeting(&self, m: &dom::NewMeeting) -> Result<ImportOutcome> {
                    let mut tx = self.pool.begin_with($begin).await?;
                    let mut new_keys: Vec<(String, i64)> = Vec::new();
                    let outcome = self
                        .import_in(&mut *tx, std::slice::from_ref(m), &mut new_keys)
                        .await?;
                    tx.commit().await?;
                    self.aliases.extend(new_keys);
                    outcome
                        .into_iter()
                        .next()
                        .ok_or_else(|| StorageError::Corrupt("no outcome for the import".into()))
                }

                async fn import_meetings(
                    &self,
                    meetings: &[dom::NewMeeting],
                ) -> Result<Vec<ImportOutcome>> {
                    // One commit for the whole batch: each commit writes every touched table and
                    // index page to the log again, which dominated import time one by one.
                    let mut tx = self.pool.begin_with($begin).await?;
                    let mut new_keys: Vec<(String, i64)> = Vec::new();
                    let outcomes = self.import_in(&mut *tx, meetings, &mut new_keys).await?;
                    tx.commit().await?;
                    self.aliases.extend(new_keys);
                    Ok(outcomes)
                }

                async fn meeting_for_source(&self, sha256: &str) -> Result<Option<i64>> {
                    let row = sqlx::query(sh::SQL_MEETING_FOR_SOURCE)
                        .bind(sha256.to_owned())
                        .fetch_optional(&self.pool)
                        .await?;
                    Ok(match row {
                        Some(row) => Some(row.try_get(0)?),
                        None => None,
                    })
                }

                async fn bodies(&self) -> Result<Vec<BodyWithCount>> {
                    let rows = sqlx::query(sh::SQL_BODIES).fetch_all(&self.pool).await?;
                    rows.iter()
                        .map(|row| {
                            let level: String = row.try_get("level")?;
                            Ok(BodyWithCount {
                                body: dom::Body {
                                    id: row.try_get("id")?,
                                    code: row.try_get("code")?,
                                    name: row.try_get("name")?,
                                    level: sh::parse_stored(
                                        &level,
                                        dom::BodyLevel::parse,
                                        "body level",
                                    )?,
                                    region: row.try_get("region")?,
                                },
                                meeting_count: row.try_get("meeting_count")?,
                            })
                        })
                        .collect()
                }

                async fn meeting_years(&self) -> Result<Vec<i32>> {
                    let rows = sqlx::query(sh::SQL_MEETING_YEARS)
                        .fetch_all(&self.pool)
                        .await?;
                    rows.iter()
                        .map(|row| sh::to_i32(row.try_get(0)?, "year"))
                        .collect()
                }

                async fn meetings(&self, f: &MeetingFilter) -> Result<Page<dom::MeetingSummary>> {
                    let q = sh::meetings_query(f);
                    let mut conn = self.pool.acquire().await?;
                    let (total, rows) = fetch_page(&mut conn, &q).await?;
                    let items = rows
                        .iter()
                        .map(|row| {
                            let kind: String = row.try_get("kind")?;
                            let modality: String = row.try_get("modality")?;
                            Ok(dom::MeetingSummary {
                                id: row.try_get("id")?,
                                body: row.try_get("body")?,
                                body_code: row.try_get("body_code")?,
                                kind: sh::parse_stored(
                                    &kind,
                                    dom::MeetingKind::parse,
                                    "meeting kind",
                                )?,
                                title: row.try_get("title")?,
                                date: row.try_get("date")?,
                                place: row.try_get("place")?,
                                modality: sh::parse_stored(
                                    &modality,
                                    dom::Modality::parse,
                                    "modality",
                                )?,
                                attendance_count: row.try_get("attendance_count")?,
                                agenda_count: row.try_get("agenda_count")?,
                                action_point_count: row.try_get("action_point_count")?,
                                next_meeting_date: row.try_get("next_meeting_date")?,
                                status: {
                                    let status: String = row.try_get("status")?;
                                    sh::parse_stored(
                                        &status,
                                        dom::MeetingStatus::parse,
                                        "meeting status",
                                    )?
                                },
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    Ok(Page { items, total })
                }

                async fn meeting(&self, id: i64) -> Result<Option<dom::Meeting>> {
                    let mut conn = self.pool.acquire().await?;
                    let Some(row) = sqlx::query(sh::SQL_MEETING)
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?
                    else {
                        return Ok(None);
                    };
                    let kind: String = row.try_get("kind")?;
                    let modality: String = row.try_get("modality")?;
                    let level: String = row.try_get("body_level")?;
                    let next_text: Option<String> = row.try_get("next_meeting_text")?;
                    let source_id: Option<i64> = row.try_get("source_id")?;
                    let source = match source_id {
                        None => None,
                        Some(sid) => Some(dom::SourceDocument {
                            id: sid,
                            file_name: row.try_get("file_name")?,
                            media_type: row.try_get("media_type")?,
                            sha256: row.try_get("sha256")?,
                            size: row.try_get("size")?,
                            personal_data: row.try_get("personal_data")?,
                        }),
                    };
                    let next_meeting = match next_text {
                        None => None,
                        Some(as_written) => Some(dom::NextMeeting {
                            as_written,
                            date: row.try_get("next_meeting_date")?,
                            time: row.try_get::<Option<NaiveTime>, _>("next_meeting_time")?,
                            month: row
                                .try_get::<Option<String>, _>("next_meeting_month")?
                                .as_deref()
                                .map(sh::parse_month_key)
                                .transpose()?,
                        }),
                    };

                    let attendance = sqlx::query(sh::SQL_MEETING_ATTENDANCE)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?
                        .iter()
                        .map(|r| {
                            Ok(dom::Attendee {
                                organisation_id: r.try_get("organisation_id")?,
                                organisation: r.try_get("name")?,
                                organisation_acronym: r.try_get("acronym")?,
                                as_written: r.try_get("as_written")?,
                                person_name: r.try_get("person_name")?,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;

                    let mut points = sqlx::query(sh::SQL_MEETING_ACTION_POINTS)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?
                        .iter()
                        .map(action_point_of)
                        .collect::<Result<Vec<_>>>()?;
                    if !points.is_empty() {
                        let resp = sqlx::query(sh::SQL_MEETING_RESPONSIBLE)
                            .bind(id)
                            .fetch_all(&mut *conn)
                            .await?;
                        attach_responsible(&mut points, &resp)?;
                    }
                    let mut by_item: HashMap<i64, Vec<dom::ActionPoint>> = HashMap::new();
                    for p in points {
                        by_item.entry(p.agenda_item_id).or_default().push(p);
                    }
                    let agenda = sqlx::query(sh::SQL_MEETING_AGENDA)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?
                        .iter()
                        .map(|r| {
                            let item_id: i64 = r.try_get("id")?;
                            Ok(dom::AgendaItem {
                                id: item_id,
                                number: sh::to_u32(r.try_get("number")?, "agenda item number")?,
                                title: r.try_get("title")?,
                                presenter: r.try_get("presenter")?,
                                discussion: r.try_get("discussion")?,
                                action_points: by_item.remove(&item_id).unwrap_or_default(),
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;

                    let warnings = sqlx::query(sh::SQL_MEETING_WARNINGS)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?
                        .iter()
                        .map(|r| {
                            Ok(dom::ImportWarning {
                                field: r.try_get("field")?,
                                message: r.try_get("message")?,
                                text: r.try_get("text")?,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;

                    let findings = sqlx::query(sh::SQL_MEETING_FINDINGS)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?
                        .iter()
                        .map(|r| {
                            Ok(dom::FieldFinding {
                                field: r.try_get("field")?,
                                found: r.try_get("found")?,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    let status: String = row.try_get("status")?;

                    Ok(Some(dom::Meeting {
                        id,
                        body: dom::Body {
                            id: row.try_get("body_id")?,
                            code: row.try_get("body_code")?,
                            name: row.try_get("body_name")?,
                            level: sh::parse_stored(&level, dom::BodyLevel::parse, "body level")?,
                            region: row.try_get("body_region")?,
                        },
                        kind: sh::parse_stored(&kind, dom::MeetingKind::parse, "meeting kind")?,
                        title: row.try_get("title")?,
                        date: row.try_get("date")?,
                        start_time: row.try_get("start_time")?,
                        end_time: row.try_get("end_time")?,
                        place: row.try_get("place")?,
                        modality: sh::parse_stored(&modality, dom::Modality::parse, "modality")?,
                        attendance,
                        agenda,
                        next_meeting,
                        rapporteur: row.try_get("rapporteur")?,
                        status: sh::parse_stored(
                            &status,
                            dom::MeetingStatus::parse,
                            "meeting status",
                        )?,
                        warnings,
                        findings,
                        source,
                    }))
                }

                async fn upcoming_meetings(
                    &self,
                    from: NaiveDate,
                    limit: i64,
                ) -> Result<Vec<UpcomingMeeting>> {
                    let rows = sqlx::query(sh::SQL_UPCOMING)
                        .bind(from)
                        .fetch_all(&self.pool)
                        .await?;
                    let mut seen: std::collections::HashSet<(i64, NaiveDate)> = Default::default();
                    let mut out = Vec::new();
                    for row in &rows {
                        if out.len() as i64 >= limit {
                            break;
                        }
                        let body_id: i64 = row.try_get("body_id")?;
                        let date: NaiveDate = row.try_get("next_meeting_date")?;
                        if !seen.insert((body_id, date)) {
                            continue;
                        }
                        out.push(UpcomingMeeting {
                            body: row.try_get("body")?,
                            body_code: row.try_get("body_code")?,
                            date,
                            time: row.try_get("next_meeting_time")?,
                            as_written: row
                                .try_get::<Option<String>, _>("next_meeting_text")?
                                .unwrap_or_default(),
                            announced_in: row.try_get("id")?,
                        });
                    }
                    Ok(out)
                }

                async fn action_points(
                    &self,
                    f: &ActionPointFilter,
                ) -> Result<Page<dom::ActionPoint>> {
                    self.list_action_points(f).await
                }

                async fn set_action_status(
                    &self,
                    id: i64,
                    status: dom::ActionStatus,
                ) -> Result<()> {
                    let mut tx = self.pool.begin_with($begin).await?;
                    let done = sqlx::query(sh::SQL_SET_ACTION_STATUS)
                        .bind(status.as_str())
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    if done.rows_affected() == 0 {
                        return Err(StorageError::NotFound);
                    }
                    let meeting: i64 = sqlx::query(sh::SQL_ACTION_POINT_MEETING)
                        .bind(id)
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get(0)?;
                    record_changes(&mut *tx, &[meeting]).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn validate_meeting(&self, id: i64) -> Result<()> {
                    let mut tx = self.pool.begin_with($begin).await?;
                    let done = sqlx::query(sh::SQL_VALIDATE_MEETING)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    if done.rows_affected() == 0 {
                        return Err(StorageError::NotFound);
                    }
                    record_changes(&mut *tx, &[id]).await?;
                    tx.commit().await?;
                    Ok(())
                }

                async fn latest_change(&self) -> Result<i64> {
                    let row = sqlx::query(sh::SQL_LATEST_CHANGE)
                        .fetch_one(&self.pool)
                        .await?;
                    Ok(row.try_get("seq")?)
                }

                async fn changes_since(&self, after: i64, limit: i64) -> Result<Vec<Change>> {
                    let rows = sqlx::query(sh::SQL_CHANGES_SINCE)
                        .bind(after)
                        .bind(limit)
                        .fetch_all(&self.pool)
                        .await?;
                    rows.iter()
                        .map(|r| {
                            Ok(Change {
                                seq: r.try_get("seq")?,
                                meeting_id: r.try_get("meeting_id")?,
                            })
                        })
                        .collect()
                }

                async fn known_texts(&self, recent_meetings: i64) -> Result<Vec<String>> {
                    let mut conn = self.pool.acquire().await?;
                    let mut out: Vec<String> = Vec::new();
                    for row in sqlx::query(sh::SQL_KNOWN_WORDS_ORGANISATIONS)
                        .fetch_all(&mut *conn)
                        .await?
                    {
                        out.push(row.try_get("t")?);
                    }
                    let max: i64 = sqlx::query(sh::SQL_MAX_MEETING_ID)
                        .fetch_one(&mut *conn)
                        .await?
                        .try_get("id")?;
                    for row in sqlx::query(sh::SQL_KNOWN_WORDS_MEETINGS)
                        .bind(max - recent_meetings)
                        .fetch_all(&mut *conn)
                        .await?
                    {
                        out.push(row.try_get("t")?);
                    }
                    Ok(out)
                }

                async fn organisations(&self) -> Result<Vec<OrganisationWithCounts>> {
                    let mut conn = self.pool.acquire().await?;
                    let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
                    for row in sqlx::query(sh::SQL_ALL_ALIASES)
                        .fetch_all(&mut *conn)
                        .await?
                    {
                        aliases
                            .entry(row.try_get(0)?)
                            .or_default()
                            .push(row.try_get(1)?);
                    }
                    let rows = sqlx::query(sh::SQL_ORGANISATIONS)
                        .fetch_all(&mut *conn)
                        .await?;
                    rows.iter()
                        .map(|row| {
                            let id: i64 = row.try_get("id")?;
                            Ok(OrganisationWithCounts {
                                organisation: organisation_of(
                                    row,
                                    aliases.remove(&id).unwrap_or_default(),
                                )?,
                                meetings_attended: row.try_get("meetings_attended")?,
                                action_points: row.try_get("action_points")?,
                            })
                        })
                        .collect()
                }

                async fn organisation(&self, id: i64) -> Result<Option<dom::Organisation>> {
                    let mut conn = self.pool.acquire().await?;
                    let Some(row) = sqlx::query(sh::SQL_ORGANISATION)
                        .bind(id)
                        .fetch_optional(&mut *conn)
                        .await?
                    else {
                        return Ok(None);
                    };
                    let aliases = sqlx::query(sh::SQL_ORGANISATION_ALIASES)
                        .bind(id)
                        .fetch_all(&mut *conn)
                        .await?
                        .iter()
                        .map(|r| r.try_get::<String, _>(1))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok(Some(organisation_of(&row, aliases)?))
                }

                async fn recommendations(
                    &self,
                    f: &RecommendationFilter,
                ) -> Result<Page<dom::Recommendation>> {
                    let q = sh::recommendations_query(f);
                    let mut conn = self.pool.acquire().await?;
                    let (total, rows) = fetch_page(&mut conn, &q).await?;
                    let items = rows
                        .iter()
                        .map(|row| {
                            let scope: String = row.try_get("scope")?;
                            Ok(dom::Recommendation {
                                id: row.try_get("id")?,
                                meeting_id: row.try_get("meeting_id")?,
                                body: row.try_get("body")?,
                                meeting_date: row.try_get("meeting_date")?,
                                roadmap: row.try_get("roadmap")?,
                                position: sh::to_u32(
                                    row.try_get("position")?,
                                    "recommendation position",
                                )?,
                                text: row.try_get("text")?,
                                scope: sh::parse_stored(
                                    &scope,
                                    dom::RecommendationScope::parse,
                                    "recommendation scope",
                                )?,
                                thematic_group: row.try_get("thematic_group")?,
                                implementation_status: row.try_get("implementation_status")?,
                                challenges: row.try_get("challenges")?,
                                perspectives: row.try_get("perspectives")?,
                            })
                        })
                        .collect::<Result<Vec<_>>>()?;
                    Ok(Page { items, total })
                }

                async fn source_document(
                    &self,
                    id: i64,
                ) -> Result<Option<(dom::SourceDocument, Vec<u8>)>> {
                    let Some(row) = sqlx::query(sh::SQL_SOURCE_DOCUMENT)
                        .bind(id)
                        .fetch_optional(&self.pool)
                        .await?
                    else {
                        return Ok(None);
                    };
                    Ok(Some((
                        dom::SourceDocument {
                            id: row.try_get("id")?,
                            file_name: row.try_get("file_name")?,
                            media_type: row.try_get("media_type")?,
                            sha256: row.try_get("sha256")?,
                            size: row.try_get("size")?,
                            personal_data: row.try_get("personal_data")?,
                        },
                        row.try_get("content")?,
                    )))
                }

                async fn attendee_contacts(&self, meeting: i64) -> Result<Vec<PersonContact>> {
                    let rows = sqlx::query(sh::SQL_ATTENDEE_CONTACTS)
                        .bind(meeting)
                        .fetch_all(&self.pool)
                        .await?;
                    rows.iter()
                        .map(|row| {
                            Ok(PersonContact {
                                name: row.try_get("person_name")?,
                                organisation: row.try_get("organisation")?,
                                phone: row.try_get("phone")?,
                                email: row.try_get("email")?,
                            })
                        })
                        .collect()
                }

                async fn refresh_statistics(&self) -> Result<()> {
                    if !$analyze.is_empty() {
                        sqlx::raw_sql($analyze).execute(&self.pool).await?;
                    }
                    Ok(())
                }

                async fn totals(&self) -> Result<Totals> {
                    let row = sqlx::query(sh::SQL_TOTALS).fetch_one(&self.pool).await?;
                    Ok(Totals {
                        meetings: row.try_get("meetings")?,
                        action_points: row.try_get("action_points")?,
                        pending_action_points: row.try_get("pending_action_points")?,
                        organisations: row.try_get("organisations")?,
                        recommendations: row.try_get("recommendations")?,
                    })
                }
            }
        };
    };
}
