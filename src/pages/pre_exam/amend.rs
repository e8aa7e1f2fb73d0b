//! The amendment of a request sent back (需修改), on its page: the officer's opinion with every
//! defect, the round and the day to reply by (with the working days left, in words), the files
//! to replace or add (`documents::DocumentFiles`), and sending the reply.

use leptos::prelude::*;
use portal_domain::api::firm::pre_exam::MAX_AMENDMENT_ROUNDS;

use super::documents::{documents, DocumentFiles};
use super::texts::{pe_text, pick, pre_exam_texts};
use super::use_loaded;
use crate::api;
use crate::components::form::FormErrorSummary;
use crate::components::submit::{refused, Submit};
use crate::dates::{days_left, long_date};
use crate::prefs::use_prefs;

#[component]
pub fn Amendment() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    let (exam, left) = loaded
        .data
        .with_untracked(|d| (d.examination.clone(), d.days_left));
    let Some(exam) = exam else {
        return ().into_any();
    };
    let rounds = exam.amendment_rounds;
    let due = exam.due_on;
    let form = Submit::new();
    let errors = form.errors;
    let busy = form.busy();
    let on_submit = form.on_submit(move |lang| {
        let csrf = loaded.csrf.get_value();
        let id = loaded.id;
        form.send(
            Ok(()),
            move |()| async move { api::firm_reply_pre_exam(id, &csrf, lang).await },
            move |data| loaded.data.set(data),
            move |error| {
                refused(
                    error,
                    "reply",
                    &|f| f.to_owned(),
                    pick(lang, |t| t.not_sent),
                )
            },
        );
    });
    let docs = move || documents(loaded);
    view! {
        <FormErrorSummary errors=errors/>
        <div class="notice notice--warning" role="status">
            <h2>{pe_text(|t| t.amend_title)}</h2>
            <p>{move || pre_exam_texts(prefs.lang.get()).amend_round(rounds, MAX_AMENDMENT_ROUNDS)}</p>
            <p>{pe_text(|t| t.amend_lead)}</p>
            <ol class="list-number">
                {exam.defects.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
            </ol>
            {due.map(|date| view! {
                <p><strong>{move || {
                    let lang = prefs.lang.get();
                    let left = left.map(|n| days_left(n, lang)).unwrap_or_default();
                    pre_exam_texts(lang).reply_by(long_date(date, lang), left)
                }}</strong></p>
            })}
        </div>
        <For each=docs key=|d| *d let:document>
            <DocumentFiles document=document errors=errors/>
        </For>
        <form novalidate on:submit=on_submit>
            <button id="reply" type="submit" class="button" disabled=move || busy.get()>
                {move || if busy.get() { pe_text(|t| t.replying)() } else { pe_text(|t| t.reply_button)() }}
            </button>
        </form>
    }
    .into_any()
}
