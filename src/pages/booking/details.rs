use leptos::prelude::*;
use portal_domain::api::booking::{
    BookingRequest, MAX_DESCRIPTION_CHARS, MAX_OTHER_ADJUSTMENTS_CHARS,
};
use portal_domain::{Lang, Localized};

use super::draft::{use_draft, Step};
use super::texts::{booking_questions_text, booking_questions_texts, booking_text};
use super::{use_go_next, use_step_guard, StepHeader};
use crate::components::form::{
    error_for, optional, text_of, Checkbox, FormErrorSummary, FormErrors, MobileField, TextArea,
    TextField,
};
use crate::components::privacy_note::PrivacyNote;
use crate::prefs::{use_page_title, use_prefs};

/// The fields of this page, in page order (also their ids).
pub(super) const DETAIL_FIELDS: [&str; 6] = [
    "name",
    "mobile",
    "organisation",
    "uscc",
    "description",
    "other_adjustments",
];

/// The problems with the details part of a request, in page order, in `lang` (the same checks
/// the server runs).
pub(super) fn detail_errors(request: &BookingRequest, lang: Lang) -> FormErrors {
    let Err(problems) = request.parse() else {
        return FormErrors::new();
    };
    DETAIL_FIELDS
        .iter()
        .filter_map(|field| {
            problems
                .iter()
                .find(|(f, _)| f == field)
                .map(|(f, e)| ((*f).to_owned(), e.message(lang)))
        })
        .collect()
}

/// `/booking/details`: who is coming, how to reach them, and what help they need. Everything
/// typed is saved into the draft as it is typed.
#[component]
pub fn DetailsPage() -> impl IntoView {
    use_step_guard(Step::Details);
    let prefs = use_prefs();
    let draft = use_draft();
    let go_next = use_go_next();
    use_page_title(|lang| booking_questions_texts(lang).details_heading);

    let r = draft.0.with_untracked(|d| d.request.clone());
    let name = RwSignal::new(text_of(&r.name));
    let mobile = RwSignal::new(text_of(&r.mobile));
    let organisation = RwSignal::new(text_of(&r.organisation));
    let uscc = RwSignal::new(text_of(&r.uscc));
    let description = RwSignal::new(text_of(&r.description));
    let other = RwSignal::new(text_of(&r.other_adjustments));
    let wheelchair = RwSignal::new(r.wheelchair_access);
    let sign_language = RwSignal::new(r.sign_language_interpreter);
    let for_someone_else = RwSignal::new(r.for_someone_else);

    Effect::new(move |_| {
        let values = (
            optional(name.get()),
            optional(mobile.get()),
            optional(organisation.get()),
            optional(uscc.get()),
            optional(description.get()),
            optional(other.get()),
            wheelchair.get(),
            sign_language.get(),
            for_someone_else.get(),
        );
        draft.update(|d| {
            let r = &mut d.request;
            (
                r.name,
                r.mobile,
                r.organisation,
                r.uscc,
                r.description,
                r.other_adjustments,
                r.wheelchair_access,
                r.sign_language_interpreter,
                r.for_someone_else,
            ) = values;
        });
    });

    let errors = RwSignal::new(FormErrors::new());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = draft.0.with_untracked(|d| d.request.clone());
        let found = detail_errors(&request, prefs.lang.get_untracked());
        if found.is_empty() {
            draft.update(|d| d.details_done = true);
            go_next();
        } else {
            errors.set(found);
        }
    };
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));

    view! {
        <div class="container page narrow">
            <StepHeader step=Step::Details/>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">{booking_questions_text(|t| t.details_heading)}</h1>
            <PrivacyNote why=booking_questions_text(|t| t.details_privacy) section="booking"/>
            <form novalidate on:submit=on_submit>
                <Checkbox
                    id="for_someone_else"
                    label=booking_questions_text(|t| t.for_someone_else)
                    hint=booking_questions_text(|t| t.for_someone_else_hint)
                    checked=for_someone_else
                />
                <TextField
                    id="name"
                    label=booking_questions_text(|t| t.name_label)
                    hint=booking_questions_text(|t| t.name_hint)
                    value=name
                    error=error("name")
                    autocomplete="name"
                />
                <MobileField
                    id="mobile"
                    label=booking_text(|t| t.mobile_label)
                    hint=booking_questions_text(|t| t.mobile_hint)
                    value=mobile
                    error=error("mobile")
                />
                <TextField
                    id="organisation"
                    label=booking_questions_text(|t| t.organisation_label)
                    value=organisation
                    error=error("organisation")
                    autocomplete="organization"
                />
                <TextField
                    id="uscc"
                    label=booking_questions_text(|t| t.uscc_label)
                    hint=booking_questions_text(|t| t.uscc_hint)
                    value=uscc
                    error=error("uscc")
                    autocomplete="off"
                />
                <TextArea
                    id="description"
                    label=booking_questions_text(|t| t.description_label)
                    hint=booking_questions_text(|t| t.description_hint)
                    value=description
                    error=error("description")
                    max_chars=MAX_DESCRIPTION_CHARS
                />
                <div class="form-group">
                    <fieldset class="fieldset" aria-describedby="adjustments-hint">
                        <legend class="fieldset__legend">
                            <span class="label">{booking_questions_text(|t| t.adjustments_legend)}</span>
                        </legend>
                        <p class="hint" id="adjustments-hint">{booking_questions_text(|t| t.adjustments_hint)}</p>
                        <div class="choices">
                            <Checkbox id="wheelchair_access" label=booking_text(|t| t.wheelchair) checked=wheelchair/>
                            <Checkbox
                                id="sign_language_interpreter"
                                label=booking_text(|t| t.sign_language)
                                checked=sign_language
                            />
                        </div>
                        <TextArea
                            id="other_adjustments"
                            label=booking_questions_text(|t| t.other_adjustments_label)
                            value=other
                            error=error("other_adjustments")
                            max_chars=MAX_OTHER_ADJUSTMENTS_CHARS
                        />
                    </fieldset>
                </div>
                <button type="submit" class="button">{booking_questions_text(|t| t.continue_button)}</button>
            </form>
        </div>
    }
}
