//! What signing in is made of, the same for every realm of accounts: the staff workbench
//! (`crate::staff`) and the people of the firms on the fast track (`crate::firms`). A realm
//! ([`Realm`]) names its own cookies and tables, so a staff session never opens a firm's pages
//! nor the other way round, while passwords ([`passwords`]), sessions and their CSRF tokens
//! ([`sessions`]), the cookies and known browsers ([`cookies`]) and the limits on failed
//! sign-ins ([`limits`]) are written once.

pub mod cookies;
pub mod limits;
pub mod passwords;
pub mod sessions;

use axum::http::request::Parts;
use axum::http::StatusCode;
use portal_domain::api::{firm, staff};

use crate::error::{ApiError, Refusal, Text};

/// A realm of accounts: its cookie names (with `Secure` and the `__Host-` prefix, and for a
/// plain-HTTP network) and its tables, each with an `account_id` column naming the account.
#[derive(Debug)]
pub struct Realm {
    /// For the log.
    pub name: &'static str,
    /// `(id_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)`.
    pub sessions_table: &'static str,
    /// `(id_hash, account_id, created_at, expires_at)`: browsers an account signed in on.
    pub devices_table: &'static str,
    pub session_cookie: CookieName,
    pub device_cookie: CookieName,
    /// The error code of a request that needs someone signed in.
    pub unauthenticated_code: &'static str,
}

impl Realm {
    /// 401: nobody of this realm is signed in (or the session has ended).
    pub fn unauthenticated(&self) -> ApiError {
        Refusal::new(
            StatusCode::UNAUTHORIZED,
            self.unauthenticated_code,
            Text::of(|t| t.please_sign_in_if_you),
        )
        .into()
    }

    /// For the realm's extractor: the person its guard let through, kept in the request (a
    /// route outside the guard finds nobody, and answers 401).
    pub fn let_through<T: Clone + Send + Sync + 'static>(
        &self,
        parts: &Parts,
    ) -> Result<T, ApiError> {
        parts
            .extensions
            .get::<T>()
            .cloned()
            .ok_or_else(|| self.unauthenticated())
    }
}

/// A cookie's name over HTTPS and over plain HTTP.
#[derive(Debug, Clone, Copy)]
pub struct CookieName {
    pub secure: &'static str,
    pub plain_http: &'static str,
}

pub static STAFF: Realm = Realm {
    name: "staff",
    sessions_table: "staff_sessions",
    devices_table: "staff_devices",
    session_cookie: CookieName {
        secure: staff::SESSION_COOKIE,
        plain_http: staff::PLAIN_HTTP_SESSION_COOKIE,
    },
    device_cookie: CookieName {
        secure: staff::DEVICE_COOKIE,
        plain_http: staff::PLAIN_HTTP_DEVICE_COOKIE,
    },
    unauthenticated_code: staff::code::UNAUTHENTICATED,
};

pub static FIRM: Realm = Realm {
    name: "firm",
    sessions_table: "firm_sessions",
    devices_table: "firm_devices",
    session_cookie: CookieName {
        secure: firm::SESSION_COOKIE,
        plain_http: firm::PLAIN_HTTP_SESSION_COOKIE,
    },
    device_cookie: CookieName {
        secure: firm::DEVICE_COOKIE,
        plain_http: firm::PLAIN_HTTP_DEVICE_COOKIE,
    },
    unauthenticated_code: firm::code::UNAUTHENTICATED,
};
