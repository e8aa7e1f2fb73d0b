//! The refusals that many routes share, documented once for the OpenAPI document: a handler
//! lists them in its `responses(...)` beside its own answers (`crate::refusals::StaffWriting`),
//! so what `staff.forbidden` or `firm.csrf` means is written here and nowhere else.
//!
//! These types are never built: `ApiError` answers the refusals; they only describe them.
#![allow(dead_code)]

use portal_domain::api::ApiErrorBody;
use utoipa::IntoResponses;

/// A staff route that only reads: not signed in, or not one of the roles the route allows.
#[derive(IntoResponses)]
pub enum StaffReading {
    #[response(status = 401, description = "`staff.unauthenticated`")]
    Unauthenticated(ApiErrorBody),
    #[response(status = 403, description = "`staff.forbidden`")]
    Forbidden(ApiErrorBody),
}

/// A staff route that changes something: also refused without the session's CSRF token.
#[derive(IntoResponses)]
pub enum StaffWriting {
    #[response(status = 401, description = "`staff.unauthenticated`")]
    Unauthenticated(ApiErrorBody),
    #[response(status = 403, description = "`staff.forbidden` or `staff.csrf`")]
    Forbidden(ApiErrorBody),
}

/// An administrator's route.
#[derive(IntoResponses)]
pub enum StaffAdministrators {
    #[response(status = 401, description = "`staff.unauthenticated`")]
    Unauthenticated(ApiErrorBody),
    #[response(status = 403, description = "`staff.forbidden`: administrators only")]
    Forbidden(ApiErrorBody),
}

/// Any staff route whose 403 says more than the above (the route lists its own).
#[derive(IntoResponses)]
pub enum StaffSignedIn {
    #[response(status = 401, description = "`staff.unauthenticated`")]
    Unauthenticated(ApiErrorBody),
}

/// A firm's route that changes something: not signed in, or without the CSRF token.
#[derive(IntoResponses)]
pub enum FirmWriting {
    #[response(status = 401, description = "`firm.unauthenticated`")]
    Unauthenticated(ApiErrorBody),
    #[response(status = 403, description = "`firm.csrf`")]
    Csrf(ApiErrorBody),
}

/// Any firm route (one whose 403 says more lists its own).
#[derive(IntoResponses)]
pub enum FirmSignedIn {
    #[response(status = 401, description = "`firm.unauthenticated`")]
    Unauthenticated(ApiErrorBody),
}
