//! Accounts over HTTP: signing in and out, sessions that expire and are revoked, CSRF,
//! throttling, the role × action matrix of every write endpoint, lost updates, and free text
//! coming back escaped.

use super::*;
use cadre_domain::account::{NewAccount, Role, Username};
use cadre_domain::{AccountId, ActionPointId, Actor, OrganisationId};
use cadre_testkit::server::Browser;

pub(crate) const PASSWORD: &str = "sable du ténéré";

/// One Argon2 hash of [`PASSWORD`] for every test account (hashing is slow on purpose).
static HASH: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

async fn organisation(db: &Store, acronym: &str) -> OrganisationId {
    db.organisations()
        .list(cadre_domain::Audience::Internal)
        .await
        .unwrap()
        .into_iter()
        .find(|o| {
            o.organisation.acronym.as_deref() == Some(acronym) || o.organisation.name == acronym
        })
        .unwrap_or_else(|| panic!("no organisation {acronym}"))
        .organisation
        .id
}

pub(crate) async fn add(
    db: &Store,
    name: &str,
    role: Role,
    org: Option<&str>,
    region: Option<&str>,
) -> AccountId {
    let org = match org {
        Some(o) => Some(organisation(db, o).await),
        None => None,
    };
    let hash = HASH
        .get_or_init(|| async {
            cadre_services::sign_in::hash_password(PASSWORD)
                .await
                .unwrap()
        })
        .await;
    let new = NewAccount::new(Username::parse(name).unwrap(), role, org, region).unwrap();
    db.accounts()
        .add(&new, hash, &Actor::command_line("test"), chrono::Utc::now())
        .await
        .unwrap()
        .id
}

/// The Tahoua fixture with one account per role, and the server over a state whose sessions
/// last `lifetime`.
struct Site {
    server: TestServer,
    db: Store,
    /// "Partager la fiche d'orientation": OIM and SP/CCM, GTM Tahoua.
    point: ActionPointId,
    /// The Tahoua meeting, whose attendance and original name a person with her contacts.
    meeting: MeetingId,
}

async fn site_with(db: Store, lifetime: chrono::Duration) -> Site {
    let tahoua = import_published(&db, &tahoua()).await;
    let point = db.meetings().get(tahoua).await.unwrap().unwrap().agenda[1].action_points[0].id;
    add(&db, "admin", Role::Administrator, None, None).await;
    add(&db, "sp", Role::Secretariat, None, None).await;
    add(
        &db,
        "fp.tahoua",
        Role::RegionalFocalPoint,
        None,
        Some("Tahoua"),
    )
    .await;
    add(
        &db,
        "fp.zinder",
        Role::RegionalFocalPoint,
        None,
        Some("Zinder"),
    )
    .await;
    add(&db, "oim", Role::PartnerEditor, Some("OIM"), None).await;
    add(&db, "hcr", Role::PartnerEditor, Some("HCR"), None).await;
    add(&db, "lecteur", Role::InternalReader, None, None).await;
    let mut state = cadre_web::AppState::new(db.clone(), cadre_web::Search::in_memory().unwrap());
    state.sessions.lifetime = lifetime;
    let server = serve(cadre_web::router_for(state), ServerLimits::default()).await;
    Site {
        server,
        db,
        point,
        meeting: tahoua,
    }
}

async fn site(db: Store) -> Site {
    site_with(db, chrono::Duration::hours(8)).await
}

async fn signed_in(site: &Site, name: &str) -> Browser {
    let mut b = Browser::new(&site.server);
    b.sign_in(name, PASSWORD).await;
    b
}

async fn report_as(
    b: &mut Browser,
    point: ActionPointId,
    status: &str,
    comment: &str,
) -> TestResponse {
    let path = format!("/actions/{point}");
    let page = b.get(&path).await;
    let version = page.hidden_field("version").unwrap_or_else(|| "1".into());
    let csrf = page.hidden_field("csrf").unwrap_or_default();
    b.post(
        &format!("{path}/reports"),
        &[
            ("csrf", &csrf),
            ("version", &version),
            ("status", status),
            ("comment", comment),
        ],
    )
    .await
}

both_engines! {
    async fn signing_in_opens_a_private_session_and_signing_out_ends_it(db: Store) {
        let site = site(db).await;
        let mut b = Browser::new(&site.server);
        let form = b.get("/login").await;
        assert_eq!(form.status, 200);
        assert_eq!(form.header("cache-control"), Some("no-store"));
        let login_cookie = form.set_cookies().join(" | ");
        assert!(login_cookie.contains("HttpOnly") && login_cookie.contains("SameSite=Strict"), "{login_cookie}");
        let r = b.submit("/login", "/login", &[("username", "SP"), ("password", PASSWORD), ("next", "/actions")]).await;
        assert_eq!((r.status, r.header("location")), (303, Some("/actions")), "{}", r.body);
        let cookie = r.set_cookies().into_iter().find(|c| c.starts_with("cadre_session=")).unwrap().to_owned();
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=28800"] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
        let home = b.get("/").await;
        assert!(home.body.contains("sp</a> <small>(secrétariat)</small>"), "{}", home.body);
        assert_eq!(home.header("cache-control"), Some("private, no-store"));
        assert_secure("/", &home);
        // The public's page of the same address is not the signed-in one.
        let public = site.server.get("/").await;
        assert!(public.body.contains("Se connecter") && !public.body.contains("Se déconnecter"));

        let token = b.cookie("cadre_session").unwrap().to_owned();
        let out = b.submit("/", "/logout", &[]).await;
        assert_eq!(out.status, 303);
        assert!(out.set_cookies().iter().any(|c| c.starts_with("cadre_session=;") && c.contains("Max-Age=0")));
        // The old token opens nothing any more (revoked server-side, not only forgotten).
        let cookie = format!("cadre_session={token}");
        let replay = site.server.request("GET", "/account", &[("Cookie", &cookie)]).await;
        assert_eq!((replay.status, replay.header("location")), (303, Some("/login")));

        // Behind an HTTPS proxy the cookie is Secure.
        let mut tls = Browser::new(&site.server);
        tls.headers.push(("X-Forwarded-Proto".into(), "https".into()));
        let r = tls.submit("/login", "/login", &[("username", "sp"), ("password", PASSWORD)]).await;
        assert!(r.set_cookies().iter().any(|c| c.starts_with("cadre_session=") && c.contains("; Secure")));
    }

    async fn wrong_passwords_are_refused_then_throttled(db: Store) {
        let site = site(db).await;
        let mut b = Browser::new(&site.server);
        for i in 0..5 {
            let form = b.get("/login").await;
            let sent = (b.cookies.clone(), form.hidden_field("csrf"), form.headers.clone());
            let r = b.post("/login", &[("username", "oim"), ("password", "mauvais mot de passe"), ("csrf", &form.hidden_field("csrf").unwrap())]).await;
            assert_eq!(r.status, 401, "attempt {i}: sent {sent:?}\n{}", r.body);
            assert!(r.body.contains("Nom d&#39;utilisateur ou mot de passe incorrect"), "{}", r.body);
            assert!(b.cookie("cadre_session").is_none());
        }
        // Even the right password is refused now, with a French message and Retry-After.
        let r = b.submit("/login", "/login", &[("username", "oim"), ("password", PASSWORD)]).await;
        assert_eq!(r.status, 429, "{}", r.body);
        assert!(r.body.contains("Trop de tentatives de connexion"), "{}", r.body);
        assert_eq!(r.header("retry-after"), Some("900"));
        assert!(b.cookie("cadre_session").is_none());
        // Another account is not locked by that one's failures…
        let mut other = Browser::new(&site.server);
        other.sign_in("hcr", PASSWORD).await;
        // …but one address trying many names is.
        let mut spray = Browser::new(&site.server);
        for i in 0..15 {
            let r = spray.submit("/login", "/login", &[("username", &format!("inconnu{i}")), ("password", "x")]).await;
            assert_eq!(r.status, 401);
        }
        let r = spray.submit("/login", "/login", &[("username", "sp"), ("password", PASSWORD)]).await;
        assert_eq!(r.status, 429, "20 failures from 127.0.0.1: {}", r.body);
    }

    async fn forms_without_the_session_token_are_refused(db: Store) {
        let site = site(db).await;
        // The sign-in form: the field must match the form's cookie.
        let mut b = Browser::new(&site.server);
        b.get("/login").await;
        let r = b.post("/login", &[("username", "sp"), ("password", PASSWORD), ("csrf", "0000")]).await;
        assert_eq!(r.status, 403, "{}", r.body);
        assert!(b.cookie("cadre_session").is_none());
        let r = site.server.post_form("/login", &[], &[("username", "sp"), ("password", PASSWORD), ("csrf", "")]).await;
        assert_eq!(r.status, 403);

        let mut sp = signed_in(&site, "sp").await;
        let path = format!("/actions/{}/reports", site.point);
        for csrf in ["", "0123456789abcdef0123456789abcdef"] {
            let r = sp.post(&path, &[("csrf", csrf), ("version", "1"), ("status", "done"), ("comment", "forgé")]).await;
            assert_eq!(r.status, 403, "{}", r.body);
            assert!(r.body.contains("Formulaire expiré"), "{}", r.body);
        }
        assert!(site.db.action_points().reports(site.point).await.unwrap().is_empty());
        let r = sp.post("/logout", &[("csrf", "")]).await;
        assert_eq!(r.status, 403);
        assert_eq!(sp.get("/account").await.status, 200, "still signed in");
        // Another session's token does not do either.
        let mut other = signed_in(&site, "admin").await;
        let other_page = other.get("/account").await;
        let foreign = other_page.hidden_field("csrf").unwrap();
        let r = sp.post(&path, &[("csrf", &foreign), ("version", "1"), ("status", "done"), ("comment", "x")]).await;
        assert_eq!(r.status, 403);
    }

    async fn sessions_expire_and_end_when_the_password_changes(db: Store) {
        let site = site_with(db, chrono::Duration::seconds(2)).await;
        let mut b = signed_in(&site, "sp").await;
        assert_eq!(b.get("/account").await.status, 200);
        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        let r = b.get("/account").await;
        assert_eq!((r.status, r.header("location")), (303, Some("/login")), "expired");
        let r = report_as(&mut b, site.point, "done", "trop tard").await;
        assert_eq!(r.status, 303);
        assert!(site.db.action_points().reports(site.point).await.unwrap().is_empty());

        let mut phone = signed_in(&site, "oim").await;
        let mut laptop = signed_in(&site, "oim").await;
        let r = laptop
            .submit("/account", "/account/password", &[("current", PASSWORD), ("new", "harmattan de janvier")])
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert_eq!(phone.get("/account").await.status, 303, "the other device is signed out");
        let r = phone.submit("/login", "/login", &[("username", "oim"), ("password", PASSWORD)]).await;
        assert_eq!(r.status, 401, "the old password no longer works");
        phone.sign_in("oim", "harmattan de janvier").await;
    }

    async fn each_role_may_do_what_it_should_and_nothing_more(db: Store) {
        let site = site(db).await;
        // (account, may report on the Tahoua point, may manage accounts)
        let matrix = [
            ("admin", true, true),
            ("sp", true, false),
            ("fp.tahoua", true, false),
            ("fp.zinder", false, false),
            ("oim", true, false),
            ("hcr", false, false),
            ("lecteur", false, false),
        ];
        for (name, may_report, may_admin) in matrix {
            let mut b = signed_in(&site, name).await;
            // "My action points" narrows to what the account answers for.
            let mine = b.get("/actions/mine").await;
            let expected = match name {
                "oim" => format!("/actions?organisation={}", organisation(&site.db, "OIM").await),
                "hcr" => format!("/actions?organisation={}", organisation(&site.db, "HCR").await),
                "fp.tahoua" => "/actions?region=Tahoua".to_owned(),
                "fp.zinder" => "/actions?region=Zinder".to_owned(),
                _ => "/actions?due=overdue".to_owned(),
            };
            assert_eq!((mine.status, mine.header("location")), (303, Some(expected.as_str())), "{name}");
            let page = b.get(&format!("/actions/{}", site.point)).await;
            assert_eq!(page.body.contains("/reports\""), may_report, "{name}: the form is offered only to those who may use it");
            let before = site.db.action_points().reports(site.point).await.unwrap().len();
            let r = report_as(&mut b, site.point, "in_progress", &format!("compte rendu de {name}")).await;
            let after = site.db.action_points().reports(site.point).await.unwrap().len();
            if may_report {
                assert_eq!(r.status, 303, "{name}: {}", r.body);
                assert_eq!(after, before + 1, "{name}");
            } else {
                assert_eq!(r.status, 403, "{name}: {}", r.body);
                assert!(r.body.contains("Action non autorisée"), "{name}");
                assert_eq!(after, before, "{name}");
            }
            // Withdrawing and restoring a report: the secretariat only.
            let first = site.db.action_points().reports(site.point).await.unwrap()[0].id;
            let version = site.db.action_points().get(site.point).await.unwrap().unwrap().version.to_string();
            let csrf = b.get("/account").await.hidden_field("csrf").unwrap();
            for action in ["withdraw", "restore"] {
                let r = b.post(&format!("/actions/{}/reports/{first}/{action}", site.point), &[("csrf", &csrf), ("version", &version)]).await;
                let secretariat = matches!(name, "admin" | "sp");
                assert_eq!(r.status, if secretariat { 303 } else { 403 }, "{name} {action}: {}", r.body);
                if secretariat {
                    let v: i64 = version.parse().unwrap();
                    // Restoring uses the version after the withdrawal.
                    let version_now = site.db.action_points().get(site.point).await.unwrap().unwrap().version;
                    assert_eq!(version_now, v + if action == "withdraw" { 1 } else { 2 });
                    if action == "withdraw" {
                        let r = b.post(&format!("/actions/{}/reports/{first}/restore", site.point), &[("csrf", &csrf), ("version", &version_now.to_string())]).await;
                        assert_eq!(r.status, 303);
                        break;
                    }
                }
            }
            // Organisations: the secretariat (and administrators) keep them clean.
            let hcr = organisation(&site.db, "HCR").await;
            let org = site.db.organisations().get(hcr).await.unwrap().unwrap();
            let r = b.post(&format!("/organisations/{hcr}"), &[("csrf", &csrf), ("version", &org.version.to_string()), ("action", "rename"), ("name", &format!("HCR renommé par {name}")), ("acronym", "HCR")]).await;
            let renamed = site.db.organisations().get(hcr).await.unwrap().unwrap();
            let secretariat = matches!(name, "admin" | "sp");
            assert_eq!(r.status, if secretariat { 303 } else { 403 }, "{name}: {}", r.body);
            assert_eq!(renamed.version, org.version + u8::from(secretariat) as i64, "{name}");
            let form = b.get(&format!("/organisations/{hcr}")).await;
            assert_eq!(form.body.contains("Fusionner dans cette organisation"), secretariat, "{name}");
            // OIM's focal points: the secretariat and OIM's own editors.
            let oim = organisation(&site.db, "OIM").await;
            let before = site.db.organisations().focal_points(oim).await.unwrap().len();
            let r = b.post(&format!("/organisations/{oim}/focal-points"), &[("csrf", &csrf), ("name", &format!("Point focal ajouté par {name}"))]).await;
            let keeps = matches!(name, "admin" | "sp" | "oim");
            assert_eq!(r.status, if keeps { 303 } else { 403 }, "{name}: {}", r.body);
            let after = site.db.organisations().focal_points(oim).await.unwrap();
            assert_eq!(after.len(), before + usize::from(keeps), "{name}");
            if let Some(fp) = after.first() {
                let r = b.post(&format!("/organisations/{oim}/focal-points/{}/remove", fp.id), &[("csrf", &csrf), ("version", &fp.version.to_string())]).await;
                assert_eq!(r.status, if keeps { 303 } else { 403 }, "{name}: {}", r.body);
                if keeps {
                    let r = b.post(&format!("/organisations/{oim}/focal-points/{}/restore", fp.id), &[("csrf", &csrf), ("version", &(fp.version + 1).to_string())]).await;
                    assert_eq!(r.status, 303, "{name}");
                }
            }
            // Minutes' lifecycle: the secretariat (and administrators) withdraw and publish.
            let r = b.post("/meetings/lifecycle", &[("csrf", &csrf), ("meeting", &site.meeting.to_string()), ("action", "withdraw")]).await;
            let status = site.db.meetings().get(site.meeting).await.unwrap().unwrap().status;
            assert_eq!(r.status, if secretariat { 303 } else { 403 }, "{name}: {}", r.body);
            assert_eq!(status.is_public(), !secretariat, "{name}");
            if secretariat {
                let r = b.post("/meetings/lifecycle", &[("csrf", &csrf), ("meeting", &site.meeting.to_string()), ("action", "publish")]).await;
                assert_eq!((r.status, r.header("location")), (303, Some(format!("/meetings/{}", site.meeting).as_str())));
                assert!(site.db.meetings().get(site.meeting).await.unwrap().unwrap().status.is_public());
            }
                        // Account management: administrators only.
            let r = b.get("/admin/accounts").await;
            assert_eq!(r.status, if may_admin { 200 } else { 403 }, "{name}");
            let new_name = format!("nouveau.{}", name.replace('.', "-"));
            let r = b.post("/admin/accounts", &[("csrf", &csrf), ("username", &new_name), ("role", "internal_reader"), ("password", "une phrase assez longue")]).await;
            let created = site.db.accounts().by_username(&Username::parse(&new_name).unwrap()).await.unwrap();
            assert_eq!((r.status, created.is_some()), (if may_admin { 303 } else { 403 }, may_admin), "{name}: {}", r.body);
            let lecteur = site.db.accounts().by_username(&Username::parse("lecteur").unwrap()).await.unwrap().unwrap();
            let r = b.post(&format!("/admin/accounts/{}", lecteur.id), &[("csrf", &csrf), ("version", &lecteur.version.to_string()), ("action", "disable")]).await;
            let now = site.db.accounts().get(lecteur.id).await.unwrap().unwrap();
            assert_eq!((r.status, now.disabled), (if may_admin { 303 } else { 403 }, may_admin), "{name}: {}", r.body);
            if may_admin {
                let r = b.post(&format!("/admin/accounts/{}", lecteur.id), &[("csrf", &csrf), ("version", &now.version.to_string()), ("action", "enable")]).await;
                assert_eq!(r.status, 303);
            }
            // Everyone signed in may change their own password (here: wrong current one).
            let r = b.post("/account/password", &[("csrf", &csrf), ("current", "pas le bon"), ("new", "une autre phrase longue")]).await;
            assert_eq!(r.status, 422, "{name}");
            let r = b.post("/logout", &[("csrf", &csrf)]).await;
            assert_eq!(r.status, 303, "{name}");
        }
        // The public: every write sends to the sign-in form and changes nothing.
        let before = site.db.action_points().reports(site.point).await.unwrap().len();
        for path in [
            format!("/actions/{}/reports", site.point),
            format!("/actions/{}/reports/1/withdraw", site.point),
            "/organisations/1".to_owned(),
            "/organisations/1/focal-points".to_owned(),
            "/organisations/1/focal-points/1/remove".to_owned(),
            "/meetings/lifecycle".to_owned(),
            "/meetings/new".to_owned(),
            "/admin/accounts".to_owned(),
            "/admin/accounts/1".to_owned(),
            "/account/password".to_owned(),
            "/logout".to_owned(),
        ] {
            let r = site.server.post_form(&path, &[], &[("csrf", ""), ("version", "1"), ("status", "done"), ("comment", "x"), ("action", "disable")]).await;
            assert_eq!((r.status, r.header("location")), (303, Some("/login")), "POST {path}: {}", r.body);
        }
        assert_eq!(site.db.action_points().reports(site.point).await.unwrap().len(), before);
        assert_eq!(site.server.get("/admin/accounts").await.status, 303);
        // Every change above is on record, with who made it.
        let audit = site.db.audit().history(cadre_storage::RecordKind::ActionPoint, site.point.get()).await.unwrap();
        let actors: std::collections::BTreeSet<&str> = audit.iter().map(|e| e.actor.as_str()).collect();
        assert_eq!(actors, ["admin", "fp.tahoua", "oim", "sp"].into_iter().collect());
    }

    async fn the_second_of_two_concurrent_saves_is_refused_and_shown_what_changed(db: Store) {
        let site = site(db).await;
        let mut sp = signed_in(&site, "sp").await;
        let mut oim = signed_in(&site, "oim").await;
        let path = format!("/actions/{}", site.point);
        let (a, b) = (sp.get(&path).await, oim.get(&path).await);
        let (va, vb) = (a.hidden_field("version").unwrap(), b.hidden_field("version").unwrap());
        assert_eq!(va, vb);
        let r = sp.post(&format!("{path}/reports"), &[("csrf", &a.hidden_field("csrf").unwrap()), ("version", &va), ("status", "done"), ("comment", "Fiche partagée le 3 mars")]).await;
        assert_eq!(r.status, 303);
        let r = oim.post(&format!("{path}/reports"), &[("csrf", &b.hidden_field("csrf").unwrap()), ("version", &vb), ("status", "in_progress"), ("comment", "Traduction en haoussa en cours")]).await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains("Modifié entre-temps"), "{}", r.body);
        assert!(r.body.contains("Fiche partagée le 3 mars"), "what changed is shown");
        assert!(r.body.contains(">Traduction en haoussa en cours</textarea>"), "the text is kept: {}", r.body);
        let next_version = r.hidden_field("version").unwrap();
        assert_ne!(next_version, vb);
        let reports = site.db.action_points().reports(site.point).await.unwrap();
        assert_eq!(reports.len(), 1, "nothing overwritten");
        assert_eq!(site.db.action_points().get(site.point).await.unwrap().unwrap().point.status, ActionStatus::Done);
        // Saved again on the new version, it is accepted: both are in the history.
        let r = oim.post(&format!("{path}/reports"), &[("csrf", &b.hidden_field("csrf").unwrap()), ("version", &next_version), ("status", "in_progress"), ("comment", "Traduction en haoussa en cours")]).await;
        assert_eq!(r.status, 303);
        assert_eq!(site.db.action_points().reports(site.point).await.unwrap().len(), 2);
    }

    async fn free_text_comes_back_escaped(db: Store) {
        let site = site(db).await;
        let attack = "<script>alert('x')</script><img src=x onerror=alert(1)>\"'&";
        let mut sp = signed_in(&site, "sp").await;
        let r = report_as(&mut sp, site.point, "in_progress", attack).await;
        assert_eq!(r.status, 303);
        for body in [sp.get(&format!("/actions/{}", site.point)).await.body, site.server.get(&format!("/actions/{}", site.point)).await.body] {
            assert!(!body.contains("<script>alert") && !body.contains("<img src=x"), "{body}");
            assert!(body.contains("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;"), "{body}");
        }
        // The name typed on the sign-in form is echoed escaped.
        let mut b = Browser::new(&site.server);
        let r = b.submit("/login", "/login", &[("username", "\"><script>x</script>"), ("password", "x")]).await;
        assert_eq!(r.status, 401);
        assert!(!r.body.contains("<script>x"), "{}", r.body);
        // An administrator's form echoes a refused name escaped too.
        let mut admin = signed_in(&site, "admin").await;
        let r = admin.submit("/admin/accounts", "/admin/accounts", &[("username", "<b>x</b>"), ("role", "secretariat"), ("password", "une phrase assez longue")]).await;
        assert_eq!(r.status, 422);
        assert!(!r.body.contains("<b>x</b>"), "{}", r.body);
        // An organisation renamed with markup shows it as text, on its page and in the lists.
        let oim = organisation(&site.db, "OIM").await;
        let path = format!("/organisations/{oim}");
        let version = sp.get(&path).await.hidden_field("version").unwrap();
        let r = sp.submit(&path, &path, &[("version", &version), ("action", "rename"), ("name", attack), ("acronym", "<i>OIM</i>")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        for page in [path.as_str(), "/organisations", "/actions", &format!("/meetings/{}", site.meeting)] {
            let body = site.server.get(page).await.body;
            assert!(!body.contains("<script>alert") && !body.contains("<i>OIM</i>") && !body.contains("<img src=x"), "{page}: {body}");
        }
        // The public never sees who reported.
        let public = site.server.get(&format!("/actions/{}", site.point)).await.body;
        assert!(!public.contains("par sp"), "{public}");
        assert!(sp.get(&format!("/actions/{}", site.point)).await.body.contains("par sp"));
    }

    async fn the_secretariat_merges_duplicates_over_the_web_and_can_undo_it(db: Store) {
        let site = site(db).await;
        let mut sp = signed_in(&site, "sp").await;
        let oim = organisation(&site.db, "OIM").await;
        let hcr = organisation(&site.db, "HCR").await;
        let path = format!("/organisations/{hcr}");
        let form = sp.get(&path).await;
        let version = form.hidden_field("version").unwrap();
        let r = sp.submit(&path, &path, &[("version", &version), ("action", "merge"), ("other", &oim.to_string())]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let page = sp.get(&path).await;
        assert!(page.body.contains("Fusionnée dans") && page.body.contains("Annuler la fusion"), "{}", page.body);
        assert!(page.body.contains("fusionnée") && page.body.contains("par sp"));
        // A second secretariat tab still showing the old version is refused, nothing changed.
        let r = sp.submit(&path, &path, &[("version", &version), ("action", "rename"), ("name", "Autre nom")]).await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains("modifiée entre-temps"));
        let list = site.server.get("/organisations").await.body;
        assert!(!list.contains(&format!("/organisations/{hcr}\"")), "merged entries leave the list");
        let version = sp.get(&path).await.hidden_field("version").unwrap();
        let r = sp.submit(&path, &path, &[("version", &version), ("action", "unmerge")]).await;
        assert_eq!(r.status, 303, "{}", r.body);
        assert!(site.server.get("/organisations").await.body.contains(&format!("/organisations/{hcr}\"")));
        // The public sees the history without names, and no form.
        let public = site.server.get(&path).await.body;
        assert!(public.contains("fusion annulée") && !public.contains("par sp") && !public.contains("<form class=\"stacked\""), "{public}");
    }

    async fn contacts_and_originals_reach_the_secretariat_only(db: Store) {
        let site = site(db).await;
        let page = format!("/meetings/{}", site.meeting);
        let original = format!("/meetings/{}/original", site.meeting);
        for (name, sees) in [("admin", true), ("sp", true), ("fp.tahoua", false), ("oim", false), ("lecteur", false)] {
            let mut b = signed_in(&site, name).await;
            let r = b.get(&page).await;
            assert_eq!(r.status, 200);
            assert_eq!(r.header("cache-control"), Some("private, no-store"), "{name}");
            for secret in [PHONE, EMAIL, DRIVER_PHONE] {
                assert_eq!(r.body.contains(secret), sees, "{name}: {secret}");
            }
            assert_eq!(r.body.contains("Coordonnées des participants"), sees, "{name}");
            assert!(r.body.contains("importé par cli:test"), "{name}: the meeting's history");
            let r = b.get(&original).await;
            if sees {
                assert_eq!(r.status, 200, "{name}");
                assert!(r.body.contains(PHONE), "the original, as imported");
                assert_eq!(r.header("cache-control"), Some("private, no-store"));
            } else {
                assert_eq!(r.status, 403, "{name}: {}", r.body);
                assert!(!r.body.contains(PHONE));
            }
        }
        // The public: neither on the page, nor the original, nor the API.
        let r = site.server.get(&page).await;
        assert!(!r.body.contains(PHONE) && !r.body.contains(EMAIL) && !r.body.contains(PHONE_DIGITS));
        assert!(!r.body.contains("cli:test"), "the public sees no history");
        assert_eq!(site.server.get(&original).await.status, 403);
        let api = site.server.get(&format!("/api/v1/meetings/{}", site.meeting)).await.body;
        assert!(!api.contains(PHONE_DIGITS) && !api.contains(EMAIL));
    }

    async fn partners_keep_their_own_focal_points(db: Store) {
        let site = site(db).await;
        let oim = organisation(&site.db, "OIM").await;
        let path = format!("/organisations/{oim}");
        let mut editor = signed_in(&site, "oim").await;
        let r = editor
            .submit(&path, &format!("{path}/focal-points"), &[("name", "Mariama Issoufou"), ("function", "Chargée de protection"), ("phone", PHONE), ("email", EMAIL)])
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
        let mine = editor.get(&path).await.body;
        assert!(mine.contains("Mariama Issoufou") && mine.contains(PHONE) && mine.contains(EMAIL), "{mine}");
        // Another partner may neither see nor add them.
        let mut other = signed_in(&site, "hcr").await;
        let page = other.get(&path).await;
        assert!(!page.body.contains("Mariama Issoufou") && !page.body.contains(PHONE));
        let csrf = other.get("/account").await.hidden_field("csrf").unwrap();
        let r = other.post(&format!("{path}/focal-points"), &[("csrf", &csrf), ("name", "Intrus")]).await;
        assert_eq!(r.status, 403);
        // The secretariat sees them; an internal reader and the public do not.
        assert!(signed_in(&site, "sp").await.get(&path).await.body.contains(PHONE));
        assert!(!signed_in(&site, "lecteur").await.get(&path).await.body.contains("Mariama Issoufou"));
        let public = site.server.get(&path).await.body;
        assert!(!public.contains("Mariama Issoufou") && !public.contains(PHONE_DIGITS));
        // Removed, kept, restored; both on record.
        let fp = site.db.organisations().focal_points(oim).await.unwrap()[0].clone();
        let r = editor.submit(&path, &format!("{path}/focal-points/{}/remove", fp.id), &[("version", &fp.version.to_string())]).await;
        assert_eq!(r.status, 303);
        assert!(site.db.organisations().focal_points(oim).await.unwrap()[0].removed);
        let r = editor.submit(&path, &format!("{path}/focal-points/{}/restore", fp.id), &[("version", &(fp.version + 1).to_string())]).await;
        assert_eq!(r.status, 303);
        let actions: Vec<String> = site.db.audit().history(cadre_storage::RecordKind::FocalPoint, fp.id).await.unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["create", "remove", "restore"]);
    }
}
