//! A firm starts a new round of its registration (`POST /api/v1/firm/registration/rounds`: apply
//! again, or change the details of a registration in force) and reads its dashboard
//! (`GET /api/v1/firm/dashboard`: where it stands and what the center told it). The rules of
//! which round may start when are [`super::Rounds::may_start`]'s.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use portal_domain::api::firm::registration::{
    code, CenterMessage, FirmDashboard, FirmRegistration, NewRound, RegistrationKind, MAX_MESSAGES,
};
use portal_domain::paths;

use super::store::{self, By, Row};
use super::{current, Rounds};
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::firms::person::Firm;
use crate::AppState;

fn not_allowed() -> ApiError {
    Refusal::new(
        StatusCode::CONFLICT,
        code::ROUND_NOT_ALLOWED,
        Text::of(|t| t.registration_round_not_allowed),
    )
    .into()
}

/// Starts a new round as a draft, its answers and documents copied from the registration in force
/// (a change) or from the last round (an application), the 承诺书 to be accepted again. Asking again for
/// the draft already started answers with it, so a retried request is safe.
#[utoipa::path(post, path = paths::FIRM_REGISTRATION_ROUNDS, tag = "firm",
    operation_id = "firm_start_registration_round",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = NewRound,
    responses(
        (status = 200, description = "The new round (or the draft already started)", body = FirmRegistration),
        (status = 400, description = "`invalid_json`", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmWriting,
        (status = 409, description = "`registration.round_not_allowed`: a round is open, or the kind does not fit (a change needs a registration in force, an application none)", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn start_round(
    State(state): State<AppState>,
    Firm(person): Firm,
    body: Result<Json<NewRound>, JsonRejection>,
) -> Result<Json<FirmRegistration>, ApiError> {
    let Json(NewRound { kind }) = body.map_err(json_rejection)?;
    let today = state.today()?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let rounds = Rounds::load(&mut tx, person.firm_id).await?;
    if let Some(open) = rounds.current.as_ref().filter(|r| r.status().open()) {
        let same_draft = open.kind() == kind && open.reference.is_none();
        if !same_draft {
            return Err(not_allowed());
        }
        let view = current(&state, &mut tx, person.firm_id, &person.firm_name).await?;
        return Ok(Json(view));
    }
    if !rounds.may_start(today).contains(&kind) {
        return Err(not_allowed());
    }
    // A change starts from what is registered; an application from the last round's answers.
    // A change names the registration it would replace (`previous_id`).
    let change = kind == RegistrationKind::Change;
    let from = if change {
        rounds.in_force(today)
    } else {
        rounds.current.as_ref()
    };
    let previous_id = from.filter(|_| change).map(|r| r.id);
    let mut answers = from.map(Row::answers).unwrap_or_default();
    answers.declaration = false;
    let json = serde_json::to_string(&answers).map_err(ApiError::internal)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO registrations (firm_id, kind, previous_id, status, answers, created_at, \
         updated_at) VALUES ($1, $2, $3, 'draft', $4, $5, $6) RETURNING id",
    )
    .bind(person.firm_id)
    .bind(kind.code())
    .bind(previous_id)
    .bind(&json)
    .bind(now)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    // The documents come with the answers they belong to.
    if let Some(from) = from {
        store::copy_files(&mut tx, from.id, id).await?;
    }
    store::event(
        &mut tx,
        id,
        By::Person(person.person_id),
        "started",
        kind.code(),
        now,
    )
    .await?;
    person
        .audit(
            &mut tx,
            "registration.round_started",
            &format!("registration {id} ({})", kind.code()),
            now,
        )
        .await?;
    let view = current(&state, &mut tx, person.firm_id, &person.firm_name).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// The firm's dashboard: its current round with the working days left, its registration (or
/// its cancellation) and the center's messages, newest first.
#[utoipa::path(get, path = paths::FIRM_DASHBOARD, tag = "firm",
    operation_id = "firm_dashboard",
    responses(
        (status = 200, description = "The dashboard", body = FirmDashboard),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn dashboard(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<FirmDashboard>, ApiError> {
    let today = state.today()?;
    let mut conn = state.db.acquire().await?;
    let settings = store::settings(&mut conn).await?;
    let rounds = Rounds::load(&mut conn, person.firm_id).await?;
    let messages: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT e.at, COALESCE(r.reference, ''), e.action, e.detail FROM registration_events e \
         JOIN registrations r ON r.id = e.registration_id \
         WHERE r.firm_id = $1 AND e.staff_id IS NOT NULL \
         AND e.action IN ('amend', 'register', 'refuse', 'recheck', 'cancel') \
         ORDER BY e.at DESC, e.id DESC LIMIT $2",
    )
    .bind(person.firm_id)
    .bind(MAX_MESSAGES as i64)
    .fetch_all(&mut *conn)
    .await?;
    let due_on = rounds.current.as_ref().and_then(Row::running_due_on);
    Ok(Json(FirmDashboard {
        round: rounds.current.as_ref().map(Row::summary),
        due_on,
        days_left: state.days_left(today, due_on),
        certificate: rounds.certificate(&settings),
        cancellation: rounds.cancellation(),
        messages: messages
            .into_iter()
            .map(|(at, reference, action, detail)| CenterMessage {
                at,
                reference,
                action,
                detail: for_the_firm(&detail),
            })
            .collect(),
        today,
    }))
}

/// The history's detail as the firm reads it: defects are kept one per line after their
/// section's code (`[rnd] …`), which the firm's registration page names; here the text alone.
fn for_the_firm(detail: &str) -> String {
    detail
        .lines()
        .map(|line| {
            line.strip_prefix('[')
                .and_then(|rest| rest.split_once("] "))
                .map_or(line, |(_, text)| text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_firm_reads_defects_without_section_codes() {
        let detail = "[rnd] 研发投入与附件不一致\n[firm] 请更新参保人数";
        assert_eq!(
            super::for_the_firm(detail),
            "研发投入与附件不一致\n请更新参保人数"
        );
        assert_eq!(super::for_the_firm("NTYS-2026-0001"), "NTYS-2026-0001");
    }
}
