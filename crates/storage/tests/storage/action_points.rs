//! Action points: deadlines, filters and order, status changes.

use super::*;

both_engines! {
    async fn deadlines_round_trip(db: Store) {
        let cases = [
            (
                "15/04/2023",
                DeadlineMeaning::Date {
                    date: d(2023, 4, 15),
                },
            ),
            (
                "Fin juin 2023",
                DeadlineMeaning::Month {
                    year: 2023,
                    month: 6,
                },
            ),
            ("2024", DeadlineMeaning::Year { year: 2024 }),
            ("Dès que possible", DeadlineMeaning::AsSoonAsPossible),
            ("N/A", DeadlineMeaning::None),
            ("", DeadlineMeaning::None),
        ];
        let mut m = bare(NewBody::gtm("Zinder"), d(2023, 3, 1), Some("deadlines"));
        m.agenda = vec![item(
            1,
            "Suivi",
            cases
                .iter()
                .map(|(w, _)| action(&format!("Action {w}"), &["SP/CCM"], w, ActionStatus::Open))
                .collect(),
        )];
        for (w, meaning) in &cases {
            assert_eq!(
                Deadline::parse(w).meaning,
                *meaning,
                "the test's premise for {w:?}"
            );
        }
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let back = db.meetings().get(id).await.unwrap().unwrap();
        let read: Vec<Deadline> = back.agenda[0]
            .action_points
            .iter()
            .map(|a| a.deadline.clone())
            .collect();
        let expected: Vec<Deadline> = cases.iter().map(|(w, _)| Deadline::parse(w)).collect();
        assert_eq!(read, expected);
        let listed = db
            .action_points().list(&ActionPointFilter { audience: Audience::Internal, ..Default::default() })
            .await
            .unwrap();
        assert_eq!(listed.total, cases.len() as i64);
        assert!(
            listed
                .items
                .iter()
                .all(|a| Deadline::parse(&a.deadline.as_written) == a.deadline)
        );
    }
}

both_engines! {
    async fn action_points_filter_and_sort(db: Store) {
        // Meeting A (older, Tahoua) and B (newer, Zinder).
        let mut a = bare(NewBody::gtm("Tahoua"), d(2023, 1, 10), Some("ap-a"));
        a.agenda = vec![item(
            1,
            "A",
            vec![
                action("a-none", &["OIM"], "N/A", ActionStatus::Open),
                action("a-mar", &["OIM", "HCR"], "15/03/2023", ActionStatus::Open),
                action("a-feb-done", &["HCR"], "01/02/2023", ActionStatus::Done),
                action("a-jan", &["SP/CCM"], "31/01/2023", ActionStatus::InProgress),
            ],
        )];
        let mut b = bare(NewBody::gtm("Zinder"), d(2023, 2, 20), Some("ap-b"));
        b.agenda = vec![item(
            2,
            "B",
            vec![
                action("b-mar", &["OIM"], "15/03/2023", ActionStatus::Open),
                action("b-asap", &["HCR"], "Dès que possible", ActionStatus::Open),
                action("b-apr", &["IOM"], "Avril 2023", ActionStatus::Dropped),
            ],
        )];
        let ida = db.meetings().import(&a, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let idb = db.meetings().import(&b, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let oim =
            db.meetings().get(ida).await.unwrap().unwrap().agenda[0].action_points[0].responsible[0].clone();
        assert_eq!(oim.acronym.as_deref(), Some("OIM"));

        let whats = |page: &cadre_storage::Page<cadre_domain::ActionPoint>| {
            page.items
                .iter()
                .map(|a| a.what.clone())
                .collect::<Vec<_>>()
        };

        // Soonest deadline first, then older meeting; those without a date last. "Dès que
        // possible" is due 30 days after its meeting (22 March).
        let all = db
            .action_points().list(&ActionPointFilter { audience: Audience::Internal, ..Default::default() })
            .await
            .unwrap();
        assert_eq!(all.total, 7);
        let w = whats(&all);
        assert_eq!(w, ["a-jan", "a-feb-done", "a-mar", "b-mar", "b-asap", "b-apr", "a-none"]);
        let amar = &all.items[2];
        assert_eq!(
            amar.responsible
                .iter()
                .map(|o| o.short())
                .collect::<Vec<_>>(),
            vec!["OIM", "HCR"]
        );
        assert_eq!(amar.body, "GTM Tahoua");

        // Paging keeps the order and the total, and responsible organisations.
        let page = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                paging: Paging::page(2, 2),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.total, 7);
        assert_eq!(whats(&page), vec!["a-mar", "b-mar"]);
        assert_eq!(page.items[0].responsible.len(), 2);
        assert_eq!(
            page.items[1]
                .responsible
                .iter()
                .map(|o| o.id)
                .collect::<Vec<_>>(),
            vec![oim.id]
        );

        let by_org = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                organisation: Some(oim.id),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(whats(&by_org), vec!["a-mar", "b-mar", "b-apr", "a-none"]);
        assert_eq!(by_org.total, 4);
        // An organisation's page lists all its co-responsible organisations too.
        assert_eq!(by_org.items[0].responsible.len(), 2);

        let open = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                status: Some(ActionStatus::Open),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(open.total, 4);
        assert!(open.items.iter().all(|a| a.status == ActionStatus::Open));

        let overdue = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                overdue_on: Some(d(2023, 3, 15)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            whats(&overdue),
            vec!["a-jan"],
            "done and due-that-day are not overdue"
        );
        let overdue = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                overdue_on: Some(d(2023, 5, 1)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            whats(&overdue),
            vec!["a-jan", "a-mar", "b-mar", "b-asap"],
            "dropped is not pending; \"dès que possible\" is late a month after its meeting"
        );
        assert!(overdue.items.iter().all(|a| a.is_overdue(d(2023, 5, 1))));

        let due = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                due_between: Some((d(2023, 1, 31), d(2023, 3, 15))),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            whats(&due),
            vec!["a-jan", "a-mar", "b-mar"],
            "inclusive, pending only"
        );
        let due = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                due_between: Some((d(2023, 2, 1), d(2023, 3, 14))),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(due.total, 0);

        let of_b = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                meeting: Some(idb),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(of_b.total, 3);
        let of_zinder = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                body: Some("gtm-zinder".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(whats(&of_zinder), whats(&of_b));
        let none = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                body: Some("nowhere".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!((none.total, none.items.len()), (0, 0));

        let combined = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                organisation: Some(oim.id),
                status: Some(ActionStatus::Open),
                body: Some("gtm-tahoua".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(whats(&combined), vec!["a-mar", "a-none"]);
    }
}

both_engines! {
    async fn action_status_changes(db: Store) {
        let mut m = bare(NewBody::gtm("Maradi"), d(2023, 1, 1), Some("status"));
        m.agenda = vec![item(
            1,
            "X",
            vec![
                action("x", &["OIM"], "01/02/2023", ActionStatus::Open),
                action("y", &[], "", ActionStatus::Open),
            ],
        )];
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let ap = db.meetings().get(id).await.unwrap().unwrap().agenda[0].action_points[0].id;
        assert_eq!(db.totals(Audience::Internal).await.unwrap().pending_action_points, 2);

        crate::set_status(&db, ap, ActionStatus::Done).await.unwrap();
        let back = db.meetings().get(id).await.unwrap().unwrap();
        assert_eq!(back.agenda[0].action_points[0].status, ActionStatus::Done);
        assert_eq!(back.agenda[0].action_points[1].status, ActionStatus::Open);
        assert_eq!(db.totals(Audience::Internal).await.unwrap().pending_action_points, 1);
        let overdue = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                overdue_on: Some(d(2024, 1, 1)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(overdue.total, 0);
        let done = db
            .action_points().list(&ActionPointFilter {
                audience: Audience::Internal,
                status: Some(ActionStatus::Done),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            done.items.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![ap]
        );

        crate::set_status(&db, ap, ActionStatus::InProgress)
            .await
            .unwrap();
        assert_eq!(db.totals(Audience::Internal).await.unwrap().pending_action_points, 2);
        assert!(matches!(
            crate::set_status(&db, ActionPointId::new(ap.get() + 1000), ActionStatus::Done).await,
            Err(StorageError::NotFound)
        ));
    }
}
