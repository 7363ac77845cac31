//! French and English: the browser's language, the switch remembered by a cookie, the page
//! cache keeping both apart, and catalogues that hold every message the pages use.

use super::*;

/// Interface words of the French pages that an English page must not show.
const FRENCH_WORDS: [&str; 6] = [
    "Tableau de bord",
    "Réunions",
    "Points d’action",
    "Se connecter",
    "Recherche",
    "sans date",
];

both_engines! {
    async fn the_browser_chooses_and_the_switch_is_remembered(db: Store) {
        let f = setup(db).await;
        let s = &f.server;
        let french = s.get("/actions").await;
        assert!(french.body.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "French by default");
        assert!(french.body.contains("Points d’action"));
        let english = s.request("GET", "/actions", &[("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5")]).await;
        assert!(english.body.contains("<html lang=\"en\">"));
        assert!(english.body.contains("Action points") && english.body.contains("Responsible persons/agencies"));
        for word in FRENCH_WORDS {
            assert!(!english.body.contains(word), "French {word:?} on an English page");
        }
        assert!(english.header("vary").unwrap_or_default().contains("Accept-Language"));
        // Each language has its own entity tag: a French copy is never confirmed to an English reader.
        let (fr_tag, en_tag) = (french.header("etag").unwrap().to_owned(), english.header("etag").unwrap().to_owned());
        assert_ne!(fr_tag, en_tag);
        let r = s.request("GET", "/actions", &[("Accept-Language", "en"), ("If-None-Match", &fr_tag)]).await;
        assert_eq!(r.status, 200);
        assert!(r.body.contains("Action points"));
        // Served again from the cache, each in its language.
        assert!(s.get("/actions").await.body.contains("Points d’action"));
        assert!(s.request("GET", "/actions", &[("Accept-Language", "en")]).await.body.contains("Action points"));

        // The switch: a link on every page, back to the same page, remembered by a cookie.
        assert!(french.body.contains("href=\"/lang/en?back=%2Factions\""), "the switch comes back here");
        let r = s.get("/lang/en?back=%2Fmeetings%3Fyear%3D2023").await;
        assert_eq!((r.status, r.header("location")), (303, Some("/meetings?year=2023")));
        let cookie = r.set_cookies().into_iter().find(|c| c.starts_with("cadre_lang=en")).expect("a language cookie").to_owned();
        assert!(cookie.contains("Max-Age=31536000") && cookie.contains("SameSite=Lax"), "{cookie}");
        let r = s.request("GET", "/meetings", &[("Cookie", "cadre_lang=en"), ("Accept-Language", "fr")]).await;
        assert!(r.body.contains("<html lang=\"en\">"), "the choice wins over the browser");
        assert!(r.header("etag").is_some(), "a language cookie alone keeps the page public and cached");
        // Never to another site.
        for back in ["%2F%2Fevil.example%2Fx", "https%3A%2F%2Fevil.example%2F", "%2F%5Cevil.example"] {
            let r = s.get(&format!("/lang/fr?back={back}")).await;
            assert_eq!(r.header("location"), Some("/"), "{back}");
        }
        assert_eq!(s.get("/lang/de").await.status, 404);

        // Dates, statuses and deadlines in English.
        let meeting = s.request("GET", &format!("/meetings/{}", f.tahoua), &[("Accept-Language", "en")]).await.body;
        assert!(meeting.contains("16 February 2023") && meeting.contains("9:15 – 11:00"), "dates and times in English");
        assert!(meeting.contains("Key discussion points") && meeting.contains("Coordination next steps"));
        assert!(meeting.contains(">done<"), "statuses in English");
        for word in FRENCH_WORDS {
            assert!(!meeting.contains(word), "French {word:?} on an English meeting page");
        }
        let zinder = s.request("GET", &format!("/meetings/{}", f.zinder), &[("Accept-Language", "en")]).await.body;
        assert!(zinder.contains(">no date</td>"), "placeholders read \"no date\"");
        // Errors too.
        let missing = s.request("GET", "/meetings/999999", &[("Accept-Language", "en")]).await;
        assert_eq!(missing.status, 404);
        assert!(missing.body.contains("Page not found"));
    }
}

#[test]
fn every_message_the_templates_use_is_in_both_catalogues() {
    let keys: std::collections::BTreeSet<String> = cadre_i18n::keys().into_iter().collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut missing = Vec::new();
    let mut files = vec![dir];
    let mut used = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for marker in ["ui.t(\"", "ui.t1(\"", "ui.tn(\""] {
            for piece in text.split(marker).skip(1) {
                let key = piece.split('"').next().unwrap();
                used += 1;
                if !keys.contains(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        // No interface text outside the catalogues: letters between tags are a slip.
        for line in text.lines() {
            let outside: String = line
                .split('<')
                .filter_map(|piece| piece.split_once('>').map(|(_, after)| after))
                .collect::<Vec<_>>()
                .join(" ");
            let stripped: String = outside
                .split("{{")
                .map(|p| p.split_once("}}").map_or(p, |(_, after)| after))
                .collect::<Vec<_>>()
                .join(" ");
            let stripped: String = stripped
                .split("{%")
                .map(|p| p.split_once("%}").map_or(p, |(_, after)| after))
                .collect::<Vec<_>>()
                .join(" ");
            let words = stripped.split(|c: char| !c.is_alphabetic()).filter(|w| {
                w.chars().count() > 2
                    && *w != "Cadre"
                    && *w != "Word"
                    && *w != "PDF"
                    && *w != "CSV"
                    && *w != "Excel"
                    && *w != "SHA"
            });
            let words: Vec<&str> = words.collect();
            assert!(
                words.is_empty(),
                "{}: text outside the catalogues: {words:?} in {line:?}",
                path.display()
            );
        }
    }
    assert!(
        used > 100,
        "the templates use the catalogues ({used} messages)"
    );
    assert!(
        missing.is_empty(),
        "messages missing from the catalogues: {missing:#?}"
    );
}

#[test]
fn every_stored_value_has_a_label_in_both_languages() {
    use cadre_domain::{
        ActionStatus, BodyLevel, MeetingKind, MeetingStatus, Modality, OrganisationKind,
        RecommendationScope, Role,
    };
    let mut values: Vec<(&str, &str)> = Vec::new();
    values.extend(
        ActionStatus::ALL
            .iter()
            .map(|v| ("action-status", v.as_str())),
    );
    values.extend(
        MeetingStatus::ALL
            .iter()
            .map(|v| ("meeting-status", v.as_str())),
    );
    values.extend(
        MeetingKind::ALL
            .iter()
            .map(|v| ("meeting-kind", v.as_str())),
    );
    values.extend(Modality::ALL.iter().map(|v| ("modality", v.as_str())));
    values.extend(
        OrganisationKind::ALL
            .iter()
            .map(|v| ("organisation-kind", v.as_str())),
    );
    values.extend(
        RecommendationScope::ALL
            .iter()
            .map(|v| ("recommendation-scope", v.as_str())),
    );
    values.extend(BodyLevel::ALL.iter().map(|v| ("body-level", v.as_str())));
    values.extend(Role::ALL.iter().map(|v| ("role", v.as_str())));
    let keys = cadre_i18n::keys();
    for (family, value) in values {
        let key = format!("{family}-{}", value.replace('_', "-"));
        assert!(keys.contains(&key), "no label {key}");
    }
}

both_engines! {
    async fn import_notes_are_shown_in_the_page_language(db: Store) {
        let mut m = ccm_session();
        m.source = None;
        m.warnings = vec![
            ImportWarning::new("time", "no 'Heure' label: the meeting time is unknown").coded("time-no-label", []),
            ImportWarning::with_text("unplaced_text", "part 'Cérémonie d'ouverture' presents no agenda item; kept here", "Le Secrétaire permanent a ouvert la 6^{ème} session.")
                .coded("report-part", [("part", "Cérémonie d'ouverture".to_owned())]),
            ImportWarning::new("place", "texte ancien sans code"),
        ];
        m.findings = vec![
            cadre_domain::FieldFinding::new("attendance", "3 participants : OIM, HCR")
                .coded("attendance", [("n", "3".to_owned()), ("people", "0".to_owned()), ("names", "OIM, HCR".to_owned())]),
            cadre_domain::FieldFinding::new("date", "16 février 2023").coded("date", [("the_date", "2023-02-16".to_owned())]),
        ];
        let id = import_published(&db, &m).await;
        let server = serve(cadre_web::router(db), ServerLimits::default()).await;
        let path = format!("/meetings/{id}");
        let fr = page(&server, &path).await;
        assert!(fr.contains("pas d’étiquette « Heure »\u{a0}: l’heure de la réunion est inconnue"), "{fr}");
        assert!(fr.contains("3 participants\u{a0}: OIM, HCR") && fr.contains("16 février 2023"));
        assert!(fr.contains("texte ancien sans code"), "a note without a code keeps its text");
        // A narrative part of the report is a section of the page, with its superscript.
        assert!(fr.contains("<h2>Cérémonie d’ouverture</h2>") || fr.contains("<h2>Cérémonie d&#39;ouverture</h2>"), "{fr}");
        assert!(fr.contains("la 6<sup>ème</sup> session"));
        assert!(!fr.contains("présente aucun point de l’ordre du jour"), "not buried in the warnings");
        let en = server.request("GET", &path, &[("Accept-Language", "en")]).await.body;
        assert!(en.contains("no &#39;Heure&#39; label: the meeting time is unknown") || en.contains("no 'Heure' label: the meeting time is unknown"), "{en}");
        assert!(en.contains("3 participants: OIM, HCR") && en.contains("16 February 2023"));
    }
}
