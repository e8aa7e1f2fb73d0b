//! The signed-in person of a firm ([`FirmPerson`]), loaded from the session by the guard and
//! handed to the handlers through the [`Firm`] extractor.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use portal_domain::api::firm::FirmSession;
use portal_domain::ids::{MobileNumber, Uscc};
use portal_domain::time::format_shanghai;

use crate::error::ApiError;
use crate::sign_in::sessions::{self, Live};
use crate::sign_in::FIRM;
use crate::AppState;

#[derive(Debug, Clone)]
pub struct FirmPerson {
    pub person_id: i64,
    pub firm_id: i64,
    pub firm_name: String,
    pub uscc: String,
    pub name: String,
    pub mobile: String,
    /// Signed the firm up; adds colleagues.
    pub is_first: bool,
    pub csrf_token: String,
    pub session_hash: Vec<u8>,
    pub expires_at: i64,
}

impl FirmPerson {
    pub fn session_view(&self) -> FirmSession {
        FirmSession {
            firm_name: self.firm_name.clone(),
            uscc_masked: masked(&self.uscc, Uscc::parse, |u| u.masked()),
            person_name: self.name.clone(),
            mobile_masked: masked(&self.mobile, MobileNumber::parse, |m| m.masked()),
            first: self.is_first,
            csrf_token: self.csrf_token.clone(),
            expires_at: format_shanghai(self.expires_at),
        }
    }
}

/// A stored identifier, masked; stored ones always parse (they were parsed before they were
/// stored), and one that somehow does not is hidden whole.
fn masked<T, E>(stored: &str, parse: fn(&str) -> Result<T, E>, mask: fn(&T) -> String) -> String {
    parse(stored).map_or_else(|_| "*".repeat(stored.chars().count()), |v| mask(&v))
}

/// A person and their firm as a session shows them: the columns of [`PERSON_COLUMNS`].
#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    pub firm_id: i64,
    firm_name: String,
    uscc: String,
    name: String,
    mobile: String,
    #[sqlx(try_from = "crate::db::Flag")]
    is_first: bool,
}

/// The columns of a [`PersonRow`], from `firm_people p JOIN firms f`.
pub(crate) const PERSON_COLUMNS: &str =
    "p.firm_id, f.name AS firm_name, f.uscc, p.name, p.mobile, p.is_first";

impl PersonRow {
    /// The person `person_id` of this row, signed in with `live`.
    pub(crate) fn signed_in(self, person_id: i64, live: Live) -> FirmPerson {
        FirmPerson {
            person_id,
            firm_id: self.firm_id,
            firm_name: self.firm_name,
            uscc: self.uscc,
            name: self.name,
            mobile: self.mobile,
            is_first: self.is_first,
            csrf_token: live.csrf_token,
            session_hash: live.hash,
            expires_at: live.expires_at,
        }
    }
}

/// The person whose live session `token` is, if any and still active.
pub(crate) async fn load(state: &AppState, token: &str) -> Result<Option<FirmPerson>, ApiError> {
    let now = state.clock.now();
    let mut conn = state.db.acquire().await?;
    let Some(live) = sessions::load(&mut conn, &FIRM, token, now).await? else {
        return Ok(None);
    };
    let row: Option<PersonRow> = sqlx::query_as(&format!(
        "SELECT {PERSON_COLUMNS} FROM firm_people p JOIN firms f ON f.id = p.firm_id \
         WHERE p.id = $1 AND p.active = 1"
    ))
    .bind(live.account_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|row| row.signed_in(live.account_id, live)))
}

/// Extractor: the person the guard let through.
pub struct Firm(pub FirmPerson);

impl<S: Send + Sync> FromRequestParts<S> for Firm {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Firm, ApiError> {
        crate::sign_in::FIRM.let_through(parts).map(Firm)
    }
}

pub(crate) fn unauthenticated() -> ApiError {
    crate::sign_in::FIRM.unauthenticated()
}
