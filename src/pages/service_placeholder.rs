use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::app::rel_for;
use crate::prefs::{text, use_page_title, use_prefs};
use crate::services::Service;

/// The page of a service that is not built yet: what it will offer and how to get help now.
/// Each service replaces it with its own module under `pages/` when it is built.
#[component]
pub fn ServicePlaceholder(service: Service) -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(move |lang| service.title(lang));
    view! {
        <div class="container page">
            <h1 tabindex="-1">{move || service.title(prefs.lang.get())}</h1>
            <p class="lead">{move || service.summary(prefs.lang.get())}</p>
            <div class="notice" role="note">
                <p>{text(|s| s.placeholder_status)}</p>
            </div>
            {(service == Service::Assistance).then(|| view! { <ReportedProduct/> })}
            <h2>{text(|s| s.placeholder_what)}</h2>
            <ul class="list-bullet">
                {move || {
                    service
                        .planned(prefs.lang.get())
                        .into_iter()
                        .map(|item| view! { <li>{item}</li> })
                        .collect_view()
                }}
            </ul>
            <p>{text(|s| s.placeholder_meanwhile)}</p>
            <p>
                <A href="/" attr:class="button button--secondary" attr:rel=rel_for("/")>{text(|s| s.back_home)}</A>
            </p>
        </div>
    }
}

/// "Report a suspected counterfeit" on a GI product's page links here with `?gi=<id>`: the
/// product's number is shown so the visitor sees it was carried over (the application form will
/// take it). Only a well-formed number is shown: a link must not put arbitrary text on the page.
#[component]
fn ReportedProduct() -> impl IntoView {
    let query = use_query_map();
    let id = move || {
        query.with(|q| q.get("gi")).filter(|id| {
            id.len() == 7 && id.starts_with("GI") && id[2..].bytes().all(|b| b.is_ascii_digit())
        })
    };
    move || {
        id().map(|id| {
            view! {
                <p class="notice notice--info">{text(|s| s.reported_product)}{id}</p>
            }
        })
    }
}
