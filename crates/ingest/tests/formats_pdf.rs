//! The PDF reader against the seeds rendered as PDF: the meeting read from the PDF must be the
//! meeting read from the text. The seeds are read from disk, never copied into the project.

mod common;

use cadre_domain::NewMeeting;
use cadre_domain::text::match_key;
use cadre_ingest::formats::{MAX_NESTING, extract};
use cadre_ingest::{IngestError, ReadOptions, read_document, read_text};
use cadre_renderings::hostile::{pdf, stream};
use cadre_renderings::pdf::{PdfOptions, render};

fn seed(prefix: &str) -> (String, String) {
    let (name, bytes) = common::seed(prefix);
    (
        name,
        String::from_utf8(bytes).expect("seeds are UTF-8 text"),
    )
}

const BOTH: [PdfOptions; 2] = [
    PdfOptions {
        without_space_characters: false,
    },
    PdfOptions {
        without_space_characters: true,
    },
];

/// What the parsers took from a document, in keys that ignore spacing, case and accents.
#[derive(Debug, PartialEq)]
struct Essentials {
    date: String,
    times: String,
    place: Option<String>,
    organisations: Vec<String>,
    agenda_titles: Vec<String>,
    action_points: Vec<(String, Vec<String>, String)>,
    recommendations: usize,
}

fn essentials(m: &NewMeeting) -> Essentials {
    Essentials {
        date: m.date.to_string(),
        times: format!("{:?}-{:?}", m.start_time, m.end_time),
        place: m.place.as_deref().map(match_key),
        organisations: m
            .attendance
            .iter()
            .map(|a| match_key(&a.organisation))
            .collect(),
        agenda_titles: m.agenda.iter().map(|a| match_key(&a.title)).collect(),
        action_points: m
            .action_points()
            .map(|p| {
                (
                    match_key(&p.what),
                    p.responsible.iter().map(|r| match_key(r)).collect(),
                    match_key(&p.deadline.as_written),
                )
            })
            .collect(),
        recommendations: m.recommendations.len(),
    }
}

fn assert_pdf_reads_as_text(prefix: &str) {
    let (name, text) = seed(prefix);
    let expected = read_document(&name, text.as_bytes(), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .meeting;
    let expected = essentials(&expected);
    for options in BOTH {
        let pdf = render(&text, options);
        let read = read_document("x.pdf", &pdf, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name} as PDF ({options:?}): {e}"));
        let got = essentials(&read.meeting);
        if got != expected {
            let extracted = extract("x.pdf", &pdf).map(|e| e.text).unwrap_or_default();
            panic!(
                "{name} as PDF ({options:?}) reads differently\n  text: {expected:#?}\n  pdf:  {got:#?}\n--- text read from the PDF:\n{extracted}"
            );
        }
        let note = read
            .meeting
            .warnings
            .iter()
            .find_map(|w| w.message.strip_prefix("read from PDF: "))
            .map(str::to_owned);
        let pages = note.unwrap_or_else(|| panic!("no page count in {:?}", read.meeting.warnings));
        assert!(pages.ends_with("pages"), "{pages}");
    }
}

#[test]
fn seed_000_reads_the_same_from_pdf() {
    assert_pdf_reads_as_text("000");
}

#[test]
fn seed_001_reads_the_same_from_pdf() {
    assert_pdf_reads_as_text("001");
}

#[test]
fn seed_002_reads_the_same_from_pdf() {
    assert_pdf_reads_as_text("002");
}

#[test]
fn seed_004_reads_the_same_from_pdf() {
    assert_pdf_reads_as_text("004");
}

fn pdf_text(pdf: &[u8]) -> String {
    extract("x.pdf", pdf).unwrap_or_else(|e| panic!("{e}")).text
}

#[test]
fn spaces_come_back_from_the_geometry() {
    let text = "Les participants ont échangé sur la coordination des acteurs.";
    for options in BOTH {
        assert_eq!(pdf_text(&render(text, options)), text, "{options:?}");
    }
}

#[test]
fn wrapped_paragraphs_are_one_line_and_page_numbers_are_dropped() {
    let paragraph = "La migration est un phénomène ancien dans la région, et les acteurs \
                     présents ont rappelé l'importance de la coordination. "
        .repeat(6);
    let paragraph = paragraph.trim_end();
    let text = vec![paragraph; 30].join("\n\n");
    for options in BOTH {
        let pdf = render(&text, options);
        let read = extract("x.pdf", &pdf).unwrap();
        assert!(
            read.notes
                .iter()
                .any(|n| n.starts_with("read from PDF:") && !n.ends_with(" 1 page")),
            "{:?}",
            read.notes
        );
        let paragraphs: Vec<&str> = read.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 30, "{options:?}\n{}", read.text);
        assert!(
            paragraphs.iter().all(|p| *p == paragraph),
            "{options:?}\n{}",
            read.text
        );
    }
}

#[test]
fn a_row_between_borders_comes_back_whole() {
    let what = "organiser une mission conjointe dans les régions frontalières pour \
                évaluer les conditions d'accueil des migrants et en rendre compte";
    let text = format!(
        "Points d'action\tResponsables\tDate limite\n{what}\tDRECM/R\tmars 2023\n\nSuite du texte."
    );
    for options in BOTH {
        let pdf = render(&text, options);
        // The cell does wrap in the PDF: several lines are drawn for it.
        let drawn = String::from_utf8_lossy(&pdf).matches(") Tj").count();
        assert!(drawn >= 9, "{drawn} strings drawn");
        assert_eq!(pdf_text(&pdf), text, "{options:?}");
    }
}

#[test]
fn wrapped_cells_without_borders_keep_their_column() {
    let show = |x: u32, y: u32, s: &str| format!("BT /F1 10 Tf {x} {y} Td ({s}) Tj ET\n");
    let content = [
        show(72, 700, "Points d'action"),
        show(250, 700, "Responsables"),
        show(400, 700, "Date limite"),
        show(72, 686, "Choix des axes pour la"),
        show(250, 686, "DRECM/R"),
        show(400, 686, "Le plus t\\364t possible"),
        show(72, 674, "r\\351gion de Tahoua"),
        show(72, 650, "Suite."),
    ]
    .concat();
    assert_eq!(
        pdf_text(&one_page(&content)),
        "Points d'action\tResponsables\tDate limite\n\
         Choix des axes pour la\tDRECM/R\tLe plus tôt possible\n\
         région de Tahoua\t\t\n\nSuite."
    );
}

fn one_page(content: &str) -> Vec<u8> {
    page_tree_of(content, 1)
}

/// One page, in a page tree that says it has `count` pages.
fn page_tree_of(content: &str, count: u64) -> Vec<u8> {
    pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [3 0 R] /Count {count} >>").into_bytes(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream("", content.as_bytes(), false),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ])
}

fn pdf_error(bytes: &[u8]) -> IngestError {
    extract("minutes.pdf", bytes).expect_err("the PDF is refused")
}

#[test]
fn a_hand_made_page_is_read() {
    let pdf = one_page("BT /F1 12 Tf 72 700 Td (Date 16 f\\351vrier 2023) Tj ET");
    assert_eq!(pdf_text(&pdf), "Date 16 février 2023");
}

#[test]
fn a_forged_page_count_is_not_believed() {
    let pdf = page_tree_of("BT /F1 12 Tf 72 700 Td (Lieu) Tj ET", 4_000_000_000);
    let read = extract("x.pdf", &pdf).expect("the one page is read");
    assert_eq!(read.text, "Lieu");
    // Neither read for four billion pages nor reported as having them.
    assert!(
        read.notes.iter().any(|n| *n == "read from PDF: 1 page"),
        "{:?}",
        read.notes
    );
}

#[test]
fn a_page_without_text_has_no_text_layer() {
    let pdf = one_page("0 0 1 rg 72 600 200 100 re f");
    assert_eq!(pdf_error(&pdf), IngestError::NoTextLayer);
    let message = read_text("scan.pdf", &pdf, &ReadOptions::default())
        .unwrap_err()
        .to_string();
    assert!(message.contains("no text layer"), "{message}");
}

#[test]
fn what_is_not_a_pdf_is_refused() {
    let err = pdf_error(b"Compte-rendu de la reunion\nDate: 16/02/2023\n");
    assert!(
        matches!(&err, IngestError::Unreadable { format: "PDF", reason } if reason.contains("%PDF-")),
        "{err:?}"
    );
    for garbage in [
        &b"%PDF-1.4\n"[..],
        b"%PDF-1.7\n\x00\x01\x02garbage that is no PDF at all \xff\xfe",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF",
    ] {
        let err = pdf_error(garbage);
        assert!(
            matches!(err, IngestError::Unreadable { .. } | IngestError::NoTextLayer),
            "{err:?}"
        );
    }
    // A real PDF cut short is still refused, not a panic.
    let pdf = render("Date\t16 février 2023\nun texte", PdfOptions::default());
    for cut in [pdf.len() / 3, pdf.len() / 2, pdf.len() - 20] {
        let _ = extract("x.pdf", &pdf[..cut]);
    }
}

#[test]
fn a_parser_panic_is_a_refusal() {
    // Found by the fuzzer: pdf_oxide 0.3.78 slices an object header that is not UTF-8 inside
    // a char and panics; the reader must refuse the file, not crash.
    let pdf = render("Date\t16 février 2023", PdfOptions::default());
    let at = pdf
        .windows(7)
        .position(|w| w == b"4 0 obj")
        .expect("page object");
    let mut broken = pdf.clone();
    broken[at + 1] = 0xE9;
    let err = pdf_error(&broken);
    assert!(matches!(err, IngestError::Unreadable { .. }), "{err:?}");
}

#[test]
fn an_encrypted_pdf_is_refused_with_the_reason() {
    let pdf = render("Date\t16 février 2023", PdfOptions::default());
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let encrypt = format!(
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 \
         /O <{o}> /U <{u}> >> /ID [<{id}> <{id}>]",
        o = "7a".repeat(32),
        u = "3c".repeat(32),
        id = "0123456789abcdef".repeat(2)
    );
    let encrypted = text.replace("/Root 1 0 R", &encrypt);
    let err = pdf_error(encrypted.as_bytes());
    assert!(
        matches!(&err, IngestError::Unreadable { reason, .. } if reason.contains("the PDF is encrypted")),
        "{err:?}"
    );
}

#[test]
fn pathological_nesting_is_refused_before_parsing() {
    let deep = format!(
        "{}1{}",
        "[".repeat(MAX_NESTING + 5),
        "]".repeat(MAX_NESTING + 5)
    );
    let pdf = pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
        format!("<< /Deep {deep} >>").into_bytes(),
    ]);
    assert_eq!(
        pdf_error(&pdf),
        IngestError::TooDeeplyNested { limit: MAX_NESTING }
    );
    // Depth within the limit is fine, whatever the number of arrays.
    let wide = "[[1] [2]] ".repeat(5000);
    let pdf = one_page(&format!("BT /F1 12 Tf 72 700 Td (Lieu) Tj ET % {wide}"));
    assert_eq!(pdf_text(&pdf), "Lieu");
}
