//! Form pieces in the GOV.UK pattern: an error summary that links to each field, and fields
//! with a label, a hint and an inline message. A field's hint and message are
//! `{id}-hint` / `{id}-error`, named by its `aria-describedby`.

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::ApiErrorBody;
use portal_domain::{Lang, Localized};

use crate::components::focus::focus_next_frame;
use crate::prefs::{text, use_prefs};

/// What is wrong with a form: (the id of the field to fix, the message), in page order. An id
/// that starts with `/` is a link to another page (e.g. "check your answers" pointing back to
/// the question).
pub type FormErrors = Vec<(String, String)>;

/// The message for one field, if any.
pub fn error_for(errors: &FormErrors, id: &str) -> Option<String> {
    errors
        .iter()
        .find(|(field, _)| field == id)
        .map(|(_, message)| message.clone())
}

/// A draft's answer as its text box shows it (none is blank).
pub fn text_of(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// Every non-blank line of a text box, trimmed: one item each (inventors, defects, reasons).
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A text box's value as a draft keeps it (blank is "not answered").
pub fn optional(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

/// What the domain's checks found wrong, as the form's errors: each message at the field it
/// names (as `id` turns a field's name into the form's id for it).
pub fn problem_errors<E: Localized>(
    problems: &[(&'static str, E)],
    lang: Lang,
    id: impl Fn(&'static str) -> String,
) -> FormErrors {
    problems
        .iter()
        .map(|(field, e)| (id(field), e.message(lang)))
        .collect()
}

/// A refusal from the server as the form's errors: its message for each field at that field (as
/// `id` names it in the form), or, when it names no field (429, 409 …), its one message at
/// `first`, so the summary links somewhere.
pub fn refusal_errors_at(
    body: ApiErrorBody,
    first: String,
    id: impl Fn(&str) -> String,
) -> FormErrors {
    let mut list: FormErrors = body
        .fields
        .iter()
        .map(|(field, e)| (id(field), e.message.clone()))
        .collect();
    if list.is_empty() {
        list.push((first, body.message));
    }
    list
}

/// A refusal from the server as one message: its first field's message, else its own.
pub fn refusal_message(body: ApiErrorBody) -> String {
    body.fields
        .values()
        .next()
        .map_or(body.message, |e| e.message.clone())
}

/// "There is a problem" with a link to each field. It takes focus when it appears, so a
/// screen-reader or keyboard user hears what went wrong at once (GOV.UK's pattern).
#[component]
pub fn FormErrorSummary(#[prop(into)] errors: Signal<FormErrors>) -> impl IntoView {
    let node = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(Vec::is_empty) {
            focus_next_frame(node);
        }
    });
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" node_ref=node>
                    <h2 class="error-summary__title">{text(|s| s.error_summary_title)}</h2>
                    <ul>
                        {errors
                            .into_iter()
                            .map(|(id, message)| {
                                // A question on another page (perhaps of another app), or here.
                                let href = if id.starts_with('/') { id } else { format!("#{id}") };
                                view! { <li><a href=href>{message}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The `aria-describedby` of a field or a group: its hint (when it has one) and its message (when
/// shown).
pub fn described_by(
    id: &'static str,
    has_hint: bool,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A field's error message, `{id}-error` (what [`described_by`] points to).
#[component]
pub fn FieldMessage(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! { <p class="field-error" id=format!("{id}-error")>{message}</p> }
        })
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// `text` unless given (e.g. `tel`).
    #[prop(optional)]
    input_type: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// A narrower box for short values (a mobile number, a reference).
    #[prop(optional)]
    short: bool,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <label class="label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <FieldMessage id=id error=error/>
            <input
                id=id
                name=id
                class="input"
                class:input--short=short
                class:input--error=move || error.with(Option::is_some)
                type=input_type.unwrap_or("text")
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=described_by(id, hint.is_some(), error)
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A mobile number: a short `tel` box for a national number.
#[component]
pub fn MobileField(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] hint: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <TextField
            id=id
            label=label
            hint=hint
            value=value
            error=error
            input_type="tel"
            autocomplete="tel-national"
            inputmode="tel"
            short=true
        />
    }
}

/// A multi-line text box with a live count of the characters left (GOV.UK character count).
#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    max_chars: usize,
) -> impl IntoView {
    let prefs = use_prefs();
    let count = move || value.with(|v| v.chars().count());
    // "You have N characters remaining" / "N too many", in the current language.
    let count_text = move || {
        let used = count();
        let s = prefs.s();
        if used > max_chars {
            s.chars_over(used - max_chars)
        } else {
            s.chars_left(max_chars - used)
        }
    };
    let describe = described_by(id, hint.is_some(), error);
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <label class="label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <FieldMessage id=id error=error/>
            <textarea
                id=id
                name=id
                class="input textarea"
                class:input--error=move || error.with(Option::is_some)
                rows="4"
                aria-describedby=move || {
                    let mut ids = describe().unwrap_or_default();
                    if !ids.is_empty() {
                        ids.push(' ');
                    }
                    ids.push_str(&format!("{id}-count"));
                    ids
                }
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            // Polite and only after typing pauses would be nicer; a live count on every key is
            // what GOV.UK found screen-reader users can follow when it is not a live region.
            <p class="hint char-count" class:char-count--over={move || count() > max_chars} id=format!("{id}-count")>
                {count_text}
            </p>
        </div>
    }
}

/// A checkbox with its label (and an optional hint) in one large target.
#[component]
pub fn Checkbox(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    checked: RwSignal<bool>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="choice">
            <input
                id=id
                name=id
                class="choice__input"
                type="checkbox"
                aria-describedby=has_hint.then(|| format!("{id}-hint"))
                prop:checked=move || checked.get()
                on:change=move |ev| checked.set(event_target_checked(&ev))
            />
            <label class="choice__label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint choice__hint" id=format!("{id}-hint")>{hint}</p> })}
        </div>
    }
}

/// One radio button of a group (the group is a `<fieldset>` the page draws), its label and an
/// optional hint in one large target. `selected` holds the group's chosen value.
#[component]
pub fn Radio(
    name: &'static str,
    /// The input's id; the group's first radio should have the id the error summary links to.
    id: String,
    value: String,
    #[prop(into)] label: Signal<String>,
    #[prop(optional_no_strip)] hint: Option<Signal<String>>,
    #[prop(optional)] disabled: bool,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let checked = {
        let value = value.clone();
        move || selected.with(|s| s.as_deref() == Some(value.as_str()))
    };
    view! {
        <div class="choice" class:choice--disabled=disabled>
            <input
                id=id.clone()
                name=name
                class="choice__input"
                type="radio"
                value=value.clone()
                disabled=disabled
                aria-describedby=has_hint.then(|| hint_id.clone())
                prop:checked=checked
                on:change=move |_| selected.set(Some(value.clone()))
            />
            <label class="choice__label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint choice__hint" id=hint_id>{hint}</p> })}
        </div>
    }
}
