//! Consultation booking (预约咨询): what can be booked where, the free slots, and booking,
//! rescheduling and cancelling without ever double-booking. The JSON shapes and the shared
//! checks are in `portal_domain::api::booking`, whose module documentation lists the routes.
//!
//! Double booking: every write that takes a seat runs in one transaction started with
//! `BEGIN IMMEDIATE`, which takes SQLite's write lock at the start. A DEFERRED transaction would
//! read the seats under a shared lock and only try to upgrade at its first write; two of them
//! doing that at once deadlock and one gets "database is locked" at once, without waiting for
//! the busy timeout. With IMMEDIATE, writers queue on the lock (busy_timeout, 5 s), and each
//! sees the seats as the previous one left them. The partial unique index on
//! (venue, start, seat) in the schema is the database's own backstop.
//!
//! Personal data: names, mobile numbers and USCCs go into the database and back to the holder
//! of the manage token (mobile and USCC masked even then), never into logs: the log lines here
//! name bookings by their row id only.
//!
//! Guessing mobile numbers: a reference is printed on slips and is not a secret, so the lookups
//! by reference + mobile number (`/bookings/lookup`, `/lookup/reschedule`, `/lookup/cancel`,
//! and the kiosk's `/bookings/check-in` by reference + the mobile's last four digits, which
//! share one count) are limited by `crate::limit::LookupLimiter`, counted in the database so
//! that every server process shares the count and a restart keeps it. After 5 failed
//! lookups (404s) of one reference within an hour, or 30 from one client address (an IPv6
//! address by its /64), every lookup of that reference, or from that address, answers 429
//! `booking.lookup_rate_limited` with `Retry-After`, even with the right number, until the
//! oldest of those failures is an hour old. The answer is the same whether the reference
//! exists or not; it is given before the booking is looked for, so a refused lookup costs only the count's
//! check;
//! a lookup that finds the booking does not count. The time is the server's `Clock`. The
//! manage-token routes are not limited: 256 random bits cannot be guessed. The client address
//! is the TCP peer's, or behind a trusted reverse proxy the one it forwards (`crate::client_ip`,
//! `PORTAL_TRUSTED_PROXIES`). Only the fact that a limit was
//! reached is logged (which rule), never the reference, the number or the address.

use portal_domain::paths::{self, below_v1};
pub(crate) mod attendance;
pub(crate) mod capacity;
pub(crate) mod catalog;
pub(crate) mod changes;
pub(crate) mod check_in;
pub(crate) mod create;
mod ics;
pub(crate) mod manage;
pub(crate) mod per_address;
mod seed;
pub(crate) mod store;

pub use seed::seed_if_empty;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use catalog::{availability, topics, venues};
use changes::{cancel, lookup_cancel, lookup_reschedule, reschedule};
use check_in::{check_in, check_in_by_token};
use create::create;
use manage::{calendar, erase, lookup, manage, rate_booking};

/// Booking bodies are a few kilobytes at most (500 characters of description); anything far
/// larger is refused before it is read.
const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn router() -> Router<AppState> {
    let catalog = Router::new()
        .route(below_v1(paths::BOOKING_TOPICS), get(topics))
        .route(below_v1(paths::BOOKING_VENUES), get(venues))
        .route(below_v1(paths::BOOKING_AVAILABILITY), get(availability));
    let bookings = Router::new()
        .route(below_v1(paths::BOOKINGS), post(create))
        .route(below_v1(paths::BOOKING_LOOKUP), post(lookup))
        // Static segments win over `{token}`: these never reach the token routes.
        .route(
            below_v1(paths::BOOKING_LOOKUP_RESCHEDULE),
            post(lookup_reschedule),
        )
        .route(below_v1(paths::BOOKING_LOOKUP_CANCEL), post(lookup_cancel))
        .route(below_v1(paths::BOOKING_CHECK_IN), post(check_in))
        .route(
            below_v1(paths::BOOKING_TOKEN_CHECK_IN),
            post(check_in_by_token),
        )
        .route(below_v1(paths::BOOKING), get(manage))
        .route(below_v1(paths::BOOKING_RESCHEDULE), post(reschedule))
        .route(below_v1(paths::BOOKING_CANCEL), post(cancel))
        .route(below_v1(paths::BOOKING_CALENDAR), get(calendar))
        .route(below_v1(paths::BOOKING_RATING), post(rate_booking))
        .route(below_v1(paths::BOOKING_ERASE), post(erase))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Answers about one person's booking must not stay in a shared or browser cache.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    catalog.merge(bookings)
}
