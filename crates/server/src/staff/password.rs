//! A member of staff changes their own password (issue #18). A password an administrator set —
//! a new account's, or a reset — is known to two people, so the account must change it before
//! anything else answers (the guard's 403 `staff.password_change_required`, `super::authorise`).
//!
//! The current password is asked for, so that someone at a desk left signed in cannot take the
//! account over; wrong ones count towards the sign-in limits of that username from that address
//! (`crate::sign_in::limits`). The session that changed the password stays; the account's other
//! sessions end.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use portal_domain::api::staff::{PasswordChange, StaffError, StaffSession};
use portal_domain::paths;

use super::auth::{login_rate_limited, session_view};
use super::user::Staff;
use crate::audit::audit;
use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::extract::json_rejection;
use crate::sign_in::passwords::{hash_password_blocking, verify_blocking};
use crate::sign_in::{sessions, STAFF};
use crate::AppState;

/// Changes the signed-in member of staff's password.
#[utoipa::path(put, path = paths::STAFF_PASSWORD, tag = "staff",
    operation_id = "staff_change_password", request_body = PasswordChange,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "Changed; the session goes on, the account's other \
            sessions have ended", body = StaffSession),
        (status = 400, description = "`validation_failed`: the current password missing or \
            wrong (`staff.current_password_wrong`), the new one too short, too long or the \
            same", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffSignedIn,
        (status = 403, description = "`staff.csrf`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`staff.login_rate_limited`: too many wrong passwords \
            (the sign-in limits)", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until it is accepted again"))),
    ))]
pub async fn change_password(
    State(state): State<AppState>,
    Staff(mut user): Staff,
    client: ClientIp,
    body: Result<Json<PasswordChange>, JsonRejection>,
) -> Result<Json<StaffSession>, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let (current, new) = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let hash: String = sqlx::query_scalar("SELECT password_hash FROM staff_accounts WHERE id = $1")
        .bind(user.account_id)
        .fetch_one(&state.db)
        .await?;
    // This browser is the account's own (it holds a session): only the per-address limits.
    let attempts = state
        .staff
        .logins
        .begin(&user.username, client.0, true, now)
        .await?
        .map_err(login_rate_limited)?;
    if !verify_blocking(current, Some(hash)).await? {
        return Err(ApiError::fields(vec![(
            "current_password",
            StaffError::CurrentPasswordWrong,
        )]));
    }
    state.staff.logins.forgive(attempts).await?;
    let new_hash = hash_password_blocking(new).await?;

    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query(
        "UPDATE staff_accounts SET password_hash = $1, must_change_password = 0, updated_at = $2 \
         WHERE id = $3",
    )
    .bind(&new_hash)
    .bind(now)
    .bind(user.account_id)
    .execute(&mut *tx)
    .await?;
    sessions::end_others(&mut tx, &STAFF, user.account_id, &user.session_hash).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "account.password_change",
        ("account", Some(&user.username)),
        "changed own password",
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(account = user.account_id, "staff password changed");
    user.must_change_password = false;
    Ok(Json(session_view(&user)))
}
