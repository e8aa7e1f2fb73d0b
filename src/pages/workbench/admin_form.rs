//! Pieces the administrator's forms share: inputs of rows that can be added and removed (their
//! ids are made at run time, so the `&'static str` ids of `components::form` do not fit), and
//! turning the server's (or the shared parser's) per-field messages into the form's errors, in
//! the order the fields appear on the page.

use leptos::prelude::*;
use portal_domain::{Lang, Localized};

use super::texts::pick;
use crate::api::ApiError;
use crate::components::form::{error_for, FormErrors};
use crate::components::submit::refused;

/// The id of a field's input: the API's field name with `.` as `-` (`opening_hours.0.opens` →
/// `opening_hours-0-opens`), so the error summary's links are plain fragments.
pub fn field_id(field: &str) -> String {
    field.replace('.', "-")
}

/// Messages sorted into the order of `order` (the ids of the page's fields); others last.
pub fn in_page_order(mut errors: FormErrors, order: &[String]) -> FormErrors {
    errors.sort_by_key(|(id, _)| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
    errors
}

/// The shared parser's problems as the form's errors.
pub fn parser_errors<E: Localized>(lang: Lang, problems: &[(String, E)]) -> FormErrors {
    problems
        .iter()
        .map(|(field, error)| (field_id(field), error.message(lang)))
        .collect()
}

/// `value` when the shared domain check found no problem, else the problems as the form's
/// errors (what a form sends after checking it as the server will).
pub fn checked<T, E: Localized>(
    lang: Lang,
    value: T,
    problems: impl FnOnce(&T) -> Vec<(String, E)>,
) -> Result<T, FormErrors> {
    let problems = problems(&value);
    match problems.is_empty() {
        true => Ok(value),
        false => Err(parser_errors(lang, &problems)),
    }
}

/// A refused or failed request as the form's errors: the server's per-field messages at their
/// fields, a refusal about the whole request (409 …) at `first`.
pub fn request_errors(lang: Lang, error: ApiError, first: &str) -> FormErrors {
    refused(error, first, &field_id, pick(lang, |t| t.not_sent))
}

/// A whole number typed in a box (anything else is out of range, as the server would say).
pub fn number(value: RwSignal<String>) -> u32 {
    value.get_untracked().trim().parse().unwrap_or(u32::MAX)
}

/// The message of one field, as a signal.
pub fn error_signal(errors: RwSignal<FormErrors>, id: String) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| error_for(e, &id)))
}

/// A one-line input of a row, with its label and inline message (GOV.UK), its id made at run
/// time.
#[component]
pub fn RowInput(
    id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// A hint shown under the label (its id is `{id}-hint`).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] short: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <label class="label" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <input
                id=id.clone()
                name=id
                class="input"
                class:input--short=short
                class:input--error=move || error.with(Option::is_some)
                type="text"
                autocomplete="off"
                spellcheck="false"
                inputmode=inputmode
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_become_ids_and_errors_follow_the_page() {
        assert_eq!(field_id("opening_hours.0.opens"), "opening_hours-0-opens");
        let order: Vec<String> = ["a", "b", "c"].map(str::to_owned).to_vec();
        let errors = vec![
            ("c".to_owned(), "3".to_owned()),
            ("x".to_owned(), "?".to_owned()),
            ("a".to_owned(), "1".to_owned()),
        ];
        let sorted: Vec<String> = in_page_order(errors, &order)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(sorted, ["a", "c", "x"]);
    }
}
