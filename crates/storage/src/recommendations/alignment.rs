//! What a recommendation is tied to: the organisations responsible for it and their partners
//! (who may report on it follows from them), the PNM axis or sub-programme and the Global
//! Compact objectives it serves, and its target date. The secretariat sets them; each change
//! is made on the version read (optimistic concurrency) and kept in the audit log.

use cadre_domain::{
    Actor, GcmObjectiveNumber, OrganisationId, PnmCode, RecommendationId, meeting::OrganisationRef,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::json;

use super::Recommendations;
use super::follow_up::{TrackedRecommendation, recorded, tracked};
use crate::engine::Link;
use crate::statement::{MultiInsert, Statement};
use crate::{Result, StorageError};

/// A responsible organisation answers for the recommendation and reports on it; a partner
/// supports it.
pub const RESPONSIBLE: &str = "responsible";
pub const PARTNER: &str = "partner";

/// A recommendation's ties, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Alignment {
    pub responsible: Vec<OrganisationRef>,
    pub partners: Vec<OrganisationRef>,
    pub pnm: Option<PnmCode>,
    pub objectives: Vec<GcmObjectiveNumber>,
    pub target_date: Option<NaiveDate>,
    /// The target as written when it is not a day ("fin 2022", "continu").
    pub target_text: Option<String>,
}

/// A recommendation's ties as the secretariat sets them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAlignment {
    pub responsible: Vec<OrganisationId>,
    pub partners: Vec<OrganisationId>,
    pub pnm: Option<PnmCode>,
    pub objectives: Vec<GcmObjectiveNumber>,
    pub target_date: Option<NaiveDate>,
    pub target_text: Option<String>,
}

const SQL_ORGANISATIONS: &str = "SELECT o.id, o.name, o.acronym, ro.role FROM recommendation_organisations ro \
     JOIN organisations o ON o.id = ro.organisation_id WHERE ro.recommendation_id = $1 \
     ORDER BY ro.role DESC, ro.position";
const SQL_OBJECTIVES: &str = "SELECT objective FROM recommendation_objectives WHERE recommendation_id = $1 \
     ORDER BY objective";
const SQL_TIES: &str =
    "SELECT pnm_code, target_date, target_text FROM recommendations WHERE id = $1";
const SQL_SET_TIES: &str = "UPDATE recommendations SET pnm_code = $1, target_date = $2, target_text = $3, \
     version = version + 1 WHERE id = $4 AND version = $5";
const SQL_CLEAR_ORGANISATIONS: &str =
    "DELETE FROM recommendation_organisations WHERE recommendation_id = $1";
const SQL_CLEAR_OBJECTIVES: &str =
    "DELETE FROM recommendation_objectives WHERE recommendation_id = $1";
const SQL_ORGANISATIONS_EXIST: &str =
    "SELECT COUNT(*) FROM organisations WHERE id = $1 AND merged_into IS NULL";
const INSERT_ORGANISATIONS: MultiInsert = MultiInsert {
    head: "INSERT INTO recommendation_organisations (recommendation_id, organisation_id, role, position) VALUES ",
    columns: 4,
    tail: "",
};
const INSERT_OBJECTIVES: MultiInsert = MultiInsert {
    head: "INSERT INTO recommendation_objectives (recommendation_id, objective) VALUES ",
    columns: 2,
    tail: "",
};

pub(super) async fn alignment(link: &mut Link<'_>, id: RecommendationId) -> Result<Alignment> {
    let orgs: Vec<(i64, String, Option<String>, String)> = link
        .fetch_all(Statement::new(SQL_ORGANISATIONS).bind(id))
        .await?;
    let objectives: Vec<(i64,)> = link
        .fetch_all(Statement::new(SQL_OBJECTIVES).bind(id))
        .await?;
    let ties: Option<(Option<String>, Option<NaiveDate>, Option<String>)> = link
        .fetch_optional(Statement::new(SQL_TIES).bind(id))
        .await?;
    let (pnm, target_date, target_text) = ties.unwrap_or_default();
    let mut out = Alignment {
        pnm: pnm.as_deref().and_then(PnmCode::parse),
        objectives: objectives
            .into_iter()
            .filter_map(|(n,)| GcmObjectiveNumber::new(u8::try_from(n).ok()?))
            .collect(),
        target_date,
        target_text,
        ..Alignment::default()
    };
    for (org, name, acronym, role) in orgs {
        let r = OrganisationRef {
            id: org.into(),
            name,
            acronym,
        };
        if role == RESPONSIBLE {
            out.responsible.push(r);
        } else {
            out.partners.push(r);
        }
    }
    Ok(out)
}

fn audited(a: &Alignment, version: i64) -> serde_json::Value {
    let ids = |v: &[OrganisationRef]| v.iter().map(|o| o.id.get()).collect::<Vec<_>>();
    json!({
        "responsible": ids(&a.responsible),
        "partners": ids(&a.partners),
        "pnm": a.pnm.map(|p| p.to_string()),
        "objectives": a.objectives.iter().map(|o| o.get()).collect::<Vec<_>>(),
        "target_date": a.target_date,
        "target_text": a.target_text,
        "version": version,
    })
}

impl Recommendations<'_> {
    /// Its responsible organisations, partners, PNM place, Global Compact objectives and
    /// target.
    pub async fn alignment(self, id: RecommendationId) -> Result<Alignment> {
        let mut conn = self.0.conn().await?;
        alignment(&mut conn.link(), id).await
    }

    /// Sets its ties as of `version`. An organisation both responsible and partner is kept as
    /// responsible; an unknown or merged organisation refuses the whole change
    /// ([`StorageError::NotFound`]); a change on an older version gives
    /// [`StorageError::Stale`].
    pub async fn align(
        self,
        id: RecommendationId,
        version: i64,
        new: &NewAlignment,
        by: &Actor,
        now: DateTime<Utc>,
    ) -> Result<TrackedRecommendation> {
        let mut tx = self.0.begin().await?;
        let mut link = tx.link();
        let before = tracked(&mut link, id)
            .await?
            .ok_or(StorageError::NotFound)?;
        let before_ties = alignment(&mut link, id).await?;
        let changed = link
            .execute(
                Statement::new(SQL_SET_TIES)
                    .bind(new.pnm.map(|p| p.to_string()))
                    .bind(new.target_date)
                    .bind(new.target_text.clone())
                    .bind(id)
                    .bind(version),
            )
            .await?;
        if changed == 0 {
            return Err(StorageError::Stale {
                current_version: before.version,
            });
        }
        let mut rows: Vec<(i64, &'static str, i64)> = Vec::new();
        for (role, orgs) in [(RESPONSIBLE, &new.responsible), (PARTNER, &new.partners)] {
            for org in orgs {
                if rows.iter().any(|(o, _, _)| *o == org.get()) {
                    continue;
                }
                let (n,): (i64,) = link
                    .fetch_one(Statement::new(SQL_ORGANISATIONS_EXIST).bind(*org))
                    .await?;
                if n == 0 {
                    return Err(StorageError::NotFound);
                }
                rows.push((org.get(), role, rows.len() as i64));
            }
        }
        link.execute(Statement::new(SQL_CLEAR_ORGANISATIONS).bind(id))
            .await?;
        for statement in INSERT_ORGANISATIONS.statements(&rows, |(org, role, position)| {
            vec![
                id.get().into(),
                (*org).into(),
                (*role).into(),
                (*position).into(),
            ]
        }) {
            link.execute(statement).await?;
        }
        link.execute(Statement::new(SQL_CLEAR_OBJECTIVES).bind(id))
            .await?;
        let mut objectives: Vec<i64> = new.objectives.iter().map(|o| i64::from(o.get())).collect();
        objectives.sort_unstable();
        objectives.dedup();
        for statement in
            INSERT_OBJECTIVES.statements(&objectives, |o| vec![id.get().into(), (*o).into()])
        {
            link.execute(statement).await?;
        }
        let after_ties = alignment(&mut link, id).await?;
        let after = recorded(
            &mut link,
            by,
            now,
            "align",
            &before,
            audited(&before_ties, before.version),
            audited(&after_ties, version + 1),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
