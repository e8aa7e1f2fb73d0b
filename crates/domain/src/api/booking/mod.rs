//! Consultation booking (预约咨询): book, change and cancel an in-person consultation at a venue
//! of the service network.
//!
//! The JSON shapes of
//! - `GET  /api/v1/booking/topics`                       → [`TopicList`]
//! - `GET  /api/v1/booking/venues?topic=`                → [`BookingVenueList`]
//! - `GET  /api/v1/booking/availability?venue=&topic=`   → [`Availability`]
//! - `POST /api/v1/bookings` (`Idempotency-Key` header)  [`BookingRequest`] → 201 [`BookingCreated`]
//! - `POST /api/v1/bookings/lookup`                      [`LookupRequest`] → [`BookingSummary`]
//! - `POST /api/v1/bookings/lookup/reschedule`           [`LookupRescheduleRequest`] → [`BookingSummary`]
//! - `POST /api/v1/bookings/lookup/cancel`               [`LookupRequest`] → [`BookingSummary`]
//! - `GET  /api/v1/bookings/{token}`                     → [`Booking`]
//! - `POST /api/v1/bookings/{token}/reschedule`          [`RescheduleRequest`] → [`Booking`]
//! - `POST /api/v1/bookings/{token}/cancel`              → [`Booking`]
//! - `GET  /api/v1/bookings/{token}/calendar.ics`        → `text/calendar`
//! - `POST /api/v1/bookings/check-in`                    [`CheckInRequest`] → [`CheckedIn`] (see [`check_in_window`])
//! - `POST /api/v1/bookings/{token}/check-in`            → [`CheckedIn`]
//! - `POST /api/v1/bookings/{token}/rating`              [`RatingRequest`](super::rating::RatingRequest) → 201 [`RatingView`](super::rating::RatingView) (see [`super::rating`])
//!
//! and the checks both sides run: [`BookingRequest::parse`], [`RescheduleRequest::parse`],
//! [`LookupRequest::parse`], [`LookupRescheduleRequest::parse`] and [`check_date`] report
//! `(field, BookingError)` pairs with messages in both languages, the same way as the GI search
//! parameters. The browser runs them before it sends anything; the server runs them again and
//! adds what only it knows (the venues, the seats, the clock).
//!
//! A booking can be viewed, moved and cancelled with its manage token (the secret link; the
//! answers are the full [`Booking`]) or with its reference + mobile number (the answers are the
//! masked [`BookingSummary`]). Both ways follow the same rules and refuse with the same codes;
//! an unknown reference and a wrong mobile number are the same 404.
//!
//! Times: every date and time is on the wall clock of Asia/Shanghai (UTC+8, no daylight saving
//! time); `starts_at`/`ends_at` carry the offset (`2026-09-22T09:00:00+08:00`).

mod availability;
mod check_in;
pub mod code;
mod errors;
mod limits;
mod requests;
#[cfg(test)]
mod test_fixtures;
mod venues;
mod views;

pub use availability::*;
pub use check_in::*;
pub use errors::*;
pub use limits::*;
pub use requests::*;
pub use venues::*;
pub use views::*;
