use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use portal_domain::api::assistance::{AssistanceTracking, RequestStatus};

use super::files::request_file_cards;
use super::messages::Messages;
use super::shown::{date_text, Progress, ProgressView, RequestFacts};
use super::texts::{request_text, request_texts};
use super::{rating_href, withdraw_href};
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::focus::focus_id_next_frame;
use crate::components::loading::Loading;
use crate::components::qr_code::KeepLink;
use crate::components::rating::{rating_text, Rated};
use crate::components::venue_contacts::CenterContacts;
use crate::prefs::{use_page_title, use_prefs};

/// The query parameter that says the page was just reached by a new link.
pub const RELINKED: &str = "relinked";
/// ... that the request was just withdrawn (`withdraw.rs`).
pub const WITHDRAWN: &str = "withdrawn";
/// ... that a reply was just sent (`reply.rs`).
pub const REPLIED: &str = "replied";
/// ... that the service was just rated (`rating.rs`).
pub const RATED: &str = "rated";

/// `/assistance/requests/{token}`: the request at its secret tracking link. Right after
/// submitting (`?new=1`) it is the confirmation; later the same page shows where the request
/// is, the center's messages, and the ways to answer them, to withdraw and, once it is
/// concluded, to rate the service (pages of their own, `reply.rs`, `withdraw.rs` and
/// `rating.rs`, which come back here saying what was done).

#[component]
pub fn RequestPage() -> impl IntoView {
    let prefs = use_prefs();
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token").unwrap_or_default()));
    let new = move || query.with(|q| q.get("new").is_some());
    // Come from "get a new tracking link" (`track.rs`).
    let relinked = move || query.with(|q| q.get(RELINKED).is_some());
    let done = move || {
        query.with(|q| {
            if q.get(WITHDRAWN).is_some() {
                Some(Done::Withdrawn)
            } else if q.get(REPLIED).is_some() {
                Some(Done::Replied)
            } else if q.get(RATED).is_some() {
                Some(Done::Rated)
            } else {
                None
            }
        })
    };
    use_page_title(|lang| request_texts(lang).request_title);
    let loaded = LocalResource::new(move || {
        let token = token.get();
        async move {
            api::assistance_request::<AssistanceTracking>(&token, prefs.lang.get_untracked()).await
        }
    });

    view! {
        <div class="container page narrow">
            <Suspense fallback=move || view! { <Loading label=Signal::derive(request_text(|t| t.loading))/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(tracking) => view! {
                            <ShowRequest
                                tracking=tracking
                                token=token.get_untracked()
                                new=new()
                                relinked=relinked()
                                done=done()
                            />
                        }.into_any(),
                        Err(ApiError::NotFound) => view! { <RequestNotFound/> }.into_any(),
                        Err(error) => view! {
                            <h1 tabindex="-1">{request_text(|t| t.request_title)}</h1>
                            <ErrorPanel error=error on_retry=move |_| loaded.refetch()/>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
pub fn RequestNotFound() -> impl IntoView {
    view! {
        <h1 tabindex="-1">{request_text(|t| t.request_not_found_title)}</h1>
        <p>{request_text(|t| t.request_not_found_body)}</p>
        <p><A href="/assistance/track" attr:class="button">{request_text(|t| t.track_link)}</A></p>
    }
}

/// What the page that came back here did.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Done {
    Withdrawn,
    Replied,
    Rated,
}

#[component]
fn ShowRequest(
    tracking: AssistanceTracking,
    token: String,
    new: bool,
    relinked: bool,
    done: Option<Done>,
) -> impl IntoView {
    let prefs = use_prefs();
    let confirmation = new && tracking.status == RequestStatus::Submitted;
    let reference = tracking.reference.clone();
    let due = tracking.initial_review_due;
    let link = format!(
        "{}/assistance/requests/{token}",
        window().location().origin().unwrap_or_default()
    );
    if done.is_some() {
        // Back from withdrawing, replying or rating: the notice at the top takes the focus, in
        // view and heard.
        focus_id_next_frame("done-notice");
        // And it is said once: the address drops `?withdrawn` (or `?replied`, `?rated`), so a
        // reload, or the link copied from the address bar, does not say it again. Only the
        // address changes (the browser's history entry is replaced): the page stays as it is.
        let history = window().history();
        if let Ok(history) = history {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(
                &state,
                "",
                Some(&format!("/assistance/requests/{token}")),
            );
        }
    }
    // The rating once given; before, while the request can be rated, the way to the page that
    // rates it (`rating.rs`, another app).
    let rating = match tracking.rating.clone() {
        Some(rating) => Some(view! { <Rated rating=rating just=false/> }.into_any()),
        None if tracking.can_rate => Some(view! {
            <section class="rating" aria-labelledby="rating-heading">
                <h2 id="rating-heading">{rating_text(|t| t.heading)}</h2>
                <p>{rating_text(|t| t.lead)}</p>
                <p><A href=rating_href(&token) attr:class="button">{request_text(|t| t.rate_link)}</A></p>
            </section>
        }.into_any()),
        None => None,
    };
    let evidence = tracking
        .details
        .as_ref()
        .map(|d| d.evidence.clone())
        .unwrap_or_default();
    let evidence = (!evidence.is_empty()).then(|| {
        let token = token.clone();
        let cards = request_file_cards(&token, evidence);
        view! {
            <h2>{request_text(|t| t.evidence_files_heading)}</h2>
            <ul class="file-list">{cards}</ul>
        }
    });
    let next_steps = move || {
        let lang = prefs.lang.get();
        let due = due.map(|d| date_text(d, lang));
        let t = request_texts(lang);
        let review = match due {
            Some(due) => t.next_step_review_by(due),
            None => t.next_step_review.to_owned(),
        };
        [
            review,
            t.next_step_messages.to_owned(),
            t.next_step_decision.to_owned(),
        ]
        .into_iter()
        .map(|s| view! { <li>{s}</li> })
        .collect_view()
    };
    let withdrawable = tracking.withdrawable;
    let withdraw = withdrawable.then(|| {
        let href = withdraw_href(&token);
        let needs_reason =
            tracking.withdraw_needs_reason || tracking.one_click_withdraw_until.is_none();
        let until = tracking
            .one_click_withdraw_until
            .as_deref()
            .and_then(|u| u.get(11..16))
            .unwrap_or("")
            .to_owned();
        let how = move || {
            let t = request_texts(prefs.lang.get());
            if needs_reason {
                t.withdraw_with_reason.to_owned()
            } else {
                t.withdraw_quick(&until)
            }
        };
        view! {
            <section class="withdraw" aria-labelledby="withdraw-heading">
                <h2 id="withdraw-heading">{request_text(|t| t.withdraw_heading)}</h2>
                <p>{how}</p>
                <p><A href=href attr:class="button button--warning">{request_text(|t| t.withdraw_button)}</A></p>
            </section>
        }
    });

    view! {
        {if confirmation {
            view! {
                <div class="panel panel--confirmation">
                    <h1 tabindex="-1" class="panel__title">{request_text(|t| t.submitted_title)}</h1>
                    <p class="panel__body">
                        {request_text(|t| t.your_reference)}<br/>
                        <strong class="reference">{reference.clone()}</strong>
                    </p>
                </div>
                {due.map(|due| view! {
                    <p class="notice deadline">
                        {move || request_texts(prefs.lang.get()).review_due(date_text(due, prefs.lang.get()))}
                    </p>
                })}
                <h2>{request_text(|t| t.next_heading)}</h2>
                <ol class="list-number">{next_steps}</ol>
            }.into_any()
        } else {
            view! { <h1 tabindex="-1">{request_text(|t| t.request_title)}</h1> }.into_any()
        }}
        {relinked.then(|| view! {
            <p class="notice notice--success" role="status">{request_text(|t| t.new_link_done)}</p>
        })}
        {done.map(|done| view! {
            <p id="done-notice" class="notice notice--success" role="status" tabindex="-1">
                {move || match done {
                    Done::Withdrawn => request_text(|t| t.withdrawn_done)(),
                    Done::Replied => request_text(|t| t.reply_sent)(),
                    Done::Rated => rating_text(|t| t.thanks).get(),
                }}
            </p>
        })}
        {tracking.anonymised.then(|| view! {
            <p class="notice">{request_text(|t| t.request_anonymised)}</p>
        })}
        // What the center waits for comes first, before the facts and the timeline.
        {tracking.material_requested().then(|| view! {
            <div class="notice notice--warning" role="status">
                <p>{request_text(|t| t.material_requested_notice)}</p>
                {tracking.material_requested_by().map(|by| view! {
                    <p><strong>{move || {
                        let lang = prefs.lang.get();
                        request_texts(lang).reply_by_line(date_text(by, lang))
                    }}</strong></p>
                })}
                // The router would take the fragment link for a navigation: focus the heading
                // instead, which brings it into view and tells a screen reader where it is.
                <p>
                    <a href="#messages" on:click=|ev| {
                        ev.prevent_default();
                        focus_id_next_frame("messages");
                    }>{request_text(|t| t.material_requested_link)}</a>
                </p>
            </div>
        })}
        <RequestFacts tracking=tracking.clone()/>
        <Progress progress=ProgressView::from(&tracking)/>
        {rating}
        <Messages token=token.clone() tracking=tracking.clone()/>
        {evidence}
        {withdraw}
        {(!withdrawable && !tracking.status.is_closed()).then(|| view! {
            <p class="hint">{request_text(|t| t.not_withdrawable)}</p>
            <CenterContacts/>
        })}
        <h2>{request_text(|t| t.keep_link_heading)}</h2>
        <p>{request_text(|t| t.keep_link_body)}</p>
        <KeepLink url=link.clone() label=request_text(|t| t.qr_label)/>
        <div class="button-row no-print">
            <button type="button" class="button button--secondary" on:click=|_| { let _ = window().print(); }>
                {request_text(|t| t.print)}
            </button>
            <A href="/assistance" attr:class="button button--secondary">{request_text(|t| t.back_to_start)}</A>
        </div>
    }
}
