//! The questions of each section, and the form's state ([`Draft`]): every answer as its input
//! shows it, read back into the shared `RegistrationAnswers` (a count that is not a whole number
//! is the form's own error; everything else is checked by the domain code, as on the server).

use leptos::prelude::*;
use portal_domain::api::firm::registration::{
    RegistrationAnswers, Section, TechField, MAX_PATENTS, MAX_TEXT_CHARS,
};
use portal_domain::Lang;

use super::texts::{pick, reg_text, registration_texts, Tr};
use crate::components::choices::{choice_options, RadioGroup};
use crate::components::form::{
    error_for, optional, text_of, Checkbox, FormErrors, TextArea, TextField,
};
use crate::prefs::use_prefs;

/// Room for the most patents the server takes, one number (about 17 characters) per line.
const PATENTS_CHARS: usize = MAX_PATENTS * 20;

/// The form's id of a `section.field` name: the field part (unique across the sections), and
/// for a material `upload-<purpose>` (its file input; `declaration` is a question too).
pub fn id_of(field: &str) -> String {
    match field.split_once('.') {
        Some(("uploads", material)) => format!("upload-{material}"),
        Some((_, f)) => f.to_owned(),
        None => field.to_owned(),
    }
}

/// The id of a section's first question (where a refusal naming no field is shown).
pub fn first_id(section: Section) -> &'static str {
    match section {
        Section::Firm => "established_on",
        Section::Rnd => "rnd_staff",
        Section::Patents => "design_only",
        Section::Management => "ip_system",
        Section::Uploads => "upload-business_licence",
        Section::Declaration => "declaration",
    }
}

/// Every answer as the form holds it.
#[derive(Clone, Copy)]
pub struct Draft {
    established_on: RwSignal<String>,
    insured_staff: RwSignal<String>,
    main_business: RwSignal<String>,
    fields: RwSignal<Vec<String>>,
    rnd_staff: RwSignal<String>,
    rnd_spending: RwSignal<String>,
    design_only: RwSignal<Option<String>>,
    patents: RwSignal<String>,
    ip_system: RwSignal<Option<String>>,
    ip_contact: RwSignal<String>,
    declaration: RwSignal<bool>,
    explanation: RwSignal<String>,
}

fn yes_no(value: Option<bool>) -> Option<String> {
    value.map(|v| if v { "yes" } else { "no" }.to_owned())
}

fn count(value: Option<u32>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

impl Draft {
    pub fn new(a: &RegistrationAnswers) -> Draft {
        Draft {
            established_on: RwSignal::new(text_of(&a.established_on)),
            insured_staff: RwSignal::new(count(a.insured_staff)),
            main_business: RwSignal::new(text_of(&a.main_business)),
            fields: RwSignal::new(a.fields.clone()),
            rnd_staff: RwSignal::new(count(a.rnd_staff)),
            rnd_spending: RwSignal::new(count(a.rnd_spending)),
            design_only: RwSignal::new(yes_no(a.design_only)),
            patents: RwSignal::new(a.patents.join("\n")),
            ip_system: RwSignal::new(yes_no(a.ip_system)),
            ip_contact: RwSignal::new(text_of(&a.ip_contact)),
            declaration: RwSignal::new(a.declaration),
            explanation: RwSignal::new(text_of(&a.explanation)),
        }
    }

    /// The answers as typed, or the counts that are not whole numbers (at their ids).
    pub fn answers(&self, lang: Lang) -> Result<RegistrationAnswers, FormErrors> {
        let mut errors = FormErrors::new();
        let mut number = |id: &str, value: RwSignal<String>| {
            let typed = value.get_untracked();
            let typed = typed.trim();
            if typed.is_empty() {
                return None;
            }
            typed.parse::<u32>().map_or_else(
                |_| {
                    errors.push((id.to_owned(), pick(lang, |t| t.whole_number).to_owned()));
                    None
                },
                Some,
            )
        };
        let insured_staff = number("insured_staff", self.insured_staff);
        let rnd_staff = number("rnd_staff", self.rnd_staff);
        let rnd_spending = number("rnd_spending", self.rnd_spending);
        if !errors.is_empty() {
            return Err(errors);
        }
        let choice = |v: RwSignal<Option<String>>| v.get_untracked().map(|s| s == "yes");
        Ok(RegistrationAnswers {
            established_on: optional(self.established_on.get_untracked()),
            insured_staff,
            main_business: optional(self.main_business.get_untracked()),
            fields: self.fields.get_untracked(),
            rnd_staff,
            rnd_spending,
            design_only: choice(self.design_only),
            patents: self
                .patents
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            ip_system: choice(self.ip_system),
            ip_contact: optional(self.ip_contact.get_untracked()),
            declaration: self.declaration.get_untracked(),
            explanation: optional(self.explanation.get_untracked()),
        })
    }
}

/// The questions of one section.
#[component]
pub fn Questions(
    section: Section,
    draft: Draft,
    errors: RwSignal<FormErrors>,
    fields: Vec<TechField>,
) -> impl IntoView {
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let label = |t: Tr| Signal::derive(reg_text(t));
    match section {
        Section::Firm => view! {
            <TextField id="established_on" label=label(|t| t.established_on_label)
                hint=label(|t| t.established_on_hint) value=draft.established_on
                error=error("established_on") inputmode="numeric" short=true/>
            <TextField id="insured_staff" label=label(|t| t.insured_staff_label)
                hint=label(|t| t.insured_staff_hint) value=draft.insured_staff
                error=error("insured_staff") inputmode="numeric" short=true/>
            <TextArea id="main_business" label=label(|t| t.main_business_label)
                value=draft.main_business error=error("main_business") max_chars=MAX_TEXT_CHARS/>
            <FieldChoices fields=fields selected=draft.fields error=error("fields")/>
        }
        .into_any(),
        Section::Rnd => view! {
            <TextField id="rnd_staff" label=label(|t| t.rnd_staff_label)
                hint=label(|t| t.rnd_staff_hint) value=draft.rnd_staff
                error=error("rnd_staff") inputmode="numeric" short=true/>
            <TextField id="rnd_spending" label=label(|t| t.rnd_spending_label)
                value=draft.rnd_spending error=error("rnd_spending") inputmode="numeric" short=true/>
        }
        .into_any(),
        Section::Patents => view! {
            <RadioGroup name="design_only" legend=label(|t| t.design_only_legend)
                options=yes_no_options() selected=draft.design_only error=error("design_only")/>
            <TextArea id="patents" label=label(|t| t.patents_label) hint=label(|t| t.patents_hint)
                value=draft.patents error=error("patents") max_chars=PATENTS_CHARS/>
        }
        .into_any(),
        Section::Management => view! {
            <RadioGroup name="ip_system" legend=label(|t| t.ip_system_legend)
                options=yes_no_options() selected=draft.ip_system error=error("ip_system")/>
            <TextField id="ip_contact" label=label(|t| t.ip_contact_label)
                value=draft.ip_contact error=error("ip_contact") autocomplete="name"/>
        }
        .into_any(),
        Section::Declaration => view! { <Declaration draft=draft errors=errors/> }.into_any(),
        // Its own page (`super::uploads`): files, not answers.
        Section::Uploads => ().into_any(),
    }
}

fn yes_no_options() -> Vec<(&'static str, Signal<String>)> {
    choice_options(
        [true, false],
        |v| if v { "yes" } else { "no" },
        |v, lang| {
            let t = registration_texts(lang);
            if v {
                t.yes
            } else {
                t.no
            }
        },
    )
}

/// The center's fields as checkboxes; a field being extended is shown but cannot be chosen.
#[component]
fn FieldChoices(
    fields: Vec<TechField>,
    selected: RwSignal<Vec<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let boxes = fields
        .into_iter()
        .enumerate()
        .map(|(i, field)| {
            let id = if i == 0 {
                "fields".to_owned()
            } else {
                format!("fields-{}", field.code)
            };
            let open = field.accepts_registrations();
            let code = field.code.clone();
            let checked = {
                let code = code.clone();
                move || selected.with(|s| s.contains(&code))
            };
            let name = move || {
                let lang = prefs.lang.get();
                let suffix = if open {
                    ""
                } else {
                    registration_texts(lang).field_extending
                };
                format!("{}{suffix}", field.name(lang))
            };
            view! {
                <div class="choice" class:choice--disabled=!open>
                    <input id=id.clone() name="fields" class="choice__input" type="checkbox"
                        value=code.clone() disabled=!open prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            selected.update(|s| {
                                s.retain(|c| c != &code);
                                if on {
                                    s.push(code.clone());
                                }
                            });
                        }/>
                    <label class="choice__label" for=id>{name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group--error=move || error.with(Option::is_some)>
            <fieldset class="fieldset" aria-describedby="fields-hint">
                <legend class="fieldset__legend"><span class="label">{reg_text(|t| t.fields_legend)}</span></legend>
                <p class="hint" id="fields-hint">{reg_text(|t| t.fields_hint)}</p>
                {move || error.get().map(|m| view! { <p class="field-error" id="fields-error">{m}</p> })}
                <div class="choices">{boxes}</div>
            </fieldset>
        </div>
    }
}

/// The 承诺书, its tick box, and the explanation for a condition not met.
#[component]
fn Declaration(draft: Draft, errors: RwSignal<FormErrors>) -> impl IntoView {
    let prefs = use_prefs();
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let declaration_error = error("declaration");
    view! {
        <div class="inset-text">
            {move || registration_texts(prefs.lang.get()).declaration_text.iter()
                .map(|p| view! { <p>{*p}</p> }).collect_view()}
        </div>
        <div class="form-group" class:form-group--error=move || declaration_error.with(Option::is_some)>
            {move || declaration_error.get().map(|m| view! { <p class="field-error" id="declaration-error">{m}</p> })}
            <Checkbox id="declaration" label=Signal::derive(reg_text(|t| t.declaration_label)) checked=draft.declaration/>
        </div>
        <TextArea id="explanation" label=Signal::derive(reg_text(|t| t.explanation_label))
            hint=Signal::derive(reg_text(|t| t.explanation_hint)) value=draft.explanation
            error=error("explanation") max_chars=MAX_TEXT_CHARS/>
    }
}
