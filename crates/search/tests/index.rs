//! The search index on disk, through its public API. Every sentence here is written for these
//! tests.

use cadre_search::{
    DocKind, Fragment, SearchDocument, SearchError, SearchIndex, SearchQuery, SearchResults,
};
use chrono::NaiveDate;

fn doc(
    key: &str,
    meeting_id: i64,
    body: &str,
    year: i32,
    title: &str,
    text: &str,
) -> SearchDocument {
    SearchDocument {
        key: key.into(),
        meeting_id,
        kind: if key.starts_with("action") {
            DocKind::ActionPoint
        } else {
            DocKind::Discussion
        },
        body_code: body.into(),
        body_name: format!("Groupe {body}"),
        year,
        date: NaiveDate::from_ymd_opt(year, 3, 14).unwrap(),
        title: title.into(),
        text: text.into(),
        url: format!("/meetings/{meeting_id}#{key}"),
        published: true,
    }
}

/// A small corpus over two bodies and two years.
fn corpus() -> Vec<SearchDocument> {
    vec![
        doc(
            "agenda:1:1",
            1,
            "gtm-niamey",
            2022,
            "Suivi des réunions",
            "Les réunions mensuelles du groupe se tiendront désormais au gouvernorat.",
        ),
        doc(
            "agenda:1:2",
            1,
            "gtm-niamey",
            2022,
            "Retours",
            "Quarante migrants refoulés à la frontière ont été accueillis au centre de transit.",
        ),
        doc(
            "action:1",
            1,
            "gtm-niamey",
            2022,
            "Point d'action",
            "Organiser la sensibilisation des femmes sur les risques de la migration irrégulière.",
        ),
        doc(
            "agenda:2:1",
            2,
            "gtm-agadez",
            2023,
            "Protection",
            "La prise en charge des enfants non accompagnés reste insuffisante dans la région.",
        ),
        doc(
            "agenda:2:2",
            2,
            "gtm-agadez",
            2023,
            "Rapatriement",
            "Le rapatriement volontaire de trois cents personnes a été organisé par les partenaires.",
        ),
        doc(
            "action:2",
            2,
            "gtm-agadez",
            2023,
            "Point d'action",
            "Le groupe a recommandé de renforcer la charge de travail prise par les communes.",
        ),
        doc(
            "agenda:3:1",
            3,
            "gtm-niamey",
            2023,
            "Migrations",
            "Les flux de migration vers le nord ont baissé selon les données de la direction.",
        ),
    ]
}

fn built() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    index.rebuild(corpus().into_iter(), 7).unwrap();
    (dir, index)
}

fn search(index: &SearchIndex, text: &str) -> SearchResults {
    index.search(&SearchQuery::new(text, 10)).unwrap()
}

fn keys(index: &SearchIndex, text: &str) -> Vec<String> {
    let mut keys: Vec<String> = search(index, text)
        .hits
        .into_iter()
        .map(|h| h.key)
        .collect();
    keys.sort();
    keys
}

#[test]
fn accents_case_and_inflections_are_ignored() {
    let (_dir, index) = built();
    assert_eq!(keys(&index, "reunion"), ["agenda:1:1"]);
    assert_eq!(keys(&index, "RÉUNION"), ["agenda:1:1"]);
    assert_eq!(keys(&index, "migrations"), ["action:1", "agenda:3:1"]);
    assert_eq!(keys(&index, "femme"), ["action:1"]);
    assert_eq!(keys(&index, "enfant"), ["agenda:2:1"]);
    assert_eq!(keys(&index, "refoulees"), ["agenda:1:2"]);
    assert_eq!(keys(&index, "sensibiliser"), ["action:1"]);
    assert_eq!(keys(&index, "rapatriés"), ["agenda:2:2"]);
    assert_eq!(keys(&index, "donnee"), ["agenda:3:1"]);
    assert_eq!(keys(&index, "recommandation"), ["action:2"]);
}

#[test]
fn every_word_must_match() {
    let (_dir, index) = built();
    assert_eq!(keys(&index, "migrants frontière"), ["agenda:1:2"]);
    assert!(keys(&index, "migrants enfants").is_empty());
}

#[test]
fn phrases_keep_word_order() {
    let (_dir, index) = built();
    // Both documents have "prise" and "charge"; only one has them as a phrase.
    assert_eq!(keys(&index, "prise charge"), ["action:2", "agenda:2:1"]);
    assert_eq!(keys(&index, r#""prise en charge""#), ["agenda:2:1"]);
    assert_eq!(keys(&index, r#""enfants non accompagnes""#), ["agenda:2:1"]);
}

#[test]
fn excluded_words_remove_documents() {
    let (_dir, index) = built();
    assert_eq!(keys(&index, "migration -femmes"), ["agenda:3:1"]);
    assert_eq!(keys(&index, r#"prise -"prise en charge""#), ["action:2"]);
}

#[test]
fn filters_by_body_year_and_kind() {
    let (_dir, index) = built();
    let query = |body: Option<&str>, year: Option<i32>, kind: Option<DocKind>| {
        let mut q = SearchQuery::new("migration OR prise OR réunion", 10);
        q.text = "groupe".into();
        q.body_code = body.map(String::from);
        q.year = year;
        q.kind = kind;
        let mut found: Vec<String> = index
            .search(&q)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.key)
            .collect();
        found.sort();
        found
    };
    assert_eq!(query(None, None, None), ["action:2", "agenda:1:1"]);
    assert_eq!(query(Some("gtm-niamey"), None, None), ["agenda:1:1"]);
    assert_eq!(query(None, Some(2023), None), ["action:2"]);
    assert_eq!(query(None, None, Some(DocKind::ActionPoint)), ["action:2"]);
    assert!(query(Some("gtm-agadez"), Some(2022), None).is_empty());
}

#[test]
fn pages_cover_every_hit_once_and_total_counts_all() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let documents = (0..25).map(|i| {
        doc(
            &format!("agenda:{i}:1"),
            i,
            "gtm-zinder",
            2024,
            "Divers",
            &format!("Atelier numéro {i} sur la cartographie."),
        )
    });
    index.rebuild(documents, 1).unwrap();
    let mut seen = Vec::new();
    for offset in [0, 10, 20] {
        let page = index
            .search(&SearchQuery {
                offset,
                ..SearchQuery::new("ateliers", 10)
            })
            .unwrap();
        assert_eq!(page.total, 25);
        assert_eq!(page.hits.len(), if offset == 20 { 5 } else { 10 });
        seen.extend(page.hits.into_iter().map(|h| h.key));
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 25);
    let count_only = index.search(&SearchQuery::new("cartographie", 0)).unwrap();
    assert_eq!((count_only.total, count_only.hits.len()), (25, 0));
}

#[test]
fn hits_carry_their_document_and_a_highlighted_excerpt() {
    let (_dir, index) = built();
    let results = search(&index, "reunions gouvernorat");
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!(hit.meeting_id, 1);
    assert_eq!(hit.kind, DocKind::Discussion);
    assert_eq!(hit.body_code, "gtm-niamey");
    assert_eq!(hit.body_name, "Groupe gtm-niamey");
    assert_eq!(hit.date, NaiveDate::from_ymd_opt(2022, 3, 14).unwrap());
    assert_eq!(hit.url, "/meetings/1#agenda:1:1");
    assert!(hit.score > 0.0);
    let marked: Vec<&str> = hit
        .excerpt
        .iter()
        .filter(|f| f.highlighted)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(marked, ["réunions", "gouvernorat"]);
    let whole: String = hit.excerpt.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(whole, corpus()[0].text);
}

#[test]
fn a_long_text_is_cut_around_the_match() {
    let (_dir, index) = (
        tempfile::tempdir().unwrap(),
        SearchIndex::in_memory().unwrap(),
    );
    let filler = "Les échanges ont porté sur la planification des activités. ".repeat(20);
    let text = format!("{filler}Le rapatriement est prévu en mai. {filler}");
    index
        .rebuild(
            std::iter::once(doc("agenda:9:1", 9, "gtm-tahoua", 2024, "Divers", &text)),
            1,
        )
        .unwrap();
    let hit = &search(&index, "rapatriement").hits[0];
    let first = hit.excerpt.first().unwrap();
    let last = hit.excerpt.last().unwrap();
    assert_eq!((first.text.as_str(), last.text.as_str()), ("…", "…"));
    assert!(
        hit.excerpt
            .iter()
            .any(|f| f.highlighted && f.text == "rapatriement")
    );
    let length: usize = hit.excerpt.iter().map(|f| f.text.chars().count()).sum();
    assert!(length < 300, "excerpt of {length} characters");
}

#[test]
fn a_title_match_shows_the_start_of_the_text() {
    let (_dir, index) = built();
    let results = search(&index, "rapatriement volontaire");
    let hit = &results.hits[0];
    assert_eq!(hit.key, "agenda:2:2");
    let results = search(&index, "protection");
    let hit = &results.hits[0];
    assert_eq!(hit.key, "agenda:2:1");
    assert_eq!(
        hit.excerpt,
        vec![Fragment {
            text: corpus()[3].text.clone(),
            highlighted: false
        }]
    );
}

#[test]
fn apply_replaces_the_documents_of_a_meeting() {
    let (_dir, index) = built();
    let new = doc(
        "agenda:1:1",
        1,
        "gtm-niamey",
        2022,
        "Cartographie",
        "La cartographie des acteurs a été validée.",
    );
    index.apply(&[1], vec![new], 8).unwrap();
    assert!(
        keys(&index, "gouvernorat").is_empty(),
        "old text still found"
    );
    assert!(
        keys(&index, "refoulés").is_empty(),
        "another document of the meeting still found"
    );
    assert_eq!(keys(&index, "cartographie"), ["agenda:1:1"]);
    assert_eq!(
        keys(&index, "rapatriement"),
        ["agenda:2:2"],
        "another meeting lost"
    );
    assert_eq!(index.last_change(), 8);
}

#[test]
fn apply_without_documents_deletes_a_meeting() {
    let (_dir, index) = built();
    index.apply(&[2], vec![], 9).unwrap();
    assert!(keys(&index, "rapatriement").is_empty());
    assert!(keys(&index, "enfants").is_empty());
    assert_eq!(index.document_count(), 4);
}

#[test]
fn apply_refuses_documents_of_other_meetings() {
    let (_dir, index) = built();
    let stray = doc("agenda:5:1", 5, "gtm-niamey", 2022, "Divers", "Texte.");
    let error = index.apply(&[1], vec![stray], 10).unwrap_err();
    assert!(
        matches!(
            error,
            SearchError::DocumentOutsideMeetings { meeting_id: 5, .. }
        ),
        "{error}"
    );
    assert_eq!(index.last_change(), 7, "nothing committed");
    assert_eq!(keys(&index, "gouvernorat"), ["agenda:1:1"]);
}

#[test]
fn rebuild_replaces_everything() {
    let (_dir, index) = built();
    index
        .rebuild(
            std::iter::once(doc(
                "agenda:8:1",
                8,
                "ccm",
                2021,
                "Session",
                "Adoption de la feuille de route.",
            )),
            20,
        )
        .unwrap();
    assert_eq!(index.document_count(), 1);
    assert!(keys(&index, "migration").is_empty());
    assert_eq!(keys(&index, "feuille route"), ["agenda:8:1"]);
}

#[test]
fn last_change_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open(dir.path()).unwrap();
        assert_eq!(index.last_change(), 0, "new index");
        index.rebuild(corpus().into_iter(), 41).unwrap();
        index.apply(&[3], vec![], 42).unwrap();
    }
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.last_change(), 42);
    assert_eq!(index.document_count(), 6);
    assert_eq!(keys(&index, "reunion"), ["agenda:1:1"]);
}

#[test]
fn an_index_of_another_schema_version_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("v0")).unwrap();
    std::fs::write(dir.path().join("v0/meta.json"), "{}").unwrap();
    std::fs::write(dir.path().join("v0/cadre-search-index"), "").unwrap();
    std::fs::create_dir_all(dir.path().join("notes")).unwrap();
    // Named like a version, but not Cadre's (no marker): someone's folder, left alone.
    std::fs::create_dir_all(dir.path().join("v2024")).unwrap();
    std::fs::write(dir.path().join("v2024/rapport.docx"), "x").unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(index.last_change(), 0);
    assert!(!dir.path().join("v0").exists());
    assert!(
        dir.path().join("notes").exists(),
        "only index versions are removed"
    );
    assert!(
        dir.path().join("v2024/rapport.docx").exists(),
        "only Cadre's indexes are removed"
    );
}

#[test]
fn a_folder_holding_other_files_is_never_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let current = SearchIndex::open(dir.path()).unwrap();
    drop(current);
    let version = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with('v'))
        .unwrap()
        .file_name();
    let other = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(other.path().join(&version)).unwrap();
    std::fs::write(other.path().join(&version).join("budget.xlsx"), "x").unwrap();
    let refused = SearchIndex::open(other.path())
        .map(|_| ())
        .unwrap_err()
        .to_string();
    assert!(refused.contains("not a Cadre search index"), "{refused}");
    assert!(other.path().join(&version).join("budget.xlsx").exists());
}

#[test]
fn a_second_handle_sees_commits_after_reload() {
    let dir = tempfile::tempdir().unwrap();
    let writer = SearchIndex::open(dir.path()).unwrap();
    let reader = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(search(&reader, "migration").total, 0);
    writer.rebuild(corpus().into_iter(), 3).unwrap();
    reader.reload().unwrap();
    assert_eq!(search(&reader, "migration").total, 2);
    assert_eq!(reader.last_change(), 3);
    // And the other way round: the reader's handle can write too, once the first let go.
    reader.apply(&[3], vec![], 4).unwrap();
    writer.reload().unwrap();
    assert_eq!(search(&writer, "migration").total, 1);
}

#[test]
fn a_busy_writer_lock_is_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    // Another process's writer, as an import would hold it.
    let other = tantivy::Index::open_in_dir(
        dir.path()
            .join(format!("v{}", cadre_search::SCHEMA_VERSION)),
    )
    .unwrap();
    let held: tantivy::IndexWriter = other.writer(15_000_000).unwrap();
    let (release, released) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        released.recv().unwrap();
        drop(held);
    });
    let writing = {
        let index = index.clone();
        std::thread::spawn(move || index.rebuild(corpus().into_iter(), 5))
    };
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(
        !writing.is_finished(),
        "wrote while another writer held the lock"
    );
    release.send(()).unwrap();
    holder.join().unwrap();
    writing.join().unwrap().unwrap();
    assert_eq!(index.last_change(), 5);
}

#[test]
fn queries_without_a_searchable_word_are_refused() {
    let (_dir, index) = built();
    for text in [
        "",
        "   ",
        "de la",
        "\"\"",
        "-migration",
        "( ) ! ?",
        "NOT femmes",
    ] {
        let error = index.search(&SearchQuery::new(text, 10)).unwrap_err();
        assert!(
            matches!(error, SearchError::EmptyQuery),
            "{text:?}: {error}"
        );
    }
}

#[test]
fn hostile_queries_never_fail() {
    let (_dir, index) = built();
    let long_word = "x".repeat(5000);
    let many_words = "migration ".repeat(400);
    let hostile = [
        "\"unbalanced",
        "AND OR (",
        "migration AND",
        "field:value",
        "title:migration",
        "*",
        "migr*",
        "migration~2",
        "[a TO z]",
        "\\",
        "'",
        "l'",
        "\u{0}",
        "🙂 migration",
        "--migration",
        "-\"",
        "a\"b\"c",
        "((((",
        "^2",
        "+migration",
        "migration^10",
        "\"\" \"\" migration",
        "IN [1 2]",
        "d'enfants",
        "ÉTAT-CIVIL",
        &long_word,
        &many_words,
    ];
    for text in hostile {
        match index.search(&SearchQuery::new(text, 10)) {
            Ok(_) | Err(SearchError::EmptyQuery) => {}
            Err(other) => panic!("{text:?} failed: {other}"),
        }
    }
    assert_eq!(
        search(&index, "+migration").total,
        2,
        "punctuation around a word is ignored"
    );
    assert_eq!(search(&index, "migration AND").total, 2);
    assert_eq!(search(&index, "\"unbalanced").total, 0);
}

#[test]
fn in_memory_index_works_like_a_directory() {
    let index = SearchIndex::in_memory().unwrap();
    assert_eq!(index.last_change(), 0);
    index.rebuild(corpus().into_iter(), 12).unwrap();
    assert_eq!(index.last_change(), 12);
    assert_eq!(keys(&index, "reunion"), ["agenda:1:1"]);
}

#[test]
fn matching_keys_lists_every_match() {
    let (_dir, index) = built();
    let mut found = index
        .matching_keys(&SearchQuery::new("migration", 1))
        .unwrap();
    found.sort();
    assert_eq!(found, ["action:1", "agenda:3:1"]);
}

#[test]
fn results_serialize_with_lowercase_kinds() {
    let (_dir, index) = built();
    let json = serde_json::to_value(search(&index, "femmes")).unwrap();
    assert_eq!(json["total"], 1);
    assert_eq!(json["hits"][0]["kind"], "actionpoint");
    assert_eq!(json["hits"][0]["excerpt"][1]["highlighted"], true);
}

/// Ranking keeps `offset + limit` candidates in memory: a page beyond the window is refused
/// before anything is allocated (an offset of ten billion used to abort the process).
#[test]
fn pages_beyond_the_window_are_refused_not_allocated() {
    let index = SearchIndex::in_memory().unwrap();
    index.rebuild(corpus().into_iter(), 1).unwrap();
    let at = |offset: usize, limit: usize| {
        index.search(&SearchQuery {
            offset,
            ..SearchQuery::new("migration", limit)
        })
    };
    for (offset, limit) in [
        (10_000_000_000, 10),
        (usize::MAX, 1),
        (usize::MAX - 5, 100),
        (cadre_search::MAX_WINDOW, 1),
        (cadre_search::MAX_WINDOW - 99, 100),
        // The limit is clamped to MAX_LIMIT before the window is checked.
        (cadre_search::MAX_WINDOW - 99, 1_000_000),
    ] {
        match at(offset, limit) {
            Err(SearchError::BeyondWindow {
                offset: o,
                limit: l,
            }) => {
                assert_eq!(o, offset);
                assert_eq!(l, limit.min(cadre_search::MAX_LIMIT));
            }
            other => panic!("offset {offset}, limit {limit}: {other:?}"),
        }
    }
    // The last page of the window is served (empty here: the corpus is small).
    let last = at(cadre_search::MAX_WINDOW - 100, 100).unwrap();
    assert!(last.hits.is_empty());
    assert!(last.total > 0);
    // Counting alone takes any offset.
    assert_eq!(at(usize::MAX, 0).unwrap().total, last.total);
}

#[test]
fn drafts_are_found_only_when_asked_for() {
    let index = SearchIndex::in_memory().unwrap();
    let mut draft = doc(
        "agenda:9:1",
        9,
        "gtm-agadez",
        2024,
        "Retours volontaires",
        "Brouillon sur les retours volontaires depuis Agadez.",
    );
    draft.published = false;
    let public = doc(
        "agenda:8:1",
        8,
        "gtm-agadez",
        2024,
        "Retours",
        "Compte rendu publié sur les retours volontaires.",
    );
    index.rebuild(vec![draft, public].into_iter(), 1).unwrap();
    let keys = |include_drafts| {
        let mut keys: Vec<String> = index
            .search(&SearchQuery {
                include_drafts,
                ..SearchQuery::new("retours volontaires", 10)
            })
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.key)
            .collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(false), vec!["agenda:8:1"]);
    assert_eq!(keys(true), vec!["agenda:8:1", "agenda:9:1"]);
}
