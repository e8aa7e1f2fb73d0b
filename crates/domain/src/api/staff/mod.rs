//! The staff workbench (issue #7): accounts with roles, sessions, the case queue of
//! rights-assistance requests, the booking desk, the overview and the audit log.
//!
//! Routes (all under `/api/v1/staff`; the server's route table,
//! `portal_server::staff::route_table()`, is the authority and a test checks every entry):
//!
//! | method and path | who | body → answer |
//! | --- | --- | --- |
//! | `POST /session` | anyone | [`LoginRequest`] → [`StaffSession`] + cookie |
//! | `GET /session` | any staff | → [`StaffSession`] |
//! | `DELETE /session` | any staff | → 204, cookie cleared |
//! | `GET /accounts` | administrator | → [`AccountList`] |
//! | `POST /accounts` | administrator | [`NewAccount`] → 201 [`StaffAccount`] |
//! | `PATCH /accounts/{username}` | administrator | [`AccountUpdate`] → [`StaffAccount`] |
//! | `GET /audit?page=&per_page=` | administrator | → [`AuditPage`] |
//! | `GET /cases?status=&assignee=&overdue=&page=&per_page=` | case_handler | → [`CaseList`] |
//! | `GET /cases/{id}` | case_handler | → [`CaseDetail`] |
//! | `GET /cases/{id}/files/{file_id}` | case_handler | → the file |
//! | `POST /cases/{id}/assign` | case_handler | [`AssignRequest`] → [`CaseDetail`] |
//! | `POST /cases/{id}/transition` | case_handler | [`TransitionRequest`] → [`CaseDetail`] |
//! | `POST /cases/{id}/messages` | case_handler | [`MessageRequest`] → 201 [`CaseDetail`] |
//! | `POST /cases/{id}/notes` | case_handler | [`NoteRequest`] → 201 [`CaseDetail`] |
//! | `GET /bookings?venue=&date=` | reception | → [`DeskBookingList`] |
//! | `POST /bookings/{id}/check-in` | reception | → [`DeskBooking`] |
//! | `POST /bookings/{id}/no-show` | reception | → [`DeskBooking`] |
//! | `GET /overview` | administrator, case_handler | → [`Overview`] |
//! | `GET /ratings?follow_up=open\|answered\|all&page=&per_page=` | any staff (administrator, case_handler, reception) | → [`FollowUpList`](super::rating::FollowUpList) |
//! | `POST /ratings/{id}/reply` | any staff (administrator, case_handler, reception) | [`RatingReplyRequest`](super::rating::RatingReplyRequest) → [`FollowUpItem`](super::rating::FollowUpItem) |
//! | `GET, POST /admin/notices`, `PUT, DELETE /admin/notices/{id}` | administrator | see [`super::notices`] |
//! | `GET /slots?venue=&date=`, `POST /slots/seats`, `POST /closures`, `DELETE /closures/{id}` | reception, administrator | see [`super::desk`] |
//! | `GET /admin/venues` | administrator | → [`AdminVenueList`](super::admin::AdminVenueList) |
//! | `PUT /admin/venues/{id}/booking` | administrator | [`VenueBookingUpdate`](super::admin::VenueBookingUpdate) → [`AdminVenue`](super::admin::AdminVenue) |
//! | `GET /admin/holidays` | administrator | → [`HolidayYearList`](super::admin::HolidayYearList) |
//! | `PUT /admin/holidays/{year}` | administrator | [`HolidayYearRequest`](super::admin::HolidayYearRequest) → [`HolidayYear`](super::admin::HolidayYear) |
//!
//! The administrator's venue settings and holiday calendar are described in [`super::admin`].
//!
//! Sessions. Logging in sets the cookie `__Host-portal_staff_session` (`HttpOnly;
//! SameSite=Strict; Path=/; Secure`; `portal_staff_session` without `Secure` only when the
//! server is told to serve plain HTTP) and answers with a
//! `csrf_token`. Every request that changes something (any method but GET and HEAD) must send
//! that token in the `X-CSRF-Token` header, else 403 [`code::CSRF`]. A session ends after
//! 30 minutes without a request ([`SESSION_IDLE_SECS`]) or 12 hours after login
//! ([`SESSION_ABSOLUTE_SECS`]), whichever comes first; then every route answers 401
//! [`code::UNAUTHENTICATED`].
//!
//! Errors: 401 [`code::UNAUTHENTICATED`] without a live session, 403 [`code::FORBIDDEN`] with a
//! session whose account lacks the route's role, 403 [`code::CSRF`], and each route's own codes
//! in [`code`].

/// The `code` of error answers of the staff routes.
pub mod code {
    /// 401: no session cookie, an unknown one, or a session that has expired or was ended.
    pub const UNAUTHENTICATED: &str = "staff.unauthenticated";
    /// 403: the account does not have the role this route needs.
    pub const FORBIDDEN: &str = "staff.forbidden";
    /// 403: a request that changes something came without `X-CSRF-Token`, or with another
    /// token than the session's.
    pub const CSRF: &str = "staff.csrf";
    /// 401: wrong username or password (the same answer for both, and for a disabled account).
    pub const LOGIN_FAILED: &str = "staff.login_failed";
    /// 429: too many failed logins of this username or from this address; `Retry-After` says
    /// for how long logins are refused.
    pub const LOGIN_RATE_LIMITED: &str = "staff.login_rate_limited";
    /// 400: a change that must carry an `Idempotency-Key` (sending a message or a note, adding
    /// seats) came without one.
    pub const IDEMPOTENCY_KEY_MISSING: &str = "staff.idempotency_key_missing";
    /// 400: the key is not 1 to 128 printable ASCII characters.
    pub const IDEMPOTENCY_KEY_INVALID: &str = "staff.idempotency_key_invalid";
    /// 422: the key was used by this account for another change.
    pub const IDEMPOTENCY_KEY_REUSED: &str = "staff.idempotency_key_reused";
    /// 409: the first request with this key is still being carried out.
    pub const REQUEST_IN_PROGRESS: &str = "staff.request_in_progress";
    /// 409: the case cannot go from its status to the one asked for; `details.allowed` lists
    /// where it can go.
    pub const ILLEGAL_TRANSITION: &str = "staff.illegal_transition";
    /// 409: more material cannot be requested on a closed case.
    pub const CASE_CLOSED: &str = "staff.case_closed";
    /// 409: a booking that was cancelled cannot be checked in or marked as not attended.
    pub const BOOKING_CANCELLED: &str = "staff.booking_cancelled";
    /// 409: check-in is open from 2 hours before the start until the end of that day.
    pub const CHECK_IN_NOT_OPEN: &str = "staff.check_in_not_open";
    /// 409: a booking can be marked as not attended only once its slot has ended, on that day
    /// or later.
    pub const NO_SHOW_TOO_EARLY: &str = "staff.no_show_too_early";
    /// 409: the booking's attendance was already recorded the other way.
    pub const ATTENDANCE_RECORDED: &str = "staff.attendance_recorded";
    /// 409: the username is taken.
    pub const USERNAME_TAKEN: &str = "staff.username_taken";
    /// 409: the change would leave no active administrator.
    pub const LAST_ADMINISTRATOR: &str = "staff.last_administrator";
    /// 403: the account's password was set by an administrator (a new account, or a reset)
    /// and must be changed by its holder first (`PUT /api/v1/staff/session/password`); only
    /// the session routes answer until then.
    pub const PASSWORD_CHANGE_REQUIRED: &str = "staff.password_change_required";
}

mod accounts;
mod cases;
mod desk_bookings;
mod errors;
mod limits;
mod overview;

pub use accounts::*;
pub use cases::*;
pub use desk_bookings::*;
pub use errors::*;
pub use limits::*;
pub use overview::*;
