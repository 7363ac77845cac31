//! Accounts, sessions, failed sign-ins and the audit of account changes.

use super::*;
use cadre_domain::account::{NewAccount, Role, Username};
use cadre_domain::{AccountId, Actor, OrganisationId};
use cadre_storage::{RecordKind, StorageError};
use chrono::{Duration, Utc};

fn cli() -> Actor {
    Actor::command_line("test")
}

fn new(name: &str, role: Role, org: Option<i64>, region: Option<&str>) -> NewAccount {
    NewAccount::new(
        Username::parse(name).unwrap(),
        role,
        org.map(OrganisationId::new),
        region,
    )
    .unwrap()
}

async fn some_organisation(db: &Store) -> OrganisationId {
    db.organisations().list(Audience::Internal).await.unwrap()[0]
        .organisation
        .id
}

both_engines! {
    async fn accounts_are_created_once_and_audited(db: Store) {
        let now = Utc::now();
        let org = some_organisation(&db).await;
        let a = db
            .accounts()
            .add(&new("oim.niger", Role::PartnerEditor, Some(org.get()), None), "$hash", &cli(), now)
            .await
            .unwrap();
        assert_eq!((a.role, a.organisation, a.disabled, a.version), (Role::PartnerEditor, Some(org), false, 1));
        let again = db
            .accounts()
            .add(&new("oim.niger", Role::Secretariat, None, None), "$other", &cli(), now)
            .await;
        assert!(matches!(again, Err(StorageError::Duplicate(_))), "{again:?}");
        let unknown_org = db
            .accounts()
            .add(&new("ghost", Role::PartnerEditor, Some(999_999), None), "$h", &cli(), now)
            .await;
        assert!(matches!(unknown_org, Err(StorageError::NotFound)));
        let (found, hash) = db.accounts().credentials(&a.username).await.unwrap().unwrap();
        assert_eq!((found, hash.as_str()), (a.clone(), "$hash"));
        let fp = db
            .accounts()
            .add(&new("fp.agadez", Role::RegionalFocalPoint, None, Some("Agadez")), "$h", &cli(), now)
            .await
            .unwrap();
        let names: Vec<String> = db.accounts().list().await.unwrap().iter().map(|a| a.username.to_string()).collect();
        assert_eq!(names, ["fp.agadez", "oim.niger"]);
        assert_eq!(fp.region.as_deref(), Some("Agadez"));

        let history = db.audit().history(RecordKind::Account, a.id.get()).await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!((history[0].action.as_str(), history[0].actor.as_str()), ("create", "cli:test"));
        assert_eq!(history[0].after.as_ref().unwrap()["role"], "partner_editor");
        assert!(!history[0].after.as_ref().unwrap().to_string().contains("$hash"), "no hash in the log");
    }

    async fn sessions_end_on_expiry_sign_out_and_password_change(db: Store) {
        let now = Utc::now();
        let a = db
            .accounts()
            .add(&new("moussa", Role::Secretariat, None, None), "$h1", &cli(), now)
            .await
            .unwrap();
        let sessions = db.sessions();
        sessions.open("t1", a.id, "c1", now, now + Duration::hours(1)).await.unwrap();
        sessions.open("t2", a.id, "c2", now, now + Duration::hours(1)).await.unwrap();
        let open = sessions.find("t1", now).await.unwrap().unwrap();
        assert_eq!((open.account.id, open.csrf_token.as_str()), (a.id, "c1"));
        // Expired at its end.
        assert!(sessions.find("t1", now + Duration::hours(2)).await.unwrap().is_none());
        sessions.extend("t1", now + Duration::hours(3)).await.unwrap();
        assert!(sessions.find("t1", now + Duration::hours(2)).await.unwrap().is_some());
        // Signed out.
        sessions.revoke("t1").await.unwrap();
        assert!(sessions.find("t1", now).await.unwrap().is_none());
        assert!(sessions.find("t2", now).await.unwrap().is_some());
        // A new password ends every session.
        db.accounts().set_password(a.id, "$h2", &cli(), now).await.unwrap();
        assert!(sessions.find("t2", now).await.unwrap().is_none());
        assert_eq!(db.accounts().credentials(&a.username).await.unwrap().unwrap().1, "$h2");
        assert!(matches!(
            db.accounts().set_password(AccountId::new(999_999), "$h", &cli(), now).await,
            Err(StorageError::NotFound)
        ));
        sessions.open("t3", a.id, "c3", now, now + Duration::minutes(1)).await.unwrap();
        assert_eq!(sessions.purge_expired(now + Duration::minutes(2)).await.unwrap(), 1);
    }

    async fn disabling_is_versioned_reversible_and_spares_the_last_administrator(db: Store) {
        let now = Utc::now();
        let admin = db.accounts().add(&new("admin", Role::Administrator, None, None), "$h", &cli(), now).await.unwrap();
        let reader = db.accounts().add(&new("lecteur", Role::InternalReader, None, None), "$h", &cli(), now).await.unwrap();
        assert!(matches!(
            db.accounts().set_disabled(admin.id, true, admin.version, &cli(), now).await,
            Err(StorageError::Refused(_))
        ));
        db.sessions().open("r1", reader.id, "c", now, now + Duration::hours(1)).await.unwrap();
        let disabled = db.accounts().set_disabled(reader.id, true, reader.version, &cli(), now).await.unwrap();
        assert!(disabled.disabled);
        assert!(db.sessions().find("r1", now).await.unwrap().is_none(), "sessions end");
        // The form was read before the change: refused, nothing written.
        assert!(matches!(
            db.accounts().set_disabled(reader.id, false, reader.version, &cli(), now).await,
            Err(StorageError::Stale { current_version: 2 })
        ));
        let enabled = db.accounts().set_disabled(reader.id, false, disabled.version, &cli(), now).await.unwrap();
        assert!(!enabled.disabled);
        let actions: Vec<String> = db.audit().history(RecordKind::Account, reader.id.get()).await.unwrap()
            .into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["create", "disable", "enable"]);
        // A role change ends sessions opened under the old role.
        db.sessions().open("r2", reader.id, "c", now, now + Duration::hours(1)).await.unwrap();
        let scope = new("lecteur", Role::Secretariat, None, None);
        let changed = db.accounts().set_role(reader.id, &scope, enabled.version, &cli(), now).await.unwrap();
        assert_eq!(changed.role, Role::Secretariat);
        assert!(db.sessions().find("r2", now).await.unwrap().is_none());
    }

    async fn failed_sign_ins_are_counted_per_name_and_address(db: Store) {
        let now = Utc::now();
        let f = db.login_failures();
        for _ in 0..3 {
            f.record("moussa", "10.0.0.1", now - Duration::minutes(1)).await.unwrap();
        }
        f.record("aicha", "10.0.0.1", now - Duration::minutes(1)).await.unwrap();
        f.record("moussa", "10.0.0.2", now - Duration::hours(2)).await.unwrap();
        let recent = f.since("moussa", "10.0.0.1", now - Duration::minutes(15)).await.unwrap();
        assert_eq!((recent.by_username, recent.by_address), (3, 4));
        f.clear("moussa").await.unwrap();
        let recent = f.since("moussa", "10.0.0.1", now - Duration::minutes(15)).await.unwrap();
        assert_eq!((recent.by_username, recent.by_address), (0, 1));
        assert_eq!(f.purge(now).await.unwrap(), 1);
    }
}
