//! Account management by administrators: `GET/POST /admin/accounts` (the list, and a new
//! account), `GET/POST /admin/accounts/{id}` (role and scope, disable or enable, a new
//! password, and the account's history). Nothing is deleted: an account is disabled.

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cadre_domain::account::{Account, NewAccount, Role, Username, check_new_password};
use cadre_domain::{AccountId, OrganisationId, REGIONS};
use cadre_services::sign_in;
use cadre_storage::{AuditEntry, RecordKind, StorageError};
use serde::Deserialize;

use super::session::{Ui, Who};
use crate::AppState;
use crate::error::WebError;
use crate::params;
use crate::published::render;
use crate::view::{Choice, see_other};

fn require_admin(who: &Who) -> Result<(), WebError> {
    who.require()?;
    if who.viewer().manages_accounts() {
        Ok(())
    } else {
        Err(WebError::Forbidden(
            crate::language::t("accounts-forbidden").to_owned(),
        ))
    }
}

struct AccountRow {
    id: i64,
    username: String,
    role: &'static str,
    scope: String,
    disabled: bool,
}

#[derive(Template)]
#[template(path = "accounts/admin_list.html")]
struct ListPage {
    title: &'static str,
    nav: &'static str,
    ui: Ui,
    message: String,
    accounts: Vec<AccountRow>,
    form: AccountForm,
    roles: Vec<Choice>,
    organisations: Vec<Choice>,
    regions: Vec<Choice>,
}

#[derive(Deserialize, Default, Clone)]
pub struct AccountForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    version: String,
    /// On an account's page: `scope`, `disable`, `enable` or `password`.
    #[serde(default)]
    action: String,
}

async fn choices(
    state: &AppState,
    form: &AccountForm,
) -> Result<(Vec<Choice>, Vec<Choice>, Vec<Choice>), WebError> {
    let roles = Role::ALL
        .iter()
        .map(|r| Choice {
            value: r.as_str().to_owned(),
            label: crate::language::label("role", r.as_str()).to_owned(),
            selected: r.as_str() == form.role,
        })
        .collect();
    let organisations = state
        .store
        .organisations()
        .list(cadre_domain::Audience::Internal)
        .await?
        .into_iter()
        .map(|o| Choice {
            value: o.organisation.id.to_string(),
            label: match &o.organisation.acronym {
                Some(a) => format!("{a} – {}", o.organisation.name),
                None => o.organisation.name.clone(),
            },
            selected: o.organisation.id.to_string() == form.organisation,
        })
        .collect();
    let regions = REGIONS
        .iter()
        .map(|r| Choice {
            value: (*r).to_owned(),
            label: (*r).to_owned(),
            selected: *r == form.region,
        })
        .collect();
    Ok((roles, organisations, regions))
}

async fn scope_label(state: &AppState, a: &Account) -> Result<String, WebError> {
    Ok(match (&a.organisation, &a.region) {
        (Some(org), _) => state
            .store
            .organisations()
            .get(*org)
            .await?
            .map(|o| o.acronym.unwrap_or(o.name))
            .unwrap_or_default(),
        (None, Some(region)) => region.clone(),
        (None, None) => String::new(),
    })
}

async fn list_page(
    state: &AppState,
    who: &Who,
    status: StatusCode,
    message: String,
    form: AccountForm,
) -> Result<Response, WebError> {
    let accounts = state.store.accounts().list().await?;
    let mut rows = Vec::with_capacity(accounts.len());
    for a in &accounts {
        rows.push(AccountRow {
            id: a.id.get(),
            username: a.username.to_string(),
            role: crate::language::label("role", a.role.as_str()),
            scope: scope_label(state, a).await?,
            disabled: a.disabled,
        });
    }
    let (roles, organisations, regions) = choices(state, &form).await?;
    let page = ListPage {
        title: crate::language::t("nav-accounts"),
        nav: "admin",
        ui: who.ui(),
        message,
        accounts: rows,
        form: AccountForm {
            password: String::new(),
            ..form
        },
        roles,
        organisations,
        regions,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn list(State(state): State<AppState>, who: Who) -> Result<Response, WebError> {
    require_admin(&who)?;
    list_page(
        &state,
        &who,
        StatusCode::OK,
        String::new(),
        AccountForm::default(),
    )
    .await
}

/// The role and scope a form names, checked.
fn scope_of(form: &AccountForm, username: Username) -> Result<NewAccount, String> {
    let role = Role::parse(form.role.trim()).ok_or(crate::language::t("account-choose-role"))?;
    let organisation = match form.organisation.trim() {
        "" => None,
        o => Some(OrganisationId::new(
            o.parse::<i64>().map_err(|_| "organisation illisible")?,
        )),
    };
    // A scope that does not fit the role is dropped rather than refused: the form offers
    // both fields whatever the role.
    let (organisation, region) = match role {
        Role::PartnerEditor => (organisation, None),
        Role::RegionalFocalPoint => (None, Some(form.region.as_str())),
        _ => (None, None),
    };
    NewAccount::new(username, role, organisation, region).map_err(|e| e.to_string())
}

pub async fn add(
    State(state): State<AppState>,
    who: Who,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    who.check_csrf(&form.csrf)?;
    require_admin(&who)?;
    let refuse = |message: String| {
        let (state, who, form) = (state.clone(), who.clone(), form.clone());
        async move {
            list_page(
                &state,
                &who,
                StatusCode::UNPROCESSABLE_ENTITY,
                message,
                form,
            )
            .await
        }
    };
    let username = match Username::parse(&form.username) {
        Ok(u) => u,
        Err(e) => return refuse(e.to_string()).await,
    };
    let new = match scope_of(&form, username) {
        Ok(n) => n,
        Err(e) => return refuse(e).await,
    };
    if let Err(e) = check_new_password(&form.password, &new.username) {
        return refuse(e.to_string()).await;
    }
    let hash = sign_in::hash_password(&form.password)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    match state
        .store
        .accounts()
        .add(&new, &hash, &who.actor()?, chrono::Utc::now())
        .await
    {
        Ok(a) => Ok(see_other(&format!("/admin/accounts/{}", a.id))),
        Err(StorageError::Duplicate(why)) => refuse(why).await,
        Err(StorageError::NotFound) => refuse("organisation inconnue".to_owned()).await,
        Err(e) => Err(e.into()),
    }
}

struct HistoryRow {
    at: String,
    actor: String,
    action: &'static str,
    detail: String,
}

fn action_label(action: &str) -> &'static str {
    match action {
        "create" => crate::language::t("account-history-create"),
        "disable" => crate::language::t("account-history-disable"),
        "enable" => crate::language::t("account-history-enable"),
        "set_role" => crate::language::t("account-history-set-role"),
        "set_password" => crate::language::t("account-history-set-password"),
        _ => crate::language::t("account-history-other"),
    }
}

fn history_row(e: &AuditEntry) -> HistoryRow {
    let describe = |v: &Option<serde_json::Value>| {
        v.as_ref().map_or(String::new(), |v| {
            let role = v["role"]
                .as_str()
                .and_then(Role::parse)
                .map_or("", |r| crate::language::label("role", r.as_str()));
            let disabled = if v["disabled"].as_bool() == Some(true) {
                crate::language::t("account-history-disabled-suffix")
            } else {
                ""
            };
            let region = v["region"]
                .as_str()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            let org = v["organisation"]
                .as_i64()
                .map(|o| format!(", organisation n° {o}"))
                .unwrap_or_default();
            format!("{role}{region}{org}{disabled}")
        })
    };
    let (before, after) = (describe(&e.before), describe(&e.after));
    HistoryRow {
        at: e.at.format("%d/%m/%Y %H:%M UTC").to_string(),
        actor: e.actor.clone(),
        action: action_label(&e.action),
        detail: match (before.is_empty(), after.is_empty()) {
            (true, true) => String::new(),
            (true, false) => after,
            (false, true) => before,
            (false, false) if before == after => after,
            (false, false) => format!("{before} → {after}"),
        },
    }
}

#[derive(Template)]
#[template(path = "accounts/admin_account.html")]
struct AccountPage {
    title: String,
    nav: &'static str,
    ui: Ui,
    message: String,
    id: i64,
    username: String,
    role: &'static str,
    scope: String,
    disabled: bool,
    version: i64,
    roles: Vec<Choice>,
    organisations: Vec<Choice>,
    regions: Vec<Choice>,
    history: Vec<HistoryRow>,
}

async fn account_page(
    state: &AppState,
    who: &Who,
    id: AccountId,
    status: StatusCode,
    message: String,
) -> Result<Response, WebError> {
    let account = state
        .store
        .accounts()
        .get(id)
        .await?
        .ok_or(WebError::NotFound)?;
    let current = AccountForm {
        role: account.role.as_str().to_owned(),
        organisation: account
            .organisation
            .map(|o| o.to_string())
            .unwrap_or_default(),
        region: account.region.clone().unwrap_or_default(),
        ..Default::default()
    };
    let (roles, organisations, regions) = choices(state, &current).await?;
    let history = state
        .store
        .audit()
        .history(RecordKind::Account, id.get())
        .await?;
    let page = AccountPage {
        title: format!("Compte {}", account.username),
        nav: "admin",
        ui: who.ui(),
        message,
        id: id.get(),
        username: account.username.to_string(),
        role: crate::language::label("role", account.role.as_str()),
        scope: scope_label(state, &account).await?,
        disabled: account.disabled,
        version: account.version,
        roles,
        organisations,
        regions,
        history: history.iter().rev().map(history_row).collect(),
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn show(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    require_admin(&who)?;
    let id: AccountId = params::path_id("id", id)?;
    account_page(&state, &who, id, StatusCode::OK, String::new()).await
}

pub async fn update(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    let id: AccountId = params::path_id("id", id)?;
    who.check_csrf(&form.csrf)?;
    require_admin(&who)?;
    let account = state
        .store
        .accounts()
        .get(id)
        .await?
        .ok_or(WebError::NotFound)?;
    let refuse = |status: StatusCode, message: String| {
        let (state, who) = (state.clone(), who.clone());
        async move { account_page(&state, &who, id, status, message).await }
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(-1);
    let actor = who.actor()?;
    let now = chrono::Utc::now();
    let accounts = state.store.accounts();
    let outcome = match form.action.as_str() {
        "scope" => match scope_of(&form, account.username.clone()) {
            Ok(scope) => accounts
                .set_role(id, &scope, version, &actor, now)
                .await
                .map(|_| ()),
            Err(e) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, e).await,
        },
        "disable" | "enable" => accounts
            .set_disabled(id, form.action == "disable", version, &actor, now)
            .await
            .map(|_| ()),
        "password" => {
            if let Err(e) = check_new_password(&form.password, &account.username) {
                return refuse(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()).await;
            }
            let hash = sign_in::hash_password(&form.password)
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
            accounts.set_password(id, &hash, &actor, now).await
        }
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
        Ok(()) => Ok(see_other(&format!("/admin/accounts/{id}"))),
        Err(StorageError::Stale { .. }) => {
            refuse(
                StatusCode::CONFLICT,
                crate::language::t("account-stale").to_owned(),
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
                crate::language::t("account-unknown-organisation").to_owned(),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
