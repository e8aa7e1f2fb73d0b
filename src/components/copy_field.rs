//! A link to hand over (a one-time password link): shown whole in a read-only box that selects
//! itself when it takes focus, ready to copy, with a hint and an id other text can point at.

use leptos::prelude::*;

#[component]
pub fn CopyField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: String,
    /// Ids of further text that describes it (an expiry), besides its hint.
    #[prop(optional)]
    described_by: &'static str,
) -> impl IntoView {
    let described = format!("{id}-hint {described_by}").trim().to_owned();
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            <input
                id=id
                class="input"
                type="text"
                readonly=true
                spellcheck="false"
                aria-describedby=described
                prop:value=value
                on:focus=select_all
            />
        </div>
    }
}

fn select_all(ev: leptos::ev::FocusEvent) {
    event_target::<web_sys::HtmlInputElement>(&ev).select();
}
