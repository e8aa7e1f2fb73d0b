//! Limits on failures counted by a key and by client address (`crate::client_ip`). First
//! written for failed booking lookups by reference + mobile number (see the module
//! documentation of `booking`): at most [`MAX_FAILURES_PER_REFERENCE`] per reference and
//! [`MAX_FAILURES_PER_CLIENT`] per client address in any [`WINDOW_SECS`] (a rolling window: each
//! failure counts for one hour after it happened).
//!
//! The same counter, with other numbers ([`Limits`]), limits failed staff logins by username
//! from one address, by client address, and by username from browsers it has never signed in
//! on (`crate::staff::auth`).
//!
//! Counted in the database (table `limit_events`, migration 0025; the SQL is in [`store`]), so
//! that every server process on one database shares one count (two replicas allow what one
//! does) and a restart forgets nothing. Checking a count and adding to it are one
//! `BEGIN IMMEDIATE` transaction: parallel requests, on one process or on several, cannot all
//! pass a check made before any of them was counted. What is counted is never stored in clear
//! (a reference, a mobile number, a username, an address): each row holds a keyed hash of it
//! ([`Counts`]).
//!
//! A row counts for the window after its time, and also from up to a window before it: a
//! replica whose clock runs a little behind another's still sees the other's counts, and a
//! clock set back never asks to wait longer than the window. A server whose clock is set days
//! apart on the same database (the browser tests' second server, `PORTAL_NOW`) neither sees
//! nor is hindered by the other's counts. Rows whose window has passed are deleted every few
//! minutes by each process ([`PURGE_EVERY_SECS`]).

mod store;

use std::net::{IpAddr, Ipv6Addr};
use std::sync::atomic::{AtomicI64, Ordering};

use axum::http::{header, HeaderValue, StatusCode};

use crate::error::{ApiError, Refusal, Text};
use crate::texts::ServerTexts;
pub use store::Counts;

/// How long a failed lookup counts.
pub const WINDOW_SECS: i64 = 60 * 60;
/// Failed lookups of one reference within the window before every lookup of it is refused.
pub const MAX_FAILURES_PER_REFERENCE: usize = 5;
/// Failed lookups from one client address within the window before every lookup from it is
/// refused.
pub const MAX_FAILURES_PER_CLIENT: usize = 30;
/// Counts that have run out are deleted this often (by the server's clock), by each limit for
/// its own rows and for every limit's rows older than [`LONGEST_WINDOW_SECS`], so that
/// references tried once do not pile up.
const PURGE_EVERY_SECS: i64 = 5 * 60;
/// No limit's window is longer: what is older counts for none and is deleted by any purge.
const LONGEST_WINDOW_SECS: i64 = WINDOW_SECS;

/// The key of a client address: an IPv4 address as it is, an IPv6 address by its /64 network
/// (one household or phone usually gets a whole /64, so single addresses cost nothing to
/// change), and an IPv4 address written as IPv6 (`::ffff:a.b.c.d`) as the IPv4 address.
pub(crate) fn client_key(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !u128::from(u64::MAX);
            IpAddr::V6(Ipv6Addr::from(network))
        }
    }
}

/// `key` as seen from `client` (by its [`client_key`]), for a limit on one key from one
/// address, such as failed logins of one username from one address.
pub fn key_from_client(key: &str, client: Option<IpAddr>) -> String {
    match client {
        Some(ip) => format!("{key} from {}", client_key(ip)),
        None => key.to_owned(),
    }
}

/// Which limit was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Reference,
    Client,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Reference => "reference",
            Rule::Client => "client_address",
        }
    }
}

/// A request refused by a limit before it was carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    /// Seconds until it may be tried again (at least 1, at most the window).
    pub retry_after: i64,
}

impl Limited {
    /// The 429 answer with `Retry-After` and `code`; `message` makes the catalog message from
    /// the wait in whole minutes (rounded up).
    pub fn refusal(self, code: &'static str, message: fn(&ServerTexts, u64) -> String) -> ApiError {
        let minutes = self.retry_after.unsigned_abs().div_ceil(60);
        Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            code,
            Text::with(|t| message(t, minutes)),
        )
        .header(header::RETRY_AFTER, HeaderValue::from(self.retry_after))
        .into()
    }
}

/// A lookup under way. It already counts as a failure, so that parallel lookups cannot all slip
/// in under the limit; [`LookupLimiter::forgive`] takes it back when it was not a failure.
#[must_use = "a lookup that did not fail must be given back to `LookupLimiter::forgive`"]
#[derive(Debug, PartialEq, Eq)]
pub struct Attempt {
    /// The rows that count it (by key, and by client address if there is one).
    ids: Vec<i64>,
    /// The limits that this attempt, if it fails, is the last failure allowed by.
    reaches: Vec<Rule>,
}

impl Attempt {
    /// The limits this failed lookup has just used up (for the log).
    pub fn reached(&self) -> &[Rule] {
        &self.reaches
    }
}

/// How many failures of one key and of one client address are allowed within a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub window_secs: i64,
    pub per_key: usize,
    pub per_client: usize,
}

impl Limits {
    /// Booking lookups: 5 per reference and 30 per client address an hour.
    pub const BOOKING_LOOKUPS: Limits = Limits {
        window_secs: WINDOW_SECS,
        per_key: MAX_FAILURES_PER_REFERENCE,
        per_client: MAX_FAILURES_PER_CLIENT,
    };
}

/// Seconds until the oldest of `count` failures runs out, when they are `limit` or more.
fn blocked(failures: store::Failures, limit: usize, now: i64, window: i64) -> Option<i64> {
    (failures.count >= limit).then(|| {
        let oldest = failures.oldest.unwrap_or(now);
        (oldest + window - now).clamp(1, window)
    })
}

/// True (and noted) when the rows of a limit were last purged [`PURGE_EVERY_SECS`] ago or
/// more, or the clock was set back since.
fn purge_due(purged_at: &AtomicI64, now: i64) -> bool {
    let last = purged_at.load(Ordering::Relaxed);
    let due = now - last >= PURGE_EVERY_SECS || now < last;
    if due {
        purged_at.store(now, Ordering::Relaxed);
    }
    due
}

/// Failed lookups by reference (or any other key) and by client address.
#[derive(Debug)]
pub struct LookupLimiter {
    counts: Counts,
    /// The `limiter` of the rows counted by key, and of those counted by client address.
    by_key: String,
    by_client: String,
    limits: Limits,
    purged_at: AtomicI64,
}

impl LookupLimiter {
    /// Booking (and assistance request) lookups: [`Limits::BOOKING_LOOKUPS`].
    pub fn new(counts: Counts) -> LookupLimiter {
        LookupLimiter::with_limits(counts, "lookups", Limits::BOOKING_LOOKUPS)
    }

    /// A limiter whose rows are named after `name` (one name per limiter: two with one name
    /// would share their counts).
    pub fn with_limits(counts: Counts, name: &str, limits: Limits) -> LookupLimiter {
        assert!(
            limits.window_secs <= LONGEST_WINDOW_SECS,
            "a limit's window is at most LONGEST_WINDOW_SECS"
        );
        LookupLimiter {
            counts,
            by_key: format!("{name}/key"),
            by_client: format!("{name}/client"),
            limits,
            purged_at: AtomicI64::new(0),
        }
    }

    /// Before a lookup of `reference` (compact form) from `client`: refused if either limit is
    /// reached, else counted as a failure at once until [`forgive`](Self::forgive).
    pub async fn begin(
        &self,
        reference: &str,
        client: Option<IpAddr>,
        now: i64,
    ) -> sqlx::Result<Result<Attempt, Limited>> {
        let Limits {
            window_secs: window,
            per_key,
            per_client,
        } = self.limits;
        let key = self.counts.hash(&self.by_key, reference);
        let client = client.map(|ip| {
            self.counts
                .hash(&self.by_client, &client_key(ip).to_string())
        });
        let mut tx = self.counts.write().await?;
        if purge_due(&self.purged_at, now) {
            store::purge(
                &mut tx,
                &[&self.by_key, &self.by_client],
                now - window,
                now - LONGEST_WINDOW_SECS,
            )
            .await?;
        }
        let of_key = store::failures(&mut tx, &self.by_key, &key, now, window).await?;
        let of_client = match &client {
            Some(client) => {
                Some(store::failures(&mut tx, &self.by_client, client, now, window).await?)
            }
            None => None,
        };
        let by_key = blocked(of_key, per_key, now, window);
        let by_client = of_client.and_then(|f| blocked(f, per_client, now, window));
        if let Some(retry_after) = by_key.max(by_client) {
            // Nothing counted; committed all the same, for the purge.
            tx.commit().await?;
            return Ok(Err(Limited { retry_after }));
        }
        let mut ids = vec![store::insert(&mut tx, &self.by_key, &key, now, 1).await?];
        let mut reaches = Vec::new();
        if of_key.count + 1 >= per_key {
            reaches.push(Rule::Reference);
        }
        if let (Some(client), Some(of_client)) = (&client, of_client) {
            ids.push(store::insert(&mut tx, &self.by_client, client, now, 1).await?);
            if of_client.count + 1 >= per_client {
                reaches.push(Rule::Client);
            }
        }
        tx.commit().await?;
        Ok(Ok(Attempt { ids, reaches }))
    }

    /// The lookup found the booking, or failed for another reason than finding nothing: it
    /// does not count.
    pub async fn forgive(&self, attempt: Attempt) -> sqlx::Result<()> {
        store::delete(&self.counts, &attempt.ids).await
    }
}

/// How much each client address may spend within a rolling window: new rights-assistance
/// drafts (1 each) or bytes uploaded. Unlike [`LookupLimiter`] it counts what was used, not
/// failures: these limits keep one address from filling the database, whatever it sends.
///
/// Spending is reserved before the work starts ([`reserve`](Self::reserve): checked and counted
/// at once, in one write transaction), so parallel requests cannot all pass a check made before
/// any of them was counted; [`settle`](Self::settle) then sets what was really used.
#[derive(Debug)]
pub struct ClientBudget {
    counts: Counts,
    /// The `limiter` of its rows.
    name: String,
    window_secs: i64,
    per_client: u64,
    purged_at: AtomicI64,
}

/// Spending counted before the work: [`ClientBudget::settle`] it with what was really used.
#[must_use = "a reservation counts its whole amount until it is settled"]
#[derive(Debug)]
pub struct Reservation {
    /// Its row; none without a client address.
    id: Option<i64>,
    /// What it counts until settled.
    amount: u64,
}

impl ClientBudget {
    /// `per_client` within `window_secs`, counted in rows named after `name` (one name per
    /// budget).
    pub fn new(counts: Counts, name: &str, per_client: u64, window_secs: i64) -> ClientBudget {
        assert!(
            window_secs <= LONGEST_WINDOW_SECS,
            "a limit's window is at most LONGEST_WINDOW_SECS"
        );
        ClientBudget {
            counts,
            name: format!("{name}/client"),
            window_secs,
            per_client,
            purged_at: AtomicI64::new(0),
        }
    }

    /// `Some` when spending `amount` more than `spent` (oldest first) would go over the budget.
    fn over(&self, spent: &[(i64, u64)], amount: u64, now: i64) -> Option<Limited> {
        let total = spent
            .iter()
            .map(|&(_, amount)| amount)
            .fold(0u64, u64::saturating_add)
            .saturating_add(amount);
        (total > self.per_client).then(|| Limited {
            retry_after: retry_after(spent, total - self.per_client, now, self.window_secs),
        })
    }

    /// Refused when `amount` more would take the client over its budget; else counted at once
    /// and kept until [`settle`](Self::settle)d. Without an address (a router driven directly)
    /// nothing is counted.
    pub async fn reserve(
        &self,
        client: Option<IpAddr>,
        amount: u64,
        now: i64,
    ) -> sqlx::Result<Result<Reservation, Limited>> {
        let Some(ip) = client else {
            return Ok(Ok(Reservation { id: None, amount }));
        };
        let key = self.counts.hash(&self.name, &client_key(ip).to_string());
        let window = self.window_secs;
        let mut tx = self.counts.write().await?;
        if purge_due(&self.purged_at, now) {
            store::purge(
                &mut tx,
                &[&self.name],
                now - window,
                now - LONGEST_WINDOW_SECS,
            )
            .await?;
        }
        let spent = store::spent(&mut tx, &self.name, &key, now, window).await?;
        if let Some(limited) = self.over(&spent, amount, now) {
            // Nothing counted; committed all the same, for the purge.
            tx.commit().await?;
            return Ok(Err(limited));
        }
        let id = store::insert(&mut tx, &self.name, &key, now, amount).await?;
        tx.commit().await?;
        Ok(Ok(Reservation {
            id: Some(id),
            amount,
        }))
    }

    /// What a reservation really used (the bytes read, refused uploads included): the count
    /// becomes `used`, more or less than was reserved (nothing is written when it is what was
    /// reserved).
    pub async fn settle(&self, reservation: Reservation, used: u64) -> sqlx::Result<()> {
        match reservation.id {
            Some(id) if used != reservation.amount => {
                store::set_amount(&self.counts, id, used).await
            }
            _ => Ok(()),
        }
    }

    /// [`reserve`](Self::reserve) for spending that is used whole at once (a new draft).
    pub async fn take(
        &self,
        client: Option<IpAddr>,
        amount: u64,
        now: i64,
    ) -> sqlx::Result<Result<(), Limited>> {
        Ok(self.reserve(client, amount, now).await?.map(|_kept| ()))
    }
}

/// Seconds until enough of `spent` (oldest first) has run out to free `excess`.
fn retry_after(spent: &[(i64, u64)], excess: u64, now: i64, window: i64) -> i64 {
    let mut freed = 0u64;
    for &(at, amount) in spent {
        freed = freed.saturating_add(amount);
        if freed >= excess {
            return (at + window - now).clamp(1, window);
        }
    }
    window
}

#[cfg(test)]
mod tests;
