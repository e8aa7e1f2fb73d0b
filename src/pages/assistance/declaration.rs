use leptos::prelude::*;
use portal_domain::api::assistance::Section;

use super::draft::use_draft;
use super::texts::{assistance_text, assistance_texts};
use super::{error_signal, SectionFrame};
use crate::components::form::FormErrors;
use crate::prefs::use_prefs;

/// `/assistance/apply/declaration`: the applicant's word that what they gave is true.
#[component]
pub fn DeclarationPage() -> impl IntoView {
    let store = use_draft();
    let prefs = use_prefs();
    let accepted = RwSignal::new(store.draft.with_untracked(|d| d.declaration.accepted));
    Effect::new(move |_| {
        let value = accepted.get();
        store.update(|d| d.declaration.accepted = value);
    });
    let errors = RwSignal::new(FormErrors::new());
    let error = error_signal(errors, "declaration.accepted");
    view! {
        <SectionFrame section=Section::Declaration errors=errors>
            <ul class="list-bullet">
                {move || assistance_texts(prefs.lang.get()).declaration_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ul>
            <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
                {move || error.get().map(|m| view! { <p class="field-error" id="declaration-accepted-error">{m}</p> })}
                <div class="choice">
                    <input
                        id="declaration-accepted"
                        name="declaration-accepted"
                        class="choice__input"
                        type="checkbox"
                        aria-describedby=move || error.with(Option::is_some).then_some("declaration-accepted-error")
                        prop:checked=move || accepted.get()
                        on:change=move |ev| accepted.set(event_target_checked(&ev))
                    />
                    <label class="choice__label" for="declaration-accepted">{assistance_text(|t| t.declaration_label)}</label>
                </div>
            </div>
        </SectionFrame>
    }
}
