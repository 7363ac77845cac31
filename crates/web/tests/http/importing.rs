//! Documents uploaded for import: a line per file (imported as a draft, already imported, or
//! what is wrong), a bad file never stopping the others; the secretariat only.

use std::sync::Arc;

use cadre_domain::{NewBody, NewMeeting, Role};
use cadre_testkit::server::Browser;

use super::*;
use crate::accounts::{PASSWORD, add};

/// Reads in the test's own process, as `cadre import` reads (without the child process).
struct InProcess;

impl cadre_web::meetings::DocumentReader for InProcess {
    fn read(
        &self,
        file_name: &str,
        bytes: &[u8],
        body: Option<&NewBody>,
    ) -> Result<NewMeeting, String> {
        let options = cadre_ingest::ReadOptions {
            body: body.cloned(),
            ..Default::default()
        };
        cadre_ingest::read_document(file_name, bytes, &options)
            .map(|read| read.meeting)
            .map_err(|e| e.to_string())
    }
}

/// A multipart/form-data body: text fields, then files.
fn multipart(boundary: &str, fields: &[(&str, &str)], files: &[(&str, &str)]) -> String {
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    for (file_name, content) in files {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n{content}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    body
}

both_engines! {
    async fn the_secretariat_uploads_documents_and_reads_a_line_per_file(db: Store) {
        add(&db, "sp", Role::Secretariat, None, None).await;
        add(&db, "lecteur", Role::InternalReader, None, None).await;
        let mut state = cadre_web::AppState::new(db.clone(), cadre_web::Search::in_memory().unwrap());
        state.documents = Some(Arc::new(InProcess));
        let server = serve(cadre_web::router_for(state), ServerLimits::default()).await;

        let mut reader = Browser::new(&server);
        reader.sign_in("lecteur", PASSWORD).await;
        assert_eq!(reader.get("/meetings/import").await.status, 403);

        let mut sp = Browser::new(&server);
        sp.sign_in("sp", PASSWORD).await;
        let form = sp.get("/meetings/import").await;
        assert_eq!(form.status, 200);
        assert!(form.body.contains("enctype=\"multipart/form-data\""));
        let csrf = form.hidden_field("csrf").unwrap();
        let seed = std::fs::read_to_string(cadre_testkit::seed("001")).unwrap();
        let boundary = "cadre-test-boundary";
        let send = |sp: &Browser, body: String| {
            let cookie = sp.cookies.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join("; ");
            let server = sp.server.clone();
            async move {
                server
                    .send(
                        "POST",
                        "/meetings/import",
                        &[("Cookie", cookie.as_str())],
                        Some((&format!("multipart/form-data; boundary={boundary}"), &body)),
                    )
                    .await
            }
        };
        let body = multipart(
            boundary,
            &[("csrf", &csrf)],
            &[("gtm-zinder.txt", &seed), ("vide.txt", ""), ("ancien.doc", "pas un document Word moderne")],
        );
        let r = send(&sp, body.clone()).await;
        assert_eq!(r.status, 422, "one file failed: {}", r.body);
        assert!(r.body.contains("gtm-zinder.txt") && r.body.contains("importé comme réunion"), "{}", r.body);
        assert!(r.body.contains("vide.txt") && r.body.contains("ancien.doc"), "each bad file has its line");
        assert!(r.body.contains("unsupported format"), "what is wrong with it: {}", r.body);
        let drafts = db.meetings().list(&cadre_storage::MeetingFilter { audience: cadre_domain::Audience::Internal, ..Default::default() }).await.unwrap();
        assert_eq!(drafts.total, 1, "the good file is stored, the bad ones are not");
        let id = drafts.items[0].id;
        assert_eq!(drafts.items[0].status, cadre_domain::MeetingStatus::Draft);
        let history = db.audit().history(cadre_storage::RecordKind::Meeting, id.get()).await.unwrap();
        assert_eq!((history[0].action.as_str(), history[0].actor.as_str()), ("import", "sp"));
        assert!(db.meetings().get(id).await.unwrap().unwrap().source.is_some(), "the original is kept");

        // The same document again: recognised, not imported twice.
        let again = multipart(boundary, &[("csrf", &csrf)], &[("copie.txt", &seed)]);
        let r = send(&sp, again).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains(&format!("déjà importé (réunion {id})")), "{}", r.body);
        // Without the form's token, nothing is read or stored.
        let forged = multipart(boundary, &[("csrf", "faux")], &[("autre.txt", &seed.replace("Zinder", "Maradi"))]);
        assert_eq!(send(&sp, forged).await.status, 403);
        assert_eq!(db.totals(cadre_domain::Audience::Internal).await.unwrap().meetings, 1);
    }
}
