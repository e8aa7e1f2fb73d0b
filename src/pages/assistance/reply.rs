use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::assistance::{
    AssistanceTracking, CenterMessage, EvidenceFile, MessageKind, ReplyRequest, MAX_REPLY_CHARS,
};

use super::files::{request_file_cards, FileCard, UploadTarget, Uploader};
use super::shown::{date_text, time_text};
use super::texts::{assistance_text, assistance_texts};
use crate::api::{self, ApiError};
use crate::components::form::{error_for, refusal_message, TextArea};
use crate::components::submit::{checked, Submit};
use crate::prefs::use_prefs;

/// The center's messages, oldest first, each with its reply or, while one can be sent, a form
/// to answer with words and files (a request for more material is answered with new files).
#[component]
pub fn Messages(
    token: String,
    tracking: AssistanceTracking,
    #[prop(into)] on_done: Callback<AssistanceTracking>,
) -> impl IntoView {
    let prefs = use_prefs();
    if tracking.messages.is_empty() {
        return view! {
            <h2 id="messages" tabindex="-1">{assistance_text(|t| t.messages_heading)}</h2>
            <p class="empty-state">{assistance_text(|t| t.messages_none)}</p>
        }
        .into_any();
    }
    let staged = tracking
        .details
        .as_ref()
        .map(|d| d.staged_files.clone())
        .unwrap_or_default();
    let staged = RwSignal::new(staged);
    let items = tracking
        .messages
        .into_iter()
        .map(|message| {
            let token = token.clone();
            let kind = message.kind;
            let sent = message.sent_at.clone();
            let reply = message.reply.clone();
            let form = message.can_reply.then(|| {
                view! { <ReplyForm token=token.clone() message=message.clone() staged=staged on_done=on_done/> }
            });
            view! {
                <li class="message" class:message--request=kind == MessageKind::MoreMaterialRequested>
                    <p class="message__meta">
                        <strong>{move || kind.label(prefs.lang.get())}</strong>
                        " · "
                        {move || time_text(&sent, prefs.lang.get())}
                    </p>
                    <p class="message__text">{message.text.clone()}</p>
                    {message.reply_by.filter(|_| message.can_reply).map(|by| view! {
                        <p class="message__due"><strong>{move || {
                            let lang = prefs.lang.get();
                            assistance_texts(lang).reply_by_line(date_text(by, lang))
                        }}</strong></p>
                    })}
                    {reply.map(|r| {
                        let at = r.sent_at.clone();
                        let files = request_file_cards(&token, r.files);
                        view! {
                            <div class="message__reply">
                                <p class="message__meta">
                                    {move || assistance_texts(prefs.lang.get()).replied_at(time_text(&at, prefs.lang.get()))}
                                </p>
                                {r.text.map(|text| view! { <p class="message__text">{text}</p> })}
                                <ul class="file-list">{files}</ul>
                            </div>
                        }
                    })}
                    {form}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="messages" tabindex="-1">{assistance_text(|t| t.messages_heading)}</h2>
        <ul class="messages">{items}</ul>
    }
    .into_any()
}

#[component]
fn ReplyForm(
    token: String,
    message: CenterMessage,
    staged: RwSignal<Vec<EvidenceFile>>,
    on_done: Callback<AssistanceTracking>,
) -> impl IntoView {
    let prefs = use_prefs();
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
                api::assistance_reply(&token.get_value(), id, &request, lang).await
            },
            move |updated| {
                staged.set(Vec::new());
                on_done.run(updated);
            },
            move |error| {
                let message = match error {
                    ApiError::Validation(body) => refusal_message(body),
                    _ => assistance_texts(lang).not_sent_body.to_owned(),
                };
                vec![(text_id.to_owned(), message)]
            },
        );
    });
    let remove = move |file: i64| {
        let lang = prefs.lang.get_untracked();
        spawn_local(async move {
            if let Ok(updated) =
                api::assistance_delete_request_file(&token.get_value(), file, lang).await
            {
                staged.set(updated.details.map(|d| d.staged_files).unwrap_or_default());
            }
        });
    };
    let error = Signal::derive(move || errors.with(|e| error_for(e, text_id)));
    let count = Signal::derive(move || staged.with(Vec::len));
    view! {
        <form class="reply" novalidate on:submit=on_submit>
            <h3>{assistance_text(|t| t.reply_heading)}</h3>
            <TextArea
                id=text_id
                label=assistance_text(|t| t.reply_label)
                value=text
                error=error
                max_chars=MAX_REPLY_CHARS
            />
            <p class="label">{assistance_text(|t| t.reply_files)}</p>
            <ul class="file-list">
                <For each=move || staged.get() key=|f| f.id let:file>
                    {
                        let href = api::assistance_request_file_href(&token.get_value(), file.id);
                        let file_id = file.id;
                        let name = file.name.clone();
                        view! {
                            <FileCard file=file href=href>
                                <button type="button" class="button button--link" on:click=move |_| remove(file_id)>
                                    {assistance_text(|t| t.remove)}
                                    <span class="visually-hidden">" "{name}</span>
                                </button>
                            </FileCard>
                        }
                    }
                </For>
            </ul>
            <Uploader
                id="reply-files"
                target=UploadTarget::Request(token.get_value())
                count=count
                on_uploaded=move |f: EvidenceFile| staged.update(|s| s.push(f))
            />
            <button type="submit" class="button" disabled=move || busy.get()>{assistance_text(|t| t.reply_button)}</button>
        </form>
    }
}
