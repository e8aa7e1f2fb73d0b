//! `/privacy`: the 个人信息保护 notice. The legal basis as Article 13 of the Personal Information
//! Protection Law says it (which case each service relies on is the center's to confirm), then
//! per service what is collected (as the forms and the domain types take it), why, which staff
//! roles see it, and how long it is kept — the retention periods the server enforces, read from
//! `GET /api/v1/privacy/retention` and labelled illustrative while they are the shipped defaults —
//! then what stays in the browser and how to see, correct or delete it. The forms that collect
//! personal data link here, to the section of their service (`#booking`, `#assistance`,
//! `#fast-track`).

use leptos::prelude::*;
use portal_domain::api::admin::RetentionSettings;
use portal_domain::Lang;
use wasm_bindgen::JsCast;

use super::texts::{privacy_text, privacy_texts, PrivacyTexts};
use super::{SeeAlso, TextList};
use crate::api;
use crate::components::venue_contacts::CenterContacts;
use crate::prefs::{use_page_title, use_prefs};

type Text = fn(&PrivacyTexts) -> &'static str;
type Items = fn(Lang) -> &'static [&'static str];

#[component]
pub fn PrivacyNoticePage() -> impl IntoView {
    use_page_title(|lang| privacy_texts(lang).notice_title);
    let prefs = use_prefs();
    let periods = LocalResource::new(move || api::retention(prefs.lang.get_untracked()));
    let periods = Signal::derive(move || periods.get().map(|r| r.ok()));
    scroll_to_hash();
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{privacy_text(|t| t.notice_title)}</h1>
            <p class="lead">{privacy_text(|t| t.notice_lead)}</p>
            <h2>{privacy_text(|t| t.legal_heading)}</h2>
            <p>{privacy_text(|t| t.legal_intro)}</p>
            <TextList items=|l| &privacy_texts(l).legal_items/>
            <p>{privacy_text(|t| t.legal_other)}</p>
            <p class="inset-text">{privacy_text(|t| t.legal_which)}</p>
            <ServiceSection
                id="booking"
                heading=|t| t.booking_heading
                collected=|l| &privacy_texts(l).booking_collected
                why=|t| t.booking_why
                who=|t| t.booking_who
                kept=Kept::Days(periods, |t, p| t.booking_kept(p.booking_days))
            />
            <ServiceSection
                id="assistance"
                heading=|t| t.assistance_heading
                collected=|l| &privacy_texts(l).assistance_collected
                why=|t| t.assistance_why
                who=|t| t.assistance_who
                kept=Kept::Days(periods, |t, p| t.assistance_kept(p.assistance_days))
            />
            <ServiceSection
                id="fast-track"
                heading=|t| t.firms_heading
                collected=|l| &privacy_texts(l).firms_collected
                why=|t| t.firms_why
                who=|t| t.firms_who
                kept=Kept::Fixed(|t| t.firms_kept)
            />
            <h2>{privacy_text(|t| t.browser_heading)}</h2>
            <TextList items=|l| &privacy_texts(l).browser_items/>
            <p>{privacy_text(|t| t.browser_kiosk)}</p>
            <h2 id="rights">{privacy_text(|t| t.rights_heading)}</h2>
            <p>{privacy_text(|t| t.rights_law)}</p>
            <TextList items=|l| &privacy_texts(l).rights_online/>
            <p>{privacy_text(|t| t.rights_counter)}</p>
            <CenterContacts/>
            <p>{privacy_text(|t| t.no_logs)}</p>
            <p>{privacy_text(|t| t.limit_counts)}</p>
            <SeeAlso href="/accessibility" label=|t| t.accessibility_link/>
        </div>
    }
}

/// How long a service's data is kept: from the retention periods the server enforces (`None`
/// while loading, `Some(None)` when they could not be read), or a fixed text.
#[derive(Clone, Copy)]
enum Kept {
    Days(
        Signal<Option<Option<RetentionSettings>>>,
        fn(&PrivacyTexts, &RetentionSettings) -> String,
    ),
    Fixed(Text),
}

#[component]
fn ServiceSection(
    id: &'static str,
    heading: Text,
    collected: Items,
    why: Text,
    who: Text,
    kept: Kept,
) -> impl IntoView {
    let prefs = use_prefs();
    let kept_text = move || {
        let t = privacy_texts(prefs.lang.get());
        match kept {
            Kept::Fixed(text) => (text(t).to_owned(), false),
            Kept::Days(periods, make) => match periods.get() {
                None => (t.kept_loading.to_owned(), false),
                Some(None) => (t.kept_unavailable.to_owned(), false),
                Some(Some(p)) => (make(t, &p), !p.confirmed),
            },
        }
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{privacy_text(heading)}</h2>
            <h3>{privacy_text(|t| t.collected_heading)}</h3>
            <TextList items=collected/>
            <h3>{privacy_text(|t| t.why_heading)}</h3>
            <p>{privacy_text(why)}</p>
            <h3>{privacy_text(|t| t.who_heading)}</h3>
            <p>{privacy_text(who)}</p>
            <h3>{privacy_text(|t| t.kept_heading)}</h3>
            <p role="status">
                {move || kept_text().0}
                {move || kept_text().1.then(|| view! {
                    " "<strong class="badge badge--pending">{privacy_text(|t| t.illustrative)}</strong>
                })}
            </p>
        </section>
    }
}

/// A link from a form (`/privacy#booking`) is a full page load: the browser looks for the
/// section before the app has drawn it, so the page scrolls to it once it is there.
fn scroll_to_hash() {
    if crate::prerender::ACTIVE {
        return;
    }
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(section) = document()
            .get_element_by_id(&id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            section.scroll_into_view();
        }
    });
}
