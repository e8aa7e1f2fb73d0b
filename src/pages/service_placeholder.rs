use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api;
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
                <A href="/" attr:class="button button--secondary">{text(|s| s.back_home)}</A>
            </p>
        </div>
    }
}

/// "Report a suspected counterfeit" on a GI product's page links here with `?gi=<id>`: the
/// product is named so the visitor sees it was carried over (the application form will take it).
#[component]
fn ReportedProduct() -> impl IntoView {
    let prefs = use_prefs();
    let query = use_query_map();
    let id = Memo::new(move |_| query.with(|q| q.get("gi")));
    let product = LocalResource::new(move || {
        let id = id.get();
        let lang = prefs.lang.get_untracked();
        async move {
            match id {
                Some(id) => api::gi_product(&id, lang).await.ok(),
                None => None,
            }
        }
    });
    move || {
        product.get().flatten().map(|p| {
            view! {
                <p class="notice notice--info">
                    {text(|s| s.reported_product)}
                    <span lang="zh-CN">{format!("{}（{}）", p.name_zh, p.id)}</span>
                </p>
            }
        })
    }
}
