//! Retention of personal data (issue #18, 个人信息保护法): the periods administrators set
//! (`retention_settings`, the shipped illustrative defaults until they save some; shapes in
//! `portal_domain::api::admin::retention`), the public `GET /api/v1/privacy/retention` the
//! privacy notice reads, and the sweep that enforces them.
//!
//! The sweep anonymises every booking whose slot ended more than `booking_days` ago and deletes
//! the personal data of every rights-assistance request closed (withdrawn, not accepted or
//! concluded) more than `assistance_days` ago. What statistics and the audit need stays:
//! reference, service (venue, topic, right type, help asked for), dates, status, attendance,
//! ratings; the row says when it was anonymised (`anonymised_at`).
//!
//! When it runs: once when the server starts, before it takes requests, then every hour on a
//! background task ([`start`]), and when an administrator asks for it (`POST /staff/admin/retention/run`,
//! audited with the counts). That route is also how the API tests make it run after moving the
//! server's fixed clock: the same code the background task runs, reached over HTTP like any other
//! behaviour, instead of a test-only hook in the clock; administrators use it after shortening a
//! period, so that it applies at once rather than within the hour.
//!
//! Several server processes may sweep at once (replicas, issue #16): each pass is one
//! `BEGIN IMMEDIATE` transaction, so they queue on SQLite's write lock, and every statement only
//! touches rows that are not anonymised yet, so the second pass finds nothing left to do.
//! Logs carry counts only, never a name, number or reference.

use std::time::Duration;

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::admin::{RetentionRun, RetentionSettings, RetentionUpdate};
use portal_domain::paths::{self, below_v1};
use sqlx::{AnyConnection, AnyPool};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::error::ApiError;
use crate::files::blobs;
use crate::AppState;

const DAY: i64 = 86_400;

/// What is cleared when a booking is anonymised, by whichever path (sweep or holder). The
/// accessibility adjustments go too: they can say something about a person's health.
const ANONYMISE_BOOKING: &str = "UPDATE bookings SET name = '', mobile = '', \
     organisation = NULL, uscc = NULL, description = NULL, wheelchair_access = 0, \
     sign_language_interpreter = 0, other_adjustments = NULL, client_tag = NULL, \
     anonymised_at = $1, anonymised_by = $2";

/// The retention periods in force.
pub(crate) async fn settings(conn: &mut AnyConnection) -> sqlx::Result<RetentionSettings> {
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT booking_days, assistance_days FROM retention_settings WHERE id = 1")
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match row {
        // The table's CHECKs keep both within 1..=3650.
        Some((booking_days, assistance_days)) => RetentionSettings {
            booking_days: booking_days as u32,
            assistance_days: assistance_days as u32,
            confirmed: true,
        },
        None => RetentionSettings::default(),
    })
}

/// Saves an administrator's periods (checked by the caller).
pub(crate) async fn save(
    conn: &mut AnyConnection,
    update: &RetentionUpdate,
    staff_id: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO retention_settings (id, booking_days, assistance_days, updated_at, \
         updated_by) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET \
         booking_days = excluded.booking_days, assistance_days = excluded.assistance_days, \
         updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(i64::from(update.booking_days))
    .bind(i64::from(update.assistance_days))
    .bind(now)
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Anonymises one booking at its holder's request (the caller checked that it may be).
/// Returns false when it was anonymised already.
pub(crate) async fn erase_booking(
    conn: &mut AnyConnection,
    booking_id: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(&format!(
        "{ANONYMISE_BOOKING} WHERE id = $3 AND anonymised_at IS NULL"
    ))
    .bind(now)
    .bind("holder")
    .bind(booking_id)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    forget_booking_answers(conn).await?;
    Ok(done > 0)
}

/// The stored 201 answers of anonymised bookings repeat the name: they go too.
async fn forget_booking_answers(conn: &mut AnyConnection) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM booking_idempotency WHERE booking_id IN \
         (SELECT id FROM bookings WHERE anonymised_at IS NOT NULL)",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One pass of the sweep at `now` (see the module documentation).
pub(crate) async fn sweep(db: &AnyPool, now: i64) -> sqlx::Result<RetentionRun> {
    let mut tx = crate::db::write(db).await?;
    let periods = settings(&mut tx).await?;
    let bookings = sqlx::query(&format!(
        "{ANONYMISE_BOOKING} WHERE anonymised_at IS NULL AND ends_at <= $3"
    ))
    .bind(now)
    .bind("retention")
    .bind(now - i64::from(periods.booking_days) * DAY)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if bookings > 0 {
        forget_booking_answers(&mut tx).await?;
    }
    let due: Vec<i64> = sqlx::query_scalar(
        "SELECT r.id FROM assistance_requests r WHERE r.anonymised_at IS NULL \
         AND r.status IN ('withdrawn', 'rejected', 'concluded') \
         AND (SELECT MAX(e.at) FROM assistance_events e WHERE e.request_id = r.id \
              AND e.status IN ('withdrawn', 'rejected', 'concluded')) <= $1",
    )
    .bind(now - i64::from(periods.assistance_days) * DAY)
    .fetch_all(&mut *tx)
    .await?;
    for id in &due {
        anonymise_request(&mut tx, *id, now).await?;
    }
    if !due.is_empty() {
        blobs::delete_unused(&mut tx).await?;
    }
    tx.commit().await?;
    let run = RetentionRun {
        bookings: bookings as u32,
        requests: due.len() as u32,
    };
    if run != RetentionRun::default() {
        tracing::info!(
            bookings = run.bookings,
            requests = run.requests,
            "retention: personal data anonymised"
        );
    }
    Ok(run)
}

/// Deletes a closed request's personal data: the applicant's names and numbers, the free text
/// of the request (which names people), the other party's name and addresses, the applicant's
/// replies and every file. Kept: the right's type, number and title, the dates, the help asked
/// for, the status and timeline, the center's messages.
async fn anonymise_request(conn: &mut AnyConnection, id: i64, now: i64) -> sqlx::Result<()> {
    let answers: Option<String> = sqlx::query_scalar(
        "SELECT answers FROM assistance_requests WHERE id = $1 AND anonymised_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(answers) = answers else {
        return Ok(());
    };
    let answers = anonymised_answers(&answers).map_err(|e| sqlx::Error::Decode(e.into()))?;
    sqlx::query(
        "UPDATE assistance_requests SET mobile = '', anonymised_at = $1, answers = $2 \
         WHERE id = $3 AND anonymised_at IS NULL",
    )
    .bind(now)
    .bind(answers)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE assistance_messages SET reply_text = NULL WHERE request_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM assistance_files WHERE request_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// What a request's answers keep once anonymised: each of [`ERASED`] emptied (`""`) or removed
/// (`null`), where its object is there (nothing is added).
fn anonymised_answers(answers: &str) -> serde_json::Result<String> {
    let mut answers: serde_json::Value = serde_json::from_str(answers)?;
    for (path, emptied) in ERASED {
        let (parent, field) = path.split_once('.').expect("a field of a section");
        if let Some(section) = answers.get_mut(parent).and_then(|v| v.as_object_mut()) {
            let value = match emptied {
                true => serde_json::Value::String(String::new()),
                false => serde_json::Value::Null,
            };
            section.insert(field.to_owned(), value);
        }
    }
    serde_json::to_string(&answers)
}

/// The personal fields of a request's answers: emptied (`true`: a required text) or nulled.
const ERASED: [(&str, bool); 14] = [
    ("applicant.name", true),
    ("applicant.mobile", false),
    ("applicant.resident_id", false),
    ("applicant.uscc", false),
    ("applicant.contact_name", false),
    ("applicant.representative_name", false),
    ("right.holder", true),
    ("other_party.name", true),
    ("other_party.address", false),
    ("other_party.online_link", false),
    ("other_party.place", true),
    ("facts.description", true),
    ("facts.other_actions", false),
    ("help.notes", false),
];

/// Sweeps once before the server takes requests, then every hour on a background task, for as
/// long as the server runs. A failed pass is logged and tried again at the next.
pub(crate) async fn start(db: AnyPool, clock: crate::Clock) {
    let pass = |db: AnyPool, now: i64| async move {
        if let Err(e) = sweep(&db, now).await {
            tracing::warn!(error = %e, "retention sweep failed; tried again within the hour");
        }
    };
    pass(db.clone(), clock.now()).await;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        // The first tick is at once: the pass above made it.
        every.tick().await;
        loop {
            every.tick().await;
            pass(db.clone(), clock.now()).await;
        }
    });
}

pub fn router() -> Router<AppState> {
    Router::new().route(
        below_v1(paths::PRIVACY_RETENTION),
        get(public_settings).layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        )),
    )
}

/// How long personal data is kept, for the privacy notice: the administrators' periods, or the
/// shipped illustrative defaults (`confirmed` false) until they save some.
#[utoipa::path(get, path = paths::PRIVACY_RETENTION, tag = "privacy",
    operation_id = "privacy_retention",
    responses((status = 200, description = "The retention periods in force", body = RetentionSettings)))]
pub async fn public_settings(
    State(state): State<AppState>,
) -> Result<Json<RetentionSettings>, ApiError> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(settings(&mut conn).await?))
}
