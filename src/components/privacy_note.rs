//! The one sentence a form that collects personal data says where it asks (issue #18): why it
//! asks, with a link to its service's section of the privacy notice (`/privacy#…`, another app).

use leptos::prelude::*;

use crate::prefs::text;

/// `why` is the form's own sentence (its feature's catalog); `section` the notice's anchor:
/// `booking`, `assistance` or `fast-track`.
#[component]
pub fn PrivacyNote(
    why: impl Fn() -> &'static str + Send + Sync + 'static,
    section: &'static str,
) -> impl IntoView {
    let href = format!("/privacy#{section}");
    view! {
        <p class="hint privacy-note">
            {why}" "
            <a href=href>{text(|s| s.privacy_note_link)}</a>
        </p>
    }
}
