//! Administrator settings kept whole, as one JSON document in a table of one row (`id = 1`,
//! `body`, `updated_at`, `updated_by`): the fast track's registration settings
//! (`fast_track_settings`) and the pre-examination's (`pre_exam_settings`). Until an
//! administrator saves some, the shipped defaults apply (the domain types' `Default`, labelled
//! illustrative where they are shown).

use serde::de::DeserializeOwned;
use serde::Serialize;
use sqlx::AnyConnection;

use crate::audit::audit;
use crate::error::ApiError;
use crate::AppState;

/// The settings in `table`: the administrators' or, until they save some, the defaults.
pub(crate) async fn load<T: DeserializeOwned + Default>(
    conn: &mut AnyConnection,
    table: &'static str,
) -> sqlx::Result<T> {
    let body: Option<String> =
        sqlx::query_scalar(&format!("SELECT body FROM {table} WHERE id = 1"))
            .fetch_optional(&mut *conn)
            .await?;
    Ok(body
        .and_then(|b| serde_json::from_str(&b).ok())
        .unwrap_or_default())
}

/// Replaces the settings in `table`, saying who did and when.
pub(crate) async fn save<T: Serialize>(
    conn: &mut AnyConnection,
    table: &'static str,
    settings: &T,
    staff_id: i64,
    now: i64,
) -> Result<(), ApiError> {
    let body = serde_json::to_string(settings).map_err(ApiError::internal)?;
    sqlx::query(&format!(
        "INSERT INTO {table} (id, body, updated_at, updated_by) VALUES (1, $1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by"
    ))
    .bind(body)
    .bind(now)
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An administrator replaces the settings in `table`, which the domain's checks found nothing
/// wrong with: saved, and written to the audit log as `action` on the table with `summary`, in
/// one transaction. Whatever was made under the old settings keeps its days.
pub(crate) async fn replace<T: Serialize>(
    state: &AppState,
    (table, settings): (&'static str, &T),
    staff_id: i64,
    (action, summary): (&str, &str),
) -> Result<(), ApiError> {
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    save(&mut tx, table, settings, staff_id, now).await?;
    audit(&mut tx, Some(staff_id), action, (table, None), summary, now).await?;
    tx.commit().await?;
    Ok(())
}
