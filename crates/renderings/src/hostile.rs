//! Hostile documents, generated rather than stored: the files an attacker or a broken tool
//! would hand the importer. Tests assert that each costs only itself, the benchmark measures
//! what reading them costs, and the `isolated` fuzz target mutates them.
//!
//! Each generator takes its size as a parameter, so a test can use a small one and the
//! benchmark the full-size one.

use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use zip::write::SimpleFileOptions;

/// A named hostile file: the name gives the format, as for any file the importer reads.
#[derive(Debug, Clone)]
pub struct Hostile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// What it attacks, for reports.
    pub attack: &'static str,
}

/// Every kind of hostile file at the size the security review found harmful.
pub fn full_set() -> Vec<Hostile> {
    vec![
        hostile(
            "nested-arrays.pdf",
            "stack: 100,000 nested arrays in a content stream",
            nested_arrays_pdf(100_000, false),
        ),
        hostile(
            "nested-arrays-flate.pdf",
            "stack: nested arrays in a compressed content stream",
            nested_arrays_pdf(100_000, true),
        ),
        hostile(
            "nested-dicts.pdf",
            "stack: 100,000 nested dictionaries in the file",
            nested_dictionaries_pdf(100_000),
        ),
        hostile(
            "unclosed-string.pdf",
            "time: a string never closed across 8 MB of parentheses",
            unclosed_string_pdf(8 << 10),
        ),
        hostile(
            "flate-bomb.pdf",
            "memory: 256 MB of spaces in one compressed stream",
            flate_bomb_pdf(256),
        ),
        hostile(
            "glyph-flood.pdf",
            "memory: 2,000,000 tiny glyphs on one page",
            glyph_flood_pdf(2_000_000),
        ),
        hostile(
            "form-flood.pdf",
            "memory: one form of 1,000 glyphs drawn 5,000 times",
            form_flood_pdf(1_000, 5_000),
        ),
        hostile(
            "zip-bomb.docx",
            "memory: document.xml expanding to 64 MB",
            zip_bomb_docx(64),
        ),
        hostile(
            "deep-tables.docx",
            "stack: tables nested 5,000 deep",
            deep_tables_docx(5_000),
        ),
        hostile(
            "many-entries.docx",
            "time: 20,000 zip entries",
            many_entries_docx(20_000),
        ),
    ]
}

/// The same kinds, small enough for a test to generate and read in a moment, still past every
/// limit.
pub fn small_set() -> Vec<Hostile> {
    vec![
        hostile(
            "nested-arrays.pdf",
            "stack",
            nested_arrays_pdf(20_000, false),
        ),
        hostile(
            "nested-arrays-flate.pdf",
            "stack",
            nested_arrays_pdf(20_000, true),
        ),
        hostile("nested-dicts.pdf", "stack", nested_dictionaries_pdf(20_000)),
        hostile("flate-bomb.pdf", "memory", flate_bomb_pdf(48)),
        hostile("unclosed-string.pdf", "time", unclosed_string_pdf(1 << 10)),
        hostile("glyph-flood.pdf", "memory", glyph_flood_pdf(600_000)),
        hostile("zip-bomb.docx", "memory", zip_bomb_docx(24)),
        hostile("deep-tables.docx", "stack", deep_tables_docx(2_000)),
        hostile("many-entries.docx", "time", many_entries_docx(10_500)),
    ]
}

fn hostile(name: &str, attack: &'static str, bytes: Vec<u8>) -> Hostile {
    Hostile {
        name: name.to_owned(),
        bytes,
        attack,
    }
}

/// A hostile file chosen and shaped by fuzzer bytes: the first byte picks the kind, the next
/// ones its size (bounded, so that each run stays short), the rest is spliced into the part
/// the parser reads (content stream, document.xml).
pub fn from_fuzz(data: &[u8]) -> Hostile {
    let kind = data.first().copied().unwrap_or(0) % 9;
    let size = u32::from(data.get(1).copied().unwrap_or(0)) << 8
        | u32::from(data.get(2).copied().unwrap_or(0));
    let tail = data.get(3..).unwrap_or_default();
    let size = size as usize;
    match kind {
        0 => hostile(
            "fuzz.pdf",
            "nesting",
            nested_arrays_pdf(size % 8_192, size.is_multiple_of(2)),
        ),
        1 => hostile("fuzz.pdf", "bomb", flate_bomb_pdf(1 + size % 40)),
        2 => hostile("fuzz.pdf", "glyphs", glyph_flood_pdf(size * 8)),
        3 => hostile(
            "fuzz.pdf",
            "forms",
            form_flood_pdf(1 + size % 200, 1 + size % 2_000),
        ),
        4 => hostile(
            "fuzz.pdf",
            "content",
            pdf_with_content(tail, size.is_multiple_of(2), None),
        ),
        5 => hostile("fuzz.pdf", "raw", {
            let mut pdf = pdf_with_content(b"BT /F1 12 Tf 72 720 Td (x) Tj ET", false, None);
            let at = size % pdf.len();
            pdf.splice(at..at, tail.iter().copied());
            pdf
        }),
        6 => hostile("fuzz.docx", "bomb", zip_bomb_docx(1 + size % 24)),
        7 => hostile("fuzz.docx", "tables", deep_tables_docx(size % 2_048)),
        _ => hostile(
            "fuzz.docx",
            "document",
            docx(&[(
                "word/document.xml",
                [DOCUMENT_START.as_bytes(), tail, DOCUMENT_END.as_bytes()].concat(),
            )]),
        ),
    }
}

// --- PDF ---------------------------------------------------------------------------------

/// A one-page PDF drawing `content` in Helvetica, the stream compressed when `flate`.
/// `extra` objects are appended after the font (object 5 on).
pub fn pdf_with_content(content: &[u8], flate: bool, extra: Option<Vec<Vec<u8>>>) -> Vec<u8> {
    let extra = extra.unwrap_or_default();
    let mut resources = "/Font << /F1 5 0 R >>".to_owned();
    if !extra.is_empty() {
        resources.push_str(" /XObject << /Fm1 6 0 R >>");
    }
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents 4 0 R >>"
        )
        .into_bytes(),
        stream("", content, flate),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(extra);
    pdf(&objects)
}

/// A PDF made of `objects` (numbered from 1; the first is the catalog) with a valid xref.
pub fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    pdf_with_trailer(objects, "")
}

/// [`pdf`] with `trailer_extra` entries added to the trailer dictionary (an `/Info`
/// dictionary, `/Encrypt`, `/ID`).
pub fn pdf_with_trailer(objects: &[Vec<u8>], trailer_extra: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let sep = if trailer_extra.is_empty() { "" } else { " " };
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{sep}{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object: `dict` entries beside the length (and the filter when `flate`).
pub fn stream(dict: &str, data: &[u8], flate: bool) -> Vec<u8> {
    let (data, filter) = if flate {
        (zlib(data), " /Filter /FlateDecode")
    } else {
        (data.to_vec(), "")
    };
    let mut out = format!("<< /Length {}{filter} {dict} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(&data);
    out.extend_from_slice(b"\nendstream");
    out
}

pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::default());
    z.write_all(data).expect("writing to memory");
    z.finish().expect("writing to memory")
}

/// `depth` nested arrays in a TJ operand: the stack of a recursive parser.
pub fn nested_arrays_pdf(depth: usize, flate: bool) -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 72 720 Td ".to_vec();
    content.extend(std::iter::repeat_n(b'[', depth));
    content.extend_from_slice(b"(a)");
    content.extend(std::iter::repeat_n(b']', depth));
    content.extend_from_slice(b" TJ ET");
    pdf_with_content(&content, flate, None)
}

/// A content stream of `kib` KiB where a string opens and never closes, full of more opening
/// parentheses: a parser that searches for the string's end from each one takes quadratic time.
pub fn unclosed_string_pdf(kib: usize) -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 72 720 Td (".to_vec();
    while content.len() < kib << 10 {
        content.extend_from_slice(b"a(b(c) ");
    }
    pdf_with_content(&content, true, None)
}

/// `depth` nested dictionaries in the page object's own syntax.
pub fn nested_dictionaries_pdf(depth: usize) -> Vec<u8> {
    let nested = format!("{}{}", "<< /A ".repeat(depth), ">> ".repeat(depth));
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep {nested} /Contents 4 0 R >>"
        )
        .into_bytes(),
    ];
    objects.push(stream("", b"BT /F1 12 Tf 72 720 Td (a) Tj ET", false));
    pdf(&objects)
}

/// A content stream of `mib` MiB of spaces, compressed (about 1,000 to 1).
pub fn flate_bomb_pdf(mib: usize) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
    let block = vec![b' '; 1 << 20];
    z.write_all(b"BT /F1 12 Tf 72 720 Td (a) Tj ET\n")
        .expect("memory");
    for _ in 0..mib {
        z.write_all(&block).expect("memory");
    }
    let data = z.finish().expect("memory");
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
    ];
    // Compressed here, not by `stream`: the spaces are written a block at a time.
    objects.push(stream("/Filter /FlateDecode", &data, false));
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    pdf(&objects)
}

/// `glyphs` glyphs of one point on one page, in lines of a thousand each somewhere else (a
/// parser merges glyphs drawn on top of each other: these are all kept), compressed.
pub fn glyph_flood_pdf(glyphs: usize) -> Vec<u8> {
    let line = "a".repeat(1000);
    let mut content = String::new();
    let mut drawn = 0;
    let mut i = 0;
    while drawn < glyphs {
        let n = (glyphs - drawn).min(1000);
        content.push_str(&format!(
            "BT /F1 1 Tf {} {} Td ({}) Tj ET\n",
            10 + i / 800,
            10 + i % 800,
            &line[..n]
        ));
        drawn += n;
        i += 1;
    }
    pdf_with_content(content.as_bytes(), true, None)
}

/// A form XObject of `glyphs` glyphs drawn `times` times, each time a point higher: few
/// bytes, many glyphs.
pub fn form_flood_pdf(glyphs: usize, times: usize) -> Vec<u8> {
    let form_content = format!("BT /F1 1 Tf 10 10 Td ({}) Tj ET", "a".repeat(glyphs));
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
        form_content.as_bytes(),
        true,
    );
    let content: String = (0..times)
        .map(|i| format!("q 1 0 0 1 {} {} cm /Fm1 Do Q\n", i / 800, i % 800))
        .collect();
    pdf_with_content(content.as_bytes(), true, Some(vec![form]))
}

// --- Word --------------------------------------------------------------------------------

const DOCUMENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
const DOCUMENT_END: &str = "</w:body></w:document>";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A .docx of the given parts, with the content types and package relationships Word needs.
pub fn docx(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut write = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).expect("memory");
        zip.write_all(bytes).expect("memory");
    };
    write("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    write("_rels/.rels", RELS.as_bytes());
    for (name, bytes) in parts {
        write(name, bytes);
    }
    zip.finish().expect("memory").into_inner()
}

/// A paragraph of text, as document.xml holds it.
pub fn paragraph(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{escaped}</w:t></w:r></w:p>")
}

/// document.xml around `body`.
pub fn document(body: &str) -> Vec<u8> {
    format!("{DOCUMENT_START}{body}{DOCUMENT_END}").into_bytes()
}

/// A document.xml expanding to `mib` MiB of empty paragraphs.
pub fn zip_bomb_docx(mib: usize) -> Vec<u8> {
    let mut body = String::with_capacity(mib << 20);
    while body.len() < mib << 20 {
        body.push_str("<w:p/>");
    }
    docx(&[("word/document.xml", document(&body))])
}

/// Tables nested `depth` deep.
pub fn deep_tables_docx(depth: usize) -> Vec<u8> {
    let open = "<w:tbl><w:tr><w:tc>";
    let close = "<w:p/></w:tc></w:tr></w:tbl>";
    let body = format!(
        "{}{}{}",
        open.repeat(depth),
        paragraph("x"),
        close.repeat(depth)
    );
    docx(&[("word/document.xml", document(&body))])
}

/// A .docx of `entries` parts.
pub fn many_entries_docx(entries: usize) -> Vec<u8> {
    let names: Vec<String> = (0..entries)
        .map(|i| format!("word/media/p{i}.xml"))
        .collect();
    let mut parts: Vec<(&str, Vec<u8>)> = names
        .iter()
        .map(|n| (n.as_str(), b"<a/>".to_vec()))
        .collect();
    parts.push((
        "word/document.xml",
        document(&paragraph("Date 16 février 2023")),
    ));
    docx(&parts)
}

/// `docx` with one more part (or a part replaced): a footer, a comment, document properties.
pub fn with_part(docx: &[u8], name: &str, bytes: &[u8]) -> Vec<u8> {
    with_parts(docx, &[(name, bytes.to_vec())])
}

/// `docx` with `parts` added, or replacing the parts of the same name; the parts it keeps come
/// first, in their order, then `parts` in theirs.
pub fn with_parts(docx: &[u8], parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a .docx");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("an entry");
        let entry_name = entry.name().expect("a name").into_owned();
        if parts.iter().any(|(name, _)| *name == entry_name) {
            continue;
        }
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).expect("an entry");
        out.start_file(entry_name, options).expect("memory");
        out.write_all(&content).expect("memory");
    }
    for (name, bytes) in parts {
        out.start_file(*name, options).expect("memory");
        out.write_all(bytes).expect("memory");
    }
    out.finish().expect("memory").into_inner()
}
