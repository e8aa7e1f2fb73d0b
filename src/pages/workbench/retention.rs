//! `/staff/admin/retention`: how long the portal keeps people's personal data (issue #18) — days
//! after a booking's appointment, days after a rights-assistance request was closed — and a
//! button that applies them now (the server also does every hour). The center has not published
//! its archive rule: until an administrator saves the periods the page says the shipped ones are
//! illustrative. The shared domain check runs before sending and the server runs it again.

use leptos::prelude::*;
use portal_domain::api::admin::{RetentionSettings, RetentionUpdate};

use super::admin_form::{checked, request_errors, RowInput};
use super::auth::use_auth;
use super::guard::{Guard, StaffProblem};
use super::page_table::StaffPage;
use super::texts::*;
use super::use_staff_title;
use crate::api;
use crate::components::form::{error_for, FormErrorSummary, FormErrors};
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::prefs::use_prefs;

#[component]
pub fn RetentionPage() -> impl IntoView {
    use_staff_title(|t| t.retention_heading);
    view! {
        <Guard page=StaffPage::Retention>
            <Loader/>
        </Guard>
    }
}

#[component]
fn Loader() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = LocalResource::new(move || api::staff_retention(prefs.lang.get_untracked()));
    view! {
        <div class="container page">
            <h1 tabindex="-1">{tr(|t| t.retention_heading)}</h1>
            <p class="lead">{tr(|t| t.retention_lead)}</p>
            <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(settings) => view! { <RetentionForm settings=settings/> }.into_any(),
                        Err(error) => view! { <StaffProblem error=error on_retry=move |_| loaded.refetch()/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// A whole number typed in a box (anything else is out of range, as the server would say).
fn number(value: RwSignal<String>) -> u32 {
    value.get_untracked().trim().parse().unwrap_or(u32::MAX)
}

#[component]
fn RetentionForm(settings: RetentionSettings) -> impl IntoView {
    let auth = use_auth();
    let confirmed = RwSignal::new(settings.confirmed);
    let bookings = RwSignal::new(settings.booking_days.to_string());
    let requests = RwSignal::new(settings.assistance_days.to_string());
    let saved = RwSignal::new(false);
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        saved.set(false);
        let update = RetentionUpdate {
            booking_days: number(bookings),
            assistance_days: number(requests),
        };
        form.send(
            checked(lang, update, RetentionUpdate::problems),
            move |update| {
                let csrf = auth.csrf();
                async move { api::staff_update_retention(&update, &csrf, lang).await }
            },
            move |settings: RetentionSettings| {
                confirmed.set(settings.confirmed);
                saved.set(true);
            },
            move |error| auth.form_errors(error, |e| request_errors(lang, e, "booking_days")),
        );
    });
    let error = move |id: &'static str| {
        Signal::derive(move || errors.with(|e: &FormErrors| error_for(e, id)))
    };
    let label = |t: Tr| Signal::derive(move || tr(t)().to_owned());
    view! {
        {move || (!confirmed.get()).then(|| view! { <p class="inset-text">{tr(|t| t.retention_illustrative)}</p> })}
        <FormErrorSummary errors=errors/>
        {move || saved.get().then(|| view! { <p class="notice notice--success" role="status">{tr(|t| t.retention_saved)}</p> })}
        <form novalidate on:submit=on_submit>
            <RowInput id="booking_days".to_owned() label=label(|t| t.retention_booking_days) value=bookings error=error("booking_days") inputmode="numeric" short=true/>
            <RowInput id="assistance_days".to_owned() label=label(|t| t.retention_assistance_days) value=requests error=error("assistance_days") inputmode="numeric" short=true/>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.retention_save)}</button>
        </form>
        <RunNow/>
    }
}

/// Applies the periods now and says how many bookings and requests that anonymised.
#[component]
fn RunNow() -> impl IntoView {
    let auth = use_auth();
    let prefs = use_prefs();
    let done = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let run = move |_| {
        let lang = prefs.lang.get_untracked();
        let csrf = auth.csrf();
        busy.set(true);
        done.set(None);
        failed.set(None);
        leptos::task::spawn_local(async move {
            match api::staff_run_retention(&csrf, lang).await {
                Ok(run) => done.set(Some(
                    workbench_texts(lang).retention_run_done(run.bookings, run.requests),
                )),
                Err(_) => failed.set(Some(pick(lang, |t| t.not_sent).to_owned())),
            }
            busy.set(false);
        });
    };
    view! {
        <h2>{tr(|t| t.retention_run_heading)}</h2>
        <p class="hint">{tr(|t| t.retention_run_hint)}</p>
        <div role="status">
            {move || done.get().map(|m| view! { <p class="notice notice--success">{m}</p> })}
            {move || failed.get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
        <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=run>
            {tr(|t| t.retention_run)}
        </button>
    }
}
