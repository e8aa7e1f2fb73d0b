//! A firm's registration (专利预审备案) with the center (issue #14). The firm signs in on the
//! fast-track app; here it answers six sections (one of them its uploaded documents) as a task
//! list (saved as it types), sees what the eligibility rules say of its answers, checks and
//! submits, amends what the center sends back, and prints its certificate.
//!
//! Two apps share this module, so that neither is over the 200 KB first-load budget: the task
//! list and what surrounds it (`App::FirmRegistration`), and the question pages
//! (`App::RegistrationQuestions`). A link between them is a full page load
//! (`crate::app_links::follow_links_to_other_apps`).
//!
//! | page | file | app |
//! | --- | --- | --- |
//! | `/fast-track/registration` | `task_list.rs` (and where the registration stands) | registration |
//! | `/fast-track/registration/uploads` | `uploads.rs` | registration |
//! | `/fast-track/registration/check` | `check.rs` | registration |
//! | `/fast-track/registration/certificate` | `certificate.rs` | registration |
//! | `/fast-track/registration/{section}` | `section.rs`, its questions `questions.rs` | questions |
//!
//! Each app reads the registration once when it starts and keeps it in a context ([`Loaded`]);
//! every save answers with the whole of it, which replaces the context's copy.

pub mod answers;
mod certificate;
mod check;
mod eligibility;
pub mod labels;
mod questions;
mod section;
mod task_list;
pub mod texts;
mod uploads;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::api::firm::registration::{FirmRegistration, Section};

use self::texts::reg_text;
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::pages::not_found::NotFound;

pub const LIST: &str = "/fast-track/registration";
pub const CHECK: &str = "/fast-track/registration/check";
pub const CERTIFICATE: &str = "/fast-track/registration/certificate";
/// Pages of the fast-track app (a full page load away).
const SIGN_IN: &str = "/fast-track/sign-in";
const ACCOUNT: &str = "/fast-track/account";

pub fn section_href(section: Section) -> String {
    format!("{LIST}/{}", section.code())
}

/// The firm's registration and its session's CSRF token, for every page of the app.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub data: RwSignal<FirmRegistration>,
    pub csrf: StoredValue<String>,
}

pub fn use_loaded() -> Loaded {
    expect_context::<Loaded>()
}

/// The task list, the documents, check and submit, the certificate.
#[component]
pub fn FirmRegistrationApp() -> impl IntoView {
    view! { <Registration pages=|| view! { <RegistrationRoutes/> }.into_any()/> }
}

/// The question pages.
#[component]
pub fn RegistrationQuestionsApp() -> impl IntoView {
    view! { <Registration pages=|| view! { <QuestionRoutes/> }.into_any()/> }
}

/// Reads the session and the registration, then shows `pages`; no session: a link to sign in.
#[component]
fn Registration(pages: fn() -> AnyView) -> impl IntoView {
    let prefs = crate::prefs::use_prefs();
    let loaded = LocalResource::new(move || async move {
        let lang = prefs.lang.get_untracked();
        let session = api::firm_session(lang).await?;
        let data = api::firm_registration(lang).await?;
        Ok::<_, api::ApiError>((session.csrf_token, data))
    });
    move || {
        match loaded.get() {
        None => view! {
            <div class="container page narrow">
                <h1 tabindex="-1">{reg_text(|t| t.heading)}</h1>
                <Loading label=Signal::derive(reg_text(|t| t.loading))/>
            </div>
        }
        .into_any(),
        Some(Err(error)) if api::is_firm_unauthenticated(&error) => view! {
            <div class="container page narrow">
                <h1 tabindex="-1">{reg_text(|t| t.heading)}</h1>
                <p>{reg_text(|t| t.not_signed_in)}</p>
                <p><a class="button" href=SIGN_IN rel="external">{reg_text(|t| t.sign_in_link)}</a></p>
            </div>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <div class="container page narrow">
                <h1 tabindex="-1">{reg_text(|t| t.heading)}</h1>
                <ErrorPanel error=error on_retry=move |_| loaded.refetch()/>
            </div>
        }
        .into_any(),
        Some(Ok((csrf, data))) => {
            provide_context(Loaded {
                data: RwSignal::new(data),
                csrf: StoredValue::new(csrf),
            });
            pages()
        }
    }
    }
}

#[component]
fn RegistrationRoutes() -> impl IntoView {
    let (f, r) = (StaticSegment("fast-track"), StaticSegment("registration"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, r) view=task_list::TaskListPage/>
            <Route path=(f, r, StaticSegment("check")) view=check::CheckPage/>
            <Route path=(f, r, StaticSegment("certificate")) view=certificate::CertificatePage/>
            <Route path=(f, r, StaticSegment("uploads")) view=uploads::UploadsPage/>
        </Routes>
    }
}

#[component]
fn QuestionRoutes() -> impl IntoView {
    let (f, r) = (StaticSegment("fast-track"), StaticSegment("registration"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, r, ParamSegment("section")) view=section::SectionPage/>
        </Routes>
    }
}
