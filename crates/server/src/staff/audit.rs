//! The staff audit log (`staff_audit`): changes written in the transaction of the change, and
//! reads of personal data in full (see the `staff` module documentation).

use sqlx::SqliteConnection;

use super::user::StaffUser;
use crate::error::ApiError;
use crate::AppState;

/// A member of staff was shown personal data in full (a case, an evidence file, the desk's
/// bookings): who, what and when go to the audit log, never the data itself. Written on its own
/// connection: a read has no transaction.
pub(crate) async fn audit_read(
    state: &AppState,
    user: &StaffUser,
    action: &str,
    target: (&str, Option<&str>),
) -> Result<(), ApiError> {
    let mut conn = state.db.acquire().await?;
    audit(
        &mut conn,
        Some(user.account_id),
        action,
        target,
        "viewed in full",
        state.clock.now(),
    )
    .await?;
    Ok(())
}

/// A change made by staff (`actor` `None`: the server itself), written on the connection of
/// the change's transaction. `summary` must not hold personal data.
pub(crate) async fn audit(
    conn: &mut SqliteConnection,
    actor: Option<i64>,
    action: &str,
    target: (&str, Option<&str>),
    summary: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_audit (at, actor_id, action, target_type, target_id, summary) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(now)
    .bind(actor)
    .bind(action)
    .bind(target.0)
    .bind(target.1)
    .bind(summary)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
