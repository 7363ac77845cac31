//! `POST /actions/{id}/recommendation`: ties an action point to the recommendation it serves
//! (or unties it). Those who write the minutes of the point's body do it: the secretariat, and
//! the region's focal point for a regional body. The point's page proposes the
//! recommendations whose text is most like the point's, among the national sessions' and the
//! region's; any other is chosen by its number.

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use cadre_domain::recurrence::RecurrenceIndex;
use cadre_domain::{ActionPointId, RecommendationId};
use cadre_storage::StorageError;
use cadre_storage::action_points::FollowedActionPoint;
use serde::Deserialize;

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::params;
use crate::view::Choice;

/// Recommendations proposed on a point's page, at most.
const SUGGESTIONS: usize = 5;
/// Below this similarity a recommendation is not proposed.
const MIN_SIMILARITY: f32 = 0.1;

/// The tie form: the recommendations proposed, the one served ticked.
pub(super) struct ServeFormView {
    pub version: i64,
    pub choices: Vec<Choice>,
    /// The number typed when it was not among the choices.
    pub other: String,
}

/// The recommendation served, as the point's page names it.
pub(super) struct ServedView {
    pub id: i64,
    pub label: String,
}

pub(super) fn may_tie(who: &Who, point: &FollowedActionPoint) -> bool {
    who.viewer().may_write_minutes(point.region.as_deref())
}

fn label(roadmap: &str, position: u32, text: &str) -> String {
    let short: String = text.chars().take(140).collect();
    let more = if short.len() < text.len() { "…" } else { "" };
    format!(
        "{} {position} ({}) – {short}{more}",
        crate::language::t("col-recommendation"),
        cadre_i18n::tf(
            crate::language::current(),
            "rec-roadmap",
            &[("roadmap", roadmap.to_owned().into())]
        ),
    )
}

/// What the point's page shows of the recommendation it serves, and the form for those who
/// may tie it.
pub(super) async fn view(
    state: &AppState,
    who: &Who,
    point: &FollowedActionPoint,
) -> Result<(Option<ServedView>, Option<ServeFormView>), WebError> {
    let db = &state.store;
    let served = db.action_points().served(point.point.id).await?;
    let public = who.audience().is_public();
    let mask = !who.viewer().sees_personal_contacts();
    let shown = |text: &str| crate::view::for_reader(text, mask);
    let served_view = match served {
        Some(r) => db
            .recommendations()
            .get(r)
            .await?
            .filter(|t| t.published || !public)
            .map(|t| ServedView {
                id: r.get(),
                label: label(
                    &t.recommendation.roadmap,
                    t.recommendation.position,
                    &shown(&t.recommendation.text),
                ),
            }),
        None => None,
    };
    if !may_tie(who, point) {
        return Ok((served_view, None));
    }
    let all = db
        .recommendations()
        .of_region(point.region.as_deref())
        .await?;
    let index = RecurrenceIndex::new(
        std::iter::once(point.point.what.as_str()).chain(all.iter().map(|r| r.text.as_str())),
    );
    let mut scored: Vec<(f32, usize)> = (0..all.len())
        .map(|i| (index.similarity(0, i + 1), i))
        .filter(|(s, i)| *s >= MIN_SIMILARITY || Some(all[*i].id) == served)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut picked: Vec<usize> = scored.iter().take(SUGGESTIONS).map(|(_, i)| *i).collect();
    if let Some(i) = all.iter().position(|r| Some(r.id) == served)
        && !picked.contains(&i)
    {
        picked.insert(0, i);
    }
    let choices = picked
        .into_iter()
        .map(|i| Choice {
            value: all[i].id.to_string(),
            label: label(&all[i].roadmap, all[i].position, &shown(&all[i].text)),
            selected: Some(all[i].id) == served,
        })
        .collect();
    Ok((
        served_view,
        Some(ServeFormView {
            version: point.version,
            choices,
            other: String::new(),
        }),
    ))
}

#[derive(Deserialize)]
pub struct ServeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: String,
    /// A proposed recommendation's number, "none", or "other" (then `other` says which).
    #[serde(default)]
    recommendation: String,
    #[serde(default)]
    other: String,
}

pub async fn serve(
    State(state): State<AppState>,
    who: Who,
    Path(id): Path<String>,
    Form(form): Form<ServeForm>,
) -> Result<Response, WebError> {
    let id: ActionPointId = params::path_id("id", id)?;
    who.check_csrf(&form.csrf)?;
    let point = state
        .store
        .action_points()
        .get(id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !may_tie(&who, &point) {
        return Err(WebError::Forbidden(
            crate::language::t("serve-forbidden").to_owned(),
        ));
    }
    let version = form.version.trim().parse::<i64>().map_err(|_| {
        WebError::bad_param("version", crate::language::t("form-version-unreadable"))
    })?;
    let chosen = match form.recommendation.trim() {
        "" | "none" => None,
        "other" => Some(form.other.trim()),
        n => Some(n),
    };
    let recommendation = match chosen {
        None => None,
        Some(n) => Some(RecommendationId::new(
            n.trim_start_matches('#')
                .parse::<i64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    WebError::bad_param("other", crate::language::t("serve-number-unreadable"))
                })?,
        )),
    };
    // A region's focal point ties its points to national recommendations and its region's,
    // whatever number is typed.
    if let Some(r) = recommendation
        && !who.viewer().is_secretariat()
        && let Some(t) = state.store.recommendations().get(r).await?
        && let (Some(theirs), Some(mine)) = (&t.region, &point.region)
        && cadre_domain::text::match_key(theirs) != cadre_domain::text::match_key(mine)
    {
        return Err(WebError::Forbidden(
            crate::language::t("serve-forbidden").to_owned(),
        ));
    }
    let refused = |message: &'static str, status: StatusCode| {
        let (state, who) = (state.clone(), who.clone());
        async move {
            super::follow_up::page_with(
                &state,
                &who,
                id,
                status,
                crate::language::t(message).to_owned(),
            )
            .await
        }
    };
    match state
        .store
        .action_points()
        .serve(
            id,
            recommendation,
            version,
            &who.actor()?,
            chrono::Utc::now(),
        )
        .await
    {
        Ok(()) => Ok(crate::view::see_other(&format!(
            "/actions/{id}#recommandation"
        ))),
        Err(StorageError::NotFound) => {
            refused("serve-unknown", StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(StorageError::Stale { .. }) => refused("serve-stale", StatusCode::CONFLICT).await,
        Err(e) => Err(e.into()),
    }
}
