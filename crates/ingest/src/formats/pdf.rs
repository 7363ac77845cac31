//! PDF: the text layer, laid out again in lines and table cells.
//!
//! pdf_oxide gives each glyph with its position; the lines, spaces, table cells and paragraphs
//! are rebuilt here from the geometry alone, because the text a PDF draws does not say where
//! its words, cells and paragraphs end (many tools draw words without any space character).

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_oxide::PdfDocument;

use super::{MAX_NESTING, MAX_TEXT_BYTES, pdf_scan};
use crate::IngestError;

/// A gap between glyphs wider than this share of the font size is a space between words.
const SPACE_GAP: f32 = 0.15;
/// A gap wider than this share of the font size separates table cells: word spaces, even
/// stretched in justified text, stay well below it.
const CELL_GAP: f32 = 0.9;
/// Glyphs whose baselines differ by less than this share of the font size share a line.
const BASELINE_TOLERANCE: f32 = 0.35;
/// Lines further apart than this share of the font size have a blank line between them.
const PARAGRAPH_GAP: f32 = 1.6;
/// Cells starting within this many points of each other are in the same column.
const COLUMN_TOLERANCE: f32 = 4.0;

pub(super) fn read(bytes: &[u8]) -> Result<(String, Vec<crate::notes::Note>), IngestError> {
    let header_zone = &bytes[..bytes.len().min(1024)];
    if find(header_zone, b"%PDF-").is_none() {
        return Err(unreadable(
            "the file does not start with the '%PDF-' header, so it is not a PDF",
        ));
    }
    if nesting_exceeds(bytes, MAX_NESTING) {
        return Err(IngestError::TooDeeplyNested { limit: MAX_NESTING });
    }
    // Before pdf_oxide parses anything: streams decompressed with a cap, content streams
    // measured (nesting, characters drawn), so that a small hostile file is refused before
    // it exhausts the parser's stack or memory.
    pdf_scan::check_bombs(bytes)?;
    // pdf_oxide is a large parser fed with untrusted files: a bug of its on a malformed file
    // must refuse that file, not bring down the import.
    let glyphs = catch_unwind(AssertUnwindSafe(|| page_glyphs(bytes))).map_err(|_| {
        unreadable("the PDF is malformed: its structure could not be parsed (the parser failed)")
    })??;
    let page_count = glyphs.pages.len();
    let text = lay_out(glyphs.pages)?;
    if text.trim().is_empty() {
        return Err(IngestError::NoTextLayer);
    }
    let mut notes = vec![crate::notes::Note::new(
        "read-from-pdf",
        &[("pages", page_count.to_string())],
    )];
    notes.extend(glyphs.notes);
    Ok((text, notes))
}

fn unreadable(reason: &str) -> IngestError {
    IngestError::Unreadable {
        format: "PDF",
        reason: reason.to_owned(),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Whether arrays and dictionaries nest deeper than `limit` anywhere in the file's own
/// syntax (strings, comments and stream data are not syntax and are skipped). Checked before
/// parsing so that a hostile file cannot exhaust the parser's stack.
fn nesting_exceeds(bytes: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let mut level = 1;
                i += 1;
                while i < bytes.len() && level > 0 {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => level -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                continue;
            }
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if bytes.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 1;
            }
            b'<' => {
                while i < bytes.len() && bytes[i] != b'>' {
                    i += 1;
                }
            }
            b'>' if bytes.get(i + 1) == Some(&b'>') => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b's' if bytes[i..].starts_with(b"stream")
                && matches!(bytes.get(i + 6), Some(b'\r' | b'\n'))
                && (i == 0 || !bytes[i - 1].is_ascii_alphabetic()) =>
            {
                match find(&bytes[i..], b"endstream") {
                    Some(end) => i += end + b"endstream".len(),
                    None => return false,
                }
                continue;
            }
            _ => {}
        }
        if depth > limit {
            return true;
        }
        i += 1;
    }
    false
}

/// One drawn character, in page space (points, y upwards).
#[derive(Debug, Clone, Copy)]
struct Glyph {
    c: char,
    x: f32,
    y: f32,
    advance: f32,
    size: f32,
}

struct Glyphs {
    /// Each page's glyphs and width.
    pages: Vec<Page>,
    notes: Vec<crate::notes::Note>,
}

struct Page {
    glyphs: Vec<Glyph>,
    rules: Rules,
    width: f32,
}

/// The lines drawn on a page that may be table borders.
#[derive(Debug, Default)]
struct Rules {
    /// Horizontal: in a table, the borders between rows.
    across: Vec<Rule>,
    /// Vertical: in a table, the borders between columns.
    down: Vec<Rule>,
}

/// A straight line: at `at` (y of a horizontal line, x of a vertical one) from `from` to `to`.
#[derive(Debug, Clone, Copy)]
struct Rule {
    at: f32,
    from: f32,
    to: f32,
}

/// Pages failing one after the other this many times: the rest of the file is not readable.
const MAX_FAILING_PAGES: usize = 100;

/// Borders beyond this many on a page are not looked at: no table has so many cells.
const MAX_RULES_PER_PAGE: usize = 5_000;

fn page_rules(paths: &[pdf_oxide::elements::PathContent]) -> Rules {
    let mut rules = Rules::default();
    for path in paths {
        let b = path.bbox;
        if !(b.x.is_finite() && b.y.is_finite() && b.width.is_finite() && b.height.is_finite()) {
            continue;
        }
        let (w, h) = (b.width.abs(), b.height.abs());
        let (x0, y0) = (b.x.min(b.x + b.width), b.y.min(b.y + b.height));
        if h <= 2.0 && w >= 20.0 && rules.across.len() < MAX_RULES_PER_PAGE {
            rules.across.push(Rule {
                at: y0 + h / 2.0,
                from: x0,
                to: x0 + w,
            });
        } else if w <= 2.0 && h >= 4.0 && rules.down.len() < MAX_RULES_PER_PAGE {
            rules.down.push(Rule {
                at: x0 + w / 2.0,
                from: y0,
                to: y0 + h,
            });
        }
    }
    rules
}

fn page_glyphs(bytes: &[u8]) -> Result<Glyphs, IngestError> {
    let doc = PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| IngestError::Unreadable {
        format: "PDF",
        reason: format!("its structure is damaged ({e})"),
    })?;
    if doc.is_encrypted() && !doc.is_authenticated() {
        return Err(unreadable(
            "the PDF is encrypted: it needs a password to open, which Cadre does not ask for",
        ));
    }
    let mut notes: Vec<crate::notes::Note> = Vec::new();
    if doc.is_encrypted() {
        notes.push(crate::notes::Note::new("pdf-encrypted", &[]));
    }
    let count = doc.page_count().map_err(|e| IngestError::Unreadable {
        format: "PDF",
        reason: format!("its page tree is damaged ({e})"),
    })?;
    // The page count is what the file claims: a forged one must not keep the reader busy
    // with pages that cannot be there, each needing a page object of some bytes.
    let possible = bytes.len() / 16 + 1;
    if count > possible {
        notes.push(crate::notes::Note::new(
            "pdf-claims-pages",
            &[
                ("claimed", count.to_string()),
                ("possible", possible.to_string()),
            ],
        ));
    }
    let count = count.min(possible);
    let mut pages = Vec::with_capacity(count.min(10_000));
    let mut unreadable_pages = Vec::new();
    let mut rotated = 0usize;
    let mut total = 0usize;
    for index in 0..count {
        let failing = unreadable_pages.len();
        if failing >= MAX_FAILING_PAGES
            && unreadable_pages[failing - MAX_FAILING_PAGES] == index + 1 - MAX_FAILING_PAGES
        {
            notes.push(crate::notes::Note::new(
                "pdf-reading-stopped",
                &[
                    ("page", (index + 1).to_string()),
                    ("failing", MAX_FAILING_PAGES.to_string()),
                ],
            ));
            break;
        }
        let width = doc
            .get_page_media_box(index)
            .map(|(x0, _, x1, _)| (x1 - x0).abs())
            .unwrap_or(595.0);
        if doc.is_encrypted() {
            // The pre-scan could not read an encrypted file's streams: the page's contents,
            // decrypted, are measured before the characters are extracted.
            if let Ok(content) = doc.get_page_content_data(index) {
                pdf_scan::check_page_content(&content)?;
            }
        }
        let chars = match doc.extract_chars(index) {
            Ok(chars) => chars,
            Err(_) => {
                unreadable_pages.push(index + 1);
                pages.push(Page {
                    glyphs: Vec::new(),
                    rules: Rules::default(),
                    width,
                });
                continue;
            }
        };
        let mut glyphs = Vec::with_capacity(chars.len());
        for ch in chars {
            if ch.char.is_whitespace() || ch.char.is_control() {
                continue;
            }
            if !(ch.origin_x.is_finite() && ch.origin_y.is_finite()) {
                continue;
            }
            if ch.is_rotated() && (ch.rotation_degrees - 360.0).abs() > 0.01 {
                rotated += 1;
                continue;
            }
            let size = if ch.font_size.is_finite() && ch.font_size.abs() >= 1.0 {
                ch.font_size.abs()
            } else if ch.bbox.height.is_finite() && ch.bbox.height.abs() >= 1.0 {
                ch.bbox.height.abs()
            } else {
                10.0
            };
            let advance = if ch.advance_width.is_finite() && ch.advance_width > 0.0 {
                ch.advance_width
            } else {
                size * 0.5
            };
            glyphs.push(Glyph {
                c: ch.char,
                x: ch.origin_x,
                y: ch.origin_y,
                advance,
                size,
            });
        }
        total += glyphs.len();
        // Each glyph is at least one byte of text: a text layer this big is a bomb or a
        // mistake, and reading on would only exhaust memory.
        if total > MAX_TEXT_BYTES {
            return Err(text_too_big());
        }
        let rules = doc
            .extract_paths(index)
            .map(|paths| page_rules(&paths))
            .unwrap_or_default();
        pages.push(Page {
            glyphs,
            rules,
            width,
        });
    }
    if !unreadable_pages.is_empty() {
        let list: Vec<String> = unreadable_pages
            .iter()
            .take(10)
            .map(usize::to_string)
            .collect();
        let more = if unreadable_pages.len() > 10 {
            " …"
        } else {
            ""
        };
        notes.push(crate::notes::Note::new(
            "pdf-pages-unreadable",
            &[
                ("n", unreadable_pages.len().to_string()),
                ("pages", format!("{}{more}", list.join(", "))),
            ],
        ));
    }
    if rotated > 0 {
        notes.push(crate::notes::Note::new(
            "pdf-rotated-left-out",
            &[("n", rotated.to_string())],
        ));
    }
    Ok(Glyphs { pages, notes })
}

fn text_too_big() -> IngestError {
    IngestError::DecompressionBomb {
        entry: "the PDF's text layer".to_owned(),
        limit: MAX_TEXT_BYTES,
    }
}

/// Glyphs run together into a word: they touch, or nearly.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    x0: f32,
    x1: f32,
}

/// Words a column gap away from the next: a table cell, or a whole line of prose.
#[derive(Debug, Clone)]
struct Chunk {
    words: Vec<Word>,
}

impl Chunk {
    fn x0(&self) -> f32 {
        self.words[0].x0
    }

    fn x1(&self) -> f32 {
        self.words[self.words.len() - 1].x1
    }

    fn text(&self) -> String {
        let words: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        words.join(" ")
    }
}

/// The glyphs of one baseline.
#[derive(Debug, Clone)]
struct VisualLine {
    page: usize,
    y: f32,
    size: f32,
    chunks: Vec<Chunk>,
}

impl VisualLine {
    fn x0(&self) -> f32 {
        self.chunks[0].x0()
    }

    fn x1(&self) -> f32 {
        self.chunks[self.chunks.len() - 1].x1()
    }

    fn text(&self) -> String {
        let chunks: Vec<String> = self.chunks.iter().map(Chunk::text).collect();
        chunks.join(" ")
    }
}

/// The lines of a page, top to bottom.
fn page_lines(page: usize, mut glyphs: Vec<Glyph>) -> Vec<VisualLine> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let first = glyphs[start];
        let mut end = start + 1;
        while end < glyphs.len() && first.y - glyphs[end].y <= BASELINE_TOLERANCE * first.size {
            end += 1;
        }
        let mut line: Vec<Glyph> = glyphs[start..end].to_vec();
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        if let Some(visual) = split_line(page, &line) {
            lines.push(visual);
        }
        start = end;
    }
    lines
}

/// Words and cells of one line, from the gaps between its glyphs.
fn split_line(page: usize, glyphs: &[Glyph]) -> Option<VisualLine> {
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    let y = glyphs.first()?.y;
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut previous: Option<Glyph> = None;
    for &g in glyphs {
        let Some(p) = previous else {
            chunks.push(Chunk {
                words: vec![new_word(g)],
            });
            previous = Some(g);
            continue;
        };
        // Bold imitated by drawing the same text twice, slightly shifted.
        if g.c == p.c && (g.x - p.x).abs() < 0.15 * g.size {
            continue;
        }
        let gap = g.x - (p.x + p.advance);
        let em = p.size.max(g.size);
        let chunk = chunks.last_mut().expect("a chunk was pushed");
        if gap > CELL_GAP * em {
            chunks.push(Chunk {
                words: vec![new_word(g)],
            });
        } else if gap > SPACE_GAP * em {
            chunk.words.push(new_word(g));
        } else {
            let word = chunk.words.last_mut().expect("chunks hold a word");
            word.text.push(g.c);
            word.x1 = word.x1.max(g.x + g.advance);
        }
        previous = Some(g);
    }
    Some(VisualLine {
        page,
        y,
        size,
        chunks,
    })
}

fn new_word(g: Glyph) -> Word {
    Word {
        text: g.c.to_string(),
        x0: g.x,
        x1: g.x + g.advance,
    }
}

/// "12", "Page 3", "3/12", "- 4 -", "page 2 sur 9": what a page number looks like.
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let rest = lower
        .trim()
        .trim_start_matches("page")
        .trim_start_matches("p.")
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let mut parts = rest
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let Some(first) = parts.next() else {
        return false;
    };
    if first.is_empty() || !first.chars().all(|c| c.is_ascii_digit()) || first.len() > 4 {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (None, _, _) => true,
        (Some(total), None, _) => total.chars().all(|c| c.is_ascii_digit()),
        (Some("sur" | "of" | "de"), Some(total), None) => total.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A running header or footer is the same text (page numbers aside) at the same height.
fn running_key(line: &VisualLine) -> String {
    line.text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Drops page numbers and the headers and footers repeated on most pages: they interrupt
/// the text wherever a page breaks.
fn drop_page_furniture(pages: &mut [Vec<VisualLine>]) {
    for lines in pages.iter_mut() {
        for edge in [0, 1] {
            let index = if edge == 0 {
                0
            } else {
                lines.len().saturating_sub(1)
            };
            if lines.get(index).is_some_and(|l| is_page_number(&l.text())) {
                lines.remove(index);
            }
        }
    }
    if pages.len() < 3 {
        return;
    }
    // Candidates: the two lines nearest each edge of every page.
    let edge_lines = |lines: &[VisualLine]| -> Vec<usize> {
        let n = lines.len();
        let mut picked: Vec<usize> = (0..n.min(2)).chain(n.saturating_sub(2)..n).collect();
        picked.sort_unstable();
        picked.dedup();
        picked
    };
    let mut counts: Vec<(String, f32, usize)> = Vec::new();
    for lines in pages.iter() {
        let mut seen: Vec<(String, f32)> = Vec::new();
        for i in edge_lines(lines) {
            let key = running_key(&lines[i]);
            let y = lines[i].y;
            if seen.iter().any(|(k, sy)| *k == key && (sy - y).abs() < 3.0) {
                continue;
            }
            seen.push((key.clone(), y));
            match counts
                .iter_mut()
                .find(|(k, cy, _)| *k == key && (cy - y).abs() < 3.0)
            {
                Some(entry) => entry.2 += 1,
                None => counts.push((key, y, 1)),
            }
        }
    }
    let needed = (pages.len() * 3).div_ceil(5).max(3);
    let running: Vec<(String, f32)> = counts
        .into_iter()
        .filter(|(_, _, n)| *n >= needed)
        .map(|(k, y, _)| (k, y))
        .collect();
    if running.is_empty() {
        return;
    }
    for lines in pages.iter_mut() {
        let drop: Vec<usize> = edge_lines(lines)
            .into_iter()
            .filter(|&i| {
                let key = running_key(&lines[i]);
                running
                    .iter()
                    .any(|(k, y)| *k == key && (y - lines[i].y).abs() < 3.0)
            })
            .collect();
        for i in drop.into_iter().rev() {
            lines.remove(i);
        }
    }
}

/// Where the text of a page ends, taken from the lines furthest right and lowest.
struct Margins {
    right: f32,
    /// The lowest baseline of the document.
    bottom: f32,
}

/// What a run of lines is in the text.
enum Block {
    /// Consecutive lines of prose, joined where the text wrapped.
    Prose(Vec<VisualLine>),
    /// Lines whose cells line up in columns.
    Table(Vec<VisualLine>),
}

fn lay_out(pages: Vec<Page>) -> Result<String, IngestError> {
    let page_width = pages.iter().map(|p| p.width).fold(0.0, f32::max);
    let mut rules: Vec<Rules> = Vec::with_capacity(pages.len());
    let mut per_page: Vec<Vec<VisualLine>> = Vec::with_capacity(pages.len());
    for (n, page) in pages.into_iter().enumerate() {
        rules.push(page.rules);
        per_page.push(page_lines(n, page.glyphs));
    }
    drop_page_furniture(&mut per_page);
    let lines: Vec<VisualLine> = per_page.into_iter().flatten().collect();
    if lines.is_empty() {
        return Ok(String::new());
    }
    // Where wrapped lines end: the right margin, taken as wide as the left one unless the
    // text reaches further.
    let left = lines
        .iter()
        .map(VisualLine::x0)
        .fold(f32::INFINITY, f32::min);
    let widest = lines.iter().map(VisualLine::x1).fold(0.0, f32::max);
    let margins = Margins {
        right: if page_width > left {
            widest.min(page_width - left).max(left)
        } else {
            widest
        },
        bottom: lines.iter().map(|l| l.y).fold(f32::INFINITY, f32::min),
    };

    let mut out = String::new();
    for (n, (block, blank_before)) in blocks(&lines, margins.bottom, &rules).iter().enumerate() {
        if n > 0 {
            out.push('\n');
            if *blank_before {
                out.push('\n');
            }
        }
        match block {
            Block::Prose(prose) => write_prose(&mut out, prose, &margins),
            Block::Table(rows) => write_table(&mut out, rows, &rules),
        }
        if out.len() > MAX_TEXT_BYTES {
            return Err(text_too_big());
        }
    }
    Ok(out)
}

/// Whether a blank line separates `a` from the line after it, `b`, on the same page.
fn gap_between(a: &VisualLine, b: &VisualLine) -> bool {
    a.page == b.page && a.y - b.y > PARAGRAPH_GAP * a.size.max(b.size)
}

/// Whether a blank line separates `a` from the line after it, `b`. Across a page break, a
/// page left with room for another line ended with something that did not fit: a blank
/// line, or the start of a paragraph kept whole.
fn blank_between(a: &VisualLine, b: &VisualLine, bottom: f32) -> bool {
    room_left(a, b, bottom, 1.15)
}

/// Whether `a` is followed by a blank line, or by the bottom of a page with room left for
/// `lines` more lines.
fn room_left(a: &VisualLine, b: &VisualLine, bottom: f32, lines: f32) -> bool {
    if a.page == b.page {
        gap_between(a, b)
    } else {
        a.y - bottom > lines * a.size
    }
}

/// Column starts of table rows, each the leftmost start of cells within the tolerance.
fn columns_of(rows: &[VisualLine]) -> Vec<f32> {
    let mut starts: Vec<f32> = rows
        .iter()
        .filter(|r| r.chunks.len() >= 2)
        .flat_map(|r| r.chunks.iter().map(Chunk::x0))
        .collect();
    starts.sort_by(f32::total_cmp);
    let mut columns: Vec<f32> = Vec::new();
    let mut last = f32::NEG_INFINITY;
    for x in starts {
        if x - last > COLUMN_TOLERANCE {
            columns.push(x);
        }
        last = x;
    }
    columns
}

fn column_of(columns: &[f32], x: f32) -> Option<usize> {
    columns
        .iter()
        .position(|&c| (c - x).abs() <= COLUMN_TOLERANCE)
}

/// A line of one cell continues a table when it stands in one of its columns, within it.
/// At the top of a page, a line in the first column may as well be the paragraph after the
/// table: only a cell's wrapped text, starting in lower case, is taken as the table's.
fn fits_in_column(line: &VisualLine, columns: &[f32], after_page_break: bool) -> bool {
    let [chunk] = line.chunks.as_slice() else {
        return false;
    };
    match column_of(columns, chunk.x0()) {
        Some(0) if after_page_break => {
            chunk.text().chars().next().is_some_and(char::is_lowercase)
                && fits_in_column(line, columns, false)
        }
        Some(c) => columns
            .get(c + 1)
            .is_none_or(|&next| chunk.x1() < next - COLUMN_TOLERANCE),
        None => false,
    }
}

/// Splits the lines into prose and tables, each with whether a blank line comes before it.
fn blocks(lines: &[VisualLine], bottom: f32, rules: &[Rules]) -> Vec<(Block, bool)> {
    let mut out: Vec<(Block, bool)> = Vec::new();
    let mut current: Option<(Block, bool)> = None;
    // Kept as rows arrive rather than recomputed: a table may have thousands of rows.
    let mut columns: Vec<f32> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let blank = i > 0 && blank_between(&lines[i - 1], line, bottom);
        let boxed = left_border(line, rules).is_some();
        let is_row = line.chunks.len() >= 2 || boxed;
        match &mut current {
            // Rows are spaced wider than lines: a table leaves more room at the foot of a
            // page before the next row goes over.
            Some((Block::Table(rows), _))
                if !(i > 0 && room_left(&lines[i - 1], line, bottom, 1.6))
                    && (if boxed {
                        true
                    } else if is_row {
                        column_of(&columns, line.x0()).is_some()
                    } else {
                        fits_in_column(line, &columns, lines[i - 1].page != line.page)
                    }) =>
            {
                add_columns(&mut columns, line);
                rows.push(line.clone());
                continue;
            }
            Some((Block::Prose(prose), _)) if !is_row && !blank => {
                prose.push(line.clone());
                continue;
            }
            _ => {}
        }
        out.extend(current.take());
        columns.clear();
        current = Some(if is_row {
            add_columns(&mut columns, line);
            (Block::Table(vec![line.clone()]), blank)
        } else {
            (Block::Prose(vec![line.clone()]), blank)
        });
    }
    out.extend(current);
    out
}

/// The border just left of a line's text, when the line stands in a table cell with borders.
fn left_border(line: &VisualLine, rules: &[Rules]) -> Option<f32> {
    let x = line.x0();
    rules.get(line.page)?.down.iter().find_map(|r| {
        (r.from - 1.0 <= line.y && line.y <= r.to + 1.0 && x - 20.0 <= r.at && r.at <= x + 1.0)
            .then_some(r.at)
    })
}

fn add_columns(columns: &mut Vec<f32>, line: &VisualLine) {
    if line.chunks.len() < 2 {
        return;
    }
    for chunk in &line.chunks {
        let x = chunk.x0();
        if column_of(columns, x).is_none() {
            let at = columns.partition_point(|&c| c < x);
            columns.insert(at, x);
        }
    }
}

/// Prose lines, joined into one line per paragraph where the text only wrapped: a line
/// wrapped when the first word of the next would not have fitted before the margin.
fn write_prose(out: &mut String, lines: &[VisualLine], margins: &Margins) {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let before = &lines[i - 1];
            let first = &line.chunks[0].words[0];
            let space = 0.25 * before.size;
            let wrapped = before.x1() + space + (first.x1 - first.x0) > margins.right - 1.0;
            let text = line.text();
            if !wrapped || starts_list_item(out, &text) {
                out.push('\n');
            } else if !is_broken_word(before, before.x0(), margins.right) {
                out.push(' ');
            }
        }
        out.push_str(&line.text());
    }
}

/// Whether `next` begins an item of a list rather than continuing the text before it, when
/// the line before is too full to tell: "2.2.3 La …", "3. Synthèse …", or "- Présentation …"
/// after a line ending a sentence.
fn starts_list_item(before: &str, next: &str) -> bool {
    // "3°ème point : …", "Point 4 : …": prose minutes number their items in words.
    if crate::lines::is_ordinal_point(next) {
        return true;
    }
    let mut chars = next.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    let capital_after = |s: &str| {
        s.strip_prefix(' ')
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    };
    if matches!(first, '-' | '–' | '•' | '·' | '*' | '\u{F0B7}') {
        let ends_sentence = before.trim_end().ends_with([';', '.', ':', '!', '?']);
        // "- -La rencontre …": bullets doubled by the editor.
        let item = rest.trim_start_matches([' ', '-', '–', '•', '·', '*']);
        let marked = rest.starts_with([' ', '-']);
        return ends_sentence && marked && item.starts_with(char::is_uppercase);
    }
    // A number needs punctuation or levels to be a list's: "2020 Les" is a wrapped date.
    let number_end = next
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(next.len());
    let number = &next[..number_end];
    let after = &next[number_end..];
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let punctuated = number.contains('.');
    let after = match after.strip_prefix([')', '-']) {
        Some(a) => a,
        None if punctuated => after,
        None => return false,
    };
    capital_after(after)
}

/// An e-mail or web address wider than its line, broken where the line ended: addresses
/// hold no spaces, and the line holds that address alone, filling the width from `left` to
/// `right`. (Other words may end a line that is nearly full, so they are not glued.)
fn is_broken_word(line: &VisualLine, left: f32, right: f32) -> bool {
    match line.chunks.as_slice() {
        [chunk] => is_broken_chunk(chunk, left, right),
        _ => false,
    }
}

fn is_broken_chunk(chunk: &Chunk, left: f32, right: f32) -> bool {
    let [word] = chunk.words.as_slice() else {
        return false;
    };
    let address =
        word.text.contains('@') || word.text.contains("://") || word.text.starts_with("www.");
    address && right > left && word.x1 - left >= 0.8 * (right - left)
}

/// Table lines with their cells in their columns. When borders are ruled between the rows,
/// the lines between two borders are one row and their cells are joined; otherwise a line
/// continuing a cell keeps the cell's column, with empty cells before and after it.
fn write_table(out: &mut String, lines: &[VisualLine], rules: &[Rules]) {
    let borders = column_borders(lines, rules);
    let columns = if borders.len() >= 2 {
        // Text starts right of its column's border.
        borders[..borders.len() - 1]
            .iter()
            .map(|b| b + 1.0)
            .collect()
    } else {
        columns_of(lines)
    };
    let rule_between = |above: &VisualLine, below: &VisualLine| {
        let (x0, x1) = (above.x0().min(below.x0()), above.x1().max(below.x1()));
        rules.get(above.page).is_some_and(|page| {
            page.across
                .iter()
                .any(|r| r.at < above.y && r.at > below.y && r.from < x1 && r.to > x0)
        })
    };
    let ruled = lines
        .windows(2)
        .any(|w| w[0].page == w[1].page && rule_between(&w[0], &w[1]));
    // Near the top or the foot of a page, whether a border closes the row there.
    let rule_near = |line: &VisualLine, above: bool| {
        let reach = 1.6 * line.size;
        rules.get(line.page).is_some_and(|page| {
            page.across.iter().any(|r| {
                let d = if above { r.at - line.y } else { line.y - r.at };
                d > 0.0 && d < reach && r.from < line.x1() && r.to > line.x0()
            })
        })
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    // The chunks of the row's last line, by column: where a broken word may continue.
    let mut last_chunks: Vec<Option<&Chunk>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); columns.len().max(1)];
        let mut chunks: Vec<Option<&Chunk>> = vec![None; cells.len()];
        for chunk in &line.chunks {
            let x = chunk.x0();
            let column = columns
                .iter()
                .rposition(|&c| c <= x + COLUMN_TOLERANCE)
                .unwrap_or(0);
            append(&mut cells[column], &chunk.text());
            chunks[column] = Some(chunk);
        }
        let same_row = ruled
            && i > 0
            && if lines[i - 1].page == line.page {
                !rule_between(&lines[i - 1], line)
            } else {
                // A row broken by the page: no border closes it at the foot of one page nor
                // opens it at the top of the next.
                !rule_near(&lines[i - 1], false) && !rule_near(line, true)
            };
        match rows.last_mut() {
            Some(row) if same_row => {
                for (c, (cell, more)) in row.iter_mut().zip(&cells).enumerate() {
                    let broken = last_chunks.get(c).copied().flatten().is_some_and(|chunk| {
                        borders.len() > c + 1
                            && is_broken_chunk(chunk, columns[c], borders[c + 1] - 1.0)
                    });
                    if broken && !more.is_empty() {
                        cell.push_str(more);
                    } else {
                        append(cell, more);
                    }
                }
                for (c, chunk) in chunks.into_iter().enumerate() {
                    if chunk.is_some() {
                        last_chunks[c] = chunk;
                    }
                }
            }
            _ => {
                rows.push(cells);
                last_chunks = chunks;
            }
        }
    }
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&row.join("\t"));
    }
}

/// The x of the vertical borders crossing the table's lines, left to right: its columns'
/// edges. Empty when the table has no borders drawn.
fn column_borders(lines: &[VisualLine], rules: &[Rules]) -> Vec<f32> {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return Vec::new();
    };
    let left = lines
        .iter()
        .map(VisualLine::x0)
        .fold(f32::INFINITY, f32::min)
        - 20.0;
    let mut xs: Vec<f32> = Vec::new();
    for page in first.page..=last.page {
        let Some(page_rules) = rules.get(page) else {
            continue;
        };
        for r in &page_rules.down {
            let crosses = lines
                .iter()
                .any(|l| l.page == page && r.from - 1.0 <= l.y && l.y <= r.to + 1.0);
            if crosses && r.at >= left {
                xs.push(r.at);
            }
        }
    }
    xs.sort_by(f32::total_cmp);
    xs.dedup_by(|b, a| (*b - *a).abs() <= 2.0);
    xs
}

fn append(cell: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_recognised() {
        for yes in [
            "12",
            "Page 3",
            "3/12",
            "- 4 -",
            "page 2 sur 9",
            "Page 1 of 2",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in [
            "",
            "Page",
            "2023 est l'année",
            "1. Ouverture",
            "N/A",
            "12345",
        ] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn nesting_is_measured_in_syntax_only() {
        let deep = format!("%PDF-1.4\n1 0 obj\n{}\nendobj", "[".repeat(MAX_NESTING + 1));
        assert!(nesting_exceeds(deep.as_bytes(), MAX_NESTING));
        let dicts = "<<".repeat(MAX_NESTING + 1);
        assert!(nesting_exceeds(dicts.as_bytes(), MAX_NESTING));
        let balanced = "[<< /A [1] >>] ".repeat(1000);
        assert!(!nesting_exceeds(balanced.as_bytes(), MAX_NESTING));
        let in_string = format!("({})", "[".repeat(1000));
        assert!(!nesting_exceeds(in_string.as_bytes(), MAX_NESTING));
        let in_stream = format!("<< /Length 1 >>\nstream\n{}\nendstream\n", "[".repeat(1000));
        assert!(!nesting_exceeds(in_stream.as_bytes(), MAX_NESTING));
        let in_comment = format!("% {}\n", "<<".repeat(1000));
        assert!(!nesting_exceeds(in_comment.as_bytes(), MAX_NESTING));
    }

    fn glyphs(text: &str, x: f32, y: f32, gap: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            if c == ' ' {
                x += gap;
                continue;
            }
            out.push(Glyph {
                c,
                x,
                y,
                advance: 5.0,
                size: 10.0,
            });
            x += 5.0;
        }
        out
    }

    #[test]
    fn spaces_and_cells_come_from_the_gaps() {
        let line = split_line(0, &glyphs("ab cd   ef", 50.0, 700.0, 4.0)).unwrap();
        assert_eq!(line.chunks.len(), 2);
        assert_eq!(line.chunks[0].text(), "ab cd");
        assert_eq!(line.chunks[1].text(), "ef");
        let touching = split_line(0, &glyphs("ab cd", 50.0, 700.0, 1.0)).unwrap();
        assert_eq!(touching.text(), "abcd");
    }

    #[test]
    fn list_items_are_not_joined_to_a_full_line() {
        assert!(starts_list_item(
            "… territoriales ;",
            "- Présentation du récapitulatif"
        ));
        assert!(starts_list_item("… par CIAUD ;", "- -Le SG a tenu à dire"));
        assert!(starts_list_item(
            "… sur les migrations",
            "2.2.3 La maîtrise d'ouvrage"
        ));
        assert!(starts_list_item("… ordre du jour", "3) Divers"));
        assert!(!starts_list_item(
            "… des Nations Unies",
            "- Réseau des Nations unies"
        ));
        assert!(!starts_list_item(
            "… adopté le 7 février",
            "2020 par le gouvernement"
        ));
        assert!(!starts_list_item("… en", "2020 Les acteurs"));
    }

    fn line_at(page: usize, y: f32, text: &str) -> VisualLine {
        split_line(page, &glyphs(text, 57.0, y, 3.0)).unwrap()
    }

    #[test]
    fn running_headers_and_page_numbers_are_dropped() {
        let mut pages: Vec<Vec<VisualLine>> = (0..4)
            .map(|n| {
                vec![
                    line_at(n, 800.0, "Compte-rendu GTM"),
                    line_at(n, 700.0, ["Ouverture", "Divers", "Suite", "Fin"][n]),
                    line_at(n, 30.0, &format!("{}", n + 1)),
                ]
            })
            .collect();
        // The same words in the body of a page are text, not a header.
        pages[2].insert(2, line_at(2, 400.0, "Compte-rendu GTM"));
        drop_page_furniture(&mut pages);
        let texts: Vec<Vec<String>> = pages
            .iter()
            .map(|p| p.iter().map(VisualLine::text).collect())
            .collect();
        assert_eq!(texts[0], ["Ouverture"]);
        assert_eq!(texts[2], ["Suite", "Compte-rendu GTM"]);
    }
}
