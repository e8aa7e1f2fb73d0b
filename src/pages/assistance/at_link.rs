//! What the pages under a request's tracking link share: loading the request the link names,
//! with the loading, "not found" and retry states, and the way back to the request's page.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use serde::de::DeserializeOwned;

use super::request::RequestNotFound;
use super::request_href;
use super::texts::request_text;
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::prefs::use_prefs;

/// Loads the request that the tracking link in the address names (`{token}`) as a `T` (the
/// fields the page reads, and only those: the server's answer carries more), then draws `page`
/// with the token and it. While there is no request to show, the page's heading is `heading`.
#[component]
pub fn RequestAtLink<T>(
    #[prop(into)] heading: Signal<&'static str>,
    page: fn(String, T) -> AnyView,
) -> impl IntoView
where
    T: DeserializeOwned + Clone + 'static,
{
    let prefs = use_prefs();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let loaded = LocalResource::new({
        let token = token.clone();
        move || {
            let token = token.clone();
            async move { api::assistance_request::<T>(&token, prefs.lang.get_untracked()).await }
        }
    });
    view! {
        <Suspense fallback=move || view! { <Loading label=Signal::derive(request_text(|t| t.loading))/> }>
            {move || {
                let token = token.clone();
                Suspend::new(async move {
                    match loaded.await {
                        Ok(request) => page(token, request),
                        Err(ApiError::NotFound) => view! { <RequestNotFound/> }.into_any(),
                        Err(error) => view! {
                            <h1 tabindex="-1">{heading}</h1>
                            <ErrorPanel error=error on_retry=move |_| loaded.refetch()/>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A page under the link whose action cannot be done (now or any more): the way back, its
/// heading and why.
#[component]
pub fn NotOpen(
    token: String,
    #[prop(into)] heading: Signal<&'static str>,
    #[prop(into)] why: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <BackToRequest token/>
        <h1 tabindex="-1">{heading}</h1>
        <p>{why}</p>
    }
}

/// "Back to your request": the request's page, another app.
#[component]
pub fn BackToRequest(token: String) -> impl IntoView {
    let href = request_href(&token);
    view! { <A href=href attr:class="back-link">{request_text(|t| t.back_to_request)}</A> }
}
