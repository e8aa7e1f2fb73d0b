//! Sessions of a realm. A session id is 256 random bits (the cookie); the database keeps its
//! SHA-256, so a copy of the database opens no session. It ends [`SESSION_IDLE_SECS`] after the
//! last request (`last_seen_at` is moved on at most once a minute) or [`SESSION_ABSOLUTE_SECS`]
//! after sign-in. Expired sessions are deleted at each sign-in. Each session has a CSRF token
//! (synchronizer token) that every change must send in `X-CSRF-Token`.

use axum::http::{HeaderMap, Method};
use portal_domain::api::staff::{CSRF_HEADER, SESSION_ABSOLUTE_SECS, SESSION_IDLE_SECS};
use sqlx::AnyConnection;

use super::Realm;
use crate::error::ApiError;
use crate::tokens::{self, new_token};

/// `last_seen_at` is written at most this often.
const TOUCH_EVERY_SECS: i64 = 60;

/// A session just started: the id goes into the cookie, the rest into the answer.
pub struct Started {
    pub session_id: String,
    pub live: Live,
}

/// A live session.
#[derive(Debug, Clone)]
pub struct Live {
    pub account_id: i64,
    pub csrf_token: String,
    /// SHA-256 of the session id.
    pub hash: Vec<u8>,
    /// The absolute end (Unix seconds).
    pub expires_at: i64,
}

/// Starts a session of `account_id` (and forgets the realm's expired ones).
pub async fn start(
    conn: &mut AnyConnection,
    realm: &Realm,
    account_id: i64,
    now: i64,
) -> Result<Started, ApiError> {
    let table = realm.sessions_table;
    let session_id = new_token()?;
    let csrf_token = new_token()?;
    let hash = tokens::hash(&session_id);
    let expires_at = now + SESSION_ABSOLUTE_SECS;
    sqlx::query(&format!(
        "DELETE FROM {table} WHERE expires_at <= $1 OR last_seen_at <= $2"
    ))
    .bind(now)
    .bind(now - SESSION_IDLE_SECS)
    .execute(&mut *conn)
    .await?;
    sqlx::query(&format!(
        "INSERT INTO {table} (id_hash, account_id, csrf_token, created_at, last_seen_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6)"
    ))
    .bind(&hash)
    .bind(account_id)
    .bind(&csrf_token)
    .bind(now)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    Ok(Started {
        session_id,
        live: Live {
            account_id,
            csrf_token,
            hash,
            expires_at,
        },
    })
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    account_id: i64,
    csrf_token: String,
    last_seen_at: i64,
    expires_at: i64,
}

/// The live session whose id is `token`, if any (an expired one is deleted); moves
/// `last_seen_at` on. Whether its account may still sign in is the realm's to check.
pub async fn load(
    conn: &mut AnyConnection,
    realm: &Realm,
    token: &str,
    now: i64,
) -> sqlx::Result<Option<Live>> {
    let Some(hash) = tokens::hash_if_token(token) else {
        return Ok(None);
    };
    let table = realm.sessions_table;
    let row: Option<SessionRow> = sqlx::query_as(&format!(
        "SELECT account_id, csrf_token, last_seen_at, expires_at FROM {table} WHERE id_hash = $1"
    ))
    .bind(&hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if now >= row.expires_at || now >= row.last_seen_at + SESSION_IDLE_SECS {
        end(conn, realm, &hash).await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= TOUCH_EVERY_SECS {
        sqlx::query(&format!(
            "UPDATE {table} SET last_seen_at = $1 WHERE id_hash = $2"
        ))
        .bind(now)
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    }
    Ok(Some(Live {
        account_id: row.account_id,
        csrf_token: row.csrf_token,
        hash,
        expires_at: row.expires_at,
    }))
}

/// Ends one session.
pub async fn end(conn: &mut AnyConnection, realm: &Realm, hash: &[u8]) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "DELETE FROM {} WHERE id_hash = $1",
        realm.sessions_table
    ))
    .bind(hash)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Ends every session of an account (its password changed, it was switched off).
pub async fn end_all(conn: &mut AnyConnection, realm: &Realm, account_id: i64) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "DELETE FROM {} WHERE account_id = $1",
        realm.sessions_table
    ))
    .bind(account_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Ends every session of an account but the one whose hash is `keep` (the one that changed the
/// password).
pub async fn end_others(
    conn: &mut AnyConnection,
    realm: &Realm,
    account_id: i64,
    keep: &[u8],
) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "DELETE FROM {} WHERE account_id = $1 AND id_hash <> $2",
        realm.sessions_table
    ))
    .bind(account_id)
    .bind(keep)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether a request may go on as far as CSRF goes: it changes nothing (GET, HEAD), or it
/// carries the session's CSRF token in `X-CSRF-Token` (compared in constant time).
pub fn csrf_ok(method: &Method, headers: &HeaderMap, expected: &str) -> bool {
    if matches!(*method, Method::GET | Method::HEAD) {
        return true;
    }
    let sent = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    constant_time_eq(sent.as_bytes(), expected.as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
