//! What the site serves besides pages: minutes as Word and PDF, calendars, action points as
//! spreadsheets; in the visitor's language, cached with an entity tag like pages, and never
//! for minutes the public may not read.

use std::io::Read as _;

use super::*;

/// A file of a zip package (.docx, .xlsx) as text.
pub(crate) fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

both_engines! {
    async fn minutes_calendars_and_spreadsheets_are_served(db: Store) {
        let f = setup(db.clone()).await;
        let s = &f.server;

        // Minutes as Word: the action points in a real table, in French or English.
        let docx = s.get(&format!("/meetings/{}/minutes.docx", f.tahoua)).await;
        assert_eq!(docx.status, 200);
        assert_eq!(docx.header("content-type"), Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assert_eq!(docx.header("content-disposition"), Some("attachment; filename=\"cadre-gtm-tahoua-2023-02-16.docx\""));
        let body = part(&docx.bytes, "word/document.xml");
        let table = body.find("<w:tbl>").expect("a table");
        assert!(body[table..].contains("Partager la fiche"), "the action point is in a table");
        assert!(body.contains("Points de discussion clés"));
        assert!(!body.contains(PHONE) && !body.contains(EMAIL), "no contact leaves in the minutes");
        let english = s.request("GET", &format!("/meetings/{}/minutes.docx", f.tahoua), &[("Accept-Language", "en")]).await;
        assert!(part(&english.bytes, "word/document.xml").contains("Key discussion points"));
        // Cached like a page: an entity tag per language, 304 when nothing changed.
        let tag = docx.header("etag").expect("an entity tag").to_owned();
        let again = s.request("GET", &format!("/meetings/{}/minutes.docx", f.tahoua), &[("If-None-Match", &tag)]).await;
        assert_eq!(again.status, 304);
        assert!(again.bytes.is_empty());

        // Minutes as PDF.
        let pdf = s.get(&format!("/meetings/{}/minutes.pdf", f.tahoua)).await;
        assert_eq!((pdf.status, pdf.header("content-type")), (200, Some("application/pdf")));
        assert!(pdf.bytes.starts_with(b"%PDF-") && pdf.bytes.windows(5).any(|w| w == b"%%EOF"));
        assert!(pdf.header("etag").is_some());

        // Not for the public while the minutes are not published.
        let mut draft = zinder();
        draft.source = None;
        draft.date = d(2024, 3, 5);
        draft.title = "Réunion encore en brouillon".into();
        let draft = db.meetings().import(&draft, &test_actor()).await.unwrap().meeting_id();
        for path in [format!("/meetings/{draft}/minutes.docx"), format!("/meetings/{draft}/minutes.pdf")] {
            assert_eq!(s.get(&path).await.status, 404, "{path}");
        }

        // Calendars: every body, or one; the next meeting announced by the Tahoua minutes.
        let all = s.get("/calendar.ics").await;
        assert_eq!(all.status, 200);
        assert!(all.header("content-type").unwrap().starts_with("text/calendar"));
        assert!(all.body.starts_with("BEGIN:VCALENDAR\r\n") && all.body.contains("BEGIN:VEVENT"), "{}", all.body);
        assert!(all.body.contains("SUMMARY;LANGUAGE=fr:Réunion GTM Tahoua"), "{}", all.body);
        assert!(all.body.contains(&format!("/meetings/{}", f.tahoua)), "links back to the minutes");
        let tahoua = s.get("/calendar/gtm-tahoua.ics").await;
        assert!(tahoua.body.contains("BEGIN:VEVENT"));
        let zinder = s.get("/calendar/gtm-zinder.ics").await;
        assert!(!zinder.body.contains("GTM Tahoua"), "one body's calendar");
        assert_eq!(s.get("/calendar/atlantide.ics").await.status, 404);
        assert!(page(s, "/").await.contains("href=\"/calendar.ics\""), "linked from the dashboard");
        assert!(page(s, "/meetings?body=gtm-tahoua").await.contains("href=\"/calendar/gtm-tahoua.ics\""));

        // The action-point list as CSV and Excel, with the list's filters, every page.
        let list = page(s, "/actions?body=gtm-tahoua").await;
        assert!(list.contains("href=\"/actions.csv?body=gtm-tahoua\""), "the page links its export");
        let csv = s.get("/actions.csv?body=gtm-tahoua").await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
        assert!(csv.body.contains("Partager la fiche"));
        assert!(!csv.body.contains("Recenser les besoins du centre"), "a Zinder point is filtered out");
        let every = s.get("/actions.csv").await.body;
        assert!(every.contains("Recenser les besoins du centre"));
        assert!(!every.contains(PHONE_DIGITS) && !every.contains(EMAIL));
        let xlsx = s.get("/actions.xlsx?body=gtm-tahoua").await;
        assert_eq!(xlsx.status, 200);
        assert!(part(&xlsx.bytes, "xl/sharedStrings.xml").contains("Partager la fiche"));
        let english = s.request("GET", "/actions.csv", &[("Accept-Language", "en")]).await.body;
        assert_ne!(english.lines().next(), every.lines().next(), "headers in the visitor's language");
        assert_eq!(s.get("/actions.csv?due=sometime").await.status, 400);
        // A draft's action points stay out of the public's exports.
        assert!(!every.contains("Réunion encore en brouillon"));
    }
}
