//! A firm's account on the fast track (`/api/v1/firm/...`): a cookie session of its own realm,
//! handled as the staff one is (same-origin cookie, CSRF token with every change). Built on the
//! client's shared calls in `crate::api`.

use gloo_net::http::Request;
use portal_domain::api::firm::{
    code as firm_code, ColleagueAdded, FirmSession, NewColleague, PeopleList, SetPasswordRequest,
    SignInRequest, SignUpReceived, SignUpRequest,
};
use portal_domain::{paths, Lang};

use super::{end_session, get_json, no_content, send_json, with_csrf, ApiError};

/// The answer meant "no live firm session" (never signed in, ended or expired).
pub fn is_firm_unauthenticated(error: &ApiError) -> bool {
    matches!(error, ApiError::Validation(body) if body.code == firm_code::UNAUTHENTICATED)
}

/// 202 with the masked code, the same answer whether or not the firm already had an account.
pub async fn firm_sign_up(request: &SignUpRequest, lang: Lang) -> Result<SignUpReceived, ApiError> {
    send_json(Request::post(paths::FIRM_SIGN_UP), request, lang).await
}

pub async fn firm_sign_in(request: &SignInRequest, lang: Lang) -> Result<FirmSession, ApiError> {
    send_json(Request::post(paths::FIRM_SESSION), request, lang).await
}

pub async fn firm_session(lang: Lang) -> Result<FirmSession, ApiError> {
    get_json(paths::FIRM_SESSION, lang).await
}

pub async fn firm_sign_out(csrf: &str, lang: Lang) -> Result<(), ApiError> {
    end_session(paths::FIRM_SESSION, csrf, lang).await
}

/// The firm's people.
pub async fn firm_people(lang: Lang) -> Result<PeopleList, ApiError> {
    get_json(paths::FIRM_PEOPLE, lang).await
}

/// The first person adds a colleague: the answer carries the colleague's one-time link.
pub async fn firm_add_colleague(
    request: &NewColleague,
    csrf: &str,
    lang: Lang,
) -> Result<ColleagueAdded, ApiError> {
    send_json(
        with_csrf(Request::post(paths::FIRM_PEOPLE), csrf),
        request,
        lang,
    )
    .await
}

/// Sets the password of the person a one-time link was made for: 204 is done; a link that
/// was used or has expired is `NotFound`.
pub async fn firm_set_password(
    token: &str,
    request: &SetPasswordRequest,
    lang: Lang,
) -> Result<(), ApiError> {
    let response = Request::post(&paths::fill(paths::FIRM_PASSWORD, &[token]))
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
        .json(request)
        .map_err(|_| ApiError::Server)?
        .send()
        .await
        .map_err(|_| ApiError::Offline)?;
    no_content(response).await
}
