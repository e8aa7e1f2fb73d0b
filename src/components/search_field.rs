use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled search box with a hint, an inline error (GOV.UK pattern) and a submit button.
/// The page decides what typing and submitting do; the box keeps `value` up to date.
#[component]
pub fn SearchField(
    /// The input's id; the hint and error are `{id}-hint` and `{id}-error`.
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    #[prop(into)] button: Signal<&'static str>,
    value: RwSignal<String>,
    /// Why what was typed cannot be searched, in the current language.
    #[prop(into)]
    error: Signal<Option<String>>,
    #[prop(into)] on_submit: Callback<()>,
    /// Called after each change, with `true` while a Chinese input method is still composing
    /// (the box then holds pinyin, not the search).
    #[prop(optional, into)]
    on_change: Option<Callback<bool>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        value.set(event_target_value(&ev));
        let composing = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(web_sys::InputEvent::is_composing);
        if let Some(on_change) = on_change {
            on_change.run(composing);
        }
    };
    let on_composition_end = move |ev: leptos::ev::CompositionEvent| {
        value.set(event_target_value(&ev));
        if let Some(on_change) = on_change {
            on_change.run(false);
        }
    };
    view! {
        <form
            class="search-field"
            role="search"
            on:submit=move |ev| {
                ev.prevent_default();
                on_submit.run(());
            }
        >
            <label class="label" for=id>{label}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || {
                error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })
            }}
            <div class="search-field__row">
                <input
                    id=id
                    class="input"
                    class:input--error=move || error.get().is_some()
                    type="search"
                    name="q"
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    aria-describedby=described_by
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || value.get()
                    on:input=on_input
                    on:compositionend=on_composition_end
                />
                <button type="submit" class="button">{button}</button>
            </div>
        </form>
    }
}
