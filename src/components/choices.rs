//! Groups of radios and checkboxes in the GOV.UK pattern: a `<fieldset>` whose `<legend>` asks
//! the question, an optional hint, the inline message, then the choices. The first input has
//! the group's id, so the error summary's link lands on it.

use leptos::prelude::*;
use portal_domain::Lang;

use crate::components::form::{described_by, Radio};
use crate::prefs::use_prefs;

/// One choice: its value and its label (reactive, for the language switch).
pub type ChoiceOption = (&'static str, Signal<String>);

/// The choices for each of `values`: its code, and its label in the current language.
pub fn choice_options<T>(
    values: impl IntoIterator<Item = T>,
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T, Lang) -> &'static str + Copy + Send + Sync + 'static,
) -> Vec<ChoiceOption>
where
    T: Copy + Send + Sync + 'static,
{
    let prefs = use_prefs();
    values
        .into_iter()
        .map(|value| {
            (
                code(value),
                Signal::derive(move || label(value, prefs.lang.get()).to_owned()),
            )
        })
        .collect()
}

/// The group's frame: the fieldset, its legend, hint and inline message around `choices`.
fn choice_fieldset(
    name: &'static str,
    legend: Signal<&'static str>,
    hint: Option<Signal<&'static str>>,
    error: Signal<Option<String>>,
    choices: impl IntoView + 'static,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <fieldset class="fieldset" aria-describedby=described_by(name, has_hint, error)>
                <legend class="fieldset__legend"><span class="label">{legend}</span></legend>
                {hint.map(|hint| view! { <p class="hint" id=format!("{name}-hint")>{hint}</p> })}
                {move || error.get().map(|m| view! { <p class="field-error" id=format!("{name}-error")>{m}</p> })}
                <div class="choices">{choices}</div>
            </fieldset>
        </div>
    }
}

/// The id of a group's `i`-th choice: the first has the group's name (the error summary links to
/// it), the others `{name}-{value}`.
fn choice_id(name: &'static str, i: usize, value: &str) -> String {
    if i == 0 {
        name.to_owned()
    } else {
        format!("{name}-{value}")
    }
}

/// A question answered by one of several radios.
#[component]
pub fn RadioGroup(
    /// The group's name, and the id of its first radio.
    name: &'static str,
    #[prop(into)] legend: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    options: Vec<ChoiceOption>,
    selected: RwSignal<Option<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = choice_id(name, i, value);
            view! { <Radio name=name id=id value=value.to_owned() label=label selected=selected/> }
        })
        .collect_view();
    choice_fieldset(name, legend, hint, error, radios)
}

/// A question answered by ticking any number of boxes; `selected` holds the ticked values.
#[component]
pub fn CheckboxGroup(
    name: &'static str,
    #[prop(into)] legend: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    options: Vec<ChoiceOption>,
    selected: RwSignal<Vec<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| {
            let id = choice_id(name, i, value);
            let checked = move || selected.with(|s| s.iter().any(|v| v == value));
            let on_change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                selected.update(|s| {
                    s.retain(|v| v != value);
                    if on {
                        s.push(value.to_owned());
                    }
                });
            };
            view! {
                <div class="choice">
                    <input
                        id=id.clone()
                        name=name
                        class="choice__input"
                        type="checkbox"
                        value=value
                        prop:checked=checked
                        on:change=on_change
                    />
                    <label class="choice__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    choice_fieldset(name, legend, hint, error, boxes)
}
