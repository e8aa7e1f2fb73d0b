//! One step of a request's examination, for the firm's routes (reply, report the national
//! filing) and the officers' (`crate::staff::pre_exams`): the domain's `apply` with the
//! center's today and the shared working-day calendar, its answer stored with its history, and
//! the domain's refusals turned into answers.

use axum::http::StatusCode;
use portal_domain::api::firm::pre_exam::{
    apply, Actor, Examination, PreExamAction, PreExamError as E,
};
use portal_domain::Localized;
use sqlx::AnyConnection;
use std::borrow::Cow;

use super::store::{self, By};
use crate::error::{ApiError, Refusal, Text};
use crate::AppState;

/// A refusal with the domain's code and message.
pub(crate) fn refusal(status: StatusCode, e: &E) -> ApiError {
    Refusal::new(
        status,
        e.code(),
        Text {
            zh: Cow::Owned(e.message(portal_domain::Lang::Zh)),
            en: Cow::Owned(e.message(portal_domain::Lang::En)),
        },
    )
    .into()
}

/// The answer to a refused action: 409 for what the request's status (or its rounds, or its
/// deadline) does not allow, 403 for an actor's wrong action, else 400 `validation_failed` at the
/// field of the body that is wrong.
pub(crate) fn refused(action: &PreExamAction, e: E) -> ApiError {
    match e {
        E::WrongStatus | E::AmendmentRoundsUsed | E::ReplyOverdue | E::NotOverdue => {
            refusal(StatusCode::CONFLICT, &e)
        }
        E::NotYourAction => refusal(StatusCode::FORBIDDEN, &e),
        E::Calendar(_) => refusal(StatusCode::CONFLICT, &e),
        _ => ApiError::fields(vec![(action.field_of(&e), e)]),
    }
}

/// Applies `action` by `actor` to the submitted request `id` whose examination is `state`, and
/// stores the new state and its history entry. Call it in a `BEGIN IMMEDIATE` transaction.
pub(crate) async fn act(
    tx: &mut AnyConnection,
    state: &AppState,
    (id, exam): (i64, &Examination),
    action: &PreExamAction,
    (actor, by): (Actor, By),
    now: i64,
) -> Result<(), ApiError> {
    let today = state.today()?;
    let settings = store::settings(tx).await?;
    let t = apply(exam, action, actor, today, &settings, &state.calendar())
        .map_err(|e| refused(action, e))?;
    store::save_state(tx, id, &t.state, now).await?;
    store::event(tx, id, &t.event, by, now).await
}
