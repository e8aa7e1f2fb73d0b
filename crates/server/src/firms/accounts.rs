//! Signing a firm up, and its people in and out.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::{code, FirmSession, SignInRequest, SignUpReceived, SignUpRequest};
use portal_domain::paths;
use sqlx::AnyConnection;

use super::person::{Firm, FirmPerson, PersonRow, PERSON_COLUMNS};
use crate::client_ip::ClientIp;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::sign_in::cookies;
use crate::sign_in::passwords::{hash_password_blocking, verify_blocking};
use crate::sign_in::{sessions, FIRM};
use crate::AppState;

/// Writes what a firm's person did to `firm_audit`, in the caller's transaction.
pub(crate) async fn audit(
    conn: &mut AnyConnection,
    firm_id: i64,
    person_id: Option<i64>,
    action: &str,
    summary: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO firm_audit (at, firm_id, person_id, action, summary) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(now)
    .bind(firm_id)
    .bind(person_id)
    .bind(action)
    .bind(summary)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl FirmPerson {
    /// Writes what this person did to `firm_audit`, in the caller's transaction.
    pub(crate) async fn audit(
        &self,
        conn: &mut AnyConnection,
        action: &str,
        summary: &str,
        now: i64,
    ) -> sqlx::Result<()> {
        audit(
            conn,
            self.firm_id,
            Some(self.person_id),
            action,
            summary,
            now,
        )
        .await
    }
}

/// Signs a firm up: its code (a firm registered in 南通), name, and the first person with their
/// password. The answer is the same 202 after the same work (the password is hashed either
/// way) whether the firm is new — its account is created — or already has one — nothing
/// changes, and the firm's first person can add colleagues. So signing up tells nobody which
/// firms have accounts.
#[utoipa::path(post, path = paths::FIRM_SIGN_UP, tag = "firm",
    operation_id = "firm_sign_up", request_body = SignUpRequest,
    responses(
        (status = 202, description = "Received: sign in with the code, the mobile number and \
            the password (the same answer whether or not the firm already had an account)",
            body = SignUpReceived),
        (status = 400, description = "`validation_failed`: `uscc` (its `uscc.` codes, or \
            `firm.out_of_city` for a firm registered outside 南通), `firm_name`, \
            `contact_name`, `mobile`, `password`", body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`firm.sign_up_rate_limited`: too many sign-ups from this \
            address within an hour", body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until sign-ups are accepted again"))),
    ))]
pub async fn sign_up(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    body: Result<Json<SignUpRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let firm = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    state
        .firm
        .sign_ups
        .take(client, 1, now)
        .await?
        .map_err(|limited| {
            limited.refusal(code::SIGN_UP_RATE_LIMITED, |t, minutes| {
                t.firm_sign_up_rate_limited(minutes)
            })
        })?;
    let hash = hash_password_blocking(firm.password.clone()).await?;
    let mut tx = crate::db::write(&state.db).await?;
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM firms WHERE uscc = $1")
        .bind(firm.uscc.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    if existing.is_none() {
        let firm_id: i64 = sqlx::query_scalar(
            "INSERT INTO firms (uscc, name, created_at, updated_at) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(firm.uscc.as_str())
        .bind(&firm.firm_name)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let person_id: i64 = sqlx::query_scalar(
            "INSERT INTO firm_people (firm_id, name, mobile, password_hash, is_first, active, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, 1, 1, $5, $6) RETURNING id",
        )
        .bind(firm_id)
        .bind(&firm.contact_name)
        .bind(firm.mobile.as_str())
        .bind(&hash)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        audit(
            &mut tx,
            firm_id,
            Some(person_id),
            "firm.signed_up",
            "firm account created",
            now,
        )
        .await?;
        tracing::info!(firm = firm_id, "firm signed up");
    }
    tx.commit().await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(SignUpReceived {
            uscc_masked: firm.uscc.masked(),
        }),
    )
        .into_response())
}

#[derive(sqlx::FromRow)]
struct Candidate {
    id: i64,
    password_hash: String,
    #[sqlx(try_from = "crate::db::Flag")]
    active: bool,
    #[sqlx(flatten)]
    person: PersonRow,
}

/// Signs a firm's person in with the firm's code, their mobile number and their password, and
/// starts a session (the cookie) with its CSRF token.
#[utoipa::path(post, path = paths::FIRM_SESSION, tag = "firm",
    operation_id = "firm_sign_in", request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in. The cookies `__Host-portal_firm_session` and \
            `__Host-portal_firm_device` are set (`HttpOnly; SameSite=Strict; Path=/; Secure`; \
            without `Secure` and the prefix on a server told to serve plain HTTP); send \
            `csrf_token` as `X-CSRF-Token` with every change", body = FirmSession,
            headers(("Set-Cookie" = String, description = "The session cookie"))),
        (status = 400, description = "`validation_failed`: `uscc`, `mobile` (not a code or a \
            number at all), `password` empty", body = portal_domain::api::ApiErrorBody),
        (status = 401, description = "`firm.sign_in_failed`: the same answer for an unknown \
            code or number, a wrong password and a switched-off person",
            body = portal_domain::api::ApiErrorBody),
        (status = 429, description = "`firm.sign_in_rate_limited`: within 15 minutes, 5 failed \
            sign-ins of this person from this address, 20 from this address, or 50 of this \
            person from browsers they have never signed in on",
            body = portal_domain::api::ApiErrorBody,
            headers(("Retry-After" = u32, description = "Seconds until sign-ins are accepted again"))),
    ))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    headers: HeaderMap,
    body: Result<Json<SignInRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    let sign_in = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let firm_cookies = state.firm.cookies;
    let device = firm_cookies.device(&headers);
    let (candidate, known_device) = {
        let mut conn = state.db.acquire().await?;
        let candidate: Option<Candidate> = sqlx::query_as(&format!(
            "SELECT p.id, p.password_hash, p.active, {PERSON_COLUMNS} FROM firm_people p \
             JOIN firms f ON f.id = p.firm_id WHERE f.uscc = $1 AND p.mobile = $2"
        ))
        .bind(sign_in.uscc.as_str())
        .bind(sign_in.mobile.as_str())
        .fetch_optional(&mut *conn)
        .await?;
        let known_device = match (&device, &candidate) {
            (Some(token), Some(person)) => {
                cookies::is_known_device(&mut conn, &FIRM, token, person.id, now).await?
            }
            _ => false,
        };
        (candidate, known_device)
    };
    let account = format!("{} {}", sign_in.uscc, sign_in.mobile.as_str());
    let attempts = state
        .firm
        .sign_ins
        .begin(&account, client, known_device, now)
        .await?
        .map_err(|limited| {
            limited.refusal(code::SIGN_IN_RATE_LIMITED, |t, minutes| {
                t.firm_sign_in_rate_limited(minutes)
            })
        })?;
    let verified = verify_blocking(
        sign_in.password,
        // A colleague who has not set a password yet has none: checked like an unknown one.
        candidate
            .as_ref()
            .map(|c| c.password_hash.clone())
            .filter(|hash| !hash.is_empty()),
    )
    .await?;
    let person = match candidate {
        Some(person) if verified && person.active => person,
        candidate => {
            attempts.log_limits_reached(FIRM.name);
            if let Some(person) = candidate {
                let mut conn = state.db.acquire().await?;
                audit(
                    &mut conn,
                    person.person.firm_id,
                    Some(person.id),
                    "session.sign_in_failed",
                    "failed sign-in",
                    now,
                )
                .await?;
            }
            return Err(Refusal::new(
                StatusCode::UNAUTHORIZED,
                code::SIGN_IN_FAILED,
                Text::of(|t| t.firm_sign_in_failed),
            )
            .into());
        }
    };
    state.firm.sign_ins.forgive(attempts).await?;

    let mut tx = crate::db::write(&state.db).await?;
    let started = sessions::start(&mut tx, &FIRM, person.id, now).await?;
    audit(
        &mut tx,
        person.person.firm_id,
        Some(person.id),
        "session.sign_in",
        "signed in",
        now,
    )
    .await?;
    let device =
        cookies::remember_device(&mut tx, &FIRM, person.id, device.as_deref(), now).await?;
    tx.commit().await?;
    tracing::info!(person = person.id, "firm sign-in");
    let signed_in = person.person.signed_in(person.id, started.live);
    Ok((
        AppendHeaders(cookies::signed_in(
            firm_cookies,
            &started.session_id,
            &device,
        )?),
        Json(signed_in.session_view()),
    )
        .into_response())
}

/// The signed-in person and their firm, with the CSRF token (e.g. after a page reload).
#[utoipa::path(get, path = paths::FIRM_SESSION, tag = "firm",
    operation_id = "firm_whoami",
    responses(
        (status = 200, description = "The session", body = FirmSession),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn whoami(Firm(person): Firm) -> Json<FirmSession> {
    Json(person.session_view())
}

/// Signs out: ends the session and clears the cookie.
#[utoipa::path(delete, path = paths::FIRM_SESSION, tag = "firm",
    operation_id = "firm_sign_out",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses(
        (status = 204, description = "Signed out; the cookie is cleared"),
        crate::refusals::FirmWriting,
    ))]
pub async fn sign_out(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Response, ApiError> {
    let now = state.clock.now();
    let FirmPerson {
        firm_id,
        person_id,
        session_hash,
        ..
    } = person;
    let mut tx = crate::db::write(&state.db).await?;
    sessions::end(&mut tx, &FIRM, &session_hash).await?;
    audit(
        &mut tx,
        firm_id,
        Some(person_id),
        "session.sign_out",
        "signed out",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, state.firm.cookies.clear_session()?)],
    )
        .into_response())
}
