use leptos::prelude::*;

use crate::api::ApiError;
use crate::prefs::{text, use_prefs};

/// What went wrong with a request, in plain words, and a way to try again.
#[component]
pub fn ErrorPanel(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let prefs = use_prefs();
    let texts = move || {
        let s = prefs.s();
        match &error {
            ApiError::Offline => (s.error_offline_title, s.error_offline_body.to_owned()),
            ApiError::NotFound => (s.error_not_found_title, s.error_not_found_body.to_owned()),
            // The server's message is already in the language the request asked for. A page
            // that shows this panel has no field for the server to point at (the request was
            // made from the address or earlier answers), so what it says of each field is the
            // message: "see the message beside each one" would point at nothing.
            ApiError::Validation(body) if !body.fields.is_empty() => (
                s.error_server_title,
                body.fields
                    .values()
                    .map(|f| f.message.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            ApiError::Validation(body) => (s.error_server_title, body.message.clone()),
            ApiError::SlotFull { message, .. } => (s.error_server_title, message.clone()),
            ApiError::Server => (s.error_server_title, s.error_server_body.to_owned()),
        }
    };
    view! {
        <div class="error-panel" role="alert">
            <h2 class="error-panel__title">{
                let texts = texts.clone();
                move || texts().0
            }</h2>
            <p>{move || texts().1}</p>
            <button type="button" class="button button--secondary" on:click=move |_| on_retry.run(())>
                {text(|s| s.retry)}
            </button>
        </div>
    }
}
