//! Plain text in whatever encoding it was saved in.

use crate::IngestError;

/// Bytes to text, refusing what is not a text document with a reason a person understands.
pub(super) fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
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
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        offset: e.valid_up_to() + bom,
    })?;
    Ok((text.to_owned(), Vec::new()))
}
