//! The original documents meetings were imported from, kept byte for byte.

use cadre_domain::{SourceDocument, SourceDocumentId};

use crate::statement::Statement;
use crate::{Result, Store};

#[derive(sqlx::FromRow)]
struct SourceRow {
    id: i64,
    file_name: String,
    media_type: String,
    sha256: String,
    size: i64,
    content: Vec<u8>,
    personal_data: bool,
}

/// The source documents of a [`Store`].
#[derive(Clone, Copy)]
pub struct SourceDocuments<'s>(pub(crate) &'s Store);

impl SourceDocuments<'_> {
    /// A document's description and original bytes.
    pub async fn get(self, id: SourceDocumentId) -> Result<Option<(SourceDocument, Vec<u8>)>> {
        let mut conn = self.0.conn().await?;
        let row: Option<SourceRow> = conn
            .link()
            .fetch_optional(
                Statement::new(
                    "SELECT id, file_name, media_type, sha256, size, content, personal_data \
                     FROM source_documents WHERE id = $1",
                )
                .bind(id),
            )
            .await?;
        Ok(row.map(|r| {
            (
                SourceDocument {
                    id: r.id.into(),
                    file_name: r.file_name,
                    media_type: r.media_type,
                    sha256: r.sha256,
                    size: r.size,
                    personal_data: r.personal_data,
                },
                r.content,
            )
        }))
    }
}
