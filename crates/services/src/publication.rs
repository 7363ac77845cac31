//! The publication boundary: records read through here have any phone number or e-mail
//! address in their free text masked (`for_publication`). Pages and API bodies (the web's
//! `published` module) and exports (`cadre export`) mask whatever else reaches them on the
//! way out.

use cadre_domain::{ActionPoint, Audience, Meeting, MeetingId, Recommendation};
use cadre_storage::{ActionPointFilter, Page, RecommendationFilter, Result, Store};

/// A meeting as it may be shown to `audience`: minutes not yet published do not exist for the
/// public.
pub async fn meeting(store: &Store, id: MeetingId, audience: Audience) -> Result<Option<Meeting>> {
    Ok(store
        .meetings()
        .get(id)
        .await?
        .filter(|m| m.status.is_public() || !audience.is_public())
        .map(Meeting::for_publication))
}

/// Action points as they may be published.
pub async fn action_points(store: &Store, filter: &ActionPointFilter) -> Result<Page<ActionPoint>> {
    let page = store.action_points().list(filter).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(ActionPoint::for_publication)
            .collect(),
        total: page.total,
    })
}

/// Recommendations as they may be published.
pub async fn recommendations(
    store: &Store,
    filter: &RecommendationFilter,
) -> Result<Page<Recommendation>> {
    let page = store.recommendations().list(filter).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(Recommendation::for_publication)
            .collect(),
        total: page.total,
    })
}
