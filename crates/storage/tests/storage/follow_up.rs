//! Follow-up of action points: reports, history, lost updates, withdrawals, audit.

use super::*;
use cadre_domain::{ActionPointId, Actor};
use cadre_storage::action_points::StatusReport;
use cadre_storage::{RecordKind, StorageError};
use chrono::Utc;

async fn one_point(db: &Store) -> (MeetingId, ActionPointId) {
    let mut m = bare(NewBody::gtm("Agadez"), d(2025, 3, 1), Some("suivi"));
    m.agenda = vec![item(
        1,
        "Suivi",
        vec![action(
            "Former les agents",
            &["OIM"],
            "30/06/2025",
            ActionStatus::Open,
        )],
    )];
    let id = db
        .meetings()
        .import(&m, &cadre_domain::Actor::command_line("test"))
        .await
        .unwrap()
        .meeting_id();
    let point = db.meetings().get(id).await.unwrap().unwrap().agenda[0].action_points[0].id;
    (id, point)
}

fn report(status: ActionStatus, comment: &str) -> StatusReport {
    StatusReport {
        status,
        comment: comment.into(),
        reported_on: d(2025, 7, 1),
    }
}

both_engines! {
    async fn a_report_moves_the_status_and_stays_in_the_history(db: Store) {
        let (meeting, point) = one_point(&db).await;
        let who = Actor::command_line("amina");
        let before = db.action_points().get(point).await.unwrap().unwrap();
        assert_eq!((before.version, before.point.status, before.region.as_deref()), (1, ActionStatus::Open, Some("Agadez")));
        assert_eq!(before.scope().responsible, before.point.responsible.iter().map(|o| o.id).collect::<Vec<_>>());
        let seq = db.changes().latest().await.unwrap();

        let after = db.action_points().report(point, 1, &report(ActionStatus::InProgress, "Modules prêts"), &who, Utc::now()).await.unwrap();
        assert_eq!((after.version, after.point.status, after.status_date), (2, ActionStatus::InProgress, Some(d(2025, 7, 1))));
        let reports = db.action_points().reports(point).await.unwrap();
        assert_eq!(reports.len(), 1);
        assert_eq!((reports[0].previous_status, reports[0].status, reports[0].version), (ActionStatus::Open, ActionStatus::InProgress, 2));
        assert_eq!((reports[0].comment.as_str(), reports[0].actor.as_str()), ("Modules prêts", "cli:amina"));
        let changes = db.changes().since(seq, 10).await.unwrap();
        assert_eq!(changes.iter().map(|c| c.meeting_id).collect::<Vec<_>>(), vec![meeting], "the meeting's pages change");
        let audit = db.audit().history(RecordKind::ActionPoint, point.get()).await.unwrap();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].before.as_ref().unwrap()["status"], "open");
        assert_eq!(audit[0].after.as_ref().unwrap()["status"], "in_progress");
        assert_eq!(audit[0].after.as_ref().unwrap()["comment"], "Modules prêts");
    }

    async fn the_second_of_two_concurrent_reports_is_refused(db: Store) {
        let (_, point) = one_point(&db).await;
        let (a, b) = (Actor::command_line("a"), Actor::command_line("b"));
        // Both read version 1.
        db.action_points().report(point, 1, &report(ActionStatus::Done, "Fait"), &a, Utc::now()).await.unwrap();
        let second = db.action_points().report(point, 1, &report(ActionStatus::Dropped, "Abandon"), &b, Utc::now()).await;
        assert!(matches!(second, Err(StorageError::Stale { current_version: 2 })), "{second:?}");
        let now = db.action_points().get(point).await.unwrap().unwrap();
        assert_eq!(now.point.status, ActionStatus::Done, "nothing overwritten");
        assert_eq!(db.action_points().reports(point).await.unwrap().len(), 1);
        assert_eq!(db.audit().history(RecordKind::ActionPoint, point.get()).await.unwrap().len(), 1);
        assert!(matches!(
            db.action_points().report(ActionPointId::new(point.get() + 1000), 1, &report(ActionStatus::Done, "x"), &a, Utc::now()).await,
            Err(StorageError::NotFound)
        ));
    }

    async fn a_withdrawn_report_no_longer_counts_and_can_be_restored(db: Store) {
        let (_, point) = one_point(&db).await;
        let who = Actor::command_line("sp");
        db.action_points().report(point, 1, &report(ActionStatus::InProgress, "Démarré"), &who, Utc::now()).await.unwrap();
        db.action_points().report(point, 2, &report(ActionStatus::Done, "Erreur de saisie"), &who, Utc::now()).await.unwrap();
        let reports = db.action_points().reports(point).await.unwrap();
        let mistaken = reports[1].id;
        let after = db.action_points().set_report_withdrawn(mistaken, true, 3, &who, Utc::now()).await.unwrap();
        assert_eq!((after.point.status, after.version), (ActionStatus::InProgress, 4));
        let first = reports[0].id;
        let after = db.action_points().set_report_withdrawn(first, true, 4, &who, Utc::now()).await.unwrap();
        assert_eq!(after.point.status, ActionStatus::Open, "back to what the minutes said");
        assert!(matches!(
            db.action_points().set_report_withdrawn(first, false, 4, &who, Utc::now()).await,
            Err(StorageError::Stale { .. })
        ));
        let after = db.action_points().set_report_withdrawn(mistaken, false, 5, &who, Utc::now()).await.unwrap();
        assert_eq!(after.point.status, ActionStatus::Done);
        let all = db.action_points().reports(point).await.unwrap();
        assert_eq!(all.iter().map(|r| r.withdrawn).collect::<Vec<_>>(), [true, false], "nothing deleted");
        let actions: Vec<String> = db.audit().history(RecordKind::ActionPoint, point.get()).await.unwrap()
            .into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["report", "report", "withdraw_report", "withdraw_report", "restore_report"]);
    }
}
