use leptos::prelude::*;
use portal_domain::api::assistance::{GiId, LegalStatus, NumberRule, RightType, Section};

use super::draft::use_draft;
use super::gi_name::{gi_name, use_gi_product};
use super::texts::{assistance_text, AssistanceTexts};
use super::{error_signal, SectionFrame};

use crate::components::choices::{choice_options, RadioGroup};
use crate::components::form::{optional, text_of, FormErrors, TextField};
use crate::prefs::use_prefs;

/// `/assistance/apply/right`: which right is infringed, its number (checked by the rule of its
/// kind), its name, holder and legal status. A GI product comes from the GI lookup.
#[component]
pub fn RightPage() -> impl IntoView {
    let store = use_draft();
    let prefs = use_prefs();
    let r = store.draft.with_untracked(|d| d.right.clone());
    let right_type = RwSignal::new(r.right_type.clone());
    let number = RwSignal::new(text_of(&r.number));
    let title = RwSignal::new(text_of(&r.title));
    let holder = RwSignal::new(text_of(&r.holder));
    let status = RwSignal::new(r.legal_status.clone());

    Effect::new(move |_| {
        let values = (
            right_type.get(),
            optional(number.get()),
            optional(title.get()),
            optional(holder.get()),
            status.get(),
        );
        store.update(|d| {
            let r = &mut d.right;
            (r.right_type, r.number, r.title, r.holder, r.legal_status) = values;
        });
    });

    let errors = RwSignal::new(FormErrors::new());
    let error = move |field: &'static str| error_signal(errors, field);
    let rule = move || {
        right_type
            .with(|t| t.as_deref().and_then(RightType::from_code))
            .map(RightType::number_rule)
    };
    let types = choice_options(RightType::ALL, |k| k.code(), |k, lang| k.label(lang));
    let statuses = choice_options(LegalStatus::ALL, |k| k.code(), |k, lang| k.label(lang));

    // The GI product's name, so the person sees which product the number is.
    let gi = Memo::new(move |_| {
        (rule() == Some(NumberRule::GiProduct))
            .then(|| {
                GiId::parse(&number.get())
                    .ok()
                    .map(|id| id.as_str().to_owned())
            })
            .flatten()
    });
    let gi_product = use_gi_product(gi);

    let number_field = move || {
        let (label, hint) = number_texts(rule()?)?;
        Some(view! {
            <TextField
                id="right-number"
                label=assistance_text(label)
                hint=assistance_text(hint)
                value=number
                error=error("right.number")
                autocomplete="off"
            />
        })
    };

    view! {
        <SectionFrame section=Section::Right errors=errors>
            <RadioGroup
                name="right-type"
                legend=assistance_text(|t| t.right_type_question)
                options=types.clone()
                selected=right_type
                error=error("right.type")
            />
            {number_field}
            {move || (rule() == Some(NumberRule::GiProduct)).then(|| view! {
                <div class="gi-pick">
                    {move || gi_product.get().flatten().map(|found| match found {
                        Ok(product) => view! {
                            <p class="notice notice--info" role="status">
                                {assistance_text(|t| t.gi_product_is)}{move || gi_name(&product, prefs.lang.get())}
                            </p>
                        }.into_any(),
                        Err(_) => view! {
                            <p class="notice" role="status">{assistance_text(|t| t.gi_product_unknown)}</p>
                        }.into_any(),
                    })}
                    <p>
                        <a href="/gi">{assistance_text(|t| t.gi_lookup_link)}</a>
                    </p>
                </div>
            })}
            <TextField
                id="right-title"
                label=assistance_text(|t| t.right_title_label)
                hint=assistance_text(|t| t.right_title_hint)
                value=title
                error=error("right.title")
                autocomplete="off"
            />
            <TextField
                id="right-holder"
                label=assistance_text(|t| t.holder_label)
                hint=assistance_text(|t| t.holder_hint)
                value=holder
                error=error("right.holder")
                autocomplete="off"
            />
            <RadioGroup
                name="right-legal_status"
                legend=assistance_text(|t| t.legal_status_question)
                options=statuses.clone()
                selected=status
                error=error("right.legal_status")
            />
        </SectionFrame>
    }
}

type Pick = fn(&AssistanceTexts) -> &'static str;

/// The label and hint of the number for a kind of right; `None` for trade secrets (no number).
fn number_texts(rule: NumberRule) -> Option<(Pick, Pick)> {
    Some(match rule {
        NumberRule::PatentApplication => (|t| t.patent_number_label, |t| t.patent_number_hint),
        NumberRule::Trademark => (|t| t.trademark_number_label, |t| t.trademark_number_hint),
        NumberRule::GiProduct => (|t| t.gi_number_label, |t| t.gi_number_hint),
        NumberRule::Registration => (
            |t| t.registration_number_label,
            |t| t.registration_number_hint,
        ),
        NumberRule::OptionalRegistration => {
            (|t| t.copyright_number_label, |t| t.copyright_number_hint)
        }
        NumberRule::None => return None,
    })
}
