//! What administrators maintain (issue #7): the booking settings of each venue and the official
//! holiday calendar. The routes are in the staff route table (see [`super::staff`]):
//!
//! | method and path (under `/api/v1/staff`) | who | body → answer |
//! | --- | --- | --- |
//! | `GET /admin/venues` | administrator | → [`AdminVenueList`] |
//! | `PUT /admin/venues/{id}/booking` | administrator | [`VenueBookingUpdate`] → [`AdminVenue`] |
//! | `GET /admin/holidays` | administrator | → [`HolidayYearList`] |
//! | `PUT /admin/holidays/{year}` | administrator | [`HolidayYearRequest`] → [`HolidayYear`] |
//!
//! Venue settings. Saving replaces the slot length, seats per slot, opening hours and topics
//! (and the status when it is given) and marks them confirmed (`defaults_confirmed`), so the
//! citizen pages stop calling them defaults. Bookings already made keep their times and seats;
//! new availability answers use the new settings at once.
//!
//! Holiday calendar. The State Council General Office publishes each year's public holidays and
//! adjusted working days (调休) around November; an administrator types them in from that notice
//! (never guessed). A year is checked by the same code as `data/seed/cn_public_holidays.json`
//! ([`HolidayCalendar::from_file`](crate::calendar::HolidayCalendar::from_file)). Only the current year and later ones can be published or
//! corrected (409 [`code::YEAR_PAST`]); a year of the seed file may be corrected, and the
//! database's version wins. The server uses a published year at once for booking windows and
//! working-day deadlines.
//!
//! Field names of per-row messages: `opening_hours.{i}.opens`, `opening_hours.{i}.closes`,
//! `holidays.{i}.name`, `holidays.{i}.from`, `holidays.{i}.to`, `working_days.{i}` (from 0).

/// The `code` of refusals that are not about one field.
pub mod code {
    /// 409: a year before the current one cannot be published or changed.
    pub const YEAR_PAST: &str = "admin.year_past";
}

mod contacts;
mod errors;
mod holidays;
mod limits;
mod phone;
mod retention;
#[cfg(test)]
mod test_fixtures;
mod venue_settings;

pub use contacts::*;
pub use errors::*;
pub use holidays::*;
pub use limits::*;
pub use phone::*;
pub use retention::*;
pub use venue_settings::*;
