//! What fills a slot and what the booking desk changes about the slots (`crate::staff::slots`):
//! closures of a slot or a whole day, and seats added to a slot. The booking routes read them
//! here: a closed slot is not offered and cannot be booked or moved into, and a slot's seats are
//! the venue's plus those added. The checks that decide a booking run on the caller's
//! `BEGIN IMMEDIATE` transaction.
//!
//! A slot holds every confirmed booking whose time overlaps it, not only those that start with
//! it: when an administrator changes a venue's slot length or hours, the bookings already made
//! keep their times (09:30–10:00 and 10:00–10:30 under 30-minute slots both sit in a new
//! 09:30–10:30 slot), and a place they hold must not be given again.

use std::collections::{HashMap, HashSet};

use portal_domain::api::admin::MAX_SLOT_MINUTES;
use portal_domain::calendar::Date;
use sqlx::{AnyConnection, AnyExecutor, AnyPool};

/// No booking is longer than the longest slot an administrator can set, so the bookings that
/// overlap a time start less than this before it: the lower bound keeps the queries on the
/// index of (venue, start) instead of every booking the venue ever had.
const LONGEST_BOOKING_SECS: i64 = MAX_SLOT_MINUTES as i64 * 60;

/// The times (start, end; Unix seconds) of the confirmed bookings at a venue that overlap
/// `from`..`to`; [`held`] counts those in one slot.
pub async fn held_between<'e>(
    db: impl AnyExecutor<'e>,
    venue: &str,
    from: i64,
    to: i64,
) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as(
        "SELECT starts_at, ends_at FROM bookings \
         WHERE venue_id = $1 AND status = 'confirmed' AND starts_at > $2 AND starts_at < $3 \
         AND ends_at > $4",
    )
    .bind(venue)
    .bind(from - LONGEST_BOOKING_SECS)
    .bind(to)
    .bind(from)
    .fetch_all(db)
    .await
}

/// How many of `bookings` (from [`held_between`]) overlap the slot `start`..`end`.
pub fn held(bookings: &[(i64, i64)], start: i64, end: i64) -> u16 {
    let n = bookings
        .iter()
        .filter(|&&(s, e)| s < end && e > start)
        .count();
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The lowest seat of the slot `start`..`end` that no overlapping confirmed booking holds
/// (leaving out the booking `except`, which is being moved), or `None` when the bookings in it
/// fill its `seats`.
pub async fn free_seat(
    conn: &mut AnyConnection,
    venue: &str,
    (start, end): (i64, i64),
    seats: u16,
    except: Option<i64>,
) -> sqlx::Result<Option<i64>> {
    let taken: Vec<i64> = sqlx::query_scalar(
        "SELECT seat FROM bookings WHERE venue_id = $1 AND status = 'confirmed' \
         AND starts_at > $2 AND starts_at < $3 AND ends_at > $4 AND id IS DISTINCT FROM $5",
    )
    .bind(venue)
    .bind(start - LONGEST_BOOKING_SECS)
    .bind(end)
    .bind(start)
    .bind(except)
    .fetch_all(&mut *conn)
    .await?;
    if taken.len() >= usize::from(seats) {
        return Ok(None);
    }
    // Fewer bookings than seats: one of the seat numbers is free. Those overlapping include
    // every booking starting at `start`, so the seat is unique there too (the unique index).
    Ok((1..=i64::from(seats)).find(|seat| !taken.contains(seat)))
}

/// The open (not reopened) closures of a venue between two dates, inclusive: (date, start
/// time), `None` for a whole day.
pub async fn closed_between(
    db: &AnyPool,
    venue: &str,
    first: Date,
    last: Date,
) -> sqlx::Result<HashSet<(String, Option<String>)>> {
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT date, start_time FROM booking_closures \
         WHERE venue_id = $1 AND date BETWEEN $2 AND $3 AND reopened_at IS NULL",
    )
    .bind(venue)
    .bind(first.to_string())
    .bind(last.to_string())
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}

/// Whether `closed` (from [`closed_between`]) closes the slot at `time` on `date`.
pub fn is_closed(closed: &HashSet<(String, Option<String>)>, date: &str, time: &str) -> bool {
    closed.contains(&(date.to_owned(), None))
        || closed.contains(&(date.to_owned(), Some(time.to_owned())))
}

/// The open closure covering the slot at `time` on `date` (the whole day's first), if any.
pub async fn closure_of(
    conn: &mut AnyConnection,
    venue: &str,
    date: Date,
    time: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM booking_closures WHERE venue_id = $1 AND date = $2 \
         AND (start_time IS NULL OR start_time = $3) AND reopened_at IS NULL \
         ORDER BY start_time IS NOT NULL, id LIMIT 1",
    )
    .bind(venue)
    .bind(date.to_string())
    .bind(time)
    .fetch_optional(&mut *conn)
    .await
}

/// Seats added per slot start (Unix seconds) at a venue between two instants.
pub async fn extra_between(
    db: &AnyPool,
    venue: &str,
    from: i64,
    to: i64,
) -> sqlx::Result<HashMap<i64, u16>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT starts_at, extra FROM booking_extra_seats \
         WHERE venue_id = $1 AND starts_at BETWEEN $2 AND $3",
    )
    .bind(venue)
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(start, extra)| (start, extra.clamp(0, 49) as u16))
        .collect())
}

/// The seats of one slot: the venue's `seats_per_slot` plus those added to it.
pub async fn seats_of(
    conn: &mut AnyConnection,
    venue: &str,
    starts_at: i64,
    seats_per_slot: u16,
) -> sqlx::Result<u16> {
    let extra: Option<i64> = sqlx::query_scalar(
        "SELECT extra FROM booking_extra_seats WHERE venue_id = $1 AND starts_at = $2",
    )
    .bind(venue)
    .bind(starts_at)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(seats_per_slot.saturating_add(extra.unwrap_or(0).clamp(0, 49) as u16))
}

#[cfg(test)]
mod tests {
    use super::held;

    #[test]
    fn a_slot_holds_the_bookings_that_overlap_it() {
        // Bookings made under 30-minute slots: 09:30-10:00, 10:00-10:30, 10:30-11:00 (minutes).
        let bookings = [(570, 600), (600, 630), (630, 660)];
        // A new 60-minute slot 09:30-10:30 holds the first two, not the one that starts as it
        // ends.
        assert_eq!(held(&bookings, 570, 630), 2);
        // A 30-minute slot holds its own; a slot before them none.
        assert_eq!(held(&bookings, 600, 630), 1);
        assert_eq!(held(&bookings, 540, 570), 0);
        // An old hour-long booking sits in both new half-hour slots.
        assert_eq!(held(&[(540, 600)], 540, 570), 1);
        assert_eq!(held(&[(540, 600)], 570, 600), 1);
    }
}
