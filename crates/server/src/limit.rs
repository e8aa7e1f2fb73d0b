//! Limits on failures counted in memory by a key and by client address (`crate::client_ip`).
//! First written for failed booking lookups by reference + mobile number (see the module
//! documentation of `booking`): at most [`MAX_FAILURES_PER_REFERENCE`] per reference and
//! [`MAX_FAILURES_PER_CLIENT`] per client address in any [`WINDOW_SECS`] (a rolling window: each
//! failure counts for one hour after it happened).
//!
//! The same counter, with other numbers ([`Limits`]), limits failed staff logins by username
//! from one address, by client address, and by username from browsers it has never signed in
//! on (`crate::staff::auth`).
//!
//! Kept in memory only: a restart forgets the counts, and several server processes would each
//! count on their own. Both are acceptable for a limit that only has to make guessing a mobile
//! number hopeless (5 guesses an hour against some 10^8 numbers).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Mutex, PoisonError};

use axum::http::{header, HeaderValue, StatusCode};

use crate::error::{ApiError, Refusal, Text};
use crate::texts::ServerTexts;

/// How long a failed lookup counts.
pub const WINDOW_SECS: i64 = 60 * 60;
/// Failed lookups of one reference within the window before every lookup of it is refused.
pub const MAX_FAILURES_PER_REFERENCE: usize = 5;
/// Failed lookups from one client address within the window before every lookup from it is
/// refused.
pub const MAX_FAILURES_PER_CLIENT: usize = 30;
/// Counts that have run out are dropped this often (by the server's clock), besides whenever
/// their key is looked at, so that references tried once do not pile up.
const PURGE_EVERY_SECS: i64 = 5 * 60;

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
    reference: String,
    client: Option<IpAddr>,
    at: i64,
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

/// Failed lookups by reference (or any other key) and by client address, in memory.
#[derive(Debug)]
pub struct LookupLimiter {
    inner: Mutex<Inner>,
    limits: Limits,
}

impl Default for LookupLimiter {
    fn default() -> Self {
        LookupLimiter::with_limits(Limits::BOOKING_LOOKUPS)
    }
}

#[derive(Debug, Default)]
struct Inner {
    references: Failures<String>,
    clients: Failures<IpAddr>,
    purged_at: i64,
}

/// The times of the failures still inside the window, per key.
#[derive(Debug)]
struct Failures<K> {
    by_key: HashMap<K, Vec<i64>>,
}

impl<K> Default for Failures<K> {
    fn default() -> Self {
        Failures {
            by_key: HashMap::new(),
        }
    }
}

fn live(at: i64, now: i64, window: i64) -> bool {
    at + window > now
}

impl<K: Eq + Hash + Clone> Failures<K> {
    /// The failures of `key` still inside the window (those that ran out are dropped).
    fn current(&mut self, key: &K, now: i64, window: i64) -> &[i64] {
        match self.by_key.get_mut(key) {
            Some(times) => {
                times.retain(|&at| live(at, now, window));
                times
            }
            None => &[],
        }
    }

    /// `Some(seconds until one of them runs out)` when `key` has `limit` failures or more.
    fn blocked(&mut self, key: &K, limit: usize, now: i64, window: i64) -> Option<i64> {
        let times = self.current(key, now, window);
        (times.len() >= limit).then(|| {
            let oldest = times.iter().copied().min().unwrap_or(now);
            (oldest + window - now).clamp(1, window)
        })
    }

    /// Counts a failure; true if it is the `limit`-th.
    fn add(&mut self, key: &K, at: i64, limit: usize) -> bool {
        let times = self.by_key.entry(key.clone()).or_default();
        times.push(at);
        times.len() >= limit
    }

    fn remove(&mut self, key: &K, at: i64) {
        if let Some(times) = self.by_key.get_mut(key) {
            if let Some(i) = times.iter().rposition(|&t| t == at) {
                times.swap_remove(i);
            }
            if times.is_empty() {
                self.by_key.remove(key);
            }
        }
    }

    fn purge(&mut self, now: i64, window: i64) {
        self.by_key.retain(|_, times| {
            times.retain(|&at| live(at, now, window));
            !times.is_empty()
        });
    }
}

impl LookupLimiter {
    pub fn new() -> LookupLimiter {
        LookupLimiter::default()
    }

    pub fn with_limits(limits: Limits) -> LookupLimiter {
        LookupLimiter {
            inner: Mutex::default(),
            limits,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Plain counts: a panic elsewhere while the lock was held leaves nothing half-changed
        // that matters.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Before a lookup of `reference` (compact form) from `client`: refused if either limit is
    /// reached, else counted as a failure at once until [`forgive`](Self::forgive).
    pub fn begin(
        &self,
        reference: &str,
        client: Option<IpAddr>,
        now: i64,
    ) -> Result<Attempt, Limited> {
        let Limits {
            window_secs: window,
            per_key,
            per_client,
        } = self.limits;
        let mut inner = self.lock();
        if now - inner.purged_at >= PURGE_EVERY_SECS || now < inner.purged_at {
            inner.references.purge(now, window);
            inner.clients.purge(now, window);
            inner.purged_at = now;
        }
        let reference = reference.to_owned();
        let client = client.map(client_key);
        let by_reference = inner.references.blocked(&reference, per_key, now, window);
        let by_client = client.and_then(|ip| inner.clients.blocked(&ip, per_client, now, window));
        if let Some(retry_after) = by_reference.max(by_client) {
            return Err(Limited { retry_after });
        }
        let mut reaches = Vec::new();
        if inner.references.add(&reference, now, per_key) {
            reaches.push(Rule::Reference);
        }
        if let Some(ip) = &client {
            if inner.clients.add(ip, now, per_client) {
                reaches.push(Rule::Client);
            }
        }
        Ok(Attempt {
            reference,
            client,
            at: now,
            reaches,
        })
    }

    /// The lookup found the booking, or failed for another reason than finding nothing: it
    /// does not count.
    pub fn forgive(&self, attempt: Attempt) {
        let mut inner = self.lock();
        inner.references.remove(&attempt.reference, attempt.at);
        if let Some(ip) = &attempt.client {
            inner.clients.remove(ip, attempt.at);
        }
    }
}

/// How much each client address may spend within a rolling window: new rights-assistance
/// drafts (1 each) or bytes uploaded. Unlike [`LookupLimiter`] it counts what was used, not
/// failures: these limits keep one address from filling the database, whatever it sends.
///
/// Spending is reserved before the work starts ([`reserve`](Self::reserve): checked and counted
/// at once, under one lock), so parallel requests cannot all pass a check made before any of
/// them was counted; [`settle`](Self::settle) then sets what was really used.
#[derive(Debug)]
pub struct ClientBudget {
    inner: Mutex<BudgetInner>,
    window_secs: i64,
    per_client: u64,
}

/// One spending: when, how much, and its id (to settle a reservation).
#[derive(Debug, Clone, Copy)]
struct Spent {
    at: i64,
    amount: u64,
    id: u64,
}

#[derive(Debug, Default)]
struct BudgetInner {
    /// Each client key's spending, oldest first, within the window.
    spent: HashMap<IpAddr, Vec<Spent>>,
    purged_at: i64,
    next_id: u64,
}

/// Spending counted before the work: [`ClientBudget::settle`] it with what was really used.
#[must_use = "a reservation counts its whole amount until it is settled"]
#[derive(Debug)]
pub struct Reservation {
    key: Option<IpAddr>,
    id: u64,
}

impl ClientBudget {
    pub fn new(per_client: u64, window_secs: i64) -> ClientBudget {
        ClientBudget {
            inner: Mutex::default(),
            window_secs,
            per_client,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BudgetInner> {
        // Plain sums: nothing half-changed matters after a panic elsewhere.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The client's spending still inside the window (what ran out is dropped), and every
    /// key's now and then.
    fn current<'a>(&self, inner: &'a mut BudgetInner, key: IpAddr, now: i64) -> &'a mut Vec<Spent> {
        let window = self.window_secs;
        if now - inner.purged_at >= PURGE_EVERY_SECS || now < inner.purged_at {
            inner.spent.retain(|_, spent| {
                spent.retain(|s| live(s.at, now, window));
                !spent.is_empty()
            });
            inner.purged_at = now;
        }
        let spent = inner.spent.entry(key).or_default();
        spent.retain(|s| live(s.at, now, window));
        spent
    }

    /// `Some` when spending `amount` more than `spent` would go over the budget.
    fn over(&self, spent: &[Spent], amount: u64, now: i64) -> Option<Limited> {
        let total = spent
            .iter()
            .map(|s| s.amount)
            .sum::<u64>()
            .saturating_add(amount);
        (total > self.per_client).then(|| {
            let times: Vec<(i64, u64)> = spent.iter().map(|s| (s.at, s.amount)).collect();
            Limited {
                retry_after: retry_after(&times, total - self.per_client, now, self.window_secs),
            }
        })
    }

    /// Refused when `amount` more would take the client over its budget; else counted at once
    /// and kept until [`settle`](Self::settle)d. Without an address (a router driven directly)
    /// nothing is counted.
    pub fn reserve(
        &self,
        client: Option<IpAddr>,
        amount: u64,
        now: i64,
    ) -> Result<Reservation, Limited> {
        let Some(key) = client.map(client_key) else {
            return Ok(Reservation { key: None, id: 0 });
        };
        let mut inner = self.lock();
        let id = inner.next_id;
        inner.next_id += 1;
        let spent = self.current(&mut inner, key, now);
        if let Some(limited) = self.over(spent, amount, now) {
            return Err(limited);
        }
        spent.push(Spent {
            at: now,
            amount,
            id,
        });
        Ok(Reservation { key: Some(key), id })
    }

    /// What a reservation really used (the bytes read, refused uploads included): the count
    /// becomes `used`, more or less than was reserved.
    pub fn settle(&self, reservation: Reservation, used: u64) {
        let Some(key) = reservation.key else { return };
        let mut inner = self.lock();
        if let Some(spent) = inner.spent.get_mut(&key) {
            if let Some(s) = spent.iter_mut().find(|s| s.id == reservation.id) {
                s.amount = used;
            }
        }
    }

    /// [`reserve`](Self::reserve) for spending that is used whole at once (a new draft).
    pub fn take(&self, client: Option<IpAddr>, amount: u64, now: i64) -> Result<(), Limited> {
        self.reserve(client, amount, now).map(|_kept| ())
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
mod tests {
    use super::*;

    const T0: i64 = 1_789_952_400;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    /// A lookup that finds nothing.
    fn fail(limiter: &LookupLimiter, reference: &str, client: Option<IpAddr>, now: i64) {
        let _counted = limiter
            .begin(reference, client, now)
            .expect("not limited yet");
    }

    #[test]
    fn five_failures_block_a_reference_for_an_hour_from_the_first() {
        let limiter = LookupLimiter::new();
        for i in 0..5 {
            let attempt = limiter.begin("K0QXM2PD", None, T0 + i * 60).unwrap();
            assert_eq!(attempt.reached().is_empty(), i < 4, "failure {}", i + 1);
        }
        assert_eq!(
            limiter.begin("K0QXM2PD", None, T0 + 300),
            Err(Limited {
                retry_after: WINDOW_SECS - 300
            })
        );
        // Another reference is not affected.
        fail(&limiter, "22222222", None, T0 + 300);
        // Rolling: the first failure runs out after an hour, which allows one more.
        assert!(limiter
            .begin("K0QXM2PD", None, T0 + WINDOW_SECS - 1)
            .is_err());
        fail(&limiter, "K0QXM2PD", None, T0 + WINDOW_SECS);
        assert_eq!(
            limiter.begin("K0QXM2PD", None, T0 + WINDOW_SECS),
            Err(Limited { retry_after: 60 })
        );
    }

    #[test]
    fn a_forgiven_lookup_does_not_count() {
        let limiter = LookupLimiter::new();
        for _ in 0..20 {
            let attempt = limiter.begin("K0QXM2PD", ip("10.0.0.1"), T0).unwrap();
            limiter.forgive(attempt);
        }
        for _ in 0..5 {
            fail(&limiter, "K0QXM2PD", ip("10.0.0.1"), T0);
        }
        assert!(limiter.begin("K0QXM2PD", ip("10.0.0.1"), T0).is_err());
        // Forgiving leaves no empty entries behind.
        let limiter = LookupLimiter::new();
        let attempt = limiter.begin("K0QXM2PD", ip("10.0.0.1"), T0).unwrap();
        limiter.forgive(attempt);
        let inner = limiter.lock();
        assert!(inner.references.by_key.is_empty() && inner.clients.by_key.is_empty());
    }

    #[test]
    fn thirty_failures_block_a_client_address_and_its_ipv6_network() {
        let limiter = LookupLimiter::new();
        for i in 0..30 {
            let attempt = limiter
                .begin(&format!("REF{i:05}"), ip("2001:db8:1:2::7"), T0)
                .unwrap();
            assert_eq!(attempt.reached() == [Rule::Client], i == 29);
        }
        // Any address of the same /64, any reference.
        assert!(limiter
            .begin("FRESHREF", ip("2001:db8:1:2:ffff::1"), T0)
            .is_err());
        // Another network, and no address at all, are not affected.
        fail(&limiter, "FRESHREF", ip("2001:db8:1:3::7"), T0);
        fail(&limiter, "OTHERREF", None, T0);
        // IPv4 written as IPv6 is the IPv4 address.
        for i in 0..30 {
            fail(&limiter, &format!("V4REF{i:03}"), ip("192.0.2.1"), T0);
        }
        assert!(limiter
            .begin("FRESHREF", ip("::ffff:192.0.2.1"), T0)
            .is_err());
        assert!(limiter.begin("FRESHREF", ip("192.0.2.2"), T0).is_ok());
    }

    #[test]
    fn counts_that_ran_out_are_purged() {
        let limiter = LookupLimiter::new();
        for i in 0..100 {
            fail(
                &limiter,
                &format!("REF{i:05}"),
                ip(&format!("10.1.{i}.1")),
                T0,
            );
        }
        fail(&limiter, "LATEREF1", ip("10.0.0.2"), T0 + WINDOW_SECS);
        let inner = limiter.lock();
        assert_eq!(inner.references.by_key.len(), 1);
        assert_eq!(inner.clients.by_key.len(), 1);
    }

    #[test]
    fn a_clock_set_back_never_asks_to_wait_longer_than_the_window() {
        let limiter = LookupLimiter::new();
        for _ in 0..5 {
            fail(&limiter, "K0QXM2PD", None, T0);
        }
        assert_eq!(
            limiter.begin("K0QXM2PD", None, T0 - 10 * WINDOW_SECS),
            Err(Limited {
                retry_after: WINDOW_SECS
            })
        );
    }

    #[test]
    fn a_client_budget_refuses_what_would_go_over_and_frees_as_the_window_moves() {
        let budget = ClientBudget::new(3, 3600);
        let a = ip("203.0.113.7");
        for i in 0..3 {
            budget.take(a, 1, T0 + i * 600).unwrap();
        }
        // Full: wait until the first one is an hour old.
        assert_eq!(
            budget.take(a, 1, T0 + 1800),
            Err(Limited { retry_after: 1800 })
        );
        // Another address, and no address, are not concerned.
        budget.take(ip("203.0.113.8"), 1, T0 + 1800).unwrap();
        budget.take(None, 1, T0 + 1800).unwrap();
        budget.take(a, 1, T0 + 3600).unwrap();
        assert!(budget.take(a, 1, T0 + 3600).is_err());
    }

    #[test]
    fn bytes_are_reserved_before_an_upload_and_settled_after_it() {
        let budget = ClientBudget::new(100, 3600);
        let a = ip("2001:db8::1");
        // Two uploads of up to 60 reserved at once: the second is refused before it is read.
        let first = budget.reserve(a, 60, T0).unwrap();
        assert_eq!(
            budget.reserve(a, 60, T0 + 1).unwrap_err(),
            Limited { retry_after: 3599 }
        );
        // The first turned out to be 30: there is room for 70 more.
        budget.settle(first, 30);
        let second = budget.reserve(a, 70, T0 + 2).unwrap();
        // A refused upload's bytes count too.
        budget.settle(second, 70);
        assert!(budget.reserve(a, 1, T0 + 3).is_err());
        // The same /64 network counts as one client.
        assert!(budget.reserve(ip("2001:db8::2"), 1, T0 + 3).is_err());
        assert!(budget.reserve(a, 1, T0 + 3600).is_ok());
    }
}
