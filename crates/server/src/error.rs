//! The one error type of the API. Every failure becomes a status code and a JSON body with a
//! stable `code`, a message in the language the client asked for, and per-field messages.
//! Internal details are logged and never sent.
//!
//! Handlers do not know the request's language, so `ApiError::into_response` leaves the error
//! in the response's extensions and the `localize` middleware, which has the request's
//! `Accept-Language`, writes the body.

use std::borrow::Cow;
use std::collections::BTreeMap;

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use portal_domain::api::{error_code, ApiErrorBody, FieldError};
use portal_domain::{Lang, Localized};

use crate::texts::{server_texts, Pick, ServerTexts};

/// A text in both languages.
#[derive(Debug, Clone)]
pub struct Text {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Text {
    /// A message of the server's catalog (`locales/*/server.toml`): `Text::of(|t| t.key)`.
    pub fn of(pick: Pick) -> Text {
        Text {
            zh: Cow::Borrowed(pick(server_texts(Lang::Zh))),
            en: Cow::Borrowed(pick(server_texts(Lang::En))),
        }
    }

    /// A catalog message with values in it: `Text::with(|t| t.key(n))`.
    pub fn with(make: impl Fn(&ServerTexts) -> String) -> Text {
        Text {
            zh: Cow::Owned(make(server_texts(Lang::Zh))),
            en: Cow::Owned(make(server_texts(Lang::En))),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// What is wrong with one field of the request.
#[derive(Debug, Clone)]
pub struct FieldProblem {
    pub field: String,
    pub code: Cow<'static, str>,
    pub message: Text,
}

impl FieldProblem {
    pub fn new(field: &str, code: &'static str, message: Text) -> FieldProblem {
        FieldProblem {
            field: field.to_owned(),
            code: Cow::Borrowed(code),
            message,
        }
    }

    /// A problem the shared domain code found, with its code and messages.
    pub fn from_domain(field: &str, problem: &impl Localized) -> FieldProblem {
        FieldProblem {
            field: field.to_owned(),
            code: Cow::Borrowed(problem.code()),
            message: Text {
                zh: Cow::Owned(problem.message(Lang::Zh)),
                en: Cow::Owned(problem.message(Lang::En)),
            },
        }
    }
}

#[derive(Debug)]
pub enum ApiError {
    NotFound,
    MethodNotAllowed,
    /// The request cannot be read at all (malformed query string or JSON).
    BadRequest(Text),
    /// The request was read but some fields are not acceptable.
    Validation(Vec<FieldProblem>),
    /// The request was understood but cannot be done as asked (409 conflict, 413, 422 …).
    Refused(Box<Refusal>),
    /// Anything that is our fault. The cause is logged, the client gets a generic message.
    Internal(anyhow::Error),
}

/// A refusal with its own status and stable code, optional per-field messages, optional
/// data the client can act on (sent as `details` next to the usual fields, e.g. the next free
/// slots when the one asked for has just been taken), and optional response headers (e.g.
/// `Retry-After`).
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: Text,
    pub fields: Vec<FieldProblem>,
    pub details: Option<serde_json::Value>,
    pub headers: HeaderMap,
}

impl Refusal {
    pub fn new(status: StatusCode, code: &'static str, message: Text) -> Refusal {
        Refusal {
            status,
            code,
            message,
            fields: vec![],
            details: None,
            headers: HeaderMap::new(),
        }
    }

    /// Adds a problem the shared domain code found with one field.
    pub fn field(mut self, field: &str, problem: &impl Localized) -> Refusal {
        self.fields.push(FieldProblem::from_domain(field, problem));
        self
    }

    pub fn details(mut self, details: serde_json::Value) -> Refusal {
        self.details = Some(details);
        self
    }

    /// Sends `name: value` with the answer.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Refusal {
        self.headers.insert(name, value);
        self
    }
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> ApiError {
        ApiError::Refused(Box::new(refusal))
    }
}

impl ApiError {
    /// A 500 for a failure that is the server's, not the request's.
    pub fn internal(e: impl Into<anyhow::Error>) -> ApiError {
        ApiError::Internal(e.into())
    }

    /// A validation failure from the shared domain parsers, which report `(field, error)` pairs
    /// so the browser shows the same words next to the same fields.
    pub fn fields<F: AsRef<str>, E: Localized>(errors: Vec<(F, E)>) -> ApiError {
        ApiError::Validation(
            errors
                .iter()
                .map(|(field, error)| FieldProblem::from_domain(field.as_ref(), error))
                .collect(),
        )
    }

    /// `Ok` when the domain's checks found nothing; else every problem at its field, at once.
    pub fn if_any<F: AsRef<str>, E: Localized>(problems: Vec<(F, E)>) -> Result<(), ApiError> {
        match problems.is_empty() {
            true => Ok(()),
            false => Err(ApiError::fields(problems)),
        }
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> ApiError {
        ApiError::Internal(e.into())
    }
}

/// The part of an error the `localize` middleware needs to write the body.
#[derive(Debug, Clone)]
struct PendingBody {
    code: &'static str,
    message: Text,
    fields: Vec<FieldProblem>,
    details: Option<serde_json::Value>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut headers = HeaderMap::new();
        let (status, body) = match self {
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                PendingBody {
                    code: error_code::NOT_FOUND,
                    message: Text::of(|t| t.we_could_find_what_you),
                    fields: vec![],
                    details: None,
                },
            ),
            ApiError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                PendingBody {
                    code: error_code::METHOD_NOT_ALLOWED,
                    message: Text::of(|t| t.address_does_accept_kind_request),
                    fields: vec![],
                    details: None,
                },
            ),
            ApiError::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                PendingBody {
                    code: error_code::BAD_REQUEST,
                    message,
                    fields: vec![],
                    details: None,
                },
            ),
            ApiError::Validation(fields) => (
                StatusCode::BAD_REQUEST,
                PendingBody {
                    code: error_code::VALIDATION_FAILED,
                    message: Text::of(|t| t.some_answers_need_changing_see),
                    fields,
                    details: None,
                },
            ),
            ApiError::Refused(refusal) => {
                let Refusal {
                    status,
                    code,
                    message,
                    fields,
                    details,
                    headers: extra,
                } = *refusal;
                headers = extra;
                (
                    status,
                    PendingBody {
                        code,
                        message,
                        fields,
                        details,
                    },
                )
            }
            ApiError::Internal(cause) => {
                // `{:#}` prints the context chain. Causes come from our own code and the
                // database driver, never from request bodies, so no personal data lands here.
                tracing::error!(error = format!("{cause:#}"), "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, internal_body())
            }
        };
        let mut response = (status, headers).into_response();
        response.extensions_mut().insert(body);
        response
    }
}

fn internal_body() -> PendingBody {
    PendingBody {
        code: error_code::INTERNAL,
        message: Text::of(|t| t.something_went_wrong_on_our),
        fields: vec![],
        details: None,
    }
}

/// Middleware: writes the JSON body of an [`ApiError`] in the request's language.
pub async fn localize(request: Request, next: Next) -> Response {
    let lang = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default();
    let mut response = next.run(request).await;
    if let Some(pending) = response.extensions_mut().remove::<PendingBody>() {
        let body = ApiErrorBody {
            code: pending.code.to_owned(),
            message: pending.message.get(lang).to_owned(),
            fields: pending
                .fields
                .into_iter()
                .map(|f| {
                    let error = FieldError {
                        code: f.code.into_owned(),
                        message: f.message.get(lang).to_owned(),
                    };
                    (f.field, error)
                })
                .collect::<BTreeMap<_, _>>(),
        };
        let written = match pending.details {
            None => axum::Json(body).into_response(),
            Some(details) => {
                let mut value = serde_json::to_value(body).unwrap_or_default();
                if let Some(object) = value.as_object_mut() {
                    object.insert("details".to_owned(), details);
                }
                axum::Json(value).into_response()
            }
        };
        // The status and the headers the handler and the layers inside this one set (e.g.
        // `Retry-After`, `Cache-Control`) stay; the body and its own headers are the new ones.
        let (mut parts, _) = response.into_parts();
        let (written, body) = written.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.extend(written.headers);
        response = Response::from_parts(parts, body);
        response.headers_mut().insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.tag()),
        );
    }
    response
}

/// Turns a panic in a handler into the ordinary internal-error answer instead of a dropped
/// connection (the panic message is logged by the panic hook, not sent).
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("handler panicked");
    let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    response.extensions_mut().insert(internal_body());
    response
}

pub async fn api_not_found() -> ApiError {
    ApiError::NotFound
}

pub async fn api_method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
