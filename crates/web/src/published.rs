//! What the web publishes, read through one place: free text from documents leaves here with any
//! phone number or e-mail address masked (`for_publication`), whatever page or API asks for it.

use cadre_domain::{ActionPoint, Id, Meeting, Recommendation};
use cadre_storage::{ActionPointFilter, Database, Page, RecommendationFilter, Result};

pub async fn meeting<D: Database>(db: &D, id: Id) -> Result<Option<Meeting>> {
    Ok(db.meeting(id).await?.map(Meeting::for_publication))
}

pub async fn action_points<D: Database>(
    db: &D,
    filter: &ActionPointFilter,
) -> Result<Page<ActionPoint>> {
    let page = db.action_points(filter).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(ActionPoint::for_publication)
            .collect(),
        total: page.total,
    })
}

pub async fn recommendations<D: Database>(
    db: &D,
    filter: &RecommendationFilter,
) -> Result<Page<Recommendation>> {
    let page = db.recommendations(filter).await?;
    Ok(Page {
        items: page
            .items
            .into_iter()
            .map(Recommendation::for_publication)
            .collect(),
        total: page.total,
    })
}
