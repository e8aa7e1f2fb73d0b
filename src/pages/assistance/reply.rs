//! `/assistance/requests/{token}/reply/{message}` (the `assistance-actions` app): answering a
//! message of the center with words and files (a request for more material is answered with new
//! files). Sending goes back to the request's page, which says it was sent and shows the reply.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use portal_domain::api::assistance::{CenterMessage, EvidenceFile, ReplyRequest, MAX_REPLY_CHARS};
use serde::de::IgnoredAny;

use super::at_link::{BackToRequest, RequestAtLink};
use super::files::{FileCard, UploadTarget, Uploader};
use super::messages::MessageBody;
use super::request::REPLIED;
use super::request_href;
use super::texts::{request_text, request_texts};
use super::withdraw::RequestActions;
use crate::api::{self, ApiError};
use crate::components::form::{error_for, refusal_message, TextArea};
use crate::components::submit::{checked, Submit};
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn ReplyPage() -> impl IntoView {
    use_page_title(|lang| request_texts(lang).reply_title);
    view! {
        <div class="container page narrow">
            <RequestAtLink heading=Signal::derive(request_text(|t| t.reply_title)) page=|token, tracking| view! { <Reply token tracking/> }.into_any()/>
        </div>
    }
}

/// The message of the address (`{message}`) with the form that answers it, while it can be
/// answered.
#[component]
fn Reply(token: String, tracking: RequestActions) -> impl IntoView {
    let id =
        use_params_map().with_untracked(|p| p.get("message").and_then(|m| m.parse::<i64>().ok()));
    let open = tracking
        .messages
        .iter()
        .find(|m| Some(m.id) == id && m.can_reply)
        .cloned();
    view! {
        <BackToRequest token=token.clone()/>
        <h1 tabindex="-1">{request_text(|t| t.reply_title)}</h1>
        {match open {
            Some(message) => view! {
                <CenterMessageShown message=message.clone()/>
                <ReplyForm token tracking message/>
            }.into_any(),
            None => view! { <p>{request_text(|t| t.reply_not_open)}</p> }.into_any(),
        }}
    }
}

/// The message being answered, as the request's page shows it.
#[component]
fn CenterMessageShown(message: CenterMessage) -> impl IntoView {
    view! {
        <div class="message message--request">
            <MessageBody message/>
        </div>
    }
}

#[component]
fn ReplyForm(token: String, tracking: RequestActions, message: CenterMessage) -> impl IntoView {
    let prefs = use_prefs();
    // Files uploaded for a reply and not sent yet (kept by the server, shown again here).
    let staged = RwSignal::new(
        tracking
            .details
            .as_ref()
            .map(|d| d.staged_files.clone())
            .unwrap_or_default(),
    );
    let text = RwSignal::new(String::new());
    let form = Submit::new();
    let (errors, busy) = (form.errors, form.busy());
    let token = StoredValue::new(token);
    let id = message.id;
    let text_id: &'static str = "reply-text";

    let on_submit = form.on_submit(move |lang| {
        let request = ReplyRequest {
            text: Some(text.get_untracked()).filter(|t| !t.trim().is_empty()),
            files: staged.with_untracked(|s| s.iter().map(|f| f.id).collect()),
        };
        form.send(
            checked(request, |r| r.parse(), lang, |_| text_id.to_owned()),
            move |request| async move {
                api::assistance_reply::<IgnoredAny>(&token.get_value(), id, &request, lang).await
            },
            // The request's page shows the reply; Back does not come to this form again.
            move |_| {
                let href = format!("{}?{REPLIED}", request_href(&token.get_value()));
                let _ = window().location().replace(&href);
            },
            move |error| {
                let message = match error {
                    ApiError::Validation(body) => refusal_message(body),
                    _ => request_texts(lang).not_sent_body.to_owned(),
                };
                vec![(text_id.to_owned(), message)]
            },
        );
    });
    let remove = move |file: i64| {
        let lang = prefs.lang.get_untracked();
        spawn_local(async move {
            if let Ok(updated) = api::assistance_delete_request_file::<RequestActions>(
                &token.get_value(),
                file,
                lang,
            )
            .await
            {
                staged.set(updated.details.map(|d| d.staged_files).unwrap_or_default());
            }
        });
    };
    let error = Signal::derive(move || errors.with(|e| error_for(e, text_id)));
    let count = Signal::derive(move || staged.with(Vec::len));
    view! {
        <form class="reply" novalidate on:submit=on_submit>
            <TextArea
                id=text_id
                label=request_text(|t| t.reply_label)
                value=text
                error=error
                max_chars=MAX_REPLY_CHARS
            />
            <p class="label">{request_text(|t| t.reply_files)}</p>
            <ul class="file-list">
                <For each=move || staged.get() key=|f| f.id let:file>
                    {
                        let href = api::assistance_request_file_href(&token.get_value(), file.id);
                        let file_id = file.id;
                        let name = file.name.clone();
                        view! {
                            <FileCard file=file href=href>
                                <button type="button" class="button button--link" on:click=move |_| remove(file_id)>
                                    {request_text(|t| t.remove)}
                                    <span class="visually-hidden">" "{name}</span>
                                </button>
                            </FileCard>
                        }
                    }
                </For>
            </ul>
            <Uploader
                id="reply-files"
                target=UploadTarget::request(token.get_value())
                count=count
                on_uploaded=move |f: EvidenceFile| staged.update(|s| s.push(f))
            />
            <button type="submit" class="button" disabled=move || busy.get()>{request_text(|t| t.reply_button)}</button>
        </form>
    }
}
