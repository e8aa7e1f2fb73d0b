//! A pre-examination request's documents as the firm and the officers see them; the rows are
//! `crate::firms::file_table::PRE_EXAM_FILES`.

use portal_domain::api::firm::pre_exam::{Document, PreExamFile};
use portal_domain::time::format_shanghai;
use sqlx::AnyConnection;

use crate::error::ApiError;
use crate::firms::file_table::{FileRow, PRE_EXAM_FILES};

/// The documents of a request as the firm and the officers see them, in upload order.
pub(crate) async fn file_views(
    conn: &mut AnyConnection,
    request_id: i64,
) -> Result<Vec<PreExamFile>, ApiError> {
    PRE_EXAM_FILES
        .rows(conn, request_id)
        .await?
        .iter()
        .map(file_view)
        .collect()
}

/// A document as the firm and the officers see it.
pub(crate) fn file_view(row: &FileRow) -> Result<PreExamFile, ApiError> {
    Ok(PreExamFile {
        id: row.id,
        document: row.purpose(Document::from_code)?,
        name: row.name.clone(),
        kind: row.kind()?,
        size: row.size.max(0) as u64,
        uploaded_at: format_shanghai(row.uploaded_at),
    })
}
