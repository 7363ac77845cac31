//! Action points as spreadsheets: CSV (UTF-8 with a byte-order mark, so that Excel reads the
//! accents right) and Excel (.xlsx: bold frozen header, filters, column widths, real dates).
//!
//! Columns: meeting date, body, agenda item, action point, responsible organisations,
//! responsible as written, deadline as written, due date, status, age (days since the meeting,
//! for a point still pending). Every text cell goes through
//! [`cadre_domain::privacy::spreadsheet_cell`]: contacts masked, and a cell starting like a
//! formula ("=HYPERLINK(…)") neutralised.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

use cadre_domain::ActionPoint;
use cadre_domain::privacy::spreadsheet_cell;
use cadre_i18n::{Lang, t};

use crate::shown;

const COLUMNS: [&str; 10] = [
    "out-col-meeting-date",
    "out-col-body",
    "out-col-agenda-item",
    "out-col-action-point",
    "out-col-responsible-organisations",
    "out-col-responsible-as-written",
    "out-col-deadline-as-written",
    "out-col-due-date",
    "out-col-status",
    "out-col-age",
];

/// Column widths in Excel's units (characters of the default font).
const WIDTHS: [f64; 10] = [14.0, 14.0, 36.0, 50.0, 24.0, 24.0, 20.0, 12.0, 11.0, 9.0];

/// One row, as the spreadsheets show it.
struct Line {
    meeting_date: NaiveDate,
    body: String,
    agenda_item: String,
    what: String,
    organisations: String,
    responsible_as_written: String,
    deadline: String,
    due: Option<NaiveDate>,
    status: &'static str,
    age: Option<i64>,
}

impl Line {
    fn new(a: &ActionPoint, lang: Lang, today: NaiveDate) -> Line {
        let cell = |s: &str| spreadsheet_cell(s.trim()).into_owned();
        let organisations = shown::organisations(a);
        Line {
            meeting_date: a.meeting_date,
            body: cell(&a.body),
            agenda_item: cell(&a.agenda_item_title),
            what: cell(&a.what),
            organisations: if organisations.is_empty() {
                t(lang, "out-not-specified").to_owned()
            } else {
                cell(&organisations)
            },
            responsible_as_written: cell(&shown::responsible(lang, a)),
            deadline: cell(&shown::deadline(lang, &a.deadline)),
            due: a.due_on(),
            status: shown::status(lang, a.status),
            age: (a.status.is_pending() && a.meeting_date <= today)
                .then(|| (today - a.meeting_date).num_days()),
        }
    }
}

fn header(lang: Lang) -> Vec<&'static str> {
    COLUMNS.iter().map(|k| t(lang, k)).collect()
}

/// The action points as CSV: a header row, one row per point, dates written ISO 8601
/// (2026-12-01) so that every spreadsheet reads them as dates whatever its locale.
pub fn csv(points: &[ActionPoint], lang: Lang, today: NaiveDate) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + points.len() * 200);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    // Writing into memory cannot fail.
    writer
        .write_record(header(lang))
        .expect("a CSV record in memory");
    for a in points {
        let l = Line::new(a, lang, today);
        let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        writer
            .write_record([
                date(l.meeting_date),
                l.body,
                l.agenda_item,
                l.what,
                l.organisations,
                l.responsible_as_written,
                l.deadline,
                l.due.map(date).unwrap_or_default(),
                l.status.to_owned(),
                l.age.map(|n| n.to_string()).unwrap_or_default(),
            ])
            .expect("a CSV record in memory");
    }
    writer.into_inner().expect("a CSV file in memory")
}

fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// The action points as an Excel workbook: one sheet, a bold header row frozen at the top
/// with filters, column widths set, dates as real Excel dates. The workbook's creation date
/// is `today`, so the same points give the same file.
pub fn xlsx(points: &[ActionPoint], lang: Lang, today: NaiveDate) -> Vec<u8> {
    build_xlsx(points, lang, today).expect("a workbook of strings, numbers and dates in memory")
}

fn build_xlsx(
    points: &[ActionPoint],
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(t(lang, "out-sheet-action-points"))
        .set_author("Cadre");
    if let Some(d) = excel_date(today) {
        properties = properties.set_creation_datetime(&d);
    }
    workbook.set_properties(&properties);
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xD9E2F3);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date_format = match lang {
        Lang::Fr => "dd/mm/yyyy",
        Lang::En => "dd mmm yyyy",
    };
    let date = Format::new()
        .set_num_format(date_format)
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    let number = Format::new().set_align(FormatAlign::Top);

    let sheet = workbook.add_worksheet();
    // Sheet names cannot hold some characters (and at most 31 of them): the catalogue's
    // name, else Excel's default.
    let _ = sheet.set_name(t(lang, "out-sheet-action-points"));
    for (c, (title, width)) in header(lang).iter().zip(WIDTHS).enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, *title, &bold)?;
        sheet.set_column_width(c, width)?;
    }
    for (r, a) in points.iter().enumerate() {
        let row = (r + 1) as u32;
        let l = Line::new(a, lang, today);
        match excel_date(l.meeting_date) {
            Some(d) => sheet.write_datetime_with_format(row, 0, &d, &date)?,
            None => sheet.write_string_with_format(row, 0, l.meeting_date.to_string(), &text)?,
        };
        for (c, value) in [
            (1, &l.body),
            (2, &l.agenda_item),
            (3, &l.what),
            (4, &l.organisations),
            (5, &l.responsible_as_written),
            (6, &l.deadline),
        ] {
            sheet.write_string_with_format(row, c, value, &text)?;
        }
        if let Some(d) = l.due.and_then(excel_date) {
            sheet.write_datetime_with_format(row, 7, &d, &date)?;
        }
        sheet.write_string_with_format(row, 8, l.status, &text)?;
        if let Some(age) = l.age {
            sheet.write_number_with_format(row, 9, age as f64, &number)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, points.len() as u32, (COLUMNS.len() - 1) as u16)?;
    workbook.save_to_buffer()
}
