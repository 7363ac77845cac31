//! From a name as written in minutes to the organisation it stands for: through the alias
//! keys, a cache of them, and the known organisation a spelling mistake hides; a name never
//! seen before becomes a new organisation flagged for review.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use cadre_domain::OrganisationId;
use cadre_domain::organisation::{
    candidate_keys, clean_written_name, closest_known, person_function, regional_unit,
};
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
const SQL_ORGANISATION_NAME: &str = "SELECT name, kind FROM organisations WHERE id = $1";
/// A unit just created for a regional office: named after its head and region, of the head's
/// kind, nothing to review (only a name nobody recognised is).
const SQL_MAKE_UNIT: &str = "UPDATE organisations SET name = $1, kind = $2, parent_id = $3, needs_review = FALSE \
     WHERE id = $4 AND parent_id IS NULL";

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
        // A function held in an organisation ("SG/CR/Zinder") stands for that organisation.
        let held_in = person_function(&without_contacts).and_then(|(_, organisation)| organisation);
        let written = held_in.as_deref().unwrap_or(&without_contacts);
        if let Some(id) = self.local.get(written) {
            return Ok(Some(*id));
        }
        let keys = keys_of(written);
        if keys.is_empty() {
            return Ok(None);
        }
        let (mut found, found_by) = match self.lookup(link, &keys).await? {
            Some((id, i)) => (Some(id), i),
            None => (None, keys.len()),
        };
        // "DRECM-R/Agadez" is not the organisation "DRECM-R" (which its head names): a regional
        // directorate written with its region is a unit of its own, one per region.
        if found_by > 0 {
            if let Some((head, region)) = regional_unit(written) {
                let head_id = match (found, found_by) {
                    (Some(id), _) => Some(id),
                    _ => self.lookup(link, &keys_of(&head)).await?.map(|(id, _)| id),
                };
                if let Some(head_id) = head_id {
                    // Any other organisation's office in a region is the organisation itself
                    // ("OIM Agadez" as "OIM/Agadez" already was).
                    found = Some(
                        self.regional_directorate(link, written, head_id, &head, region)
                            .await?
                            .unwrap_or(head_id),
                    );
                }
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

    /// The first of `keys` known, and its place among them.
    async fn lookup(
        &mut self,
        link: &mut Link<'_>,
        keys: &[String],
    ) -> Result<Option<(i64, usize)>> {
        for (i, key) in keys.iter().enumerate() {
            if let Some(id) = self.cached(key) {
                return Ok(Some((id, i)));
            }
            let row: Option<(i64,)> = link
                .fetch_optional(Statement::new(SQL_ALIAS_LOOKUP).bind(key.clone()))
                .await?;
            if let Some((id,)) = row {
                self.learned.push((key.clone(), id));
                return Ok(Some((id, i)));
            }
        }
        Ok(None)
    }

    /// The unit of the regional directorate `head` (stored under `head_id`) in `region`,
    /// found under its key (head and region, however written: "DRECM-R de Agadez",
    /// "DRECM/R/Agadez") or created the first time, as a unit of `head_id`. `None` when
    /// `head_id` is not a regional directorate.
    async fn regional_directorate(
        &mut self,
        link: &mut Link<'_>,
        written: &str,
        head_id: i64,
        head: &str,
        region: &str,
    ) -> Result<Option<i64>> {
        let key = match_key(&format!("{head} {region}"));
        if let Some((id, _)) = self.lookup(link, std::slice::from_ref(&key)).await? {
            return Ok(Some(id));
        }
        let head_row: Option<(String, String)> = link
            .fetch_optional(Statement::new(SQL_ORGANISATION_NAME).bind(head_id))
            .await?;
        let Some((head_name, kind)) = head_row else {
            return Ok(None);
        };
        // Regional and departmental directorates, and each region's own council.
        let head_key = match_key(&head_name);
        if !head_key.starts_with("directionregionale")
            && !head_key.starts_with("directiondepartementale")
            && head_key != "conseilregional"
        {
            return Ok(None);
        }
        // The same unit under its head's own name: "CR/Zinder" and "Conseil Régional de
        // Zinder", "DRECM-R Agadez" and the directorate's full name with "Agadez".
        let canonical = match_key(&format!("{head_name} {region}"));
        if canonical != key {
            if let Some((id, _)) = self.lookup(link, std::slice::from_ref(&canonical)).await? {
                self.alias(link, key, id, written).await?;
                return Ok(Some(id));
            }
        }
        let name = format!("{} {region}", clean_written_name(head));
        let id = self.create(link, written, key.clone()).await?;
        if canonical != key {
            self.alias(link, canonical, id, written).await?;
        }
        link.execute(
            Statement::new(SQL_MAKE_UNIT)
                .bind(name)
                .bind(kind)
                .bind(head_id)
                .bind(id),
        )
        .await?;
        Ok(Some(id))
    }

    /// Records `key` as one more key of organisation `id` (unless another import took it).
    async fn alias(
        &mut self,
        link: &mut Link<'_>,
        key: String,
        id: i64,
        written: &str,
    ) -> Result<()> {
        let owner: Option<(i64,)> = link
            .fetch_optional(
                Statement::new(SQL_INSERT_ALIAS)
                    .bind(key.clone())
                    .bind(id)
                    .bind(written.trim().to_owned()),
            )
            .await?;
        if owner.is_some() {
            self.learned.push((key, id));
        }
        Ok(())
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
