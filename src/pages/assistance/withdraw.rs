use leptos::prelude::*;
use portal_domain::api::assistance::{code, AssistanceTracking, WithdrawRequest, MAX_REASON_CHARS};

use super::texts::{assistance_text, assistance_texts};
use crate::api::{self, ApiError};
use crate::components::focus::focus_next_frame;
use crate::components::form::{error_for, TextArea};
use crate::components::submit::{checked, refused, Submit};
use crate::prefs::use_prefs;

/// Withdrawing: without a reason within 10 minutes of submitting, later with one, and only
/// before the request is accepted. It cannot be undone, so the first button only asks "are you
/// sure?" (with the reason, where one is needed) and the second withdraws. `on_done` gets the
/// request as it now is.
#[component]
pub fn Withdraw(
    token: String,
    tracking: AssistanceTracking,
    #[prop(into)] on_done: Callback<AssistanceTracking>,
) -> impl IntoView {
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
    let token = StoredValue::new(token);
    let confirming = RwSignal::new(false);
    // Focus follows the step: to the question when it opens, back to the button when kept.
    let question = NodeRef::<leptos::html::H3>::new();
    let start = NodeRef::<leptos::html::Button>::new();

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
                api::assistance_withdraw(&token.get_value(), &request, lang).await
            },
            move |updated| on_done.run(updated),
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
                    assistance_texts(lang).not_sent_body,
                )
            },
        );
    });
    let error = Signal::derive(move || errors.with(|e| error_for(e, "reason")));

    let quick_or_reason = move || {
        if needs_reason.get() {
            assistance_texts(prefs.lang.get())
                .withdraw_with_reason
                .to_owned()
        } else {
            let until = until.with_value(|u| u.get(11..16).unwrap_or("").to_owned());
            assistance_texts(prefs.lang.get()).withdraw_quick(&until)
        }
    };

    view! {
        <section class="withdraw" aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">{assistance_text(|t| t.withdraw_heading)}</h2>
            <p>{quick_or_reason}</p>
            <form novalidate on:submit=on_submit>
                {move || if confirming.get() {
                    view! {
                        <h3 tabindex="-1" node_ref=question>{assistance_text(|t| t.withdraw_confirm_heading)}</h3>
                        <p>{assistance_text(|t| t.withdraw_confirm_body)}</p>
                        {move || needs_reason.get().then(|| view! {
                            <TextArea
                                id="reason"
                                label=assistance_text(|t| t.withdraw_reason_label)
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
                                {assistance_text(|t| t.withdraw_confirm)}
                            </button>
                            <button
                                type="button"
                                class="button button--secondary"
                                on:click=move |_| {
                                    confirming.set(false);
                                    focus_next_frame(start);
                                }
                            >
                                {assistance_text(|t| t.withdraw_keep)}
                            </button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button--warning"
                            node_ref=start
                            on:click=move |_| {
                                confirming.set(true);
                                focus_next_frame(question);
                            }
                        >
                            {assistance_text(|t| t.withdraw_button)}
                        </button>
                    }.into_any()
                }}
            </form>
        </section>
    }
}
