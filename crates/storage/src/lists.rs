//! Paged lists and their totals. A list's total is what costs on a large table (a count over
//! every matching row, each request), so it is avoided when the page itself tells it (a first
//! or last page that is not full), and otherwise remembered until the change log moves: every
//! write that adds or changes rows records a change, whichever process makes it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::engine::Decode;
use crate::statement::ListQuery;
use crate::{Result, Store};

/// Answers remembered at once, per kind; beyond, the memory starts over.
const MAX_REMEMBERED: usize = 4096;

/// Statement and parameters → (change it was computed at, answer): what a count or an
/// aggregate over many rows gave, valid until the change log moves.
#[derive(Debug, Clone)]
pub(crate) struct Remembered<V>(Arc<Mutex<HashMap<String, (i64, V)>>>);

impl<V> Default for Remembered<V> {
    fn default() -> Self {
        Remembered(Arc::new(Mutex::new(HashMap::new())))
    }
}

impl<V: Clone> Remembered<V> {
    pub(crate) fn get(&self, key: &str, change: i64) -> Option<V> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key)
            .filter(|(at, _)| *at == change)
            .map(|(_, v)| v.clone())
    }

    pub(crate) fn put(&self, key: String, change: i64, value: V) {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= MAX_REMEMBERED {
            map.clear();
        }
        map.insert(key, (change, value));
    }
}

/// Count statement and parameters → total.
pub(crate) type RememberedTotals = Remembered<i64>;

/// The total a page implies without counting: a page that is not full is the last one.
fn total_from_page(q: &ListQuery, rows: usize) -> Option<i64> {
    let rows = rows as i64;
    (rows < q.limit && (rows > 0 || q.offset == 0)).then(|| q.offset.saturating_add(rows))
}

impl Store {
    /// The rows of the requested page, then the list's total.
    pub(crate) async fn page<T: Decode>(&self, q: &ListQuery) -> Result<(i64, Vec<T>)> {
        let rows: Vec<T> = self.conn().await?.link().fetch_all(q.list()).await?;
        if let Some(total) = total_from_page(q, rows.len()) {
            return Ok((total, rows));
        }
        // The change is read before the count, so a count is never filed under a change older
        // than it; through the shared clock, with no connection held meanwhile (the clock takes
        // one of its own).
        let change = self.changes().latest().await?;
        let key = format!("{}\n{:?}", q.count_sql, q.params);
        if let Some(total) = self.totals.get(&key, change) {
            return Ok((total, rows));
        }
        let (total,): (i64,) = self.conn().await?.link().fetch_one(q.count()).await?;
        self.totals.put(key, change, total);
        Ok((total, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(limit: i64, offset: i64) -> ListQuery {
        ListQuery {
            list_sql: String::new(),
            count_sql: String::new(),
            params: Vec::new(),
            limit,
            offset,
        }
    }

    #[test]
    fn a_page_that_is_not_full_is_the_last() {
        assert_eq!(total_from_page(&page(50, 0), 12), Some(12));
        assert_eq!(total_from_page(&page(50, 0), 0), Some(0));
        assert_eq!(total_from_page(&page(50, 100), 3), Some(103));
        // A full page, or an empty one past the end, says nothing of the total.
        assert_eq!(total_from_page(&page(50, 0), 50), None);
        assert_eq!(total_from_page(&page(50, 100), 0), None);
        // Exports ask for everything: the rows are the total.
        assert_eq!(total_from_page(&page(i64::MAX, 0), 7), Some(7));
    }
}
