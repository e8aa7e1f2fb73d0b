//! `/fast-track/pre-exams/quota` (its own app, `App::PreExamQuota`): a firm asks for extra
//! pre-examination quota this year (增量额度) — how many more and why — checked by the domain's
//! `QuotaAsk::parse` before sending, as the server checks it again, each message at its field.
//! Then the confirmation says what happens next. A firm with an open request sees it instead of
//! the form (one at a time); a request the center answered is shown above the form.

use leptos::html;
use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{
    FirmQuotaRequests, QuotaAsk, QuotaOutcome, QuotaRequest, MAX_REASON_CHARS,
};

use super::quota_texts::{pq_text, pre_exam_quota_texts};
use super::texts::{pe_text, pick, pre_exam_texts};
use super::{use_session, LIST, REGISTRATION};
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, FormErrorSummary, TextArea, TextField};
use crate::components::loading::Loading;
use crate::components::submit::{checked, refused, Submit};
use crate::dates::long_date;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn QuotaPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| pre_exam_quota_texts(lang).title);
    let loaded = LocalResource::new(move || api::firm_quota_requests(prefs.lang.get_untracked()));
    view! {
        <div class="container page narrow">
            <a href=LIST rel="external" class="back-link">{pe_text(|t| t.back_to_list)}</a>
            {move || match loaded.get() {
                None => view! {
                    <h1 tabindex="-1">{pq_text(|t| t.title)}</h1>
                    <Loading label=Signal::derive(pe_text(|t| t.loading))/>
                }.into_any(),
                Some(Ok(data)) => view! { <Ask data=data/> }.into_any(),
                Some(Err(error)) => view! {
                    <h1 tabindex="-1">{pq_text(|t| t.title)}</h1>
                    <ErrorPanel error=error on_retry=move |_| loaded.refetch()/>
                }.into_any(),
            }}
        </div>
    }
}

/// The form, or the open request; after sending, the confirmation.
#[component]
fn Ask(data: FirmQuotaRequests) -> impl IntoView {
    let prefs = use_prefs();
    let FirmQuotaRequests {
        quota,
        latest,
        registered,
    } = data;
    let sent = RwSignal::new(None::<QuotaRequest>);
    let (open, answered) = match latest {
        Some(r) if r.outcome.is_none() => (Some(r), None),
        other => (None, other),
    };
    let standing = move || {
        pre_exam_texts(prefs.lang.get()).quota_used(
            quota.year,
            quota.used,
            quota.total(),
            quota.remaining(),
        )
    };
    move || {
        if let Some(request) = sent.get() {
            return view! { <Sent request=request/> }.into_any();
        }
        if let Some(request) = open.clone() {
            return view! {
                <h1 tabindex="-1">{pq_text(|t| t.title)}</h1>
                <p>{standing}</p>
                <OpenRequest request=request/>
            }
            .into_any();
        }
        if !registered {
            return view! {
                <h1 tabindex="-1">{pq_text(|t| t.title)}</h1>
                <p>{pe_text(|t| t.not_registered)}</p>
                <p><a href=REGISTRATION rel="external">{pe_text(|t| t.registration_link)}</a></p>
            }
            .into_any();
        }
        view! {
            <AskForm standing=standing answered=answered.clone() sent=sent/>
        }
        .into_any()
    }
}

#[component]
fn AskForm(
    standing: impl Fn() -> String + Send + Sync + 'static,
    answered: Option<QuotaRequest>,
    sent: RwSignal<Option<QuotaRequest>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let csrf = use_session().csrf;
    let extra = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let on_submit = form.on_submit(move |lang| {
        let ask = QuotaAsk {
            // Anything but a whole number is 0: the domain's "1 to 100" message.
            extra: extra.with_untracked(|e| e.trim().parse().unwrap_or(0)),
            reason: Some(reason.get_untracked()),
        };
        let csrf = csrf.get_value();
        form.send(
            checked(ask, QuotaAsk::parse, lang, str::to_owned),
            move |ask| async move { api::firm_ask_quota(&ask, &csrf, lang).await },
            move |request| sent.set(Some(request)),
            move |error| refused(error, "extra", &str::to_owned, pick(lang, |t| t.not_sent)),
        );
    });
    let error = move |id: &'static str| Signal::derive(move || errors.with(|e| error_for(e, id)));
    let label =
        |t: fn(&super::quota_texts::PreExamQuotaTexts) -> &'static str| Signal::derive(pq_text(t));
    let answer = answered.map(|r| {
        move || {
            let lang = prefs.lang.get();
            let t = pre_exam_quota_texts(lang);
            let date = long_date(r.asked_on, lang);
            match r.outcome {
                Some(QuotaOutcome::Granted) => t.granted(date, r.extra),
                _ => t.declined(date, r.extra),
            }
        }
    });
    view! {
        <FormErrorSummary errors=errors/>
        <h1 tabindex="-1">{pq_text(|t| t.title)}</h1>
        <p>{standing}</p>
        {answer.map(|a| view! { <p class="inset-text">{a}</p> })}
        <p>{pq_text(|t| t.lead)}</p>
        <form novalidate on:submit=on_submit>
            <TextField id="extra" label=label(|t| t.extra_label) hint=label(|t| t.extra_hint)
                value=extra error=error("extra") inputmode="numeric" short=true/>
            <TextArea id="reason" label=label(|t| t.reason_label) hint=label(|t| t.reason_hint)
                value=reason error=error("reason") max_chars=MAX_REASON_CHARS/>
            <button type="submit" class="button" disabled=move || busy.get()>
                {move || if busy.get() { pq_text(|t| t.sending)() } else { pq_text(|t| t.send)() }}
            </button>
        </form>
    }
}

/// The open request: when it was asked, how many more, and why.
#[component]
fn OpenRequest(request: QuotaRequest) -> impl IntoView {
    let prefs = use_prefs();
    let QuotaRequest {
        extra,
        reason,
        asked_on,
        ..
    } = request;
    let line = move || {
        let lang = prefs.lang.get();
        pre_exam_quota_texts(lang).open_text(long_date(asked_on, lang), extra)
    };
    let why = move || pre_exam_quota_texts(prefs.lang.get()).reason_shown(&reason);
    view! {
        <div class="inset-text">
            <p>{line}</p>
            <p>{why}</p>
        </div>
    }
}

/// The confirmation: what was asked and what happens next. Its heading takes focus.
#[component]
fn Sent(request: QuotaRequest) -> impl IntoView {
    let prefs = use_prefs();
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| focus_next_frame(heading));
    let body =
        move || pre_exam_quota_texts(prefs.lang.get()).sent_body(request.year, request.extra);
    view! {
        <div class="panel panel--confirmation">
            <h1 class="panel__title" tabindex="-1" node_ref=heading>{pq_text(|t| t.sent_title)}</h1>
            <p class="panel__body">{body}</p>
        </div>
        <h2>{pq_text(|t| t.next_heading)}</h2>
        <p>{pq_text(|t| t.next_text)}</p>
        <p><a href=LIST rel="external" class="button">{pe_text(|t| t.back_to_list)}</a></p>
    }
}
