//! A pre-examination request's documents in the database (`pre_exam_files`; the contents in
//! the shared `crate::files::blobs`), for the firm's routes (`super::files`) and the officers'
//! (`crate::staff::pre_exams`).

use anyhow::Context;
use portal_domain::api::files::FileKind;
use portal_domain::api::firm::pre_exam::{Document, PreExamFile};
use portal_domain::time::format_shanghai;
use sqlx::SqliteConnection;

use crate::error::ApiError;
use crate::files::blobs;

/// One uploaded document of a request.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct FileRow {
    pub id: i64,
    pub document: String,
    pub sha256: Vec<u8>,
    pub name: String,
    pub kind: String,
    pub size: i64,
    pub uploaded_at: i64,
}

impl FileRow {
    pub fn kind(&self) -> Result<FileKind, ApiError> {
        FileKind::from_code(&self.kind)
            .with_context(|| format!("pre-exam file {} has a bad kind", self.id))
            .map_err(ApiError::Internal)
    }

    pub fn view(&self) -> Result<PreExamFile, ApiError> {
        Ok(PreExamFile {
            id: self.id,
            document: Document::from_code(&self.document)
                .with_context(|| format!("pre-exam file {} has a bad document", self.id))
                .map_err(ApiError::Internal)?,
            name: self.name.clone(),
            kind: self.kind()?,
            size: self.size.max(0) as u64,
            uploaded_at: format_shanghai(self.uploaded_at),
        })
    }
}

const FILE_COLUMNS: &str = "id, document, sha256, name, kind, size, uploaded_at";

/// The documents of a request as the firm and the officers see them, in upload order.
pub(crate) async fn file_views(
    conn: &mut SqliteConnection,
    request_id: i64,
) -> Result<Vec<PreExamFile>, ApiError> {
    let rows: Vec<FileRow> = sqlx::query_as(&format!(
        "SELECT {FILE_COLUMNS} FROM pre_exam_files WHERE request_id = ? ORDER BY uploaded_at, id"
    ))
    .bind(request_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(FileRow::view).collect()
}

/// How many files of `document` a request has.
pub(crate) async fn count_files(
    conn: &mut SqliteConnection,
    request_id: i64,
    document: Document,
) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM pre_exam_files WHERE request_id = ? AND document = ?")
        .bind(request_id)
        .bind(document.code())
        .fetch_one(&mut *conn)
        .await
}

/// A file about to be stored.
pub(crate) struct NewFile<'a> {
    pub request_id: i64,
    pub document: Document,
    pub name: &'a str,
    pub kind: FileKind,
    pub content: &'a [u8],
    pub sha256: &'a [u8],
    pub person_id: i64,
    pub now: i64,
}

/// Stores the content (once per distinct content) and the file row.
pub(crate) async fn insert_file(
    conn: &mut SqliteConnection,
    file: NewFile<'_>,
) -> sqlx::Result<FileRow> {
    blobs::put(conn, file.sha256, file.content).await?;
    sqlx::query_as(&format!(
        "INSERT INTO pre_exam_files (request_id, document, sha256, name, kind, size, \
         uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {FILE_COLUMNS}"
    ))
    .bind(file.request_id)
    .bind(file.document.code())
    .bind(file.sha256)
    .bind(file.name)
    .bind(file.kind.code())
    .bind(file.content.len() as i64)
    .bind(file.now)
    .bind(file.person_id)
    .fetch_one(&mut *conn)
    .await
}

/// One file of the request with its content; `None` if it is not the request's.
pub(crate) async fn file_with_content(
    conn: &mut SqliteConnection,
    request_id: i64,
    file_id: i64,
) -> sqlx::Result<Option<(FileRow, Vec<u8>)>> {
    let select =
        format!("SELECT {FILE_COLUMNS} FROM pre_exam_files WHERE id = ? AND request_id = ?");
    let ids = (file_id, request_id);
    blobs::row_with_content(conn, &select, ids, |r: &FileRow| &r.sha256).await
}

/// Deletes one file of the request and its content if nothing else uses it. Returns whether
/// there was such a file.
pub(crate) async fn delete_file(
    conn: &mut SqliteConnection,
    request_id: i64,
    file_id: i64,
) -> sqlx::Result<bool> {
    let query = sqlx::query("DELETE FROM pre_exam_files WHERE id = ? AND request_id = ?")
        .bind(file_id)
        .bind(request_id);
    Ok(blobs::delete_rows(conn, query).await? > 0)
}
