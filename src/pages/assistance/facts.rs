use leptos::prelude::*;
use portal_domain::api::assistance::{Section, MAX_DESCRIPTION_CHARS, MAX_OTHER_ACTIONS_CHARS};

use super::draft::use_draft;
use super::texts::assistance_text;
use super::{error_signal, SectionFrame};
use crate::components::form::{optional, text_of, FormErrors, TextArea, TextField};

/// `/assistance/apply/facts`: what happened, when it was found out, the loss and what has been
/// done already.
#[component]
pub fn FactsPage() -> impl IntoView {
    let store = use_draft();
    let f = store.draft.with_untracked(|d| d.facts.clone());
    let description = RwSignal::new(text_of(&f.description));
    let discovered = RwSignal::new(text_of(&f.discovered_on));
    let loss = RwSignal::new(text_of(&f.estimated_loss));
    let actions = RwSignal::new(text_of(&f.other_actions));

    Effect::new(move |_| {
        let values = (
            optional(description.get()),
            optional(discovered.get()),
            optional(loss.get()),
            optional(actions.get()),
        );
        store.update(|d| {
            let f = &mut d.facts;
            (
                f.description,
                f.discovered_on,
                f.estimated_loss,
                f.other_actions,
            ) = values;
        });
    });

    let errors = RwSignal::new(FormErrors::new());
    let error = move |field: &'static str| error_signal(errors, field);
    view! {
        <SectionFrame section=Section::Facts errors=errors>
            <TextArea
                id="facts-description"
                label=assistance_text(|t| t.description_label)
                hint=assistance_text(|t| t.description_hint)
                value=description
                error=error("facts.description")
                max_chars=MAX_DESCRIPTION_CHARS
            />
            <TextField
                id="facts-discovered_on"
                label=assistance_text(|t| t.discovered_label)
                hint=assistance_text(|t| t.discovered_hint)
                value=discovered
                error=error("facts.discovered_on")
                input_type="date"
                short=true
            />
            <TextField
                id="facts-estimated_loss"
                label=assistance_text(|t| t.loss_label)
                hint=assistance_text(|t| t.loss_hint)
                value=loss
                error=error("facts.estimated_loss")
                inputmode="decimal"
                autocomplete="off"
                short=true
            />
            <TextArea
                id="facts-other_actions"
                label=assistance_text(|t| t.actions_label)
                hint=assistance_text(|t| t.actions_hint)
                value=actions
                error=error("facts.other_actions")
                max_chars=MAX_OTHER_ACTIONS_CHARS
            />
        </SectionFrame>
    }
}
