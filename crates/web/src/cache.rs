//! A few seconds of memory for what every list page needs but rarely changes: the bodies and
//! years offered in the filters of `/meetings`. Both are aggregates over every meeting; with
//! thousands of meetings, recomputing them on each request would cost more than the page itself.
//! Imports run in another process (the CLI), so a short time-to-live is the only invalidation.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cadre_storage::{BodyWithCount, Database, Result};

/// How long filter choices are reused.
pub const TTL: Duration = Duration::from_secs(10);

/// The choices of the meeting filters.
#[derive(Debug)]
pub struct MeetingChoices {
    pub bodies: Vec<BodyWithCount>,
    pub years: Vec<i32>,
}

#[derive(Default)]
pub struct Cache {
    meeting_choices: Mutex<Option<(Instant, Arc<MeetingChoices>)>>,
}

impl Cache {
    pub async fn meeting_choices<D: Database>(&self, db: &D) -> Result<Arc<MeetingChoices>> {
        if let Some((at, choices)) = &*self
            .meeting_choices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            && at.elapsed() < TTL
        {
            return Ok(choices.clone());
        }
        let (bodies, years) = tokio::try_join!(db.bodies(), db.meeting_years())?;
        let choices = Arc::new(MeetingChoices { bodies, years });
        *self
            .meeting_choices
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), choices.clone()));
        Ok(choices)
    }
}
