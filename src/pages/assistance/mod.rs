//! Rights-assistance requests (维权援助申请): four apps, so that none downloads another's code. Going from one to another is a page load
//! (plain links, and `crate::app_links::use_go` in code).
//!
//! Applying is a GOV.UK "complete multiple tasks" journey: a start page, the task list of seven
//! sections with their statuses, one page of questions per section, "check your answers", then
//! the request's own page at its secret tracking link, which is the confirmation, the timeline,
//! and the center's messages; answering one, withdrawing and rating the service are pages under
//! the same link. A request can also be found by its reference and mobile number.
//!
//! | page | file | app |
//! | --- | --- | --- |
//! | `/assistance` | `start.rs` | [`AssistanceApp`] |
//! | `/assistance/apply` | `task_list.rs` | [`AssistanceApp`] |
//! | `/assistance/apply/applicant` … `/declaration` | `applicant.rs`, `right.rs`, `other_party.rs`, `facts.rs`, `help.rs`, `evidence.rs`, `declaration.rs` | [`AssistanceApp`] |
//! | `/assistance/apply/check` | `check.rs` | [`AssistanceApp`] |
//! | `/assistance/requests/{token}` | `request.rs` (messages: `messages.rs`) | [`AssistanceTrackingApp`] |
//! | `/assistance/requests/{token}/reply/{message}` | `reply.rs` | [`AssistanceActionsApp`] |
//! | `/assistance/requests/{token}/withdraw` | `withdraw.rs` | [`AssistanceActionsApp`] |
//! | `/assistance/track` | `track.rs` | [`AssistanceLookupApp`] |
//! | `/assistance/requests/{token}/rating` | `rating.rs` | [`AssistanceLookupApp`] |
//!
//! The pages under a request's link load it with `at_link.rs`.
//!
//! The answers are kept by `draft.rs` (on the device and on the server); uploads and previews are `files.rs`; texts `texts.rs`.

mod applicant;
mod at_link;
mod check;
mod declaration;
pub mod draft;
mod evidence;
mod facts;
mod files;
mod gi_name;
mod help;
mod messages;
mod other_party;
mod rating;
mod reply;
mod request;
mod right;
mod shown;
mod start;
mod task_list;
pub mod texts;
mod track;
mod withdraw;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes, A};
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::api::assistance::Section;
use portal_domain::Lang;

use self::draft::{provide_draft, use_draft, SaveState};
use self::texts::{assistance_text, assistance_texts};
use crate::app_links::use_go;
use crate::components::choices::RadioGroup;
use crate::components::form::{error_for, problem_errors, FormErrorSummary, FormErrors};
use crate::components::loading::Loading;
use crate::pages::not_found::NotFound;
use crate::prefs::{use_page_title, use_prefs};

pub const APPLY: &str = "/assistance/apply";

/// The routes of applying (the start page, the task list, its questions, check your answers),
/// with the draft every page shares. (The question pages as an app of their own were 244 KB
/// brotli, the rest 229: neither within budget, and every step between them a page load.)
#[component]
pub fn AssistanceApp() -> impl IntoView {
    provide_draft();
    let a = StaticSegment("assistance");
    let apply = StaticSegment("apply");
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=a view=start::StartPage/>
            <Route path=(a, apply) view=task_list::TaskListPage/>
            <Route path=(a, apply, StaticSegment("applicant")) view=applicant::ApplicantPage/>
            <Route path=(a, apply, StaticSegment("right")) view=right::RightPage/>
            <Route path=(a, apply, StaticSegment("other-party")) view=other_party::OtherPartyPage/>
            <Route path=(a, apply, StaticSegment("facts")) view=facts::FactsPage/>
            <Route path=(a, apply, StaticSegment("help")) view=help::HelpPage/>
            <Route path=(a, apply, StaticSegment("evidence")) view=evidence::EvidencePage/>
            <Route path=(a, apply, StaticSegment("declaration")) view=declaration::DeclarationPage/>
            <Route path=(a, apply, StaticSegment("check")) view=check::CheckPage/>
        </Routes>
    }
}

/// The route of following a request at its tracking link.
#[component]
pub fn AssistanceTrackingApp() -> impl IntoView {
    let a = StaticSegment("assistance");
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(a, StaticSegment("requests"), ParamSegment("token")) view=request::RequestPage/>
        </Routes>
    }
}

/// The route of finding a request by its reference (and getting a new tracking link), and the
/// page that rates a concluded request's service (here because this app had the most room
/// within the size budget: the request's page was over it with the form).
#[component]
pub fn AssistanceLookupApp() -> impl IntoView {
    let a = StaticSegment("assistance");
    let r = (a, StaticSegment("requests"), ParamSegment("token"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(a, StaticSegment("track")) view=track::TrackPage/>
            <Route path=(r, StaticSegment("rating")) view=rating::RatingPage/>
        </Routes>
    }
}

/// The pages of doing something about a submitted request, under its tracking link: answering
/// a message of the center, withdrawing.
#[component]
pub fn AssistanceActionsApp() -> impl IntoView {
    let r = (
        StaticSegment("assistance"),
        StaticSegment("requests"),
        ParamSegment("token"),
    );
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(r, StaticSegment("reply"), ParamSegment("message")) view=reply::ReplyPage/>
            <Route path=(r, StaticSegment("withdraw")) view=withdraw::WithdrawPage/>
        </Routes>
    }
}

/// A submitted request's page at its tracking link.
pub fn request_href(token: &str) -> String {
    format!("/assistance/requests/{token}")
}

/// The page that answers the center's message `message` of a request.
pub fn reply_href(token: &str, message: i64) -> String {
    format!("/assistance/requests/{token}/reply/{message}")
}

/// The page that withdraws a request.
pub fn withdraw_href(token: &str) -> String {
    format!("/assistance/requests/{token}/withdraw")
}

/// The page that rates a request's service.
pub fn rating_href(token: &str) -> String {
    format!("/assistance/requests/{token}/rating")
}

/// The page of a section of the task list.
pub fn section_href(section: Section) -> &'static str {
    match section {
        Section::Applicant => "/assistance/apply/applicant",
        Section::Right => "/assistance/apply/right",
        Section::OtherParty => "/assistance/apply/other-party",
        Section::Facts => "/assistance/apply/facts",
        Section::Help => "/assistance/apply/help",
        Section::Evidence => "/assistance/apply/evidence",
        Section::Declaration => "/assistance/apply/declaration",
    }
}

/// The element id of a field of the draft: `applicant.name` → `applicant-name`.
pub fn field_id(field: &str) -> String {
    field.replace('.', "-")
}

/// "Saved" / "Saving…" / "Not saved", with "try again" when saving failed. Only the failure is
/// announced (an alert once): a live "saving" on every pause in typing would drown a screen
/// reader.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let store = use_draft();
    let prefs = use_prefs();
    move || {
        let t = assistance_texts(prefs.lang.get());
        match store.save.get() {
            SaveState::Idle => None,
            SaveState::Saving => Some(
                view! { <p class="save-status">{t.saving}</p> }.into_any(),
            ),
            SaveState::Saved => (!store.unsent()).then(|| {
                view! { <p class="save-status save-status--saved">{t.saved}</p> }.into_any()
            }),
            SaveState::Failed(message) => Some(
                view! {
                    <div class="error-panel save-status--failed" role="alert">
                        <h2 class="error-panel__title">{t.save_failed_title}</h2>
                        <p>{message.unwrap_or_else(|| t.save_failed_body.to_owned())}</p>
                        <button type="button" class="button button--secondary" on:click=move |_| store.flush()>
                            {t.save_retry}
                        </button>
                    </div>
                }
                .into_any(),
            ),
        }
    }
}

/// The frame of a section's page: back to the task list, which section this is, the saving
/// line, the error summary, the heading, the questions and "save and continue". Continuing
/// checks the section with the server's own checks; when nothing is wrong or missing it goes
/// back to the task list, otherwise it shows what to fix (everything typed stays).
#[component]
fn SectionFrame(
    section: Section,
    errors: RwSignal<FormErrors>,
    /// A heading other than the section's name (a one-question page asks the question).
    #[prop(optional)]
    heading: Option<fn(Lang) -> &'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let prefs = use_prefs();
    let store = use_draft();
    // The task list is another app: going there is a page load. What was typed is on this
    // device already (unsent, if the save below does not finish first) and is sent from there.
    let go = use_go();
    use_page_title(move |lang| heading.map_or_else(|| section.label(lang), |h| h(lang)));
    let number = Section::ALL.iter().position(|s| *s == section).unwrap_or(0) + 1;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // A field shown only after an earlier answer (the name, once the kind of applicant is
        // chosen) has no message until it is shown: the earlier question's comes first.
        let found: FormErrors = problem_errors(
            &store.problems(section),
            prefs.lang.get_untracked(),
            field_id,
        )
        .into_iter()
        .filter(|(id, _)| document().get_element_by_id(id).is_some())
        .collect();
        store.flush();
        if found.is_empty() {
            errors.set(Vec::new());
            go(APPLY);
        } else {
            errors.set(found);
        }
    };
    let children = StoredValue::new(children);
    view! {
        <div class="container page narrow" on:click=focus_summary_target>
            <A href=APPLY attr:class="back-link">{assistance_text(|t| t.back_to_tasks)}</A>
            <p class="caption">
                {move || assistance_texts(prefs.lang.get()).section_of(number, Section::ALL.len())}
            </p>
            <FormErrorSummary errors=errors/>
            <h1 tabindex="-1">
                {move || {
                    let lang = prefs.lang.get();
                    heading.map_or_else(|| section.label(lang), |h| h(lang))
                }}
            </h1>
            <SaveStatus/>
            <Show
                when=move || store.ready.get()
                fallback=|| view! { <Loading label=Signal::derive(assistance_text(|t| t.loading))/> }
            >
                <form novalidate on:submit=on_submit.clone()>
                    {children.with_value(|c| c())}
                    <div class="button-row">
                        <button type="submit" class="button">{assistance_text(|t| t.save_continue)}</button>
                        <A href=APPLY attr:class="button button--secondary">{assistance_text(|t| t.save_later)}</A>
                    </div>
                </form>
            </Show>
        </div>
    }
}

/// A click on a link of the error summary puts focus on the field it names (GOV.UK's pattern:
/// following the link alone only scrolls to it), with the field's label in view.
fn focus_summary_target(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(".error-summary a[href^='#']").ok().flatten())
    else {
        return;
    };
    let id = link.get_attribute("href").unwrap_or_default();
    let Some(field) = document()
        .get_element_by_id(id.trim_start_matches('#'))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    ev.prevent_default();
    if let Some(group) = field.closest(".form-group").ok().flatten() {
        group.scroll_into_view();
    }
    let _ = field.focus();
}

/// The inline message of a field, from the page's errors.
fn error_signal(errors: RwSignal<FormErrors>, field: &'static str) -> Signal<Option<String>> {
    let id = field_id(field);
    Signal::derive(move || errors.with(|e| error_for(e, &id)))
}

/// A yes/no question kept as `Option<bool>` (`None` until answered).
#[component]
fn YesNo(
    name: &'static str,
    #[prop(into)] legend: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    value: RwSignal<Option<bool>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let prefs = use_prefs();
    let selected = RwSignal::new(
        value
            .get_untracked()
            .map(|v| if v { "yes" } else { "no" }.to_owned()),
    );
    Effect::new(move |_| {
        let chosen = selected.with(|s| match s.as_deref() {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        });
        value.set(chosen);
    });
    let options = vec![
        (
            "yes",
            Signal::derive(move || assistance_texts(prefs.lang.get()).yes.to_owned()),
        ),
        (
            "no",
            Signal::derive(move || assistance_texts(prefs.lang.get()).no.to_owned()),
        ),
    ];
    match hint {
        Some(hint) => view! {
            <RadioGroup name=name legend=legend hint=hint options=options selected=selected error=error/>
        }
        .into_any(),
        None => view! {
            <RadioGroup name=name legend=legend options=options selected=selected error=error/>
        }
        .into_any(),
    }
}
