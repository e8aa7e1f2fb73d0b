//! `/assistance/requests/{token}/withdraw` (the `assistance-actions` app): "are you sure?" and,
//! where one is needed, the reason; withdrawing goes back to the request's page, which says it
//! was done.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::assistance::{
    code, CenterMessage, EvidenceFile, WithdrawRequest, MAX_REASON_CHARS,
};
use serde::de::IgnoredAny;
use serde::Deserialize;

use super::at_link::{BackToRequest, NotOpen, RequestAtLink};
use super::request::WITHDRAWN;
use super::request_href;
use super::texts::{request_text, request_texts};
use crate::api::{self, ApiError};
use crate::components::form::{error_for, TextArea};
use crate::components::submit::{checked, refused, Submit};
use crate::prefs::{use_page_title, use_prefs};

/// Withdrawing: without a reason within 10 minutes of submitting, later with one, and only
/// before the request is accepted. It cannot be undone, so this page asks "are you sure?"
/// first (the request's page only links here).
#[component]
pub fn WithdrawPage() -> impl IntoView {
    use_page_title(|lang| request_texts(lang).withdraw_confirm_heading);
    view! {
        <div class="container page narrow">
            <RequestAtLink
                heading=Signal::derive(request_text(|t| t.withdraw_heading))
                page=|token, tracking: RequestActions| if tracking.withdrawable {
                    view! {
                        <BackToRequest token=token.clone()/>
                        <WithdrawForm token tracking/>
                    }.into_any()
                } else {
                    view! {
                        <NotOpen
                            token
                            heading=Signal::derive(request_text(|t| t.withdraw_heading))
                            why=Signal::derive(request_text(|t| t.withdraw_not_open))
                        />
                    }.into_any()
                }
            />
        </div>
    }
}

/// What the pages that act on a request read of it: the fields of an `AssistanceTracking` they
/// need, and only those, since the code that reads the whole of one is a good part of the
/// tracking app's size. (The server's answers carry more; the rest is skipped.)
#[derive(Debug, Clone, Deserialize)]
pub struct RequestActions {
    pub messages: Vec<CenterMessage>,
    pub withdrawable: bool,
    pub withdraw_needs_reason: bool,
    pub one_click_withdraw_until: Option<String>,
    pub details: Option<StagedFiles>,
}

/// Of a request's details, the files uploaded for a reply and not sent yet.
#[derive(Debug, Clone, Deserialize)]
pub struct StagedFiles {
    pub staged_files: Vec<EvidenceFile>,
}

#[component]
fn WithdrawForm(token: String, tracking: RequestActions) -> impl IntoView {
    let prefs = use_prefs();
    let reason = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    // Becomes true when the 10 minutes run out while the page is open (the server says so).
    let needs_reason = RwSignal::new(
        tracking.withdraw_needs_reason || tracking.one_click_withdraw_until.is_none(),
    );
    let until = StoredValue::new(
        tracking
            .one_click_withdraw_until
            .clone()
            .unwrap_or_default(),
    );
    let back = request_href(&token);
    let token = StoredValue::new(token);

    let on_submit = form.on_submit(move |lang| {
        let request = WithdrawRequest {
            reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
        };
        form.send(
            checked(
                request,
                |r| r.parse(needs_reason.get_untracked()),
                lang,
                str::to_owned,
            ),
            move |request| async move {
                api::assistance_withdraw::<IgnoredAny>(&token.get_value(), &request, lang).await
            },
            // The request's page says it is withdrawn; Back does not come to this form again.
            move |_| {
                let href = format!("{}?{WITHDRAWN}", request_href(&token.get_value()));
                let _ = window().location().replace(&href);
            },
            move |error| {
                if let ApiError::Validation(body) = &error {
                    if body.code == code::WITHDRAW_REASON_REQUIRED {
                        needs_reason.set(true);
                    }
                }
                refused(
                    error,
                    "reason",
                    &str::to_owned,
                    request_texts(lang).not_sent_body,
                )
            },
        );
    });
    let error = Signal::derive(move || errors.with(|e| error_for(e, "reason")));

    let quick_or_reason = move || {
        if needs_reason.get() {
            request_texts(prefs.lang.get())
                .withdraw_with_reason
                .to_owned()
        } else {
            let until = until.with_value(|u| u.get(11..16).unwrap_or("").to_owned());
            request_texts(prefs.lang.get()).withdraw_quick(&until)
        }
    };

    view! {
        <h1 tabindex="-1">{request_text(|t| t.withdraw_confirm_heading)}</h1>
        <p>{request_text(|t| t.withdraw_confirm_body)}</p>
        <p>{quick_or_reason}</p>
        <form class="withdraw" novalidate on:submit=on_submit>
            {move || needs_reason.get().then(|| view! {
                <TextArea
                    id="reason"
                    label=request_text(|t| t.withdraw_reason_label)
                    value=reason
                    error=error
                    max_chars=MAX_REASON_CHARS
                />
            })}
            {move || (!needs_reason.get()).then(|| error.get()).flatten().map(|m| view! {
                <p class="field-error" role="alert">{m}</p>
            })}
            <div class="button-row">
                <button type="submit" class="button button--warning" disabled=move || busy.get()>
                    {request_text(|t| t.withdraw_confirm)}
                </button>
                <A href=back attr:class="button button--secondary">
                    {request_text(|t| t.withdraw_keep)}
                </A>
            </div>
        </form>
    }
}
