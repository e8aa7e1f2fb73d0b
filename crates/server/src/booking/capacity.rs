//! What the booking desk changes about the slots (`crate::staff::slots`): closures of a slot or a
//! whole day, and seats added to a slot. The booking routes read them here: a closed slot is not
//! offered and cannot be booked or moved into, and a slot's seats are the venue's plus those
//! added. The checks that decide a booking run on the caller's `BEGIN IMMEDIATE` transaction.

use std::collections::{HashMap, HashSet};

use portal_domain::calendar::Date;
use sqlx::{SqliteConnection, SqlitePool};

/// The open (not reopened) closures of a venue between two dates, inclusive: (date, start
/// time), `None` for a whole day.
pub async fn closed_between(
    db: &SqlitePool,
    venue: &str,
    first: Date,
    last: Date,
) -> sqlx::Result<HashSet<(String, Option<String>)>> {
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "SELECT date, start_time FROM booking_closures \
         WHERE venue_id = ? AND date BETWEEN ? AND ? AND reopened_at IS NULL",
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
    conn: &mut SqliteConnection,
    venue: &str,
    date: Date,
    time: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM booking_closures WHERE venue_id = ? AND date = ? \
         AND (start_time IS NULL OR start_time = ?) AND reopened_at IS NULL \
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
    db: &SqlitePool,
    venue: &str,
    from: i64,
    to: i64,
) -> sqlx::Result<HashMap<i64, u16>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT starts_at, extra FROM booking_extra_seats \
         WHERE venue_id = ? AND starts_at BETWEEN ? AND ?",
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
    conn: &mut SqliteConnection,
    venue: &str,
    starts_at: i64,
    seats_per_slot: u16,
) -> sqlx::Result<u16> {
    let extra: Option<i64> = sqlx::query_scalar(
        "SELECT extra FROM booking_extra_seats WHERE venue_id = ? AND starts_at = ?",
    )
    .bind(venue)
    .bind(starts_at)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(seats_per_slot.saturating_add(extra.unwrap_or(0).clamp(0, 49) as u16))
}
