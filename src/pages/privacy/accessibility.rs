//! `/accessibility`: the accessibility statement in the GOV.UK form — who it covers, what people
//! should be able to do, elder mode (长辈版) described, the standard aimed for and the compliance
//! status, known limitations, how the site was tested, other formats, and when the statement was
//! prepared and last reviewed.

use leptos::prelude::*;

use super::texts::{privacy_text, privacy_texts};
use super::{SeeAlso, TextList};
use crate::components::venue_contacts::CenterContacts;
use crate::prefs::use_page_title;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    use_page_title(|lang| privacy_texts(lang).a11y_title);
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{privacy_text(|t| t.a11y_title)}</h1>
            <p class="lead">{privacy_text(|t| t.a11y_lead)}</p>
            <h2>{privacy_text(|t| t.a11y_using_heading)}</h2>
            <p>{privacy_text(|t| t.a11y_using_intro)}</p>
            <TextList items=|l| &privacy_texts(l).a11y_using_items/>
            <h2 id="elder-mode">{privacy_text(|t| t.a11y_elder_heading)}</h2>
            <p>{privacy_text(|t| t.a11y_elder_body)}</p>
            <TextList items=|l| &privacy_texts(l).a11y_elder_items/>
            <p>{privacy_text(|t| t.a11y_elder_note)}</p>
            <h2>{privacy_text(|t| t.a11y_status_heading)}</h2>
            <p>{privacy_text(|t| t.a11y_status_body)}</p>
            <h2>{privacy_text(|t| t.a11y_limits_heading)}</h2>
            <TextList items=|l| &privacy_texts(l).a11y_limits_items/>
            <h2>{privacy_text(|t| t.a11y_tested_heading)}</h2>
            <TextList items=|l| &privacy_texts(l).a11y_tested_items/>
            <p>{privacy_text(|t| t.a11y_tested_note)}</p>
            <h2>{privacy_text(|t| t.a11y_formats_heading)}</h2>
            <p>{privacy_text(|t| t.a11y_formats_body)}</p>
            <CenterContacts/>
            <h2>{privacy_text(|t| t.a11y_review_heading)}</h2>
            <p>{privacy_text(|t| t.a11y_review_body)}</p>
            <SeeAlso href="/privacy" label=|t| t.privacy_link/>
        </div>
    }
}
