//! Staff accounts, for administrators: list, create, change (display name, roles, active,
//! password). There is always at least one active administrator: a change that would leave
//! none is refused (409 `staff.last_administrator`). Disabling an account or setting its
//! password ends its sessions; a change of roles applies from the account's next request.

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::registration::FieldVenue;
use portal_domain::api::staff::{
    code, normalise_username, AccountList, AccountUpdate, NewAccount, Role, StaffAccount,
};
use portal_domain::paths;
use portal_domain::time::format_shanghai;
use sqlx::AnyConnection;

use super::auth::{
    account_by_username, active_administrators, end_sessions, roles, set_roles, AccountRow,
};
use super::user::Staff;
use crate::audit::audit;
use crate::error::{ApiError, FieldProblem, Refusal, Text};
use crate::extract::json_rejection;
use crate::firms::pre_exam::store::officer_venue;
use crate::sign_in::passwords::hash_password_blocking;
use crate::AppState;

async fn view(conn: &mut AnyConnection, row: &AccountRow) -> sqlx::Result<StaffAccount> {
    let last_login: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(at) FROM staff_audit WHERE action = 'session.login' AND actor_id = $1",
    )
    .bind(row.id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(StaffAccount {
        username: row.username.clone(),
        display_name: row.display_name.clone(),
        roles: roles(conn, row.id).await?,
        active: row.active,
        created_at: format_shanghai(row.created_at),
        last_login_at: last_login.map(format_shanghai),
        pre_exam_venue: officer_venue(conn, row.id).await?.code().to_owned(),
    })
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every staff account, by username.
#[utoipa::path(get, path = paths::STAFF_ACCOUNTS, tag = "staff",
    operation_id = "staff_list_accounts",
    responses(
        (status = 200, description = "The accounts", body = AccountList),
        crate::refusals::StaffAdministrators,
    ))]
pub async fn list_accounts(State(state): State<AppState>) -> Result<Json<AccountList>, ApiError> {
    let mut conn = state.db.acquire().await?;
    let rows: Vec<AccountRow> = sqlx::query_as(
        "SELECT id, username, display_name, password_hash, active, created_at, must_change_password \
         FROM staff_accounts ORDER BY username",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        items.push(view(&mut conn, row).await?);
    }
    Ok(Json(AccountList { items }))
}

/// Creates an account.
#[utoipa::path(post, path = paths::STAFF_ACCOUNTS, tag = "staff",
    operation_id = "staff_create_account", request_body = NewAccount,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 201, description = "Created", body = StaffAccount),
        (status = 400, description = "`validation_failed`: `username`, `display_name`, \
            `roles`, `password` (12–200 characters)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 409, description = "`staff.username_taken`", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn create_account(
    State(state): State<AppState>,
    Staff(user): Staff,
    body: Result<Json<NewAccount>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let account = request.parse().map_err(ApiError::fields)?;
    let hash = hash_password_blocking(account.password.clone()).await?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    if account_by_username(&mut tx, &account.username)
        .await?
        .is_some()
    {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::USERNAME_TAKEN,
            Text::of(|t| t.username_taken_choose_another),
        )
        .into());
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO staff_accounts (username, display_name, password_hash, active, created_at, \
         updated_at, must_change_password) VALUES ($1, $2, $3, 1, $4, $5, 1) RETURNING id",
    )
    .bind(&account.username)
    .bind(&account.display_name)
    .bind(&hash)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    set_roles(&mut tx, id, &account.roles).await?;
    audit(
        &mut tx,
        Some(user.account_id),
        "account.create",
        ("account", Some(&account.username)),
        &format!("roles: {}", roles_text(&account.roles)),
        now,
    )
    .await?;
    let row = account_by_username(&mut tx, &account.username)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = view(&mut tx, &row).await?;
    tx.commit().await?;
    tracing::info!(account = id, by = user.account_id, "staff account created");
    Ok((StatusCode::CREATED, Json(view)).into_response())
}

/// Changes an account: what the body gives changes, the rest stays.
#[utoipa::path(patch, path = paths::STAFF_ACCOUNT, tag = "staff",
    operation_id = "staff_update_account", request_body = AccountUpdate,
    params(("username" = String, Path, description = "The account's username"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 200, description = "The account as it now is", body = StaffAccount),
        (status = 400, description = "`validation_failed`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::StaffWriting,
        (status = 404, description = "No such account", body = portal_domain::api::ApiErrorBody),
        (status = 409, description = "`staff.last_administrator`: no active administrator \
            would be left", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn update_account(
    State(state): State<AppState>,
    Staff(user): Staff,
    path: Result<Path<String>, PathRejection>,
    body: Result<Json<AccountUpdate>, JsonRejection>,
) -> Result<Json<StaffAccount>, ApiError> {
    let Ok(Path(username)) = path else {
        return Err(ApiError::NotFound);
    };
    let username = normalise_username(&username);
    let Json(request) = body.map_err(json_rejection)?;
    let update = request.parse().map_err(ApiError::fields)?;
    let venue = match request.pre_exam_venue.as_deref() {
        None => None,
        Some(code) => Some(FieldVenue::from_code(code).ok_or_else(|| {
            ApiError::Validation(vec![FieldProblem::new(
                "pre_exam_venue",
                "staff.pre_exam_venue_unknown",
                Text::of(|t| t.staff_pre_exam_venue_unknown),
            )])
        })?),
    };
    let hash = match &update.password {
        Some(password) => Some(hash_password_blocking(password.clone()).await?),
        None => None,
    };
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let row = account_by_username(&mut tx, &username)
        .await?
        .ok_or(ApiError::NotFound)?;
    let mut changes = Vec::new();
    if let Some(name) = &update.display_name {
        sqlx::query("UPDATE staff_accounts SET display_name = $1 WHERE id = $2")
            .bind(name)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        changes.push("display name changed".to_owned());
    }
    if let Some(new_roles) = &update.roles {
        set_roles(&mut tx, row.id, new_roles).await?;
        changes.push(format!("roles: {}", roles_text(new_roles)));
    }
    if let Some(active) = update.active {
        sqlx::query("UPDATE staff_accounts SET active = $1 WHERE id = $2")
            .bind(i64::from(active))
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        if !active {
            end_sessions(&mut tx, row.id).await?;
        }
        changes.push(format!("active: {active}"));
    }
    if let Some(venue) = venue {
        sqlx::query("UPDATE staff_accounts SET pre_exam_venue = $1 WHERE id = $2")
            .bind(venue.code())
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        changes.push(format!("pre-examination venue: {}", venue.code()));
    }
    if let Some(hash) = &hash {
        // Someone else's password, set by an administrator, is for one sign-in: its holder
        // chooses their own then (`auth::change_password`).
        sqlx::query(
            "UPDATE staff_accounts SET password_hash = $1, must_change_password = $2 WHERE id = $3",
        )
        .bind(hash)
        .bind(i64::from(row.id != user.account_id))
        .bind(row.id)
        .execute(&mut *tx)
        .await?;
        end_sessions(&mut tx, row.id).await?;
        changes.push("password set".to_owned());
    }
    if active_administrators(&mut tx).await? == 0 {
        // Dropping the transaction rolls every change back.
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            code::LAST_ADMINISTRATOR,
            Text::of(|t| t.after_change_active_administrator_would),
        )
        .into());
    }
    if !changes.is_empty() {
        sqlx::query("UPDATE staff_accounts SET updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(row.id)
            .execute(&mut *tx)
            .await?;
        audit(
            &mut tx,
            Some(user.account_id),
            "account.update",
            ("account", Some(&row.username)),
            &changes.join("; "),
            now,
        )
        .await?;
    }
    let row = account_by_username(&mut tx, &username)
        .await?
        .ok_or(ApiError::NotFound)?;
    let view = view(&mut tx, &row).await?;
    tx.commit().await?;
    tracing::info!(
        account = row.id,
        by = user.account_id,
        "staff account changed"
    );
    Ok(Json(view))
}
