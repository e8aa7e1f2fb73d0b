use leptos::prelude::*;
use portal_domain::api::assistance::{AssistanceType, Section, MAX_HELP_NOTES_CHARS};

use super::draft::use_draft;
use super::texts::assistance_text;
use super::{error_signal, SectionFrame};
use crate::components::choices::{choice_options, CheckboxGroup};
use crate::components::form::{optional, text_of, FormErrors, TextArea};

/// `/assistance/apply/help`: one or more of the six kinds of help.
#[component]
pub fn HelpPage() -> impl IntoView {
    let store = use_draft();
    let h = store.draft.with_untracked(|d| d.help.clone());
    let types = RwSignal::new(h.types.clone());
    let notes = RwSignal::new(text_of(&h.notes));

    Effect::new(move |_| {
        // In the order offered, whatever order they were ticked in.
        let chosen: Vec<String> = types.with(|t| {
            AssistanceType::ALL
                .iter()
                .map(|k| k.code())
                .filter(|code| t.iter().any(|v| v == code))
                .map(str::to_owned)
                .collect()
        });
        let values = (chosen, optional(notes.get()));
        store.update(|d| (d.help.types, d.help.notes) = values);
    });

    let errors = RwSignal::new(FormErrors::new());
    let error = move |field: &'static str| error_signal(errors, field);
    let options = choice_options(AssistanceType::ALL, |k| k.code(), |k, lang| k.label(lang));
    view! {
        <SectionFrame section=Section::Help errors=errors>
            <CheckboxGroup
                name="help-types"
                legend=assistance_text(|t| t.help_question)
                hint=assistance_text(|t| t.help_hint)
                options=options.clone()
                selected=types
                error=error("help.types")
            />
            <TextArea
                id="help-notes"
                label=assistance_text(|t| t.help_notes_label)
                value=notes
                error=error("help.notes")
                max_chars=MAX_HELP_NOTES_CHARS
            />
        </SectionFrame>
    }
}
