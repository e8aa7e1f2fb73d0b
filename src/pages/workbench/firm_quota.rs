//! A firm's pre-examination quota this year (issue #15), on the administrator's firms page: the
//! allowance (the center's own figure for the firm, or the default), the extra quota granted on
//! the firm's request (增量额度) and what it has used; the administrator sets the first two.
//! Checked by the domain's `FirmQuotaUpdate::problems` before sending. The firm's open request
//! for more (asked online) is shown above the form: saving answers it — granted if the extra
//! quota went up, else declined — and the page says which.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{
    FirmQuotaStanding, FirmQuotaUpdate, QuotaOutcome, QuotaRequest,
};

use super::admin_form::{checked, number, request_errors, RowInput};
use super::auth::use_auth;
use super::guard::loaded;
use super::texts::*;
use crate::api;
use crate::components::form::{error_for, FormErrorSummary};
use crate::components::submit::Submit;
use crate::prefs::use_prefs;

#[component]
pub fn FirmQuota(uscc: String) -> impl IntoView {
    let prefs = use_prefs();
    let key = StoredValue::new(uscc);
    let quota = LocalResource::new(move || {
        let uscc = key.get_value();
        async move { api::staff_firm_pre_exam_quota(&uscc, prefs.lang.get_untracked()).await }
    });
    view! {
        <section class="case-panel no-print" aria-labelledby="quota-heading">
            <h3 id="quota-heading">{tr(|t| t.quota_heading)}</h3>
            {loaded(quota, move |standing| view! { <QuotaForm uscc=key.get_value() standing=standing/> }.into_any())}
        </section>
    }
}

/// The firm's open request: when, how many more, why; saving answers it.
#[component]
fn OpenRequest(request: QuotaRequest) -> impl IntoView {
    let prefs = use_prefs();
    let (asked_on, extra) = (request.asked_on, request.extra);
    let line = move || {
        let lang = prefs.lang.get();
        workbench_texts(lang).quota_request_open(crate::dates::long_date(asked_on, lang), extra)
    };
    view! {
        <div class="inset-text" id="quota-request">
            <p><strong>{line}</strong></p>
            <p>{tr(|t| t.quota_request_reason)}" "{request.reason}</p>
            <p class="hint">{tr(|t| t.quota_request_hint)}</p>
        </div>
    }
}

#[component]
fn QuotaForm(uscc: String, standing: FirmQuotaStanding) -> impl IntoView {
    let prefs = use_prefs();
    let auth = use_auth();
    let FirmQuotaStanding {
        quota,
        own,
        request,
    } = standing;
    let current = RwSignal::new(quota);
    let open = RwSignal::new(request);
    // The outcome of the request the last save answered.
    let answered = RwSignal::new(None::<QuotaOutcome>);
    // The own figure as the center set it, blank for "the default" (so that granting extra quota
    // keeps it); the allowance shows what is in force.
    let own = RwSignal::new(own.map(|n| n.to_string()).unwrap_or_default());
    let extra = RwSignal::new(quota.extra.to_string());
    let saved = RwSignal::new(false);
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let uscc = StoredValue::new(uscc);
    let on_submit = form.on_submit(move |lang| {
        saved.set(false);
        answered.set(None);
        let own_typed = own.get_untracked();
        let update = FirmQuotaUpdate {
            own: (!own_typed.trim().is_empty()).then(|| number(own)),
            extra: if extra.with_untracked(|e| e.trim().is_empty()) {
                0
            } else {
                number(extra)
            },
        };
        form.send(
            checked(lang, update, FirmQuotaUpdate::problems),
                move |update| {
                    let csrf = auth.csrf();
                    let uscc = uscc.get_value();
                    async move {
                        api::staff_update_firm_pre_exam_quota(&uscc, &update, &csrf, lang).await
                    }
                },
                move |standing: FirmQuotaStanding| {
                    current.set(standing.quota);
                    answered.set(standing.request.and_then(|r| r.outcome));
                    open.set(None);
                    saved.set(true);
                },
                move |error| auth.form_errors(error, |e| request_errors(lang, e, "own")),
            );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let label = |t: Tr| Signal::derive(move || tr(t)().to_owned());
    let standing = move || {
        let q = current.get();
        workbench_texts(prefs.lang.get()).quota_standing(
            q.year,
            q.allowance,
            q.extra,
            q.used,
            q.remaining(),
        )
    };
    view! {
        <p>{standing}</p>
        <p class="hint">{tr(|t| t.quota_illustrative)}</p>
        {move || saved.get().then(|| view! { <p class="notice notice--success" role="status">
            {tr(|t| t.quota_saved)}
            {move || answered.get().map(|o| match o {
                QuotaOutcome::Granted => tr(|t| t.quota_request_granted)(),
                QuotaOutcome::Declined => tr(|t| t.quota_request_declined)(),
            })}
        </p> })}
        {move || open.get().map(|r| view! { <OpenRequest request=r/> })}
        <FormErrorSummary errors=errors/>
        <form novalidate on:submit=on_submit>
            <RowInput id="own".to_owned() label=label(|t| t.quota_own) hint=label(|t| t.quota_own_hint)
                value=own error=error("own") inputmode="numeric" short=true/>
            <RowInput id="extra".to_owned() label=label(|t| t.quota_extra) value=extra error=error("extra")
                inputmode="numeric" short=true/>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(|t| t.quota_save)}</button>
        </form>
    }
}
