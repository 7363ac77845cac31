//! One organisation's page, `GET /organisations/{id}`: its names, what it is a unit of, its
//! units and its history; for the secretariat, the forms that keep it clean
//! (`POST /organisations/{id}` with `action` = `rename`, `kind`, `role`, `unrole`, `merge` or
//! `unmerge`). Every form carries the version it was read at: a change made meanwhile by
//! someone else is refused with 409 and the page as it now stands.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cadre_domain::{Organisation, OrganisationId, OrganisationKind};
use cadre_storage::{AuditEntry, RecordKind, StorageError};
use serde::Deserialize;

use crate::AppState;
use crate::accounts::{Ui, Who};
use crate::error::WebError;
use crate::params;
use crate::view::Choice;

struct Link {
    id: i64,
    name: String,
}

struct HistoryRow {
    at: String,
    actor: String,
    action: &'static str,
    detail: String,
}

#[derive(Template)]
#[template(path = "organisations/organisation.html")]
struct OrganisationPage {
    title: String,
    nav: &'static str,
    ui: Ui,
    message: String,
    id: i64,
    name: String,
    acronym: String,
    kind: &'static str,
    aliases: String,
    needs_review: bool,
    is_role: bool,
    merged_into: Option<Link>,
    parent: Option<Link>,
    units: Vec<Link>,
    version: i64,
    /// The forms, for the secretariat.
    curate: bool,
    kinds: Vec<Choice>,
    others: Vec<Choice>,
    history: Vec<HistoryRow>,
    /// Its focal points with their contacts: for the secretariat and its own editors only.
    keeps_contacts: bool,
    focal_points: Vec<cadre_storage::organisations::focal_points::FocalPoint>,
}

fn action_label(action: &str) -> &'static str {
    match action {
        "rename" => crate::language::t("org-history-rename"),
        "set_kind" => crate::language::t("org-history-set-kind"),
        "mark_role" => crate::language::t("org-history-mark-role"),
        "unmark_role" => crate::language::t("org-history-unmark-role"),
        "merge" => crate::language::t("org-history-merge"),
        "unmerge" => crate::language::t("org-history-unmerge"),
        "absorb" => crate::language::t("org-history-absorb"),
        _ => crate::language::t("org-history-other"),
    }
}

fn history_row(e: &AuditEntry, names: &dyn Fn(i64) -> String) -> HistoryRow {
    let field = |v: &Option<serde_json::Value>, k: &str| {
        v.as_ref()
            .and_then(|v| v[k].as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let detail = match e.action.as_str() {
        "rename" => format!("{} → {}", field(&e.before, "name"), field(&e.after, "name")),
        "merge" => e
            .after
            .as_ref()
            .and_then(|v| v["merged_into"].as_i64())
            .map(|id| format!("dans {}", names(id)))
            .unwrap_or_default(),
        "absorb" => format!("« {} »", field(&e.after, "name")),
        "mark_role" => e
            .after
            .as_ref()
            .and_then(|v| v["people_to"].as_i64())
            .map(|id| {
                cadre_i18n::tf(
                    crate::language::current(),
                    "org-history-people-to",
                    &[("name", names(id).into())],
                )
            })
            .unwrap_or_default(),
        "set_kind" => {
            let kind = field(&e.after, "kind");
            let kind = OrganisationKind::parse(&kind).map_or("", |k| {
                crate::language::label("organisation-kind", k.as_str())
            });
            match e.after.as_ref().and_then(|v| v["parent"].as_i64()) {
                Some(p) => cadre_i18n::tf(
                    crate::language::current(),
                    "org-history-kind-unit",
                    &[("kind", kind.into()), ("parent", names(p).into())],
                ),
                None => kind.to_owned(),
            }
        }
        _ => String::new(),
    };
    HistoryRow {
        at: e.at.format("%d/%m/%Y %H:%M UTC").to_string(),
        actor: e.actor.clone(),
        action: action_label(&e.action),
        detail,
    }
}

async fn page(
    state: &AppState,
    who: &Who,
    id: OrganisationId,
    status: StatusCode,
    message: String,
) -> Result<Response, WebError> {
    let db = &state.store;
    let org: Organisation = db
        .organisations()
        .get(id)
        .await?
        .ok_or(WebError::NotFound)?;
    let (all, history) = tokio::try_join!(
        db.organisations().list(cadre_domain::Audience::Internal),
        db.audit().history(RecordKind::Organisation, id.get())
    )?;
    let name_of = |other: OrganisationId| -> Link {
        Link {
            id: other.get(),
            name: all
                .iter()
                .find(|o| o.organisation.id == other)
                .map_or_else(|| format!("n° {other}"), |o| o.organisation.name.clone()),
        }
    };
    let names = |i: i64| name_of(OrganisationId::new(i)).name;
    let curate = who.viewer().is_secretariat();
    let keeps_contacts = who.viewer().may_edit_contacts_of(id);
    let focal_points = if keeps_contacts {
        db.organisations().focal_points(id).await?
    } else {
        Vec::new()
    };
    let page = OrganisationPage {
        keeps_contacts,
        focal_points,
        title: org.name.clone(),
        nav: "organisations",
        ui: who.ui(),
        message,
        id: id.get(),
        name: org.name.clone(),
        acronym: org.acronym.clone().unwrap_or_default(),
        kind: crate::language::label("organisation-kind", org.kind.as_str()),
        aliases: org.aliases.join(", "),
        needs_review: org.needs_review,
        is_role: org.is_role,
        merged_into: org.merged_into.map(name_of),
        parent: org.parent.map(name_of),
        units: all
            .iter()
            .filter(|o| o.organisation.parent == Some(id))
            .map(|o| Link {
                id: o.organisation.id.get(),
                name: o.organisation.name.clone(),
            })
            .collect(),
        version: org.version,
        curate,
        kinds: OrganisationKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.as_str().to_owned(),
                label: crate::language::label("organisation-kind", k.as_str()).to_owned(),
                selected: *k == org.kind,
            })
            .collect(),
        others: if curate {
            all.iter()
                .filter(|o| o.organisation.id != id)
                .map(|o| Choice {
                    value: o.organisation.id.to_string(),
                    label: match &o.organisation.acronym {
                        Some(a) if *a != o.organisation.name => {
                            format!("{} ({a})", o.organisation.name)
                        }
                        _ => o.organisation.name.clone(),
                    },
                    selected: Some(o.organisation.id) == org.parent,
                })
                .collect()
        } else {
            Vec::new()
        },
        history: history
            .iter()
            .rev()
            .map(|e| history_row(e, &names))
            .collect(),
    };
    // Focal points' contacts go out as kept, to those who keep them; everyone else's page is
    // masked as usual.
    let html = crate::published::render_private(&page, keeps_contacts)?;
    Ok((status, html).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id: OrganisationId = params::path_id("id", id).map_err(|_| WebError::NotFound)?;
    page(&state, &who, id, StatusCode::OK, String::new()).await
}

#[derive(Deserialize)]
pub struct CurationForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    acronym: String,
    #[serde(default)]
    kind: String,
    /// The parent (kind), the real organisation (role) or the survivor (merge).
    #[serde(default)]
    other: String,
}

pub async fn update(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    Form(form): Form<CurationForm>,
) -> Result<Response, WebError> {
    let id: OrganisationId = params::path_id("id", id)?;
    who.check_csrf(&form.csrf)?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(
            crate::language::t("org-forbidden").to_owned(),
        ));
    }
    let refuse = |status: StatusCode, message: String| {
        let (state, who) = (state.clone(), who.clone());
        async move { page(&state, &who, id, status, message).await }
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(-1);
    let other = match form.other.trim() {
        "" => None,
        o => match o.parse::<i64>() {
            Ok(o) => Some(OrganisationId::new(o)),
            Err(_) => return Err(WebError::bad_param("other", "organisation illisible")),
        },
    };
    let (actor, now) = (who.actor()?, chrono::Utc::now());
    let orgs = state.store.organisations();
    let outcome = match form.action.as_str() {
        "rename" => {
            let name = form.name.trim();
            if name.is_empty() || name.chars().count() > 200 {
                return refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    crate::language::t("org-name-required").to_owned(),
                )
                .await;
            }
            let acronym = Some(form.acronym.trim()).filter(|a| !a.is_empty());
            if acronym.is_some_and(|a| a.chars().count() > 40) {
                return refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    crate::language::t("org-acronym-too-long").to_owned(),
                )
                .await;
            }
            orgs.rename(id, name, acronym, version, &actor, now).await
        }
        "kind" => {
            let Some(kind) = OrganisationKind::parse(form.kind.trim()) else {
                return Err(WebError::bad_param("kind", "type inconnu"));
            };
            orgs.set_kind_and_parent(id, kind, other, version, &actor, now)
                .await
        }
        "role" => orgs.set_role(id, true, other, version, &actor, now).await,
        "unrole" => orgs.set_role(id, false, None, version, &actor, now).await,
        "merge" => match other {
            Some(into) => orgs.merge(id, into, version, &actor, now).await,
            None => {
                return refuse(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    crate::language::t("org-merge-choose").to_owned(),
                )
                .await;
            }
        },
        "unmerge" => orgs.unmerge(id, version, &actor, now).await,
        other => {
            return Err(WebError::bad_param(
                "action",
                format!(
                    "action inconnue « {} »",
                    other.chars().take(40).collect::<String>()
                ),
            ));
        }
    };
    match outcome {
        Ok(_) => {
            let mut r = Redirect::to(&format!("/organisations/{id}")).into_response();
            *r.status_mut() = StatusCode::SEE_OTHER;
            Ok(r)
        }
        Err(StorageError::Stale { .. }) => {
            refuse(
                StatusCode::CONFLICT,
                crate::language::t("org-stale").to_owned(),
            )
            .await
        }
        Err(StorageError::Refused(why)) => {
            refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                cadre_i18n::tf(
                    crate::language::current(),
                    "refused",
                    &[("why", why.to_string().into())],
                ),
            )
            .await
        }
        Err(StorageError::NotFound) => {
            refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                crate::language::t("org-chosen-not-found").to_owned(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct FocalPointForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    function: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    version: String,
}

fn optional(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn may_keep_contacts(who: &Who, id: OrganisationId) -> Result<(), WebError> {
    who.require()?;
    if who.viewer().may_edit_contacts_of(id) {
        Ok(())
    } else {
        Err(WebError::Forbidden(
            crate::language::t("focal-forbidden").to_owned(),
        ))
    }
}

/// `POST /organisations/{id}/focal-points`: a new focal point.
pub async fn add_focal_point(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    Form(form): Form<FocalPointForm>,
) -> Result<Response, WebError> {
    let id: OrganisationId = params::path_id("id", id)?;
    who.check_csrf(&form.csrf)?;
    may_keep_contacts(&who, id)?;
    let name = form.name.trim();
    let too_long = [&form.name, &form.function, &form.phone, &form.email]
        .iter()
        .any(|f| f.chars().count() > 200);
    if name.is_empty() || too_long {
        return page(
            &state,
            &who,
            id,
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::language::t("focal-invalid").to_owned(),
        )
        .await;
    }
    let new = cadre_storage::organisations::focal_points::NewFocalPoint {
        name: name.to_owned(),
        function: optional(&form.function),
        phone: optional(&form.phone),
        email: optional(&form.email),
    };
    state
        .store
        .organisations()
        .add_focal_point(id, &new, &who.actor()?, chrono::Utc::now())
        .await?;
    let mut r = Redirect::to(&format!("/organisations/{id}#points-focaux")).into_response();
    *r.status_mut() = StatusCode::SEE_OTHER;
    Ok(r)
}

/// `POST /organisations/{id}/focal-points/{fp}/remove` and `…/restore`.
pub async fn set_focal_point_removed(
    State(state): State<AppState>,
    who: Who,
    Path((id, fp, what)): Path<(String, String, String)>,
    Form(form): Form<FocalPointForm>,
) -> Result<Response, WebError> {
    let id: OrganisationId = params::path_id("id", id)?;
    let fp: i64 = params::path_id("fp", fp)?;
    let removed = match what.as_str() {
        "remove" => true,
        "restore" => false,
        _ => return Err(WebError::NotFound),
    };
    who.check_csrf(&form.csrf)?;
    may_keep_contacts(&who, id)?;
    let current = state.store.organisations().focal_point(fp).await?;
    if current.organisation_id != id {
        return Err(WebError::NotFound);
    }
    let version = form.version.trim().parse::<i64>().unwrap_or(-1);
    match state
        .store
        .organisations()
        .set_focal_point_removed(fp, removed, version, &who.actor()?, chrono::Utc::now())
        .await
    {
        Ok(_) => {
            let mut r = Redirect::to(&format!("/organisations/{id}#points-focaux")).into_response();
            *r.status_mut() = StatusCode::SEE_OTHER;
            Ok(r)
        }
        Err(StorageError::Stale { .. }) => {
            page(
                &state,
                &who,
                id,
                StatusCode::CONFLICT,
                crate::language::t("focal-stale").to_owned(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
