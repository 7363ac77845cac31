//! `POST /recommendations/{id}/alignment`: the secretariat says who answers for a
//! recommendation (responsible organisations, partners), which PNM axis or sub-programme and
//! Global Compact objectives it serves, and its target date. Organisations are typed as
//! people write them ("OIM, DRECM Agadez"), separated by commas or semicolons, and found by
//! acronym or name; a name Cadre does not know refuses the save and is named in the message.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use cadre_domain::text::match_key;
use cadre_domain::{GcmObjectiveNumber, OrganisationId, PnmCode, RecommendationId};
use cadre_storage::StorageError;
use cadre_storage::recommendations::alignment::NewAlignment;
use chrono::NaiveDate;

use super::show::{AlignmentDraft, Shown, page};
use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::params;
use crate::view::see_other;

/// The longest target written in words.
const MAX_TARGET_CHARS: usize = 200;

/// Reads the urlencoded body by hand: `objective` repeats, once per box ticked.
fn fields(body: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The names typed, each once, in order.
pub(crate) fn typed_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in text.split([',', ';', '\n']).map(str::trim) {
        if !name.is_empty() && !out.iter().any(|o| match_key(o) == match_key(name)) {
            out.push(name.to_owned());
        }
    }
    out
}

/// Finds each name among the organisations by acronym, then by name; says which are unknown.
async fn resolve(
    state: &AppState,
    names: &[String],
) -> Result<(Vec<OrganisationId>, Vec<String>), WebError> {
    if names.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let orgs = state
        .store
        .organisations()
        .list(cadre_domain::Audience::Internal)
        .await?;
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        let key = match_key(name);
        let hit = orgs
            .iter()
            .find(|o| o.organisation.acronym.as_deref().map(match_key) == Some(key.clone()))
            .or_else(|| orgs.iter().find(|o| match_key(&o.organisation.name) == key));
        match hit {
            Some(o) => found.push(o.organisation.id),
            None => unknown.push(name.clone()),
        }
    }
    Ok((found, unknown))
}

pub async fn align(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    body: String,
) -> Result<Response, WebError> {
    let id: RecommendationId = params::path_id("id", id)?;
    let fields = fields(&body);
    let one = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    who.check_csrf(&one("csrf"))?;
    if !who.viewer().is_secretariat() {
        return Err(WebError::Forbidden(
            crate::language::t("rec-align-forbidden").to_owned(),
        ));
    }
    let draft = AlignmentDraft {
        responsible: one("responsible"),
        partners: one("partners"),
        pnm: one("pnm").trim().to_owned(),
        objectives: fields
            .iter()
            .filter(|(k, _)| k == "objective")
            .filter_map(|(_, v)| v.trim().parse().ok())
            .collect(),
        target_date: one("target_date"),
        target_text: one("target_text"),
    };
    let mut problems: Vec<String> = Vec::new();
    let lang = crate::language::current();
    let Ok(version) = one("version").trim().parse::<i64>() else {
        problems.push(crate::language::t("form-version-unreadable").to_owned());
        return refuse(&state, &who, id, problems, draft).await;
    };
    let (responsible, unknown_r) = resolve(&state, &typed_names(&draft.responsible)).await?;
    let (partners, unknown_p) = resolve(&state, &typed_names(&draft.partners)).await?;
    for name in unknown_r.iter().chain(&unknown_p) {
        problems.push(cadre_i18n::tf(
            lang,
            "rec-align-unknown-organisation",
            &[("name", name.clone().into())],
        ));
    }
    let pnm = if draft.pnm.is_empty() {
        None
    } else {
        match PnmCode::parse(&draft.pnm) {
            Some(p) => Some(p),
            None => {
                problems.push(cadre_i18n::tf(
                    lang,
                    "rec-align-unknown-pnm",
                    &[("code", draft.pnm.clone().into())],
                ));
                None
            }
        }
    };
    let mut objectives = Vec::new();
    for (_, raw) in fields.iter().filter(|(k, _)| k == "objective") {
        match GcmObjectiveNumber::parse(raw) {
            Some(n) => objectives.push(n),
            None => problems.push(cadre_i18n::tf(
                lang,
                "rec-align-unknown-objective",
                &[("number", raw.clone().into())],
            )),
        }
    }
    let target_date = match draft.target_date.trim() {
        "" => None,
        d => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push(crate::language::t("form-date-unreadable").to_owned());
                None
            }
        },
    };
    let target_text = Some(draft.target_text.trim().to_owned()).filter(|t| !t.is_empty());
    if target_text
        .as_ref()
        .is_some_and(|t| t.chars().count() > MAX_TARGET_CHARS)
    {
        problems.push(cadre_i18n::tf(
            lang,
            "rec-align-target-too-long",
            &[("max", MAX_TARGET_CHARS.into())],
        ));
    }
    if !problems.is_empty() {
        return refuse(&state, &who, id, problems, draft).await;
    }
    let new = NewAlignment {
        responsible,
        partners,
        pnm,
        objectives,
        target_date,
        target_text,
    };
    match state
        .store
        .recommendations()
        .align(id, version, &new, &who.actor()?, chrono::Utc::now())
        .await
    {
        Ok(_) => Ok(see_other(&format!("/recommendations/{id}#responsables"))),
        Err(StorageError::Stale { .. }) => {
            let shown = Shown {
                message: crate::language::t("rec-align-stale").to_owned(),
                alignment: Some(draft),
                ..Shown::default()
            };
            page(&state, &who, id, StatusCode::CONFLICT, shown).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn refuse(
    state: &AppState,
    who: &Who,
    id: RecommendationId,
    problems: Vec<String>,
    draft: AlignmentDraft,
) -> Result<Response, WebError> {
    let shown = Shown {
        message: problems.join(" "),
        alignment: Some(draft),
        ..Shown::default()
    };
    page(state, who, id, StatusCode::UNPROCESSABLE_ENTITY, shown).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_split_where_people_separate_them() {
        assert_eq!(
            typed_names("OIM, HCR ; DRECM Agadez\nSP/CCM, oim"),
            ["OIM", "HCR", "DRECM Agadez", "SP/CCM"]
        );
        assert!(typed_names(" , ;").is_empty());
    }
}
