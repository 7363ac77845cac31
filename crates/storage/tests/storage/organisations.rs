//! Organisations: written names resolved through aliases; the known ones seeded once.

use super::*;

both_engines! {
    async fn written_names_resolve_through_aliases(db: Store) {
        let orgs_at_start = db.organisations().list(Audience::Internal).await.unwrap().len();
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
        let id1 = db.meetings().import(&first, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
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
            db.meetings().list(&MeetingFilter { audience: Audience::Internal, ..Default::default() }).await.unwrap().items[0].attendance_count,
            3
        );

        let org = db.organisations().get(new_org).await.unwrap().unwrap();
        assert!(org.needs_review);
        assert_eq!(org.kind, OrganisationKind::Other);
        assert_eq!(org.acronym, None);
        assert!(org.aliases.is_empty(), "{:?}", org.aliases);
        assert_eq!(db.organisations().list(Audience::Internal).await.unwrap().len(), orgs_at_start + 1);

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
        let id2 = db.meetings().import(&second, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let m2 = db.meetings().get(id2).await.unwrap().unwrap();
        let ids: Vec<OrganisationId> = m2.attendance.iter().map(|a| a.organisation_id).collect();
        assert_eq!(ids, vec![new_org, oim, oim]);
        assert_eq!(
            m2.agenda[0].action_points[0]
                .responsible
                .iter()
                .map(|o| o.id)
                .collect::<Vec<_>>(),
            vec![due]
        );
        assert_eq!(db.organisations().list(Audience::Internal).await.unwrap().len(), orgs_at_start + 1);

        let all = db.organisations().list(Audience::Internal).await.unwrap();
        let count = |id: OrganisationId| {
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
    async fn reconnecting_migrates_and_seeds_once(db: Store) {
        let orgs = db.organisations().list(Audience::Internal).await.unwrap();
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
        db.meetings().import(&full_meeting(), &cadre_domain::Actor::command_line("test")).await.unwrap();
        // Every name of the meeting is known except "DRECM-R/Tahoua", a unit of its own.
        assert_eq!(db.totals(Audience::Internal).await.unwrap().organisations, orgs.len() as i64 + 1);
    }
}
