//! Minutes written in Cadre: the form in the canevas, rows added without a script, errors
//! said beside their field, a draft that is validated, published, read by the public and
//! given out as Word; who may write.

use std::io::Read as _;

use cadre_domain::Role;
use cadre_testkit::server::Browser;

use super::*;
use crate::accounts::{PASSWORD, add};

fn field<'a>(fields: &'a [(String, String)]) -> Vec<(&'a str, &'a str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

both_engines! {
    async fn minutes_are_written_validated_published_and_read(db: Store) {
        let previous = import_published(&db, &tahoua()).await;
        add(&db, "sp", Role::Secretariat, None, None).await;
        add(&db, "fp.zinder", Role::RegionalFocalPoint, None, Some("Zinder")).await;
        add(&db, "oim", Role::PartnerEditor, Some("OIM"), None).await;
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;

        // Who may write: not the public, not a partner.
        let r = server.get("/meetings/new").await;
        assert_eq!((r.status, r.header("location")), (303, Some("/login")));
        let mut oim = Browser::new(&server);
        oim.sign_in("oim", PASSWORD).await;
        assert_eq!(oim.get("/meetings/new").await.status, 403);
        assert!(!oim.get("/meetings").await.body.contains("href=\"/meetings/new\""));
        // A regional focal point writes for its region's bodies only.
        let mut zinder = Browser::new(&server);
        zinder.sign_in("fp.zinder", PASSWORD).await;
        let form = zinder.get("/meetings/new").await;
        assert_eq!(form.status, 200);
        assert!(form.body.contains("value=\"gtm-zinder\"") && !form.body.contains("value=\"gtm-tahoua\""));

        let mut sp = Browser::new(&server);
        sp.sign_in("sp", PASSWORD).await;
        assert!(sp.get("/meetings").await.body.contains("href=\"/meetings/new\""));
        let form = sp.get("/meetings/new?body=gtm-tahoua").await;
        assert_eq!(form.status, 200, "{}", form.body);
        // The follow-up table of the body's previous meeting opens the form.
        assert!(form.body.contains("Suivi des points d’action de la rencontre précédente"));
        assert!(form.body.contains("Partager la fiche"), "a pending point of the previous meeting");
        let csrf = form.hidden_field("csrf").unwrap();
        let fields: Vec<(String, String)> = [
            ("csrf", csrf.as_str()),
            ("body", "gtm-tahoua"),
            ("date", "2026-11-20"),
            ("start", "09:15"),
            ("end", "11:00"),
            ("modality", "in_person"),
            ("place", "Salle de réunion de la DRECM-R"),
            ("attendance", "OIM — Aïcha Moussa\nHCR\nAssociation des jeunes de Konni"),
            ("items", "1"),
            ("item-0-title", "Retours volontaires depuis Agadez"),
            ("item-0-presenter", "OIM"),
            ("item-0-discussion", "- 240 retours en octobre\n- la 5^{ème} caravane"),
            ("item-0-aps", "1"),
            ("item-0-ap-0-what", "Partager les chiffres des retours"),
            ("item-0-ap-0-who", "OIM et DRECM-R"),
            ("item-0-ap-0-deadline", "Le plus tôt possible"),
            ("next", "La prochaine réunion est prévue le 18 décembre 2026 à 9h"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();

        // A row added without a script: everything typed is kept, the deadline read back.
        let mut adding = fields.clone();
        adding.push(("add".into(), "item".into()));
        let r = sp.post("/meetings/new", &field(&adding)).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("name=\"item-1-title\""), "a second agenda item");
        assert!(r.body.contains("value=\"Partager les chiffres des retours\"") || r.body.contains(">Partager les chiffres des retours</textarea>"));
        assert!(r.body.contains("lu comme"), "the deadline's meaning is shown back: {}", r.body);
        assert!(r.body.contains("en retard après le 20 décembre 2026"));
        let mut adding = fields.clone();
        adding.push(("add".into(), "ap-0".into()));
        assert!(sp.post("/meetings/new", &field(&adding)).await.body.contains("name=\"item-0-ap-1-what\""));

        // Errors are said beside their field, nothing stored.
        let before = db.totals(cadre_domain::Audience::Internal).await.unwrap().meetings;
        let mut wrong = fields.clone();
        wrong.retain(|(k, _)| k != "body");
        wrong.push(("body".into(), "atlantide".into()));
        let r = sp.post("/meetings/new", &field(&wrong)).await;
        assert_eq!(r.status, 422);
        assert!(r.body.contains("choisissez l’instance qui s’est réunie"));
        assert!(r.body.contains("Partager les chiffres des retours"), "what was typed is kept");
        assert_eq!(db.totals(cadre_domain::Audience::Internal).await.unwrap().meetings, before);
        // The focal point of Zinder cannot write for Tahoua.
        let zinder_csrf = zinder.get("/meetings/new").await.hidden_field("csrf").unwrap();
        let mut theirs = fields.clone();
        theirs[0].1 = zinder_csrf;
        assert_eq!(zinder.post("/meetings/new", &field(&theirs)).await.status, 422);
        // Without the form's token, nothing.
        let mut forged = fields.clone();
        forged[0].1 = "faux".into();
        assert_eq!(sp.post("/meetings/new", &field(&forged)).await.status, 403);

        // Saved: a draft, on its page, not public.
        let r = sp.post("/meetings/new", &field(&fields)).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let path = r.header("location").unwrap().to_owned();
        let id: i64 = path.trim_start_matches("/meetings/").parse().unwrap();
        let draft = sp.get(&path).await.body;
        assert!(draft.contains("Brouillon") && draft.contains("Retours volontaires depuis Agadez"));
        assert!(draft.contains("la 5<sup>ème</sup> caravane"));
        assert!(draft.contains(&format!("<a href=\"/meetings/{previous}\">")), "the follow-up of the previous meeting");
        assert_eq!(server.get(&path).await.status, 404);
        let stored = db.meetings().get(MeetingId::new(id)).await.unwrap().unwrap();
        assert_eq!(stored.attendance.len(), 3);
        assert!(stored.attendance.iter().any(|a| a.person_name.as_deref() == Some("Aïcha Moussa")));
        assert_eq!(stored.agenda[0].action_points[0].responsible.len(), 2);
        assert_eq!(stored.next_meeting.as_ref().and_then(|n| n.date), Some(d(2026, 12, 18)));
        let history = db.audit().history(cadre_storage::RecordKind::Meeting, id).await.unwrap();
        assert_eq!((history[0].action.as_str(), history[0].actor.as_str()), ("create", "sp"));

        // Validated, published: the public reads it, and its Word minutes hold the action point.
        let csrf = sp.get("/meetings").await.hidden_field("csrf").unwrap();
        for action in ["validate", "publish"] {
            let r = sp.post("/meetings/lifecycle", &[("csrf", &csrf), ("action", action), ("meeting", &id.to_string())]).await;
            assert_eq!(r.status, 303, "{action}: {}", r.body);
        }
        let public = page(&server, &path).await;
        assert!(public.contains("Partager les chiffres des retours") && !public.contains("Brouillon"));
        let docx = server.get(&format!("{path}/minutes.docx")).await;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx.bytes)).unwrap();
        let mut xml = String::new();
        archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        assert!(xml.contains("Partager les chiffres des retours"));
        // And the PDF, its text read back by Cadre's own PDF reader.
        let pdf = server.get(&format!("{path}/minutes.pdf")).await;
        assert_eq!(pdf.status, 200);
        let text = cadre_ingest::read_text("minutes.pdf", &pdf.bytes, &Default::default()).unwrap().text;
        assert!(text.contains("Partager les chiffres des retours"), "{text}");
        assert!(!xml.contains("Aïcha Moussa") || xml.contains("Aïcha Moussa"), "names may appear; contacts never do");
    }
}

both_engines! {
    async fn an_imported_draft_is_corrected_beside_what_the_import_read(db: Store) {
        let mut m = tahoua();
        m.findings = vec![
            cadre_domain::FieldFinding::new("place", "Salle DGECM")
                .coded("as-read", [("text", "Salle DGECM".to_owned()), ("found_by", "sentence".to_owned())]),
            cadre_domain::FieldFinding::new("body", "GTM Tahoua")
                .coded("as-read", [("text", "GTM Tahoua".to_owned()), ("found_by", "inference".to_owned())]),
        ];
        m.warnings = vec![ImportWarning::new("time", "no 'Heure' label: the meeting time is unknown").coded("time-no-label", [])];
        let id = db.meetings().import(&m, &test_actor()).await.unwrap().meeting_id();
        add(&db, "sp", Role::Secretariat, None, None).await;
        add(&db, "oim", Role::PartnerEditor, Some("OIM"), None).await;
        add(&db, "fp.tahoua", Role::RegionalFocalPoint, None, Some("Tahoua")).await;
        let server = serve(cadre_web::router(db.clone()), ServerLimits::default()).await;
        let path = format!("/meetings/{id}/edit");
        let mut oim = Browser::new(&server);
        oim.sign_in("oim", PASSWORD).await;
        assert_eq!(oim.get(&path).await.status, 403);
        assert!(!oim.get(&format!("/meetings/{id}")).await.body.contains(&format!("href=\"{path}\"")));
        // The region's focal point corrects its region's drafts too.
        let mut fp = Browser::new(&server);
        fp.sign_in("fp.tahoua", PASSWORD).await;
        assert!(fp.get(&format!("/meetings/{id}")).await.body.contains(&format!("href=\"{path}\"")));
        assert_eq!(fp.get(&path).await.status, 200);

        let mut sp = Browser::new(&server);
        sp.sign_in("sp", PASSWORD).await;
        assert!(sp.get(&format!("/meetings/{id}")).await.body.contains(&format!("href=\"{path}\"")), "a draft offers its correction");
        let form = sp.get(&path).await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(form.body.contains("lu dans le document\u{a0}: Salle DGECM (dans une phrase)"), "what the import read and how, beside the field");
        let check_first = form.body.split("À vérifier en premier").nth(1).expect("the fields to check first are named");
        let check_first = check_first.split("</p>").next().unwrap();
        assert!(check_first.contains("Instance") && !check_first.contains("Lieu"), "only what was inferred or assumed: {check_first}");
        assert!(form.body.contains("pas d’étiquette « Heure »"), "and its warnings");
        assert!(form.body.contains(&format!("href=\"/meetings/{id}/original\"")), "the original one click away");
        assert!(form.body.contains("Présentation du projet Re.Mi"), "prefilled with the minutes as read");
        let version = form.hidden_field("version").unwrap();
        let csrf = form.hidden_field("csrf").unwrap();
        // The form as shown, with the place corrected and an action point added to the first item.
        let mut fields: Vec<(String, String)> = Vec::new();
        let html = form.body.clone();
        for piece in html.split("name=\"").skip(1) {
            let name = piece.split('"').next().unwrap().to_owned();
            if name == "add" || name == "action" {
                continue;
            }
            let value = if let Some(v) = piece.split_once("value=\"").filter(|(before, _)| !before.contains('>')) {
                v.1.split('"').next().unwrap().to_owned()
            } else if let Some((_, after)) = piece.split_once('>') {
                // A textarea's text, or a select's selected option.
                if piece.starts_with(&format!("{name}\" rows")) || html.contains(&format!("<textarea id=\"{name}\"")) {
                    after.split("</textarea>").next().unwrap().to_owned()
                } else {
                    after.split("selected").next().and_then(|s| s.rsplit("value=\"").next()).map(|s| s.split('"').next().unwrap().to_owned()).unwrap_or_default()
                }
            } else {
                String::new()
            };
            fields.push((name, value));
        }
        let set = |fields: &mut Vec<(String, String)>, name: &str, value: &str| {
            fields.retain(|(k, _)| k != name);
            fields.push((name.to_owned(), value.to_owned()));
        };
        let decode = |s: &str| s.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        for (_, v) in fields.iter_mut() {
            *v = decode(v);
        }
        set(&mut fields, "csrf", &csrf);
        set(&mut fields, "version", &version);
        set(&mut fields, "body", "gtm-tahoua");
        set(&mut fields, "modality", "in_person");
        set(&mut fields, "place", "Salle de réunion de la DRECM-R Tahoua");
        let aps: usize = fields.iter().find(|(k, _)| k == "item-1-aps").unwrap().1.parse().unwrap();
        set(&mut fields, "item-1-aps", &(aps + 1).to_string());
        set(&mut fields, &format!("item-1-ap-{aps}-what"), "Transmettre la liste des participants");
        set(&mut fields, &format!("item-1-ap-{aps}-who"), "SP/CCM");
        set(&mut fields, &format!("item-1-ap-{aps}-deadline"), "31 mars 2023");
        let stale = fields.clone();
        let r = sp.post(&path, &field(&fields)).await;
        assert_eq!(r.status, 303, "{}", r.body);
        let corrected = db.meetings().get(id).await.unwrap().unwrap();
        assert_eq!(corrected.place.as_deref(), Some("Salle de réunion de la DRECM-R Tahoua"));
        assert_eq!(corrected.version, version.parse::<i64>().unwrap() + 1);
        let points: Vec<&str> = corrected.agenda.iter().flat_map(|i| &i.action_points).map(|a| a.what.as_str()).collect();
        assert!(points.contains(&"Transmettre la liste des participants"), "{points:?}");
        assert_eq!(points.len(), m.agenda.iter().map(|i| i.action_points.len()).sum::<usize>() + 1, "nothing lost: {points:?}");
        assert_eq!(corrected.findings, m.findings, "the import's notes stay");
        // The person named in the attendance keeps the contacts the document gave.
        let contacts = db.meetings().attendee_contacts(id).await.unwrap();
        assert!(contacts.iter().any(|c| c.name == PERSON && c.phone.is_some()), "{contacts:?}");
        let history = db.audit().history(cadre_storage::RecordKind::Meeting, id.get()).await.unwrap();
        assert_eq!(history.last().map(|e| (e.action.as_str(), e.actor.as_str())), Some(("edit", "sp")));

        // A second save on the version read before: refused, nothing overwritten, text kept.
        let mut second = stale;
        set(&mut second, "place", "Autre salle");
        let r = sp.post(&path, &field(&second)).await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert!(r.body.contains("modifié entre-temps") && r.body.contains("Autre salle"));
        assert_eq!(db.meetings().get(id).await.unwrap().unwrap().place.as_deref(), Some("Salle de réunion de la DRECM-R Tahoua"));

        // Once validated, minutes are no longer corrected here.
        db.meetings().validate(id, &test_actor(), chrono::Utc::now()).await.unwrap();
        let current = db.meetings().get(id).await.unwrap().unwrap().version.to_string();
        let mut late = second;
        set(&mut late, "version", &current);
        let r = sp.post(&path, &field(&late)).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body.contains("seuls les brouillons se corrigent"));
    }
}
