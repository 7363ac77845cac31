//! Minutes as a PDF, written by hand.
//!
//! Why not typst, as the guide suggested: compiling it costs minutes on the project's two
//! cores and megabytes of binary, for a layout this simple (headings, wrapped paragraphs,
//! ruled tables). The writer here is a few hundred lines that a reader can check:
//!
//! - A4 pages, 2 cm margins, the page number "1 / 3" centred at the foot of each page;
//! - Helvetica and Helvetica-Bold, two of the standard fonts every PDF reader has, in
//!   WinAnsiEncoding so that French accents and œ ’ « » – — € show ([`fonts`]); other
//!   characters are drawn as '?';
//! - paragraphs wrapped at spaces using the fonts' real glyph widths;
//! - tables with ruled cells whose text wraps within its column; a row is never split
//!   across pages (it moves to the next page, where the header row is repeated), unless it
//!   is taller than a whole page, when it continues on the next one;
//! - content streams compressed with FlateDecode (flate2, the backend zip already builds).

mod fonts;

use std::fmt::Write as _;
use std::io::Write as _;

use cadre_i18n::Lang;
use flate2::Compression;
use flate2::write::ZlibEncoder;

use crate::model::{self, Block, Table};
use crate::{Document, MinutesInput};
use fonts::{Face, text_width};

/// A4, in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
/// 2 cm.
const MARGIN: f32 = 56.69;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The first baseline's room at the top of a page, and the lowest text above the footer.
const TOP: f32 = PAGE_HEIGHT - MARGIN;
const BOTTOM: f32 = MARGIN;
/// Baseline of the page number.
const FOOTER_BASELINE: f32 = MARGIN / 2.0;

const TABLE_SIZE: f32 = 9.0;
const TABLE_LEADING: f32 = 10.8;
/// Room between a cell's border and its text: on the sides wider than a word space even
/// doubled, so that a reader measuring gaps sees cells apart; above and below small, as in
/// Word (whose default is none), so that the last line of a row and the first of the next
/// stay closer than a paragraph break (1.6 times the font size): readers that rebuild
/// tables from the text's geometry, Cadre's among them, then keep the table whole.
const CELL_PAD_X: f32 = 5.0;
const CELL_PAD_Y: f32 = 1.7;

/// How a kind of paragraph is set.
#[derive(Clone, Copy)]
struct Style {
    face: Face,
    size: f32,
    leading: f32,
    before: f32,
    after: f32,
    centred: bool,
}

const fn style(face: Face, size: f32, leading: f32, before: f32, after: f32) -> Style {
    Style {
        face,
        size,
        leading,
        before,
        after,
        centred: false,
    }
}

const TITLE: Style = Style {
    centred: true,
    ..style(Face::Bold, 15.0, 19.0, 0.0, 12.0)
};
const HEADING_1: Style = style(Face::Bold, 13.0, 16.0, 12.0, 5.0);
const HEADING_2: Style = style(Face::Bold, 11.5, 14.5, 10.0, 4.0);
const HEADING_3: Style = style(Face::Bold, 10.5, 13.5, 8.0, 3.0);
const LABEL: Style = style(Face::Bold, 10.0, 13.0, 6.0, 2.0);
const BODY: Style = style(Face::Regular, 10.0, 13.0, 0.0, 4.0);

/// The minutes as a PDF file.
pub fn minutes(input: &MinutesInput) -> Vec<u8> {
    write(&Document {
        title: model::title(input),
        blocks: model::minutes(input),
        lang: input.lang,
        today: input.today,
    })
}

/// Any of Cadre's documents as a PDF file.
pub(crate) fn write(doc: &Document) -> Vec<u8> {
    let blocks = &doc.blocks;
    let mut pages = Pages::new();
    for (k, block) in blocks.iter().enumerate() {
        match block {
            Block::Table(table) => pages.table(table),
            Block::Title(text) | Block::Heading(_, text) | Block::Label(text) => {
                // A heading stays with what it introduces: the headings after it and the
                // first lines (or the header and first row) of the content.
                pages.paragraph(text, block_style(block), keep_with(&blocks[k + 1..]))
            }
            Block::Paragraph(text) => pages.paragraph(text, BODY, 0.0),
        }
    }
    let pages = pages.finish();
    write_pdf(&pages, &doc.title, doc)
}

fn block_style(block: &Block) -> Style {
    match block {
        Block::Title(_) => TITLE,
        Block::Heading(1, _) => HEADING_1,
        Block::Heading(2, _) => HEADING_2,
        Block::Heading(_, _) => HEADING_3,
        Block::Label(_) => LABEL,
        Block::Paragraph(_) | Block::Table(_) => BODY,
    }
}

/// The room the blocks after a heading need on the same page: the headings and labels that
/// follow it, then two lines of a paragraph or a table's header and first row.
fn keep_with(rest: &[Block]) -> f32 {
    let mut height = 0.0;
    for block in rest {
        match block {
            Block::Title(_) | Block::Heading(..) | Block::Label(_) => {
                let s = block_style(block);
                height += s.before + s.leading + s.after;
            }
            Block::Paragraph(_) => return height + 2.0 * BODY.leading,
            Block::Table(table) => {
                let widths = column_widths(table);
                let header = table.header.as_ref().map_or(0.0, |cells| {
                    let cells: Vec<Vec<String>> = cells.iter().map(|c| vec![c.clone()]).collect();
                    Row::new(&cells, &widths, |_| Face::Bold, true).height()
                });
                let first = table.rows.first().map_or(0.0, |cells| {
                    Row::new(cells, &widths, |_| Face::Regular, false).height()
                });
                return height + header + first;
            }
        }
    }
    height
}

fn column_widths(table: &Table) -> Vec<f32> {
    let total: u32 = table.widths.iter().sum::<u32>().max(1);
    table
        .widths
        .iter()
        .map(|w| TEXT_WIDTH * *w as f32 / total as f32)
        .collect()
}

/// The pages as they fill, each a content stream.
struct Pages {
    done: Vec<String>,
    content: String,
    /// Top of the room left on the page: the next line's top edge.
    y: f32,
}

impl Pages {
    fn new() -> Pages {
        Pages {
            done: Vec::new(),
            content: String::new(),
            y: TOP,
        }
    }

    fn at_top(&self) -> bool {
        self.y >= TOP
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.content));
        self.y = TOP;
    }

    /// Moves to a new page unless `height` fits in what is left of this one.
    fn make_room(&mut self, height: f32) {
        if self.y - height < BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    /// A paragraph, on a new page unless its first line and `keep` more fit on this one.
    fn paragraph(&mut self, text: &str, style: Style, keep: f32) {
        let lines: Vec<String> = text
            .split('\n')
            .flat_map(|l| wrap(l, TEXT_WIDTH, style.face, style.size))
            .collect();
        if lines.is_empty() {
            return;
        }
        let before = if self.at_top() { 0.0 } else { style.before };
        self.make_room(before + style.leading + keep);
        if !self.at_top() {
            self.y -= style.before;
        }
        for line in &lines {
            self.make_room(style.leading);
            let x = if style.centred {
                MARGIN + (TEXT_WIDTH - text_width(style.face, line, style.size)) / 2.0
            } else {
                MARGIN
            };
            // The baseline sits a font's ascent below the line's top.
            let baseline = self.y - style.size * 0.8 - (style.leading - style.size) / 2.0;
            show(&mut self.content, style.face, style.size, x, baseline, line);
            self.y -= style.leading;
        }
        self.y -= style.after;
    }

    fn table(&mut self, table: &Table) {
        let widths = column_widths(table);
        let header = table.header.as_ref().map(|cells| {
            let cells: Vec<Vec<String>> = cells.iter().map(|c| vec![c.clone()]).collect();
            Row::new(&cells, &widths, |_| Face::Bold, true)
        });
        let header_height = header.as_ref().map_or(0.0, Row::height);
        let mut first = true;
        for cells in &table.rows {
            let row = Row::new(
                cells,
                &widths,
                |c| {
                    if c == 0 && table.first_column_bold {
                        Face::Bold
                    } else {
                        Face::Regular
                    }
                },
                false,
            );
            // The header goes with the first row; on a new page, it is drawn again.
            let with_header = if first { header_height } else { 0.0 };
            if self.y - (with_header + row.height()) < BOTTOM && !self.at_top() {
                self.new_page();
                first = true;
            }
            if first {
                if let Some(h) = &header {
                    self.draw_row(h, &widths, 0, h.lines());
                }
                first = false;
            }
            // A row taller than a page continues on the next, header first.
            let mut from = 0;
            while from < row.lines() {
                let fit = ((self.y - BOTTOM - 2.0 * CELL_PAD_Y) / TABLE_LEADING).floor();
                let fit = (fit.max(1.0) as usize).min(row.lines() - from);
                self.draw_row(&row, &widths, from, from + fit);
                from += fit;
                if from < row.lines() {
                    self.new_page();
                    if let Some(h) = &header {
                        self.draw_row(h, &widths, 0, h.lines());
                    }
                }
            }
        }
        if table.rows.is_empty()
            && let Some(h) = &header
        {
            self.make_room(h.height());
            self.draw_row(h, &widths, 0, h.lines());
        }
        self.y -= 8.0;
    }

    /// Draws lines `from..to` of a row at the top of the room left: its shading, its text,
    /// then its borders (ruled one segment per side, as word processors print them, so that
    /// a reader finds the cell borders).
    fn draw_row(&mut self, row: &Row, widths: &[f32], from: usize, to: usize) {
        let height = (to - from) as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y;
        let top = self.y;
        let bottom = top - height;
        if row.shaded {
            let _ = writeln!(
                self.content,
                "0.851 0.886 0.953 rg {MARGIN:.2} {bottom:.2} {TEXT_WIDTH:.2} {height:.2} re f 0 g"
            );
        }
        let mut x = MARGIN;
        for (cell, w) in row.cells.iter().zip(widths) {
            for (k, line) in cell.lines.iter().enumerate().take(to).skip(from) {
                let baseline =
                    top - CELL_PAD_Y - TABLE_LEADING * (k - from) as f32 - 0.78 * TABLE_LEADING;
                show(
                    &mut self.content,
                    cell.face,
                    TABLE_SIZE,
                    x + CELL_PAD_X,
                    baseline,
                    line,
                );
            }
            x += w;
        }
        let right = MARGIN + widths.iter().sum::<f32>();
        rule(&mut self.content, MARGIN, top, right, top);
        rule(&mut self.content, MARGIN, bottom, right, bottom);
        let mut x = MARGIN;
        rule(&mut self.content, x, bottom, x, top);
        for w in widths {
            x += w;
            rule(&mut self.content, x, bottom, x, top);
        }
        self.y = bottom;
    }

    /// The pages, each with its number at the foot.
    fn finish(mut self) -> Vec<String> {
        if !self.content.is_empty() || self.done.is_empty() {
            self.new_page();
        }
        let count = self.done.len();
        for (n, page) in self.done.iter_mut().enumerate() {
            let number = format!("{} / {count}", n + 1);
            let x = (PAGE_WIDTH - text_width(Face::Regular, &number, 9.0)) / 2.0;
            show(page, Face::Regular, 9.0, x, FOOTER_BASELINE, &number);
        }
        self.done
    }
}

/// A table row, its cells wrapped to their columns.
struct Row {
    cells: Vec<CellLines>,
    shaded: bool,
}

struct CellLines {
    face: Face,
    lines: Vec<String>,
}

impl Row {
    fn new(
        cells: &[Vec<String>],
        widths: &[f32],
        face: impl Fn(usize) -> Face,
        shaded: bool,
    ) -> Row {
        let cells = widths
            .iter()
            .enumerate()
            .map(|(c, w)| {
                let face = face(c);
                let lines = cells
                    .get(c)
                    .map(|paragraphs| {
                        paragraphs
                            .iter()
                            .flat_map(|p| p.split('\n'))
                            .flat_map(|p| wrap(p, w - 2.0 * CELL_PAD_X, face, TABLE_SIZE))
                            .collect()
                    })
                    .unwrap_or_default();
                CellLines { face, lines }
            })
            .collect();
        Row { cells, shaded }
    }

    /// Lines of its tallest cell (at least one: an empty row keeps its height).
    fn lines(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(0)
            .max(1)
    }

    fn height(&self) -> f32 {
        self.lines() as f32 * TABLE_LEADING + 2.0 * CELL_PAD_Y
    }
}

/// Breaks `text` into lines no wider than `width`, at spaces (a no-break space holds its
/// words together); a word wider than a line is cut where it must be.
fn wrap(text: &str, width: f32, face: Face, size: f32) -> Vec<String> {
    // A line measured whole must fit when measured word by word: float sums differ in
    // their last bits.
    let width = width + 0.01;
    let space = text_width(face, " ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        let w = text_width(face, word, size);
        if !line.is_empty() && line_width + space + w <= width {
            line.push(' ');
            line.push_str(word);
            line_width += space + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        line_width = 0.0;
        for c in word.chars() {
            let cw = fonts::char_width(face, c, size);
            if !line.is_empty() && line_width + cw > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += cw;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One text-showing operation.
fn show(content: &mut String, face: Face, size: f32, x: f32, y: f32, text: &str) {
    let _ = write!(
        content,
        "BT /{} {size} Tf {x:.2} {y:.2} Td (",
        face.resource()
    );
    for b in fonts::encode(text) {
        match b {
            b'(' | b')' | b'\\' => {
                content.push('\\');
                content.push(char::from(b));
            }
            0x20..=0x7E => content.push(char::from(b)),
            _ => {
                let _ = write!(content, "\\{b:03o}");
            }
        }
    }
    content.push_str(") Tj ET\n");
}

/// A cell border: a thin grey line.
fn rule(content: &mut String, x0: f32, y0: f32, x1: f32, y1: f32) {
    let _ = writeln!(content, "0.5 w 0.5 G {x0:.2} {y0:.2} m {x1:.2} {y1:.2} l S");
}

/// A PDF text string that holds any character: UTF-16BE with its byte-order mark, in hex.
fn text_string(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in s.encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

/// The file: catalog, page tree, the two fonts, the document information, then a page and
/// its compressed content stream per page, and the cross-reference table giving each
/// object's byte offset.
fn write_pdf(pages: &[String], title: &str, input: &Document) -> Vec<u8> {
    const FIRST_PAGE: usize = 6;
    let page_id = |n: usize| FIRST_PAGE + 2 * n;
    let kids: Vec<String> = (0..pages.len())
        .map(|n| format!("{} 0 R", page_id(n)))
        .collect();
    let lang = match input.lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    };
    let font = |face: Face| {
        let widths: Vec<String> = face.widths().iter().map(u16::to_string).collect();
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{} /Encoding /WinAnsiEncoding \
             /FirstChar 32 /LastChar 255 /Widths [{}] >>",
            face.base_font(),
            widths.join(" ")
        )
    };
    // The only date in the file: midnight UTC of the day it was made for.
    let stamp = format!("D:{}000000Z", input.today.format("%Y%m%d"));
    let mut objects: Vec<Vec<u8>> = vec![
        format!("<< /Type /Catalog /Pages 2 0 R /Lang ({lang}) >>").into_bytes(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
        font(Face::Regular).into_bytes(),
        font(Face::Bold).into_bytes(),
        format!(
            "<< /Title {} /Creator (Cadre) /Producer (Cadre) /CreationDate ({stamp}) /ModDate ({stamp}) >>",
            text_string(title)
        )
        .into_bytes(),
    ];
    for (n, content) in pages.iter().enumerate() {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
                 /Resources << /Font << /F1 3 0 R /F2 4 0 R >> /ProcSet [/PDF /Text] >> \
                 /Contents {} 0 R >>",
                page_id(n) + 1
            )
            .into_bytes(),
        );
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder
            .write_all(content.as_bytes())
            .expect("compressing into memory");
        let data = encoder.finish().expect("compressing into memory");
        let mut stream = format!(
            "<< /Length {} /Filter /FlateDecode >>\nstream\n",
            data.len()
        )
        .into_bytes();
        stream.extend_from_slice(&data);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }

    // A binary comment on the second line tells transfer programs the file is binary.
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (k, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = writeln!(out, "{} 0 obj", k + 1);
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(out, "{offset:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_wrap_within_their_width() {
        let text = "Partage de la fiche d’orientation de la Croix-Rouge Danoise ".repeat(12);
        let lines = wrap(&text, 200.0, Face::Regular, 10.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(text_width(Face::Regular, line, 10.0) <= 200.01, "{line}");
        }
        assert_eq!(lines.join(" "), text.trim_end());
        let long = "x".repeat(300);
        assert!(
            wrap(&long, 50.0, Face::Bold, 9.0)
                .iter()
                .all(|l| text_width(Face::Bold, l, 9.0) <= 50.01)
        );
        // A no-break space keeps its words on one line.
        assert_eq!(
            wrap("a b\u{a0}c", 1.0, Face::Regular, 10.0),
            vec!["a", "b\u{a0}c"]
                .into_iter()
                .flat_map(|w| wrap(w, 1.0, Face::Regular, 10.0))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn strings_are_escaped() {
        let mut s = String::new();
        show(&mut s, Face::Bold, 9.0, 1.0, 2.0, "(é) \\ ☺");
        assert_eq!(s, "BT /F2 9 Tf 1.00 2.00 Td (\\(\\351\\) \\\\ ?) Tj ET\n");
    }

    #[test]
    fn text_strings_hold_any_character() {
        assert_eq!(text_string("é☺"), "<FEFF00E9263A>");
    }
}
