//! A realm's two cookies: the session (see [`super::sessions`]) and the known-device cookie.
//!
//! Both are `HttpOnly; SameSite=Strict; Path=/; Secure` and carry the `__Host-` prefix, so a
//! browser sends them only over HTTPS (and to `http://localhost`, which browsers treat as
//! secure) and no other site or subdomain can set or shadow them. `PORTAL_INSECURE_COOKIES=1`
//! drops `Secure` and the prefix: only for a plain-HTTP network such as a kiosk LAN, where a
//! `Secure` cookie would never be sent back.
//!
//! The known-device cookie marks a browser an account has signed in on before. It is a random
//! 256-bit id, of which the database keeps the SHA-256 with the account, valid for
//! [`KNOWN_DEVICE_SECS`] after the last successful sign-in on it. It opens nothing by itself: it
//! only exempts its holder from the limit on failed sign-ins of an account from all addresses
//! together ([`super::limits`]), so a guesser with many addresses cannot lock the real person
//! out.

use axum::http::{header, HeaderMap, HeaderValue};
use portal_domain::api::staff::KNOWN_DEVICE_SECS;
use sqlx::AnyConnection;

use super::Realm;
use crate::error::ApiError;
use crate::tokens::{hash, is_token, new_token};

/// The names and attributes of a realm's cookies, as configured.
#[derive(Debug, Clone, Copy)]
pub struct Cookies {
    secure: bool,
    realm: &'static Realm,
}

impl Cookies {
    /// `secure`: `false` only when told to serve plain HTTP (`PORTAL_INSECURE_COOKIES`).
    pub fn new(secure: bool, realm: &'static Realm) -> Cookies {
        Cookies { secure, realm }
    }

    pub fn session_name(self) -> &'static str {
        let name = self.realm.session_cookie;
        if self.secure {
            name.secure
        } else {
            name.plain_http
        }
    }

    pub fn device_name(self) -> &'static str {
        let name = self.realm.device_cookie;
        if self.secure {
            name.secure
        } else {
            name.plain_http
        }
    }

    /// A `Set-Cookie` value; `max_age` `None` for a cookie that ends with the browser session,
    /// `Some(0)` to clear one.
    pub fn set(
        self,
        name: &str,
        value: &str,
        max_age: Option<i64>,
    ) -> Result<HeaderValue, ApiError> {
        let mut cookie = format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/");
        if let Some(seconds) = max_age {
            cookie.push_str(&format!("; Max-Age={seconds}"));
        }
        if self.secure {
            cookie.push_str("; Secure");
        }
        HeaderValue::from_str(&cookie).map_err(|e| ApiError::Internal(e.into()))
    }

    /// The session cookie's `Set-Cookie` that clears it.
    pub fn clear_session(self) -> Result<HeaderValue, ApiError> {
        self.set(self.session_name(), "", Some(0))
    }

    /// The browser's session id, if it sent one that looks like ours.
    pub fn session(self, headers: &HeaderMap) -> Option<String> {
        read(headers, self.session_name())
    }

    /// The browser's device id, if it sent one that looks like ours.
    pub fn device(self, headers: &HeaderMap) -> Option<String> {
        read(headers, self.device_name())
    }
}

/// The value of the cookie `name` from the `Cookie` header(s), if it looks like one of our
/// ids (43 characters of URL-safe base64): anything else cannot be one.
fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.trim().to_owned())
        .filter(|value| is_token(value))
}

/// Whether `token` (the device cookie) marks a browser that `account_id` has signed in on and
/// that is still known.
pub async fn is_known_device(
    conn: &mut AnyConnection,
    realm: &Realm,
    token: &str,
    account_id: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(&format!(
        "SELECT 1 FROM {} WHERE id_hash = $1 AND account_id = $2 AND expires_at > $3",
        realm.devices_table
    ))
    .bind(hash(token))
    .bind(account_id)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// After a successful sign-in of `account_id`: the browser's device id is kept (or renewed)
/// for [`KNOWN_DEVICE_SECS`], and expired ones are forgotten. Returns the device id to set in
/// the cookie: the browser's own if the server made it (a shared workstation keeps one id for
/// every account signed in on it), else a new one.
pub async fn remember_device(
    conn: &mut AnyConnection,
    realm: &Realm,
    account_id: i64,
    presented: Option<&str>,
    now: i64,
) -> Result<String, ApiError> {
    let table = realm.devices_table;
    sqlx::query(&format!("DELETE FROM {table} WHERE expires_at <= $1"))
        .bind(now)
        .execute(&mut *conn)
        .await?;
    let mut token = None;
    if let Some(presented) = presented {
        let ours: Option<i64> =
            sqlx::query_scalar(&format!("SELECT 1 FROM {table} WHERE id_hash = $1"))
                .bind(hash(presented))
                .fetch_optional(&mut *conn)
                .await?;
        token = ours.map(|_| presented.to_owned());
    }
    let token = match token {
        Some(token) => token,
        None => new_token()?,
    };
    sqlx::query(&format!(
        "INSERT INTO {table} (id_hash, account_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id_hash, account_id) DO UPDATE SET expires_at = excluded.expires_at"
    ))
    .bind(hash(&token))
    .bind(account_id)
    .bind(now)
    .bind(now + KNOWN_DEVICE_SECS)
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// The `Set-Cookie` headers after a sign-in: the session (ends with the browser) and the
/// device id (kept for [`KNOWN_DEVICE_SECS`]).
pub fn signed_in(
    cookies: Cookies,
    session_id: &str,
    device: &str,
) -> Result<[(header::HeaderName, HeaderValue); 2], ApiError> {
    Ok([
        (
            header::SET_COOKIE,
            cookies.set(cookies.session_name(), session_id, None)?,
        ),
        (
            header::SET_COOKIE,
            cookies.set(cookies.device_name(), device, Some(KNOWN_DEVICE_SECS))?,
        ),
    ])
}
