//! Check your answers (the GOV.UK pattern) for the firm's forms (the registration, a
//! pre-examination request): one section's answers as a summary list, each with a link to the
//! page that asks it, and a document's files as one answer.

use leptos::prelude::*;

use crate::components::upload::size_text;

/// What the list says where nothing was answered, and the change link's word (each app's texts).
#[derive(Clone, Copy)]
pub struct AnswerWords {
    pub not_answered: &'static str,
    pub change: &'static str,
}

/// One section: its heading and its answers (a question and its answer, `None` when not answered
/// yet), each with a link to `href`, where it is asked.
pub fn answers_list<Q: IntoView + Clone + 'static>(
    heading: impl IntoView + 'static,
    rows: Vec<(Q, Option<String>)>,
    href: String,
    words: AnswerWords,
) -> impl IntoView {
    let items = rows
        .into_iter()
        .map(|(question, answer)| {
            let answer = answer.unwrap_or_else(|| words.not_answered.to_owned());
            view! {
                <div class="summary-list__row">
                    <dt>{question.clone()}</dt>
                    <dd class="summary-list__value">{answer}</dd>
                    <dd class="summary-list__actions">
                        <a href=href.clone()>
                            {words.change}
                            <span class="visually-hidden">" "{question}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{heading}</h2>
        <dl class="summary-list answers">{items}</dl>
    }
}

/// A document's files as its answer: each name with its size, one a line; `None` when it has
/// none.
pub fn file_names<'a>(files: impl Iterator<Item = (&'a str, u64)>) -> Option<String> {
    let names: Vec<String> = files
        .map(|(name, size)| format!("{name}（{}）", size_text(size)))
        .collect();
    (!names.is_empty()).then(|| names.join("\n"))
}
