//! `/fast-track/registration/certificate`: the registration certificate (备案证明) of a
//! registered firm, laid out to print on one page (the site's print styles hide the rest).

use leptos::prelude::*;
use leptos_router::components::A;

use super::texts::{reg_text, registration_texts};
use super::{use_loaded, LIST};
use crate::dates::long_date;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn CertificatePage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| registration_texts(lang).certificate_heading);
    let certificate = use_loaded().data.with_untracked(|d| d.certificate.clone());
    let Some(c) = certificate else {
        return view! {
            <div class="container page narrow">
                <A href=LIST attr:class="back-link">{reg_text(|t| t.back_to_list)}</A>
                <h1 tabindex="-1">{reg_text(|t| t.certificate_heading)}</h1>
                <p>{reg_text(|t| t.no_certificate)}</p>
            </div>
        }
        .into_any();
    };
    let row = |term: fn(&super::texts::RegistrationTexts) -> &'static str,
               value: Signal<String>| {
        view! {
            <div class="summary-list__row">
                <dt>{reg_text(term)}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    };
    let fields = c.fields.clone();
    let fields = Signal::derive(move || {
        let lang = prefs.lang.get();
        fields
            .iter()
            .map(|f| f.name(lang))
            .collect::<Vec<_>>()
            .join("、")
    });
    let (registered, valid) = (c.registered_on, c.valid_until);
    view! {
        <div class="container page narrow">
            <A href=LIST attr:class="back-link no-print">{reg_text(|t| t.back_to_list)}</A>
            <article class="certificate">
                <h1 tabindex="-1">{reg_text(|t| t.certificate_heading)}</h1>
                <dl class="summary-list">
                    {row(|t| t.certificate_number, Signal::stored(c.number.clone()))}
                    {row(|t| t.certificate_firm, Signal::stored(c.firm_name.clone()))}
                    {row(|t| t.certificate_uscc, Signal::stored(c.uscc.clone()))}
                    {row(|t| t.certificate_fields, fields)}
                    {row(|t| t.certificate_registered_on, Signal::derive(move || long_date(registered, prefs.lang.get())))}
                    {row(|t| t.valid_until_label, Signal::derive(move || long_date(valid, prefs.lang.get())))}
                </dl>
                <p class="certificate__issuer">{reg_text(|t| t.certificate_issuer)}</p>
            </article>
            <button type="button" class="button no-print" on:click=|_| { let _ = window().print(); }>{reg_text(|t| t.print_button)}</button>
        </div>
    }
    .into_any()
}
