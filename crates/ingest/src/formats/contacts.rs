//! Whether an original document may be published as it is: contacts hide in places the text
//! Cadre extracts never shows — a tracked deletion, a footer, a comment, the document's
//! properties, a `mailto:` link, an image's metadata, a PDF's Info dictionary or XMP packet.
//!
//! [`original_holds_contacts`] reads every part of the file and FAILS CLOSED: it answers `true`
//! unless every part was read and found free of contacts. What cannot be read (a damaged or
//! oversized part, an embedded object, an encrypted PDF, a stream in an unknown encoding)
//! counts as holding a contact.
//!
//! The detector is [`cadre_domain::privacy::contains_contact`]. It is handed text as it reads:
//! runs of a paragraph joined (Word splits "96 97 25 39" over runs as it pleases), paragraphs
//! and elements on lines of their own, XML entities and PDF escapes decoded. Numbers that are
//! only identifiers (revision ids, GUIDs, PDF dates and cross-reference offsets) are not
//! handed over: they would pass for phone numbers in nearly every file.

use std::io::{Cursor, Read};

use cadre_domain::privacy::contains_contact;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::{Format, MAX_FILE_BYTES, MAX_TEXT_BYTES, docx, pdf_scan, text};

/// All the parts of a .docx together, once decompressed: beyond this, not read, so closed.
const MAX_DOCX_BYTES: usize = 4 * MAX_FILE_BYTES;
/// Text is handed to the detector in pieces of about this size, cut at line ends.
const CHUNK_BYTES: usize = 256 * 1024;
/// Each piece repeats this much of the end of the one before, so that nothing cut in two
/// goes unseen.
const OVERLAP_BYTES: usize = 1024;
/// Shorter runs of printable characters in binary data are noise: the shortest contact,
/// `a@b.ne`, has six characters.
const MIN_RUN: usize = 6;

/// Whether the original document may hold a phone number or an e-mail address anywhere in
/// its bytes, text extracted or not: `true` unless every part of it was read and found free
/// of contacts. A file Cadre cannot read entirely is `true`.
pub fn original_holds_contacts(format: Format, bytes: &[u8]) -> bool {
    if bytes.len() > MAX_FILE_BYTES {
        return true;
    }
    match format {
        Format::Text | Format::Markdown => match text::decode(bytes) {
            Ok((text, _)) => scan_text(&text),
            Err(_) => true,
        },
        Format::Docx => docx_holds_contacts(bytes),
        Format::Pdf => pdf_scan::holds_contacts(bytes),
    }
}

// ---------------------------------------------------------------------------------------------
// The detector, fed in pieces.

/// Whether `text` holds a contact, read in overlapping pieces so that a long text never costs
/// more than a piece's worth of the detector's memory.
fn scan_text(text: &str) -> bool {
    if text.len() <= CHUNK_BYTES {
        return contains_contact(text);
    }
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK_BYTES).min(text.len());
        if end < text.len() {
            end = cut_before(text, start, end);
        }
        if contains_contact(&text[start..end]) {
            return true;
        }
        if end >= text.len() {
            break;
        }
        // The next piece starts a little before this one ended, at a line or word start.
        let mut next = end.saturating_sub(OVERLAP_BYTES).max(start + 1);
        while !text.is_char_boundary(next) {
            next += 1;
        }
        if let Some(at) = text[next..end].find(['\n', ' ']) {
            next += at + 1;
        }
        start = next.max(start + 1).min(end);
        while !text.is_char_boundary(start) {
            start += 1;
        }
    }
    false
}

/// Where to end a piece at or before `end`: a line end if one is near, else a space, else a
/// character boundary.
fn cut_before(text: &str, start: usize, end: usize) -> usize {
    let mut end = end;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window_start = end.saturating_sub(4096).max(start + 1);
    let mut window_start = window_start;
    while !text.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = &text[window_start..end];
    if let Some(at) = window.rfind('\n').or_else(|| window.rfind(' ')) {
        return window_start + at + 1;
    }
    end
}

/// Text gathered from many places, handed to the detector a piece at a time. Each place is a
/// line of its own, so that nothing from two places runs together.
#[derive(Debug, Default)]
pub(super) struct Sink {
    buffer: String,
    found: bool,
}

impl Sink {
    /// One value: a string, a name, an attribute.
    pub(super) fn line(&mut self, text: &str) {
        if self.found || text.trim().is_empty() {
            return;
        }
        if text.len() > CHUNK_BYTES {
            self.text(text);
            return;
        }
        self.buffer.push_str(text);
        self.buffer.push('\n');
        if self.buffer.len() >= CHUNK_BYTES {
            self.flush();
        }
    }

    /// A value that may be a link (`mailto:nom%40domaine.ne`, `tel:+22796972539`): read as it
    /// is, and again with its escapes decoded and its punctuation made spaces.
    pub(super) fn value(&mut self, text: &str) {
        self.line(text);
        if text.contains([':', '%', '?', '&', '=']) {
            self.line(&unlinked(text));
        }
    }

    /// A long text, with its own line structure.
    pub(super) fn text(&mut self, text: &str) {
        if self.found {
            return;
        }
        self.flush();
        if scan_text(text) {
            self.found = true;
        }
    }

    fn flush(&mut self) {
        if !self.buffer.is_empty() {
            if scan_text(&self.buffer) {
                self.found = true;
            }
            self.buffer.clear();
        }
    }

    /// Whether anything handed over so far holds a contact.
    pub(super) fn found(&mut self) -> bool {
        self.flush();
        self.found
    }
}

/// A link's text with `%xx` escapes decoded and its URL punctuation made spaces.
fn unlinked(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escaped = (b == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match escaped {
            Some(v) => {
                out.push(v);
                i += 3;
            }
            None => {
                out.push(if matches!(b, b':' | b'?' | b'&' | b'=' | b'/') {
                    b' '
                } else {
                    b
                });
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Binary data: images, fonts.

/// Hands the sink the runs of printable ASCII in binary data, and the runs of UTF-16 text
/// (little- and big-endian, either alignment: Windows metafiles and fonts write text so).
pub(super) fn printable_runs(data: &[u8], sink: &mut Sink) {
    let printable = |b: u8| (0x20..=0x7E).contains(&b) || b == b'\t';
    let mut run_start: Option<usize> = None;
    for (i, &b) in data.iter().chain(std::iter::once(&0u8)).enumerate() {
        if i < data.len() && printable(b) {
            run_start.get_or_insert(i);
        } else if let Some(s) = run_start.take()
            && i - s >= MIN_RUN
        {
            sink.line(&String::from_utf8_lossy(&data[s..i]));
        }
    }
    for align in 0..2 {
        let mut le = String::new();
        let mut be = String::new();
        let flush = |run: &mut String, sink: &mut Sink| {
            if run.chars().count() >= MIN_RUN {
                sink.line(run);
            }
            run.clear();
        };
        for pair in data[align.min(data.len())..].chunks_exact(2) {
            let (a, b) = (pair[0], pair[1]);
            if b == 0 && printable(a) {
                le.push(char::from(a));
            } else {
                flush(&mut le, sink);
            }
            if a == 0 && printable(b) {
                be.push(char::from(b));
            } else {
                flush(&mut be, sink);
            }
        }
        flush(&mut le, sink);
        flush(&mut be, sink);
    }
}

/// An image's text: the metadata of PNG, JPEG and GIF images (their pixels, compressed, hold
/// none and would only yield noise), every printable run of other formats (metafiles draw
/// their text as records).
fn image(data: &[u8], sink: &mut Sink) -> Result<(), ()> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_metadata(data, sink)
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        jpeg_metadata(data, sink)
    } else if data.starts_with(b"GIF8") {
        gif_metadata(data, sink)
    } else {
        printable_runs(data, sink);
        Ok(())
    }
}

/// The segments of a JPEG before its image data: EXIF, XMP, IPTC, comments.
pub(super) fn jpeg_metadata(data: &[u8], sink: &mut Sink) -> Result<(), ()> {
    if !data.starts_with(&[0xFF, 0xD8]) {
        return Err(());
    }
    let mut i = 2;
    loop {
        if i >= data.len() {
            return Ok(());
        }
        if data[i] != 0xFF {
            return Err(());
        }
        while data.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&marker) = data.get(i) else {
            return Ok(());
        };
        i += 1;
        match marker {
            0x01 | 0xD0..=0xD8 => continue,
            // End of image, or the image data: metadata segments come before it.
            0xD9 | 0xDA => return Ok(()),
            _ => {
                let len = data.get(i..i + 2).ok_or(())?;
                let len = usize::from(u16::from_be_bytes([len[0], len[1]]));
                let payload = data.get(i + 2..i + len.max(2)).ok_or(())?;
                if matches!(marker, 0xE0..=0xEF | 0xFE) {
                    printable_runs(payload, sink);
                }
                i += len.max(2);
            }
        }
    }
}

/// A PNG's text chunks (`tEXt`, `zTXt`, `iTXt`) and EXIF.
fn png_metadata(data: &[u8], sink: &mut Sink) -> Result<(), ()> {
    let mut i = 8;
    while i < data.len() {
        let head = data.get(i..i + 8).ok_or(())?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let body = data
            .get(i + 8..(i + 8).checked_add(len).ok_or(())?)
            .ok_or(())?;
        match kind {
            b"tEXt" => sink.text(&pdf_scan::latin1(body).replace('\0', "\n")),
            b"zTXt" => {
                let at = body.iter().position(|&b| b == 0).ok_or(())?;
                sink.line(&pdf_scan::latin1(&body[..at]));
                let text = inflate_zlib(body.get(at + 2..).ok_or(())?)?;
                sink.text(&pdf_scan::latin1(&text));
            }
            b"iTXt" => {
                let mut parts = body.splitn(2, |&b| b == 0);
                let keyword = parts.next().unwrap_or_default();
                sink.line(&String::from_utf8_lossy(keyword));
                let rest = parts.next().ok_or(())?;
                let (&compressed, rest) = rest.split_first().ok_or(())?;
                let rest = rest.get(1..).ok_or(())?;
                let mut fields = rest.splitn(3, |&b| b == 0);
                let language = fields.next().unwrap_or_default();
                let translated = fields.next().unwrap_or_default();
                let text = fields.next().unwrap_or_default();
                sink.line(&String::from_utf8_lossy(language));
                sink.line(&String::from_utf8_lossy(translated));
                if compressed != 0 {
                    sink.text(&String::from_utf8_lossy(&inflate_zlib(text)?));
                } else {
                    sink.text(&String::from_utf8_lossy(text));
                }
            }
            b"eXIf" => printable_runs(body, sink),
            b"IEND" => return Ok(()),
            _ => {}
        }
        i += 12 + len;
    }
    Ok(())
}

fn inflate_zlib(data: &[u8]) -> Result<Vec<u8>, ()> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(data)
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|_| ())?;
    if out.len() > MAX_TEXT_BYTES {
        return Err(());
    }
    Ok(out)
}

/// A GIF's comment and application extensions (XMP lives in the latter).
fn gif_metadata(data: &[u8], sink: &mut Sink) -> Result<(), ()> {
    let screen = data.get(6..13).ok_or(())?;
    let mut i = 13;
    if screen[4] & 0x80 != 0 {
        i += 3 << ((screen[4] & 7) + 1);
    }
    let sub_blocks = |i: &mut usize| -> Result<Vec<u8>, ()> {
        let mut out = Vec::new();
        loop {
            let n = usize::from(*data.get(*i).ok_or(())?);
            *i += 1;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(data.get(*i..*i + n).ok_or(())?);
            *i += n;
        }
    };
    loop {
        match data.get(i) {
            None | Some(0x3B) => return Ok(()),
            Some(0x21) => {
                let label = *data.get(i + 1).ok_or(())?;
                i += 2;
                let content = sub_blocks(&mut i)?;
                if matches!(label, 0xFE | 0xFF) {
                    printable_runs(&content, sink);
                }
            }
            Some(0x2C) => {
                let descriptor = data.get(i + 1..i + 10).ok_or(())?;
                i += 10;
                if descriptor[8] & 0x80 != 0 {
                    i += 3 << ((descriptor[8] & 7) + 1);
                }
                i += 1;
                sub_blocks(&mut i)?;
            }
            Some(_) => return Err(()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// XML.

/// Elements that end a line of text: paragraphs, table rows and cells, notes, comments,
/// headers and footers, text boxes.
const BLOCKS: [&str; 13] = [
    "p",
    "tr",
    "tc",
    "tbl",
    "txbxContent",
    "footnote",
    "endnote",
    "comment",
    "hdr",
    "ftr",
    "body",
    "br",
    "cr",
];

/// Elements holding a piece of a run's text: consecutive ones run together.
const RUN_TEXT: [&str; 3] = ["t", "delText", "instrText"];

/// Elements whose text is a measure (EMUs, thousandths of a percent): `10058400` would pass
/// for a phone number.
const MEASURES: [&str; 5] = [
    "posOffset",
    "pctPosHOffset",
    "pctPosVOffset",
    "pctWidth",
    "pctHeight",
];

/// Hands the sink an XML document's text: the values of its attributes (identifiers left
/// out), comments and processing instructions, and its text with the tags removed — runs
/// joined, each paragraph and each element of data (a property) on a line of its own.
/// `Err` when the XML is not well-formed.
pub(super) fn xml(xml: &str, sink: &mut Sink) -> Result<(), ()> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    // For each open element: whether text stands directly in it, and where its text starts.
    let mut holds_text: Vec<(bool, usize)> = Vec::new();
    loop {
        match reader.read_event().map_err(|_| ())? {
            Event::Start(element) => {
                attributes(&element, sink);
                holds_text.push((false, text.len()));
            }
            Event::Empty(element) => {
                attributes(&element, sink);
                match local_name(&element).as_str() {
                    "tab" => text.push('\t'),
                    name if BLOCKS.contains(&name) => text.push('\n'),
                    _ => {}
                }
            }
            Event::End(element) => {
                let (held, start) = holds_text.pop().unwrap_or((false, 0));
                let name = element.local_name();
                let name: &str = name.as_ref();
                let data = held && !RUN_TEXT.contains(&name);
                // A value that is only an identifier or a measure is no one's contact.
                if data
                    && start <= text.len()
                    && (MEASURES.contains(&name) || is_guid(text[start..].trim()))
                {
                    text.truncate(start);
                }
                if BLOCKS.contains(&name) || data {
                    text.push('\n');
                }
            }
            Event::Text(t) => push_text(&mut text, &mut holds_text, &t.xml10_content()),
            Event::CData(t) => push_text(&mut text, &mut holds_text, &t.xml10_content()),
            Event::GeneralRef(reference) => {
                match docx::entity_char(&reference) {
                    Some(c) => push_text(&mut text, &mut holds_text, c.encode_utf8(&mut [0; 4])),
                    // An entity Cadre does not know: its name, as written.
                    None => sink.line(reference.as_ref()),
                }
            }
            Event::Comment(t) | Event::DocType(t) => sink.line(&t.xml10_content()),
            Event::PI(pi) => sink.line(pi.as_ref()),
            Event::Decl(_) => {}
            Event::Eof => break,
        }
        if text.len() >= CHUNK_BYTES && text.ends_with('\n') {
            sink.text(&text);
            text.clear();
            for (_, start) in holds_text.iter_mut() {
                *start = 0;
            }
        }
    }
    if !holds_text.is_empty() {
        return Err(());
    }
    sink.text(&text);
    Ok(())
}

fn push_text(text: &mut String, holds_text: &mut [(bool, usize)], piece: &str) {
    if !piece.trim().is_empty()
        && let Some((top, _)) = holds_text.last_mut()
    {
        *top = true;
    }
    text.push_str(piece);
}

fn local_name(element: &BytesStart) -> String {
    element.local_name().as_ref().to_owned()
}

/// Attribute values, entities decoded, except identifiers and numbers: Word's revision ids
/// (`w:rsidR="00972539"`), paragraph ids, GUIDs and measures look like phone numbers.
fn attributes(element: &BytesStart, sink: &mut Sink) {
    for attribute in element.attributes().with_checks(false).flatten() {
        let value = match attribute.normalized_value(XmlVersion::Implicit1_0) {
            Ok(v) => v.into_owned(),
            Err(_) => attribute.value.clone().into_owned(),
        };
        if !is_identifier(&value) {
            sink.value(&value);
        }
    }
}

fn is_identifier(value: &str) -> bool {
    let v = value.trim();
    let v = v.strip_prefix(['-', '+']).unwrap_or(v);
    (!v.is_empty() && v.chars().all(|c| c.is_ascii_hexdigit())) || is_guid(v)
}

/// `{8-4-4-4-12}` hexadecimal digits, braces optional.
fn is_guid(value: &str) -> bool {
    let guid = value
        .strip_prefix('{')
        .and_then(|g| g.strip_suffix('}'))
        .unwrap_or(value);
    let groups: Vec<&str> = guid.split('-').collect();
    groups.len() == 5
        && groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// An XML packet (a PDF's XMP metadata): its text as XML, or as plain text when it is not
/// well-formed.
pub(super) fn xml_or_text(data: &[u8], sink: &mut Sink) {
    let text = match docx::xml_text("metadata", data.to_vec()) {
        Ok(text) => text,
        Err(_) => String::from_utf8_lossy(data).into_owned(),
    };
    if xml(&text, sink).is_err() {
        sink.text(&text);
    }
}

// ---------------------------------------------------------------------------------------------
// Word.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Xml,
    Image,
    /// Fonts, compressed metafiles: binary data whose printable runs are read.
    Binary,
    /// A gzip-compressed metafile (`.emz`, `.wmz`).
    Gzip,
    Text,
    /// Embedded objects, macros, packages: not read, so closed.
    Opaque,
}

fn part_kind(name: &str) -> Part {
    let lower = name.to_ascii_lowercase();
    if lower.contains("embeddings/") || lower.contains("activex/") {
        return Part::Opaque;
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "xml" | "rels" | "vml" | "svg" => Part::Xml,
        "png" | "jpg" | "jpeg" | "jpe" | "jfif" | "gif" | "bmp" | "dib" | "tif" | "tiff"
        | "emf" | "wmf" | "wdp" | "hdp" | "jxr" | "ico" | "webp" => Part::Image,
        "emz" | "wmz" => Part::Gzip,
        "ttf" | "otf" | "odttf" | "fntdata" => Part::Binary,
        "txt" => Part::Text,
        _ => Part::Opaque,
    }
}

fn docx_holds_contacts(bytes: &[u8]) -> bool {
    if !bytes.starts_with(b"PK") {
        return true;
    }
    if docx::declared_entries(bytes).is_some_and(|n| n > docx::MAX_ENTRIES) {
        return true;
    }
    let Ok(mut archive) = ZipArchive::new(Cursor::new(bytes)) else {
        return true;
    };
    if archive.len() > docx::MAX_ENTRIES {
        return true;
    }
    let mut sink = Sink::default();
    sink.line(&String::from_utf8_lossy(archive.comment()));
    let mut total = 0usize;
    // The byte ranges the entries and the central directory take: anything between them is
    // read too.
    let mut covered: Vec<(u64, u64)> = Vec::new();
    for i in 0..archive.len() {
        let Ok(file) = archive.by_index(i) else {
            return true;
        };
        if file.encrypted() {
            return true;
        }
        let Ok(name) = file.name().map(|n| n.into_owned()) else {
            return true;
        };
        sink.value(&name);
        sink.line(file.comment());
        if let Some(start) = file.data_start() {
            covered.push((file.header_start(), start + file.compressed_size()));
        }
        if file.is_dir() {
            continue;
        }
        let kind = part_kind(&name);
        if kind == Part::Opaque {
            return true;
        }
        let cap = if kind == Part::Xml {
            MAX_TEXT_BYTES
        } else {
            MAX_FILE_BYTES
        };
        let mut data = Vec::new();
        if file.take(cap as u64 + 1).read_to_end(&mut data).is_err() || data.len() > cap {
            return true;
        }
        total += data.len();
        if total > MAX_DOCX_BYTES {
            return true;
        }
        if data.starts_with(b"PK\x03\x04") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            // A package or an OLE object under an innocent name.
            return true;
        }
        let read = match kind {
            Part::Xml => match docx::xml_text(&name, data) {
                Ok(text) => xml(&text, &mut sink),
                Err(_) => Err(()),
            },
            Part::Image => image(&data, &mut sink),
            Part::Binary => {
                printable_runs(&data, &mut sink);
                Ok(())
            }
            Part::Gzip => {
                let mut inflated = Vec::new();
                let ok = flate2::read::GzDecoder::new(data.as_slice())
                    .take(MAX_FILE_BYTES as u64 + 1)
                    .read_to_end(&mut inflated)
                    .is_ok();
                if ok && inflated.len() <= MAX_FILE_BYTES {
                    printable_runs(&inflated, &mut sink);
                    Ok(())
                } else {
                    Err(())
                }
            }
            Part::Text => match text::decode(&data) {
                Ok((text, _)) => {
                    sink.text(&text);
                    Ok(())
                }
                Err(_) => Err(()),
            },
            Part::Opaque => Err(()),
        };
        if read.is_err() || sink.found() {
            return true;
        }
    }
    // Bytes outside the entries: before the first, between them, before the directory.
    covered.push((archive.central_directory_start(), bytes.len() as u64));
    covered.sort_unstable();
    let mut at = 0u64;
    for (start, end) in covered {
        if start > at {
            let gap = &bytes[at as usize..(start as usize).min(bytes.len())];
            printable_runs(gap, &mut sink);
        }
        at = at.max(end);
    }
    sink.found()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_read_in_overlapping_pieces() {
        let filler = "Le groupe de travail a examiné les points inscrits.\n".repeat(20_000);
        assert!(!scan_text(&filler));
        for at in [
            CHUNK_BYTES - 6,
            CHUNK_BYTES - 1,
            CHUNK_BYTES + 3,
            filler.len() - 1,
        ] {
            let mut text = filler.clone();
            let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            text.insert_str(at, " 96 97 25 39 ");
            assert!(scan_text(&text), "contact at {at}");
        }
    }

    #[test]
    fn identifiers_are_not_read_as_numbers() {
        assert!(is_identifier("00972539"));
        assert!(is_identifier("-1234567890"));
        assert!(is_identifier("{3A1C5D2E-1234-5678-9ABC-123456789012}"));
        assert!(!is_identifier("96 97 25 39"));
        assert!(!is_identifier("mailto:a@b.ne"));
    }

    #[test]
    fn runs_join_and_paragraphs_split() {
        let mut sink = Sink::default();
        xml(
            r#"<w:document xmlns:w="w"><w:p><w:r><w:t>Tél. 96 97</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 25 39</w:t></w:r></w:p></w:document>"#,
            &mut sink,
        )
        .unwrap();
        assert!(sink.found());
        let mut sink = Sink::default();
        xml(
            r#"<w:document xmlns:w="w" w:rsidR="00972539"><w:p><w:r><w:t>Effectif 12</w:t></w:r></w:p><w:p><w:r><w:t>345 678</w:t></w:r></w:p></w:document>"#,
            &mut sink,
        )
        .unwrap();
        assert!(!sink.found());
    }

    #[test]
    fn links_are_read_decoded() {
        assert_eq!(unlinked("mailto:ali%40mail.ne"), "mailto ali@mail.ne");
    }
}
