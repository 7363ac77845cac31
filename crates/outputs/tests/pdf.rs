//! The PDF minutes, opened by pdf_oxide (the parser cadre-ingest uses, not Cadre's writer).

mod common;

use common::*;

use cadre_domain::{ActionPoint, ActionPointId, ActionStatus, Deadline, Meeting};
use cadre_i18n::Lang;
use pdf_oxide::PdfDocument;

fn open(bytes: &[u8]) -> PdfDocument {
    PdfDocument::from_bytes(bytes.to_vec()).expect("pdf_oxide opens the file")
}

/// Each page's text, whitespace collapsed and apostrophes straightened.
fn page_texts(bytes: &[u8]) -> Vec<String> {
    let doc = open(bytes);
    (0..doc.page_count().unwrap())
        .map(|p| normalise(&doc.extract_text(p).unwrap()))
        .collect()
}

fn normalise(s: &str) -> String {
    s.replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text drawn in the lowest band of each page (the foot), in reading order.
fn foot_texts(bytes: &[u8]) -> Vec<String> {
    let doc = open(bytes);
    (0..doc.page_count().unwrap())
        .map(|p| {
            let mut chars: Vec<_> = doc
                .extract_chars(p)
                .unwrap()
                .into_iter()
                .filter(|c| c.origin_y < 40.0)
                .collect();
            chars.sort_by(|a, b| a.origin_x.total_cmp(&b.origin_x));
            let text: String = chars.iter().map(|c| c.char).collect();
            normalise(&text)
        })
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn the_file_has_a_header_a_cross_reference_table_and_a_trailer() {
    let m = gtm();
    let pdf = cadre_outputs::pdf::minutes(&input(&m, &[], &previous_pending(), Lang::Fr));
    assert!(pdf.starts_with(b"%PDF-1.4\n"));
    assert!(pdf.ends_with(b"%%EOF\n"));
    let start = rfind(&pdf, b"startxref\n").expect("startxref") + b"startxref\n".len();
    let end = start + pdf[start..].iter().position(|&b| b == b'\n').unwrap();
    let xref: usize = std::str::from_utf8(&pdf[start..end])
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        pdf[xref..].starts_with(b"xref\n0 "),
        "startxref points at the table"
    );
    let table = String::from_utf8_lossy(&pdf[xref..]).into_owned();
    let mut lines = table.lines().skip(1);
    let count: usize = lines.next().unwrap()[2..].parse().unwrap();
    assert_eq!(lines.next(), Some("0000000000 65535 f "));
    for id in 1..count {
        let entry = lines.next().unwrap();
        let offset: usize = entry[..10].parse().unwrap();
        assert!(
            pdf[offset..].starts_with(format!("{id} 0 obj\n").as_bytes()),
            "object {id} is not at offset {offset}"
        );
    }
    assert!(lines.next().unwrap().starts_with("trailer"));
    assert!(find(&pdf, b"/Root 1 0 R").is_some());
    for needle in [
        &b"/BaseFont /Helvetica "[..],
        b"/BaseFont /Helvetica-Bold ",
        b"/Encoding /WinAnsiEncoding",
        b"/Filter /FlateDecode",
        b"/MediaBox [0 0 595.28 841.89]",
    ] {
        assert!(
            find(&pdf, needle).is_some(),
            "{}",
            String::from_utf8_lossy(needle)
        );
    }
    // The content streams are compressed: no text operator in clear.
    assert!(find(&pdf, b" Tj").is_none());
}

#[test]
fn pdf_oxide_finds_every_action_point_and_each_page_its_number() {
    let m = gtm();
    let previous = previous_pending();
    for lang in [Lang::Fr, Lang::En] {
        let pdf = cadre_outputs::pdf::minutes(&input(&m, &[], &previous, lang));
        let pages = page_texts(&pdf);
        let all = pages.join(" ");
        for e in expected_points() {
            // A generic extractor may give a cell's wrapped lines apart, and in another
            // order than drawn (pdf_oxide's reading order moves some table lines): every word
            // of the action point is there.
            let words: std::collections::HashSet<&str> = all.split(' ').collect();
            for word in normalise(e.what).split(' ') {
                assert!(
                    words.contains(word),
                    "{lang:?}: {word:?} of {:?} missing",
                    e.what
                );
            }
            if !e.responsible_as_written.is_empty() {
                for org in e.responsible_as_written.split(", ") {
                    assert!(all.contains(org), "{org}");
                }
            }
        }
        let (no_date, not_specified, header) = match lang {
            Lang::Fr => ("sans date", "non précisé", "Points d'action"),
            Lang::En => ("no date", "not specified", "Action points"),
        };
        assert!(all.contains(no_date) && all.contains(not_specified) && all.contains(header));
        assert!(all.contains("Le plus tôt"));
        let count = pages.len();
        assert!(count >= 2, "{count} pages");
        let feet = foot_texts(&pdf);
        for (n, foot) in feet.iter().enumerate() {
            assert_eq!(foot, &format!("{} / {count}", n + 1), "{lang:?}");
        }
    }
}

#[test]
fn french_punctuation_shows_and_the_rest_becomes_a_question_mark() {
    let mut m = gtm();
    m.agenda[0].discussion = "Budget : 2,2 M€ — « ONU Femmes » ; l’œuvre – ŒUVRE ✓ fin".to_owned();
    let pdf = cadre_outputs::pdf::minutes(&input(&m, &[], &[], Lang::Fr));
    let all = page_texts(&pdf).join(" ");
    assert!(
        all.contains("Budget : 2,2 M€ — « ONU Femmes » ; l'œuvre – ŒUVRE ? fin"),
        "{all}"
    );
}

/// A meeting whose one agenda item has many action points, each long enough to wrap.
fn long_meeting(points: usize) -> Meeting {
    let mut m = gtm();
    m.agenda.truncate(1);
    let template = m.agenda[0].action_points[0].clone();
    m.agenda[0].action_points = (0..points)
        .map(|k| ActionPoint {
            id: ActionPointId::new(1000 + k as i64),
            what: format!(
                "DEBUT{k:03} Organiser la collecte des données désagrégées auprès des partenaires \
                 du point de suivi des flux et transmettre la synthèse à l’INS FIN{k:03}"
            ),
            responsible_as_written: "DRECM-R Agadez, INS, OIM".into(),
            deadline: Deadline::parse("31 mars 2027"),
            status: ActionStatus::Open,
            ..template.clone()
        })
        .collect();
    m
}

#[test]
fn long_tables_go_on_over_pages_with_their_header_and_whole_rows() {
    let m = long_meeting(60);
    let pdf = cadre_outputs::pdf::minutes(&input(&m, &[], &[], Lang::Fr));
    let pages = page_texts(&pdf);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for k in 0..60 {
        let start = format!("DEBUT{k:03}");
        let end = format!("FIN{k:03}");
        let on: Vec<usize> = (0..pages.len())
            .filter(|&p| pages[p].contains(&start) || pages[p].contains(&end))
            .collect();
        assert_eq!(on.len(), 1, "row {k} is split across pages {on:?}");
    }
    // Every page the table reaches starts it again with its header row.
    for (n, page) in pages.iter().enumerate() {
        if page.contains("DEBUT") {
            assert!(
                page.contains("Personnes/agences"),
                "page {} has rows without the header",
                n + 1
            );
        }
    }
    let feet = foot_texts(&pdf);
    assert_eq!(feet.last().unwrap(), &format!("{0} / {0}", pages.len()));
}

#[test]
fn a_row_taller_than_a_page_goes_on_over_the_next() {
    let mut m = long_meeting(1);
    let huge = "mot ".repeat(2500) + "DERNIERMOT";
    m.agenda[0].action_points[0].what = huge;
    let pdf = cadre_outputs::pdf::minutes(&input(&m, &[], &[], Lang::Fr));
    let all = page_texts(&pdf).join(" ");
    assert!(all.contains("DERNIERMOT"));
    assert!(page_texts(&pdf).len() >= 3);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let m = gtm();
    let previous = previous_pending();
    let (s, recs) = session_report();
    for lang in [Lang::Fr, Lang::En] {
        let a = cadre_outputs::pdf::minutes(&input(&m, &[], &previous, lang));
        let b = cadre_outputs::pdf::minutes(&input(&m, &[], &previous, lang));
        assert_eq!(a, b);
        let a = cadre_outputs::pdf::minutes(&input(&s, &recs, &[], lang));
        assert_eq!(a, cadre_outputs::pdf::minutes(&input(&s, &recs, &[], lang)));
        // The session report's recommendation tables are drawn too.
        let all = page_texts(&a).join(" ");
        assert!(all.contains("Former les agents"), "{all}");
    }
}
