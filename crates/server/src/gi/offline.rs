//! `GET /api/v1/gi/offline`: every product, in name order, with its folded pinyin: what the
//! service worker (`public/sw.js`) keeps to search by name, pinyin and initials while the device
//! is offline, fetched in the background after a GI page has loaded, at most once a day per
//! device.
//!
//! The index never changes while the server runs (see [`GiIndex`]), so neither does the list:
//! its JSON is made once, at the first request, and sent with an `ETag` (a hash of that JSON, so
//! the same on every replica serving the same data). A device that has it already asks again
//! with `If-None-Match` (the browser's cache does so by itself, told `no-cache`) and gets `304`:
//! a few hundred bytes a day instead of the whole list, on a phone's slow network.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use portal_domain::paths;
use sha2::{Digest, Sha256};

use super::GiIndex;
use crate::error::ApiError;
use crate::tokens::hex;
use crate::AppState;

/// The list's JSON and its entity tag.
pub struct Body {
    json: Bytes,
    etag: HeaderValue,
}

impl Body {
    fn of(index: &GiIndex) -> anyhow::Result<Body> {
        let json = serde_json::to_vec(&index.offline_list())?;
        let hash = Sha256::digest(&json);
        Ok(Body {
            json: json.into(),
            etag: HeaderValue::from_str(&format!("\"{}\"", hex(&hash[..16])))?,
        })
    }
}

/// Every product, with an `ETag`; `304` with no body for a request that names that tag.
#[utoipa::path(get, path = paths::GI_OFFLINE, tag = "gi", operation_id = "get_gi_offline_list",
    responses(
        (status = 200, description = "Every product", body = portal_domain::api::gi::GiOfflineList),
        (status = 304, description = "Unchanged since the list whose `ETag` the request's \
            `If-None-Match` names")))]
pub async fn offline(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let index = state.gi.clone();
    let body = match index.offline.get() {
        Some(body) => body,
        None => {
            // Thousands of products: made off the async workers, like the export.
            let made = index.clone();
            let body = tokio::task::spawn_blocking(move || Body::of(&made))
                .await
                .map_err(ApiError::internal)?
                .map_err(ApiError::internal)?;
            let _ = index.offline.set(body);
            index.offline.get().expect("set just now")
        }
    };
    let cache = [
        (header::ETAG, body.etag.clone()),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
    ];
    let unchanged = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag.trim_start_matches("W/") == body.etag
        });
    if unchanged {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    let json = (
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok((cache, [json], body.json.clone()).into_response())
}
