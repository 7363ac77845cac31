//! The "état de mise en œuvre" of recommendations, as the secretariat rebuilds it before every
//! session: Word and PDF (grouped by roadmap, scope and thematic group, one table each, like
//! the session reports), Excel and CSV (one row per recommendation, every field in its column,
//! for filtering). What each row says of the implementation is the latest report standing;
//! a recommendation never reported on keeps the challenges and perspectives it was adopted
//! with. Free text leaves through [`cadre_domain::privacy`].

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

use cadre_domain::privacy::spreadsheet_cell;
use cadre_domain::{Recommendation, RecommendationScope};
use cadre_i18n::{Lang, label, t, tf};

use crate::model::{Block, Table};
use crate::{Document, shown};

/// The latest report standing of a recommendation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LatestReport {
    pub reported_on: NaiveDate,
    pub done: String,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
}

/// One recommendation with what the table says of it.
#[derive(Debug, Clone)]
pub struct ImplementationRow<'a> {
    pub recommendation: &'a Recommendation,
    /// Responsible organisations, as short names.
    pub responsible: Vec<String>,
    /// "2.3 – title", when set.
    pub pnm: Option<String>,
    pub objectives: Vec<u8>,
    pub latest: Option<LatestReport>,
}

/// The table and its title ("État de mise en œuvre des recommandations – CCM").
#[derive(Debug, Clone)]
pub struct ImplementationTable<'a> {
    pub title: String,
    pub rows: Vec<ImplementationRow<'a>>,
    pub lang: Lang,
    pub today: NaiveDate,
}

/// The status, or why there is none: no report yet, or reports that state none.
fn status(lang: Lang, row: &ImplementationRow) -> String {
    match (row.recommendation.status, &row.latest) {
        (Some(s), _) => label(lang, "recommendation-status", s.as_str()).to_owned(),
        (None, Some(_)) => t(lang, "out-rec-unstated").to_owned(),
        (None, None) => t(lang, "out-rec-unreported").to_owned(),
    }
}

/// What was done, the challenges and the perspectives a row shows.
fn said(row: &ImplementationRow) -> (String, String, String) {
    let r = row.recommendation;
    match &row.latest {
        Some(l) => (
            l.done.clone(),
            l.challenges.clone().unwrap_or_default(),
            l.perspectives.clone().unwrap_or_default(),
        ),
        None => (
            String::new(),
            r.challenges.clone().unwrap_or_default(),
            r.perspectives.clone().unwrap_or_default(),
        ),
    }
}

fn blocks(table: &ImplementationTable) -> Vec<Block> {
    let lang = table.lang;
    let mut blocks = vec![
        Block::Title(table.title.clone()),
        Block::Paragraph(tf(
            lang,
            "out-rec-as-of",
            &[("date", cadre_i18n::date(lang, table.today).into())],
        )),
    ];
    if table.rows.is_empty() {
        blocks.push(Block::Paragraph(t(lang, "out-rec-none").to_owned()));
        return blocks;
    }
    // Sessions in the order given (the list's: latest first), then roadmap, scope, group.
    let mut roadmaps: Vec<(&str, &str)> = Vec::new();
    for row in &table.rows {
        let key = (
            row.recommendation.body.as_str(),
            row.recommendation.roadmap.as_str(),
        );
        if !roadmaps.contains(&key) {
            roadmaps.push(key);
        }
    }
    for (body, roadmap) in roadmaps {
        let of_roadmap: Vec<&ImplementationRow> = table
            .rows
            .iter()
            .filter(|r| r.recommendation.body == body && r.recommendation.roadmap == roadmap)
            .collect();
        blocks.push(Block::Heading(
            1,
            format!(
                "{} – {}",
                shown::one_line(body),
                tf(
                    lang,
                    "out-roadmap",
                    &[("roadmap", shown::one_line(roadmap).into())]
                )
            ),
        ));
        for scope in RecommendationScope::ALL {
            let of_scope: Vec<&ImplementationRow> = of_roadmap
                .iter()
                .copied()
                .filter(|r| r.recommendation.scope == scope)
                .collect();
            if of_scope.is_empty() {
                continue;
            }
            blocks.push(Block::Heading(
                2,
                shown::capitalised(&tf(
                    lang,
                    "out-recommendations-scope",
                    &[(
                        "scope",
                        label(lang, "recommendation-scope", scope.as_str()).into(),
                    )],
                )),
            ));
            let mut groups: Vec<Option<&str>> = Vec::new();
            for r in &of_scope {
                if !groups.contains(&r.recommendation.thematic_group.as_deref()) {
                    groups.push(r.recommendation.thematic_group.as_deref());
                }
            }
            for group in groups {
                let mut rows: Vec<&ImplementationRow> = of_scope
                    .iter()
                    .copied()
                    .filter(|r| r.recommendation.thematic_group.as_deref() == group)
                    .collect();
                rows.sort_by_key(|r| r.recommendation.position);
                if let Some(g) = group {
                    blocks.push(Block::Label(tf(
                        lang,
                        "out-thematic-group",
                        &[("group", shown::one_line(g).into())],
                    )));
                }
                blocks.push(Block::Table(grid(lang, &rows)));
            }
        }
    }
    blocks
}

fn grid(lang: Lang, rows: &[&ImplementationRow]) -> Table {
    let header = [
        "out-number",
        "out-recommendation",
        "out-rec-responsible",
        "out-status",
        "out-implementation",
        "out-challenges",
        "out-perspectives",
    ]
    .iter()
    .map(|k| t(lang, k).to_owned())
    .collect();
    let cells = rows
        .iter()
        .map(|row| {
            let r = row.recommendation;
            let (done, challenges, perspectives) = said(row);
            let mut state = status(lang, row);
            if let Some(d) = r.status_date {
                state = format!("{state} ({})", cadre_i18n::date(lang, d));
            }
            vec![
                r.position.to_string(),
                shown::text(&r.text),
                row.responsible.join(shown::list_separator(lang)),
                state,
                shown::text(&done),
                shown::text(&challenges),
                shown::text(&perspectives),
            ]
        })
        .collect();
    Table::grid(&[5, 25, 12, 9, 23, 13, 13], header, cells)
}

fn document(table: &ImplementationTable) -> Document {
    Document {
        title: table.title.clone(),
        blocks: blocks(table),
        lang: table.lang,
        today: table.today,
    }
}

/// The table as a Word document.
pub fn docx(table: &ImplementationTable) -> Vec<u8> {
    crate::docx::write(&document(table))
}

/// The table as a PDF document.
pub fn pdf(table: &ImplementationTable) -> Vec<u8> {
    crate::pdf::write(&document(table))
}

const COLUMNS: [&str; 15] = [
    "out-col-body",
    "out-col-roadmap",
    "out-col-scope",
    "out-col-thematic-group",
    "out-number",
    "out-recommendation",
    "out-rec-responsible",
    "out-col-pnm",
    "out-col-gcm",
    "out-status",
    "out-col-status-date",
    "out-implementation",
    "out-challenges",
    "out-perspectives",
    "out-col-address",
];

const WIDTHS: [f64; 15] = [
    10.0, 10.0, 12.0, 18.0, 5.0, 50.0, 18.0, 20.0, 12.0, 13.0, 12.0, 45.0, 30.0, 30.0, 22.0,
];

/// One row's cells as text, dates ISO 8601.
fn line(row: &ImplementationRow, lang: Lang) -> [String; 15] {
    let cell = |s: &str| spreadsheet_cell(s.trim()).into_owned();
    let r = row.recommendation;
    let (done, challenges, perspectives) = said(row);
    [
        cell(&r.body),
        cell(&r.roadmap),
        label(lang, "recommendation-scope", r.scope.as_str()).to_owned(),
        cell(r.thematic_group.as_deref().unwrap_or_default()),
        r.position.to_string(),
        cell(&r.text),
        cell(&row.responsible.join(", ")),
        cell(row.pnm.as_deref().unwrap_or_default()),
        row.objectives
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        status(lang, row),
        r.status_date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        cell(&done),
        cell(&challenges),
        cell(&perspectives),
        format!("/recommendations/{}", r.id),
    ]
}

/// The table as CSV (UTF-8 with a byte-order mark), one row per recommendation.
pub fn csv(table: &ImplementationTable) -> Vec<u8> {
    let mut out = Vec::with_capacity(256 + table.rows.len() * 400);
    out.extend_from_slice("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer
        .write_record(COLUMNS.iter().map(|k| t(table.lang, k)))
        .expect("a CSV record in memory");
    for row in &table.rows {
        writer
            .write_record(line(row, table.lang))
            .expect("a CSV record in memory");
    }
    writer.into_inner().expect("a CSV file in memory")
}

/// The table as an Excel workbook: bold frozen header with filters, one row per
/// recommendation. Created `today`, so the same table gives the same file.
pub fn xlsx(table: &ImplementationTable) -> Vec<u8> {
    build_xlsx(table).expect("a workbook of strings in memory")
}

fn build_xlsx(table: &ImplementationTable) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let lang = table.lang;
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(table.title.as_str())
        .set_author("Cadre");
    if let Ok(y) = u16::try_from(table.today.year())
        && let Ok(d) =
            ExcelDateTime::from_ymd(y, table.today.month() as u8, table.today.day() as u8)
    {
        properties = properties.set_creation_datetime(&d);
    }
    workbook.set_properties(&properties);
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xD9E2F3);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let sheet = workbook.add_worksheet();
    let _ = sheet.set_name(t(lang, "out-sheet-recommendations"));
    for (c, (key, width)) in COLUMNS.iter().zip(WIDTHS).enumerate() {
        sheet.write_string_with_format(0, c as u16, t(lang, key), &bold)?;
        sheet.set_column_width(c as u16, width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, value) in line(row, lang).iter().enumerate() {
            sheet.write_string_with_format((r + 1) as u32, c as u16, value, &text)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, table.rows.len() as u32, (COLUMNS.len() - 1) as u16)?;
    workbook.save_to_buffer()
}
