//! The privacy app (`App::Privacy`, `src/bin/privacy.rs`): the 个人信息保护 notice (`/privacy`,
//! [`notice`]) and the accessibility statement (`/accessibility`, [`accessibility`]), issue #18.
//! Long texts that every footer links to, in their own app so no other app's first load carries
//! them. Texts in `locales/*/privacy.toml`.

pub mod accessibility;
pub mod notice;
mod texts;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::StaticSegment;
use portal_domain::Lang;

use crate::pages::not_found::NotFound;
use crate::prefs::use_prefs;
use texts::privacy_texts;

/// The privacy app's routes (`src/bin/privacy.rs`; prerendered by `crate::prerender`).
#[component]
pub fn PrivacyApp() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=StaticSegment("privacy") view=notice::PrivacyNoticePage/>
            <Route path=StaticSegment("accessibility") view=accessibility::AccessibilityPage/>
        </Routes>
    }
}

/// A list of the catalog (`|l| &privacy_texts(l).items`) as a bulleted list.
#[component]
fn TextList(items: fn(Lang) -> &'static [&'static str]) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <ul class="list-bullet">
            {move || items(prefs.lang.get()).iter().map(|item| view! { <li>{*item}</li> }).collect_view()}
        </ul>
    }
}

/// The other page of this app, linked at the end of each.
#[component]
fn SeeAlso(href: &'static str, label: fn(&texts::PrivacyTexts) -> &'static str) -> impl IntoView {
    let prefs = use_prefs();
    view! {
        <p class="no-print"><a class="target-link" href=href>{move || label(privacy_texts(prefs.lang.get()))}</a></p>
    }
}
