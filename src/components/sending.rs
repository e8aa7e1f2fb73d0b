//! The last step of sending an application or a booking: the send button with its "sending"
//! spinner, and the panel that says it was not sent.

use leptos::prelude::*;

/// The send button (off while `busy`, its label from `label`) and, while `busy`, the spinner
/// with `sending_text`.
#[component]
pub fn SendButton<L, F>(
    #[prop(into)] busy: Signal<bool>,
    label: L,
    #[prop(into)] sending_text: Signal<&'static str>,
    on_send: F,
) -> impl IntoView
where
    L: Fn() -> &'static str + Send + Sync + 'static,
    F: Fn() + 'static,
{
    view! {
        <button
            type="button"
            class="button"
            disabled=move || busy.get()
            on:click=move |_| on_send()
        >
            {label}
        </button>
        {move || busy.get().then(|| view! {
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>{sending_text}</p>
        })}
    }
}

/// "It was not sent", with `title` and the reason or what to do (`children`).
#[component]
pub fn NotSentPanel(
    #[prop(into)] title: Signal<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <h2 class="error-panel__title">{title}</h2>
            <p>{children()}</p>
        </div>
    }
}
