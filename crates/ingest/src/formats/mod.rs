//! From bytes as stored to the text Cadre reads: every format the secretariats' archive holds.
//! Each reader returns plain text in one shape the parsers understand: one line per paragraph,
//! table rows as tab-separated cells (see `docx.rs` for cells holding several paragraphs).

mod contacts;
mod docx;
mod pdf;
mod pdf_rescan;
mod pdf_scan;
mod text;

pub use contacts::original_holds_contacts;
pub use pdf_scan::{
    MAX_GLYPHS, MAX_GLYPHS_PER_PAGE, MAX_PATHS, MAX_PATHS_PER_PAGE, MAX_STREAM_BYTES,
    MAX_STREAMS_BYTES,
};

use crate::IngestError;

/// Nothing the archive holds comes near this; a bigger file is a mistake or an attack.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// Text extracted from one document (all of a .docx's XML, or a PDF's text) stops here.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;
/// Tables within tables within …: real minutes nest two or three deep.
pub const MAX_NESTING: usize = 64;

/// The format a document was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Docx,
    Pdf,
}

impl Format {
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Text => "text/plain",
            Format::Markdown => "text/markdown",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Pdf => "application/pdf",
        }
    }

    /// The format a file name announces. Contents are checked by the reader, which refuses a
    /// file whose bytes do not match its name.
    pub fn from_file_name(file_name: &str) -> Result<Format, IngestError> {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let Some((stem, ext)) = base.rsplit_once('.') else {
            return Err(IngestError::NoExtension);
        };
        if stem.is_empty() && ext.is_empty() {
            return Err(IngestError::NoExtension);
        }
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Ok(Format::Text),
            "md" | "markdown" => Ok(Format::Markdown),
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            "" => Err(IngestError::NoExtension),
            _ => Err(IngestError::UnsupportedFormat {
                extension: ext.to_owned(),
            }),
        }
    }
}

/// The text of a document, before any repair, and what reading it involved.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub format: Format,
    pub text: String,
    /// What a careful reader would want to know: "decoded as Windows-1252", "3 pages" …
    pub notes: Vec<crate::notes::Note>,
}

/// Reads the text of a document of any supported format.
pub fn extract(file_name: &str, bytes: &[u8]) -> Result<Extracted, IngestError> {
    let format = Format::from_file_name(file_name)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let (text, notes) = match format {
        Format::Text | Format::Markdown => text::decode(bytes)?,
        Format::Docx => docx::read(bytes)?,
        Format::Pdf => pdf::read(bytes)?,
    };
    Ok(Extracted {
        format,
        text,
        notes,
    })
}
