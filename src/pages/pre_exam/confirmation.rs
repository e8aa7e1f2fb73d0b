//! `/fast-track/pre-exams/{id}/confirmation`: the request is submitted — its reference and what
//! happens next (acceptance within the settings' working days, by its due day).

use leptos::prelude::*;
use leptos_router::components::A;

use super::texts::{pe_text, pre_exam_texts};
use super::{page_href, use_loaded, LIST};
use crate::dates::long_date;
use crate::prefs::{use_page_title, use_prefs};

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    let prefs = use_prefs();
    let loaded = use_loaded();
    use_page_title(|lang| pre_exam_texts(lang).confirmation_title);
    let d = loaded.data.get_untracked();
    let days = d.settings.acceptance_working_days;
    let venue = d.answers.venue;
    let due = d.examination.as_ref().and_then(|e| e.due_on);
    let status = page_href(loaded.id, "status");
    let next = move || {
        let lang = prefs.lang.get();
        let t = pre_exam_texts(lang);
        let venue = venue.map(|v| v.label(lang)).unwrap_or_default();
        let date = due.map(|d| long_date(d, lang)).unwrap_or_default();
        t.next_acceptance(venue, days, t.illustrative, date)
    };
    view! {
        <div class="container page narrow">
            <div class="panel panel--confirmation">
                <h1 class="panel__title" tabindex="-1">{pe_text(|t| t.confirmation_title)}</h1>
                <p class="panel__body">
                    {pe_text(|t| t.reference_label)}<br/>
                    <strong class="reference">{d.reference.clone().unwrap_or_default()}</strong>
                </p>
            </div>
            <h2>{pe_text(|t| t.next_heading)}</h2>
            <p>{next}</p>
            <ol class="list-number">
                {move || pre_exam_texts(prefs.lang.get()).next_steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}
            </ol>
            <p><a href=status.clone() class="button">{pe_text(|t| t.see_request)}</a></p>
            <p><A href=LIST>{pe_text(|t| t.back_to_list)}</A></p>
        </div>
    }
}
