//! The center's messages on a request's page, oldest first, each with its reply or, while one
//! can be sent, the way to the page that answers it (`reply.rs`, in the `assistance-actions`
//! app).

use leptos::prelude::*;
use leptos_router::components::A;
use portal_domain::api::assistance::{AssistanceTracking, CenterMessage, MessageKind};

use super::files::request_file_cards;
use super::reply_href;
use super::shown::{date_text, time_text};
use super::texts::{request_text, request_texts};
use crate::prefs::use_prefs;

#[component]
pub fn Messages(token: String, tracking: AssistanceTracking) -> impl IntoView {
    let prefs = use_prefs();
    if tracking.messages.is_empty() {
        return view! {
            <h2 id="messages" tabindex="-1">{request_text(|t| t.messages_heading)}</h2>
            <p class="empty-state">{request_text(|t| t.messages_none)}</p>
        }
        .into_any();
    }
    let items = tracking
        .messages
        .into_iter()
        .map(|message| {
            let kind = message.kind;
            let reply = message.reply.clone();
            let answer = message.can_reply.then(|| {
                let href = reply_href(&token, message.id);
                view! {
                    <p><A href=href attr:class="button">{request_text(|t| t.reply_link)}</A></p>
                }
            });
            view! {
                <li class="message" class:message--request=kind == MessageKind::MoreMaterialRequested>
                    <MessageBody message=message/>
                    {reply.map(|r| {
                        let at = r.sent_at.clone();
                        let files = request_file_cards(&token, r.files);
                        view! {
                            <div class="message__reply">
                                <p class="message__meta">
                                    {move || request_texts(prefs.lang.get()).replied_at(time_text(&at, prefs.lang.get()))}
                                </p>
                                {r.text.map(|text| view! { <p class="message__text">{text}</p> })}
                                <ul class="file-list">{files}</ul>
                            </div>
                        }
                    })}
                    {answer}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="messages" tabindex="-1">{request_text(|t| t.messages_heading)}</h2>
        <ul class="messages">{items}</ul>
    }
    .into_any()
}

/// A message of the center: what kind it is and when it was sent, its text, and the day the
/// center asks the answer by while it can be answered (the request's page and the reply page).
#[component]
pub fn MessageBody(message: CenterMessage) -> impl IntoView {
    let prefs = use_prefs();
    let kind = message.kind;
    let sent = message.sent_at;
    view! {
        <p class="message__meta">
            <strong>{move || kind.label(prefs.lang.get())}</strong>
            " · "
            {move || time_text(&sent, prefs.lang.get())}
        </p>
        <p class="message__text">{message.text}</p>
        {message.reply_by.filter(|_| message.can_reply).map(|by| view! {
            <p class="message__due"><strong>{move || {
                let lang = prefs.lang.get();
                request_texts(lang).reply_by_line(date_text(by, lang))
            }}</strong></p>
        })}
    }
}
