//! `/fast-track/pre-exams`: the firm's requests and its quota this year. Each request with its
//! reference, title, venue, kind, status and the deadline running (the day and the working days
//! left or overdue, in words); starting a new draft when the firm is registered and has quota
//! left, otherwise why not (with the way to its registration, or to ask for more quota).

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::{FirmPreExamList, PreExamSummary, Quota, QuotaRequest};

use super::texts::{pe_text, pre_exam_texts};
use super::{page_href, status_href, use_session, ACCOUNT, NUMBERS, QUOTA, REGISTRATION};
use crate::api::{self, ApiError};
use crate::app_links::use_go;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::components::submit::Submit;
use crate::dates::{days_left, long_date};
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn ListPage() -> impl IntoView {
    let prefs = use_prefs();
    use_page_title(|lang| pre_exam_texts(lang).heading);
    let list = LocalResource::new(move || api::firm_pre_exams(prefs.lang.get_untracked()));
    view! {
        <div class="container page narrow">
            <a href=ACCOUNT rel="external" class="back-link">{pe_text(|t| t.account_link)}</a>
            <h1 tabindex="-1">{pe_text(|t| t.heading)}</h1>
            <p class="lead">{pe_text(|t| t.lead)}</p>
            {move || match list.get() {
                None => view! { <Loading label=Signal::derive(pe_text(|t| t.loading))/> }.into_any(),
                Some(Ok(list)) => view! { <Requests list=list/> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error=error on_retry=move |_| list.refetch()/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Requests(list: FirmPreExamList) -> impl IntoView {
    let FirmPreExamList {
        items,
        quota,
        registered,
        quota_request,
        ..
    } = list;
    let empty = items.is_empty();
    view! {
        <QuotaPanel quota=quota asked=quota_request registered=registered/>
        <p><a href=NUMBERS rel="external">{pe_text(|t| t.numbers_heading)}</a></p>
        <NewRequest registered=registered quota=quota/>
        <h2>{pe_text(|t| t.list_heading)}</h2>
        {empty.then(|| view! { <p>{pe_text(|t| t.empty)}</p> })}
        <ul class="request-list">
            {items.into_iter().map(|item| view! { <Item item=item/> }).collect_view()}
        </ul>
    }
}

/// The quota this year; the open request for more, or the link to ask (a registered firm).
#[component]
fn QuotaPanel(quota: Quota, asked: Option<QuotaRequest>, registered: bool) -> impl IntoView {
    let prefs = use_prefs();
    let used = move || {
        let t = pre_exam_texts(prefs.lang.get());
        let mut s = t.quota_used(quota.year, quota.used, quota.total(), quota.remaining());
        if quota.extra > 0 {
            s.push_str(&t.quota_extra(quota.extra));
        }
        s
    };
    let nearly = quota.remaining() > 0 && quota.nearly_used();
    view! {
        <h2>{pe_text(|t| t.quota_heading)}</h2>
        <p>{used}</p>
        {nearly.then(|| view! { <p><strong>{pe_text(|t| t.quota_nearly_used)}</strong></p> })}
        {match asked {
            Some(r) => Some(view! { <p class="inset-text">{move || {
                let lang = prefs.lang.get();
                pre_exam_texts(lang).quota_asked(long_date(r.asked_on, lang), r.extra)
            }}</p> }.into_any()),
            None => registered.then(|| view! { <AskLink/> }.into_any()),
        }}
    }
}

/// The way to ask for extra quota: another app, a full page load.
#[component]
fn AskLink() -> impl IntoView {
    view! { <p><a href=QUOTA rel="external">{pe_text(|t| t.quota_more)}</a></p> }
}

/// "Start a new request", or why the firm cannot now.
#[component]
fn NewRequest(registered: bool, quota: Quota) -> impl IntoView {
    let prefs = use_prefs();
    let go = use_go();
    let csrf = use_session().csrf;
    let action = Submit::new();
    let busy = action.busy();
    let failed = RwSignal::new(None::<ApiError>);
    let start = Callback::new(move |()| {
        let go = go.clone();
        let csrf = csrf.get_value();
        let lang = prefs.lang.get_untracked();
        failed.set(None);
        action.act(
            move || async move { api::firm_new_pre_exam(&csrf, lang).await },
            move |answer| match answer {
                Ok(draft) => go(&page_href(draft.id, "")),
                Err(error) => failed.set(Some(error)),
            },
        );
    });
    if !registered {
        return view! {
            <p>{pe_text(|t| t.not_registered)}</p>
            <p><a href=REGISTRATION rel="external">{pe_text(|t| t.registration_link)}</a></p>
        }
        .into_any();
    }
    if quota.remaining() == 0 {
        // The panel above offers to ask for more (or shows the request already made).
        return view! { <p><strong>{pe_text(|t| t.quota_none_left)}</strong></p> }.into_any();
    }
    view! {
        {move || failed.get().map(|error| view! { <ErrorPanel error=error on_retry=start/> })}
        <div class="button-row">
            <button type="button" class="button" disabled=move || busy.get()
                on:click=move |_| start.run(())>
                {move || if busy.get() { pe_text(|t| t.starting)() } else { pe_text(|t| t.new_request)() }}
            </button>
        </div>
    }
    .into_any()
}

#[component]
fn Item(item: PreExamSummary) -> impl IntoView {
    let prefs = use_prefs();
    let href = status_href(item.id, item.status.is_none());
    let PreExamSummary {
        reference,
        title,
        kind,
        venue,
        status,
        due_on,
        days_left: left,
        ..
    } = item;
    let name = title.unwrap_or_else(|| pre_exam_texts(prefs.lang.get_untracked()).untitled.into());
    let facts = move || {
        let lang = prefs.lang.get();
        let t = pre_exam_texts(lang);
        let mut rows = vec![(
            t.status_label,
            status.map_or(t.draft, |s| s.label(lang)).to_owned(),
        )];
        if let Some(r) = &reference {
            rows.push((t.reference_label, r.clone()));
        }
        if let Some(v) = venue {
            rows.push((t.venue_label, v.label(lang).to_owned()));
        }
        if let Some(k) = kind {
            rows.push((t.kind_label, k.label(lang).to_owned()));
        }
        if let Some(date) = due_on {
            let left = left.map(|n| days_left(n, lang)).unwrap_or_default();
            rows.push((t.due_label, t.due_value(long_date(date, lang), left)));
        }
        rows.into_iter()
            .map(|(term, value)| view! {
                <div class="summary-list__row"><dt>{term}</dt><dd class="summary-list__value">{value}</dd></div>
            })
            .collect_view()
    };
    view! {
        <li class="request-list__item">
            <h3><a href=href>{name}</a></h3>
            <dl class="summary-list">{facts}</dl>
        </li>
    }
}
