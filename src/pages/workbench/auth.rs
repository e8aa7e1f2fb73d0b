//! Who is signed in: the session the server knows (asked once when the app starts, then set by
//! login and logout), the CSRF token to send with changes, and the guard every page but the
//! login page stands behind.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use portal_domain::api::staff::{Role, StaffSession};

use super::own_password::OwnPassword;
use super::page_table::{StaffPage, PAGES};
use super::texts::tr;
use crate::api::{self, ApiError};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::FormErrors;
use crate::components::loading::Loading;
use crate::prefs::use_prefs;

#[derive(Clone, Copy)]
pub struct Auth {
    /// `None` until the server has said whether there is a session; then the session or none.
    pub state: RwSignal<Option<Option<StaffSession>>>,
    /// A request was refused because the session had ended (the login page says so).
    pub expired: RwSignal<bool>,
}

impl Auth {
    pub fn csrf(&self) -> String {
        self.state.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| s.csrf_token.clone())
                .unwrap_or_default()
        })
    }

    pub fn username(&self) -> String {
        self.state.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .map(|s| s.username.clone())
                .unwrap_or_default()
        })
    }

    /// Whether the signed-in account has any of `roles` (tracked).
    pub fn has_any(&self, roles: &[Role]) -> bool {
        self.state.with(|s| {
            s.as_ref()
                .and_then(|s| s.as_ref())
                .is_some_and(|s| roles.iter().any(|r| s.roles.contains(r)))
        })
    }

    /// A request answered 401: the session has ended. The guard sends the person to the login
    /// page, which says why and brings them back here afterwards.
    pub fn expire(&self) {
        self.expired.set(true);
        self.state.set(Some(None));
    }

    /// Handles the errors every staff call can get: `true` when the session had ended (the
    /// page is being left for the login page).
    pub fn handled(&self, error: &ApiError) -> bool {
        if api::is_unauthenticated(error) {
            self.expire();
            true
        } else {
            false
        }
    }

    /// A staff form's errors for a failed send: none when the session had ended (the page is
    /// being left for the login page, see [`Auth::handled`]), else `errors` of it.
    pub fn form_errors(
        &self,
        error: ApiError,
        errors: impl FnOnce(ApiError) -> FormErrors,
    ) -> FormErrors {
        if self.handled(&error) {
            Vec::new()
        } else {
            errors(error)
        }
    }
}

pub fn provide_auth() -> Auth {
    let prefs = use_prefs();
    let auth = Auth {
        state: RwSignal::new(None),
        expired: RwSignal::new(false),
    };
    provide_context(auth);
    // The login page needs no session; asking would only log a 401 in the console.
    let path = window().location().pathname().unwrap_or_default();
    if path.starts_with("/staff/login") {
        auth.state.set(Some(None));
        return auth;
    }
    spawn_local_scoped(async move {
        let session = api::staff_session(prefs.lang.get_untracked()).await.ok();
        auth.state.set(Some(session));
    });
    auth
}

pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

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
