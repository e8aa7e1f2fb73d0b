//! A registered firm's pre-examination requests (专利预审, issue #15, part 2 of the fast track).
//! The firm signs in on the fast-track app; here it sees its requests and its year's quota,
//! fills a draft as a task list (saved as it types), checks and submits it, then follows it:
//! the officer's opinion and its amendment, the pass notice, the report of the national filing.
//! Its own app (`App::PreExam`): the fast-track app had no room left under the 200 KB budget.
//!
//! | page | file |
//! | --- | --- |
//! | `/fast-track/pre-exams` | `list.rs` (the requests, the quota, a new draft) |
//! | `/fast-track/pre-exams/{id}` | a draft: `task_list.rs`; a submitted request: `status.rs` (with `amend.rs`, `filing.rs`) |
//! | `/fast-track/pre-exams/{id}/{section}` | `questions.rs` (`application`, `exclusions`, `details`; the parts in `sections.rs`) |
//! | `/fast-track/pre-exams/{id}/documents` | `documents.rs` (also the amendment's files) |
//! | `/fast-track/pre-exams/{id}/check` | `check.rs` |
//! | `/fast-track/pre-exams/{id}/confirmation` | `confirmation.rs` |
//! | `/fast-track/pre-exams/{id}/notice` | `notice.rs` (the printable pass notice) |
//!
//! The app reads the session once (its CSRF token in [`Session`]); each request's page reads the
//! request (`Loaded`), and every save answers with the whole of it, which replaces that copy.

mod amend;
mod check;
mod confirmation;
mod documents;
mod filing;
mod list;
mod notice;
mod questions;
mod sections;
mod status;
mod task_list;
pub mod texts;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::api::firm::pre_exam::FirmPreExam;

use self::sections::Section;
use self::texts::pe_text;
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::pages::not_found::NotFound;

pub const LIST: &str = "/fast-track/pre-exams";
/// Pages of the other apps (a full page load away).
const SIGN_IN: &str = "/fast-track/sign-in";
const ACCOUNT: &str = "/fast-track/account";
const REGISTRATION: &str = "/fast-track/registration";

/// A request's page: `page` is empty for the request itself, else `check`, `documents`, ….
pub fn page_href(id: i64, page: &str) -> String {
    if page.is_empty() {
        format!("{LIST}/{id}")
    } else {
        format!("{LIST}/{id}/{page}")
    }
}

/// The firm's session: its CSRF token, for every change.
#[derive(Clone, Copy)]
pub struct Session {
    pub csrf: StoredValue<String>,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// One request, for the pages about it.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub id: i64,
    pub data: RwSignal<FirmPreExam>,
    pub csrf: StoredValue<String>,
}

pub fn use_loaded() -> Loaded {
    expect_context::<Loaded>()
}

/// A page's frame while its data loads or when it could not: the heading and the state.
#[component]
fn Waiting(
    loading: bool,
    #[prop(optional)] error: Option<api::ApiError>,
    #[prop(optional, into)] retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{pe_text(|t| t.heading)}</h1>
            {loading.then(|| view! { <Loading label=Signal::derive(pe_text(|t| t.loading))/> })}
            {error.map(|error| match error {
                ref e if api::is_firm_unauthenticated(e) => view! {
                    <p>{pe_text(|t| t.not_signed_in)}</p>
                    <p><a class="button" href=SIGN_IN rel="external">{pe_text(|t| t.sign_in_link)}</a></p>
                }.into_any(),
                error => {
                    let retry = retry.unwrap_or_else(|| Callback::new(|()| {}));
                    view! { <ErrorPanel error=error on_retry=retry/> }.into_any()
                }
            })}
        </div>
    }
}

/// Reads the session, then shows the pages; no session: a link to sign in.
#[component]
pub fn PreExamApp() -> impl IntoView {
    let prefs = crate::prefs::use_prefs();
    let session = LocalResource::new(move || api::firm_session(prefs.lang.get_untracked()));
    move || match session.get() {
        None => view! { <Waiting loading=true/> }.into_any(),
        Some(Err(error)) => {
            view! { <Waiting loading=false error=error retry=move |_| session.refetch()/> }
                .into_any()
        }
        Some(Ok(s)) => {
            provide_context(Session {
                csrf: StoredValue::new(s.csrf_token),
            });
            view! { <PreExamRoutes/> }.into_any()
        }
    }
}

#[component]
fn PreExamRoutes() -> impl IntoView {
    let (f, p) = (StaticSegment("fast-track"), StaticSegment("pre-exams"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, p) view=list::ListPage/>
            <Route path=(f, p, ParamSegment("id")) view=RequestRoute/>
            <Route path=(f, p, ParamSegment("id"), ParamSegment("page")) view=RequestRoute/>
        </Routes>
    }
}

/// Reads the request of the address, then shows its page.
#[component]
fn RequestRoute() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()));
    let page = params.with_untracked(|p| p.get("page").unwrap_or_default());
    let Some(id) = id else {
        return view! { <NotFound/> }.into_any();
    };
    let prefs = crate::prefs::use_prefs();
    let csrf = use_session().csrf;
    let loaded = LocalResource::new(move || api::firm_pre_exam(id, prefs.lang.get_untracked()));
    (move || match loaded.get() {
        None => view! { <Waiting loading=true/> }.into_any(),
        Some(Err(error)) => {
            view! { <Waiting loading=false error=error retry=move |_| loaded.refetch()/> }
                .into_any()
        }
        Some(Ok(data)) => {
            let draft = data.examination.is_none();
            provide_context(Loaded {
                id,
                data: RwSignal::new(data),
                csrf,
            });
            request_page(&page, draft)
        }
    })
    .into_any()
}

/// The page named by the address's last part; a draft's pages are the task list's, a submitted
/// request's its status (a draft's page of a submitted request shows its status instead).
fn request_page(page: &str, draft: bool) -> AnyView {
    match (page, draft) {
        ("", true) => view! { <task_list::TaskListPage/> }.into_any(),
        ("" | "application" | "exclusions" | "details" | "check", false) => {
            view! { <status::StatusPage/> }.into_any()
        }
        ("documents", _) => view! { <documents::DocumentsPage/> }.into_any(),
        ("check", true) => view! { <check::CheckPage/> }.into_any(),
        ("confirmation", _) => view! { <confirmation::ConfirmationPage/> }.into_any(),
        ("notice", _) => view! { <notice::NoticePage/> }.into_any(),
        (code, true) => match Section::from_code(code) {
            Some(section) => view! { <questions::SectionPage section=section/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        },
        _ => view! { <NotFound/> }.into_any(),
    }
}
