//! The signed-in member of staff ([`StaffUser`]) that the guard (`super::guard`) hands to the
//! handlers behind it through the [`Staff`] extractor, and the 401 they all share.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use portal_domain::api::staff::Role;

use crate::error::ApiError;

/// The signed-in member of staff, for the handlers behind the guard.
#[derive(Debug, Clone)]
pub struct StaffUser {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    /// An administrator set the password: only the session routes answer until the holder
    /// changes it (`super::guard`).
    pub must_change_password: bool,
    pub roles: Vec<Role>,
    pub csrf_token: String,
    /// SHA-256 of the session id.
    pub session_hash: Vec<u8>,
    /// The absolute end of the session (Unix seconds).
    pub expires_at: i64,
}

impl StaffUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Extractor: the member of staff the guard let through.
pub struct Staff(pub StaffUser);

impl<S: Send + Sync> FromRequestParts<S> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Staff, ApiError> {
        crate::sign_in::STAFF.let_through(parts).map(Staff)
    }
}

pub(crate) fn unauthenticated() -> ApiError {
    crate::sign_in::STAFF.unauthenticated()
}
