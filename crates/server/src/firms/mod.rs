//! The firm accounts of the enterprise fast track (`/api/v1/firm/...`, issue #14 part 1): a
//! firm registered in 南通 signs up, and its people sign in and out. The JSON shapes and the
//! route list are in `portal_domain::api::firm`.
//!
//! The firm realm has its own cookies, sessions and limits (`crate::sign_in::FIRM`), made of the
//! same pieces as the staff realm's: a staff session opens no firm route and a firm's session
//! no staff route. Routes other than signing up and signing in are behind [`guard`]: 401
//! `firm.unauthenticated` without a live session of an active person, 403 `firm.csrf` for a
//! change without the session's `X-CSRF-Token`.
//!
//! Signing up never tells whether the code already has an account (see [`accounts::sign_up`]);
//! sign-ups are limited per client address ([`MAX_SIGN_UPS_PER_CLIENT`]), failed sign-ins as
//! staff logins are (`crate::sign_in::limits`). Every sign-in, failed sign-in of a known
//! person, and sign-out is written to `firm_audit`; logs name firms and people by row id only.

pub(crate) mod accounts;
pub(crate) mod file_table;
pub(crate) mod links;
pub(crate) mod people;
mod person;
pub(crate) mod pre_exam;
pub(crate) mod registration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use portal_domain::api::firm::{code, MAX_SIGN_UPS_PER_CLIENT, SIGN_UP_WINDOW_SECS};
use portal_domain::paths::{self, below_v1};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::{ApiError, Refusal, Text};
use crate::limit::{ClientBudget, Counts};
use crate::sign_in::cookies::Cookies;
use crate::sign_in::limits::SignInLimits;
use crate::sign_in::{sessions, FIRM};
use crate::AppState;
pub use person::{Firm, FirmPerson};

/// What the firm routes keep besides the database.
#[derive(Debug)]
pub struct FirmState {
    pub sign_ins: SignInLimits,
    /// Sign-ups per client address, whatever their outcome.
    pub sign_ups: ClientBudget,
    pub cookies: Cookies,
}

impl FirmState {
    pub fn new(secure_cookies: bool, counts: &Counts) -> FirmState {
        FirmState {
            sign_ins: SignInLimits::new(counts, FIRM.name),
            sign_ups: ClientBudget::new(
                counts.clone(),
                "firm_sign_ups",
                MAX_SIGN_UPS_PER_CLIENT as u64,
                SIGN_UP_WINDOW_SECS,
            ),
            cookies: Cookies::new(secure_cookies, &FIRM),
        }
    }
}

/// Bodies are a few short fields.
const MAX_BODY_BYTES: usize = 16 * 1024;

pub fn router(state: AppState) -> Router<AppState> {
    let signed_in = Router::new()
        .route(
            below_v1(paths::FIRM_SESSION),
            axum::routing::get(accounts::whoami).delete(accounts::sign_out),
        )
        .route(
            below_v1(paths::FIRM_PEOPLE),
            axum::routing::get(people::list).post(people::add),
        )
        .route(
            below_v1(paths::FIRM_REGISTRATION),
            axum::routing::get(registration::show).put(registration::save),
        )
        .route(
            below_v1(paths::FIRM_REGISTRATION_SUBMIT),
            post(registration::submit),
        )
        .route(
            below_v1(paths::FIRM_REGISTRATION_ROUNDS),
            post(registration::rounds::start_round),
        )
        .route(
            below_v1(paths::FIRM_DASHBOARD),
            axum::routing::get(registration::rounds::dashboard),
        )
        .route(
            below_v1(paths::FIRM_REGISTRATION_FILES),
            post(registration::files::upload),
        )
        .route(
            below_v1(paths::FIRM_REGISTRATION_FILE),
            axum::routing::get(registration::files::download).delete(registration::files::delete),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAMS),
            axum::routing::get(pre_exam::list).post(pre_exam::create),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAM),
            axum::routing::get(pre_exam::show).put(pre_exam::save),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAM_NUMBERS),
            get(pre_exam::numbers),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAM_QUOTA_REQUEST),
            get(pre_exam::quota_requests::show).post(pre_exam::quota_requests::ask),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAM_SUBMIT),
            post(pre_exam::submit),
        )
        .route(below_v1(paths::FIRM_PRE_EXAM_REPLY), post(pre_exam::reply))
        .route(
            below_v1(paths::FIRM_PRE_EXAM_FILING),
            post(pre_exam::filing),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAM_FILES),
            post(pre_exam::files::upload),
        )
        .route(
            below_v1(paths::FIRM_PRE_EXAM_FILE),
            axum::routing::get(pre_exam::files::download).delete(pre_exam::files::delete),
        )
        .route_layer(middleware::from_fn_with_state(state, guard));
    Router::new()
        .route(below_v1(paths::FIRM_SIGN_UP), post(accounts::sign_up))
        .route(below_v1(paths::FIRM_SESSION), post(accounts::sign_in))
        .route(below_v1(paths::FIRM_PASSWORD), post(links::set_password))
        .merge(signed_in)
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Session answers: never cached.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

/// 401 without a live session of an active person, then 403 for a change without the CSRF
/// token; else the handler gets the person ([`Firm`]).
async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    // Read before the await: a request's body is not `Sync`, so no borrow of it may be held
    // across one.
    let token = state.firm.cookies.session(request.headers());
    let method = request.method().clone();
    let headers = request.headers().clone();
    let person = async {
        let token = token.ok_or_else(person::unauthenticated)?;
        let person = person::load(&state, &token)
            .await?
            .ok_or_else(person::unauthenticated)?;
        if !sessions::csrf_ok(&method, &headers, &person.csrf_token) {
            return Err(ApiError::from(Refusal::new(
                StatusCode::FORBIDDEN,
                code::CSRF,
                Text::of(|t| t.request_did_carry_valid_security),
            )));
        }
        Ok::<_, ApiError>(person)
    }
    .await;
    match person {
        Ok(person) => {
            request.extensions_mut().insert(person);
            next.run(request).await
        }
        Err(e) => e.into_response(),
    }
}
