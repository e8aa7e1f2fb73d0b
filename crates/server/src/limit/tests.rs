use tempfile::TempDir;

use super::*;

const T0: i64 = 1_789_952_400;

fn ip(s: &str) -> Option<IpAddr> {
    Some(s.parse().unwrap())
}

/// The counts of a new, migrated database (kept while the `TempDir` lives).
async fn counts() -> (TempDir, Counts) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("limits.sqlite3").display());
    let db = crate::db::connect(&url).await.unwrap();
    (dir, Counts::load(db).await.unwrap())
}

/// How many rows the limiter named `limiter` holds.
async fn rows(counts: &Counts, limiter: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM limit_events WHERE limiter = $1")
        .bind(limiter)
        .fetch_one(&counts.db)
        .await
        .unwrap()
}

async fn begin(
    limiter: &LookupLimiter,
    reference: &str,
    client: Option<IpAddr>,
    now: i64,
) -> Result<Attempt, Limited> {
    limiter.begin(reference, client, now).await.unwrap()
}

/// A lookup that finds nothing.
async fn fail(limiter: &LookupLimiter, reference: &str, client: Option<IpAddr>, now: i64) {
    let _counted = begin(limiter, reference, client, now)
        .await
        .expect("not limited yet");
}

#[tokio::test]
async fn five_failures_block_a_reference_for_an_hour_from_the_first() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts);
    for i in 0..5 {
        let attempt = begin(&limiter, "K0QXM2PD", None, T0 + i * 60)
            .await
            .unwrap();
        assert_eq!(attempt.reached().is_empty(), i < 4, "failure {}", i + 1);
    }
    assert_eq!(
        begin(&limiter, "K0QXM2PD", None, T0 + 300).await,
        Err(Limited {
            retry_after: WINDOW_SECS - 300
        })
    );
    // Another reference is not affected.
    fail(&limiter, "22222222", None, T0 + 300).await;
    // Rolling: the first failure runs out after an hour, which allows one more.
    assert!(begin(&limiter, "K0QXM2PD", None, T0 + WINDOW_SECS - 1)
        .await
        .is_err());
    fail(&limiter, "K0QXM2PD", None, T0 + WINDOW_SECS).await;
    assert_eq!(
        begin(&limiter, "K0QXM2PD", None, T0 + WINDOW_SECS).await,
        Err(Limited { retry_after: 60 })
    );
}

#[tokio::test]
async fn a_forgiven_lookup_does_not_count() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts.clone());
    for _ in 0..20 {
        let attempt = begin(&limiter, "K0QXM2PD", ip("10.0.0.1"), T0)
            .await
            .unwrap();
        limiter.forgive(attempt).await.unwrap();
    }
    for _ in 0..5 {
        fail(&limiter, "K0QXM2PD", ip("10.0.0.1"), T0).await;
    }
    assert!(begin(&limiter, "K0QXM2PD", ip("10.0.0.1"), T0)
        .await
        .is_err());
    // Forgiving leaves no rows behind.
    let (_dir, counts) = self::counts().await;
    let limiter = LookupLimiter::new(counts.clone());
    let attempt = begin(&limiter, "K0QXM2PD", ip("10.0.0.1"), T0)
        .await
        .unwrap();
    limiter.forgive(attempt).await.unwrap();
    assert_eq!(rows(&counts, "lookups/key").await, 0);
    assert_eq!(rows(&counts, "lookups/client").await, 0);
}

#[tokio::test]
async fn thirty_failures_block_a_client_address_and_its_ipv6_network() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts);
    for i in 0..30 {
        let attempt = begin(&limiter, &format!("REF{i:05}"), ip("2001:db8:1:2::7"), T0)
            .await
            .unwrap();
        assert_eq!(attempt.reached() == [Rule::Client], i == 29);
    }
    // Any address of the same /64, any reference.
    assert!(begin(&limiter, "FRESHREF", ip("2001:db8:1:2:ffff::1"), T0)
        .await
        .is_err());
    // Another network, and no address at all, are not affected.
    fail(&limiter, "FRESHREF", ip("2001:db8:1:3::7"), T0).await;
    fail(&limiter, "OTHERREF", None, T0).await;
    // IPv4 written as IPv6 is the IPv4 address.
    for i in 0..30 {
        fail(&limiter, &format!("V4REF{i:03}"), ip("192.0.2.1"), T0).await;
    }
    assert!(begin(&limiter, "FRESHREF", ip("::ffff:192.0.2.1"), T0)
        .await
        .is_err());
    assert!(begin(&limiter, "FRESHREF", ip("192.0.2.2"), T0)
        .await
        .is_ok());
}

#[tokio::test]
async fn counts_that_ran_out_are_purged() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts.clone());
    for i in 0..100 {
        fail(
            &limiter,
            &format!("REF{i:05}"),
            ip(&format!("10.1.{i}.1")),
            T0,
        )
        .await;
    }
    fail(&limiter, "LATEREF1", ip("10.0.0.2"), T0 + WINDOW_SECS).await;
    assert_eq!(rows(&counts, "lookups/key").await, 1);
    assert_eq!(rows(&counts, "lookups/client").await, 1);
}

#[tokio::test]
async fn a_refused_lookup_purges_too() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts.clone());
    fail(&limiter, "OLDREF01", None, T0).await;
    for _ in 0..5 {
        fail(&limiter, "K0QXM2PD", None, T0 + 1000).await;
    }
    assert!(begin(&limiter, "K0QXM2PD", None, T0 + WINDOW_SECS + 500)
        .await
        .is_err());
    assert_eq!(rows(&counts, "lookups/key").await, 5);
}

#[tokio::test]
async fn a_clock_set_back_never_asks_to_wait_longer_than_the_window() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts);
    for _ in 0..5 {
        fail(&limiter, "K0QXM2PD", None, T0).await;
    }
    // Set back by less than a window (or another replica's clock a little behind): the
    // failures ahead of it count, for a window at most.
    assert_eq!(
        begin(&limiter, "K0QXM2PD", None, T0 - WINDOW_SECS / 2).await,
        Err(Limited {
            retry_after: WINDOW_SECS
        })
    );
}

#[tokio::test]
async fn counts_a_window_or_more_ahead_of_the_clock_are_another_clocks_and_do_not_count() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts.clone());
    // A server on the same database whose clock is days ahead (the browser tests' second
    // server) used up the reference's limit and the address's...
    for i in 0..30 {
        fail(&limiter, &format!("REF{i:05}"), ip("192.0.2.1"), T0).await;
    }
    for _ in 0..5 {
        fail(&limiter, "K0QXM2PD", None, T0).await;
    }
    // ...which does not hinder a server whose clock is still 10 windows earlier, and its
    // purge leaves them alone.
    let behind = LookupLimiter::new(counts.clone());
    let earlier = T0 - 10 * WINDOW_SECS;
    assert!(begin(&behind, "K0QXM2PD", ip("192.0.2.1"), earlier)
        .await
        .is_ok());
    assert_eq!(rows(&counts, "lookups/key").await, 36);
}

#[tokio::test]
async fn two_limiters_on_one_database_share_their_counts_and_so_does_a_restart() {
    let (_dir, counts) = counts().await;
    let one = LookupLimiter::new(counts.clone());
    let other = LookupLimiter::new(Counts::load(counts.db.clone()).await.unwrap());
    for i in 0..5 {
        let limiter = if i % 2 == 0 { &one } else { &other };
        fail(limiter, "K0QXM2PD", ip("10.0.0.1"), T0 + i).await;
    }
    assert_eq!(
        begin(&one, "K0QXM2PD", None, T0 + 10).await,
        Err(Limited {
            retry_after: WINDOW_SECS - 10
        })
    );
    assert!(begin(&other, "K0QXM2PD", None, T0 + 10).await.is_err());
    let restarted = LookupLimiter::new(Counts::load(counts.db.clone()).await.unwrap());
    assert!(begin(&restarted, "K0QXM2PD", None, T0 + 10).await.is_err());
}

#[tokio::test]
async fn nothing_counted_is_stored_in_clear() {
    let (_dir, counts) = counts().await;
    let limiter = LookupLimiter::new(counts.clone());
    fail(&limiter, "mobile 13812345678", ip("203.0.113.7"), T0).await;
    let keys: Vec<Vec<u8>> = sqlx::query_scalar("SELECT key FROM limit_events")
        .fetch_all(&counts.db)
        .await
        .unwrap();
    assert_eq!(keys.len(), 2);
    for key in keys {
        assert_eq!(key.len(), 16);
        let text = String::from_utf8_lossy(&key);
        assert!(
            !text.contains("1381234") && !text.contains("203.0"),
            "{text}"
        );
    }
}

#[tokio::test]
async fn a_client_budget_refuses_what_would_go_over_and_frees_as_the_window_moves() {
    let (_dir, counts) = counts().await;
    let budget = ClientBudget::new(counts, "test", 3, 3600);
    let take = |client, amount, now| budget.take(client, amount, now);
    let a = ip("203.0.113.7");
    for i in 0..3 {
        take(a, 1, T0 + i * 600).await.unwrap().unwrap();
    }
    // Full: wait until the first one is an hour old.
    assert_eq!(
        take(a, 1, T0 + 1800).await.unwrap(),
        Err(Limited { retry_after: 1800 })
    );
    // Another address, and no address, are not concerned.
    take(ip("203.0.113.8"), 1, T0 + 1800)
        .await
        .unwrap()
        .unwrap();
    take(None, 1, T0 + 1800).await.unwrap().unwrap();
    take(a, 1, T0 + 3600).await.unwrap().unwrap();
    assert!(take(a, 1, T0 + 3600).await.unwrap().is_err());
}

#[tokio::test]
async fn bytes_are_reserved_before_an_upload_and_settled_after_it() {
    let (_dir, counts) = counts().await;
    let budget = ClientBudget::new(counts, "test", 100, 3600);
    let reserve = |client, amount, now| budget.reserve(client, amount, now);
    let a = ip("2001:db8::1");
    // Two uploads of up to 60 reserved at once: the second is refused before it is read.
    let first = reserve(a, 60, T0).await.unwrap().unwrap();
    assert_eq!(
        reserve(a, 60, T0 + 1).await.unwrap().unwrap_err(),
        Limited { retry_after: 3599 }
    );
    // The first turned out to be 30: there is room for 70 more.
    budget.settle(first, 30).await.unwrap();
    let second = reserve(a, 70, T0 + 2).await.unwrap().unwrap();
    // A refused upload's bytes count too.
    budget.settle(second, 70).await.unwrap();
    assert!(reserve(a, 1, T0 + 3).await.unwrap().is_err());
    // The same /64 network counts as one client.
    assert!(reserve(ip("2001:db8::2"), 1, T0 + 3)
        .await
        .unwrap()
        .is_err());
    assert!(reserve(a, 1, T0 + 3600).await.unwrap().is_ok());
}
