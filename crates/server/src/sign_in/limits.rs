//! The limits on failed sign-ins, the same in every realm. Failed sign-ins are counted in the
//! database (`crate::limit`: every server process shares the counts, a restart keeps them),
//! rolling, within 15 minutes, by three limits; once one is reached signing in answers
//! 429 with `Retry-After`, before any password is checked:
//! - 5 of one account from one client address: that address may not try that account. They do
//!   not stop the same account from another address, so nobody can lock a colleague out by
//!   typing wrong passwords from their own desk.
//! - 20 from one client address, whatever the accounts.
//! - 50 of one account from all addresses together, counting only browsers the account has
//!   never signed in on: this slows a guesser with many addresses to 50 guesses a quarter of an
//!   hour, while the real person, whose browser holds the known-device cookie
//!   ([`super::cookies`]), still signs in.
//!
//! A successful sign-in does not count. The account is named by its sign-in name (a staff
//! username; a firm's code and a mobile number), whether or not such an account exists.

use std::net::IpAddr;

use portal_domain::api::staff::{
    LOGIN_WINDOW_SECS, MAX_LOGIN_FAILURES_PER_CLIENT, MAX_LOGIN_FAILURES_PER_USERNAME,
    MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT,
};

use crate::limit::{key_from_client, Attempt, Counts, Limited, Limits, LookupLimiter};

/// Failed sign-ins of one realm.
#[derive(Debug)]
pub struct SignInLimits {
    /// Per account from one client address, and per client address.
    from_client: LookupLimiter,
    /// Per account from browsers it has never signed in on.
    from_new_devices: LookupLimiter,
}

/// A sign-in under way: it counts as failed until [`SignInLimits::forgive`].
#[must_use = "a sign-in that did not fail must be given back to `SignInLimits::forgive`"]
pub struct Attempts {
    from_client: Attempt,
    from_new_device: Option<Attempt>,
}

impl SignInLimits {
    /// The limits of the realm `realm` (its name, which names its counts).
    pub fn new(counts: &Counts, realm: &str) -> SignInLimits {
        SignInLimits {
            from_client: LookupLimiter::with_limits(
                counts.clone(),
                &format!("{realm}_sign_in.from_client"),
                Limits {
                    window_secs: LOGIN_WINDOW_SECS,
                    per_key: MAX_LOGIN_FAILURES_PER_USERNAME_AND_CLIENT,
                    per_client: MAX_LOGIN_FAILURES_PER_CLIENT,
                },
            ),
            from_new_devices: LookupLimiter::with_limits(
                counts.clone(),
                &format!("{realm}_sign_in.from_new_devices"),
                Limits {
                    window_secs: LOGIN_WINDOW_SECS,
                    per_key: MAX_LOGIN_FAILURES_PER_USERNAME,
                    // Counted by address in `from_client` already.
                    per_client: usize::MAX,
                },
            ),
        }
    }

    /// Before the password of `account` is checked; the limit on browsers the account has never
    /// signed in on is not applied to a `known_device`.
    pub async fn begin(
        &self,
        account: &str,
        client: Option<IpAddr>,
        known_device: bool,
        now: i64,
    ) -> sqlx::Result<Result<Attempts, Limited>> {
        let from_client = match self
            .from_client
            .begin(&key_from_client(account, client), client, now)
            .await?
        {
            Ok(attempt) => attempt,
            Err(limited) => return Ok(Err(limited)),
        };
        if known_device {
            return Ok(Ok(Attempts {
                from_client,
                from_new_device: None,
            }));
        }
        match self.from_new_devices.begin(account, None, now).await {
            Ok(Ok(from_new_device)) => Ok(Ok(Attempts {
                from_client,
                from_new_device: Some(from_new_device),
            })),
            Ok(Err(limited)) => {
                // Refused before any password was checked: not a failure of the first limit.
                self.from_client.forgive(from_client).await?;
                Ok(Err(limited))
            }
            Err(e) => {
                self.from_client.forgive(from_client).await?;
                Err(e)
            }
        }
    }

    /// The sign-in succeeded: it does not count.
    pub async fn forgive(&self, attempts: Attempts) -> sqlx::Result<()> {
        self.from_client.forgive(attempts.from_client).await?;
        if let Some(attempt) = attempts.from_new_device {
            self.from_new_devices.forgive(attempt).await?;
        }
        Ok(())
    }
}

impl Attempts {
    /// A warning (no account, no address) when a failed sign-in used up a limit.
    pub fn log_limits_reached(&self, realm: &str) {
        let reached = self
            .from_client
            .reached()
            .iter()
            .map(|rule| match rule.as_str() {
                "reference" => "account_from_client",
                other => other,
            })
            .chain(
                self.from_new_device
                    .iter()
                    .flat_map(|a| a.reached())
                    .map(|_| "account_from_new_devices"),
            );
        for rule in reached {
            tracing::warn!(
                realm,
                rule,
                "sign-in limit reached: sign-ins are refused for a while"
            );
        }
    }
}
