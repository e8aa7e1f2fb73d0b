//! File contents in the database, one row per distinct content (`assistance_blobs`, named for
//! the first service that stored files; rights-assistance files and registration files both
//! point into it by SHA-256). A content that no file row names any more is deleted in the
//! transaction that dropped the last reference ([`delete_unused`]), so it must know every table
//! of file rows.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, FromRow};

use crate::db::AnyQuery;

/// Stores a content once (a second upload of the same bytes shares the row).
pub async fn put(conn: &mut AnyConnection, sha256: &[u8], content: &[u8]) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO assistance_blobs (sha256, size, content) VALUES ($1, $2, $3) \
         ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(sha256)
    .bind(content.len() as i64)
    .bind(content)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The content with this SHA-256 (a file row names it, so it is there).
pub async fn content(conn: &mut AnyConnection, sha256: &[u8]) -> sqlx::Result<Vec<u8>> {
    sqlx::query_scalar("SELECT content FROM assistance_blobs WHERE sha256 = $1")
        .bind(sha256)
        .fetch_one(&mut *conn)
        .await
}

/// Deletes the contents no file row names: neither a rights-assistance file, a registration's
/// nor a pre-examination request's.
pub async fn delete_unused(conn: &mut AnyConnection) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM assistance_blobs WHERE NOT EXISTS \
         (SELECT 1 FROM assistance_files f WHERE f.sha256 = assistance_blobs.sha256) \
         AND NOT EXISTS \
         (SELECT 1 FROM registration_files r WHERE r.sha256 = assistance_blobs.sha256) \
         AND NOT EXISTS \
         (SELECT 1 FROM pre_exam_files p WHERE p.sha256 = assistance_blobs.sha256)",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A file row that `select` finds (bound to the file's id, then its owner's id) with its
/// content; `None` if the owner has no such file. Every service's file rows name their content
/// by `sha256`.
pub async fn row_with_content<R>(
    conn: &mut AnyConnection,
    select: &str,
    (file_id, owner_id): (i64, i64),
    sha256: fn(&R) -> &[u8],
) -> sqlx::Result<Option<(R, Vec<u8>)>>
where
    R: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
{
    let Some(row): Option<R> = sqlx::query_as(select)
        .bind(file_id)
        .bind(owner_id)
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(None);
    };
    let bytes = content(conn, sha256(&row)).await?;
    Ok(Some((row, bytes)))
}

/// Runs `delete` (of file rows, or of rows that own files) and, if it removed any, the
/// contents nothing names any more. How many rows it removed.
pub async fn delete_rows(conn: &mut AnyConnection, delete: AnyQuery<'_>) -> sqlx::Result<u64> {
    let deleted = delete.execute(&mut *conn).await?.rows_affected();
    if deleted > 0 {
        delete_unused(conn).await?;
    }
    Ok(deleted)
}
