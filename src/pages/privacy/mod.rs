//! The privacy app (`App::Privacy`, `src/bin/privacy.rs`): the 个人信息保护 notice (`/privacy`,
//! [`notice`]) and the accessibility statement (`/accessibility`, [`accessibility`]), issue #18.
//! Long texts that every footer links to, in their own app so no other app's first load carries
//! them. Texts in `locales/*/privacy.toml`.

pub mod accessibility;
pub mod notice;
mod texts;

use leptos::prelude::*;
use portal_domain::Lang;

use crate::prefs::use_prefs;
use texts::privacy_texts;

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
