//! One section of a "check your answers" page: each question, its answer (or "not answered"),
//! and a link to the page that asks it, named for screen readers ("change" + the question).

use leptos::prelude::*;

use crate::app_links::rel_for;

/// The section's rows, `href` the page that asks them, and the words for a missing answer and
/// for the link.
pub fn answers_list<Q: AsRef<str>>(
    rows: Vec<(Q, Option<String>)>,
    href: String,
    (not_answered, change): (&'static str, &'static str),
) -> impl IntoView {
    let rows = rows.into_iter().map(|(question, answer)| {
        let question = question.as_ref().to_owned();
        let href = href.clone();
        view! {
            <div class="summary-list__row">
                <dt>{question.clone()}</dt>
                <dd class="summary-list__value">
                    {answer.unwrap_or_else(|| not_answered.to_owned())}
                </dd>
                <dd class="summary-list__actions">
                    <a href=href.clone() rel=rel_for(&href)>
                        {change}
                        <span class="visually-hidden">" "{question}</span>
                    </a>
                </dd>
            </div>
        }
    });
    view! { <dl class="summary-list answers">{rows.collect_view()}</dl> }
}
