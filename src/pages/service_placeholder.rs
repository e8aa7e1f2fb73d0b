use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::venue_contacts::CenterContacts;
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
            <CenterContacts/>
            <p>
                <A href="/" attr:class="button button--secondary">{text(|s| s.back_home)}</A>
            </p>
        </div>
    }
}
