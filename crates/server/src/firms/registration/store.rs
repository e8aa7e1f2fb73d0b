//! Registrations in the database: one row per round (`registrations`: a firm's applications,
//! changes and re-checks), their history (`registration_events`) and the fast track's settings
//! (`fast_track_settings`), shared by the firm's routes and the officers'
//! (`crate::staff::registrations`).

use axum::http::StatusCode;
use portal_domain::api::firm::registration::{
    code, CancelReason, Cancellation, Certificate, Defect, FastTrackSettings, RegistrationAnswers,
    RegistrationKind, RegistrationStatus, RoundSummary,
};
use portal_domain::calendar::Date;
use sqlx::SqliteConnection;

use crate::error::{ApiError, Refusal, Text};

/// A registration with its firm and assignee.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct Row {
    pub id: i64,
    pub firm_id: i64,
    pub kind: String,
    pub previous_id: Option<i64>,
    pub firm_name: String,
    pub uscc: String,
    pub status: String,
    pub reference: Option<String>,
    pub answers: String,
    pub defects: String,
    pub submitted_at: Option<i64>,
    pub due_on: Option<String>,
    pub assignee: Option<String>,
    pub certificate_no: Option<String>,
    pub registered_on: Option<String>,
    pub valid_until: Option<String>,
    pub refusal_reason: Option<String>,
    pub cancel_reason: Option<String>,
    pub cancel_text: Option<String>,
    pub cancelled_on: Option<String>,
}

const SELECT: &str = "SELECT r.id, r.firm_id, r.kind, r.previous_id, f.name AS firm_name, \
    f.uscc, r.status, r.reference, r.answers, r.defects, r.submitted_at, r.due_on, \
    s.display_name AS assignee, r.certificate_no, r.registered_on, r.valid_until, \
    r.refusal_reason, r.cancel_reason, r.cancel_text, r.cancelled_on \
    FROM registrations r JOIN firms f ON f.id = r.firm_id \
    LEFT JOIN staff_accounts s ON s.id = r.assignee_id";

impl Row {
    pub fn status(&self) -> RegistrationStatus {
        RegistrationStatus::from_code(&self.status).unwrap_or(RegistrationStatus::Draft)
    }

    pub fn kind(&self) -> RegistrationKind {
        RegistrationKind::from_code(&self.kind).unwrap_or_default()
    }

    /// A registered round whose validity has not ended.
    pub fn in_force(&self, today: Date) -> bool {
        self.status() == RegistrationStatus::Registered
            && self
                .valid_until
                .as_deref()
                .and_then(|d| Date::parse(d).ok())
                .is_some_and(|d| d >= today)
    }

    pub fn cancellation(&self) -> Option<Cancellation> {
        Some(Cancellation {
            reason: CancelReason::from_code(self.cancel_reason.as_deref()?)?,
            text: self.cancel_text.clone().unwrap_or_default(),
            on: Date::parse(self.cancelled_on.as_deref()?).ok()?,
        })
    }

    pub fn summary(&self) -> RoundSummary {
        RoundSummary {
            id: self.id,
            reference: self.reference.clone().unwrap_or_default(),
            kind: self.kind(),
            status: self.status(),
            submitted_at: self.submitted_at.unwrap_or_default(),
        }
    }

    /// The stored answers (written by this server from the same type, so they read back).
    pub fn answers(&self) -> RegistrationAnswers {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }

    pub fn defects(&self) -> Vec<Defect> {
        serde_json::from_str(&self.defects).unwrap_or_default()
    }

    pub fn due_on(&self) -> Option<Date> {
        self.due_on.as_deref().and_then(|d| Date::parse(d).ok())
    }

    /// The due day of a round whose clock runs (the center's or the firm's).
    pub fn running_due_on(&self) -> Option<Date> {
        use RegistrationStatus as S;
        matches!(
            self.status(),
            S::Submitted | S::UnderReview | S::NeedsAmendment
        )
        .then(|| self.due_on())
        .flatten()
    }

    /// Past its due day, in a status whose clock is the center's or the firm's.
    pub fn overdue(&self, today: Date) -> bool {
        self.running_due_on().is_some_and(|d| d < today)
    }

    /// The certificate of a registered firm, naming the fields of its `answers` (as
    /// [`Row::answers`] read them: parsed once by the caller).
    pub fn certificate(
        &self,
        answers: &RegistrationAnswers,
        settings: &FastTrackSettings,
    ) -> Option<Certificate> {
        let chosen = &answers.fields;
        Some(Certificate {
            number: self.certificate_no.clone()?,
            firm_name: self.firm_name.clone(),
            uscc: self.uscc.clone(),
            fields: settings
                .fields
                .iter()
                .filter(|f| chosen.contains(&f.code))
                .cloned()
                .collect(),
            registered_on: Date::parse(self.registered_on.as_deref()?).ok()?,
            valid_until: Date::parse(self.valid_until.as_deref()?).ok()?,
        })
    }
}

/// The firm's current round: its latest.
pub(crate) async fn for_firm(
    conn: &mut SqliteConnection,
    firm_id: i64,
) -> sqlx::Result<Option<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.firm_id = ? ORDER BY r.id DESC LIMIT 1"
    ))
    .bind(firm_id)
    .fetch_optional(&mut *conn)
    .await
}

/// The firm's registered round (in force, or whose validity has ended) or, when its last
/// registration was cancelled, that one: whichever came last.
pub(crate) async fn last_registration(
    conn: &mut SqliteConnection,
    firm_id: i64,
) -> sqlx::Result<Option<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.firm_id = ? AND r.status IN ('registered', 'cancelled') \
         ORDER BY r.id DESC LIMIT 1"
    ))
    .bind(firm_id)
    .fetch_optional(&mut *conn)
    .await
}

/// Every round of the firm, newest first.
pub(crate) async fn rounds(conn: &mut SqliteConnection, firm_id: i64) -> sqlx::Result<Vec<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.firm_id = ? AND r.status <> 'draft' ORDER BY r.id DESC LIMIT 100"
    ))
    .bind(firm_id)
    .fetch_all(&mut *conn)
    .await
}

pub(crate) async fn by_id(conn: &mut SqliteConnection, id: i64) -> sqlx::Result<Option<Row>> {
    sqlx::query_as(&format!("{SELECT} WHERE r.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
}

/// Every submitted registration: those waiting for the center first, the earliest due first.
pub(crate) async fn queue(conn: &mut SqliteConnection) -> sqlx::Result<Vec<Row>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE r.status <> 'draft' ORDER BY \
         CASE r.status WHEN 'submitted' THEN 0 WHEN 'under_review' THEN 0 \
         WHEN 'needs_amendment' THEN 1 ELSE 2 END, r.due_on, r.submitted_at DESC LIMIT 500"
    ))
    .fetch_all(&mut *conn)
    .await
}

/// The settings in force: the administrators' or, until they save some, the shipped defaults.
pub(crate) async fn settings(conn: &mut SqliteConnection) -> sqlx::Result<FastTrackSettings> {
    let body: Option<String> =
        sqlx::query_scalar("SELECT body FROM fast_track_settings WHERE id = 1")
            .fetch_optional(&mut *conn)
            .await?;
    Ok(body
        .and_then(|b| serde_json::from_str(&b).ok())
        .unwrap_or_default())
}

pub(crate) async fn save_settings(
    conn: &mut SqliteConnection,
    settings: &FastTrackSettings,
    staff_id: i64,
    now: i64,
) -> Result<(), ApiError> {
    let body = serde_json::to_string(settings).map_err(ApiError::internal)?;
    sqlx::query(
        "INSERT INTO fast_track_settings (id, body, updated_at, updated_by) VALUES (1, ?, ?, ?) \
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by",
    )
    .bind(body)
    .bind(now)
    .bind(staff_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Who took a step.
#[derive(Debug, Clone, Copy)]
pub(crate) enum By {
    Staff(i64),
    Person(i64),
}

pub(crate) async fn event(
    conn: &mut SqliteConnection,
    registration_id: i64,
    by: By,
    action: &str,
    detail: &str,
    now: i64,
) -> sqlx::Result<()> {
    let (staff, person) = match by {
        By::Staff(id) => (Some(id), None),
        By::Person(id) => (None, Some(id)),
    };
    sqlx::query(
        "INSERT INTO registration_events (registration_id, at, staff_id, person_id, action, \
         detail) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(registration_id)
    .bind(now)
    .bind(staff)
    .bind(person)
    .bind(action)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// 409: the step does not fit where the registration stands.
pub(crate) fn wrong_status() -> ApiError {
    Refusal::new(
        StatusCode::CONFLICT,
        code::WRONG_STATUS,
        Text::of(|t| t.registration_wrong_status),
    )
    .into()
}
