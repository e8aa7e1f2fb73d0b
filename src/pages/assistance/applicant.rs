use leptos::prelude::*;
use portal_domain::api::assistance::{ApplicantKind, Section};

use super::draft::use_draft;
use super::texts::assistance_text;
use super::{error_signal, SectionFrame, YesNo};
use crate::components::choices::{choice_options, RadioGroup};
use crate::components::form::{optional, text_of, FormErrors, MobileField, TextField};
use crate::components::privacy_note::PrivacyNote;

/// `/assistance/apply/applicant`: who applies (a person or an organisation), how to reach them,
/// and whether someone fills this in for them.
#[component]
pub fn ApplicantPage() -> impl IntoView {
    let store = use_draft();
    let a = store.draft.with_untracked(|d| d.applicant.clone());
    let kind = RwSignal::new(a.kind.clone());
    let name = RwSignal::new(text_of(&a.name));
    let resident_id = RwSignal::new(text_of(&a.resident_id));
    let uscc = RwSignal::new(text_of(&a.uscc));
    let contact_name = RwSignal::new(text_of(&a.contact_name));
    let mobile = RwSignal::new(text_of(&a.mobile));
    let acting = RwSignal::new(a.acting_for_someone_else);
    let representative = RwSignal::new(text_of(&a.representative_name));

    Effect::new(move |_| {
        let values = (
            kind.get(),
            optional(name.get()),
            optional(resident_id.get()),
            optional(uscc.get()),
            optional(contact_name.get()),
            optional(mobile.get()),
            acting.get(),
            optional(representative.get()),
        );
        store.update(|d| {
            let a = &mut d.applicant;
            (
                a.kind,
                a.name,
                a.resident_id,
                a.uscc,
                a.contact_name,
                a.mobile,
                a.acting_for_someone_else,
                a.representative_name,
            ) = values;
        });
    });

    let errors = RwSignal::new(FormErrors::new());
    let error = move |field: &'static str| error_signal(errors, field);
    let is_org = move || kind.get().as_deref() == Some(ApplicantKind::Organisation.code());
    let is_person = move || kind.get().as_deref() == Some(ApplicantKind::Individual.code());
    let kinds = choice_options(ApplicantKind::ALL, |k| k.code(), |k, lang| k.label(lang));

    view! {
        <SectionFrame section=Section::Applicant errors=errors>
            <PrivacyNote why=assistance_text(|t| t.applicant_privacy) section="assistance"/>
            <RadioGroup
                name="applicant-kind"
                legend=assistance_text(|t| t.applicant_kind_question)
                options=kinds.clone()
                selected=kind
                error=error("applicant.kind")
            />
            {move || is_person().then(|| view! {
                <TextField
                    id="applicant-name"
                    label=assistance_text(|t| t.person_name_label)
                    value=name
                    error=error("applicant.name")
                    autocomplete="name"
                />
                <TextField
                    id="applicant-resident_id"
                    label=assistance_text(|t| t.resident_id_label)
                    hint=assistance_text(|t| t.resident_id_hint)
                    value=resident_id
                    error=error("applicant.resident_id")
                    autocomplete="off"
                />
            })}
            {move || is_org().then(|| view! {
                <TextField
                    id="applicant-name"
                    label=assistance_text(|t| t.organisation_name_label)
                    value=name
                    error=error("applicant.name")
                    autocomplete="organization"
                />
                <TextField
                    id="applicant-uscc"
                    label=assistance_text(|t| t.uscc_label)
                    hint=assistance_text(|t| t.uscc_hint)
                    value=uscc
                    error=error("applicant.uscc")
                    autocomplete="off"
                />
                <TextField
                    id="applicant-contact_name"
                    label=assistance_text(|t| t.contact_name_label)
                    value=contact_name
                    error=error("applicant.contact_name")
                    autocomplete="name"
                />
            })}
            <MobileField
                id="applicant-mobile"
                label=assistance_text(|t| t.mobile_label)
                hint=assistance_text(|t| t.mobile_hint)
                value=mobile
                error=error("applicant.mobile")
            />
            <YesNo
                name="applicant-acting_for_someone_else"
                legend=assistance_text(|t| t.acting_question)
                hint=assistance_text(|t| t.acting_hint)
                value=acting
                error=error("applicant.acting_for_someone_else")
            />
            {move || (acting.get() == Some(true)).then(|| view! {
                <TextField
                    id="applicant-representative_name"
                    label=assistance_text(|t| t.representative_label)
                    value=representative
                    error=error("applicant.representative_name")
                    autocomplete="name"
                />
                <p class="notice notice--info">{assistance_text(|t| t.letter_needed)}</p>
            })}
        </SectionFrame>
    }
}
