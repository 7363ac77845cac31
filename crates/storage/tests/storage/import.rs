//! Importing meetings: every field back, once per document, all or nothing, contacts kept private.

use super::*;

both_engines! {
    /// `import_meetings` stores exactly what `import_meeting` stores, and recognises a document
    /// repeated inside the batch itself.
    async fn batches_store_the_same_as_one_by_one(db: Store) {
        let full = full_meeting();
        let other = bare(NewBody::gtm("Tahoua"), d(2022, 5, 17), Some("tahoua"));
        let outcomes = db
            .meetings().import_batch(&[full.clone(), other.clone(), other.clone()], &cadre_domain::Actor::command_line("test"))
            .await
            .unwrap();
        let (ImportOutcome::Created(a), ImportOutcome::Created(b)) = (outcomes[0], outcomes[1]) else {
            panic!("{outcomes:?}");
        };
        assert_eq!(outcomes[2], ImportOutcome::AlreadyImported(b));
        assert_eq!(db.totals(Audience::Internal).await.unwrap().meetings, 2);

        let mut single = full.clone();
        single.source = Some(source("single", b"another file".to_vec()));
        let c = db.meetings().import(&single, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let (batched, single) = (
            db.meetings().get(a).await.unwrap().unwrap(),
            db.meetings().get(c).await.unwrap().unwrap(),
        );
        let shape = |m: &cadre_domain::Meeting| {
            let attendance: Vec<_> = m
                .attendance
                .iter()
                .map(|x| {
                    (
                        x.organisation.clone(),
                        x.as_written.clone(),
                        x.person_name.clone(),
                    )
                })
                .collect();
            let agenda: Vec<_> = m
                .agenda
                .iter()
                .map(|i| {
                    let points: Vec<_> = i
                        .action_points
                        .iter()
                        .map(|p| {
                            (
                                p.what.clone(),
                                p.responsible
                                    .iter()
                                    .map(|o| o.name.clone())
                                    .collect::<Vec<_>>(),
                                p.deadline.clone(),
                                p.status,
                            )
                        })
                        .collect();
                    (
                        i.number,
                        i.title.clone(),
                        i.presenter.clone(),
                        i.discussion.clone(),
                        points,
                    )
                })
                .collect();
            (
                attendance,
                agenda,
                m.warnings.clone(),
                m.next_meeting.clone(),
                m.date,
                m.place.clone(),
            )
        };
        assert_eq!(shape(&batched), shape(&single));
        assert!(
            !batched.agenda.iter().all(|i| i.action_points.is_empty()),
            "the sample has action points"
        );
        let recommendations_of = |id| RecommendationFilter {
            audience: Audience::Internal,
            meeting: Some(id),
            ..Default::default()
        };
        assert_eq!(
            db.recommendations().list(&recommendations_of(a))
                .await
                .unwrap()
                .total,
            db.recommendations().list(&recommendations_of(c))
                .await
                .unwrap()
                .total
        );
        assert_eq!(
            db.meetings().attendee_contacts(a).await.unwrap(),
            db.meetings().attendee_contacts(c).await.unwrap()
        );
    }
}

both_engines! {
    async fn import_then_read_back_every_field(db: Store) {
        let new = full_meeting();
        let outcome = db.meetings().import(&new, &cadre_domain::Actor::command_line("test")).await.unwrap();
        let ImportOutcome::Created(id) = outcome else {
            panic!("expected a new meeting, got {outcome:?}")
        };
        let sha = new.source.as_ref().unwrap().sha256.clone();
        assert_eq!(db.meetings().for_source(&sha).await.unwrap(), Some(id));
        assert_eq!(db.meetings().for_source("0000").await.unwrap(), None);

        let m = db.meetings().get(id).await.unwrap().expect("the meeting");
        assert_eq!(m.id, id);
        assert_eq!(m.body.code, "gtm-tahoua");
        assert_eq!(m.body.name, "GTM Tahoua");
        assert_eq!(m.body.level, BodyLevel::Regional);
        assert_eq!(m.body.region.as_deref(), Some("Tahoua"));
        assert_eq!(m.kind, MeetingKind::WorkingGroupMinutes);
        assert_eq!(m.title, new.title);
        assert_eq!(m.date, d(2023, 2, 16));
        assert_eq!(m.start_time, Some(t(9, 30)));
        assert_eq!(m.end_time, Some(t(12, 15)));
        assert_eq!(m.place, new.place);
        assert_eq!(m.modality, Modality::Virtual);
        assert_eq!(m.next_meeting, new.next_meeting);
        assert_eq!(m.rapporteur, new.rapporteur);
        assert_eq!(m.warnings, new.warnings);
        assert_eq!(m.findings, new.findings);
        assert_eq!(m.status, MeetingStatus::Draft);
        // The import is on record, with who ran it; importing the same document again is not.
        let audit = db.audit().history(cadre_storage::RecordKind::Meeting, id.get()).await.unwrap();
        assert_eq!((audit.len(), audit[0].action.as_str(), audit[0].actor.as_str()), (1, "import", "cli:test"));
        assert_eq!(audit[0].after.as_ref().unwrap()["title"], new.title.as_str());
        db.meetings().import(&new, &cadre_domain::Actor::command_line("test")).await.unwrap();
        assert_eq!(db.audit().history(cadre_storage::RecordKind::Meeting, id.get()).await.unwrap().len(), 1);

        // Attendance in document order, resolved to known organisations.
        let att: Vec<(&str, Option<&str>, &str, Option<&str>)> = m
            .attendance
            .iter()
            .map(|a| {
                (
                    a.organisation_acronym.as_deref().unwrap_or(&a.organisation),
                    a.organisation_acronym.as_deref(),
                    a.as_written.as_str(),
                    a.person_name.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            att,
            vec![
                (
                    "DRECM-R Tahoua",
                    None,
                    "DRECM-R/Tahoua",
                    Some("Aïcha Issoufou")
                ),
                ("OIM", Some("OIM"), "OIM", None),
                ("CRN", Some("CRN"), "Croix-Rouge Nigérienne", None),
            ]
        );
        assert_eq!(
            m.attendance[1].organisation,
            "Organisation Internationale pour les Migrations"
        );

        // Agenda by position, with its action points.
        assert_eq!(m.agenda.len(), 2);
        assert_eq!(m.agenda[0].number, 0);
        assert_eq!(m.agenda[0].title, "Mot d'ouverture");
        assert_eq!(m.agenda[0].presenter, None);
        assert_eq!(m.agenda[0].discussion, "Le DRECM-R ouvre la séance.");
        assert!(m.agenda[0].action_points.is_empty());
        let item1 = &m.agenda[1];
        assert_eq!(
            (item1.number, item1.title.as_str()),
            (1, "Point sur les retours")
        );
        assert_eq!(item1.presenter.as_deref(), Some("OIM"));
        assert_eq!(item1.discussion, "- 120 migrants accueillis\n- 3 convois");
        assert_eq!(item1.action_points.len(), 2);
        let ap = &item1.action_points[0];
        assert_eq!(ap.what, "Partager le rapport");
        assert_eq!(ap.meeting_id, id);
        assert_eq!(ap.meeting_date, d(2023, 2, 16));
        assert_eq!(ap.body, "GTM Tahoua");
        assert_eq!(ap.agenda_item_id, item1.id);
        assert_eq!(ap.agenda_item_title, "Point sur les retours");
        assert_eq!(ap.deadline, Deadline::parse("28 février 2023"));
        assert_eq!(
            ap.deadline.meaning,
            DeadlineMeaning::Date {
                date: d(2023, 2, 28)
            }
        );
        assert_eq!(ap.status, ActionStatus::Open);
        assert_eq!(
            ap.responsible.iter().map(|o| o.short()).collect::<Vec<_>>(),
            vec!["OIM", "SP/CCM"]
        );
        assert!(
            ap.responsible_as_written.contains("OIM") && ap.responsible_as_written.contains("SP/CCM")
        );
        let ap2 = &item1.action_points[1];
        assert_eq!(
            ap2.deadline.meaning,
            DeadlineMeaning::Month {
                year: 2023,
                month: 3
            }
        );
        assert_eq!(ap2.status, ActionStatus::InProgress);
        assert_eq!(
            ap2.responsible
                .iter()
                .map(|o| o.short())
                .collect::<Vec<_>>(),
            vec!["DRECM-R"]
        );

        // The source document: metadata on the meeting, bytes only from source_document.
        let src = m.source.clone().expect("source metadata");
        let new_src = new.source.as_ref().unwrap();
        assert_eq!(src.file_name, new_src.file_name);
        assert_eq!(src.media_type, new_src.media_type);
        assert_eq!(src.sha256, new_src.sha256);
        assert_eq!(src.size, new_src.content.len() as i64);
        assert!(src.personal_data, "the flag is kept");
        let (doc, bytes) = db
            .source_documents().get(src.id)
            .await
            .unwrap()
            .expect("the document");
        assert_eq!(doc, src);
        assert_eq!(bytes, new_src.content);
        assert!(db.source_documents().get(SourceDocumentId::new(src.id.get() + 1000)).await.unwrap().is_none());

        // The list line.
        let page = db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap();
        assert_eq!(page.total, 1);
        let s = &page.items[0];
        assert_eq!(
            (s.id, s.body.as_str(), s.body_code.as_str()),
            (id, "GTM Tahoua", "gtm-tahoua")
        );
        assert_eq!(
            (s.kind, s.modality, s.date),
            (MeetingKind::WorkingGroupMinutes, Modality::Virtual, m.date)
        );
        assert_eq!(s.title, m.title);
        assert_eq!(s.place, m.place);
        assert_eq!(
            (s.attendance_count, s.agenda_count, s.action_point_count),
            (3, 2, 2)
        );
        assert_eq!(s.next_meeting_date, Some(d(2023, 3, 16)));

        // Recommendations are stored with the meeting.
        let recs = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                meeting: Some(id),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(recs.total, 1);
        let r = &recs.items[0];
        assert_eq!(
            (r.meeting_id, r.body.as_str(), r.meeting_date),
            (Some(id), "GTM Tahoua", Some(m.date))
        );
        assert_eq!(
            (r.roadmap.as_str(), r.position, r.text.as_str()),
            ("2023", 1, "Renforcer la coordination")
        );
        assert_eq!(r.scope, RecommendationScope::General);
        assert_eq!(r.implementation_status.as_deref(), Some("En cours"));
        assert_eq!(r.challenges.as_deref(), Some("Financement"));
        assert_eq!(
            (r.thematic_group.clone(), r.perspectives.clone()),
            (None, None)
        );

        let totals = db.totals(Audience::Internal).await.unwrap();
        assert_eq!(
            (
                totals.meetings,
                totals.action_points,
                totals.pending_action_points,
                totals.recommendations
            ),
            (1, 2, 2, 1)
        );
        assert!(db.meetings().get(MeetingId::new(id.get() + 1000)).await.unwrap().is_none());
    }
}

both_engines! {
    async fn second_import_of_a_source_is_not_stored(db: Store) {
        let new = full_meeting();
        let id = db.meetings().import(&new, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let before = db.totals(Audience::Internal).await.unwrap();
        let orgs_before = db.organisations().list(Audience::Internal).await.unwrap().len();

        // Same bytes, even with other details: not imported again.
        let mut again = bare(NewBody::ccm(), d(2024, 1, 1), None);
        again.source = new.source.clone();
        again.attendance = vec![attendee("Une organisation toute nouvelle")];
        assert_eq!(
            db.meetings().import(&again, &cadre_domain::Actor::command_line("test")).await.unwrap(),
            ImportOutcome::AlreadyImported(id)
        );
        assert_eq!(
            db.meetings().import(&new, &cadre_domain::Actor::command_line("test")).await.unwrap(),
            ImportOutcome::AlreadyImported(id)
        );
        assert_eq!(db.totals(Audience::Internal).await.unwrap(), before);
        assert_eq!(db.organisations().list(Audience::Internal).await.unwrap().len(), orgs_before);
        assert_eq!(
            db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap().total,
            1
        );
        assert_eq!(db.bodies().list(Audience::Internal).await.unwrap().len(), 1);

        // Another document is.
        let other = bare(NewBody::gtm("Tahoua"), d(2023, 3, 16), Some("other"));
        assert!(
            matches!(db.meetings().import(&other, &cadre_domain::Actor::command_line("test")).await.unwrap(), ImportOutcome::Created(i) if i != id)
        );
        assert_eq!(
            db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap().total,
            2
        );
        let bodies = db.bodies().list(Audience::Internal).await.unwrap();
        assert_eq!(bodies.len(), 1, "the body is upserted by code");
        assert_eq!(bodies[0].meeting_count, 2);
    }
}

both_engines! {
    async fn contacts_stay_private(db: Store) {
        let mut m = full_meeting();
        m.attendance.push(person(
            "OIM",
            "Moussa Garba",
            "+227 90 11 22 33",
            "moussa.garba@example.net",
        ));
        m.attendance.push(attendee("IOM"));
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();

        let contacts = db.meetings().attendee_contacts(id).await.unwrap();
        assert_eq!(contacts.len(), 3, "the unnamed function has no contacts");
        assert_eq!(contacts[0].name, "Aïcha Issoufou");
        assert_eq!(contacts[0].organisation, "DRECM-R Tahoua", "the regional unit");
        assert_eq!(contacts[0].phone.as_deref(), Some(PHONE));
        assert_eq!(contacts[0].email.as_deref(), Some(EMAIL));
        assert_eq!(contacts[1].name, "Moussa Garba");
        assert_eq!(contacts[1].phone.as_deref(), Some("+227 90 11 22 33"));
        assert_eq!(
            contacts[1].email.as_deref(),
            Some("moussa.garba@example.net")
        );
        // A person present by their function keeps their contacts, under their function.
        assert_eq!(contacts[2].name, "Issa Garba");
        assert_eq!(contacts[2].organisation, "Chauffeur Tahoua");
        assert_eq!(contacts[2].phone.as_deref(), Some(DRIVER_PHONE));

        let meeting = db.meetings().get(id).await.unwrap().unwrap();
        assert_eq!(
            meeting
                .function_attendees
                .iter()
                .map(|f| (f.function.as_str(), f.person_name.as_deref()))
                .collect::<Vec<_>>(),
            [("Chauffeur Tahoua", Some("Issa Garba")), ("Garde", None)],
            "functions are not organisations"
        );
        assert!(
            meeting.attendance.iter().all(|a| !a.as_written.contains("Chauffeur")),
            "{:?}",
            meeting.attendance
        );
        assert_eq!(
            meeting.attendance.len(),
            4,
            "OIM with a person and OIM without are two lines, IOM is OIM again"
        );
        let published = [
            serde_json::to_string(&meeting).unwrap(),
            serde_json::to_string(&db.organisations().list(Audience::Internal).await.unwrap()).unwrap(),
            serde_json::to_string(&db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap()).unwrap(),
            serde_json::to_string(
                &db.action_points().list(&ActionPointFilter { audience: Audience::Internal, ..Default::default() })
                    .await
                    .unwrap(),
            )
            .unwrap(),
            format!("{meeting:?}"),
        ];
        for text in &published {
            for secret in [
                PHONE,
                EMAIL,
                "+227 90 11 22 33",
                "moussa.garba@example.net",
                "96 97 25 39",
                DRIVER_PHONE,
            ] {
                assert!(!text.contains(secret), "{secret} leaked into {text}");
            }
        }
    }
}

both_engines! {
    /// An import that fails after writing most of a meeting leaves nothing: the failure is forced
    /// by a trigger on the last table written (warnings).
    async fn failed_import_leaves_nothing_behind(url: String) {
        let failing = {
            let mut m = full_meeting();
            m.attendance.push(attendee("Une organisation inconnue"));
            m.warnings.push(ImportWarning::new(
                "boom",
                "this warning makes the insert fail",
            ));
            m
        };
        async fn check(db: &Store, failing: &NewMeeting) {
            let before = db.totals(Audience::Internal).await.unwrap();
            let orgs_before = db.organisations().list(Audience::Internal).await.unwrap().len();
            assert!(db.meetings().import(failing, &cadre_domain::Actor::command_line("test")).await.is_err());
            assert_eq!(db.totals(Audience::Internal).await.unwrap(), before);
            // A batch is all or nothing: the good meeting before the failing one is not kept.
            let mut good = bare(NewBody::gtm("Zinder"), d(2023, 2, 9), Some("good"));
            good.attendance
                .push(attendee("Une autre organisation inconnue"));
            assert!(db.meetings().import_batch(&[good, failing.clone()], &cadre_domain::Actor::command_line("test")).await.is_err());
            assert_eq!(db.totals(Audience::Internal).await.unwrap(), before);
            assert_eq!(db.organisations().list(Audience::Internal).await.unwrap().len(), orgs_before);
            assert!(db.bodies().list(Audience::Internal).await.unwrap().is_empty());
            assert_eq!(
                db.meetings().for_source(&failing.source.as_ref().unwrap().sha256)
                    .await
                    .unwrap(),
                None
            );
            // Once the cause is gone the same document imports, and the organisation it named
            // (created then rolled back) is created anew.
            let mut ok = failing.clone();
            ok.warnings.pop();
            let id = db.meetings().import(&ok, &cadre_domain::Actor::command_line("test")).await.unwrap();
            assert!(matches!(id, ImportOutcome::Created(_)));
            let m = db.meetings().get(id.meeting_id()).await.unwrap().unwrap();
            let new_org = m.attendance.last().unwrap();
            assert_eq!(new_org.organisation, "Une organisation inconnue");
            assert!(
                db.organisations().get(new_org.organisation_id)
                    .await
                    .unwrap()
                    .unwrap()
                    .needs_review
            );
        }
        let db = Store::connect(&url).await.unwrap();
        match db.pool() {
            Pool::Sqlite(pool) => {
                sqlx::raw_sql(
                    "CREATE TRIGGER fail_on_boom BEFORE INSERT ON import_warnings WHEN NEW.field = 'boom' \
                     BEGIN SELECT RAISE(ABORT, 'boom'); END;",
                )
                .execute(pool)
                .await
                .unwrap();
            }
            Pool::Postgres(pool) => {
                sqlx::raw_sql(
                    "CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$ \
                     BEGIN IF NEW.field = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$; \
                     CREATE TRIGGER fail_on_boom BEFORE INSERT ON import_warnings \
                     FOR EACH ROW EXECUTE FUNCTION fail_on_boom();",
                )
                .execute(pool)
                .await
                .unwrap();
            }
        }
        check(&db, &failing).await;
    }
}
