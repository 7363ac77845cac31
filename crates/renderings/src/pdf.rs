//! A PDF whose text layer lays the text out as a word processor would print it.
//!
//! Written by hand (PDF 1.4, one standard font, uncompressed streams) so that the tests know
//! exactly what the reader is given: A4 pages of Helvetica, paragraphs wrapped at the page
//! width, tab-separated lines laid out as table columns whose long cells wrap within their
//! column, a page number at the foot of each page.

use std::fmt::Write as _;

/// How the PDF is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfOptions {
    /// Draw each word at its position with no space characters between words, as the tools
    /// that lose spaces do.
    pub without_space_characters: bool,
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN_LEFT: f32 = 57.0;
const MARGIN_RIGHT: f32 = 57.0;
const MARGIN_TOP: f32 = 60.0;
const MARGIN_BOTTOM: f32 = 60.0;
const FONT_SIZE: f32 = 10.0;
const LEADING: f32 = 12.0;
/// Space between table columns: wider than any word space, as cell padding is in Word.
const COLUMN_GAP: f32 = 14.0;
/// Padding between table rows, with the border ruled in the middle of it.
const ROW_GAP: f32 = 4.0;
/// A column holding only empty cells still takes room on the page.
const MIN_COLUMN_WIDTH: f32 = 14.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

pub fn render(text: &str, options: PdfOptions) -> Vec<u8> {
    let mut pages = Pages::new(options);
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].contains('\t') {
            let start = i;
            while i < lines.len() && lines[i].contains('\t') {
                i += 1;
            }
            pages.table(&lines[start..i]);
        } else {
            pages.paragraph(lines[i]);
            i += 1;
        }
    }
    write_pdf(&pages.finish())
}

/// The pages as they fill, each a content stream.
struct Pages {
    options: PdfOptions,
    done: Vec<String>,
    content: String,
    /// Baseline of the next line.
    y: f32,
    /// Nothing drawn yet on this page: blank lines at the top of a page take no room.
    page_is_empty: bool,
}

impl Pages {
    fn new(options: PdfOptions) -> Pages {
        Pages {
            options,
            done: Vec::new(),
            content: String::new(),
            y: PAGE_HEIGHT - MARGIN_TOP - FONT_SIZE,
            page_is_empty: true,
        }
    }

    fn paragraph(&mut self, line: &str) {
        if line.trim().is_empty() {
            if !self.page_is_empty {
                self.y -= LEADING;
            }
            return;
        }
        for row in wrap(line, TEXT_WIDTH) {
            self.make_room();
            self.draw(MARGIN_LEFT, &row);
            self.y -= LEADING;
        }
    }

    fn table(&mut self, lines: &[&str]) {
        // A table right under a paragraph stands clear of it, as Word's cell padding keeps it.
        if !self.page_is_empty {
            self.y -= ROW_GAP;
        }
        let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
        let widths = column_widths(&rows, columns);
        let mut starts = Vec::with_capacity(columns);
        let mut x = MARGIN_LEFT;
        for w in &widths {
            starts.push(x);
            x += w + COLUMN_GAP;
        }
        // Borders stand in the middle of the gaps, and as far outside the first and last
        // columns, as Word's cell padding puts them.
        let mut borders: Vec<f32> = starts.iter().map(|s| s - COLUMN_GAP / 2.0).collect();
        borders.push(x - COLUMN_GAP / 2.0);
        let (left, right) = (borders[0], borders[borders.len() - 1]);
        for row in &rows {
            let wrapped: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(cell, &w)| wrap(cell, w))
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for k in 0..height {
                self.make_room();
                let top = if k == 0 {
                    let top = self.y + FONT_SIZE + ROW_GAP / 2.0;
                    self.line(left, top, right, top);
                    top
                } else {
                    self.y + LEADING - (LEADING - FONT_SIZE)
                };
                let bottom = if k + 1 == height {
                    self.y - (LEADING - FONT_SIZE) - ROW_GAP / 2.0
                } else {
                    self.y - (LEADING - FONT_SIZE)
                };
                for &x in &borders {
                    self.line(x, bottom, x, top);
                }
                for (cell, &x) in wrapped.iter().zip(&starts) {
                    if let Some(text) = cell.get(k) {
                        self.draw(x, text);
                    }
                }
                // A row of empty cells still has its height.
                self.page_is_empty = false;
                self.y -= LEADING;
            }
            self.y -= ROW_GAP;
        }
        let last = self.y + FONT_SIZE + ROW_GAP / 2.0;
        self.line(left, last, right, last);
    }

    /// A border of a table cell, as word processors print them.
    fn line(&mut self, x0: f32, y0: f32, x1: f32, y1: f32) {
        let _ = writeln!(self.content, "0.5 w {x0:.2} {y0:.2} m {x1:.2} {y1:.2} l S");
    }

    fn make_room(&mut self) {
        if self.y < MARGIN_BOTTOM {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        let content = std::mem::take(&mut self.content);
        self.done.push(content);
        self.y = PAGE_HEIGHT - MARGIN_TOP - FONT_SIZE;
        self.page_is_empty = true;
    }

    /// Draws one line of text with its left edge at `x`.
    fn draw(&mut self, x: f32, text: &str) {
        self.page_is_empty = false;
        let y = self.y;
        if !self.options.without_space_characters {
            show(&mut self.content, x, y, text);
            return;
        }
        let space = text_width(" ");
        let mut x = x;
        for word in text.split(' ') {
            if !word.is_empty() {
                show(&mut self.content, x, y, word);
            }
            x += text_width(word) + space;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if !self.page_is_empty || self.done.is_empty() {
            self.new_page();
        }
        for (n, page) in self.done.iter_mut().enumerate() {
            let number = (n + 1).to_string();
            let x = (PAGE_WIDTH - text_width(&number)) / 2.0;
            show(page, x, MARGIN_BOTTOM / 2.0, &number);
        }
        self.done
    }
}

/// One text-showing operation: the reader sees exactly these glyphs at this position.
fn show(content: &mut String, x: f32, y: f32, text: &str) {
    let _ = writeln!(
        content,
        "BT /F1 {FONT_SIZE} Tf {x:.2} {y:.2} Td ({}) Tj ET",
        escape(text)
    );
}

/// Column widths from their content, the widest shrunk first so that every column keeps
/// at least its fair share of the page.
fn column_widths(rows: &[Vec<&str>], columns: usize) -> Vec<f32> {
    let natural: Vec<f32> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| text_width(cell.trim()))
                .fold(0.0, f32::max)
                .max(MIN_COLUMN_WIDTH)
        })
        .collect();
    let gaps = COLUMN_GAP * (columns.saturating_sub(1)) as f32;
    let mut remaining = (TEXT_WIDTH - gaps).max(MIN_COLUMN_WIDTH * columns as f32);
    let mut order: Vec<usize> = (0..columns).collect();
    order.sort_by(|&a, &b| natural[a].total_cmp(&natural[b]));
    let mut widths = vec![0.0; columns];
    for (k, &c) in order.iter().enumerate() {
        let share = remaining / (columns - k) as f32;
        widths[c] = natural[c].min(share).max(MIN_COLUMN_WIDTH);
        remaining -= widths[c];
    }
    widths
}

/// Breaks `text` into lines no wider than `width`, at spaces; a word wider than a line is
/// broken where it must be.
fn wrap(text: &str, width: f32) -> Vec<String> {
    // A cell measured as a whole must fit on one line when measured word by word: sums of
    // floats differ in their last bits.
    let width = width + 0.01;
    let space = text_width(" ");
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = text_width(word);
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
            let cw = char_width(c);
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

fn text_width(text: &str) -> f32 {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> f32 {
    match win_ansi(c) {
        Some(b) if b >= 32 => f32::from(HELVETICA_WIDTHS[usize::from(b - 32)]) * FONT_SIZE / 1000.0,
        _ => 0.0,
    }
}

/// The byte of `c` in WinAnsiEncoding (Windows-1252 as PDF defines it); `None` for what
/// Helvetica cannot show there.
fn win_ansi(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).ok(),
        // Spaces Helvetica lacks are drawn as the non-breaking space.
        0x2007 | 0x202F => Some(0xA0),
        _ => {
            let b = match c {
                '€' => 0x80,
                '‚' => 0x82,
                'ƒ' => 0x83,
                '„' => 0x84,
                '…' => 0x85,
                '†' => 0x86,
                '‡' => 0x87,
                'ˆ' => 0x88,
                '‰' => 0x89,
                'Š' => 0x8A,
                '‹' => 0x8B,
                'Œ' => 0x8C,
                'Ž' => 0x8E,
                '‘' => 0x91,
                '’' => 0x92,
                '“' => 0x93,
                '”' => 0x94,
                '•' => 0x95,
                '–' => 0x96,
                '—' => 0x97,
                '˜' => 0x98,
                '™' => 0x99,
                'š' => 0x9A,
                '›' => 0x9B,
                'œ' => 0x9C,
                'ž' => 0x9E,
                'Ÿ' => 0x9F,
                _ => return None,
            };
            Some(b)
        }
    }
}

/// A PDF literal string of the WinAnsi bytes of `text`; what the font cannot show becomes its
/// closest character (a symbol-font bullet a bullet), else '?'.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            continue;
        }
        match win_ansi(c)
            .or_else(|| win_ansi(crate::closest_in_windows_1252(c)))
            .unwrap_or(b'?')
        {
            b'(' => out.push_str("\\("),
            b')' => out.push_str("\\)"),
            b'\\' => out.push_str("\\\\"),
            b @ 0x20..=0x7E => out.push(char::from(b)),
            b => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out
}

/// The file: catalog, page tree, the font, then a page and its content stream per page,
/// and the cross-reference table giving each object's byte offset.
fn write_pdf(pages: &[String]) -> Vec<u8> {
    let page_id = |n: usize| 4 + 2 * n;
    let kids: Vec<String> = (0..pages.len())
        .map(|n| format!("{} 0 R", page_id(n)))
        .collect();
    let widths: Vec<String> = HELVETICA_WIDTHS.iter().map(u16::to_string).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        ),
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding \
             /FirstChar 32 /LastChar 255 /Widths [{}] >>",
            widths.join(" ")
        ),
    ];
    for (n, content) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            page_id(n) + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
    crate::hostile::pdf(&objects)
}

/// Helvetica's advance widths (thousandths of the font size) for WinAnsi codes 32 to 255,
/// from Adobe's standard AFM metrics; codes the encoding leaves unused take the bullet's width.
#[rustfmt::skip]
const HELVETICA_WIDTHS: [u16; 224] = [
    // 32..=63: space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    // 64..=95: @ A-Z [ \ ] ^ _
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    // 96..=127: ` a-z { | } ~ (127 unused)
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350,
    // 128..=159: € (129) ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ (141) Ž (143) (144) ‘ ’ “ ” • – — ˜ ™ š › œ (157) ž Ÿ
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,
    350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667,
    // 160..=191: nbsp ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ shy ® ¯ ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    // 192..=223: À-Ö × Ø-Ý Þ ß
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    // 224..=255: à-ö ÷ ø-ý þ ÿ
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).position(|w| w == needle)
    }

    fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).rposition(|w| w == needle)
    }

    /// Every object the cross-reference table lists starts at the offset it gives.
    fn assert_xref_consistent(pdf: &[u8]) -> usize {
        let start = rfind(pdf, b"startxref\n").expect("startxref") + b"startxref\n".len();
        let end = start + pdf[start..].iter().position(|&b| b == b'\n').unwrap();
        let xref: usize = std::str::from_utf8(&pdf[start..end])
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            pdf[xref..].starts_with(b"xref\n0 "),
            "startxref points to the table"
        );
        let table = std::str::from_utf8(&pdf[xref..]).unwrap();
        let mut lines = table.lines().skip(1);
        let count: usize = lines.next().unwrap()[2..].parse().unwrap();
        assert_eq!(lines.next(), Some("0000000000 65535 f "));
        for id in 1..count {
            let entry = lines.next().unwrap();
            assert_eq!(entry.len(), 19, "entries are 20 bytes with their line end");
            let offset: usize = entry[..10].parse().unwrap();
            let header = format!("{id} 0 obj\n");
            assert!(
                pdf[offset..].starts_with(header.as_bytes()),
                "object {id} is not at offset {offset}"
            );
        }
        assert!(lines.next().unwrap().starts_with("trailer"));
        count
    }

    fn page_count(pdf: &[u8]) -> usize {
        let text = String::from_utf8_lossy(pdf);
        let pages = text.matches("/Type /Page ").count();
        let declared = format!("/Count {pages} ");
        assert!(
            text.contains(&declared),
            "the page tree counts {pages} pages"
        );
        pages
    }

    fn stream_lengths_match(pdf: &[u8]) {
        let text = String::from_utf8_lossy(pdf);
        for part in text.split("<< /Length ").skip(1) {
            let (length, rest) = part.split_once(" >>\nstream\n").unwrap();
            let length: usize = length.parse().unwrap();
            assert_eq!(rest.find("endstream"), Some(length));
        }
    }

    #[test]
    fn cross_references_point_at_their_objects() {
        for without_space_characters in [false, true] {
            let pdf = render(
                "Compte-rendu\n\nDate\t16 février 2023\nun paragraphe (avec parenthèses)",
                PdfOptions {
                    without_space_characters,
                },
            );
            assert!(pdf.starts_with(b"%PDF-1.4\n"));
            assert!(pdf.ends_with(b"%%EOF\n"));
            assert_eq!(assert_xref_consistent(&pdf), 6);
            stream_lengths_match(&pdf);
        }
    }

    #[test]
    fn pages_are_added_as_the_text_grows() {
        let paragraph =
            "Les participants ont échangé sur la gestion des flux migratoires. ".repeat(8);
        let short = render(&paragraph, PdfOptions::default());
        assert_eq!(page_count(&short), 1);
        let half = render(
            &vec![paragraph.as_str(); 20].join("\n"),
            PdfOptions::default(),
        );
        let long = render(
            &vec![paragraph.as_str(); 40].join("\n"),
            PdfOptions::default(),
        );
        let pages = page_count(&long);
        assert!(
            page_count(&half) > 1,
            "20 paragraphs of 6 lines fill more than a page"
        );
        assert!(pages >= 2 * page_count(&half) - 1, "{pages} pages");
        assert_eq!(assert_xref_consistent(&long), 3 + 2 * pages + 1);
        stream_lengths_match(&long);
        let empty = render("", PdfOptions::default());
        assert_eq!(page_count(&empty), 1);
    }

    #[test]
    fn french_punctuation_is_drawn_in_win_ansi() {
        let pdf = render("l’œuvre « été » – “fin”…", PdfOptions::default());
        let expected = b"(l\\222\\234uvre \\253 \\351t\\351 \\273 \\226 \\223fin\\224\\205) Tj";
        assert!(
            find(&pdf, expected).is_some(),
            "{}",
            String::from_utf8_lossy(&pdf)
        );
        assert!(find(&pdf, b"/Encoding /WinAnsiEncoding").is_some());
        let unknown = render("☺ x", PdfOptions::default());
        assert!(find(&unknown, b"(? x) Tj").is_some());
    }

    #[test]
    fn paragraphs_wrap_within_the_page() {
        let text = "mot ".repeat(300);
        let lines = wrap(&text, TEXT_WIDTH);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(text_width(line) <= TEXT_WIDTH, "{line}");
        }
        assert_eq!(lines.join(" "), text.trim_end());
        let long_word = "x".repeat(400);
        assert!(wrap(&long_word, 50.0).iter().all(|l| text_width(l) <= 50.0));
    }

    #[test]
    fn words_without_spaces_stand_where_the_spaces_would_put_them() {
        let options = PdfOptions {
            without_space_characters: true,
        };
        let pdf = String::from_utf8_lossy(&render("un deux", options)).into_owned();
        let x_deux = MARGIN_LEFT + text_width("un ");
        assert!(pdf.contains("(un) Tj"), "{pdf}");
        assert!(pdf.contains(&format!("{x_deux:.2} ")), "{pdf}");
        assert!(pdf.contains("(deux) Tj"));
        assert!(!pdf.contains("(un deux)"));
    }

    #[test]
    fn table_cells_wrap_within_their_column() {
        let long = "une action longue à mener par plusieurs structures ".repeat(4);
        let text = format!("Points d'action\tResponsable\tDate limite\n{long}\tSP/CCM\t/");
        let pdf = String::from_utf8_lossy(&render(&text, PdfOptions::default())).into_owned();
        let x_of = |needle: &str| -> f32 {
            let line = pdf.lines().find(|l| l.contains(needle)).unwrap();
            line.split(' ').nth(4).unwrap().parse().unwrap()
        };
        let column_2 = x_of("(Responsable)");
        assert_eq!(x_of("(SP/CCM)"), column_2);
        assert!(column_2 > MARGIN_LEFT + 50.0);
        // The long cell takes several lines, all left of the second column.
        let cell_lines: Vec<&str> = pdf.lines().filter(|l| l.contains("action")).collect();
        assert!(cell_lines.len() >= 3, "{cell_lines:?}");
    }

    #[test]
    fn widths_follow_helvetica() {
        assert_eq!(char_width('i'), 2.22);
        assert_eq!(char_width('W'), 9.44);
        assert_eq!(char_width('é'), 5.56);
        assert_eq!(char_width('œ'), 9.44);
        assert_eq!(char_width('…'), 10.0);
    }
}
