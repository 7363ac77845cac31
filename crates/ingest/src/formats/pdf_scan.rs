//! PDF syntax read without a parser, before pdf_oxide is given the file.
//!
//! One walker serves two purposes:
//! - [`check_bombs`]: every stream pdf_oxide may decode is decompressed here first with a cap,
//!   and every content stream is measured (how deeply its arrays and dictionaries nest, how many
//!   characters it draws), so that a small hostile file is refused before it can exhaust the
//!   parser's stack or memory;
//! - [`holds_contacts`]: every string, name, comment, metadata packet and content stream is
//!   handed to the contact detector, failing closed on anything that cannot be decoded.
//!
//! The walker reads the file's own syntax in one pass (objects, dictionaries, streams), then
//! the object streams (PDF 1.5 compressed objects), then every other stream.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::Read;

use super::MAX_NESTING;
use super::contacts::Sink;
use crate::IngestError;

/// One stream, once decompressed, stops here: content streams of real minutes are a few
/// hundred kilobytes, embedded fonts a few megabytes.
pub const MAX_STREAM_BYTES: usize = 16 * 1024 * 1024;
/// All the streams of a file together, once decompressed (images excepted: text extraction
/// never decodes them).
pub const MAX_STREAMS_BYTES: usize = 64 * 1024 * 1024;
/// Characters one page may draw: a dense page of minutes draws under 10,000.
pub const MAX_GLYPHS_PER_PAGE: u64 = 200_000;
/// Characters all the pages may draw together: the parser keeps every page's characters
/// (about 200 bytes each).
pub const MAX_GLYPHS: u64 = 2_000_000;
/// Lines and curves one page may draw (the parser keeps each, about 300 bytes): a page of
/// tables draws a few thousand, a detailed chart a few tens of thousands.
pub const MAX_PATHS_PER_PAGE: u64 = 500_000;
/// Lines and curves all the pages may draw together.
pub const MAX_PATHS: u64 = 5_000_000;
/// pdf_oxide draws form XObjects at most this deep, and at most this many times per page
/// (`TextExtractor::MAX_XOBJECT_DEPTH`, `MAX_XOBJECT_DECODES`).
const FORM_DEPTH: usize = 10;
/// Streams found outside the syntax the walk could follow (after a string left open…): a
/// damaged file has a few; thousands are a file made to keep the pre-scan busy.
const MAX_MISSED_STREAMS: usize = 1000;
const FORM_DRAWS_PER_PAGE: u64 = 500;

// ---------------------------------------------------------------------------------------------
// Tokens.

#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    Int(i64),
    Real,
    /// A string, literal or hexadecimal, decoded to its bytes.
    Str(Vec<u8>),
    /// A name without its slash, `#xx` escapes decoded.
    Name(Vec<u8>),
    Kw(&'a [u8]),
    ArrOpen,
    ArrClose,
    DictOpen,
    DictClose,
    Comment(&'a [u8]),
}

pub(super) fn is_white(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

pub(super) fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

pub(super) fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delimiter(b)
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Bytes swallowed by a literal string that never closed (it ran to the end of the data).
    unclosed: usize,
}

impl<'a> Lexer<'a> {
    fn new(data: &'a [u8]) -> Lexer<'a> {
        Lexer {
            data,
            pos: 0,
            unclosed: 0,
        }
    }

    /// The next token and the offset it starts at. Nothing here recurses: strings and
    /// arrays of any depth cost no stack.
    fn next_token(&mut self) -> Option<(usize, Tok<'a>)> {
        let d = self.data;
        loop {
            while self.pos < d.len() && is_white(d[self.pos]) {
                self.pos += 1;
            }
            let start = self.pos;
            let &b = d.get(self.pos)?;
            self.pos += 1;
            let tok = match b {
                b'%' => {
                    let from = self.pos;
                    while self.pos < d.len() && !matches!(d[self.pos], b'\r' | b'\n') {
                        self.pos += 1;
                    }
                    Tok::Comment(&d[from..self.pos])
                }
                b'(' => Tok::Str(self.literal()),
                b'<' if d.get(self.pos) == Some(&b'<') => {
                    self.pos += 1;
                    Tok::DictOpen
                }
                b'<' => Tok::Str(self.hex()),
                b'>' if d.get(self.pos) == Some(&b'>') => {
                    self.pos += 1;
                    Tok::DictClose
                }
                b'[' => Tok::ArrOpen,
                b']' => Tok::ArrClose,
                b'/' => Tok::Name(self.name()),
                // Stray delimiters and PostScript braces carry nothing.
                b'>' | b')' | b'{' | b'}' => continue,
                _ => {
                    while self.pos < d.len() && is_regular(d[self.pos]) {
                        self.pos += 1;
                    }
                    classify(&d[start..self.pos])
                }
            };
            return Some((start, tok));
        }
    }

    fn literal(&mut self) -> Vec<u8> {
        let d = self.data;
        let start = self.pos;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while self.pos < d.len() {
            let b = d[self.pos];
            self.pos += 1;
            match b {
                b'\\' => {
                    let Some(&e) = d.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match d.get(self.pos) {
                                    Some(&o @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(o - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        b'\r' => {
                            if d.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\r' => {
                    if d.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                _ => out.push(b),
            }
        }
        if depth > 0 {
            self.unclosed = self.unclosed.max(self.pos - start);
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        let d = self.data;
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while self.pos < d.len() {
            let b = d[self.pos];
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    fn name(&mut self) -> Vec<u8> {
        let d = self.data;
        let mut out = Vec::new();
        while self.pos < d.len() && is_regular(d[self.pos]) {
            let b = d[self.pos];
            self.pos += 1;
            if b == b'#' {
                let pair = (
                    d.get(self.pos).copied().and_then(hex_value),
                    d.get(self.pos + 1).copied().and_then(hex_value),
                );
                if let (Some(h), Some(l)) = pair {
                    out.push(h << 4 | l);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(b);
        }
        out
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn classify(word: &[u8]) -> Tok<'_> {
    let digits = word.strip_prefix(b"+").or_else(|| word.strip_prefix(b"-"));
    let unsigned = digits.unwrap_or(word);
    if !unsigned.is_empty() && unsigned.iter().all(u8::is_ascii_digit) {
        return std::str::from_utf8(word)
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(Tok::Real, Tok::Int);
    }
    let dots = unsigned.iter().filter(|&&b| b == b'.').count();
    if dots == 1 && unsigned.len() > 1 && unsigned.iter().all(|b| b.is_ascii_digit() || *b == b'.')
    {
        return Tok::Real;
    }
    Tok::Kw(word)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

// ---------------------------------------------------------------------------------------------
// Stream dictionaries.

/// A value of a stream's dictionary, as much as the walker needs.
#[derive(Debug, Clone)]
enum Val {
    Int(i64),
    Name(Vec<u8>),
    Arr(Vec<Val>),
    Dict(Vec<(Vec<u8>, Val)>),
    Ref(u32),
    Other,
}

impl Val {
    fn get(&self, key: &[u8]) -> Option<&Val> {
        match self {
            Val::Dict(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn int(&self, key: &[u8]) -> Option<i64> {
        match self.get(key)? {
            Val::Int(i) => Some(*i),
            _ => None,
        }
    }

    fn name(&self, key: &[u8]) -> Option<&[u8]> {
        match self.get(key)? {
            Val::Name(n) => Some(n),
            _ => None,
        }
    }
}

/// Parses the values up to the closing token (`]` or `>>`), joining `n g R` into references.
/// `None` when nested deeper than `MAX_NESTING` or cut short.
fn parse_seq(lexer: &mut Lexer, close: &Tok, depth: usize) -> Option<Vec<Val>> {
    if depth > MAX_NESTING {
        return None;
    }
    let mut items: Vec<Val> = Vec::new();
    loop {
        let (_, tok) = lexer.next_token()?;
        if &tok == close {
            return Some(items);
        }
        let val = match tok {
            Tok::Int(i) => Val::Int(i),
            Tok::Name(n) => Val::Name(n),
            Tok::ArrOpen => Val::Arr(parse_seq(lexer, &Tok::ArrClose, depth + 1)?),
            Tok::DictOpen => {
                let seq = parse_seq(lexer, &Tok::DictClose, depth + 1)?;
                Val::Dict(pairs(seq))
            }
            Tok::Kw(b"R") => {
                if let [.., Val::Int(n), Val::Int(_)] = items.as_slice() {
                    let n = *n;
                    items.truncate(items.len() - 2);
                    Val::Ref(u32::try_from(n).unwrap_or(u32::MAX))
                } else {
                    Val::Other
                }
            }
            Tok::Comment(_) => continue,
            Tok::ArrClose | Tok::DictClose => return None,
            _ => Val::Other,
        };
        items.push(val);
    }
}

fn pairs(seq: Vec<Val>) -> Vec<(Vec<u8>, Val)> {
    let mut out = Vec::new();
    let mut iter = seq.into_iter();
    while let Some(key) = iter.next() {
        let Val::Name(key) = key else { continue };
        let Some(value) = iter.next() else { break };
        out.push((key, value));
    }
    out
}

/// A filter of a stream and its parameters.
#[derive(Debug, Clone)]
struct Filter {
    name: Vec<u8>,
    params: Option<Val>,
}

/// What a stream is, from its dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `/Type /ObjStm`: compressed objects, PDF syntax.
    ObjStm,
    /// `/Type /XRef`: binary offsets.
    XRef,
    /// `/Subtype /Form`: a content stream drawn with `Do`.
    Form,
    /// Pixels: `/Subtype /Image`, or a last filter that only image decoders undo.
    Image,
    /// `/Type /Metadata`, `/Subtype /XML`: an XMP packet.
    Metadata,
    /// `/Type /EmbeddedFile`: an attachment.
    EmbeddedFile,
    /// A font program (`/Length1`…, `/Subtype /Type1C`…).
    Font,
    /// Colour profiles, sampled functions: binary, no text.
    Binary,
    /// Anything else: page contents, Type 3 glyphs, CMaps, JavaScript…
    Other,
}

const IMAGE_FILTERS: [&[u8]; 7] = [
    b"DCTDecode",
    b"DCT",
    b"JPXDecode",
    b"JBIG2Decode",
    b"CCITTFaxDecode",
    b"CCF",
    b"JBIG2",
];

/// A stream's dictionary, reduced to what decides how it is read.
#[derive(Debug, Clone)]
struct StreamDict {
    kind: Kind,
    filters: Vec<Filter>,
    length: Option<i64>,
    /// `/Length n 0 R`: the object holding the length.
    length_ref: Option<u32>,
    /// Object streams: the number of objects and the offset of the first.
    objects: Option<(usize, usize)>,
    /// The dictionary could not be read (too deep, cut short, filters given by reference).
    unreadable: bool,
    /// `/Subtype /Form`, whatever the filters say.
    form: bool,
}

impl StreamDict {
    fn parse(span: Option<&[u8]>) -> StreamDict {
        let mut out = StreamDict {
            kind: Kind::Other,
            filters: Vec::new(),
            length: None,
            length_ref: None,
            objects: None,
            unreadable: false,
            form: false,
        };
        let Some(span) = span else {
            out.unreadable = true;
            return out;
        };
        let mut lexer = Lexer::new(span);
        let dict = match lexer.next_token() {
            Some((_, Tok::DictOpen)) => parse_seq(&mut lexer, &Tok::DictClose, 1).map(pairs),
            _ => None,
        };
        let Some(dict) = dict else {
            out.unreadable = true;
            return out;
        };
        let dict = Val::Dict(dict);
        out.length = dict.int(b"Length");
        if let Some(Val::Ref(n)) = dict.get(b"Length") {
            out.length_ref = Some(*n);
        }
        let names = |v: Option<&Val>| -> Option<Vec<Vec<u8>>> {
            match v {
                None => Some(Vec::new()),
                Some(Val::Name(n)) => Some(vec![n.clone()]),
                Some(Val::Arr(items)) => items
                    .iter()
                    .map(|i| match i {
                        Val::Name(n) => Some(n.clone()),
                        _ => None,
                    })
                    .collect(),
                Some(_) => None,
            }
        };
        let params: Vec<Option<Val>> = match dict.get(b"DecodeParms").or(dict.get(b"DP")) {
            Some(Val::Arr(items)) => items
                .iter()
                .map(|i| matches!(i, Val::Dict(_)).then(|| i.clone()))
                .collect(),
            Some(d @ Val::Dict(_)) => vec![Some(d.clone())],
            Some(Val::Ref(_)) => {
                out.unreadable = true;
                Vec::new()
            }
            _ => Vec::new(),
        };
        match names(dict.get(b"Filter").or(dict.get(b"F"))) {
            Some(filters) => {
                out.filters = filters
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| Filter {
                        name,
                        params: params.get(i).cloned().flatten(),
                    })
                    .collect();
            }
            None => out.unreadable = true,
        }
        let ty = dict.name(b"Type");
        let subtype = dict.name(b"Subtype");
        out.form = subtype == Some(b"Form".as_slice());
        let image_filter = out
            .filters
            .last()
            .is_some_and(|f| IMAGE_FILTERS.contains(&f.name.as_slice()));
        out.kind = match (ty, subtype) {
            (Some(b"ObjStm"), _) => Kind::ObjStm,
            (Some(b"XRef"), _) => Kind::XRef,
            (_, Some(b"Image")) => Kind::Image,
            _ if image_filter => Kind::Image,
            (_, Some(b"Form")) => Kind::Form,
            (Some(b"Metadata"), _) | (_, Some(b"XML")) => Kind::Metadata,
            (Some(b"EmbeddedFile"), _) => Kind::EmbeddedFile,
            (_, Some(b"Type1C" | b"CIDFontType0C" | b"OpenType")) => Kind::Font,
            _ if dict.get(b"Length1").is_some()
                || dict.get(b"Length2").is_some()
                || dict.get(b"Length3").is_some() =>
            {
                Kind::Font
            }
            _ if dict.get(b"FunctionType").is_some() || dict.get(b"N").is_some() => Kind::Binary,
            _ => Kind::Other,
        };
        if out.kind == Kind::ObjStm {
            let n = dict.int(b"N").and_then(|n| usize::try_from(n).ok());
            let first = dict.int(b"First").and_then(|n| usize::try_from(n).ok());
            out.objects = n.zip(first);
        }
        out
    }

    /// The filters to undo before the data is what the stream holds: all of them, except a
    /// last image filter (the data is then an encoded image).
    fn text_filters(&self) -> &[Filter] {
        match self.filters.last() {
            Some(f) if IMAGE_FILTERS.contains(&f.name.as_slice()) => {
                &self.filters[..self.filters.len() - 1]
            }
            _ => &self.filters,
        }
    }

    fn jpeg(&self) -> bool {
        self.filters
            .last()
            .is_some_and(|f| matches!(f.name.as_slice(), b"DCTDecode" | b"DCT"))
    }
}

// ---------------------------------------------------------------------------------------------
// The walk.

struct StreamRec<'a> {
    /// The object holding the stream: `12 0`.
    object: Option<(u32, u16)>,
    /// Where its data starts in the file, to name it when it has no object header.
    offset: usize,
    dict: StreamDict,
    data: &'a [u8],
}

impl StreamRec<'_> {
    fn describe(&self) -> String {
        match self.object {
            Some((n, g)) => format!("PDF stream in object {n} {g}"),
            None => format!("PDF stream at byte {}", self.offset),
        }
    }
}

/// What the walk of the file's syntax found.
#[derive(Default)]
struct Index<'a> {
    streams: Vec<StreamRec<'a>>,
    /// `/Name n g R` anywhere: which objects a name may stand for (XObject resources).
    named_refs: HashMap<Vec<u8>, Vec<u32>>,
    /// Each `/Contents` reference or array of references: the content streams of one page.
    contents: Vec<Vec<u32>>,
    /// Objects that are arrays, with the objects they refer to (an indirect `/Contents`).
    arrays: HashMap<u32, Vec<u32>>,
    encrypted: bool,
    attachments: bool,
    /// Arrays and dictionaries nest deeper than `MAX_NESTING` somewhere in the syntax.
    too_deep: bool,
    /// More than [`MAX_MISSED_STREAMS`] streams stand where the syntax is broken.
    broken: bool,
}

/// The last few tokens, as far as references need them.
#[derive(Clone, Default)]
enum Recent {
    Name(Vec<u8>),
    Int(i64),
    #[default]
    Other,
}

/// Reads PDF syntax (the file itself, or an object of an object stream) into an [`Index`].
struct Syntax<'i, 'a, 's> {
    index: &'i mut Index<'a>,
    sink: Option<&'s mut Sink>,
    recent: [Recent; 3],
    depth: usize,
    object: Option<(u32, u16)>,
    /// The token just read opened the body of `object`.
    body_starts: bool,
    /// Collecting the references of an array object: the depth it opened at.
    array_object: Option<(usize, Vec<u32>)>,
    /// Collecting an array of `/Contents`: the depth it opened at.
    contents_array: Option<(usize, Vec<u32>)>,
    after_contents: bool,
    /// Offset of a dictionary opened at depth 0, and the span of the last one closed.
    dict_start: usize,
    last_dict: Option<(usize, usize)>,
}

impl<'i, 'a, 's> Syntax<'i, 'a, 's> {
    fn new(index: &'i mut Index<'a>, sink: Option<&'s mut Sink>) -> Self {
        Syntax {
            index,
            sink,
            recent: Default::default(),
            depth: 0,
            object: None,
            body_starts: false,
            array_object: None,
            contents_array: None,
            after_contents: false,
            dict_start: 0,
            last_dict: None,
        }
    }

    fn begin_object(&mut self, object: Option<(u32, u16)>) {
        self.finish_object();
        self.object = object;
        self.body_starts = object.is_some();
        self.depth = 0;
        self.contents_array = None;
        self.after_contents = false;
    }

    fn finish_object(&mut self) {
        if let (Some((n, _)), Some((_, refs))) = (self.object, self.array_object.take()) {
            self.index.arrays.insert(n, refs);
        }
        self.object = None;
    }

    fn push_recent(&mut self, r: Recent) {
        self.recent.rotate_left(1);
        self.recent[2] = r;
    }

    /// One token of syntax; `at` and `end` are its offsets.
    fn token(&mut self, at: usize, end: usize, tok: &Tok) {
        let body_starts = std::mem::take(&mut self.body_starts);
        let after_contents = std::mem::take(&mut self.after_contents);
        let mut recent = Recent::Other;
        match tok {
            Tok::ArrOpen | Tok::DictOpen => {
                if *tok == Tok::ArrOpen {
                    if body_starts {
                        self.array_object = Some((self.depth, Vec::new()));
                    }
                    if after_contents {
                        self.contents_array = Some((self.depth, Vec::new()));
                    }
                } else if self.depth == 0 {
                    self.dict_start = at;
                }
                self.depth += 1;
                if self.depth > MAX_NESTING {
                    self.index.too_deep = true;
                }
            }
            Tok::ArrClose | Tok::DictClose => {
                self.depth = self.depth.saturating_sub(1);
                if *tok == Tok::DictClose && self.depth == 0 {
                    self.last_dict = Some((self.dict_start, end));
                }
                if *tok == Tok::ArrClose {
                    if self
                        .contents_array
                        .as_ref()
                        .is_some_and(|(d, _)| *d == self.depth)
                    {
                        let (_, refs) = self.contents_array.take().expect("checked");
                        self.index.contents.push(refs);
                    }
                    if let Some((d, refs)) = self.array_object.take() {
                        if d == self.depth {
                            if let Some((n, _)) = self.object {
                                self.index.arrays.insert(n, refs);
                            }
                        } else {
                            self.array_object = Some((d, refs));
                        }
                    }
                }
            }
            Tok::Int(i) => recent = Recent::Int(*i),
            Tok::Name(n) => {
                match n.as_slice() {
                    b"Contents" => self.after_contents = true,
                    b"Encrypt" => self.index.encrypted = true,
                    b"EmbeddedFile" | b"EmbeddedFiles" | b"EF" => self.index.attachments = true,
                    _ => {}
                }
                if let Some(sink) = self.sink.as_deref_mut() {
                    sink.line(&latin1(n));
                }
                recent = Recent::Name(n.clone());
            }
            Tok::Str(s) => {
                if let Some(sink) = self.sink.as_deref_mut() {
                    pdf_string(sink, s);
                }
            }
            Tok::Comment(c) => {
                if let Some(sink) = self.sink.as_deref_mut() {
                    sink.line(&latin1(c));
                }
            }
            Tok::Kw(b"R") => {
                if let [r0, Recent::Int(n), Recent::Int(_)] = &self.recent {
                    let n = u32::try_from(*n).unwrap_or(u32::MAX);
                    if let Recent::Name(key) = r0 {
                        if key == b"Contents" {
                            self.index.contents.push(vec![n]);
                        }
                        self.index
                            .named_refs
                            .entry(key.clone())
                            .or_default()
                            .push(n);
                    }
                    if let Some((_, refs)) = self.contents_array.as_mut() {
                        refs.push(n);
                    }
                    if let Some((_, refs)) = self.array_object.as_mut() {
                        refs.push(n);
                    }
                }
            }
            Tok::Kw(kw) => {
                let known = matches!(
                    *kw,
                    b"obj"
                        | b"endobj"
                        | b"stream"
                        | b"endstream"
                        | b"xref"
                        | b"trailer"
                        | b"startxref"
                        | b"true"
                        | b"false"
                        | b"null"
                        | b"f"
                        | b"n"
                );
                if !known && let Some(sink) = self.sink.as_deref_mut() {
                    sink.line(&latin1(kw));
                }
            }
            Tok::Real => {}
        }
        if !matches!(tok, Tok::Comment(_)) {
            self.push_recent(recent);
        }
        if after_contents && matches!(tok, Tok::Int(_)) {
            // `/Contents 4 0 R`: the reference is recorded when `R` comes.
            self.after_contents = false;
        }
    }
}

impl<'a> Index<'a> {
    /// Walks the file's syntax: objects, and the streams with their dictionaries.
    fn build(bytes: &'a [u8], sink: Option<&mut Sink>) -> Index<'a> {
        let mut index = Index::default();
        let mut streams = Vec::new();
        let lengths = integer_objects(bytes);
        {
            let mut syntax = Syntax::new(&mut index, sink);
            let mut lexer = Lexer::new(bytes);
            while let Some((at, tok)) = lexer.next_token() {
                match tok {
                    Tok::Kw(b"obj") => {
                        let object = match &syntax.recent {
                            [_, Recent::Int(n), Recent::Int(g)] => {
                                u32::try_from(*n).ok().zip(u16::try_from(*g).ok())
                            }
                            _ => None,
                        };
                        syntax.begin_object(object);
                        syntax.push_recent(Recent::Other);
                        continue;
                    }
                    Tok::Kw(b"endobj") => {
                        syntax.finish_object();
                        syntax.depth = 0;
                        syntax.push_recent(Recent::Other);
                        continue;
                    }
                    Tok::Kw(b"stream") => {
                        let dict_span = syntax
                            .last_dict
                            .take()
                            .filter(|&(_, end)| bytes[end..at].iter().all(|&b| is_white(b)))
                            .map(|(s, e)| &bytes[s..e]);
                        let mut dict = StreamDict::parse(dict_span);
                        if let Some(n) = dict.length_ref {
                            dict.length = lengths.get(&n).copied();
                        }
                        let (data_start, data_end, resume) =
                            stream_extent(bytes, lexer.pos, dict.length);
                        streams.push(StreamRec {
                            object: syntax.object,
                            offset: data_start,
                            dict,
                            data: &bytes[data_start..data_end],
                        });
                        lexer.pos = resume;
                        syntax.push_recent(Recent::Other);
                        continue;
                    }
                    _ => {}
                }
                syntax.token(at, lexer.pos, &tok);
            }
            syntax.finish_object();
        }
        match missed_streams(bytes, &streams, &lengths) {
            Some(missed) => streams.extend(missed),
            None => index.broken = true,
        }
        index.streams = streams;
        index
    }

    /// The objects of a decoded object stream, read as syntax.
    fn add_object_stream(
        &mut self,
        data: &[u8],
        objects: Option<(usize, usize)>,
        sink: Option<&mut Sink>,
    ) {
        let mut syntax = Syntax::new(self, sink);
        let mut spans: Vec<(Option<u32>, usize, usize)> = Vec::new();
        if let Some((n, first)) = objects.filter(|&(_, first)| first <= data.len()) {
            let mut header = Lexer::new(&data[..first]);
            let mut numbers: Vec<(u32, usize)> = Vec::new();
            while numbers.len() < n {
                let (Some((_, Tok::Int(num))), Some((_, Tok::Int(off)))) =
                    (header.next_token(), header.next_token())
                else {
                    break;
                };
                let (Ok(num), Ok(off)) = (u32::try_from(num), usize::try_from(off)) else {
                    break;
                };
                numbers.push((num, first.saturating_add(off).min(data.len())));
            }
            let mut starts: Vec<usize> = numbers.iter().map(|&(_, s)| s).collect();
            starts.sort_unstable();
            for &(num, start) in &numbers {
                let end = starts
                    .iter()
                    .copied()
                    .find(|&s| s > start)
                    .unwrap_or(data.len());
                spans.push((Some(num), start, end));
            }
        }
        if spans.is_empty() {
            spans.push((None, 0, data.len()));
        }
        for (num, start, end) in spans {
            syntax.begin_object(num.map(|n| (n, 0)));
            let mut lexer = Lexer::new(&data[start..end]);
            while let Some((at, tok)) = lexer.next_token() {
                syntax.token(at, lexer.pos, &tok);
            }
            syntax.finish_object();
        }
    }

    /// The streams named by `/Contents`, arrays of them followed one level.
    fn content_streams(&self) -> Vec<Vec<u32>> {
        self.contents
            .iter()
            .map(|group| {
                group
                    .iter()
                    .flat_map(|n| match self.arrays.get(n) {
                        Some(refs) => refs.clone(),
                        None => vec![*n],
                    })
                    .collect()
            })
            .collect()
    }
}

/// The objects that are a bare integer (`12 0 obj 3456 endobj`): indirect stream lengths.
fn integer_objects(bytes: &[u8]) -> HashMap<u32, i64> {
    let mut out = HashMap::new();
    for at in memchr::memmem::find_iter(bytes, b"obj") {
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let Some((number, _)) = object_header_before(bytes, at) else {
            continue;
        };
        let mut lexer = Lexer::new(&bytes[at + 3..bytes.len().min(at + 64)]);
        if let (Some((_, Tok::Int(value))), Some((_, Tok::Kw(b"endobj")))) =
            (lexer.next_token(), lexer.next_token())
        {
            out.insert(number, value);
        }
    }
    out
}

/// The `n g` before an `obj` keyword at `at`.
fn object_header_before(bytes: &[u8], at: usize) -> Option<(u32, u16)> {
    let mut i = at;
    let number = |i: &mut usize| -> Option<u64> {
        while *i > 0 && is_white(bytes[*i - 1]) {
            *i -= 1;
        }
        let end = *i;
        while *i > 0 && bytes[*i - 1].is_ascii_digit() && end - *i < 10 {
            *i -= 1;
        }
        if *i == end {
            return None;
        }
        std::str::from_utf8(&bytes[*i..end]).ok()?.parse().ok()
    };
    if i == 0 || !is_white(bytes[i - 1]) {
        return None;
    }
    let generation = number(&mut i)?;
    if i == 0 || !is_white(bytes[i - 1]) {
        return None;
    }
    let object = number(&mut i)?;
    Some((u32::try_from(object).ok()?, u16::try_from(generation).ok()?))
}

/// Streams the walk did not see (a string left open swallowed them, or a stream's data
/// hid them): every `>> stream` outside the streams already found. The parser reads objects
/// where the cross-reference table says, so the pre-scan must not depend on the syntax
/// before them.
fn missed_streams<'a>(
    bytes: &'a [u8],
    found: &[StreamRec<'a>],
    lengths: &HashMap<u32, i64>,
) -> Option<Vec<StreamRec<'a>>> {
    let mut taken: Vec<(usize, usize)> = found
        .iter()
        .map(|s| {
            let start = s.data.as_ptr() as usize - bytes.as_ptr() as usize;
            (start, start + s.data.len())
        })
        .collect();
    taken.sort_unstable();
    // The end of the last stream (found or recovered) before a position.
    let last_end = |p: usize| {
        let i = taken.partition_point(|&(s, _)| s <= p);
        if i == 0 { 0 } else { taken[i - 1].1 }
    };
    let mut covered_until = 0usize;
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(bytes, b"stream") {
        if !matches!(bytes.get(at + 6), Some(b'\r' | b'\n')) {
            continue;
        }
        let mut d = at;
        while d > 0 && is_white(bytes[d - 1]) {
            d -= 1;
        }
        if d < 2 || &bytes[d - 2..d] != b">>" {
            continue;
        }
        // Inside a stream's data, or the keyword of a stream already found.
        let (data_start, _, _) = stream_extent(bytes, at + 6, None);
        let found_here = taken.binary_search_by_key(&data_start, |&(s, _)| s).is_ok();
        let before = last_end(at);
        if found_here {
            continue;
        }
        // Inside another stream's data (found or recovered), a stream counts only as an
        // object of its own (below): a parser rebuilding a damaged cross-reference table finds
        // objects by their `n g obj`, wherever they are (found by the `pdf` fuzz target: a
        // second object 4 inside the first one's data, its string left open, kept the reader
        // busy; so did the fourth of several such objects nested in one stream).
        let inside = at < before || at < covered_until;
        if out.len() >= MAX_MISSED_STREAMS {
            return None;
        }
        // The dictionary: back to the `<<` matching the `>>`, not beyond the stream before
        // (a dictionary is small).
        let floor = if inside {
            d.saturating_sub(64 * 1024)
        } else {
            d.saturating_sub(64 * 1024).max(before).max(covered_until)
        };
        let mut depth = 0usize;
        let mut i = d;
        let mut dict_start = None;
        while i >= floor + 2 {
            if &bytes[i - 2..i] == b">>" {
                depth += 1;
                i -= 2;
            } else if &bytes[i - 2..i] == b"<<" {
                depth = depth.saturating_sub(1);
                i -= 2;
                if depth == 0 {
                    dict_start = Some(i);
                    break;
                }
            } else {
                i -= 1;
            }
        }
        let span = dict_start.map(|s| &bytes[s..d]);
        let mut dict = StreamDict::parse(span);
        if let Some(n) = dict.length_ref {
            dict.length = lengths.get(&n).copied();
        }
        let object = dict_start.and_then(|s| {
            let from = s.saturating_sub(64);
            let obj = memchr::memmem::rfind(&bytes[from..s], b"obj")?;
            object_header_before(bytes, from + obj)
        });
        if inside && object.is_none() {
            continue;
        }
        let (start, end, _) = stream_extent(bytes, at + 6, dict.length);
        covered_until = covered_until.max(end).max(at + 6);
        out.push(StreamRec {
            object,
            offset: start,
            dict,
            data: &bytes[start..end],
        });
    }
    Some(out)
}

/// Where a stream's data starts and ends, and where the syntax resumes after `endstream`.
/// `/Length` is believed when `endstream` follows it; otherwise the data runs to the next
/// `endstream`.
fn stream_extent(bytes: &[u8], after_keyword: usize, length: Option<i64>) -> (usize, usize, usize) {
    let mut start = after_keyword;
    while matches!(bytes.get(start), Some(b' ' | b'\t')) {
        start += 1;
    }
    if bytes.get(start) == Some(&b'\r') {
        start += 1;
    }
    if bytes.get(start) == Some(&b'\n') {
        start += 1;
    }
    let start = start.min(bytes.len());
    if let Some(end) = length
        .and_then(|l| usize::try_from(l).ok())
        .and_then(|len| start.checked_add(len))
        .filter(|&e| e <= bytes.len())
    {
        let mut after = end;
        while after < bytes.len() && is_white(bytes[after]) {
            after += 1;
        }
        if bytes[after..].starts_with(b"endstream") {
            return (start, end, after + b"endstream".len());
        }
    }
    match find(&bytes[start..], b"endstream") {
        Some(at) => {
            let mut end = start + at;
            if end > start && bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            (start, end, start + at + b"endstream".len())
        }
        None => (start, bytes.len(), bytes.len()),
    }
}

// ---------------------------------------------------------------------------------------------
// Filters.

#[derive(Debug, PartialEq, Eq)]
enum DecodeError {
    /// Beyond the cap.
    TooBig,
    /// A filter Cadre does not undo (encryption, an unknown name, a TIFF predictor).
    Unsupported,
    /// The data is damaged.
    Corrupt,
}

/// The data with every filter undone, each stage stopped at `cap` bytes.
fn decode<'d>(
    data: &'d [u8],
    filters: &[Filter],
    cap: usize,
) -> Result<Cow<'d, [u8]>, DecodeError> {
    let mut current: Cow<[u8]> = Cow::Borrowed(data);
    for filter in filters {
        let next = match filter.name.as_slice() {
            b"FlateDecode" | b"Fl" => flate(&current, cap)?,
            b"LZWDecode" | b"LZW" => {
                let early = filter
                    .params
                    .as_ref()
                    .and_then(|p| p.int(b"EarlyChange"))
                    .unwrap_or(1);
                lzw(&current, early != 0, cap)?
            }
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&current)?,
            b"ASCII85Decode" | b"A85" => ascii85(&current)?,
            b"RunLengthDecode" | b"RL" => run_length(&current, cap)?,
            _ => return Err(DecodeError::Unsupported),
        };
        if next.len() > cap {
            return Err(DecodeError::TooBig);
        }
        let next = match &filter.params {
            Some(p)
                if matches!(
                    filter.name.as_slice(),
                    b"FlateDecode" | b"Fl" | b"LZWDecode" | b"LZW"
                ) =>
            {
                unpredict(next, p)?
            }
            _ => next,
        };
        current = Cow::Owned(next);
    }
    Ok(current)
}

/// A Flate stream as a lenient parser reads it: with or without its zlib header, and what a
/// damaged stream (a wrong checksum, a bad block) yields before the damage, since pdf_oxide
/// recovers that much and parses it. Of the ways to read it, the longest output is measured.
fn flate(data: &[u8], cap: usize) -> Result<Vec<u8>, DecodeError> {
    let zlib = data.len() >= 2
        && data[0] & 0x0F == 8
        && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
    let mut attempts = Vec::with_capacity(3);
    if zlib {
        attempts.push(inflate(flate2::read::ZlibDecoder::new(data), cap));
        attempts.push(inflate(flate2::read::DeflateDecoder::new(&data[2..]), cap));
    }
    attempts.push(inflate(flate2::read::DeflateDecoder::new(data), cap));
    if attempts
        .iter()
        .any(|a| matches!(a, Err(DecodeError::TooBig)))
    {
        return Err(DecodeError::TooBig);
    }
    attempts
        .into_iter()
        .filter_map(Result::ok)
        .max_by_key(Vec::len)
        .ok_or(DecodeError::Corrupt)
}

/// Reads a decoder to its end, up to `cap` bytes; a stream that stops short or is damaged
/// part-way gives what it held before, as lenient readers do.
fn inflate(decoder: impl Read, cap: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let result = decoder.take(cap as u64 + 1).read_to_end(&mut out);
    if out.len() > cap {
        return Err(DecodeError::TooBig);
    }
    match result {
        Ok(_) => Ok(out),
        Err(_) if !out.is_empty() => Ok(out),
        Err(_) => Err(DecodeError::Corrupt),
    }
}

fn lzw(data: &[u8], early: bool, cap: usize) -> Result<Vec<u8>, DecodeError> {
    const CLEAR: usize = 256;
    const END: usize = 257;
    let mut prefix = vec![0u16; 4096];
    let mut suffix = vec![0u8; 4096];
    let mut first = vec![0u8; 4096];
    let mut len = vec![0usize; 4096];
    for i in 0..256 {
        suffix[i] = i as u8;
        first[i] = i as u8;
        len[i] = 1;
    }
    let mut next = 258usize;
    let mut width = 9u32;
    let mut prev: Option<usize> = None;
    let mut out: Vec<u8> = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut bytes = data.iter();
    loop {
        while bits < width {
            match bytes.next() {
                Some(&b) => {
                    acc = acc << 8 | u32::from(b);
                    bits += 8;
                }
                None => return Ok(out),
            }
        }
        let code = ((acc >> (bits - width)) & ((1 << width) - 1)) as usize;
        bits -= width;
        if code == CLEAR {
            next = 258;
            width = 9;
            prev = None;
            continue;
        }
        if code == END {
            return Ok(out);
        }
        let emit_code = if code < next {
            if let Some(p) = prev
                && next < 4096
            {
                prefix[next] = p as u16;
                suffix[next] = first[code];
                first[next] = first[p];
                len[next] = len[p] + 1;
                next += 1;
            }
            code
        } else if code == next {
            let Some(p) = prev else {
                return Err(DecodeError::Corrupt);
            };
            if next >= 4096 {
                return Err(DecodeError::Corrupt);
            }
            prefix[next] = p as u16;
            suffix[next] = first[p];
            first[next] = first[p];
            len[next] = len[p] + 1;
            next += 1;
            code
        } else {
            return Err(DecodeError::Corrupt);
        };
        let n = len[emit_code];
        if out.len() + n > cap {
            return Err(DecodeError::TooBig);
        }
        let at = out.len();
        out.resize(at + n, 0);
        let mut c = emit_code;
        for k in (0..n).rev() {
            out[at + k] = suffix[c];
            c = prefix[c] as usize;
        }
        prev = Some(emit_code);
        let threshold = next + usize::from(early);
        if threshold >= (1 << width) && width < 12 {
            width += 1;
        }
    }
}

fn ascii_hex(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut high: Option<u8> = None;
    for &b in data {
        if b == b'>' {
            break;
        }
        if is_white(b) {
            continue;
        }
        let v = hex_value(b).ok_or(DecodeError::Corrupt)?;
        match high.take() {
            Some(h) => out.push(h << 4 | v),
            None => high = Some(v),
        }
    }
    if let Some(h) = high {
        out.push(h << 4);
    }
    Ok(out)
}

fn ascii85(data: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let data = data.strip_prefix(b"<~").unwrap_or(data);
    let mut out = Vec::with_capacity(data.len() * 4 / 5);
    let mut group = [0u8; 5];
    let mut n = 0;
    for &b in data {
        match b {
            b'~' => break,
            b'z' if n == 0 => out.extend_from_slice(&[0; 4]),
            b'!'..=b'u' => {
                group[n] = b - b'!';
                n += 1;
                if n == 5 {
                    let v = group.iter().fold(0u64, |v, &d| v * 85 + u64::from(d));
                    let v = u32::try_from(v).map_err(|_| DecodeError::Corrupt)?;
                    out.extend_from_slice(&v.to_be_bytes());
                    n = 0;
                }
            }
            _ if is_white(b) => {}
            _ => return Err(DecodeError::Corrupt),
        }
    }
    if n == 1 {
        return Err(DecodeError::Corrupt);
    }
    if n > 1 {
        for d in group.iter_mut().skip(n) {
            *d = 84;
        }
        let v = group.iter().fold(0u64, |v, &d| v * 85 + u64::from(d));
        let v = u32::try_from(v).map_err(|_| DecodeError::Corrupt)?;
        out.extend_from_slice(&v.to_be_bytes()[..n - 1]);
    }
    Ok(out)
}

fn run_length(data: &[u8], cap: usize) -> Result<Vec<u8>, DecodeError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let l = data[i];
        i += 1;
        match l {
            0..=127 => {
                let n = usize::from(l) + 1;
                let end = (i + n).min(data.len());
                out.extend_from_slice(&data[i..end]);
                i = end;
            }
            128 => break,
            _ => {
                let Some(&b) = data.get(i) else { break };
                i += 1;
                out.resize(out.len() + 257 - usize::from(l), b);
            }
        }
        if out.len() > cap {
            return Err(DecodeError::TooBig);
        }
    }
    Ok(out)
}

/// PNG predictors (10 and up) undone; the TIFF predictor is not.
fn unpredict(data: Vec<u8>, params: &Val) -> Result<Vec<u8>, DecodeError> {
    let predictor = params.int(b"Predictor").unwrap_or(1);
    if predictor <= 1 {
        return Ok(data);
    }
    if predictor < 10 {
        return Err(DecodeError::Unsupported);
    }
    let param = |key: &[u8], default: i64| {
        params
            .int(key)
            .filter(|&v| (1..=1 << 16).contains(&v))
            .unwrap_or(default) as usize
    };
    let (colors, bpc, columns) = (
        param(b"Colors", 1),
        param(b"BitsPerComponent", 8),
        param(b"Columns", 1),
    );
    let bpp = (colors * bpc).div_ceil(8).max(1);
    let row = (colors * bpc * columns).div_ceil(8);
    if row > data.len() {
        return Err(DecodeError::Corrupt);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut above = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (&kind, raw) = chunk.split_first().ok_or(DecodeError::Corrupt)?;
        let mut line = raw.to_vec();
        line.resize(row, 0);
        for i in 0..row {
            let left = if i >= bpp { line[i - bpp] } else { 0 };
            let up = above[i];
            let up_left = if i >= bpp { above[i - bpp] } else { 0 };
            line[i] = match kind {
                0 => line[i],
                1 => line[i].wrapping_add(left),
                2 => line[i].wrapping_add(up),
                3 => line[i].wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => line[i].wrapping_add(paeth(left, up, up_left)),
                _ => return Err(DecodeError::Corrupt),
            };
        }
        out.extend_from_slice(&line[..raw.len().min(row)]);
        above = line;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

// ---------------------------------------------------------------------------------------------
// Content streams.

/// What a content stream does, as far as the limits go.
#[derive(Debug, Default)]
pub(super) struct ContentStats {
    /// Bytes of the strings shown by `Tj`, `TJ`, `'` and `"`: at least the glyphs drawn.
    pub glyphs: u64,
    /// Path construction operators (`m`, `l`, `c`, `v`, `y`, `re`, `h`): the segments drawn.
    pub paths: u64,
    /// How deep arrays and dictionaries nest.
    pub max_depth: usize,
    /// Arrays and dictionaries left open at the end (carried into the next stream of a page).
    pub open_at_end: usize,
    /// Bytes swallowed by a string that never closes: a PDF parser looking for its end again
    /// at every parenthesis takes time in the square of it.
    pub unclosed_string: usize,
    /// Bytes of the longest string that does close: pdf_oxide looks for a long string's end
    /// again from the parentheses inside it, in time that grows with the square of its length.
    pub longest_string: usize,
    /// Strings of every kind, shown or not: pdf_oxide's path parser takes time in the square
    /// of a page with very many of them.
    pub strings: u64,
    /// Bytes the parser would read again after operands that fail (counted without a sink,
    /// up to a little past [`super::pdf_rescan::MAX_RESCANNED`]).
    pub rescanned: u64,
    /// `Do` operators, by the name they draw.
    draws: HashMap<Vec<u8>, u64>,
}

/// Measures a content stream; with a sink, hands it the text of its strings: each text
/// object's strings run together, and again with spaces between them.
pub(super) fn analyse_content(data: &[u8], mut sink: Option<&mut Sink>) -> ContentStats {
    let mut stats = ContentStats::default();
    let mut lexer = Lexer::new(data);
    let mut depth = 0usize;
    let mut pending = 0u64;
    let mut last_name: Option<Vec<u8>> = None;
    let mut in_text = false;
    let mut joined = String::new();
    let mut spaced = String::new();
    let flush = |sink: &mut Option<&mut Sink>, joined: &mut String, spaced: &mut String| {
        if let Some(sink) = sink.as_deref_mut()
            && !joined.is_empty()
        {
            sink.value(joined);
            sink.value(spaced);
        }
        joined.clear();
        spaced.clear();
    };
    while let Some((_, tok)) = lexer.next_token() {
        if sink.is_none()
            && (stats.glyphs > MAX_GLYPHS_PER_PAGE
                || stats.paths > MAX_PATHS_PER_PAGE
                || stats.strings > MAX_STRINGS_PER_STREAM)
        {
            // Refused whatever follows: no need to read on.
            break;
        }
        match tok {
            Tok::ArrOpen | Tok::DictOpen => {
                depth += 1;
                stats.max_depth = stats.max_depth.max(depth);
            }
            Tok::ArrClose | Tok::DictClose => depth = depth.saturating_sub(1),
            Tok::Str(s) => {
                stats.strings += 1;
                stats.longest_string = stats.longest_string.max(s.len());
                pending = pending.saturating_add(s.len() as u64);
                if sink.is_some() {
                    if in_text {
                        let text = pdf_text(&s);
                        joined.push_str(&text);
                        spaced.push_str(&text);
                        spaced.push(' ');
                        if joined.len() > 64 * 1024 {
                            flush(&mut sink, &mut joined, &mut spaced);
                        }
                    } else if let Some(sink) = sink.as_deref_mut() {
                        pdf_string(sink, &s);
                    }
                }
            }
            Tok::Name(n) => last_name = Some(n),
            Tok::Kw(op) => {
                match op {
                    b"Tj" | b"TJ" | b"'" | b"\"" => {
                        stats.glyphs = stats.glyphs.saturating_add(pending);
                    }
                    b"Do" => {
                        if let Some(name) = last_name.take() {
                            *stats.draws.entry(name).or_default() += 1;
                        }
                    }
                    b"m" | b"l" | b"c" | b"v" | b"y" | b"re" | b"h" => {
                        stats.paths = stats.paths.saturating_add(1);
                    }
                    b"BT" => in_text = true,
                    b"ET" => {
                        in_text = false;
                        flush(&mut sink, &mut joined, &mut spaced);
                    }
                    b"ID" => lexer.pos = skip_inline_image(data, lexer.pos),
                    _ => {}
                }
                pending = 0;
                last_name = None;
            }
            Tok::Comment(c) => {
                if let Some(sink) = sink.as_deref_mut() {
                    sink.line(&latin1(c));
                }
            }
            Tok::Int(_) | Tok::Real => {}
        }
    }
    flush(&mut sink, &mut joined, &mut spaced);
    if sink.is_none() {
        stats.rescanned = super::pdf_rescan::rescanned(data, super::pdf_rescan::MAX_RESCANNED);
    }
    stats.open_at_end = depth;
    stats.unclosed_string = lexer.unclosed;
    stats
}

/// A string left open this long in a page's content is no truncated file's accident: the PDF
/// parser would search for its end from every parenthesis in it (found by the `pdf` fuzz
/// target: 10 MB of content with 137,834 `(` and 23,788 `)` kept it busy for minutes).
pub const MAX_UNCLOSED_STRING: usize = 64 * 1024;

/// One string of a page's content, closed: a line of text is under a kilobyte (found by the
/// `pdf` fuzz target: a 3 KB file whose 614 KB content holds one 398 KB string with 7,231
/// `(` in it kept the reader busy for seconds, the parser looking for its end from each).
pub const MAX_STRING: usize = 64 * 1024;

/// Strings in one content stream: a dense page of minutes, positioned glyph by glyph, holds
/// a few thousand (found by the `pdf` fuzz target: 10 MB of content with 177,000 strings kept
/// the path parser busy for minutes).
pub const MAX_STRINGS_PER_STREAM: u64 = 50_000;

/// Whether decoded stream data reads like drawing operators: a text object or a graphics
/// state operator among its first tokens (font programs, images and metadata do not).
fn looks_like_content(data: &[u8]) -> bool {
    let mut lexer = Lexer::new(&data[..data.len().min(4096)]);
    for _ in 0..64 {
        match lexer.next_token() {
            Some((_, Tok::Kw(op)))
                if matches!(op, b"BT" | b"Tf" | b"Td" | b"Tm" | b"cm" | b"re") =>
            {
                return true;
            }
            Some(_) => {}
            None => return false,
        }
    }
    false
}

/// The limits every content stream must keep, whatever page draws it.
fn check_content(stats: &ContentStats) -> Result<(), IngestError> {
    if stats.max_depth > MAX_NESTING {
        return Err(IngestError::TooDeeplyNested { limit: MAX_NESTING });
    }
    if stats.strings > MAX_STRINGS_PER_STREAM {
        return Err(too_much(format!(
            "a page's content holds more than {MAX_STRINGS_PER_STREAM} text strings"
        )));
    }
    if stats.unclosed_string > MAX_UNCLOSED_STRING || stats.longest_string > MAX_STRING {
        return Err(IngestError::Unreadable {
            format: "PDF",
            reason: format!(
                "a text string in a page's content runs over {} bytes{}, which no PDF tool \
                 writes (a file made to keep the reader busy?)",
                stats.unclosed_string.max(stats.longest_string),
                if stats.unclosed_string > MAX_UNCLOSED_STRING {
                    " and never ends"
                } else {
                    ""
                }
            ),
        });
    }
    check_rescanned(stats.rescanned)
}

/// Bytes the parser would read again, in one stream or in all of a file's together.
fn check_rescanned(rescanned: u64) -> Result<(), IngestError> {
    if rescanned > super::pdf_rescan::MAX_RESCANNED {
        return Err(IngestError::Unreadable {
            format: "PDF",
            reason: format!(
                "a page's content is garbled: its operators and their operands do not follow \
                 each other, and reading it would mean going over more than {} MB again (a \
                 damaged file, or one made to keep the reader busy?)",
                super::pdf_rescan::MAX_RESCANNED / (1024 * 1024)
            ),
        });
    }
    Ok(())
}

/// The offset after the `EI` ending an inline image's data, which starts after `ID` and one
/// white-space byte.
pub(super) fn skip_inline_image(data: &[u8], after_id: usize) -> usize {
    let start = (after_id + 1).min(data.len());
    let mut at = start;
    while let Some(found) = find(&data[at..], b"EI") {
        let p = at + found;
        let before = p == start || is_white(data[p - 1]);
        let after = data
            .get(p + 2)
            .is_none_or(|&b| is_white(b) || is_delimiter(b));
        if before && after {
            return p + 2;
        }
        at = p + 1;
    }
    data.len()
}

// ---------------------------------------------------------------------------------------------
// Text of strings.

pub(super) fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A PDF text string: UTF-16BE after its byte order mark, UTF-8 after its own (PDF 2.0),
/// otherwise PDFDocEncoding, read as Latin-1 (the two agree on every character a contact
/// is written with).
fn pdf_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    latin1(bytes)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// A string of the file's syntax handed to the sink: decoded, and again as UTF-16 when it
/// looks like UTF-16 without a byte order mark. Dates (`D:20230216103000+01'00'`) are not
/// text anyone wrote.
fn pdf_string(sink: &mut Sink, bytes: &[u8]) {
    let text = pdf_text(bytes);
    if is_pdf_date(&text) {
        return;
    }
    sink.value(&text);
    if bytes.len() >= 4 && bytes.len().is_multiple_of(2) {
        let zeros_first = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
        let zeros_second = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let half = bytes.len() / 4;
        if zeros_first > half {
            sink.value(&utf16(bytes, u16::from_be_bytes));
        }
        if zeros_second > half {
            sink.value(&utf16(bytes, u16::from_le_bytes));
        }
    }
}

fn is_pdf_date(text: &str) -> bool {
    let t = text.trim();
    t.strip_prefix("D:").is_some_and(|rest| {
        rest.len() >= 4
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, 'Z' | 'z' | '+' | '-' | '\'' | ' '))
    })
}

// ---------------------------------------------------------------------------------------------
// Bombs.

/// Refuses a PDF that would exhaust the parser: a stream expanding beyond
/// [`MAX_STREAM_BYTES`] (or all of them beyond [`MAX_STREAMS_BYTES`]), a content stream nested
/// deeper than `MAX_NESTING`, a page drawing more than [`MAX_GLYPHS_PER_PAGE`] characters or
/// all pages more than [`MAX_GLYPHS`].
///
/// An encrypted file's streams cannot be read here: its pages' contents are measured once the
/// parser has decrypted them ([`check_page_content`]).
pub(super) fn check_bombs(bytes: &[u8]) -> Result<(), IngestError> {
    let mut index = Index::build(bytes, None);
    if index.too_deep {
        return Err(IngestError::TooDeeplyNested { limit: MAX_NESTING });
    }
    if index.broken {
        return Err(IngestError::Unreadable {
            format: "PDF",
            reason: format!(
                "its syntax is broken around more than {MAX_MISSED_STREAMS} streams (a forged file?)"
            ),
        });
    }
    if index.encrypted {
        return Ok(());
    }
    let mut total = 0usize;
    let mut count = |stream: &StreamRec, len: usize| -> Result<(), IngestError> {
        total = total.saturating_add(len);
        if total > MAX_STREAMS_BYTES {
            return Err(IngestError::DecompressionBomb {
                entry: format!("the PDF's streams together (at the {})", stream.describe()),
                limit: MAX_STREAMS_BYTES,
            });
        }
        Ok(())
    };
    let bomb = |stream: &StreamRec| IngestError::DecompressionBomb {
        entry: stream.describe(),
        limit: MAX_STREAM_BYTES,
    };
    // Object streams first: they hold dictionaries that say which streams are pages'.
    let streams = std::mem::take(&mut index.streams);
    for stream in streams.iter().filter(|s| s.dict.kind == Kind::ObjStm) {
        match decode(stream.data, &stream.dict.filters, MAX_STREAM_BYTES) {
            Ok(data) => {
                count(stream, data.len())?;
                index.add_object_stream(&data, stream.dict.objects, None);
            }
            Err(DecodeError::TooBig) => return Err(bomb(stream)),
            Err(_) => {}
        }
    }
    if index.too_deep {
        return Err(IngestError::TooDeeplyNested { limit: MAX_NESTING });
    }
    let pages = index.content_streams();
    let in_pages: HashSet<u32> = pages.iter().flatten().copied().collect();
    let mut measured: HashMap<u32, ContentStats> = HashMap::new();
    let mut forms: HashSet<u32> = HashSet::new();
    let mut unbalanced = 0usize;
    // pdf_oxide re-reads garbled operands stream after stream: their cost adds up.
    let mut rescanned = 0u64;
    for stream in streams.iter().filter(|s| s.dict.kind != Kind::ObjStm) {
        let number = stream.object.map(|(n, _)| n);
        let page = number.is_some_and(|n| in_pages.contains(&n));
        let kind = stream.dict.kind;
        let content = page || stream.dict.form;
        if content && stream.dict.text_filters().len() < stream.dict.filters.len() {
            // The parser would decode an image (of any size its header claims) to read it
            // as drawing operators.
            return Err(IngestError::Unreadable {
                format: "PDF",
                reason: format!(
                    "the {} holds a page's contents encoded as an image, which no PDF writer does",
                    stream.describe()
                ),
            });
        }
        // Text extraction never decodes images nor attachments (unless a page says they are
        // its contents).
        if !page && matches!(kind, Kind::Image | Kind::EmbeddedFile) {
            continue;
        }
        let filters: &[Filter] = if stream.dict.unreadable {
            &[Filter {
                name: b"FlateDecode".to_vec(),
                params: None,
            }]
        } else {
            &stream.dict.filters
        };
        let data = match decode(stream.data, filters, MAX_STREAM_BYTES) {
            Ok(data) => data,
            Err(DecodeError::TooBig) => return Err(bomb(stream)),
            Err(_) => continue,
        };
        count(stream, data.len())?;
        if content {
            let stats = analyse_content(&data, None);
            check_content(&stats)?;
            rescanned = rescanned.saturating_add(stats.rescanned);
            check_rescanned(rescanned)?;
            unbalanced += stats.open_at_end;
            if let Some(n) = number {
                if stream.dict.form {
                    forms.insert(n);
                }
                let entry = measured.entry(n).or_default();
                // An object redefined by an update: the larger counts.
                entry.glyphs = entry.glyphs.max(stats.glyphs);
                entry.paths = entry.paths.max(stats.paths);
                for (name, c) in stats.draws {
                    let e = entry.draws.entry(name).or_default();
                    *e = (*e).max(c);
                }
            }
        } else if looks_like_content(&data) {
            // No page names it here, but a damaged file's pages are found again by a lenient
            // parser, which may read it as one (a fuzz target's input did): the limits that
            // hold for any content hold for it too.
            let stats = analyse_content(&data, None);
            check_content(&stats)?;
            rescanned = rescanned.saturating_add(stats.rescanned);
            check_rescanned(rescanned)?;
        }
    }
    // A page's content streams are read as one: what one leaves open, the next goes on with.
    if unbalanced > MAX_NESTING {
        return Err(IngestError::TooDeeplyNested { limit: MAX_NESTING });
    }
    check_drawing(&pages, &measured, &forms, &index.named_refs)
}

/// What each page draws, forms drawn with `Do` included, against the limits: characters,
/// and lines and curves (which the parser keeps as paths).
fn check_drawing(
    pages: &[Vec<u32>],
    measured: &HashMap<u32, ContentStats>,
    forms: &HashSet<u32>,
    named_refs: &HashMap<Vec<u8>, Vec<u32>>,
) -> Result<(), IngestError> {
    let glyphs = per_page(pages, measured, forms, named_refs, |s| s.glyphs);
    let paths = per_page(pages, measured, forms, named_refs, |s| s.paths);
    let (mut all_glyphs, mut all_paths) = (0u64, 0u64);
    for (g, p) in glyphs.into_iter().zip(paths) {
        check_page_counts(g, p)?;
        all_glyphs = all_glyphs.saturating_add(g);
        all_paths = all_paths.saturating_add(p);
        if all_glyphs > MAX_GLYPHS {
            return Err(too_much(format!(
                "its pages draw more than {MAX_GLYPHS} characters in all"
            )));
        }
        if all_paths > MAX_PATHS {
            return Err(too_much(format!(
                "its pages draw more than {MAX_PATHS} lines and curves in all"
            )));
        }
    }
    Ok(())
}

/// For each page, an upper bound of what it draws by `own` (characters, or path segments):
/// its content streams' own, plus each form drawn (by name: any object a dictionary
/// anywhere names so) times what that form draws, down to the parser's depth, and never
/// more than the parser's number of forms per page times the largest form.
fn per_page(
    pages: &[Vec<u32>],
    measured: &HashMap<u32, ContentStats>,
    forms: &HashSet<u32>,
    named_refs: &HashMap<Vec<u8>, Vec<u32>>,
    own: impl Fn(&ContentStats) -> u64,
) -> Vec<u64> {
    let draws_of = |stats: &ContentStats, level: &HashMap<u32, u64>| -> u64 {
        let mut total = 0u64;
        for (name, count) in &stats.draws {
            let best = named_refs
                .get(name)
                .into_iter()
                .flatten()
                .filter_map(|n| level.get(n))
                .max()
                .copied()
                .unwrap_or(0);
            total = total.saturating_add(count.saturating_mul(best));
        }
        total
    };
    // What a form draws when drawn at each remaining depth: at the deepest, its own only.
    let mut level: HashMap<u32, u64> = forms
        .iter()
        .map(|n| (*n, measured.get(n).map_or(0, &own)))
        .collect();
    let most_in_a_form = level.values().copied().max().unwrap_or(0);
    for _ in 1..FORM_DEPTH {
        level = forms
            .iter()
            .map(|n| {
                let stats = &measured[n];
                (*n, own(stats).saturating_add(draws_of(stats, &level)))
            })
            .collect();
    }
    pages
        .iter()
        .map(|page| {
            let (mut total, mut drawn) = (0u64, 0u64);
            for n in page {
                if let Some(stats) = measured.get(n) {
                    total = total.saturating_add(own(stats));
                    drawn = drawn.saturating_add(draws_of(stats, &level));
                }
            }
            total.saturating_add(drawn.min(most_in_a_form.saturating_mul(FORM_DRAWS_PER_PAGE)))
        })
        .collect()
}

fn too_much(what: String) -> IngestError {
    IngestError::Unreadable {
        format: "PDF",
        reason: format!(
            "{what}, far more than any minutes (a file made to exhaust the reader's memory?)"
        ),
    }
}

/// The limits applied to one page's contents as the parser decoded them (for encrypted files,
/// whose streams [`check_bombs`] cannot read).
pub(super) fn check_page_content(data: &[u8]) -> Result<(), IngestError> {
    let stats = analyse_content(data, None);
    check_content(&stats)?;
    check_page_counts(stats.glyphs, stats.paths)
}

/// What one page may draw: characters and lines or curves.
fn check_page_counts(glyphs: u64, paths: u64) -> Result<(), IngestError> {
    if glyphs > MAX_GLYPHS_PER_PAGE {
        return Err(too_much(format!(
            "a page draws more than {MAX_GLYPHS_PER_PAGE} characters"
        )));
    }
    if paths > MAX_PATHS_PER_PAGE {
        return Err(too_much(format!(
            "a page draws more than {MAX_PATHS_PER_PAGE} lines and curves"
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Contacts.

/// Whether any part of the PDF may hold a contact, failing closed: an encrypted file, an
/// attachment, a stream that cannot be decoded (images excepted) or expands beyond the caps
/// counts as holding one.
pub(super) fn holds_contacts(bytes: &[u8]) -> bool {
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_none() {
        return true;
    }
    let mut sink = Sink::default();
    let mut index = Index::build(bytes, Some(&mut sink));
    if index.encrypted || index.attachments || index.broken || sink.found() {
        return true;
    }
    let streams = std::mem::take(&mut index.streams);
    let mut total = 0usize;
    let mut budget = |len: usize| {
        total = total.saturating_add(len);
        total <= MAX_STREAMS_BYTES
    };
    for stream in &streams {
        let dict = &stream.dict;
        if dict.unreadable {
            return true;
        }
        match dict.kind {
            Kind::EmbeddedFile => return true,
            Kind::Image => {
                // Pixels hold no text; a JPEG's metadata segments may.
                if dict.jpeg() {
                    let Ok(data) = decode(stream.data, dict.text_filters(), MAX_STREAM_BYTES)
                    else {
                        return true;
                    };
                    if !budget(data.len()) {
                        return true;
                    }
                    match super::contacts::jpeg_metadata(&data, &mut sink) {
                        Ok(()) => {}
                        Err(()) => return true,
                    }
                }
            }
            kind => {
                let Ok(data) = decode(stream.data, &dict.filters, MAX_STREAM_BYTES) else {
                    return true;
                };
                if !budget(data.len()) {
                    return true;
                }
                match kind {
                    Kind::ObjStm => index.add_object_stream(&data, dict.objects, Some(&mut sink)),
                    Kind::Metadata => super::contacts::xml_or_text(&data, &mut sink),
                    // Binary: offsets, glyph outlines, colour profiles, samples.
                    Kind::XRef | Kind::Font | Kind::Binary => {}
                    _ => {
                        analyse_content(&data, Some(&mut sink));
                    }
                }
            }
        }
        if sink.found() {
            return true;
        }
    }
    index.encrypted || index.attachments || sink.found()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &[u8]) -> Vec<Tok<'_>> {
        let mut lexer = Lexer::new(s);
        std::iter::from_fn(|| lexer.next_token().map(|(_, t)| t)).collect()
    }

    #[test]
    fn strings_names_and_numbers() {
        assert_eq!(
            tokens(b"(a\\(b\\)\\101\\n(x)) <4142 3> /A#40b 12 -3.5 Tj % c"),
            vec![
                Tok::Str(b"a(b)A\n(x)".to_vec()),
                Tok::Str(b"AB0".to_vec()),
                Tok::Name(b"A@b".to_vec()),
                Tok::Int(12),
                Tok::Real,
                Tok::Kw(b"Tj"),
                Tok::Comment(b" c"),
            ]
        );
    }

    #[test]
    fn filters_are_undone() {
        assert_eq!(ascii_hex(b"48 65 6c6c 6F>").unwrap(), b"Hello");
        assert_eq!(ascii85(b"<~87cURDZ~>").unwrap(), b"Hello");
        assert_eq!(
            run_length(&[2, b'a', b'b', b'c', 253, b'x', 128], 100).unwrap(),
            b"abcxxxx"
        );
        // "-----A---B" in LZW, from the PDF reference (7.4.4.2).
        let lzw_data = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01];
        assert_eq!(lzw(&lzw_data, true, 100).unwrap(), b"-----A---B");
        assert_eq!(lzw(&lzw_data, true, 5), Err(DecodeError::TooBig));
    }

    #[test]
    fn png_predictors_are_undone() {
        let params = Val::Dict(vec![
            (b"Predictor".to_vec(), Val::Int(12)),
            (b"Columns".to_vec(), Val::Int(3)),
        ]);
        let data = vec![0, 1, 2, 3, 2, 1, 1, 1];
        assert_eq!(unpredict(data, &params).unwrap(), vec![1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn content_is_measured() {
        let stats = analyse_content(
            b"BT /F1 12 Tf (abc) Tj [(de) -250 (f)] TJ ET /Fm1 Do /Fm1 Do BI /W 1 ID [[[[ EI [[ ]",
            None,
        );
        assert_eq!(stats.glyphs, 6);
        assert_eq!(stats.draws.get(b"Fm1".as_slice()), Some(&2));
        assert_eq!(stats.max_depth, 2);
        assert_eq!(stats.open_at_end, 1);
    }

    #[test]
    fn every_stream_is_found_once() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n\
                    2 0 obj\n<< /Length 3 0 R >>\nstream\nxy\nendstream\nendobj\n\
                    3 0 obj\n2\nendobj\n4 0 obj\n<< /L 0 >>\nstream\n\nendstream\nendobj\n\
                    5 0 obj\n(open\n6 0 obj\n<< /Length 2 >>\nstream\nzz\nendstream\nendobj\n";
        let index = Index::build(pdf, None);
        let found: Vec<_> = index.streams.iter().map(|s| (s.object, s.data)).collect();
        assert_eq!(
            found,
            vec![
                (Some((1u32, 0u16)), &b"abc"[..]),
                (Some((2, 0)), &b"xy"[..]),
                (Some((4, 0)), &b""[..]),
                (Some((6, 0)), &b"zz"[..]),
            ]
        );
    }

    #[test]
    fn dates_are_not_contacts() {
        assert!(is_pdf_date("D:20230216103000+01'00'"));
        assert!(!is_pdf_date("D: 96 97 25 39 moussa@mail.ne"));
    }
}
