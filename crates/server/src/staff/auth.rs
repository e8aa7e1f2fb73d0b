//! Passwords, sessions, logging in and out, and the first administrator.
//!
//! Passwords are hashed with Argon2id and the `argon2` crate's default parameters
//! (m = 19 MiB, t = 2, p = 1; OWASP's recommendation), in the PHC string format that records
//! them, so stronger parameters later still verify old hashes. Hashing runs on the blocking
//! thread pool.
//!
//! Logging in answers the same 401 `staff.login_failed` for an unknown username, a wrong
//! password and a disabled account, after the same work: an unknown username is checked
//! against a dummy hash made at start-up. Failed logins are counted in memory, rolling, within
//! 15 minutes, like booking lookups, by three limits; once one is reached the login answers 429
//! `staff.login_rate_limited` with `Retry-After`, before any password is checked:
//! - 5 of one username from one client address: that address may not try that username. They
//!   do not stop the same username from another address, so nobody can lock a colleague (or
//!   `admin`) out by typing wrong passwords from their own desk.
//! - 20 from one client address, whatever the usernames.
//! - 50 of one username from all addresses together, counting only browsers the account has
//!   never signed in on: this slows a guesser with many addresses to 50 guesses a quarter of an
//!   hour, while the real person, whose browser holds the known-device cookie
//!   (`staff::cookies`), still signs in.
//!
//! A successful login does not count.
//!
//! A session id is 256 random bits (the cookie); the database keeps its SHA-256. It ends 30
//! minutes after the last request (`last_seen_at` is moved on at most once a minute) or
//! 12 hours after login. Expired sessions are deleted at each login.

use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::Json;
use portal_domain::api::staff::{
    check_password, check_username, code, LoginRequest, Role, StaffSession, KNOWN_DEVICE_SECS,
    LOGIN_WINDOW_SECS, MAX_LOGIN_FAILURES_PER_CLIENT, MAX_LOGIN_FAILURES_PER_USERNAME,
    MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT, SESSION_ABSOLUTE_SECS, SESSION_IDLE_SECS,
};
use portal_domain::paths;
use portal_domain::time::format_shanghai;
use sqlx::{SqliteConnection, SqlitePool};

use super::audit::audit;
use super::cookies::{self, Cookies};
use super::user::{Staff, StaffUser};
use crate::client_ip::ClientIp;
use crate::config::FirstAdmin;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::limit::{key_from_client, Attempt, Limited, Limits, LookupLimiter};
use crate::tokens::{self, new_token};
use crate::AppState;

/// `last_seen_at` is written at most this often.
const TOUCH_EVERY_SECS: i64 = 60;

/// What the staff routes keep besides the database.
#[derive(Debug)]
pub struct StaffState {
    /// Failed logins per username from one client address, and per client address.
    pub logins: LookupLimiter,
    /// Failed logins per username from browsers it has never signed in on.
    pub logins_from_new_devices: LookupLimiter,
    /// The cookies' names and attributes.
    pub cookies: Cookies,
    /// The hash unknown usernames are checked against, so they take as long as known ones.
    dummy_hash: String,
}

impl StaffState {
    pub fn new(secure_cookies: bool) -> anyhow::Result<StaffState> {
        let dummy = new_token().map_err(|_| anyhow::anyhow!("the OS random source failed"))?;
        Ok(StaffState {
            logins: LookupLimiter::with_limits(Limits {
                window_secs: LOGIN_WINDOW_SECS,
                per_key: MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT,
                per_client: MAX_LOGIN_FAILURES_PER_CLIENT,
            }),
            logins_from_new_devices: LookupLimiter::with_limits(Limits {
                window_secs: LOGIN_WINDOW_SECS,
                per_key: MAX_LOGIN_FAILURES_PER_USERNAME,
                // Counted by address in `logins` already.
                per_client: usize::MAX,
            }),
            cookies: Cookies::new(secure_cookies),
            dummy_hash: hash_password(&dummy)?,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Passwords
// ---------------------------------------------------------------------------------------------

/// An Argon2id PHC string with a fresh 128-bit salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("the OS random source failed: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Hashing off the async threads.
pub async fn hash_password_blocking(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(ApiError::Internal)
}

// ---------------------------------------------------------------------------------------------
// Accounts in the database
// ---------------------------------------------------------------------------------------------

#[derive(Debug, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub active: bool,
    pub created_at: i64,
}

pub async fn account_by_username(
    conn: &mut SqliteConnection,
    username: &str,
) -> sqlx::Result<Option<AccountRow>> {
    sqlx::query_as(
        "SELECT id, username, display_name, password_hash, active, created_at \
         FROM staff_accounts WHERE username = ?",
    )
    .bind(username)
    .fetch_optional(&mut *conn)
    .await
}

/// The account's roles in the order of `Role::ALL`.
pub async fn roles(conn: &mut SqliteConnection, account_id: i64) -> sqlx::Result<Vec<Role>> {
    let codes: Vec<String> =
        sqlx::query_scalar("SELECT role FROM staff_account_roles WHERE account_id = ?")
            .bind(account_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(Role::ALL
        .iter()
        .copied()
        .filter(|r| codes.iter().any(|c| c == r.code()))
        .collect())
}

pub async fn set_roles(
    conn: &mut SqliteConnection,
    account_id: i64,
    roles: &[Role],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM staff_account_roles WHERE account_id = ?")
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    for role in roles {
        sqlx::query("INSERT INTO staff_account_roles (account_id, role) VALUES (?, ?)")
            .bind(account_id)
            .bind(role.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Active accounts with the administrator role.
pub async fn active_administrators(conn: &mut SqliteConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_accounts a JOIN staff_account_roles r ON r.account_id = a.id \
         WHERE a.active = 1 AND r.role = 'administrator'",
    )
    .fetch_one(&mut *conn)
    .await
}

pub async fn end_sessions(conn: &mut SqliteConnection, account_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM staff_sessions WHERE account_id = ?")
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Creates the first administrator from the configuration when no active administrator exists
/// (see `Config::first_admin`). If the username names an existing account, that account is
/// made an active administrator with the configured password: the way back in when the last
/// administrator can no longer log in. Otherwise, with administrators present, the
/// configuration is ignored.
pub async fn ensure_first_admin(
    db: &SqlitePool,
    first_admin: Option<&FirstAdmin>,
    now: i64,
) -> anyhow::Result<()> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    if active_administrators(&mut tx).await? > 0 {
        if first_admin.is_some() {
            tracing::info!("an administrator exists: PORTAL_ADMIN_USERNAME is ignored");
        }
        return Ok(());
    }
    let Some(first) = first_admin else {
        tracing::warn!(
            "there is no staff administrator: set PORTAL_ADMIN_USERNAME and \
             PORTAL_ADMIN_PASSWORD_FILE (see README) and restart to create one"
        );
        return Ok(());
    };
    let username = check_username(&first.username)
        .map_err(|e| anyhow::anyhow!("PORTAL_ADMIN_USERNAME: {e}"))?;
    check_password(&first.password)
        .map_err(|e| anyhow::anyhow!("the first administrator's password: {e}"))?;
    let hash = hash_password(&first.password)?;
    let display_name = first.display_name.trim();
    let display_name = if display_name.is_empty() {
        username.as_str()
    } else {
        display_name
    };
    let id = match account_by_username(&mut tx, &username).await? {
        Some(existing) => {
            sqlx::query(
                "UPDATE staff_accounts SET password_hash = ?, active = 1, updated_at = ? \
                 WHERE id = ?",
            )
            .bind(&hash)
            .bind(now)
            .bind(existing.id)
            .execute(&mut *tx)
            .await?;
            let mut current = roles(&mut tx, existing.id).await?;
            current.push(Role::Administrator);
            current.sort();
            current.dedup();
            set_roles(&mut tx, existing.id, &current).await?;
            end_sessions(&mut tx, existing.id).await?;
            existing.id
        }
        None => {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO staff_accounts (username, display_name, password_hash, active, \
                 created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) RETURNING id",
            )
            .bind(&username)
            .bind(display_name)
            .bind(&hash)
            .bind(now)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            set_roles(&mut tx, id, &[Role::Administrator]).await?;
            id
        }
    };
    audit(
        &mut tx,
        None,
        "account.first_administrator",
        ("account", Some(&username)),
        "administrator created from the start-up configuration",
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::warn!(account = id, "first staff administrator created");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct SessionRow {
    account_id: i64,
    username: String,
    display_name: String,
    csrf_token: String,
    last_seen_at: i64,
    expires_at: i64,
}

/// The member of staff whose live session `token` is, if any; moves `last_seen_at` on.
pub async fn load_session(state: &AppState, token: &str) -> Result<Option<StaffUser>, ApiError> {
    let Some(hash) = tokens::hash_if_token(token) else {
        return Ok(None);
    };
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT s.account_id, a.username, a.display_name, s.csrf_token, s.last_seen_at, \
         s.expires_at FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id \
         WHERE s.id_hash = ? AND a.active = 1",
    )
    .bind(&hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    if now >= row.expires_at || now >= row.last_seen_at + SESSION_IDLE_SECS {
        sqlx::query("DELETE FROM staff_sessions WHERE id_hash = ?")
            .bind(&hash)
            .execute(&mut *conn)
            .await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= TOUCH_EVERY_SECS {
        sqlx::query("UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?")
            .bind(now)
            .bind(&hash)
            .execute(&mut *conn)
            .await?;
    }
    let roles = roles(&mut conn, row.account_id).await?;
    Ok(Some(StaffUser {
        account_id: row.account_id,
        username: row.username,
        display_name: row.display_name,
        roles,
        csrf_token: row.csrf_token,
        session_hash: hash,
        expires_at: row.expires_at,
    }))
}

fn session_view(user: &StaffUser) -> StaffSession {
    StaffSession {
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles.clone(),
        csrf_token: user.csrf_token.clone(),
        expires_at: format_shanghai(user.expires_at),
    }
}

/// Logs in: checks the password and starts a session (the cookie) with its CSRF token.
#[utoipa::path(post, path = paths::STAFF_SESSION, tag = "staff",
    operation_id = "staff_login", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in. The cookies `__Host-portal_staff_session` \
            and `__Host-portal_staff_device` are set (`HttpOnly; SameSite=Strict; Path=/; \
            Secure`; without `Secure` and the prefix on a server told to serve plain HTTP); send `csrf_token` as \
            `X-CSRF-Token` with every change", body = StaffSession,
            headers(("Set-Cookie" = String, description = "The session cookie"))),
        (status = 400, description = "`validation_failed`: username or password empty",
            body = portal_domain::api::ApiErrorBody),
        (status = 401, description = "`staff.login_failed`: the same answer for an unknown \
            username, a wrong password and a disabled account", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`staff.login_rate_limited`: within 15 minutes, 5 failed \
            logins of this username from this address, 20 from this address, or 50 of this \
            username from browsers it has never signed in on", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until logins are accepted again"))),
    ))]
pub async fn login(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    body: Result<Json<LoginRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let (username, password) = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let cookies = state.staff.cookies;
    let device = cookies::read(&headers, cookies.device_name());
    let (account, known_device) = {
        let mut conn = state.db.acquire().await?;
        let known_device = match &device {
            Some(token) => cookies::is_known_device(&mut conn, token, &username, now).await?,
            None => false,
        };
        (
            account_by_username(&mut conn, &username).await?,
            known_device,
        )
    };
    let attempts = begin_login(&state.staff, &username, client, known_device, now)?;
    let hash = account.as_ref().map_or_else(
        || state.staff.dummy_hash.clone(),
        |a| a.password_hash.clone(),
    );
    let verified = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    let account = match account {
        Some(account) if verified && account.active => account,
        _ => {
            log_limits_reached(&attempts);
            // Audited under the account it named, if any: an unknown username is not written
            // down (people type passwords into the username box).
            let mut conn = state.db.acquire().await?;
            audit(
                &mut conn,
                None,
                "session.login_failed",
                ("account", account.as_ref().map(|a| a.username.as_str())),
                "failed login",
                now,
            )
            .await?;
            return Err(Refusal::new(
                StatusCode::UNAUTHORIZED,
                code::LOGIN_FAILED,
                Text::of(|t| t.username_password_right),
            )
            .into());
        }
    };
    let (attempt, from_new_device) = attempts;
    state.staff.logins.forgive(attempt);
    if let Some(attempt) = from_new_device {
        state.staff.logins_from_new_devices.forgive(attempt);
    }

    let session_id = new_token()?;
    let csrf_token = new_token()?;
    let hash = tokens::hash(&session_id);
    let expires_at = now + SESSION_ABSOLUTE_SECS;
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("DELETE FROM staff_sessions WHERE expires_at <= ? OR last_seen_at <= ?")
        .bind(now)
        .bind(now - SESSION_IDLE_SECS)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO staff_sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, \
         expires_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&hash)
    .bind(account.id)
    .bind(&csrf_token)
    .bind(now)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(account.id),
        "session.login",
        ("account", Some(&account.username)),
        "logged in",
        now,
    )
    .await?;
    let roles = roles(&mut tx, account.id).await?;
    let device = cookies::remember_device(&mut tx, account.id, device.as_deref(), now).await?;
    tx.commit().await?;
    tracing::info!(account = account.id, "staff login");
    let user = StaffUser {
        account_id: account.id,
        username: account.username,
        display_name: account.display_name,
        roles,
        csrf_token,
        session_hash: hash,
        expires_at,
    };
    Ok((
        AppendHeaders([
            (
                header::SET_COOKIE,
                cookies.set(cookies.session_name(), &session_id, None)?,
            ),
            (
                header::SET_COOKIE,
                cookies.set(cookies.device_name(), &device, Some(KNOWN_DEVICE_SECS))?,
            ),
        ]),
        Json(session_view(&user)),
    )
        .into_response())
}

/// The signed-in member of staff, with the CSRF token (e.g. after a page reload).
#[utoipa::path(get, path = paths::STAFF_SESSION, tag = "staff",
    operation_id = "staff_whoami",
    responses(
        (status = 200, description = "The session", body = StaffSession),
        (status = 401, description = "`staff.unauthenticated`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn whoami(Staff(user): Staff) -> Json<StaffSession> {
    Json(session_view(&user))
}

/// Logs out: ends the session and clears the cookie.
#[utoipa::path(delete, path = paths::STAFF_SESSION, tag = "staff",
    operation_id = "staff_logout",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 204, description = "Logged out; the cookie is cleared"),
        (status = 401, description = "`staff.unauthenticated`", body = portal_domain::api::ApiErrorBody),
        (status = 403, description = "`staff.csrf`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn logout(
    State(state): State<AppState>,
    Staff(user): Staff,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let mut tx = state.db.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("DELETE FROM staff_sessions WHERE id_hash = ?")
        .bind(&user.session_hash)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "session.logout",
        ("account", Some(&user.username)),
        "logged out",
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(account = user.account_id, "staff logout");
    Ok((
        StatusCode::NO_CONTENT,
        [(
            header::SET_COOKIE,
            state
                .staff
                .cookies
                .set(state.staff.cookies.session_name(), "", Some(0))?,
        )],
    )
        .into_response())
}

/// The failed-login limits (see the module documentation), before the password is checked:
/// the attempt counts as a failure until it is forgiven. The second limit is not applied to a
/// browser the account has signed in on before.
fn begin_login(
    staff: &StaffState,
    username: &str,
    client: ClientIp,
    known_device: bool,
    now: i64,
) -> Result<(Attempt, Option<Attempt>), ApiError> {
    let attempt = staff
        .logins
        .begin(&key_from_client(username, client.0), client.0, now)
        .map_err(login_rate_limited)?;
    if known_device {
        return Ok((attempt, None));
    }
    match staff.logins_from_new_devices.begin(username, None, now) {
        Ok(from_new_device) => Ok((attempt, Some(from_new_device))),
        Err(limited) => {
            // Refused before any password was checked: not a failure of the first limit.
            staff.logins.forgive(attempt);
            Err(login_rate_limited(limited))
        }
    }
}

/// A warning (no username, no address) when a failed login used up a limit.
fn log_limits_reached((attempt, from_new_device): &(Attempt, Option<Attempt>)) {
    let reached = attempt
        .reached()
        .iter()
        .map(|rule| match rule.as_str() {
            "reference" => "username_from_client",
            other => other,
        })
        .chain(
            from_new_device
                .iter()
                .flat_map(|a| a.reached())
                .map(|_| "username_from_new_devices"),
        );
    for rule in reached {
        tracing::warn!(
            rule,
            "staff login limit reached: logins are refused for a while"
        );
    }
}

fn login_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOGIN_RATE_LIMITED, |t, minutes| {
        t.staff_login_rate_limited(minutes)
    })
}
