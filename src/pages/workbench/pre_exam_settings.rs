//! `/staff/admin/pre-exam`: the pre-examination's time limits (acceptance, the opinion by patent
//! kind, the firm's reply, the report of the national filing; all in working days) and the
//! default yearly quota per firm. The center has published none of them: while the shipped
//! values stand the page says they are illustrative, to be confirmed by the center. The shared
//! domain check runs before sending and the server runs it again.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{OpinionLimits, PreExamSettings};

use super::admin_form::{checked, field_id, number, request_errors, RowInput};
use super::auth::use_auth;
use super::guard::{load, Guard};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::form::{error_for, FormErrorSummary};
use crate::components::submit::Submit;

#[component]
pub fn PreExamSettingsPage() -> impl IntoView {
    use_staff_title(|t| t.pes_heading);
    view! {
        <Guard page=StaffPage::PreExamSettings>
            <div class="container page">
                <h1 tabindex="-1">{tr(|t| t.pes_heading)}</h1>
                <p class="lead">{tr(|t| t.pes_lead)}</p>
                {load(api::staff_pre_exam_settings, |settings| {
                    view! { <SettingsForm settings=settings/> }.into_any()
                })}
            </div>
        </Guard>
    }
}

/// The settings' fields: the API's name and its label.
const FIELDS: [(&str, Tr); 7] = [
    ("acceptance_working_days", |t| t.pes_acceptance),
    ("opinion_working_days.invention", |t| {
        t.pes_opinion_invention
    }),
    ("opinion_working_days.utility_model", |t| {
        t.pes_opinion_utility
    }),
    ("opinion_working_days.design", |t| t.pes_opinion_design),
    ("reply_working_days", |t| t.pes_reply),
    ("report_working_days", |t| t.pes_report),
    ("yearly_quota", |t| t.pes_quota),
];

#[component]
fn SettingsForm(settings: PreExamSettings) -> impl IntoView {
    let auth = use_auth();
    let o = settings.opinion_working_days;
    let values = [
        settings.acceptance_working_days,
        o.invention,
        o.utility_model,
        o.design,
        settings.reply_working_days,
        settings.report_working_days,
        settings.yearly_quota,
    ]
    .map(|n| RwSignal::new(n.to_string()));
    // The shipped values until an administrator saves others.
    let illustrative = RwSignal::new(settings == PreExamSettings::default());
    let saved = RwSignal::new(false);
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        saved.set(false);
        let [acceptance, invention, utility, design, reply, report, quota] = values.map(number);
        let settings = PreExamSettings {
            acceptance_working_days: acceptance,
            opinion_working_days: OpinionLimits {
                invention,
                utility_model: utility,
                design,
            },
            reply_working_days: reply,
            report_working_days: report,
            yearly_quota: quota,
        };
        form.send(
            checked(lang, settings, PreExamSettings::problems),
            move |settings| {
                let csrf = auth.csrf();
                async move { api::staff_update_pre_exam_settings(&settings, &csrf, lang).await }
            },
            move |_| {
                saved.set(true);
                illustrative.set(false);
            },
            move |error| {
                auth.form_errors(error, |e| {
                    request_errors(lang, e, "acceptance_working_days")
                })
            },
        );
    });
    let boxes = FIELDS
        .iter()
        .zip(values)
        .map(|(&(name, label), value)| {
            let id = field_id(name);
            let error = {
                let id = id.clone();
                Signal::derive(move || errors.with(|e| error_for(e, &id)))
            };
            let label = Signal::derive(move || tr(label)().to_owned());
            view! { <RowInput id=id label=label value=value error=error inputmode="numeric" short=true/> }
        })
        .collect_view();
    view! {
        {move || illustrative.get().then(|| view! {
            <p class="notice notice--warning" role="note">{tr(|t| t.pes_illustrative)}</p>
        })}
        {move || saved.get().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.pes_saved)}</p> })}
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            {boxes}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.pes_save)}</button>
        </form>
    }
}
