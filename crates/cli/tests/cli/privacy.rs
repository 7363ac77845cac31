//! No contact leaves Cadre, however it was written and wherever it sat in the document: shifted
//! attendance rows, a phone in the place, a contact hidden in a part of a .docx nobody reads.

use cadre_domain::privacy::contains_contact;
use cadre_renderings::hostile;
use cadre_testkit::{both_engines, seed};

use super::{Server, export, import_json, publish_all};

/// Every page, API response and export a reader can get of what was imported.
fn everything_published(url: &str, server: &Server) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for what in ["meetings", "actions", "recommendations"] {
        for format in ["json", "csv"] {
            out.push((format!("export {what} {format}"), export(url, what, format)));
        }
    }
    let ids: Vec<i64> = server.get_json("/api/v1/meetings")["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    let mut paths: Vec<String> = [
        "/",
        "/meetings",
        "/actions",
        "/organisations",
        "/recommendations",
        "/api/v1/meetings",
        "/api/v1/action-points",
        "/api/v1/organisations",
        "/api/v1/recommendations",
        "/search?q=salle",
        "/api/v1/search?q=salle",
        "/search?q=migration",
        "/api/v1/search?q=migration",
    ]
    .map(String::from)
    .to_vec();
    for id in ids {
        paths.push(format!("/meetings/{id}"));
        paths.push(format!("/api/v1/meetings/{id}"));
    }
    for path in paths {
        let (status, body) = server.get(&path);
        assert_eq!(status, 200, "{path}");
        out.push((path, body));
    }
    out
}

/// Seed 002 with its attendance list damaged the ways real tables are: a phone in the
/// institution cell, an e-mail in the name cell, phones written in every form.
fn shifted_session_report() -> (String, Vec<String>) {
    let text = std::fs::read_to_string(seed("002")).unwrap();
    let mut contacts = Vec::new();
    let mut out = Vec::new();
    let mut row = 0;
    for line in text.lines() {
        let mut cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
        if cells.len() >= 5 && cells[0].trim().parse::<u32>().is_ok() && cells[3].trim().len() == 8
        {
            row += 1;
            let d: Vec<char> = cells[3].trim().chars().collect();
            let pairs = |sep: &str| {
                d.chunks(2)
                    .map(|p| p.iter().collect::<String>())
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            let written = match row % 6 {
                0 => format!(
                    "{} {}",
                    d[..4].iter().collect::<String>(),
                    d[4..].iter().collect::<String>()
                ),
                1 => pairs("/"),
                2 => format!("+227.{}", pairs(".")),
                3 => d
                    .iter()
                    .map(|c| char::from_u32(*c as u32 - '0' as u32 + 0xFF10).unwrap())
                    .collect(),
                4 => pairs(" "),
                _ => cells[3].trim().to_owned(),
            };
            let email = cells[4].trim().to_owned();
            let email_written = match row % 3 {
                0 => email.replacen('@', "(at)", 1),
                1 => email.replacen('@', " @ ", 1),
                _ => email.replacen('@', "＠", 1),
            };
            contacts.push(cells[3].trim().to_owned());
            if !email.is_empty() {
                contacts.push(email.clone());
            }
            match row % 3 {
                // Shifted left: the phone where the institution was, the e-mail where the phone was.
                0 => {
                    cells[2] = written;
                    cells[3] = email_written;
                    cells[4] = String::new();
                }
                // The e-mail typed in the name cell.
                1 => {
                    cells[1] = format!("{} {email_written}", cells[1]);
                    cells[3] = written;
                }
                // The phone after the institution.
                _ => {
                    cells[2] = format!("{} Tél : {written}", cells[2]);
                    cells[4] = email_written;
                }
            }
        }
        out.push(cells.join("\t"));
    }
    assert!(row > 60, "the attendance list was found");
    (out.join("\n"), contacts)
}

both_engines! {
    async fn shifted_attendance_rows_publish_no_contact(url: String) {
        let dir = tempfile::tempdir().unwrap();
        let (text, contacts) = shifted_session_report();
        let path = dir.path().join("session-shifted.txt");
        std::fs::write(&path, text).unwrap();
        let (out, summary) = import_json(&url, &[&path]);
        assert!(out.status.success(), "{summary:#}");

        publish_all(&url);

        let server = Server::start(&url);
        for org in server.get_json("/api/v1/organisations")["items"].as_array().unwrap() {
            let name = org["name"].as_str().unwrap();
            assert!(!contains_contact(name) && name.chars().filter(char::is_ascii_digit).count() < 8,
                "an organisation was made of a contact: {name}");
        }
        for (what, body) in everything_published(&url, &server) {
            assert!(!contains_contact(&body), "{what} publishes a contact");
            for contact in &contacts {
                assert!(!body.contains(contact.as_str()), "{what} publishes {contact}");
            }
        }
        // The people are still listed: only their contact details are private.
        let meeting = &server.get_json("/api/v1/meetings")["items"][0];
        let full = server.get_json(&format!("/api/v1/meetings/{}", meeting["id"]));
        assert!(full["attendance"].as_array().unwrap().len() > 40, "{}", full["attendance"]);
    }

    async fn contacts_in_the_place_are_masked_on_every_page_and_export(url: String) {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(seed("004")).unwrap();
        let text = text.replacen(
            "Lieu\tSalle de réunion du conseil régional",
            "Lieu\tSalle de réunion du conseil régional (contact 9697 2539, 96/97/25/39, jean(at)iom.int)",
            1,
        );
        assert!(text.contains("jean(at)iom.int"));
        let path = dir.path().join("tahoua.txt");
        std::fs::write(&path, text).unwrap();
        let (out, _) = import_json(&url, &[&path]);
        assert!(out.status.success());
        publish_all(&url);
        let server = Server::start(&url);
        for (what, body) in everything_published(&url, &server) {
            for secret in ["9697 2539", "96/97/25/39", "jean(at)iom.int"] {
                assert!(!body.contains(secret), "{what} publishes {secret}");
            }
        }
        let (_, list) = server.get("/meetings");
        assert!(list.contains("Salle de réunion du conseil régional"), "the place is still shown");
    }

    async fn an_original_with_a_contact_in_any_part_is_not_published(url: String) {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(seed("004")).unwrap();
        let clean = cadre_renderings::docx::render(&text);
        let footer = hostile::with_part(
            &clean,
            "word/footer1.xml",
            br#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Point focal : 96 97</w:t></w:r><w:r><w:t> 25 39</w:t></w:r></w:p></w:ftr>"#,
        );
        let properties = hostile::with_part(
            &cadre_renderings::docx::render(&text.replacen("17/05/2022", "18/05/2022", 1)),
            "docProps/core.xml",
            br#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>jean.dupont@iom.int</dc:creator></cp:coreProperties>"#,
        );
        std::fs::write(dir.path().join("a-clean.docx"), &clean).unwrap();
        std::fs::write(dir.path().join("b-footer.docx"), &footer).unwrap();
        std::fs::write(dir.path().join("c-properties.docx"), &properties).unwrap();
        let (out, summary) = import_json(&url, &[dir.path()]);
        assert!(out.status.success(), "{summary:#}");
        let id = |name: &str| {
            summary["files"].as_array().unwrap().iter()
                .find(|f| f["path"].as_str().unwrap().ends_with(name))
                .and_then(|f| f["meeting_id"].as_i64())
                .unwrap_or_else(|| panic!("{name} not imported: {summary:#}"))
        };
        publish_all(&url);
        let server = Server::start(&url);
        assert_eq!(server.status(&format!("/meetings/{}/original", id("a-clean.docx"))), 200);
        assert_eq!(server.status(&format!("/meetings/{}/original", id("b-footer.docx"))), 403);
        assert_eq!(server.status(&format!("/meetings/{}/original", id("c-properties.docx"))), 403);
    }
}
