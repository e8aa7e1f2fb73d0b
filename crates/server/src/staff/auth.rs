//! Staff accounts, logging in and out, and the first administrator. Passwords, sessions, the
//! cookies and the limits on failed logins are those of every realm (`crate::sign_in`), in the
//! staff realm ([`STAFF`]).
//!
//! Logging in answers the same 401 `staff.login_failed` for an unknown username, a wrong
//! password and a disabled account, after the same work (an unknown username is checked
//! against a dummy hash). Failed logins are limited as `crate::sign_in::limits` says, by
//! username.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::Json;
use portal_domain::api::staff::{
    check_password, check_username, code, LoginRequest, Role, StaffSession,
};
use portal_domain::paths;
use portal_domain::time::format_shanghai;
use sqlx::{AnyConnection, AnyPool};

use super::user::{Staff, StaffUser};
use crate::audit::audit;
use crate::client_ip::ClientIp;
use crate::config::FirstAdmin;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::limit::{Counts, Limited};
use crate::sign_in::cookies::{self, Cookies};
use crate::sign_in::limits::SignInLimits;
use crate::sign_in::passwords::{hash_password, verify_blocking};
use crate::sign_in::{sessions, STAFF};
use crate::AppState;

/// What the staff routes keep besides the database.
#[derive(Debug)]
pub struct StaffState {
    /// Failed logins (see `crate::sign_in::limits`).
    pub logins: SignInLimits,
    /// The cookies' names and attributes.
    pub cookies: Cookies,
}

impl StaffState {
    pub fn new(secure_cookies: bool, counts: &Counts) -> anyhow::Result<StaffState> {
        crate::sign_in::passwords::prepare()?;
        Ok(StaffState {
            logins: SignInLimits::new(counts, STAFF.name),
            cookies: Cookies::new(secure_cookies, &STAFF),
        })
    }
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
    #[sqlx(try_from = "crate::db::Flag")]
    pub active: bool,
    pub created_at: i64,
    #[sqlx(try_from = "crate::db::Flag")]
    pub must_change_password: bool,
}

pub async fn account_by_username(
    conn: &mut AnyConnection,
    username: &str,
) -> sqlx::Result<Option<AccountRow>> {
    sqlx::query_as(
        "SELECT id, username, display_name, password_hash, active, created_at, must_change_password \
         FROM staff_accounts WHERE username = $1",
    )
    .bind(username)
    .fetch_optional(&mut *conn)
    .await
}

/// The account's roles in the order of `Role::ALL`.
pub async fn roles(conn: &mut AnyConnection, account_id: i64) -> sqlx::Result<Vec<Role>> {
    let codes: Vec<String> =
        sqlx::query_scalar("SELECT role FROM staff_account_roles WHERE account_id = $1")
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
    conn: &mut AnyConnection,
    account_id: i64,
    roles: &[Role],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM staff_account_roles WHERE account_id = $1")
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    for role in roles {
        sqlx::query("INSERT INTO staff_account_roles (account_id, role) VALUES ($1, $2)")
            .bind(account_id)
            .bind(role.code())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Active accounts with the administrator role.
pub async fn active_administrators(conn: &mut AnyConnection) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM staff_accounts a JOIN staff_account_roles r ON r.account_id = a.id \
         WHERE a.active = 1 AND r.role = 'administrator'",
    )
    .fetch_one(&mut *conn)
    .await
}

pub async fn end_sessions(conn: &mut AnyConnection, account_id: i64) -> sqlx::Result<()> {
    sessions::end_all(conn, &STAFF, account_id).await
}

/// Creates the first administrator from the configuration when no active administrator exists
/// (see `Config::first_admin`). If the username names an existing account, that account is
/// made an active administrator with the configured password: the way back in when the last
/// administrator can no longer log in. Otherwise, with administrators present, the
/// configuration is ignored.
pub async fn ensure_first_admin(
    db: &AnyPool,
    first_admin: Option<&FirstAdmin>,
    now: i64,
) -> anyhow::Result<()> {
    let mut tx = crate::db::write(db).await?;
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
                "UPDATE staff_accounts SET password_hash = $1, active = 1, updated_at = $2 \
                 WHERE id = $3",
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
                 created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $5) RETURNING id",
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
struct ActiveAccount {
    username: String,
    display_name: String,
    #[sqlx(try_from = "crate::db::Flag")]
    must_change_password: bool,
}

/// The member of staff whose live session `token` is, if any (and if the account is still
/// active); moves `last_seen_at` on.
pub async fn load_session(state: &AppState, token: &str) -> Result<Option<StaffUser>, ApiError> {
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    let Some(live) = sessions::load(&mut conn, &STAFF, token, now).await? else {
        return Ok(None);
    };
    let account: Option<ActiveAccount> = sqlx::query_as(
        "SELECT username, display_name, must_change_password FROM staff_accounts \
         WHERE id = $1 AND active = 1",
    )
    .bind(live.account_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(account) = account else {
        return Ok(None);
    };
    let roles = roles(&mut conn, live.account_id).await?;
    Ok(Some(StaffUser {
        account_id: live.account_id,
        username: account.username,
        display_name: account.display_name,
        must_change_password: account.must_change_password,
        roles,
        csrf_token: live.csrf_token,
        session_hash: live.hash,
        expires_at: live.expires_at,
    }))
}

pub(super) fn session_view(user: &StaffUser) -> StaffSession {
    StaffSession {
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles.clone(),
        csrf_token: user.csrf_token.clone(),
        expires_at: format_shanghai(user.expires_at),
        must_change_password: user.must_change_password,
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
    let device = cookies.device(&headers);
    let (account, known_device) = {
        let mut conn = state.db.acquire().await?;
        let account = account_by_username(&mut conn, &username).await?;
        let known_device = match (&device, &account) {
            (Some(token), Some(account)) => {
                cookies::is_known_device(&mut conn, &STAFF, token, account.id, now).await?
            }
            _ => false,
        };
        (account, known_device)
    };
    let attempts = state
        .staff
        .logins
        .begin(&username, client.0, known_device, now)
        .await?
        .map_err(login_rate_limited)?;
    let verified =
        verify_blocking(password, account.as_ref().map(|a| a.password_hash.clone())).await?;
    let account = match account {
        Some(account) if verified && account.active => account,
        _ => {
            attempts.log_limits_reached(STAFF.name);
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
    state.staff.logins.forgive(attempts).await?;

    let mut tx = crate::db::write(&state.db).await?;
    let started = sessions::start(&mut tx, &STAFF, account.id, now).await?;
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
    let device =
        cookies::remember_device(&mut tx, &STAFF, account.id, device.as_deref(), now).await?;
    tx.commit().await?;
    tracing::info!(account = account.id, "staff login");
    let user = StaffUser {
        account_id: account.id,
        username: account.username,
        display_name: account.display_name,
        must_change_password: account.must_change_password,
        roles,
        csrf_token: started.live.csrf_token,
        session_hash: started.live.hash,
        expires_at: started.live.expires_at,
    };
    Ok((
        AppendHeaders(cookies::signed_in(cookies, &started.session_id, &device)?),
        Json(session_view(&user)),
    )
        .into_response())
}

/// The signed-in member of staff, with the CSRF token (e.g. after a page reload).
#[utoipa::path(get, path = paths::STAFF_SESSION, tag = "staff",
    operation_id = "staff_whoami",
    responses(
        (status = 200, description = "The session", body = StaffSession),
        crate::refusals::StaffSignedIn,
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
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.csrf`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn logout(
    State(state): State<AppState>,
    Staff(user): Staff,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    sessions::end(&mut tx, &STAFF, &user.session_hash).await?;
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
        [(header::SET_COOKIE, state.staff.cookies.clear_session()?)],
    )
        .into_response())
}

pub(super) fn login_rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::LOGIN_RATE_LIMITED, |t, minutes| {
        t.staff_login_rate_limited(minutes)
    })
}
