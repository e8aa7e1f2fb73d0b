//! The limits' counts in the database (`limit_events`, migration 0025): one row per counted
//! event, named by its limiter and a keyed hash of what it counts.

use std::sync::Arc;

use sha2::{Digest, Sha256};
use sqlx::{Any, AnyConnection, AnyPool, Transaction};

/// Where every limit counts: the database, and the key that hashes what is counted. Cheap to
/// clone; every limit of a process holds one.
#[derive(Clone)]
pub struct Counts {
    pub(super) db: AnyPool,
    /// `server_secrets.limit_key`: made once by the migration, the same for every process.
    secret: Arc<[u8]>,
}

impl std::fmt::Debug for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counts").finish_non_exhaustive()
    }
}

/// The failures of one key that count at some instant.
#[derive(Debug, Clone, Copy)]
pub(super) struct Failures {
    pub count: usize,
    pub oldest: Option<i64>,
}

impl Counts {
    /// The counts of the database `db` (migrated).
    pub async fn load(db: AnyPool) -> sqlx::Result<Counts> {
        let secret: Vec<u8> =
            sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = 'limit_key'")
                .fetch_one(&db)
                .await?;
        Ok(Counts {
            db,
            secret: secret.into(),
        })
    }

    /// What a row of `limiter` holds for `key`: a SHA-256 of the secret, the limiter and the
    /// key, cut to 16 bytes. Never the key itself, and not the same for two limiters.
    pub(super) fn hash(&self, limiter: &str, key: &str) -> Vec<u8> {
        let mut hasher = Sha256::new();
        hasher.update(&self.secret);
        hasher.update(limiter.as_bytes());
        hasher.update([0]);
        hasher.update(key.as_bytes());
        hasher.finalize()[..16].to_vec()
    }

    /// A write transaction, begun at once (`BEGIN IMMEDIATE`): what it reads stays true until
    /// it commits, in every process on the database.
    pub(super) async fn write(&self) -> sqlx::Result<Transaction<'static, Any>> {
        crate::db::write(&self.db).await
    }
}

/// The rows of `limiter` and `key` that count at `now`: from the window before it, and up to
/// a window after it (see the module documentation of `limit`).
const LIVE: &str = "limiter = $1 AND key = $2 AND at > $3 AND at < $4";

/// The failures of `key` that count at `now` within `window`.
pub(super) async fn failures(
    conn: &mut AnyConnection,
    limiter: &str,
    key: &[u8],
    now: i64,
    window: i64,
) -> sqlx::Result<Failures> {
    let (count, oldest): (i64, Option<i64>) = sqlx::query_as(&format!(
        "SELECT COUNT(*), MIN(at) FROM limit_events WHERE {LIVE}"
    ))
    .bind(limiter)
    .bind(key)
    .bind(now - window)
    .bind(now + window)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Failures {
        count: usize::try_from(count).unwrap_or(0),
        oldest,
    })
}

/// When and how much `key` spent that counts at `now` within `window`, oldest first.
pub(super) async fn spent(
    conn: &mut AnyConnection,
    limiter: &str,
    key: &[u8],
    now: i64,
    window: i64,
) -> sqlx::Result<Vec<(i64, u64)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(&format!(
        "SELECT at, amount FROM limit_events WHERE {LIVE} ORDER BY at, id"
    ))
    .bind(limiter)
    .bind(key)
    .bind(now - window)
    .bind(now + window)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, amount)| (at, u64::try_from(amount).unwrap_or(0)))
        .collect())
}

/// Counts `amount` for `key` at `at`; the row's id.
pub(super) async fn insert(
    conn: &mut AnyConnection,
    limiter: &str,
    key: &[u8],
    at: i64,
    amount: u64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO limit_events (limiter, key, at, amount) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(limiter)
    .bind(key)
    .bind(at)
    .bind(i64::try_from(amount).unwrap_or(i64::MAX))
    .fetch_one(&mut *conn)
    .await
}

/// Takes back the rows `ids` (an attempt forgiven).
pub(super) async fn delete(counts: &Counts, ids: &[i64]) -> sqlx::Result<()> {
    // One or two rows (by key, by client address): one statement with a parameter each.
    let params = (1..=ids.len()).map(|i| format!("${i}")).collect::<Vec<_>>();
    let sql = format!(
        "DELETE FROM limit_events WHERE id IN ({})",
        params.join(", ")
    );
    let query = ids.iter().fold(sqlx::query(&sql), |q, id| q.bind(*id));
    if !ids.is_empty() {
        query.execute(&counts.db).await?;
    }
    Ok(())
}

/// Sets what the row `id` counts (a reservation settled).
pub(super) async fn set_amount(counts: &Counts, id: i64, amount: u64) -> sqlx::Result<()> {
    sqlx::query("UPDATE limit_events SET amount = $1 WHERE id = $2")
        .bind(i64::try_from(amount).unwrap_or(i64::MAX))
        .bind(id)
        .execute(&counts.db)
        .await?;
    Ok(())
}

/// Deletes the rows of `limiters` from `before` or earlier, and every limiter's rows from
/// `all_before` or earlier.
pub(super) async fn purge(
    conn: &mut AnyConnection,
    limiters: &[&str],
    before: i64,
    all_before: i64,
) -> sqlx::Result<()> {
    for limiter in limiters {
        sqlx::query("DELETE FROM limit_events WHERE limiter = $1 AND at <= $2")
            .bind(limiter)
            .bind(before)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query("DELETE FROM limit_events WHERE at <= $1")
        .bind(all_before)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
