//! Cadre's storage: one concrete [`Store`] over SQLite (the embedded default) or PostgreSQL
//! (production, several instances), chosen once from the database URL.
//!
//! Each capability is a module owning its SQL, its row types and its methods, reached from
//! the store: `store.meetings().list(&filter)`, `store.action_points().set_status(id, s)`.
//! The SQL text is written once with `$1`-style parameters and runs unchanged on both engines;
//! what differs between them lives in [`engine`].
//!
//! Portability rules followed by every statement: only `i64`, `String`, `bool`, `NaiveDate`,
//! `NaiveTime`, `Vec<u8>` and their `Option`s are bound or decoded; no engine-specific
//! functions; `INSERT … RETURNING id` for keys; `ON CONFLICT … DO NOTHING/UPDATE` for upserts;
//! the meeting's year has its own column; list counts are stored with the meeting at import.

use serde::Serialize;

pub mod accounts;
pub mod action_points;
pub mod audit;
pub mod bodies;
pub mod changes;
pub mod engine;
mod lists;
pub mod meetings;
pub mod organisations;
pub mod recommendations;
pub mod source_documents;
mod statement;
mod store;
mod stored;
mod totals;

pub use accounts::Accounts;
pub use action_points::ActionPointFilter;
pub use audit::{AuditEntry, RecordKind};
pub use bodies::BodyWithCount;
pub use changes::Change;
pub use engine::{Engine, Pool};
pub use meetings::{ImportOutcome, LifecycleOutcome, MeetingFilter, Transition, UpcomingMeeting};
pub use organisations::OrganisationWithCounts;
pub use recommendations::{
    AlignmentReport, MatrixCell, MatrixRow, RecommendationFilter, Served, StatusFilter,
};
pub use store::Store;
pub use totals::Totals;

/// Errors of the storage layer. The web layer maps them to responses that hide internals.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("not found")]
    NotFound,
    #[error("invalid database URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    /// A record with the same unique name exists.
    #[error("{0}")]
    Duplicate(String),
    /// The change would break a rule (the last administrator disabled…); says which, in French.
    #[error("{0}")]
    Refused(String),
    /// The record changed since the version the change was made on (optimistic concurrency):
    /// nothing was written.
    #[error("the record changed meanwhile (now at version {current_version})")]
    Stale { current_version: i64 },
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

/// Personal contact details of an attendee: private, see [`cadre_domain::Person`].
pub use cadre_domain::Person as PersonContact;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact_url("postgres://cadre:s3cret@db/cadre"),
            "postgres://cadre:***@db/cadre"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
        assert_eq!(redact_url("sqlite://cadre.db"), "sqlite://cadre.db");
        let e = StorageError::invalid_url("mysql://u:hunter2@h/db", "unsupported: hunter2");
        assert!(!e.to_string().contains("hunter2"), "{e}");
    }
}
