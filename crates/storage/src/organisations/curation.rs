//! The secretariat keeps the organisations clean: renames, kinds, units of a parent, entries
//! that name a role rather than an organisation, merges of duplicates. Every change is
//! versioned (optimistic concurrency), audited in its transaction with what it moved, logged
//! against the meetings it shows on, and reversible: a merge is undone from what its audit
//! entry recorded, a role mark is lifted.

use cadre_domain::{Actor, MeetingId, Organisation, OrganisationId, OrganisationKind};
use chrono::{DateTime, Utc};
use serde_json::json;

use super::{OrganisationRow, Organisations};
use crate::audit::{self, RecordKind};
use crate::changes;
use crate::engine::Link;
use crate::statement::Statement;
use crate::{Result, StorageError};

const SQL_GET: &str = "SELECT id, name, acronym, kind, needs_review, parent_id, is_role, merged_into, version \
     FROM organisations WHERE id = $1";
const SQL_RENAME: &str = "UPDATE organisations SET name = $1, acronym = $2, needs_review = $3, version = version + 1 \
     WHERE id = $4 AND version = $5";
const SQL_SET_KIND: &str = "UPDATE organisations SET kind = $1, parent_id = $2, needs_review = $3, version = version + 1 \
     WHERE id = $4 AND version = $5";
const SQL_SET_ROLE: &str =
    "UPDATE organisations SET is_role = $1, version = version + 1 WHERE id = $2 AND version = $3";
const SQL_SET_MERGED: &str = "UPDATE organisations SET merged_into = $1, version = version + 1 WHERE id = $2 AND version = $3";
const SQL_MEETINGS_OF: &str = "SELECT meeting_id FROM attendances WHERE organisation_id = $1 \
     UNION SELECT ap.meeting_id FROM action_point_organisations apo \
     JOIN action_points ap ON ap.id = apo.action_point_id WHERE apo.organisation_id = $1 \
     UNION SELECT r.meeting_id FROM recommendation_organisations ro \
     JOIN recommendations r ON r.id = ro.recommendation_id \
     WHERE ro.organisation_id = $1 AND r.meeting_id IS NOT NULL";

/// The rows that point at an organisation, by table: what a merge or a move re-points, and
/// what undoing it points back.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Moved {
    attendances: Vec<i64>,
    persons: Vec<i64>,
    /// Action points the organisation was responsible for.
    action_points: Vec<i64>,
    aliases: Vec<i64>,
    accounts: Vec<i64>,
    units: Vec<i64>,
    #[serde(default)]
    focal_points: Vec<i64>,
    /// Recommendations the organisation was responsible for or a partner of.
    #[serde(default)]
    recommendations: Vec<i64>,
}

async fn ids(link: &mut Link<'_>, sql: &'static str, org: OrganisationId) -> Result<Vec<i64>> {
    let rows: Vec<(i64,)> = link.fetch_all(Statement::new(sql).bind(org)).await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Points every row of `from` at `to` (`None`: persons keep no organisation; the other rows
/// stay), and says which rows moved.
async fn move_rows(
    link: &mut Link<'_>,
    from: OrganisationId,
    to: OrganisationId,
    with_aliases: bool,
) -> Result<Moved> {
    let mut moved = Moved {
        attendances: ids(
            link,
            "SELECT id FROM attendances WHERE organisation_id = $1",
            from,
        )
        .await?,
        persons: ids(
            link,
            "SELECT id FROM persons WHERE organisation_id = $1",
            from,
        )
        .await?,
        // A point already naming `to` keeps its own line; the duplicate stays with `from`.
        action_points: Vec::new(),
        aliases: Vec::new(),
        recommendations: Vec::new(),
        accounts: ids(
            link,
            "SELECT id FROM accounts WHERE organisation_id = $1",
            from,
        )
        .await?,
        units: ids(
            link,
            "SELECT id FROM organisations WHERE parent_id = $1",
            from,
        )
        .await?,
        focal_points: ids(
            link,
            "SELECT id FROM focal_points WHERE organisation_id = $1",
            from,
        )
        .await?,
    };
    link.execute(
        Statement::new("UPDATE focal_points SET organisation_id = $1 WHERE organisation_id = $2")
            .bind(to)
            .bind(from),
    )
    .await?;
    let points: Vec<(i64,)> = link
        .fetch_all(
            Statement::new(
                "SELECT action_point_id FROM action_point_organisations a WHERE organisation_id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM action_point_organisations b \
                 WHERE b.action_point_id = a.action_point_id AND b.organisation_id = $2)",
            )
            .bind(from)
            .bind(to),
        )
        .await?;
    moved.action_points = points.into_iter().map(|(id,)| id).collect();
    let recommendations: Vec<(i64,)> = link
        .fetch_all(
            Statement::new(
                "SELECT recommendation_id FROM recommendation_organisations a WHERE organisation_id = $1 \
                 AND NOT EXISTS (SELECT 1 FROM recommendation_organisations b \
                 WHERE b.recommendation_id = a.recommendation_id AND b.organisation_id = $2)",
            )
            .bind(from)
            .bind(to),
        )
        .await?;
    moved.recommendations = recommendations.into_iter().map(|(id,)| id).collect();
    link.execute(
        Statement::new(
            "UPDATE recommendation_organisations SET organisation_id = $1 WHERE organisation_id = $2 \
             AND NOT EXISTS (SELECT 1 FROM recommendation_organisations b \
             WHERE b.recommendation_id = recommendation_organisations.recommendation_id AND b.organisation_id = $1)",
        )
        .bind(to)
        .bind(from),
    )
    .await?;
    link.execute(
        Statement::new("UPDATE attendances SET organisation_id = $1 WHERE organisation_id = $2")
            .bind(to)
            .bind(from),
    )
    .await?;
    link.execute(
        Statement::new("UPDATE persons SET organisation_id = $1 WHERE organisation_id = $2")
            .bind(to)
            .bind(from),
    )
    .await?;
    link.execute(
        Statement::new("UPDATE accounts SET organisation_id = $1 WHERE organisation_id = $2")
            .bind(to)
            .bind(from),
    )
    .await?;
    link.execute(
        Statement::new("UPDATE organisations SET parent_id = $1 WHERE parent_id = $2")
            .bind(to)
            .bind(from),
    )
    .await?;
    link.execute(
        Statement::new(
            "UPDATE action_point_organisations SET organisation_id = $1 WHERE organisation_id = $2 \
             AND NOT EXISTS (SELECT 1 FROM action_point_organisations b \
             WHERE b.action_point_id = action_point_organisations.action_point_id AND b.organisation_id = $1)",
        )
        .bind(to)
        .bind(from),
    )
    .await?;
    if with_aliases {
        moved.aliases = ids(
            link,
            "SELECT id FROM organisation_aliases WHERE organisation_id = $1",
            from,
        )
        .await?;
        link.execute(
            Statement::new(
                "UPDATE organisation_aliases SET organisation_id = $1 WHERE organisation_id = $2",
            )
            .bind(to)
            .bind(from),
        )
        .await?;
    }
    Ok(moved)
}

/// Points the rows a move recorded back at `to` (the organisation they came from).
async fn move_back(link: &mut Link<'_>, moved: &Moved, to: OrganisationId) -> Result<()> {
    let tables: [(&str, &[i64]); 6] = [
        (
            "UPDATE focal_points SET organisation_id = $1 WHERE id = $2",
            &moved.focal_points,
        ),
        (
            "UPDATE attendances SET organisation_id = $1 WHERE id = $2",
            &moved.attendances,
        ),
        (
            "UPDATE persons SET organisation_id = $1 WHERE id = $2",
            &moved.persons,
        ),
        (
            "UPDATE organisation_aliases SET organisation_id = $1 WHERE id = $2",
            &moved.aliases,
        ),
        (
            "UPDATE accounts SET organisation_id = $1 WHERE id = $2",
            &moved.accounts,
        ),
        (
            "UPDATE organisations SET parent_id = $1 WHERE id = $2",
            &moved.units,
        ),
    ];
    for (sql, rows) in tables {
        for id in rows {
            link.execute(Statement::new(sql).bind(to).bind(*id)).await?;
        }
    }
    Ok(())
}

fn snapshot(o: &Organisation) -> serde_json::Value {
    json!({
        "name": o.name,
        "acronym": o.acronym,
        "kind": o.kind.as_str(),
        "parent": o.parent,
        "is_role": o.is_role,
        "merged_into": o.merged_into,
        "version": o.version,
    })
}

async fn get(link: &mut Link<'_>, id: OrganisationId) -> Result<Organisation> {
    let row: OrganisationRow = link
        .fetch_optional(Statement::new(SQL_GET).bind(id))
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(row.into_domain(Vec::new())?.organisation)
}

/// Logs the meetings an organisation shows on, so that their pages and the search index
/// follow the change.
async fn touch_meetings(link: &mut Link<'_>, orgs: &[OrganisationId]) -> Result<()> {
    let mut meetings: Vec<MeetingId> = Vec::new();
    for org in orgs {
        let rows: Vec<(i64,)> = link
            .fetch_all(Statement::new(SQL_MEETINGS_OF).bind(*org))
            .await?;
        meetings.extend(rows.into_iter().map(|(m,)| MeetingId::new(m)));
    }
    meetings.sort();
    meetings.dedup();
    changes::record(link, &meetings).await
}

fn stale(current: &Organisation) -> StorageError {
    StorageError::Stale {
        current_version: current.version,
    }
}

impl Organisations<'_> {
    /// Renames an organisation (its name and acronym as Cadre shows them); the old ones stay
    /// recognised at import through its aliases. Marks it checked.
    pub async fn rename(
        self,
        id: OrganisationId,
        name: &str,
        acronym: Option<&str>,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?;
        let changed = link
            .execute(
                Statement::new(SQL_RENAME)
                    .bind(name)
                    .bind(acronym)
                    .bind(false)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(stale(&before));
        }
        let after = get(&mut link, id).await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Organisation,
            id.get(),
            "rename",
            Some(snapshot(&before)),
            Some(snapshot(&after)),
        )
        .await?;
        touch_meetings(&mut link, &[id]).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sets what kind of organisation it is and what it is a unit of (none: it stands alone).
    pub async fn set_kind_and_parent(
        self,
        id: OrganisationId,
        kind: OrganisationKind,
        parent: Option<OrganisationId>,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?;
        // The parent exists, is not merged away, and is not this one or one of its units.
        let mut up = parent;
        while let Some(p) = up {
            if p == id {
                return Err(StorageError::Refused(
                    "une organisation ne peut pas être une unité d'elle-même".to_owned(),
                ));
            }
            let ancestor = get(&mut link, p).await?;
            if ancestor.merged_into.is_some() {
                return Err(StorageError::Refused(format!(
                    "{} a été fusionnée dans une autre organisation",
                    ancestor.name
                )));
            }
            up = ancestor.parent;
        }
        let changed = link
            .execute(
                Statement::new(SQL_SET_KIND)
                    .bind(kind.as_str())
                    .bind(parent)
                    .bind(false)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(stale(&before));
        }
        let after = get(&mut link, id).await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Organisation,
            id.get(),
            "set_kind",
            Some(snapshot(&before)),
            Some(snapshot(&after)),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Marks an entry as naming a role ("Chauffeur Dosso"), or lifts the mark. Marking can
    /// move its people (attendance lines, persons, responsibilities) to their real
    /// organisation; without one they stay on the entry, shown as the role they are.
    pub async fn set_role(
        self,
        id: OrganisationId,
        is_role: bool,
        people_to: Option<OrganisationId>,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?;
        let changed = link
            .execute(
                Statement::new(SQL_SET_ROLE)
                    .bind(is_role)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(stale(&before));
        }
        let moved = match people_to.filter(|_| is_role) {
            Some(to) if to == id => {
                return Err(StorageError::Refused(
                    "choisissez une autre organisation".to_owned(),
                ));
            }
            Some(to) => {
                get(&mut link, to).await?;
                touch_meetings(&mut link, &[id]).await?;
                Some((to, move_rows(&mut link, id, to, false).await?))
            }
            None => {
                touch_meetings(&mut link, &[id]).await?;
                None
            }
        };
        let after = get(&mut link, id).await?;
        let mut after_value = snapshot(&after);
        if let Some((to, moved)) = &moved {
            after_value["people_to"] = json!(to);
            after_value["moved"] = json!(moved);
        }
        let action = if is_role { "mark_role" } else { "unmark_role" };
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Organisation,
            id.get(),
            action,
            Some(snapshot(&before)),
            Some(after_value),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Merges a duplicate into the organisation it duplicates: its attendance lines, people,
    /// responsibilities, aliases (the ways documents write it), accounts and units move; the
    /// entry stays, marked merged, so that [`Organisations::unmerge`] can undo it.
    pub async fn merge(
        self,
        from: OrganisationId,
        into: OrganisationId,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        if from == into {
            return Err(StorageError::Refused(
                "une organisation ne se fusionne pas avec elle-même".to_owned(),
            ));
        }
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, from).await?;
        let target = get(&mut link, into).await?;
        if target.merged_into.is_some() {
            return Err(StorageError::Refused(format!(
                "{} a déjà été fusionnée dans une autre",
                target.name
            )));
        }
        let changed = link
            .execute(
                Statement::new(SQL_SET_MERGED)
                    .bind(into)
                    .bind(from)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(stale(&before));
        }
        touch_meetings(&mut link, &[from]).await?;
        let moved = move_rows(&mut link, from, into, true).await?;
        let after = get(&mut link, from).await?;
        let mut after_value = snapshot(&after);
        after_value["moved"] = json!(moved);
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Organisation,
            from.get(),
            "merge",
            Some(snapshot(&before)),
            Some(after_value.clone()),
        )
        .await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Organisation,
            into.get(),
            "absorb",
            None,
            Some(json!({ "from": from, "name": before.name })),
        )
        .await?;
        tx.commit().await?;
        self.0.aliases.clear();
        Ok(after)
    }

    /// Undoes the latest merge of `id`: what it moved comes back, the entry stands again.
    pub async fn unmerge(
        self,
        id: OrganisationId,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Organisation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?;
        let Some(into) = before.merged_into else {
            return Err(StorageError::Refused(
                "cette organisation n'est pas fusionnée".to_owned(),
            ));
        };
        let history: Vec<(Option<String>,)> = link
            .fetch_all(
                Statement::new(
                    "SELECT after FROM audit_log WHERE record_kind = $1 AND record_id = $2 AND action = $3 ORDER BY id DESC LIMIT 1",
                )
                .bind(RecordKind::Organisation.as_str())
                .bind(id)
                .bind("merge"),
            )
            .await?;
        let moved: Moved = history
            .first()
            .and_then(|(after,)| after.as_deref())
            .and_then(|a| serde_json::from_str::<serde_json::Value>(a).ok())
            .and_then(|v| serde_json::from_value(v["moved"].clone()).ok())
            .ok_or_else(|| {
                StorageError::Corrupt(format!("the merge of organisation {id} is not on record"))
            })?;
        let changed = link
            .execute(
                Statement::new(SQL_SET_MERGED)
                    .bind(None::<OrganisationId>)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(stale(&before));
        }
        move_back(&mut link, &moved, id).await?;
        for point in &moved.action_points {
            link.execute(
                Statement::new("UPDATE action_point_organisations SET organisation_id = $1 WHERE action_point_id = $2 AND organisation_id = $3")
                    .bind(id)
                    .bind(*point)
                    .bind(into),
            )
            .await?;
        }
        for recommendation in &moved.recommendations {
            link.execute(
                Statement::new("UPDATE recommendation_organisations SET organisation_id = $1 WHERE recommendation_id = $2 AND organisation_id = $3")
                    .bind(id)
                    .bind(*recommendation)
                    .bind(into),
            )
            .await?;
        }
        touch_meetings(&mut link, &[id, into]).await?;
        let after = get(&mut link, id).await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::Organisation,
            id.get(),
            "unmerge",
            Some(snapshot(&before)),
            Some(snapshot(&after)),
        )
        .await?;
        tx.commit().await?;
        self.0.aliases.clear();
        Ok(after)
    }
}
