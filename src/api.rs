//! The HTTP client for our own JSON API. Every call sends the interface language (the server
//! answers errors in it), is aborted when the page that started it goes away (navigation), and
//! fails with an [`ApiError`] that says which kind of trouble it was, so pages can tell people
//! plainly and offer a retry.

use gloo_net::http::{Request, Response};
use leptos::prelude::on_cleanup;
use portal_domain::api::gi::{GiProduct, GiSearch, GiSearchResult};
use portal_domain::api::policies::{PolicyDocument, PolicyList, PolicySearch, PolicySearchResult};
use portal_domain::api::{ApiErrorBody, VenueList};
use portal_domain::Lang;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request did not reach the server or no answer came back.
    Offline,
    /// The server answered 404.
    NotFound,
    /// The server refused the input (4xx with the JSON error contract).
    Validation(ApiErrorBody),
    /// The server failed (5xx), or answered something that is not what we expect.
    Server,
}

pub async fn venues(lang: Lang) -> Result<VenueList, ApiError> {
    get_json("/api/v1/venues", lang).await
}

pub async fn gi_products(search: &GiSearch, lang: Lang) -> Result<GiSearchResult, ApiError> {
    get_json(
        &format!("/api/v1/gi/products?{}", search.to_query_string()),
        lang,
    )
    .await
}

/// The CSV export of everything a search finds (a plain download link, not a fetch).
pub fn gi_products_csv_href(search: &GiSearch) -> String {
    format!("/api/v1/gi/products.csv?{}", search.to_query_string())
}

pub async fn gi_product(id: &str, lang: Lang) -> Result<GiProduct, ApiError> {
    let id = portal_domain::api::percent_encode(id);
    get_json(&format!("/api/v1/gi/products/{id}"), lang).await
}

/// Every document of the policy library (the list page filters it in the browser).
pub async fn policies(lang: Lang) -> Result<PolicyList, ApiError> {
    get_json("/api/v1/policies", lang).await
}

pub async fn policy(slug: &str, lang: Lang) -> Result<PolicyDocument, ApiError> {
    let slug = portal_domain::api::percent_encode(slug);
    get_json(&format!("/api/v1/policies/{slug}"), lang).await
}

pub async fn policy_search(
    search: &PolicySearch,
    lang: Lang,
) -> Result<PolicySearchResult, ApiError> {
    get_json(
        &format!("/api/v1/policies/search?{}", search.to_query_string()),
        lang,
    )
    .await
}

async fn get_json<T: DeserializeOwned>(path: &str, lang: Lang) -> Result<T, ApiError> {
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    // Abort the request if the page (reactive owner) that made it is dropped, e.g. on navigation.
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });

    let response = Request::get(path)
        .header("Accept", "application/json")
        .header("Accept-Language", lang.tag())
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| ApiError::Offline)?;
    read(response).await
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    match response.status() {
        200..=299 => response.json::<T>().await.map_err(|_| ApiError::Server),
        404 => Err(ApiError::NotFound),
        400..=499 => match response.json::<ApiErrorBody>().await {
            Ok(body) => Err(ApiError::Validation(body)),
            Err(_) => Err(ApiError::Server),
        },
        _ => Err(ApiError::Server),
    }
}
