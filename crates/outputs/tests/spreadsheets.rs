//! Action points as CSV and Excel; the workbook read back with calamine.

mod common;

use common::*;

use cadre_domain::{ActionPoint, ActionStatus, Deadline};
use cadre_i18n::Lang;
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

/// The GTM's points, plus one whose text is a formula and one whose responsible cell holds a
/// phone number.
fn points() -> Vec<ActionPoint> {
    let mut points = gtm_points();
    let mut formula = points[0].clone();
    formula.what = "=HYPERLINK(\"http://evil.example/x\",\"Cliquez ici\")".into();
    formula.deadline = Deadline::parse("16/03/2027");
    let mut phone = points[1].clone();
    phone.responsible_as_written = "Point focal OIM, Tél : 96 97 25 39".into();
    phone.what = "Appeler le point focal au +227 96 12 34 56 avant la réunion".into();
    phone.status = ActionStatus::Open;
    points.push(formula);
    points.push(phone);
    points
}

const HEADER_FR: [&str; 10] = [
    "Date de la réunion",
    "Instance",
    "Point de l’ordre du jour",
    "Point d’action",
    "Organisations responsables",
    "Responsables (tels qu’écrits)",
    "Date limite (telle qu’écrite)",
    "Échéance",
    "Statut",
    "Âge (jours)",
];

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 byte-order mark"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_has_a_header_and_one_row_per_action_point() {
    let points = points();
    let bytes = cadre_outputs::action_points::csv(&points, Lang::Fr, today());
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(text.contains("\r\n"));
    let rows = csv_rows(&bytes);
    assert_eq!(rows[0], HEADER_FR);
    assert_eq!(rows.len(), 1 + points.len());
    let first = &rows[1];
    assert_eq!(first[0], "2026-12-01");
    assert_eq!(first[1], "GTM Niamey");
    assert_eq!(first[2], AGENDA[0].0);
    assert_eq!(
        first[3],
        "Partager la fiche d’orientation de la Croix-Rouge danoise avec tous les partenaires"
    );
    assert_eq!(first[4], "CRD");
    assert_eq!(first[5], "Croix-Rouge danoise");
    assert_eq!(first[6], "Le plus tôt possible");
    // "Le plus tôt possible" is due 30 days after the meeting.
    assert_eq!(first[7], "2026-12-31");
    assert_eq!(first[8], "ouvert");
    assert_eq!(first[9], "14");
    // "/" is "sans date"; no responsible is "non précisé"; a done point has no age.
    assert_eq!(rows[2][6], "sans date");
    assert_eq!(rows[2][4], "Nexus, SP/CCM");
    assert_eq!(rows[5][4], "non précisé");
    assert_eq!(rows[5][5], "non précisé");
    assert_eq!(rows[6][8], "réalisé");
    assert_eq!(rows[6][9], "");
    // The formula is neutralised, the phone numbers masked.
    let formula = &rows[7];
    assert!(formula[3].starts_with("'=HYPERLINK("), "{formula:?}");
    let phone = &rows[8];
    assert_eq!(phone[5], "Point focal OIM, Tél : [numéro masqué]");
    assert_eq!(
        phone[3],
        "Appeler le point focal au [numéro masqué] avant la réunion"
    );
    assert!(!text.contains("96 97 25 39") && !text.contains("96 12 34 56"));
    // In English, the header and labels too.
    let en = csv_rows(&cadre_outputs::action_points::csv(
        &points,
        Lang::En,
        today(),
    ));
    assert_eq!(en[0][3], "Action point");
    assert_eq!(en[2][6], "no date");
    assert_eq!(en[2][8], "in progress");
}

fn excel_serial(date: chrono::NaiveDate) -> f64 {
    (date - d(1899, 12, 30)).num_days() as f64
}

#[test]
fn xlsx_reads_back_with_calamine() {
    let points = points();
    let bytes = cadre_outputs::action_points::xlsx(&points, Lang::Fr, today());
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).expect("calamine opens it");
    let names = book.sheet_names();
    assert_eq!(names, ["Points d’action"]);
    let range = book.worksheet_range(&names[0]).unwrap();
    assert_eq!(range.height(), 1 + points.len());
    assert_eq!(range.width(), 10);
    let cell = |r: usize, c: usize| range.get((r, c)).cloned().unwrap_or(Data::Empty);
    let header: Vec<String> = (0..10).map(|c| cell(0, c).to_string()).collect();
    assert_eq!(header, HEADER_FR);
    // Dates are real dates (serial numbers with a date format), not text.
    match cell(1, 0) {
        Data::DateTime(dt) => {
            assert!(dt.is_datetime());
            assert_eq!(dt.as_f64(), excel_serial(d(2026, 12, 1)));
        }
        other => panic!("the meeting date is {other:?}"),
    }
    match cell(4, 7) {
        Data::DateTime(dt) => assert_eq!(dt.as_f64(), excel_serial(d(2027, 1, 31))),
        other => panic!("the due date is {other:?}"),
    }
    assert_eq!(cell(2, 7), Data::Empty, "no due date for '/'");
    assert_eq!(cell(1, 9), Data::Float(14.0));
    assert_eq!(cell(2, 6), Data::String("sans date".into()));
    assert_eq!(cell(4, 5), Data::String("DRECM-R Agadez, INS, OIM".into()));
    assert_eq!(cell(4, 4), Data::String("DRECM-R Agadez, INS, OIM".into()));
    // The formula is text, neutralised; the phone number masked.
    let formula = cell(7, 3).to_string();
    assert!(formula.starts_with("'=HYPERLINK("), "{formula}");
    assert_eq!(
        cell(8, 5),
        Data::String("Point focal OIM, Tél : [numéro masqué]".into())
    );
    // No formula anywhere in the sheet.
    let formulas = book.worksheet_formula(&names[0]).unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));

    // The header row is bold and frozen, with filters.
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<pane ySplit=\"1\""), "frozen header");
    assert!(sheet.contains("<autoFilter ref=\"A1:J9\""), "filters");
    assert!(sheet.contains("<col "), "column widths");
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "a bold format");
}

#[test]
fn the_same_points_give_the_same_bytes() {
    let points = points();
    for lang in [Lang::Fr, Lang::En] {
        assert_eq!(
            cadre_outputs::action_points::xlsx(&points, lang, today()),
            cadre_outputs::action_points::xlsx(&points, lang, today())
        );
        assert_eq!(
            cadre_outputs::action_points::csv(&points, lang, today()),
            cadre_outputs::action_points::csv(&points, lang, today())
        );
    }
    let core = part(
        &cadre_outputs::action_points::xlsx(&points, Lang::Fr, today()),
        "docProps/core.xml",
    );
    assert!(core.contains("2026-12-15T00:00:00Z"), "{core}");
}
