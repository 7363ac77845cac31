//! A few seconds of memory for what every list page needs but rarely changes: the bodies and
//! years offered in the filters of `/meetings`. Both are aggregates over every meeting; with
//! thousands of meetings, recomputing them on each request would cost more than the page itself.
//! Imports run in another process (the CLI), so a short time-to-live is the only invalidation.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cadre_storage::{BodyWithCount, Result, Store};

/// How long filter choices are reused.
pub const TTL: Duration = Duration::from_secs(10);

/// The choices of the meeting filters.
#[derive(Debug)]
pub struct MeetingChoices {
    pub bodies: Vec<BodyWithCount>,
    pub years: Vec<i32>,
}

impl MeetingChoices {
    /// The bodies as options of a filter, `selected` marked; with `counts`, each label says how
    /// many meetings the body held.
    pub fn body_options(&self, selected: Option<&str>, counts: bool) -> Vec<crate::view::Choice> {
        self.bodies
            .iter()
            .map(|b| crate::view::Choice {
                value: b.body.code.clone(),
                label: if counts {
                    format!("{} ({})", b.body.name, b.meeting_count)
                } else {
                    b.body.name.clone()
                },
                selected: selected == Some(b.body.code.as_str()),
            })
            .collect()
    }

    pub fn year_options(&self, selected: Option<i32>) -> Vec<crate::view::Choice> {
        self.years
            .iter()
            .map(|y| crate::view::Choice {
                value: y.to_string(),
                label: y.to_string(),
                selected: selected == Some(*y),
            })
            .collect()
    }
}

#[derive(Default)]
pub struct Cache {
    meeting_choices: Mutex<Option<(Instant, Arc<MeetingChoices>)>>,
    /// Set while one request recomputes expired choices; the others keep serving the old ones,
    /// instead of all running the same aggregates at once (a latency spike every `TTL`).
    refreshing: AtomicBool,
}

impl Cache {
    pub async fn meeting_choices(&self, db: &Store) -> Result<Arc<MeetingChoices>> {
        let current = self
            .meeting_choices
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let stale = match current {
            Some((at, choices)) if at.elapsed() < TTL => return Ok(choices),
            Some((_, stale)) => Some(stale),
            None => None,
        };
        let _refresh = match &stale {
            Some(stale) if self.refreshing.swap(true, Ordering::AcqRel) => return Ok(stale.clone()),
            Some(_) => Some(RefreshGuard(&self.refreshing)),
            None => None,
        };
        let (bodies, years) = tokio::try_join!(db.bodies().list(), db.meetings().years())?;
        let choices = Arc::new(MeetingChoices { bodies, years });
        *self
            .meeting_choices
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), choices.clone()));
        Ok(choices)
    }
}

/// Clears the refreshing flag however the refresh ends: done, failed, or cancelled with its
/// request (a client that hangs up must not leave the choices stale for ever).
struct RefreshGuard<'a>(&'a AtomicBool);

impl Drop for RefreshGuard<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_domain::{MeetingKind, NewBody, NewMeeting};
    use cadre_storage::Store;

    fn meeting(year: i32) -> NewMeeting {
        let date = chrono::NaiveDate::from_ymd_opt(year, 5, 17).unwrap();
        NewMeeting::new(
            NewBody::gtm("Tahoua"),
            MeetingKind::WorkingGroupMinutes,
            format!("GTM {year}"),
            date,
        )
    }

    #[tokio::test]
    async fn expired_choices_stay_served_while_one_request_refreshes_them() {
        let db = Store::connect("sqlite::memory:").await.unwrap();
        let cache = Cache::default();
        db.meetings().import(&meeting(2022)).await.unwrap();
        assert_eq!(cache.meeting_choices(&db).await.unwrap().years, vec![2022]);
        db.meetings().import(&meeting(2023)).await.unwrap();
        assert_eq!(
            cache.meeting_choices(&db).await.unwrap().years,
            vec![2022],
            "fresh: reused"
        );

        let expire = |cache: &Cache| {
            let mut slot = cache.meeting_choices.lock().unwrap();
            let (at, _) = slot.as_mut().unwrap();
            *at = Instant::now().checked_sub(TTL * 2).unwrap();
        };
        expire(&cache);
        cache.refreshing.store(true, Ordering::Release);
        assert_eq!(
            cache.meeting_choices(&db).await.unwrap().years,
            vec![2022],
            "another request is refreshing"
        );
        cache.refreshing.store(false, Ordering::Release);
        assert_eq!(
            cache.meeting_choices(&db).await.unwrap().years,
            vec![2023, 2022]
        );
        assert!(
            !cache.refreshing.load(Ordering::Acquire),
            "the refresh released its flag"
        );
    }
}
