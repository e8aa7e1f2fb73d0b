//! A registered firm's pre-examination requests (专利预审, issue #15, part 2 of the fast track).
//! The firm signs in on the fast-track app; here it sees its requests and its year's quota,
//! fills a draft as a task list (saved as it types), checks and submits it, then follows it:
//! the officer's opinion and its amendment, the pass notice, the report of the national filing.
//!
//! Four apps share this module, so that none is over the 200 KB first-load budget (in one they
//! were 237.7 KB brotli, in two 228.7 and 204.9; the fast-track app had no room at all): the
//! requests, a draft's task list and check (`App::PreExam`), a draft's question pages
//! (`App::PreExamQuestions`), following a submitted request with the documents' uploads
//! (`App::PreExamTracking`), and asking for extra quota (`App::PreExamQuota`, with its texts
//! in a catalog of their own, `quota_texts`). A link between them is a full page load
//! (plain links, and `crate::app_links::use_go` in code).
//!
//! | page | file | app |
//! | --- | --- | --- |
//! | `/fast-track/pre-exams` | `list.rs` (the requests, the quota, a new draft) | requests |
//! | `/fast-track/pre-exams/{id}` | a draft's `task_list.rs` (a submitted one goes to its status) | requests |
//! | `/fast-track/pre-exams/{id}/{section}` | `questions.rs` (`application`, `exclusions`, `details`; the parts in `sections.rs`) | questions |
//! | `/fast-track/pre-exams/{id}/documents` | `documents.rs` (its `DocumentFiles` also in the amendment) | tracking |
//! | `/fast-track/pre-exams/{id}/check` | `check.rs` | requests |
//! | `/fast-track/pre-exams/{id}/confirmation` | `confirmation.rs` | requests |
//! | `/fast-track/pre-exams/{id}/status` | `status.rs` (with `amend.rs`) | tracking |
//! | `/fast-track/pre-exams/{id}/filing` | `filing.rs` (the report of the national filing, checked by the domain) | questions |
//! | `/fast-track/pre-exams/{id}/notice` | `notice.rs` (the printable pass notice) | tracking |
//! | `/fast-track/pre-exams/numbers` | `numbers.rs` (the firm's own numbers) | tracking |
//! | `/fast-track/pre-exams/quota` | `quota.rs` (asking for extra quota, 增量额度) | quota |
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
mod numbers;
mod questions;
mod quota;
mod quota_texts;
mod sections;
mod status;
mod task_list;
pub mod texts;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::{ParamSegment, StaticSegment};
use portal_domain::api::firm::pre_exam::FirmPreExam;
use portal_domain::calendar::Date;

use self::sections::Section;
use self::texts::pe_text;
use crate::api;
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;
use crate::pages::not_found::NotFound;

pub const LIST: &str = "/fast-track/pre-exams";
/// The firm's own numbers (the tracking app).
const NUMBERS: &str = "/fast-track/pre-exams/numbers";
/// Asking for extra quota (its own app).
const QUOTA: &str = "/fast-track/pre-exams/quota";
/// Pages of the other apps (a full page load away).
const SIGN_IN: &str = "/fast-track/sign-in";
const ACCOUNT: &str = "/fast-track/account";
const REGISTRATION: &str = "/fast-track/registration";

/// A request's page: `page` is empty for the request itself, else `check`, `documents`, ….
/// The last day to report the national filing, and the working days left (passed requests).
pub fn report_due(due: Option<Date>, left: Option<i32>) -> impl IntoView {
    let prefs = crate::prefs::use_prefs();
    due.map(|date| {
        view! {
            <p>{move || {
                let lang = prefs.lang.get();
                let left = left.map(|n| crate::dates::days_left(n, lang)).unwrap_or_default();
                texts::pre_exam_texts(lang).report_lead(crate::dates::long_date(date, lang), left)
            }}</p>
        }
    })
}

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

/// The requests, the drafts, check and submit.
#[component]
pub fn PreExamApp() -> impl IntoView {
    view! { <WithSession pages=|| view! { <DraftRoutes/> }.into_any()/> }
}

/// A draft's question pages.
#[component]
pub fn PreExamQuestionsApp() -> impl IntoView {
    view! { <WithSession pages=|| view! { <QuestionRoutes/> }.into_any()/> }
}

/// A submitted request's status and its pass notice; a request's documents.
#[component]
pub fn PreExamTrackingApp() -> impl IntoView {
    view! { <WithSession pages=|| view! { <TrackingRoutes/> }.into_any()/> }
}

/// Asking for extra quota (增量额度).
#[component]
pub fn PreExamQuotaApp() -> impl IntoView {
    view! { <WithSession pages=|| view! { <QuotaRoutes/> }.into_any()/> }
}

/// Reads the session, then shows `pages`; no session: a link to sign in.
#[component]
fn WithSession(pages: fn() -> AnyView) -> impl IntoView {
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
            pages()
        }
    }
}

#[component]
fn DraftRoutes() -> impl IntoView {
    let (f, p) = (StaticSegment("fast-track"), StaticSegment("pre-exams"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, p) view=list::ListPage/>
            <Route path=(f, p, ParamSegment("id")) view=|| view! { <RequestRoute pages=draft_page/> }/>
            <Route path=(f, p, ParamSegment("id"), ParamSegment("page")) view=|| view! { <RequestRoute pages=draft_page/> }/>
        </Routes>
    }
}

#[component]
fn QuestionRoutes() -> impl IntoView {
    let (f, p) = (StaticSegment("fast-track"), StaticSegment("pre-exams"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, p, ParamSegment("id"), ParamSegment("page")) view=|| view! { <RequestRoute pages=question_page/> }/>
        </Routes>
    }
}

#[component]
fn QuotaRoutes() -> impl IntoView {
    let (f, p) = (StaticSegment("fast-track"), StaticSegment("pre-exams"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, p, StaticSegment("quota")) view=quota::QuotaPage/>
        </Routes>
    }
}

#[component]
fn TrackingRoutes() -> impl IntoView {
    let (f, p) = (StaticSegment("fast-track"), StaticSegment("pre-exams"));
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=(f, p, StaticSegment("numbers")) view=numbers::NumbersPage/>
            <Route path=(f, p, ParamSegment("id"), ParamSegment("page")) view=|| view! { <RequestRoute pages=tracking_page/> }/>
        </Routes>
    }
}

/// The request and page of the address: a new page reads the request afresh (moving between two
/// pages of one app keeps this route, so it follows the address).
#[component]
fn RequestRoute(pages: fn(&str, bool) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    move || {
        let (id, page) = params.with(|p| {
            let id = p.get("id").and_then(|s| s.parse::<i64>().ok());
            (id, p.get("page").unwrap_or_default())
        });
        match id {
            Some(id) => view! { <RequestPage id=id page=page pages=pages/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Reads the request, then shows its page (`pages`: the page's name, and whether the request is
/// a draft).
#[component]
fn RequestPage(id: i64, page: String, pages: fn(&str, bool) -> AnyView) -> impl IntoView {
    let prefs = crate::prefs::use_prefs();
    let csrf = use_session().csrf;
    let loaded = LocalResource::new(move || api::firm_pre_exam(id, prefs.lang.get_untracked()));
    move || match loaded.get() {
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
            pages(&page, draft)
        }
    }
}

/// A page of the requests' app: a draft's; a submitted request's own address goes to its status.
fn draft_page(page: &str, draft: bool) -> AnyView {
    match (page, draft) {
        ("", true) => view! { <task_list::TaskListPage/> }.into_any(),
        ("check", true) => view! { <check::CheckPage/> }.into_any(),
        ("confirmation", _) => view! { <confirmation::ConfirmationPage/> }.into_any(),
        ("", false) | ("check", false) => view! { <ToStatus/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

/// A page of the questions' app: a draft's part; a submitted request goes to its status.
fn question_page(page: &str, draft: bool) -> AnyView {
    match (Section::from_code(page), draft) {
        (None, false) if page == "filing" => view! { <filing::FilingPage/> }.into_any(),
        (Some(Section::Documents) | None, _) => view! { <NotFound/> }.into_any(),
        (Some(section), true) => view! { <questions::SectionPage section=section/> }.into_any(),
        (Some(_), false) => view! { <ToStatus/> }.into_any(),
    }
}

/// A page of the tracking app; a draft has no status yet: its task list.
fn tracking_page(page: &str, draft: bool) -> AnyView {
    match (page, draft) {
        ("status", false) => view! { <status::StatusPage/> }.into_any(),
        ("notice", false) => view! { <notice::NoticePage/> }.into_any(),
        ("documents", _) => view! { <documents::DocumentsPage/> }.into_any(),
        ("status" | "notice", true) => view! { <ToStatus/> }.into_any(),
        _ => view! { <NotFound/> }.into_any(),
    }
}

/// Sends the browser to where the request stands now: a draft's task list or a submitted
/// request's status (the other app: a full page load).
#[component]
fn ToStatus() -> impl IntoView {
    let loaded = use_loaded();
    let go = crate::app_links::use_go();
    let href = loaded
        .data
        .with_untracked(|d| status_href(d.id, d.examination.is_none()));
    Effect::new(move |_| go(&href));
    view! { <Waiting loading=true/> }
}

/// Where a request stands: its task list while a draft, else its status.
pub fn status_href(id: i64, draft: bool) -> String {
    page_href(id, if draft { "" } else { "status" })
}
