//! Document ingestion: the minutes and session reports of Niger's migration-governance bodies,
//! as their secretariats write them, read into Cadre's domain.
//!
//! Two kinds of documents are understood: GTM minutes that follow (more or less) the canevas,
//! and CCM/CRCM session reports. The reader is tolerant of the ways real documents depart from
//! the template, and it never throws text away: whatever it cannot place is kept on the
//! meeting as a warning.

mod annex;
mod attendance;
mod body;
mod canevas;
mod findings;
pub mod formats;
pub(crate) mod header;
pub mod isolated;
mod layout;
mod lines;
mod matching;
mod notes;
mod prose;

pub use notes::Note;
mod render;
pub mod segment;
mod session_report;
mod tables;

use std::sync::Arc;

use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{NewBody, NewMeeting};
use sha2::{Digest, Sha256};

pub use formats::{Extracted, Format};
pub use segment::Lexicon;

pub use render::render_canevas;

/// What the person importing knows that the document may not say.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The body that met (`--body NAME`): overrides what Cadre would infer.
    pub body: Option<NewBody>,
    /// The words lost-space repair may use beyond the French list: the vocabulary of the
    /// documents already imported. `None` means the French list alone.
    pub lexicon: Option<Arc<Lexicon>>,
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
    #[error("unsupported format '.{extension}' (Cadre reads .docx, .pdf, .txt and .md)")]
    UnsupportedFormat { extension: String },
    #[error(
        "the file name has no extension, so its format is unknown (Cadre reads .docx, .pdf, .txt and .md)"
    )]
    NoExtension,
    #[error("the file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    #[error("this is not a readable {format} document: {reason}")]
    Unreadable {
        format: &'static str,
        reason: String,
    },
    #[error("refused as a decompression bomb: '{entry}' would expand beyond {limit} bytes")]
    DecompressionBomb { entry: String, limit: usize },
    #[error(
        "the document is nested more than {limit} levels deep (tables within tables, or arrays and dictionaries in a PDF)"
    )]
    TooDeeplyNested { limit: usize },
    #[error(
        "the PDF has no text layer (a scan?): Cadre reads the text of PDFs, it does not recognise characters in images"
    )]
    NoTextLayer,
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

/// The text of a document exactly as the parsers read it: decoded, lost spaces restored,
/// spelling normalised. `cadre extract` prints it.
#[derive(Debug, Clone)]
pub struct ReadText {
    pub format: Format,
    pub text: String,
    /// How the text was obtained: encoding, pages, repairs.
    pub notes: Vec<Note>,
    /// Lines whose spaces had been lost and were restored.
    pub lines_repaired: usize,
}

/// Decodes a document of any supported format and repairs its text.
pub fn read_text(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<ReadText, IngestError> {
    let Extracted {
        format,
        text,
        mut notes,
    } = formats::extract(file_name, bytes)?;
    let text = normalise(&text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let lexicon = options
        .lexicon
        .as_deref()
        .unwrap_or_else(|| Lexicon::french());
    let repaired = segment::repair_lost_spaces(&text, lexicon);
    if repaired.lines_repaired > 0 {
        notes.push(crate::notes::Note::new(
            "spaces-restored",
            &[("n", repaired.lines_repaired.to_string())],
        ));
    }
    Ok(ReadText {
        format,
        text: repaired.text,
        notes,
        lines_repaired: repaired.lines_repaired,
    })
}

/// Reads one document. `file_name` decides the format; `bytes` are stored with the meeting.
pub fn read_document(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Ingested, IngestError> {
    let read = read_text(file_name, bytes, options)?;
    let text = read.text;
    let lines = lines::split_lines(&text);
    let mut layout_notes = Vec::new();
    let (mut meeting, provenance) = match session_report::report_kind(&lines) {
        Some(kind) => (
            session_report::parse(&lines, kind, options.body.as_ref(), &text)?,
            findings::Provenance::default(),
        ),
        None => {
            let laid_out = layout::clean(&text);
            if !laid_out.furniture.is_empty() {
                layout_notes.push(crate::notes::warning_with_text(
                    "unplaced_text",
                    "page-furniture-removed",
                    &[("n", laid_out.furniture.len().to_string())],
                    laid_out.furniture.join("\n"),
                ));
            }
            let lines = lines::split_lines(&laid_out.text);
            // An annex of recommendations is read by its own grammar; the minutes around it
            // by the canevas's.
            match annex::find(&lines) {
                Some(found) => {
                    let minutes: Vec<lines::Line> = lines[..found.start]
                        .iter()
                        .chain(&lines[found.end..])
                        .cloned()
                        .collect();
                    let (mut meeting, provenance) =
                        canevas::parse(&minutes, options.body.as_ref(), &text)?;
                    annex::attach(&mut meeting, found);
                    (meeting, provenance)
                }
                None => canevas::parse(&lines, options.body.as_ref(), &text)?,
            }
        }
    };
    meeting.warnings.extend(layout_notes);
    separate_contacts(&mut meeting);
    meeting.findings = findings::describe(&meeting, &provenance);
    for note in read.notes {
        meeting.warnings.push(note.into_warning());
    }
    // Contacts may sit outside the attendance list (a focal point's e-mail in a discussion)
    // and outside the text Cadre reads (a footer, a tracked deletion, the document's
    // properties): every part of the file decides whether the original may be published, and
    // what cannot be checked is not published.
    let personal_data = meeting
        .attendance
        .iter()
        .any(|a| a.phone.is_some() || a.email.is_some())
        || cadre_domain::privacy::contains_contact(&text)
        || formats::original_holds_contacts(read.format, bytes);
    meeting.source = Some(NewSourceDocument {
        file_name: file_name.to_owned(),
        media_type: read.format.media_type().to_owned(),
        sha256: sha256_hex(bytes),
        content: bytes.to_vec(),
        personal_data,
    });
    Ok(Ingested { meeting })
}

/// A contact is never a name: phone numbers and e-mail addresses written in an attendee's
/// institution or name cell (a shifted row, a contact typed after the name) become that
/// attendee's private contact details. A row left with no institution is reported, not stored
/// under an organisation named after a phone number.
fn separate_contacts(meeting: &mut NewMeeting) {
    use cadre_domain::privacy::split_contacts;
    let attendance = std::mem::take(&mut meeting.attendance);
    for mut a in attendance {
        let organisation = split_contacts(&a.organisation);
        let name = a
            .person_name
            .as_deref()
            .map(split_contacts)
            .unwrap_or_default();
        // The contact cell first, then what the other cells held, each once.
        let joined = |own: Option<String>, found: [&Vec<String>; 2]| {
            let mut all: Vec<String> = own.into_iter().collect();
            for c in found.into_iter().flatten() {
                if !all.contains(c) {
                    all.push(c.clone());
                }
            }
            (!all.is_empty()).then(|| all.join(" / "))
        };
        a.phone = joined(a.phone.take(), [&organisation.phones, &name.phones]);
        a.email = joined(a.email.take(), [&organisation.emails, &name.emails]);
        a.person_name = (!name.rest.is_empty()).then_some(name.rest);
        if organisation.rest.is_empty() {
            meeting.warnings.push(crate::notes::warning(
                "attendance",
                "attendance-row-contacts-only",
                &[],
            ));
            continue;
        }
        a.organisation = organisation.rest;
        meeting.attendance.push(a);
    }
}

/// Hex SHA-256 of a document: the same document is imported only once.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
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
            err("a.odt", b"x"),
            "unsupported format '.odt' (Cadre reads .docx, .pdf, .txt and .md)"
        );
        assert!(err("README", b"x").contains("no extension"));
        assert_eq!(err("a.txt", b""), "the file is empty");
        assert_eq!(err("a.txt", b"\xEF\xBB\xBF \n\t\r\n"), "the file is empty");
        assert_eq!(
            err("a.txt", b"Date 16 f\x00vrier"),
            "this is a binary file (NUL byte at offset 9), not a text document"
        );
        assert!(err("a.txt", &[1, 2, 3, 4, 5, b'a']).contains("control characters"));
        let latin =
            read_text("a.md", b"Date\t16 f\xe9vrier 2023", &ReadOptions::default()).unwrap();
        assert_eq!(latin.text, "Date\t16 février 2023");
        assert!(latin.notes.iter().any(|n| n.contains("Windows-1252")));
        assert_eq!(
            err("a.md", b"Date\t16 f\x81vrier 2023"),
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
