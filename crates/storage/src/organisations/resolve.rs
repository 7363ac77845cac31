//! From a name as written in minutes to the organisation it stands for: through the alias
//! keys, a cache of them, and the known organisation a spelling mistake hides; a name never
//! seen before becomes a new organisation flagged for review.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use cadre_domain::OrganisationId;
use cadre_domain::organisation::{candidate_keys, clean_written_name, closest_known};
use cadre_domain::privacy::split_contacts;
use cadre_domain::text::match_key;

use crate::Result;
use crate::engine::Link;
use crate::statement::Statement;

const SQL_ALIAS_LOOKUP: &str = "SELECT organisation_id FROM organisation_aliases WHERE key = $1";
const SQL_INSERT_ORGANISATION: &str = "INSERT INTO organisations (name, acronym, kind, needs_review) VALUES ($1, NULL, 'other', TRUE) \
     RETURNING id";
const SQL_INSERT_ALIAS: &str = "INSERT INTO organisation_aliases (key, organisation_id, alias) VALUES ($1, $2, $3) \
     ON CONFLICT (key) DO NOTHING RETURNING organisation_id";
const SQL_DELETE_ORGANISATION: &str = "DELETE FROM organisations WHERE id = $1";

/// Alias key → organisation, remembered across imports. Filled only with mappings that are
/// committed (an import adds its new keys after its transaction commits); emptied when the
/// secretariat merges organisations (keys then name another one).
#[derive(Debug, Clone, Default)]
pub(crate) struct AliasCache(Arc<Mutex<HashMap<String, i64>>>);

impl AliasCache {
    pub fn get(&self, key: &str) -> Option<i64> {
        self.0.lock().ok()?.get(key).copied()
    }

    pub fn clear(&self) {
        if let Ok(mut map) = self.0.lock() {
            map.clear();
        }
    }

    pub fn extend(&self, entries: impl IntoIterator<Item = (String, i64)>) {
        if let Ok(mut map) = self.0.lock() {
            map.extend(entries);
        }
    }

    /// The entry of a body's id. Alias keys are letters and digits only, so this never
    /// collides with one.
    pub fn body_key(code: &str) -> String {
        format!("body:{code}")
    }
}

/// The keys a written name may resolve under: its own keys first (any alias already stored
/// wins), then the known organisation it misspells, if any.
fn keys_of(written: &str) -> Vec<String> {
    let mut keys = candidate_keys(written);
    if let Some(known) = closest_known(written) {
        let key = match_key(known.name);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// Resolves the names of one import, inside its transaction. The keys it learns reach the
/// shared cache only once the transaction commits ([`Resolver::learned`]).
pub(crate) struct Resolver<'a> {
    cache: &'a AliasCache,
    /// Written name → organisation, within one meeting.
    local: HashMap<String, OrganisationId>,
    learned: Vec<(String, i64)>,
}

impl<'a> Resolver<'a> {
    pub fn new(cache: &'a AliasCache) -> Self {
        Resolver {
            cache,
            local: HashMap::new(),
            learned: Vec::new(),
        }
    }

    /// Starts a new meeting: names written alike in two meetings are looked up again.
    pub fn next_meeting(&mut self) {
        self.local.clear();
    }

    /// Records a key learned outside name resolution (a body's id).
    pub fn learn(&mut self, key: String, id: i64) {
        self.learned.push((key, id));
    }

    /// What the shared cache may learn once the transaction has committed.
    pub fn learned(self) -> Vec<(String, i64)> {
        self.learned
    }

    /// A key known to the shared cache or learned earlier in this transaction (so that a batch
    /// upserts each body once: PostgreSQL spends a sequence number on every upsert, and ids
    /// would otherwise depend on how documents happened to be batched).
    pub fn cached(&self, key: &str) -> Option<i64> {
        self.cache.get(key).or_else(|| {
            self.learned
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, id)| *id)
        })
    }

    /// The organisation a written name stands for, creating one (flagged for review) when no
    /// key is known. `None` when the text names nothing.
    pub async fn resolve(
        &mut self,
        link: &mut Link<'_>,
        written: &str,
    ) -> Result<Option<OrganisationId>> {
        // A contact is never a name: no organisation is found or created from a phone number
        // or an e-mail address written where a name was expected.
        let without_contacts = split_contacts(written).rest;
        let written = without_contacts.as_str();
        if let Some(id) = self.local.get(written) {
            return Ok(Some(*id));
        }
        let keys = keys_of(written);
        if keys.is_empty() {
            return Ok(None);
        }
        let mut found = None;
        for key in &keys {
            if let Some(id) = self.cache.get(key) {
                found = Some(id);
                break;
            }
            let row: Option<(i64,)> = link
                .fetch_optional(Statement::new(SQL_ALIAS_LOOKUP).bind(key.clone()))
                .await?;
            if let Some((id,)) = row {
                self.learned.push((key.clone(), id));
                found = Some(id);
                break;
            }
        }
        let id = match found {
            Some(id) => id,
            None => self.create(link, written, keys[0].clone()).await?,
        };
        let id = OrganisationId::new(id);
        self.local.insert(written.to_owned(), id);
        Ok(Some(id))
    }

    /// A new organisation under `key`, or the one another import stored under it meanwhile.
    async fn create(&mut self, link: &mut Link<'_>, written: &str, key: String) -> Result<i64> {
        let name = clean_written_name(written);
        let name = if name.is_empty() {
            written.trim().to_owned()
        } else {
            name
        };
        let (id,): (i64,) = link
            .fetch_one(Statement::new(SQL_INSERT_ORGANISATION).bind(name.clone()))
            .await?;
        let owner: Option<(i64,)> = link
            .fetch_optional(
                Statement::new(SQL_INSERT_ALIAS)
                    .bind(key.clone())
                    .bind(id)
                    .bind(name),
            )
            .await?;
        let id = if owner.is_some() {
            id
        } else {
            link.execute(Statement::new(SQL_DELETE_ORGANISATION).bind(id))
                .await?;
            let (other,): (i64,) = link
                .fetch_one(Statement::new(SQL_ALIAS_LOOKUP).bind(key.clone()))
                .await?;
            other
        };
        self.learned.push((key, id));
        Ok(id)
    }
}
