//! Uploaded evidence files: what they are for and how they are shown (their types and names
//! are the shared `crate::api::files`).

use serde::{Deserialize, Serialize};

use crate::choice::choice;

/// What an uploaded file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FilePurpose {
    /// Evidence of the infringement (photos, purchase records, screenshots …).
    #[default]
    Evidence,
    /// The letter authorising someone to act for the applicant (委托书).
    AuthorisationLetter,
}

choice!(FilePurpose {
    Evidence = "evidence", "证据材料", "Evidence";
    AuthorisationLetter = "authorisation_letter", "授权委托书", "Letter of authorisation";
});

/// An uploaded file. Served back only to whoever holds the draft or tracking token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceFile {
    pub id: i64,
    /// The name it was uploaded with (path and control characters removed, at most 120
    /// characters).
    pub name: String,
    /// The type its content shows, whatever the name says.
    pub kind: FileKind,
    /// The `Content-Type` it is served with.
    pub content_type: String,
    pub size: u64,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    pub purpose: FilePurpose,
    /// RFC 3339, +08:00.
    pub uploaded_at: String,
}

pub use crate::api::files::{clean_file_name, FileKind};
