//! Word documents (.docx): the text of `word/document.xml` in the shape the parsers read.
//!
//! - One line per paragraph; list paragraphs carry the label Word shows ("1- ", "a. "; "- "
//!   for bullets), computed from `word/numbering.xml` since agenda numbers matter.
//! - A table whose cells each hold at most one paragraph: one line per row, cells joined by
//!   tabs. A table with a cell of several paragraphs (a list of attendees, several action
//!   points) is written one cell per line, as Word's own text export does: each cell's first
//!   paragraph after a tab, its other paragraphs on the following lines, an empty line after
//!   each row. The choice is made for the whole table because the parsers read the header row
//!   to know which shape follows.
//! - Merged cells keep the columns in place (empty cells); a table within a cell gives its
//!   paragraphs to that cell.
//! - Deleted text and field instructions are left out; a text box is read once even when the
//!   document carries it twice (the drawing and its fallback for older Words).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use zip::ZipArchive;
use zip::result::ZipError;

use super::{MAX_NESTING, MAX_TEXT_BYTES};
use crate::IngestError;

const FORMAT: &str = "Word";
/// A Word document has a few dozen parts; thousands of entries are not a document.
pub(super) const MAX_ENTRIES: usize = 10_000;
/// Elements within elements: a table nested `MAX_NESTING` deep with text boxes inside stays
/// far below this.
const MAX_XML_DEPTH: usize = 512;
/// Word allows 63 columns; a larger span is a forged document.
const MAX_SPAN: usize = 63;
/// Compound File Binary: Word 97-2003 documents, and encrypted .docx files.
const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

const DOCUMENT: &str = "word/document.xml";
const NUMBERING: &str = "word/numbering.xml";
const STYLES: &str = "word/styles.xml";

pub(super) fn read(bytes: &[u8]) -> Result<(String, Vec<crate::notes::Note>), IngestError> {
    read_with_limit(bytes, MAX_TEXT_BYTES)
}

fn unreadable(reason: impl Into<String>) -> IngestError {
    IngestError::Unreadable {
        format: FORMAT,
        reason: reason.into(),
    }
}

/// `limit` bounds each XML part once decompressed, and the text produced.
fn read_with_limit(
    bytes: &[u8],
    limit: usize,
) -> Result<(String, Vec<crate::notes::Note>), IngestError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(unreadable(
            "this is an old Word 97-2003 .doc (or an encrypted document): save it as .docx",
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unreadable(
            "this is an RTF file named .docx: open it in Word and save it as .docx",
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(unreadable(
            "it is not a zip archive, which every .docx is (a file renamed .docx?)",
        ));
    }
    if declared_entries(bytes).is_some_and(|n| n > MAX_ENTRIES) {
        return Err(too_many_entries());
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the zip archive is damaged or cut short ({e})")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(too_many_entries());
    }
    let document = read_part(&mut archive, DOCUMENT, limit)?.ok_or_else(|| {
        unreadable(format!(
            "the archive has no {DOCUMENT}, so it is not a Word document (an Excel or PowerPoint file renamed?)"
        ))
    })?;
    let mut numbering = Numbering::default();
    if let Some(xml) = read_part(&mut archive, NUMBERING, limit)? {
        numbering.read_definitions(&xml)?;
    }
    if let Some(xml) = read_part(&mut archive, STYLES, limit)? {
        numbering.read_styles(&xml)?;
    }
    let mut doc = Document::new(numbering, limit);
    walk(DOCUMENT, &document, |e| doc.on(e))?;
    let mut notes = vec![crate::notes::Note::new(
        "read-from-word",
        &[
            ("paragraphs", doc.paragraphs.to_string()),
            ("tables", doc.tables_read.to_string()),
        ],
    )];
    if doc.deletions > 0 {
        notes.push(crate::notes::Note::new("tracked-changes", &[]));
    }
    Ok((doc.out, notes))
}

fn too_many_entries() -> IngestError {
    unreadable(format!(
        "the archive holds more than {MAX_ENTRIES} files, which no Word document does"
    ))
}

/// The entry count of the end-of-central-directory record, read before the archive is
/// parsed so that a forged directory of a million entries costs nothing. `None` when absent or
/// deferred to ZIP64 (checked after parsing).
pub(super) fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let tail_start = bytes.len().saturating_sub(22 + usize::from(u16::MAX));
    let tail = &bytes[tail_start..];
    let at = tail.windows(4).rposition(|w| w == EOCD)?;
    let record = tail.get(at..at + 22)?;
    let entries = u16::from_le_bytes([record[10], record[11]]);
    (entries != u16::MAX).then_some(entries.into())
}

/// One part, decompressed up to `limit` bytes whatever the archive declares.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: usize,
) -> Result<Option<String>, IngestError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(unreadable(format!("{name} cannot be opened ({e})"))),
    };
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(format!("{name} cannot be decompressed ({e})")))?;
    if bytes.len() > limit {
        return Err(IngestError::DecompressionBomb {
            entry: name.to_owned(),
            limit,
        });
    }
    xml_text(name, bytes).map(Some)
}

/// XML parts are UTF-8 in practice; the standard also allows UTF-16 with a BOM.
pub(super) fn xml_text(name: &str, bytes: Vec<u8>) -> Result<String, IngestError> {
    let utf16 = match bytes.as_slice() {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[2..])
            .map(|t| t.into_owned())
            .ok_or_else(|| unreadable(format!("{name} is not valid UTF-16")));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        unreadable(format!(
            "{name} is not valid UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

// ---------------------------------------------------------------------------------------------
// XML events, with namespaces resolved and depth bounded.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// WordprocessingML, transitional or strict.
    W,
    /// Markup compatibility: `mc:AlternateContent`.
    Mc,
    Other,
}

enum Xml<'a, 'e> {
    /// An element starts; an empty element gives `Open` then `Close`.
    Open {
        ns: Ns,
        name: &'a str,
        element: &'a BytesStart<'e>,
    },
    Close,
    Text(&'a str),
}

fn namespace(resolved: &ResolveResult) -> Ns {
    match resolved {
        ResolveResult::Bound(ns) => match ns.0 {
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            | "http://purl.oclc.org/ooxml/wordprocessingml/main" => Ns::W,
            "http://schemas.openxmlformats.org/markup-compatibility/2006" => Ns::Mc,
            _ => Ns::Other,
        },
        // A sloppy generator that forgot to declare its prefixes still means Word's.
        ResolveResult::Unknown(prefix) if prefix == "w" => Ns::W,
        ResolveResult::Unknown(prefix) if prefix == "mc" => Ns::Mc,
        _ => Ns::Other,
    }
}

fn walk(
    part: &str,
    xml: &str,
    mut on: impl FnMut(Xml) -> Result<(), IngestError>,
) -> Result<(), IngestError> {
    let mut reader = NsReader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok((resolved, event)) => (namespace(&resolved), event),
            Err(e) => {
                return Err(unreadable(format!(
                    "{part} is not well-formed XML ({e}, near byte {})",
                    reader.error_position()
                )));
            }
        };
        match event {
            Event::Start(_) if depth >= MAX_XML_DEPTH => {
                return Err(IngestError::TooDeeplyNested {
                    limit: MAX_XML_DEPTH,
                });
            }
            Event::Start(element) => {
                depth += 1;
                let name = element.local_name();
                on(Xml::Open {
                    ns,
                    name: name.as_ref(),
                    element: &element,
                })?;
            }
            Event::Empty(element) => {
                let name = element.local_name();
                on(Xml::Open {
                    ns,
                    name: name.as_ref(),
                    element: &element,
                })?;
                on(Xml::Close)?;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                on(Xml::Close)?;
            }
            Event::Text(text) => on(Xml::Text(&text.xml10_content()))?,
            Event::CData(text) => on(Xml::Text(&text.xml10_content()))?,
            Event::GeneralRef(reference) => {
                // Word declares no entities: an unknown one carries no text.
                if let Some(c) = entity_char(&reference) {
                    on(Xml::Text(c.encode_utf8(&mut [0; 4])))?;
                }
            }
            Event::Eof => {
                if depth > 0 {
                    return Err(unreadable(format!(
                        "{part} is cut short: {depth} element(s) are never closed"
                    )));
                }
                return Ok(());
            }
            _ => {}
        }
    }
}

/// An attribute's value by its local name (`w:val` → "val").
fn attr(element: &BytesStart, local: &str) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn int_attr(element: &BytesStart, local: &str) -> Option<i64> {
    attr(element, local)?.trim().parse().ok()
}

fn level_attr(element: &BytesStart, local: &str) -> Option<usize> {
    int_attr(element, local)
        .and_then(|l| usize::try_from(l).ok())
        .filter(|&l| l < LEVELS)
}

// ---------------------------------------------------------------------------------------------
// Numbering: the labels Word computes for list paragraphs.

const LEVELS: usize = 9;
/// Labels are a number and a bit of punctuation; a longer one is a forged definition that
/// would be copied onto every paragraph.
const MAX_LABEL_CHARS: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum NumFmt {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Bullet,
    None,
}

impl NumFmt {
    fn parse(s: &str) -> NumFmt {
        match s {
            "decimalZero" => NumFmt::DecimalZero,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperLetter" => NumFmt::UpperLetter,
            "lowerRoman" => NumFmt::LowerRoman,
            "upperRoman" => NumFmt::UpperRoman,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            // Ordinals, words, other scripts: the number itself says what matters.
            _ => NumFmt::Decimal,
        }
    }

    fn format(self, n: i64) -> String {
        match self {
            NumFmt::None | NumFmt::Bullet => String::new(),
            NumFmt::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
            NumFmt::LowerLetter | NumFmt::UpperLetter if (1..=780).contains(&n) => {
                // Word goes a … z, aa … zz, aaa …
                let letter = b'a' + ((n - 1) % 26) as u8;
                let letter = if self == NumFmt::UpperLetter {
                    letter.to_ascii_uppercase()
                } else {
                    letter
                };
                String::from(letter as char).repeat(((n - 1) / 26 + 1) as usize)
            }
            NumFmt::LowerRoman if (1..4000).contains(&n) => roman(n).to_ascii_lowercase(),
            NumFmt::UpperRoman if (1..4000).contains(&n) => roman(n),
            _ => n.to_string(),
        }
    }
}

fn roman(mut n: i64) -> String {
    const DIGITS: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    fmt: NumFmt,
    text: String,
    /// The paragraph style this level belongs to (heading styles linked to a list).
    style: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: Option<i64>,
    start_overrides: [Option<i64>; LEVELS],
}

#[derive(Debug, Default)]
struct StyleNumbering {
    num_id: Option<i64>,
    level: Option<usize>,
    based_on: Option<String>,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<i64, [Option<Level>; LEVELS]>,
    nums: HashMap<i64, Num>,
    styles: HashMap<String, StyleNumbering>,
    /// Current value of each level, per list. Lists that share a definition continue each
    /// other's numbering, as in Word, unless one restarts (a start override): that one counts
    /// on its own.
    counters: HashMap<Counter, [Option<i64>; LEVELS]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counter {
    Shared { abstract_id: i64 },
    Restarted { num_id: i64 },
}

impl Numbering {
    fn read_definitions(&mut self, xml: &str) -> Result<(), IngestError> {
        let mut path: Vec<(Ns, String)> = Vec::new();
        let mut abstract_id = None;
        let mut level = None;
        let mut num_id = None;
        let mut override_level = None;
        walk(NUMBERING, xml, |event| {
            match event {
                Xml::Open { ns, name, element } => {
                    let parent = path.last().filter(|(ns, _)| *ns == Ns::W);
                    let parent = parent.map(|(_, n)| n.as_str());
                    if ns == Ns::W {
                        match (name, parent) {
                            ("abstractNum", _) => {
                                abstract_id = int_attr(element, "abstractNumId");
                                if let Some(id) = abstract_id {
                                    self.abstracts.entry(id).or_default();
                                }
                            }
                            ("lvl", Some("abstractNum")) => {
                                level = level_attr(element, "ilvl");
                                if let (Some(id), Some(l)) = (abstract_id, level) {
                                    self.abstracts.entry(id).or_default()[l] =
                                        Some(Level::default());
                                }
                            }
                            ("start" | "numFmt" | "lvlText" | "pStyle", Some("lvl")) => {
                                let in_abstract =
                                    path.len() >= 2 && path[path.len() - 2].1 == "abstractNum";
                                if let (true, Some(id), Some(l)) = (in_abstract, abstract_id, level)
                                    && let Some(def) = self
                                        .abstracts
                                        .get_mut(&id)
                                        .and_then(|levels| levels[l].as_mut())
                                {
                                    match name {
                                        "start" => {
                                            def.start = int_attr(element, "val").unwrap_or(0)
                                        }
                                        "numFmt" => {
                                            def.fmt = NumFmt::parse(
                                                &attr(element, "val").unwrap_or_default(),
                                            )
                                        }
                                        "lvlText" => {
                                            def.text = attr(element, "val")
                                                .unwrap_or_default()
                                                .chars()
                                                .take(MAX_LABEL_CHARS)
                                                .collect()
                                        }
                                        _ => def.style = attr(element, "val"),
                                    }
                                }
                            }
                            ("num", _) => {
                                num_id = int_attr(element, "numId");
                                if let Some(id) = num_id {
                                    self.nums.entry(id).or_default();
                                }
                            }
                            ("abstractNumId", Some("num")) => {
                                if let Some(num) = num_id.and_then(|id| self.nums.get_mut(&id)) {
                                    num.abstract_id = int_attr(element, "val");
                                }
                            }
                            ("lvlOverride", Some("num")) => {
                                override_level = level_attr(element, "ilvl");
                            }
                            ("startOverride", Some("lvlOverride")) => {
                                if let (Some(num), Some(l)) =
                                    (num_id.and_then(|id| self.nums.get_mut(&id)), override_level)
                                {
                                    num.start_overrides[l] = int_attr(element, "val");
                                }
                            }
                            _ => {}
                        }
                    }
                    path.push((ns, name.to_owned()));
                }
                Xml::Close => {
                    path.pop();
                }
                Xml::Text(_) => {}
            }
            Ok(())
        })
    }

    /// Paragraph styles that number their paragraphs ("List Number", linked headings).
    fn read_styles(&mut self, xml: &str) -> Result<(), IngestError> {
        let mut path: Vec<(Ns, String)> = Vec::new();
        let mut style: Option<String> = None;
        walk(STYLES, xml, |event| {
            match event {
                Xml::Open { ns, name, element } => {
                    let parent = path.last().filter(|(ns, _)| *ns == Ns::W);
                    let parent = parent.map(|(_, n)| n.as_str());
                    if ns == Ns::W {
                        let current = style.as_ref().and_then(|s| self.styles.get_mut(s));
                        match (name, parent, current) {
                            ("style", _, _) => {
                                style = attr(element, "styleId");
                                if let Some(id) = &style {
                                    self.styles.entry(id.clone()).or_default();
                                }
                            }
                            ("basedOn", Some("style"), Some(s)) => {
                                s.based_on = attr(element, "val");
                            }
                            ("numId", Some("numPr"), Some(s)) if in_style_ppr(&path) => {
                                s.num_id = int_attr(element, "val");
                            }
                            ("ilvl", Some("numPr"), Some(s)) if in_style_ppr(&path) => {
                                s.level = level_attr(element, "val");
                            }
                            _ => {}
                        }
                    }
                    path.push((ns, name.to_owned()));
                }
                Xml::Close => {
                    if path.pop().is_some_and(|(_, n)| n == "style") {
                        style = None;
                    }
                }
                Xml::Text(_) => {}
            }
            Ok(())
        })
    }

    /// The numbering a paragraph has: its own, else its style's (following `basedOn`).
    fn resolve(
        &self,
        num_id: Option<i64>,
        level: Option<usize>,
        style: Option<&str>,
    ) -> Option<(i64, Option<usize>)> {
        if let Some(id) = num_id {
            return Some((id, level));
        }
        let mut name = style?;
        let mut level = level;
        for _ in 0..16 {
            let s = self.styles.get(name)?;
            level = level.or(s.level);
            if let Some(id) = s.num_id {
                return Some((id, level));
            }
            name = s.based_on.as_deref()?;
        }
        None
    }

    /// The label of a list paragraph, with the space that follows it ("1. ", "- "), counting
    /// it. `None` for a paragraph outside any list.
    fn label(
        &mut self,
        num_id: Option<i64>,
        level: Option<usize>,
        style: Option<&str>,
    ) -> Option<String> {
        let (num_id, level) = self.resolve(num_id, level, style)?;
        // numId 0 removes the numbering a style would give.
        if num_id == 0 {
            return None;
        }
        let num = self.nums.get(&num_id)?;
        let abstract_id = num.abstract_id?;
        let levels = self.abstracts.get(&abstract_id)?;
        let level = level
            .or_else(|| {
                levels.iter().position(|l| {
                    l.as_ref()
                        .is_some_and(|l| l.style.is_some() && l.style.as_deref() == style)
                })
            })
            .unwrap_or(0);
        let def = levels[level].as_ref()?;
        let key = if num.start_overrides.iter().any(Option::is_some) {
            Counter::Restarted { num_id }
        } else {
            Counter::Shared { abstract_id }
        };
        let counters = self.counters.entry(key).or_insert_with(|| {
            // The value before the first: the override's start, less one.
            num.start_overrides
                .map(|start| start.map(|s| s.saturating_sub(1)))
        });
        let value = counters[level].map_or(def.start, |v| v.saturating_add(1));
        counters[level] = Some(value);
        for deeper in &mut counters[level + 1..] {
            *deeper = None;
        }
        if def.fmt == NumFmt::Bullet {
            return Some("- ".to_owned());
        }
        let mut label = String::new();
        let mut chars = def.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = (c == '%')
                .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .filter(|d| (1..=LEVELS as u32).contains(d));
            match placeholder {
                Some(d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let (start, fmt) = levels[l]
                        .as_ref()
                        .map_or((0, NumFmt::Decimal), |x| (x.start, x.fmt));
                    let fmt = if fmt == NumFmt::Bullet {
                        NumFmt::Decimal
                    } else {
                        fmt
                    };
                    label.push_str(&fmt.format(counters[l].unwrap_or(start)));
                }
                None => label.push(c),
            }
        }
        let label = label.trim();
        (!label.is_empty()).then(|| format!("{label} "))
    }
}

fn in_style_ppr(path: &[(Ns, String)]) -> bool {
    path.len() >= 2 && path[path.len() - 2].1 == "pPr"
}

// ---------------------------------------------------------------------------------------------
// The document body.

/// What an open element means for the text, so that its end undoes exactly what its start did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Other,
    /// Content left out: deleted text, field instructions, a fallback already read.
    Skipped,
    Paragraph,
    ParagraphProperties,
    NumberingProperties,
    Run,
    Text,
    Table,
    Row,
    Cell,
    CellProperties,
    AlternateContent,
}

#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    num_id: Option<i64>,
    level: Option<usize>,
    style: Option<String>,
}

#[derive(Debug)]
struct Cell {
    paragraphs: Vec<String>,
    span: usize,
    /// A continuation of a vertically merged cell: shown empty.
    continued: bool,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
}

struct Document {
    numbering: Numbering,
    limit: usize,
    open: Vec<Open>,
    skipping: usize,
    /// For each open `mc:AlternateContent`: whether one of its choices has been read.
    alternates: Vec<bool>,
    paragraph: Vec<Paragraph>,
    cells: Vec<Cell>,
    tables: Vec<Table>,
    out: String,
    paragraphs: usize,
    tables_read: usize,
    deletions: usize,
}

impl Document {
    fn new(numbering: Numbering, limit: usize) -> Document {
        Document {
            numbering,
            limit,
            open: Vec::new(),
            skipping: 0,
            alternates: Vec::new(),
            paragraph: Vec::new(),
            cells: Vec::new(),
            tables: Vec::new(),
            out: String::new(),
            paragraphs: 0,
            tables_read: 0,
            deletions: 0,
        }
    }

    fn on(&mut self, event: Xml) -> Result<(), IngestError> {
        match event {
            Xml::Open { ns, name, element } => {
                if ns == Ns::W && name == "delText" {
                    self.deletions += 1;
                }
                let open = if self.skipping > 0 {
                    Open::Other
                } else {
                    self.start(ns, name, element)?
                };
                if open == Open::Skipped {
                    self.skipping += 1;
                }
                self.open.push(open);
            }
            Xml::Close => {
                if let Some(open) = self.open.pop() {
                    self.end(open)?;
                }
            }
            Xml::Text(text) => {
                if self.skipping == 0
                    && self.open.last() == Some(&Open::Text)
                    && let Some(p) = self.paragraph.last_mut()
                {
                    // A line break typed inside w:t is whitespace to Word.
                    p.text.extend(
                        text.chars()
                            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                    );
                }
            }
        }
        Ok(())
    }

    fn parent(&self) -> Option<Open> {
        self.open.last().copied()
    }

    fn push_char(&mut self, c: char) {
        if let Some(p) = self.paragraph.last_mut() {
            p.text.push(c);
        }
    }

    fn start(&mut self, ns: Ns, name: &str, element: &BytesStart) -> Result<Open, IngestError> {
        if ns == Ns::Mc {
            return Ok(match name {
                "AlternateContent" => {
                    self.alternates.push(false);
                    Open::AlternateContent
                }
                // The first choice is read; the others and the fallback repeat it.
                "Choice" | "Fallback" => match self.alternates.last_mut() {
                    Some(read) if *read => Open::Skipped,
                    Some(read) => {
                        *read = true;
                        Open::Other
                    }
                    None => Open::Other,
                },
                _ => Open::Other,
            });
        }
        if ns != Ns::W {
            return Ok(Open::Other);
        }
        let parent = self.parent();
        let in_run = parent == Some(Open::Run);
        Ok(match name {
            "p" => {
                self.paragraph.push(Paragraph::default());
                self.paragraphs += 1;
                Open::Paragraph
            }
            "pPr" if parent == Some(Open::Paragraph) => Open::ParagraphProperties,
            "pStyle" if parent == Some(Open::ParagraphProperties) => {
                if let Some(p) = self.paragraph.last_mut() {
                    p.style = attr(element, "val");
                }
                Open::Other
            }
            "numPr" if parent == Some(Open::ParagraphProperties) => Open::NumberingProperties,
            "numId" if parent == Some(Open::NumberingProperties) => {
                if let Some(p) = self.paragraph.last_mut() {
                    p.num_id = int_attr(element, "val");
                }
                Open::Other
            }
            "ilvl" if parent == Some(Open::NumberingProperties) => {
                if let Some(p) = self.paragraph.last_mut() {
                    p.level = level_attr(element, "val");
                }
                Open::Other
            }
            "r" => Open::Run,
            "t" => Open::Text,
            "tab" | "ptab" if in_run => {
                self.push_char('\t');
                Open::Other
            }
            "br" | "cr" if in_run => {
                self.push_char('\n');
                Open::Other
            }
            "noBreakHyphen" if in_run => {
                self.push_char('-');
                Open::Other
            }
            "sym" if in_run => {
                if let Some(c) = symbol(element) {
                    self.push_char(c);
                }
                Open::Other
            }
            "del" | "moveFrom" | "delText" => Open::Skipped,
            // Field codes ("PAGE", "HYPERLINK …"), properties of content controls, and the
            // former state of tracked formatting changes carry no text of the document.
            "instrText" | "delInstrText" | "sdtPr" | "sdtEndPr" => Open::Skipped,
            _ if name.ends_with("Change") => Open::Skipped,
            "tbl" => {
                if self.tables.len() >= MAX_NESTING {
                    return Err(IngestError::TooDeeplyNested { limit: MAX_NESTING });
                }
                self.tables.push(Table::default());
                self.tables_read += 1;
                Open::Table
            }
            "tr" => {
                if let Some(table) = self.tables.last_mut()
                    && !table.row.is_empty()
                {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
                Open::Row
            }
            "tc" => {
                self.cells.push(Cell {
                    paragraphs: Vec::new(),
                    span: 1,
                    continued: false,
                });
                Open::Cell
            }
            "tcPr" if parent == Some(Open::Cell) => Open::CellProperties,
            "gridSpan" if parent == Some(Open::CellProperties) => {
                if let Some(cell) = self.cells.last_mut() {
                    let span = int_attr(element, "val").unwrap_or(1);
                    cell.span = usize::try_from(span).unwrap_or(1).clamp(1, MAX_SPAN);
                }
                Open::Other
            }
            "vMerge" if parent == Some(Open::CellProperties) => {
                if let Some(cell) = self.cells.last_mut() {
                    cell.continued = attr(element, "val").as_deref() != Some("restart");
                }
                Open::Other
            }
            _ => Open::Other,
        })
    }

    fn end(&mut self, open: Open) -> Result<(), IngestError> {
        match open {
            Open::Skipped => self.skipping = self.skipping.saturating_sub(1),
            Open::AlternateContent => {
                self.alternates.pop();
            }
            Open::Paragraph => {
                if let Some(p) = self.paragraph.pop() {
                    let label = self.numbering.label(p.num_id, p.level, p.style.as_deref());
                    let text = match label {
                        Some(label) if !p.text.trim().is_empty() => label + &p.text,
                        _ => p.text,
                    };
                    self.emit(text)?;
                }
            }
            Open::Cell => {
                if let Some(cell) = self.cells.pop() {
                    match self.tables.last_mut() {
                        Some(table) => table.row.push(cell),
                        // A cell outside any table: its paragraphs are still text.
                        None => {
                            for p in cell.paragraphs {
                                self.emit(p)?;
                            }
                        }
                    }
                }
            }
            Open::Row => {
                if let Some(table) = self.tables.last_mut() {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            Open::Table => {
                if let Some(mut table) = self.tables.pop() {
                    if !table.row.is_empty() {
                        let row = std::mem::take(&mut table.row);
                        table.rows.push(row);
                    }
                    self.table_ended(table)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A paragraph (or a row's lines) goes to the innermost open cell, else to the text.
    fn emit(&mut self, text: String) -> Result<(), IngestError> {
        if let Some(cell) = self.cells.last_mut() {
            cell.paragraphs.extend(text.split('\n').map(str::to_owned));
            return Ok(());
        }
        if self.out.len() + text.len() + 1 > self.limit {
            return Err(IngestError::DecompressionBomb {
                entry: DOCUMENT.to_owned(),
                limit: self.limit,
            });
        }
        self.out.push_str(&text);
        self.out.push('\n');
        Ok(())
    }

    fn table_ended(&mut self, table: Table) -> Result<(), IngestError> {
        let rows: Vec<Vec<Vec<String>>> = table
            .rows
            .into_iter()
            .filter(|row| !row.is_empty())
            .map(|row| {
                let mut cells = Vec::new();
                for cell in row {
                    let paragraphs = if cell.continued {
                        Vec::new()
                    } else {
                        cell.paragraphs
                            .into_iter()
                            .filter(|p| !p.trim().is_empty())
                            // A tab inside a cell would shift the columns that follow.
                            .map(|p| p.replace('\t', " "))
                            .collect()
                    };
                    cells.push(paragraphs);
                    cells.extend((1..cell.span).map(|_| Vec::new()));
                }
                cells
            })
            .collect();
        if let Some(cell) = self.cells.last_mut() {
            // A table within a cell: its paragraphs become the cell's.
            cell.paragraphs.extend(rows.into_iter().flatten().flatten());
            return Ok(());
        }
        let one_cell_per_line = rows.iter().flatten().any(|cell| cell.len() > 1);
        for row in rows {
            if one_cell_per_line {
                for cell in row {
                    let mut paragraphs = cell.into_iter();
                    let first = paragraphs.next().unwrap_or_default();
                    self.emit(format!("\t{first}"))?;
                    for p in paragraphs {
                        self.emit(p)?;
                    }
                }
                self.emit(String::new())?;
            } else {
                let line = row
                    .into_iter()
                    .map(|cell| cell.into_iter().next().unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join("\t");
                self.emit(line)?;
            }
        }
        Ok(())
    }
}

/// `w:sym`: a character of a symbol font. Symbol fonts put their glyphs at U+F0xx; the
/// bullets the documents use are mapped, others kept as written (the parsers know U+F0A7).
fn symbol(element: &BytesStart) -> Option<char> {
    let code = u32::from_str_radix(attr(element, "char")?.trim(), 16).ok()?;
    let symbol_font = attr(element, "font").is_some_and(|f| f == "Symbol");
    let c = match code {
        0xF0B7 if symbol_font => '•',
        0xF02D if symbol_font => '-',
        _ => char::from_u32(code)?,
    };
    (!c.is_control()).then_some(c)
}

/// The character an XML reference stands for: a character reference or one of the five
/// predefined entities; `None` for any other entity.
pub(super) fn entity_char(reference: &quick_xml::events::BytesRef) -> Option<char> {
    match reference.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        Ok(None) => match reference.as_ref() {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            _ => None,
        },
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    fn docx(document: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn paragraphs(n: usize) -> String {
        let p = "<w:p><w:r><w:t>Points d'action</w:t></w:r></w:p>".repeat(n);
        format!(r#"<w:document xmlns:w="{W}"><w:body>{p}</w:body></w:document>"#)
    }

    #[test]
    fn parts_are_bounded_once_decompressed() {
        let xml = paragraphs(40);
        let bytes = docx(&xml);
        assert!(read_with_limit(&bytes, xml.len()).is_ok());
        assert_eq!(
            read_with_limit(&bytes, xml.len() - 1),
            Err(IngestError::DecompressionBomb {
                entry: DOCUMENT.into(),
                limit: xml.len() - 1
            })
        );
    }

    #[test]
    fn the_text_produced_is_bounded_too() {
        // Spans and labels make text out of little XML: the output has the same limit.
        let row = r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="63"/></w:tcPr></w:tc></w:tr>"#;
        let xml = format!(
            r#"<w:document xmlns:w="{W}"><w:body><w:tbl>{}</w:tbl></w:body></w:document>"#,
            row.repeat(100)
        );
        let bytes = docx(&xml);
        let (text, _) = read_with_limit(&bytes, 2 * xml.len()).unwrap();
        assert_eq!(text.len(), 100 * 63);
        assert!(matches!(
            read_with_limit(&bytes, 6000),
            Err(IngestError::DecompressionBomb { .. })
        ));
    }

    #[test]
    fn number_formats() {
        assert_eq!(NumFmt::Decimal.format(12), "12");
        assert_eq!(NumFmt::DecimalZero.format(3), "03");
        assert_eq!(NumFmt::LowerLetter.format(1), "a");
        assert_eq!(NumFmt::LowerLetter.format(28), "bb");
        assert_eq!(NumFmt::UpperLetter.format(26), "Z");
        assert_eq!(NumFmt::UpperLetter.format(100_000), "100000");
        assert_eq!(NumFmt::LowerRoman.format(4), "iv");
        assert_eq!(NumFmt::UpperRoman.format(1994), "MCMXCIV");
        assert_eq!(NumFmt::UpperRoman.format(0), "0");
        assert_eq!(NumFmt::parse("ordinal"), NumFmt::Decimal);
    }

    #[test]
    fn entry_count_is_read_before_the_archive() {
        let bytes = docx(&paragraphs(1));
        assert_eq!(declared_entries(&bytes), Some(1));
        assert_eq!(declared_entries(b"PK\x05\x06"), None);
        let mut forged = bytes.clone();
        let at = forged.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
        forged[at + 10..at + 12].copy_from_slice(&60_000u16.to_le_bytes());
        assert!(matches!(
            read(&forged),
            Err(IngestError::Unreadable { reason, .. }) if reason.contains("10000 files")
        ));
    }

    #[test]
    fn symbols() {
        let sym = |font: &str, code: &str| {
            let xml = format!(r#"<w:sym w:font="{font}" w:char="{code}"/>"#);
            let mut reader = quick_xml::Reader::from_str(&xml);
            match reader.read_event().unwrap() {
                Event::Empty(e) => symbol(&e),
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(sym("Symbol", "F0B7"), Some('•'));
        assert_eq!(sym("Wingdings", "F0A7"), Some('\u{f0a7}'));
        assert_eq!(sym("Arial", "2013"), Some('–'));
        assert_eq!(sym("Arial", "D800"), None);
        assert_eq!(sym("Arial", "zz"), None);
    }
}
