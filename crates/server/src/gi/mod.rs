//! Geographical-indication product lookup: `GET /api/v1/gi/products` (search with facets),
//! `GET /api/v1/gi/products/{id}` and `GET /api/v1/gi/products.csv` (the same search as a
//! spreadsheet), and `GET /api/v1/gi/offline`, the list a device keeps to search offline.
//!
//! Searches run on an in-memory index ([`GiIndex`]) built at start-up. A search takes well
//! under a millisecond of CPU and no I/O, so the handler does the work inline; only the
//! export, which writes every product, moves to a blocking thread.

use portal_domain::paths::{self, below_v1};
mod blob;
mod csv;
mod fuzzy;
mod hanzi;
mod index;
pub mod offline;
mod text;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use portal_domain::api::gi::{GiProduct, GiSearch, GiSearchParams, GiSearchResult};
use portal_domain::Lang;

pub use index::GiIndex;

use crate::error::ApiError;
use crate::extract::Query;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(below_v1(paths::GI_PRODUCTS), get(search))
        .route(below_v1(paths::GI_PRODUCTS_CSV), get(export))
        .route(below_v1(paths::GI_PRODUCT), get(product))
        .route(below_v1(paths::GI_OFFLINE), get(offline::offline))
}

/// Search GI products by Chinese name, pinyin (full, initials, or with one letter wrong) or a
/// place in the protection scope, with filters and facet counts.
#[utoipa::path(get, path = paths::GI_PRODUCTS, tag = "gi", operation_id = "search_gi_products",
    params(GiSearchParams),
    responses(
        (status = 200, description = "One page of matching products, best first", body = GiSearchResult),
        (status = 400, description = "A parameter is malformed or names a value not in the data",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn search(
    State(state): State<AppState>,
    Query(params): Query<GiSearchParams>,
) -> Result<Json<GiSearchResult>, ApiError> {
    let (search, filters) = parse(&state.gi, &params)?;
    let query = state.gi.query(&search.q);
    let hits = state.gi.search(&query, &filters);
    let from = (search.page as usize - 1) * search.page_size as usize;
    let items = hits
        .ranked
        .iter()
        .skip(from)
        .take(search.page_size as usize)
        .map(|&(kind, i)| {
            state
                .gi
                .product(i)
                .summary(state.gi.explain(&query, i, kind))
        })
        .collect();
    let suggestions = if hits.ranked.is_empty() {
        state
            .gi
            .suggest(&query)
            .into_iter()
            .map(|i| state.gi.product(i).summary(None))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Json(GiSearchResult {
        suggestions,
        items,
        total: hits.ranked.len() as u32,
        page: search.page,
        page_size: search.page_size,
        facets: hits.facets,
        offline_saved_on: None,
    }))
}

/// One product, with the other products of its city.
#[utoipa::path(get, path = paths::GI_PRODUCT, tag = "gi", operation_id = "get_gi_product",
    params(("id" = String, Path, description = "The product's id, e.g. `GI00842`")),
    responses(
        (status = 200, description = "The product", body = GiProduct),
        (status = 404, description = "No product has this id", body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn product(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<GiProduct>, ApiError> {
    // An id that is not even UTF-8 names no product: the same JSON 404, not axum's text 400.
    let Ok(Path(id)) = id else {
        return Err(ApiError::NotFound);
    };
    let product = state.gi.find(&id).ok_or(ApiError::NotFound)?;
    Ok(Json(state.gi.detail(product)))
}

/// The language of the CSV file's column headers: `lang` if given (the page's language; a
/// download link cannot set `Accept-Language`), else `Accept-Language`.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `en` for English headers; any other tag (`zh-CN`) means Chinese.
    pub lang: Option<String>,
}

/// Every product matching the search (`page` and `page_size` are ignored), best first, as a
/// UTF-8 CSV file with a byte-order mark so that Excel shows the Chinese correctly.
#[utoipa::path(get, path = paths::GI_PRODUCTS_CSV, tag = "gi",
    operation_id = "export_gi_products", params(GiSearchParams, ExportParams),
    responses(
        (status = 200, description = "Columns, headed in the chosen language: id, Chinese name, \
            English name, pinyin, province, city, category, GI type, year approved, \
            announcement, protected area",
            content_type = "text/csv; charset=utf-8", body = String),
        (status = 400, description = "A parameter is malformed or names a value not in the data",
            body = portal_domain::api::ApiErrorBody),
    ))]
pub async fn export(
    State(state): State<AppState>,
    Query(params): Query<GiSearchParams>,
    Query(export): Query<ExportParams>,
    headers: HeaderMap,
) -> Result<impl IntoResponse, ApiError> {
    let (search, filters) = parse(&state.gi, &params)?;
    let lang = match export.lang.as_deref() {
        Some(tag) => Lang::from_tag(tag),
        None => crate::assistance::checks::lang(&headers),
    };
    // Writing every product takes several milliseconds: off the async workers, so that a
    // download does not hold up the searches queued behind it.
    let index = state.gi.clone();
    let body = tokio::task::spawn_blocking(move || {
        let hits = index.search(&index.query(&search.q), &filters);
        csv::write(&index, &hits, lang)
    })
    .await
    .map_err(|e| ApiError::Internal(e.into()))?
    .map_err(ApiError::Internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"gi-products.csv\"",
            ),
        ],
        body,
    ))
}

/// The browser's checks, then the server's own: filter values must occur in the data.
fn parse(index: &GiIndex, params: &GiSearchParams) -> Result<(GiSearch, index::Filters), ApiError> {
    let search = GiSearch::parse(params).map_err(ApiError::fields)?;
    let filters = index.resolve(&search).map_err(ApiError::fields)?;
    Ok((search, filters))
}
