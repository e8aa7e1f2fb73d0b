//! A firm's uploaded files: a registration's materials (`registration_files`) and a
//! pre-examination request's documents (`pre_exam_files`). One table per owner with the same
//! columns — the owner's id, what the file is for, its name, type, size, who uploaded it and
//! when — and the contents in the shared blob store (`crate::files::blobs`). Every read and
//! write of either table is here, once.

use anyhow::Context;
use portal_domain::api::files::FileKind;
use sqlx::AnyConnection;

use super::person::FirmPerson;
use crate::error::ApiError;
use crate::files::blobs;
use crate::files::read::Upload;

/// One table of a firm's files.
pub(crate) struct FileTable {
    /// What owns the files, as the firm's audit log names it (`registration 12 file 3`).
    kind: &'static str,
    table: &'static str,
    /// The owner's id column.
    owner: &'static str,
    /// What a file is for (a material, a document), as its code.
    purpose: &'static str,
}

/// A registration's materials.
pub(crate) const REGISTRATION_FILES: FileTable = FileTable {
    kind: "registration",
    table: "registration_files",
    owner: "registration_id",
    purpose: "purpose",
};

/// A pre-examination request's documents.
pub(crate) const PRE_EXAM_FILES: FileTable = FileTable {
    kind: "pre_exam",
    table: "pre_exam_files",
    owner: "request_id",
    purpose: "document",
};

/// One uploaded file (its purpose as the table's code).
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct FileRow {
    pub id: i64,
    pub purpose: String,
    pub sha256: Vec<u8>,
    pub name: String,
    pub kind: String,
    pub size: i64,
    pub uploaded_at: i64,
}

impl FileRow {
    pub fn kind(&self) -> Result<FileKind, ApiError> {
        FileKind::from_code(&self.kind)
            .with_context(|| format!("firm file {} has a bad kind", self.id))
            .map_err(ApiError::Internal)
    }

    /// What it is for, read by `from_code` (a bad code in the database is the server's error).
    pub fn purpose<P>(&self, from_code: fn(&str) -> Option<P>) -> Result<P, ApiError> {
        from_code(&self.purpose)
            .with_context(|| format!("firm file {} has a bad purpose", self.id))
            .map_err(ApiError::Internal)
    }
}

/// An upload about to be stored.
pub(crate) struct NewFile<'a> {
    pub owner_id: i64,
    /// What it is for, as its code.
    pub purpose: &'a str,
    pub name: &'a str,
    pub upload: &'a Upload,
    pub person_id: i64,
    pub now: i64,
}

impl FileTable {
    fn columns(&self) -> String {
        format!(
            "id, {} AS purpose, sha256, name, kind, size, uploaded_at",
            self.purpose
        )
    }

    /// The owner's files, in the order they were uploaded.
    pub async fn rows(
        &self,
        conn: &mut AnyConnection,
        owner_id: i64,
    ) -> sqlx::Result<Vec<FileRow>> {
        let (table, owner, columns) = (self.table, self.owner, self.columns());
        sqlx::query_as(&format!(
            "SELECT {columns} FROM {table} WHERE {owner} = $1 ORDER BY uploaded_at, id"
        ))
        .bind(owner_id)
        .fetch_all(&mut *conn)
        .await
    }

    /// How many files of `purpose` the owner has.
    async fn count(
        &self,
        conn: &mut AnyConnection,
        owner_id: i64,
        purpose: &str,
    ) -> sqlx::Result<i64> {
        let (table, owner, column) = (self.table, self.owner, self.purpose);
        sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {table} WHERE {owner} = $1 AND {column} = $2"
        ))
        .bind(owner_id)
        .bind(purpose)
        .fetch_one(&mut *conn)
        .await
    }

    /// Whether the owner already has `most` files of `purpose` (a new one would be refused).
    pub async fn full(
        &self,
        conn: &mut AnyConnection,
        owner_id: i64,
        purpose: &str,
        most: usize,
    ) -> sqlx::Result<bool> {
        Ok(self.count(conn, owner_id, purpose).await? as usize >= most)
    }

    /// Stores the content (once per distinct content) and the file row.
    pub async fn insert(
        &self,
        conn: &mut AnyConnection,
        file: NewFile<'_>,
    ) -> sqlx::Result<FileRow> {
        let Upload {
            content,
            kind,
            sha256,
        } = file.upload;
        blobs::put(conn, sha256, content).await?;
        let (table, owner, column, columns) =
            (self.table, self.owner, self.purpose, self.columns());
        sqlx::query_as(&format!(
            "INSERT INTO {table} ({owner}, {column}, sha256, name, kind, size, uploaded_at, \
             uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {columns}"
        ))
        .bind(file.owner_id)
        .bind(file.purpose)
        .bind(sha256.as_slice())
        .bind(file.name)
        .bind(kind.code())
        .bind(content.len() as i64)
        .bind(file.now)
        .bind(file.person_id)
        .fetch_one(&mut *conn)
        .await
    }

    /// One file of the owner with its content; `None` if it is not the owner's.
    pub async fn with_content(
        &self,
        conn: &mut AnyConnection,
        owner_id: i64,
        file_id: i64,
    ) -> sqlx::Result<Option<(FileRow, Vec<u8>)>> {
        let (table, owner, columns) = (self.table, self.owner, self.columns());
        let select = format!("SELECT {columns} FROM {table} WHERE id = $1 AND {owner} = $2");
        blobs::row_with_content(conn, &select, (file_id, owner_id), |r: &FileRow| &r.sha256).await
    }

    /// Deletes one file of the owner and its content if nothing else uses it. Whether there was
    /// such a file.
    pub async fn delete(
        &self,
        conn: &mut AnyConnection,
        owner_id: i64,
        file_id: i64,
    ) -> sqlx::Result<bool> {
        let delete = format!(
            "DELETE FROM {} WHERE id = $1 AND {} = $2",
            self.table, self.owner
        );
        let query = sqlx::query(&delete).bind(file_id).bind(owner_id);
        Ok(blobs::delete_rows(conn, query).await? > 0)
    }

    /// A firm's person stores an upload as the owner's file for `purpose` (its code), and the
    /// firm's audit log says so (`{kind}.file_uploaded`), in the caller's transaction.
    pub async fn add_by(
        &self,
        conn: &mut AnyConnection,
        person: &FirmPerson,
        (owner_id, purpose): (i64, &str),
        (name, upload): (&str, &Upload),
        now: i64,
    ) -> sqlx::Result<FileRow> {
        let person_id = person.person_id;
        let file = NewFile {
            owner_id,
            purpose,
            name,
            upload,
            person_id,
            now,
        };
        let row = self.insert(conn, file).await?;
        self.audit(conn, person, ("file_uploaded", owner_id, row.id), now)
            .await?;
        Ok(row)
    }

    /// A firm's person removes one of the owner's files (audited as `{kind}.file_deleted`).
    /// Whether there was such a file.
    pub async fn remove_by(
        &self,
        conn: &mut AnyConnection,
        person: &FirmPerson,
        (owner_id, file_id): (i64, i64),
        now: i64,
    ) -> sqlx::Result<bool> {
        if !self.delete(conn, owner_id, file_id).await? {
            return Ok(false);
        }
        self.audit(conn, person, ("file_deleted", owner_id, file_id), now)
            .await?;
        Ok(true)
    }

    async fn audit(
        &self,
        conn: &mut AnyConnection,
        person: &FirmPerson,
        (what, owner_id, file_id): (&str, i64, i64),
        now: i64,
    ) -> sqlx::Result<()> {
        let (action, kind) = (format!("{}.{what}", self.kind), self.kind);
        let summary = format!("{kind} {owner_id} file {file_id}");
        person.audit(conn, &action, &summary, now).await
    }
}
