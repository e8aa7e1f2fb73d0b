//! Every JSON request body of the API is an object. serde reads a struct from a JSON array as
//! well (field by field, in order), so without this `["admin", "password"]` signed in: the API
//! contract run (scripts/api-contract.sh) found it. Rather than wrap each handler's extractor,
//! this layer looks at the first byte that is not white space of every body sent as JSON and
//! answers 400 `bad_request` unless it opens an object. The body is not read any further here:
//! the bytes looked at are handed on in front of the rest, so the routes' own size limits still
//! apply.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt;

use crate::error::{ApiError, Text};

pub async fn require_object(request: Request, next: Next) -> Response {
    if !is_json(&request) {
        return next.run(request).await;
    }
    let (parts, mut body) = request.into_parts();
    let mut seen: Vec<u8> = Vec::new();
    loop {
        match body.frame().await {
            // Empty: the handler says what is missing.
            None => break,
            // The handler's extractor reports a broken body the way it always has.
            Some(Err(_)) => break,
            Some(Ok(frame)) => {
                let Ok(data) = frame.into_data() else {
                    continue;
                };
                let first = data.iter().copied().find(|b| !b.is_ascii_whitespace());
                seen.extend_from_slice(&data);
                match first {
                    None => continue,
                    Some(b'{') => break,
                    Some(_) => {
                        return ApiError::BadRequest(Text::of(|t| t.body_not_json_object))
                            .into_response()
                    }
                }
            }
        }
    }
    let body = Body::new(Prefixed {
        prefix: (!seen.is_empty()).then(|| Bytes::from(seen)),
        rest: body,
    });
    next.run(Request::from_parts(parts, body)).await
}

/// What axum's `Json` extractor takes as JSON: `application/json` and `application/*+json`.
fn is_json(request: &Request) -> bool {
    let Some(value) = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// The bytes already read, then the rest of the body.
struct Prefixed {
    prefix: Option<Bytes>,
    rest: Body,
}

impl HttpBody for Prefixed {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let this = self.get_mut();
        if let Some(prefix) = this.prefix.take() {
            return Poll::Ready(Some(Ok(Frame::data(prefix))));
        }
        Pin::new(&mut this.rest).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.prefix.is_none() && self.rest.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let prefix = self.prefix.as_ref().map_or(0, |p| p.len() as u64);
        let rest = self.rest.size_hint();
        let mut hint = SizeHint::new();
        hint.set_lower(rest.lower() + prefix);
        if let Some(upper) = rest.upper() {
            hint.set_upper(upper + prefix);
        }
        hint
    }
}
