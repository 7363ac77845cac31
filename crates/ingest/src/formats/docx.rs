//! Word documents (.docx): paragraphs and table cells.

use crate::IngestError;

pub(super) fn read(_bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    Err(IngestError::Unreadable {
        format: "Word",
        reason: "not implemented yet".into(),
    })
}
