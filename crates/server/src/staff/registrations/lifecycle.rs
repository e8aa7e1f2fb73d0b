//! The review steps that touch more than one round of a firm: registering (a change or re-check
//! accepted replaces the registration in force, keeping its certificate number and validity; an
//! application registered after an earlier registration ended replaces that one), re-checking a
//! registration in force (复核, a new round sent to the firm) and cancelling one (撤销, which
//! closes the firm's open round with it).

use portal_domain::api::firm::registration::{
    CancelReason, Defect, FastTrackSettings, RegistrationKind, RegistrationStatus,
};
use portal_domain::calendar::Date;
use sqlx::AnyConnection;

use super::add_months;
use crate::error::ApiError;
use crate::firms::registration::store::{self, wrong_status, Row};

/// Registers a round under review; returns its certificate number.
pub(super) async fn register(
    tx: &mut AnyConnection,
    row: &Row,
    settings: &FastTrackSettings,
    today: Date,
    now: i64,
) -> Result<String, ApiError> {
    let replaces = match row.kind() {
        RegistrationKind::Application => None,
        _ => {
            let previous = store::by_id(tx, row.previous_id.unwrap_or_default()).await?;
            let registered = previous.filter(|p| p.status() == RegistrationStatus::Registered);
            Some(registered.ok_or_else(wrong_status)?)
        }
    };
    let (number, registered_on, valid_until) = match &replaces {
        Some(previous) => (
            previous.certificate_no.clone().unwrap_or_default(),
            previous.registered_on.clone().unwrap_or_default(),
            previous.valid_until.clone().unwrap_or_default(),
        ),
        None => {
            let year = today.year();
            // Distinct: a change accepted keeps its registration's number.
            let issued: i64 = sqlx::query_scalar(
                "SELECT COUNT(DISTINCT certificate_no) FROM registrations \
                 WHERE certificate_no LIKE $1",
            )
            .bind(format!("NTYS-{year}-%"))
            .fetch_one(&mut *tx)
            .await?;
            (
                format!("NTYS-{year}-{:04}", issued + 1),
                today.to_string(),
                add_months(today, settings.limits.validity_months).to_string(),
            )
        }
    };
    // The firm's registration so far (in force, or ended) gives way first: one in force at a time.
    sqlx::query(
        "UPDATE registrations SET status = 'superseded', updated_at = $1 \
         WHERE firm_id = $2 AND status = 'registered'",
    )
    .bind(now)
    .bind(row.firm_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE registrations SET status = 'registered', certificate_no = $1, registered_on = $2, \
         valid_until = $3, due_on = NULL, updated_at = $4 WHERE id = $5",
    )
    .bind(&number)
    .bind(&registered_on)
    .bind(&valid_until)
    .bind(now)
    .bind(row.id)
    .execute(&mut *tx)
    .await?;
    Ok(number)
}

/// Sends a registration in force for re-checking: a new round needing amendment, with what to
/// confirm or update and the amendment's due day. A change the firm has started but not sent
/// becomes that round (its answers kept); a round already sent is reviewed instead (409).
/// Returns the round's id.
pub(super) async fn recheck(
    tx: &mut AnyConnection,
    row: &Row,
    defects: &[Defect],
    due_on: Option<String>,
    today: Date,
    now: i64,
) -> Result<i64, ApiError> {
    let open = store::for_firm(tx, row.firm_id)
        .await?
        .filter(|r| r.status().open());
    let id = match open {
        Some(open) if open.reference.is_none() => open.id,
        Some(_) => return Err(wrong_status()),
        None => {
            let id = sqlx::query_scalar(
                "INSERT INTO registrations (firm_id, kind, previous_id, status, answers, \
                 created_at, updated_at) VALUES ($1, 'recheck', $2, 'draft', $3, $4, $5) RETURNING id",
            )
            .bind(row.firm_id)
            .bind(row.id)
            .bind(&row.answers)
            .bind(now)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            store::copy_files(tx, row.id, id).await?;
            id
        }
    };
    let defects = serde_json::to_string(defects).map_err(ApiError::internal)?;
    sqlx::query(
        "UPDATE registrations SET kind = 'recheck', previous_id = $1, status = 'needs_amendment', \
         reference = $2, defects = $3, submitted_at = $4, due_on = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(row.id)
    .bind(format!("BA-{}-{id:06}", today.year()))
    .bind(&defects)
    .bind(now)
    .bind(due_on)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(id)
}

/// Cancels a registration, and closes the firm's open round (if any) as not accepted, with the
/// same words.
pub(super) async fn cancel(
    tx: &mut AnyConnection,
    row: &Row,
    reason: CancelReason,
    text: &str,
    today: Date,
    now: i64,
) -> Result<(), ApiError> {
    sqlx::query(
        "UPDATE registrations SET status = 'cancelled', cancel_reason = $1, cancel_text = $2, \
         cancelled_on = $3, due_on = NULL, updated_at = $4 WHERE id = $5",
    )
    .bind(reason.code())
    .bind(text)
    .bind(today.to_string())
    .bind(now)
    .bind(row.id)
    .execute(&mut *tx)
    .await?;
    // A draft has no reference yet; the closed round gets one, as every round that is not a
    // draft has.
    sqlx::query(
        "UPDATE registrations SET status = 'refused', refusal_reason = $1, due_on = NULL, \
         reference = COALESCE(reference, 'BA-' || $2 || '-' || CASE WHEN id < 1000000 \
         THEN substr('00000' || id, length('00000' || id) - 5) ELSE '' || id END), \
         submitted_at = COALESCE(submitted_at, $3), updated_at = $4 \
         WHERE firm_id = $5 AND status IN ('draft', 'submitted', 'under_review', 'needs_amendment')",
    )
    .bind(text)
    .bind(today.year())
    .bind(now)
    .bind(now)
    .bind(row.firm_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
