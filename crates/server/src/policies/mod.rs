//! The policy library (政策解读): `GET /api/v1/policies` (the documents, with filters),
//! `GET /api/v1/policies/{slug}` (one document: sections, Q&As, targets) and
//! `GET /api/v1/policies/search` (full-text search at section level).
//!
//! The documents live in the database (imported from `data/seed/policies/` on first start) and
//! are served from memory ([`PolicyLibrary`]), read at start-up. A search takes well under a
//! millisecond and no I/O, so the handlers do the work inline.

use portal_domain::paths::{self, below_v1};
mod import;
mod library;
mod search;
mod services;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::policies::{
    PolicyDocument, PolicyFilter, PolicyList, PolicyListParams, PolicySearch, PolicySearchError,
    PolicySearchParams, PolicySearchResult,
};

pub use import::import_if_empty;
pub use library::PolicyLibrary;

use crate::error::ApiError;
use crate::extract::Query;
use crate::AppState;

pub fn router() -> Router<AppState> {
    // `/policies/search` is a fixed path, so it wins over `{slug}`: no document may be called
    // `search`.
    Router::new()
        .route(below_v1(paths::POLICIES), get(list))
        .route(below_v1(paths::POLICY_SEARCH), get(search))
        .route(below_v1(paths::POLICY), get(document))
}

/// The documents of the library in the order the portal presents them (the seeds: newest first,
/// the undated report last).
#[utoipa::path(get, path = paths::POLICIES, tag = "policies", operation_id = "list_policies",
    params(PolicyListParams),
    responses(
        (status = 200, description = "The documents that pass the filters", body = PolicyList),
        (status = 400, description = "A filter is malformed or names a value not in the data",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Query(params): Query<PolicyListParams>,
) -> Result<Json<PolicyList>, ApiError> {
    let filter = PolicyFilter::parse(&params).map_err(ApiError::fields)?;
    if let Some(region) = &filter.region {
        if !state.policies.has_region(region) {
            return Err(ApiError::fields(vec![(
                "region",
                PolicySearchError::UnknownRegion,
            )]));
        }
    }
    Ok(Json(state.policies.answer(&filter)))
}

/// One document: its section tree, the Q&As of a press conference and the targets of a plan.
#[utoipa::path(get, path = paths::POLICY, tag = "policies",
    operation_id = "get_policy",
    params(("slug" = String, Path,
        description = "The document's slug, e.g. `nantong-2024-ip-strong-city-plan`")),
    responses(
        (status = 200, description = "The document", body = PolicyDocument),
        (status = 404, description = "No document has this slug",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn document(
    State(state): State<AppState>,
    slug: Result<Path<String>, PathRejection>,
) -> Result<Json<PolicyDocument>, ApiError> {
    // A slug that is not even UTF-8 names no document: the same JSON 404, not axum's text 400.
    let Ok(Path(slug)) = slug else {
        return Err(ApiError::NotFound);
    };
    let document = state.policies.document(&slug).ok_or(ApiError::NotFound)?;
    Ok(Json(document.clone()))
}

/// Search the text of every document: headings, paragraphs, questions and answers. Each hit is
/// the deepest section (or the Q&A) whose own text holds every word of the query, with a
/// snippet and the matches in it to highlight; best first.
#[utoipa::path(get, path = paths::POLICY_SEARCH, tag = "policies",
    operation_id = "search_policies", params(PolicySearchParams),
    responses(
        (status = 200, description = "The matching sections and Q&As, best first, with facet \
            counts", body = PolicySearchResult),
        (status = 400, description = "The query is missing or malformed, or a filter names a \
            value not in the data", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<PolicySearchParams>,
) -> Result<Json<PolicySearchResult>, ApiError> {
    // The browser's checks, then the server's own: the document must exist.
    let search = PolicySearch::parse(&params).map_err(ApiError::fields)?;
    let doc =
        match &search.doc {
            None => None,
            Some(slug) => Some(state.policies.position(slug).ok_or_else(|| {
                ApiError::fields(vec![("doc", PolicySearchError::UnknownDocument)])
            })?),
        };
    Ok(Json(state.policies.search(&search, doc)))
}
