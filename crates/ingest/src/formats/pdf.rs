//! PDF: the text layer, laid out again in lines and table cells.

use crate::IngestError;

pub(super) fn read(_bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    Err(IngestError::Unreadable {
        format: "PDF",
        reason: "not implemented yet".into(),
    })
}
