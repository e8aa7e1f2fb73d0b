//! Writing bookings: a new booking under a fresh reference, moving and cancelling one, and the
//! stored answers of new bookings by idempotency key. Each runs on the caller's
//! `BEGIN IMMEDIATE` transaction (see `crate::booking` for why).

use portal_domain::api::booking::NewBooking;
use portal_domain::calendar::Date;
use portal_domain::reference::BookingReference;
use portal_domain::time::SlotTime;
use sqlx::{AnyConnection, Row};

use crate::db::AnyQuery;
use crate::error::ApiError;
use crate::tokens::random_error;

/// A slot of a venue, with its seat: where a booking is written or moved to.
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    pub venue_id: &'a str,
    pub date: Date,
    pub time: SlotTime,
    pub end: SlotTime,
    pub starts_at: i64,
    pub ends_at: i64,
    pub seat: i64,
}

/// Binds the slot's columns in the order both writes name them: date, start_time, end_time,
/// starts_at, ends_at, seat.
fn bind_slot<'q>(query: AnyQuery<'q>, at: Placement<'q>) -> AnyQuery<'q> {
    query
        .bind(at.date.to_string())
        .bind(at.time.to_string())
        .bind(at.end.to_string())
        .bind(at.starts_at)
        .bind(at.ends_at)
        .bind(at.seat)
}

/// A reference no booking has: random, drawn again while one is taken.
pub async fn new_reference(conn: &mut AnyConnection) -> Result<BookingReference, ApiError> {
    loop {
        let candidate = BookingReference::from_random(getrandom::u64().map_err(random_error)?);
        let taken: crate::db::Flag =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM bookings WHERE reference = $1)")
                .bind(candidate.compact())
                .fetch_one(&mut *conn)
                .await?;
        if !taken.yes() {
            return Ok(candidate);
        }
    }
}

/// Writes a confirmed booking; its id, or `None` when the seat index refused the seat
/// ([`seat_taken`]).
#[allow(clippy::too_many_arguments)]
pub async fn insert(
    conn: &mut AnyConnection,
    reference: &BookingReference,
    token_hash: &[u8],
    topic_id: &str,
    new: &NewBooking,
    at: Placement<'_>,
    client_tag: Option<&[u8]>,
    now: i64,
) -> sqlx::Result<Option<i64>> {
    let query = sqlx::query(
        "INSERT INTO bookings (reference, token_hash, venue_id, topic_id, date, start_time, \
         end_time, starts_at, ends_at, seat, status, sequence, name, mobile, organisation, uscc, \
         description, wheelchair_access, sign_language_interpreter, other_adjustments, \
         for_someone_else, created_at, updated_at, client_tag) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'confirmed', 0, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) \
         RETURNING id",
    )
    .bind(reference.compact())
    .bind(token_hash)
    .bind(at.venue_id)
    .bind(topic_id);
    let id = bind_slot(query, at)
        .bind(&new.name)
        .bind(new.mobile.as_str())
        .bind(&new.organisation)
        .bind(new.uscc.as_ref().map(|u| u.as_str()))
        .bind(&new.description)
        .bind(i64::from(new.wheelchair_access))
        .bind(i64::from(new.sign_language_interpreter))
        .bind(&new.other_adjustments)
        .bind(i64::from(new.for_someone_else))
        .bind(now)
        .bind(now)
        .bind(client_tag)
        .fetch_one(&mut *conn)
        .await
        .and_then(|row| row.try_get::<i64, _>("id"));
    match id {
        Ok(id) => Ok(Some(id)),
        Err(e) if seat_taken(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Moves booking `id` to `at` in one statement (the new seat is held and the old one free from
/// the same commit on), confirming it again if the center had cancelled it; `false` when the
/// seat index refused the seat ([`seat_taken`]).
pub async fn move_to(
    conn: &mut AnyConnection,
    id: i64,
    at: Placement<'_>,
    now: i64,
) -> sqlx::Result<bool> {
    let query = sqlx::query(
        "UPDATE bookings SET date = $1, start_time = $2, end_time = $3, starts_at = $4, ends_at = $5, \
         seat = $6, status = 'confirmed', cancelled_by = NULL, closure_id = NULL, \
         sequence = sequence + 1, updated_at = $7 WHERE id = $8",
    );
    let moved = bind_slot(query, at)
        .bind(now)
        .bind(id)
        .execute(&mut *conn)
        .await;
    match moved {
        Ok(_) => Ok(true),
        Err(e) if seat_taken(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Cancels booking `id` at its holder's request.
pub async fn cancel_by_citizen(conn: &mut AnyConnection, id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE bookings SET status = 'cancelled', cancelled_by = 'citizen', \
         sequence = sequence + 1, updated_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Reads the request hash and answer stored for an idempotency key (see
/// [`crate::idempotency::stored_answer`]).
pub const STORED_ANSWER: &str =
    "SELECT request_hash, response FROM booking_idempotency WHERE key = $1";

/// Forgets the answers stored before `before` (Unix seconds).
pub async fn forget_answers_before(conn: &mut AnyConnection, before: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM booking_idempotency WHERE created_at < $1")
        .bind(before)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Keeps the answer given to a new booking under its idempotency key.
pub async fn remember_answer(
    conn: &mut AnyConnection,
    key: &str,
    request_hash: &[u8],
    booking_id: i64,
    answer: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO booking_idempotency (key, request_hash, booking_id, response, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(key)
    .bind(request_hash)
    .bind(booking_id)
    .bind(answer)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The partial unique index on (venue, start, seat) refused a write. Under `BEGIN IMMEDIATE`
/// the seat was free when it was read, so only a writer outside this server (staff editing the
/// table) could cause it; the answer is then the same as for a full slot, not a 500.
/// (SQLite names the columns in its message, PostgreSQL the index.)
fn seat_taken(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db)
        if db.is_unique_violation()
            && (db.message().contains("bookings.seat")
                || db.constraint() == Some("bookings_one_per_seat")))
}
