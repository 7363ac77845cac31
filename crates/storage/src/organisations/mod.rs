//! Organisations: the ministries, agencies, NGOs and services the minutes name, each under
//! every way it is written (aliases).

mod curation;
pub mod focal_points;
mod resolve;
mod seed;

use std::collections::HashMap;

use cadre_domain::{Audience, Organisation, OrganisationId, OrganisationKind};
use serde::Serialize;

pub(crate) use resolve::{AliasCache, Resolver};
pub(crate) use seed::seed_known_organisations_sql;

use crate::statement::Statement;
use crate::stored::parse_stored;
use crate::{Result, Store};

/// An organisation with how much it appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationWithCounts {
    pub organisation: Organisation,
    pub meetings_attended: i64,
    pub action_points: i64,
}

const SQL_ORGANISATIONS: &str = "SELECT o.id, o.name, o.acronym, o.kind, o.needs_review, o.parent_id, o.is_role, o.merged_into, o.version, \
     COALESCE(a.n, 0) AS meetings_attended, COALESCE(p.n, 0) AS action_points FROM organisations o \
     LEFT JOIN (SELECT organisation_id, COUNT(DISTINCT meeting_id) AS n FROM attendances \
       WHERE $2 OR meeting_id IN (SELECT id FROM meetings WHERE status = 'published') GROUP BY organisation_id) a \
     ON a.organisation_id = o.id \
     LEFT JOIN (SELECT organisation_id, COUNT(*) AS n FROM action_point_organisations \
       WHERE $2 OR action_point_id IN (SELECT id FROM action_points WHERE published = TRUE) GROUP BY organisation_id) p \
     ON p.organisation_id = o.id WHERE o.merged_into IS NULL AND o.is_role = $1 ORDER BY o.name, o.id";
const SQL_ALL_ALIASES: &str =
    "SELECT organisation_id, alias FROM organisation_aliases ORDER BY organisation_id, id";
const SQL_ORGANISATION: &str = "SELECT id, name, acronym, kind, needs_review, parent_id, is_role, merged_into, version \
     FROM organisations WHERE id = $1";
const SQL_ORGANISATION_ALIASES: &str = "SELECT organisation_id, alias FROM organisation_aliases WHERE organisation_id = $1 ORDER BY id";
const SQL_KNOWN_NAMES: &str =
    "SELECT name AS t FROM organisations UNION ALL SELECT alias AS t FROM organisation_aliases";

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: i64,
    name: String,
    acronym: Option<String>,
    kind: String,
    needs_review: bool,
    parent_id: Option<i64>,
    is_role: bool,
    merged_into: Option<i64>,
    version: i64,
    /// Counted by the list only.
    #[sqlx(default)]
    meetings_attended: i64,
    #[sqlx(default)]
    action_points: i64,
}

impl OrganisationRow {
    fn into_domain(self, aliases: Vec<String>) -> Result<OrganisationWithCounts> {
        let aliases = aliases
            .into_iter()
            .filter(|a| is_other_alias(a, &self.name, self.acronym.as_deref()))
            .collect();
        Ok(OrganisationWithCounts {
            organisation: Organisation {
                id: self.id.into(),
                kind: parse_stored(&self.kind, OrganisationKind::parse, "organisation kind")?,
                needs_review: self.needs_review,
                parent: self.parent_id.map(OrganisationId::new),
                is_role: self.is_role,
                merged_into: self.merged_into.map(OrganisationId::new),
                version: self.version,
                name: self.name,
                acronym: self.acronym,
                aliases,
            },
            meetings_attended: self.meetings_attended,
            action_points: self.action_points,
        })
    }
}

/// Whether `alias` is worth listing beside `name` and `acronym`.
fn is_other_alias(alias: &str, name: &str, acronym: Option<&str>) -> bool {
    alias != name && Some(alias) != acronym
}

/// The organisations of a [`Store`].
#[derive(Clone, Copy)]
pub struct Organisations<'s>(pub(crate) &'s Store);

impl Organisations<'_> {
    /// Organisations by name, with their aliases and how often they appear (neither those
    /// merged into another nor entries marked as roles: see [`Organisations::roles`]). The
    /// public's counts are of published minutes.
    pub async fn list(self, audience: Audience) -> Result<Vec<OrganisationWithCounts>> {
        self.listed(false, audience).await
    }

    /// Entries marked as naming a role rather than an organisation.
    pub async fn roles(self) -> Result<Vec<OrganisationWithCounts>> {
        self.listed(true, Audience::Internal).await
    }

    async fn listed(self, roles: bool, audience: Audience) -> Result<Vec<OrganisationWithCounts>> {
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
        let rows: Vec<(i64, String)> = link.fetch_all(Statement::new(SQL_ALL_ALIASES)).await?;
        for (organisation, alias) in rows {
            aliases.entry(organisation).or_default().push(alias);
        }
        let rows: Vec<OrganisationRow> = link
            .fetch_all(
                Statement::new(SQL_ORGANISATIONS)
                    .bind(roles)
                    .bind(!audience.is_public()),
            )
            .await?;
        rows.into_iter()
            .map(|row| {
                let own = aliases.remove(&row.id).unwrap_or_default();
                row.into_domain(own)
            })
            .collect()
    }

    pub async fn get(self, id: OrganisationId) -> Result<Option<Organisation>> {
        let mut conn = self.0.conn().await?;
        let mut link = conn.link();
        let Some(row) = link
            .fetch_optional::<OrganisationRow>(Statement::new(SQL_ORGANISATION).bind(id))
            .await?
        else {
            return Ok(None);
        };
        let aliases: Vec<(i64, String)> = link
            .fetch_all(Statement::new(SQL_ORGANISATION_ALIASES).bind(id))
            .await?;
        let aliases = aliases.into_iter().map(|(_, alias)| alias).collect();
        Ok(Some(row.into_domain(aliases)?.organisation))
    }
}

/// Every name and alias of every organisation: words lost-space repair may use.
pub(crate) async fn known_names(link: &mut crate::engine::Link<'_>) -> Result<Vec<String>> {
    let rows: Vec<(String,)> = link.fetch_all(Statement::new(SQL_KNOWN_NAMES)).await?;
    Ok(rows.into_iter().map(|(t,)| t).collect())
}
