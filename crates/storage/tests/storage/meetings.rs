//! Meetings: lists, filters and paging; next meetings; drafts, validation and the change log.

use super::*;

both_engines! {
    async fn drafts_are_validated_and_every_change_is_logged(db: Store) {
        assert_eq!(db.changes().latest().await.unwrap(), 0);
        let mut a = bare(NewBody::gtm("Agadez"), d(2023, 4, 12), Some("draft-a"));
        a.next_meeting = Some(NextMeeting {
            as_written: "prévue pour le mois de mai".into(),
            date: None,
            time: None,
            month: cadre_domain::dates::MonthOfYear::new(2023, 5),
        });
        a.agenda = vec![item(
            1,
            "Tendances migratoires à Arlit",
            vec![action(
                "Partager la fiche",
                &["OIM"],
                "2023",
                ActionStatus::Open,
            )],
        )];
        let b = bare(NewBody::gtm("Zinder"), d(2023, 5, 3), Some("draft-b"));
        assert!(!b.source.as_ref().unwrap().personal_data);
        let ids: Vec<MeetingId> = db
            .meetings().import_batch(&[a.clone(), b], &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap()
            .iter()
            .map(|o| o.meeting_id())
            .collect();
        let back = db.meetings().get(ids[0]).await.unwrap().unwrap();
        assert_eq!(back.status, MeetingStatus::Draft);
        assert!(!back.source.as_ref().unwrap().personal_data);
        assert_eq!(
            back.next_meeting, a.next_meeting,
            "a month-only next meeting is kept"
        );
        let page = db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap();
        assert!(page.items.iter().all(|m| m.status == MeetingStatus::Draft));

        // Each imported meeting is one change, in import order.
        let changes = db.changes().since(0, 100).await.unwrap();
        assert_eq!(
            changes.iter().map(|c| c.meeting_id).collect::<Vec<_>>(),
            ids
        );
        let after_import = db.changes().latest().await.unwrap();
        assert_eq!(after_import, changes.last().unwrap().seq);
        // A re-import changes nothing.
        db.meetings().import(&a, &cadre_domain::Actor::command_line("test")).await.unwrap();
        assert_eq!(db.changes().latest().await.unwrap(), after_import);

        db.meetings().validate(ids[0], &cadre_domain::Actor::command_line("test"), chrono::Utc::now()).await.unwrap();
        let audit = db.audit().history(cadre_storage::RecordKind::Meeting, ids[0].get()).await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["import", "validate"]);
        assert_eq!(audit[1].actor, "cli:test");
        assert_eq!(audit[1].before.as_ref().unwrap()["status"], "draft");
        assert_eq!(
            db.meetings().get(ids[0]).await.unwrap().unwrap().status,
            MeetingStatus::Validated
        );
        let ap = back.agenda[0].action_points[0].id;
        crate::set_status(&db, ap, ActionStatus::Done).await.unwrap();
        let later = db.changes().since(after_import, 100).await.unwrap();
        assert_eq!(
            later.iter().map(|c| c.meeting_id).collect::<Vec<_>>(),
            vec![ids[0], ids[0]],
            "validation and a status edit are changes of the meeting"
        );
        assert!(later[0].seq < later[1].seq);
        assert_eq!(db.changes().since(after_import, 1).await.unwrap().len(), 1);
        assert!(matches!(
            db.meetings().validate(MeetingId::new(999_999), &cadre_domain::Actor::command_line("test"), chrono::Utc::now()).await,
            Err(cadre_storage::StorageError::NotFound)
        ));
        // A failed validation logs nothing.
        assert_eq!(db.changes().since(later[1].seq, 100).await.unwrap(), vec![]);

        let texts = db.meetings().known_texts(10).await.unwrap().join(" ");
        assert!(texts.contains("Arlit"), "recent discussion words: {texts}");
        assert!(
            texts.contains("Croix"),
            "organisation names and aliases: {texts}"
        );
    }
}

both_engines! {
    async fn meetings_filter_count_and_page(db: Store) {
        let plan = [
            ("Tahoua", d(2022, 11, 3)),
            ("Tahoua", d(2023, 2, 16)),
            ("Tahoua", d(2023, 5, 4)),
            ("Zinder", d(2023, 3, 1)),
            ("Zinder", d(2024, 1, 9)),
        ];
        let mut ids = Vec::new();
        for (i, (region, date)) in plan.iter().enumerate() {
            let m = bare(NewBody::gtm(region), *date, Some(&format!("list-{i}")));
            ids.push(db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id());
        }
        let mut ccm = bare(NewBody::ccm(), d(2023, 12, 20), Some("ccm"));
        ccm.kind = MeetingKind::SessionReport;
        db.meetings().import(&ccm, &cadre_domain::Actor::command_line("test")).await.unwrap();

        let dates = |p: &cadre_storage::Page<cadre_domain::MeetingSummary>| {
            p.items.iter().map(|m| m.date).collect::<Vec<_>>()
        };
        let all = db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap();
        assert_eq!(all.total, 6);
        assert_eq!(
            dates(&all),
            vec![
                d(2024, 1, 9),
                d(2023, 12, 20),
                d(2023, 5, 4),
                d(2023, 3, 1),
                d(2023, 2, 16),
                d(2022, 11, 3)
            ]
        );

        let tahoua = db
            .meetings().list(&MeetingFilter {
                audience: Audience::Internal,
                body: Some("gtm-tahoua".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(tahoua.total, 3);
        assert!(tahoua.items.iter().all(|m| m.body_code == "gtm-tahoua"));

        let y2023 = db
            .meetings().list(&MeetingFilter {
                audience: Audience::Internal,
                year: Some(2023),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            dates(&y2023),
            vec![
                d(2023, 12, 20),
                d(2023, 5, 4),
                d(2023, 3, 1),
                d(2023, 2, 16)
            ]
        );

        let both = db
            .meetings().list(&MeetingFilter {
                audience: Audience::Internal,
                body: Some("gtm-tahoua".into()),
                year: Some(2023),
                paging: Paging::page(1, 1),
            })
            .await
            .unwrap();
        assert_eq!(both.total, 2);
        assert_eq!(dates(&both), vec![d(2023, 2, 16)]);

        let page = db
            .meetings().list(&MeetingFilter {
                audience: Audience::Internal,
                paging: Paging::page(4, 4),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.total, 6);
        assert_eq!(dates(&page), vec![d(2023, 2, 16), d(2022, 11, 3)]);
        let beyond = db
            .meetings().list(&MeetingFilter {
                audience: Audience::Internal,
                paging: Paging::page(10, 50),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!((beyond.total, beyond.items.len()), (6, 0));
        let unknown = db
            .meetings().list(&MeetingFilter {
                audience: Audience::Internal,
                body: Some("gtm-nulle-part".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(unknown.total, 0);

        assert_eq!(db.meetings().years(Audience::Internal).await.unwrap(), vec![2024, 2023, 2022]);
        let mut bodies: Vec<(String, i64, BodyLevel)> = db
            .bodies().list(Audience::Internal)
            .await
            .unwrap()
            .into_iter()
            .map(|b| (b.body.code, b.meeting_count, b.body.level))
            .collect();
        bodies.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            bodies,
            vec![
                ("ccm".to_string(), 1, BodyLevel::National),
                ("gtm-tahoua".to_string(), 3, BodyLevel::Regional),
                ("gtm-zinder".to_string(), 2, BodyLevel::Regional),
            ]
        );
    }
}

both_engines! {
    async fn upcoming_meetings_one_per_body_and_date(db: Store) {
        let announce = |region: &str,
                        date: NaiveDate,
                        src: &str,
                        next: Option<(NaiveDate, Option<NaiveTime>, &str)>| {
            let mut m = bare(NewBody::gtm(region), date, Some(src));
            m.next_meeting = next.map(|(date, time, text)| NextMeeting {
                as_written: text.into(),
                date: Some(date),
                time,
                month: None,
            });
            m
        };
        let past = db
            .meetings().import(&announce(
                "Tahoua",
                d(2023, 1, 5),
                "u1",
                Some((d(2023, 2, 2), None, "2 février")),
            ), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap()
            .meeting_id();
        let t1 = db
            .meetings().import(&announce(
                "Tahoua",
                d(2023, 2, 2),
                "u2",
                Some((d(2023, 3, 9), Some(t(10, 0)), "9 mars à 10h")),
            ), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap()
            .meeting_id();
        // A second document (another version of the minutes) announces the same meeting.
        let t2 = db
            .meetings().import(&announce(
                "Tahoua",
                d(2023, 2, 3),
                "u3",
                Some((d(2023, 3, 9), Some(t(10, 0)), "le 9 mars 2023")),
            ), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap()
            .meeting_id();
        let z = db
            .meetings().import(&announce(
                "Zinder",
                d(2023, 2, 10),
                "u4",
                Some((d(2023, 3, 1), None, "1er mars")),
            ), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap()
            .meeting_id();
        let a = db
            .meetings().import(&announce(
                "Agadez",
                d(2023, 2, 10),
                "u5",
                Some((d(2023, 4, 20), None, "20 avril")),
            ), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap()
            .meeting_id();
        let mut undated = announce("Dosso", d(2023, 2, 10), "u6", None);
        undated.next_meeting = Some(NextMeeting {
            as_written: "à une date ultérieure".into(),
            date: None,
            time: None,
            month: None,
        });
        db.meetings().import(&undated, &cadre_domain::Actor::command_line("test")).await.unwrap();
        let _ = past;

        let up = db.meetings().upcoming(d(2023, 2, 15), 10, Audience::Internal).await.unwrap();
        let got: Vec<(&str, NaiveDate)> = up.iter().map(|u| (u.body_code.as_str(), u.date)).collect();
        assert_eq!(
            got,
            vec![
                ("gtm-zinder", d(2023, 3, 1)),
                ("gtm-tahoua", d(2023, 3, 9)),
                ("gtm-agadez", d(2023, 4, 20))
            ]
        );
        assert_eq!(up[0].announced_in, z);
        assert!(up[1].announced_in == t1 || up[1].announced_in == t2);
        assert_eq!(up[1].time, Some(t(10, 0)));
        assert_eq!(up[1].body, "GTM Tahoua");
        assert_eq!(up[2].announced_in, a);
        assert_eq!(up[2].as_written, "20 avril");

        let from_day = db.meetings().upcoming(d(2023, 3, 9), 10, Audience::Internal).await.unwrap();
        assert_eq!(
            from_day.iter().map(|u| u.date).collect::<Vec<_>>(),
            vec![d(2023, 3, 9), d(2023, 4, 20)],
            "inclusive"
        );
        let limited = db.meetings().upcoming(d(2023, 1, 1), 2, Audience::Internal).await.unwrap();
        assert_eq!(
            limited.iter().map(|u| u.date).collect::<Vec<_>>(),
            vec![d(2023, 2, 2), d(2023, 3, 1)]
        );
        assert!(
            db.meetings().upcoming(d(2030, 1, 1), 10, Audience::Internal)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

both_engines! {
    /// Totals of full pages are remembered, but never past a change: another import is seen.
    async fn list_totals_follow_every_change(db: Store) {
        let page = MeetingFilter {
            audience: Audience::Internal,
            paging: Paging::page(2, 0),
            ..Default::default()
        };
        for day in 1..=3 {
            db.meetings()
                .import(&bare(NewBody::gtm("Agadez"), d(2023, 1, day), None), &cadre_domain::Actor::command_line("test"))
                .await
                .unwrap();
        }
        assert_eq!(db.meetings().list(&page).await.unwrap().total, 3);
        assert_eq!(db.meetings().list(&page).await.unwrap().total, 3, "remembered");
        db.meetings()
            .import(&bare(NewBody::gtm("Agadez"), d(2023, 1, 9), None), &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap();
        assert_eq!(db.meetings().list(&page).await.unwrap().total, 4);
        // A status change is a change too: the overdue list's total follows it.
        let overdue = ActionPointFilter {
            audience: Audience::Internal,
            overdue_on: Some(d(2030, 1, 1)),
            paging: Paging::page(1, 0),
            ..Default::default()
        };
        let mut m = bare(NewBody::gtm("Zinder"), d(2023, 2, 1), None);
        m.agenda = vec![item(
            1,
            "Suivi",
            vec![
                action("Partager", &["OIM"], "mars 2023", ActionStatus::Open),
                action("Former", &["OIM"], "avril 2023", ActionStatus::Open),
            ],
        )];
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        assert_eq!(db.action_points().list(&overdue).await.unwrap().total, 2);
        let first = db.meetings().get(id).await.unwrap().unwrap().agenda[0].action_points[0].id;
        crate::set_status(&db, first, ActionStatus::Done)
            .await
            .unwrap();
        assert_eq!(db.action_points().list(&overdue).await.unwrap().total, 1);
    }
}

both_engines! {
    async fn the_public_reads_published_minutes_and_what_comes_from_them(db: Store) {
        let actor = cadre_domain::Actor::command_line("test");
        let mut a = bare(NewBody::gtm("Agadez"), d(2023, 4, 12), Some("pub-a"));
        a.agenda = vec![item(1, "Retours", vec![action("Partager la fiche", &["OIM"], "2023", ActionStatus::Open)])];
        a.attendance = vec![attendee("OIM")];
        a.next_meeting = Some(NextMeeting { as_written: "le 3 mai 2099".into(), date: Some(d(2099, 5, 3)), time: None, month: None });
        let id = db.meetings().import(&a, &actor).await.unwrap().meeting_id();
        let public = |db: Store| async move {
            let meetings = db.meetings().list(&MeetingFilter::default()).await.unwrap().total;
            let points = db.action_points().list(&ActionPointFilter::default()).await.unwrap().total;
            let totals = db.totals(Audience::Public).await.unwrap();
            let years = db.meetings().years(Audience::Public).await.unwrap();
            let upcoming = db.meetings().upcoming(d(2024, 1, 1), 10, Audience::Public).await.unwrap().len();
            let bodies: i64 = db.bodies().list(Audience::Public).await.unwrap().iter().map(|b| b.meeting_count).sum();
            let attended: i64 = db.organisations().list(Audience::Public).await.unwrap().iter().map(|o| o.meetings_attended + o.action_points).sum();
            assert_eq!((totals.meetings, totals.action_points), (meetings, points));
            (meetings, points, years.len(), upcoming, bodies, attended)
        };
        assert_eq!(public(db.clone()).await, (0, 0, 0, 0, 0, 0), "a draft is nobody's business but Cadre's");
        assert_eq!(db.totals(Audience::Internal).await.unwrap().meetings, 1);

        // Publishing before validating is refused; nothing moves.
        let publish = |t| { let (db, actor) = (db.clone(), actor.clone()); async move { db.meetings().transition(&[id, MeetingId::new(999_999)], t, &actor, chrono::Utc::now()).await.unwrap() } };
        assert_eq!(publish(Transition::Publish).await, vec![LifecycleOutcome::NotValidated, LifecycleOutcome::NotFound]);
        assert_eq!(public(db.clone()).await.0, 0);
        let before = db.changes().latest().await.unwrap();
        publish(Transition::Validate).await;
        assert_eq!(public(db.clone()).await.0, 0, "validated is not published");
        assert_eq!(
            publish(Transition::Publish).await[0],
            LifecycleOutcome::Changed { from: MeetingStatus::Validated, to: MeetingStatus::Published }
        );
        assert_eq!(public(db.clone()).await, (1, 1, 1, 1, 1, 2));
        assert_eq!(publish(Transition::Publish).await[0], LifecycleOutcome::Unchanged { status: MeetingStatus::Published });
        // Each move is a change (search indexes and page caches follow) and is on record.
        assert_eq!(db.changes().latest().await.unwrap(), before + 2);
        publish(Transition::Withdraw).await;
        assert_eq!(public(db.clone()).await, (0, 0, 0, 0, 0, 0));
        let m = db.meetings().get(id).await.unwrap().unwrap();
        assert_eq!(m.status, MeetingStatus::Validated);
        let actions: Vec<String> = db.audit().history(cadre_storage::RecordKind::Meeting, id.get()).await.unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["import", "validate", "publish", "withdraw"]);
    }
}
