//! Keeping the search index in step with the database. Every change to a meeting appends to
//! the database's change log; the index records the last change it applied and catches up by
//! reading the ones after it. Any number of server instances, each with its own index, and
//! any `cadre import` in between, all end up with the same documents.

use std::sync::Arc;

use cadre_domain::{Audience, Meeting, MeetingId, MeetingKind, Recommendation};
use cadre_search::{DocKind, SearchDocument, SearchIndex};
use cadre_storage::{Paging, RecommendationFilter, Store};
use chrono::Datelike;

use crate::publication as published;

/// Changes applied per commit while catching up: bounds memory and lets searches see progress.
const CHANGES_PER_COMMIT: i64 = 500;
/// Behind by more than this, a search does not wait for the catch-up: it runs on the index as
/// it is and says that the index is being updated.
const MAX_INLINE_CATCH_UP: i64 = 200;

/// Whether a search ran on an index holding every change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    UpToDate,
    Updating,
}

/// The search index of this server, and the right to update it.
#[derive(Clone)]
pub struct Search {
    pub index: SearchIndex,
    updating: Arc<tokio::sync::Mutex<()>>,
}

#[derive(Debug, thiserror::Error)]
pub enum IndexingError {
    #[error(transparent)]
    Storage(#[from] cadre_storage::StorageError),
    #[error(transparent)]
    Search(#[from] cadre_search::SearchError),
    #[error("the indexing task stopped: {0}")]
    Task(String),
}

impl Search {
    pub fn new(index: SearchIndex) -> Search {
        Search {
            index,
            updating: Arc::default(),
        }
    }

    /// An index in memory, filled from the database on first use (tests, in-memory databases).
    pub fn in_memory() -> Result<Search, cadre_search::SearchError> {
        Ok(Search::new(SearchIndex::in_memory()?))
    }

    /// Applies every change the index has not seen. Returns how many meetings were reindexed.
    pub async fn catch_up(&self, db: &Store) -> Result<usize, IndexingError> {
        let _guard = self.updating.lock().await;
        self.catch_up_locked(db).await
    }

    async fn catch_up_locked(&self, db: &Store) -> Result<usize, IndexingError> {
        // An index ahead of its database describes another one (a database replaced or
        // restored from a backup): only a rebuild makes it right.
        if self.index.last_change() > db.changes().latest().await? {
            tracing::warn!("search index ahead of the database: rebuilding it");
            return self.rebuild_locked(db).await;
        }
        let mut reindexed = 0;
        loop {
            let after = self.index.last_change();
            let changes = db.changes().since(after, CHANGES_PER_COMMIT).await?;
            let Some(last) = changes.last() else {
                return Ok(reindexed);
            };
            let upto = last.seq;
            let mut meetings: Vec<MeetingId> = changes.iter().map(|c| c.meeting_id).collect();
            meetings.sort_unstable();
            meetings.dedup();
            let mut documents = Vec::new();
            for &id in &meetings {
                documents.extend(documents_of_meeting(db, id).await?);
            }
            reindexed += meetings.len();
            let index = self.index.clone();
            let meetings: Vec<i64> = meetings.iter().map(|m| m.get()).collect();
            tokio::task::spawn_blocking(move || {
                index.apply(&meetings, documents, upto)?;
                index.reload()
            })
            .await
            .map_err(|e| IndexingError::Task(e.to_string()))??;
        }
    }

    /// Before a search: catch up when only a few changes are missing; when many are (a large
    /// import just landed) or another request is already catching up, let that finish in the
    /// background and search what is there.
    pub async fn refresh(&self, db: &Store) -> Result<Freshness, IndexingError> {
        let latest = db.changes().latest().await?;
        let behind = latest - self.index.last_change();
        if behind == 0 {
            return Ok(Freshness::UpToDate);
        }
        if (0..=MAX_INLINE_CATCH_UP).contains(&behind) {
            return Ok(match self.updating.try_lock() {
                Ok(_guard) => {
                    self.catch_up_locked(db).await?;
                    Freshness::UpToDate
                }
                Err(_) => Freshness::Updating,
            });
        }
        // Far behind (or ahead: a rebuild) and nobody at it yet: start it in the background.
        if self.updating.try_lock().is_ok() {
            let (search, db) = (self.clone(), db.clone());
            tokio::spawn(async move {
                if let Err(e) = search.catch_up(&db).await {
                    tracing::warn!(error = %e, "search index: catching up failed; retried on the next search");
                }
            });
        }
        Ok(Freshness::Updating)
    }

    /// Empties the index and indexes every meeting again, from the database alone.
    pub async fn rebuild(&self, db: &Store) -> Result<usize, IndexingError> {
        let _guard = self.updating.lock().await;
        self.rebuild_locked(db).await
    }

    async fn rebuild_locked(&self, db: &Store) -> Result<usize, IndexingError> {
        let upto = db.changes().latest().await?;
        let mut meetings: Vec<MeetingId> = Vec::new();
        let mut after = 0;
        loop {
            let changes = db.changes().since(after, 10_000).await?;
            let Some(last) = changes.last() else { break };
            after = last.seq;
            meetings.extend(changes.iter().map(|c| c.meeting_id));
            if after >= upto {
                break;
            }
        }
        meetings.sort_unstable();
        meetings.dedup();
        let mut documents = Vec::new();
        for &id in &meetings {
            documents.extend(documents_of_meeting(db, id).await?);
        }
        let count = meetings.len();
        let index = self.index.clone();
        tokio::task::spawn_blocking(move || {
            index.rebuild(documents.into_iter(), upto)?;
            index.reload()
        })
        .await
        .map_err(|e| IndexingError::Task(e.to_string()))??;
        Ok(count)
    }
}

/// The searchable units of one meeting as published (contacts masked); none when the meeting
/// no longer exists.
async fn documents_of_meeting(
    db: &Store,
    id: MeetingId,
) -> Result<Vec<SearchDocument>, cadre_storage::StorageError> {
    let Some(meeting) = published::meeting(db, id, Audience::Internal).await? else {
        return Ok(Vec::new());
    };
    let recommendations = if meeting.kind == MeetingKind::WorkingGroupMinutes {
        Vec::new()
    } else {
        published::recommendations(
            db,
            &RecommendationFilter {
                meeting: Some(id),
                audience: Audience::Internal,
                paging: Paging::all(),
                ..Default::default()
            },
        )
        .await?
        .items
    };
    Ok(documents(&meeting, &recommendations))
}

/// A meeting cut into what a search can find: the meeting itself (title, place, who came, next
/// meeting), each agenda item's discussion, each action point, each recommendation.
pub fn documents(m: &Meeting, recommendations: &[Recommendation]) -> Vec<SearchDocument> {
    let doc =
        |key: String, kind: DocKind, title: String, text: String, url: String| SearchDocument {
            key,
            meeting_id: m.id.get(),
            kind,
            body_code: m.body.code.clone(),
            body_name: m.body.name.clone(),
            year: m.date.year(),
            date: m.date,
            title,
            text,
            url,
            published: m.status.is_public(),
        };
    let mut out = Vec::new();
    let mut about = Vec::new();
    about.extend(m.place.clone());
    about.extend(m.attendance.iter().map(|a| match &a.organisation_acronym {
        Some(acr) => format!("{} ({acr})", a.organisation),
        None => a.organisation.clone(),
    }));
    about.extend(m.next_meeting.as_ref().map(|n| n.as_written.clone()));
    about.extend(m.rapporteur.clone());
    out.push(doc(
        format!("meeting:{}", m.id),
        DocKind::Meeting,
        m.title.clone(),
        about.join(" · "),
        format!("/meetings/{}", m.id),
    ));
    for item in &m.agenda {
        let title = if item.number == 0 {
            item.title.clone()
        } else {
            format!("{}. {}", item.number, item.title)
        };
        let mut text = item.discussion.clone();
        if let Some(p) = &item.presenter {
            text = format!("{p} — {text}");
        }
        out.push(doc(
            format!("agenda:{}:{}", m.id, item.id),
            DocKind::Discussion,
            title.clone(),
            text,
            format!("/meetings/{}#point-{}", m.id, item.id),
        ));
        for ap in &item.action_points {
            let mut text = ap.what.clone();
            if !ap.responsible_as_written.is_empty() {
                text.push_str(" — ");
                text.push_str(&ap.responsible_as_written);
            }
            if !ap.deadline.as_written.is_empty() {
                text.push_str(" — ");
                text.push_str(&ap.deadline.as_written);
            }
            out.push(doc(
                format!("action:{}", ap.id),
                DocKind::ActionPoint,
                format!("Point d'action — {title}"),
                text,
                format!("/meetings/{}#action-{}", m.id, ap.id),
            ));
        }
    }
    for r in recommendations {
        let mut text = r.text.clone();
        for extra in [&r.implementation_status, &r.challenges, &r.perspectives]
            .into_iter()
            .flatten()
        {
            text.push_str(" — ");
            text.push_str(extra);
        }
        let mut title = format!(
            "Recommandation n° {} (feuille de route {})",
            r.position, r.roadmap
        );
        if let Some(g) = &r.thematic_group {
            title.push_str(" — ");
            title.push_str(g);
        }
        // Where it stands is searchable too ("à reformuler", "mise en œuvre").
        if let Some(status) = r.status {
            text.push_str(" — ");
            text.push_str(status.label_fr());
        }
        out.push(doc(
            format!("recommendation:{}", r.id),
            DocKind::Recommendation,
            title,
            text,
            format!("/recommendations/{}", r.id),
        ));
    }
    // The index is published too (excerpts): whatever the fields held, joined as indexed, is
    // masked once more here.
    for d in &mut out {
        for field in [&mut d.title, &mut d.text, &mut d.body_name] {
            if let std::borrow::Cow::Owned(masked) = cadre_domain::privacy::mask_contacts(field) {
                *field = masked;
            }
        }
    }
    out
}
