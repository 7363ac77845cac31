//! The storage contract, on both engines: every test runs on SQLite and on PostgreSQL.

use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{
    ActionStatus, BodyLevel, Deadline, DeadlineMeaning, FieldFinding, ImportWarning, MeetingKind,
    MeetingStatus, Modality, NewActionPoint, NewAgendaItem, NewAttendee, NewBody, NewMeeting,
    NewRecommendation, NextMeeting, OrganisationKind, RecommendationScope,
};
use cadre_storage::{
    ActionPointFilter, ImportOutcome, MeetingFilter, Paging, RecommendationFilter, StorageError,
};
use cadre_storage::{Pool, Store};
use cadre_testkit::both_engines;
use chrono::{NaiveDate, NaiveTime};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn source(name: &str, content: Vec<u8>) -> NewSourceDocument {
    // Not a real SHA-256: storage only needs it to be unique per document.
    let sha256 = format!(
        "{:0>64}",
        name.bytes().map(|b| format!("{b:02x}")).collect::<String>()
    );
    NewSourceDocument {
        file_name: format!("{name}.docx"),
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .into(),
        sha256: sha256[sha256.len() - 64..].to_owned(),
        personal_data: name == "full",
        content,
    }
}

fn attendee(org: &str) -> NewAttendee {
    NewAttendee::organisation(org)
}

fn person(org: &str, name: &str, phone: &str, email: &str) -> NewAttendee {
    NewAttendee {
        organisation: org.into(),
        person_name: Some(name.into()),
        phone: Some(phone.into()),
        email: Some(email.into()),
    }
}

fn action(
    what: &str,
    responsible: &[&str],
    deadline: &str,
    status: ActionStatus,
) -> NewActionPoint {
    NewActionPoint {
        what: what.into(),
        responsible: responsible.iter().map(|s| s.to_string()).collect(),
        deadline: Deadline::parse(deadline),
        status,
    }
}

fn item(number: u32, title: &str, action_points: Vec<NewActionPoint>) -> NewAgendaItem {
    NewAgendaItem {
        number,
        title: title.into(),
        presenter: None,
        discussion: String::new(),
        action_points,
    }
}

/// A meeting with nothing but its header.
fn bare(body: NewBody, date: NaiveDate, src: Option<&str>) -> NewMeeting {
    NewMeeting {
        source: src.map(|s| source(s, s.as_bytes().to_vec())),
        ..NewMeeting::new(
            body,
            MeetingKind::WorkingGroupMinutes,
            format!("Réunion du {date}"),
            date,
        )
    }
}

const PHONE: &str = "+227 96 97 25 39";
const EMAIL: &str = "a.issoufou@example.org";

/// Every field filled in.
fn full_meeting() -> NewMeeting {
    NewMeeting {
        body: NewBody::gtm("Tahoua"),
        kind: MeetingKind::WorkingGroupMinutes,
        title: "Compte-rendu de la réunion du GTM Tahoua".into(),
        date: d(2023, 2, 16),
        start_time: Some(t(9, 30)),
        end_time: Some(t(12, 15)),
        place: Some("Salle de réunion du Gouvernorat".into()),
        modality: Modality::Virtual,
        attendance: vec![
            person("DRECM-R/Tahoua", "Aïcha Issoufou", PHONE, EMAIL),
            attendee("OIM"),
            attendee("Croix-Rouge Nigérienne"),
        ],
        agenda: vec![
            NewAgendaItem {
                number: 0,
                title: "Mot d'ouverture".into(),
                presenter: None,
                discussion: "Le DRECM-R ouvre la séance.".into(),
                action_points: vec![],
            },
            NewAgendaItem {
                number: 1,
                title: "Point sur les retours".into(),
                presenter: Some("OIM".into()),
                discussion: "- 120 migrants accueillis\n- 3 convois".into(),
                action_points: vec![
                    action(
                        "Partager le rapport",
                        &["OIM", "SP/CCM"],
                        "28 février 2023",
                        ActionStatus::Open,
                    ),
                    action(
                        "Organiser l'atelier",
                        &["DRECM-R"],
                        "Mars 2023",
                        ActionStatus::InProgress,
                    ),
                ],
            },
        ],
        next_meeting: Some(NextMeeting {
            as_written: "Jeudi 16 mars 2023 à 10h".into(),
            date: Some(d(2023, 3, 16)),
            time: Some(t(10, 0)),
            month: None,
        }),
        rapporteur: Some("DRECM-R Tahoua".into()),
        recommendations: vec![NewRecommendation {
            roadmap: "2023".into(),
            position: 1,
            text: "Renforcer la coordination".into(),
            scope: RecommendationScope::General,
            thematic_group: None,
            implementation_status: Some("En cours".into()),
            challenges: Some("Financement".into()),
            perspectives: None,
        }],
        warnings: vec![
            ImportWarning::with_text("unplaced_text", "Texte non placé", "Divers"),
            ImportWarning::new("date", "Date lue dans le titre"),
        ],
        findings: vec![
            FieldFinding::new("date", "16 février 2023"),
            FieldFinding::new("place", "Salle de réunion DGECM-R"),
        ],
        source: Some(source(
            "full",
            vec![0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00, 0x7f],
        )),
    }
}

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
        let ids: Vec<i64> = db
            .meetings().import_batch(&[a.clone(), b])
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
        let page = db.meetings().list(&MeetingFilter::default()).await.unwrap();
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
        db.meetings().import(&a).await.unwrap();
        assert_eq!(db.changes().latest().await.unwrap(), after_import);

        db.meetings().validate(ids[0]).await.unwrap();
        assert_eq!(
            db.meetings().get(ids[0]).await.unwrap().unwrap().status,
            MeetingStatus::Validated
        );
        let ap = back.agenda[0].action_points[0].id;
        db.action_points().set_status(ap, ActionStatus::Done).await.unwrap();
        let later = db.changes().since(after_import, 100).await.unwrap();
        assert_eq!(
            later.iter().map(|c| c.meeting_id).collect::<Vec<_>>(),
            vec![ids[0], ids[0]],
            "validation and a status edit are changes of the meeting"
        );
        assert!(later[0].seq < later[1].seq);
        assert_eq!(db.changes().since(after_import, 1).await.unwrap().len(), 1);
        assert!(matches!(
            db.meetings().validate(999_999).await,
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
    async fn statistics_are_refreshed_after_a_bulk_load(url: String) {
        let db = Store::connect(&url).await.unwrap();
        db.meetings().import(&full_meeting()).await.unwrap();
        match db.pool() {
            Pool::Sqlite(_) => db.refresh_statistics().await.unwrap(),
            Pool::Postgres(pool) => {
                let analysed = "SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname IN ('meetings', 'action_point_organisations') \
                     AND last_analyze IS NOT NULL";
                let before: i64 = sqlx::query_scalar(analysed)
                    .fetch_one(pool)
                    .await
                    .unwrap();
                assert_eq!(before, 0, "a fresh database has never been analysed");
                db.refresh_statistics().await.unwrap();
                let after: i64 = sqlx::query_scalar(analysed)
                    .fetch_one(pool)
                    .await
                    .unwrap();
                assert_eq!(after, 2);
            }
        }
    }
}

both_engines! {
    /// `import_meetings` stores exactly what `import_meeting` stores, and recognises a document
    /// repeated inside the batch itself.
    async fn batches_store_the_same_as_one_by_one(db: Store) {
        let full = full_meeting();
        let other = bare(NewBody::gtm("Tahoua"), d(2022, 5, 17), Some("tahoua"));
        let outcomes = db
            .meetings().import_batch(&[full.clone(), other.clone(), other.clone()])
            .await
            .unwrap();
        let (ImportOutcome::Created(a), ImportOutcome::Created(b)) = (outcomes[0], outcomes[1]) else {
            panic!("{outcomes:?}");
        };
        assert_eq!(outcomes[2], ImportOutcome::AlreadyImported(b));
        assert_eq!(db.totals().await.unwrap().meetings, 2);

        let mut single = full.clone();
        single.source = Some(source("single", b"another file".to_vec()));
        let c = db.meetings().import(&single).await.unwrap().meeting_id();
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
        let outcome = db.meetings().import(&new).await.unwrap();
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
                    "DRECM-R",
                    Some("DRECM-R"),
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
        assert!(db.source_documents().get(src.id + 1000).await.unwrap().is_none());

        // The list line.
        let page = db.meetings().list(&MeetingFilter::default()).await.unwrap();
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
                meeting: Some(id),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(recs.total, 1);
        let r = &recs.items[0];
        assert_eq!(
            (r.meeting_id, r.body.as_str(), r.meeting_date),
            (id, "GTM Tahoua", m.date)
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

        let totals = db.totals().await.unwrap();
        assert_eq!(
            (
                totals.meetings,
                totals.action_points,
                totals.pending_action_points,
                totals.recommendations
            ),
            (1, 2, 2, 1)
        );
        assert!(db.meetings().get(id + 1000).await.unwrap().is_none());
    }
}

both_engines! {
    async fn second_import_of_a_source_is_not_stored(db: Store) {
        let new = full_meeting();
        let id = db.meetings().import(&new).await.unwrap().meeting_id();
        let before = db.totals().await.unwrap();
        let orgs_before = db.organisations().list().await.unwrap().len();

        // Same bytes, even with other details: not imported again.
        let mut again = bare(NewBody::ccm(), d(2024, 1, 1), None);
        again.source = new.source.clone();
        again.attendance = vec![attendee("Une organisation toute nouvelle")];
        assert_eq!(
            db.meetings().import(&again).await.unwrap(),
            ImportOutcome::AlreadyImported(id)
        );
        assert_eq!(
            db.meetings().import(&new).await.unwrap(),
            ImportOutcome::AlreadyImported(id)
        );
        assert_eq!(db.totals().await.unwrap(), before);
        assert_eq!(db.organisations().list().await.unwrap().len(), orgs_before);
        assert_eq!(
            db.meetings().list(&MeetingFilter::default()).await.unwrap().total,
            1
        );
        assert_eq!(db.bodies().list().await.unwrap().len(), 1);

        // Another document is.
        let other = bare(NewBody::gtm("Tahoua"), d(2023, 3, 16), Some("other"));
        assert!(
            matches!(db.meetings().import(&other).await.unwrap(), ImportOutcome::Created(i) if i != id)
        );
        assert_eq!(
            db.meetings().list(&MeetingFilter::default()).await.unwrap().total,
            2
        );
        let bodies = db.bodies().list().await.unwrap();
        assert_eq!(bodies.len(), 1, "the body is upserted by code");
        assert_eq!(bodies[0].meeting_count, 2);
    }
}

both_engines! {
    async fn written_names_resolve_through_aliases(db: Store) {
        let orgs_at_start = db.organisations().list().await.unwrap().len();
        let mut first = bare(NewBody::gtm("Agadez"), d(2023, 5, 2), Some("aliases-1"));
        first.attendance = vec![
            attendee("OIM"),
            attendee("IOM"),
            attendee("OIM/Niger"),
            attendee("D.U.E"),
            attendee("DUE"),
            attendee("- Association Tchinaghen des Jeunes;"),
            attendee("Délégation de l'Union Européenne"),
        ];
        let id1 = db.meetings().import(&first).await.unwrap().meeting_id();
        let m1 = db.meetings().get(id1).await.unwrap().unwrap();
        let written: Vec<&str> = m1
            .attendance
            .iter()
            .map(|a| a.as_written.as_str())
            .collect();
        assert_eq!(
            written,
            vec!["OIM", "D.U.E", "- Association Tchinaghen des Jeunes;"]
        );
        let oim = m1.attendance[0].organisation_id;
        let due = m1.attendance[1].organisation_id;
        let new_org = m1.attendance[2].organisation_id;
        assert_eq!(
            m1.attendance[1].organisation_acronym.as_deref(),
            Some("DUE")
        );
        assert_eq!(
            m1.attendance[2].organisation,
            "Association Tchinaghen des Jeunes"
        );
        assert_eq!(
            db.meetings().list(&MeetingFilter::default()).await.unwrap().items[0].attendance_count,
            3
        );

        let org = db.organisations().get(new_org).await.unwrap().unwrap();
        assert!(org.needs_review);
        assert_eq!(org.kind, OrganisationKind::Other);
        assert_eq!(org.acronym, None);
        assert!(org.aliases.is_empty(), "{:?}", org.aliases);
        assert_eq!(db.organisations().list().await.unwrap().len(), orgs_at_start + 1);

        let oim_org = db.organisations().get(oim).await.unwrap().unwrap();
        assert!(!oim_org.needs_review);
        assert_eq!(oim_org.kind, OrganisationKind::UnAgency);
        assert!(
            oim_org.aliases.contains(&"IOM".to_string()),
            "{:?}",
            oim_org.aliases
        );
        assert!(!oim_org.aliases.contains(&"OIM".to_string()));
        assert!(!oim_org.aliases.contains(&oim_org.name));

        // The new name is reused by the next import, whatever the case and punctuation; the same
        // organisation with different persons appears once per person.
        let mut second = bare(NewBody::gtm("Agadez"), d(2023, 6, 6), Some("aliases-2"));
        second.attendance = vec![
            attendee("ASSOCIATION TCHINAGHEN DES JEUNES"),
            person("OIM", "Moussa", "90000001", "m@example.org"),
            person("IOM", "Fatima", "90000002", "f@example.org"),
            attendee("OIM"),
        ];
        second.agenda = vec![item(
            1,
            "Divers",
            vec![action(
                "Suivre",
                &["D.U.E", "Délégation de l'Union Européenne"],
                "",
                ActionStatus::Open,
            )],
        )];
        let id2 = db.meetings().import(&second).await.unwrap().meeting_id();
        let m2 = db.meetings().get(id2).await.unwrap().unwrap();
        let ids: Vec<i64> = m2.attendance.iter().map(|a| a.organisation_id).collect();
        assert_eq!(ids, vec![new_org, oim, oim]);
        assert_eq!(
            m2.agenda[0].action_points[0]
                .responsible
                .iter()
                .map(|o| o.id)
                .collect::<Vec<_>>(),
            vec![due]
        );
        assert_eq!(db.organisations().list().await.unwrap().len(), orgs_at_start + 1);

        let all = db.organisations().list().await.unwrap();
        let count = |id: i64| {
            all.iter()
                .find(|o| o.organisation.id == id)
                .map(|o| (o.meetings_attended, o.action_points))
                .unwrap()
        };
        assert_eq!(count(oim), (2, 0));
        assert_eq!(count(new_org), (2, 0));
        assert_eq!(count(due), (1, 1));
        let reviewed: Vec<_> = all.iter().filter(|o| o.organisation.needs_review).collect();
        assert_eq!(reviewed.len(), 1);
        // Sorted by name (both engines agree on these plain ASCII names' relative order).
        let pos = |name: &str| {
            all.iter()
                .position(|o| o.organisation.name == name)
                .unwrap()
        };
        assert!(
            pos("Association Tchinaghen des Jeunes")
                < pos("Organisation Internationale pour les Migrations")
        );
    }
}

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
        let id = db.meetings().import(&m).await.unwrap().meeting_id();
        let back = db.meetings().get(id).await.unwrap().unwrap();
        let read: Vec<Deadline> = back.agenda[0]
            .action_points
            .iter()
            .map(|a| a.deadline.clone())
            .collect();
        let expected: Vec<Deadline> = cases.iter().map(|(w, _)| Deadline::parse(w)).collect();
        assert_eq!(read, expected);
        let listed = db
            .action_points().list(&ActionPointFilter::default())
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
        let ida = db.meetings().import(&a).await.unwrap().meeting_id();
        let idb = db.meetings().import(&b).await.unwrap().meeting_id();
        let oim =
            db.meetings().get(ida).await.unwrap().unwrap().agenda[0].action_points[0].responsible[0].clone();
        assert_eq!(oim.acronym.as_deref(), Some("OIM"));

        let whats = |page: &cadre_storage::Page<cadre_domain::ActionPoint>| {
            page.items
                .iter()
                .map(|a| a.what.clone())
                .collect::<Vec<_>>()
        };

        // Soonest deadline first, then older meeting; those without a date last.
        let all = db
            .action_points().list(&ActionPointFilter::default())
            .await
            .unwrap();
        assert_eq!(all.total, 7);
        let w = whats(&all);
        assert_eq!(&w[..5], &["a-jan", "a-feb-done", "a-mar", "b-mar", "b-apr"]);
        let mut tail = w[5..].to_vec();
        tail.sort();
        assert_eq!(tail, vec!["a-none", "b-asap"]);
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
                status: Some(ActionStatus::Open),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(open.total, 4);
        assert!(open.items.iter().all(|a| a.status == ActionStatus::Open));

        let overdue = db
            .action_points().list(&ActionPointFilter {
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
                overdue_on: Some(d(2023, 5, 1)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            whats(&overdue),
            vec!["a-jan", "a-mar", "b-mar"],
            "dropped is not pending"
        );
        assert!(overdue.items.iter().all(|a| a.is_overdue(d(2023, 5, 1))));

        let due = db
            .action_points().list(&ActionPointFilter {
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
                due_between: Some((d(2023, 2, 1), d(2023, 3, 14))),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(due.total, 0);

        let of_b = db
            .action_points().list(&ActionPointFilter {
                meeting: Some(idb),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(of_b.total, 3);
        let of_zinder = db
            .action_points().list(&ActionPointFilter {
                body: Some("gtm-zinder".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(whats(&of_zinder), whats(&of_b));
        let none = db
            .action_points().list(&ActionPointFilter {
                body: Some("nowhere".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!((none.total, none.items.len()), (0, 0));

        let combined = db
            .action_points().list(&ActionPointFilter {
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
            ids.push(db.meetings().import(&m).await.unwrap().meeting_id());
        }
        let mut ccm = bare(NewBody::ccm(), d(2023, 12, 20), Some("ccm"));
        ccm.kind = MeetingKind::SessionReport;
        db.meetings().import(&ccm).await.unwrap();

        let dates = |p: &cadre_storage::Page<cadre_domain::MeetingSummary>| {
            p.items.iter().map(|m| m.date).collect::<Vec<_>>()
        };
        let all = db.meetings().list(&MeetingFilter::default()).await.unwrap();
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
                body: Some("gtm-tahoua".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(tahoua.total, 3);
        assert!(tahoua.items.iter().all(|m| m.body_code == "gtm-tahoua"));

        let y2023 = db
            .meetings().list(&MeetingFilter {
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
                paging: Paging::page(4, 4),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(page.total, 6);
        assert_eq!(dates(&page), vec![d(2023, 2, 16), d(2022, 11, 3)]);
        let beyond = db
            .meetings().list(&MeetingFilter {
                paging: Paging::page(10, 50),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!((beyond.total, beyond.items.len()), (6, 0));
        let unknown = db
            .meetings().list(&MeetingFilter {
                body: Some("gtm-nulle-part".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(unknown.total, 0);

        assert_eq!(db.meetings().years().await.unwrap(), vec![2024, 2023, 2022]);
        let mut bodies: Vec<(String, i64, BodyLevel)> = db
            .bodies().list()
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
            ))
            .await
            .unwrap()
            .meeting_id();
        let t1 = db
            .meetings().import(&announce(
                "Tahoua",
                d(2023, 2, 2),
                "u2",
                Some((d(2023, 3, 9), Some(t(10, 0)), "9 mars à 10h")),
            ))
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
            ))
            .await
            .unwrap()
            .meeting_id();
        let z = db
            .meetings().import(&announce(
                "Zinder",
                d(2023, 2, 10),
                "u4",
                Some((d(2023, 3, 1), None, "1er mars")),
            ))
            .await
            .unwrap()
            .meeting_id();
        let a = db
            .meetings().import(&announce(
                "Agadez",
                d(2023, 2, 10),
                "u5",
                Some((d(2023, 4, 20), None, "20 avril")),
            ))
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
        db.meetings().import(&undated).await.unwrap();
        let _ = past;

        let up = db.meetings().upcoming(d(2023, 2, 15), 10).await.unwrap();
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

        let from_day = db.meetings().upcoming(d(2023, 3, 9), 10).await.unwrap();
        assert_eq!(
            from_day.iter().map(|u| u.date).collect::<Vec<_>>(),
            vec![d(2023, 3, 9), d(2023, 4, 20)],
            "inclusive"
        );
        let limited = db.meetings().upcoming(d(2023, 1, 1), 2).await.unwrap();
        assert_eq!(
            limited.iter().map(|u| u.date).collect::<Vec<_>>(),
            vec![d(2023, 2, 2), d(2023, 3, 1)]
        );
        assert!(
            db.meetings().upcoming(d(2030, 1, 1), 10)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

both_engines! {
    async fn recommendations_filter_and_sort(db: Store) {
        let rec = |roadmap: &str, position: u32, group: Option<&str>| NewRecommendation {
            roadmap: roadmap.into(),
            position,
            text: format!("R{roadmap}-{position}"),
            scope: if group.is_some() {
                RecommendationScope::Specific
            } else {
                RecommendationScope::General
            },
            thematic_group: group.map(Into::into),
            implementation_status: None,
            challenges: None,
            perspectives: Some("P".into()),
        };
        let mut old = bare(NewBody::ccm(), d(2021, 12, 1), Some("rec-old"));
        old.kind = MeetingKind::SessionReport;
        old.recommendations = vec![rec("2018", 2, None), rec("2018", 1, Some("Protection"))];
        let mut new = bare(NewBody::ccm(), d(2023, 12, 1), Some("rec-new"));
        new.kind = MeetingKind::SessionReport;
        new.recommendations = vec![
            rec("2021", 2, Some("Protection")),
            rec("2018", 3, None),
            rec("2021", 1, Some("Economie alternative")),
        ];
        let id_old = db.meetings().import(&old).await.unwrap().meeting_id();
        let id_new = db.meetings().import(&new).await.unwrap().meeting_id();

        let texts = |p: &cadre_storage::Page<cadre_domain::Recommendation>| {
            p.items.iter().map(|r| r.text.clone()).collect::<Vec<_>>()
        };
        let all = db
            .recommendations().list(&RecommendationFilter::default())
            .await
            .unwrap();
        assert_eq!(all.total, 5);
        assert_eq!(
            texts(&all),
            vec!["R2018-3", "R2021-1", "R2021-2", "R2018-1", "R2018-2"]
        );
        assert_eq!(all.items[0].meeting_id, id_new);
        assert_eq!(all.items[0].body, "CCM");
        assert_eq!(all.items[1].scope, RecommendationScope::Specific);
        assert_eq!(all.items[1].perspectives.as_deref(), Some("P"));

        let of_old = db
            .recommendations().list(&RecommendationFilter {
                meeting: Some(id_old),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&of_old), vec!["R2018-1", "R2018-2"]);
        let roadmap = db
            .recommendations().list(&RecommendationFilter {
                roadmap: Some("2018".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&roadmap), vec!["R2018-3", "R2018-1", "R2018-2"]);
        let group = db
            .recommendations().list(&RecommendationFilter {
                thematic_group: Some("Protection".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&group), vec!["R2021-2", "R2018-1"]);
        let paged = db
            .recommendations().list(&RecommendationFilter {
                paging: Paging::page(2, 1),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            (paged.total, texts(&paged)),
            (5, vec!["R2021-1".to_string(), "R2021-2".to_string()])
        );
        assert_eq!(db.totals().await.unwrap().recommendations, 5);
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
        let id = db.meetings().import(&m).await.unwrap().meeting_id();
        let ap = db.meetings().get(id).await.unwrap().unwrap().agenda[0].action_points[0].id;
        assert_eq!(db.totals().await.unwrap().pending_action_points, 2);

        db.action_points().set_status(ap, ActionStatus::Done).await.unwrap();
        let back = db.meetings().get(id).await.unwrap().unwrap();
        assert_eq!(back.agenda[0].action_points[0].status, ActionStatus::Done);
        assert_eq!(back.agenda[0].action_points[1].status, ActionStatus::Open);
        assert_eq!(db.totals().await.unwrap().pending_action_points, 1);
        let overdue = db
            .action_points().list(&ActionPointFilter {
                overdue_on: Some(d(2024, 1, 1)),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(overdue.total, 0);
        let done = db
            .action_points().list(&ActionPointFilter {
                status: Some(ActionStatus::Done),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            done.items.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![ap]
        );

        db.action_points().set_status(ap, ActionStatus::InProgress)
            .await
            .unwrap();
        assert_eq!(db.totals().await.unwrap().pending_action_points, 2);
        assert!(matches!(
            db.action_points().set_status(ap + 1000, ActionStatus::Done).await,
            Err(StorageError::NotFound)
        ));
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
        let id = db.meetings().import(&m).await.unwrap().meeting_id();

        let contacts = db.meetings().attendee_contacts(id).await.unwrap();
        assert_eq!(contacts.len(), 2);
        assert_eq!(contacts[0].name, "Aïcha Issoufou");
        assert_eq!(
            contacts[0].organisation,
            "Direction Régionale de l'Etat Civil, des Migrations et des Réfugiés"
        );
        assert_eq!(contacts[0].phone.as_deref(), Some(PHONE));
        assert_eq!(contacts[0].email.as_deref(), Some(EMAIL));
        assert_eq!(contacts[1].name, "Moussa Garba");
        assert_eq!(contacts[1].phone.as_deref(), Some("+227 90 11 22 33"));
        assert_eq!(
            contacts[1].email.as_deref(),
            Some("moussa.garba@example.net")
        );

        let meeting = db.meetings().get(id).await.unwrap().unwrap();
        assert_eq!(
            meeting.attendance.len(),
            4,
            "OIM with a person and OIM without are two lines, IOM is OIM again"
        );
        let published = [
            serde_json::to_string(&meeting).unwrap(),
            serde_json::to_string(&db.organisations().list().await.unwrap()).unwrap(),
            serde_json::to_string(&db.meetings().list(&MeetingFilter::default()).await.unwrap()).unwrap(),
            serde_json::to_string(
                &db.action_points().list(&ActionPointFilter::default())
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
            ] {
                assert!(!text.contains(secret), "{secret} leaked into {text}");
            }
        }
    }
}

both_engines! {
    async fn reconnecting_migrates_and_seeds_once(db: Store) {
        let orgs = db.organisations().list().await.unwrap();
        // Every known organisation is seeded, with its keys.
        assert_eq!(orgs.len(), cadre_domain::KNOWN_ORGANISATIONS.len());
        assert!(
            orgs.iter()
                .all(|o| !o.organisation.needs_review && o.meetings_attended == 0)
        );
        let sp = orgs
            .iter()
            .find(|o| o.organisation.acronym.as_deref() == Some("SP/CCM"))
            .unwrap();
        assert!(
            sp.organisation
                .aliases
                .iter()
                .any(|a| a == "Secrétariat permanent du CCM")
        );
        db.meetings().import(&full_meeting()).await.unwrap();
        assert_eq!(db.totals().await.unwrap().organisations, orgs.len() as i64);
    }
}

/// Reconnecting to a database with data neither migrates again nor seeds twice.
async fn reconnect_twice(url: &str) {
    let first = Store::connect(url).await.unwrap();
    let n = first.totals().await.unwrap().organisations;
    first.meetings().import(&full_meeting()).await.unwrap();
    let second = Store::connect(url).await.unwrap();
    assert_eq!(second.totals().await.unwrap().organisations, n);
    assert_eq!(second.totals().await.unwrap().meetings, 1);
}

both_engines! {
    async fn connecting_again_keeps_everything(url: String) {
        reconnect_twice(&url).await
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
            let before = db.totals().await.unwrap();
            let orgs_before = db.organisations().list().await.unwrap().len();
            assert!(db.meetings().import(failing).await.is_err());
            assert_eq!(db.totals().await.unwrap(), before);
            // A batch is all or nothing: the good meeting before the failing one is not kept.
            let mut good = bare(NewBody::gtm("Zinder"), d(2023, 2, 9), Some("good"));
            good.attendance
                .push(attendee("Une autre organisation inconnue"));
            assert!(db.meetings().import_batch(&[good, failing.clone()]).await.is_err());
            assert_eq!(db.totals().await.unwrap(), before);
            assert_eq!(db.organisations().list().await.unwrap().len(), orgs_before);
            assert!(db.bodies().list().await.unwrap().is_empty());
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
            let id = db.meetings().import(&ok).await.unwrap();
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

/// `sqlite::memory:` works: one connection that is never recycled, so the data stays.
#[tokio::test]
async fn sqlite_in_memory_keeps_its_data() {
    let db = Store::connect("sqlite::memory:").await.unwrap();
    let id = db
        .meetings()
        .import(&full_meeting())
        .await
        .unwrap()
        .meeting_id();
    for _ in 0..3 {
        assert_eq!(
            db.meetings()
                .get(id)
                .await
                .unwrap()
                .unwrap()
                .attendance
                .len(),
            3
        );
    }
    assert_eq!(db.totals().await.unwrap().meetings, 1);
    assert!(matches!(
        Store::connect("mysql://nope").await,
        Err(StorageError::InvalidUrl { .. })
    ));
}

#[tokio::test]
async fn a_malformed_url_never_shows_its_password() {
    for url in [
        "postgres://cadre:s3cr3t-pw@db.example:notaport/cadre",
        "postgres://cadre:s3cr3t-pw@db.example:5432/cadre?sslmode=s3cr3t-pw",
    ] {
        let Err(e) = Store::connect(url).await else {
            panic!("{url} was accepted");
        };
        let message = e.to_string();
        assert!(!message.contains("s3cr3t-pw"), "{message}");
        assert!(message.contains("cadre:***@"), "{message}");
    }
}
