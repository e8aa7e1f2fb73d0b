//! The firm's dashboard on its account page: where its registration stands (status, reference,
//! the working days left, the certificate and its validity, or its cancellation) and the
//! center's messages, newest first (`GET /api/v1/firm/dashboard`). The registration itself is
//! another app, a full page load away.

use leptos::prelude::*;
use portal_domain::api::firm::registration::{
    CenterMessage, FirmDashboard, RegistrationKind, RoundSummary,
};

use super::texts::{ft_text, Tr};
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::dates::{days_aside, long_date, short_time};
use crate::prefs::use_prefs;

#[component]
pub fn Dashboard() -> impl IntoView {
    let prefs = use_prefs();
    let board = LocalResource::new(move || api::firm_dashboard(prefs.lang.get_untracked()));
    view! {
        <h2>{ft_text(|t| t.registration_heading)}</h2>
        {move || match board.get() {
            None => view! { <Loading label=Signal::derive(ft_text(|t| t.loading))/> }.into_any(),
            Some(Ok(board)) => view! { <Board board=board/> }.into_any(),
            Some(Err(error)) => view! { <ErrorPanel error=error on_retry=move |_| board.refetch()/> }.into_any(),
        }}
        // Another app: a full page load.
        <p><a class="button" href="/fast-track/registration" rel="external">{ft_text(|t| t.registration_body)}</a></p>
        <h2>{ft_text(|t| t.pre_exams_heading)}</h2>
        <p><a class="button button--secondary" href="/fast-track/pre-exams" rel="external">{ft_text(|t| t.pre_exams_link)}</a></p>
    }
}

#[component]
fn Board(board: FirmDashboard) -> impl IntoView {
    let prefs = use_prefs();
    let FirmDashboard {
        round,
        due_on,
        days_left,
        certificate,
        cancellation,
        messages,
        ..
    } = board;
    let status = round.clone().map(|r: RoundSummary| {
        let kind = (r.kind != RegistrationKind::Application).then_some(r.kind);
        move || {
            let lang = prefs.lang.get();
            match kind {
                Some(kind) => format!("{} · {}", kind.label(lang), r.status.label(lang)),
                None => r.status.label(lang).to_owned(),
            }
        }
    });
    let reference = round.and_then(|r| (!r.reference.is_empty()).then_some(r.reference));
    let due = due_on.map(|date| {
        move || {
            let lang = prefs.lang.get();
            let aside = days_left.map(|n| days_aside(n, lang)).unwrap_or_default();
            format!("{}{aside}", long_date(date, lang))
        }
    });
    view! {
        {status.is_none().then(|| view! { <p>{ft_text(|t| t.dashboard_none)}" "{ft_text(|t| t.registration_status)}</p> })}
        <dl class="summary-list">
            {status.map(|s| view! { <Row term=|t| t.dashboard_status value=s/> })}
            {reference.map(|r| view! { <Row term=|t| t.dashboard_reference value=r/> })}
            {due.map(|d| view! { <Row term=|t| t.dashboard_due value=d/> })}
            {certificate.map(|c| {
                let until = move || long_date(c.valid_until, prefs.lang.get());
                view! {
                    <Row term=|t| t.dashboard_certificate value=c.number/>
                    <Row term=|t| t.dashboard_valid_until value=until/>
                }
            })}
            {cancellation.map(|c| {
                let what = move || format!("{}：{}", c.reason.label(prefs.lang.get()), c.text);
                view! { <Row term=|t| t.dashboard_cancelled value=what/> }
            })}
        </dl>
        <h2>{ft_text(|t| t.messages_heading)}</h2>
        {if messages.is_empty() {
            view! { <p class="empty-state">{ft_text(|t| t.messages_empty)}</p> }.into_any()
        } else {
            view! { <ul class="message-list">{messages.into_iter().map(|m| view! { <Message m=m/> }).collect_view()}</ul> }.into_any()
        }}
    }
}

/// One row of a summary list: what, and its value (the account page's too).
#[component]
pub(super) fn Row(term: Tr, #[prop(into)] value: Signal<String>) -> impl IntoView {
    view! {
        <div class="summary-list__row">
            <dt>{ft_text(term)}</dt>
            <dd class="summary-list__value">{value}</dd>
        </div>
    }
}

/// One message: what the center did, when, for which round, and what it wrote.
#[component]
fn Message(m: CenterMessage) -> impl IntoView {
    let title: Tr = match m.action.as_str() {
        "amend" => |t| t.msg_amend,
        "register" => |t| t.msg_register,
        "recheck" => |t| t.msg_recheck,
        "cancel" => |t| t.msg_cancel,
        _ => |t| t.msg_refuse,
    };
    let when = short_time(&portal_domain::time::format_shanghai(m.at));
    view! {
        <li class="message-list__item">
            <p><strong>{ft_text(title)}</strong>" · "{when}" · "{m.reference}</p>
            {(!m.detail.is_empty()).then(|| view! { <p class="message-list__detail">{m.detail}</p> })}
        </li>
    }
}
