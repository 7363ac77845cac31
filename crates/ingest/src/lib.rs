//! Document ingestion: the minutes and session reports of Niger's migration-governance bodies,
//! as their secretariats write them, read into Cadre's domain.
//!
//! Two kinds of documents are understood: GTM minutes that follow (more or less) the canevas,
//! and CCM/CRCM session reports. The reader is tolerant of the ways real documents depart from
//! the template, and it never throws text away: whatever it cannot place is kept on the
//! meeting as a warning.

mod body;
mod canevas;
mod lines;
mod matching;
mod render;
mod session_report;
mod tables;

use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{NewBody, NewMeeting};
use sha2::{Digest, Sha256};

pub use render::render_canevas;

/// What the person importing knows that the document may not say.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The body that met (`--body NAME`): overrides what Cadre would infer.
    pub body: Option<NewBody>,
}

/// A document read into a meeting. Everything the reader noticed is in `meeting.warnings`.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub meeting: NewMeeting,
}

/// Why a document could not be read at all. Each message is a sentence for the person who
/// chose the file; the caller puts the file name in front of it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    #[error("unsupported format '.{extension}' (this version reads .txt and .md)")]
    UnsupportedFormat { extension: String },
    #[error(
        "the file name has no extension, so its format is unknown (this version reads .txt and .md)"
    )]
    NoExtension,
    #[error("the file is empty")]
    Empty,
    #[error("this is a binary file (NUL byte at offset {offset}), not a text document")]
    BinaryNul { offset: usize },
    #[error(
        "this is a binary file ({percent}% of its bytes are control characters), not a text document"
    )]
    BinaryControl { percent: usize },
    #[error("the text is not valid UTF-8 (first invalid byte at offset {offset})")]
    InvalidUtf8 { offset: usize },
    #[error(
        "no recognisable minutes header: found neither a date nor the 'Points inscrits à l'ordre du jour' heading"
    )]
    NoHeader,
    #[error(
        "no meeting date found: the document has an agenda but no date Cadre can read (write it as '16 février 2023' or '16/02/2023')"
    )]
    NoDate,
}

/// Reads one document. `file_name` decides the format; `bytes` are stored with the meeting.
pub fn read_document(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Ingested, IngestError> {
    let media_type = media_type(file_name)?;
    let text = decode(bytes)?;
    let text = normalise(text);
    let lines = lines::split_lines(&text);
    let mut meeting = match session_report::report_kind(&lines) {
        Some(kind) => session_report::parse(&lines, kind, options.body.as_ref(), &text)?,
        None => canevas::parse(&lines, options.body.as_ref(), &text)?,
    };
    meeting.source = Some(NewSourceDocument {
        file_name: file_name.to_owned(),
        media_type: media_type.to_owned(),
        sha256: sha256_hex(bytes),
        content: bytes.to_vec(),
    });
    Ok(Ingested { meeting })
}

/// Hex SHA-256 of a document: the same document is imported only once.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn media_type(file_name: &str) -> Result<&'static str, IngestError> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let Some((stem, ext)) = base.rsplit_once('.') else {
        return Err(IngestError::NoExtension);
    };
    if stem.is_empty() && ext.is_empty() {
        return Err(IngestError::NoExtension);
    }
    match ext.to_ascii_lowercase().as_str() {
        "txt" | "text" => Ok("text/plain"),
        "md" | "markdown" => Ok("text/markdown"),
        "" => Err(IngestError::NoExtension),
        _ => Err(IngestError::UnsupportedFormat {
            extension: ext.to_owned(),
        }),
    }
}

/// Bytes to text, refusing what is not a text document with a reason a person understands.
fn decode(bytes: &[u8]) -> Result<&str, IngestError> {
    let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::BinaryNul {
            offset: offset + bom,
        });
    }
    let control = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    // A few stray control bytes happen in exported text; a document made of them is not text.
    if control * 4 > bytes.len() {
        return Err(IngestError::BinaryControl {
            percent: control * 100 / bytes.len(),
        });
    }
    std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        offset: e.valid_up_to() + bom,
    })
}

/// One spelling for what editors write many ways: line ends, curly apostrophes, non-breaking
/// spaces, page breaks.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            '\u{00A0}' | '\u{202F}' | '\u{2007}' => out.push(' '),
            '\u{000C}' => out.push('\n'),
            '\u{FEFF}' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(name: &str, bytes: &[u8]) -> String {
        read_document(name, bytes, &ReadOptions::default())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            err("a.docx", b"x"),
            "unsupported format '.docx' (this version reads .txt and .md)"
        );
        assert!(err("README", b"x").contains("no extension"));
        assert_eq!(err("a.txt", b""), "the file is empty");
        assert_eq!(err("a.txt", b"\xEF\xBB\xBF \n\t\r\n"), "the file is empty");
        assert_eq!(
            err("a.txt", b"Date 16 f\x00vrier"),
            "this is a binary file (NUL byte at offset 9), not a text document"
        );
        assert!(err("a.txt", &[1, 2, 3, 4, 5, b'a']).contains("control characters"));
        assert_eq!(
            err("a.md", b"Date\t16 f\xe9vrier 2023"),
            "the text is not valid UTF-8 (first invalid byte at offset 9)"
        );
        assert!(err("a.txt", b"Bonjour\nrien ici").starts_with("no recognisable minutes header"));
    }

    #[test]
    fn text_is_normalised() {
        assert_eq!(normalise("a\r\nb\rc’d\u{a0}e"), "a\nb\nc'd e");
    }

    #[test]
    fn hashes_are_hex_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
