//! The signed-in member of staff ([`StaffUser`]) that the guard (`super::guard`) hands to the
//! handlers behind it through the [`Staff`] extractor, and the 401 they all share.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use portal_domain::api::staff::{code, Role};

use crate::error::{ApiError, Refusal, Text};

/// The signed-in member of staff, for the handlers behind the guard.
#[derive(Debug, Clone)]
pub struct StaffUser {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
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
        parts
            .extensions
            .get::<StaffUser>()
            .cloned()
            .map(Staff)
            .ok_or_else(unauthenticated)
    }
}

pub(crate) fn unauthenticated() -> ApiError {
    Refusal::new(
        StatusCode::UNAUTHORIZED,
        code::UNAUTHENTICATED,
        Text::of(|t| t.please_sign_in_if_you),
    )
    .into()
}
