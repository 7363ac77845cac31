//! SQL statements as values: text with `$1`-style parameters and the values bound to them.
//!
//! Capability modules build a [`Statement`] and hand it to the engine module, which binds the
//! values on whichever driver the store runs on. The text is the same on both engines; it is
//! constant, or built only from constant fragments according to which filters are present
//! (never from user data), so each driver's per-connection statement cache hits.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// A value bound to a statement. Only these types are bound or decoded, on either engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Int(Option<i64>),
    Text(Option<String>),
    Date(Option<NaiveDate>),
    Time(Option<NaiveTime>),
    /// A moment, in UTC: RFC 3339 text on SQLite, `TIMESTAMPTZ` on PostgreSQL.
    Timestamp(Option<DateTime<Utc>>),
    Bool(bool),
    Bytes(Vec<u8>),
}

macro_rules! value_from {
    ($($t:ty => $variant:ident),* $(,)?) => {$(
        impl From<$t> for Value {
            fn from(v: $t) -> Value {
                Value::$variant(Some(v.into()))
            }
        }
        impl From<Option<$t>> for Value {
            fn from(v: Option<$t>) -> Value {
                Value::$variant(v.map(Into::into))
            }
        }
    )*};
}

value_from!(i64 => Int, String => Text, &str => Text, NaiveDate => Date, NaiveTime => Time, DateTime<Utc> => Timestamp);

/// Typed ids are bound as the stored key.
macro_rules! value_from_id {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(id: $t) -> Value {
                Value::Int(Some(id.get()))
            }
        }
    )*};
}

value_from_id!(
    cadre_domain::MeetingId,
    cadre_domain::AgendaItemId,
    cadre_domain::ActionPointId,
    cadre_domain::OrganisationId,
    cadre_domain::BodyId,
    cadre_domain::RecommendationId,
    cadre_domain::SessionId,
    cadre_domain::SourceDocumentId,
    cadre_domain::AccountId
);

/// An optional typed id is bound as the stored key or NULL.
macro_rules! value_from_optional_id {
    ($($t:ty),*) => {$(
        impl From<Option<$t>> for Value {
            fn from(id: Option<$t>) -> Value {
                Value::Int(id.map(|id| id.get()))
            }
        }
    )*};
}

value_from_optional_id!(
    cadre_domain::OrganisationId,
    cadre_domain::AccountId,
    cadre_domain::MeetingId
);

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}

impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Value {
        Value::Bytes(v)
    }
}

/// SQL text and its parameters, in `$n` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Statement {
    pub sql: Cow<'static, str>,
    pub params: Vec<Value>,
}

impl Statement {
    pub fn new(sql: &'static str) -> Statement {
        Statement {
            sql: Cow::Borrowed(sql),
            params: Vec::new(),
        }
    }

    /// SQL assembled from this crate's constant fragments (see the module documentation).
    pub fn built(sql: String) -> Statement {
        Statement {
            sql: Cow::Owned(sql),
            params: Vec::new(),
        }
    }

    pub fn bind(mut self, value: impl Into<Value>) -> Statement {
        self.params.push(value.into());
        self
    }

    pub fn bind_all(mut self, values: impl IntoIterator<Item = Value>) -> Statement {
        self.params.extend(values);
        self
    }
}

/// A `WHERE` clause built from constant fragments, with its parameters in `$n` order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Where {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Where {
    /// Adds `WHERE <condition>` or `AND <condition>`, where each `{}` in `condition` is the next
    /// parameter in `params`. Without any condition the clause stays empty (so that SQLite's
    /// `COUNT(*)` of a whole table stays its fast path).
    /// A condition without parameters.
    pub fn and_sql(&mut self, condition: &str) {
        self.and(condition, std::iter::empty());
    }

    pub fn and(&mut self, condition: &str, params: impl IntoIterator<Item = Value>) {
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
    pub fn limit_offset(&self) -> String {
        let n = self.params.len();
        format!(" LIMIT ${} OFFSET ${}", n + 1, n + 2)
    }
}

/// The list and count statements of a filtered, paged list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListQuery {
    /// Binds `params`, then `limit`, then `offset`.
    pub list_sql: String,
    /// Binds `params` only.
    pub count_sql: String,
    pub params: Vec<Value>,
    pub limit: i64,
    pub offset: i64,
}

impl ListQuery {
    pub fn count(&self) -> Statement {
        Statement::built(self.count_sql.clone()).bind_all(self.params.iter().cloned())
    }

    pub fn list(&self) -> Statement {
        self.paged(self.list_sql.clone())
    }

    /// Another statement over the same filter and page (`params`, `limit`, `offset`).
    pub fn paged(&self, sql: String) -> Statement {
        Statement::built(sql)
            .bind_all(self.params.iter().cloned())
            .bind(self.limit)
            .bind(self.offset)
    }
}

pub(crate) fn paging(p: &crate::Paging) -> (i64, i64) {
    (p.limit.unwrap_or(i64::MAX).max(0), p.offset.max(0))
}

/// A table's multi-row insert: `head (…), (…) tail`, `columns` values per row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MultiInsert {
    pub head: &'static str,
    pub columns: usize,
    /// `RETURNING …`, or empty.
    pub tail: &'static str,
}

// Rows of one table are inserted several at a time: `INSERT … VALUES (…), (…) …` in chunks of
// 32, 16, 8, 4, 2 and 1 rows, so that a table has at most six statement texts to cache.
const CHUNK_SIZES: [usize; 6] = [32, 16, 8, 4, 2, 1];

/// `n` rows split into chunks of the sizes above, largest first, as (start, length).
pub(crate) fn chunks(n: usize) -> Vec<(usize, usize)> {
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

impl MultiInsert {
    /// The statement text for `rows` rows.
    pub fn sql(&self, rows: usize) -> String {
        let mut sql =
            String::with_capacity(self.head.len() + self.tail.len() + rows * self.columns * 5);
        sql.push_str(self.head);
        for r in 0..rows {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..self.columns {
                if c > 0 {
                    sql.push_str(", ");
                }
                let _ = write!(sql, "${}", r * self.columns + c + 1);
            }
            sql.push(')');
        }
        sql.push_str(self.tail);
        sql
    }

    /// The statements inserting `rows`, each row's values given by `values` (exactly
    /// `columns` of them).
    pub fn statements<T>(&self, rows: &[T], values: impl Fn(&T) -> Vec<Value>) -> Vec<Statement> {
        chunks(rows.len())
            .into_iter()
            .map(|(start, len)| {
                let mut statement = Statement::built(self.sql(len));
                for row in &rows[start..start + len] {
                    let row = values(row);
                    debug_assert_eq!(row.len(), self.columns, "{}", self.head);
                    statement.params.extend(row);
                }
                statement
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_clauses_number_their_parameters() {
        let mut w = Where::default();
        w.and("a = {}", [Value::from(1)]);
        w.and("b >= {} AND b <= {}", [Value::from(2), Value::from(3)]);
        assert_eq!(w.sql, " WHERE a = $1 AND b >= $2 AND b <= $3");
        assert_eq!(w.limit_offset(), " LIMIT $4 OFFSET $5");
        assert_eq!(Where::default().sql, "");
    }

    #[test]
    fn multi_row_inserts_come_in_six_sizes() {
        assert_eq!(chunks(45), vec![(0, 32), (32, 8), (40, 4), (44, 1)]);
        assert_eq!(chunks(0), vec![]);
        let table = MultiInsert {
            head: "INSERT INTO t (a, b) VALUES ",
            columns: 2,
            tail: " RETURNING id",
        };
        assert_eq!(
            table.sql(2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4) RETURNING id"
        );
        let rows = [1_i64, 2, 3];
        let statements = table.statements(&rows, |r| vec![Value::from(*r), Value::from(-*r)]);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].params.len(), 4);
        assert_eq!(statements[1].params, vec![Value::from(3), Value::from(-3)]);
    }
}
