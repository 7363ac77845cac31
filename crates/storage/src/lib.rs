//! The storage contract. Handlers, the CLI and the tests are written against [`Database`]; each
//! engine crate (`cadre-storage-sqlite`, `cadre-storage-postgres`) implements it with the same
//! SQL text, so a feature exists on both engines or on neither.

use std::future::Future;

use cadre_domain::{
    ActionPoint, ActionStatus, Body, Id, Meeting, MeetingSummary, NewMeeting, Organisation,
    Recommendation,
};
use chrono::NaiveDate;
use serde::Serialize;

pub mod shared;

/// Errors of the storage layer. The web layer maps them to responses that hide internals.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("not found")]
    NotFound,
    #[error("invalid database URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

pub type Result<T, E = StorageError> = std::result::Result<T, E>;

impl StorageError {
    /// A database URL that could not be parsed, named without its password: the message may
    /// reach a terminal, a log or a CI report.
    pub fn invalid_url(url: &str, reason: impl std::fmt::Display) -> StorageError {
        let mut reason = reason.to_string();
        let mut shown = redact_url(url);
        // A parser may echo the password wherever it appears (a malformed URL puts it in odd
        // places): it is hidden everywhere in the message.
        if let Some(password) = url_password(url).filter(|p| !p.is_empty()) {
            reason = reason.replace(password, "***");
            shown = shown.replace(password, "***");
        }
        StorageError::InvalidUrl { url: shown, reason }
    }
}

/// A URL fit for messages and logs: any password is hidden.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

fn url_password(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")?;
    let at = url.rfind('@').filter(|at| *at > scheme_end)?;
    url[scheme_end + 3..at].split_once(':').map(|(_, p)| p)
}

/// What importing one meeting did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "meeting_id", rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A new meeting was stored.
    Created(Id),
    /// The same source document (same SHA-256) was imported before, as this meeting.
    AlreadyImported(Id),
}

impl ImportOutcome {
    pub fn meeting_id(self) -> Id {
        match self {
            ImportOutcome::Created(id) | ImportOutcome::AlreadyImported(id) => id,
        }
    }
}

/// A page of a longer list, with the length of the whole list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: i64,
}

/// `limit`/`offset` paging; `limit: None` means everything (exports).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paging {
    pub limit: Option<i64>,
    pub offset: i64,
}

impl Paging {
    pub fn all() -> Self {
        Paging {
            limit: None,
            offset: 0,
        }
    }
    pub fn page(limit: i64, offset: i64) -> Self {
        Paging {
            limit: Some(limit),
            offset,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingFilter {
    /// A body's code ("gtm-tahoua").
    pub body: Option<String>,
    pub year: Option<i32>,
    pub paging: Paging,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionPointFilter {
    /// Action points this organisation is responsible for.
    pub organisation: Option<Id>,
    pub status: Option<ActionStatus>,
    /// Only pending (open or in progress) action points whose deadline passed before this day.
    pub overdue_on: Option<NaiveDate>,
    /// Only pending action points due in this inclusive range.
    pub due_between: Option<(NaiveDate, NaiveDate)>,
    pub meeting: Option<Id>,
    pub body: Option<String>,
    pub paging: Paging,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecommendationFilter {
    pub meeting: Option<Id>,
    pub roadmap: Option<String>,
    pub thematic_group: Option<String>,
    pub paging: Paging,
}

/// A body with how many meetings it has held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BodyWithCount {
    pub body: Body,
    pub meeting_count: i64,
}

/// An organisation with how much it appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationWithCounts {
    pub organisation: Organisation,
    pub meetings_attended: i64,
    pub action_points: i64,
}

/// A next meeting announced by the minutes of a past one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpcomingMeeting {
    pub body: String,
    pub body_code: String,
    pub date: NaiveDate,
    pub time: Option<chrono::NaiveTime>,
    pub as_written: String,
    /// The meeting whose minutes announced it.
    pub announced_in: Id,
}

/// Personal contact details of an attendee: private, see [`cadre_domain::Person`].
pub use cadre_domain::Person as PersonContact;

/// One entry of the change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    pub seq: i64,
    pub meeting_id: Id,
}

/// Figures for the dashboard.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub meetings: i64,
    pub action_points: i64,
    pub pending_action_points: i64,
    pub organisations: i64,
    pub recommendations: i64,
}

/// Everything Cadre stores, behind one trait. Implementations are cheap to clone (a pool).
pub trait Database: Clone + Send + Sync + 'static {
    /// Connects to `url` and brings the schema up to date.
    fn connect(url: &str) -> impl Future<Output = Result<Self>> + Send;

    /// Stores a meeting with its agenda, action points, attendance, recommendations, warnings
    /// and source document, in one transaction. Organisations are resolved through the alias
    /// table; a name never seen before becomes a new organisation flagged for review.
    /// A source document already stored (same SHA-256) is not imported again.
    fn import_meeting(
        &self,
        meeting: &NewMeeting,
    ) -> impl Future<Output = Result<ImportOutcome>> + Send;

    /// Imports several meetings in one transaction: all of them are stored, or none. Archives
    /// import far faster this way (one commit per batch); a caller whose batch fails imports its
    /// documents one by one with [`Database::import_meeting`] to find the one at fault.
    fn import_meetings(
        &self,
        meetings: &[NewMeeting],
    ) -> impl Future<Output = Result<Vec<ImportOutcome>>> + Send;

    /// The meeting already imported from a document with this SHA-256, if any.
    fn meeting_for_source(&self, sha256: &str) -> impl Future<Output = Result<Option<Id>>> + Send;

    fn bodies(&self) -> impl Future<Output = Result<Vec<BodyWithCount>>> + Send;
    /// Years in which meetings took place, most recent first.
    fn meeting_years(&self) -> impl Future<Output = Result<Vec<i32>>> + Send;
    /// Meetings, most recent first.
    fn meetings(
        &self,
        filter: &MeetingFilter,
    ) -> impl Future<Output = Result<Page<MeetingSummary>>> + Send;
    fn meeting(&self, id: Id) -> impl Future<Output = Result<Option<Meeting>>> + Send;
    /// Next meetings announced for `from` or later, soonest first, at most one per body and date.
    fn upcoming_meetings(
        &self,
        from: NaiveDate,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<UpcomingMeeting>>> + Send;

    /// Action points, soonest deadline first (those without a date last).
    fn action_points(
        &self,
        filter: &ActionPointFilter,
    ) -> impl Future<Output = Result<Page<ActionPoint>>> + Send;
    fn set_action_status(
        &self,
        id: Id,
        status: ActionStatus,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Marks imported minutes as checked against their document: no longer a draft.
    fn validate_meeting(&self, id: Id) -> impl Future<Output = Result<()>> + Send;

    /// The sequence number of the last change to any meeting (0 when none): imports,
    /// validations and edits each append one per meeting touched.
    fn latest_change(&self) -> impl Future<Output = Result<i64>> + Send;
    /// Changes after `after`, oldest first, at most `limit`: how a search index catches up.
    fn changes_since(
        &self,
        after: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Change>>> + Send;

    /// Texts whose words lost-space repair may use: organisation names and aliases, and the
    /// titles and discussions of the most recent `recent_meetings` meetings.
    fn known_texts(&self, recent_meetings: i64)
    -> impl Future<Output = Result<Vec<String>>> + Send;

    /// Organisations by name, with their aliases.
    fn organisations(&self) -> impl Future<Output = Result<Vec<OrganisationWithCounts>>> + Send;
    fn organisation(&self, id: Id) -> impl Future<Output = Result<Option<Organisation>>> + Send;

    /// Recommendations by session (most recent first), roadmap and position.
    fn recommendations(
        &self,
        filter: &RecommendationFilter,
    ) -> impl Future<Output = Result<Page<Recommendation>>> + Send;

    /// The original bytes of a source document.
    fn source_document(
        &self,
        id: Id,
    ) -> impl Future<Output = Result<Option<(cadre_domain::SourceDocument, Vec<u8>)>>> + Send;

    /// Private contact details of a meeting's attendees (see [`PersonContact`]).
    fn attendee_contacts(
        &self,
        meeting: Id,
    ) -> impl Future<Output = Result<Vec<PersonContact>>> + Send;

    fn totals(&self) -> impl Future<Output = Result<Totals>> + Send;

    /// Refreshes the query planner's statistics after a bulk load. PostgreSQL plans a freshly
    /// loaded table blind (sequential scans where an index fits) until autovacuum analyses it;
    /// SQLite's plans do not depend on statistics here, so it has nothing to do.
    fn refresh_statistics(&self) -> impl Future<Output = Result<()>> + Send;
}
