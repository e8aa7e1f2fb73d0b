//! New bookings per client address, against seat scalping: without a limit anyone could book
//! every seat of a day with invented mobile numbers.
//!
//! Each booking keeps a tag of the address it was made from (migration 0012: a keyed hash of
//! the address's limit key, `crate::limit::client_key`, never the address). A new booking is
//! refused with 429 [`code::ADDRESS_RATE_LIMITED`] and `Retry-After` when its address already
//! made [`MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR`] bookings within the hour or
//! [`MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY`] within 24 hours. The count is read from the
//! database inside the booking's write transaction, so parallel requests cannot slip past it,
//! every server process sees the same count and a restart forgets nothing. A refused or failed
//! booking is not counted (it was never stored); a retry with the same idempotency key gets its
//! first answer before the count is looked at.
//!
//! The address is the TCP peer's, or the one a trusted proxy forwards (`crate::client_ip`).
//! Addresses listed in `PORTAL_BOOKING_LIMIT_EXEMPT` (the hall's kiosks and desks behind one
//! address) are not limited, and their bookings are not tagged: the desk's view of bookings
//! made in bulk (`staff::clusters`) must not show the hall as one person.

use std::net::IpAddr;

use portal_domain::api::booking::{
    code, MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY, MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR,
};
use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::error::ApiError;
use crate::limit::{client_key, Limited};

const HOUR_SECS: i64 = 60 * 60;
const DAY_SECS: i64 = 24 * HOUR_SECS;

/// The tag stored with a booking made from `client` (`None` without an address).
pub async fn client_tag(
    conn: &mut AnyConnection,
    client: Option<IpAddr>,
) -> sqlx::Result<Option<Vec<u8>>> {
    let Some(ip) = client else {
        return Ok(None);
    };
    let secret: Vec<u8> =
        sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = 'booking_client_tag'")
            .fetch_one(&mut *conn)
            .await?;
    let mut hasher = Sha256::new();
    hasher.update(&secret);
    hasher.update(client_key(ip).to_string().as_bytes());
    Ok(Some(hasher.finalize()[..16].to_vec()))
}

/// Refuses a new booking from the address tagged `tag` when it has made too many (see the
/// module documentation). Run it inside the booking's write transaction.
pub async fn check_new_booking(
    conn: &mut AnyConnection,
    tag: &[u8],
    now: i64,
) -> Result<(), ApiError> {
    for (window, limit) in [
        (HOUR_SECS, MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR),
        (DAY_SECS, MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY),
    ] {
        if let Some(retry_after) = wait(conn, tag, now, window, limit).await? {
            return Err(rate_limited(Limited { retry_after }));
        }
    }
    Ok(())
}

/// Seconds until the address may book again within `window`, if it has used up `limit`: when
/// the `limit`-th newest of its bookings in the window leaves it.
async fn wait(
    conn: &mut AnyConnection,
    tag: &[u8],
    now: i64,
    window: i64,
    limit: u32,
) -> sqlx::Result<Option<i64>> {
    let times: Vec<i64> = sqlx::query_scalar(
        "SELECT created_at FROM bookings WHERE client_tag = $1 AND created_at > $2 \
         ORDER BY created_at DESC LIMIT $3",
    )
    .bind(tag)
    .bind(now - window)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    Ok(times
        .get(limit as usize - 1)
        .map(|&at| (at + window - now).clamp(1, window)))
}

fn rate_limited(limited: Limited) -> ApiError {
    limited.refusal(code::ADDRESS_RATE_LIMITED, |t, minutes| {
        t.booking_address_rate_limited(
            MAX_NEW_BOOKINGS_PER_ADDRESS_PER_HOUR,
            MAX_NEW_BOOKINGS_PER_ADDRESS_PER_DAY,
            minutes,
        )
    })
}
