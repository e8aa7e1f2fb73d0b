//! The "find it by its reference and mobile number" form that a booking (`/booking/find`) and a
//! help request (`/assistance/track`) share: the two fields, the checks before sending, and what
//! a refusal shows (not found, the server's field messages, too many tries, not sent). Each
//! page gives its own texts, its own request and what to do with what was found.

use std::future::Future;

use leptos::prelude::*;
use portal_domain::Lang;

use crate::api::ApiError;
use crate::components::form::{error_for, FormErrorSummary, FormErrors, MobileField, TextField};
use crate::components::submit::{refused, Submit};
use crate::prefs::use_prefs;

/// A page's own words for the lookup form, each in a given language.
#[derive(Clone, Copy)]
pub struct LookupTexts {
    pub heading: fn(Lang) -> &'static str,
    pub lead: fn(Lang) -> &'static str,
    pub reference_label: fn(Lang) -> &'static str,
    pub reference_hint: fn(Lang) -> &'static str,
    pub mobile_label: fn(Lang) -> &'static str,
    pub mobile_hint: fn(Lang) -> &'static str,
    pub button: fn(Lang) -> &'static str,
    /// At the reference when nothing matches (404).
    pub not_found: fn(Lang) -> &'static str,
    /// At the reference when the request did not get through.
    pub not_sent: fn(Lang) -> &'static str,
}

/// The error summary, heading, lead and the form. `check` makes the page's request of the typed
/// reference and mobile number, or says what is wrong with them; `send` sends it; `found` gets
/// what came back (the typed values are cleared first: they have done their job). With
/// `last_four` (the kiosk's check-in) the second field asks for the last four digits of the
/// mobile number only (`mobile_last_four`).
#[component]
pub fn LookupForm<R, T, C, S, Fut>(
    texts: LookupTexts,
    check: C,
    send: S,
    #[prop(into)] found: Callback<T>,
    #[prop(optional)] last_four: bool,
) -> impl IntoView
where
    R: 'static,
    T: Send + Sync + 'static,
    C: Fn(String, String, Lang) -> Result<R, FormErrors> + Copy + 'static,
    S: Fn(R, Lang) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let prefs = use_prefs();
    let reference = RwSignal::new(String::new());
    let mobile = RwSignal::new(String::new());
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();

    let on_submit = form.on_submit(move |lang| {
        form.send(
            check(reference.get_untracked(), mobile.get_untracked(), lang),
            move |request| send(request, lang),
            move |shown| {
                // Typed values leave the page once they have done their job.
                reference.set(String::new());
                mobile.set(String::new());
                found.run(shown);
            },
            move |error| match error {
                ApiError::NotFound => {
                    vec![("reference".to_owned(), (texts.not_found)(lang).to_owned())]
                }
                // Too many tries (429) is about the search, not a field.
                error => refused(error, "reference", &str::to_owned, (texts.not_sent)(lang)),
            },
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    // One of the page's texts in the current language.
    let say = move |pick: fn(Lang) -> &'static str| move || pick(prefs.lang.get());

    view! {
        <FormErrorSummary errors=errors/>
        <h1 tabindex="-1">{say(texts.heading)}</h1>
        <p class="lead">{say(texts.lead)}</p>
        <form novalidate on:submit=on_submit>
            <TextField
                id="reference"
                label=say(texts.reference_label)
                hint=say(texts.reference_hint)
                value=reference
                error=error("reference")
                autocomplete="off"
                short=true
            />
            {if last_four {
                view! {
                    <TextField
                        id="mobile_last_four"
                        label=say(texts.mobile_label)
                        hint=say(texts.mobile_hint)
                        value=mobile
                        error=error("mobile_last_four")
                        autocomplete="off"
                        inputmode="numeric"
                        short=true
                    />
                }
                .into_any()
            } else {
                view! {
                    <MobileField
                        id="mobile"
                        label=say(texts.mobile_label)
                        hint=say(texts.mobile_hint)
                        value=mobile
                        error=error("mobile")
                    />
                }
                .into_any()
            }}
            <button type="submit" class="button" disabled=move || busy.get()>{say(texts.button)}</button>
        </form>
    }
}
