//! What the eligibility rules say of the answers so far (worked out by the server with the
//! shared domain rules, from the thresholds the center set), in plain words.

use leptos::prelude::*;
use portal_domain::api::firm::registration::Outcome;

use super::labels;
use super::texts::reg_text;
use super::use_loaded;
use crate::prefs::use_prefs;

#[component]
pub fn Eligibility() -> impl IntoView {
    let prefs = use_prefs();
    let data = use_loaded().data;
    view! {
        <section class="panel-box" aria-labelledby="eligibility-heading">
            <h2 id="eligibility-heading">{reg_text(|t| t.eligibility_heading)}</h2>
            <p class="hint">
                {reg_text(|t| t.eligibility_lead)}" ("{reg_text(|t| t.illustrative)}")"
            </p>
            <ul class="rule-list">
                {move || {
                    let lang = prefs.lang.get();
                    data.with(|d| {
                        d.eligibility
                            .iter()
                            .map(|o| {
                                let class = match o.outcome {
                                    Outcome::Met => "task-tag task-tag--done",
                                    Outcome::NotMet => "task-tag task-tag--problem",
                                    Outcome::Unknown => "task-tag",
                                };
                                view! {
                                    <li class="rule-list__item">
                                        <span>{labels::rule(o.rule, &d.settings.rules, lang)}</span>
                                        <span class=class>{labels::outcome(o.outcome, lang)}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
            <p class="hint">{reg_text(|t| t.eligibility_note)}</p>
        </section>
    }
}
