//! Memory for what every list page needs but rarely changes: the bodies and years offered in
//! the filters of `/meetings`. Both are aggregates over every meeting; with thousands of
//! meetings, recomputing them on each request would cost more than the page itself. They are
//! kept until the change log moves, whichever process writes (imports run in the CLI).

use std::sync::Arc;

use cadre_domain::Audience;
use cadre_storage::{BodyWithCount, Result, Store};

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

/// The filter choices, as of one change of the change log.
#[derive(Default)]
pub struct Cache {
    /// Held while the choices are recomputed, so that the requests arriving meanwhile wait for
    /// that one computation instead of all running the same aggregates.
    /// One per audience: the public's counts are of published minutes.
    meeting_choices: [tokio::sync::Mutex<Option<(i64, Arc<MeetingChoices>)>>; 2],
}

impl Cache {
    pub async fn meeting_choices(
        &self,
        db: &Store,
        audience: Audience,
    ) -> Result<Arc<MeetingChoices>> {
        let change = db.changes().latest().await?;
        let mut current = self.meeting_choices[usize::from(!audience.is_public())]
            .lock()
            .await;
        if let Some((at, choices)) = &*current {
            if *at == change {
                return Ok(choices.clone());
            }
        }
        let (bodies, years) =
            tokio::try_join!(db.bodies().list(audience), db.meetings().years(audience))?;
        let choices = Arc::new(MeetingChoices { bodies, years });
        *current = Some((change, choices.clone()));
        Ok(choices)
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
    async fn choices_are_reused_until_the_change_log_moves() {
        let db = Store::connect("sqlite::memory:").await.unwrap();
        let cache = Cache::default();
        db.meetings()
            .import(&meeting(2022), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap();
        let first = cache
            .meeting_choices(&db, Audience::Internal)
            .await
            .unwrap();
        assert_eq!(first.years, vec![2022]);
        assert!(
            Arc::ptr_eq(
                &first,
                &cache
                    .meeting_choices(&db, Audience::Internal)
                    .await
                    .unwrap()
            ),
            "nothing changed: reused"
        );
        // Another process's import is a change like any other.
        db.meetings()
            .import(&meeting(2023), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap();
        assert_eq!(
            cache
                .meeting_choices(&db, Audience::Internal)
                .await
                .unwrap()
                .years,
            vec![2023, 2022]
        );
    }
}
