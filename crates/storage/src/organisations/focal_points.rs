//! An organisation's focal points: the people to call about its work, with their contacts.
//! Personal data: the web shows them to the secretariat and to the organisation's own editors
//! only. A focal point who leaves is removed (marked, kept, and can be restored), and every
//! change is audited.

use cadre_domain::{Actor, OrganisationId};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::json;

use super::Organisations;
use crate::audit::{self, RecordKind};
use crate::engine::Link;
use crate::statement::Statement;
use crate::{Result, StorageError};

/// A focal point as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct FocalPoint {
    pub id: i64,
    #[sqlx(try_from = "i64")]
    pub organisation_id: OrganisationId,
    pub name: String,
    pub function: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub removed: bool,
    pub version: i64,
}

/// What a focal point is added with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewFocalPoint {
    pub name: String,
    pub function: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

const SQL_LIST: &str = "SELECT id, organisation_id, name, function, phone, email, removed, version \
     FROM focal_points WHERE organisation_id = $1 ORDER BY removed, id";
const SQL_GET: &str = "SELECT id, organisation_id, name, function, phone, email, removed, version \
     FROM focal_points WHERE id = $1";
const SQL_INSERT: &str = "INSERT INTO focal_points (organisation_id, name, function, phone, email) \
     VALUES ($1, $2, $3, $4, $5) RETURNING id";
const SQL_SET_REMOVED: &str =
    "UPDATE focal_points SET removed = $1, version = version + 1 WHERE id = $2 AND version = $3";

fn audited(f: &FocalPoint) -> serde_json::Value {
    json!({ "name": f.name, "function": f.function, "phone": f.phone, "email": f.email, "removed": f.removed })
}

async fn get(link: &mut Link<'_>, id: i64) -> Result<FocalPoint> {
    link.fetch_optional(Statement::new(SQL_GET).bind(id))
        .await?
        .ok_or(StorageError::NotFound)
}

impl Organisations<'_> {
    /// An organisation's focal points, current ones first.
    pub async fn focal_points(self, org: OrganisationId) -> Result<Vec<FocalPoint>> {
        let mut conn = self.0.conn().await?;
        conn.link()
            .fetch_all(Statement::new(SQL_LIST).bind(org))
            .await
    }

    pub async fn focal_point(self, id: i64) -> Result<FocalPoint> {
        let mut conn = self.0.conn().await?;
        get(&mut conn.link(), id).await
    }

    pub async fn add_focal_point(
        self,
        org: OrganisationId,
        new: &NewFocalPoint,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<FocalPoint> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let exists: Option<(i64,)> = link
            .fetch_optional(Statement::new("SELECT id FROM organisations WHERE id = $1").bind(org))
            .await?;
        if exists.is_none() {
            return Err(StorageError::NotFound);
        }
        let (id,): (i64,) = link
            .fetch_one(
                Statement::new(SQL_INSERT)
                    .bind(org)
                    .bind(new.name.as_str())
                    .bind(new.function.clone())
                    .bind(new.phone.clone())
                    .bind(new.email.clone()),
            )
            .await?;
        let added = get(&mut link, id).await?;
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::FocalPoint,
            id,
            "create",
            None,
            Some(audited(&added)),
        )
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    /// Removes a focal point who left (`removed: true`), or restores one, as of `version`.
    pub async fn set_focal_point_removed(
        self,
        id: i64,
        removed: bool,
        version: i64,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<FocalPoint> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = get(&mut link, id).await?;
        let changed = link
            .execute(
                Statement::new(SQL_SET_REMOVED)
                    .bind(removed)
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        let after = get(&mut link, id).await?;
        let action = if removed { "remove" } else { "restore" };
        audit::record(
            &mut link,
            by,
            now,
            RecordKind::FocalPoint,
            id,
            action,
            Some(audited(&before)),
            Some(audited(&after)),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
