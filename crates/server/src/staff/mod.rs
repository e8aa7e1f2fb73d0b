//! The staff workbench API (`/api/v1/staff/...`, issue #7): accounts with roles, sessions, the
//! case queue of rights-assistance requests, the booking desk, the overview and the audit log.
//! The JSON shapes, the role list and the transition table are in
//! `portal_domain::api::staff`, whose module documentation lists the routes.
//!
//! Access control is decided in one place: [`table`]. Every staff route is added there with the
//! access it needs ([`Access`]), and [`router`] wraps each one in the guard ([`guard`]) that
//! answers before the handler runs:
//! 1. 401 `staff.unauthenticated` without a live session (no cookie, an unknown one, idle for
//!    30 minutes, or 12 hours after login);
//! 2. 403 `staff.csrf` when a request that changes something (any method but GET and HEAD) does
//!    not carry the session's token in `X-CSRF-Token` (synchronizer token; compared in constant
//!    time);
//! 3. 403 `staff.forbidden` when the account has none of the route's roles.
//!
//! The guard then hands the handler the signed-in member of staff ([`user::Staff`]). Roles are read
//! from the database on every request, so taking a role away takes effect at once. There is no
//! other way to add a staff route than the table, and the API tests walk [`route_table`] to
//! prove 401 and 403 on every entry, and compare it with the OpenAPI document.
//!
//! Logging in (`POST /staff/session`) is the one public route. It is not CSRF-protected (there
//! is no session yet); `SameSite=Strict` keeps other sites from logging a browser in.
//!
//! Audit: every change (login and logout included) writes a `staff_audit` row in the same
//! transaction as the change itself, with a summary that holds statuses, roles and ids, never
//! personal data. Logs name accounts, requests and bookings by their row ids only.

use portal_domain::paths::{self, below_v1};
pub(crate) mod accounts;
pub(crate) mod admin;
pub(crate) mod audit;
pub(crate) mod auth;
pub(crate) mod cases;
pub(crate) mod clusters;
pub(crate) mod desk;
pub(crate) mod firms;
pub(crate) mod notices;
pub(crate) mod overview;
pub(crate) mod paging;
pub(crate) mod password;
pub(crate) mod pre_exams;
pub(crate) mod ratings;
pub(crate) mod registrations;
pub(crate) mod replay;
pub(crate) mod retention;
pub(crate) mod site;
pub(crate) mod slots;
pub(crate) mod user;

use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{on, MethodFilter, MethodRouter};
use axum::Router;
use portal_domain::api::staff::{code, Role};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::{ApiError, Refusal, Text};
use crate::sign_in::sessions;
use crate::AppState;
use user::{unauthenticated, StaffUser};

pub use auth::{ensure_first_admin, StaffState};

/// Who may call a staff route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (logging in).
    Public,
    /// Any signed-in member of staff, whatever their roles.
    AnyStaff,
    /// A signed-in member of staff with at least one of these roles.
    Roles(&'static [Role]),
}

/// One entry of the staff route table.
#[derive(Debug, Clone)]
pub struct StaffRoute {
    pub method: Method,
    /// The path template below `/api/v1`, e.g. `/staff/cases/{id}`.
    pub path: &'static str,
    pub access: Access,
}

impl StaffRoute {
    /// `/api/v1` + the path template: the path as `portal_domain::paths` writes it.
    pub fn full_path(&self) -> String {
        format!("{}{}", paths::V1, self.path)
    }
}

#[derive(Default)]
struct Table {
    routes: Vec<(StaffRoute, MethodRouter<AppState>)>,
}

impl Table {
    fn add<H, T>(&mut self, method: Method, path: &'static str, access: Access, handler: H)
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone()).expect("a method axum can route");
        self.routes.push((
            StaffRoute {
                method,
                path,
                access,
            },
            on(filter, handler),
        ));
    }
}

const CASES: Access = Access::Roles(&[Role::CaseHandler]);
const DESK: Access = Access::Roles(&[Role::Reception]);
const ADMIN: Access = Access::Roles(&[Role::Administrator]);
/// The fast track's registrations: pre-examination officers.
const PRE_EXAM: Access = Access::Roles(&[Role::PreExamOfficer]);
const OVERVIEW: Access = Access::Roles(&[Role::Administrator, Role::CaseHandler]);
/// Closing slots and adding seats: the desk, and administrators.
const SLOTS: Access = Access::Roles(&[Role::Reception, Role::Administrator]);

/// Every staff route with its access: the only place staff routes are added.
fn table() -> Table {
    let mut t = Table::default();
    t.add(
        Method::POST,
        below_v1(paths::STAFF_SESSION),
        Access::Public,
        auth::login,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_SESSION),
        Access::AnyStaff,
        auth::whoami,
    );
    t.add(
        Method::DELETE,
        below_v1(paths::STAFF_SESSION),
        Access::AnyStaff,
        auth::logout,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_PASSWORD),
        Access::AnyStaff,
        password::change_password,
    );

    t.add(
        Method::GET,
        below_v1(paths::STAFF_ACCOUNTS),
        ADMIN,
        accounts::list_accounts,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_ACCOUNTS),
        ADMIN,
        accounts::create_account,
    );
    // The fast track's firms: forgotten passwords (a pre-examination officer role comes with
    // the registration review).
    t.add(
        Method::GET,
        below_v1(paths::STAFF_FIRMS),
        ADMIN,
        firms::find,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_FIRM_PASSWORD_LINK),
        ADMIN,
        firms::password_link,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_FAST_TRACK_SETTINGS),
        ADMIN,
        registrations::settings,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_FAST_TRACK_SETTINGS),
        ADMIN,
        registrations::update_settings,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_REGISTRATIONS),
        PRE_EXAM,
        registrations::list,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_REGISTRATION),
        PRE_EXAM,
        registrations::show,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_REGISTRATION_FILE),
        PRE_EXAM,
        registrations::registration_file,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_REGISTRATION_ACTIONS),
        PRE_EXAM,
        registrations::act,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_PRE_EXAMS),
        PRE_EXAM,
        pre_exams::list,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_PRE_EXAM),
        PRE_EXAM,
        pre_exams::show,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_PRE_EXAM_FILE),
        PRE_EXAM,
        pre_exams::pre_exam_file,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_PRE_EXAM_ACTIONS),
        PRE_EXAM,
        pre_exams::act,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_PRE_EXAM_SETTINGS),
        ADMIN,
        pre_exams::settings,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_PRE_EXAM_SETTINGS),
        ADMIN,
        pre_exams::update_settings,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_FIRM_PRE_EXAM_QUOTA),
        ADMIN,
        pre_exams::quota,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_FIRM_PRE_EXAM_QUOTA),
        ADMIN,
        pre_exams::update_quota,
    );
    t.add(
        Method::PATCH,
        below_v1(paths::STAFF_ACCOUNT),
        ADMIN,
        accounts::update_account,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_AUDIT),
        ADMIN,
        overview::audit_log,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_NOTICES),
        ADMIN,
        notices::list,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_NOTICES),
        ADMIN,
        notices::create,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_NOTICE),
        ADMIN,
        notices::update,
    );
    t.add(
        Method::DELETE,
        below_v1(paths::STAFF_NOTICE),
        ADMIN,
        notices::withdraw,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_VENUES),
        ADMIN,
        admin::list_venues,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_VENUE_BOOKING),
        ADMIN,
        admin::update_venue_booking,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_VENUE_CONTACTS),
        ADMIN,
        site::venue_contacts,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_VENUE_CONTACT),
        ADMIN,
        site::update_venue_contacts,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_SITE),
        ADMIN,
        site::show_footer,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_SITE),
        ADMIN,
        site::update_footer,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_HOLIDAYS),
        ADMIN,
        admin::list_holidays,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_HOLIDAY_YEAR),
        ADMIN,
        admin::publish_holiday_year,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_RETENTION),
        ADMIN,
        retention::show,
    );
    t.add(
        Method::PUT,
        below_v1(paths::STAFF_RETENTION),
        ADMIN,
        retention::update,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_RETENTION_RUN),
        ADMIN,
        retention::run,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_OVERVIEW),
        OVERVIEW,
        overview::overview,
    );

    t.add(
        Method::GET,
        below_v1(paths::STAFF_CASES),
        CASES,
        cases::list_cases,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_HANDLERS),
        CASES,
        cases::handlers,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_CASE),
        CASES,
        cases::get_case,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_CASE_FILE),
        CASES,
        cases::case_file,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_CASE_ASSIGN),
        CASES,
        cases::assign,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_CASE_TRANSITION),
        CASES,
        cases::transition,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_CASE_MESSAGES),
        CASES,
        cases::send_message,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_CASE_NOTES),
        CASES,
        cases::add_note,
    );

    // The follow-up of bad ratings is every role's: administrator, case_handler and reception.
    t.add(
        Method::GET,
        below_v1(paths::STAFF_RATINGS),
        Access::AnyStaff,
        ratings::list_ratings,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_RATING_REPLY),
        Access::AnyStaff,
        ratings::reply,
    );

    t.add(
        Method::GET,
        below_v1(paths::STAFF_BOOKINGS),
        DESK,
        desk::list_bookings,
    );
    t.add(
        Method::GET,
        below_v1(paths::STAFF_BOOKING_CLUSTERS),
        DESK,
        clusters::list_clusters,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_BOOKINGS_BULK_CANCEL),
        DESK,
        clusters::bulk_cancel,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_BOOKING_CHECK_IN),
        DESK,
        desk::check_in,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_BOOKING_NO_SHOW),
        DESK,
        desk::no_show,
    );

    t.add(
        Method::GET,
        below_v1(paths::STAFF_SLOTS),
        SLOTS,
        slots::list_slots,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_SLOT_SEATS),
        SLOTS,
        slots::add_seats,
    );
    t.add(
        Method::POST,
        below_v1(paths::STAFF_CLOSURES),
        SLOTS,
        slots::close,
    );
    t.add(
        Method::DELETE,
        below_v1(paths::STAFF_CLOSURE),
        SLOTS,
        slots::reopen,
    );
    t
}

/// The staff route table: every route, its method and who may call it.
pub fn route_table() -> Vec<StaffRoute> {
    table().routes.into_iter().map(|(route, _)| route).collect()
}

/// JSON bodies of staff routes are small (a message is at most 2000 characters).
const MAX_BODY_BYTES: usize = 64 * 1024;

/// The staff routes, each behind its guard.
pub fn router(state: AppState) -> Router<AppState> {
    let mut router = Router::new();
    for (route, method_router) in table().routes {
        let method_router = match route.access {
            Access::Public => method_router,
            // The guard runs first (the outer layer), then a retried change gets its first
            // answer (`replay`).
            access => method_router
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    replay::replay,
                ))
                .layer(middleware::from_fn_with_state(
                    Guard {
                        state: state.clone(),
                        access,
                        path: route.path,
                    },
                    guard,
                )),
        };
        router = router.route(route.path, method_router);
    }
    router
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Personal data and session answers: never cached.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
}

// ---------------------------------------------------------------------------------------------
// The guard
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
struct Guard {
    state: AppState,
    access: Access,
    /// The route's path template (below `/api/v1`).
    path: &'static str,
}

/// The routes an account whose password an administrator set may use: who it is, signing out
/// and choosing its own password.
fn open_before_password_change(path: &str) -> bool {
    path == below_v1(paths::STAFF_SESSION) || path == below_v1(paths::STAFF_PASSWORD)
}

async fn guard(State(guard): State<Guard>, mut request: Request, next: Next) -> Response {
    match authorise(&guard, request.method(), request.headers()).await {
        Ok(user) => {
            request.extensions_mut().insert(user);
            next.run(request).await
        }
        Err(e) => e.into_response(),
    }
}

/// 401, then CSRF, then the role, as the module documentation says.
async fn authorise(
    guard: &Guard,
    method: &Method,
    headers: &HeaderMap,
) -> Result<StaffUser, ApiError> {
    let token = guard
        .state
        .staff
        .cookies
        .session(headers)
        .ok_or_else(unauthenticated)?;
    let user = auth::load_session(&guard.state, &token)
        .await?
        .ok_or_else(unauthenticated)?;
    if !sessions::csrf_ok(method, headers, &user.csrf_token) {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            code::CSRF,
            Text::of(|t| t.request_did_carry_valid_security),
        )
        .into());
    }
    let allowed = match guard.access {
        Access::Public | Access::AnyStaff => true,
        Access::Roles(roles) => roles.iter().any(|r| user.has(*r)),
    };
    if !allowed {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            code::FORBIDDEN,
            Text::of(|t| t.your_account_allowed_use_ask),
        )
        .into());
    }
    if user.must_change_password && !open_before_password_change(guard.path) {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            code::PASSWORD_CHANGE_REQUIRED,
            Text::of(|t| t.choose_your_own_password_first),
        )
        .into());
    }
    Ok(user)
}
