//! JSON shapes of the public API under `/api/v1`, shared by the server and the browser app:
//! the common ones here, each service's in its own module.

pub mod admin;
pub mod assistance;
pub mod booking;
pub mod booking_clusters;
pub mod center_overview;
pub mod desk;
pub mod files;
pub mod firm;
pub mod gi;
pub mod gi_terms;
pub mod notices;
pub mod policies;
pub mod policy_guide;
pub mod rating;
pub mod site;
pub mod site_errors;
pub mod staff;
pub mod venues;

pub use venues::{Venue, VenueContacts, VenueKind, VenueList, VenueStatus};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `GET /api/v1/health`: the server is up and its database answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `ok` when the server can answer at all.
    pub status: String,
    /// The server's package version.
    pub version: String,
    /// How many venues and GI products the database holds (a seeded database is never empty).
    pub venues: u32,
    pub gi_products: u32,
}

/// `GET /api/v1/health/ready`: this process may take requests (its database answers and has
/// every migration the binary carries), for a load balancer's readiness probe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// Always `ready` (otherwise the answer is 503 `not_ready`).
    pub status: String,
    /// How many migrations the database has, all the binary carries.
    pub migrations: u32,
}

/// A value of a search facet (GI lookup, policy search) with the number of results choosing it
/// would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// Percent-encodes everything but the URL-safe ASCII characters.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The body of every error answer from the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiErrorBody {
    /// Stable, machine-readable: clients match on it (see [`error_code`]).
    pub code: String,
    /// One sentence for people, in the language the request asked for.
    pub message: String,
    /// Per-field messages, keyed by the field's name in the request.
    #[serde(default)]
    pub fields: BTreeMap<String, FieldError>,
}

/// What is wrong with one field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub code: String,
    pub message: String,
}

/// The stable `code` values of [`ApiErrorBody`].
pub mod error_code {
    pub const NOT_FOUND: &str = "not_found";
    pub const METHOD_NOT_ALLOWED: &str = "method_not_allowed";
    pub const VALIDATION_FAILED: &str = "validation_failed";
    pub const BAD_REQUEST: &str = "bad_request";
    pub const PAYLOAD_TOO_LARGE: &str = "payload_too_large";
    pub const INTERNAL: &str = "internal_error";
    /// 503 from the readiness probe: the database does not answer or lacks migrations.
    pub const NOT_READY: &str = "not_ready";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_without_fields_still_parses() {
        let body: ApiErrorBody =
            serde_json::from_str(r#"{"code":"not_found","message":"x"}"#).unwrap();
        assert!(body.fields.is_empty());
    }
}
