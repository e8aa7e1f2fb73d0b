//! A firm's people: the list, and the first person adding a colleague (who then sets their own
//! password through the link the answer carries).

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use portal_domain::api::firm::{code, ColleagueAdded, FirmError, NewColleague, PeopleList, Person};
use portal_domain::ids::MobileNumber;
use portal_domain::paths;
use sqlx::AnyConnection;

use super::links::{self, Purpose};
use super::person::Firm;
use crate::error::{ApiError, Refusal, Text};
use crate::extract::json_rejection;
use crate::AppState;

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    id: i64,
    name: String,
    mobile: String,
    #[sqlx(try_from = "crate::db::Flag")]
    is_first: bool,
    #[sqlx(try_from = "crate::db::Flag")]
    password_set: bool,
}

impl PersonRow {
    pub(crate) fn view(&self) -> Person {
        Person {
            id: self.id,
            name: self.name.clone(),
            mobile_masked: MobileNumber::parse(&self.mobile)
                .map_or_else(|_| "*".repeat(11), |m| m.masked()),
            first: self.is_first,
            password_set: self.password_set,
        }
    }
}

const PERSON_COLUMNS: &str =
    "id, name, mobile, is_first, password_hash <> '' AS password_set FROM firm_people";

/// The firm's active people, the first person first, then by when they were added.
pub(crate) async fn people_of(
    conn: &mut AnyConnection,
    firm_id: i64,
) -> sqlx::Result<Vec<PersonRow>> {
    sqlx::query_as(&format!(
        "SELECT {PERSON_COLUMNS} WHERE firm_id = $1 AND active = 1 ORDER BY is_first DESC, id"
    ))
    .bind(firm_id)
    .fetch_all(&mut *conn)
    .await
}

/// The firm's people.
#[utoipa::path(get, path = paths::FIRM_PEOPLE, tag = "firm",
    operation_id = "firm_list_people",
    responses(
        (status = 200, description = "The firm's people", body = PeopleList),
        crate::refusals::FirmSignedIn,
    ))]
pub async fn list(
    State(state): State<AppState>,
    Firm(person): Firm,
) -> Result<Json<PeopleList>, ApiError> {
    let mut conn = state.db.acquire().await?;
    let items = people_of(&mut conn, person.firm_id)
        .await?
        .iter()
        .map(PersonRow::view)
        .collect();
    Ok(Json(PeopleList { items }))
}

/// The first person adds a colleague. The answer carries the one-time link (valid 72 hours)
/// that the colleague opens to set their own password; hand it to them only. Sending the same
/// colleague again while they have not set a password makes a new link (ending the earlier
/// one), so a retried request loses nothing.
#[utoipa::path(post, path = paths::FIRM_PEOPLE, tag = "firm",
    operation_id = "firm_add_colleague",
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = NewColleague,
    responses(
        (status = 201, description = "Added (or the link made again)", body = ColleagueAdded),
        (status = 400, description = "`validation_failed`: `name`, `mobile` (its \
            `mobile_number.` codes, or `firm.mobile_taken`)", body = portal_domain::api::ApiErrorBody),
        crate::refusals::FirmSignedIn,
        (status = 403, description = "`firm.csrf`; `firm.forbidden`: only the firm's first \
            person adds colleagues", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn add(
    State(state): State<AppState>,
    Firm(person): Firm,
    body: Result<Json<NewColleague>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(request) = body.map_err(json_rejection)?;
    if !person.is_first {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            code::FORBIDDEN,
            Text::of(|t| t.firm_only_first_person_adds),
        )
        .into());
    }
    let (name, mobile) = request.parse().map_err(ApiError::fields)?;
    let now = state.clock.now();
    let mut tx = crate::db::write(&state.db).await?;
    let existing: Option<PersonRow> = sqlx::query_as(&format!(
        "SELECT {PERSON_COLUMNS} WHERE firm_id = $1 AND mobile = $2"
    ))
    .bind(person.firm_id)
    .bind(mobile.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let colleague_id = match existing {
        Some(row) if row.name == name && !row.password_set => row.id,
        Some(_) => return Err(ApiError::fields(vec![("mobile", FirmError::MobileTaken)])),
        None => {
            // No password until the colleague sets one: an empty hash never verifies.
            sqlx::query_scalar(
                "INSERT INTO firm_people (firm_id, name, mobile, password_hash, is_first, \
                 active, created_at, updated_at) VALUES ($1, $2, $3, '', 0, 1, $4, $5) RETURNING id",
            )
            .bind(person.firm_id)
            .bind(&name)
            .bind(mobile.as_str())
            .bind(now)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
        }
    };
    let link = links::issue(&mut tx, colleague_id, Purpose::Invitation, now).await?;
    let summary = format!("colleague {colleague_id} added; password link made");
    person.audit(&mut tx, "person.added", &summary, now).await?;
    let added: PersonRow = sqlx::query_as(&format!("SELECT {PERSON_COLUMNS} WHERE id = $1"))
        .bind(colleague_id)
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(ColleagueAdded {
            person: added.view(),
            link,
        }),
    )
        .into_response())
}
