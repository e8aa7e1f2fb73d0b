//! What a workbench page shows before its content: the guard that lets in only a signed-in
//! account with one of the page's roles (asking first for its own password where an
//! administrator set it), and how a page shows a staff call's error. Kept apart from the session
//! (`super::auth`) so that the password page can use the session without the guard using it back.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use super::auth::use_auth;
use super::own_password::OwnPassword;
use super::page_table::{StaffPage, PAGES};
use super::texts::tr;
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::loading::Loading;

#[derive(Clone, Copy, PartialEq)]
enum Access {
    Checking,
    Anonymous,
    /// An administrator set the password: the account chooses its own first.
    PasswordDue,
    Denied,
    Allowed,
}

/// Shows `children` only to a signed-in account with one of the roles that may open `page`
/// (see [`PAGES`]): without a session it sends the person to the login page (which brings them
/// back), with a password an administrator set it asks for their own first, without the role it
/// says so.
#[component]
pub fn Guard(page: StaffPage, children: ChildrenFn) -> impl IntoView {
    let roles = page.roles();
    let auth = use_auth();
    let location = use_location();
    let navigate = use_navigate();
    let access = Memo::new(move |_| match auth.state.get() {
        None => Access::Checking,
        Some(None) => Access::Anonymous,
        Some(Some(s)) if s.must_change_password => Access::PasswordDue,
        Some(Some(_)) if auth.has_any(roles) => Access::Allowed,
        Some(Some(_)) => Access::Denied,
    });
    Effect::new(move |_| {
        if access.get() == Access::Anonymous {
            let search = location.search.get_untracked();
            let here = format!(
                "{}{}{search}",
                location.pathname.get_untracked(),
                if search.is_empty() { "" } else { "?" },
            );
            let mut to = format!(
                "/staff/login?next={}",
                portal_domain::api::percent_encode(&here)
            );
            if auth.expired.get_untracked() {
                to.push_str("&expired=1");
            }
            let navigate = navigate.clone();
            request_animation_frame(move || {
                // Signing out goes to the login page by itself.
                let path = window().location().pathname().unwrap_or_default();
                if !path.starts_with("/staff/login") {
                    navigate(
                        &to,
                        NavigateOptions {
                            replace: true,
                            ..Default::default()
                        },
                    )
                }
            });
        }
    });
    move || match access.get() {
        Access::Allowed => Some(children().into_any()),
        Access::PasswordDue => Some(view! { <OwnPassword/> }.into_any()),
        Access::Denied => Some(view! { <NoAccess/> }.into_any()),
        Access::Checking | Access::Anonymous => Some(
            view! {
                <div class="container page">
                    <Loading label=Signal::derive(tr(|t| t.loading))/>
                </div>
            }
            .into_any(),
        ),
    }
}

/// The page an account without the role sees instead, with the pages it may use.
#[component]
pub fn NoAccess() -> impl IntoView {
    let auth = use_auth();
    view! {
        <div class="container page narrow">
            <h1 tabindex="-1">{tr(|t| t.no_access_heading)}</h1>
            <p>{tr(|t| t.no_access_body)}</p>
            <ul class="list-bullet">
                {PAGES
                    .into_iter()
                    .filter(|entry| auth.has_any(entry.roles))
                    .map(|entry| view! { <li><a href=entry.path>{tr(entry.label)}</a></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// An error of a staff call as the page shows it: an ended session goes to the login page, a
/// missing role says so, anything else is the usual panel with "try again".
#[component]
pub fn StaffProblem(error: ApiError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let auth = use_auth();
    if api::is_unauthenticated(&error) {
        // Not while this view is being built: the guard replaces it.
        request_animation_frame(move || auth.expire());
        return view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }.into_any();
    }
    if api::is_forbidden(&error) {
        return view! { <NoAccess/> }.into_any();
    }
    view! { <ErrorPanel error=error on_retry=on_retry/> }.into_any()
}

/// A page's data read in the interface language when the page opens, then shown as [`loaded`]
/// shows it.
pub fn load<T, Fut>(
    fetch: impl Fn(portal_domain::Lang) -> Fut + 'static,
    show: impl Fn(T) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ApiError>> + 'static,
{
    let prefs = crate::prefs::use_prefs();
    loaded(
        LocalResource::new(move || fetch(prefs.lang.get_untracked())),
        show,
    )
}

/// A page's data as it comes: "loading", then `show` with it, or the call's error with "try
/// again" (see [`StaffProblem`]).
pub fn loaded<T: Clone + Send + Sync + 'static>(
    resource: LocalResource<Result<T, ApiError>>,
    show: impl Fn(T) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Transition fallback=move || view! { <Loading label=Signal::derive(tr(|t| t.loading))/> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(value) => show(value),
                    Err(error) => view! { <StaffProblem error=error on_retry=move |_| resource.refetch()/> }.into_any(),
                }
            })}
        </Transition>
    }
}
