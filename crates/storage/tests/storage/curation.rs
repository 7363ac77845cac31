//! Organisations kept clean by the secretariat: rename, kind and parent, roles, merges.

use super::*;
use cadre_domain::{Actor, OrganisationKind};
use cadre_storage::{RecordKind, StorageError};
use chrono::Utc;

fn sp() -> Actor {
    Actor::command_line("sp")
}

/// A meeting attended by "Chauffeur Dosso" (with a person) and two spellings of a new NGO.
async fn messy(db: &Store) -> (MeetingId, cadre_domain::Meeting) {
    let mut m = bare(NewBody::gtm("Dosso"), d(2024, 4, 2), Some("messy"));
    m.attendance = vec![
        person(
            "Chauffeur Dosso",
            "Issa Garba",
            "+227 90 00 00 01",
            "issa@example.org",
        ),
        attendee("ONG Tassaght"),
        attendee("Tassagh ONG Agadez"),
        attendee("OIM"),
    ];
    m.agenda = vec![item(
        1,
        "Suivi",
        vec![action(
            "Préparer le véhicule",
            &["Chauffeur Dosso"],
            "",
            ActionStatus::Open,
        )],
    )];
    let id = db
        .meetings()
        .import(&m, &cadre_domain::Actor::command_line("test"))
        .await
        .unwrap()
        .meeting_id();
    (id, db.meetings().get(id).await.unwrap().unwrap())
}

both_engines! {
    async fn a_duplicate_is_merged_and_the_merge_undone(db: Store) {
        let (meeting, m) = messy(&db).await;
        let (a, b) = (m.attendance[1].organisation_id, m.attendance[2].organisation_id);
        assert_ne!(a, b, "the premise: two entries for one NGO");
        let listed = db.organisations().list(Audience::Internal).await.unwrap().len();
        let from = db.organisations().get(b).await.unwrap().unwrap();
        let seq = db.changes().latest().await.unwrap();
        let merged = db.organisations().merge(b, a, from.version, &sp(), Utc::now()).await.unwrap();
        assert_eq!(merged.merged_into, Some(a));
        assert_eq!(db.organisations().list(Audience::Internal).await.unwrap().len(), listed - 1, "merged entries leave the list");
        let back = db.meetings().get(meeting).await.unwrap().unwrap();
        assert_eq!(back.attendance[2].organisation_id, a, "its attendance follows");
        assert!(db.changes().since(seq, 10).await.unwrap().iter().any(|c| c.meeting_id == meeting));
        // Aliases follow: the next import of the duplicate's spelling lands on the survivor.
        let mut later = bare(NewBody::gtm("Dosso"), d(2024, 5, 2), Some("later"));
        later.attendance = vec![attendee("Tassagh ONG Agadez")];
        let later = db.meetings().import(&later, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        assert_eq!(db.meetings().get(later).await.unwrap().unwrap().attendance[0].organisation_id, a);
        // A stale form is refused; merging into a merged one too.
        assert!(matches!(db.organisations().merge(b, a, from.version, &sp(), Utc::now()).await, Err(StorageError::Stale { .. })));
        let oim = m.attendance[3].organisation_id;
        let v = db.organisations().get(oim).await.unwrap().unwrap().version;
        assert!(matches!(db.organisations().merge(oim, b, v, &sp(), Utc::now()).await, Err(StorageError::Refused(_))));
        // Undone: the entry stands again with what it had (the later import stays where it is).
        let restored = db.organisations().unmerge(b, merged.version, &sp(), Utc::now()).await.unwrap();
        assert_eq!(restored.merged_into, None);
        assert_eq!(db.meetings().get(meeting).await.unwrap().unwrap().attendance[2].organisation_id, b);
        assert_eq!(db.organisations().list(Audience::Internal).await.unwrap().len(), listed);
        let actions: Vec<String> = db.audit().history(RecordKind::Organisation, b.get()).await.unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["merge", "unmerge"]);
        assert_eq!(db.audit().history(RecordKind::Organisation, a.get()).await.unwrap()[0].action, "absorb");
    }

    async fn a_role_entry_leaves_the_organisations_with_its_people_moved(db: Store) {
        let (meeting, m) = messy(&db).await;
        let driver = m.attendance[0].organisation_id;
        let oim = m.attendance[3].organisation_id;
        let entry = db.organisations().get(driver).await.unwrap().unwrap();
        let marked = db.organisations().set_role(driver, true, Some(oim), entry.version, &sp(), Utc::now()).await.unwrap();
        assert!(marked.is_role);
        assert!(!db.organisations().list(Audience::Internal).await.unwrap().iter().any(|o| o.organisation.id == driver));
        assert!(db.organisations().roles().await.unwrap().iter().any(|o| o.organisation.id == driver));
        let back = db.meetings().get(meeting).await.unwrap().unwrap();
        assert_eq!(back.attendance[0].organisation_id, oim, "the person's line moves to the real organisation");
        assert_eq!(back.attendance[0].as_written, "Chauffeur Dosso", "as written is kept");
        assert_eq!(back.agenda[0].action_points[0].responsible[0].id, oim);
        let entry = db.audit().history(RecordKind::Organisation, driver.get()).await.unwrap();
        assert_eq!(entry[0].action, "mark_role");
        assert_eq!(entry[0].after.as_ref().unwrap()["moved"]["attendances"].as_array().unwrap().len(), 1);
        // The mark can be lifted.
        let lifted = db.organisations().set_role(driver, false, None, marked.version, &sp(), Utc::now()).await.unwrap();
        assert!(!lifted.is_role);
    }

    async fn a_regional_directorate_is_a_unit_of_its_national_one(db: Store) {
        let (_, m) = messy(&db).await;
        let national = m.attendance[1].organisation_id;
        let regional = m.attendance[2].organisation_id;
        let r = db.organisations().get(regional).await.unwrap().unwrap();
        let renamed = db.organisations().rename(regional, "DRECM-R Agadez", Some("DRECM-R Agadez"), r.version, &sp(), Utc::now()).await.unwrap();
        assert_eq!((renamed.name.as_str(), renamed.needs_review), ("DRECM-R Agadez", false));
        let unit = db.organisations().set_kind_and_parent(regional, OrganisationKind::Government, Some(national), renamed.version, &sp(), Utc::now()).await.unwrap();
        assert_eq!((unit.parent, unit.kind), (Some(national), OrganisationKind::Government));
        // No cycles: the national one cannot become a unit of its own unit.
        let n = db.organisations().get(national).await.unwrap().unwrap();
        assert!(matches!(
            db.organisations().set_kind_and_parent(national, n.kind, Some(regional), n.version, &sp(), Utc::now()).await,
            Err(StorageError::Refused(_))
        ));
        let history = db.audit().history(RecordKind::Organisation, regional.get()).await.unwrap();
        assert_eq!(history.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["rename", "set_kind"]);
        assert_eq!(history[0].before.as_ref().unwrap()["name"], r.name.as_str());
    }

    async fn each_regional_directorate_is_its_own_unit(db: Store) {
        let mut m = bare(NewBody::gtm("Agadez"), d(2024, 6, 2), Some("regions"));
        m.attendance = vec![
            attendee("DRECM-R/Agadez"),
            attendee("DRECM-R Zinder"),
            attendee("DRECM-R"),
            attendee("OIM Agadez"),
            attendee("OIM"),
        ];
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let a = db.meetings().get(id).await.unwrap().unwrap().attendance;
        let (agadez, zinder, national) = (a[0].organisation_id, a[1].organisation_id, a[2].organisation_id);
        assert_ne!(agadez, zinder);
        assert_ne!(agadez, national);
        for (unit, name) in [(agadez, "DRECM-R Agadez"), (zinder, "DRECM-R Zinder")] {
            let o = db.organisations().get(unit).await.unwrap().unwrap();
            assert_eq!((o.name.as_str(), o.parent, o.needs_review, o.kind), (name, Some(national), false, OrganisationKind::Government));
        }
        // An office of an agency in a region is the agency itself (one attendance line).
        assert_eq!(a.len(), 4, "{a:?}");
        assert_eq!(a[3].organisation_acronym.as_deref(), Some("OIM"));
        // Written again, in another meeting, the same unit.
        let mut again = bare(NewBody::gtm("Agadez"), d(2024, 7, 2), Some("regions-2"));
        again.attendance = vec![attendee("DRECM-R de Agadez"), attendee("DRECM/R/Agadez")];
        let id = db.meetings().import(&again, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let b = db.meetings().get(id).await.unwrap().unwrap().attendance;
        assert_eq!(b.len(), 1, "one attendance per organisation: {b:?}");
        assert_eq!(b[0].organisation_id, agadez);
    }

    async fn a_function_held_in_a_regional_council_stands_for_that_council(db: Store) {
        let mut m = bare(NewBody::gtm("Zinder"), d(2024, 6, 3), Some("councils"));
        m.attendance = vec![
            attendee("SG/CR/Zinder"),
            attendee("CR/Agadez"),
            attendee("Conseil Régional"),
        ];
        let id = db.meetings().import(&m, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let a = db.meetings().get(id).await.unwrap().unwrap().attendance;
        assert_eq!(a.len(), 3, "{a:?}");
        assert_eq!(a[0].as_written, "SG/CR/Zinder", "kept as written");
        let (zinder, agadez, national) = (a[0].organisation_id, a[1].organisation_id, a[2].organisation_id);
        assert_ne!(zinder, agadez, "each region has its own council");
        for (unit, name) in [(zinder, "CR Zinder"), (agadez, "CR Agadez")] {
            let o = db.organisations().get(unit).await.unwrap().unwrap();
            assert_eq!((o.name.as_str(), o.parent, o.needs_review), (name, Some(national), false));
        }
        // Written with the council's own name in another meeting: the same unit.
        let mut again = bare(NewBody::gtm("Zinder"), d(2024, 7, 3), Some("councils-2"));
        again.attendance = vec![attendee("Conseil Régional de Zinder"), attendee("SG/CR/Agadez")];
        let id = db.meetings().import(&again, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let b = db.meetings().get(id).await.unwrap().unwrap().attendance;
        assert_eq!(
            b.iter().map(|a| a.organisation_id).collect::<Vec<_>>(),
            [zinder, agadez],
            "{b:?}"
        );
    }
}
