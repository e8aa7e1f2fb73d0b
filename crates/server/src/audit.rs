//! The audit log (`staff_audit`): every change made by staff, by the server itself or by a
//! citizen's own action that staff must be able to trace, written in the transaction of the
//! change. Reads of personal data by staff go there too (`crate::staff::audit::audit_read`).

use sqlx::AnyConnection;

/// A change made by staff (`actor` `None`: the server itself), written on the connection of
/// the change's transaction. `summary` must not hold personal data.
pub(crate) async fn audit(
    conn: &mut AnyConnection,
    actor: Option<i64>,
    action: &str,
    target: (&str, Option<&str>),
    summary: &str,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO staff_audit (at, actor_id, action, target_type, target_id, summary) \
         VALUES ($1, $2, $3, $4, $5, $6)",
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
